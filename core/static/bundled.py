"""Which installed plugins go to a static site beside innerwork, and the wheel each one goes in.

A plugin goes to the browser when it was installed from a package (a plugin folder is none), every file
of that package is Python or data (no compiled code), and each of its requirements is in the site.
Its wheel is written from the installed files (an editable install's too), with its entry points, so
innerwork finds it in the browser as it does here, and with its exercise files replaced by JSON checked
at build time (the browser reads no YAML).
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath

from ..catalogue.loader import SUFFIXES
from ..registry.plugins import ENTRY_POINT_GROUP
from ..registry.registered import Plugins
from . import pins, pyodide, wheels

#: files that cannot run in a browser: compiled extension modules and shared libraries
COMPILED = re.compile(r"\.(so|pyd|dylib|dll)(\.[0-9.]+)?$", re.IGNORECASE)
#: left in a plugin's content folder when the site offers none of its exercises, so the folder is there
EMPTY_CONTENT_README = (
    b"This plugin's exercises go to a static site as JSON checked when it is built; this one offers none.\n"
)
#: the Pyodide platform, for the environment markers of a plugin's requirements
BROWSER_MARKERS = {
    "sys_platform": "emscripten",
    "platform_system": "Emscripten",
    "platform_machine": "wasm32",
    "os_name": "posix",
    "python_version": pins.PYTHON,
    "python_full_version": f"{pins.PYTHON}.0",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "extra": "",
}


@dataclass
class SitePlugin:
    """An installed package of plugins that goes to the browser: its files, by their name in the wheel."""

    distribution: metadata.Distribution
    plugins: list[str]
    files: dict[str, Path]
    requires: list = field(default_factory=list)  # packaging Requirements that hold in the browser

    @property
    def name(self) -> str:
        return self.distribution.metadata["Name"]

    def label(self) -> str:
        return f"{', '.join(self.plugins)} ({self.name} {self.distribution.version})"

    def arcname(self, path: Path) -> str | None:
        """``path``'s name inside this package's wheel, if the package holds it."""
        wanted = path.resolve()
        return next((arc for arc, file in self.files.items() if file.resolve() == wanted), None)


@dataclass
class LeftOut:
    """Plugins a static site cannot carry, and why, in words for the person building it."""

    plugins: list[str]
    source: str
    reason: str

    def __str__(self) -> str:
        return f"{', '.join(self.plugins)} ({self.source}): {self.reason}"


def sort_plugins(registry: Plugins) -> tuple[list[SitePlugin], list[LeftOut]]:
    """The loaded plugins other than innerwork's, grouped by package: those whose files can go to the
    browser, and those left out with the reason. Requirements are checked later (:func:`settle`), once
    the site's wheels are known; those of innerwork itself and of the other plugins are checked here."""
    by_source: dict[str, list[str]] = {}
    for info in registry.infos.values():
        if info.status == "loaded" and info.distribution != "innerwork":
            by_source.setdefault(info.distribution, []).append(info.name)
    carried, left_out = [], []
    for source, names in sorted(by_source.items()):
        try:
            dist = metadata.distribution(source)
        except (metadata.PackageNotFoundError, ValueError):
            folder = "comes from a plugin folder, not an installed package; install it with pip to take it along"
            left_out.append(LeftOut(names, f"a plugin folder {source}", folder))
            continue
        files = installed_files(dist)
        impure = why_not_pure(dist, files)
        if impure:
            left_out.append(LeftOut(names, f"{dist.metadata['Name']} {dist.version}", impure))
        else:
            carried.append(SitePlugin(dist, names, files, browser_requirements(dist)))
    known = {"innerwork": metadata.version("innerwork")} | {canonical(p.name): p.distribution.version for p in carried}
    return settle(carried, left_out, known, complete=False)


def settle(
    carried: list[SitePlugin], left_out: list[LeftOut], site: dict[str, str], complete: bool = True
) -> tuple[list[SitePlugin], list[LeftOut]]:
    """Leave out each plugin package with a requirement the site does not meet (``site``: project →
    version, with the plugins carried). Not ``complete``: only the requirements ``site`` names are
    checked. Repeats until none is left out, as one plugin package may need another."""
    carried, left_out, site = list(carried), list(left_out), dict(site)
    while True:
        unmet = {p.name: why for p in carried if (why := unmet_requirement(p, site, complete))}
        if not unmet:
            return carried, left_out
        for plugin in [p for p in carried if p.name in unmet]:
            carried.remove(plugin)
            site.pop(canonical(plugin.name), None)
            left_out.append(LeftOut(plugin.plugins, f"{plugin.name} {plugin.distribution.version}", unmet[plugin.name]))


def unmet_requirement(plugin: SitePlugin, site: dict[str, str], complete: bool) -> str | None:
    for requirement in plugin.requires:
        name = canonical(requirement.name)
        if name not in site:
            if complete:
                given = f" (its requirement '{requirement}')" if str(requirement) != requirement.name else ""
                return f"needs '{requirement.name}', which is not in the site{given}"
            continue
        if requirement.specifier and not requirement.specifier.contains(site[name], prereleases=True):
            return f"needs '{requirement}', and the site has {requirement.name} {site[name]}"
    return None


def site_projects(site_wheels: list[Path], carried: list[SitePlugin]) -> dict[str, str]:
    """Every project in the site (canonical name → version): its wheels, innerwork and the plugins carried."""
    found = {pyodide.canonical_name(w): w.name.split("-")[1] for w in site_wheels}
    found["innerwork"] = metadata.version("innerwork")
    return found | {canonical(p.name): p.distribution.version for p in carried}


def installed_files(dist: metadata.Distribution) -> dict[str, Path]:
    """The files a package installed into site-packages (name in a wheel → file), without its metadata;
    for an editable install, the top-level packages its ``innerwork`` entry points name."""
    if _is_editable(dist):
        files: dict[str, Path] = {}
        for entry_point in dist.entry_points:
            if entry_point.group == ENTRY_POINT_GROUP:
                files.update(_module_files(entry_point.module.split(".")[0]))
        return files
    found = {}
    for file in dist.files or []:
        arc = file.as_posix()
        top = arc.split("/")[0]
        if arc.startswith("../") or top.endswith((".dist-info", ".egg-info", ".data")) or wheels.skipped(arc):
            continue  # scripts, metadata (written anew) and caches
        found[arc] = Path(str(file.locate()))
    return found


def _is_editable(dist: metadata.Distribution) -> bool:
    try:
        direct = json.loads(dist.read_text("direct_url.json") or "{}")
    except ValueError:
        return False
    return bool(direct.get("dir_info", {}).get("editable"))


def _module_files(top: str) -> dict[str, Path]:
    spec = importlib.util.find_spec(top)
    if spec is None:
        return {}
    if spec.submodule_search_locations:
        return wheels.tree_files(Path(next(iter(spec.submodule_search_locations))), top)
    return {f"{top}.py": Path(spec.origin)} if spec.origin and spec.origin.endswith(".py") else {}


def why_not_pure(dist: metadata.Distribution, files: dict[str, Path]) -> str | None:
    """Why a package cannot run in a browser (compiled code), or None."""
    compiled = sorted(arc for arc in files if COMPILED.search(arc))
    if compiled:
        more = f" (and {len(compiled) - 1} more)" if len(compiled) > 1 else ""
        return f"has compiled code: {compiled[0]}{more}; only pure-Python plugins go to the browser"
    if re.search(r"^Root-Is-Purelib:\s*false", dist.read_text("WHEEL") or "", re.MULTILINE | re.IGNORECASE):
        return "is not pure Python (its WHEEL file says Root-Is-Purelib: false)"
    if not files:
        return "has no files innerwork could find to take along"
    return None


def browser_requirements(dist: metadata.Distribution) -> list:
    """The package's requirements that hold in the browser (its extras' left out)."""
    from packaging.requirements import Requirement

    kept = []
    for line in dist.requires or []:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(BROWSER_MARKERS):
            kept.append(requirement)
    return kept


def plugin_wheel(folder: Path, plugin: SitePlugin, content_dirs: list[Path], exercises_json: dict[str, str]) -> Path:
    """The plugin package's wheel for the browser: its files, with the exercise files under its
    ``content_dirs`` replaced by ``exercises_json`` (name in the wheel → checked JSON text)."""
    folders = [d.resolve() for d in content_dirs]
    files = {
        arc: path.read_bytes()
        for arc, path in plugin.files.items()
        if not (PurePosixPath(arc).suffix.lower() in SUFFIXES and _under(path.resolve(), folders))
    }
    files.update({arc: text.encode("utf-8") for arc, text in exercises_json.items()})
    for arc_folder in _folder_names(plugin, folders):
        if not any(arc.startswith(arc_folder + "/") for arc in files):  # so the folder is there to look in
            files[f"{arc_folder}/README.txt"] = EMPTY_CONTENT_README
    return wheels.write_wheel(
        folder,
        plugin.name,
        plugin.distribution.version,
        files,
        requires=[r.name for r in plugin.requires],
        entry_points=plugin.distribution.read_text("entry_points.txt") or "",
    )


def _folder_names(plugin: SitePlugin, folders: list[Path]) -> set[str]:
    """The names in the wheel of the content ``folders`` inside the package."""
    names = set()
    for arc, path in plugin.files.items():
        for folder in folders:
            if path.resolve().is_relative_to(folder):
                names.add(arc[: -len(path.resolve().relative_to(folder).as_posix()) - 1])
    return names


def json_name(arcname: str) -> str:
    """The name in the wheel of an exercise file's JSON (``pkg/exercises/a.yaml`` → ``pkg/exercises/a.json``)."""
    return str(PurePosixPath(arcname).with_suffix(".json"))


def _under(path: Path, folders: list[Path]) -> bool:
    return any(path.is_relative_to(folder) for folder in folders)


def canonical(name: str) -> str:
    """A project's name as the site's lock keys it (``typing-extensions``)."""
    return re.sub(r"[-_.]+", "-", name).lower()
