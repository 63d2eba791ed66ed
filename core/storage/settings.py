"""A person's own settings, in ``settings.json`` in their innerwork folder (``INNERWORK_HOME``).

Only one so far: ``gentle_check`` (``true``/``false``), whether to show a kind
note when they write about wanting to die or hurting themselves. On a workshop
page (answers kept in the page only) a choice made in the help panel lasts for
that page and is never written on the server.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from .store import data_dir

FILE_NAME = "settings.json"
DEFAULTS = {"gentle_check": True}
_page_only: dict = {}  # choices that last for this page (this kernel) only


class SettingsError(ValueError):
    """The settings file cannot be read or a setting is unknown."""


def settings_path() -> Path:
    return data_dir() / FILE_NAME


def load() -> dict:
    """Every setting: the defaults, then the settings file, then this page's own choices."""
    path = settings_path()
    stored = {}
    if path.exists():
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise SettingsError(
                f"{path}: cannot read the settings file ({exc}); expected a JSON object "
                f'such as {{"gentle_check": true}}. Fix or delete the file.'
            ) from None
        if not isinstance(stored, dict):
            raise SettingsError(f'{path}: expected a JSON object such as {{"gentle_check": true}}.')
    for key, value in stored.items():
        if key in DEFAULTS and not isinstance(value, type(DEFAULTS[key])):
            raise SettingsError(f"{path}: '{key}' should be true or false, not {json.dumps(value)}.")
    return {**DEFAULTS, **stored, **_page_only}


def change(name: str, value, page_only: bool | None = None) -> Path | None:
    """Set ``name``; written to the settings file (returned) unless this page keeps answers in memory only."""
    if name not in DEFAULTS:
        raise SettingsError(f"unknown setting '{name}'; known settings: {', '.join(sorted(DEFAULTS))}.")
    if page_only is None:
        page_only = os.environ.get("INNERWORK_STORE", "").lower() == "memory"
    if page_only:
        _page_only[name] = value
        return None
    _page_only.pop(name, None)
    path = settings_path()
    stored = {k: v for k, v in load().items() if k in DEFAULTS}
    stored[name] = value
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(stored, indent=2) + "\n", encoding="utf-8")
    tmp.replace(path)
    return path


def gentle_check_on() -> bool:
    """Whether the person wants the gentle check's note (a broken settings file keeps it on)."""
    try:
        return bool(load()["gentle_check"])
    except SettingsError:
        return True
