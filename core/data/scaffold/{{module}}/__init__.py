"""The {{name}} exercise type for innerwork."""
from pathlib import Path

from innerwork import ExerciseType, hookimpl
from innerwork.content.exercise_type import default_summary

HERE = Path(__file__).parent


class {{Class}}(ExerciseType):
    """Steps from the exercise file; the summary counts what the person noticed."""

    name = "{{name}}"
    version = "0.1"
    description = "A short check-in: notice what is here, then rate how you feel."
    content_schema = HERE / "schemas" / "content.schema.json"
    answers_schema = HERE / "schemas" / "answers.schema.json"

    def derive(self, exercise, answers):
        """Figures worked out from the answers, passed to ``summary``."""
        return {"noticed": len(answers.get("noticed", []))}

    def summary(self, exercise, answers, derived):
        """Markdown the person can keep. ``default_summary`` escapes their text."""
        highlights = [f"You noticed {derived['noticed']} thing(s)."] if derived["noticed"] else []
        return default_summary(exercise, answers, highlights)


@hookimpl
def register_exercise_types(register):
    register({{Class}}())


@hookimpl
def register_content_dirs(register):
    register(HERE / "exercises")
