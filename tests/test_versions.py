"""Content versions: `innerwork migrate` upgrades old exercise files, and old answers stay readable."""
import pytest
import yaml
from click.testing import CliRunner

import innerwork
from innerwork.catalogue import load_catalogue, plugins
from innerwork.cli import main
from innerwork.paths import shipped
from innerwork.session import Session
from innerwork.store import Entry, SQLiteStore


def rename_how(content):
    steps = [{**s, "id": "how_it_happened"} if s["id"] == "how" else s for s in content["steps"]]
    return {**content, "steps": steps}


def rename_how_answer(answers):
    if "how" in answers:
        answers["how_it_happened"] = answers.pop("how")
    return answers


@pytest.fixture
def version_2():
    """The wins-log type as if its version 2 renamed the step 'how' to 'how_it_happened'."""
    kind = plugins().types["wins-log"]
    kind.content_version, kind.migrations, kind.answers_migrations = 2, {1: rename_how}, {1: rename_how_answer}
    yield kind
    del kind.content_version, kind.migrations, kind.answers_migrations


@pytest.fixture
def old_file(tmp_path):
    path = tmp_path / "wins-log.yaml"
    path.write_text((shipped("exercises") / "wins-log.yaml").read_text())
    return path


def test_check_reports_outdated_files_and_writes_nothing(version_2, old_file):
    before = old_file.read_text()
    result = CliRunner().invoke(main, ["migrate", "--check", str(old_file.parent)])
    assert result.exit_code == 1
    assert "version 1 -> 2: outdated" in result.output and "1 outdated" in result.output
    assert old_file.read_text() == before and not list(old_file.parent.glob("*.bak"))


def test_migrate_upgrades_the_file_and_keeps_a_backup(version_2, old_file):
    before = old_file.read_text()
    result = CliRunner().invoke(main, ["migrate", str(old_file)])
    assert result.exit_code == 0, result.output
    backup = old_file.with_name("wins-log.yaml.v1.bak")
    assert f"the original is in {backup}" in result.output
    assert backup.read_text() == before
    data = yaml.safe_load(old_file.read_text())
    assert data["schema_version"] == 2 and data["title"] == "Wins log"
    assert "how_it_happened" in [s["id"] for s in data["content"]["steps"]]
    cat = load_catalogue([old_file])
    assert cat.errors == [] and cat.outdated == []  # loads as current content now
    again = CliRunner().invoke(main, ["migrate", "--check", str(old_file)])
    assert again.exit_code == 0 and "0 outdated" in again.output


def test_a_file_with_no_upgrade_path_is_reported_and_left_alone(version_2, old_file):
    version_2.content_version = 3  # no migration from 2 to 3
    before = old_file.read_text()
    result = CliRunner().invoke(main, ["migrate", str(old_file)])
    assert result.exit_code == 1
    assert "wins-log.yaml:3:" in result.output and "no upgrade from it to version 3" in result.output
    assert old_file.read_text() == before and not list(old_file.parent.glob("*.bak"))


def test_answers_recorded_under_an_older_version_are_upgraded_on_resume(version_2, tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    old = Entry("wins-log", "wins-log", "1.0", 1, {"wins": ["I rested"], "savour": ["I rested"],
                                                   "how": {"I rested": "I said no to a plan"}})
    store.save(old)
    exercise = load_catalogue([shipped("exercises") / "wins-log.yaml"]).exercises["wins-log"]  # read as version 2
    session = Session(exercise, store, store.get(old.id))
    assert session.kept == {}
    assert session.answers["how_it_happened"] == {"I rested": "I said no to a plan"}
    session.save_now()
    saved = store.get(old.id)
    assert saved.content_version == 2 and "how" not in saved.answers
    assert saved.answers["how_it_happened"] == {"I rested": "I said no to a plan"}


def test_answers_to_steps_that_no_longer_exist_are_never_dropped(tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    old = Entry("wins-log", "wins-log", "0.9", 1, {"wins": ["I rested"], "retired_step": "kept words"})
    store.save(old)
    session = Session(innerwork.get_exercise("wins-log"), store, store.get(old.id))
    session.set_answer("wins", ["I rested", "I walked"])
    session.save_now()
    assert store.get(old.id).answers == {"wins": ["I rested", "I walked"], "retired_step": "kept words"}
    assert "kept words" in innerwork.export.to_markdown([store.get(old.id)])
