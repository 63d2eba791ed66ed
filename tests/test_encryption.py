"""Passphrase encryption of the answers file: what is hidden, what a wrong passphrase does, the commands."""

import hashlib
import queue
import sqlite3
import subprocess
import sys
import textwrap
import threading

import pytest
from click.testing import CliRunner

from innerwork.cli import main
from innerwork.storage.store import Entry, PassphraseNeeded, SQLiteStore, StoreError

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
    store = SQLiteStore(path, passphrase="correct horse")
    readable, unreadable = store.read_all()
    assert [e.id for e in readable] == [rows[1][0]]  # the untouched entry still reads
    assert [u.id for u in unreadable] == [rows[0][0]] and "cannot be decrypted" in unreadable[0].reason
    with pytest.raises(StoreError, match=rows[0][0]):
        store.get(rows[0][0])


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


# -- another program adds or removes the passphrase while this one keeps saving -------------------

SAVER = textwrap.dedent("""
    import os, sys, time
    from innerwork.storage.store import Entry, SQLiteStore, StoreError
    path, passphrase, changed, stop = sys.argv[1], sys.argv[2] or None, sys.argv[3], sys.argv[4]
    store = SQLiteStore(path, passphrase)
    n, told = 0, False
    while not os.path.exists(stop):
        if not told and os.path.exists(changed):
            print("changed", flush=True)
            told = True
        text = f"typed {n}"
        try:
            store.save(Entry("wins-log", "wins-log", "1.0", 1, {"wins": [text]}))
            print("saved", text, flush=True)
        except StoreError as exc:
            print("refused", text, exc, flush=True)
        n += 1
        time.sleep(0.01)
""")


def saving_while(path, passphrase, change):
    """Run ``change()`` in this process while another process keeps saving. Returns the other process's
    output lines from before it could know of the change, and from after."""
    changed, stop = path.with_name("changed"), path.with_name("stop")
    proc = subprocess.Popen(
        [sys.executable, "-c", SAVER, str(path), passphrase or "", str(changed), str(stop)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line.strip()) for line in proc.stdout], daemon=True).start()
    before = [lines.get(timeout=60) for _ in range(5)]  # it is saving
    change()
    changed.touch()
    while (line := lines.get(timeout=60)) != "changed":
        before.append(line)
    after = [lines.get(timeout=60) for _ in range(10)]  # it goes on after the change
    stop.touch()
    assert proc.wait(timeout=60) == 0, proc.stderr.read()
    while not lines.empty():
        after.append(lines.get())
    return before, after


def stored_answers(path):
    with sqlite3.connect(path) as conn:
        return [answers for (answers,) in conn.execute("SELECT answers FROM entries")]


def test_encrypting_while_another_process_saves_never_stores_clear_text(tmp_path):
    path = tmp_path / "answers.sqlite3"
    SQLiteStore(path).save(entry())
    before, after = saving_while(path, None, lambda: SQLiteStore(path).encrypt("correct horse"))
    assert len(after) >= 10 and all(line.startswith("refused ") for line in after)  # every later save refused...
    assert all("was locked with a passphrase by another program; reopen it" in line for line in after)
    assert all(answers.startswith("enc1:") for answers in stored_answers(path))  # ...none made in clear
    assert b"typed " not in file_bytes(path)
    entries = SQLiteStore(path, passphrase="correct horse").entries()  # and every reported save is there
    saved = [line.removeprefix("saved ") for line in before if line.startswith("saved ")]
    assert sorted(e.answers["wins"][0] for e in entries) == sorted(saved + [SECRET])


def test_decrypting_while_a_process_with_the_passphrase_saves_leaves_every_entry_readable(tmp_path):
    path = tmp_path / "answers.sqlite3"
    store = SQLiteStore(path)
    store.save(entry())
    store.encrypt("correct horse")
    before, after = saving_while(path, "correct horse", lambda: SQLiteStore(path, passphrase="correct horse").decrypt())
    lines = before + after
    assert len(after) >= 10 and all(line.startswith("saved ") for line in lines)  # it follows the file: in clear now
    assert all(answers.startswith("{") for answers in stored_answers(path))
    entries = SQLiteStore(path).entries()
    assert sorted(e.answers["wins"][0] for e in entries) == sorted([line[6:] for line in lines] + [SECRET])


def test_an_entry_that_cannot_be_read_is_named_and_never_hides_the_others(private_home):
    import ipywidgets as W

    import innerwork

    SQLiteStore().save(entry())
    with sqlite3.connect(private_home / "innerwork.sqlite3") as conn:  # encrypted under a passphrase now gone
        conn.execute(
            "INSERT INTO entries VALUES ('lost1', 'wins-log', 'wins-log', '1.0', 1, 'draft', 0, "
            "'enc1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', NULL, '2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')"
        )
    runner = CliRunner()
    exported = runner.invoke(main, ["export"])
    assert exported.exit_code == 0 and SECRET in exported.stdout
    assert (
        "lost1" in exported.stderr and "has no passphrase now" in exported.stderr and "Traceback" not in exported.output
    )
    rows = innerwork.history().rows.children
    labels = [w.value for row in rows for w in getattr(row, "children", ()) if isinstance(w, W.Label)]
    assert len(labels) == 2 and "cannot be read" in labels[1] and "finished" in labels[0]
    locked = runner.invoke(main, ["encrypt"], input="correct horse\ncorrect horse\n")
    assert (
        locked.exit_code == 0
        and "Encrypted 1 entry" in locked.output
        and "Could not be read, so left as they were: 1 entry" in locked.output
    )
    assert "Waiting for any save in progress" in locked.stderr
    with sqlite3.connect(private_home / "innerwork.sqlite3") as conn:  # spoil a second one, this time under the key
        conn.execute("UPDATE entries SET answers = 'enc1:' || substr(answers, 7) WHERE id != 'lost1'")
    plain = runner.invoke(main, ["decrypt"], input="correct horse\n")
    assert (
        plain.exit_code == 0
        and "Could not be decrypted, so left as they were: 2 entries" in plain.output
        and "lost1" in plain.stderr
    )
    forgotten = runner.invoke(main, ["forget", "--yes"])
    assert forgotten.exit_code == 0 and "Deleted 2 entries." in forgotten.output


def test_answers_an_older_innerwork_saved_in_clear_into_a_locked_file_are_encrypted_on_opening(locked):
    path, _ = locked
    stray = "typed while the passphrase was being added"
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO entries VALUES ('stray', 'wins-log', 'wins-log', '1.0', 1, 'draft', 0, ?, NULL, "
            "'2026-01-01T00:00:00+00:00', '2026-01-01T00:00:00+00:00')",
            (f'{{"wins": ["{stray}"]}}',),
        )
    store = SQLiteStore(path, passphrase="correct horse")
    assert store.get("stray").answers == {"wins": [stray]}
    assert any("Encrypted 1 entry that had been saved in clear" in note for note in store.notes)
    assert all(answers.startswith("enc1:") for answers in stored_answers(path))
    assert stray.encode() not in file_bytes(path)
