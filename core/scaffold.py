"""``innerwork new-plugin``: a pip-installable exercise-type plugin that works on the first try."""
from __future__ import annotations

import re
from pathlib import Path

TEMPLATE = Path(__file__).parent / "data" / "scaffold"
NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def names(name: str) -> dict[str, str]:
    """Every spelling of ``name`` the package needs: distribution, module, entry point, class, title."""
    if not NAME.match(name):
        raise ValueError(f"'{name}' is not a usable plugin name: use lowercase letters, digits and single "
                         "hyphens, starting with a letter (for example 'grounding' or 'body-scan').")
    entry = name.replace("-", "_")
    words = name.split("-")
    return {"name": name, "entry": entry, "dist": f"innerwork-{name}", "module": f"innerwork_{entry}",
            "Class": "".join(w.capitalize() for w in words), "title": " ".join(words).capitalize()}


def fill(text: str, values: dict[str, str]) -> str:
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    return text


def new_plugin(name: str, parent: str | Path = ".") -> tuple[Path, list[Path]]:
    """Write the plugin package ``innerwork-NAME`` into ``parent``; return its folder and the files written."""
    values = names(name)
    root = Path(parent) / values["dist"]
    if root.exists():
        raise FileExistsError(f"{root} already exists; choose another name or folder (--dir).")
    written = []
    for template in sorted(TEMPLATE.rglob("*")):
        if template.is_dir() or "__pycache__" in template.parts:
            continue
        target = root / fill(str(template.relative_to(TEMPLATE)), values)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(fill(template.read_text(encoding="utf-8"), values), encoding="utf-8")
        written.append(target)
    return root, written
