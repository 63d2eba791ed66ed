"""The JSON Schemas shipped in ``schemas/``, and validators compiled once and reused."""
from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from referencing import Registry, Resource

from .paths import shipped


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


Draft202012Validator = _import_validator()


def schemas_dir() -> Path:
    """The folder of shipped schemas (inside the installed package, or the source checkout)."""
    return shipped("schemas")


@lru_cache(maxsize=None)
def load(name: str) -> dict:
    """A shipped schema by file name relative to ``schemas/``, e.g. ``"exercise.schema.json"``."""
    return json.loads((schemas_dir() / name).read_text(encoding="utf-8"))


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


def resolve(schema: dict | str | Path) -> dict:
    """A schema given as a dict, a path to a JSON file, or a shipped schema's name."""
    if isinstance(schema, dict):
        return schema
    path = Path(schema)
    if not path.is_absolute() and not path.exists():
        return load(str(schema))
    return _load_file(str(path.resolve()))


@lru_cache(maxsize=None)
def _load_file(path: str) -> dict:
    """A plugin's schema file, read once (so its validator is compiled once too)."""
    return json.loads(Path(path).read_text(encoding="utf-8"))
