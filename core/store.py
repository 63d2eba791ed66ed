"""Where answers are kept: SQLite on the person's own machine by default, or memory only.

The database file has its own schema version (``PRAGMA user_version``). An
older file is copied to a backup before it is migrated; a newer one is never
touched. A file can be locked with a passphrase (see :mod:`innerwork.crypto`).
"""
from __future__ import annotations

import json
import os
import shutil
import sqlite3
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

DB_NAME = "innerwork.sqlite3"
SCHEMA_VERSION = 2

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


def data_dir() -> Path:
    """``INNERWORK_HOME`` if set, else the person's data folder for innerwork."""
    home = os.environ.get("INNERWORK_HOME")
    if home:
        return Path(home).expanduser()
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
        found = [e for e in self._entries.values()
                 if (exercise_id is None or e.exercise_id == exercise_id) and (status is None or e.status == status)]
        return sorted(found, key=lambda e: e.updated_at, reverse=True)

    def delete(self, entry_id: str) -> None:
        self._entries.pop(entry_id, None)

    def delete_all(self) -> int:
        count = len(self._entries)
        self._entries.clear()
        return count


class SQLiteStore:
    """Entries in one SQLite file. Safe for several kernels at once (WAL, short transactions)."""

    def __init__(self, path: str | Path | None = None, passphrase: str | None = None):
        self.path = Path(path) if path else data_dir() / DB_NAME
        self.location = str(self.path)
        self._lock = threading.Lock()
        self._ready = False
        self._passphrase = passphrase
        self._cipher = None  # set when the file is locked with a passphrase and it was given
        self.busy_timeout_ms = 5000

    # -- connection and schema ---------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=self.busy_timeout_ms / 1000, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"Cannot open the answers file {self.path}: {exc}") from None
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_timeout_ms)}")
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
            raise StoreError(f"The answers file {self.path} cannot be read ({exc}). It has not been changed. "
                             "Move it aside to start a new one, or restore a backup.") from None
        if version > SCHEMA_VERSION:
            raise StoreError(f"The answers file {self.path} was written by a newer innerwork (database version "
                             f"{version}; this one reads up to {SCHEMA_VERSION}). It has not been changed; "
                             "please upgrade innerwork.")
        if version < SCHEMA_VERSION:
            self._migrate(conn, version)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            pass  # a read-only folder keeps the default journal
        self._cipher = self._unlock(conn)
        self._ready = True

    def _unlock(self, conn: sqlite3.Connection):
        settings = conn.execute("SELECT value FROM settings WHERE key = 'encryption'").fetchone()
        if settings is None:
            if self._passphrase:
                raise StoreError(f"The answers file {self.path} has no passphrase, so none is needed. "
                                 "`innerwork encrypt` adds one.")
            return None
        if not self._passphrase:
            raise PassphraseNeeded(f"The answers file {self.path} is locked with a passphrase. Give it when asked, "
                                   "or set INNERWORK_PASSPHRASE.")
        from . import crypto  # only files with a passphrase need the cryptography library
        try:
            return crypto.unlock(settings[0], self._passphrase)
        except crypto.WrongPassphrase:
            raise PassphraseNeeded(f"That passphrase does not open the answers file {self.path}. "
                                   "Nothing was changed; try again.") from None

    @property
    def encrypted(self) -> bool:
        """True when the file is locked with a passphrase (and it was given)."""
        with self._open():
            return self._cipher is not None

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        has_tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()[0]
        if has_tables and self.path.exists():
            backup = self.path.with_name(f"{self.path.name}.v{version}.backup")
            shutil.copy2(self.path, backup)
        try:
            conn.execute("BEGIN IMMEDIATE")
            current = conn.execute("PRAGMA user_version").fetchone()[0]  # another kernel may have done it
            for step in range(current, SCHEMA_VERSION):
                for statement in filter(str.strip, MIGRATIONS[step].split(";")):
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise _explain(exc, self.path) from None

    @contextmanager
    def _open(self):
        """A connection to the ready (migrated, unlocked) file; SQLite errors become plain StoreErrors."""
        with self._lock:
            conn = self._connect()
            try:
                yield conn
            except sqlite3.Error as exc:
                raise _explain(exc, self.path) from None
            finally:
                conn.close()

    def _run(self, sql: str, params=()) -> list[tuple]:
        with self._open() as conn, conn:
            return conn.execute(sql, params).fetchall()

    # -- entries -------------------------------------------------------------
    def save(self, entry: Entry) -> None:
        entry.updated_at = now()
        with self._open() as conn, conn:
            conn.execute(SAVE, _row(entry, self._cipher))

    def get(self, entry_id: str) -> Entry | None:
        rows = self._run("SELECT * FROM entries WHERE id = ?", (entry_id,))
        return self._read(rows[0]) if rows else None

    def entries(self, exercise_id: str | None = None, status: str | None = None) -> list[Entry]:
        rows = self._run("SELECT * FROM entries WHERE (?1 IS NULL OR exercise_id = ?1) AND (?2 IS NULL OR status = ?2)"
                         " ORDER BY updated_at DESC, rowid DESC", (exercise_id, status))
        return [self._read(r) for r in rows]

    def _read(self, row) -> Entry:
        if self._cipher is None:
            return _entry(row, None)
        from .crypto import WrongPassphrase
        try:
            return _entry(row, self._cipher)
        except WrongPassphrase:
            raise StoreError(f"The entry {row[0]} in {self.path} cannot be decrypted: it was changed outside "
                             "innerwork or is damaged. The file has not been changed.") from None

    # -- passphrase ------------------------------------------------------------
    def encrypt(self, passphrase: str) -> int:
        """Lock the file with ``passphrase``: every entry is rewritten encrypted, in one transaction."""
        from . import crypto
        entries = self.entries()
        if self._cipher is not None:
            raise StoreError(f"The answers file {self.path} already has a passphrase.")
        settings, cipher = crypto.new_lock(passphrase)
        self._rewrite(entries, cipher, "INSERT INTO settings VALUES ('encryption', ?)", (settings,))
        self._cipher, self._passphrase = cipher, passphrase
        return len(entries)

    def decrypt(self) -> int:
        """Remove the passphrase (the file must have been opened with it): every entry is rewritten in clear."""
        entries = self.entries()
        if self._cipher is None:
            raise StoreError(f"The answers file {self.path} has no passphrase.")
        self._rewrite(entries, None, "DELETE FROM settings WHERE key = 'encryption'", ())
        self._cipher = self._passphrase = None
        return len(entries)

    def _rewrite(self, entries: list[Entry], cipher, sql: str, params) -> None:
        """Rewrite every entry with ``cipher`` and run ``sql``, all or nothing; then purge the old pages."""
        with self._open() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.executemany(SAVE, [_row(e, cipher) for e in entries])
                conn.execute(sql, params)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def delete(self, entry_id: str) -> None:
        self._run("DELETE FROM entries WHERE id = ?", (entry_id,))

    def delete_all(self) -> int:
        count = self._run("SELECT count(*) FROM entries")[0][0]
        self._run("DELETE FROM entries")
        self._run("VACUUM")
        return count


SAVE = ("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET "
        "type_version=excluded.type_version, content_version=excluded.content_version, status=excluded.status, "
        "step=excluded.step, answers=excluded.answers, summary=excluded.summary, updated_at=excluded.updated_at")


def _row(entry: Entry, cipher) -> tuple:
    answers = json.dumps(entry.answers, ensure_ascii=False)
    summary = entry.summary
    if cipher is not None:
        answers = cipher.encrypt(answers, entry.id)
        summary = cipher.encrypt(summary, entry.id) if summary is not None else None
    return (entry.id, entry.exercise_id, entry.type, entry.type_version, entry.content_version, entry.status,
            entry.step, answers, summary, entry.created_at, entry.updated_at)


def _entry(row, cipher) -> Entry:
    (id_, exercise_id, type_, type_version, content_version, status, step, answers, summary, created, updated) = row
    if cipher is not None:
        answers = cipher.decrypt(answers, id_)
        summary = cipher.decrypt(summary, id_) if summary is not None else None
    return Entry(exercise_id, type_, type_version, content_version, json.loads(answers), status, step, summary,
                 id_, created, updated)


def _explain(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc)
    if "locked" in text or "busy" in text:
        reason = "it is locked by another program; try again in a moment"
    elif "readonly" in text or "read-only" in text:
        reason = "it is read-only"
    elif "malformed" in text or "not a database" in text:
        reason = "it is damaged; it has not been changed"
    else:
        reason = text
    return StoreError(f"Cannot save to the answers file {path}: {reason}.")


def default_store():
    """The store for this process: ``INNERWORK_STORE=memory`` keeps answers in memory only;
    ``INNERWORK_PASSPHRASE`` opens a file locked with a passphrase."""
    if os.environ.get("INNERWORK_STORE", "").lower() == "memory":
        return MemoryStore()
    return SQLiteStore(passphrase=os.environ.get("INNERWORK_PASSPHRASE") or None)
