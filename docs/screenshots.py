"""Take the README's screenshots from a real `innerwork serve`: a phone and a desktop, light and dark.

Run: python docs/screenshots.py   (needs Debian's chromium and playwright)
Writes docs/phone-light.png, docs/phone-dark.png (an exercise step), docs/desktop-light.png and
docs/desktop-dark.png (the gallery, then a step with the help panel open).
"""

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent.parent / "tests"))
from browser_pages import ARGS, CHROMIUM, Page, Server  # noqa: E402

HERE = Path(__file__).parent
DEVICES = {
    "phone": {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True},
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


def main():
    server = Server(Path(tempfile.mkdtemp()) / "home")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for device, options in DEVICES.items():
                for scheme in ("light", "dark"):
                    context = browser.new_context(color_scheme=scheme, **options)
                    context.set_default_timeout(120_000)
                    page = Page(context, server.url)
                    page.page.wait_for_timeout(800)
                    if device == "desktop":
                        page.page.screenshot(path=str(HERE / f"gallery-{scheme}.png"))
                    page.page.get_by_role("button", name="Start: A self-compassion break").click()
                    fresh = page.page.get_by_role("button", name="Start fresh")  # a draft from the run before
                    page.page.locator(".innerwork-progress").or_(fresh).first.wait_for()
                    if fresh.count():
                        fresh.click()
                    page.page.locator(".innerwork-progress").wait_for()
                    page.page.get_by_role("button", name="Next").click()
                    page.page.wait_for_timeout(1200)
                    page.page.locator(".innerwork-step textarea").first.fill("Work is piling up and I feel behind")
                    page.page.wait_for_timeout(1200)
                    page.page.screenshot(path=str(HERE / f"{device}-{scheme}.png"))
                    context.close()
            browser.close()
    finally:
        server.stop()


if __name__ == "__main__":
    main()
