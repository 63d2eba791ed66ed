"""docs/step-kinds.md's worked example, run as written: a plugin folder loaded with --plugins-dir, whose step
kind shows an earlier answer beside a box for a new one."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

DOC = (Path(__file__).parent.parent / "docs" / "step-kinds.md").read_text(encoding="utf-8")


def doc_block(starts_with):
    """The code block of docs/step-kinds.md whose text starts with ``starts_with``."""
    [block] = [b for b in re.findall(r"```\w*\n(.*?)```", DOC, re.S) if b.startswith(starts_with)]
    return block


@pytest.fixture
def plugin_folder(tmp_path):
    """A folder holding the example plugin, ``thought_record/``, made from the doc's blocks."""
    folder = tmp_path / "plugins"
    (folder / "thought_record" / "exercises").mkdir(parents=True)
    (folder / "thought_record" / "__init__.py").write_text(doc_block('"""A thought record'))
    (folder / "thought_record" / "exercises" / "balanced-thought.yaml").write_text(doc_block("id: balanced-thought"))
    return folder


def run(folder, *args):
    """``python -m innerwork --plugins-dir . ARGS`` (or ``python -c CODE``) in ``folder``, strict about plugins.

    The folder is also in INNERWORK_PLUGINS_DIR, as for someone who exported it: it still loads once."""
    command = ["-c", args[1]] if args[0] == "-c" else ["-m", "innerwork", "--plugins-dir", ".", *args]
    env = {**os.environ, "INNERWORK_STRICT_PLUGINS": "1", "INNERWORK_PLUGINS_DIR": str(folder)}
    return subprocess.run([sys.executable, *command], capture_output=True, text=True, cwd=folder, env=env)


def test_the_example_step_kind_loads_from_a_folder(plugin_folder):
    valid = run(plugin_folder, "validate", "thought_record/exercises")
    assert valid.returncode == 0, valid.stdout + valid.stderr
    listed = {p["name"]: p for p in json.loads(run(plugin_folder, "plugins", "--json").stdout)}
    assert listed["thought_record"]["step_kinds"] == ["second_look"]
    assert listed["thought_record"]["exercise_types"] == ["thought-record"]


def test_a_misspelt_field_of_the_example_is_refused_as_the_doc_shows(plugin_folder):
    exercise = plugin_folder / "thought_record" / "exercises" / "balanced-thought.yaml"
    exercise.write_text(exercise.read_text().replace("looks_at: hot_thought", "looks_a: hot_thought"))
    result = run(plugin_folder, "validate", "thought_record/exercises")
    assert result.returncode == 1
    assert result.stdout.splitlines()[:2] == doc_block("thought_record/exercises/balanced-thought.yaml:").splitlines()


PAGE = """
import json, innerwork
from innerwork.app.session import Session
from innerwork.storage.store import MemoryStore
from innerwork.ui.widgets import ExerciseApp

app = ExerciseApp(Session(innerwork.get_exercise("balanced-thought"), MemoryStore()))
app.input.value = "A meeting ran late"
app.next_button.click()
app.input.value = "I always get it <b>wrong</b>"
app.next_button.click()
shown, box = app.input.children
first = {"shown": shown.value, "label": type(shown).__name__, "classes": list(shown._dom_classes)}
app.back_button.click()
app.input.value = "I always get it wrong"
app.next_button.click()
shown, box = app.input.children
box.value = "I want to kill myself"
notice = app.session.notice
box.value = "One thing went wrong today, and I put it right."
app.next_button.click()
print(json.dumps({"first": first, "again": shown.value, "notice": notice, "answers": app.session.answers,
                  "finished": app.session.finished, "summary": app.session.entry.summary}))
"""


def test_the_example_step_kind_shows_the_earlier_answer_beside_the_new_one(plugin_folder):
    result = run(plugin_folder, "-c", PAGE)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    # the earlier answer as plain text in a label (never HTML), which names the text box
    assert seen["first"] == {
        "shown": "You wrote: I always get it <b>wrong</b>",
        "label": "Label",
        "classes": ["innerwork-hint"],
    }
    assert seen["again"] == "You wrote: I always get it wrong"  # built anew: the changed answer shows
    assert "carry this alone" in seen["notice"]  # typed = True: the gentle check reads the new words
    assert seen["finished"] and seen["answers"]["balanced"] == "One thing went wrong today, and I put it right."
    assert "One thing went wrong today, and I put it right\\." in seen["summary"]
    assert "(In place of: I always get it wrong)" in seen["summary"]


def test_a_widget_context_is_a_read_only_copy_of_the_answers():
    from innerwork.content.steps import StepContext

    answers = {"wins": ["Rested"]}
    context = StepContext.of(answers)
    with pytest.raises(TypeError):
        context.answers["wins"] = []
    context.answers["wins"].append("changed")
    assert answers == {"wins": ["Rested"]}  # the person's answers stay as they were
    assert context.redraw() is None and context.exercise is None


def test_the_common_step_fields_are_those_every_built_in_kind_has():
    from innerwork.content import schemas
    from innerwork_plugins.builtin_steps import STEP_KINDS

    defs = schemas.load("steps.schema.json")["$defs"]
    common = defs["common"]
    for kind in STEP_KINDS:
        own = defs[kind.kind]
        assert {name: own["properties"].get(name) for name in common["properties"]} == common["properties"]
        assert set(common["required"]) <= set(own["required"])


def test_a_misspelt_step_kind_is_named_with_the_kind_it_is_close_to(plugin_folder):
    exercise = plugin_folder / "thought_record" / "exercises" / "balanced-thought.yaml"
    exercise.write_text(exercise.read_text().replace("kind: second_look", "kind: second_lok"))
    result = run(plugin_folder, "validate", "thought_record/exercises")
    assert result.returncode == 1
    assert "unknown step kind 'second_lok'; did you mean 'second_look'?" in result.stdout
    assert "balanced-thought.yaml" in result.stdout and "Traceback" not in result.stdout + result.stderr
