"""``innerwork migrate``: rewrite exercise files written for an older version of their type, with a backup."""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..content.sourcefile import FileProblem, read
from ..errors import ContentError
from .loader import Plugins, display_path, plugins, schema_errors, upgrade


@dataclass
class Migration:
    """What happened to one file: ``old`` and ``new`` versions, a backup, or the errors that stopped it."""

    path: str
    old: int | None = None
    new: int | None = None
    backup: str | None = None
    errors: list[ContentError] | None = None

    @property
    def outdated(self) -> bool:
        return self.old is not None and self.new is not None and self.old < self.new


def migrate_file(path: str | Path, write: bool = True, registry: Plugins | None = None) -> Migration:
    """Upgrade one exercise file to its type's newest ``schema_version``; keep the original as ``FILE.vN.bak``."""
    registry = registry or plugins()
    path = Path(path)
    result = Migration(display_path(path))
    try:
        source = read(path, result.path)
    except FileProblem as problem:
        result.errors = [problem.error]
        return result
    data = source.data
    exercise_type = registry.types.get(str(data.get("type"))) if isinstance(data, dict) else None
    if (
        exercise_type is None
        or not isinstance(data.get("schema_version"), int)
        or not isinstance(data.get("content"), dict)
    ):
        result.errors = [
            source.error(
                "/type",
                "not an exercise file of an installed type with a schema_version "
                "and content; `innerwork validate` says more",
            )
        ]
        return result
    result.old, result.new = data["schema_version"], exercise_type.content_version
    if not result.outdated:
        return result
    content, upgrade_problem = upgrade(exercise_type, result.old, data["content"])
    errors = (
        [source.error("/schema_version", upgrade_problem)]
        if upgrade_problem
        else schema_errors(source, content, exercise_type.content_schema_dict(), "/content", exercise_type.plugin)
    )
    if errors:
        result.errors = errors
        return result
    if write:
        backup = path.with_name(f"{path.name}.v{result.old}.bak")
        shutil.copy2(path, backup)
        result.backup = display_path(backup)
        upgraded = {**data, "schema_version": result.new, "content": content}
        if path.suffix.lower() == ".json":
            text = json.dumps(upgraded, indent=2, ensure_ascii=False) + "\n"
        else:
            text = yaml.safe_dump(upgraded, sort_keys=False, allow_unicode=True, width=100)
        path.write_text(text, encoding="utf-8")
    return result
