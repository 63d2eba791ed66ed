"""What a plugin registers to add an exercise type, and the exercises built from it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from . import schemas
from .steps import StepKind


class ExerciseType:
    """An exercise type. Subclass it, set the attributes and override what you need.

    ``content_schema`` checks the ``content`` of an exercise file and
    ``answers_schema`` checks what a person records; each is a dict, a path to
    a JSON file, or the name of a schema shipped in ``schemas/``.
    """

    name: str = ""
    version: str = "1.0"
    #: the newest ``schema_version`` of exercise files this type reads
    content_version: int = 1
    description: str = ""
    content_schema: dict | str | Path = "types/steps-only.content.schema.json"
    answers_schema: dict | str | Path = "answers.schema.json"
    #: upgrades of exercise content: ``{old_version: function(content) -> content}``
    migrations: dict[int, Callable[[dict], dict]] = {}
    #: upgrades of answers recorded under an older content version, when steps were renamed or reshaped:
    #: ``{old_version: function(answers) -> answers}``; a version without one keeps its answers as they are
    answers_migrations: dict[int, Callable[[dict], dict]] = {}

    #: filled in when registered: the plugin that provided the type
    plugin: str = ""

    def content_schema_dict(self) -> dict:
        return schemas.resolve(self.content_schema)

    def answers_schema_dict(self) -> dict:
        return schemas.resolve(self.answers_schema)

    def step_specs(self, exercise: "Exercise") -> list[dict]:
        """The steps of ``exercise`` as step specs (``id``, ``kind``, ...). By default, ``content.steps``."""
        return exercise.content.get("steps", [])

    def derive(self, exercise: "Exercise", answers: dict) -> dict:
        """Figures worked out from the answers (orderings, changes in a rating, tallies)."""
        return {}

    def summary(self, exercise: "Exercise", answers: dict, derived: dict) -> str:
        """A Markdown summary a person could print and bring to a session."""
        return default_summary(exercise, answers)

    def hint(self, exercise: "Exercise", step: StepKind, answers: dict) -> str | None:
        """A gentle note to show under ``step`` once it is answered (say, "try splitting this step")."""
        return None

    def upgrade_answers(self, version: int, answers: dict) -> dict:
        """Answers recorded under content ``version``, upgraded to the newest content version."""
        while version < self.content_version:
            migration = self.answers_migrations.get(version)
            answers, version = (migration(dict(answers)) if migration else answers), version + 1
        return answers

    def __repr__(self):
        return f"<ExerciseType {self.name} {self.version} from {self.plugin or '?'}>"


@dataclass
class Exercise:
    """One exercise loaded from a content file and checked against its schemas."""

    id: str
    type: str
    schema_version: int
    title: str
    summary: str
    minutes: int
    source: dict
    content: dict
    exercise_type: ExerciseType
    steps: list[StepKind]
    tags: list[str] = field(default_factory=list)
    locale: str = "en"
    path: str = ""

    @property
    def answer_steps(self) -> list[StepKind]:
        return [s for s in self.steps if s.records_answer]

    def step(self, step_id: str) -> StepKind:
        return next(s for s in self.steps if s.id == step_id)

    def to_dict(self) -> dict:
        return {
            "id": self.id, "type": self.type, "title": self.title, "summary": self.summary,
            "minutes": self.minutes, "tags": self.tags, "locale": self.locale,
            "source": self.source, "schema_version": self.schema_version, "path": self.path,
            "plugin": self.exercise_type.plugin, "type_version": self.exercise_type.version,
        }


#: what a person sees instead when an exercise type's method fails: their answers are never lost
FALLBACKS: dict[str, Callable] = {
    "derive": lambda exercise, answers: {},
    "summary": lambda exercise, answers, derived: default_summary(exercise, answers),
    "hint": lambda exercise, step, answers: None,
}


def isolate(exercise_type: ExerciseType, report: Callable[[str, Exception], None]) -> None:
    """Route ``derive``, ``summary`` and ``hint`` of ``exercise_type`` through a guard: when one raises,
    ``report(problem, exc)`` is called (it warns, or raises in strict mode) and the person gets the
    fallback (no figures, the plain summary of their answers, no hint)."""
    cls = type(exercise_type)
    for method, fallback in FALLBACKS.items():
        def guarded(*args, _method=method, _fallback=fallback, **kwargs):
            try:
                return getattr(cls, _method)(exercise_type, *args, **kwargs)
            except Exception as exc:
                report(f"{cls.__name__}.{_method}() of the exercise type '{exercise_type.name}' failed: "
                       f"{type(exc).__name__}: {exc}", exc)
                return _fallback(*args, **kwargs)
        setattr(exercise_type, method, guarded)


def rating_change(answers: dict, before: str = "before", after: str = "after") -> int | None:
    """``answers[after] - answers[before]`` when both ratings were given."""
    if isinstance(answers.get(before), int) and isinstance(answers.get(after), int):
        return answers[after] - answers[before]
    return None


def source_line(exercise: Exercise) -> str:
    """The citation of the article an exercise draws on, as Markdown."""
    source = exercise.source
    return f"Based on ideas from *{source['title']}* ({source['publisher']})."


def answers_markdown(exercise: Exercise, answers: dict, skip: tuple[str, ...] = ()) -> str:
    """Each answered step's title (or prompt) and answer, in order, as Markdown."""
    lines = []
    for step in exercise.answer_steps:
        value = answers.get(step.id)
        if step.id in skip or step.is_empty(value):
            continue
        lines += [f"**{step.title or step.prompt}**", "", step.describe(value, answers), ""]
    return "\n".join(lines)


def default_summary(exercise: Exercise, answers: dict, highlights: list[str] = ()) -> str:
    """A heading, optional highlight lines, every answer, and the source."""
    parts = [f"# {exercise.title}", ""]
    if highlights:
        parts += [*(f"- {line}" for line in highlights), ""]
    parts += [answers_markdown(exercise, answers), source_line(exercise)]
    return "\n".join(parts)
