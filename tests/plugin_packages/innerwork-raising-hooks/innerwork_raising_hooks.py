"""Raises in every runtime hook, as a plugin with a bug would (the messages hold the person's text)."""

from innerwork import hookimpl


@hookimpl
def answer_notice(text, exercise):
    raise ValueError(f"cannot read {text}")


@hookimpl
def exercise_saved(entry):
    raise ValueError(f"cannot keep {entry.answers}")


@hookimpl
def exercise_completed(entry, summary):
    raise ValueError(f"cannot keep {summary}")
