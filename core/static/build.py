"""``innerwork build``: the steps in order, each announced, into a fresh folder that replaces ``outdir``.

Downloads (Pyodide from npm, wheels from the package index) are kept in a cache folder
(``INNERWORK_BUILD_CACHE``, else the user's cache folder), so a second build needs no network.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from ..app.plan import Plan
from ..catalogue.loader import catalogue, find_files
from ..content.sourcefile import read
from ..errors import BuildError
from ..paths import shipped
from ..registry.registered import plugins
from . import bundled, bytecode, page, pins, pyodide, service_worker, wheels

#: written into every site, so that a later build may replace the folder (and nothing else)
MARKER = ".innerwork-site"


def lite_config(preload: list[str]) -> dict:
    """The kernel's settings: Pyodide loads every package of the site as it starts, and nothing is ever
    looked up on PyPI from the browser."""
    kernel = {"disablePyPIFallback": True, "loadPyodideOptions": {"packages": preload}}
    return {"jupyter-config-data": {"litePluginSettings": {f"{pins.KERNEL_EXTENSION}:kernel": kernel}}}


@dataclass
class Built:
    """What a build wrote, for the closing lines."""

    site: Path
    pages: list[Path] = field(default_factory=list)
    wheels: int = 0
    seconds: float = 0.0

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.site.rglob("*") if p.is_file())


def cache_dir() -> Path:
    configured = os.environ.get("INNERWORK_BUILD_CACHE")
    if configured:
        return Path(configured).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir("innerwork", appauthor=False)) / "static-build"


def check_outdir(outdir: Path) -> None:
    """Refuse to replace a folder that is not an earlier site (it might hold anything)."""
    if outdir.exists() and (not outdir.is_dir() or (any(outdir.iterdir()) and not (outdir / MARKER).exists())):
        raise BuildError(
            f"{outdir} exists and is not a site innerwork built; choose an empty or new folder "
            "(a folder innerwork built is replaced)."
        )


def shipped_exercises_json(
    *exercise_ids: str, sorted_plugins: tuple[list[bundled.SitePlugin], list[bundled.LeftOut]] | None = None
) -> dict[str, dict[str, str]]:
    """The exercises a page offers, checked here and written as JSON, by the package whose wheel carries
    them: ``{"innerwork": {file name: text}, plugin package: {name in its wheel: text}}``. Those of
    ``exercise_ids`` (the one a page shows, or a plan's), else every one that loaded from innerwork or a
    plugin the site carries, as ``serve`` offers them. The browser checks each again as the page starts
    (about 0.1 s per exercise there), so a page carries only what it shows; its entries are kept per
    site, so none can name an exercise it lacks. An exercise the site cannot carry is refused, with why."""
    carried, left_out = sorted_plugins or bundled.sort_plugins(plugins())
    cat = catalogue()
    for exercise_id in exercise_ids:
        cat.get(exercise_id)  # an unknown id: UnknownExercise, with close matches
    chosen = {Path(cat.get(i).path).resolve() for i in exercise_ids if cat.get(i).path}
    loaded = chosen or {Path(e.path).resolve() for e in cat.exercises.values() if e.path}
    out: dict[str, dict[str, str]] = {"innerwork": {}}
    taken = set()
    for path in find_files([shipped("exercises")]):
        if path.resolve() in loaded:
            out["innerwork"][f"{path.stem}.json"] = wheels.exercise_json(read(path).data)
            taken.add(path.resolve())
    for plugin in carried:
        for path in find_files(_content_dirs(plugin)):
            arcname = plugin.arcname(path)
            if path.resolve() in loaded and arcname and path.resolve() not in taken:
                out.setdefault(plugin.name, {})[bundled.json_name(arcname)] = wheels.exercise_json(read(path).data)
                taken.add(path.resolve())
    for exercise_id in exercise_ids:
        path = Path(cat.get(exercise_id).path)
        if path.resolve() not in taken:
            raise BuildError(f"The exercise '{exercise_id}' comes from {path}, {_why_not_carried(path, left_out)}.")
    return out


def _content_dirs(plugin: bundled.SitePlugin) -> list[Path]:
    return [d for d, name in plugins().content_dir_plugins.items() if name in plugin.plugins]


def _why_not_carried(path: Path, left_out: list[bundled.LeftOut]) -> str:
    """Why an exercise file cannot go to the browser, in words."""
    owners = [name for d, name in plugins().content_dir_plugins.items() if path.resolve().is_relative_to(d.resolve())]
    for out in left_out:
        if set(owners) & set(out.plugins):
            return f"which the plugin {out} registers; a static site cannot carry that plugin"
    if owners:
        return (
            f"which the plugin {owners[0]} registers from outside its own package's files; "
            "a static site carries a plugin's exercises from inside its package only"
        )
    return "outside innerwork's exercises and those of the plugins a static site carries (INNERWORK_EXERCISES?)"


def plugins_left_out() -> list[str]:
    """The loaded plugins a static site cannot carry, each named with why."""
    return [str(out) for out in bundled.sort_plugins(plugins())[1]]


def _plugin_wheels(
    folder: Path, carried: list[bundled.SitePlugin], site_wheels: list[Path], exercises: dict, chosen, log
) -> list[Path]:
    """The wheels of the plugins the site carries, once their requirements are checked against the site's
    wheels; a plugin left out then takes its exercises along, or is an error when one was ``chosen``."""
    kept, dropped = bundled.settle(carried, [], bundled.site_projects(site_wheels, carried))
    for plugin in [p for p in carried if p not in kept]:
        out = next(o for o in dropped if o.plugins == plugin.plugins)
        asked = [i for i in chosen if plugin.arcname(Path(catalogue().get(i).path))]
        if asked:
            raise BuildError(
                f"The exercise '{asked[0]}' comes from the plugin {out}; a static site cannot carry that plugin."
            )
        count = len(exercises.pop(plugin.name, {}))
        log(f"  not in the site: {out}" + (f"; its {count} exercise(s) stay out too" if count else ""))
    folder.mkdir(parents=True, exist_ok=True)
    written = [
        bundled.plugin_wheel(folder, plugin, _content_dirs(plugin), exercises.get(plugin.name, {})) for plugin in kept
    ]
    for plugin in kept:
        log(f"  plugin {plugin.label()}, with {len(exercises.get(plugin.name, {}))} exercise(s)")
    return written


def _browser_wheels(cache: Path, lock: dict, shims: Path, log) -> list[Path]:
    constraints = wheels.pure_constraints(lock)
    key = hashlib.sha256(
        json.dumps([constraints, pins.BROWSER_REQUIREMENTS, pins.KERNEL_REQUIREMENTS, pins.RPDS_SHIM]).encode()
    ).hexdigest()[:16]
    folder = cache / f"wheels-{key}"
    if (folder / "complete").exists():
        found = sorted(folder.glob("*.whl"))
        log(f"  {len(found)} wheels for the browser (cached)")
        return found
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    (folder / "constraints.txt").write_text(constraints, encoding="utf-8")
    found = wheels.download_browser_wheels(folder, folder / "constraints.txt", shims, log)
    (folder / "complete").write_text("", encoding="utf-8")
    return found


def _plugin_requirements(
    cache: Path, carried: list[bundled.SitePlugin], site_wheels: list[Path], find_links: Path, log
) -> list[Path]:
    """Pure-Python wheels for the plugins' requirements the site lacks (with their dependencies), from the
    package index for the browser's platform, each kept in ``cache``; a requirement with no pure wheel
    gets none (its plugin is then left out, named)."""
    site = bundled.site_projects(site_wheels, carried)
    missing = sorted(
        {str(r) for p in carried for r in p.requires if bundled.canonical(r.name) not in site}, key=str.lower
    )
    constraints = "".join(
        f"{pyodide.canonical_name(w)}=={w.name.split('-')[1]}\n" for w in site_wheels if "+" not in w.name
    )
    found: list[Path] = []
    for requirement in missing:
        key = hashlib.sha256(json.dumps([requirement, constraints, pins.PLATFORM]).encode()).hexdigest()[:16]
        folder = cache / f"plugin-requirement-{key}"
        if not (folder / "complete").exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            (folder / "constraints.txt").write_text(constraints, encoding="utf-8")
            try:
                wheels.download_browser_wheels(
                    folder, folder / "constraints.txt", find_links, lambda _: None, [requirement]
                )
            except BuildError:
                log(f"  {requirement}: no wheel for the browser on the package index")
                shutil.rmtree(folder, ignore_errors=True)
                continue
            (folder / "complete").write_text("", encoding="utf-8")
        new = [w for w in sorted(folder.glob("*.whl")) if pyodide.canonical_name(w) not in site]
        compiled = [w.name for w in new if not w.name.endswith("-none-any.whl")]
        if compiled:
            log(f"  {requirement}: not pure Python ({', '.join(compiled)}), so not in the site")
            continue
        log(f"  {requirement}, for a plugin: {', '.join(w.name for w in new) or 'in the site already'}")
        found += new
        site.update({pyodide.canonical_name(w): w.name.split("-")[1] for w in new})
    return found


def _voici_build(lite: Path, contents: Path, output: Path) -> None:
    # voici-core's own `python -m voici_core` imports the `voici` package, which only voici (not -core) has
    run_voici = "import sys; from voici_core.app import main; sys.exit(main())"
    command = [sys.executable, "-c", run_voici, "build", "--no-sourcemaps"]
    command += ["--contents", str(contents), "--output-dir", str(output)]
    done = subprocess.run(command, cwd=lite, capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError("voici build failed:\n" + (done.stderr or done.stdout).strip()[-3000:])
    config = json.loads((output / "jupyter-lite.json").read_text(encoding="utf-8"))
    extensions = config.get("jupyter-config-data", {}).get("federated_extensions", [])
    if pins.KERNEL_EXTENSION not in {extension.get("name") for extension in extensions}:
        # the page would say only "No kernel available", in the participant's browser
        raise BuildError(
            f"voici build left out the Pyodide kernel ({pins.KERNEL_EXTENSION}): it looks for JupyterLab "
            f"extensions only under this Python's own prefix, {Path(sys.prefix) / 'share' / 'jupyter'}. "
            "Install the build packages into this Python's environment itself (not with --user, nor through "
            "--system-site-packages): pip install 'innerwork[static]'"
        )


def build_site(outdir: str | Path, exercise_id: str | None = None, log=print, plan: Plan | None = None) -> Built:
    """Write the static workshop site into ``outdir`` (see the module's docstring); with a checked
    workshop ``plan``, the page follows it as ``innerwork serve --plan`` does."""
    started = time.monotonic()
    outdir = Path(outdir)
    pins.check_build_packages()
    check_outdir(outdir)
    cache = cache_dir()
    log("Checking the exercises")
    chosen = plan.exercises if plan else (exercise_id,) if exercise_id else ()
    carried, left_out = bundled.sort_plugins(plugins())
    exercises = shipped_exercises_json(*chosen, sorted_plugins=(carried, left_out))
    count = sum(map(len, exercises.values()))
    log(f"  {count} exercises, as JSON" + (f"; the page shows '{exercise_id}'" if exercise_id else ""))
    if plan:
        log(f"  the page follows the workshop plan '{plan.title}' ({len(plan.exercises)} exercise(s))")
    for out in left_out:
        log(f"  not in the site: {out}")
    with tempfile.TemporaryDirectory(prefix="innerwork-build-") as temporary:
        work = Path(temporary)
        lite, contents, shims = work / "lite", work / "contents", work / "shims"
        for folder in (lite, contents, shims):
            folder.mkdir(parents=True, exist_ok=True)
        lock = pyodide.prepare(lite, cache, log)
        log("Wheels for the browser (pip)")
        wheels.shim_wheels(shims)
        found = _browser_wheels(cache, lock, shims, log)
        own = wheels.innerwork_wheel(shims, exercises["innerwork"])
        every = [*pyodide.locked_wheels(cache), *wheels.kernel_wheels(), *found, *shims.glob("*.whl")]
        every += _plugin_requirements(cache, carried, every, shims, log)
        every += _plugin_wheels(work / "plugins", carried, every, exercises, chosen, log)
        pyodide.write_lock(lite, lock, every)
        every.append(bytecode.compile_site(lite / "static" / "pyodide", cache, log))
        preload = pyodide.write_lock(lite, lock, every)
        log(f"  {len(preload)} wheels, loaded by Pyodide as the page starts (innerwork {own.name.split('-')[1]})")
        (lite / "jupyter-lite.json").write_text(json.dumps(lite_config(preload), indent=1), encoding="utf-8")
        (contents / f"{page.PAGE_NAME}.ipynb").write_text(json.dumps(page.notebook(exercise_id, plan), indent=1))
        log("Building the pages (voici build)")
        site = work / "site"
        _voici_build(lite, contents, site)
        log("Making every page ask nothing of another host")
        pages = page.finish(site)
        service_worker.refuse_other_hosts(site)
        remote = page.remote_loads(site)
        if remote:
            raise BuildError("These pages would still load files from another host:\n" + "\n".join(remote))
        (site / MARKER).write_text("A static workshop site written by `innerwork build`.\n", encoding="utf-8")
        if outdir.exists():
            shutil.rmtree(outdir)
        outdir.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(site), str(outdir))
    return Built(
        outdir,
        [outdir / p.relative_to(site) for p in pages],
        len(list((outdir / "static" / "pyodide").glob("*.whl"))),
        time.monotonic() - started,
    )
