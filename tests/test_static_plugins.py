"""`innerwork build` with plugin packages really installed (tests/plugin_packages, in a virtual environment):
a pure one goes to the browser with its exercises as JSON and works in a real Chromium; one with
compiled code, one needing what the site lacks, and a plugin folder are named with why, and an
exercise of theirs is refused."""

import json
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import yaml
from plugin_envs import PACKAGES, make_plugin_env, run, run_code
from ports import free_port

from innerwork.static import pins, wheels

BUILD_TIMEOUT = 900
LOAD_TIMEOUT = 240_000  # ms: Pyodide starts in the page and loads every wheel of the site
GROUNDING_SUMMARY = "You took a few minutes to come back to the present."


def jupyter_share() -> Path:
    """Where the Python running the tests has the build packages' JupyterLab extensions (the Pyodide kernel's)."""
    from jupyter_core.paths import jupyter_path

    for root in map(Path, [*jupyter_path("labextensions"), Path(sys.base_prefix) / "share/jupyter/labextensions"]):
        if (root / pins.KERNEL_EXTENSION).is_dir():
            return root.parent
    pytest.skip("the Pyodide kernel's JupyterLab extension is not installed (pip install 'innerwork[static]')")


@pytest.fixture(scope="module")
def plugin_env(tmp_path_factory):
    root = tmp_path_factory.mktemp("venv")
    python = make_plugin_env(
        root, "innerwork-grounding", "innerwork-compiled", "innerwork-needs-numpy", "innerwork-needs-six"
    )
    # the venv sees the build packages but not their JupyterLab extensions, which jupyterlite looks for in
    # sys.prefix only: there, as `pip install 'innerwork[static]'` into the venv would put them
    (root / "share").mkdir(exist_ok=True)
    (root / "share" / "jupyter").symlink_to(jupyter_share())
    return python


def build(python, *args, **env):
    return run(python, "build", *args, **env)


@pytest.fixture(scope="module")
def grounding_site(plugin_env, tmp_path_factory):
    out = tmp_path_factory.mktemp("static") / "site"
    done = build(plugin_env, str(out), "--exercise", "five-senses")
    assert done.returncode == 0, done.stdout + done.stderr
    return out, done.stdout


def test_only_the_pure_plugin_packages_are_carried_and_each_other_is_named_with_why(plugin_env):
    code = (
        "from innerwork.static import bundled\n"
        "from innerwork.registry.registered import plugins\n"
        "carried, left_out = bundled.sort_plugins(plugins())\n"
        "print([p.label() for p in carried])\n"
        "print(*left_out, sep='\\n')\n"
        "carried, left_out = bundled.settle(carried, [], bundled.site_projects([], carried))\n"
        "print([p.label() for p in carried])\n"
        "print(*left_out, sep='\\n')\n"
    )
    done = run_code(plugin_env, code)
    assert done.returncode == 0, done.stderr
    before, compiled, after, *lacking = done.stdout.splitlines()
    # numpy and six are checked once the site's wheels are known; innerwork's version at once
    assert before == (
        "['grounding (innerwork-grounding 0.3.0)', 'needs_numpy (innerwork-needs-numpy 0.1.0)', "
        "'needs_six (innerwork-needs-six 0.1.0)']"
    )
    assert compiled == (
        "compiled (innerwork-compiled 0.1.0): has compiled code: innerwork_compiled/_speedups.so; "
        "only pure-Python plugins go to the browser"
    )
    assert after == "['grounding (innerwork-grounding 0.3.0)']"
    assert lacking == [
        "needs_numpy (innerwork-needs-numpy 0.1.0): needs 'numpy', which is not in the site",
        "needs_six (innerwork-needs-six 0.1.0): needs 'six', which is not in the site (its requirement 'six>=1.16')",
    ]


def test_an_editable_install_goes_with_the_files_of_its_package(tmp_path):
    source = tmp_path / "innerwork-grounding"
    shutil.copytree(PACKAGES / "innerwork-grounding", source)
    python = make_plugin_env(tmp_path / "venv")
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", "-e"]
    subprocess.run([*pip, str(source)], check=True)
    code = (
        "from innerwork.static import bundled, build\n"
        "from innerwork.registry.registered import plugins\n"
        "(plugin,), left_out = bundled.sort_plugins(plugins())\n"
        "print(sorted(plugin.files), left_out)\n"
        "print(sorted(build.shipped_exercises_json('five-senses')['innerwork-grounding']))\n"
    )
    done = run_code(python, code)
    assert done.returncode == 0, done.stderr
    files, exercises = done.stdout.splitlines()
    assert files == "['innerwork_grounding/__init__.py', 'innerwork_grounding/exercises/five-senses.yaml'] []"
    assert exercises == "['innerwork_grounding/exercises/five-senses.json']"


def test_a_plugins_content_folder_stays_in_its_wheel_when_the_site_offers_none_of_its_exercises(plugin_env, tmp_path):
    code = (
        "import sys, zipfile\n"
        "from pathlib import Path\n"
        "from innerwork.static import build, bundled\n"
        "from innerwork.registry.registered import plugins\n"
        "(plugin, *_), _ = bundled.sort_plugins(plugins())\n"
        "folders = build._content_dirs(plugin)\n"
        "for exercises in ({}, build.shipped_exercises_json('five-senses')[plugin.name]):\n"
        "    wheel = bundled.plugin_wheel(Path(sys.argv[1]), plugin, folders, exercises)\n"
        "    print(sorted(n for n in zipfile.ZipFile(wheel).namelist() if '/exercises/' in n))\n"
    )
    done = subprocess.run([str(plugin_env), "-c", code, str(tmp_path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        "['innerwork_grounding/exercises/README.txt']",  # the browser's catalogue finds the folder, empty
        "['innerwork_grounding/exercises/five-senses.json']",
    ]


def test_a_plan_may_mix_innerworks_exercises_and_a_carried_plugins(plugin_env, tmp_path):
    plan = tmp_path / "evening.yaml"
    plan.write_text("title: An evening\nexercises: [five-senses, wins-log]\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from innerwork.app.plan import load_plan\n"
        "from innerwork.static import build\n"
        "found = build.shipped_exercises_json(*load_plan(sys.argv[1]).exercises)\n"
        "print({home: sorted(files) for home, files in found.items()})\n"
    )
    done = subprocess.run([str(plugin_env), "-c", code, str(plan)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == (
        "{'innerwork': ['wins-log.json'], 'innerwork-grounding': ['innerwork_grounding/exercises/five-senses.json']}"
    )


def test_an_exercise_of_a_compiled_plugin_is_refused_before_anything_is_downloaded(plugin_env, tmp_path):
    cache = tmp_path / "cache"
    done = build(plugin_env, str(tmp_path / "site"), "--exercise", "speedy-wins", INNERWORK_BUILD_CACHE=str(cache))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "'speedy-wins' comes from" in done.stderr and "speedy-wins.yaml" in done.stderr
    assert "compiled (innerwork-compiled 0.1.0): has compiled code: innerwork_compiled/_speedups.so" in done.stderr
    assert not cache.exists() and not (tmp_path / "site").exists()


def test_an_exercise_of_a_plugin_needing_numpy_is_refused_naming_it(plugin_env, grounding_site, tmp_path):
    # after the grounding site, the site's wheels are in the build cache: this build downloads nothing
    done = build(plugin_env, str(tmp_path / "site"), "--exercise", "counted-wins")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "'counted-wins' comes from the plugin needs_numpy (innerwork-needs-numpy 0.1.0)" in done.stderr
    assert "needs 'numpy', which is not in the site" in done.stderr
    assert not (tmp_path / "site").exists()


def test_the_pure_plugin_goes_to_the_site_with_its_entry_point_and_json_exercises(grounding_site):
    out, printed = grounding_site
    assert "plugin grounding (innerwork-grounding 0.3.0), with 1 exercise(s)" in printed
    # six is not in the site by itself: its pure wheel comes from the package index for the plugin needing it
    assert "six>=1.16, for a plugin: six-1.17.0-py2.py3-none-any.whl" in printed
    assert "plugin needs_six (innerwork-needs-six 0.1.0), with 0 exercise(s)" in printed
    assert "numpy: no wheel for the browser on the package index" in printed
    assert "not in the site: compiled (innerwork-compiled 0.1.0): has compiled code" in printed
    assert "not in the site: needs_numpy (innerwork-needs-numpy 0.1.0): needs 'numpy'" in printed
    folder = out / "static" / "pyodide"
    lock = json.loads((folder / "pyodide-lock.json").read_text())
    entry = lock["packages"]["innerwork-grounding"]
    assert entry["imports"] == ["innerwork_grounding"] and (folder / entry["file_name"]).is_file()
    assert not {"innerwork-compiled", "innerwork-needs-numpy", "numpy"} & set(lock["packages"])
    assert {"six", "innerwork-needs-six"} <= set(lock["packages"])
    settings = json.loads((out / "jupyter-lite.json").read_text())["jupyter-config-data"]["litePluginSettings"]
    assert "innerwork_grounding" in settings[f"{pins.KERNEL_EXTENSION}:kernel"]["loadPyodideOptions"]["packages"]
    with zipfile.ZipFile(folder / entry["file_name"]) as archive:
        names = set(archive.namelist())
        entry_points = archive.read("innerwork_grounding-0.3.0.dist-info/entry_points.txt").decode()
        exercise = archive.read("innerwork_grounding/exercises/five-senses.json").decode()
    assert "grounding = innerwork_grounding" in entry_points
    assert "innerwork_grounding/__init__.py" in names and not [n for n in names if n.endswith(".yaml")]
    source = PACKAGES / "innerwork-grounding" / "innerwork_grounding" / "exercises" / "five-senses.yaml"
    assert exercise == wheels.exercise_json(yaml.safe_load(source.read_text(encoding="utf-8")))
    # its module was imported when the page started under Pyodide at build time, so it comes compiled
    (bytecode,) = folder.glob("innerwork_site_bytecode-*.whl")
    with zipfile.ZipFile(bytecode) as archive:
        compiled = set(archive.namelist())
    assert "innerwork_grounding/__pycache__/__init__.cpython-313.pyc" in compiled
    assert {"innerwork_needs_six/__pycache__/__init__.cpython-313.pyc", "__pycache__/six.cpython-313.pyc"} <= compiled


# -- the plugin's exercise in Chromium --------------------------------------------------------------

playwright = pytest.importorskip("playwright.sync_api")


def test_a_participant_does_the_plugins_exercise_in_the_browser(browser, grounding_site):
    out, _ = grounding_site
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", "-b", "127.0.0.1", "-d", str(out), str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/")
        context = browser.new_context(service_workers="allow")
        page_ = context.new_page()
        page_.goto(f"http://127.0.0.1:{port}/")
        page_.locator(".innerwork-step").first.wait_for(timeout=LOAD_TIMEOUT)
        assert "How settled do you feel?" in page_.locator(".innerwork-step").first.inner_text()
        from test_browser import Page

        participant = Page.__new__(Page)
        participant.page = page_
        participant.complete("the blue curtain")
        # the summary is the plugin's own (its ExerciseType.summary), so its code ran in the browser
        assert GROUNDING_SUMMARY in page_.locator(".innerwork-summary").inner_text()
        context.close()
    finally:
        server.terminate()
        server.wait(timeout=10)


def _wait_for(url):
    import urllib.request

    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return
        except OSError:
            time.sleep(0.2)
