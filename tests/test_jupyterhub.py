"""A real JupyterHub on 127.0.0.1 with deploy/jupyterhub/jupyterhub_config.py: two people sign in, each
completes an exercise on their own workshop page, and each one's history holds only their own entry."""
import os
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("jupyterhub")
from ports import free_port  # noqa: E402
from test_browser import Page, browser  # noqa: E402,F401  (the browser fixture)

ROOT = Path(__file__).parent.parent
CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
PROXY = ROOT / ".ci" / "chp" / "node_modules" / ".bin" / "configurable-http-proxy"
if not PROXY.exists():
    pytest.skip("configurable-http-proxy is not installed (.ci/run installs it from npm)", allow_module_level=True)


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """JupyterHub with the shipped config, a dummy login and one local process per user (homes in a temp folder)."""
    folder = tmp_path_factory.mktemp("hub")
    port = free_port()
    (folder / "test_config.py").write_text(f"""
c = get_config()
load_subconfig({str(CONFIG)!r})
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(folder / "{username}")!r}
c.JupyterHub.db_url = "sqlite:///{folder / 'hub.sqlite'}"
if {os.geteuid() == 0}:  # CI machines run as root; a real deployment would not
    c.Spawner.args = [*c.Spawner.args, "--allow-root"]
""")
    log = open(folder / "hub.log", "w+")
    process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(folder / "test_config.py")],
                               cwd=folder, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"{url}/hub/health", timeout=5)
            break
        except OSError:
            log.seek(0)
            assert process.poll() is None and time.monotonic() < deadline, log.read()
            time.sleep(0.5)
    yield url, folder
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def sign_in_and_finish_wins_log(browser, url, name, win):
    context = browser.new_context()
    login = context.new_page()
    login.goto(f"{url}/hub/login")
    login.fill("#username_input", name)
    login.fill("#password_input", "any password")
    login.click("#login_submit")
    login.wait_for_url("**/voila/render/workshop.ipynb**", timeout=180_000)  # the spawned server's default view
    page = Page(context, login.url)
    login.close()
    page.start("Wins log")
    page.complete(win)
    page.page.locator(".lm-AccordionPanel-header, .jupyter-widget-Collapse-header, span",
                      has_text="Your entries").first.click()
    history = page.page.locator(".innerwork-history")
    history.get_by_text("Wins log · finished").first.wait_for(timeout=15_000)
    return context, history


def test_each_person_sees_only_their_own_entries(browser, hub):
    url, folder = hub
    alice, alice_history = sign_in_and_finish_wins_log(browser, url, "alice", "Alice planted seeds")
    bob, bob_history = sign_in_and_finish_wins_log(browser, url, "bob", "Bob fixed the bike")
    assert bob_history.get_by_text("Wins log · finished").count() == 1
    assert "Alice" not in bob_history.inner_text()
    for name, own, other in (("alice", "Alice planted seeds", "Bob"), ("bob", "Bob fixed the bike", "Alice")):
        [answers_file] = (folder / name).rglob("innerwork.sqlite3")  # in that person's own home folder
        with sqlite3.connect(answers_file) as conn:
            rows = [r[0] for r in conn.execute("SELECT answers FROM entries WHERE status = 'completed'")]
        assert len(rows) == 1 and own in rows[0] and other not in rows[0]
    alice.close()
    bob.close()
