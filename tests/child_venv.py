"""A throwaway virtual environment that imports innerwork (and the test tools) from the running
interpreter's own site-packages, so a checkout's tests exercise that checkout's innerwork even when
the base Python has another innerwork installed."""
import site
import sys
import venv
from pathlib import Path


def child_venv(root: Path) -> Path:
    """Create a venv at ``root`` that sees this interpreter's packages; returns its python."""
    venv.create(root, system_site_packages=False, with_pip=False)
    [own] = (root / "lib").glob("python*/site-packages")
    parents = [p for p in [*site.getsitepackages(), site.getusersitepackages()] if Path(p).is_dir()]
    (own / "_innerwork_parent.pth").write_text("".join(f"import site; site.addsitedir({p!r})\n" for p in parents))
    python = root / "bin" / "python"
    assert Path(sys.executable).exists() and python.exists()
    return python
