"""The gentle check (a built-in plugin on the answer_notice hook), the help panel and its helplines."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import innerwork
from innerwork import catalogue
from innerwork.errors import PluginWarning
from innerwork.help import by_region, help_markdown, helplines
from innerwork.store import MemoryStore, SQLiteStore
from innerwork_plugins.gentle_check import mentions_self_harm

CORPUS = yaml.safe_load((Path(__file__).parent / "data" / "gentle_check_corpus.yaml").read_text(encoding="utf-8"))


def corpus_scores():
    """Precision and recall of the gentle check on the corpus, and the sentences it gets wrong."""
    hits = {(expected, text): mentions_self_harm(text)
            for expected, groups in CORPUS.items() for texts in groups.values() for text in texts}
    true_pos = sum(got for (expected, _), got in hits.items() if expected == "note")
    false_pos = sum(got for (expected, _), got in hits.items() if expected == "no_note")
    positives = sum(expected == "note" for expected, _ in hits)
    wrong = [text for (expected, text), got in hits.items() if got != (expected == "note")]
    return true_pos / (true_pos + false_pos), true_pos / positives, wrong


def test_corpus_precision_and_recall():
    precision, recall, wrong = corpus_scores()
    print(f"\ngentle check: precision {precision:.3f}, recall {recall:.3f}; wrong: {wrong}")
    assert recall == 1.0, wrong  # every clear statement in the corpus gets the note
    assert precision >= 0.95, wrong


@pytest.mark.parametrize("group", ["typographic"])
def test_typographic_variants_all_get_the_note(group):
    assert all(mentions_self_harm(text) for text in CORPUS["note"][group])


@pytest.mark.parametrize("group", ["negation", "hyperbole"])
def test_negations_and_hyperbole_get_no_note(group):
    assert [text for text in CORPUS["no_note"][group] if mentions_self_harm(text)] == []


def prompt_app(store=None):
    app = innerwork.show("talk-like-a-friend", store=store or MemoryStore())
    while app.session.step.kind != "prompt":
        app.next_button.click()
    return app


def test_note_shows_with_the_help_panel_and_is_never_saved(tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    app = prompt_app(store)
    assert app.notice.children == () and not app.help.is_open
    app.input.value = "I don’t want to live anymore"
    assert "You don't have to carry this alone" in app.notice.children[0].value
    assert app.help.is_open  # the help panel opens with the note
    app.session.save_now()
    saved = json.dumps([e.to_dict() for e in store.entries()], ensure_ascii=False)
    assert "carry this alone" not in saved and "notice" not in saved
    assert "I don’t want to live anymore" in saved  # the answer itself is kept as typed


def test_note_can_be_hidden_and_stays_hidden():
    app = prompt_app()
    app.input.value = "I want to kill myself"
    app.notice.children[1].click()  # "Hide this note"
    assert app.notice.children == ()
    app.input.value = "I want to kill myself, really"
    assert app.notice.children == ()
    assert app.next_button.disabled is False  # it never blocks


def test_hyperbole_gets_no_note_in_the_app():
    app = prompt_app()
    app.input.value = "This homework is killing me"
    assert app.notice.children == ()


def test_the_check_can_be_turned_off(monkeypatch):
    monkeypatch.setenv("INNERWORK_DISABLE_PLUGINS", "gentle_check")
    catalogue.reset()
    try:
        info = catalogue.plugins().infos["gentle_check"]
        assert info.status == "not loaded" and "INNERWORK_DISABLE_PLUGINS" in info.reason
        app = prompt_app()
        app.input.value = "I want to kill myself"
        assert app.notice.children == ()
    finally:
        monkeypatch.delenv("INNERWORK_DISABLE_PLUGINS")
        catalogue.reset()


def test_serve_can_turn_the_check_off():
    from innerwork.serve import serve_environment
    assert "gentle_check" in serve_environment(True, None, False, gentle_check=False)["INNERWORK_DISABLE_PLUGINS"]
    assert "INNERWORK_DISABLE_PLUGINS" not in serve_environment(True, None, False)


def test_a_failing_notice_plugin_never_gets_in_the_way(monkeypatch):
    class Broken:
        @innerwork.hookimpl
        def answer_notice(self, text):
            raise RuntimeError("broken")
    manager = catalogue.plugins().manager
    manager.register(Broken(), name="broken-notice")
    try:
        app = prompt_app()
        with pytest.warns(PluginWarning, match="broken"):
            app.input.value = "I want to kill myself"
        assert app.session.answers[app.session.step.id] == "I want to kill myself"
    finally:
        manager.unregister(name="broken-notice")


def test_help_panel_has_the_more_help_page():
    app = prompt_app()
    app.help.button.click()
    assert app.help.more.layout.display == "none"
    app.help.more_button.click()
    assert app.help.more.layout.display is None
    text = app.help.more.value
    assert "thoughts of hurting yourself" in text and "weeks" in text and "TherapyRoute" in text


def test_region_setting_lists_that_region_first(monkeypatch):
    lines = helplines()["lines"]
    assert by_region(lines, "uk")[0]["phone"] == "116 123"
    assert by_region(lines, "")[0]["phone"] == "988"
    monkeypatch.setenv("INNERWORK_HELP_REGION", "UK")
    assert help_markdown().index("116123") < help_markdown().index("tel:988")


def test_a_facilitators_own_helplines_file(tmp_path):
    own = tmp_path / "lines.json"
    own.write_text(json.dumps({"checked": "2026-10-01", "lines": [
        {"name": "Campus line", "region": "Our campus", "phone": "555 0100"}]}))
    env = {**os.environ, "INNERWORK_HELPLINES": str(own)}
    code = "from innerwork.help import help_markdown; print(help_markdown())"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert "Campus line" in out and "tel:5550100" in out and "2026-10-01" in out and "988" not in out
