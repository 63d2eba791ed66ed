"""Small defects found in a reading of the code, each kept fixed by a test."""

import json


def test_each_type_has_its_own_migration_tables():
    from innerwork.content.exercise_type import ExerciseType

    class First(ExerciseType):
        name = "first"

    class Second(ExerciseType):
        name = "second"

    First.migrations[1] = lambda content: content
    First.answers_migrations[1] = lambda answers: answers
    assert Second.migrations == {} and Second.answers_migrations == {}
    assert ExerciseType.migrations == {} and ExerciseType.answers_migrations == {}


def test_a_tab_indented_json_exercise_reads_like_any_json(tmp_path, monkeypatch):
    from innerwork.catalogue.loader import load_file
    from innerwork.content import sourcefile

    monkeypatch.setattr(sourcefile, "MAX_FLOW_OPENINGS_FOR_LIBYAML", 0)  # the pure-Python parser, as for big files
    import yaml

    from innerwork.paths import shipped

    content = yaml.safe_load((shipped("exercises") / "wins-log.yaml").read_text())
    content["id"] = "tabbed-wins-log"
    path = tmp_path / "tabbed.json"
    path.write_text(json.dumps(content, indent="\t"))
    assert "\t" in path.read_text()
    exercise, _ = load_file(str(path))
    assert exercise.id == "tabbed-wins-log"


# What each subpackage of core/ may import from innerwork (its layer and the ones below it).
FOUNDATIONS = {"errors", "paths", "hookspecs", "later", "text"}
MAY_IMPORT = {
    "text": set(),
    "content": {"errors", "paths", "text"},
    "registry": FOUNDATIONS | {"content"},
    "catalogue": FOUNDATIONS | {"content", "registry"},
    "storage": {"errors", "paths"},
    "app": FOUNDATIONS | {"content", "registry", "catalogue", "storage"},
    "ui": FOUNDATIONS | {"content", "registry", "catalogue", "storage", "app"},
    "serving": FOUNDATIONS,
    "static": FOUNDATIONS | {"content", "registry", "catalogue", "app"},
    "authoring": FOUNDATIONS
    | {"content", "registry", "catalogue", "storage", "app", "ui", "get_exercise", "__version__"},
}


def _innerwork_imports(path, package):
    """The top-level innerwork names (subpackage or module) that a module in core/<package>/ imports."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 2:
            found |= {node.module.split(".")[0]} if node.module else {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("innerwork"):
            parts = node.module.split(".")
            found.add(parts[1] if len(parts) > 1 else "__init__")
        elif isinstance(node, ast.Import):
            found |= {a.name.split(".")[1] for a in node.names if a.name.startswith("innerwork.")}
    return found - {package}


def test_each_layer_imports_only_the_layers_below_it():
    from pathlib import Path

    core = Path(__file__).resolve().parent.parent / "core"
    packages = sorted(p.name for p in core.iterdir() if (p / "__init__.py").is_file())
    assert set(packages) == set(MAY_IMPORT), "a new subpackage needs its place in MAY_IMPORT and docs/architecture.md"
    wrong = [
        f"{module.relative_to(core)} imports {name}"
        for package in packages
        for module in sorted((core / package).glob("*.py"))
        for name in sorted(_innerwork_imports(module, package) - MAY_IMPORT[package])
    ]
    assert wrong == []
