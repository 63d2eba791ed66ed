"""The conformance kit (innerwork.authoring.testing): the built-in plugins pass it, and it catches real mistakes."""

import pytest

from innerwork.authoring.testing import check_plugin
from innerwork_plugins.wins_log import WinsLog

BUILT_IN = ["self_compassion", "small_steps", "needs_inventory", "reflection", "wins_log"]
WINS = {
    "wins-log": {
        "wins": ["I went to my session", "I called a friend"],
        "kinds": ["Showing up, even when it was hard"],
        "savour": ["I called a friend"],
        "how": {"I called a friend": "I asked for help"},
    }
}


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
    from innerwork.content.exercise_type import Chart

    monkeypatch.setattr(
        WinsLog,
        "charts",
        lambda self, exercises: [Chart("wins", "Wins", lambda answers: {"wins": ", ".join(answers.get("wins", []))})],
    )
    with pytest.raises(AssertionError, match="charts of the example answers failed.*not \\{label: number\\}"):
        check_plugin("wins_log", examples=WINS, max_examples=5)


def test_kit_catches_charts_that_fail_or_repeat_an_id(monkeypatch):
    from innerwork.content.exercise_type import weekly_chart

    twice = weekly_chart("wins", "Wins", "wins", len)
    monkeypatch.setattr(WinsLog, "charts", lambda self, exercises: [twice, twice])
    with pytest.raises(AssertionError, match="the chart id 'wins' is used twice"):
        check_plugin("wins_log", examples=WINS, max_examples=5)
    monkeypatch.setattr(
        WinsLog,
        "charts",
        lambda self, exercises: [weekly_chart("wins", "Wins", "wins", lambda answers: len(answers["kinds"]))],
    )  # fails when "kinds" was not answered
    with pytest.raises(AssertionError, match='a chart failed on accepted answers: \\["KeyError'):
        check_plugin("wins_log", max_examples=30)


THOUGHT_RECORD_ANSWERS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$defs": {
        "intensity": {"type": "integer", "minimum": 0, "maximum": 10},
        "lines": {"type": "array", "items": {"type": "string", "maxLength": 500}},
    },
    "type": "object",
    "properties": {"wins": {"$ref": "#/$defs/lines"}, "savour": {"$ref": "#/$defs/lines"}},
    "additionalProperties": {"$ref": "urn:innerwork:answers#/$defs/value"},
}


def test_kit_resolves_local_defs_in_an_answers_schema(monkeypatch):
    monkeypatch.setattr(WinsLog, "answers_schema", THOUGHT_RECORD_ANSWERS)
    report = check_plugin("wins_log", max_examples=10)
    assert any("generated answers (varying" in check for check in report.checks)


def test_kit_names_a_ref_that_leads_nowhere(monkeypatch):
    broken = {**THOUGHT_RECORD_ANSWERS, "properties": {"wins": {"$ref": "#/$defs/intensty"}}}
    monkeypatch.setattr(WinsLog, "answers_schema", broken)
    with pytest.raises(
        AssertionError,
        match="has a \\$ref that leads nowhere: '#/\\$defs/intensty' at /properties/wins \\(plugin 'wins_log'\\)",
    ):
        check_plugin("wins_log", max_examples=5)


def test_kit_fails_when_no_generated_answer_was_accepted(monkeypatch):
    refuse_all = {
        "type": "object",
        "properties": {"wins": {"type": "array", "items": {"type": "string"}}},
        "required": ["wins", "a_step_no_exercise_has"],
    }
    monkeypatch.setattr(WinsLog, "answers_schema", refuse_all)
    with pytest.raises(AssertionError) as failure:
        check_plugin("wins_log", max_examples=10)
    assert "tested nothing: 0 generated answers" in str(failure.value)
    assert "exercises/wins-log.yaml (wins-log): " in str(failure.value)


def test_kit_varies_every_step_kind_with_a_value_schema(monkeypatch):
    from innerwork.content.steps import Scale

    monkeypatch.setattr(Scale, "value_schema", {"type": "integer", "minimum": 0, "maximum": 10})
    report = check_plugin("self_compassion", max_examples=10)
    assert any("varying" in check and "before" in check for check in report.checks), report.checks


def test_kit_checks_content_migrations_cover_every_older_version(monkeypatch):
    monkeypatch.setattr(WinsLog, "content_version", 2)
    with pytest.raises(AssertionError, match="no migration from version\\(s\\) 1 in `migrations`"):
        check_plugin("wins_log", max_examples=5)


def test_kit_resumes_an_entry_written_under_an_older_version(monkeypatch):
    def rename_wins(answers):
        answers["wins"] = answers.pop("good_things", [])
        return answers

    monkeypatch.setattr(WinsLog, "content_version", 2)
    monkeypatch.setattr(WinsLog, "migrations", {1: lambda content: content})
    monkeypatch.setattr(WinsLog, "answers_migrations", {1: rename_wins})
    old = {"wins-log": {1: {"good_things": ["I rested"]}}}
    report = check_plugin("wins_log", max_examples=5, old_answers=old)
    assert "wins-log: answers recorded under version 1 resume and are accepted" in report.checks
    monkeypatch.setattr(WinsLog, "answers_migrations", {1: lambda answers: None})  # forgot to return them
    with pytest.raises(AssertionError, match="resuming an entry written under version 1 failed"):
        check_plugin("wins_log", max_examples=5, old_answers=old)


def test_check_plugin_takes_the_type_name_and_suggests_close_names():
    assert check_plugin("wins-log", max_examples=5).plugin == "wins_log"
    with pytest.raises(AssertionError, match="no plugin or exercise type is called 'wins-lg'.*Did you mean 'wins-log'"):
        check_plugin("wins-lg")
