"""The gentle check (a built-in plugin on the answer_notice hook), the help panel and its helplines."""

import json
import os
import subprocess
import sys

import pytest

import innerwork
from innerwork.app.help import by_region, help_markdown, helplines
from innerwork.catalogue import loader as catalogue
from innerwork.errors import PluginWarning
from innerwork.registry import registered
from innerwork.storage.store import MemoryStore, SQLiteStore


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
        info = registered.plugins().infos["gentle_check"]
        assert info.status == "not loaded" and "INNERWORK_DISABLE_PLUGINS" in info.reason
        app = prompt_app()
        app.input.value = "I want to kill myself"
        assert app.notice.children == ()
    finally:
        monkeypatch.delenv("INNERWORK_DISABLE_PLUGINS")
        catalogue.reset()


def test_serve_can_turn_the_check_off():
    from innerwork.serving.serve import serve_environment

    assert "gentle_check" in serve_environment(True, None, False, gentle_check=False)["INNERWORK_DISABLE_PLUGINS"]
    assert "INNERWORK_DISABLE_PLUGINS" not in serve_environment(True, None, False)


def test_a_failing_notice_plugin_never_gets_in_the_way(monkeypatch):
    class Broken:
        @innerwork.hookimpl
        def answer_notice(self, text):
            raise RuntimeError(f"broken on {text}")

    manager = registered.plugins().manager
    manager.register(Broken(), name="broken-notice")
    try:
        app = prompt_app()
        with pytest.warns(PluginWarning, match="broken-notice") as caught:
            app.input.value = "I want to kill myself"
        assert app.session.answers[app.session.step.id] == "I want to kill myself"
        assert "carry this alone" in app.notice.children[0].value  # the gentle check's note still shows
        assert all("kill myself" not in str(w.message) for w in caught)  # the warning never holds the text
    finally:
        manager.unregister(name="broken-notice")


# -- the person's own choice ------------------------------------------------------------------------
def test_help_panel_lets_the_person_turn_the_check_off_and_on(private_home):
    app = prompt_app()
    choice = app.help.gentle_check
    assert choice.checkbox.value is True and "hurting myself" in choice.checkbox.description
    app.input.value = "I want to kill myself"
    assert app.notice.children  # the note shows
    choice.checkbox.value = False
    assert app.notice.children == ()  # and goes at once
    assert json.loads((private_home / "settings.json").read_text()) == {"gentle_check": False}
    assert "innerwork settings gentle-check on" in choice.status.value
    again = prompt_app()  # another exercise later: still off
    assert again.help.gentle_check.checkbox.value is False
    again.input.value = "I want to kill myself"
    assert again.notice.children == ()
    again.help.gentle_check.checkbox.value = True
    again.input.value = "I want to kill myself, still"
    assert again.notice.children


def test_on_a_workshop_page_the_choice_is_for_that_page_only(private_home, monkeypatch):
    from innerwork.storage import settings

    monkeypatch.setenv("INNERWORK_STORE", "memory")
    monkeypatch.setattr(settings, "_page_only", {})
    app = prompt_app()
    app.help.gentle_check.checkbox.value = False
    assert not (private_home / "settings.json").exists()  # nothing written on the server
    assert "this page" in app.help.gentle_check.status.value
    app.input.value = "I want to kill myself"
    assert app.notice.children == ()


def test_command_line_turns_the_check_off_and_on(private_home):
    from click.testing import CliRunner

    from innerwork.app.session import typed_notice
    from innerwork.cli import main

    exercise = innerwork.get_exercise("talk-like-a-friend")
    runner = CliRunner()
    result = runner.invoke(main, ["settings", "gentle-check", "off"])
    assert result.exit_code == 0 and "off" in result.output
    assert json.loads((private_home / "settings.json").read_text()) == {"gentle_check": False}
    assert typed_notice(exercise, "I want to kill myself") is None
    assert runner.invoke(main, ["settings"]).output.startswith("gentle-check: off")
    assert runner.invoke(main, ["settings", "gentle-check", "on"]).exit_code == 0
    assert "carry this alone" in typed_notice(exercise, "I want to kill myself")
    bad = runner.invoke(main, ["settings", "gentle-check", "maybe"])
    assert bad.exit_code == 2 and "'on', 'off'" in bad.output


def test_a_broken_settings_file_is_named_and_keeps_the_check_on(private_home):
    from click.testing import CliRunner

    from innerwork.app.session import typed_notice
    from innerwork.cli import main

    private_home.mkdir(parents=True, exist_ok=True)
    (private_home / "settings.json").write_text('{"gentle_check": "nope"}')
    result = CliRunner().invoke(main, ["settings"])
    assert result.exit_code == 1 and "settings.json" in result.output and "true or false" in result.output
    assert typed_notice(innerwork.get_exercise("talk-like-a-friend"), "I want to kill myself")


def test_nothing_about_a_notice_is_stored_or_logged(tmp_path, caplog, capsys, recwarn, private_home):
    import logging

    caplog.set_level(logging.DEBUG)
    store = SQLiteStore(tmp_path / "a.sqlite3")
    app = prompt_app(store)
    text = "I've written my goodbye letters and I can't keep myself safe"
    app.input.value = text
    assert app.notice.children
    app.session.save_now()
    out = capsys.readouterr()
    logged = (
        " ".join(r.getMessage() for r in caplog.records) + out.out + out.err + " ".join(str(w.message) for w in recwarn)
    )
    assert "goodbye" not in logged and "safe" not in logged and "carry this alone" not in logged
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("a.sqlite3*"))
    assert b"carry this alone" not in raw and b"notice" not in raw and b"gentle" not in raw
    files = [p.name for p in private_home.rglob("*")] if private_home.exists() else []
    assert files == []  # no settings, flags or logs written in the person's folder


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
    own.write_text(
        json.dumps(
            {"checked": "2026-10-01", "lines": [{"name": "Campus line", "region": "Our campus", "phone": "555 0100"}]}
        )
    )
    env = {**os.environ, "INNERWORK_HELPLINES": str(own)}
    code = "from innerwork.app.help import help_markdown; print(help_markdown())"
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert "Campus line" in out and "tel:5550100" in out and "2026-10-01" in out and "988" not in out
