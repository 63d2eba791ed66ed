"""Pyodide's core files from npm, with a lock file that lists only what the site itself holds.

The npm package has Pyodide's runtime but none of its packages, while its ``pyodide-lock.json``
lists hundreds; micropip looks there first, so every entry whose file is absent would be fetched
(and fail). The lock is trimmed to micropip and packaging, whose wheels sit beside it.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tarfile
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


def trimmed_lock(lock: dict, wheels: list[Path], target: Path) -> dict:
    """The lock with only the ``wheels`` (copied into ``target``), each with its file name and hash."""
    packages = {}
    for wheel in wheels:
        name = wheel.name.split("-")[0].lower()
        entry = dict(lock["packages"][name])
        shutil.copy(wheel, target / wheel.name)
        entry.update(
            file_name=wheel.name,
            sha256=hashlib.sha256(wheel.read_bytes()).hexdigest(),
            version=wheel.name.split("-")[1],
            depends=[d for d in entry.get("depends", []) if d in pins.LOCKED],
        )
        packages[name] = entry
    return {**lock, "packages": packages}


def prepare(lite: Path, cache: Path, log) -> dict:
    """Pyodide's core files and the trimmed lock in ``lite/static/pyodide``; returns the full lock."""
    target = lite / "static" / "pyodide"
    log(f"Pyodide {pins.PYODIDE} core files (npm)")
    lock = unpack_core(npm_pack(f"pyodide@{pins.PYODIDE}", cache / "npm"), target)
    wheels = locked_wheels(cache)
    (target / "pyodide-lock.json").write_text(json.dumps(trimmed_lock(lock, wheels, target)), encoding="utf-8")
    return lock
