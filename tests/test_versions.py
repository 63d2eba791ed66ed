"""Content versions: `innerwork migrate` upgrades old exercise files, and old answers stay readable."""

import pytest
import yaml
from click.testing import CliRunner

import innerwork
from innerwork.app.session import Session
from innerwork.catalogue.loader import load_catalogue
from innerwork.cli import main
from innerwork.paths import shipped
from innerwork.registry.registered import plugins
from innerwork.storage.store import Entry, SQLiteStore


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
    old = Entry(
        "wins-log",
        "wins-log",
        "1.0",
        1,
        {"wins": ["I rested"], "savour": ["I rested"], "how": {"I rested": "I said no to a plan"}},
    )
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
    assert "kept words" in innerwork.app.export.to_markdown([store.get(old.id)])


def test_quick_body_check_answers_from_version_1_are_renamed_on_resume(tmp_path):
    """Version 2 of needs-inventory words the HALT needs without double negatives; old answers follow."""
    store = SQLiteStore(tmp_path / "a.sqlite3")
    old = Entry(
        "quick-body-check",
        "needs-inventory",
        "1.0",
        1,
        {
            "ratings": {"Not hungry": 2, "Not lonely": 1, "Moved my body today": 7},
            "focus": ["Not lonely"],
            "actions": {"Not lonely": "Text Sam"},
        },
    )
    store.save(old)
    session = Session(innerwork.get_exercise("quick-body-check"), store, store.get(old.id))
    assert session.answers == {
        "ratings": {"Food": 2, "Company": 1, "Movement today": 7},
        "focus": ["Company"],
        "actions": {"Company": "Text Sam"},
    }
    session.save_now()
    assert store.get(old.id).content_version == 2


@pytest.mark.parametrize("name", ["hard-because-working", "needs-inventory"])
def test_a_version_1_file_of_the_safety_types_still_loads(tmp_path, name):
    data = yaml.safe_load((shipped("exercises") / f"{name}.yaml").read_text())
    data["schema_version"] = 1
    data["content"].pop("safety", None)
    data["content"].get("guidance", {}).pop("warnings", None)
    (tmp_path / f"{name}.yaml").write_text(yaml.safe_dump(data))
    cat = load_catalogue([tmp_path])
    assert cat.errors == [] and "the newest is 2" in cat.outdated[0].message


@pytest.mark.parametrize(
    "name,pointer,field",
    [
        ("hard-because-working", "/content/guidance/warnings/0/sign", ("guidance", "warnings", 0, "sign")),
        ("needs-inventory", "/content/safety/need", ("safety", "need")),
    ],
)
def test_a_safety_rule_that_names_no_option_is_refused_with_its_line(tmp_path, name, pointer, field):
    text = (shipped("exercises") / f"{name}.yaml").read_text()
    data = yaml.safe_load(text)
    target = data["content"]
    for key in field[:-1]:
        target = target[key]
    wrong = target[field[-1]] + " (typo)"
    (tmp_path / f"{name}.yaml").write_text(
        text.replace(f"{target[field[-1]]}\n", f"{wrong}\n", 1)
        if field[-1] == "need"
        else text.replace(f"- sign: {target[field[-1]]}", f"- sign: {wrong}")
    )
    cat = load_catalogue([tmp_path])
    [error] = cat.errors
    assert error.pointer == pointer and error.line > 10 and "never" in error.message
