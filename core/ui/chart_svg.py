"""Charts as static SVG, each with a text table beside it, drawn by innerwork itself.

No JavaScript and no outside request: the same markup works in a notebook, a Voila page, a saved
HTML file and on paper. Colours are the Okabe-Ito colour-blind-safe palette (lighter shades when
the system is dark), and each line also has its own marker and dash pattern, so colour is never
the only cue. Text and axes use ``currentColor``. Every label is HTML-escaped.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from html import escape

from ..app.series import ChartData, averaged, format_day, format_number, weekly_totals

WIDTH, HEIGHT = 640, 230
LEFT, RIGHT, TOP, BOTTOM = 40, 14, 12, 30
#: lines drawn in one chart; the table lists them all
MAX_LINES = 6
#: a gap longer than this (days) breaks a line, so months without entries are not drawn as a slope
GAP_DAYS = {"entry": 35, "week": 35, "month": 70}
LIGHT = ["#0072B2", "#D55E00", "#007A5E", "#AA4499", "#8C6D00", "#333399"]
DARK = ["#56B4E9", "#E69F00", "#2EC4A0", "#E58FC4", "#F0E442", "#A6A6FF"]
DASHES = ["", "7 4", "2 3", "9 3 2 3", "4 4", "1 3"]
MARKERS = ["circle", "square", "triangle", "diamond", "cross", "down"]

CSS = "\n".join(
    [
        ".iw-figure{display:flex;flex-wrap:wrap;gap:1em;align-items:flex-start;margin:0.5em 0 1.5em}",
        ".iw-figure figcaption{flex:1 1 100%;font-weight:bold}",
        ".iw-plot{flex:1 1 340px;max-width:660px}",
        ".iw-plot>svg{width:100%;height:auto;color:inherit;overflow:visible}",
        ".iw-legend svg{width:30px;height:12px;vertical-align:middle}",
        ".iw-legend{list-style:none;margin:0.3em 0;padding:0;display:flex;flex-wrap:wrap;gap:0.2em 1.2em}",
        ".iw-tablewrap{flex:0 1 22em;max-height:20em;overflow:auto}",
        ".iw-table{border-collapse:collapse;font-size:0.85em}",
        ".iw-table caption{text-align:left;font-style:italic;padding-bottom:0.3em}",
        ".iw-table th,.iw-table td{padding:2px 8px;border-bottom:1px solid rgba(128,128,128,0.4);text-align:right}",
        ".iw-table tbody th{white-space:nowrap;font-weight:normal}",
        ".iw-table th:first-child,.iw-table td:first-child{text-align:left}",
        *(f".iw-s{i}{{stroke:{c};fill:{c}}}" for i, c in enumerate(LIGHT)),
        "@media (prefers-color-scheme: dark){"
        + "".join(f".iw-s{i}{{stroke:{c};fill:{c}}}" for i, c in enumerate(DARK))
        + "}",
        "@media print{.iw-tablewrap{max-height:none;overflow:visible}.iw-figure{break-inside:avoid}"
        + "".join(f".iw-s{i}{{stroke:{c};fill:{c}}}" for i, c in enumerate(LIGHT))
        + "}",
    ]
)


def figure(data: ChartData, start: dt.date | None, end: dt.date) -> str:
    """The chart, its legend and its table, as one HTML ``<figure>``."""
    drawn = drawn_lines(data)
    legend = "".join(f"<li>{_legend_mark(i)} {escape(label)}</li>" for i, label in enumerate(drawn))
    left_out = len(data.lines) - len(drawn)
    note = f"<p>{left_out} more line{'s' if left_out != 1 else ''} in the table.</p>" if left_out else ""
    return (
        f'<figure class="iw-figure" id="iw-{escape(data.key)}">'
        f"<figcaption>{escape(data.chart.title)}</figcaption>"
        f'<div class="iw-plot">{svg(data, start, end)}<ul class="iw-legend">{legend}</ul>{note}</div>'
        f'<div class="iw-tablewrap">{table(data)}</div></figure>'
    )


def drawn_lines(data: ChartData) -> list[str]:
    """The lines to draw: the most-rated first, then the hardest (by the chart's ``better``) first."""
    sign = {"higher": 1, "lower": -1}.get(data.chart.better, 0)
    ranked = sorted(
        data.lines, key=lambda label: (-len(data.lines[label]), sign * _mean(p.value for p in data.lines[label]))
    )
    keep = set(ranked[:MAX_LINES])
    return [label for label in data.lines if label in keep]


def svg(data: ChartData, start: dt.date | None, end: dt.date) -> str:
    """The chart alone, as an ``<svg>`` element with a title and description for screen readers."""
    chart = data.chart
    labels = drawn_lines(data)
    series: dict
    if chart.per_week:
        series = {label: weekly_totals(data.lines[label]) for label in labels}
        grain = "week"
    else:
        series = {}
        grains: set[str] = set()
        for label in labels:
            grain, values = averaged(data.lines[label])
            series[label], grains = values, grains | {grain}
        grain = "month" if "month" in grains else "week" if "week" in grains else "entry"
    days = [day for values in series.values() for day, _ in values]
    x0, x1 = (start or min(days)), max(end, max(days))
    if x1 <= x0:
        x0 -= dt.timedelta(days=1)
    lo, hi = chart.scale or (0, _nice(max(v for values in series.values() for _, v in values)))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    span = (x1 - x0).days or 1

    def x(day: dt.date) -> float:
        return LEFT + plot_w * (day - x0).days / span

    def y(value: float) -> float:
        return TOP + plot_h * (1 - (value - lo) / ((hi - lo) or 1))

    key = escape(data.key)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="iw-t-{key} iw-d-{key}">',
        f'<title id="iw-t-{key}">{escape(chart.title)}</title>',
        f'<desc id="iw-d-{key}">{escape(_description(data, labels, grain))}</desc>',
    ]
    parts += _axes(x0, x1, lo, hi, x, y, chart)
    if chart.per_week:
        parts += _bars(series, x, y, lo, plot_w / max(span / 7, 1))
    else:
        for i, values in enumerate(series.values()):
            parts += _line(i, values, x, y, grain, markers=len(values) <= 120)
    parts.append("</svg>")
    return "".join(parts)


def _axes(x0, x1, lo, hi, x, y, chart) -> list[str]:
    parts = ['<g fill="currentColor" stroke="currentColor" font-size="11" font-family="sans-serif">']
    for value in (lo, (lo + hi) / 2, hi):
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke-opacity="0.25" />'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(value) + 4:.1f}" text-anchor="end" stroke="none">{format_number(value)}</text>'
        )
    span = (x1 - x0).days
    ticks = 4 if span >= 8 else 2
    with_year = span > 300 or x0.year != x1.year
    for n in range(ticks + 1):
        day = x0 + dt.timedelta(days=round(span * n / ticks))
        anchor = "start" if n == 0 else "end" if n == ticks else "middle"
        text = (
            f"{day:%b %Y}"
            if with_year and span > 120
            else f"{day.day} {day:%b}" + (f" {day.year}" if with_year else "")
        )
        parts.append(f'<text x="{x(day):.1f}" y="{HEIGHT - 8}" text-anchor="{anchor}" stroke="none">{text}</text>')
    parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(lo):.1f}" y2="{y(lo):.1f}" stroke-opacity="0.6" />')
    for value, label, dy in ((hi, chart.high_label, 11), (lo, chart.low_label, -4)):
        if label:
            parts.append(
                f'<text x="{LEFT + 4}" y="{y(value) + dy:.1f}" stroke="none" fill-opacity="0.8">'
                f"{format_number(value)} = {escape(label)}</text>"
            )
    parts.append("</g>")
    return parts


def _line(i: int, values, x, y, grain: str, markers: bool) -> list[str]:
    colour, dash = LIGHT[i], DASHES[i]
    runs, run, last = [], [], None
    for day, value in values:
        if last is not None and (day - last).days > GAP_DAYS[grain]:
            runs.append(run)
            run = []
        run.append((x(day), y(value)))
        last = day
    runs.append(run)
    dashed = f' stroke-dasharray="{dash}"' if dash else ""
    parts = [f'<g class="iw-s{i}" stroke="{colour}" fill="{colour}">']
    for run in runs:
        if len(run) > 1:
            points = " ".join(f"{px:.1f},{py:.1f}" for px, py in run)
            parts.append(f'<polyline points="{points}" fill="none" stroke-width="2"{dashed} />')
    if markers or any(len(run) == 1 for run in runs):
        for run in runs:
            if markers or len(run) == 1:
                parts += [_marker(MARKERS[i], px, py) for px, py in run]
    parts.append("</g>")
    return parts


def _bars(series, x, y, lo, week_w) -> list[str]:
    count = len(series) or 1
    width = max(1.5, min(week_w * 0.8, 24)) / count
    parts = []
    for i, values in enumerate(series.values()):
        parts.append(f'<g class="iw-s{i}" fill="{LIGHT[i]}" stroke="none">')
        for day, value in values:
            left = x(day) + i * width
            parts.append(
                f'<rect x="{left:.1f}" y="{y(value):.1f}" width="{width:.1f}" height="{y(lo) - y(value):.1f}" />'
            )
        parts.append("</g>")
    return parts


def _marker(shape: str, px: float, py: float, r: float = 3.5) -> str:
    if shape == "circle":
        return f'<circle cx="{px:.1f}" cy="{py:.1f}" r="{r}" />'
    if shape == "square":
        return f'<rect x="{px - r:.1f}" y="{py - r:.1f}" width="{2 * r}" height="{2 * r}" />'
    if shape == "cross":
        return (
            f'<path d="M{px - r:.1f},{py - r:.1f}L{px + r:.1f},{py + r:.1f}M{px - r:.1f},{py + r:.1f}'
            f'L{px + r:.1f},{py - r:.1f}" stroke-width="2" fill="none" />'
        )
    corners = {
        "triangle": [(0, -1.2), (1.1, 0.8), (-1.1, 0.8)],
        "down": [(0, 1.2), (1.1, -0.8), (-1.1, -0.8)],
        "diamond": [(0, -1.3), (1.3, 0), (0, 1.3), (-1.3, 0)],
    }[shape]
    return '<polygon points="' + " ".join(f"{px + dx * r:.1f},{py + dy * r:.1f}" for dx, dy in corners) + '" />'


def _legend_mark(i: int) -> str:
    dash = f' stroke-dasharray="{DASHES[i]}"' if DASHES[i] else ""
    return (
        f'<svg width="30" height="12" viewBox="0 0 30 12" aria-hidden="true" class="iw-s{i}" '
        f'stroke="{LIGHT[i]}" fill="{LIGHT[i]}"><line x1="1" x2="29" y1="6" y2="6" stroke-width="2"{dash} />'
        f"{_marker(MARKERS[i], 15, 6)}</svg>"
    )


def table(data: ChartData) -> str:
    """Every value of the chart as a table, for screen readers and for anyone who prefers numbers."""
    chart = data.chart
    title = escape(chart.title)
    if chart.per_week:
        head = ["Week of", *data.lines]
        weeks: dict[dt.date, dict[str, float]] = defaultdict(dict)
        for label, points in data.lines.items():
            for day, total in weekly_totals(points):
                weeks[day][label] = total
        rows = [[format_day(day), *(weeks[day].get(label) for label in data.lines)] for day in sorted(weeks)]
        return _table(f"{title}: totals per week (weeks with none are left out)", head, rows)
    if len(data.lines) > 3:
        head = ["", "Ratings", "First", "Latest", "Average"]
        rows = [
            [
                label,
                len(points),
                f"{format_number(points[0].value)} ({format_day(points[0].day)})",
                f"{format_number(points[-1].value)} ({format_day(points[-1].day)})",
                _mean(p.value for p in points),
            ]
            for label, points in data.lines.items()
        ]
        return _table(f"{title}: each line in brief", head, rows)
    grains = {label: averaged(points) for label, points in data.lines.items()}
    if all(grain == "entry" for grain, _ in grains.values()):
        by_entry: dict[tuple, dict[str, float]] = {}
        for label, points in data.lines.items():
            for p in points:
                by_entry.setdefault((p.day, p.entry_id), {})[label] = p.value
        rows = [
            [format_day(day), *(values.get(label) for label in data.lines)]
            for (day, _), values in sorted(by_entry.items(), key=lambda item: item[0][0])
        ]
        return _table(f"{title}: one row per entry", ["Date", *data.lines], rows)
    grain = "month" if any(g == "month" for g, _ in grains.values()) else "week"
    buckets: dict[dt.date, dict[str, float]] = defaultdict(dict)
    for label, (_, values) in grains.items():
        for day, value in values:
            buckets[day][label] = value
    head = ["Month of" if grain == "month" else "Week of", *data.lines]
    rows = [[format_day(day), *(buckets[day].get(label) for label in data.lines)] for day in sorted(buckets)]
    return _table(f"{title}: {grain}ly averages", head, rows)


def _table(caption: str, head: list[str], rows: list[list]) -> str:
    header = "".join(f'<th scope="col">{escape(str(h))}</th>' for h in head)
    body = "".join(
        "<tr>"
        + "".join(
            (f'<th scope="row">{escape(str(cell))}</th>' if n == 0 else f"<td>{_cell(cell)}</td>")
            for n, cell in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f'<table class="iw-table"><caption>{caption}</caption><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>'


def _cell(value) -> str:
    if value is None:
        return '<span aria-label="none">–</span>'
    return escape(format_number(value) if isinstance(value, float) else str(value))


def _description(data: ChartData, labels: list[str], grain: str) -> str:
    kind = "Bars per week" if data.chart.per_week else "Lines over time"
    shown = {"entry": "one point per entry", "week": "weekly averages", "month": "monthly averages"}[grain]
    what = shown if not data.chart.per_week else "totals per week"
    return (
        f"{kind}: {', '.join(labels)}; {what}, from {data.entry_count} entries. "
        "The table beside the chart lists the same values."
    )


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else 0.0


def _nice(top: float) -> float:
    for step in (2, 4, 6, 10, 20, 40, 60, 100, 200, 400, 600, 1000):
        if top <= step:
            return step
    return top
