"""The workshop page in a real Chromium against a real `innerwork serve` on 127.0.0.1."""

import asyncio
import json
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from browser_pages import AXE, CHROMIUM, NASTY, ONE_OF_EACH, Page, Server

playwright = pytest.importorskip("playwright.sync_api")

if not Path(CHROMIUM).exists():
    pytest.skip("Debian's chromium is not installed (.ci/run installs it)", allow_module_level=True)


@pytest.fixture(scope="module")
def personal(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("personal") / "home")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def workshop(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("workshop") / "home", "--workshop")
    yield server
    server.stop()


def test_gallery_shows_help_and_loads_nothing_from_other_hosts(browser, personal):
    context = browser.new_context()
    page = Page(context, personal.url)
    assert page.page.get_by_role("button", name="Start: Step ladder").is_visible()
    help_button = page.page.get_by_role("button", name="Need help now?").first
    help_button.focus()
    page.page.keyboard.press("Enter")
    panel = page.page.locator(".innerwork-help-panel").first
    panel.wait_for()
    hrefs = [a.get_attribute("href") for a in panel.locator("a").all()]
    assert "tel:988" in hrefs and "tel:116123" in hrefs
    # innerwork's page template asks nothing of any other host (Voila's own links Font Awesome on a CDN)
    assert page.outside_requests() == [], page.outside_requests()
    context.close()


@pytest.mark.parametrize("exercise_type", sorted(ONE_OF_EACH))
def test_complete_one_exercise_of_each_type_and_download_the_answers(browser, personal, exercise_type, tmp_path):
    context = browser.new_context(accept_downloads=True)
    page = Page(context, personal.url)
    page.start(ONE_OF_EACH[exercise_type])
    page.complete("Typed in the browser", keyboard=exercise_type in ("reflection", "wins-log"))
    summary = page.page.locator(".innerwork-summary").inner_text()
    assert ONE_OF_EACH[exercise_type] in summary
    with page.page.expect_download() as info:
        page.page.get_by_text("Download my answers (JSON)").click()
    data = json.loads(Path(info.value.path()).read_text())
    [entry] = data["entries"]
    assert entry["status"] == "completed" and entry["type"] == exercise_type
    assert "Typed in the browser" in json.dumps(entry["answers"])
    # personal mode: after a reload the entry is in history
    page.page.reload()
    page.page.get_by_role("button", name="Need help now?").first.wait_for(timeout=60_000)
    page.page.locator(
        ".lm-AccordionPanel-header, .jupyter-widget-Collapse-header, span", has_text="Your entries"
    ).first.click()
    page.page.locator(".innerwork-history", has_text=f"{ONE_OF_EACH[exercise_type]} · finished").wait_for(
        timeout=15_000
    )
    context.close()


def test_workshop_participants_never_see_each_other(browser, workshop):
    first = browser.new_context()
    page = Page(first, workshop.url)
    assert page.page.get_by_text("nothing is kept on the server").is_visible()
    page.start("Wins log")
    page.complete("Only mine")
    page.page.locator(
        ".lm-AccordionPanel-header, .jupyter-widget-Collapse-header, span", has_text="Your entries"
    ).first.click()
    page.page.locator(".innerwork-history", has_text="Wins log · finished").wait_for(timeout=15_000)
    second = browser.new_context()
    other = Page(second, workshop.url)
    other.page.locator(
        ".lm-AccordionPanel-header, .jupyter-widget-Collapse-header, span", has_text="Your entries"
    ).first.click()
    history = other.page.locator(".innerwork-history")
    history.get_by_text("No entries yet.").wait_for()
    assert "Only mine" not in other.page.content()
    assert not list((Path(workshop.log.name).parent / "home").glob("*.sqlite3"))  # nothing written on the server
    first.close()
    second.close()


KERNEL_ID = re.compile(r'kernelId": "([0-9a-f-]{36})"')
OPEN_SOCKET = """id => new Promise(done => {
    const socket = new WebSocket(`ws://${location.host}/api/kernels/${id}/channels?session_id=intruder`);
    socket.onopen = () => done("open");
    socket.onerror = socket.onclose = () => done("refused");
})"""


def raw_socket_status(url):
    """The HTTP status a websocket client without cookies gets at ``url`` (101 if it is let in)."""
    from tornado.httpclient import HTTPClientError
    from tornado.websocket import websocket_connect

    async def connect():
        try:
            (await websocket_connect(url)).close()
        except HTTPClientError as error:
            return error.code
        return 101

    with ThreadPoolExecutor(1) as thread:  # Playwright's own event loop runs in this one
        return thread.submit(asyncio.run, connect()).result()


def test_a_kernel_answers_only_the_browser_that_opened_its_page(browser, workshop):
    first, second = browser.new_context(), browser.new_context()
    participant = Page(first, workshop.url)
    kernel_id = KERNEL_ID.search(participant.page.content()).group(1)
    intruder = second.new_page()
    intruder.goto(workshop.url + "voila/static/voila.js")  # the same site, but another browser
    assert second.request.get(f"{workshop.url}api/kernels/{kernel_id}").status == 403
    assert second.request.post(f"{workshop.url}voila/api/shutdown/{kernel_id}").status == 403
    assert intruder.evaluate(OPEN_SOCKET, kernel_id) == "refused"
    socket_url = f"ws://127.0.0.1:{workshop.port}/api/kernels/{kernel_id}/channels?session_id=raw"
    assert raw_socket_status(socket_url) == 403
    # the participant's own page still works: type an answer, go on to the next step
    assert first.request.get(f"{workshop.url}api/kernels/{kernel_id}").status == 200
    participant.start(ONE_OF_EACH["self-compassion"])
    participant.fill_step("still mine")
    old = participant.page.locator(".innerwork-step > *").first.element_handle()
    participant.page.locator(".innerwork-app button", has_text="Finish").or_(
        participant.page.locator(".innerwork-app button", has_text="Next")
    ).first.click()
    participant.page.wait_for_function("e => !e.isConnected", arg=old, timeout=15_000)
    assert participant.page.locator(".innerwork-step, .innerwork-summary").first.is_visible()
    first.close()
    second.close()


def test_typed_html_and_scripts_never_run(browser, personal):
    context = browser.new_context()
    page = Page(context, personal.url)
    page.start("Wins log")
    page.complete(NASTY)
    assert page.page.evaluate("window.__pwned") is None
    assert page.page.locator(".innerwork-summary img").count() == 0
    assert "<img src=x" in page.page.locator(".innerwork-summary").inner_text()  # shown as text
    assert page.dialogs == []
    context.close()


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (.ci/run installs it from npm)")
def test_accessibility_of_gallery_and_an_exercise(browser, personal):
    context = browser.new_context(bypass_csp=True)
    page = Page(context, personal.url)

    def serious():
        page.page.add_script_tag(path=str(AXE))
        result = page.page.evaluate("axe.run(document)")
        return [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
            if v["impact"] in ("serious", "critical")
        ]

    assert serious() == []
    page.start("Quick body check")
    assert serious() == []
    context.close()


def test_help_is_on_every_exercise_and_reachable_by_keyboard(browser, personal):
    import innerwork

    context = browser.new_context()
    page = Page(context, personal.url)
    for exercise in innerwork.exercises():
        page.start(exercise.title)
        page.page.get_by_role("button", name="Back to all exercises").focus()
        for _ in range(40):  # Tab from the top of the exercise until the help button has the focus
            page.page.keyboard.press("Tab")
            if page.page.evaluate("document.activeElement.textContent.trim()") == "Need help now?":
                break
        else:
            raise AssertionError(f"{exercise.id}: the help button cannot be reached with Tab")
        page.page.keyboard.press("Enter")
        panel = page.page.locator(".innerwork-help-panel").filter(has=page.page.locator("a[href^='tel:']")).first
        panel.wait_for()
        assert "tel:988" in [a.get_attribute("href") for a in panel.locator("a").all()], exercise.id
        page.page.get_by_role("button", name="Back to all exercises").click()
        page.page.get_by_role("button", name=f"Start: {exercise.title}").wait_for()
    assert all(page.failed.get(u) == "csp" for u in page.outside_requests()), page.outside_requests()
    context.close()


def test_gentle_note_appears_in_the_page(browser, personal):
    context = browser.new_context()
    page = Page(context, personal.url)
    page.start("Talk to yourself like a friend")
    for _ in range(10):
        if page.page.locator(".innerwork-step textarea, .innerwork-step .widget-text input").count():
            break
        page.page.locator(".innerwork-app button", has_text="Next").first.click()
        page.page.wait_for_timeout(400)
    page.page.locator(".innerwork-step textarea, .innerwork-step .widget-text input").first.click()
    page.page.keyboard.type("I don’t want to live anymore")
    note = page.page.locator(".innerwork-gentle-note")
    note.get_by_text("You don't have to carry this alone").wait_for(timeout=15_000)
    assert page.page.locator(".innerwork-app .innerwork-help-panel a[href='tel:988']").is_visible()
    note.get_by_role("button", name="Hide this note").click()
    note.get_by_text("You don't have to carry this alone").wait_for(state="detached", timeout=15_000)
    context.close()


def test_preview_shows_an_authors_file_and_picks_up_edits(browser, tmp_path):
    from innerwork.paths import shipped

    draft = tmp_path / "draft.yaml"
    draft.write_text(
        (shipped("exercises") / "quick-body-check.yaml")
        .read_text()
        .replace("title: Quick body check", "title: My draft body check", 1)
    )
    server = Server(tmp_path / "home", command=("preview", str(draft)))
    try:
        context = browser.new_context()
        page = Page(context, server.url)
        page.page.get_by_text("My draft body check").first.wait_for()
        assert page.page.get_by_text("Answers are not saved.").is_visible()
        draft.write_text(draft.read_text().replace("My draft body check", "My edited body check", 1))
        page.page.reload()
        page.page.get_by_text("My edited body check").first.wait_for(timeout=60_000)
        context.close()
    finally:
        server.stop()
