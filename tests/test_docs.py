"""Keep the docs honest: every hook documented with its exact signature and tested, every field and
step kind described, every link between the docs pointing at a file that exists."""
import inspect
import json
import re
from pathlib import Path

import pytest

from innerwork import hookspecs
from innerwork.steps import CORE_KINDS

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
HOOKS = sorted(n for n in dir(hookspecs) if hasattr(getattr(hookspecs, n), "innerwork_spec"))


def test_there_are_hooks_to_check():
    assert len(HOOKS) == 6


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


def test_every_envelope_field_and_step_kind_is_described():
    text = (DOCS / "schemas.md").read_text()
    envelope = json.loads((ROOT / "schemas" / "exercise.schema.json").read_text())
    assert [f for f in envelope["properties"] if f"| `{f}` |" not in text] == []
    assert [k.kind for k in CORE_KINDS if f"| `{k.kind}` |" not in text] == []
    answers = json.loads((ROOT / "schemas" / "answers.schema.json").read_text())
    assert [d for d in answers["$defs"] if f"answers#/$defs/{d}`" not in text] == []


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")) + ["../README.md"])
def test_links_between_docs_point_at_files_that_exist(page):
    text = (DOCS / page).read_text()
    for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", text):
        assert (DOCS / page).parent.joinpath(target).exists(), f"{page} links to missing {target}"
