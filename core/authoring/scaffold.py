"""``innerwork new-plugin``: a pip-installable exercise-type plugin that works on the first try."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from .. import __version__
from ..paths import DATA

TEMPLATE = DATA / "scaffold"
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
#: licences ``new-plugin`` can write, by SPDX identifier
LICENCES = {"Apache-2.0": "Apache-2.0.txt", "MIT": "MIT.txt"}


def names(name: str) -> dict[str, str]:
    """Every spelling of ``name`` the package needs: distribution, module, entry point, class, title."""
    if not NAME.match(name):
        raise ValueError(
            f"'{name}' is not a usable plugin name: use lowercase letters, digits and single "
            "hyphens, starting with a letter (for example 'grounding' or 'body-scan')."
        )
    entry = name.replace("-", "_")
    words = name.split("-")
    return {
        "name": name,
        "entry": entry,
        "dist": f"innerwork-{name}",
        "module": f"innerwork_{entry}",
        "Class": "".join(w.capitalize() for w in words),
        "title": " ".join(words).capitalize(),
    }


def fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def package_details(
    name: str, author: str = "", email: str = "", description: str = "", licence: str = "Apache-2.0"
) -> dict[str, str]:
    """The values the templates are filled with: names, the author, the description and the licence."""
    if licence not in LICENCES:
        raise ValueError(f"unknown licence '{licence}'; choose one of: {', '.join(sorted(LICENCES))}")
    values = names(name)
    person = ([f"name = {json.dumps(author)}"] if author else []) + ([f"email = {json.dumps(email)}"] if email else [])
    major, minor = (__version__.split(".") + ["0"])[:2]
    description = description or f"The {name} exercise type for innerwork."
    values.update(
        {
            "description": description,
            "description_toml": json.dumps(description),
            "licence": licence,
            "authors": f"authors = [{{{', '.join(person)}}}]\n" if person else "",
            "holder": author or f"the {values['dist']} authors",
            "year": str(datetime.date.today().year),
            # the innerwork this package was made with, up to (not including) the next minor version
            "innerwork_pin": f"innerwork>={major}.{minor},<{major}.{int(minor) + 1}"
            if minor.isdigit()
            else "innerwork",
            "dot": ".",
        }
    )
    return values


def new_plugin(name: str, parent: str | Path = ".", **details) -> tuple[Path, list[Path]]:
    """Write the plugin package ``innerwork-NAME`` into ``parent``; return its folder and the files written.

    ``details``: ``author``, ``email``, ``description``, ``licence`` (see :func:`package_details`).
    """
    values = package_details(name, **details)
    root = Path(parent) / values["dist"]
    if root.exists():
        raise FileExistsError(f"{root} already exists; choose another name or folder (--dir).")
    written = []
    for template in sorted(TEMPLATE.rglob("*")):
        if template.is_dir() or "__pycache__" in template.parts:
            continue
        target = root / fill(str(template.relative_to(TEMPLATE)), values)
        written.append(_write(target, fill(template.read_text(encoding="utf-8"), values)))
    licence = (DATA / "licences" / LICENCES[values["licence"]]).read_text(encoding="utf-8")
    written.append(_write(root / "LICENSE", fill(licence, values)))
    return root, written


def _write(target: Path, text: str) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    return target
