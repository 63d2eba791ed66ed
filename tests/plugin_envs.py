"""Virtual environments with this checkout of innerwork and some test plugin packages really installed."""

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).parent.parent
PACKAGES = Path(__file__).parent / "plugin_packages"


def make_plugin_env(root: Path, *packages: str) -> Path:
    """A venv at ``root`` that sees the test tools installed here, with this checkout of innerwork (not whichever
    one the base Python has) and the named packages from tests/plugin_packages installed through pip."""
    venv.create(root, system_site_packages=True, with_pip=False)
    python = root / "bin" / "python"
    pip = [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps"]
    subprocess.run([*pip, "-e", str(ROOT)], check=True)
    for name in packages:
        subprocess.run([*pip, str(PACKAGES / name)], check=True)
    return python


def run(python, *args, **env):
    """``python -m innerwork ARGS`` with extra environment variables."""
    return subprocess.run(
        [str(python), "-m", "innerwork", *args], capture_output=True, text=True, env={**os.environ, **env}
    )


def run_code(python, code, **env):
    """``python -c CODE`` with extra environment variables."""
    return subprocess.run([str(python), "-c", code], capture_output=True, text=True, env={**os.environ, **env})
