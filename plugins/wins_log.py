"""Wins log: write down successes, however small, and take a moment with one.

No counting and no score: a list of wins is shown as it is. When the person wrote that nothing
came to mind, the summary says that this is okay, instead of praising a "win".
"""

import re

from innerwork import ExerciseType, hookimpl
from innerwork.content.exercise_type import default_summary, weekly_chart

#: lines that mean "nothing came to mind" rather than a win, once filler words are set aside
NOTHING = {
    "nothing",
    "none",
    "no",
    "nope",
    "nada",
    "not much",
    "not really",
    "not a lot",
    "not sure",
    "nothing yet",
    "nothing much",
    "i dont know",
    "dont know",
    "idk",
    "na",
    "n a",
    "i cant think of any",
    "i cant think of anything",
    "cant think of any",
    "cant think of anything",
    "i cant find words right now",
}
FILLER = re.compile(
    r"\b(?:really|honestly|at all|to be honest|tbh|today|this week|lately|so far|sadly|i think|i guess|"
    r"um+|well|just|anything|any)\b"
)
NOTHING_CAME = (
    "Nothing came to mind today, and that is okay. Flat stretches can hide change, and noticing "
    "is harder on a low day. You could ask your therapist what changes they have seen."
)


def is_nothing(text: str) -> bool:
    """True when a line only says that nothing came to mind ("Nothing really", "not much", the no-words answer)."""
    words = re.sub(r"[^a-z ]+", " ", text.lower().replace("\u2019", "").replace("'", ""))
    core = " ".join(FILLER.sub(" ", words).split())
    return not core or core in NOTHING or " ".join(words.split()) in NOTHING


class WinsLog(ExerciseType):
    name = "wins-log"
    version = "1.1"
    description = "Notice what went well, however small, and how you made it happen."
    content_schema = "types/wins-log.content.schema.json"
    answers_schema = "types/wins-log.answers.schema.json"

    def derive(self, exercise, answers):
        wins = [w for w in answers.get("wins") or [] if w.strip() and not is_nothing(w)]
        return {"count": len(wins)}

    def summary(self, exercise, answers, derived):
        highlights = [] if derived["count"] or not answers.get("wins") else [NOTHING_CAME]
        return default_summary(exercise, answers, highlights)

    def charts(self, exercises):
        return [
            weekly_chart(
                "wins",
                "Wins written down, per week",
                "wins written down",
                lambda answers: len([w for w in answers.get("wins") or [] if w.strip()]),
            )
        ]


@hookimpl
def register_exercise_types(register):
    register(WinsLog())
