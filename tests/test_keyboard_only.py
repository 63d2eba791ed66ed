"""Every built-in exercise done with the keyboard alone, in a real Chromium against a real `innerwork serve`.

For each exercise: Tab to its "Start" button in the gallery and press Enter; on every step, Tab through
the step and answer each field with keys only (typing, Space, arrows, Enter), then Tab to Next and press
Enter (on step 2, Shift+Tab to Back first, and forth again); at the summary, Tab to Close and press Enter.
After every key the focus must be somewhere, never on <body>; after Next it must be on the new step's
heading or a field, after Finish on the summary's heading; every field has a name in Chromium's
accessibility tree; axe-core runs over the whole page on every step and the summary, with no serious or
critical violation allowed.

No mouse, no ``click()``, ``fill()`` or ``focus()``: only ``page.keyboard``. One server and one browser
and one page for all the exercises, each started from the gallery the one before went back to (the
page is reloaded after an exercise that stopped half-way, so one exercise's trouble stays its own).
"""

import re

import pytest
from test_browser import AXE, Page, Server

import innerwork
from innerwork.content.steps import NO_WORDS

playwright = pytest.importorskip("playwright.sync_api")

TYPED = "Something small I noticed"
# the time of the last change to the page, so a test can wait until the page has settled after a key
TRACK_CHANGES = """
window.__iwQuietSince = performance.now();
new MutationObserver(() => { window.__iwQuietSince = performance.now(); })
  .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
"""
SETTLED = "performance.now() - window.__iwQuietSince > 250"
# what has the focus, in words, or null when it is on <body> (or nowhere)
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const group = e.closest('.widget-radio-box, [role=radiogroup]');
  return {
    tag: e.tagName, type: (e.type || '').toLowerCase(), role: e.getAttribute('role') || '',
    text: (e.textContent || '').replace(/\\s+/g, ' ').trim().slice(0, 80),
    inStep: !!e.closest('.innerwork-step'),
    heading: /^H[1-6]$/.test(e.tagName), min: e.getAttribute('min'), max: e.getAttribute('max'),
    checked: !!e.checked, groupChecked: !!(group && group.querySelector('input:checked, [aria-checked=true]')),
    value: typeof e.value === 'string' ? e.value : '', title: e.getAttribute('title') || '',
  };
}"""
AT_NEW_STEP = """() => {
  const e = document.activeElement;
  return !!e && e !== document.body && !!e.closest('.innerwork-step')
    && (/^H[1-6]$/.test(e.tagName) || e.matches('input, textarea, select, [role=radio]'));
}"""
EXERCISES = sorted(innerwork.exercises(), key=lambda e: e.id)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    server = Server(
        tmp_path_factory.mktemp("keyboard") / "home",
        command=("serve", "--workshop", "--room", "2", "--max-participants", "40"),
    )
    yield server
    server.stop()


def describe(focused) -> str:
    if focused is None:
        return "<body>"
    what = focused["role"] or focused["type"] or focused["tag"].lower()
    return f"{what} {focused['text']!r}" if focused["text"] else what


class KeyboardOnly:
    """A person with a keyboard: every key is followed by a check that the focus is somewhere."""

    def __init__(self, page, exercise_id):
        self.page, self.where = page, exercise_id
        self.keys = 0

    def focused(self):
        return self.page.evaluate(FOCUSED)

    def check(self, action):
        focused = self.focused()
        assert focused is not None, f"{self.where}: after {action} the focus fell to <body>"
        return focused

    def settle(self):
        self.page.wait_for_timeout(100)
        self.page.wait_for_function(SETTLED, polling=50, timeout=15_000)

    def tab(self, back=False):
        key = "Shift+Tab" if back else "Tab"
        self.page.keyboard.press(key)
        self.keys += 1
        return self.check(key)

    def press(self, key, settle=True):
        self.page.keyboard.press(key)
        self.keys += 1
        if settle:
            self.settle()
        return self.check(key)

    def type(self, text):
        self.page.keyboard.type(text)
        self.keys += len(text)
        self.settle()
        return self.check(f"typing {text!r}")

    def tab_back_to(self, text, limit=10):
        """Shift+Tab until the control whose text is ``text`` has the focus."""
        for _ in range(limit):
            if self.tab(back=True)["text"] == text:
                return
        raise AssertionError(f"{self.where}: Shift+Tab never reached {text!r}")

    def tab_to(self, text, limit=80):
        """Tab forward until the control whose text is ``text`` has the focus."""
        seen = []
        for _ in range(limit):
            focused = self.tab()
            if focused["text"] == text:
                return focused
            seen.append(describe(focused))
        raise AssertionError(f"{self.where}: Tab never reached {text!r}; it went through {seen}")


def axe_serious(page):
    result = page.evaluate("axe.run(document, { resultTypes: ['violations'] })")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def answer(kb, focused, done):
    """Answer the field that has the focus with keys alone; ``done`` remembers what this step has had."""
    tag, kind = focused["tag"], focused["type"]
    if tag == "TEXTAREA":
        kb.type(TYPED)
        kb.press("Enter", settle=False)
        return kb.type("and a second line")
    if tag == "INPUT" and kind == "text":
        return kb.type(TYPED)
    if tag == "INPUT" and kind == "number":
        low = int(focused["min"] or 0)
        return kb.type(str(max(low, min(int(focused["max"] or 3), 3))))
    if tag == "INPUT" and kind == "date":
        return kb.type("12012026")  # month, day, year in the browser's en-US date field
    if tag == "SELECT":  # a rating per item starts on "not rated": one ArrowDown chooses its first number
        focused = kb.press("ArrowDown")
        assert focused["value"].isdigit(), f"one ArrowDown left a rating on {focused['value']!r}"
        return focused
    if focused["role"] == "radio":  # a rating's radio group: the arrow keys choose
        return kb.press("ArrowRight")
    if tag == "INPUT" and kind == "radio" and not focused["groupChecked"]:
        return kb.press("Space")
    if tag == "INPUT" and kind == "checkbox" and "checkbox" not in done:
        done.add("checkbox")
        return kb.press("Space")
    if tag == "BUTTON" and focused["text"] == "Down" and "order" not in done:  # move the first item down
        done.add("order")
        item = re.search(r"'.*'", focused["title"]).group(0)
        after = kb.press("Enter")
        assert after["tag"] == "BUTTON" and item in after["title"], (
            f"{kb.where}: after moving {item} down the focus is on {describe(after)}, not on {item}'s buttons"
        )
        assert kb.page.locator("#iw-announce").inner_text().endswith(": now 2 of " + str(done_count(kb.page)))
        return after
    if tag == "BUTTON" and focused["text"] == "Start" and "timer" not in done:
        done.add("timer")
        return kb.press("Enter")
    return focused


def done_count(page):
    """How many items an "order" step lists ("1. ...", "2. ...")."""
    return page.locator(".innerwork-step .widget-hbox .widget-label").filter(has_text=re.compile(r"^\d+\. ")).count()


def named_in_the_tree(kb, focused, number):
    """The focused field, as Chromium's accessibility tree has it, has a role and a name."""
    # marked, since ":focus" does not match a date field, whose focus is inside its own parts
    kb.page.evaluate("document.activeElement.setAttribute('data-iw-focused', '')")
    field = kb.page.locator("[data-iw-focused]")
    snapshot = field.aria_snapshot(timeout=5_000)
    field.evaluate("e => e.removeAttribute('data-iw-focused')")
    first = re.match(r'- (\w+) "(.+?)"', snapshot.splitlines()[0] if snapshot else "")
    assert first and first.group(2).strip(), f"{kb.where} step {number}: {describe(focused)} has no name: {snapshot!r}"


def do_step(kb, page, number):
    """Tab through the step shown, answering each field, until Next (or Finish) has the focus."""
    done, seen = set(), []
    for _ in range(60):
        focused = kb.tab()
        if focused["text"] in ("Next", "Finish") and not focused["inStep"]:
            return focused["text"]
        seen.append(describe(focused))
        if focused["inStep"]:
            if focused["tag"] in ("INPUT", "TEXTAREA", "SELECT") or focused["role"] == "radio":
                named_in_the_tree(kb, focused, number)
            after = answer(kb, focused, done)
            assert after["inStep"], f"{kb.where} step {number}: answering {describe(focused)} moved the focus away"
    raise AssertionError(f"{kb.where} step {number}: Tab never reached Next; it went through {seen}")


@pytest.fixture(scope="module")
def gallery(browser, server):
    """One page (and one kernel) for every exercise: each test starts and ends at its gallery."""
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(TRACK_CHANGES)
    page = Page(context, server.url).page
    page.add_script_tag(path=str(AXE))
    yield page
    context.close()


def press_and_move_on(kb, button, where):
    """Enter on the focused Next, Back or Finish; the step changes and the focus lands on the new one."""
    page = kb.page
    progress = page.locator(".innerwork-progress").first.inner_text()
    page.keyboard.press("Enter")
    kb.keys += 1
    try:  # the progress bar's words change with the step ("Step 3 of 9", then "Finished")
        page.wait_for_function(
            "was => document.querySelector('.innerwork-progress').innerText !== was", arg=progress, timeout=15_000
        )
    except playwright.TimeoutError:
        problem = page.locator(".innerwork-problem").first.inner_text()
        raise AssertionError(f"{kb.where}: {button} did not move on to {where}: {problem!r}") from None
    if button != "Finish":
        try:
            page.wait_for_function(AT_NEW_STEP, timeout=5_000)
        except playwright.TimeoutError:
            raise AssertionError(
                f"{kb.where}: after {button} the focus is on {describe(kb.focused())}, "
                f"not the heading or a field of {where}"
            ) from None
    kb.settle()
    kb.check(f"{button} to {where}")


def back_at_the_gallery(page, title):
    """The gallery, as the last test left it; reloaded if that test stopped half-way."""
    if not page.get_by_role("button", name=f"Start: {title}").count():
        page.reload()
        page.get_by_role("button", name=f"Start: {title}").wait_for(timeout=60_000)
        page.add_script_tag(path=str(AXE))
    return page


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (.ci/run installs it from npm)")
@pytest.mark.parametrize("exercise", EXERCISES, ids=lambda e: e.id)
def test_every_exercise_can_be_done_with_the_keyboard_alone(gallery, exercise):
    page = back_at_the_gallery(gallery, exercise.title)
    kb = KeyboardOnly(page, exercise.id)
    kb.tab_to(f"Start: {exercise.title}")
    kb.page.keyboard.press("Enter")
    page.locator(".innerwork-step > *").first.wait_for(timeout=15_000)
    kb.settle()
    focused = kb.check("Enter on Start")
    assert focused["inStep"], f"{exercise.id}: after Start the focus is on {describe(focused)}, not the first step"
    for number in range(1, 40):
        assert axe_serious(page) == [], f"{exercise.id} step {number}"
        label = do_step(kb, page, number)
        if number == 2:  # back one step and forth again, by Shift+Tab, Tab and Enter
            kb.tab_back_to("Back")
            press_and_move_on(kb, "Back", "step 1")
            kb.tab_to("Next")
            press_and_move_on(kb, "Next", "step 2")
            kb.tab_to(label)
        press_and_move_on(kb, label, f"step {number + 1}" if label == "Next" else "the summary")
        if label == "Finish":
            break
    else:
        raise AssertionError(f"{exercise.id}: never reached Finish")
    summary = page.locator(".innerwork-summary")
    summary.wait_for(timeout=15_000)
    kb.settle()
    focused = kb.check("Finish")
    assert focused["heading"] and focused["inStep"], (
        f"{exercise.id}: after Finish the focus is on {describe(focused)}, not the summary's heading"
    )
    assert TYPED in summary.inner_text(), f"{exercise.id}: what was typed is not in the summary"
    assert axe_serious(page) == [], f"{exercise.id} summary"
    kb.tab_to("Close")
    page.keyboard.press("Enter")
    page.get_by_role("button", name=f"Start: {exercise.title}").wait_for(timeout=15_000)
    kb.settle()
    focused = kb.check("Enter on Close")
    assert focused["heading"], (
        f"{exercise.id}: after Close the focus is on {describe(focused)}, not the gallery's heading"
    )
    print(f"{exercise.id}: {number} steps, {kb.keys} keys")


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (.ci/run installs it from npm)")
def test_no_words_stop_for_now_continue_and_back_to_all_with_the_keyboard(gallery):
    """The other ways through an exercise: "I can't find words right now", "Stop for now", "Continue" and
    "Back to all exercises", each by Tab and Enter, and never a fall to <body>."""
    title = "Talk to yourself like a friend"
    page = back_at_the_gallery(gallery, title)
    kb = KeyboardOnly(page, "talk-like-a-friend")
    kb.tab_to(f"Start: {title}")
    page.keyboard.press("Enter")
    page.wait_for_function(AT_NEW_STEP, timeout=15_000)
    kb.tab_to(NO_WORDS)
    press_and_move_on(kb, NO_WORDS, "step 2")
    assert page.locator(".innerwork-progress").first.inner_text().startswith("Step 2 of")
    kb.tab_to("Stop for now")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Continue").wait_for(timeout=15_000)
    kb.settle()
    focused = kb.check("Stop for now")
    assert focused["inStep"] and "your answers" in focused["text"].lower(), f"after Stop for now: {describe(focused)}"
    assert axe_serious(page) == [], "after Stop for now"
    kb.tab_to("Continue")
    page.keyboard.press("Enter")
    page.wait_for_function(AT_NEW_STEP, timeout=15_000)
    kb.settle()
    kb.check("Continue")
    kb.tab_back_to("Back to all exercises", limit=30)
    page.keyboard.press("Enter")
    page.get_by_role("button", name=f"Start: {title}").wait_for(timeout=15_000)
    kb.settle()
    focused = kb.check("Back to all exercises")
    assert focused["heading"], f"after Back to all exercises the focus is on {describe(focused)}"


def start_at_the_text_box(kb, title):
    """Tab to the exercise's Start, press Enter, and Tab on until its first step's text box has the focus."""
    kb.tab_to(f"Start: {title}")
    kb.page.keyboard.press("Enter")
    kb.page.wait_for_function(AT_NEW_STEP, timeout=15_000)
    kb.settle()
    for _ in range(10):
        if kb.check("Tab")["tag"] == "TEXTAREA":
            return
        kb.tab()
    raise AssertionError(f"{kb.where}: Tab never reached the step's text box")


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (.ci/run installs it from npm)")
def test_the_gentle_note_and_the_help_panel_with_the_keyboard(gallery):
    """The gentle note appears without taking the focus from the text box; "Hide this note" by Enter;
    "Need help now?" / "Hide help", "When to get more help" and the gentle check's own checkbox by Tab and
    Enter, each with a name, and the focus never falls to <body>."""
    title = "Make a goal doable"  # its first step is a text box; no other test leaves it half-done
    page = back_at_the_gallery(gallery, title)
    kb = KeyboardOnly(page, "gentle note and help panel")
    start_at_the_text_box(kb, title)
    kb.type("some days I want to kill myself")
    note = page.locator(".innerwork-gentle-note")
    note.get_by_text("You don't have to carry this alone").wait_for(timeout=15_000)
    kb.settle()
    assert kb.check("the note appearing")["tag"] == "TEXTAREA", "the note took the focus from the text box"
    assert page.locator(".innerwork-help-panel").first.is_visible()  # opened with the note
    # the text box keeps its name (the step's heading and question) in Chromium's accessibility tree...
    page.evaluate("document.activeElement.setAttribute('data-iw-focused', '')")
    snapshot = page.locator("[data-iw-focused]").aria_snapshot(timeout=5_000)
    page.evaluate("document.activeElement.removeAttribute('data-iw-focused')")
    assert snapshot.startswith('- textbox "The goal in your words '), snapshot
    # ...which axe cannot see here: the help panel and the note pushed the heading below the document's
    # own height, inside the page's scrolling container, and axe counts that as off screen
    assert [v for v in axe_serious(page) if v[0] != "label-title-only"] == [], "with the gentle note"
    kb.tab_back_to("Hide this note")  # the note stands above the step
    kb.press("Enter")
    note.get_by_text("You don't have to carry this alone").wait_for(state="detached", timeout=15_000)
    kb.settle()
    kb.check("Enter on Hide this note")

    kb.tab_back_to("Hide help", limit=40)
    kb.press("Enter")
    page.locator(".innerwork-help-panel").first.wait_for(state="hidden", timeout=15_000)
    assert kb.check("Enter on Hide help")["text"] == "Need help now?"  # the same button, named for what it does now
    kb.press("Enter")
    page.locator(".innerwork-help-panel").first.wait_for(state="visible", timeout=15_000)
    kb.tab_to("When to get more help")
    kb.press("Enter")
    page.locator(".innerwork-more-help").first.wait_for(state="visible", timeout=15_000)
    kb.check("Enter on When to get more help")
    for _ in range(20):
        focused = kb.tab()
        if focused["type"] == "checkbox":
            break
    else:
        raise AssertionError("Tab never reached the gentle check's checkbox")
    name = page.evaluate("() => document.activeElement.labels?.[0]?.textContent || ''")
    assert "Offer me a note" in name, f"the gentle check's checkbox is named {name!r}"
    assert axe_serious(page) == [], "help panel open"


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (.ci/run installs it from npm)")
def test_your_entries_delete_and_keep_it_with_the_keyboard(browser, server):
    """An unfinished entry made with the keyboard, then in "Your entries": Delete, "Keep it", Delete again and
    "Delete for good", each by Tab and Enter; the focus never falls to <body> when the focused button goes."""
    context = browser.new_context(bypass_csp=True)
    context.add_init_script(TRACK_CHANGES)
    page = Page(context, server.url).page
    page.add_script_tag(path=str(AXE))
    kb = KeyboardOnly(page, "your entries")
    title = "Before-session preparation"
    start_at_the_text_box(kb, title)
    kb.type(TYPED)
    kb.tab_to("Stop for now")
    kb.press("Enter")
    page.get_by_role("button", name="Continue").wait_for(timeout=15_000)
    kb.tab_back_to("Back to all exercises", limit=30)
    kb.press("Enter")
    page.get_by_role("button", name=f"Start: {title}").wait_for(timeout=15_000)
    kb.settle()

    for _ in range(80):
        if kb.tab()["text"].startswith("Your entries"):
            break
    else:
        raise AssertionError("Tab never reached 'Your entries'")
    kb.press("Enter")
    page.locator(".innerwork-history").first.wait_for(timeout=15_000)
    kb.tab_to("Delete")
    kb.press("Enter")
    page.get_by_text("This cannot be undone").wait_for(timeout=15_000)
    kb.tab_to("Keep it")
    kb.press("Enter")
    page.get_by_text("This cannot be undone").wait_for(state="detached", timeout=15_000)
    kb.settle()
    focused = kb.check("Enter on Keep it")
    assert focused["heading"] and focused["text"] == "Your entries", f"after Keep it: {describe(focused)}"
    kb.tab_to("Delete")
    kb.press("Enter")
    kb.tab_to("Delete for good")
    kb.press("Enter")
    page.get_by_text("Deleted.").wait_for(timeout=15_000)
    kb.settle()
    focused = kb.check("Enter on Delete for good")
    assert focused["heading"] and focused["text"] == "Your entries", f"after Delete for good: {describe(focused)}"
    assert page.locator("[role=status]", has_text="Deleted.").count() == 1  # said, not only shown
    assert axe_serious(page) == [], "after deleting"
    context.close()
