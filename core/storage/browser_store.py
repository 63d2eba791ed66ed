"""Answers kept by the participant's browser, in a static workshop site (``innerwork build``).

There innerwork runs in the browser (Pyodide). The kernel mounts the site's JupyterLite drive at
``/drive``; every file written there the page keeps in the browser's own storage for the site
(IndexedDB), on this device only, and nothing is sent anywhere. This store keeps one JSON file per
entry in a folder of that drive, with the SQLite store's entry semantics: saving the same entry
again replaces it, entries come newest first, one that cannot be read is named without hiding the
others, and deleting removes the file (and with it the browser's record).

On the host it is an ordinary folder, which is how the tests use it.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from .store import Entry, StoreError, Unreadable, now

#: The drive the Pyodide kernel mounts when the page has a service worker (https, or http on localhost).
DRIVE = Path("/drive")
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_FIELDS = set(Entry.__dataclass_fields__)


class BrowserStore:
    """Entries as JSON files in ``folder`` (in the browser: a folder of the JupyterLite drive)."""

    location = "this browser on this device"
    in_browser = True

    def __init__(self, folder: str | Path):
        self.folder = Path(folder)

    def _file(self, entry_id: str) -> Path:
        if not _SAFE_ID.fullmatch(entry_id or ""):
            raise StoreError(f"{entry_id!r} is not an entry id this store can keep.")
        return self.folder / f"{entry_id}.json"

    def save(self, entry: Entry) -> None:
        path = self._file(entry.id)
        entry.updated_at = now()
        text = json.dumps(entry.to_dict(), ensure_ascii=False)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise StoreError(f"This browser did not keep the answers ({exc.strerror or exc}).") from None

    def get(self, entry_id: str) -> Entry | None:
        path = self._file(entry_id)
        if not path.exists():
            return None
        entry = _read(path)
        if isinstance(entry, Unreadable):
            raise StoreError(f"The entry {entry} cannot be read.")
        return entry

    def entries(self, exercise_id: str | None = None, status: str | None = None) -> list[Entry]:
        return self.read_all(exercise_id, status)[0]

    def read_all(
        self, exercise_id: str | None = None, status: str | None = None
    ) -> tuple[list[Entry], list[Unreadable]]:
        """Every entry that can be read, newest first, and every one that cannot, with the reason."""
        entries, unreadable = [], []
        for path in self._files():
            found = _read(path)
            if isinstance(found, Unreadable):
                if exercise_id is None and status is None:
                    unreadable.append(found)
            elif (exercise_id is None or found.exercise_id == exercise_id) and (
                status is None or found.status == status
            ):
                entries.append(found)
        entries.sort(key=lambda e: (e.updated_at, e.created_at), reverse=True)
        return entries, unreadable

    def _files(self) -> list[Path]:
        try:
            return sorted(p for p in self.folder.iterdir() if p.suffix == ".json" and _SAFE_ID.fullmatch(p.stem))
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise StoreError(f"This browser's saved answers cannot be read ({exc.strerror or exc}).") from None

    def delete(self, entry_id: str) -> None:
        try:
            self._file(entry_id).unlink(missing_ok=True)
        except OSError as exc:
            raise StoreError(f"Not deleted from this browser ({exc.strerror or exc}).") from None

    def delete_all(self) -> int:
        """Delete every entry (readable or not); returns how many."""
        files = self._files()
        for path in files:
            self.delete(path.stem)
        return len(files)


def _read(path: Path) -> Entry | Unreadable:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict) or set(data) != _FIELDS or not isinstance(data.get("answers"), dict):
            raise ValueError("not in the form innerwork writes")
        return Entry(**data)
    except (OSError, ValueError, TypeError) as exc:
        return Unreadable(path.stem, "?", "?", f"it cannot be read ({exc}); it was changed outside innerwork")


def drive_mounted() -> bool:
    """True when the browser's drive is there to keep files (the page has a service worker)."""
    return DRIVE.is_dir()


def browser_home() -> Path:
    """innerwork's folder in a browser: on the drive when it is mounted, else in the page's memory."""
    return DRIVE / ".innerwork" if drive_mounted() else Path("/tmp/innerwork")
