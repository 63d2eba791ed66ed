"""A facilitator's workshop plan: checked with file:line errors, refused by `serve` when wrong, and served
as a page with its title, welcome, exercises in order and its region's helplines first."""

import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from innerwork.app.plan import Plan, load_plan
from innerwork.cli import main
from innerwork.errors import InvalidContent

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "docs" / "example-plan.yaml"


def write(tmp_path, text, name="plan.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip())
    return path


def problems(path):
    with pytest.raises(InvalidContent) as caught:
        load_plan(path)
    return [str(error) for error in caught.value.errors]


def test_the_documented_example_is_a_valid_plan_and_is_shown_whole_in_the_docs():
    plan = load_plan(EXAMPLE)
    assert plan.title.startswith("Being kinder to yourself")
    assert plan.exercises == ("quick-body-check", "self-compassion-break", "talk-like-a-friend", "wins-log")
    assert plan.help_region == "UK" and "**Need help now?**" in plan.welcome
    assert EXAMPLE.read_text() in (ROOT / "docs" / "workshops.md").read_text()


BAD_PLANS = [
    (
        "title: Evening\nwelcom: Hello\nexercises: [wins-log]\n",
        [
            "plan.yaml:2:1: /welcom: unknown field 'welcom'; did you mean 'welcome'? allowed fields: "
            "title, welcome, exercises, help_region"
        ],
    ),
    ("welcome: Hello\nexercises: [wins-log]\n", ["plan.yaml:1:1: /: missing required field 'title'"]),
    ("title: Evening\nexercises: wins-log\n", ["plan.yaml:2:1: /exercises: expected a list, found text: 'wins-log'"]),
    ("title: Evening\nexercises: []\n", ["plan.yaml:2:1: /exercises: [] should be non-empty"]),
    (
        "title: Evening\nexercises:\n  - Wins_Log\n",
        [
            "plan.yaml:3:5: /exercises/0: 'Wins_Log' is not in the expected form: an exercise id: lowercase letters, "
            "digits and single hyphens, such as 'self-compassion-break'"
        ],
    ),
    (
        "title: Evening\nexercises:\n  - wins-log\n  - step-ladder\n  - wins-log\n",
        ["plan.yaml:5:5: /exercises/2: 'wins-log' is already in the plan (line 3); list each once"],
    ),
    (
        "title: Evening\n  exercises: [wins-log]\n",
        ["plan.yaml:2:12: /: YAML syntax error: mapping values are not allowed here"],
    ),
    ("", ["plan.yaml:1:1: /: the file is empty; expected a workshop plan with title, exercises, ..."]),
    ("- wins-log\n", ["plan.yaml:1:1: /: expected a mapping of fields, found a list: ['wins-log']"]),
    (
        "title: Evening\nexercises: [wins-log]\nhelp_region: Scotland\n",
        [
            "plan.yaml:3:1: /help_region: the helplines have no line for the region 'Scotland'; "
            "their regions: US, UK and Ireland, Everywhere else"
        ],
    ),
]


@pytest.mark.parametrize("text, expected", BAD_PLANS, ids=range(len(BAD_PLANS)))
def test_a_bad_plan_gives_every_problem_with_file_line_and_field(tmp_path, monkeypatch, text, expected):
    monkeypatch.chdir(tmp_path)
    path = write(tmp_path, text)
    assert problems(path.name) == expected


def test_an_unknown_exercise_is_named_at_its_line_with_the_nearest_ids(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "title: Evening\nexercises:\n  - wins-log\n  - self-compasion-break\n")
    assert problems("plan.yaml") == [
        "plan.yaml:4:5: /exercises/1: No exercise has the id 'self-compasion-break'. Did you mean "
        "'self-compassion-break', 'self-compassion-journal'? `innerwork list` shows them all."
    ]


def test_a_near_miss_region_is_suggested(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "title: Evening\nexercises: [wins-log]\nhelp_region: Irland\n")
    [problem] = problems("plan.yaml")
    assert problem.startswith("plan.yaml:3:1: /help_region: ") and "did you mean 'Ireland'?" in problem


def test_the_region_is_checked_against_a_facilitators_own_helplines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    own = {"checked": "2026-10-01", "lines": [{"name": "Campus line", "region": "Our campus", "phone": "555 0100"}]}
    path = write(tmp_path, "title: Evening\nexercises: [wins-log]\nhelp_region: campus\n")
    assert load_plan(path, helplines=own).help_region == "campus"
    path = write(tmp_path, "title: Evening\nexercises: [wins-log]\nhelp_region: UK\n")
    with pytest.raises(InvalidContent, match="their regions: Our campus"):
        load_plan(path, helplines=own)


def test_a_json_plan_is_read_with_its_lines_too(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "plan.json"
    path.write_text('{\n  "title": "Evening",\n  "exercises": ["wins-log", "step-laddr"]\n}\n')
    [problem] = problems("plan.json")
    assert problem.startswith(
        "plan.json:3:29: /exercises/1: No exercise has the id 'step-laddr'. Did you mean 'step-ladder'"
    )


def test_the_plan_travels_to_the_page_as_json_unchanged():
    plan = load_plan(EXAMPLE)
    assert Plan.from_json(plan.to_json()) == plan


def test_validate_plan_prints_the_problems_and_exits_1(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "title: Evening\nexercises: [wins-log, step-laddr]\n")
    result = CliRunner().invoke(main, ["validate", "--plan", "plan.yaml"])
    assert result.exit_code == 1
    assert result.stdout.startswith("plan.yaml:2:23: /exercises/1: No exercise has the id 'step-laddr'.")
    assert "plan.yaml: 1 problem(s) in this workshop plan." in result.stderr
    report = json.loads(CliRunner().invoke(main, ["validate", "--plan", "plan.yaml", "--json"]).stdout)
    assert (
        report["valid"] == 0 and report["errors"][0]["line"] == 2 and report["errors"][0]["pointer"] == "/exercises/1"
    )


def test_validate_plan_says_what_a_valid_plan_holds():
    result = CliRunner().invoke(main, ["validate", "--plan", str(EXAMPLE)])
    assert result.exit_code == 0, result.output
    assert "a valid workshop plan: 'Being kinder to yourself, an evening workshop', 4 exercise(s)" in result.stderr
    assert "lists UK first" in result.stderr


def test_validate_plan_takes_no_exercise_files_beside_it():
    result = CliRunner().invoke(main, ["validate", "--plan", str(EXAMPLE), str(EXAMPLE)])
    assert result.exit_code == 2 and "--plan checks one workshop plan" in result.output


def test_serve_refuses_a_bad_plan_in_one_message_before_starting(tmp_path):
    path = write(tmp_path, "title: Evening\nexercises:\n  - wins-log\n  - self-compasion-break\n")
    result = subprocess.run(
        [sys.executable, "-m", "innerwork", "serve", "--workshop", "--no-browser", "--plan", path.name],
        env={**os.environ, "INNERWORK_HOME": str(tmp_path / "home")},
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert result.stderr.splitlines() == [
        "plan.yaml:4:5: /exercises/1: No exercise has the id 'self-compasion-break'. Did you mean "
        "'self-compassion-break', 'self-compassion-journal'? `innerwork list` shows them all.",
        "Error: the workshop plan plan.yaml has 1 problem(s) (above); fix them and serve again.",
    ]


def test_serve_takes_a_plan_or_one_exercise_not_both():
    result = CliRunner().invoke(main, ["serve", "--plan", str(EXAMPLE), "--exercise", "wins-log"])
    assert result.exit_code == 2 and "leave out --exercise" in result.output


def test_the_kernels_get_the_plan_and_its_help_region():
    from innerwork.serving.serve import serve_environment

    plan = load_plan(EXAMPLE)
    env = serve_environment(True, None, False, plan=plan.to_json(), help_region=plan.help_region)
    assert Plan.from_json(env["INNERWORK_PLAN"]) == plan and env["INNERWORK_HELP_REGION"] == "UK"
    assert "INNERWORK_PLAN" not in serve_environment(True, None, False)


PAGE_PLAN = """
title: Thursday group <b>night</b>
welcome: |
  Hello, **everyone**. We go slowly tonight.

  <img src=x onerror="window.__pwned=1">
exercises:
  - wins-log
  - quick-body-check
  - step-ladder
help_region: UK
"""


def test_a_served_plan_shows_its_title_welcome_order_and_region_first(browser, tmp_path):
    from test_browser import AXE, Page, Server

    path = write(tmp_path, PAGE_PLAN)
    server = Server(tmp_path / "home", command=("serve", "--workshop", "--room", "1", "--plan", str(path)))
    try:
        context = browser.new_context(bypass_csp=True)
        page = Page(context, server.url)
        title = "Thursday group <b>night</b>"
        page.page.wait_for_function(f"document.title === {json.dumps(title + ' · innerwork')}", timeout=15_000)
        assert page.page.locator("h1").first.inner_text() == title  # as text, not markup
        welcome = page.page.locator(".innerwork-welcome")
        assert welcome.locator("strong").inner_text() == "everyone"
        assert '<img src=x onerror="window.__pwned=1">' in welcome.inner_text()
        assert welcome.locator("img").count() == 0 and page.page.evaluate("window.__pwned") is None
        starts = page.page.get_by_role("button", name=re.compile("^Start: ")).all_inner_texts()
        assert starts == ["Start: Wins log", "Start: Quick body check", "Start: Step ladder"]
        assert page.page.locator(".innerwork-filters").count() == 0
        page.page.get_by_role("button", name="Need help now?").first.click()
        panel = page.page.locator(".innerwork-help-panel").first
        panel.locator("a[href^='tel:']").first.wait_for()
        assert panel.locator("li").first.inner_text().startswith("Samaritans (UK and Ireland)")
        assert [a.get_attribute("href") for a in panel.locator("a[href^='tel:']").all()] == ["tel:116123", "tel:988"]
        if AXE.exists():  # the plan's page is as accessible as the gallery
            page.page.add_script_tag(path=str(AXE))
            violations = page.page.evaluate("axe.run(document, { resultTypes: ['violations'] })")["violations"]
            assert [v["id"] for v in violations if v["impact"] in ("serious", "critical")] == []
        page.start("Quick body check")
        page.page.wait_for_function("document.title === 'Quick body check · innerwork'")
        context.close()
    finally:
        server.stop()


def test_in_a_notebook_the_workshop_page_takes_a_plan_file():
    from innerwork.ui.notebook import workshop_page

    page = workshop_page(plan=str(EXAMPLE))
    gallery = page.children[1]
    assert list(gallery.start_buttons) == list(load_plan(EXAMPLE).exercises)
    assert gallery.listing.children[0].value.startswith("<h1>Being kinder to yourself, an evening workshop</h1>")
