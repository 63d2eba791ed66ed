"""Tools for plugin authors: a folder of plugins loaded without installing, the schema path, and the pytest
fixtures innerwork registers through its pytest11 entry point."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

CALM_BREATH = """
from pathlib import Path
from innerwork import ExerciseType, StepKind, hookimpl

class Breaths(StepKind):
    kind = "breaths"
    value_schema = {"type": "integer", "minimum": 0}

class CalmBreath(ExerciseType):
    name = "calm-breath"

@hookimpl
def register_exercise_types(register):
    register(CalmBreath)

@hookimpl
def register_step_kinds(register):
    register(Breaths)

@hookimpl
def register_content_dirs(register):
    register(Path(__file__).parent / "calm_breath_exercises")
"""

EXERCISE = """id: three-breaths
type: calm-breath
schema_version: 1
title: Three breaths
summary: Count three slow breaths.
minutes: 1
source: {title: "Facing Challenges in Therapy", publisher: TherapyRoute}
content:
  steps:
    - {id: taken, kind: breaths, prompt: How many breaths did you take?}
    - {id: end, kind: summary}
"""


def innerwork(*args, **env):
    import os

    return subprocess.run(
        [sys.executable, "-m", "innerwork", *args], capture_output=True, text=True, env={**os.environ, **env}
    )


@pytest.fixture
def plugins_dir(tmp_path):
    folder = tmp_path / "my_plugins"
    (folder / "calm_breath_exercises").mkdir(parents=True)
    (folder / "calm_breath.py").write_text(CALM_BREATH)
    (folder / "calm_breath_exercises" / "three-breaths.yaml").write_text(EXERCISE)
    return folder


def test_plugins_dir_loads_a_plugin_without_installing_it_and_shows_its_step_kinds(plugins_dir):
    shown = innerwork("--plugins-dir", str(plugins_dir), "plugins")
    assert shown.returncode == 0, shown.stderr
    assert f"calm_breath ({plugins_dir}/ ): loaded" in shown.stdout
    assert "    exercise types: calm-breath\n    step kinds: breaths\n" in shown.stdout
    listed = json.loads(innerwork("list", "--json", INNERWORK_PLUGINS_DIR=str(plugins_dir)).stdout)
    assert "three-breaths" in {e["id"] for e in listed}
    assert "three-breaths" not in innerwork("list").stdout  # only while the folder is named


def test_a_second_plugin_of_the_same_name_is_listed_as_skipped_with_the_reason(plugins_dir, tmp_path):
    other = tmp_path / "other_plugins"
    other.mkdir()
    (other / "calm_breath.py").write_text("")
    import os

    shown = innerwork("plugins", "--json", INNERWORK_PLUGINS_DIR=os.pathsep.join(map(str, (plugins_dir, other))))
    assert shown.returncode == 0, shown.stderr
    listed = [p for p in json.loads(shown.stdout) if p["name"] == "calm_breath"]
    assert [p["status"] for p in listed] == ["loaded", "failed"]
    assert "the plugin name 'calm_breath' is already used by" in listed[1]["reason"]
    assert str(other) in listed[1]["distribution"]


def test_schema_path_shows_where_the_shipped_schemas_are():
    folder = Path(innerwork("schema-path").stdout.strip())
    assert (folder / "steps.schema.json").is_file()
    assert innerwork("schema-path", "steps").stdout.strip() == str(folder / "steps.schema.json")
    unknown = innerwork("schema-path", "step")
    assert unknown.returncode == 2 and "shipped: answers, exercise, helplines, plan, steps" in unknown.stderr


AUTHOR_TESTS = """
import os
import pytest
from innerwork_plugins.wins_log import WinsLog

WINS = {wins!r}


def test_home_is_private(innerwork_home, innerwork_store):
    assert os.environ["INNERWORK_HOME"] == str(innerwork_home)
    assert str(innerwork_store.path).startswith(str(innerwork_home))


def test_load_one_exercise_file(load_exercise):
    assert load_exercise(WINS).id == "wins-log"


def test_a_bad_file_fails_with_its_line(load_exercise, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(open(WINS).read().replace("minutes: ", "minutes: x"))
    load_exercise(bad)


def test_resume_an_entry_written_under_version_1(resume_old_entry, innerwork_store, monkeypatch):
    def rename(answers):
        answers["wins"] = answers.pop("good_things")
        return answers
    monkeypatch.setattr(WinsLog, "content_version", 2)
    monkeypatch.setattr(WinsLog, "migrations", {{1: lambda content: content}})
    monkeypatch.setattr(WinsLog, "answers_migrations", {{1: rename}})
    session = resume_old_entry("wins-log", {{"good_things": ["I rested"], "old_step": "kept"}}, 1)
    assert session.answers == {{"wins": ["I rested"]}} and session.kept == {{"old_step": "kept"}}
    assert session.entry.content_version == 2
    assert innerwork_store.get(session.entry.id).answers == {{"good_things": ["I rested"], "old_step": "kept"}}
"""


def test_pytest_fixtures_for_plugin_authors_come_with_innerwork(pytester):
    pytester.makepyfile(test_my_plugin=AUTHOR_TESTS.format(wins=str(ROOT / "exercises" / "wins-log.yaml")))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["*bad.yaml has 1 problem(s):", "*bad.yaml:*: /minutes: expected a whole number*"])
