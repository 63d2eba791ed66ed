"""Take the README's screenshots: the gallery and one exercise, from a real `innerwork serve`.

Run: python docs/screenshots.py   (needs Debian's chromium and playwright)
"""
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from test_browser import ARGS, CHROMIUM, Page, Server  # noqa: E402

HERE = Path(__file__).parent


def main():
    server = Server(Path(tempfile.mkdtemp()) / "home")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = Page(browser.new_context(viewport={"width": 1100, "height": 900}), server.url)
            page.page.screenshot(path=str(HERE / "gallery.png"))
            page.start("Step ladder")
            for text in ("", "Get back to swimming", "Find my swimsuit"):  # intro, goal, steps
                page.fill_step(text)
                page.page.wait_for_timeout(300)
                page.page.get_by_role("button", name="Next").click()
                page.page.wait_for_timeout(800)
            page.page.locator(".innerwork-step select").first.select_option("3")
            page.page.keyboard.press("Tab")
            page.page.screenshot(path=str(HERE / "exercise.png"))
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
