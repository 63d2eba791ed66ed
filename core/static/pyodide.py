"""Pyodide's core files from npm, with a lock file that lists only what the site itself holds.

The npm package has Pyodide's runtime but none of its packages, while its ``pyodide-lock.json``
lists hundreds whose files it does not hold. The site's lock lists instead every wheel the page
needs (the kernel's, innerwork's and their dependencies), all beside it, and the page asks Pyodide
to load them all as it starts: one parallel download-and-unpack, where the kernel and the page
would otherwise install about 35 wheels one after another with micropip on every visit.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

from ..errors import BuildError
from . import pins

CORE_FILES = ("pyodide.js", "pyodide.mjs", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip")


def npm_pack(spec: str, cache: Path) -> Path:
    """The npm tarball of ``spec`` (``name@version``), downloaded once into ``cache``."""
    name, _, version = spec.rpartition("@")
    tarball = cache / f"{name.lstrip('@').replace('/', '-')}-{version}.tgz"
    if tarball.exists():
        return tarball
    npm = shutil.which("npm")
    if npm is None:
        raise BuildError(
            f"npm is needed to fetch {spec} (Pyodide's core files) and is not on PATH. "
            "Install Node.js and npm (Debian: apt-get install npm), then build again."
        )
    cache.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [npm, "pack", spec, "--silent", "--pack-destination", str(cache)], capture_output=True, text=True
    )
    if done.returncode != 0 or not tarball.exists():
        raise BuildError(f"npm could not fetch {spec}: {(done.stderr or done.stdout).strip()[-1500:]}")
    return tarball


def locked_wheels(cache: Path) -> list[Path]:
    """The micropip and packaging wheels for Pyodide's Python, downloaded once into ``cache``."""
    wanted = [f"{name}=={version}" for name, version in pins.LOCKED.items()]
    folder = cache / "locked"
    found = [next(folder.glob(f"{name}-{version}-*.whl"), None) for name, version in pins.LOCKED.items()]
    if all(found):
        return [path for path in found if path is not None]
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check", "--no-deps"]
    command += ["--only-binary=:all:", "--python-version", pins.PYTHON, "-d", str(folder), *wanted]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError(f"pip could not download {', '.join(wanted)}: {done.stderr.strip()[-1500:]}")
    return [next(folder.glob(f"{name}-{version}-*.whl")) for name, version in pins.LOCKED.items()]


def unpack_core(tarball: Path, target: Path) -> dict:
    """Copy Pyodide's core files into ``target``; returns its lock file (not written)."""
    target.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as archive:
        for name in CORE_FILES:
            member = archive.extractfile(f"package/{name}")
            if member is None:
                raise BuildError(f"{tarball.name} has no {name}; is the pin {pins.PYODIDE} right?")
            (target / name).write_bytes(member.read())
        lock = archive.extractfile("package/pyodide-lock.json")
        if lock is None:
            raise BuildError(f"{tarball.name} has no pyodide-lock.json; is the pin {pins.PYODIDE} right?")
        return json.load(lock)


def top_level_names(wheel: Path) -> list[str]:
    """The names a wheel lets one import (its top-level packages and modules)."""
    names = set()
    with zipfile.ZipFile(wheel) as archive:
        for member in archive.namelist():
            first, _, rest = member.partition("/")
            if first.endswith((".dist-info", ".data")):
                continue
            if rest == "__init__.py" or (not rest and first.endswith(".py")):
                names.add(first.removesuffix(".py"))
    return sorted(names)


def canonical_name(wheel: Path) -> str:
    """The wheel's project name as Pyodide's lock file keys it (``matplotlib-inline``)."""
    return re.sub(r"[-_.]+", "-", wheel.name.split("-")[0]).lower()


def preload_lock(lock: dict, wheels: list[Path], target: Path) -> dict:
    """A lock file listing exactly ``wheels`` (copied into ``target``), each with its file name and hash.

    Pyodide loads every one of them itself as it starts (``loadPyodide({packages})``), in parallel and
    without micropip, and the kernel installs nothing it finds there already loaded.
    """
    packages = {}
    for wheel in wheels:
        name = canonical_name(wheel)
        if wheel.parent.resolve() != target.resolve():
            shutil.copy(wheel, target / wheel.name)
        packages[name] = {
            "name": name,
            "version": wheel.name.split("-")[1],
            "file_name": wheel.name,
            "install_dir": "site",
            "package_type": "package",
            "imports": top_level_names(wheel),
            "depends": [],
            "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(),
            "unvendored_tests": False,
        }
    return {**lock, "packages": dict(sorted(packages.items()))}


def prepare(lite: Path, cache: Path, log) -> dict:
    """Pyodide's core files in ``lite/static/pyodide``; returns Pyodide's own full lock (not written)."""
    log(f"Pyodide {pins.PYODIDE} core files (npm)")
    return unpack_core(npm_pack(f"pyodide@{pins.PYODIDE}", cache / "npm"), lite / "static" / "pyodide")


def write_lock(lite: Path, lock: dict, wheels: list[Path]) -> list[str]:
    """Every wheel of the site beside Pyodide, in its lock file; returns the names Pyodide loads at start,
    spelled as in the wheels' file names (``pyodide_kernel``), which is how the kernel looks for them
    among the packages loaded already before installing any."""
    target = lite / "static" / "pyodide"
    wheels = list({canonical_name(wheel): wheel for wheel in wheels}.values())  # one of each project
    written = preload_lock(lock, wheels, target)
    (target / "pyodide-lock.json").write_text(json.dumps(written), encoding="utf-8")
    return sorted(wheel.name.split("-")[0] for wheel in wheels)
