"""Where to get help now: the helplines shown on every exercise page.

``INNERWORK_HELPLINES`` points at a facilitator's own helplines file;
``INNERWORK_HELP_REGION`` (e.g. ``UK``) lists that region's lines first.
"""

from __future__ import annotations

import difflib
import json
import os
from functools import lru_cache
from pathlib import Path

from ..content import schemas
from ..paths import DATA


@lru_cache(maxsize=4)
def helplines(path: str | None = None) -> dict:
    """The helplines file (``INNERWORK_HELPLINES`` or the shipped one), checked against its schema."""
    path = path or os.environ.get("INNERWORK_HELPLINES") or str(DATA / "helplines.json")
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    schemas.validator(schemas.load("helplines.schema.json")).validate(data)
    return data


@lru_cache(maxsize=1)
def more_help_markdown() -> str:
    """The "when to get more help" page: the signs that mean reaching out to a person."""
    return (DATA / "when-to-get-more-help.md").read_text(encoding="utf-8")


def in_region(line: dict, region: str) -> bool:
    """True if ``region`` (e.g. ``UK``) is found, whatever its case, within the line's region ("UK and Ireland")."""
    region = region.strip().lower()
    return bool(region) and region in line["region"].lower()


def by_region(lines: list[dict], region: str) -> list[dict]:
    """The lines for ``region`` (e.g. ``UK``; matched within each line's region) first, then the rest."""
    return sorted(lines, key=lambda line: not in_region(line, region))


def region_problem(region: str, data: dict | None = None) -> str | None:
    """None if the help panel has lines for ``region``; else why not, with the regions it knows."""
    lines = (data or helplines())["lines"]
    if any(in_region(line, region) for line in lines):
        return None
    known = list(dict.fromkeys(line["region"] for line in lines))
    names = {word.lower(): word for name in known for word in name.replace(",", " ").split() if len(word) > 1}
    names.update({name.lower(): name for name in known})
    close = difflib.get_close_matches(region.strip().lower(), names, n=1, cutoff=0.75)
    hint = f"did you mean '{names[close[0]]}'? " if close else ""
    return f"the helplines have no line for the region '{region}'; {hint}their regions: {', '.join(known)}"


def lines_markdown(lines: list[dict]) -> list[str]:
    """One Markdown bullet per line, with ``tel:`` links, the region set by ``INNERWORK_HELP_REGION`` first."""
    out = []
    for line in by_region(lines, os.environ.get("INNERWORK_HELP_REGION", "")):
        links = []
        if line.get("phone"):
            links.append(f"call [{line['phone']}](tel:{line['phone'].replace(' ', '')})")
        if line.get("text"):
            links.append(f"text {line['text']}")
        if line.get("url"):
            links.append(f"[{line['url'].removeprefix('https://')}]({line['url']})")
        out.append(f"- **{line['name']}** ({line['region']}): {', '.join(links)}. {line.get('hours', '')}".rstrip())
    return out


def help_markdown(data: dict | None = None) -> str:
    """The help panel as Markdown, with ``tel:`` links for phone numbers."""
    data = data or helplines()
    lines = [
        "**If you are in danger right now, call your local emergency number.**",
        "",
        *lines_markdown(data["lines"]),
    ]
    lines += [
        "",
        "innerwork is a self-help aid. It is not therapy and not a crisis service.",
        "",
        f"*This list was last checked on {data['checked']}.*",
    ]
    return "\n".join(lines)


def home_safety_markdown(data: dict | None = None) -> str:
    """Where to turn when home does not feel safe: the file's ``home_safety`` lines, or its crisis lines."""
    data = data or helplines()
    home = data.get("home_safety") or {"checked": data["checked"], "lines": data["lines"]}
    return "\n".join(
        [
            "**If you are in danger right now, call your local emergency number.**",
            "",
            "These free lines talk with people who do not feel safe at home. They can help you think "
            "through what to do next, at your pace.",
            "",
            *lines_markdown(home["lines"]),
            "",
            f"*This list was last checked on {home['checked']}.*",
        ]
    )
