"""The plain-words reading beside each chart: it describes what the person recorded, never diagnoses.

Sentences say what went up, down or stayed level, and point to the advice in the source articles
where it fits: plateaus are normal ("When Psychotherapy Feels Hard: Is It Still Working?"); feeling
worse for weeks is worth bringing to the therapist, rather than stopping alone (the same article,
and a clinician's post on why therapy sometimes doesn't help); successes are worth noticing ("Why
Is Therapy Hard? How To Move Through Challenges", BetterHelp). No streaks, no scores, no guilt.
The sentences are plain text: escape them before putting them in HTML.
"""

from __future__ import annotations

import datetime as dt
from statistics import mean

from .series import ChartData, Overview, Point, format_day, format_number, weekly_totals

#: a change smaller than this (on a 0-10 scale) reads as "about the same"
STEADY = 1.0
#: how long a harder stretch must have lasted to read as "for weeks"
WEEKS = dt.timedelta(days=14)
#: lines of one chart described one by one before the rest are summed up
MAX_DESCRIBED = 3
NUMBERS = {2: "two", 3: "three"}

PLATEAU = (
    "Staying level for a while is common: plateaus are a normal part of therapy, and they are often "
    "when what you have learned settles in."
)
HARDER_FOR_WEEKS = (
    "If you have been feeling worse for weeks, and not only after hard sessions, that is worth "
    "bringing to your therapist; this page can help you show them. Talk it over with them before "
    'deciding to stop. If it feels heavy right now, "Need help now?" lists people you can reach '
    "today."
)
HARDER_LATELY = (
    "A harder stretch after a difficult session is common and often passes. If it goes on for "
    "weeks, bring it to your therapist."
)
EASIER = "That change is yours, and worth noticing."
FEW = "That is too few to see a direction yet; the chart fills in as you go."


def read_overview(overview: Overview) -> list[str]:
    """The opening sentences for a period."""
    count = len(overview.entries)
    if not count:
        return [
            f"There are no finished entries from {overview.period_words}. When you finish an exercise, "
            "what it records appears here over time."
        ]
    entries = "one finished entry" if count == 1 else f"{count:,} finished entries"
    return [
        f"Looking back over {overview.period_words}: {entries}, in your own words and ratings. "
        "This describes what you recorded; it is not an assessment."
    ]


def read_chart(data: ChartData) -> list[str]:
    """Sentences about one chart: what changed, side by side, and advice where it fits."""
    if data.chart.per_week:
        return _read_weekly(data)
    sentences, moods = [], []
    lines = list(data.lines.items())
    described = (
        [item for item in lines if _change(item[1]) not in (None, 0.0)][:MAX_DESCRIBED] if len(lines) > 2 else lines
    )
    for label, points in described:
        sentence, mood = _read_line(label, points, data)
        sentences.append(sentence)
        moods.append(mood)
    if len(lines) > 2:
        rest = len(lines) - len(described)
        if rest:
            sentences.append(
                f"The other {rest} stayed about the same, or have too few ratings to compare."
                if described
                else f"All {rest} stayed about the same, or have too few ratings to compare."
            )
            moods.append("level")
    if data.chart.compare:
        sentences.extend(_read_pairs(data, *data.chart.compare))
    for mood, advice in (
        ("worse for weeks", HARDER_FOR_WEEKS),
        ("worse lately", HARDER_LATELY),
        ("level", PLATEAU),
        ("easier", EASIER),
    ):
        if mood in moods and (mood != "level" or data.entry_count >= 6):
            sentences.append(advice)
            break
    return sentences


def _recent(points: list[Point]) -> tuple[int, list[Point], list[Point]] | None:
    """The last few points and as many before them, when there are enough to compare."""
    if len(points) < 4:
        return None
    k = min(3, len(points) // 2)
    return k, points[-k:], points[-2 * k : -k]


def _change(points: list[Point]) -> float | None:
    """How much the last few differ from those before: 0.0 for about the same, None for too few."""
    recent = _recent(points)
    if recent is None:
        return None
    _, last, before = recent
    change = mean(p.value for p in last) - mean(p.value for p in before)
    return 0.0 if abs(change) < STEADY else change


def _overall(points: list[Point]) -> float | None:
    """How much the last third of the period differs from the first third: 0.0 for about the same."""
    if len(points) < 9:
        return None
    third = len(points) // 3
    change = mean(p.value for p in points[-third:]) - mean(p.value for p in points[:third])
    return 0.0 if abs(change) < STEADY else change


def _read_line(label: str, points: list[Point], data: ChartData) -> tuple[str, str]:
    """One sentence about one line, and how it went: few, level, changed, easier, worse lately or worse for weeks."""
    noun = "ratings" if data.chart.scale else "entries"
    if len(points) == 1:
        return (
            f"{label}: one rating so far ({format_number(points[0].value)} on {format_day(points[0].day)}), "
            "so there is no change to see yet.",
            "few",
        )
    change, recent = _change(points), _recent(points)
    if change is None or recent is None:
        return f"{label}: {len(points)} {noun} so far. {FEW}", "few"
    k, last, before = recent
    words = NUMBERS.get(k, str(k))
    if change == 0.0:
        sentence = (
            f"{label}: your last {words} {noun} were about the same as the {words} before "
            f"(around {format_number(mean(p.value for p in last))})."
        )
    else:
        sentence = (
            f"{label}: your last {words} {noun} were {'higher' if change > 0 else 'lower'} than the "
            f"{words} before ({format_number(mean(p.value for p in last))} on average, against "
            f"{format_number(mean(p.value for p in before))})."
        )
    overall = _overall(points)
    if overall:
        third = len(points) // 3
        sentence += (
            f" Over the whole period it went from around {format_number(mean(p.value for p in points[:third]))}"
            f" in your first {third} {noun} to around {format_number(mean(p.value for p in points[-third:]))} "
            f"in your last {third}."
        )
    return sentence, _how(data.chart.better, change, overall, points, last)


def _how(better: str, change: float, overall: float | None, points: list[Point], last: list[Point]) -> str:
    def worse(value):
        return bool(value) and better in ("higher", "lower") and (value > 0) != (better == "higher")

    def easier(value):
        return bool(value) and better in ("higher", "lower") and (value > 0) == (better == "higher")

    if worse(overall) and points[-1].day - points[0].day >= WEEKS:
        return "worse for weeks"
    if worse(change):
        return "worse for weeks" if last[-1].day - last[0].day >= WEEKS else "worse lately"
    if easier(change) or easier(overall):
        return "easier"
    if change == 0.0 and not overall:
        return "level"
    return "changed"


def _read_pairs(data: ChartData, first: str, second: str) -> list[str]:
    a = {p.entry_id: p.value for p in data.lines.get(first, [])}
    b = {p.entry_id: p.value for p in data.lines.get(second, [])}
    both = [entry for entry in a if entry in b]
    if not both:
        return []
    higher = sum(b[e] > a[e] for e in both)
    lower = sum(b[e] < a[e] for e in both)
    same = len(both) - higher - lower
    if len(both) == 1:
        e = both[0]
        how = "higher than" if b[e] > a[e] else "lower than" if b[e] < a[e] else "the same as"
        return [
            f"In your one entry with both, {second} ({format_number(b[e])}) was {how} {first} ({format_number(a[e])})."
        ]
    parts = [f"{count} {how}" for count, how in ((lower, "lower"), (same, "the same"), (higher, "higher")) if count]
    return [f"{second} compared with {first}, in your {len(both)} entries with both: {', '.join(parts)}."]


def _read_weekly(data: ChartData) -> list[str]:
    unit = data.chart.unit or data.chart.title
    sentences = []
    for label, points in data.lines.items():
        weeks = weekly_totals(points)
        total = sum(value for _, value in weeks)
        spread = "in one week" if len(weeks) == 1 else f"across {len(weeks)} different weeks"
        name = label if len(data.lines) > 1 else unit
        sentences.append(f"{name[:1].upper()}{name[1:]} in this period: {format_number(total)}, {spread}.")
    sentences.append("Each one counts, however small. A week with nothing here is not a week where nothing happened.")
    return sentences
