"""The conformance kit: check an exercise-type plugin end to end, from the plugin's own tests.

.. code-block:: python

    from innerwork.testing import check_plugin

    def test_conformance():
        check_plugin("grounding", examples={"five-senses": {"see": ["a lamp"], ...}})

It checks that the plugin loads, its schemas are valid JSON Schemas, its
exercise files validate, every step of every exercise renders without a
browser, example answers are accepted and summarised with the person's text
escaped, and answers generated from the answers schema (hypothesis-jsonschema)
are accepted or rejected as the schemas and steps say, with ``derive`` and
``summary`` working on every accepted one, and that the type's ``charts``
(for "Looking back") read numbers from every accepted answer and draw the
person's text escaped. Needs ``pip install innerwork[testing]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from jsonschema import validators

from . import schemas
from .catalogue import catalogue, load_catalogue, plugins
from .exercise_type import Chart, Exercise, ExerciseType
from .markdown import render
from .session import answer_problems, recorded

# HTML and Markdown a person might type; none of it may become a tag, link or image in a summary
NASTY = '<img src=x onerror="alert(1)"><script>alert(2)</script> ![seen](https://example.org/p.png) [go](https://example.org)'


@dataclass
class Report:
    """What the kit checked, and every problem it found."""

    plugin: str
    checks: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def check(self, ok: bool, passed: str, failed: str) -> bool:
        (self.checks if ok else self.problems).append(passed if ok else failed)
        return ok


def check_plugin(name: str, examples: dict[str, dict] | None = None, max_examples: int = 40) -> Report:
    """Run every check on the plugin registered under the entry-point ``name``; raise AssertionError listing
    the problems, or return the :class:`Report`. ``examples`` maps exercise ids to answers that must be accepted."""
    report = Report(name)
    loaded = plugins()
    info = loaded.infos.get(name)
    if not report.check(info is not None and info.status == "loaded", "the plugin loads",
                        f"the plugin '{name}' is not loaded: {info.reason if info else 'no such entry point'}"):
        raise AssertionError("\n".join(report.problems))
    types = [t for t in loaded.types.values() if t.plugin == name]
    report.check(bool(types), f"registers {len(types)} exercise type(s)", "registers no exercise type")
    _check_content(report, name)
    exercises = [e for e in catalogue().exercises.values() if e.exercise_type in types]
    broken = []
    for exercise_type in types:
        if not _check_schemas(report, exercise_type):
            broken.append(exercise_type)
        report.check(any(e.exercise_type is exercise_type for e in exercises),
                     f"'{exercise_type.name}' has an exercise", f"'{exercise_type.name}' has no exercise file")
        _check_charts(report, exercise_type, [e for e in exercises if e.exercise_type is exercise_type])
    for exercise in exercises:
        if exercise.exercise_type in broken:
            continue  # its schemas must be fixed first
        _check_renders(report, exercise)
        _check_example(report, exercise, (examples or {}).get(exercise.id) or step_examples(exercise))
        _check_generated(report, exercise, max_examples)
    for missing in sorted(set(examples or {}) - {e.id for e in exercises}):
        report.check(False, "", f"examples name '{missing}', which is not an exercise of this plugin")
    if report.problems:
        raise AssertionError(f"plugin '{name}' has {len(report.problems)} problem(s):\n- " + "\n- ".join(report.problems))
    return report


def _check_content(report: Report, name: str) -> None:
    plugin = plugins().manager.get_plugin(name)
    dirs = []
    if hasattr(plugin, "register_content_dirs"):
        plugin.register_content_dirs(register=dirs.append)
    if dirs:
        result = load_catalogue(dirs)
        report.check(not result.errors, f"its {result.files} exercise file(s) validate",
                     "exercise files have errors:\n  " + "\n  ".join(map(str, result.errors)))


def _check_schemas(report: Report, exercise_type: ExerciseType) -> bool:
    ok = True
    for which in ("content", "answers"):
        schema = getattr(exercise_type, f"{which}_schema_dict")()
        try:
            validators.validator_for(schema).check_schema(schema)
        except Exception as exc:  # SchemaError, or a schema file that cannot be read
            ok = report.check(False, "", f"the {which} schema of '{exercise_type.name}' is not a valid JSON Schema: "
                                         f"{exc}")
        else:
            report.check(True, f"the {which} schema of '{exercise_type.name}' is valid", "")
    return ok


def _check_renders(report: Report, exercise: Exercise) -> None:
    from .session import Session
    from .store import MemoryStore
    from .widgets import ExerciseApp
    try:
        app = ExerciseApp(Session(exercise, MemoryStore()))
        for index in range(len(exercise.steps)):
            app.session.index = index
            app.render()
            assert app.body.children, f"step {exercise.steps[index].id} shows nothing"
        app.summary_view()
    except Exception as exc:
        report.check(False, "", f"{exercise.id}: rendering failed: {type(exc).__name__}: {exc}")
    else:
        report.check(True, f"{exercise.id}: all {len(exercise.steps)} steps and the summary render", "")


def _check_charts(report: Report, exercise_type: ExerciseType, exercises: list[Exercise]) -> None:
    try:
        charts = list(exercise_type.charts(exercises))
        problems = [f"{c!r} is not an innerwork.exercise_type.Chart" for c in charts if not isinstance(c, Chart)]
        ids = [c.id for c in charts if isinstance(c, Chart)]
        problems += [f"the chart id '{i}' is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    except Exception as exc:
        problems = [f"charts() failed: {type(exc).__name__}: {exc}"]
    report.check(not problems, f"'{exercise_type.name}' declares {len(ids) if not problems else 0} chart(s)",
                 f"'{exercise_type.name}': " + "; ".join(problems))


def chart_values(exercise: Exercise, answers: dict) -> dict[str, dict]:
    """Each chart's values for ``answers``; raises AssertionError when one is not ``{label: number}``."""
    found = {}
    for chart in exercise.exercise_type.charts([exercise]):
        values = chart.values(recorded(exercise, answers))
        assert isinstance(values, dict), f"the chart '{chart.id}' gave {type(values).__name__}, not a dict"
        wrong = {k: v for k, v in values.items()
                 if not isinstance(k, str) or isinstance(v, bool) or not isinstance(v, (int, float))}
        assert not wrong, f"the chart '{chart.id}' gave values that are not {{label: number}}: {wrong!r}"
        found[chart.id] = values
    return found


def _chart_html(exercise: Exercise, answers: dict) -> str:
    """Every chart of ``exercise`` drawn from one entry with ``answers``, with its table."""
    import datetime as dt

    from .chart_svg import figure
    from .series import overview
    from .store import Entry
    entry = Entry(exercise.id, exercise.type, exercise.exercise_type.version, exercise.schema_version,
                  recorded(exercise, answers), "completed", summary="")
    today = dt.date.today()
    summary = overview([entry], "all", today, {exercise.type: exercise.exercise_type}, [exercise])
    assert not any(view.problem for view in summary.types), summary.types[0].problem
    return "".join(figure(data, None, today) for view in summary.types for data in view.charts)


def _summary(exercise: Exercise, answers: dict) -> str:
    kept = recorded(exercise, answers)
    derived = exercise.exercise_type.derive(exercise, kept)
    summary = exercise.exercise_type.summary(exercise, kept, derived)
    assert isinstance(summary, str), f"summary() returned {type(summary).__name__}, not Markdown text"
    return render(summary)


def _with_text(value, text):
    """``value`` with every string in it replaced by ``text``."""
    if isinstance(value, str):
        return text
    if isinstance(value, list):
        return [_with_text(v, text) for v in value]
    if isinstance(value, dict):
        return {k: _with_text(v, text) for k, v in value.items()}
    return value


def _check_example(report: Report, exercise: Exercise, answers: dict) -> None:
    problems = answer_problems(exercise, answers)
    if not report.check(not problems, f"{exercise.id}: the example answers are accepted",
                        f"{exercise.id}: the example answers are refused: {problems}"):
        return
    try:
        html = _summary(exercise, answers)
        typed = [s for s in exercise.answer_steps if s.typed and s.id in answers]
        nasty = _summary(exercise, {**answers, **{s.id: _with_text(answers[s.id], NASTY) for s in typed}})
    except Exception as exc:
        report.check(False, "", f"{exercise.id}: summary of the example answers failed: {type(exc).__name__}: {exc}")
        return
    report.check(bool(html.strip()), f"{exercise.id}: the summary renders", f"{exercise.id}: the summary is empty")
    try:
        charted = chart_values(exercise, answers)
        drawn = _chart_html(exercise, {**answers, **{s.id: _with_text(answers[s.id], NASTY) for s in typed}})
    except Exception as exc:
        report.check(False, "", f"{exercise.id}: charts of the example answers failed: {type(exc).__name__}: {exc}")
    else:
        report.check(not any(tag in drawn for tag in ("<img", "<script")),
                     f"{exercise.id}: {sum(map(bool, charted.values()))} chart(s) read the example answers, "
                     "typed text escaped", f"{exercise.id}: typed HTML reaches a chart unescaped")
    report.check(not any(tag in nasty for tag in ("<img", "<script", 'href="https://example.org')),
                 f"{exercise.id}: typed text is escaped in the summary",
                 f"{exercise.id}: typed HTML reaches the summary unescaped; use innerwork.steps.md_escape")


def step_examples(exercise: Exercise) -> dict:
    """Answers made from each step kind's own ``example()``, step by step."""
    answers: dict = {}
    for step in exercise.answer_steps:
        value = step.example(answers)
        if value is not None:
            answers[step.id] = value
    return answers


def answers_schema_for(exercise: Exercise) -> dict:
    """The type's answers schema, narrowed to this exercise's answer steps, with every ``$ref`` inlined."""
    full = schemas.resolve(exercise.exercise_type.answers_schema)
    inlined = inline(full)
    properties = inlined.get("properties", {})
    other = inlined.get("additionalProperties", True)
    return {"type": "object", "additionalProperties": False,
            "properties": {s.id: properties.get(s.id, other) for s in exercise.answer_steps}}


def inline(schema, resolver=None, depth: int = 0):
    """``schema`` with each ``$ref`` replaced by what it points to (resolved against the shipped schemas)."""
    if depth > 20:
        raise ValueError("the schema's $refs nest too deeply to inline")
    if resolver is None:
        resolver = schemas.registry().resolver(base_uri=schema.get("$id", "") if isinstance(schema, dict) else "")
    if isinstance(schema, list):
        return [inline(s, resolver, depth) for s in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        target = inline(resolved.contents, resolved.resolver, depth + 1)
        return {**target, **inline(rest, resolver, depth)} if rest else target
    return {k: inline(v, resolver, depth) for k, v in schema.items() if k not in ("$defs", "$id", "$schema")}


def _narrow(subschema: dict, shape: dict) -> dict:
    """``subschema`` and ``shape`` together, keeping only the ``anyOf`` branches of the shape's type."""
    branches = subschema.get("anyOf", [subschema]) if set(subschema) == {"anyOf"} else [subschema]
    fitting = [b for b in branches if b.get("type") in (None, shape.get("type"))] or branches
    return {"allOf": [fitting[0] if len(fitting) == 1 else {"anyOf": fitting}, shape]}


def _wrong_type(accepts) -> object:
    """A JSON value ``accepts`` refuses (so the answer must be refused too), or None if it takes them all."""
    for candidate in ({"not": "expected"}, ["not", "expected"], 12345, "not expected", True):
        if not accepts(candidate):
            return candidate
    return None


def _check_generated(report: Report, exercise: Exercise, max_examples: int) -> None:
    """Answers drawn from the answers schema: text steps get generated text (other steps keep their
    example answers, so that most draws are acceptable); every accepted draw must summarise."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from hypothesis_jsonschema import from_schema
    schema = answers_schema_for(exercise)
    example = step_examples(exercise)
    feeds = {s.spec.get("items_from") for s in exercise.answer_steps}
    draws = {step.id: (from_schema(_narrow(schema["properties"][step.id], step.value_schema))
                       if step.typed and step.id not in feeds
                       else st.just(example[step.id]))
             for step in exercise.answer_steps if step.id in example}
    seen = {"accepted": 0, "refused": 0}
    failures: list[str] = []
    chart_failures: list[str] = []

    @settings(max_examples=max_examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries(draws))
    def generated(answers):
        if answer_problems(exercise, answers):
            seen["refused"] += 1
            return
        seen["accepted"] += 1
        try:
            _summary(exercise, answers)
        except Exception as exc:
            failures.append(f"{type(exc).__name__}: {exc} for answers {answers!r}")
        try:
            chart_values(exercise, answers)
        except Exception as exc:
            chart_failures.append(f"{type(exc).__name__}: {exc} for answers {answers!r}")

    try:
        generated()
    except Exception as exc:
        failures.append(f"{type(exc).__name__}: {exc}")
    report.check(not failures, f"{exercise.id}: {seen['accepted']} generated answers accepted and summarised, "
                 f"{seen['refused']} refused by the steps' checks",
                 f"{exercise.id}: derive() or summary() failed on accepted answers: {failures[:1]}")
    report.check(not chart_failures, f"{exercise.id}: charts read every accepted answer",
                 f"{exercise.id}: a chart failed on accepted answers: {chart_failures[:1]}")
    wrong = []
    for step_id, subschema in schema["properties"].items():
        value = _wrong_type(schemas.validator(subschema).is_valid)
        if value is not None and not answer_problems(exercise, {**example, step_id: value}):
            wrong.append(f"{step_id}={value!r}")
    report.check(not wrong, f"{exercise.id}: answers of a type the answers schema refuses are refused",
                 f"{exercise.id}: answers the answers schema refuses were accepted: {', '.join(wrong)}")
