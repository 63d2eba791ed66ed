"""The conformance kit (innerwork.testing): the built-in plugins pass it, and it catches real mistakes."""
import pytest

from innerwork.testing import check_plugin
from innerwork_plugins.wins_log import WinsLog

BUILT_IN = ["self_compassion", "small_steps", "needs_inventory", "reflection", "wins_log"]
WINS = {"wins-log": {"wins": ["I went to my session", "I called a friend"], "kinds": ["Showing up, even when it was hard"],
                     "savour": ["I called a friend"], "how": {"I called a friend": "I asked for help"}}}


@pytest.mark.parametrize("plugin", BUILT_IN)
def test_built_in_plugins_pass_the_kit(plugin):
    report = check_plugin(plugin, max_examples=15)
    assert report.problems == [] and any("render" in check for check in report.checks)


def test_example_answers_are_summarised():
    report = check_plugin("wins_log", examples=WINS, max_examples=5)
    assert "wins-log: the example answers are accepted" in report.checks
    assert "wins-log: typed text is escaped in the summary" in report.checks


def test_kit_catches_a_summary_that_does_not_escape_typed_text(monkeypatch):
    monkeypatch.setattr(WinsLog, "summary", lambda self, exercise, answers, derived: "\n".join(answers.get("wins", [])))
    with pytest.raises(AssertionError, match="typed HTML reaches the summary unescaped"):
        check_plugin("wins_log", examples=WINS, max_examples=5)


def test_kit_catches_an_invalid_schema(monkeypatch):
    monkeypatch.setattr(WinsLog, "answers_schema", {"type": "nonsense"})
    with pytest.raises(AssertionError, match="answers schema of 'wins-log' is not a valid JSON Schema"):
        check_plugin("wins_log", max_examples=5)


def test_kit_catches_refused_example_answers_and_unknown_ids():
    with pytest.raises(AssertionError) as failure:
        check_plugin("wins_log", examples={"wins-log": {"wins": "not a list"}, "no-such": {}}, max_examples=5)
    assert "the example answers are refused" in str(failure.value)
    assert "'no-such', which is not an exercise of this plugin" in str(failure.value)


def test_kit_catches_derive_failing_on_accepted_answers(monkeypatch):
    def derive(self, exercise, answers):
        raise KeyError("wins")
    monkeypatch.setattr(WinsLog, "derive", derive)
    with pytest.raises(AssertionError, match="derive\\(\\) or summary\\(\\) failed"):
        check_plugin("wins_log", max_examples=30)


def test_an_unknown_plugin_is_reported():
    with pytest.raises(AssertionError, match="no such entry point"):
        check_plugin("no_such_plugin")


def test_the_kit_checks_each_types_charts():
    report = check_plugin("self_compassion", max_examples=5)
    assert "'self-compassion' declares 1 chart(s)" in report.checks
    assert "self-compassion-break: 1 chart(s) read the example answers, typed text escaped" in report.checks
    assert "self-compassion-break: charts read every accepted answer" in report.checks


def test_kit_catches_a_chart_that_gives_text_instead_of_numbers(monkeypatch):
    from innerwork.exercise_type import Chart
    monkeypatch.setattr(WinsLog, "charts", lambda self, exercises: [
        Chart("wins", "Wins", lambda answers: {"wins": ", ".join(answers.get("wins", []))})])
    with pytest.raises(AssertionError, match="charts of the example answers failed.*not \\{label: number\\}"):
        check_plugin("wins_log", examples=WINS, max_examples=5)


def test_kit_catches_charts_that_fail_or_repeat_an_id(monkeypatch):
    from innerwork.exercise_type import weekly_chart
    twice = weekly_chart("wins", "Wins", "wins", len)
    monkeypatch.setattr(WinsLog, "charts", lambda self, exercises: [twice, twice])
    with pytest.raises(AssertionError, match="the chart id 'wins' is used twice"):
        check_plugin("wins_log", examples=WINS, max_examples=5)
    monkeypatch.setattr(WinsLog, "charts", lambda self, exercises: [weekly_chart(
        "wins", "Wins", "wins", lambda answers: len(answers["kinds"]))])  # fails when "kinds" was not answered
    with pytest.raises(AssertionError, match="a chart failed on accepted answers: \\[\"KeyError"):
        check_plugin("wins_log", max_examples=30)
