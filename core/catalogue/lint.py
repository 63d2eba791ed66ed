"""``innerwork validate --lint``: what a machine can check of the content guide (docs/content-guide.md).

Each warning names the file, line and JSON pointer, like a validation error, and says what to do.
The checks: a free-text step without an example, an exercise without closing words, ``minutes``
far from a reading-and-typing estimate, very long sentences, phrases that promise privacy or
saving, and a ``sort_by`` that undoes the order a person just chose.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..content.exercise_type import Exercise
from ..content.sourcefile import SourceFile, read
from ..errors import ContentError

#: words a person reads in a minute, and a little time to move on from each step
READING_WORDS_PER_MINUTE = 200
PER_STEP_MINUTES = 0.1
#: minutes to think and type an answer, by step kind (item kinds: per item)
ANSWER_MINUTES = {
    "prompt": 2.0,
    "list": 2.0,
    "scale": 0.2,
    "number": 0.3,
    "choice": 0.2,
    "date": 0.3,
    "pick": 0.3,
    "order": 0.5,
    "summary": 1.0,
}
SINGLE_LINE_MINUTES = 0.75
PER_ITEM_MINUTES = {"item_notes": 1.0, "rate_items": 0.15, "checklist": 0.05}
#: items assumed when a step's items come from an earlier answer
ASSUMED_ITEMS = {"item_notes": 2, "rate_items": 5}
#: ``minutes`` may be this many times the estimate either way (plus one minute) before a warning
MINUTES_TOLERANCE = 1.5
LONG_SENTENCE_WORDS = 25
TYPED_KINDS = {"prompt", "list", "item_notes"}
EXAMPLE_WORDS = re.compile(r"\bfor example\b|\bsuch as\b|\be\.g\.", re.I)
PROMISES = re.compile(
    r"\bnobody else\b|\bno one else (?:will|can) (?:read|see)|\bonly you (?:can|will) (?:see|read)"
    r"|\b(?:is|are|be|stays?|kept) (?:saved|stored|private|confidential|secure|encrypted|safe with us)\b"
    r"|\bsaved\b|\bcompletely private\b|\bstays? (?:on|in) (?:this|your) (?:device|computer|phone)\b",
    re.I,
)
#: fields that hold words a person reads (ids, kinds and references are not)
NOT_WORDS = {"id", "kind", "type", "items_from", "sort_by", "locale", "schema_version", "tags", "source", "need"}


def step_words(step) -> str:
    spec = step.spec
    words = [spec.get(k, "") for k in ("title", "prompt", "help", "body", "placeholder", "low_label", "high_label")]
    for group in spec.get("groups") or []:
        words += [group.get("name", ""), *group.get("items", [])]
    words += [str(o) for o in spec.get("options", []) + spec.get("items", [])]
    return " ".join(w for w in words if isinstance(w, str))


def _items(step) -> int:
    if getattr(step, "items_from", None):
        return min(getattr(step.steps_by_id.get(step.items_from), "max", 0) or 99, ASSUMED_ITEMS.get(step.kind, 3))
    return len(getattr(step, "options", None) or getattr(step, "fixed_items", None) or [])


def estimate_minutes(exercise: Exercise) -> float:
    """About how long the exercise takes: reading at 200 words a minute, time to answer each step (about
    2 minutes per free-text answer), any timer, and a minute to read the summary."""
    words = len(f"{exercise.title} {exercise.summary}".split())
    minutes = 0.0
    for step in exercise.steps:
        words += len(step_words(step).split())
        minutes += PER_STEP_MINUTES + step.spec.get("seconds", 0) / 60
        if step.kind == "prompt" and step.spec.get("multiline") is False:
            minutes += SINGLE_LINE_MINUTES
        elif step.kind in PER_ITEM_MINUTES:
            minutes += 0.2 + PER_ITEM_MINUTES[step.kind] * _items(step)
        else:
            minutes += ANSWER_MINUTES.get(step.kind, 0.0)
    return round(minutes + words / READING_WORDS_PER_MINUTE, 1)


def sentences(text: str) -> list[str]:
    """The sentences of some Markdown, without its marks (bullets and paragraphs end a sentence too)."""
    text = re.sub(r"[*_`#>]|\[|\]\([^)]*\)", "", text)
    parts = re.split(r"(?<=[.!?:;])\s+|\n\s*\n|\n\s*- ", text)
    return [" ".join(p.split()) for p in parts if p.strip()]


class Linter:
    """The warnings for one exercise file."""

    def __init__(self, exercise: Exercise, source: SourceFile, text: str):
        self.exercise, self.source, self.lines = exercise, source, text.splitlines()
        self.warnings: list[ContentError] = []

    def warn(self, pointer: str, message: str, offset: int | None = None) -> None:
        """A warning at ``pointer``; ``offset`` is the line within its text, for a warning about some words."""
        error = self.source.error(pointer, message)
        line = error.line or 1
        if offset is not None:
            block = self.lines[line - 1].rstrip().endswith(("|", ">", "|-", ">-"))
            line += offset + (1 if block else 0)  # a block of text starts on the line after its key
        self.warnings.append(ContentError(error.file, message, line, error.column, pointer))

    def step_pointer(self, step) -> str:
        ids = [s.get("id") for s in self.exercise.content.get("steps", [])]
        return f"/content/steps/{ids.index(step.id)}" if step.id in ids else "/content"

    def run(self) -> list[ContentError]:
        self.check_steps()
        self.check_minutes()
        self.check_words(self.source.data, "")
        return self.warnings

    def check_steps(self) -> None:
        steps = self.exercise.steps
        for step in steps:
            at = self.step_pointer(step)
            if (step.typed or step.kind in TYPED_KINDS) and not (
                step.spec.get("placeholder") or EXAMPLE_WORDS.search(f"{step.prompt} {step.help}")
            ):
                self.warn(
                    at,
                    f"free-text step '{step.id}' has no example; add a `placeholder` (or \"for example\" "
                    "in its prompt or help) so someone without words has somewhere to start",
                )
            source = step.steps_by_id.get(getattr(step, "items_from", None) or "")
            if getattr(step, "sort_by", None) and source is not None and source.kind == "order":
                self.warn(
                    f"{at}/sort_by",
                    f"step '{step.id}' takes the items the person just put in order, and "
                    "`sort_by` sorts them again; remove `sort_by` to keep their order",
                )
        last = steps[-1] if steps else None
        if last is None or last.kind != "summary" or not last.spec.get("body", "").strip():
            at = self.step_pointer(last) if last else "/content"
            self.warn(
                at,
                "the exercise has no closing words; end with a `summary` step whose `body` thanks the "
                "person and says something steadying",
            )

    def check_minutes(self) -> None:
        estimate = estimate_minutes(self.exercise)
        minutes = self.exercise.minutes
        if not estimate / MINUTES_TOLERANCE <= minutes <= estimate * MINUTES_TOLERANCE + 1:
            self.warn(
                "/minutes",
                f"`minutes` is {minutes}, but reading and typing it takes about {estimate:.0f} "
                f"minutes (200 words a minute, about 2 minutes per free-text answer); "
                f"say {max(1, round(estimate))}",
            )

    def check_words(self, value, pointer: str) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                if key not in NOT_WORDS:
                    self.check_words(item, f"{pointer}/{key}")
        elif isinstance(value, list):
            for n, item in enumerate(value):
                self.check_words(item, f"{pointer}/{n}")
        elif isinstance(value, str):
            self.check_text(value, pointer)

    def check_text(self, text: str, pointer: str) -> None:
        for sentence in sentences(text):
            offset = text[: text.find(sentence.split()[0])].count("\n") if sentence.split() else 0
            count = len(sentence.split())
            if count > LONG_SENTENCE_WORDS:
                self.warn(
                    pointer,
                    f'a sentence of {count} words ("{" ".join(sentence.split()[:6])} ..."); '
                    f"keep sentences under {LONG_SENTENCE_WORDS} words, and split this one",
                    offset,
                )
        for match in PROMISES.finditer(text):
            offset = text[: match.start()].count("\n")
            self.warn(
                pointer,
                f'"{match.group(0)}" promises privacy or saving that depends on how innerwork runs; '
                "leave that to the page, which says where answers are kept in each mode",
                offset,
            )


def lint(exercise: Exercise) -> list[ContentError]:
    """Warnings for one loaded exercise, placed at the line of its file they are about."""
    path = Path(exercise.path)
    source = read(path, exercise.path)
    return Linter(exercise, source, path.read_text(encoding="utf-8-sig")).run()
