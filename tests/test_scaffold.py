"""`innerwork new-plugin` and the tutorial: the generated package installs into a fresh virtual
environment, its own tests pass there, and so do they after following docs/tutorial.md."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from plugin_envs import make_plugin_env

from innerwork.authoring.scaffold import names
from innerwork.cli import main

TUTORIAL = (Path(__file__).parent.parent / "docs" / "tutorial.md").read_text(encoding="utf-8")


def tutorial_block(starts_with):
    """The code block of the tutorial whose text starts with ``starts_with``."""
    [block] = [b for b in re.findall(r"```\w*\n(.*?)```", TUTORIAL, re.S) if b.startswith(starts_with)]
    return block


def test_names_are_checked_and_spelled_out():
    assert names("body-scan") == {
        "name": "body-scan",
        "entry": "body_scan",
        "dist": "innerwork-body-scan",
        "module": "innerwork_body_scan",
        "Class": "BodyScan",
        "title": "Body scan",
    }
    for bad in ("Body", "body_scan", "-x", "2fast", "a--b", ""):
        with pytest.raises(ValueError, match="lowercase letters"):
            names(bad)


def test_bad_name_and_existing_folder_give_usage_errors(tmp_path):
    runner = CliRunner()
    bad = runner.invoke(main, ["new-plugin", "Body Scan", "--dir", str(tmp_path)])
    assert bad.exit_code == 2 and "not a usable plugin name" in bad.output
    assert runner.invoke(main, ["new-plugin", "calm", "--dir", str(tmp_path)]).exit_code == 0
    again = runner.invoke(main, ["new-plugin", "calm", "--dir", str(tmp_path)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_scaffold_then_tutorial_in_a_fresh_venv(tmp_path):
    made = CliRunner().invoke(main, ["new-plugin", "grounding", "--dir", str(tmp_path)])
    assert made.exit_code == 0, made.output
    package = tmp_path / "innerwork-grounding"
    assert 'pip install -e ".[testing]"' in made.output and (package / "tests" / "test_plugin.py").exists()
    # sees the test tools installed here, with this checkout of innerwork
    python = str(make_plugin_env(tmp_path / "venv"))
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "-e", str(package)],
        check=True,
    )

    def run(*args):
        return subprocess.run([python, *args], capture_output=True, text=True, cwd=package, env=dict(os.environ))

    def check(exercise_id, steps):
        tests = run("-m", "pytest", "-q", "-p", "no:cacheprovider")
        assert tests.returncode == 0 and "2 passed" in tests.stdout, tests.stdout + tests.stderr
        listed = {p["name"]: p for p in json.loads(run("-m", "innerwork", "plugins", "--json").stdout)}
        assert listed["grounding"]["status"] == "loaded"
        assert listed["grounding"]["exercise_types"] == ["grounding"]
        assert listed["grounding"]["distribution"] == "innerwork-grounding"
        valid = run("-m", "innerwork", "validate")
        assert valid.returncode == 0, valid.stdout + valid.stderr
        shown = run(
            "-c",
            f"import innerwork; app = innerwork.show({exercise_id!r}); print(type(app).__name__, app.session.total)",
        )
        assert shown.stdout.split() == ["ExerciseApp", str(steps)], shown.stderr

    check("grounding-check-in", 4)  # straight out of the scaffold

    module = package / "innerwork_grounding"
    (module / "exercises" / "grounding-check-in.yaml").unlink()
    (module / "exercises" / "five-senses.yaml").write_text(tutorial_block("id: five-senses"))
    (module / "schemas" / "answers.schema.json").write_text(tutorial_block('{\n  "$schema"'))
    (module / "__init__.py").write_text(tutorial_block('"""A grounding exercise type'))
    (module / "examples.json").write_text(tutorial_block('{"five-senses"'))
    test_file = package / "tests" / "test_plugin.py"
    generated = test_file.read_text()
    test_file.write_text(
        generated[: generated.index("\n\ndef test_summary")] + "\n\n\n" + tutorial_block("def test_summary_notices")
    )
    check("five-senses", 5)  # after following the tutorial


def test_new_plugin_options_make_a_complete_package(tmp_path):
    made = CliRunner().invoke(
        main,
        [
            "new-plugin",
            "thought-record",
            "--dir",
            str(tmp_path),
            "--author",
            "Ada Lovelace",
            "--email",
            "ada@example.org",
            "--description",
            'Notice a "hot" thought.',
            "--licence",
            "MIT",
        ],
    )
    assert made.exit_code == 0, made.output
    package = tmp_path / "innerwork-thought-record"
    licence = (package / "LICENSE").read_text()
    assert licence.startswith("MIT License") and "Ada Lovelace" in licence
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((package / "pyproject.toml").read_text())["project"]
    assert project["authors"] == [{"name": "Ada Lovelace", "email": "ada@example.org"}]
    assert project["description"] == 'Notice a "hot" thought.' and project["license"] == "MIT"
    assert project["dependencies"] == ["innerwork>=0.1,<0.2"]
    assert project["entry-points"]["innerwork"] == {"thought_record": "innerwork_thought_record"}
    assert "*.sqlite3" in (package / ".gitignore").read_text().splitlines()
    workflow = (package / ".github" / "workflows" / "test.yml").read_text()
    assert 'pip install -e ".[testing]"' in workflow and "python -m pytest" in workflow
    assert "innerwork validate innerwork_thought_record/exercises" in workflow
    default = CliRunner().invoke(main, ["new-plugin", "calm", "--dir", str(tmp_path)])
    assert default.exit_code == 0 and "Apache License" in (tmp_path / "innerwork-calm" / "LICENSE").read_text()
    wrong = CliRunner().invoke(main, ["new-plugin", "calm2", "--dir", str(tmp_path), "--licence", "GPL"])
    assert wrong.exit_code == 2 and "'Apache-2.0', 'MIT'" in wrong.output
