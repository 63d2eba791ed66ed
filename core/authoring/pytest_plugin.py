"""pytest fixtures for plugin authors, loaded automatically once innerwork is installed (the ``pytest11``
entry point). Nothing here runs unless a test asks for a fixture.

- ``innerwork_home``: a private, empty answers folder (``INNERWORK_HOME``) for the test.
- ``innerwork_store``: a real SQLite answers file in that folder.
- ``load_exercise(path)``: one exercise file, checked; a problem fails the test with its file and line.
- ``resume_old_entry(exercise, answers, content_version)``: a session resuming a draft written under an
  older content version of its type, saved to and read back from ``innerwork_store``.
- ``innerwork_strict``: plugin problems are errors in this test (``INNERWORK_STRICT_PLUGINS=1``).
"""

from __future__ import annotations

import pytest


def _forget_loaded():
    """Drop what innerwork cached (plugins, catalogue, the default answers file), so a test sees its own setup."""
    from ..catalogue import loader as catalogue
    from ..ui import notebook

    catalogue.reset()
    notebook._default_store.cache_clear()


@pytest.fixture
def innerwork_home(tmp_path, monkeypatch):
    """A private answers folder: nothing the test saves touches the person's real answers."""
    home = tmp_path / "innerwork-home"
    home.mkdir()
    monkeypatch.setenv("INNERWORK_HOME", str(home))
    from ..ui import notebook

    notebook._default_store.cache_clear()
    yield home
    notebook._default_store.cache_clear()


@pytest.fixture
def innerwork_store(innerwork_home):
    """A real SQLite answers file in ``innerwork_home``."""
    from ..storage.store import SQLiteStore

    return SQLiteStore(innerwork_home / "innerwork.sqlite3")


@pytest.fixture
def load_exercise():
    """``load_exercise(path)``: the :class:`innerwork.Exercise` in one file, with the installed plugins.

    A file with problems fails the test, listing each as FILE:LINE:COLUMN: /pointer: message.
    """
    from ..catalogue.loader import load_file
    from ..errors import InvalidContent

    def load(path):
        try:
            exercise, _notes = load_file(path)
        except InvalidContent as exc:
            pytest.fail(f"{path} has {len(exc.errors)} problem(s):\n" + "\n".join(map(str, exc.errors)), pytrace=False)
        return exercise

    return load


@pytest.fixture
def resume_old_entry(innerwork_store):
    """``resume_old_entry(exercise, answers, content_version)``: the :class:`innerwork.app.session.Session` a person
    gets when they reopen a draft whose ``answers`` were recorded under ``content_version`` of the type.
    ``exercise`` is an :class:`innerwork.Exercise` or an exercise id. The type's ``answers_migrations`` have
    run; ``session.answers`` holds what the current steps use and ``session.kept`` what they no longer have."""
    from .. import get_exercise
    from .testing import resume_old_entry as resume

    def resume_entry(exercise, answers: dict, content_version: int):
        if isinstance(exercise, str):
            exercise = get_exercise(exercise)
        return resume(exercise, answers, content_version, store=innerwork_store)

    return resume_entry


@pytest.fixture
def innerwork_strict(monkeypatch):
    """Plugin problems raise :class:`innerwork.errors.PluginError` in this test instead of warning."""
    monkeypatch.setenv("INNERWORK_STRICT_PLUGINS", "1")
    _forget_loaded()
    yield
    monkeypatch.delenv("INNERWORK_STRICT_PLUGINS")
    _forget_loaded()
