"""Deleted means deleted: no readable copy of deleted text anywhere in the data folder, backups and
SQLite's write-ahead log included, even while another program has the answers file open."""

import sqlite3

from click.testing import CliRunner

from innerwork.cli import main
from innerwork.storage.store import MIGRATIONS, Entry, SQLiteStore

ONE, TWO, THREE = (f"sentinel-{word}-what-I-never-told-anyone".encode() for word in ("one", "two", "three"))


def folder_bytes(folder):
    return b"".join(p.read_bytes() for p in folder.rglob("*") if p.is_file())


def first_version_file(path, texts):
    """An answers file as the first innerwork wrote it (database version 1, write-ahead log on)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.executescript(MIGRATIONS[0])
        for n, text in enumerate(texts, 1):
            conn.execute(
                "INSERT INTO entries VALUES (?, 'wins-log', 'wins-log', '1.0', 1, 'completed', 1, ?, ?, "
                "'2026-01-01T00:00:00+00:00', ?)",
                (f"e{n}", f'{{"wins": ["{text}"]}}', f"# {text}", f"2026-01-0{n}T00:00:00+00:00"),
            )
        conn.execute("PRAGMA user_version = 1")
    conn.close()


def test_no_trace_after_a_migration_then_delete_one_encrypt_and_forget(private_home):
    path = private_home / "innerwork.sqlite3"
    first_version_file(path, [t.decode() for t in (ONE, TWO, THREE)])
    other_program = sqlite3.connect(path)  # keeps the file open throughout, as `innerwork serve` would
    other_program.execute("SELECT count(*) FROM entries").fetchone()
    try:
        store = SQLiteStore()
        assert len(store.entries()) == 3
        assert not list(private_home.glob("*.backup"))  # the upgraded file opened: its backup is gone
        edited = store.get("e1")
        edited.answers = {"wins": [ONE.decode() + " (edited)"]}
        store.save(edited)

        store.delete("e1")
        assert ONE not in folder_bytes(private_home)

        assert store.encrypt("correct horse") == 2
        assert TWO not in folder_bytes(private_home) and THREE not in folder_bytes(private_home)

        forgotten = CliRunner().invoke(main, ["forget", "--yes"], env={"INNERWORK_PASSPHRASE": "correct horse"})
        assert forgotten.exit_code == 0 and "Deleted 2 entries." in forgotten.output
        assert "innerwork.sqlite3-wal (empty; another program has the file open)" in forgotten.output
        assert SQLiteStore(passphrase="correct horse").entries() == []
        assert not any(t in folder_bytes(private_home) for t in (ONE, TWO, THREE))
    finally:
        other_program.close()


def test_forget_removes_a_backup_an_older_innerwork_left_and_says_so(private_home):
    store = SQLiteStore()
    store.save(Entry("wins-log", "wins-log", "1.0", 1, {"wins": [ONE.decode()]}))
    backup = private_home / "innerwork.sqlite3.v1.backup"
    backup.write_bytes((private_home / "innerwork.sqlite3").read_bytes() + ONE)
    forgotten = CliRunner().invoke(main, ["forget", "--yes"])
    assert forgotten.exit_code == 0 and "Deleted 1 entry." in forgotten.output
    assert "Removed innerwork.sqlite3.v1.backup" in forgotten.output
    assert not backup.exists() and ONE not in folder_bytes(private_home)


def test_encrypt_removes_a_clear_backup(private_home):
    first_version_file(private_home / "innerwork.sqlite3", [ONE.decode()])
    store = SQLiteStore()
    assert len(store.entries()) == 1  # upgraded and opened
    backup = private_home / "innerwork.sqlite3.v1.backup"
    backup.write_bytes(ONE)  # as an older innerwork would have left it
    store.encrypt("correct horse")
    assert not backup.exists() and any("Removed innerwork.sqlite3.v1.backup" in note for note in store.notes)
    assert ONE not in folder_bytes(private_home)
