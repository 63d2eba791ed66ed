"""Wheels for the browser: written from files (innerwork itself, the stand-ins), or downloaded by pip.

innerwork's own wheel for the site is written from the installed package (an editable checkout or
site-packages alike), with its exercises as JSON checked at build time (the browser has no C YAML
parser) and with only the requirements a browser can meet.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from ..errors import BuildError
from ..paths import shipped
from . import pins

SHIMS = Path(__file__).resolve().parent / "shims"
_SKIP = re.compile(r"(^|/)(__pycache__|\.[^/]*)(/|$)|\.pyc$")


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def write_wheel(
    folder: Path,
    name: str,
    version: str,
    files: dict[str, bytes],
    requires: Sequence[str] = (),
    entry_points: str = "",
) -> Path:
    """A pure-Python wheel ``name-version-py3-none-any.whl`` in ``folder`` holding ``files``."""
    dist = re.sub(r"[-_.]+", "_", name)
    info = f"{dist}-{version}.dist-info"
    meta = [f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"]
    meta += [f"Requires-Dist: {r}\n" for r in requires]
    files = dict(files)
    files[f"{info}/METADATA"] = "".join(meta).encode()
    files[f"{info}/WHEEL"] = (
        b"Wheel-Version: 1.0\nGenerator: innerwork build\nRoot-Is-Purelib: true\nTag: py3-none-any\n"
    )
    if entry_points:
        files[f"{info}/entry_points.txt"] = entry_points.encode()
    record = [_record_line(arc, data) for arc, data in sorted(files.items())] + [f"{info}/RECORD,,"]
    path = folder / f"{dist}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as wheel:
        for arcname, data in sorted(files.items()):
            wheel.writestr(zipfile.ZipInfo(arcname, (2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
        wheel.writestr(f"{info}/RECORD", "\n".join(record) + "\n")
    return path


def skipped(name: str) -> bool:
    """Whether a file (by its name in a wheel) stays out of the site: caches and hidden files."""
    return bool(_SKIP.search(name))


def tree_files(folder: Path, prefix: str) -> dict[str, Path]:
    """The files under ``folder`` that go in a wheel, by their name there (``prefix/...``)."""
    return {
        f"{prefix}/{path.relative_to(folder).as_posix()}": path
        for path in sorted(folder.rglob("*"))
        if path.is_file() and not skipped(path.relative_to(folder).as_posix())
    }


def _tree(folder: Path, prefix: str) -> dict[str, bytes]:
    return {arc: path.read_bytes() for arc, path in tree_files(folder, prefix).items()}


def innerwork_wheel(folder: Path, exercises_json: dict[str, str]) -> Path:
    """innerwork's wheel for the browser: its packages, with ``exercises/`` replaced by ``exercises_json``
    (file name → checked JSON text), and browser-safe requirements."""
    import innerwork
    import innerwork_plugins

    core = Path(innerwork.__file__).resolve().parent
    files = _tree(core, "innerwork")
    left_out = ("innerwork/static/", "innerwork/exercises/", "innerwork/notebooks/")
    files = {arc: data for arc, data in files.items() if not arc.startswith(left_out)}
    if not any(arc.startswith("innerwork/schema_files/") for arc in files):  # an editable install
        files.update(_tree(shipped("schemas"), "innerwork/schema_files"))
    files.update(_tree(Path(innerwork_plugins.__file__).resolve().parent, "innerwork_plugins"))
    files["innerwork/exercises/__init__.py"] = b""
    for file_name, text in exercises_json.items():
        files[f"innerwork/exercises/{file_name}"] = text.encode("utf-8")
    dist = metadata.distribution("innerwork")
    return write_wheel(
        folder,
        "innerwork",
        dist.version,
        files,
        requires=[re.split(r"[=<>~!]", r)[0] for r in pins.BROWSER_REQUIREMENTS],
        entry_points=dist.read_text("entry_points.txt") or "",
    )


def shim_wheels(folder: Path) -> list[Path]:
    """The stand-ins: a pure-Python rpds-py, and a sqlite3 wheel with no module (the kernel asks for one)."""
    return [
        write_wheel(folder, "rpds-py", pins.RPDS_SHIM, _tree(SHIMS / "rpds", "rpds")),
        write_wheel(folder, "sqlite3", pins.SQLITE3_STUB, {}),
    ]


def kernel_wheels() -> list[Path]:
    """The Pyodide kernel's own wheels (piplite, pyodide_kernel, its ipykernel and widgetsnbextension
    stand-ins), from its JupyterLab extension in the build environment; widgetsnbextension for ipywidgets 8."""
    from jupyter_core.paths import jupyter_path

    for root in jupyter_path("labextensions"):
        folder = Path(root, *pins.KERNEL_EXTENSION.split("/"), "static", "pypi")
        found = [p for p in sorted(folder.glob("*.whl")) if not p.name.startswith("widgetsnbextension-3.")]
        if found:
            return found
    raise BuildError(
        f"The Pyodide kernel's wheels were not found (the JupyterLab extension {pins.KERNEL_EXTENSION}). "
        "Install them with: pip install 'innerwork[static]'"
    )


def pure_constraints(lock: dict) -> str:
    """Pip constraints: the versions Pyodide's own lock file lists for its pure-Python packages."""
    lines = []
    for package in lock.get("packages", {}).values():
        if package.get("file_name", "").endswith("-none-any.whl"):
            lines.append(f"{package['name']}=={package['version']}")
    return "\n".join(sorted(lines)) + "\n"


def download_browser_wheels(
    folder: Path, constraints: Path, find_links: Path, log, requirements: Sequence[str] = ()
) -> list[Path]:
    """pip downloads the wheels the kernel and innerwork need in the browser (the Pyodide platform), or
    those of ``requirements`` (with their dependencies)."""
    before = set(folder.glob("*.whl"))
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--quiet",
        "--disable-pip-version-check",
        "--only-binary=:all:",
        "--platform",
        pins.PLATFORM,
        "--python-version",
        pins.PYTHON,
        "--implementation",
        "cp",
        "--abi",
        f"cp{pins.PYTHON.replace('.', '')}",
        "--find-links",
        str(find_links),
        "-c",
        str(constraints),
        "-d",
        str(folder),
        *(requirements or [*pins.KERNEL_REQUIREMENTS, *pins.BROWSER_REQUIREMENTS]),
    ]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise BuildError(
            "pip could not download the wheels for the browser (it needs the package index):\n"
            + (done.stderr.strip() or done.stdout.strip())[-2000:]
        )
    found = sorted(set(folder.glob("*.whl")) | before)
    for path in found:
        if path.name.lower().startswith(pins.NOT_IN_BROWSER):
            path.unlink()
    kept = sorted(folder.glob("*.whl"))
    log(f"  {len(kept)} wheels for the browser")
    return kept


def exercise_json(data) -> str:
    """An exercise's data as the JSON the browser reads."""
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
