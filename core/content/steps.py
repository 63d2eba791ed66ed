"""The kit of step kinds an exercise is built from, in plain Python (no widgets).

Each step in an exercise file has an ``id``, a ``kind`` and the common fields (``title``, ``prompt``,
``help``, ``required``). A kind knows its own fields, how to check an answer, how to make an example
answer, how to write an answer in a summary, and which input to show. The built-in kinds' logic is here;
the built-in plugin ``innerwork_plugins.builtin_steps`` gives each its widget and registers it through
``register_step_kinds``, as any plugin registers its own kinds. docs/step-kinds.md is the reference.
"""

from __future__ import annotations

import copy
import datetime as _dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from . import schemas

if TYPE_CHECKING:
    from .exercise_type import Exercise

MAX_TEXT = 5000
#: the way through a required free-text step for someone who cannot write it today
NO_WORDS = "I can't find words right now"


def md_escape(text: str) -> str:
    """Escape a person's text so Markdown shows it literally (HTML is escaped later, on rendering)."""
    text = str(text).replace("\r\n", "\n").strip()
    text = re.sub(r"([\\`*_{}\[\]()#+\-.!|>~<&])", r"\\\1", text)
    return text.replace("\n", "  \n")


def _nothing() -> None:
    return None


@dataclass(frozen=True)
class StepContext:
    """What a step's widget may know besides its own answer. Read-only."""

    #: the answers given so far in this exercise, by step id (a read-only copy: changing it changes nothing)
    answers: Mapping[str, Any]
    #: the exercise the step belongs to; ``exercise.step(step_id)`` gives another step (its title, prompt)
    exercise: Exercise | None = None
    #: show the step again, built anew (for a widget that changes its own layout, as ``order`` does)
    redraw: Callable[[], None] = _nothing

    @classmethod
    def of(cls, answers: Mapping, exercise: Exercise | None = None, redraw: Callable[[], None] | None = None):
        """A context holding a read-only copy of ``answers``."""
        return cls(MappingProxyType(copy.deepcopy(dict(answers))), exercise, redraw or _nothing)


class StepKind:
    """One step of an exercise. Subclasses set ``kind`` and override what differs (docs/step-kinds.md)."""

    kind = ""
    #: whether the step records an answer
    records_answer = True
    #: the answer holds text the person typed (the ``answer_notice`` hook reads it)
    typed = False
    #: JSON Schema of the shape of an answer (the conformance kit generates answers from it)
    value_schema: dict = {}
    #: JSON Schema of the kind's own fields in an exercise file; the common fields (id, kind, title, prompt,
    #: help, required) are added to it (:func:`step_schema`), so ``additionalProperties: false`` refuses a
    #: misspelt field. (The built-in kinds' fields are in the shipped ``steps.schema.json``, which the
    #: content schema of every built-in type refers to.)
    schema: dict | None = None
    #: the widget depends only on the step and its own answer, so the page may show the same one again
    reuse_widget = False
    #: every step of the exercise by id, set when the exercise is built (for a step that reads another's answer)
    steps_by_id: dict[str, StepKind]

    def __init__(self, spec: dict):
        #: the step's fields as written in the exercise file (after the type's ``step_specs``)
        self.spec = spec
        self.id: str = spec["id"]
        self.title: str = spec.get("title", "")
        self.prompt: str = spec.get("prompt", "")
        self.help: str = spec.get("help", "")
        self.required: bool = bool(spec.get("required", False))

    # -- answers -------------------------------------------------------------
    def empty(self):
        """The value of a step nobody has answered yet."""
        return None

    def is_empty(self, value) -> bool:
        return value in (None, "", [], {})

    def problem(self, value, answers: dict, final: bool = True) -> str | None:
        """A plain-words message when ``value`` is not an acceptable answer, else ``None``.

        ``final=False`` while the person is still answering: nothing is said about what is missing yet.
        """
        if self.is_empty(value):
            return "Please answer this one before going on." if self.required and final else None
        problem = self.check(value, answers)
        if problem is None and final:
            problem = self.incomplete(value, answers)
        return problem

    def incomplete(self, value, answers: dict) -> str | None:
        """A message when a started answer is not finished (checked when moving on)."""
        return None

    def check(self, value, answers: dict) -> str | None:
        """Kind-specific check of a non-empty value."""
        return None

    def example(self, answers: dict):
        """A valid example answer, given the answers to earlier steps."""
        return None

    def describe(self, value, answers: dict) -> str:
        """The answer as Markdown for the summary (and so for the exports); the person's text is escaped."""
        return md_escape(value)

    def items(self, answers: dict) -> list[str]:
        """The items this step offers or produced, for steps that take ``items_from`` it."""
        return []

    # -- the page ------------------------------------------------------------
    def widget(self, value, on_change: Callable[[Any], None], context: StepContext):
        """The input of this step (an ipywidget), showing ``value``; call ``on_change(answer)`` as it changes.

        ``context`` gives the answers so far and the exercise (:class:`StepContext`). ``None``: nothing to
        answer (the page still shows the title, body, prompt and help). Import ipywidgets inside this method
        so that commands without a page (``innerwork list``, ``validate``) stay quick.
        """
        return None


#: step kind -> its merged schema, made once (the same object each time, so it is compiled once)
_step_schemas: dict[type[StepKind], dict] = {}


def step_schema(kind: type[StepKind]) -> dict:
    """The schema a step of ``kind`` is checked against: the kind's own ``schema`` with the common step
    fields (``$defs/common`` of the shipped steps schema) added to its ``properties`` and ``required``."""
    if kind not in _step_schemas:
        common = schemas.load("steps.schema.json")["$defs"]["common"]
        own = kind.schema or {}
        _step_schemas[kind] = {
            "type": "object",
            **own,
            "properties": {**common["properties"], **own.get("properties", {})},
            "required": list(dict.fromkeys([*common["required"], *own.get("required", [])])),
        }
    return _step_schemas[kind]


class Text(StepKind):
    """Something to read: authored Markdown, no answer."""

    kind = "text"
    records_answer = False

    def __init__(self, spec):
        super().__init__(spec)
        self.body: str = spec.get("body", "")


class Summary(Text):
    """The end of the exercise: the type's summary is shown here; ``body`` holds the closing words."""

    kind = "summary"


class Timer(Text):
    """Something to do for a set time (a grounding pause, a few slow breaths), with a countdown. No answer."""

    kind = "timer"

    def __init__(self, spec):
        super().__init__(spec)
        self.seconds: int = spec.get("seconds", 60)


class Prompt(StepKind):
    """Free text in the person's own words."""

    kind = "prompt"
    typed = True
    value_schema = {"type": "string"}

    def __init__(self, spec):
        super().__init__(spec)
        self.multiline = spec.get("multiline", True)
        self.placeholder = spec.get("placeholder", "")
        self.max_length = spec.get("max_length", MAX_TEXT)

    def empty(self):
        return ""

    def is_empty(self, value):
        return value is None or (isinstance(value, str) and not value.strip())

    def check(self, value, answers):
        if not isinstance(value, str):
            return "This answer should be text."
        if len(value) > self.max_length:
            return f"This answer is {len(value):,} characters long; please keep it under {self.max_length:,}."
        return None

    def example(self, answers):
        return f"Example words for {self.id}."

    def no_words(self):
        """The answer recorded when the person takes the way through instead of writing."""
        return f"{NO_WORDS}."


class Scale(StepKind):
    """A whole number on a scale, 0 to 10 unless the step says otherwise."""

    kind = "scale"

    def __init__(self, spec):
        super().__init__(spec)
        self.min = spec.get("min", 0)
        self.max = spec.get("max", 10)
        self.low_label = spec.get("low_label", "")
        self.high_label = spec.get("high_label", "")

    def check(self, value, answers):
        if isinstance(value, bool) or not isinstance(value, int):
            return f"Please choose a whole number from {self.min} to {self.max}."
        if not self.min <= value <= self.max:
            return f"Please choose a number from {self.min} to {self.max}; {value} is outside that range."
        return None

    def example(self, answers):
        return (self.min + self.max) // 2

    def describe(self, value, answers):
        return f"{value} out of {self.max}"


class Number(Scale):
    """A whole number that is a count, not a rating (sessions so far, hours of sleep)."""

    kind = "number"
    value_schema = {"type": "integer"}

    def __init__(self, spec):
        super().__init__({"min": 0, "max": 1000, **spec})
        self.unit = spec.get("unit", "")

    def example(self, answers):
        return self.min

    def describe(self, value, answers):
        return f"{value} {md_escape(self.unit)}".rstrip()


def _chosen(value) -> list[str]:
    """The items in an answer that lists some (anything else, such as a wrong type, gives none)."""
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _options(spec) -> list[str]:
    if "groups" in spec:
        return [item for group in spec["groups"] for item in group["items"]]
    return list(spec.get("options", spec.get("items", [])))


class Choice(StepKind):
    """One option out of several."""

    kind = "choice"

    def __init__(self, spec):
        super().__init__(spec)
        self.options = _options(spec)

    def check(self, value, answers):
        if value not in self.options:
            return "Please pick one of the options shown."
        return None

    def example(self, answers):
        return self.options[0]


class Checklist(StepKind):
    """Any number of options, possibly grouped (``groups: [{name, items}]``)."""

    kind = "checklist"

    def __init__(self, spec):
        super().__init__(spec)
        self.groups = spec.get("groups") or [{"name": "", "items": list(spec.get("options", []))}]
        self.options = _options(spec)

    def empty(self):
        return []

    def check(self, value, answers):
        if not isinstance(value, list) or any(v not in self.options for v in value):
            return "Please tick only the options shown."
        if len(set(value)) != len(value):
            return "Each option can be ticked once."
        return None

    def example(self, answers):
        return self.options[:2]

    def describe(self, value, answers):
        return "\n".join(f"- {md_escape(v)}" for v in value) or "(nothing ticked)"

    def items(self, answers):
        return _chosen(answers.get(self.id))


class ListStep(StepKind):
    """A short list the person writes, one item per line."""

    kind = "list"
    typed = True
    value_schema = {"type": "array", "items": {"type": "string"}}

    def __init__(self, spec):
        super().__init__(spec)
        self.min_items = spec.get("min_items", 1)
        self.max_items = spec.get("max_items", 10)
        self.placeholder = spec.get("placeholder", "")

    def empty(self):
        return []

    def check(self, value, answers):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            return "This answer should be a list of short lines."
        items = [v.strip() for v in value if v.strip()]
        if items == self.no_words():
            return None
        if len(items) < self.min_items:
            return f"Please write at least {self.min_items} item{'s' if self.min_items != 1 else ''}, one per line."
        if len(items) > self.max_items:
            return f"Please keep it to {self.max_items} items or fewer; smaller lists are easier to use."
        if len(set(items)) != len(items):
            return "Two lines are the same; please make each line different."
        if any(len(v) > 300 for v in items):
            return "Please keep each line under 300 characters."
        return None

    def example(self, answers):
        return [f"{self.id} item {n}" for n in range(1, max(self.min_items, 3) + 1)]

    def no_words(self):
        """The answer recorded when the person takes the way through instead of writing."""
        return [f"{NO_WORDS}."]

    def describe(self, value, answers):
        return "\n".join(f"- {md_escape(v)}" for v in self.items({self.id: value}))

    def items(self, answers):
        return [v.strip() for v in answers.get(self.id) or [] if isinstance(v, str) and v.strip()]


class _FromItems(StepKind):
    """A step whose items come from the content (``items`` or ``groups``) or an earlier step (``items_from``)."""

    def __init__(self, spec):
        super().__init__(spec)
        self.items_from: str | None = spec.get("items_from")
        self.sort_by: str | None = spec.get("sort_by")
        self.fixed_items = _options(spec)
        self.groups = spec.get("groups")
        #: filled in by the exercise: steps by id, to resolve ``items_from`` and ``sort_by``
        self.steps_by_id: dict[str, StepKind] = {}

    def source_items(self, answers) -> list[str]:
        """The items offered, least-rated first when ``sort_by`` names a rating step."""
        if self.items_from:
            items = self.steps_by_id[self.items_from].items(answers)
        else:
            items = list(self.fixed_items)
        if self.sort_by:
            ratings = answers.get(self.sort_by) or {}
            rank = {item: n for n, item in enumerate(items)}
            items.sort(key=lambda item: (ratings.get(item, 99), rank[item]))
        return items


class RateItems(_FromItems):
    """A rating (0 to 10 unless set) for each item."""

    kind = "rate_items"

    def __init__(self, spec):
        super().__init__(spec)
        self.min = spec.get("min", 0)
        self.max = spec.get("max", 10)
        self.low_label = spec.get("low_label", "")
        self.high_label = spec.get("high_label", "")

    def empty(self):
        return {}

    def check(self, value, answers):
        if not isinstance(value, dict):
            return "This answer should give a number for each item."
        offered = self.source_items(answers)
        for item, rating in value.items():
            if item not in offered:
                return f"'{item}' is not one of the items to rate."
            if isinstance(rating, bool) or not isinstance(rating, int) or not self.min <= rating <= self.max:
                return f"Please rate '{item}' with a whole number from {self.min} to {self.max}."
        return None

    def incomplete(self, value, answers):
        missing = [i for i in self.source_items(answers) if i not in value]
        if self.required and missing:
            return f"Please rate every item; still to rate: {', '.join(missing)}."
        return None

    def example(self, answers):
        return {item: (n * 3) % (self.max + 1) for n, item in enumerate(self.source_items(answers))}

    def describe(self, value, answers):
        ordered = sorted(value.items(), key=lambda kv: kv[1])
        return "\n".join(f"- {md_escape(item)}: {rating} out of {self.max}" for item, rating in ordered)

    def items(self, answers):
        return self.source_items(answers)


class Order(_FromItems):
    """The items put in an order (starting from ``sort_by`` ratings, lowest first)."""

    kind = "order"

    def empty(self):
        return []

    def check(self, value, answers):
        if not isinstance(value, list) or sorted(value) != sorted(self.source_items(answers)):
            return "Please keep every item in the list; only change the order."
        return None

    def example(self, answers):
        return self.source_items(answers)

    def describe(self, value, answers):
        return "\n".join(f"{n}. {md_escape(item)}" for n, item in enumerate(value, 1))

    def items(self, answers):
        return _chosen(answers.get(self.id)) or self.source_items(answers)


class Pick(_FromItems):
    """Choose one or a few of the items (``max``, default 1)."""

    kind = "pick"

    def __init__(self, spec):
        super().__init__(spec)
        self.max = spec.get("max", 1)

    def empty(self):
        return []

    def check(self, value, answers):
        if not isinstance(value, list) or any(v not in self.source_items(answers) for v in value):
            return "Please choose from the items shown."
        if len(value) > self.max:
            return f"Please choose at most {self.max}; fewer is fine."
        return None

    def example(self, answers):
        return self.source_items(answers)[: self.max]

    def describe(self, value, answers):
        return "\n".join(f"- {md_escape(v)}" for v in value)

    def items(self, answers):
        return _chosen(answers.get(self.id))


class ItemNotes(_FromItems):
    """A short note (a request, an action) for each item."""

    kind = "item_notes"
    typed = True
    value_schema = {"type": "object", "additionalProperties": {"type": "string"}}

    def __init__(self, spec):
        super().__init__(spec)
        self.placeholder = spec.get("placeholder", "")

    def empty(self):
        return {}

    def is_empty(self, value):
        if not isinstance(value, dict):
            return not value
        return not any(isinstance(v, str) and v.strip() for v in value.values())

    def check(self, value, answers):
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            return "This answer should be a note for each item."
        offered = self.source_items(answers)
        if any(item not in offered for item in value):
            return "Please write notes only for the items shown."
        if any(len(v) > MAX_TEXT for v in value.values()):
            return f"Please keep each note under {MAX_TEXT:,} characters."
        return None

    def example(self, answers):
        return {item: f"One thing I can do about {item}." for item in self.source_items(answers)}

    def describe(self, value, answers):
        return "\n".join(f"- **{md_escape(item)}**: {md_escape(note)}" for item, note in value.items() if note.strip())


class Date(StepKind):
    """A day, written as YYYY-MM-DD."""

    kind = "date"

    def check(self, value, answers):
        try:
            _dt.date.fromisoformat(value)
        except (TypeError, ValueError):
            return "Please give a date such as 2026-03-14."
        return None

    def example(self, answers):
        return "2026-03-14"
