"""Bytecode for the static site, compiled at build time by Pyodide's own Python under Node.

A browser would otherwise compile every module the page imports on every visit (about 900 of them:
IPython, ipywidgets, jsonschema, innerwork and the standard library, whose Pyodide package holds only
source). ``compile_in_pyodide.py`` starts the page once, as the browser would, and writes the bytecode
of what it imported; ``innerwork build`` ships it as one more wheel that Pyodide unpacks at start, and
a standard library with bytecode in place of those modules' source.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path

from ...errors import BuildError
from .. import wheels

HERE = Path(__file__).resolve().parent
#: the wheel that carries the packages' bytecode (its own project name, so no other wheel is touched)
WHEEL_NAME = "innerwork-site-bytecode"
STDLIB = "python_stdlib.zip"


def cache_key(pyodide_dir: Path) -> str:
    """A digest of everything the bytecode depends on: the lock (every wheel's hash), the standard
    library and the compiling scripts."""
    digest = hashlib.sha256()
    for path in [pyodide_dir / "pyodide-lock.json", pyodide_dir / STDLIB, *sorted(HERE.glob("compile*"))]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def compile_site(pyodide_dir: Path, cache: Path, log) -> Path:
    """Compile (or take from ``cache``) the bytecode for the site whose Pyodide folder, lock and wheels
    are ``pyodide_dir``; replaces its standard library and returns the bytecode wheel written there."""
    key = cache_key(pyodide_dir)
    folder = cache / f"bytecode-{key}"
    if not (folder / "complete").exists():
        node = shutil.which("node")
        if node is None:
            raise BuildError(
                "Node.js is needed to compile the site's Python modules ahead of time and is not on PATH. "
                "Install Node.js and npm (Debian: apt-get install npm), then build again."
            )
        log("  compiling the modules the page imports (Pyodide under Node, about 20 s; kept for later builds)")
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        command = [node, str(HERE / "compile.mjs"), str(pyodide_dir), str(folder), str(HERE / "compile_in_pyodide.py")]
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0 or not (folder / STDLIB).exists():
            raise BuildError(
                "Compiling the site's modules in Pyodide failed:\n" + (done.stderr or done.stdout).strip()[-2000:]
            )
        (folder / "complete").write_text("", encoding="utf-8")
    else:
        log("  the modules the page imports, compiled (cached)")
    shutil.copy(folder / STDLIB, pyodide_dir / STDLIB)
    with zipfile.ZipFile(folder / "site-packages.zip") as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return wheels.write_wheel(pyodide_dir, WHEEL_NAME, f"1.0+{key}", files)
