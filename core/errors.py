"""Errors an author can act on: ``file:line:column: /json/pointer: message``."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ContentError:
    """One problem in one exercise file."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    pointer: str = ""
    plugin: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}:{self.column or 1}"
        pointer = self.pointer or "/"
        text = f"{where}: {pointer}: {self.message}"
        if self.plugin:
            text += f" (plugin: {self.plugin})"
        return text

    def to_dict(self) -> dict:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "pointer": self.pointer or "/",
            "message": self.message,
            "plugin": self.plugin,
            "text": str(self),
        }


class InvalidContent(Exception):
    """Raised when an exercise cannot be used; carries every :class:`ContentError` found."""

    def __init__(self, errors: list[ContentError]):
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


class UnknownExercise(LookupError):
    """No exercise has the requested id."""


class PluginError(RuntimeError):
    """A plugin failed (loading, registering, or in a call innerwork made to it) while
    ``INNERWORK_STRICT_PLUGINS=1`` was set, or inside the conformance kit. The message names the plugin."""


class PluginLoadError(PluginError):
    """A plugin failed to load or register while ``INNERWORK_STRICT_PLUGINS=1`` was set."""


class PluginWarning(UserWarning):
    """A plugin failed (to load, to register, or in a call) and was skipped or worked around."""


class BuildError(RuntimeError):
    """``innerwork build`` cannot go on; the message says what is missing and how to get it."""
