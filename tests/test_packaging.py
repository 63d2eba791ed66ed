"""`pip install .` (a wheel with schemas and exercises inside) and `pip install -e .` both work."""

import json
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def make_venv(path):
    venv.create(path, system_site_packages=True, with_pip=False)
    return path / "bin" / "python"


def pip(python, *args):
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", *args], check=True
    )


def installed_innerwork(python, tmp_path):
    """Where the venv imports innerwork from, and what `innerwork list --json` and `validate` say there."""
    where = subprocess.run(
        [str(python), "-c", "import innerwork; print(innerwork.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    listed = subprocess.run(
        [str(python), "-m", "innerwork", "list", "--json"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    valid = subprocess.run([str(python), "-m", "innerwork", "validate"], cwd=tmp_path, capture_output=True, text=True)
    return Path(where), json.loads(listed.stdout), valid.returncode


@pytest.mark.slow
def test_the_wheel_carries_schemas_exercises_and_works_installed(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True,
    )
    [wheel] = (tmp_path / "dist").glob("innerwork-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "innerwork/schema_files/exercise.schema.json" in names
    assert "innerwork/schema_files/plan.schema.json" in names
    assert "innerwork/schema_files/types/small-steps.content.schema.json" in names
    # no module and package (or data folder) of the same name
    modules = {n[:-3] for n in names if n.endswith(".py")}
    folders = {n.rsplit("/", 1)[0] for n in names if "/" in n}
    assert modules & folders == set(), modules & folders
    assert "innerwork/exercises/step-ladder.yaml" in names
    assert "innerwork/data/helplines.json" in names
    assert "innerwork_plugins/reflection.py" in names
    assert "innerwork_plugins/gentle/model.json" in names  # the gentle check's classifier weights
    python = make_venv(tmp_path / "venv")
    pip(python, str(wheel))
    where, listed, valid = installed_innerwork(python, tmp_path)
    assert str(where).startswith(str(tmp_path / "venv"))
    assert len(listed) >= 12 and valid == 0
    code = (
        "from innerwork_plugins.gentle import explain; from innerwork_plugins.gentle.model import shipped_path; "
        "why = explain('I keep counting the pills in the drawer.'); print(shipped_path(), why.notice, why.decided_by)"
    )
    shown = subprocess.run([str(python), "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True).stdout
    assert shown.startswith(str(tmp_path / "venv")) and shown.strip().endswith("True the classifier")


@pytest.mark.slow
def test_an_editable_install_reads_the_checkout(tmp_path):
    python = make_venv(tmp_path / "venv")
    pip(python, "-e", str(ROOT))
    where, listed, valid = installed_innerwork(python, tmp_path)
    assert where == ROOT / "core" / "__init__.py"
    assert len(listed) >= 12 and valid == 0
