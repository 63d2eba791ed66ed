"""The exact versions a static workshop site is built with, and a check that the build has them.

Newer combinations build cleanly and fail only in the browser ("No kernel available"): change a pin
only together with the others, and run the browser test (tests/test_static_site.py) afterwards.
"""

from __future__ import annotations

from importlib import metadata

from ..errors import BuildError

#: Python packages in the build environment (``pip install 'innerwork[static]'``)
BUILD_PACKAGES = {
    "voici-core": "0.10.0",
    "jupyterlite-core": "0.7.0",
    "jupyterlite-pyodide-kernel": "0.7.0",
    # the widgets' front end in the site comes from here; it must match ipywidgets in the browser
    "jupyterlab_widgets": "3.0.17",
}
#: Pyodide's core files, from npm (``PYODIDE_VERSION`` in jupyterlite_pyodide_kernel 0.7.0)
PYODIDE = "0.29.0"
#: Python in that Pyodide, and the platform tag of its wheels
PYTHON = "3.13"
PLATFORM = "pyodide_2025_0_wasm32"
#: the two packages of Pyodide's own lock file the kernel needs (its package manager)
LOCKED = {"micropip": "0.11.0", "packaging": "24.2"}
#: what innerwork needs in the browser (and the kernel brings none of); their dependencies come too
BROWSER_REQUIREMENTS = [
    "ipywidgets==8.1.9",
    "jupyterlab_widgets==3.0.17",
    "pluggy",
    "jsonschema",
    "referencing",
    "markdown-it-py",
    "platformdirs",
]
#: the Pyodide kernel's JupyterLab extension, which holds the kernel's own wheels
KERNEL_EXTENSION = "@jupyterlite/pyodide-kernel-extension"
#: what the Pyodide kernel installs on every start (from the site, as the lock file is trimmed)
KERNEL_REQUIREMENTS = ["ipython", "jedi", "comm"]
#: wheels pip brings along that never run in a browser (the kernel ships its own widgetsnbextension)
NOT_IN_BROWSER = ("widgetsnbextension", "pexpect", "ptyprocess")
#: the version of the pure-Python rpds stand-in (core/static/shims/rpds), a local label on rpds-py's
RPDS_SHIM = "0.30.0+pure"
#: the kernel installs sqlite3 at start; Pyodide's is not bundled, so a wheel with no module stands in
SQLITE3_STUB = "1.0.0+stub"


def missing_build_packages() -> list[str]:
    """``name==version`` for every build package that is not installed at its pinned version."""
    wrong = []
    for name, pinned in BUILD_PACKAGES.items():
        try:
            found = metadata.version(name)
        except metadata.PackageNotFoundError:
            found = None
        if found != pinned:
            wrong.append(f"{name}=={pinned}" + (f" (found {found})" if found else " (not installed)"))
    return wrong


def check_build_packages() -> None:
    """Raise :class:`BuildError` naming each build package missing or at another version."""
    wrong = missing_build_packages()
    if wrong:
        raise BuildError(
            "Building a static site needs these exact versions: "
            + ", ".join(wrong)
            + ". Install them with: pip install 'innerwork[static]'"
        )
