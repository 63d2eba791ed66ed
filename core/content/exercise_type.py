"""What a plugin registers to add an exercise type, and the exercises built from it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

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

    def __init_subclass__(cls, **kwargs):
        """Each type gets its own migration tables, so adding to one never changes another type's."""
        super().__init_subclass__(**kwargs)
        for name in ("migrations", "answers_migrations"):
            setattr(cls, name, dict(getattr(cls, name)))

    def content_schema_dict(self) -> dict:
        return schemas.resolve(self.content_schema)

    def answers_schema_dict(self) -> dict:
        return schemas.resolve(self.answers_schema)

    def step_specs(self, exercise: Exercise) -> list[dict]:
        """The steps of ``exercise`` as step specs (``id``, ``kind``, ...). By default, ``content.steps``."""
        return exercise.content.get("steps", [])

    def derive(self, exercise: Exercise, answers: dict) -> dict:
        """Figures worked out from the answers (orderings, changes in a rating, tallies)."""
        return {}

    def summary(self, exercise: Exercise, answers: dict, derived: dict) -> str:
        """A Markdown summary a person could print and bring to a session."""
        return default_summary(exercise, answers)

    def content_problems(self, exercise: Exercise) -> list[tuple[str, str]]:
        """Problems the content schema cannot see, as ``(JSON pointer, message)`` pairs; the file is then refused."""
        return []

    def hint(self, exercise: Exercise, step: StepKind, answers: dict) -> str | None:
        """A gentle note to show under ``step`` once it is answered (say, "try splitting this step")."""
        return None

    def charts(self, exercises: list[Exercise]) -> list[Chart]:
        """What "Looking back" can chart for this type, given the type's ``exercises``.

        By default, one chart per exercise with a line for each of its ``scale`` steps. Override it to
        choose: see :func:`ratings_chart` and :func:`weekly_chart`.
        """
        charts = []
        for exercise in exercises:
            scales = {s.id: s.title or s.prompt for s in exercise.answer_steps if s.kind == "scale"}
            if scales:
                charts.append(ratings_chart(exercise.id, exercise.title, scales))
        return charts

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
            "id": self.id,
            "type": self.type,
            "title": self.title,
            "summary": self.summary,
            "minutes": self.minutes,
            "tags": self.tags,
            "locale": self.locale,
            "source": self.source,
            "schema_version": self.schema_version,
            "path": self.path,
            "plugin": self.exercise_type.plugin,
            "type_version": self.exercise_type.version,
        }


@dataclass(frozen=True)
class Chart:
    """One chart of what a type records, for "Looking back".

    ``values(answers)`` gives ``{line label: number}`` for one completed entry; leave a line out
    when that entry has no value for it. With ``per_week`` the numbers are added up per week and
    drawn as bars (wins written down, steps done); otherwise each entry is a point on a line.
    ``better`` says which way is easier on the person (``"higher"``, ``"lower"`` or ``""`` when
    neither), so the plain-words reading can point to the right advice. ``compare`` names two
    lines whose values the reading sets side by side (before and after, expected and actual).
    """

    id: str
    title: str
    values: Callable[[dict], dict[str, float]]
    per_week: bool = False
    better: str = ""
    compare: tuple[str, str] | None = None
    #: the ends of the scale, for the axis; ``None`` for counts (the axis starts at 0)
    scale: tuple[int, int] | None = (0, 10)
    #: what one unit is called, for counts ("win", "step done")
    unit: str = ""
    #: what the low and high ends mean ("not hard at all", "as hard as it gets")
    low_label: str = ""
    high_label: str = ""


def ratings_chart(id: str, title: str, steps: dict[str, str], **options) -> Chart:
    """A chart with a line for each rating step: ``steps`` maps step ids to line labels."""

    def values(answers: dict) -> dict[str, float]:
        return {
            label: answers[step]
            for step, label in steps.items()
            if isinstance(answers.get(step), (int, float)) and not isinstance(answers.get(step), bool)
        }

    return Chart(id, title, values, **options)


def weekly_chart(id: str, title: str, unit: str, count: Callable[[dict], int]) -> Chart:
    """Bars of ``count(answers)`` added up per week, in one line labelled ``unit``."""

    def values(answers: dict) -> dict[str, float]:
        number = count(answers)
        return {unit: number} if number else {}

    return Chart(id, title, values, per_week=True, scale=None, unit=unit)


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
                report(
                    f"{cls.__name__}.{_method}() of the exercise type '{exercise_type.name}' failed: "
                    f"{type(exc).__name__}: {exc}",
                    exc,
                )
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


def default_summary(exercise: Exercise, answers: dict, highlights: Sequence[str] = ()) -> str:
    """A heading, optional highlight lines, every answer, and the source."""
    parts = [f"# {exercise.title}", ""]
    if highlights:
        parts += [*(f"- {line}" for line in highlights), ""]
    parts += [answers_markdown(exercise, answers), source_line(exercise)]
    return "\n".join(parts)
