"""Keep the docs honest: every hook documented with its exact signature and tested, every field and
step kind described, every link between the docs pointing at a file that exists."""

import inspect
import json
import re
from pathlib import Path

import pytest

from innerwork import hookspecs
from innerwork_plugins.builtin_steps import STEP_KINDS

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
HOOKS = sorted(n for n in dir(hookspecs) if hasattr(getattr(hookspecs, n), "innerwork_spec"))


def test_there_are_hooks_to_check():
    """The hooks are read from the hook specs, so a new hook is checked without touching this file."""
    from innerwork.hookspecs import hookspec

    assert HOOKS and all(getattr(hookspecs, name).innerwork_spec for name in HOOKS)
    assert hookspec.project_name == "innerwork"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_documented_with_its_signature(hook):
    arguments = ", ".join(inspect.signature(getattr(hookspecs, hook)).parameters)
    headings = re.findall(r"^## (.+)$", (DOCS / "hooks.md").read_text(), re.M)
    assert f"{hook}({arguments})" in headings


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_has_a_test(hook):
    import test_hooks

    assert hasattr(test_hooks, f"test_hook_{hook}")


EXERCISE_TYPE_METHODS = ["step_specs", "derive", "summary", "hint", "content_problems", "upgrade_answers", "charts"]


def test_every_exercise_type_method_a_type_overrides_is_documented_with_its_signature():
    from innerwork import ExerciseType

    public = {n for n, v in vars(ExerciseType).items() if callable(v) and not n.startswith("_")}
    assert public - {"content_schema_dict", "answers_schema_dict"} == set(EXERCISE_TYPE_METHODS)
    headings = re.findall(r"^### (.+)$", (DOCS / "hooks.md").read_text(), re.M)
    for name in EXERCISE_TYPE_METHODS:
        arguments = ", ".join(list(inspect.signature(getattr(ExerciseType, name)).parameters)[1:])
        assert f"{name}({arguments})" in headings


def test_every_part_of_the_step_kind_api_is_documented():
    """Each attribute and method of StepKind (methods with their signature), each field of StepContext and
    each common step field has a row in docs/step-kinds.md, which the README and the tutorial link to."""
    import dataclasses

    from innerwork import StepKind
    from innerwork.content.steps import StepContext

    text = (DOCS / "step-kinds.md").read_text()
    rows = re.findall(r"^\| `([^`]+)` \|", text, re.M)
    made = StepKind({"id": "x", "kind": "x"})
    public = [n for n in [*vars(StepKind), *vars(made)] if not n.startswith("_")]
    expected = [
        f"{n}({', '.join(list(inspect.signature(getattr(StepKind, n)).parameters)[1:])})"
        if callable(getattr(StepKind, n, None))
        else n
        for n in public
    ]
    expected += [f.name for f in dataclasses.fields(StepContext)]
    expected += list(json.loads((ROOT / "schemas" / "steps.schema.json").read_text())["$defs"]["common"]["properties"])
    assert len(expected) > 20 and [name for name in expected if name not in rows] == []
    assert "(step-kinds.md)" in (DOCS / "tutorial.md").read_text() and "(docs/step-kinds.md)" in README
    assert "provisional" not in (DOCS / "hooks.md").read_text()


def test_every_envelope_field_and_step_kind_is_described():
    text = (DOCS / "schemas.md").read_text()
    envelope = json.loads((ROOT / "schemas" / "exercise.schema.json").read_text())
    assert [f for f in envelope["properties"] if f"| `{f}` |" not in text] == []
    assert [k.kind for k in STEP_KINDS if f"| `{k.kind}` |" not in text] == []
    answers = json.loads((ROOT / "schemas" / "answers.schema.json").read_text())
    assert [d for d in answers["$defs"] if f"answers#/$defs/{d}`" not in text] == []


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")) + ["../README.md"])
def test_links_between_docs_point_at_files_that_exist(page):
    text = (DOCS / page).read_text()
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
        assert (DOCS / page).parent.joinpath(target).exists(), f"{page} links to missing {target}"


README = (ROOT / "README.md").read_text()


def test_every_command_is_in_the_readme():
    from innerwork.cli import main

    assert [name for name in main.commands if f"`innerwork {name}" not in README] == []
    options = [p.opts[0] for p in main.params if p.opts[0] not in ("--version", "--help")]
    assert options and [o for o in options if o not in README] == []


def test_every_new_plugin_option_is_documented():
    from innerwork.cli import main

    options = [p.opts[0] for p in main.commands["new-plugin"].params if p.opts[0].startswith("--")]
    assert len(options) >= 5 and [o for o in options if o not in README] == []


def test_the_kit_and_the_fixtures_are_documented():
    from innerwork.authoring import pytest_plugin, testing

    text = (DOCS / "testing.md").read_text()
    arguments = list(inspect.signature(testing.check_plugin).parameters)
    fixtures = re.findall(r"^@pytest\.fixture\ndef (\w+)", inspect.getsource(pytest_plugin), re.M)
    assert len(arguments) == 4 and len(fixtures) == 5
    assert [a for a in arguments if f"| `{a}` |" not in text] == []
    assert [f for f in fixtures if f"| `{f}` |" not in text] == []


def test_every_hook_has_a_stated_stability():
    text = (DOCS / "hooks.md").read_text().split("## Stability", 1)[1]
    assert [hook for hook in HOOKS if not re.search(rf"^\| `{hook}` \| (stable|provisional)", text, re.M)] == []


def test_every_plugin_setting_is_in_the_readme():
    from innerwork.registry import plugins

    settings = set(re.findall(r"INNERWORK_\w+", inspect.getsource(plugins)))
    assert len(settings) == 5 and [s for s in sorted(settings) if f"`{s}" not in README] == []


def test_the_kit_has_one_extra_name_everywhere():
    pyproject = (ROOT / "pyproject.toml").read_text()
    assert re.search(r"^testing = \[", pyproject, re.M)
    scaffold = ROOT / "core" / "data" / "scaffold"
    pages = {p.name: p.read_text() for p in [*DOCS.glob("*.md"), *scaffold.rglob("*.md"), *scaffold.rglob("*.yml")]}
    pages["README.md (after the set-up commands)"] = README.split("\n## ", 1)[1]
    assert [name for name, text in pages.items() if "[test]" in text] == []
    assert [name for name, text in pages.items() if "innerwork[testing]" in text or ".[testing]" in text]


def test_the_three_versions_are_explained_side_by_side():
    text = (DOCS / "versions.md").read_text()
    assert all(f"| `{name}` |" in text for name in ("version", "content_version", "schema_version"))


def test_docs_show_where_an_installed_innerwork_keeps_its_schemas():
    for page in (README, (DOCS / "schemas.md").read_text(), (DOCS / "tutorial.md").read_text()):
        assert "innerwork schema-path" in page
