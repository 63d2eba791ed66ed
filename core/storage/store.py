"""Where answers are kept: SQLite on the person's own machine by default, or memory only.

The database file has its own schema version (``PRAGMA user_version``). An
older file is copied to a backup before it is migrated, and the backup is
removed once the upgraded file has opened; a newer one is never touched. A
file can be locked with a passphrase (see :mod:`innerwork.storage.crypto`). One entry
that cannot be read never hides the others (:meth:`SQLiteStore.read_all`).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from . import storefiles

if TYPE_CHECKING:
    from .crypto import Cipher

try:
    import sqlite3
except ImportError:  # a browser (Pyodide) has no sqlite3: answers go to the browser store there
    sqlite3 = None  # type: ignore[assignment]

DB_NAME = "innerwork.sqlite3"
SCHEMA_VERSION = 2
#: How an encrypted answer or summary starts (see :mod:`innerwork.storage.crypto`).
ENCRYPTED = "enc1:"

#: ``MIGRATIONS[n]`` upgrades a database from version ``n`` to ``n + 1``.
MIGRATIONS: dict[int, str] = {
    0: """
    CREATE TABLE IF NOT EXISTS entries (
        id TEXT PRIMARY KEY,
        exercise_id TEXT NOT NULL,
        type TEXT NOT NULL,
        type_version TEXT NOT NULL,
        content_version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'completed')),
        step INTEGER NOT NULL DEFAULT 0,
        answers TEXT NOT NULL,
        summary TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS entries_by_exercise ON entries (exercise_id, updated_at);
    """,
    1: "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
}


class StoreError(Exception):
    """The store cannot be used; the message says why in plain words."""


class PassphraseNeeded(StoreError):
    """The answers file is locked with a passphrase and none (or the wrong one) was given."""


class LockChanged(PassphraseNeeded):
    """Another program added or changed the passphrase while this one had the file open."""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Entry:
    """One go at an exercise: a draft while in progress, then completed."""

    exercise_id: str
    type: str
    type_version: str
    content_version: int
    answers: dict = field(default_factory=dict)
    status: str = "draft"
    step: int = 0
    summary: str | None = None
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created_at: str = field(default_factory=now)
    updated_at: str = field(default_factory=now)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


@dataclass
class Unreadable:
    """An entry that cannot be read, and why; the others are read as usual."""

    id: str
    exercise_id: str
    updated_at: str
    reason: str

    def __str__(self) -> str:
        return f"{self.id} ({self.exercise_id}, last changed {self.updated_at}): {self.reason}"


def data_dir() -> Path:
    """``INNERWORK_HOME`` if set, else the person's data folder for innerwork (in a browser: its drive)."""
    home = os.environ.get("INNERWORK_HOME")
    if home:
        return Path(home).expanduser()
    if in_browser():
        from .browser_store import browser_home

        return browser_home()
    import platformdirs

    return Path(platformdirs.user_data_dir("innerwork", appauthor=False))


class MemoryStore:
    """Keeps entries in this process only; nothing is written anywhere."""

    location = "this page's memory only"

    def __init__(self):
        self._entries: dict[str, Entry] = {}

    def save(self, entry: Entry) -> None:
        entry.updated_at = now()
        self._entries[entry.id] = Entry(**json.loads(json.dumps(entry.to_dict())))

    def get(self, entry_id: str) -> Entry | None:
        return self._entries.get(entry_id)

    def entries(self, exercise_id: str | None = None, status: str | None = None) -> list[Entry]:
        found = [
            e
            for e in self._entries.values()
            if (exercise_id is None or e.exercise_id == exercise_id) and (status is None or e.status == status)
        ]
        return sorted(found, key=lambda e: e.updated_at, reverse=True)

    def read_all(
        self, exercise_id: str | None = None, status: str | None = None
    ) -> tuple[list[Entry], list[Unreadable]]:
        return self.entries(exercise_id, status), []

    def delete(self, entry_id: str) -> None:
        self._entries.pop(entry_id, None)

    def delete_all(self) -> int:
        count = len(self._entries)
        self._entries.clear()
        return count


class SQLiteStore:
    """Entries in one SQLite file. Safe for several kernels at once (WAL, short transactions).

    Every transaction first checks whether another program has added or removed the passphrase since
    this one opened the file, so nothing is ever written in clear into a locked file or encrypted into
    a clear one. Deleting overwrites: ``secure_delete`` is on and the write-ahead log is emptied.
    """

    def __init__(self, path: str | Path | None = None, passphrase: str | None = None):
        if sqlite3 is None:
            raise StoreError("This Python has no sqlite3 module, so answers cannot be saved in a file.")
        self.path = Path(path) if path else data_dir() / DB_NAME
        self.location = str(self.path)
        self._lock = threading.Lock()
        self._ready = False
        self._passphrase = passphrase
        self._cipher: Cipher | None = None  # set when the file is locked with a passphrase and it was given
        self._lock_setting: str | None = None  # the file's 'encryption' setting that ``_cipher`` belongs to
        self.busy_timeout_ms = 5000
        self.read_only = False
        #: What this store did to files around the answers file (or could not do), in plain words.
        self.notes: list[str] = []

    # -- connection and schema ---------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        self.read_only = not storefiles.writable(self.path)
        timeout = self.busy_timeout_ms / 1000
        try:
            if self.read_only:
                conn = storefiles.connect_read_only(self.path, timeout)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"Cannot open the answers file {self.path}: {exc}.") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
            conn.execute("PRAGMA secure_delete = ON")  # deleted text is overwritten, not just unlinked
            if not self._ready:
                self._prepare(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _prepare(self, conn: sqlite3.Connection) -> None:
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(self._cannot_read(exc)) from None
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"The answers file {self.path} was written by a newer innerwork (database version "
                f"{version}; this one reads up to {SCHEMA_VERSION}). It has not been changed; "
                "please upgrade innerwork."
            )
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise StoreError(
                    f"The answers file {self.path} needs upgrading (database version {version}), but "
                    "it or its folder is read-only. It has not been changed; copy it to a folder you "
                    "can write to and set INNERWORK_HOME to that folder."
                )
            self._migrate(conn, version)
        if not self.read_only:
            conn.execute("PRAGMA journal_mode = WAL")
        self._cipher = self._unlock(conn)
        if not self.read_only:
            if self._cipher is not None:
                self._seal_stray_rows(conn)
            self._remove_backups("a copy made before upgrading the answers file, which has opened fine since")
        self._ready = True

    def _cannot_read(self, exc: sqlite3.DatabaseError) -> str:
        text = str(exc)
        if "not a database" in text or "malformed" in text:
            return (
                f"The answers file {self.path} cannot be read ({text}): it is damaged. It has not been "
                "changed. Move it aside to start a new one, or restore a backup."
            )
        return (
            f"The answers file {self.path} cannot be opened ({text}). It has not been changed; check that "
            "you may read it and its folder."
        )

    def _unlock(self, conn: sqlite3.Connection):
        setting = _lock_setting(conn)
        self._lock_setting = setting
        if setting is None:
            if self._passphrase:
                raise StoreError(
                    f"The answers file {self.path} has no passphrase, so none is needed. `innerwork encrypt` adds one."
                )
            return None
        if not self._passphrase:
            raise PassphraseNeeded(
                f"The answers file {self.path} is locked with a passphrase. Give it when asked, "
                "or set INNERWORK_PASSPHRASE."
            )
        from . import crypto  # only files with a passphrase need the cryptography library

        try:
            return crypto.unlock(setting, self._passphrase)
        except crypto.WrongPassphrase:
            raise PassphraseNeeded(
                f"That passphrase does not open the answers file {self.path}. Nothing was changed; try again."
            ) from None

    def _follow_lock(self, conn: sqlite3.Connection) -> None:
        """Inside a transaction: if another program added, changed or removed the passphrase since this
        store opened the file, go on under the file's lock as it is now, or refuse."""
        setting = _lock_setting(conn)
        if setting == self._lock_setting:
            return
        if setting is None:  # another program removed the passphrase: the file is in clear now
            self._cipher, self._lock_setting = None, None
            return
        if not self._passphrase:
            raise LockChanged(
                f"The answers file {self.path} was locked with a passphrase by another program; "
                "reopen it (with INNERWORK_PASSPHRASE set, or give the passphrase). Nothing was "
                "saved or changed."
            )
        from . import crypto

        try:
            self._cipher = crypto.unlock(setting, self._passphrase)
        except crypto.WrongPassphrase:
            raise LockChanged(
                f"The answers file {self.path} was locked with a different passphrase by another "
                "program; reopen it with that passphrase. Nothing was saved or changed."
            ) from None
        self._lock_setting = setting

    @property
    def encrypted(self) -> bool:
        """True when the file is locked with a passphrase (and it was given)."""
        with self._transaction():
            return self._cipher is not None

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        backup = self.path.with_name(f"{self.path.name}.v{version}.backup")
        if has_tables and self.path.exists():
            try:
                with sqlite3.connect(backup) as copy:
                    conn.backup(copy)  # a consistent copy, write-ahead log included
                copy.close()
            except sqlite3.Error as exc:
                raise StoreError(
                    f"The answers file {self.path} needs upgrading, but its backup {backup} could "
                    f"not be written ({exc}). Nothing was changed."
                ) from None
        try:
            conn.execute("BEGIN IMMEDIATE")
            current = conn.execute("PRAGMA user_version").fetchone()[0]  # another kernel may have done it
            for step in range(current, SCHEMA_VERSION):
                for statement in filter(str.strip, MIGRATIONS[step].split(";")):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
            if conn.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise sqlite3.DatabaseError("the upgraded file does not pass SQLite's check")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            kept = f" The file as it was is kept in {backup}." if backup.exists() else ""
            raise StoreError(f"{self._explain(exc)}{kept}") from None

    def _seal_stray_rows(self, conn: sqlite3.Connection) -> None:
        """Encrypt answers an older innerwork saved in clear into this locked file (while another program
        was adding the passphrase), then overwrite the clear copies."""
        try:
            conn.execute("BEGIN IMMEDIATE")
            count, _ = _reseal(conn, self._cipher, self._cipher, STRAY_ROWS)
            conn.execute("COMMIT")
        except sqlite3.Error:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            return  # busy or read-only: the next opening tries again
        if count:
            self._purge(conn, vacuum=True)
            self.notes.append(
                f"Encrypted {count} entr{'y' if count == 1 else 'ies'} that had been saved in clear "
                "while the passphrase was being added."
            )

    @contextmanager
    def _open(self):
        """A connection to the ready (migrated, unlocked) file; SQLite errors become plain StoreErrors."""
        with self._lock:
            conn = self._connect()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise StoreError(self._explain(exc)) from None
            finally:
                conn.close()

    @contextmanager
    def _transaction(self, write: bool = False):
        """One transaction under the file's current lock; ``write`` takes the write lock first."""
        with self._open() as conn:
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                self._follow_lock(conn)
                yield conn
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _purge(self, conn: sqlite3.Connection, vacuum: bool = False) -> None:
        """Leave no older copy of deleted or rewritten text: rebuild the file (``vacuum``), empty the log."""
        try:
            if vacuum:
                conn.execute("VACUUM")
            emptied = storefiles.empty_wal(conn)
        except sqlite3.Error as exc:
            emptied, reason = False, str(exc)
        else:
            reason = "another program kept reading it"
        if not emptied:
            self.notes.append(
                f"Could not yet overwrite the old copies of changed text in {self.path} ({reason}); "
                "run the same command again once other programs using it are closed."
            )

    def _remove_backups(self, why: str) -> None:
        for backup in storefiles.backups(self.path):
            try:
                storefiles.shred(backup)
            except OSError as exc:
                self.notes.append(f"Could not remove {backup} ({exc}); it holds answers: delete it yourself.")
            else:
                self.notes.append(f"Removed {backup.name}: {why}.")

    def leftover_copies(self) -> list[str]:
        """The write-ahead log files still next to the answers file, described. SQLite removes them when the
        last program using the file closes it; innerwork empties the log after every delete."""
        wal, index = storefiles.wal_files(self.path)
        found = []
        if wal.exists():
            size = wal.stat().st_size
            found.append(
                f"{wal.name} (empty; another program has the file open)"
                if size == 0
                else f"{wal.name} ({size} bytes that may hold older copies of changed text; run the command "
                "again once other programs using the file are closed)"
            )
        if index.exists():
            found.append(f"{index.name} (the log's index: page numbers, no text)")
        return found

    def _explain(self, exc: sqlite3.Error) -> str:
        text = str(exc)
        if "locked" in text or "busy" in text:
            reason = "it is locked by another program; try again in a moment"
        elif "readonly" in text or "read-only" in text:
            reason = "it or its folder is read-only. Your entries can still be read and exported (`innerwork export`)"
        elif "malformed" in text or "not a database" in text:
            reason = "it is damaged; it has not been changed"
        else:
            reason = text
        return f"Cannot save to the answers file {self.path}: {reason}."

    # -- entries -------------------------------------------------------------
    def save(self, entry: Entry) -> None:
        entry.updated_at = now()
        with self._transaction(write=True) as conn:
            conn.execute(SAVE, _row(entry, self._cipher))

    def get(self, entry_id: str) -> Entry | None:
        with self._transaction() as conn:
            rows = conn.execute("SELECT * FROM entries WHERE id = ?", (entry_id,)).fetchall()
        if not rows:
            return None
        entries, unreadable = _decode(rows, self._cipher)
        if unreadable:
            raise StoreError(f"The entry {unreadable[0]} in {self.path} cannot be read.")
        return entries[0]

    def entries(self, exercise_id: str | None = None, status: str | None = None) -> list[Entry]:
        """The entries that can be read, newest first (:meth:`read_all` also names those that cannot)."""
        return self.read_all(exercise_id, status)[0]

    def read_all(
        self, exercise_id: str | None = None, status: str | None = None
    ) -> tuple[list[Entry], list[Unreadable]]:
        """Every entry that can be read, and every one that cannot, with the reason; newest first."""
        with self._transaction() as conn:
            rows = conn.execute(
                "SELECT * FROM entries WHERE (?1 IS NULL OR exercise_id = ?1) AND "
                "(?2 IS NULL OR status = ?2) ORDER BY updated_at DESC, rowid DESC",
                (exercise_id, status),
            ).fetchall()
        return _decode(rows, self._cipher)

    # -- passphrase ------------------------------------------------------------
    def encrypt(self, passphrase: str) -> int:
        """Lock the file with ``passphrase``: every entry is rewritten encrypted, in one transaction that
        waits for other programs' saves in progress; backups are removed. Returns the entries encrypted."""
        from . import crypto

        setting, cipher = crypto.new_lock(passphrase)
        with self._transaction(write=True) as conn:
            if self._cipher is not None:
                raise StoreError(f"The answers file {self.path} already has a passphrase.")
            count, _ = _reseal(conn, None, cipher)
            conn.execute("INSERT INTO settings VALUES ('encryption', ?)", (setting,))
        self._cipher, self._passphrase, self._lock_setting = cipher, passphrase, setting
        self._after_rewrite("a copy from before an upgrade, in clear")
        return count

    def decrypt(self) -> int:
        """Remove the passphrase (the file must have been opened with it): every entry that can be decrypted
        is rewritten in clear, in one transaction. Returns that number."""
        with self._transaction(write=True) as conn:
            if self._cipher is None:
                raise StoreError(f"The answers file {self.path} has no passphrase.")
            count, _ = _reseal(conn, self._cipher, None)
            conn.execute("DELETE FROM settings WHERE key = 'encryption'")
        self._cipher = self._passphrase = self._lock_setting = None
        self._after_rewrite("a copy from before an upgrade")
        return count

    def _after_rewrite(self, why: str) -> None:
        with self._open() as conn:
            self._purge(conn, vacuum=True)
        self._remove_backups(why)

    def delete(self, entry_id: str) -> None:
        with self._transaction(write=True) as conn:
            conn.execute("DELETE FROM entries WHERE id = ?", (entry_id,))
        with self._open() as conn:
            self._purge(conn)

    def delete_all(self) -> int:
        """Delete every entry (readable or not) and every copy innerwork made; returns how many entries."""
        with self._transaction(write=True) as conn:
            count = conn.execute("SELECT count(*) FROM entries").fetchone()[0]
            conn.execute("DELETE FROM entries")
        self._after_rewrite("a copy from before an upgrade")
        return count


SAVE = (
    "INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
    "type_version=excluded.type_version, content_version=excluded.content_version, status=excluded.status, "
    "step=excluded.step, answers=excluded.answers, summary=excluded.summary, updated_at=excluded.updated_at"
)

#: Rows with a clear answer or summary (for files locked with a passphrase).
STRAY_ROWS = (
    f"WHERE substr(answers, 1, {len(ENCRYPTED)}) != '{ENCRYPTED}' "
    f"OR substr(coalesce(summary, '{ENCRYPTED}'), 1, {len(ENCRYPTED)}) != '{ENCRYPTED}'"
)


def _lock_setting(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT value FROM settings WHERE key = 'encryption'").fetchone()
    return row[0] if row else None


class _BadRow(Exception):
    """One entry cannot be read; the message says why."""


def _open_text(value: str | None, entry_id: str, cipher) -> str | None:
    """A stored answer or summary as text: decrypted if it was encrypted."""
    if value is None or not value.startswith(ENCRYPTED):
        return value
    if cipher is None:
        raise _BadRow(
            "it is encrypted, but the file has no passphrase now (it was saved while another program "
            "removed the passphrase), so it cannot be decrypted"
        )
    from .crypto import WrongPassphrase

    try:
        return cipher.decrypt(value, entry_id)
    except (ValueError, WrongPassphrase):
        raise _BadRow(
            "it cannot be decrypted with this passphrase: it was changed outside innerwork, is "
            "damaged, or was encrypted under an earlier passphrase"
        ) from None


def _seal_text(text: str | None, entry_id: str, cipher) -> str | None:
    return text if text is None or cipher is None else cipher.encrypt(text, entry_id)


def _reseal(conn: sqlite3.Connection, old, new, where: str = "") -> tuple[int, list[str]]:
    """Rewrite the answers and summaries of the rows ``where`` selects from cipher ``old`` (None: clear)
    to ``new``. Rows that cannot be opened are left as they are; returns (rewritten, ids left)."""
    updates, left = [], []
    for entry_id, answers, summary in conn.execute(f"SELECT id, answers, summary FROM entries {where}").fetchall():
        try:
            texts = [_open_text(answers, entry_id, old), _open_text(summary, entry_id, old)]
        except _BadRow:
            left.append(entry_id)
            continue
        updates.append((*(_seal_text(t, entry_id, new) for t in texts), entry_id))
    conn.executemany("UPDATE entries SET answers = ?, summary = ? WHERE id = ?", updates)
    return len(updates), left


def _row(entry: Entry, cipher) -> tuple:
    answers = json.dumps(entry.answers, ensure_ascii=False)
    return (
        entry.id,
        entry.exercise_id,
        entry.type,
        entry.type_version,
        entry.content_version,
        entry.status,
        entry.step,
        _seal_text(answers, entry.id, cipher),
        _seal_text(entry.summary, entry.id, cipher),
        entry.created_at,
        entry.updated_at,
    )


def _entry(row, cipher) -> Entry:
    (id_, exercise_id, type_, type_version, content_version, status, step, answers, summary, created, updated) = row
    text, summary = _open_text(answers, id_, cipher), _open_text(summary, id_, cipher)
    try:
        answers = json.loads(text) if text is not None else None
    except ValueError:
        answers = None
    if not isinstance(answers, dict):
        raise _BadRow(
            "its answers are not in the form innerwork writes: it was changed outside innerwork or is damaged"
        )
    return Entry(
        exercise_id, type_, type_version, content_version, answers, status, step, summary, id_, created, updated
    )


def _decode(rows: list[tuple], cipher) -> tuple[list[Entry], list[Unreadable]]:
    entries, unreadable = [], []
    for row in rows:
        try:
            entries.append(_entry(row, cipher))
        except _BadRow as problem:
            unreadable.append(Unreadable(row[0], row[1], row[10], str(problem)))
    return entries, unreadable


def in_browser() -> bool:
    """True when innerwork runs in a browser (Pyodide, in a static workshop site)."""
    return sys.platform == "emscripten"


def default_store():
    """The store for this process: ``INNERWORK_STORE=memory`` keeps answers in memory only;
    ``INNERWORK_PASSPHRASE`` opens a file locked with a passphrase. In a browser, the browser's own
    storage when the page has it (else memory only: the page says so)."""
    if os.environ.get("INNERWORK_STORE", "").lower() == "memory":
        return MemoryStore()
    if in_browser():
        from .browser_store import BrowserStore, drive_mounted

        return BrowserStore(data_dir() / "entries") if drive_mounted() else MemoryStore()
    return SQLiteStore(passphrase=os.environ.get("INNERWORK_PASSPHRASE") or None)
