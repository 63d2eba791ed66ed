"""Passphrase encryption of the answers file: what is hidden, what a wrong passphrase does, the commands."""
import hashlib
import sqlite3

import pytest
from click.testing import CliRunner

from innerwork.cli import main
from innerwork.store import PassphraseNeeded, SQLiteStore, StoreError, Entry

SECRET = "what I wrote about my mother"


def entry():
    return Entry("wins-log", "wins-log", "1.0", 1, {"wins": [SECRET]}, status="completed", summary=f"# {SECRET}")


def file_bytes(path):
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*") if not p.name.endswith(".backup"))


def digest(path):
    return hashlib.sha256(file_bytes(path)).hexdigest()


@pytest.fixture
def locked(tmp_path):
    path = tmp_path / "answers.sqlite3"
    store = SQLiteStore(path)
    first = entry()
    store.save(first)
    assert store.encrypt("correct horse") == 1
    store.save(entry())  # saved after locking: encrypted too
    return path, first


def test_answers_and_summaries_are_not_in_the_file_in_clear(locked):
    path, _ = locked
    assert SECRET.encode() not in file_bytes(path)
    assert b"wins-log" in file_bytes(path)  # which exercise and when stay readable, as documented


def test_the_right_passphrase_reads_everything(locked):
    path, first = locked
    store = SQLiteStore(path, passphrase="correct horse")
    assert store.encrypted
    assert [e.answers for e in store.entries()] == [{"wins": [SECRET]}] * 2
    assert store.get(first.id).summary == f"# {SECRET}"


@pytest.mark.parametrize("passphrase", [None, "", "wrong horse"])
def test_no_or_a_wrong_passphrase_is_refused_and_changes_nothing(locked, passphrase):
    path, first = locked
    before = digest(path)
    store = SQLiteStore(path, passphrase=passphrase)
    with pytest.raises(PassphraseNeeded, match="passphrase"):
        store.entries()
    with pytest.raises(PassphraseNeeded):
        store.save(entry())
    with pytest.raises(PassphraseNeeded):
        store.delete_all()
    assert digest(path) == before
    assert len(SQLiteStore(path, passphrase="correct horse").entries()) == 2


def test_a_passphrase_for_a_file_without_one_is_refused(tmp_path):
    SQLiteStore(tmp_path / "a.sqlite3").save(entry())
    with pytest.raises(StoreError, match="innerwork encrypt"):
        SQLiteStore(tmp_path / "a.sqlite3", passphrase="anything").entries()


def test_a_tampered_entry_is_not_silently_accepted(locked):
    path, first = locked
    with sqlite3.connect(path) as conn:  # swap one entry's answers into the other's row
        rows = conn.execute("SELECT id, answers FROM entries").fetchall()
        conn.execute("UPDATE entries SET answers = ? WHERE id = ?", (rows[1][1], rows[0][0]))
    with pytest.raises(StoreError):
        SQLiteStore(path, passphrase="correct horse").entries()


def test_decrypt_gives_back_a_plain_file(locked):
    path, _ = locked
    store = SQLiteStore(path, passphrase="correct horse")
    assert store.decrypt() == 2
    assert [e.answers for e in SQLiteStore(path).entries()] == [{"wins": [SECRET]}] * 2


def test_commands_encrypt_export_and_decrypt(private_home):
    SQLiteStore().save(entry())
    runner = CliRunner()
    short = runner.invoke(main, ["encrypt"], input="short\nshort\n")
    assert short.exit_code == 1 and "shorter than 8" in short.output
    done = runner.invoke(main, ["encrypt"], input="correct horse\ncorrect horse\n")
    assert done.exit_code == 0 and "Encrypted 1 entry" in done.output
    path = private_home / "innerwork.sqlite3"
    before = digest(path)
    wrong = runner.invoke(main, ["export"], input="wrong horse\n")
    assert wrong.exit_code == 1 and "does not open" in wrong.output and "Traceback" not in wrong.output
    assert digest(path) == before
    exported = runner.invoke(main, ["export", "--format", "json"], input="correct horse\n")
    assert exported.exit_code == 0 and SECRET in exported.output
    env = runner.invoke(main, ["export"], env={"INNERWORK_PASSPHRASE": "wrong horse"})
    assert env.exit_code == 1 and "does not open" in env.output
    plain = runner.invoke(main, ["decrypt"], input="correct horse\n")
    assert plain.exit_code == 0 and SECRET in runner.invoke(main, ["export"]).output
