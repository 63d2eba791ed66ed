"""`innerwork validate --lint`: warnings an author can act on, at the right line, and built-ins lint clean."""

import json
import textwrap

from click.testing import CliRunner

from innerwork.cli import main

DRAFT = textwrap.dedent("""\
    id: draft
    type: reflection
    schema_version: 2
    title: A draft
    summary: A draft with every problem the linter looks for.
    minutes: 60
    source: {title: An article, publisher: A publisher}
    content:
      steps:
        - id: intro
          kind: text
          body: |
            Take your time here.
            Nobody else will read this, and your answers are saved as you go along.
        - id: what
          kind: prompt
          prompt: What happened?
        - id: steps
          kind: list
          prompt: The steps
          placeholder: One step
        - id: order
          kind: pick
          prompt: Pick one
          items_from: steps
        - id: end
          kind: summary
    """)
LONG = (
    "If you have been getting worse for weeks, cannot manage day-to-day life, feel unsafe, or have thoughts "
    "of harming yourself, please reach out for help now, using the link on this page, your doctor, or local "
    "emergency services."
)


def lint(*paths):
    result = CliRunner().invoke(main, ["validate", "--lint", "--json", *map(str, paths)])
    return result.exit_code, json.loads(result.stdout)


def test_every_built_in_exercise_lints_clean(only_plugins):
    only_plugins("innerwork")
    code, report = lint()
    assert code == 0 and report["errors"] == []
    assert report["warnings"] == [], "\n".join(w["text"] for w in report["warnings"])
    assert report["valid"] == report["files"] >= 20


def test_each_warning_names_the_file_and_line(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.yaml").write_text(DRAFT)
    code, report = lint("draft.yaml")
    assert code == 0  # warnings never fail validation
    found = {(w["line"], w["message"].split(";")[0].split(",")[0]) for w in report["warnings"]}
    assert (15, "free-text step 'what' has no example") in found
    assert (6, "`minutes` is 60") in found
    assert (26, "the exercise has no closing words") in found
    assert (14, '"Nobody else" promises privacy or saving that depends on how innerwork runs') in found
    assert (14, '"are saved" promises privacy or saving that depends on how innerwork runs') in found
    assert all(w["text"].startswith(f"draft.yaml:{w['line']}:") for w in report["warnings"])


def test_a_very_long_sentence_is_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.yaml").write_text(DRAFT.replace("Take your time here.", LONG))
    _, report = lint("draft.yaml")
    [long] = [w for w in report["warnings"] if "sentence of" in w["message"]]
    assert long["line"] == 13 and 'a sentence of 38 words ("If you have been getting worse' in long["message"]


def test_sort_by_after_an_order_step_is_named(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    draft = DRAFT.replace("type: reflection\nschema_version: 2", "type: small-steps\nschema_version: 1")
    draft = draft.replace(
        "    - id: order\n      kind: pick\n      prompt: Pick one\n      items_from: steps\n",
        "    - id: rated\n      kind: order\n      prompt: Put them in order\n      items_from: steps\n"
        "    - id: order\n      kind: pick\n      prompt: Pick one\n      items_from: rated\n"
        "      sort_by: rated\n",
    )
    (tmp_path / "draft.yaml").write_text(draft)
    _, report = lint("draft.yaml")
    assert any(
        w["pointer"] == "/content/steps/4/sort_by" and "remove `sort_by`" in w["message"] for w in report["warnings"]
    )


def test_lint_warnings_are_printed_after_the_errors_with_a_count(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "draft.yaml").write_text(DRAFT)
    result = CliRunner().invoke(main, ["validate", "--lint", "draft.yaml"])
    assert result.exit_code == 0
    assert "warning: draft.yaml:15:" in result.output and "lint warning(s)" in result.output
    assert "--lint" in CliRunner().invoke(main, ["validate", "--help"]).output
