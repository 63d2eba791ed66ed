"""The page on a phone and a desktop, light and dark, and through the accessibility tree with the keyboard.

A real `innerwork serve` and a real Chromium: no sideways scrolling, the first question on the first
screen after "Start", buttons of at least 44x44 px, axe-core over the whole page, nothing from another
host; announcements in live regions, focus on the new step, fields named by their questions, ratings
as radio groups, "Your entries" and the help panel as disclosure buttons.
"""

import re

import pytest
from browser_pages import AXE, ONE_OF_EACH, Page, Server

playwright = pytest.importorskip("playwright.sync_api")

PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
MODES = [
    pytest.param(device, scheme, id=f"{name}-{scheme}")
    for name, device in (("phone", PHONE), ("desktop", DESKTOP))
    for scheme in ("light", "dark")
]
CRISIS = "I want to kill myself"

SMALL_BUTTONS = """() => [...document.querySelectorAll('button, [role=button], summary')]
  .filter(b => b.offsetParent !== null)
  .map(b => [b.textContent.trim() || b.getAttribute('aria-label'), b.getBoundingClientRect()])
  .filter(([, r]) => r.width < 43.5 || r.height < 43.5)
  .map(([name, r]) => `${name}: ${Math.round(r.width)}x${Math.round(r.height)}`)"""
SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(
        tmp_path_factory.mktemp("design") / "home", "--max-participants", "40", command=("serve", "--room", "3")
    )
    yield server
    server.stop()


def axe_serious(page):
    """axe-core over the whole document: the serious and critical violations."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document)")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def check_layout(page, where):
    assert page.evaluate(SIDEWAYS) <= 0, f"{where}: the page scrolls sideways"
    assert page.evaluate(SMALL_BUTTONS) == [], f"{where}: buttons under 44x44 px"


def next_step(app_page):
    button = (
        app_page.page.locator(".innerwork-app button", has_text="Finish")
        .or_(app_page.page.locator(".innerwork-app button", has_text="Next"))
        .first
    )
    old = app_page.page.locator(".innerwork-step > *").first.element_handle()
    button.click()
    app_page.page.wait_for_function("e => !e.isConnected", arg=old, timeout=15_000)
    app_page.page.wait_for_timeout(300)


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (.ci/run installs it from npm)")
@pytest.mark.parametrize("device, scheme", MODES)
def test_every_page_fits_the_screen_and_passes_axe(browser, server, device, scheme):
    context = browser.new_context(color_scheme=scheme, bypass_csp=True, **device)
    page = Page(context, server.url)
    where = f"{device['viewport']['width']} {scheme}"
    page.page.wait_for_timeout(500)
    check_layout(page.page, f"{where} gallery")
    assert axe_serious(page.page) == [], f"{where} gallery"
    page.page.get_by_role("button", name="Need help now?").first.click()
    page.page.locator(".innerwork-help-panel a[href^='tel:']").first.wait_for()
    check_layout(page.page, f"{where} help panel")
    assert axe_serious(page.page) == [], f"{where} help panel"
    page.page.get_by_role("button", name="Hide help").first.click()
    for exercise_type, title in sorted(ONE_OF_EACH.items()):
        page.start(title)
        page.page.wait_for_timeout(400)
        heading = page.page.locator(".innerwork-step h2").first
        box = heading.bounding_box()
        assert box and 0 <= box["y"] and box["y"] + box["height"] <= device["viewport"]["height"], (
            f"{where} {exercise_type}: the first question is not on the first screen"
        )
        first = True
        for _ in range(30):
            if page.page.locator(".innerwork-summary").count():
                break
            check_layout(page.page, f"{where} {exercise_type} step")
            if first:
                assert axe_serious(page.page) == [], f"{where} {exercise_type} first step"
                first = False
            page.fill_step("Typed on a small screen")
            page.page.wait_for_timeout(150)
            next_step(page)
        check_layout(page.page, f"{where} {exercise_type} summary")
        assert axe_serious(page.page) == [], f"{where} {exercise_type} summary"
        page.page.get_by_role("button", name="Back to all exercises").click()
        page.page.get_by_role("button", name=f"Start: {title}").wait_for()
    entries = page.page.get_by_role("button", name="Your entries")
    entries.click()
    page.page.locator(".innerwork-history", has_text="finished").first.wait_for(timeout=15_000)
    check_layout(page.page, f"{where} history")
    assert axe_serious(page.page) == [], f"{where} history"
    assert page.outside_requests() == [], page.outside_requests()
    context.close()


def test_page_title_landmark_and_headings(browser, server):
    context = browser.new_context()
    page = Page(context, server.url)
    assert page.page.title() == "Exercises · innerwork"
    assert page.page.get_by_role("main").count() == 1
    page.start("Quick body check")
    page.page.wait_for_function("document.title === 'Quick body check · innerwork'")
    levels = page.page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')]"
        ".filter(h => h.offsetParent !== null).map(h => +h.tagName[1])"
    )
    assert levels[0] == 1 and all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    context.close()


def test_after_next_the_focus_is_on_the_new_steps_heading(browser, server):
    context = browser.new_context()
    page = Page(context, server.url)
    page.start("Before-session preparation")
    for _ in range(3):
        page.page.locator(".innerwork-app button", has_text="Next").first.focus()
        old = page.page.locator(".innerwork-step > *").first.element_handle()
        page.page.keyboard.press("Enter")
        page.page.wait_for_function("e => !e.isConnected", arg=old, timeout=15_000)
        page.page.wait_for_function("document.activeElement.matches('.innerwork-step h2')", timeout=5_000)
        assert page.page.evaluate("document.activeElement !== document.body")
    context.close()


def test_fields_are_named_by_their_question_and_problems_are_announced(browser, server):
    context = browser.new_context()
    page = Page(context, server.url)
    page.start("A self-compassion break")
    for _ in range(10):  # to the first step with a text field
        if page.page.locator(".innerwork-step textarea").count():
            break
        next_step(page)
    question = page.page.locator(".innerwork-step .innerwork-question").first.inner_text().strip()
    field = page.page.get_by_role("textbox", name=re.compile(re.escape(question[:30])))
    assert field.count() == 1, question
    page.page.locator(".innerwork-step textarea").first.fill("")
    required = page.page.locator(".innerwork-app button", has_text="Next").first
    for _ in range(8):  # find a required step: Next leaves a problem in the alert region
        required.click()
        page.page.wait_for_timeout(600)
        problem = page.page.locator(".innerwork-problem[role=alert]")
        if problem.count() and problem.first.inner_text().strip():
            break
        if page.page.locator(".innerwork-summary").count():
            pytest.fail("no required step found")
    else:
        pytest.fail("no problem was ever shown")
    invalid = page.page.locator(".innerwork-step [aria-invalid=true]").first
    invalid.wait_for(timeout=5_000)
    assert page.page.locator(".innerwork-problem").first.get_attribute("id") in invalid.get_attribute(
        "aria-describedby"
    )
    context.close()


def test_the_gentle_note_is_an_alert_and_the_focus_stays_in_the_text(browser, server):
    context = browser.new_context()
    page = Page(context, server.url)
    page.start("Talk to yourself like a friend")
    for _ in range(10):
        if page.page.locator(".innerwork-step textarea").count():
            break
        next_step(page)
    box = page.page.locator(".innerwork-step textarea").first
    box.click()
    page.page.keyboard.type(CRISIS)
    note = page.page.locator(".innerwork-gentle-note[role=alert]")
    note.get_by_text("You don't have to carry this alone").wait_for(timeout=15_000)
    assert page.page.evaluate("document.activeElement.tagName") == "TEXTAREA"
    assert page.page.locator(".innerwork-saved[role=status]").count() >= 1
    help_button = page.page.locator(".innerwork-help[aria-expanded=true]").first
    help_button.wait_for(timeout=5_000)
    links = page.page.get_by_role("link", name=re.compile(r"^Call 988, "))
    assert links.count() >= 1
    context.close()


def test_ratings_are_radio_groups_with_arrow_keys(browser, server):
    context = browser.new_context()
    page = Page(context, server.url)
    page.start("A self-compassion break")
    for _ in range(10):
        if page.page.get_by_role("radiogroup").count():
            break
        page.fill_step("Something mildly hard")
        page.page.wait_for_timeout(150)
        next_step(page)
    group = page.page.get_by_role("radiogroup").first
    assert group.get_attribute("aria-labelledby")
    group.get_by_role("radio", name="5").click()
    page.page.wait_for_function("document.querySelector('[role=radio][aria-checked=true]')?.textContent.trim() === '5'")
    page.page.keyboard.press("ArrowRight")
    page.page.wait_for_function("document.querySelector('[role=radio][aria-checked=true]')?.textContent.trim() === '6'")
    assert page.page.evaluate("document.activeElement.textContent.trim()") == "6"
    context.close()


def test_your_entries_opens_with_the_keyboard(browser, server):
    context = browser.new_context()
    page = Page(context, server.url)
    entries = page.page.get_by_role("button", name="Your entries")
    assert entries.get_attribute("aria-expanded") == "false"
    entries.focus()
    page.page.keyboard.press("Enter")
    page.page.wait_for_function(
        "[...document.querySelectorAll('[role=button]')].some(b => b.textContent.includes('Your entries')"
        " && b.getAttribute('aria-expanded') === 'true')"
    )
    page.page.locator(".innerwork-history").first.wait_for()
    context.close()


def test_at_320_px_the_gallery_and_an_exercise_reflow_without_sideways_scrolling(browser, server):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = Page(context, server.url)
    assert page.page.evaluate(SIDEWAYS) <= 0
    page.start("Needs inventory")
    page.page.wait_for_timeout(500)
    assert page.page.evaluate(SIDEWAYS) <= 0
    context.close()
