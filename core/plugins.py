"""Find and load plugins from the ``innerwork`` entry-point group, one failure at a time.

``INNERWORK_LOAD_PLUGINS``: comma-separated plugin or distribution names to load
(empty: none). ``INNERWORK_DISABLE_PLUGINS``: comma-separated names not to load.
``INNERWORK_STRICT_PLUGINS=1``: a plugin that fails is an error.
``INNERWORK_TRACE_PLUGINS=1``: print every hook call to standard error.
"""
from __future__ import annotations

import os
import sys
import warnings
from dataclasses import dataclass, field
from importlib import metadata

import pluggy

from . import hookspecs
from .errors import PluginLoadError, PluginWarning

ENTRY_POINT_GROUP = "innerwork"


@dataclass
class PluginInfo:
    """What ``innerwork plugins`` shows about one plugin."""

    name: str
    distribution: str = ""
    version: str = ""
    status: str = "loaded"  # loaded | failed | not loaded
    reason: str = ""
    hooks: list[str] = field(default_factory=list)
    exercise_types: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def _names(variable: str) -> set[str] | None:
    value = os.environ.get(variable)
    if value is None:
        return None
    return {name.strip() for name in value.split(",") if name.strip()}


def _strict() -> bool:
    return os.environ.get("INNERWORK_STRICT_PLUGINS", "").lower() in {"1", "true", "yes"}


def report_failure(info: PluginInfo, exc: BaseException) -> None:
    """Mark a plugin failed; warn and carry on, or raise in strict mode."""
    info.status = "failed"
    info.reason = f"{type(exc).__name__}: {exc}"
    message = f"innerwork plugin '{info.name}' ({info.distribution or 'unknown package'}) was skipped: {info.reason}"
    if _strict():
        raise PluginLoadError(message) from exc
    warnings.warn(message, PluginWarning, stacklevel=3)


def make_manager() -> tuple[pluggy.PluginManager, dict[str, PluginInfo]]:
    """A plugin manager with every allowed plugin from the entry-point group registered."""
    pm = pluggy.PluginManager(ENTRY_POINT_GROUP)
    pm.add_hookspecs(hookspecs)
    if os.environ.get("INNERWORK_TRACE_PLUGINS", "").lower() in {"1", "true", "yes"}:
        pm.trace.root.setwriter(lambda text: sys.stderr.write(text))
        pm.enable_tracing()
    wanted, disabled = _names("INNERWORK_LOAD_PLUGINS"), _names("INNERWORK_DISABLE_PLUGINS") or set()
    infos: dict[str, PluginInfo] = {}
    for ep in sorted(metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        dist = ep.dist.name if ep.dist else ""
        info = PluginInfo(ep.name, dist, ep.dist.version if ep.dist else "")
        infos[ep.name] = info
        if wanted is not None and ep.name not in wanted and dist not in wanted:
            info.status = "not loaded"
            info.reason = "not in INNERWORK_LOAD_PLUGINS"
            continue
        if ep.name in disabled or dist in disabled:
            info.status = "not loaded"
            info.reason = "turned off by INNERWORK_DISABLE_PLUGINS"
            continue
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except Exception as exc:  # any fault in someone's plugin must not stop the rest
            report_failure(info, exc)
            continue
        info.hooks = sorted(impl_name for impl_name in dir(plugin) if _is_hookimpl(plugin, impl_name))
    return pm, infos


def _is_hookimpl(plugin, name: str) -> bool:
    return hasattr(getattr(plugin, name, None), "innerwork_impl")


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
        except PluginLoadError:
            raise
        except Exception as exc:
            report_failure(info, exc)



def call_each_safely(pm: pluggy.PluginManager, hook_name: str, **kwargs) -> list:
    """Call every plugin's ``hook_name`` on its own; one that raises is reported once and skipped.

    The warning names the plugin, the hook and the kind of error, never the
    arguments (they can hold a person's answers). Returns the other plugins' results.
    """
    results = []
    reported = pm.__dict__.setdefault("_innerwork_reported_failures", set())  # once per plugin and hook
    for impl in reversed(getattr(pm.hook, hook_name).get_hookimpls()):
        if getattr(impl, "hookwrapper", False) or getattr(impl, "wrapper", False):
            continue
        try:
            results.append(impl.function(**{name: kwargs[name] for name in impl.argnames}))
        except Exception as exc:  # one faulty plugin must not silence the others
            if (impl.plugin_name, hook_name) not in reported:
                reported.add((impl.plugin_name, hook_name))
                warnings.warn(f"innerwork plugin '{impl.plugin_name}' failed in {hook_name} "
                              f"({type(exc).__name__}); the other plugins carried on", PluginWarning, stacklevel=3)
    return results
