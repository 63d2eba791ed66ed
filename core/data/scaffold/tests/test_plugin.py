"""Tests of the {{name}} plugin, with innerwork's conformance kit."""
import json
from pathlib import Path

import innerwork
import {{module}}
from innerwork.testing import check_plugin

EXAMPLES = json.loads((Path({{module}}.__file__).parent / "examples.json").read_text(encoding="utf-8"))


def test_conformance():
    check_plugin("{{entry}}", examples=EXAMPLES)


def test_summary_counts_what_was_noticed():
    exercise = innerwork.get_exercise("{{name}}-check-in")
    answers = EXAMPLES["{{name}}-check-in"]
    derived = exercise.exercise_type.derive(exercise, answers)
    assert derived == {"noticed": 2}
    assert "You noticed 2 thing(s)." in exercise.exercise_type.summary(exercise, answers, derived)
