"""A page to bring to a session: the charts of a period, their readings, and only the entries the
person chose to include. One self-contained HTML file with a print stylesheet; it loads nothing."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..app.help import help_markdown
from ..app.reading import read_chart, read_overview
from ..app.series import Overview, TypeView, entry_day, format_day
from ..storage.store import Entry
from ..text.markdown import render
from . import chart_svg

PAGE_CSS = "\n".join(
    [
        ":root{color-scheme:light dark}",
        "body{font-family:system-ui,sans-serif;line-height:1.45;max-width:62em;margin:0 auto;padding:1em;"
        "background:#fff;color:#1a1a1a}",
        "@media (prefers-color-scheme: dark){body{background:#161616;color:#ececec}a{color:#8ab4f8}}",
        ".iw-reading{border-left:4px solid #0072B2;padding:0.1em 0 0.1em 0.8em;margin:0.5em 0}",
        ".iw-entry{border-top:1px solid rgba(128,128,128,0.5);margin-top:1em}",
        ".iw-note{font-size:0.9em;opacity:0.85}",
        "@media print{body{background:#fff;color:#000;max-width:none;font-size:11pt}a{color:#000}",
        ".iw-screen-only{display:none}section{break-inside:auto}.iw-entry{break-inside:avoid}h2{break-after:avoid}}",
        "@page{margin:1.5cm}",
        chart_svg.CSS,
    ]
)


def type_section(view: TypeView, overview: Overview) -> str:
    """One type's heading, and each chart with its reading; shared by the page and the notebook view."""
    parts = [f"<h2>{escape(view.title)}</h2>"]
    if view.problem:
        parts.append(f'<p class="iw-note">{escape(view.problem)}</p>')
    if not view.charts:
        count = len(view.entries)
        parts.append(f"<p>{count} entr{'y' if count == 1 else 'ies'}; this type records nothing to chart.</p>")
    for data in view.charts:
        sentences = "".join(f"<p>{escape(s)}</p>" for s in read_chart(data))
        parts.append(f'<div class="iw-reading">{sentences}</div>')
        parts.append(chart_svg.figure(data, overview.start, overview.end))
    return "<section>" + "".join(parts) + "</section>"


def entry_html(entry: Entry, title: str) -> str:
    """One entry in the person's own words: its summary (their text was escaped when it was written)."""
    body = render(entry.summary) if entry.summary else "<p>(no summary)</p>"
    return (
        f'<article class="iw-entry"><p class="iw-note">{escape(title)} · {format_day(entry_day(entry))}</p>'
        f"{body}</article>"
    )


def page(overview: Overview, include: Sequence[Entry] = (), titles: dict[str, str] | None = None) -> str:
    """The whole page as HTML. ``include``: the entries to show in full; ``titles``: exercise id -> title."""
    titles = titles or {}
    span = (
        f"{format_day(overview.start)} to {format_day(overview.end)}"
        if overview.start
        else f"up to {format_day(overview.end)}"
    )
    intro = "".join(f"<p>{escape(s)}</p>" for s in read_overview(overview))
    sections = "".join(type_section(view, overview) for view in overview.types)
    chosen = "".join(
        entry_html(e, titles.get(e.exercise_id, e.exercise_id)) for e in sorted(include, key=lambda e: e.created_at)
    )
    entries = (
        f"<section><h2>Entries I chose to include</h2>{chosen}</section>"
        if include
        else '<p class="iw-note">No entries were chosen to include in full; the charts above are all this '
        "page shows.</p>"
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
        'img-src data:">'
        f"<title>Looking back: {escape(overview.period_words)}</title><style>{PAGE_CSS}</style></head><body><main>"
        f"<h1>Looking back: {escape(overview.period_words)}</h1>"
        f'<p class="iw-note">{escape(span)}. Made by innerwork on this computer from my own entries; '
        "nothing was sent anywhere. innerwork is a self-help aid, not therapy and not an assessment.</p>"
        f"{intro}{sections}{entries}"
        f'<footer class="iw-note"><h2>If you need help now</h2>{render(help_markdown())}</footer>'
        "</main></body></html>"
    )
