"""Wins log: write down successes, however small, and take a moment with one."""
from innerwork import ExerciseType, hookimpl
from innerwork.exercise_type import default_summary, weekly_chart


class WinsLog(ExerciseType):
    name = "wins-log"
    version = "1.0"
    description = "Notice what went well, however small, and how you made it happen."
    content_schema = "types/wins-log.content.schema.json"
    answers_schema = "types/wins-log.answers.schema.json"

    def derive(self, exercise, answers):
        wins = [w for w in answers.get("wins") or [] if w.strip()]
        return {"count": len(wins)}

    def summary(self, exercise, answers, derived):
        highlights = []
        if derived["count"]:
            highlights.append(f"{derived['count']} win{'s' if derived['count'] != 1 else ''} noticed. Each one counts.")
        return default_summary(exercise, answers, highlights)

    def charts(self, exercises):
        return [weekly_chart("wins", "Wins written down, per week", "wins written down",
                             lambda answers: len([w for w in answers.get("wins") or [] if w.strip()]))]


@hookimpl
def register_exercise_types(register):
    register(WinsLog())
