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
from . import bytecode, page, pins, pyodide, service_worker, wheels

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


def shipped_exercises_json(*exercise_ids: str) -> dict[str, str]:
    """The shipped exercises a page offers, checked here and written as JSON (file name → text): those of
    ``exercise_ids`` (the one a page shows, or a plan's), else every one that loaded, as ``serve`` offers
    them. The browser checks each again as the page starts (about 0.1 s per exercise there), so a page
    carries only what it shows; its entries are kept per site, so none can name an exercise it lacks."""
    cat = catalogue()
    for exercise_id in exercise_ids:
        cat.get(exercise_id)  # an unknown id: UnknownExercise, with close matches
    chosen = {Path(cat.get(i).path).resolve() for i in exercise_ids if cat.get(i).path}
    loaded = chosen or {Path(e.path).resolve() for e in cat.exercises.values() if e.path}
    out = {}
    for path in find_files([shipped("exercises")]):
        if path.resolve() in loaded:
            out[f"{path.stem}.json"] = wheels.exercise_json(read(path).data)
    for exercise_id in exercise_ids:
        if f"{Path(cat.get(exercise_id).path).stem}.json" not in out:
            raise BuildError(
                f"The exercise '{exercise_id}' comes from {cat.get(exercise_id).path}, outside innerwork's own "
                "exercises; a static site carries only innerwork's own exercises and plugins so far."
            )
    return out


def plugins_left_out() -> list[str]:
    """The loaded plugins a static site does not carry (every one not shipped with innerwork), named."""
    return sorted(
        f"{info.name} ({info.distribution or 'a plugin folder'})"
        for info in plugins().infos.values()
        if info.status == "loaded" and info.distribution != "innerwork"
    )


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


def _voici_build(lite: Path, contents: Path, output: Path) -> None:
    # voici-core's own `python -m voici_core` imports the `voici` package, which only voici (not -core) has
    run_voici = "import sys; from voici_core.app import main; sys.exit(main())"
    command = [sys.executable, "-c", run_voici, "build", "--no-sourcemaps"]
    command += ["--contents", str(contents), "--output-dir", str(output)]
    done = subprocess.run(command, cwd=lite, capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError("voici build failed:\n" + (done.stderr or done.stdout).strip()[-3000:])


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
    exercises = shipped_exercises_json(*chosen)
    log(f"  {len(exercises)} exercises, as JSON" + (f"; the page shows '{exercise_id}'" if exercise_id else ""))
    if plan:
        log(f"  the page follows the workshop plan '{plan.title}' ({len(plan.exercises)} exercise(s))")
    left_out = plugins_left_out()
    if left_out:
        log(f"  not in the site (only innerwork's own plugins go to the browser so far): {', '.join(left_out)}")
    with tempfile.TemporaryDirectory(prefix="innerwork-build-") as temporary:
        work = Path(temporary)
        lite, contents, shims = work / "lite", work / "contents", work / "shims"
        for folder in (lite, contents, shims):
            folder.mkdir(parents=True, exist_ok=True)
        lock = pyodide.prepare(lite, cache, log)
        log("Wheels for the browser (pip)")
        wheels.shim_wheels(shims)
        found = _browser_wheels(cache, lock, shims, log)
        own = wheels.innerwork_wheel(shims, exercises)
        every = [*pyodide.locked_wheels(cache), *wheels.kernel_wheels(), *found, *shims.glob("*.whl")]
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
