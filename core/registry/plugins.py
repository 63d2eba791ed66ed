"""Find and load plugins from the ``innerwork`` entry-point group, one failure at a time.

``INNERWORK_LOAD_PLUGINS``: comma-separated plugin or distribution names to load
(empty: none). ``INNERWORK_DISABLE_PLUGINS``: comma-separated names not to load.
``INNERWORK_STRICT_PLUGINS=1``: a plugin that fails is an error.
``INNERWORK_TRACE_PLUGINS=1``: print every hook call to standard error.
``INNERWORK_PLUGINS_DIR``: folders (separated like ``PATH``) of plugin modules to load
without installing them, while developing one.
"""

from __future__ import annotations

import contextlib
import contextvars
import difflib
import functools
import importlib
import importlib.util
import os
import re
import sys
import warnings
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pluggy

from .. import hookspecs
from ..errors import PluginError, PluginLoadError, PluginWarning

ENTRY_POINT_GROUP = "innerwork"
#: built-in plugins innerwork cannot read an exercise without (the step kit): always loaded, whatever
#: INNERWORK_LOAD_PLUGINS and INNERWORK_DISABLE_PLUGINS say, and found even when the package's entry points are stale
ALWAYS_LOADED = {"builtin_steps": "innerwork_plugins.builtin_steps"}
#: hooks innerwork calls plugin by plugin while loading (see :func:`call_each`); the others are runtime
#: hooks, called one plugin at a time by :func:`call_each_safely`
REGISTER_HOOKS = ("register_exercise_types", "register_step_kinds", "register_content_dirs")
HOOKS = sorted(name for name in dir(hookspecs) if hasattr(getattr(hookspecs, name), "innerwork_spec"))


@dataclass
class PluginInfo:
    """What ``innerwork plugins`` shows about one plugin."""

    name: str
    distribution: str = ""
    version: str = ""
    status: str = "loaded"  # loaded | failed | not loaded | no entry point
    reason: str = ""
    hooks: list[str] = field(default_factory=list)
    exercise_types: list[str] = field(default_factory=list)
    step_kinds: list[str] = field(default_factory=list)
    #: problems that did not stop the plugin (a hook innerwork does not know, a call that failed)
    problems: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _names(variable: str) -> set[str] | None:
    value = os.environ.get(variable)
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


_strict_here: contextvars.ContextVar[bool] = contextvars.ContextVar("innerwork_strict_plugins", default=False)


def is_strict() -> bool:
    """Whether a plugin failure is an error (``INNERWORK_STRICT_PLUGINS=1``, or inside :func:`strict`)."""
    return _strict_here.get() or os.environ.get("INNERWORK_STRICT_PLUGINS", "").lower() in {"1", "true", "yes"}


@contextlib.contextmanager
def strict():
    """Within this block every plugin failure raises :class:`PluginError` (the conformance kit uses it)."""
    token = _strict_here.set(True)
    try:
        yield
    finally:
        _strict_here.reset(token)


def describe(info: PluginInfo) -> str:
    return f"innerwork plugin '{info.name}' ({info.distribution or 'unknown package'})"


def report_failure(info: PluginInfo, exc: BaseException) -> None:
    """Mark a plugin failed; warn and carry on, or raise in strict mode."""
    info.status = "failed"
    info.reason = f"{type(exc).__name__}: {exc}"
    message = f"{describe(info)} was skipped: {info.reason}"
    if is_strict():
        raise PluginLoadError(message) from exc
    warnings.warn(message, PluginWarning, stacklevel=3)


def report_problem(info: PluginInfo, problem: str, exc: BaseException | None = None, once: bool = False) -> None:
    """A plugin did something wrong but stays loaded: note it and warn, or raise in strict mode.

    ``once``: a problem already noted for this plugin is not warned about again (strict mode still raises).
    """
    message = f"{describe(info)}: {problem}"
    if is_strict():
        raise PluginError(message) from exc
    if once and problem in info.problems:
        return
    info.problems.append(problem)
    warnings.warn(message, PluginWarning, stacklevel=3)


def make_manager() -> tuple[pluggy.PluginManager, dict[str, PluginInfo]]:
    """A plugin manager with every allowed plugin from the entry-point group (and plugin folders) registered."""
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    if os.environ.get("INNERWORK_TRACE_PLUGINS", "").lower() in {"1", "true", "yes"}:
        pm.trace.root.setwriter(lambda text: sys.stderr.write(text))
        pm.enable_tracing()
    wanted, disabled = _names("INNERWORK_LOAD_PLUGINS"), _names("INNERWORK_DISABLE_PLUGINS") or set()
    infos: dict[str, PluginInfo] = {}
    for name, dist, version, load in sorted(_entry_points(), key=lambda found: found[0]) + _folder_plugins():
        info = PluginInfo(name, dist, version)
        if name in infos:
            clash = ValueError(
                f"the plugin name '{name}' is already used by {infos[name].distribution or 'another plugin'}"
            )
            infos[f"{name} ({dist or 'another plugin'})"] = info  # listed by `innerwork plugins` with the reason
            report_failure(info, clash)
            continue
        infos[name] = info
        skipped = _why_not_loaded(name, dist, wanted, disabled)
        if skipped:
            info.status, info.reason = "not loaded", skipped
            continue
        try:
            plugin = load()
            pm.register(plugin, name=name)
        except Exception as exc:  # any fault in someone's plugin must not stop the rest
            report_failure(info, exc)
            continue
        info.hooks = sorted(impl_name for impl_name in dir(plugin) if _is_hookimpl(plugin, impl_name))
    return pm, infos


def _why_not_loaded(name: str, dist: str, wanted: set[str] | None, disabled: set[str]) -> str | None:
    if name in ALWAYS_LOADED and dist in ("", "innerwork"):
        return None
    if wanted is not None and name not in wanted and dist not in wanted:
        return "not in INNERWORK_LOAD_PLUGINS"
    if name in disabled or dist in disabled:
        return "turned off by INNERWORK_DISABLE_PLUGINS"
    return None


def _entry_points():
    found = set()
    for ep in metadata.entry_points(group=ENTRY_POINT_GROUP):
        found.add(ep.name)
        yield ep.name, ep.dist.name if ep.dist else "", ep.dist.version if ep.dist else "", ep.load
    for name, module in ALWAYS_LOADED.items():
        if name not in found:
            yield name, "innerwork", "", functools.partial(importlib.import_module, module)


def plugin_dirs() -> list[Path]:
    """The folders named by ``INNERWORK_PLUGINS_DIR``, each once (``--plugins-dir`` adds to it)."""
    folders = [Path(p) for p in os.environ.get("INNERWORK_PLUGINS_DIR", "").split(os.pathsep) if p]
    once: dict[Path, Path] = {}
    for folder in folders:
        once.setdefault(folder.resolve(), folder)
    return list(once.values())


def _folder_plugins() -> list:
    """Each ``NAME.py`` file and ``NAME/__init__.py`` package in the plugin folders, as a plugin called NAME."""
    found = []
    for folder in plugin_dirs():
        if not folder.is_dir():
            warnings.warn(f"INNERWORK_PLUGINS_DIR names {folder}, which is not a folder", PluginWarning, stacklevel=3)
            continue
        for path in sorted(folder.iterdir()):
            init = path / "__init__.py"
            if path.name.startswith(("_", ".")) or not (path.suffix == ".py" or init.is_file()):
                continue
            name = path.stem if path.suffix == ".py" else path.name
            found.append((name, f"{folder}{os.sep}", "", functools.partial(_import_file, name, path)))
    return found


def _import_file(name: str, path: Path):
    """Import ``path`` (a module file or a package folder) as the module ``name``."""
    is_package = path.is_dir()
    spec = importlib.util.spec_from_file_location(
        name,
        path / "__init__.py" if is_package else path,
        submodule_search_locations=[str(path)] if is_package else None,
    )
    if spec is None or spec.loader is None:
        raise ImportError(f"{path} cannot be imported as a Python module")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def _is_hookimpl(plugin, name: str) -> bool:
    return hasattr(getattr(plugin, name, None), "innerwork_impl")


def check_hooks(pm: pluggy.PluginManager, infos: dict[str, PluginInfo]) -> None:
    """Report every hook implementation innerwork will never call (see :func:`hook_problems`)."""
    for name, plugin in pm.list_name_plugin():
        info = infos.setdefault(name, PluginInfo(name))
        for problem in hook_problems(pm, plugin):
            report_problem(info, problem)


def hook_problems(pm: pluggy.PluginManager, plugin) -> list[str]:
    """Hook implementations of ``plugin`` that are never called: a name no hook has (a misspelling), or a
    function named like a hook but not marked with ``@innerwork.hookimpl``."""
    problems = []
    for caller in pm.get_hookcallers(plugin) or []:
        if caller.spec is None and not any(i.optionalhook for i in caller.get_hookimpls() if i.plugin is plugin):
            close = difflib.get_close_matches(caller.name, HOOKS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(
                f"has a hook implementation '{caller.name}', which is not an innerwork hook, "
                f"so it is never called; {hint}hooks: {', '.join(HOOKS)}"
            )
    for hook in HOOKS:
        if callable(getattr(plugin, hook, None)) and not _is_hookimpl(plugin, hook):
            problems.append(f"'{hook}' is not marked with @innerwork.hookimpl, so it is never called")
    return problems


def call_each(pm: pluggy.PluginManager, infos: dict[str, PluginInfo], hook_name: str, make_kwargs):
    """Call one hook plugin by plugin, so that a failing plugin is skipped, not fatal.

    ``make_kwargs(plugin_name)`` gives the keyword arguments for that plugin's call.
    """
    for impl in reversed(getattr(pm.hook, hook_name).get_hookimpls()):
        info = infos.setdefault(impl.plugin_name, PluginInfo(impl.plugin_name))
        if info.status == "failed":
            continue
        kwargs = make_kwargs(impl.plugin_name)
        try:
            impl.function(**{name: kwargs[name] for name in impl.argnames})
        except PluginError:
            raise
        except Exception as exc:
            report_failure(info, exc)


def call_each_safely(pm: pluggy.PluginManager, infos: dict[str, PluginInfo], hook_name: str, **kwargs) -> list:
    """Call every plugin's runtime hook ``hook_name`` on its own; one that raises is reported and skipped.

    The report (once per plugin and hook, through :func:`report_problem`) names the plugin, the hook and the
    kind of error, never the error's text or the arguments: they can hold a person's answers. In strict mode
    it is a :class:`PluginError`. Returns the other plugins' results, in pluggy's calling order.
    """
    results = []
    for impl in reversed(getattr(pm.hook, hook_name).get_hookimpls()):
        if impl.hookwrapper or impl.wrapper:
            continue
        try:
            results.append(impl.function(**{name: kwargs[name] for name in impl.argnames}))
        except Exception as exc:  # one faulty plugin must not silence the others
            info = infos.setdefault(impl.plugin_name, PluginInfo(impl.plugin_name))
            problem = f"failed in {hook_name} ({type(exc).__name__}); the other plugins carried on"
            report_problem(info, problem, exc, once=True)
    return results


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def packages_without_entry_point() -> list[PluginInfo]:
    """Installed packages named ``innerwork-*`` that declare no ``innerwork`` entry point, so nothing loads
    from them (slow: reads every installed package's metadata; for ``innerwork plugins`` and the kit)."""
    found = {}
    for dist in metadata.distributions():
        name = dist.metadata["Name"] or ""
        if not _normal(name).startswith("innerwork-") or _normal(name) in found:
            continue
        if not any(ep.group == ENTRY_POINT_GROUP for ep in dist.entry_points):
            found[_normal(name)] = PluginInfo(
                name,
                name,
                dist.version,
                status="no entry point",
                reason=f"the package {name} is installed but declares no '{ENTRY_POINT_GROUP}' entry point, so "
                f"innerwork loads nothing from it; add [project.entry-points.{ENTRY_POINT_GROUP}] to its "
                'pyproject.toml (NAME = "your_module") and install it again',
            )
    return sorted(found.values(), key=lambda info: info.name)
