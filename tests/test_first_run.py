"""The README's first command as a new user meets it: a fresh venv, the wheel, no extras, a browser.

The rest of the suite runs with the test extras installed, which would hide a run-time dependency
missing from the package's own requirements (for one, the Python kernel every page runs in).
"""

import os
import subprocess
import sys
import time
import urllib.request
import venv
from pathlib import Path

import pytest
from browser_pages import ARGS, CHROMIUM
from ports import free_port

ROOT = Path(__file__).parent.parent
READY = "the page is ready at "


@pytest.fixture(scope="module")
def fresh_install(tmp_path_factory):
    """A new venv (no system site-packages) holding the innerwork wheel and its own requirements only."""
    folder = tmp_path_factory.mktemp("fresh")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder / "dist"), str(ROOT)],
        check=True,
    )
    [wheel] = (folder / "dist").glob("innerwork-*.whl")
    venv.create(folder / "venv", with_pip=True)
    subprocess.run(
        [
            str(folder / "venv" / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            str(wheel),
        ],
        check=True,
    )
    return folder


class Started:
    """``innerwork COMMAND`` from the fresh venv, its output kept in a file."""

    def __init__(self, folder: Path, *args: str):
        self.port = free_port()
        self.log_path = folder / f"innerwork-{self.port}.log"
        env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
        env.update(
            INNERWORK_HOME=str(folder / "home"),
            PYTHONUNBUFFERED="1",
            PATH=f"{folder / 'venv' / 'bin'}:{env.get('PATH', '')}",
        )
        with open(self.log_path, "w") as log:
            self.process = subprocess.Popen(
                [str(folder / "venv" / "bin" / "innerwork"), *args, "--no-browser", "--port", str(self.port)],
                env=env,
                cwd=folder,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def output(self) -> str:
        return self.log_path.read_text()

    def address(self, timeout: float = 120) -> str:
        """The address innerwork printed as ready; fails if it stopped or never said so."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in self.output().splitlines():
                if READY in line:
                    return line.split(READY, 1)[1].split()[0]
            assert self.process.poll() is None, self.output()
            time.sleep(0.2)
        raise AssertionError(f"innerwork never said the page was ready:\n{self.output()}")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def answers_at_once(url: str) -> int:
    """The status of one request made the moment the address is printed (no retry)."""
    with urllib.request.urlopen(url + "voila/static/voila.js", timeout=10) as response:
        return response.status


def widgets_in_chromium(url: str, text: str) -> bool:
    """True when ``text`` shows in the page's rendered widgets in headless Chromium."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            page.goto(url)
            page.locator(".jupyter-widgets").get_by_text(text).first.wait_for(timeout=60_000)
            return page.locator(".jupyter-widgets button").count() > 0
        finally:
            browser.close()


@pytest.mark.slow
def test_readme_first_command_serves_a_working_page_from_a_fresh_venv(fresh_install):
    server = Started(fresh_install, "serve")
    try:
        url = server.address()
        assert answers_at_once(url) == 200
        assert widgets_in_chromium(url, "Need help now?")
        assert "Traceback" not in server.output()
    finally:
        server.stop()


@pytest.mark.slow
def test_preview_from_a_fresh_venv_shows_the_file(fresh_install):
    draft = fresh_install / "draft.yaml"
    draft.write_text(
        (ROOT / "exercises" / "quick-body-check.yaml")
        .read_text()
        .replace("title: Quick body check", "title: My fresh draft", 1)
    )
    server = Started(fresh_install, "preview", str(draft))
    try:
        url = server.address()
        assert answers_at_once(url) == 200
        assert widgets_in_chromium(url, "My fresh draft")
    finally:
        server.stop()


@pytest.mark.slow
def test_the_gentle_checks_classifier_works_with_the_packages_own_requirements(fresh_install):
    """The weights ship in the wheel and scoring needs nothing beyond the standard library (no numpy, no scikit-learn)."""
    code = (
        "import sys; from innerwork_plugins.gentle import should_notice; "
        "print(should_notice('I keep counting the pills in the drawer.'), should_notice('I had a lovely walk today.'), "
        "sorted(m for m in ('numpy', 'sklearn', 'scipy') if m in sys.modules))"
    )
    python = str(fresh_install / "venv" / "bin" / "python")
    shown = subprocess.run([python, "-c", code], cwd=fresh_install, capture_output=True, text=True, check=True).stdout
    assert shown.strip() == "True False []"


@pytest.mark.slow
def test_without_a_python_kernel_serve_says_how_to_fix_it(fresh_install):
    python = str(fresh_install / "venv" / "bin" / "python")
    subprocess.run([python, "-m", "pip", "uninstall", "--quiet", "--yes", "ipykernel"], check=True)
    try:
        server = Started(fresh_install, "serve")
        assert server.process.wait(timeout=60) == 1
        output = server.output()
        assert "pip install ipykernel" in output and "Traceback" not in output
    finally:
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "ipykernel"], check=True
        )
