"""Reflection before and after a session, and whether "hard" means it is working.

Safety rule: a warning sign (``guidance.warnings``) that is ticked puts its own guidance first.
Counting signs never outweighs it. The crisis text and the crisis lines end every guidance, so
that a downloaded summary is complete on its own.
"""

from innerwork import ExerciseType, hookimpl
from innerwork.app.help import help_markdown, home_safety_markdown
from innerwork.content.exercise_type import default_summary

NOT_CANCELLED = "You also ticked signs of progress. They are real, and they do not cancel out what is above."


def _upgrade_from_1(content):
    """Version 2 adds ``guidance.warnings`` and the timer, number and pick steps; version 1 files need no change."""
    return content


class Reflection(ExerciseType):
    name = "reflection"
    version = "2.0"
    content_version = 2
    migrations = {1: _upgrade_from_1}
    description = "Put a session into words, get ready for the next one, or weigh the signs of progress."
    content_schema = "types/reflection.content.schema.json"
    answers_schema = "types/reflection.answers.schema.json"

    def content_problems(self, exercise):
        options = {option for step in exercise.steps if step.kind == "checklist" for option in step.options}
        warnings = exercise.content.get("guidance", {}).get("warnings", [])
        return [
            (
                f"/content/guidance/warnings/{n}/sign",
                f"'{w['sign']}' is not an option of any checklist step, so it could never be ticked and its "
                "guidance would never show; copy the option's words exactly",
            )
            for n, w in enumerate(warnings)
            if w["sign"] not in options
        ]

    def derive(self, exercise, answers):
        working = len(answers.get("working") or [])
        not_working = len(answers.get("not_working") or [])
        guidance = exercise.content.get("guidance") or {}
        ticked = {sign for step in exercise.steps if step.kind == "checklist" for sign in answers.get(step.id) or []}
        warnings = [w["sign"] for w in guidance.get("warnings", []) if w["sign"] in ticked]
        if not guidance or not (warnings or ("working" in guidance and (working or not_working))):
            leaning = None
        elif warnings:
            leaning = "warning"
        else:
            leaning = (
                "working" if working > not_working + 1 else "not_working" if not_working > working + 1 else "mixed"
            )
        return {"working": working, "not_working": not_working, "warnings": warnings, "leaning": leaning}

    def summary(self, exercise, answers, derived):
        text = default_summary(exercise, answers)
        guidance = exercise.content.get("guidance")
        if not (guidance and derived["leaning"]):
            return text
        parts = []
        if derived["warnings"]:
            ticked = [w for w in guidance["warnings"] if w["sign"] in derived["warnings"]]
            parts += [w["guidance"].strip() for w in ticked]
            if derived["working"]:
                parts.append(NOT_CANCELLED)
            if any(w.get("lines") == "home_safety" for w in ticked):
                parts.append(home_safety_markdown())
        else:
            parts.append(guidance[derived["leaning"]].strip())
        if "working" in guidance:
            parts.append(
                f"Signs of progress ticked: {derived['working']}. "
                f"Signs that something may not be working: {derived['not_working']}."
            )
        return "\n\n".join(
            [
                text,
                "## What your answers suggest",
                *parts,
                "## If you need help",
                guidance["help_now"].strip(),
                help_markdown(),
            ]
        )

    def charts(self, exercises):
        from innerwork.content.exercise_type import Chart, ratings_chart

        def signs(answers):
            if "working" not in answers and "not_working" not in answers:
                return {}
            return {
                "Signs of progress": len(answers.get("working") or []),
                "Signs something may not be working": len(answers.get("not_working") or []),
            }

        return [
            ratings_chart(
                "mood",
                "Mood before a session",
                {"mood": "Mood"},
                better="higher",
                low_label="very low",
                high_label="very good",
            ),
            Chart(
                "signs",
                "Signs you ticked",
                signs,
                scale=None,
                compare=("Signs of progress", "Signs something may not be working"),
            ),
        ]


@hookimpl
def register_exercise_types(register):
    register(Reflection())
