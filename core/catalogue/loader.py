"""Load exercise files from every content location and check each one before anyone sees it."""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..content import schemas
from ..content.exercise_type import Exercise, ExerciseType
from ..content.sourcefile import FileProblem, SourceFile, pointer_join, read
from ..content.steps import StepKind, step_schema
from ..errors import ContentError, InvalidContent, UnknownExercise
from ..registry.registered import Plugins, plugins

SUFFIXES = {".yaml", ".yml", ".json"}
_JSON_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of fields",
    "null": "nothing",
}


def reset() -> None:
    """Forget loaded plugins and content (after installing a plugin, or in tests)."""
    plugins.cache_clear()
    catalogue.cache_clear()


@dataclass
class Catalogue:
    """Every exercise that loaded, and an error for every file that did not."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    errors: list[ContentError] = field(default_factory=list)
    #: files written for an older ``schema_version`` of their type (still loaded, upgraded in memory)
    outdated: list[ContentError] = field(default_factory=list)
    files: int = 0

    def get(self, exercise_id: str) -> Exercise:
        try:
            return self.exercises[exercise_id]
        except KeyError:
            close = difflib.get_close_matches(exercise_id, self.exercises, n=3)
            hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise UnknownExercise(
                f"No exercise has the id {exercise_id!r}.{hint} `innerwork list` shows them all."
            ) from None


def display_path(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def find_files(paths) -> list[Path]:
    """Exercise files under ``paths`` (files or folders), sorted."""
    found = []
    for path in map(Path, paths):
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES and p.is_file())
        else:
            found.append(path)
    return found


@lru_cache(maxsize=1)
def catalogue() -> Catalogue:
    """The catalogue of every registered content location, loaded once."""
    return load_catalogue(plugins().content_dirs)


def load_catalogue(paths, registry: Plugins | None = None) -> Catalogue:
    """Load and check every exercise file under ``paths``; bad files are reported and skipped."""
    registry = registry or plugins()
    result = Catalogue()
    first_seen: dict[str, Path] = {}
    for path in find_files(paths):
        result.files += 1
        try:
            exercise, notes = load_file(path, registry)
        except InvalidContent as exc:
            result.errors += exc.errors
            continue
        if exercise.id in first_seen:
            first = read(first_seen[exercise.id], display_path(first_seen[exercise.id])).error("/id", "")
            result.errors.append(
                read(path, exercise.path).error(
                    "/id",
                    f"the id '{exercise.id}' is already used by {first.file}:{first.line}:{first.column}; "
                    "ids must be unique",
                )
            )
            continue
        first_seen[exercise.id] = path
        result.outdated += notes
        result.exercises[exercise.id] = exercise
    return result


def load_file(path: str | Path, registry: Plugins | None = None) -> tuple[Exercise, list[ContentError]]:
    """Load one exercise file; raise :class:`InvalidContent` listing every problem found."""
    registry = registry or plugins()
    path = Path(path)
    try:
        source = read(path, display_path(path))
    except FileProblem as problem:
        raise InvalidContent([problem.error]) from None
    data = source.data
    if not isinstance(data, dict):
        raise InvalidContent(
            [source.error("", f"expected a mapping of fields (id, type, title, ...), found {_kind(data)}")]
        )
    errors = schema_errors(source, data, schemas.load("exercise.schema.json"), "")
    type_name = data.get("type")
    exercise_type = registry.types.get(type_name) if isinstance(type_name, str) else None
    if isinstance(type_name, str) and exercise_type is None:
        errors.append(source.error("/type", unknown_type_message(type_name, registry.types, registry.failed_types)))
    notes: list[ContentError] = []
    content = data.get("content")
    if exercise_type and isinstance(content, dict) and isinstance(data.get("schema_version"), int):
        content, upgrade_problem = upgrade(exercise_type, data["schema_version"], content)
        if upgrade_problem:
            errors.append(source.error("/schema_version", upgrade_problem, exercise_type.plugin))
        elif data["schema_version"] < exercise_type.content_version:
            notes.append(
                source.error(
                    "/schema_version",
                    f"written for version {data['schema_version']} of "
                    f"'{exercise_type.name}'; the newest is {exercise_type.content_version}. "
                    "`innerwork migrate` upgrades it",
                    exercise_type.plugin,
                )
            )
        else:
            errors += schema_errors(
                source, content, exercise_type.content_schema_dict(), "/content", exercise_type.plugin
            )
    if errors:
        raise InvalidContent(sorted(errors, key=lambda e: (e.line or 0, e.column or 0)))
    assert exercise_type is not None and isinstance(content, dict)  # the envelope schema requires both
    exercise = Exercise(
        id=data["id"],
        type=data["type"],
        schema_version=data["schema_version"],
        title=data["title"],
        summary=data["summary"],
        minutes=data["minutes"],
        source=data["source"],
        content=content,
        exercise_type=exercise_type,
        steps=[],
        tags=data.get("tags", []),
        locale=data.get("locale", "en"),
        path=source.path,
    )
    exercise.steps = build_steps(exercise, source, registry)
    problems = exercise_type.content_problems(exercise)
    if problems:
        raise InvalidContent([source.error(pointer, message, exercise_type.plugin) for pointer, message in problems])
    return exercise, notes


def upgrade(exercise_type: ExerciseType, version: int, content: dict) -> tuple[dict, str | None]:
    """Content upgraded to the type's newest version, or a message saying why it can't be."""
    if version > exercise_type.content_version:
        return content, (
            f"written for version {version} of '{exercise_type.name}', but the installed plugin "
            f"'{exercise_type.plugin}' reads up to version {exercise_type.content_version}; "
            "upgrade the plugin"
        )
    while version < exercise_type.content_version:
        step = exercise_type.migrations.get(version)
        if step is None:
            return content, (
                f"written for version {version} of '{exercise_type.name}', and the plugin has "
                f"no upgrade from it to version {exercise_type.content_version}"
            )
        content, version = step(content), version + 1
    return content, None


def build_steps(exercise: Exercise, source: SourceFile, registry: Plugins) -> list[StepKind]:
    """Make step objects from the type's step specs, checking kinds and references between steps."""
    errors: list[ContentError] = []
    steps: list[StepKind] = []
    by_id: dict[str, StepKind] = {}
    plugin = exercise.exercise_type.plugin
    try:
        specs = exercise.exercise_type.step_specs(exercise)
    except Exception as exc:  # a bug in the plugin: this file cannot be used, the others can
        raise InvalidContent(
            [
                source.error(
                    "/content",
                    f"{type(exercise.exercise_type).__name__}.step_specs() failed: {type(exc).__name__}: {exc}",
                    plugin,
                )
            ]
        ) from None
    for index, spec in enumerate(specs):
        where = f"/content/steps/{index}"
        kind = registry.step_kinds.get(str(spec.get("kind")))
        if kind is None:
            errors.append(
                source.error(
                    where + "/kind",
                    unknown_kind_message(spec.get("kind"), registry.step_kinds),
                    plugin,
                )
            )
            continue
        if kind.schema is not None:  # the built-in kinds are checked by the shipped steps schema
            problems = schema_errors(source, spec, step_schema(kind), where, plugin)
            if problems:  # this step's own problems: later steps are still checked
                errors += problems
                continue
        if spec["id"] in by_id:
            errors.append(
                source.error(where + "/id", f"two steps have the id '{spec['id']}'; step ids must be unique", plugin)
            )
            continue
        try:
            step = kind(spec)
        except Exception as exc:  # a bug in a step kind: this file cannot be used, the others can
            kind_plugin = registry.step_kind_plugins.get(kind.kind, plugin)
            errors.append(
                source.error(
                    where, f"step kind '{kind.kind}' failed on this step: {type(exc).__name__}: {exc}", kind_plugin
                )
            )
            continue
        for ref in ("items_from", "sort_by"):
            target = spec.get(ref)
            if target is not None and target not in by_id:
                errors.append(
                    source.error(
                        f"{where}/{ref}",
                        f"'{target}' is not the id of an earlier step; earlier steps: {', '.join(by_id) or 'none'}",
                        plugin,
                    )
                )
        step.steps_by_id = by_id
        by_id[step.id] = step
        steps.append(step)
    if errors:
        raise InvalidContent(sorted(errors, key=lambda e: (e.line or 0, e.column or 0)))
    return steps


def unknown_kind_message(name, kinds: dict) -> str:
    close = difflib.get_close_matches(str(name), kinds, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"unknown step kind {name!r}; {hint}known kinds: {', '.join(sorted(kinds))}"


def unknown_type_message(name: str, types: dict, failed: dict[str, str] | None = None) -> str:
    failed = failed or {}
    if name in failed:
        return (
            f"the exercise type '{name}' is not available: its plugin '{failed[name]}' failed to load; "
            "`innerwork plugins` shows why"
        )
    close = difflib.get_close_matches(name, types, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"unknown exercise type '{name}'; {hint}installed types: {', '.join(sorted(types)) or 'none'}"


def _kind(value) -> str:
    names = {
        dict: "a mapping",
        list: "a list",
        str: "text",
        bool: "true or false",
        int: "a number",
        float: "a number",
        type(None): "nothing",
    }
    return names.get(type(value), type(value).__name__)


def schema_errors(
    source: SourceFile, instance, schema: dict, prefix: str, plugin: str | None = None
) -> list[ContentError]:
    """Every schema violation in ``instance`` as a :class:`ContentError` in plain words."""
    found = []
    for error in schemas.validator(schema).iter_errors(instance):
        pointer = prefix
        for key in error.absolute_path:
            pointer = pointer_join(pointer, key)
        for message, at in friendly(error, pointer):
            found.append(source.error(at, message, plugin))
    return found


def friendly(error, pointer: str) -> list[tuple[str, str]]:
    """Plain-words messages (with the pointer each belongs at) for one jsonschema error."""
    value, schema = error.instance, error.schema
    if error.validator == "required":
        missing = [name for name in error.validator_value if isinstance(value, dict) and name not in value]
        return [(f"missing required field '{name}'", pointer) for name in missing]
    if error.validator == "additionalProperties" and isinstance(value, dict):
        allowed = list(schema.get("properties", {}))
        out = []
        for key in value:
            if key in allowed or any(re.search(p, key) for p in schema.get("patternProperties", {})):
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            out.append(
                (f"unknown field '{key}'; {hint}allowed fields: {', '.join(allowed)}", pointer_join(pointer, key))
            )
        return out
    if error.validator == "type":
        expected = error.validator_value
        expected = " or ".join(
            _JSON_TYPES.get(str(t), str(t)) for t in (expected if isinstance(expected, list) else [expected])
        )
        if isinstance(value, bool) and "string" in str(error.validator_value):
            return [
                (
                    f"expected {expected}, found {str(value).lower()}; YAML reads a bare yes, no, on or off "
                    "as true or false, so put the word in quotes",
                    pointer,
                )
            ]
        return [(f"expected {expected}, found {_kind(value)}: {value!r}"[:300], pointer)]
    if error.validator in ("enum", "const"):
        options = error.validator_value if error.validator == "enum" else [error.validator_value]
        return [(f"{value!r} is not allowed here; expected one of: {', '.join(map(repr, options))}", pointer)]
    if error.validator == "pattern" and schema.get("description"):
        return [(f"{value!r} is not in the expected form: {schema['description']}", pointer)]
    if error.validator in ("contains", "minContains", "maxContains") and isinstance(value, list):
        return [(contains_message(schema, len(value)), pointer)]
    return [(_short_message(error), pointer)]


def contains_message(schema: dict, count: int) -> str:
    """Why a ``contains`` rule failed, in words: what the list must hold, not the list itself."""
    wanted = schema.get("contains", {})
    what = wanted.get("description") if isinstance(wanted, dict) else None
    what = what or json.dumps(wanted, ensure_ascii=False)[:200]
    least, most = schema.get("minContains", 1), schema.get("maxContains")
    amount = f"at least {least}" if most is None else f"between {least} and {most}"
    reason = schema.get("description", "")
    return f"this list of {count} item(s) must hold {amount} item(s) matching {what}" + (
        f" ({reason})" if reason else ""
    )


def _short_message(error) -> str:
    """jsonschema's message, with a long copy of the value replaced by a mention of it."""
    message, shown = error.message, repr(error.instance)
    if len(shown) > 60 and shown in message:
        message = message.replace(shown, f"the {_kind(error.instance)} here", 1)
    return message[:300]
