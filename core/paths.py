"""Where the shipped schemas and exercises are: inside the installed package, or beside ``core/`` in a checkout."""

from pathlib import Path

_HERE = Path(__file__).resolve().parent
#: the package's own data: helplines, the page template, the plugin scaffold
DATA = _HERE / "data"
# the installed name of a top-level folder (kept apart from the ``innerwork.content.schemas`` module's name)
_INSTALLED_AS = {"schemas": "schema_files"}


def shipped(name: str) -> Path:
    """The shipped folder ``name`` (``"schemas"``, ``"exercises"`` or ``"notebooks"``)."""
    inside = _HERE / _INSTALLED_AS.get(name, name)
    return inside if inside.is_dir() else _HERE.parent / name
