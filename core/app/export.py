"""Entries as Markdown (to print or bring to a session), JSON and CSV.

Markdown and CSV are meant for reading, so control characters and bidi
overrides in a person's text become visible stand-ins
(:func:`innerwork.text.cleantext.neutralise`). JSON keeps the exact text: the
characters that could upset a terminal are written as ``\\uXXXX`` escapes.
"""

from __future__ import annotations

import csv
import io
import json

from ..storage.store import Entry
from ..text.cleantext import escape_in_json, neutralise

FORMATS = {"md": "text/markdown", "json": "application/json", "csv": "text/csv"}


def to_markdown(entries: list[Entry]) -> str:
    parts = []
    for entry in entries:
        body = (
            entry.summary
            or f"# {entry.exercise_id} (not finished)\n\n```\n{json.dumps(entry.answers, indent=2, ensure_ascii=False)}\n```"
        )
        parts.append(f"{body}\n\n*{entry.status}, last changed {entry.updated_at}*\n")
    return neutralise("\n---\n\n".join(parts))


def to_json(entries: list[Entry]) -> str:
    return escape_in_json(
        json.dumps(
            {"format": "innerwork-entries", "version": 1, "entries": [e.to_dict() for e in entries]},
            indent=2,
            ensure_ascii=False,
        )
    )


def to_csv(entries: list[Entry]) -> str:
    """One row per answer: entry, exercise, status, dates, step and the answer (lists and maps as JSON)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["entry_id", "exercise_id", "type", "type_version", "status", "created_at", "updated_at", "step", "answer"]
    )
    for e in entries:
        for step, value in e.answers.items():
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            writer.writerow(
                [
                    neutralise(str(cell))
                    for cell in (
                        e.id,
                        e.exercise_id,
                        e.type,
                        e.type_version,
                        e.status,
                        e.created_at,
                        e.updated_at,
                        step,
                    )
                ]
                + [_csv_safe(neutralise(text))]
            )
    return out.getvalue()


def _csv_safe(text: str) -> str:
    """Stop a spreadsheet from running a person's text as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export(entries: list[Entry], fmt: str) -> str:
    """``entries`` in ``fmt``: ``md``, ``json`` or ``csv``."""
    return {"md": to_markdown, "json": to_json, "csv": to_csv}[fmt](entries)
