"""The JSON Schemas shipped in ``schemas/``, and validators compiled once and reused."""

from __future__ import annotations

import json
import sys
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

from ..paths import shipped


def _import_validator():
    """jsonschema's validator, without its optional "iri" format check.

    That check imports rfc3987_syntax, which builds a parser on import: about 1.3 s and 20 MB in
    every participant's kernel. innerwork never checks formats. If jsonschema is already loaded,
    nothing changes; afterwards, rfc3987_syntax can be imported as usual.
    """
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        from jsonschema import Draft202012Validator

        return Draft202012Validator
    sys.modules["rfc3987_syntax"] = None  # makes "import rfc3987_syntax" fail inside jsonschema
    try:
        from jsonschema import Draft202012Validator
    finally:
        del sys.modules["rfc3987_syntax"]
    return Draft202012Validator


if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
else:
    Draft202012Validator = _import_validator()


#: schemas known to be valid JSON Schemas, by id (kept alive, so an id is never reused)
_compiled: dict[int, dict] = {}


def schemas_dir() -> Path:
    """The folder of shipped schemas (inside the installed package, or the source checkout)."""
    return shipped("schemas")


@cache
def load(name: str) -> dict:
    """A shipped schema by file name relative to ``schemas/``, e.g. ``"exercise.schema.json"``."""
    schema = json.loads((schemas_dir() / name).read_text(encoding="utf-8"))
    _compiled[id(schema)] = schema
    return schema


@lru_cache(maxsize=1)
def registry() -> Registry:
    """Every shipped schema that has an ``$id``, so they can ``$ref`` one another."""
    resources_ = []
    for path in sorted(schemas_dir().rglob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        if "$id" in schema:
            resources_.append((schema["$id"], Resource.from_contents(schema)))
    return Registry().with_resources(resources_)


_validators: dict[int, tuple[dict, Draft202012Validator]] = {}


def validator(schema: dict) -> Draft202012Validator:
    """A compiled validator for ``schema``, made once per schema object."""
    cached = _validators.get(id(schema))
    if cached is None or cached[0] is not schema:
        cached = (schema, Draft202012Validator(schema, registry=registry()))
        _validators[id(schema)] = cached
    return cached[1]


class SchemaProblem(ValueError):
    """A schema that cannot be used: missing, not JSON, not a valid JSON Schema, or a ``$ref`` that leads nowhere."""


def resolve(schema: dict | str | Path) -> dict:
    """A schema given as a dict, a path to a JSON file, or a shipped schema's name."""
    if isinstance(schema, dict):
        return schema
    path = Path(schema)
    if not path.is_absolute() and not path.exists() and (schemas_dir() / path).is_file():
        return load(str(schema))
    if not path.is_file():
        raise SchemaProblem(
            f"cannot be read: {path} is not a file (nor a schema shipped with innerwork; "
            "`innerwork schema-path` shows where those are)"
        )
    return _load_file(str(path.resolve()))


@cache
def _load_file(path: str) -> dict:
    """A plugin's schema file, read once (so its validator is compiled once too)."""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise SchemaProblem(f"is not valid JSON: {path}:{exc.lineno}:{exc.colno}: {exc.msg}") from None


def with_root(schema: dict) -> tuple[Registry, str]:
    """The shipped schemas plus ``schema`` itself, and its base URI, so its local ``#/$defs/...`` resolve."""
    uri = schema.get("$id") or f"urn:innerwork:schema-under-test:{id(schema)}"
    return registry().with_resource(uri, DRAFT202012.create_resource(schema)), uri


def refs(schema, pointer: str = ""):
    """Every ``($ref, pointer)`` in ``schema``, outside nested schemas with their own ``$id``."""
    if isinstance(schema, dict):
        if pointer and "$id" in schema:
            return  # resolved against its own base; jsonschema checks it when used
        if isinstance(schema.get("$ref"), str):
            yield schema["$ref"], pointer or "/"
        for key, value in schema.items():
            if key not in ("const", "enum", "default", "examples"):
                yield from refs(value, f"{pointer}/{key}")
    elif isinstance(schema, list):
        for index, value in enumerate(schema):
            yield from refs(value, f"{pointer}/{index}")


def check_and_compile(schema: dict) -> Draft202012Validator:
    """Check that ``schema`` is a valid JSON Schema whose every ``$ref`` resolves, and compile it."""
    if not isinstance(schema, dict):
        raise SchemaProblem(f"is not a JSON object but {type(schema).__name__}")
    if _compiled.get(id(schema)) is schema:
        return validator(schema)  # checked already, or shipped with innerwork (its own tests check those)
    from jsonschema.exceptions import best_match

    error = best_match(_meta_validator().iter_errors(schema))
    if error is not None:
        where = "/" + "/".join(map(str, error.absolute_path))
        raise SchemaProblem(f"is not a valid JSON Schema: at {where}: {error.message[:300]}")
    found, uri = with_root(schema)
    resolver = found.resolver(base_uri=uri)
    for ref, pointer in refs(schema):
        try:
            resolver.lookup(ref)
        except Unresolvable:
            raise SchemaProblem(f"has a $ref that leads nowhere: '{ref}' at {pointer}") from None
    _compiled[id(schema)] = schema  # kept, so the id is not reused
    return validator(schema)


@lru_cache(maxsize=1)
def _meta_validator() -> Draft202012Validator:
    """The validator of JSON Schemas themselves, made once (``check_schema`` would make one per call)."""
    return Draft202012Validator(Draft202012Validator.META_SCHEMA)
