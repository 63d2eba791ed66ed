"""Small steps: a goal broken into steps small enough to start today."""

from innerwork import ExerciseType, hookimpl
from innerwork.content.exercise_type import default_summary, rating_change, ratings_chart, weekly_chart
from innerwork.content.steps import md_escape

TOO_LONG = "More than 20 minutes"


class SmallSteps(ExerciseType):
    name = "small-steps"
    version = "1.0"
    description = "Turn a goal into steps, order them from easiest, and pick one you can do soon."
    content_schema = "types/small-steps.content.schema.json"
    answers_schema = "types/small-steps.answers.schema.json"

    def derive(self, exercise, answers):
        difficulty = answers.get("difficulty") or {}
        chosen = (answers.get("chosen") or [None])[0]
        hard_from = exercise.content.get("hard_from", 7)
        return {
            "easiest_first": sorted(difficulty, key=difficulty.get),
            "chosen": chosen,
            "chosen_difficulty": difficulty.get(chosen),
            "suggest_split": bool(chosen and difficulty.get(chosen, 0) >= hard_from)
            or answers.get("length") == TOO_LONG,
            "mood_change": rating_change(answers, "predicted", "actual"),
        }

    def hint(self, exercise, step, answers):
        derived = self.derive(exercise, answers)
        if step.id in ("chosen", "length") and derived["suggest_split"]:
            return (
                "This step looks big. Could you split it into two smaller ones and pick the first? "
                "A step you can finish in 20 minutes or less is a good size."
            )
        if step.id == "confidence" and isinstance(answers.get("confidence"), int) and answers["confidence"] < 7:
            return "If your confidence is below 7, try making the goal a little smaller until it feels likely."
        return None

    def summary(self, exercise, answers, derived):
        highlights = []
        if derived["chosen"]:
            highlights.append(
                f"My next step: **{md_escape(derived['chosen'])}**"
                + (f" (on {answers['when']})" if answers.get("when") else "")
            )
        if derived["suggest_split"]:
            highlights.append("This step felt big: splitting it into smaller pieces may help.")
        if derived["mood_change"] is not None:
            change = derived["mood_change"]
            highlights.append(
                f"Mood: expected {answers['predicted']}, actual {answers['actual']} "
                f"({'+' if change > 0 else ''}{change})."
            )
        if answers.get("outcome"):
            highlights.append(f"How it went: {md_escape(answers['outcome'])}. Every attempt teaches you something.")
        return default_summary(exercise, answers, highlights)

    def charts(self, exercises):
        return [
            ratings_chart(
                "mood",
                "Mood: expected and actual",
                {"predicted": "Expected", "actual": "Actual"},
                better="higher",
                compare=("Expected", "Actual"),
                low_label="very low",
                high_label="very good",
            ),
            ratings_chart(
                "mastery-pleasure",
                "Achievement and enjoyment",
                {"mastery": "Achievement", "pleasure": "Enjoyment"},
                better="higher",
            ),
            weekly_chart(
                "steps-tried",
                "Small steps tried, per week",
                "small steps done or partly done",
                lambda answers: int(answers.get("outcome") in ("Done", "Partly done")),
            ),
        ]


@hookimpl
def register_exercise_types(register):
    register(SmallSteps())
