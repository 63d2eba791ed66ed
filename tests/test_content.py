"""Schemas are valid, every shipped exercise validates, and bad files give errors an author can act on."""

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator

import innerwork
from innerwork.catalogue.loader import catalogue, load_catalogue
from innerwork.cli import main
from innerwork.paths import shipped
from innerwork.registry.registered import plugins

BAD = Path(__file__).parent / "bad_content"
SCHEMAS = sorted(shipped("schemas").rglob("*.json"))


@pytest.mark.parametrize("path", SCHEMAS, ids=lambda p: p.name)
def test_every_schema_is_valid_against_the_2020_12_meta_schema(path):
    schema = json.loads(path.read_text())
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)


def test_the_catalogue_loads_every_shipped_exercise_without_errors():
    cat = catalogue()
    assert cat.errors == []
    assert cat.files == len(cat.exercises) >= 12


BUILT_IN_TYPES = {"self-compassion", "small-steps", "needs-inventory", "reflection", "wins-log"}


def test_exercises_cover_every_built_in_type_at_least_twice():
    """Counts the built-in types only, so another installed plugin's exercises change nothing here."""
    counts = {}
    for e in innerwork.exercises():
        if e.type not in BUILT_IN_TYPES:
            continue
        counts[e.type] = counts.get(e.type, 0) + 1
        assert e.source["title"] and e.source["publisher"] and e.minutes > 0 and e.tags
    assert set(counts) == BUILT_IN_TYPES
    assert min(counts.values()) >= 2


def run_validate(*paths):
    result = CliRunner().invoke(main, ["validate", "--json", *map(str, paths)])
    return result.exit_code, json.loads(result.stdout)


CASES = yaml.safe_load((BAD / "cases.yaml").read_text())


@pytest.mark.parametrize("case", CASES, ids=lambda c: str(c["file"]))
def test_bad_file_gives_the_expected_errors(case, monkeypatch, only_plugins):
    only_plugins("innerwork")  # the messages list the installed types
    monkeypatch.chdir(BAD)
    files = case["file"] if isinstance(case["file"], list) else [case["file"]]
    code, report = run_validate(*files)
    assert code == case["exit"]
    assert [e["text"] for e in report["errors"]] == case["errors"]


def test_the_corpus_has_a_case_for_every_file():
    named = {f for c in CASES for f in (c["file"] if isinstance(c["file"], list) else [c["file"]])}
    assert named == {p.name for p in BAD.iterdir()} - {"cases.yaml"}


def test_a_huge_file_is_refused_with_its_size(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    Path("huge.yaml").write_text("id: huge\nsummary: " + "x" * 600_000 + "\n")
    code, report = run_validate("huge.yaml")
    assert code == 1
    assert report["errors"][0]["text"].startswith("huge.yaml: /: file is 600,019 bytes; exercise files may be at most")


@pytest.mark.parametrize("depth", [40, 5000, 200_000])  # 200,000 would overflow the C stack in libyaml
def test_a_deeply_nested_file_is_refused(tmp_path, monkeypatch, depth):
    monkeypatch.chdir(tmp_path)
    Path("deep.yaml").write_text("id: deep\ncontent: " + "[" * depth + "]" * depth + "\n")
    code, report = run_validate("deep.yaml")
    assert code == 1
    assert "nested too deeply" in report["errors"][0]["message"]


def test_one_bad_file_does_not_stop_the_rest_from_loading(tmp_path):
    good = shipped("exercises") / "wins-log.yaml"
    (tmp_path / "good.yaml").write_text(good.read_text())
    (tmp_path / "bad.yaml").write_text("id: [\n")
    cat = load_catalogue([tmp_path])
    assert list(cat.exercises) == ["wins-log"]
    assert len(cat.errors) == 1 and cat.errors[0].file.endswith("bad.yaml")


def test_validate_without_paths_checks_all_installed_content():
    code, report = run_validate()
    assert code == 0
    assert report["valid"] == report["files"] >= 12


def test_validate_with_a_missing_path_is_a_usage_error():
    result = CliRunner().invoke(main, ["validate", "no-such-file.yaml"])
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_list_json_has_id_type_title_and_minutes():
    result = CliRunner().invoke(main, ["list", "--json"])
    rows = json.loads(result.stdout)
    assert result.exit_code == 0 and len(rows) >= 12
    assert {"id", "type", "title", "minutes", "source"} <= set(rows[0])


def test_version_and_help():
    runner = CliRunner()
    assert runner.invoke(main, ["--version"]).output.strip() == f"innerwork, version {innerwork.__version__}"
    help_text = runner.invoke(main, ["--help"]).output
    for command in ("list", "plugins", "validate"):
        assert command in help_text


def test_unknown_exercise_suggests_close_ids():
    with pytest.raises(innerwork.UnknownExercise, match="Did you mean 'wins-log'"):
        innerwork.get_exercise("win-log")


def test_a_newer_migration_upgrades_old_content_in_memory(tmp_path):
    exercise_type = plugins().types["wins-log"]
    source = (shipped("exercises") / "wins-log.yaml").read_text()
    (tmp_path / "old.yaml").write_text(source)
    exercise_type.content_version, exercise_type.migrations = 2, {1: lambda c: {**c, "steps": c["steps"][:1]}}
    try:
        cat = load_catalogue([tmp_path])
    finally:
        del exercise_type.content_version, exercise_type.migrations
    assert len(cat.exercises["wins-log"].steps) == 1
    assert "innerwork migrate" in cat.outdated[0].message


def test_loading_innerwork_does_not_build_jsonschemas_iri_parser():
    """jsonschema's optional "iri" check costs 1.3 s and 20 MB per kernel; innerwork keeps it from loading."""
    import subprocess
    import sys

    code = (
        "import sys, innerwork; innerwork.exercises(); print('rfc3987_syntax' in sys.modules); "
        "import rfc3987_syntax; print('importable')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "importable"]


def test_libyaml_and_the_python_parser_read_every_shipped_file_alike():
    from innerwork.content import sourcefile

    for path in sorted((Path(__file__).parent.parent / "exercises").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        fast, python = (
            sourcefile._parse(text, path.name, loader) for loader in (sourcefile._FastLoader, sourcefile._PythonLoader)
        )
        assert (fast.data, fast.positions) == (python.data, python.positions), path.name
    assert sourcefile._FastLoader is not sourcefile._PythonLoader  # PyYAML was built with libyaml


def test_a_failing_contains_rule_gives_the_reason_not_the_list(tmp_path):
    from innerwork.catalogue.loader import schema_errors
    from innerwork.content.sourcefile import read

    path = tmp_path / "thought-record.yaml"
    path.write_text(
        "steps:\n" + "".join(f"  - {{id: step_{i}, kind: text, body: Some text to read.}}\n" for i in range(6))
    )
    schema = {
        "type": "object",
        "properties": {
            "steps": {
                "type": "array",
                "description": "a thought record ends with its summary",
                "contains": {"description": "a step of kind 'summary'", "properties": {"kind": {"const": "summary"}}},
            }
        },
    }
    [error] = schema_errors(read(path, str(path)), read(path, str(path)).data, schema, "/content")
    assert error.pointer == "/content/steps"
    assert error.message == (
        "this list of 6 item(s) must hold at least 1 item(s) matching a step of kind 'summary' "
        "(a thought record ends with its summary)"
    )
