"""innerwork: guided self-help exercises for the time between therapy sessions."""

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _version

from .content.exercise_type import Exercise, ExerciseType
from .content.steps import StepKind
from .errors import ContentError, InvalidContent, UnknownExercise
from .hookspecs import hookimpl

try:
    __version__ = _version("innerwork")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "hookimpl",
    "ExerciseType",
    "Exercise",
    "StepKind",
    "ContentError",
    "InvalidContent",
    "UnknownExercise",
    "exercises",
    "get_exercise",
    "show",
    "gallery",
    "history",
    "preview",
    "looking_back",
]


def exercises() -> list[Exercise]:
    """Every exercise that loaded, sorted by title."""
    from .catalogue.loader import catalogue

    return sorted(catalogue().exercises.values(), key=lambda e: e.title)


def get_exercise(exercise_id: str) -> Exercise:
    """One exercise by id; raises :class:`UnknownExercise` with close matches."""
    from .catalogue.loader import catalogue

    return catalogue().get(exercise_id)


def __getattr__(name):
    # the widget layer loads only when asked for, so the command line starts fast
    if name in {"show", "gallery", "history", "preview", "workshop_page", "looking_back"}:
        from .ui import notebook

        return getattr(notebook, name)
    raise AttributeError(f"module 'innerwork' has no attribute {name!r}")
