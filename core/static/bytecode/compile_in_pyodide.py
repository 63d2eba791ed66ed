"""Runs inside Pyodide (under Node, at build time). It starts the workshop page as the browser would, and
checks a first answer, then writes the bytecode of every module these imported:

- ``/out/site-packages.zip``: for the installed packages, in their ``__pycache__`` folders, beside the source;
- ``/out/python_stdlib.zip``: the standard library, with those modules' bytecode in place of their source.

Only what the page imports is compiled, to keep the download small; anything else is compiled when first
imported, as before. The bytecode is "unchecked": Python uses it without comparing it with the source,
whose file times in the browser differ from here.
"""

import importlib.util
import os
import site
import sys
import zipfile
from importlib import _bootstrap_external


def start_the_page() -> None:
    import piplite.piplite  # noqa: F401  (the kernel's own start)
    import pyodide_kernel

    pyodide_kernel.kernel_instance.interpreter.send_comm = lambda *args, **kwargs: None  # no page to send to
    from innerwork.ui.notebook import workshop_page

    workshop_page()
    from innerwork_plugins.gentle import should_notice  # imported with a participant's first answer

    should_notice("a first answer")


def bytecode(source: bytes, filename: str) -> bytes | None:
    try:
        code = compile(source, filename, "exec", dont_inherit=True)
    except SyntaxError:
        return None
    return _bootstrap_external._code_to_hash_pyc(code, importlib.util.source_hash(source), checked=False)  # type: ignore[attr-defined]


def imported_files() -> set[str]:
    files = (getattr(module, "__file__", None) for module in list(sys.modules.values()))
    return {name for name in files if isinstance(name, str) and name.endswith(".py")}


def site_packages_bytecode(files: set[str], target: str) -> int:
    packages = site.getsitepackages()[0]
    count = 0
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(f for f in files if f.startswith(packages + "/")):
            with open(path, "rb") as source:
                pyc = bytecode(source.read(), path)
            if pyc is not None:
                archive.writestr(os.path.relpath(importlib.util.cache_from_source(path), packages), pyc)
                count += 1
    return count


def compiled_stdlib(files: set[str], source_zip: str, target: str) -> int:
    wanted = {f[len(source_zip) + 1 :] for f in files if f.startswith(source_zip + "/")}
    count = 0
    with zipfile.ZipFile(source_zip) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info)
            pyc = bytecode(data, f"{source_zip}/{info.filename}") if info.filename in wanted else None
            if pyc is None:
                out.writestr(info, data)
            else:
                out.writestr(zipfile.ZipInfo(info.filename + "c", info.date_time), pyc, zipfile.ZIP_DEFLATED)
                count += 1
    return count


start_the_page()
imported = imported_files()
stdlib_zip = next(p for p in sys.path if p.endswith(".zip"))
print(f"{site_packages_bytecode(imported, '/out/site-packages.zip')} modules of the site's packages")
print(f"{compiled_stdlib(imported, stdlib_zip, '/out/python_stdlib.zip')} modules of the standard library")
