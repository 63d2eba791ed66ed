"""Reflection before and after a session, and whether "hard" means it is working."""
from innerwork import ExerciseType, hookimpl
from innerwork.exercise_type import default_summary


class Reflection(ExerciseType):
    name = "reflection"
    version = "1.0"
    description = "Put a session into words, get ready for the next one, or weigh the signs of progress."
    content_schema = "types/reflection.content.schema.json"
    answers_schema = "types/reflection.answers.schema.json"

    def derive(self, exercise, answers):
        working = len(answers.get("working") or [])
        not_working = len(answers.get("not_working") or [])
        if "guidance" not in exercise.content or not (working or not_working):
            return {"working": working, "not_working": not_working, "leaning": None}
        leaning = "working" if working > not_working + 1 else "not_working" if not_working > working + 1 else "mixed"
        return {"working": working, "not_working": not_working, "leaning": leaning}

    def summary(self, exercise, answers, derived):
        text = default_summary(exercise, answers)
        guidance = exercise.content.get("guidance")
        if guidance and derived["leaning"]:
            text += (f"\n\n## What your answers suggest\n\nSigns of progress ticked: {derived['working']}. "
                     f"Signs that something may not be working: {derived['not_working']}.\n\n"
                     f"{guidance[derived['leaning']]}\n\n{guidance['help_now']}")
        return text

    def charts(self, exercises):
        from innerwork.exercise_type import Chart, ratings_chart

        def signs(answers):
            if "working" not in answers and "not_working" not in answers:
                return {}
            return {"Signs of progress": len(answers.get("working") or []),
                    "Signs something may not be working": len(answers.get("not_working") or [])}
        return [ratings_chart("mood", "Mood before a session", {"mood": "Mood"}, better="higher",
                              low_label="very low", high_label="very good"),
                Chart("signs", "Signs you ticked", signs, scale=None,
                      compare=("Signs of progress", "Signs something may not be working"))]


@hookimpl
def register_exercise_types(register):
    register(Reflection())
