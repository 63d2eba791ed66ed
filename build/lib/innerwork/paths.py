"""Where the shipped schemas and exercises are: inside the installed package, or beside ``core/`` in a checkout."""
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def shipped(name: str) -> Path:
    """The shipped folder ``name`` (``"schemas"`` or ``"exercises"``)."""
    inside = _HERE / name
    return inside if inside.is_dir() else _HERE.parent / name
