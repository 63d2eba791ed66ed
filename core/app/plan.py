"""A facilitator's workshop plan: the page's title, a welcome, the exercises in order and the help region.

A plan is a small YAML or JSON file checked like an exercise file (``schemas/plan.schema.json``, then
every exercise id against the installed catalogue and the region against the helplines), with every
problem as ``FILE:LINE:COLUMN: /pointer: message``. ``innerwork serve --plan FILE`` hands the checked
plan to each participant's kernel as JSON in ``INNERWORK_PLAN``.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from ..catalogue.loader import Catalogue, catalogue, display_path, schema_errors
from ..content import schemas
from ..content.sourcefile import FileKind, FileProblem, read
from ..errors import ContentError, InvalidContent, UnknownExercise
from .help import region_problem

PLAN = FileKind("workshop plan", "a workshop plan with title, exercises, ...")
#: the environment variable that carries the checked plan to the page
ENVIRONMENT = "INNERWORK_PLAN"


@dataclass(frozen=True)
class Plan:
    title: str
    exercises: tuple[str, ...]
    welcome: str = ""
    help_region: str = ""

    def to_json(self) -> str:
        return json.dumps({**asdict(self), "exercises": list(self.exercises)}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Plan:
        data = json.loads(text)
        return cls(
            title=str(data["title"]),
            exercises=tuple(map(str, data["exercises"])),
            welcome=str(data.get("welcome", "")),
            help_region=str(data.get("help_region", "")),
        )


def load_plan(path: str | Path, cat: Catalogue | None = None, helplines: dict | None = None) -> Plan:
    """Read and check the plan at ``path``; raise :class:`InvalidContent` listing every problem found."""
    path = Path(path)
    try:
        source = read(path, display_path(path), PLAN)
    except FileProblem as problem:
        raise InvalidContent([problem.error]) from None
    data = source.data
    errors = schema_errors(source, data, schemas.load("plan.schema.json"), "")
    if isinstance(data, dict):
        checked = {error.pointer for error in errors}
        errors += _exercise_problems(source, data.get("exercises"), cat or catalogue(), checked)
        region = data.get("help_region")
        region_wrong = region_problem(region, helplines) if isinstance(region, str) and region.strip() else None
        if region_wrong:
            errors.append(source.error("/help_region", region_wrong))
    if errors:
        raise InvalidContent(sorted(errors, key=lambda e: (e.line or 0, e.column or 0)))
    return Plan(
        title=data["title"],
        exercises=tuple(data["exercises"]),
        welcome=data.get("welcome", ""),
        help_region=data.get("help_region", "").strip(),
    )


def _exercise_problems(source, ids, cat: Catalogue, checked: set[str]) -> list[ContentError]:
    """An error for each id no installed exercise has (with the nearest ids) and each id named twice.

    Ids at a pointer in ``checked`` already have a problem (not text, not in the form of an id).
    """
    if not isinstance(ids, list):
        return []
    errors: list[ContentError] = []
    first: dict[str, str] = {}  # exercise id -> where it is first named
    for index, exercise_id in enumerate(ids):
        where = f"/exercises/{index}"
        if where in checked:
            continue
        if exercise_id in first:
            line = source.error(first[exercise_id], "").line
            errors.append(source.error(where, f"'{exercise_id}' is already in the plan (line {line}); list each once"))
            continue
        first[exercise_id] = where
        try:
            cat.get(exercise_id)
        except UnknownExercise as exc:
            errors.append(source.error(where, str(exc)))
    return errors


def plan_from_environment() -> Plan | None:
    """The plan ``innerwork serve --plan`` checked and handed to this kernel, if any."""
    text = os.environ.get(ENVIRONMENT)
    if not text:
        return None
    try:
        return Plan.from_json(text)
    except (ValueError, KeyError, TypeError):
        return None  # not one innerwork wrote: the page shows every exercise, as without a plan
