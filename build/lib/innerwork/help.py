"""Where to get help now: the helplines shown on every exercise page."""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from . import schemas


@lru_cache(maxsize=4)
def helplines(path: str | None = None) -> dict:
    """The helplines file (``INNERWORK_HELPLINES`` or the shipped one), checked against its schema."""
    path = path or os.environ.get("INNERWORK_HELPLINES") or str(Path(__file__).parent / "data" / "helplines.json")
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    schemas.validator(schemas.load("helplines.schema.json")).validate(data)
    return data


def help_markdown(data: dict | None = None) -> str:
    """The help panel as Markdown, with ``tel:`` links for phone numbers."""
    data = data or helplines()
    lines = ["**If you are in danger right now, call your local emergency number.**", ""]
    for line in data["lines"]:
        links = []
        if line.get("phone"):
            links.append(f"call [{line['phone']}](tel:{line['phone'].replace(' ', '')})")
        if line.get("text"):
            links.append(f"text {line['text']}")
        if line.get("url"):
            links.append(f"[{line['url'].removeprefix('https://')}]({line['url']})")
        lines.append(f"- **{line['name']}** ({line['region']}): {', '.join(links)}. {line.get('hours', '')}".rstrip())
    lines += ["", "innerwork is a self-help aid. It is not therapy and not a crisis service.",
              "", f"*This list was last checked on {data['checked']}.*"]
    return "\n".join(lines)
