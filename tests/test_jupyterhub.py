"""A real JupyterHub on 127.0.0.1 with deploy/jupyterhub/jupyterhub_config.py and the sign-in settings that
deploy/jupyterhub/values.yaml ships: the facilitator and two people sign up, the facilitator approves them,
each completes an exercise on their own workshop page and sees only their own entry, and a stranger who
knows a name but not its password sees nothing of that person's."""

import os
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("jupyterhub")
pytest.importorskip("nativeauthenticator")
from browser_pages import Page  # noqa: E402
from ports import free_port  # noqa: E402

ROOT = Path(__file__).parent.parent
CONFIG = ROOT / "deploy" / "jupyterhub" / "jupyterhub_config.py"
VALUES = ROOT / "deploy" / "jupyterhub" / "values.yaml"
PROXY = ROOT / ".ci" / "chp" / "node_modules" / ".bin" / "configurable-http-proxy"
if not PROXY.exists():
    pytest.skip("configurable-http-proxy is not installed (.ci/run installs it from npm)", allow_module_level=True)

FACILITATOR = ("facilitator", "lantern-on-the-hill")
ALICE = ("alice", "alice-plants-seeds")
BOB = ("bob", "bob-rides-bikes")
ALICE_WIN = "Alice planted seeds"


@pytest.fixture(scope="module")
def hub(tmp_path_factory):
    """JupyterHub with the shipped config and the shipped sign-in, one local process per user (homes in a temp folder)."""
    folder = tmp_path_factory.mktemp("hub")
    port = free_port()
    (folder / "test_config.py").write_text(f"""
import yaml
c = get_config()
load_subconfig({str(CONFIG)!r})
# hub.config and hub.loadRoles from values.yaml, applied the way zero-to-jupyterhub's hub applies them
with open({str(VALUES)!r}) as values:
    shipped = yaml.safe_load(values)["hub"]
for section, settings in shipped["config"].items():
    c[section].update(settings)
c.JupyterHub.load_roles.extend({{"name": name, **role}} for name, role in shipped.get("loadRoles", {{}}).items())
c.JupyterHub.bind_url = "http://127.0.0.1:{port}"
c.JupyterHub.hub_port = {free_port()}
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:{free_port()}"
c.ConfigurableHTTPProxy.command = [{str(PROXY)!r}]
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = {str(folder / "{username}")!r}
c.JupyterHub.db_url = "sqlite:///{folder / "hub.sqlite"}"
if {os.geteuid() == 0}:  # CI machines run as root; a real deployment would not
    c.Spawner.args = [*c.Spawner.args, "--allow-root"]
""")
    log = open(folder / "hub.log", "w+")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterhub", "-f", str(folder / "test_config.py")],
        cwd=folder,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
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


def sign_up(context, url, name, password):
    """Fill in the hub's sign-up form; returns the message it answers with."""
    page = context.new_page()
    response = page.goto(f"{url}/hub/signup")
    assert response.ok, f"{url}/hub/signup answered {response.status}: this hub's sign-in has no sign-up page"
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    page.fill("#password_confirmation_input", password)
    page.click("#signup_submit")
    message = page.locator("[role=alert]").inner_text()
    page.close()
    return message


def sign_in(context, url, name, password, next_url=""):
    """Fill in the hub's sign-in form; returns the page it leads to (still open)."""
    page = context.new_page()
    page.goto(f"{url}/hub/login?next={next_url}")
    page.fill("#username_input", name)
    page.fill("#password_input", password)
    page.click("#login_submit")
    page.wait_for_load_state()
    return page


def refusal(page):
    """The sign-in page's error, or None when the sign-in went through."""
    error = page.locator(".login_error")
    return error.inner_text() if "/hub/login" in page.url and error.count() else None


def finish_wins_log(context, page, win):
    page.wait_for_url("**/voila/render/workshop.ipynb**", timeout=180_000)  # the spawned server's default view
    workshop = Page(context, page.url)
    page.close()
    workshop.start("Wins log")
    workshop.complete(win)
    workshop.page.locator(
        ".lm-AccordionPanel-header, .jupyter-widget-Collapse-header, span", has_text="Your entries"
    ).first.click()
    history = workshop.page.locator(".innerwork-history")
    history.get_by_text("Wins log · finished").first.wait_for(timeout=15_000)
    return history


@pytest.fixture(scope="module")
def facilitator(browser, hub):
    """The facilitator's signed-in browser, their account made first as the README says."""
    url, _ = hub
    context = browser.new_context()
    sign_up(context, url, *FACILITATOR)  # needs no approval (allowed_users), though the page says it was sent
    page = sign_in(context, url, *FACILITATOR, next_url="/hub/authorize")  # the approval page, not a server
    assert refusal(page) is None
    page.close()
    yield context
    context.close()


def approve(facilitator, url, name):
    page = facilitator.new_page()
    page.goto(f"{url}/hub/authorize")
    page.locator(f"tr[id={name}]").get_by_role("button", name="Authorize", exact=True).click()
    page.locator(f"tr[id={name}]").get_by_text("Yes", exact=True).wait_for()
    page.close()


@pytest.fixture(scope="module")
def participants(browser, hub, facilitator):
    """Alice and Bob, signed up, approved, and each finished a wins log on their own workshop page."""
    url, _ = hub
    people = {}
    for (name, password), win in ((ALICE, ALICE_WIN), (BOB, "Bob fixed the bike")):
        context = browser.new_context()
        assert "sent to the admin" in sign_up(context, url, name, password)
        waiting = sign_in(context, url, name, password)
        assert "not been authorized" in refusal(waiting)  # a sign-up alone lets no one in
        waiting.close()
        approve(facilitator, url, name)
        people[name] = context, finish_wins_log(context, sign_in(context, url, name, password), win)
    yield people
    for context, _ in people.values():
        context.close()


def test_each_person_sees_only_their_own_entries(hub, participants):
    _, folder = hub
    _, bob_history = participants["bob"]
    assert bob_history.get_by_text("Wins log · finished").count() == 1
    assert "Alice" not in bob_history.inner_text()
    for name, own, other in (("alice", ALICE_WIN, "Bob"), ("bob", "Bob fixed the bike", "Alice")):
        [answers_file] = (folder / name).rglob("innerwork.sqlite3")  # in that person's own home folder
        with sqlite3.connect(answers_file) as conn:
            rows = [r[0] for r in conn.execute("SELECT answers FROM entries WHERE status = 'completed'")]
        assert len(rows) == 1 and own in rows[0] and other not in rows[0]


def test_a_wrong_password_is_refused_and_shows_nothing_of_theirs(browser, hub, participants):
    url, _ = hub
    stranger = browser.new_context()
    page = sign_in(stranger, url, "alice", "alice-plants-trees")
    assert refusal(page) == "Invalid username or password."
    # Alice's server is running, but the stranger is sent back to sign in, from the page and from the API
    page.goto(f"{url}/user/alice/voila/render/workshop.ipynb")
    assert "/hub/login" in page.url and ALICE_WIN not in page.content()
    for path in ("/user/alice/api/contents", "/user/alice/api/sessions", "/hub/api/users/alice"):
        response = stranger.request.get(f"{url}{path}", max_redirects=0)
        assert response.status in (302, 401, 403), (path, response.status)
        assert ALICE_WIN not in response.text()
    # The name is taken: signing up as alice again neither replaces her password nor lets the stranger in
    assert "already in use" in sign_up(stranger, url, "alice", "alice-plants-trees")
    assert refusal(sign_in(stranger, url, "alice", "alice-plants-trees")) == "Invalid username or password."
    cookies = {cookie["name"] for cookie in stranger.cookies()}
    assert "jupyterhub-user-alice" not in cookies and "jupyterhub-hub-login" not in cookies, cookies
    stranger.close()


def test_the_facilitator_cannot_open_a_participants_server(hub, participants, facilitator):
    url, _ = hub
    page = facilitator.new_page()
    response = page.goto(f"{url}/user/alice/voila/render/workshop.ipynb")
    assert response.status == 403 and ALICE_WIN not in page.content()
    page.close()
