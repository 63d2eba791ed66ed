"""Looking back in a real Chromium: the page to print (light, dark and printed to PDF) and the view in the
page `innerwork serve` shows, from a real SQLite file with two months of entries."""

import datetime as dt
import os
import subprocess
import sys

import pytest
from browser_pages import NASTY, Page, Server
from playwright.sync_api import TimeoutError as PlaywrightTimeout

import innerwork
from innerwork.content.steps import md_escape
from innerwork.storage.store import Entry, SQLiteStore


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """Two months of self-compassion breaks and wins, one with typed HTML, in a real answers file."""
    folder = tmp_path_factory.mktemp("looking-back") / "home"
    store = SQLiteStore(folder / "innerwork.sqlite3")
    today = dt.date.today()
    for n in range(9):
        moment = dt.datetime.combine(today - dt.timedelta(days=60 - 7 * n), dt.time(12)).astimezone()
        created = moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds")
        exercise = innerwork.get_exercise("self-compassion-break")
        store.save(
            Entry(
                exercise.id,
                exercise.type,
                "1.0",
                1,
                {"situation": NASTY, "before": 8 - n // 2, "after": 5 - n // 3},
                "completed",
                summary=f"# A self-compassion break\n\n{md_escape(NASTY)} week {n}",
                created_at=created,
            )
        )
        store.save(
            Entry(
                "wins-log",
                "wins-log",
                "1.0",
                1,
                {"wins": [f"win {n}"]},
                "completed",
                summary=f"# Wins log\n\n- win {n}",
                created_at=created,
            )
        )
    return folder


def make_page(home, tmp_path, *options):
    out = tmp_path / "looking-back.html"
    result = subprocess.run(
        [sys.executable, "-m", "innerwork", "export", "--looking-back", *options, "-o", str(out)],
        env={**os.environ, "INNERWORK_HOME": str(home)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return out


def test_the_page_to_print_shows_charts_tables_and_only_chosen_words(browser, home, tmp_path):
    entries = SQLiteStore(home / "innerwork.sqlite3").entries()
    chosen = next(e for e in entries if e.summary.endswith("win 4"))
    out = make_page(home, tmp_path, "--include", chosen.id)
    context = browser.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("dialog", lambda d: (requests.append("dialog"), d.dismiss()))
    page.goto(out.as_uri())
    chart = page.get_by_role("img", name="How hard it felt, before and after")
    assert chart.is_visible() and chart.bounding_box()["width"] > 250
    table = page.locator("table", has_text="How hard it felt, before and after: one row per entry")
    assert table.locator("tbody tr").count() == 9
    assert page.get_by_text("That change is yours, and worth noticing.").first.is_visible()
    assert page.locator("article").count() == 1 and "win 4" in page.locator("article").inner_text()
    assert page.evaluate("window.__pwned") is None and page.locator("main img").count() == 0
    assert requests == [out.as_uri()]  # the page loads nothing else
    context.close()


def test_the_page_follows_dark_mode_on_screen_and_prints_black_on_white(browser, home, tmp_path):
    out = make_page(home, tmp_path)
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(out.as_uri())
    background = "getComputedStyle(document.body).backgroundColor"
    line_colour = "getComputedStyle(document.querySelector('svg[role=img] .iw-s0')).stroke"
    assert page.evaluate(background) == "rgb(22, 22, 22)"
    assert page.evaluate(line_colour) == "rgb(86, 180, 233)"  # the lighter Okabe-Ito blue
    table_box = "getComputedStyle(document.querySelector('.iw-tablewrap')).maxHeight"
    assert page.evaluate(table_box) != "none"
    page.emulate_media(media="print")
    assert page.evaluate(background) == "rgb(255, 255, 255)"
    assert page.evaluate(line_colour) == "rgb(0, 114, 178)"
    assert page.evaluate(table_box) == "none"  # every row is printed
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
    context.close()


def test_the_view_opens_from_your_entries_in_the_served_page(browser, home):
    server = Server(home)
    try:
        context = browser.new_context()
        page = Page(context, server.url)
        page.page.locator(
            ".lm-AccordionPanel-header, .jupyter-widget-Collapse-header, span", has_text="Your entries"
        ).first.click()
        page.page.get_by_role("button", name="Looking back").click()
        view = page.page.locator(".innerwork-looking-back")
        view.get_by_role("img", name="How hard it felt, before and after").wait_for(timeout=30_000)
        assert view.get_by_text("After compared with Before").first.is_visible()
        view.get_by_role("button", name="4 weeks").click()
        view.get_by_text("Looking back over the last 4 weeks").wait_for(timeout=15_000)
        read = view.get_by_role("button", name="Read").first
        header = view.locator(".jupyter-widget-Collapse-header", has_text="Your entries (").first
        opened = view.locator(".jupyter-widget-Collapse-open", has_text="Your entries (")
        for _ in range(3):  # the new period's sections may still be replacing the old (opened) ones
            if not opened.count():
                header.click()
            try:
                read.wait_for(timeout=10_000)
                break
            except PlaywrightTimeout:
                continue
        read.click()
        view.get_by_text("week 8").wait_for(timeout=15_000)  # the person's own words, one click away
        assert page.page.evaluate("window.__pwned") is None
        assert all(page.failed.get(u) == "csp" for u in page.outside_requests()), page.outside_requests()
        context.close()
    finally:
        server.stop()
