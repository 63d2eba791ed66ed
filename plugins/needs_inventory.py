"""Needs inventory: how met your needs are, and one thing to do for the least met.

Safety rule: when the content names a ``safety`` need and it is rated very low, help for an unsafe
home (dated lines, by region) comes first, in the hint under the ratings and in the summary.
"""

from innerwork import ExerciseType, hookimpl
from innerwork.app.help import home_safety_markdown
from innerwork.content.exercise_type import Chart, default_summary
from innerwork.content.steps import md_escape

LOW = 3
#: version 2 words the quick body check's needs without double negatives ("Not lonely" -> "Company")
RENAMED = {
    "Not hungry": "Food",
    "Not angry": "Calm",
    "Not lonely": "Company",
    "Not tired": "Rest",
    "Slept enough last night": "Sleep last night",
    "Had enough water today": "Water today",
    "Moved my body today": "Movement today",
}


def _rename(name):
    return RENAMED.get(name, name)


def _content_from_1(content):
    """Version 2 adds ``safety``; the steps of a version 1 file still read the same."""
    return content


def _answers_from_1(answers):
    """Answers recorded with the quick body check's old needs, under their new names."""
    if isinstance(answers.get("ratings"), dict):
        answers["ratings"] = {_rename(k): v for k, v in answers["ratings"].items()}
    if isinstance(answers.get("focus"), list):
        answers["focus"] = [_rename(k) for k in answers["focus"]]
    if isinstance(answers.get("actions"), dict):
        answers["actions"] = {_rename(k): v for k, v in answers["actions"].items()}
    return answers


class NeedsInventory(ExerciseType):
    name = "needs-inventory"
    version = "2.0"
    content_version = 2
    migrations = {1: _content_from_1}
    answers_migrations = {1: _answers_from_1}
    description = "Rate how met your needs are; the least met come first, and you choose what to ask for."
    content_schema = "types/needs-inventory.content.schema.json"
    answers_schema = "types/needs-inventory.answers.schema.json"

    def content_problems(self, exercise):
        safety = exercise.content.get("safety")
        rated = {item for step in exercise.steps if step.kind == "rate_items" for item in step.source_items({})}
        if safety and safety["need"] not in rated:
            return [
                (
                    "/content/safety/need",
                    f"'{safety['need']}' is not one of the needs rated, so its guidance "
                    "would never show; copy the need's words exactly",
                )
            ]
        return []

    def unsafe(self, exercise, answers) -> bool:
        """True when the safety need was rated at or below its threshold."""
        safety = exercise.content.get("safety")
        rating = (answers.get("ratings") or {}).get(safety["need"]) if safety else None
        return isinstance(rating, int) and rating <= safety["at_most"]

    def safety_markdown(self, exercise) -> str:
        return f"{exercise.content['safety']['guidance'].strip()}\n\n{home_safety_markdown()}"

    def derive(self, exercise, answers):
        ratings = answers.get("ratings") or {}
        least_met = sorted(ratings, key=ratings.get)
        return {
            "least_met": least_met,
            "low": [n for n in least_met if ratings[n] <= LOW],
            "unsafe": self.unsafe(exercise, answers),
        }

    def hint(self, exercise, step, answers):
        return self.safety_markdown(exercise) if step.kind == "rate_items" and self.unsafe(exercise, answers) else None

    def summary(self, exercise, answers, derived):
        ratings = answers.get("ratings") or {}
        highlights = []
        if derived["least_met"]:
            top = ", ".join(f"{md_escape(n)} ({ratings[n]})" for n in derived["least_met"][:3])
            highlights.append(f"Least met right now: {top}.")
        text = default_summary(exercise, answers, highlights)
        if derived["unsafe"]:
            title, rest = text.split("\n", 1)
            text = (
                f"{title}\n\n## Your safety comes first\n\n{self.safety_markdown(exercise)}\n\n## Your answers\n{rest}"
            )
        return text

    def charts(self, exercises):
        return [
            Chart(
                "needs-met",
                "How met each need felt",
                lambda answers: dict(answers.get("ratings") or {}),
                better="higher",
                low_label="not met at all",
                high_label="fully met",
            )
        ]


@hookimpl
def register_exercise_types(register):
    register(NeedsInventory())
