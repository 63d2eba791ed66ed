"""The SQLite store: migrations with a backup, faults that overwrite nothing, concurrency and SIGKILL."""

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from innerwork.app import export
from innerwork.storage import store as store_module
from innerwork.storage.browser_store import BrowserStore
from innerwork.storage.store import MIGRATIONS, SCHEMA_VERSION, Entry, MemoryStore, SQLiteStore, StoreError, data_dir


def entry(n=0, **kw):
    return Entry("wins-log", "wins-log", "1.0", 1, {"wins": [f"win {n}"]}, **kw)


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("make", [MemoryStore, lambda: SQLiteStore(), lambda: BrowserStore(data_dir() / "entries")])
def test_save_get_list_and_delete(make):
    store = make()
    a, b = entry(1), entry(2, status="completed", summary="# Wins")
    store.save(a)
    store.save(b)
    a.answers["wins"].append("another")
    store.save(a)
    assert store.get(a.id).answers == {"wins": ["win 1", "another"]}
    assert {e.id for e in store.entries()} == {a.id, b.id}
    assert [e.id for e in store.entries(status="completed")] == [b.id]
    store.delete(a.id)
    assert store.get(a.id) is None
    assert store.delete_all() == 1 and store.entries() == []


def test_default_location_follows_innerwork_home(private_home):
    store = SQLiteStore()
    store.save(entry())
    assert data_dir() == private_home
    assert (private_home / "innerwork.sqlite3").exists()


def test_an_older_database_is_migrated_and_its_backup_removed_once_it_opens(tmp_path):
    path = tmp_path / "a.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (text TEXT)")
        conn.execute("INSERT INTO notes VALUES ('kept')")
    store = SQLiteStore(path)
    store.save(entry())
    assert not (tmp_path / "a.sqlite3.v0.backup").exists()
    assert any("Removed a.sqlite3.v0.backup" in note for note in store.notes)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT text FROM notes").fetchall() == [("kept",)]


def test_a_failed_migration_keeps_the_backup_and_says_where(tmp_path, monkeypatch):
    path = tmp_path / "a.sqlite3"
    SQLiteStore(path).save(entry(7))
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(MIGRATIONS, SCHEMA_VERSION, "ALTER TABLE no_such_table ADD COLUMN x TEXT")
    with pytest.raises(StoreError, match=r"kept in .*a\.sqlite3\.v2\.backup"):
        SQLiteStore(path).entries()
    monkeypatch.undo()
    backup = tmp_path / "a.sqlite3.v2.backup"
    assert [e.answers for e in SQLiteStore(backup).entries()] == [{"wins": ["win 7"]}]
    assert [e.answers for e in SQLiteStore(path).entries()] == [{"wins": ["win 7"]}]  # untouched, still version 2


def test_entries_written_by_the_first_database_version_survive_every_migration(tmp_path):
    path = tmp_path / "a.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript(MIGRATIONS[0])
        conn.execute(
            "INSERT INTO entries VALUES ('e1', 'wins-log', 'wins-log', '1.0', 1, 'completed', 2, "
            "'{\"wins\": [\"old win\"]}', '# Wins', '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')"
        )
        conn.execute("PRAGMA user_version = 1")
    [old] = SQLiteStore(path).entries()
    assert old.answers == {"wins": ["old win"]} and old.summary == "# Wins"


def test_a_database_from_a_newer_version_is_left_alone(tmp_path):
    path = tmp_path / "a.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    before = digest(path)
    with pytest.raises(StoreError, match="written by a newer innerwork"):
        SQLiteStore(path).save(entry())
    assert digest(path) == before


def test_a_corrupt_database_is_reported_and_not_overwritten(tmp_path):
    path = tmp_path / "a.sqlite3"
    path.write_bytes(os.urandom(8192))
    before = digest(path)
    with pytest.raises(StoreError, match="cannot be read.*has not been changed"):
        SQLiteStore(path).entries()
    assert digest(path) == before


def test_a_locked_database_gives_a_clear_message(tmp_path):
    path = tmp_path / "a.sqlite3"
    store = SQLiteStore(path)
    store.save(entry())
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA busy_timeout = 0")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        store.busy_timeout_ms = 100
        with pytest.raises(StoreError, match="locked by another program"):
            store.save(entry(2))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert len(store.entries()) == 1


WRITER = textwrap.dedent("""
    import sys
    from innerwork.storage.store import Entry, SQLiteStore
    store = SQLiteStore(sys.argv[1])
    for n in range(int(sys.argv[2])):
        store.save(Entry("wins-log", "wins-log", "1.0", 1, {"wins": [sys.argv[3] + str(n)]}))
        print(n, flush=True)
""")


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    path = tmp_path / "a.sqlite3"
    procs = [
        subprocess.Popen([sys.executable, "-c", WRITER, str(path), "60", name], stdout=subprocess.DEVNULL)
        for name in ("a", "b")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    wins = sorted(e.answers["wins"][0] for e in SQLiteStore(path).entries())
    assert wins == sorted([f"a{n}" for n in range(60)] + [f"b{n}" for n in range(60)])


def test_sigkill_while_saving_leaves_every_earlier_entry_intact(tmp_path):
    path = tmp_path / "a.sqlite3"
    store = SQLiteStore(path)
    earlier = [entry(n) for n in range(20)]
    for e in earlier:
        store.save(e)
    proc = subprocess.Popen([sys.executable, "-c", WRITER, str(path), "100000", "k"], stdout=subprocess.PIPE, text=True)
    for _ in range(30):  # let it get well into saving
        proc.stdout.readline()
    time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    after = {e.id: e for e in SQLiteStore(path).entries()}
    assert all(after[e.id].answers == e.answers for e in earlier)
    assert len(after) >= 20 + 30


def test_exports_in_markdown_json_and_csv():
    done = entry(1, status="completed", summary="# Wins log\n\n- win 1")
    formula = Entry("wins-log", "wins-log", "1.0", 1, {"wins": ["=HYPERLINK(1)"], "note": "=1+1"})
    assert "# Wins log" in export.to_markdown([done])
    assert '"entries"' in export.to_json([done, formula])
    rows = export.to_csv([done, formula]).splitlines()
    assert rows[0].startswith("entry_id,exercise_id")
    assert any(",note,'=1+1" in row for row in rows)  # no formula runs in a spreadsheet


def test_cli_export_and_forget(tmp_path):
    from click.testing import CliRunner

    from innerwork.cli import main

    store = SQLiteStore()
    store.save(entry(1, status="completed", summary="# Wins log\n\n- win 1"))
    runner = CliRunner()
    result = runner.invoke(main, ["export", "--format", "json", "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 0 and '"win 1"' in (tmp_path / "out.json").read_text()
    assert "# Wins log" in runner.invoke(main, ["export"]).output
    refused = runner.invoke(main, ["forget"], input="n\n")
    assert refused.exit_code == 1 and len(store.entries()) == 1
    done = runner.invoke(main, ["forget"], input="y\n")
    assert done.exit_code == 0 and "Deleted 1 entry." in done.output and store.entries() == []


NASTY = (
    "a\x00b\x07c\x1b[2J\x1b]0;owned\x07d\x7fe\rf \u202egnp.exe\u202c \u2066iso\u2069 \x9b31m \u200fשלום\tend\nline two"
)
RAW = ["\x00", "\x07", "\x1b", "\x7f", "\r", "\u202e", "\u202c", "\u2066", "\u2069", "\x9b"]


def test_exports_and_summaries_show_control_and_bidi_characters_harmlessly(tmp_path):
    import json

    from click.testing import CliRunner

    import innerwork
    from innerwork.app.session import Session
    from innerwork.cli import main

    session = Session(innerwork.get_exercise("wins-log"), MemoryStore())
    session.answers[session.step.id] = [NASTY]
    summary = session.summary()
    assert not any(char in summary for char in RAW) and "a\u2400b\u2407c\u241b" in summary and "\u200fשלום" in summary
    SQLiteStore().save(Entry("wins-log", "wins-log", "1.0", 1, {"wins": [NASTY], "note": NASTY}, summary=NASTY))
    runner = CliRunner()
    for fmt in ("md", "csv"):
        shown = runner.invoke(main, ["export", "--format", fmt])
        assert shown.exit_code == 0 and not any(char in shown.stdout for char in RAW)
        assert (
            "a\u2400b\u2407c\u241b[2J" in shown.stdout and "\u2421e" in shown.stdout and "\ufffdgnp.exe" in shown.stdout
        )
        assert "\u200fשלום\tend\nline two" in shown.stdout  # right-to-left writing, tabs and newlines are kept
        runner.invoke(main, ["export", "--format", fmt, "-o", str(tmp_path / f"out.{fmt}")])
        written = (tmp_path / f"out.{fmt}").read_bytes().decode("utf-8").replace("\r\n", "\n")  # CSV ends rows so
        assert not any(char in written for char in RAW)
    shown = runner.invoke(main, ["export", "--format", "json"])
    assert not any(char in shown.stdout for char in RAW)
    assert json.loads(shown.stdout)["entries"][0]["answers"]["wins"] == [NASTY]  # JSON keeps the exact text


def read_only_runner():
    """How to run a command that cannot write to a read-only folder (root can, unless it drops that power)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("running as root without setpriv, so nothing can be made read-only")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search"]


SAVE_ONE = (
    "from innerwork.storage.store import *\ntry: SQLiteStore().save(Entry('wins-log', 'wins-log', '1.0', 1, {}))\n"
    "except StoreError as exc: print(exc)"
)


@pytest.mark.parametrize("read_only", ["folder", "file"])
def test_a_healthy_file_that_cannot_be_written_is_exported_and_saving_says_why(private_home, read_only):
    store = SQLiteStore()
    store.save(entry(1, status="completed", summary="# Wins log\n\n- win 1"))
    target = private_home if read_only == "folder" else private_home / "innerwork.sqlite3"
    mode = target.stat().st_mode
    target.chmod(0o555 if read_only == "folder" else 0o444)
    try:

        def run(*args):
            return subprocess.run([*read_only_runner(), sys.executable, *args], capture_output=True, text=True)

        exported = run("-m", "innerwork", "export")
        assert exported.returncode == 0, exported.stderr
        assert "# Wins log" in exported.stdout and "damaged" not in exported.stderr
        saving = run("-c", SAVE_ONE)
        assert "read-only" in saving.stdout and "can still be read and exported" in saving.stdout
        assert "damaged" not in saving.stdout and "Traceback" not in saving.stderr
    finally:
        target.chmod(mode)
    assert len(SQLiteStore().entries()) == 1
