"""The files around an answers file: read-only folders, migration backups, the write-ahead log.

innerwork makes these copies of a person's answers next to the file: a
backup before upgrading it (``NAME.vN.backup``) and SQLite's write-ahead
log (``NAME-wal``, with its index ``NAME-shm``). Deleting an answer must
reach them too.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

try:
    import sqlite3
except ImportError:  # a browser (Pyodide): only the SQLite store uses this module
    sqlite3 = None  # type: ignore[assignment]


def writable(path: Path) -> bool:
    """False when the answers file or its folder exists and cannot be written (SQLite must then open it read-only)."""
    folder = path.parent
    if not folder.exists():
        return True  # it will be made; if that fails the person is told why
    return os.access(folder, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def connect_read_only(path: Path, timeout: float) -> sqlite3.Connection:
    """A read-only connection. A WAL file in a read-only folder cannot get its index file, so when its
    log is empty it is opened as immutable (nothing can change it while the folder stays read-only)."""
    if not path.exists():
        raise sqlite3.OperationalError("there is no answers file there, and its folder is read-only")
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=timeout, isolation_level=None)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        wal = wal_files(path)[0]
        if wal.exists() and wal.stat().st_size:
            raise
    except sqlite3.DatabaseError:
        return conn  # damaged: the store says so in its own words
    return sqlite3.connect(f"{uri}?immutable=1", uri=True, timeout=timeout, isolation_level=None)


def wal_files(path: Path) -> list[Path]:
    """SQLite's write-ahead log and its index, next to ``path``."""
    return [path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def backups(path: Path) -> list[Path]:
    """The copies innerwork made before upgrading the answers file (``NAME.vN.backup``)."""
    pattern = re.compile(re.escape(path.name) + r"\.v\d+\.backup")
    if not path.parent.is_dir():
        return []
    return sorted(p for p in path.parent.iterdir() if pattern.fullmatch(p.name))


def shred(path: Path) -> None:
    """Overwrite a file with zeros, then remove it."""
    size = path.stat().st_size
    with open(path, "r+b") as handle:
        handle.write(b"\0" * size)
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


def empty_wal(conn: sqlite3.Connection, attempts: int = 10) -> bool:
    """Copy the write-ahead log into the file and truncate it to nothing, so no older version of a page
    (with text since deleted) stays in it. False if another program kept reading throughout."""
    for _ in range(attempts):
        busy, _log, _done = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        if not busy:
            return True
        time.sleep(0.1)
    return False
