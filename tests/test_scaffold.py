"""`innerwork new-plugin`: the generated package installs into a fresh virtual environment and its tests pass."""
import json
import os
import subprocess
import sys
import venv

import pytest
from click.testing import CliRunner

from innerwork.cli import main
from innerwork.scaffold import names


def test_names_are_checked_and_spelled_out():
    assert names("body-scan") == {"name": "body-scan", "entry": "body_scan", "dist": "innerwork-body-scan",
                                  "module": "innerwork_body_scan", "Class": "BodyScan", "title": "Body scan"}
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


def test_scaffold_installs_and_passes_its_own_tests_in_a_fresh_venv(tmp_path):
    made = CliRunner().invoke(main, ["new-plugin", "body-scan", "--dir", str(tmp_path)])
    assert made.exit_code == 0, made.output
    package = tmp_path / "innerwork-body-scan"
    assert "pip install -e" in made.output and (package / "tests" / "test_plugin.py").exists()
    root = tmp_path / "venv"
    venv.create(root, system_site_packages=True, with_pip=False)  # sees this innerwork and its test tools
    python = str(root / "bin" / "python")
    subprocess.run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "-e",
                    str(package)], check=True)

    def run(*args):
        return subprocess.run([python, *args], capture_output=True, text=True, cwd=package, env=dict(os.environ))

    tests = run("-m", "pytest", "-q", "-p", "no:cacheprovider")
    assert tests.returncode == 0 and "2 passed" in tests.stdout, tests.stdout + tests.stderr
    listed = {p["name"]: p for p in json.loads(run("-m", "innerwork", "plugins", "--json").stdout)}
    assert listed["body_scan"]["status"] == "loaded"
    assert listed["body_scan"]["exercise_types"] == ["body-scan"]
    assert listed["body_scan"]["distribution"] == "innerwork-body-scan"
    valid = run("-m", "innerwork", "validate")
    assert valid.returncode == 0, valid.stdout + valid.stderr
    shown = run("-c", "import innerwork; app = innerwork.show('body-scan-check-in'); "
                      "print(type(app).__name__, app.session.total)")
    assert shown.stdout.split() == ["ExerciseApp", "4"], shown.stderr
