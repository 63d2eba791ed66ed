"""A grounding exercise: name what you notice with each sense."""

from pathlib import Path

from innerwork import ExerciseType, hookimpl
from innerwork.content.exercise_type import default_summary, ratings_chart

CONTENT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "additionalProperties": False,
    "required": ["steps"],
    "properties": {"steps": {"$ref": "urn:innerwork:steps#/$defs/steps"}},
}
ANSWERS_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "properties": {
        "calm_before": {"type": "integer", "minimum": 0, "maximum": 10},
        "calm_after": {"type": "integer", "minimum": 0, "maximum": 10},
    },
    "additionalProperties": {"$ref": "urn:innerwork:answers#/$defs/value"},
}


class Grounding(ExerciseType):
    name = "grounding"
    version = "0.3"
    content_schema = CONTENT_SCHEMA
    answers_schema = ANSWERS_SCHEMA

    def summary(self, exercise, answers, derived):
        return default_summary(exercise, answers, ["You took a few minutes to come back to the present."])

    def charts(self, exercises):
        return [
            ratings_chart(
                "settled",
                "How settled you felt",
                {"calm_before": "Before", "calm_after": "After"},
                better="higher",
                compare=("Before", "After"),
            )
        ]


@hookimpl
def register_exercise_types(register):
    register(Grounding())


@hookimpl
def register_content_dirs(register):
    register(Path(__file__).parent / "exercises")


saved = []


@hookimpl
def exercise_saved(entry):
    saved.append(entry.id)
