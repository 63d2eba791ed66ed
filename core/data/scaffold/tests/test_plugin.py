"""Tests of the {{name}} plugin, with innerwork's conformance kit and pytest fixtures."""
import json
from pathlib import Path

import {{module}}
from innerwork.authoring.testing import check_plugin

HERE = Path({{module}}.__file__).parent
EXAMPLES = json.loads((HERE / "examples.json").read_text(encoding="utf-8"))


def test_conformance():
    check_plugin("{{entry}}", examples=EXAMPLES)


def test_summary_counts_what_was_noticed(load_exercise):
    exercise = load_exercise(HERE / "exercises" / "{{name}}-check-in.yaml")
    answers = EXAMPLES["{{name}}-check-in"]
    derived = exercise.exercise_type.derive(exercise, answers)
    assert derived == {"noticed": 2}
    assert "You noticed 2 thing(s)." in exercise.exercise_type.summary(exercise, answers, derived)
