"""innerwork's parts for a browser (Pyodide), checked on the host: what stands in where a library or
threads are missing gives the same results as what it replaces."""

import asyncio
import json
import os
import subprocess
import sys
import textwrap

import nh3
import pytest

from innerwork import later
from innerwork.app import privacy
from innerwork.app.session import Session
from innerwork.catalogue.loader import catalogue
from innerwork.content import sourcefile
from innerwork.paths import shipped
from innerwork.storage import browser_store
from innerwork.storage import store as store_module
from innerwork.storage.browser_store import BrowserStore
from innerwork.storage.store import Entry, MemoryStore, StoreError
from innerwork.text import markdown, sanitise

SHIMS = os.path.join(os.path.dirname(browser_store.__file__), "..", "static", "shims")


def entry(n=0, **kw):
    return Entry("wins-log", "wins-log", "1.0", 1, {"wins": [f"win {n}"]}, **kw)


# -- the sanitiser: the same output as nh3 -------------------------------------------------------


def _authored_markdown():
    """Every piece of Markdown the shipped exercises show (titles, prompts, bodies, help, options)."""
    texts = []
    for exercise in catalogue().exercises.values():
        texts.append(exercise.summary)
        for step in exercise.steps:
            texts += [getattr(step, name, "") or "" for name in ("title", "prompt", "body", "help")]
    return [t for t in texts if isinstance(t, str) and t.strip()]


HOSTILE = [
    "[click](javascript:alert(1)) and [ok](https://example.org) and [call](tel:988)",
    "<script>alert(1)</script><img src=x onerror=alert(1)> raw html stays text",
    "##### h5\n\n```\npre block\n```\n\n> quote\n\n1. one\n2. two\n\n---\n\n**bold** *em* `code`",
    "[spaced](java\tscript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [rel](/relative?a=1&b=2)",
    "line one  \nline two & <three> \"quoted\" 'single'",
]


def _both(html):
    kwargs = dict(
        tags=markdown.ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"https", "tel", "mailto"},
        link_rel="noopener noreferrer",
    )
    return nh3.clean(html, **kwargs), sanitise.clean(html, **kwargs)


@pytest.mark.parametrize("text", HOSTILE + ["(every shipped exercise)"])
def test_the_pure_sanitiser_gives_what_nh3_gives(text):
    texts = _authored_markdown() if text.startswith("(every") else [text]
    assert len(texts) > 0
    for each in texts:
        expected, got = _both(markdown._parser().render(each))
        assert got == expected.replace("&nbsp;", "\xa0"), each  # nh3 writes a no-break space as an entity


def test_the_pure_sanitiser_drops_what_raw_html_would_carry():
    html = '<p onclick="x()">a<script>bad()</script><style>p{}</style><a href="javascript:x">l</a><iframe src="/x"></iframe></p>'
    expected, got = _both(html)
    assert got == expected == '<p>a<a rel="noopener noreferrer">l</a></p>'


# -- the browser store: the SQLite store's entry semantics ----------------------------------------


def test_the_browser_store_lists_newest_first_and_deleting_leaves_nothing(tmp_path):
    store = BrowserStore(tmp_path / "entries")  # tests/test_store.py checks saving, listing and deleting
    for n in range(3):
        store.save(entry(n))
    listed = store.entries()
    assert [e.updated_at for e in listed] == sorted((e.updated_at for e in listed), reverse=True)
    store.delete(listed[0].id)
    assert store.delete_all() == 2
    assert list((tmp_path / "entries").iterdir()) == []


def test_an_unreadable_entry_is_named_and_hides_no_other(tmp_path):
    store = BrowserStore(tmp_path)
    good = entry(1)
    store.save(good)
    (tmp_path / ("f" * 32 + ".json")).write_text("{not json", encoding="utf-8")
    entries, unreadable = store.read_all()
    assert [e.id for e in entries] == [good.id]
    assert [u.id for u in unreadable] == ["f" * 32]
    assert store.delete_all() == 2 and list(tmp_path.iterdir()) == []


def test_an_entry_id_cannot_reach_outside_the_folder(tmp_path):
    store = BrowserStore(tmp_path / "entries")
    with pytest.raises(StoreError):
        store.save(entry(1, id="../../escape"))
    assert not (tmp_path / "escape.json").exists()


def test_a_session_autosaves_into_the_browser_store_and_resumes(tmp_path):
    exercise = catalogue().get("wins-log")
    store = BrowserStore(tmp_path)
    session = Session(exercise, store)
    session.set_answer("wins", ["a walk"])
    assert session.save_now()
    again = Session(exercise, store, store.entries(status="draft")[0])
    assert again.value(exercise.step("wins")) == ["a walk"]


def test_in_a_browser_answers_go_to_its_drive_when_mounted_and_the_page_says_where(tmp_path, monkeypatch):
    monkeypatch.delenv("INNERWORK_HOME")
    monkeypatch.setattr(store_module, "in_browser", lambda: True)
    monkeypatch.setattr(browser_store, "DRIVE", tmp_path / "not-mounted")
    unsaved = store_module.default_store()
    assert isinstance(unsaved, MemoryStore)
    assert "only in this page" in privacy.where_kept(unsaved)
    drive = tmp_path / "drive"
    drive.mkdir()
    monkeypatch.setattr(browser_store, "DRIVE", drive)
    kept = store_module.default_store()
    assert isinstance(kept, BrowserStore) and kept.folder == drive / ".innerwork" / "entries"
    assert "in this browser, on this device" in privacy.where_kept(kept)
    assert privacy.saved_label(kept) == "Saved in this browser"


# -- no threads: the event loop waits instead -----------------------------------------------------


def test_without_threads_a_later_call_runs_on_the_event_loop_and_can_be_cancelled(monkeypatch):
    monkeypatch.setattr(later, "IN_BROWSER", True)
    calls = []

    async def main():
        kept = later.call_later(0.01, calls.append, "kept")
        cancelled = later.call_later(0.01, calls.append, "cancelled")
        cancelled.cancel()
        assert not hasattr(kept, "daemon")  # not a thread
        await asyncio.sleep(0.05)

    asyncio.run(main())
    assert calls == ["kept"]


# -- content without PyYAML, and jsonschema without rpds-py ---------------------------------------


def test_checked_json_content_reads_without_pyyaml(tmp_path, monkeypatch):
    import yaml

    data = yaml.safe_load((shipped("exercises") / "wins-log.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "wins-log.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    monkeypatch.setattr(sourcefile, "yaml", None)
    assert sourcefile.read(path).data == data
    with pytest.raises(sourcefile.FileProblem, match="PyYAML is not installed"):
        sourcefile.read(shipped("exercises") / "wins-log.yaml")


def test_the_pure_rpds_stands_in_for_the_real_one_in_jsonschema_and_referencing(tmp_path):
    script = textwrap.dedent(
        """
        import rpds, sys
        assert rpds.__file__.startswith(sys.argv[1]), rpds.__file__
        from innerwork.catalogue.loader import catalogue
        from innerwork.app.session import answer_problems
        cat = catalogue()
        assert cat.errors == [], cat.errors
        wins = cat.get("wins-log")
        assert answer_problems(wins, {"wins": ["a walk"]}) == {}
        assert answer_problems(wins, {"wins": "not a list"}) != {}
        m = rpds.HashTrieMap({"a": 1})
        assert m.insert("b", 2) == {"a": 1, "b": 2} and m == {"a": 1} and m.discard("a") == {}
        assert list(rpds.List([1, 2]).push_front(0)) == [0, 1, 2]
        print(len(cat.exercises))
        """
    )
    shims = os.path.abspath(SHIMS)
    env = {**os.environ, "PYTHONPATH": shims}
    done = subprocess.run([sys.executable, "-c", script, shims], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert int(done.stdout) == len(catalogue().exercises)
