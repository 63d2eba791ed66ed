"""Driving the served page in a real Chromium: the server, a participant's page, and shared constants.

Used by the browser tests (test_browser.py, test_page_design.py, test_looking_back_browser.py,
test_jupyterhub.py) and by docs/screenshots.py.
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

from ports import free_port

CHROMIUM = "/usr/bin/chromium"
#: how the tests start Chromium: headless, no sandbox (root in CI), nothing fetched in the background
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = Path(__file__).parent.parent / ".ci" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
NASTY = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
# one exercise of each built-in type
ONE_OF_EACH = {
    "self-compassion": "Self-compassion journal",
    "small-steps": "Activity and mood check-in",
    "needs-inventory": "Quick body check",
    "reflection": "Before-session preparation",
    "wins-log": "Wins log",
}


class Server:
    # Playwright's context.close() does not fire the page's unload beacon that ends its kernel, as closing a
    # tab does, so every page's kernel here stays until culled: room for all of them under the cap
    def __init__(self, home, *options, command=("serve", "--room", "2", "--max-participants", "40")):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        env = {**os.environ, "INNERWORK_HOME": str(home)}
        self.log = open(home.parent / f"serve-{self.port}.log", "w+")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "innerwork", *command, "--no-browser", "--port", str(self.port), *options],
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 90
        while time.monotonic() < deadline:  # innerwork says so once the server answers; no page (kernel) used up
            if "the page is ready at" in self.output():
                return
            assert self.process.poll() is None, self.output()
            time.sleep(0.2)
        raise AssertionError("innerwork serve did not answer:\n" + self.output())

    def output(self):
        self.log.seek(0)
        return self.log.read()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


class Page:
    """A participant's page, recording every request it makes."""

    def __init__(self, context, url):
        self.page = context.new_page()
        self.requests, self.failed, self.dialogs = [], {}, []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failed.__setitem__(r.url, r.failure))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(url)
        self.page.get_by_role("button", name="Need help now?").first.wait_for(timeout=60_000)

    def start(self, title):
        self.page.get_by_role("button", name=f"Start: {title}").click()
        self.page.locator(".innerwork-progress").wait_for()

    def fill_step(self, text):
        """Answer the step shown, with the keyboard for text and the mouse for the rest."""
        step = self.page.locator(".innerwork-step")
        for box in step.locator("textarea, .widget-text input").all():
            box.click()
            self.page.keyboard.type(text)
            if box.evaluate("e => e.tagName") == "TEXTAREA":
                self.page.keyboard.press("Enter")
                self.page.keyboard.type("a second line")
        toggles = step.locator(".widget-toggle-buttons button")
        if toggles.count():
            toggles.nth(4).click()
        radios = step.locator("input[type=radio]")
        if radios.count():
            radios.first.check()
        boxes = step.locator("input[type=checkbox]")
        if boxes.count():
            boxes.first.check()
        for select in step.locator("select").all():
            select.select_option("5")
        dates = step.locator("input[type=date]")
        if dates.count():
            dates.first.fill("2026-12-01")

    def complete(self, text, keyboard=False):
        """Go through every step to the summary, pressing Enter on the buttons when ``keyboard``."""
        for _ in range(30):
            if self.page.locator(".innerwork-summary").count():
                return
            self.fill_step(text)
            self.page.wait_for_timeout(150)  # let the last keystrokes reach the kernel
            old = self.page.locator(".innerwork-step > *").first.element_handle()
            button = (
                self.page.locator(".innerwork-app button", has_text="Finish")
                .or_(self.page.locator(".innerwork-app button", has_text="Next"))
                .first
            )
            if keyboard:
                button.focus()
                self.page.keyboard.press("Enter")
            else:
                button.click()
            self.page.wait_for_function("e => !e.isConnected", arg=old, timeout=15_000)
            self.page.wait_for_timeout(300)  # let the new step's widgets render
        raise AssertionError("never reached the summary")

    def outside_requests(self):
        return [
            u for u in self.requests if urlparse(u).hostname not in ("127.0.0.1", None) and not u.startswith("data:")
        ]
