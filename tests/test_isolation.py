"""A plugin with a mistake fails on its own, named, with its reason; the rest of innerwork keeps working.
Real plugin packages from tests/plugin_packages, installed with pip into a virtual environment."""

import json

import pytest
from plugin_envs import make_plugin_env, run, run_code

FAULTY = ("innerwork-missing-schema", "innerwork-misspelled", "innerwork-no-entry-point", "innerwork-faulty-summary")


@pytest.fixture(scope="module")
def faulty_env(tmp_path_factory):
    return make_plugin_env(tmp_path_factory.mktemp("venv"), *FAULTY)


def listed(python, **env):
    result = run(python, "plugins", "--json", **env)
    assert result.returncode == 0, result.stderr
    return {p["name"]: p for p in json.loads(result.stdout)}, result.stderr


def test_a_missing_schema_file_fails_that_plugin_only(faulty_env):
    plugins, warnings = listed(faulty_env)
    missing = plugins["missing_schema"]
    assert missing["status"] == "failed" and missing["exercise_types"] == []
    assert "the answers schema of 'calm-corner'" in missing["reason"]
    assert "innerwork_missing_schema/schemas/answers.schema.json is not a file" in missing["reason"]
    assert "warning: innerwork plugin 'missing_schema' (innerwork-missing-schema) was skipped" in warnings
    for command in (["list"], ["validate"]):
        result = run(faulty_env, *command)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    assert "wins-log" in run(faulty_env, "list").stdout
    built_in = run_code(faulty_env, "import innerwork; print(innerwork.get_exercise('wins-log').title)")
    assert built_in.stdout.strip() == "Wins log", built_in.stderr


def test_strict_mode_makes_a_missing_schema_an_error(faulty_env):
    result = run(faulty_env, "list", INNERWORK_STRICT_PLUGINS="1", INNERWORK_LOAD_PLUGINS="missing_schema,wins_log")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Error: innerwork plugin 'missing_schema'" in result.stderr and "calm-corner" in result.stderr


def test_a_misspelled_hook_is_reported(faulty_env):
    plugins, warnings = listed(faulty_env)
    [problem] = plugins["misspelled"]["problems"]
    assert "'register_exercise_type', which is not an innerwork hook" in problem
    assert "did you mean 'register_exercise_types'?" in problem
    assert "warning: innerwork plugin 'misspelled'" in warnings
    strict = run(faulty_env, "list", INNERWORK_STRICT_PLUGINS="1", INNERWORK_LOAD_PLUGINS="misspelled")
    assert strict.returncode == 1 and "register_exercise_type" in strict.stderr and "Traceback" not in strict.stderr


def test_a_package_without_an_entry_point_is_listed_with_what_to_add(faulty_env):
    plugins, _ = listed(faulty_env)
    forgotten = plugins["innerwork-no-entry-point"]
    assert forgotten["status"] == "no entry point"
    assert "declares no 'innerwork' entry point" in forgotten["reason"]
    assert "[project.entry-points.innerwork]" in forgotten["reason"]
    kit = run_code(
        faulty_env,
        "from innerwork.authoring.testing import check_plugin\n"
        "try:\n    check_plugin('no-entry-point')\nexcept AssertionError as e:\n    print(e)",
    )
    assert "innerwork-no-entry-point is installed but declares no 'innerwork' entry point" in kit.stdout, kit.stderr


RESUME_WITHOUT_RATING = """
import warnings, innerwork
from innerwork.app.session import Session
session = Session(innerwork.get_exercise('mood-note'))
session.set_answer('note', 'A slow morning')
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    print(session.finish())
print(session.entry.summary.splitlines()[0])
print([str(w.message) for w in caught])
"""


def test_a_bug_in_derive_names_the_plugin_and_the_person_still_gets_their_summary(faulty_env):
    result = run_code(faulty_env, RESUME_WITHOUT_RATING)
    finished, heading, caught = result.stdout.splitlines()
    assert finished == "True" and heading == "# A mood note", result.stderr
    assert (
        "innerwork plugin 'faulty_summary' (innerwork-faulty-summary): MoodNote.derive() of the exercise type "
        "'mood-note' failed: KeyError: 'intensity'" in caught
    )
    strict = run_code(
        faulty_env, RESUME_WITHOUT_RATING, INNERWORK_STRICT_PLUGINS="1", INNERWORK_LOAD_PLUGINS="faulty_summary"
    )
    assert "innerwork.errors.PluginError: innerwork plugin 'faulty_summary'" in strict.stderr
    assert "MoodNote.derive()" in strict.stderr


def test_the_kit_names_the_plugin_the_method_and_the_file(faulty_env):
    kit = run_code(
        faulty_env,
        "from innerwork.authoring.testing import check_plugin\n"
        "try:\n    check_plugin('mood-note', max_examples=30)\n"
        "except AssertionError as e:\n    print(e)",
    )
    assert "plugin 'faulty_summary'" in kit.stdout, kit.stderr
    assert "mood-note.yaml (mood-note): derive() or summary() failed on accepted answers" in kit.stdout
    assert "MoodNote.derive() of the exercise type 'mood-note' failed: KeyError: 'intensity'" in kit.stdout
    assert "rendering failed" not in kit.stdout


@pytest.fixture(scope="module")
def raising_env(tmp_path_factory):
    return make_plugin_env(tmp_path_factory.mktemp("venv"), "innerwork-raising-hooks")


CRISIS_SENTENCE = """
import json, warnings, innerwork
from innerwork.app.session import Session
from innerwork.storage.store import SQLiteStore
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    session = Session(innerwork.get_exercise('wins-log'), SQLiteStore())
    session.set_answer('wins', ['I want to kill myself'])
    note, saved, finished = session.notice, session.save_now(), session.finish()
kept = SQLiteStore().get(session.entry.id)
print(json.dumps({'note': note, 'saved': saved, 'finished': finished, 'answers': kept.answers,
                  'status': kept.status, 'warnings': [str(w.message) for w in caught]}))
"""


def test_a_plugin_raising_in_every_runtime_hook_silences_neither_the_gentle_note_nor_the_save(raising_env, tmp_path):
    result = run_code(raising_env, CRISIS_SENTENCE, INNERWORK_HOME=str(tmp_path / "home"))
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout)
    assert "carry this alone" in seen["note"]  # the built-in gentle check still speaks
    assert seen["saved"] and seen["finished"] and seen["status"] == "completed"
    assert seen["answers"] == {"wins": ["I want to kill myself"]}
    failures = [w for w in seen["warnings"] if "'raising_hooks' (innerwork-raising-hooks)" in w]
    assert sorted(w.split("failed in ")[1].split(" ")[0] for w in failures) == [
        "answer_notice",
        "exercise_completed",
        "exercise_saved",
    ]  # each hook reported once, though exercise_saved was called twice
    assert not [w for w in failures if "kill" in w or "cannot" in w]  # never the person's words
