"""Needs inventory: how met your needs are, and one thing to do for the least met."""
from innerwork import ExerciseType, hookimpl
from innerwork.exercise_type import Chart, default_summary
from innerwork.steps import md_escape

LOW = 3


class NeedsInventory(ExerciseType):
    name = "needs-inventory"
    version = "1.0"
    description = "Rate how met your needs are; the least met come first, and you choose what to ask for."
    content_schema = "types/needs-inventory.content.schema.json"
    answers_schema = "types/needs-inventory.answers.schema.json"

    def derive(self, exercise, answers):
        ratings = answers.get("ratings") or {}
        least_met = sorted(ratings, key=ratings.get)
        return {"least_met": least_met, "low": [n for n in least_met if ratings[n] <= LOW]}

    def summary(self, exercise, answers, derived):
        ratings = answers.get("ratings") or {}
        highlights = []
        if derived["least_met"]:
            top = ", ".join(f"{md_escape(n)} ({ratings[n]})" for n in derived["least_met"][:3])
            highlights.append(f"Least met right now: {top}.")
        return default_summary(exercise, answers, highlights)

    def charts(self, exercises):
        return [Chart("needs-met", "How met each need felt", lambda answers: dict(answers.get("ratings") or {}),
                      better="higher", low_label="not met at all", high_label="fully met")]


@hookimpl
def register_exercise_types(register):
    register(NeedsInventory())
