"""Self-compassion exercises: noticing a hard moment and meeting it with kindness."""

from innerwork import ExerciseType, hookimpl
from innerwork.content.exercise_type import default_summary, rating_change, ratings_chart
from innerwork.content.steps import NO_WORDS

BORROWED = (
    "Words were hard to find today, and that is okay. Here are some you could borrow: "
    "*This is a hard moment. I am doing what I can, and that is enough for now.*"
)


class SelfCompassion(ExerciseType):
    name = "self-compassion"
    version = "1.0"
    description = "Notice something hard and answer it the way you would answer a friend."
    content_schema = "types/self-compassion.content.schema.json"
    answers_schema = "types/self-compassion.answers.schema.json"

    def derive(self, exercise, answers):
        return {"change": rating_change(answers)}

    def summary(self, exercise, answers, derived):
        highlights = []
        change = derived["change"]
        if change is not None:
            how = (
                "felt a little lighter"
                if change < 0
                else "felt about the same"
                if change == 0
                else "felt heavier; that happens, and noticing it counts too"
            )
            highlights.append(f"How hard it felt: {answers['before']} before, {answers['after']} after ({how}).")
        if str(answers.get("kind_words", "")).strip().rstrip(".") == NO_WORDS:
            highlights.append(BORROWED)
        return default_summary(exercise, answers, highlights)

    def charts(self, exercises):
        return [
            ratings_chart(
                "how-hard",
                "How hard it felt, before and after",
                {"before": "Before", "after": "After"},
                better="lower",
                compare=("Before", "After"),
                low_label="not hard at all",
                high_label="as hard as it gets",
            )
        ]


@hookimpl
def register_exercise_types(register):
    register(SelfCompassion())
