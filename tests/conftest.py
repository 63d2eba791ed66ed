from pathlib import Path

import pytest
from browser_pages import ARGS, CHROMIUM

pytest_plugins = ["pytester"]


@pytest.fixture(scope="module")
def browser():
    """Debian's headless Chromium driven by Playwright, shared by a test module."""
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (.ci/run installs it)")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Every test gets its own answers folder; nothing touches the real one."""
    monkeypatch.setenv("INNERWORK_HOME", str(tmp_path / "home"))
    from innerwork.ui import notebook

    notebook._default_store.cache_clear()
    yield tmp_path / "home"
    notebook._default_store.cache_clear()


@pytest.fixture
def only_plugins(monkeypatch):
    """Load only the named plugins or distributions in this test, whatever else is installed:
    ``only_plugins("innerwork")`` keeps innerwork's own built-in plugins."""
    from innerwork.catalogue.loader import reset

    def choose(*names):
        monkeypatch.setenv("INNERWORK_LOAD_PLUGINS", ",".join(names))
        reset()

    yield choose
    reset()
