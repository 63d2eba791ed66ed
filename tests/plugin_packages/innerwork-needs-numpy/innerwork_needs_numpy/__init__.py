"""Exercises from a package that requires numpy (imported only when needed, so it loads without it)."""

from pathlib import Path

from innerwork import hookimpl


@hookimpl
def register_content_dirs(register):
    register(Path(__file__).parent / "exercises")
