"""Looking back: series from real stored entries, the plain-words reading, the SVG charts and tables,
the page to print, the notebook view and `innerwork export --looking-back`."""

import datetime as dt
import re

import pytest
from click.testing import CliRunner

import innerwork
from innerwork.app import reading
from innerwork.app.series import ChartData, Point, overview, weekly_totals
from innerwork.cli import main
from innerwork.content.exercise_type import ExerciseType
from innerwork.storage.store import Entry, SQLiteStore
from innerwork.ui import chart_svg
from innerwork.ui.printable import page

TODAY = dt.date(2026, 3, 31)
NASTY = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


@pytest.fixture
def store(private_home):
    return SQLiteStore(private_home / "innerwork.sqlite3")


def add(store, exercise_id, days_ago, answers, status="completed", summary=None):
    """A finished entry made ``days_ago`` days before TODAY, at noon local time, saved to the store."""
    exercise = innerwork.get_exercise(exercise_id)
    moment = dt.datetime.combine(TODAY - dt.timedelta(days=days_ago), dt.time(12)).astimezone()
    entry = Entry(
        exercise_id,
        exercise.type,
        exercise.exercise_type.version,
        exercise.schema_version,
        answers,
        status,
        summary=summary or f"# {exercise.title}\n\nEntry from {days_ago} days ago.",
        created_at=moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
    )
    store.save(entry)
    return entry


def chart(result, type_name, chart_id):
    [view] = [v for v in result.types if v.name == type_name]
    [data] = [c for c in view.charts if c.chart.id == chart_id]
    return data


def values(data, label):
    return [(p.day, p.value) for p in data.lines[label]]


# -- series from stored entries ------------------------------------------------------------------
def test_self_compassion_before_and_after_come_from_the_stored_entries_in_date_order(store):
    add(store, "self-compassion-break", 10, {"situation": "work", "before": 8, "after": 5})
    add(store, "self-compassion-break", 40, {"situation": "home", "before": 9, "after": 7})
    add(store, "self-compassion-break", 3, {"situation": "a call", "before": 6})  # no "after" rating
    add(store, "self-compassion-break", 1, {"situation": "unfinished", "before": 2}, status="draft")
    add(store, "self-compassion-break", 200, {"before": 10, "after": 10})  # outside 3 months
    data = chart(overview(store.entries(), "3m", TODAY), "self-compassion", "how-hard")
    day = lambda n: TODAY - dt.timedelta(days=n)  # noqa: E731
    assert values(data, "Before") == [(day(40), 9), (day(10), 8), (day(3), 6)]
    assert values(data, "After") == [(day(40), 7), (day(10), 5)]
    assert data.entry_count == 3


def test_the_period_chooses_the_entries(store):
    for days_ago in (2, 20, 50, 80, 400):
        add(store, "wins-log", days_ago, {"wins": ["rested", "called a friend"]})
    counts = {period: len(overview(store.entries(), period, TODAY).entries) for period in ("4w", "3m", "all")}
    assert counts == {"4w": 2, "3m": 4, "all": 5}
    with pytest.raises(ValueError, match="unknown period 'year'"):
        overview(store.entries(), "year", TODAY)


def test_each_built_in_type_charts_what_it_records(store):
    add(
        store,
        "activity-mood-check-in",
        9,
        {"activity": "walk", "predicted": 3, "actual": 6, "mastery": 5, "pleasure": 7},
    )
    add(store, "activity-mood-check-in", 2, {"activity": "call", "predicted": 4, "actual": 4})
    add(store, "step-ladder", 2, {"goal": "tidy", "outcome": "Done"})
    add(store, "step-ladder", 1, {"goal": "tidy", "outcome": "Partly done"})
    add(store, "step-ladder", 0, {"goal": "tidy", "outcome": "Not yet"})
    add(store, "quick-body-check", 5, {"ratings": {"Not tired": 2, "Not lonely": 6}})
    add(store, "wins-log", 8, {"wins": ["went to my session", "  ", "cooked"]})
    add(store, "wins-log", 7, {"wins": ["asked for help"]})
    add(store, "wins-log", 1, {"wins": ["rested"]})
    add(store, "hard-because-working", 4, {"working": ["aha moments", "I feel safe"], "not_working": []})
    add(store, "before-session-preparation", 4, {"mood": 6, "topics": ["sleep"]})
    result = overview(store.entries(), "4w", TODAY)
    mood = chart(result, "small-steps", "mood")
    assert [v for _, v in values(mood, "Expected")] == [3, 4] and [v for _, v in values(mood, "Actual")] == [6, 4]
    assert [v for _, v in values(chart(result, "small-steps", "mastery-pleasure"), "Enjoyment")] == [7]
    tried = chart(result, "small-steps", "steps-tried")
    assert sum(p.value for p in tried.lines["small steps done or partly done"]) == 2
    needs = chart(result, "needs-inventory", "needs-met")
    assert {label: [p.value for p in points] for label, points in needs.lines.items()} == {
        "Not tired": [2],
        "Not lonely": [6],
    }
    wins = chart(result, "wins-log", "wins")
    weeks = dict(weekly_totals(wins.lines["wins written down"]))
    assert sorted(weeks.values()) == [1, 3]  # 2 + 1 in one week (the blank win is not counted), 1 in another
    signs = chart(result, "reflection", "signs")
    assert {k: [p.value for p in v] for k, v in signs.lines.items()} == {
        "Signs of progress": [2],
        "Signs something may not be working": [0],
    }
    assert [p.value for p in chart(result, "reflection", "mood").lines["Mood"]] == [6]


def test_a_type_without_its_own_charts_gets_a_line_per_rating_step():
    exercise = innerwork.get_exercise("activity-mood-check-in")
    [default] = ExerciseType().charts([exercise])
    assert default.title == exercise.title
    assert set(default.values({"predicted": 3, "actual": 5, "pleasure": 2, "activity": "walk"})) == {
        exercise.step(s).title or exercise.step(s).prompt for s in ("predicted", "actual", "pleasure")
    }


def test_a_type_whose_charts_fail_is_reported_and_the_others_still_chart(store, monkeypatch):
    from innerwork_plugins.wins_log import WinsLog

    monkeypatch.setattr(WinsLog, "charts", lambda self, exercises: 1 / 0)
    add(store, "wins-log", 1, {"wins": ["rested"]})
    add(store, "self-compassion-break", 1, {"before": 5, "after": 3})
    result = overview(store.entries(), "4w", TODAY)
    wins = [v for v in result.types if v.name == "wins-log"][0]
    assert "could not be read (ZeroDivisionError" in wins.problem and wins.entries
    assert chart(result, "self-compassion", "how-hard").lines["After"][0].value == 3
    assert "could not be read" in page(result)


# -- the reading -----------------------------------------------------------------------------------
def series(chart_type, chart_id, values_by_day, label=None):
    exercise_type = innerwork.registry.registered.plugins().types[chart_type]
    [declared] = [c for c in exercise_type.charts([]) if c.id == chart_id]
    label = label or next(iter(declared.values({"predicted": 1, "actual": 1, "before": 1, "after": 1})))
    points = [
        Point(TODAY - dt.timedelta(days=days_ago), value, f"e{n}") for n, (days_ago, value) in enumerate(values_by_day)
    ]
    return ChartData(declared, {label: points}, key="test")


def mood(values_by_day):
    return reading.read_chart(series("small-steps", "mood", values_by_day, "Actual"))


def test_reading_a_rising_mood_notices_it():
    sentences = mood([(30, 3), (25, 3), (20, 4), (10, 6), (5, 7), (1, 7)])
    assert sentences[0] == (
        "Actual: your last three ratings were higher than the three before (6.7 on average, against 3.3)."
    )
    assert sentences[-1] == reading.EASIER


def test_reading_a_flat_series_says_plateaus_are_normal():
    sentences = mood([(50, 5), (40, 6), (30, 5), (20, 5), (10, 6), (1, 5)])
    assert sentences[0].startswith("Actual: your last three ratings were about the same as the three before")
    assert sentences[-1] == reading.PLATEAU and "plateaus are a normal part of therapy" in reading.PLATEAU


def test_reading_a_fall_over_weeks_points_to_the_therapist_and_to_help():
    sentences = mood([(60, 7), (50, 7), (40, 6), (30, 4), (15, 3), (1, 3)])
    assert sentences[0] == (
        "Actual: your last three ratings were lower than the three before (3.3 on average, against 6.7)."
    )
    assert sentences[-1] == reading.HARDER_FOR_WEEKS
    assert "therapist" in sentences[-1] and "before deciding to stop" in sentences[-1]
    assert '"Need help now?"' in sentences[-1]


def test_reading_a_fall_of_a_few_days_says_it_often_passes():
    sentences = mood([(12, 7), (11, 7), (10, 7), (3, 4), (2, 4), (1, 3)])
    assert "lower than the three before" in sentences[0] and sentences[-1] == reading.HARDER_LATELY


def test_reading_a_long_decline_looks_at_the_whole_period_too():
    falling = [(90 - 10 * n, 8 - n * 0.6) for n in range(10)]
    sentences = mood(falling)
    assert "Over the whole period it went from around 7.4 in your first 3 ratings" in sentences[0]
    assert sentences[-1] == reading.HARDER_FOR_WEEKS


def test_for_self_compassion_lower_means_easier():
    data = series("self-compassion", "how-hard", [(30, 8), (25, 8), (20, 7), (10, 4), (5, 3), (1, 3)], "Before")
    assert reading.read_chart(data)[-1] == reading.EASIER


@pytest.mark.parametrize(
    "points, expected",
    [
        ([(3, 6)], "Actual: one rating so far (6 on 28 Mar 2026), so there is no change to see yet."),
        ([(9, 4), (3, 6)], "Actual: 2 ratings so far. " + reading.FEW),
        ([(9, 4), (6, 5), (3, 6)], "Actual: 3 ratings so far. " + reading.FEW),
    ],
)
def test_reading_a_sparse_series_sees_no_trend(points, expected):
    assert mood(points) == [expected]


def test_reading_sets_before_and_after_side_by_side(store):
    for days_ago, before, after in ((20, 8, 5), (10, 7, 7), (2, 6, 4)):
        add(store, "self-compassion-break", days_ago, {"before": before, "after": after})
    data = chart(overview(store.entries(), "4w", TODAY), "self-compassion", "how-hard")
    assert "After compared with Before, in your 3 entries with both: 2 lower, 1 the same." in reading.read_chart(data)


def test_reading_weekly_counts_states_totals_without_judging(store):
    for days_ago in (0, 1, 15):  # 31 March 2026 is a Tuesday: the first two are in one week
        add(store, "wins-log", days_ago, {"wins": ["rested", "cooked"]})
    data = chart(overview(store.entries(), "4w", TODAY), "wins-log", "wins")
    sentences = reading.read_chart(data)
    assert sentences[0] == "Wins written down in this period: 6, across 2 different weeks."
    assert "not a week where nothing happened" in sentences[1]


def test_no_reading_uses_streaks_scores_or_guilt():
    cases = [
        [(3, 6)],
        [(30, 3), (20, 4), (10, 6), (1, 7)],
        [(60, 7), (40, 6), (30, 4), (1, 3)],
        [(50, 5), (40, 6), (30, 5), (20, 5), (10, 6), (1, 5)],
        [(12, 7), (11, 7), (3, 4), (2, 4)],
    ]
    text = " ".join(" ".join(mood(c)) for c in cases).lower()
    text += " ".join(reading.read_overview(overview([], "3m", TODAY))).lower()
    for word in ("streak", "score", "should", "fail", "missed", "behind", "in a row", "%", "diagnos", "symptom"):
        assert word not in text, word


def test_the_overview_reading_for_no_entries_and_some():
    assert "no finished entries from the last 4 weeks" in reading.read_overview(overview([], "4w", TODAY))[0]
    one = Entry(
        "wins-log",
        "wins-log",
        "1.0",
        1,
        {"wins": ["x"]},
        "completed",
        created_at=dt.datetime.combine(TODAY, dt.time(12)).astimezone().isoformat(),
    )
    assert "one finished entry" in reading.read_overview(overview([one], "4w", TODAY))[0]


# -- charts, tables and the page --------------------------------------------------------------------
def test_the_svg_has_a_title_a_table_beside_it_and_no_outside_request(store):
    add(store, "activity-mood-check-in", 9, {"predicted": 3, "actual": 6})
    add(store, "activity-mood-check-in", 2, {"predicted": 4, "actual": 4})
    result = overview(store.entries(), "4w", TODAY)
    html = chart_svg.figure(chart(result, "small-steps", "mood"), result.start, result.end)
    assert re.search(r'<svg [^>]*role="img" aria-labelledby="iw-t-small-steps-mood iw-d-small-steps-mood"', html)
    assert '<title id="iw-t-small-steps-mood">Mood: expected and actual</title>' in html
    assert html.count("<polyline") == 2 and "currentColor" in html
    table = re.search(r"<table.*</table>", html).group(0)
    assert '<th scope="col">Expected</th><th scope="col">Actual</th>' in table
    assert '<th scope="row">22 Mar 2026</th><td>3</td><td>6</td>' in table
    assert "http" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_a_gap_of_months_breaks_the_line(store):
    for days_ago in (300, 295, 290, 20, 15, 10):
        add(store, "before-session-preparation", days_ago, {"mood": 5})
    result = overview(store.entries(), "all", TODAY)
    svg = chart_svg.svg(chart(result, "reflection", "mood"), result.start, result.end)
    assert svg.count("<polyline") == 2  # one run before the gap, one after
    assert "Jun 2025" in svg  # the axis spans the whole time, with years


def test_one_entry_draws_a_single_marker(store):
    add(store, "self-compassion-break", 0, {"before": 7, "after": 4})
    result = overview(store.entries(), "3m", TODAY)
    svg = chart_svg.svg(chart(result, "self-compassion", "how-hard"), result.start, result.end)
    assert "<polyline" not in svg and svg.count("<circle") == 1 and svg.count("<rect") == 1


def test_many_entries_are_drawn_as_weekly_averages_and_the_table_says_so(store):
    entries = [
        Entry(
            "activity-mood-check-in",
            "small-steps",
            "1.0",
            1,
            {"predicted": 5, "actual": n % 10},
            "completed",
            created_at=dt.datetime.combine(TODAY - dt.timedelta(days=n // 3), dt.time(12)).astimezone().isoformat(),
        )
        for n in range(600)
    ]
    result = overview(entries, "all", TODAY)
    data = chart(result, "small-steps", "mood")
    html = chart_svg.figure(data, result.start, result.end)
    assert "weekly averages" in html
    assert chart_svg.svg(data, result.start, result.end).count("<circle") <= 30  # 200 days: a marker a week
    assert html.count("<tr>") <= 121  # a header row and at most one row per week


def test_more_lines_than_colours_keeps_the_rest_in_the_table(store):
    ratings = {f"Need {n}": n % 11 for n in range(9)}
    add(store, "quick-body-check", 1, {"ratings": ratings})
    result = overview(store.entries(), "4w", TODAY)
    html = chart_svg.figure(chart(result, "needs-inventory", "needs-met"), result.start, result.end)
    assert html.count("<li>") == chart_svg.MAX_LINES and "3 more lines in the table." in html
    assert all(f'<th scope="row">Need {n}</th>' in html for n in range(9))


def test_the_persons_text_is_escaped_in_charts_and_the_page(store):
    add(
        store,
        "quick-body-check",
        1,
        {"ratings": {NASTY: 3}},
        summary="# Check\n\n" + innerwork.content.steps.md_escape(NASTY),
    )
    result = overview(store.entries(), "4w", TODAY)
    html = page(result, result.entries)
    assert "<img" not in html and "<script" not in html and "&lt;img src=x" in html


def test_the_page_shows_only_the_entries_chosen_and_prints(store):
    kept = add(store, "wins-log", 3, {"wins": ["went for a walk"]}, summary="# Wins log\n\n- went for a walk")
    add(store, "wins-log", 2, {"wins": ["a private thing"]}, summary="# Wins log\n\n- a private thing")
    result = overview(store.entries(), "4w", TODAY)
    html = page(result, [kept], {"wins-log": "Wins log"})
    assert "went for a walk" in html and "a private thing" not in html
    assert "@media print" in html and "prefers-color-scheme: dark" in html
    assert "default-src 'none'" in html  # the page can load nothing
    assert "tel:988" in html  # help is on the page
    assert "no finished entries" in page(overview([], "4w", TODAY))


# -- the notebook view, history and the command line ------------------------------------------------
def test_the_view_changes_period_opens_an_entry_and_builds_the_page_from_the_ticked_ones(store):
    from innerwork.ui.looking_back_view import LookingBack

    kept = add(store, "wins-log", 3, {"wins": ["went for a walk"]}, summary="# Wins log\n\n- went for a walk")
    add(store, "wins-log", 60, {"wins": ["older"]}, summary="# Wins log\n\n- older")
    view = LookingBack(store, "4w", TODAY)
    assert len(view.overview.entries) == 1 and "Wins written down" in view.sections.children[0].children[0].value
    view.period.value = "3m"
    assert len(view.overview.entries) == 2
    words = view.sections.children[0].children[1]
    assert words.children[0].children[0].children == ()  # the rows are built when the list is opened
    words.selected_index = 0
    row = words.children[0].children[0].children[0]
    read, words = row.children[0].children[1], row.children[1]
    read.click()
    assert "went for a walk" in words.value and words.layout.display is None
    view.chosen[kept.id].value = True
    assert view.included() == [e for e in view.overview.entries if e.id == kept.id]
    html = view.page()
    assert "went for a walk" in html and "older" not in html
    view.offer_page()
    assert view.page_link.value.startswith('<a download="looking-back-2026-03-31.html"')


def test_the_view_with_no_entries_says_so(store):
    view = innerwork.looking_back(store)
    assert view.sections.children == () and "no finished entries" in view.intro.value


def test_history_opens_looking_back(store):
    add(store, "wins-log", 1, {"wins": ["rested"]})
    history = innerwork.history(store)
    history.looking_back_button.click()
    assert type(history.detail.children[0]).__name__ == "LookingBack"


def test_export_looking_back_writes_the_page_with_only_the_entries_named(store, tmp_path):
    kept = add(store, "wins-log", 3, {"wins": ["went for a walk"]}, summary="# Wins log\n\n- went for a walk")
    add(store, "wins-log", 2, {"wins": ["private"]}, summary="# Wins log\n\n- a private thing")
    out = tmp_path / "page.html"
    result = CliRunner().invoke(
        main, ["export", "--looking-back", "--period", "all", "--include", kept.id[:8], "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text()
    assert "went for a walk" in html and "a private thing" not in html and "Wins written down" in html
    everything = CliRunner().invoke(main, ["export", "--looking-back", "--period", "all", "--include-all"])
    assert "a private thing" in everything.output and "went for a walk" in everything.output


def test_export_looking_back_explains_bad_options(store):
    add(store, "wins-log", 3, {"wins": ["rested"]})
    unknown = CliRunner().invoke(main, ["export", "--looking-back", "--include", "nope"])
    assert unknown.exit_code == 2 and "no entry has the id 'nope'" in unknown.output
    assert "innerwork export --format json" in unknown.output
    misplaced = CliRunner().invoke(main, ["export", "--include-all"])
    assert misplaced.exit_code == 2 and "only apply with --looking-back" in misplaced.output
    mixed = CliRunner().invoke(main, ["export", "--looking-back", "--format", "csv"])
    assert mixed.exit_code == 2 and "--format and --exercise do not apply" in mixed.output
