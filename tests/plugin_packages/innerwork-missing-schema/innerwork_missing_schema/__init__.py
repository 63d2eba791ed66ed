"""A calm-corner exercise type that names an answers schema file the package does not ship."""

from pathlib import Path

from innerwork import ExerciseType, hookimpl

HERE = Path(__file__).parent


class CalmCorner(ExerciseType):
    name = "calm-corner"
    answers_schema = HERE / "schemas" / "answers.schema.json"  # never shipped: the mistake under test


@hookimpl
def register_exercise_types(register):
    register(CalmCorner())


@hookimpl
def register_content_dirs(register):
    register(HERE / "exercises")
