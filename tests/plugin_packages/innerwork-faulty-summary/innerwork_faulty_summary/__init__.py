"""A mood-note exercise type whose derive() fails when the rating was skipped: a real kind of bug."""

from pathlib import Path

from innerwork import ExerciseType, hookimpl
from innerwork.content.exercise_type import default_summary

HERE = Path(__file__).parent


class MoodNote(ExerciseType):
    name = "mood-note"

    def derive(self, exercise, answers):
        return {"low": answers["intensity"] < 4}  # KeyError when the optional rating was skipped

    def summary(self, exercise, answers, derived):
        return default_summary(exercise, answers, ["A gentle day."] if derived["low"] else [])


@hookimpl
def register_exercise_types(register):
    register(MoodNote())


@hookimpl
def register_content_dirs(register):
    register(HERE / "exercises")
