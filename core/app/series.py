"""Looking back: a person's completed entries turned into series over time, per exercise type.

Pure Python, no widgets. Each type says what can be charted (:meth:`innerwork.ExerciseType.charts`);
this module reads those values from the entries of a period and keeps them in time order.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..content.exercise_type import Chart, ExerciseType
from ..storage.store import Entry

#: period name -> (how it reads in a sentence, days back from today; None for everything)
PERIODS = {"4w": ("the last 4 weeks", 28), "3m": ("the last 3 months", 91), "all": ("all your entries", None)}


@dataclass(frozen=True)
class Point:
    """One value from one entry."""

    day: dt.date
    value: float
    entry_id: str


@dataclass
class ChartData:
    """A chart and its lines: label -> points in time order."""

    chart: Chart
    lines: dict[str, list[Point]]
    key: str = ""  # unique on a page, for element ids

    @property
    def entry_count(self) -> int:
        return len({p.entry_id for points in self.lines.values() for p in points})


@dataclass
class TypeView:
    """What one exercise type recorded in the period."""

    name: str
    title: str
    charts: list[ChartData]
    entries: list[Entry]  # newest first
    problem: str = ""  # why the type's charts could not be read, in plain words


@dataclass
class Overview:
    """Everything "Looking back" shows for one period."""

    period: str
    start: dt.date | None
    end: dt.date
    types: list[TypeView] = field(default_factory=list)

    @property
    def period_words(self) -> str:
        return PERIODS[self.period][0]

    @property
    def entries(self) -> list[Entry]:
        return [e for view in self.types for e in view.entries]


def entry_day(entry: Entry) -> dt.date:
    """The local date an entry was made (``created_at`` is stored in UTC)."""
    try:
        moment = dt.datetime.fromisoformat(entry.created_at)
    except (TypeError, ValueError):
        return dt.date.min
    return (moment.astimezone() if moment.tzinfo else moment).date()


def period_start(period: str, today: dt.date) -> dt.date | None:
    if period not in PERIODS:
        raise ValueError(f"unknown period {period!r}; choose one of {', '.join(PERIODS)}")
    days = PERIODS[period][1]
    return None if days is None else today - dt.timedelta(days=days - 1)


def overview(
    entries: list[Entry],
    period: str = "3m",
    today: dt.date | None = None,
    types: dict[str, ExerciseType] | None = None,
    exercises=None,
) -> Overview:
    """The completed ``entries`` of ``period`` (``4w``, ``3m`` or ``all``), grouped by type, with each type's charts.

    ``types`` and ``exercises`` default to the installed ones.
    """
    today = today or dt.date.today()
    start = period_start(period, today)
    if types is None or exercises is None:
        from ..catalogue.loader import catalogue
        from ..registry.registered import plugins

        types = plugins().types if types is None else types
        exercises = list(catalogue().exercises.values()) if exercises is None else exercises
    dated = [(entry_day(e), e) for e in entries if e.status == "completed"]
    dated = sorted(
        ((day, e) for day, e in dated if (start is None or day >= start) and day <= today),
        key=lambda pair: (pair[0], pair[1].created_at),
    )
    by_type: dict[str, list[tuple[dt.date, Entry]]] = defaultdict(list)
    for day, entry in dated:
        by_type[entry.type].append((day, entry))
    overview = Overview(period, start, today)
    for name in sorted(by_type):
        exercise_type = types.get(name)
        own = [e for e in exercises if e.type == name]
        overview.types.append(_type_view(name, exercise_type, own, by_type[name]))
    return overview


def _type_view(name: str, exercise_type: ExerciseType | None, exercises, dated) -> TypeView:
    entries = [e for _, e in reversed(dated)]
    title = name.replace("-", " ").capitalize()
    if exercise_type is None:
        return TypeView(name, title, [], entries, f"The exercise type '{name}' is not installed, so it has no charts.")
    try:
        charts = list(exercise_type.charts(exercises))
    except Exception as exc:  # a fault in someone's plugin must not hide the other charts
        return TypeView(
            name,
            title,
            [],
            entries,
            f"The charts of '{name}' could not be read ({type(exc).__name__}: {exc}); its entries are below.",
        )
    answers = [
        (day, entry.id, exercise_type.upgrade_answers(entry.content_version, entry.answers)) for day, entry in dated
    ]
    views, problems = [], []
    for chart in charts:
        try:
            lines = _lines(chart, answers)
        except Exception as exc:
            problems.append(f"The chart '{chart.title}' could not be read ({type(exc).__name__}: {exc}).")
            continue
        if lines:
            views.append(ChartData(chart, lines, key=f"{name}-{chart.id}"))
    return TypeView(name, title, views, entries, " ".join(problems))


def _lines(chart: Chart, answers) -> dict[str, list[Point]]:
    lines: dict[str, list[Point]] = {}
    for day, entry_id, entry_answers in answers:
        values = chart.values(entry_answers)
        for label, value in values.items():
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                lines.setdefault(str(label), []).append(Point(day, value, entry_id))
    return lines


@lru_cache(maxsize=4096)
def week_start(day: dt.date) -> dt.date:
    """The Monday of ``day``'s week."""
    return day - dt.timedelta(days=day.weekday())


def weekly_totals(points: list[Point]) -> list[tuple[dt.date, float]]:
    """Values added up per week (weeks with nothing are left out), in time order."""
    totals: dict[dt.date, float] = defaultdict(float)
    for p in points:
        totals[week_start(p.day)] += p.value
    return sorted(totals.items())


def averaged(points: list[Point], limit: int = 120) -> tuple[str, list[tuple[dt.date, float]]]:
    """At most ``limit`` values to draw: each entry's own, or weekly or monthly averages when there are more.

    Returns the grain (``"entry"``, ``"week"`` or ``"month"``) and ``(day, value)`` pairs.
    """
    if len(points) <= limit:
        return "entry", [(p.day, p.value) for p in points]
    for grain, bucket in (("week", week_start), ("month", lambda d: d.replace(day=1))):
        groups: dict[dt.date, list[float]] = defaultdict(list)
        for p in points:
            groups[bucket(p.day)].append(p.value)
        if len(groups) <= limit or grain == "month":
            return grain, [(day, sum(v) / len(v)) for day, v in sorted(groups.items())]
    raise AssertionError("unreachable")


def format_number(value: float) -> str:
    """A value as people write it: whole numbers without a decimal point, others to one decimal."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.1f}"


def format_day(day: dt.date) -> str:
    """``3 Mar 2026``."""
    return f"{day.day} {day:%b %Y}"
