"""Hook specifications: everything a plugin can add to innerwork.

Every hook receives keyword arguments. A plugin may accept fewer arguments
than a spec lists, so new arguments can be added later without breaking it.
"""

from pluggy import HookimplMarker, HookspecMarker

hookspec = HookspecMarker("innerwork")
hookimpl = HookimplMarker("innerwork")


@hookspec
def register_exercise_types(register):
    """Call ``register(exercise_type)`` for each :class:`innerwork.ExerciseType` the plugin provides."""


@hookspec
def register_content_dirs(register):
    """Call ``register(path)`` for each directory of exercise files (YAML or JSON) the plugin ships."""


@hookspec
def register_step_kinds(register):
    """Call ``register(step_kind_class)`` for each extra step kind (a :class:`innerwork.content.steps.StepKind` subclass)."""


@hookspec
def exercise_saved(entry):
    """An entry (a draft or a completed one) was saved to the store. ``entry`` is an :class:`innerwork.storage.store.Entry`."""


@hookspec
def exercise_completed(entry, summary):
    """A person finished an exercise. ``summary`` is the Markdown summary shown to them."""


@hookspec
def answer_notice(text, exercise):
    """Read a person's free text, on their own machine, as they type it.

    ``text`` is everything they typed in the current step; ``exercise`` is the
    :class:`innerwork.Exercise`. Return a short Markdown note to show them (kindly,
    with the help panel, and dismissible), or ``None``. Never store or send anything.
    """
