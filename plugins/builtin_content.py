"""Registers the exercises that ship with innerwork."""

from innerwork import hookimpl
from innerwork.paths import shipped


@hookimpl
def register_content_dirs(register):
    register(shipped("exercises"))
