"""Plugins found through real entry points of real installed packages, in a temporary virtual environment."""

import json
import subprocess

import pytest
from plugin_envs import make_plugin_env, run, run_code

import innerwork
from innerwork.catalogue.loader import reset
from innerwork.hookspecs import hookspec
from innerwork.registry.registered import plugins


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory):
    """A venv with this innerwork and the grounding and broken plugin packages installed."""
    return make_plugin_env(tmp_path_factory.mktemp("venv"), "innerwork-grounding", "innerwork-broken")


def test_a_third_party_plugin_is_found_through_its_entry_point(plugin_env):
    result = run(plugin_env, "plugins", "--json")
    assert result.returncode == 0, result.stderr
    info = {p["name"]: p for p in json.loads(result.stdout)}
    grounding = info["grounding"]
    assert grounding["status"] == "loaded" and grounding["distribution"] == "innerwork-grounding"
    assert grounding["version"] == "0.3.0" and grounding["exercise_types"] == ["grounding"]
    assert grounding["hooks"] == ["exercise_saved", "register_content_dirs", "register_exercise_types"]
    listed = json.loads(run(plugin_env, "list", "--json").stdout)
    assert "five-senses" in {e["id"] for e in listed}
    assert run(plugin_env, "validate").returncode == 0


def test_a_broken_plugin_is_skipped_with_a_warning_and_the_rest_keep_working(plugin_env):
    result = run(plugin_env, "plugins", "--json")
    broken = {p["name"]: p for p in json.loads(result.stdout)}["broken"]
    assert broken["status"] == "failed"
    assert broken["reason"] == "RuntimeError: this plugin is broken on purpose"
    listed = run(plugin_env, "list")
    assert listed.returncode == 0 and "self-compassion-break" in listed.stdout
    assert "warning: innerwork plugin 'broken' (innerwork-broken) was skipped: RuntimeError" in listed.stderr


def test_strict_mode_turns_a_load_failure_into_an_error(plugin_env):
    result = run(plugin_env, "list", INNERWORK_STRICT_PLUGINS="1")
    assert result.returncode == 1
    assert "Error: innerwork plugin 'broken'" in result.stderr and "Traceback" not in result.stderr


def test_load_plugins_limits_what_loads(plugin_env):
    only = json.loads(run(plugin_env, "plugins", "--json", INNERWORK_LOAD_PLUGINS="innerwork-grounding").stdout)
    loaded = {p["name"] for p in only if p["status"] == "loaded"}
    assert loaded == {"grounding", "builtin_steps"}  # the step kit loads always: no exercise can be read without it
    assert {p["status"] for p in only if p["name"] not in loaded} == {"not loaded"}
    alone = run(plugin_env, "list", "--json", INNERWORK_LOAD_PLUGINS="innerwork-grounding")
    assert {e["id"] for e in json.loads(alone.stdout)} == {"five-senses"}, alone.stderr  # its steps are readable
    none = json.loads(run(plugin_env, "plugins", "--json", INNERWORK_LOAD_PLUGINS="").stdout)
    assert {p["name"] for p in none if p["status"] != "not loaded"} == {"builtin_steps"}
    listed = run(plugin_env, "list", "--json", INNERWORK_LOAD_PLUGINS="")
    assert json.loads(listed.stdout) == []
    off = json.loads(run(plugin_env, "plugins", "--json", INNERWORK_DISABLE_PLUGINS="builtin_steps").stdout)
    assert {p["name"]: p["status"] for p in off}["builtin_steps"] == "loaded"


def test_the_plugin_hooks_fire_on_save(plugin_env):
    code = (
        "import innerwork, innerwork_grounding as g\n"
        "from innerwork.app.session import Session\n"
        "s = Session(innerwork.get_exercise('five-senses'))\n"
        "s.set_answer('calm_before', 4); s.save_now(); print(g.saved == [s.entry.id])"
    )
    result = subprocess.run([str(plugin_env), "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "True", result.stderr


def test_a_third_party_type_gets_looking_back_charts_through_its_own_declaration(plugin_env, tmp_path):
    code = (
        "import innerwork\n"
        "from innerwork.app.session import Session\n"
        "from innerwork.storage.store import SQLiteStore\n"
        "for before, after in ((3, 6), (4, 7)):\n"
        "    s = Session(innerwork.get_exercise('five-senses'), SQLiteStore())\n"
        "    s.set_answer('calm_before', before); s.set_answer('see', ['a lamp']); s.set_answer('calm_after', after)\n"
        "    assert s.finish()\n"
    )
    home = {"INNERWORK_HOME": str(tmp_path / "home")}
    made = run_code(plugin_env, code, **home)
    assert made.returncode == 0, made.stderr
    result = run(plugin_env, "export", "--looking-back", "-o", str(tmp_path / "page.html"), **home)
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "page.html").read_text()
    assert "<h2>Grounding</h2>" in page and "<figcaption>How settled you felt</figcaption>" in page
    assert "After compared with Before, in your 2 entries with both: 2 higher." in page


class Recorder:
    """A test plugin registered in-process for the hooks that take events."""

    def __init__(self):
        self.calls = []

    @innerwork.hookimpl
    def exercise_saved(self, entry):
        self.calls.append(("saved", entry.status))

    @innerwork.hookimpl
    def exercise_completed(self, entry, summary):
        self.calls.append(("completed", summary.splitlines()[0]))


def test_saved_and_completed_hooks_fire():
    from innerwork.app.session import Session

    recorder = Recorder()
    plugins().manager.register(recorder)
    try:
        session = Session(innerwork.get_exercise("wins-log"))
        session.set_answer("wins", ["Called a friend"])
        session.save_now()
        assert session.finish()
    finally:
        plugins().manager.unregister(recorder)
    assert recorder.calls == [("saved", "draft"), ("saved", "completed"), ("completed", "# Wins log")]


def test_a_plugin_that_fails_while_registering_is_skipped(monkeypatch):
    class Faulty:
        @innerwork.hookimpl
        def register_exercise_types(self, register):
            raise ValueError("no schema found")

    reset()
    manager = plugins().manager
    manager.register(Faulty(), name="faulty")
    from innerwork.registry.plugins import call_each

    infos = plugins().infos
    with pytest.warns(innerwork.errors.PluginWarning, match="'faulty'.*ValueError: no schema found"):
        call_each(manager, infos, "register_exercise_types", lambda name: {"register": lambda t: None})
    assert infos["faulty"].status == "failed"
    reset()


def test_every_hook_spec_has_a_docstring():
    from innerwork import hookspecs

    specs = [getattr(hookspecs, n) for n in dir(hookspecs) if hasattr(getattr(hookspecs, n), "innerwork_spec")]
    assert len(specs) >= 5 and all(s.__doc__ for s in specs)
    assert hookspec.project_name == "innerwork"


def test_a_summary_bug_names_the_plugin_and_the_person_gets_the_plain_summary(monkeypatch):
    from innerwork.app.session import Session
    from innerwork.errors import PluginError
    from innerwork_plugins.wins_log import WinsLog

    def summary(self, exercise, answers, derived):
        return f"{answers['savour']}"  # a KeyError when nothing was savoured

    monkeypatch.setattr(WinsLog, "summary", summary)
    session = Session(innerwork.get_exercise("wins-log"))
    session.set_answer("wins", ["Called a friend"])
    with pytest.warns(
        innerwork.errors.PluginWarning,
        match="plugin 'wins_log' .*WinsLog.summary\\(\\) of the exercise type 'wins-log' failed: KeyError: 'savour'",
    ):
        assert session.finish()
    assert session.entry.summary.startswith("# Wins log") and "Called a friend" in session.entry.summary
    monkeypatch.setenv("INNERWORK_STRICT_PLUGINS", "1")
    with pytest.raises(PluginError, match="plugin 'wins_log'.*WinsLog.summary"):
        session.summary()


def test_a_failing_event_hook_is_reported_and_saving_goes_on(monkeypatch, tmp_path):
    from innerwork.app import session as sessions
    from innerwork.app.session import Session
    from innerwork.errors import PluginError
    from innerwork.storage.store import SQLiteStore

    class Faulty:
        @innerwork.hookimpl
        def exercise_saved(self, entry):
            raise RuntimeError("the plugin's own log file is gone")

    monkeypatch.setattr(sessions, "AUTOSAVE_SECONDS", 3600)  # saves happen when the test says
    recorder = Recorder()
    manager = plugins().manager
    manager.register(Faulty(), name="faulty-saver")
    manager.register(recorder, name="recorder")
    store = SQLiteStore(tmp_path / "answers.sqlite3")
    try:
        session = Session(innerwork.get_exercise("wins-log"), store)
        session.set_answer("wins", ["Rested"])
        with pytest.warns(
            innerwork.errors.PluginWarning, match=r"'faulty-saver'.*failed in exercise_saved \(RuntimeError\)"
        ) as caught:
            assert session.save_now()
        assert len(caught) == 1 and "log file is gone" not in str(caught[0].message)  # it could hold answers
        assert session.save_now()  # reported once per plugin and hook: no second warning
        assert recorder.calls == [("saved", "draft"), ("saved", "draft")]
        # strict mode: the failure is an error, not swallowed by an outer guard; the answer is saved first
        monkeypatch.setenv("INNERWORK_STRICT_PLUGINS", "1")
        session.set_answer("wins", ["Rested", "Ate lunch"])
        with pytest.raises(PluginError, match=r"'faulty-saver'.*failed in exercise_saved \(RuntimeError\)"):
            session.save_now()
        assert store.get(session.entry.id).answers == {"wins": ["Rested", "Ate lunch"]}
    finally:
        manager.unregister(name="faulty-saver")
        manager.unregister(recorder)
        plugins().infos.pop("faulty-saver", None)
