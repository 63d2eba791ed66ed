"""Small defects found in a reading of the code, each kept fixed by a test."""
import json


def test_each_type_has_its_own_migration_tables():
    from innerwork.exercise_type import ExerciseType

    class First(ExerciseType):
        name = "first"

    class Second(ExerciseType):
        name = "second"

    First.migrations[1] = lambda content: content
    First.answers_migrations[1] = lambda answers: answers
    assert Second.migrations == {} and Second.answers_migrations == {}
    assert ExerciseType.migrations == {} and ExerciseType.answers_migrations == {}


def test_a_tab_indented_json_exercise_reads_like_any_json(tmp_path, monkeypatch):
    from innerwork import sourcefile
    from innerwork.catalogue import load_file
    monkeypatch.setattr(sourcefile, "MAX_FLOW_OPENINGS_FOR_LIBYAML", 0)  # the pure-Python parser, as for big files
    import yaml

    from innerwork.paths import shipped
    content = yaml.safe_load((shipped("exercises") / "wins-log.yaml").read_text())
    content["id"] = "tabbed-wins-log"
    path = tmp_path / "tabbed.json"
    path.write_text(json.dumps(content, indent="\t"))
    assert "\t" in path.read_text()
    exercise, _ = load_file(str(path))
    assert exercise.id == "tabbed-wins-log"
