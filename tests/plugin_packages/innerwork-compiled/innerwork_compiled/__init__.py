"""Exercises shipped beside a compiled module (``_speedups.so``), which no browser can load."""

from pathlib import Path

from innerwork import hookimpl


@hookimpl
def register_content_dirs(register):
    register(Path(__file__).parent / "exercises")
