pytest_plugins = ["pytester"]

import pytest


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    """Every test gets its own answers folder; nothing touches the real one."""
    monkeypatch.setenv("INNERWORK_HOME", str(tmp_path / "home"))
    from innerwork import notebook
    notebook._default_store.cache_clear()
    yield tmp_path / "home"
    notebook._default_store.cache_clear()
