"""What the loaded plugins registered: exercise types, step kinds, content folders, and which plugins failed."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pluggy

from ..content import schemas
from ..content.exercise_type import ExerciseType, isolate
from ..content.steps import StepKind, step_schema
from .plugins import PluginInfo, call_each, check_hooks, make_manager, report_problem


@dataclass
class Plugins:
    """Everything the loaded plugins provide."""

    manager: pluggy.PluginManager
    infos: dict[str, PluginInfo]
    types: dict[str, ExerciseType] = field(default_factory=dict)
    step_kinds: dict[str, type[StepKind]] = field(default_factory=dict)
    content_dirs: list[Path] = field(default_factory=list)
    #: exercise types whose plugin failed: type name -> plugin name (so their files say why)
    failed_types: dict[str, str] = field(default_factory=dict)
    #: step kind -> the plugin that registered it
    step_kind_plugins: dict[str, str] = field(default_factory=dict)
    #: content folder -> the plugin that registered it (INNERWORK_EXERCISES folders have none)
    content_dir_plugins: dict[Path, str] = field(default_factory=dict)


@lru_cache(maxsize=1)
def plugins() -> Plugins:
    """Load plugins once per process and collect their exercise types, step kinds and content.

    Everything a plugin registers is checked as it registers (an exercise type's schemas are read and
    compiled); a plugin that fails anywhere is left out as a whole, and the rest keep working.
    """
    manager, infos = make_manager()
    check_hooks(manager, infos)
    found = Plugins(manager, infos)
    kind_plugins = found.step_kind_plugins
    dir_plugins: list[str] = []

    def add_type(plugin_name):
        def register(exercise_type: ExerciseType):
            if isinstance(exercise_type, type):
                exercise_type = exercise_type()
            if not exercise_type.name:
                raise ValueError("an exercise type needs a name")
            if exercise_type.name in found.types:
                other = found.types[exercise_type.name].plugin
                raise ValueError(f"exercise type '{exercise_type.name}' is already registered by plugin '{other}'")
            found.failed_types[exercise_type.name] = plugin_name  # until it is ready
            exercise_type.plugin = plugin_name
            prepare(exercise_type)
            isolate(exercise_type, lambda what, exc: report_problem(infos[plugin_name], what, exc))
            del found.failed_types[exercise_type.name]
            found.types[exercise_type.name] = exercise_type
            infos[plugin_name].exercise_types.append(exercise_type.name)

        return {"register": register}

    def add_kind(plugin_name):
        def register(kind: type[StepKind]):
            if not (isinstance(kind, type) and issubclass(kind, StepKind)):
                raise TypeError(f"register_step_kinds registers StepKind subclasses, not {kind!r}")
            if kind.kind in found.step_kinds:
                raise ValueError(f"step kind '{kind.kind}' is already registered")
            try:
                if kind.schema is not None:
                    schemas.check_and_compile(step_schema(kind))
            except schemas.SchemaProblem as exc:
                raise ValueError(f"the schema of step kind '{kind.kind}' ({kind.__name__}.schema) {exc}") from None
            found.step_kinds[kind.kind] = kind
            kind_plugins[kind.kind] = plugin_name
            infos[plugin_name].step_kinds.append(kind.kind)

        return {"register": register}

    def add_dir(plugin_name):
        def register(path):
            found.content_dirs.append(Path(path))
            dir_plugins.append(plugin_name)

        return {"register": register}

    call_each(manager, infos, "register_exercise_types", add_type)
    call_each(manager, infos, "register_step_kinds", add_kind)
    call_each(manager, infos, "register_content_dirs", add_dir)
    failed = {name for name, info in infos.items() if info.status == "failed"}
    for name in [n for n, t in found.types.items() if t.plugin in failed]:
        found.failed_types[name] = found.types.pop(name).plugin
    for kind in [k for k, plugin in kind_plugins.items() if plugin in failed]:
        del found.step_kinds[kind]
    kept = [(d, plugin) for d, plugin in zip(found.content_dirs, dir_plugins, strict=True) if plugin not in failed]
    found.content_dirs = [d for d, _ in kept]
    found.content_dir_plugins = dict(kept)
    extra = os.environ.get("INNERWORK_EXERCISES")
    if extra:
        found.content_dirs += [Path(p) for p in extra.split(os.pathsep) if p]
    return found


def prepare(exercise_type: ExerciseType) -> None:
    """Read, check and compile an exercise type's schemas now, so a mistake fails its plugin at loading,
    not the catalogue later. Raises ValueError naming the type, the schema and the file."""
    for which in ("content", "answers"):
        given = getattr(exercise_type, f"{which}_schema")
        label = f"the {which} schema of '{exercise_type.name}'"
        if not isinstance(given, dict):
            label += f" ({given})"
        try:
            schemas.check_and_compile(schemas.resolve(given))
        except schemas.SchemaProblem as exc:
            raise ValueError(f"{label} {exc}") from None
