"""The ten problems a therapist's reading of the exercises found (issue 20), each held by a test.

Each test runs realistic answers through a built-in exercise, the way a person on a bad day would.
"""

import re

import ipywidgets as W
import pytest

import innerwork
from innerwork.app import export
from innerwork.app.help import helplines, more_help_markdown
from innerwork.app.session import Session
from innerwork.storage.store import MemoryStore, SQLiteStore
from innerwork.ui.widgets import ExerciseApp

PROMISES = re.compile(r"nobody else will|no one else (?:will|can)|only you can see|answers (?:so far )?are saved", re.I)


def finished_summary(exercise_id, answers):
    exercise = innerwork.get_exercise(exercise_id)
    session = Session(exercise, MemoryStore())
    for step_id, value in answers.items():
        session.set_answer(step_id, value)
    assert session.finish(), session.problems
    return exercise, session


def guidance_section(summary):
    return summary.split("## What your answers suggest", 1)[1].strip()


def step_text(step):
    return " ".join(str(step.spec.get(k, "")) for k in ("title", "prompt", "help", "body", "placeholder"))


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def page_text(widget):
    """The words a person sees: every label and HTML widget but the stylesheet."""
    return " ".join(
        str(w.value)
        for w in walk(widget)
        if isinstance(w, (W.HTML, W.Label)) and not str(w.value).startswith("<style>")
    )


@pytest.fixture(autouse=True)
def _innerworks_own_exercises(only_plugins):
    """The review reads innerwork's own exercises, whatever other plugins are installed."""
    only_plugins("innerwork")


# 1 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "warning,word",
    [
        ("I have been feeling steadily worse over weeks, not just after hard sessions", "worse"),
        ("I dread sessions because I feel judged or unsafe", "safe"),
    ],
)
def test_1_a_warning_sign_is_never_outvoted_by_signs_of_progress(warning, word):
    exercise = innerwork.get_exercise("hard-because-working")
    progress = exercise.step("working").options[:4]
    _, session = finished_summary("hard-because-working", {"working": progress, "not_working": [warning]})
    summary = session.entry.summary
    first = guidance_section(summary).split("\n\n")[0]
    assert word in first.lower()
    assert exercise.content["guidance"]["working"].strip() not in summary
    assert "plateaus are a normal part" not in summary


# 2 -------------------------------------------------------------------------------------------
def test_2_resistance_is_framed_both_ways():
    step = innerwork.get_exercise("after-session-reflection").step("resistance")
    text = step_text(step).lower()
    assert re.search(r"protect|close to something", text)
    assert re.search(r"gut|intuition|something (?:is|may be|might be) (?:off|not right)", text)


# 3 -------------------------------------------------------------------------------------------
ROUTES = ("someone you trust", "regist", "another therapist")


def test_3_feeling_unsafe_with_a_therapist_gets_routes_that_do_not_go_through_them():
    _, session = finished_summary(
        "hard-because-working", {"not_working": ["I dread sessions because I feel judged or unsafe"]}
    )
    section = guidance_section(session.entry.summary).lower()
    assert all(route in section for route in ROUTES)
    assert "try raising it with your therapist first" not in section
    page = more_help_markdown()
    raise_soon = page.split("**Raise it with your therapist soon**", 1)[1].split("\n**", 1)[0]
    assert "safe" not in raise_soon.lower()
    assert all(route in page.lower() for route in ROUTES)
    understood = innerwork.get_exercise("after-session-reflection").step("understood")
    assert all(route in step_text(understood).lower() for route in ROUTES)


# 4 -------------------------------------------------------------------------------------------
def test_4_deep_questions_come_after_grounding_and_a_plain_cue_to_stop_and_before_a_calming_close():
    exercise = innerwork.get_exercise("after-session-reflection")
    kinds = [s.kind for s in exercise.steps]
    deep = [s.id for s in exercise.steps].index("curiosity")
    before, after = exercise.steps[:deep], exercise.steps[deep + 1 :]
    assert "timer" in kinds[:deep]
    assert any("stop here if it is too much" in step_text(s).lower() for s in before)
    assert any(s.kind == "text" for s in after[:-1])  # a calming step before the summary


# 5 -------------------------------------------------------------------------------------------
def test_5_a_very_low_safe_place_rating_points_to_help_for_an_unsafe_home():
    exercise = innerwork.get_exercise("needs-inventory")
    ratings = {item: 6 for item in exercise.step("ratings").source_items({})}
    ratings["A place where I feel safe"] = 0
    answers = {
        "ratings": ratings,
        "focus": ["A place where I feel safe"],
        "actions": {"A place where I feel safe": "Ask my sister to call on Sunday evenings."},
    }
    _, session = finished_summary("needs-inventory", answers)
    summary = session.entry.summary
    home = helplines()["home_safety"]
    assert all(line["name"] in summary for line in home["lines"])
    assert home["checked"] in summary
    assert summary.index(home["lines"][0]["name"]) < summary.index("Ask my sister")
    hint = exercise.exercise_type.hint(exercise, exercise.step("ratings"), answers)
    assert hint and home["lines"][0]["name"] in hint


# 6 -------------------------------------------------------------------------------------------
def sentences(text):
    text = re.sub(r"[*_#>]", "", text)
    return [s for s in re.split(r"(?<=[.!?:])\s+|\n", text) if s.strip()]


def test_6_the_crisis_text_is_short_split_hopeful_and_complete_in_a_download():
    exercise = innerwork.get_exercise("hard-because-working")
    help_now = exercise.content["guidance"]["help_now"]
    assert max(len(s.split()) for s in sentences(help_now)) <= 20
    paragraphs = [p for p in help_now.split("\n\n") if p.strip()]
    urgent = next(p for p in paragraphs if "ending your life" in p or "harming yourself" in p)
    assert "weeks" not in urgent
    assert any("weeks" in p for p in paragraphs)
    assert re.search(r"better|change|hope", help_now, re.I)
    assert not re.search(r"on this page|this link|the link", help_now, re.I)
    _, session = finished_summary(
        "hard-because-working",
        {"not_working": ["I have been feeling steadily worse over weeks, not just after hard sessions"]},
    )
    download = export.to_markdown([session.entry])
    assert all(line["name"] in download for line in helplines()["lines"])
    assert "tel:988" in download and helplines()["checked"] in download


# 7 -------------------------------------------------------------------------------------------
def test_7_no_exercise_promises_privacy_or_saving():
    for exercise in innerwork.exercises():
        for step in exercise.steps:
            assert not PROMISES.search(step_text(step)), (exercise.id, step.id)


@pytest.mark.parametrize(
    "mode,store,expected,not_expected",
    [
        ("workshop", "memory", ["only in this page", "15 minutes", "Download"], ["Saved", "on this computer"]),
        ("workshop", "sqlite", ["facilitator's server"], ["on this computer", "only in this page"]),
        ("personal", "sqlite", ["a file on this computer"], ["only in this page", "server"]),
    ],
)
def test_7_every_exercise_page_says_where_answers_are_kept_in_its_mode(
    monkeypatch, tmp_path, mode, store, expected, not_expected
):
    monkeypatch.setenv("INNERWORK_MODE", mode)
    store = MemoryStore() if store == "memory" else SQLiteStore(tmp_path / "a.sqlite3")
    app = ExerciseApp(Session(innerwork.get_exercise("activity-mood-check-in"), store))
    app.input.value = "A walk round the block"
    app.session.save_now()
    text = page_text(app)
    for words in expected:
        assert words in text, words
    for words in not_expected:
        assert words not in text, words
    app.stop_button.click()
    stopped = page_text(app)
    assert "saved" not in stopped.lower() or mode == "personal" or store.__class__ is SQLiteStore
    if isinstance(store, MemoryStore):
        assert "gone" in stopped and "15 minutes" in stopped


# 8 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("exercise_id", ["self-compassion-break", "self-compassion-journal", "talk-like-a-friend"])
def test_8_required_kind_words_have_an_example_and_a_way_through(exercise_id):
    exercise = innerwork.get_exercise(exercise_id)
    assert exercise.step("kind_words").spec.get("placeholder")
    session = Session(exercise, MemoryStore())
    session.index = [s.id for s in exercise.steps].index("kind_words")
    for step in exercise.answer_steps[: session.index]:  # the earlier answers, as someone would have given them
        if step.required:
            session.set_answer(step.id, step.example(session.answers))
    app = ExerciseApp(session)
    way = next(w for w in walk(app) if isinstance(w, W.Button) and w.description == "I can't find words right now")
    way.click()
    assert (app.session.finished or app.session.step.id != "kind_words") and app.problem.value == ""
    assert app.session.answers["kind_words"]


# 9 -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("nothing", ["Nothing really", "nothing", "Not much, honestly"])
def test_9_a_stuck_person_is_not_told_they_noticed_a_win(nothing):
    exercise, session = finished_summary("therapy-wins", {"wins": [nothing]})
    summary = session.entry.summary
    assert "win noticed" not in summary and "Each one counts" not in summary
    assert exercise.step("wins").spec.get("placeholder")


# 10 ------------------------------------------------------------------------------------------
TYPED = ("prompt", "list", "item_notes")


def test_10_every_exercise_ends_with_closing_words_and_every_free_text_prompt_has_an_example():
    for exercise in innerwork.exercises():
        last = exercise.steps[-1]
        assert last.kind == "summary" and last.spec.get("body"), exercise.id
        for step in exercise.steps:
            if step.kind in TYPED:
                assert step.spec.get("placeholder") or re.search(r"for example|such as", step_text(step), re.I), (
                    exercise.id,
                    step.id,
                )


def test_10_minutes_match_a_reading_and_typing_estimate():
    from innerwork.catalogue.lint import estimate_minutes

    for exercise in innerwork.exercises():
        estimate = estimate_minutes(exercise)
        assert estimate / 1.5 <= exercise.minutes <= estimate * 1.5 + 1, (exercise.id, exercise.minutes, estimate)
    assert estimate_minutes(innerwork.get_exercise("self-compassion-break")) >= 5


def test_10_quick_body_check_has_no_double_negatives():
    exercise = innerwork.get_exercise("quick-body-check")
    items = exercise.step("ratings").source_items({})
    assert not [i for i in items if re.match(r"(?i)not\b", i)]
    _, session = finished_summary("quick-body-check", {"ratings": {item: 5 for item in items} | {items[2]: 1}})
    assert "Least met right now: Not" not in session.entry.summary


def test_10_step_ladder_keeps_the_order_the_person_chose():
    exercise = innerwork.get_exercise("step-ladder")
    answers = {
        "steps": ["Find swimsuit", "Check times", "Go"],
        "difficulty": {"Find swimsuit": 1, "Check times": 2, "Go": 8},
        "order": ["Check times", "Find swimsuit", "Go"],
    }
    assert exercise.step("chosen").source_items(answers) == ["Check times", "Find swimsuit", "Go"]


# The articles' remaining themes, as new exercises -----------------------------------------
NEW = {
    "settle-after-a-session": "Why Is Therapy Hard? How To Move Through Challenges",
    "curious-about-pushing-back": "Facing Challenges in Therapy: Why It's Hard and How to Navigate It",
    "when-defences-are-up": "Why Is Therapy So Hard?",
    "raise-a-doubt": "When Psychotherapy Feels Hard: Is It Still Working?",
    "thinking-about-a-change": "When Psychotherapy Feels Hard: Is It Still Working?",
    "what-gets-in-the-way": "Why therapy sometimes doesn't help",
    "my-support-map": "Why Is Therapy Hard? How To Move Through Challenges",
}


def test_innerwork_list_shows_the_new_exercises_each_citing_its_article():
    import json

    from click.testing import CliRunner

    from innerwork.cli import main

    rows = {row["id"]: row for row in json.loads(CliRunner().invoke(main, ["list", "--json"]).stdout)}
    for exercise_id, article in NEW.items():
        assert rows[exercise_id]["source"]["title"] == article
    table = CliRunner().invoke(main, ["list"]).output
    assert all(exercise_id in table for exercise_id in NEW)


def test_every_deep_new_exercise_grounds_first_and_offers_a_stop():
    for exercise_id in ("curious-about-pushing-back", "when-defences-are-up"):
        exercise = innerwork.get_exercise(exercise_id)
        kinds = [s.kind for s in exercise.steps]
        first_stop = next(
            i for i, s in enumerate(exercise.steps) if "stop here if it is too much" in step_text(s).lower()
        )
        assert "timer" in kinds[: first_stop + 1]
        assert exercise.steps[-2].kind == "text"  # a calming step before the summary


def test_thinking_about_a_change_puts_feeling_unsafe_before_any_tally():
    exercise = innerwork.get_exercise("thinking-about-a-change")
    _, session = finished_summary(
        "thinking-about-a-change",
        {"working": exercise.step("working").options[:4], "not_working": ["I feel judged or unsafe with my therapist"]},
    )
    first = guidance_section(session.entry.summary).split("\n\n")[0].lower()
    assert "unsafe" in first and all(route in guidance_section(session.entry.summary).lower() for route in ROUTES)
    assert "don't stop suddenly" in step_text(exercise.step("not_suddenly")).lower()


def test_an_unsafe_home_ticked_in_what_gets_in_the_way_gets_the_home_lines():
    _, session = finished_summary(
        "what-gets-in-the-way",
        {"factors": ["Ongoing stress at work or at home", "Someone at home hurts, threatens or frightens me"]},
    )
    section = guidance_section(session.entry.summary)
    assert section.lower().startswith("**you ticked that someone at home")
    assert all(line["name"] in section for line in helplines()["home_safety"]["lines"])
    quiet = finished_summary("what-gets-in-the-way", {"factors": ["Money or housing worries"]})[1].entry.summary
    assert "## What your answers suggest" not in quiet  # no tally and no alarm when there is no warning
