"""One test per hook in core/hookspecs.py (tests/test_docs.py checks that none is missing)."""

import re

import ipywidgets as W
import pytest

import innerwork
from innerwork.app.session import Session
from innerwork.catalogue import loader as catalogue
from innerwork.registry import registered
from innerwork.registry.plugins import PluginInfo
from innerwork.storage.store import MemoryStore

EXERCISE = """id: {id}
type: {type}
schema_version: 1
title: A test exercise
summary: For a hook test.
minutes: 2
source: {{title: "Facing Challenges in Therapy", publisher: TherapyRoute}}
content:
  steps:
{steps}
    - id: end
      kind: summary
"""


@pytest.fixture
def with_plugins(monkeypatch):
    """Load plugins as usual, plus several registered like installed ones (name -> plugin).

    Saves happen when the test says, not on the autosave timer (a timer left from one test
    could otherwise save during the next).
    """
    from innerwork.app import session as sessions

    monkeypatch.setattr(sessions, "AUTOSAVE_SECONDS", 3600)

    def install(**named):
        original = registered.make_manager

        def make_manager():
            manager, infos = original()
            for name, plugin in named.items():
                manager.register(plugin, name=name)
                infos[name] = PluginInfo(name)
            return manager, infos

        monkeypatch.setattr(registered, "make_manager", make_manager)
        catalogue.reset()

    yield install
    monkeypatch.undo()
    catalogue.reset()


@pytest.fixture
def with_plugin(with_plugins):
    """Load plugins as usual, plus ``plugin`` (registered like an installed one)."""
    return lambda plugin: with_plugins(**{"test-plugin": plugin})


def write_exercise(folder, exercise_id, exercise_type, steps):
    folder.mkdir(exist_ok=True)
    (folder / f"{exercise_id}.yaml").write_text(EXERCISE.format(id=exercise_id, type=exercise_type, steps=steps))
    return folder


def test_hook_register_exercise_types(with_plugin, tmp_path):
    class Calm(innerwork.ExerciseType):
        name = "calm"

        def summary(self, exercise, answers, derived):
            return "# Calm summary"

    class Plugin:
        @innerwork.hookimpl
        def register_exercise_types(self, register):
            register(Calm)

    with_plugin(Plugin())
    assert registered.plugins().types["calm"].plugin == "test-plugin"
    folder = write_exercise(tmp_path / "x", "calm-one", "calm", "    - {id: how, kind: scale, prompt: How calm}")
    exercise = catalogue.load_catalogue([folder]).exercises["calm-one"]
    assert exercise.exercise_type.summary(exercise, {}, {}) == "# Calm summary"


def test_hook_register_content_dirs(with_plugin, tmp_path):
    folder = write_exercise(
        tmp_path / "content", "extra-wins", "wins-log", "    - {id: wins, kind: list, prompt: Any wins}"
    )

    class Plugin:
        @innerwork.hookimpl
        def register_content_dirs(self, register):
            register(folder)

    with_plugin(Plugin())
    assert innerwork.get_exercise("extra-wins").path.endswith("extra-wins.yaml")
    assert "wins-log" in {e.id for e in innerwork.exercises()}  # the built-in content is still there


def step_kind_plugin(*kinds, type_name="breathing"):
    """A plugin that registers ``kinds`` and an exercise type whose content may use any step kind."""

    class Plugin:
        @innerwork.hookimpl
        def register_step_kinds(self, register):
            for kind in kinds:
                register(kind)

        @innerwork.hookimpl
        def register_exercise_types(self, register):
            register(type(type_name.title(), (innerwork.ExerciseType,), {"name": type_name}))

    return Plugin()


def test_hook_register_step_kinds(with_plugin, tmp_path):
    class Breaths(innerwork.StepKind):
        kind = "breaths"
        schema = {"type": "object", "properties": {"count": {"type": "integer", "minimum": 1}}}

        def check(self, value, answers):
            return None if isinstance(value, int) and value >= 0 else "Please give a number of breaths."

        def widget(self, value, on_change, context):
            box = W.BoundedIntText(value=value or 0, min=0, max=100, description="Breaths")
            box.observe(lambda change: on_change(change["new"]), "value")
            return box

    with_plugin(step_kind_plugin(Breaths))
    folder = write_exercise(
        tmp_path / "x", "breathing", "breathing", "    - {id: taken, kind: breaths, prompt: Breathe., count: 5}"
    )
    exercise = catalogue.load_catalogue([folder]).exercises["breathing"]
    from innerwork.ui.widgets import ExerciseApp

    app = ExerciseApp(Session(exercise, MemoryStore()))
    app.input.value = 7
    assert app.session.answers == {"taken": 7}
    app.session.save_now()  # now, not from a timer during the next test
    bad = write_exercise(
        tmp_path / "y", "bad-breathing", "breathing", "    - {id: taken, kind: breaths, prompt: Breathe., count: 0}"
    )
    [error] = catalogue.load_catalogue([bad]).errors
    assert "/content/steps/0/count" in str(error)
    # one bad step does not hide the problems of the steps after it
    two = write_exercise(
        tmp_path / "z",
        "two-bad",
        "breathing",
        "    - {id: a, kind: breaths, prompt: One., count: 0}\n"
        "    - {id: b, kind: breaths, prompt: Two., count: 2, items_from: nowhere}",
    )
    problems = " ".join(map(str, catalogue.load_catalogue([two]).errors))
    assert "/content/steps/0/count" in problems and "/content/steps/1/items_from" in problems


class Feeling(innerwork.StepKind):
    """A step kind whose schema covers only its own fields and allows no others."""

    kind = "feeling"
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": ["options"],
        "properties": {
            "options": {"type": "array", "items": {"type": "string"}, "minItems": 2},
            "allow_other": {"type": "boolean"},
        },
    }


def test_a_step_kind_schema_with_no_other_fields_takes_the_common_ones_and_refuses_a_typo(with_plugin, tmp_path):
    with_plugin(step_kind_plugin(Feeling))
    good = (
        "    - id: felt\n      kind: feeling\n      title: A feeling\n      prompt: Which one?\n"
        "      help: Any is fine.\n      required: true\n      options: [calm, tense]\n      allow_other: true"
    )
    folder = write_exercise(tmp_path / "good", "feelings", "breathing", good)
    loaded = catalogue.load_catalogue([folder])
    assert loaded.errors == [] and loaded.exercises["feelings"].steps[0].spec["allow_other"] is True
    typo = good.replace("allow_other", "allow_othr")
    [error] = catalogue.load_catalogue([write_exercise(tmp_path / "typo", "feelings", "breathing", typo)]).errors
    line = EXERCISE.format(id="feelings", type="breathing", steps=typo).splitlines().index("      allow_othr: true")
    assert f"feelings.yaml:{line + 1}:" in str(error)
    assert "/content/steps/0/allow_othr" in str(error) and "did you mean 'allow_other'?" in str(error)
    missing = good.replace("      options: [calm, tense]\n", "")
    [error] = catalogue.load_catalogue([write_exercise(tmp_path / "missing", "feelings", "breathing", missing)]).errors
    assert "missing required field 'options'" in str(error)


def test_a_step_kind_that_raises_on_a_step_fails_that_file_only(with_plugin, tmp_path):
    class Fragile(innerwork.StepKind):
        kind = "fragile"

        def __init__(self, spec):
            super().__init__(spec)
            self.count = spec["count"]  # a field the kind forgot to require in a schema

    with_plugin(step_kind_plugin(Fragile))
    folder = write_exercise(tmp_path / "x", "fragile-one", "breathing", "    - {id: a, kind: fragile, prompt: One.}")
    loaded = catalogue.load_catalogue([folder])
    [error] = loaded.errors
    assert "fragile-one.yaml" in str(error) and "/content/steps/0" in str(error)
    assert "step kind 'fragile' failed on this step: KeyError" in str(error) and "test-plugin" in str(error)
    assert "wins-log" in {e.id for e in innerwork.exercises()}  # the rest of the catalogue loads


def test_a_step_kind_with_a_broken_schema_fails_its_plugin_only(with_plugin):
    class Broken(innerwork.StepKind):
        kind = "broken"
        schema = {"type": "object", "properties": {"n": {"$ref": "#/$defs/nowhere"}}}

    with pytest.warns(innerwork.errors.PluginWarning, match=r"step kind 'broken' \(Broken.schema\) has a \$ref"):
        with_plugin(step_kind_plugin(Broken))
        registry = registered.plugins()
    assert registry.infos["test-plugin"].status == "failed" and "broken" not in registry.step_kinds
    assert innerwork.get_exercise("wins-log").title == "Wins log"


def test_the_built_in_step_kinds_are_registered_by_a_plugin_and_bring_their_own_widgets():
    from innerwork.ui import widgets

    registry = registered.plugins()
    built_in = {kind for kind, plugin in registry.step_kind_plugins.items() if plugin == "builtin_steps"}
    assert {"prompt", "scale", "list", "rate_items", "order", "timer", "summary"} <= built_in
    assert "register_step_kinds" in registry.infos["builtin_steps"].hooks
    answered = {kind for kind in built_in if registry.step_kinds[kind].widget is not innerwork.StepKind.widget}
    assert answered == built_in - {"text", "summary"}  # every kind with an input declares it itself
    assert not hasattr(widgets, "build_input")


def test_a_plugin_cannot_replace_a_built_in_step_kind(with_plugin):
    class Prompt(innerwork.StepKind):
        kind = "prompt"

    with pytest.warns(innerwork.errors.PluginWarning, match="step kind 'prompt' is already registered"):
        with_plugin(step_kind_plugin(Prompt))
        registry = registered.plugins()
    assert registry.infos["test-plugin"].status == "failed"
    assert registry.step_kind_plugins["prompt"] == "builtin_steps" and registry.step_kinds["prompt"] is not Prompt


def test_a_step_kind_whose_widget_raises_leaves_the_page_working(with_plugin, tmp_path, monkeypatch):
    from innerwork.errors import PluginError, PluginWarning
    from innerwork.ui.widgets import ExerciseApp

    class Faulty(innerwork.StepKind):
        kind = "faulty"

        def widget(self, value, on_change, context):
            raise ValueError(f"cannot show {context.answers}")

    with_plugin(step_kind_plugin(Faulty))
    steps = "    - {id: before, kind: prompt, prompt: Anything}\n    - {id: odd, kind: faulty, prompt: Odd.}"
    folder = write_exercise(tmp_path / "x", "faulty-step", "breathing", steps)
    exercise = catalogue.load_catalogue([folder]).exercises["faulty-step"]
    session = Session(exercise, MemoryStore())
    session.set_answer("before", "a private sentence")
    session.index = 1
    with pytest.warns(
        PluginWarning, match=r"'test-plugin'.*widget of step kind 'faulty' failed \(ValueError\)"
    ) as caught:
        app = ExerciseApp(session)
    assert "could not be shown" in app.input.value and app.nav.layout.display != "none"
    assert "private sentence" not in str(caught[0].message)
    app.back_button.click()
    assert app.input.value == "a private sentence"
    monkeypatch.setenv("INNERWORK_STRICT_PLUGINS", "1")
    session.index = 1
    with pytest.raises(PluginError, match="'test-plugin'.*'faulty'"):
        ExerciseApp(session)


def test_a_required_step_whose_widget_raises_can_be_passed(with_plugin, tmp_path):
    from innerwork.errors import PluginWarning
    from innerwork.ui.widgets import ExerciseApp

    class Faulty(innerwork.StepKind):
        kind = "faulty"

        def widget(self, value, on_change, context):
            raise ValueError("cannot show")

    with_plugin(step_kind_plugin(Faulty))
    steps = (
        "    - {id: odd, kind: faulty, prompt: Odd., required: true}\n"
        "    - {id: after, kind: prompt, prompt: And then?}"
    )
    folder = write_exercise(tmp_path / "x", "faulty-required", "breathing", steps)
    session = Session(catalogue.load_catalogue([folder]).exercises["faulty-required"], MemoryStore())
    with pytest.warns(PluginWarning, match="widget of step kind 'faulty' failed"):
        app = ExerciseApp(session)
    assert "go on without this one" in app.input.value
    app.next_button.click()
    assert session.step.id == "after" and not session.problems
    assert "odd" not in session.answers  # nothing was made up for the step nobody could answer
    session.set_answer("after", "a walk")
    assert session.finish() and session.entry.status == "completed"


def test_a_widget_written_for_the_first_step_kind_api_still_works(with_plugin, tmp_path):
    from innerwork.ui.widgets import ExerciseApp

    class Breaths(innerwork.StepKind):
        kind = "breaths"

        def widget(self, value, on_change):  # without the context
            box = W.BoundedIntText(value=value or 0, min=0, max=100, description="Breaths")
            box.observe(lambda change: on_change(change["new"]), "value")
            return box

    with_plugin(step_kind_plugin(Breaths))
    folder = write_exercise(
        tmp_path / "x", "breaths", "breathing", "    - {id: taken, kind: breaths, prompt: Breathe.}"
    )
    app = ExerciseApp(Session(catalogue.load_catalogue([folder]).exercises["breaths"], MemoryStore()))
    app.input.value = 4
    assert app.session.answers == {"taken": 4}
    app.session.save_now()


class Recorder:
    def __init__(self):
        self.calls = []

    @innerwork.hookimpl
    def exercise_saved(self, entry):
        self.calls.append(("saved", entry.status, dict(entry.answers)))

    @innerwork.hookimpl
    def exercise_completed(self, entry, summary):
        self.calls.append(("completed", entry.status, summary.splitlines()[0]))


def test_hook_exercise_saved(with_plugin):
    recorder = Recorder()
    with_plugin(recorder)
    session = Session(innerwork.get_exercise("wins-log"), MemoryStore())
    session.set_answer("wins", ["Rested"])
    session.save_now()
    assert recorder.calls == [("saved", "draft", {"wins": ["Rested"]})]


def test_hook_exercise_completed(with_plugin):
    recorder = Recorder()
    with_plugin(recorder)
    session = Session(innerwork.get_exercise("wins-log"), MemoryStore())
    session.set_answer("wins", ["Rested"])
    assert session.finish()
    assert recorder.calls[-1] == ("completed", "completed", "# Wins log")


def test_hook_answer_notice(with_plugin):
    class Plugin:
        @innerwork.hookimpl
        def answer_notice(self, text, exercise):
            return f"A note about exams in {exercise.id}." if "exam" in text.lower() else None

    with_plugin(Plugin())
    session = Session(innerwork.get_exercise("wins-log"), MemoryStore())
    session.set_answer("wins", ["Revised for my exam"])
    assert session.notice == "A note about exams in wins-log."
    session.set_answer("wins", ["Went for a walk"])
    assert session.notice is None


class Raising:
    """A plugin whose every hook raises, like a buggy one someone installed."""

    @innerwork.hookimpl
    def answer_notice(self, text, exercise):
        raise ValueError(f"cannot read {text}")

    @innerwork.hookimpl
    def exercise_saved(self, entry):
        raise ValueError(f"cannot keep {entry.answers}")

    @innerwork.hookimpl
    def exercise_completed(self, entry, summary):
        raise ValueError(f"cannot keep {summary}")


def test_a_raising_answer_notice_plugin_leaves_the_others_notes(with_plugins, recwarn):
    class Exams:
        @innerwork.hookimpl
        def answer_notice(self, text):
            return "A note about exams." if "exam" in text else None

    # registered before and after the raising one, so it is neither first nor last
    with_plugins(exams=Exams(), raising=Raising())
    session = Session(innerwork.get_exercise("wins-log"), MemoryStore())
    session.set_answer("wins", ["Revised for my exam"])
    assert session.notice == "A note about exams."
    session.set_answer("wins", ["I want to kill myself"])
    assert "carry this alone" in session.notice  # the built-in gentle check still speaks
    failures = [str(w.message) for w in recwarn if re.search(r"'raising'.*failed in answer_notice", str(w.message))]
    assert len(failures) == 1 and "ValueError" in failures[0]  # reported once, for two calls
    assert "exam" not in failures[0] and "kill" not in failures[0]  # without the person's text


def test_a_raising_exercise_saved_plugin_neither_stops_the_save_nor_the_others(with_plugins, tmp_path):
    from innerwork.errors import PluginWarning
    from innerwork.storage.store import SQLiteStore

    recorder = Recorder()
    with_plugins(raising=Raising(), recorder=recorder)
    store = SQLiteStore(tmp_path / "a.sqlite3")
    session = Session(innerwork.get_exercise("wins-log"), store)
    heard = []
    session.listeners.append(lambda: heard.append(session.saved))
    session.set_answer("wins", ["Rested"])
    with pytest.warns(PluginWarning, match="'raising'.*failed in exercise_saved") as caught:
        assert session.save_now()
    assert ("saved", "draft", {"wins": ["Rested"]}) in recorder.calls
    assert heard == [True]  # the page's "Saved" label still hears about it
    assert store.get(session.entry.id).answers == {"wins": ["Rested"]}
    assert all("Rested" not in str(w.message) for w in caught)


def test_a_raising_exercise_completed_plugin_neither_stops_finishing_nor_the_others(with_plugins, tmp_path):
    from innerwork.errors import PluginWarning
    from innerwork.storage.store import SQLiteStore

    recorder = Recorder()
    with_plugins(recorder=recorder, raising=Raising())
    store = SQLiteStore(tmp_path / "a.sqlite3")
    session = Session(innerwork.get_exercise("wins-log"), store)
    session.set_answer("wins", ["Rested"])
    with pytest.warns(PluginWarning, match="'raising'.*failed in exercise_completed"):
        assert session.finish()
    assert recorder.calls[-1] == ("completed", "completed", "# Wins log")
    assert store.get(session.entry.id).status == "completed"
