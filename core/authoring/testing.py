"""The conformance kit: check an exercise-type plugin end to end, from the plugin's own tests.

.. code-block:: python

    from innerwork.authoring.testing import check_plugin

    def test_conformance():
        check_plugin("grounding", examples={"five-senses": {"see": ["a lamp"], ...}})

It checks that the plugin loads (and that its hooks are innerwork hooks), its
schemas are valid JSON Schemas whose ``$ref``s resolve, its exercise files
validate, every step of every exercise renders without a browser, example
answers are accepted and summarised with the person's text escaped, answers
generated from the answers schema (hypothesis-jsonschema) for every step with a
``value_schema`` are accepted or refused as the schemas and steps say, with
``derive`` and ``summary`` working on every accepted one, and that content
migrations cover every older version and an entry written under an older
version resumes, and that the type's ``charts`` (for "Looking back") read
numbers from every accepted answer and draw the person's text escaped. Every
problem names the file and the plugin. The kit fails if
it tested nothing. Needs ``pip install "innerwork[testing]"``.
"""

from __future__ import annotations

import difflib
import inspect
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..app.session import Session, answer_problems, recorded
from ..catalogue.loader import catalogue, display_path, load_catalogue
from ..content import schemas
from ..content.exercise_type import Chart, Exercise, ExerciseType
from ..errors import PluginError
from ..registry.plugins import hook_problems, packages_without_entry_point, strict
from ..registry.registered import Plugins, plugins
from ..storage.store import Entry, MemoryStore
from ..text.markdown import render

# HTML and Markdown a person might type; none of it may become a tag, link or image in a summary
NASTY = '<img src=x onerror="alert(1)"><script>alert(2)</script> ![seen](https://example.org/p.png) [go](https://example.org)'


@dataclass
class Report:
    """What the kit checked, and every problem it found (each naming a file and the plugin)."""

    plugin: str
    checks: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def check(self, ok: bool, passed: str, failed: str, where: str = "") -> bool:
        if ok:
            self.checks.append(passed)
        else:
            self.problems.append(f"{where + ': ' if where else ''}{failed} (plugin '{self.plugin}')")
        return ok


def find_plugin(name: str, loaded: Plugins | None = None) -> str:
    """The entry-point name of the plugin called ``name``: an entry-point name, a package name or the name of an
    exercise type it registers. Raises AssertionError saying what is installed, with close matches."""
    loaded = loaded or plugins()
    if name in loaded.infos:
        return name
    by_type = {**loaded.failed_types, **{t.name: t.plugin for t in loaded.types.values()}}
    if name in by_type:
        return by_type[name]
    by_package = {info.distribution.lower(): info.name for info in loaded.infos.values() if info.distribution}
    for spelling in (name.replace("-", "_"), name.lower(), f"innerwork-{name}".lower()):
        if spelling in loaded.infos:
            return spelling
        if spelling in by_package and list(by_package.values()).count(by_package[spelling]) == 1:
            return by_package[spelling]
    for info in packages_without_entry_point():
        if info.distribution.lower() in {
            name.lower(),
            f"innerwork-{name}".lower(),
            f"innerwork-{name.replace('_', '-')}",
        }:
            raise AssertionError(f"no plugin '{name}' is loaded: {info.reason}")
    known = sorted(loaded.infos) + sorted(by_type)
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    raise AssertionError(
        f"no plugin or exercise type is called '{name}' (no such entry point).{hint} "
        f"check_plugin takes the entry-point name from [project.entry-points.innerwork] in "
        f"pyproject.toml, or an exercise type's name; installed plugins: {', '.join(sorted(loaded.infos))}"
    )


def check_plugin(
    name: str,
    examples: dict[str, dict] | None = None,
    max_examples: int = 40,
    old_answers: dict[str, dict[int, dict]] | None = None,
) -> Report:
    """Run every check on a plugin; raise AssertionError listing the problems, or return the :class:`Report`.

    ``name`` is the plugin's entry-point name (or the name of an exercise type it registers).
    ``examples`` maps exercise ids to answers that must be accepted. ``old_answers`` maps exercise ids to
    ``{content_version: answers}`` recorded under older versions of the type: they must resume and, once
    upgraded by ``answers_migrations``, be accepted.
    """
    loaded = plugins()
    name = find_plugin(name, loaded)
    report = Report(name)
    info = loaded.infos[name]
    module = _plugin_file(loaded, name)
    if not report.check(
        info.status == "loaded", "the plugin loads", f"the plugin is {info.status}: {info.reason}", module
    ):
        raise AssertionError("\n".join(report.problems))
    for problem in hook_problems(loaded.manager, loaded.manager.get_plugin(name)):
        report.check(False, "", problem, module)
    types = [t for t in loaded.types.values() if t.plugin == name]
    if not types and not info.step_kinds:
        report.check(False, "", "registers no exercise type and no step kind", module)
    with strict():
        _check_content(report, loaded, name, module)
        exercises = [e for e in catalogue().exercises.values() if e.exercise_type in types]
        broken = []
        for exercise_type in types:
            type_file = _type_file(exercise_type)
            if not _check_schemas(report, exercise_type, type_file):
                broken.append(exercise_type)
            report.check(
                any(e.exercise_type is exercise_type for e in exercises),
                f"'{exercise_type.name}' has an exercise",
                f"'{exercise_type.name}' has no exercise file",
                type_file,
            )
            _check_migrations(report, exercise_type, type_file)
            _check_charts(report, exercise_type, [e for e in exercises if e.exercise_type is exercise_type])
        for exercise in exercises:
            if exercise.exercise_type in broken:
                continue  # its schemas must be fixed first
            answers = (examples or {}).get(exercise.id) or step_examples(exercise)
            _check_renders(report, exercise, loaded)
            _check_example(report, exercise, answers)
            _check_generated(report, exercise, max_examples)
            _check_resume(report, exercise, answers, (old_answers or {}).get(exercise.id, {}))
    for missing in sorted((set(examples or {}) | set(old_answers or {})) - {e.id for e in exercises}):
        report.check(False, "", f"examples name '{missing}', which is not an exercise of this plugin", module)
    if report.problems:
        raise AssertionError(
            f"plugin '{name}' ({module}) has {len(report.problems)} problem(s):\n- " + "\n- ".join(report.problems)
        )
    return report


def _plugin_file(loaded: Plugins, name: str) -> str:
    plugin = loaded.manager.get_plugin(name)
    path = getattr(plugin, "__file__", None) or (inspect.getsourcefile(type(plugin)) if plugin is not None else None)
    return display_path(Path(path)) if path else f"plugin '{name}'"


def _answered_by(step):
    """A filter keeping only values that answer ``step`` (not empty)."""
    return lambda value: not step.is_empty(value)


def _type_file(exercise_type: ExerciseType) -> str:
    try:
        source = inspect.getsourcefile(type(exercise_type))
    except (TypeError, OSError):
        source = None
    return display_path(Path(source)) if source else f"exercise type '{exercise_type.name}'"


def _where(exercise: Exercise) -> str:
    return f"{exercise.path} ({exercise.id})"


def _failure(exc: Exception) -> str:
    """An exception in words; a plugin failure already names the plugin and the method."""
    if isinstance(exc, PluginError):
        return str(exc).split(": ", 1)[-1] if str(exc).startswith("innerwork plugin") else str(exc)
    return f"{type(exc).__name__}: {exc}"


def _check_content(report: Report, loaded: Plugins, name: str, module: str) -> None:
    plugin = loaded.manager.get_plugin(name)
    dirs: list = []
    hook = getattr(plugin, "register_content_dirs", None)
    if hook is not None:
        try:
            hook(register=dirs.append)
        except Exception as exc:
            report.check(False, "", f"register_content_dirs failed: {_failure(exc)}", module)
    missing = [d for d in dirs if not Path(d).is_dir()]
    report.check(
        not missing,
        "its content folders exist",
        f"register_content_dirs registers {', '.join(map(str, missing))}, which is not a folder",
        module,
    )
    if dirs:
        result = load_catalogue(dirs)
        report.check(
            not result.errors,
            f"its {result.files} exercise file(s) validate",
            "exercise files have errors:\n  " + "\n  ".join(map(str, result.errors)),
            module,
        )


def _check_schemas(report: Report, exercise_type: ExerciseType, type_file: str) -> bool:
    ok = True
    for which in ("content", "answers"):
        given = getattr(exercise_type, f"{which}_schema")
        where = display_path(Path(given)) if not isinstance(given, dict) else type_file
        try:
            schemas.check_and_compile(schemas.resolve(given))
        except schemas.SchemaProblem as exc:  # a schema file that cannot be read, or one that is not valid
            ok = report.check(False, "", f"the {which} schema of '{exercise_type.name}' {exc}", where)
        else:
            report.check(True, f"the {which} schema of '{exercise_type.name}' is valid", "")
    return ok


def _check_migrations(report: Report, exercise_type: ExerciseType, type_file: str) -> None:
    """Content migrations cover every older version; answers migrations name only older versions."""
    newest = exercise_type.content_version
    missing = [v for v in range(1, newest) if not callable(exercise_type.migrations.get(v))]
    report.check(
        not missing,
        f"'{exercise_type.name}' upgrades content from every older version",
        f"'{exercise_type.name}' reads content version {newest} but has no migration from version(s) "
        f"{', '.join(map(str, missing))} in `migrations`, so exercise files written for them cannot load",
        type_file,
    )
    stray = [
        v
        for v in {**exercise_type.migrations, **exercise_type.answers_migrations}
        if not isinstance(v, int) or not 1 <= v < newest
    ]
    report.check(
        not stray,
        f"'{exercise_type.name}' migrations start from older versions",
        f"'{exercise_type.name}' has migrations from version(s) {', '.join(map(repr, stray))}, but only "
        f"versions 1 to {newest - 1} are older than content_version {newest}: they are never used",
        type_file,
    )


def resume_old_entry(exercise: Exercise, answers: dict, content_version: int, store=None) -> Session:
    """A session resuming a draft of ``exercise`` whose ``answers`` were recorded under ``content_version`` of
    its type: saved to ``store`` first, then read back, as a person reopening it after an upgrade would."""
    store = store if store is not None else MemoryStore()
    kind = exercise.exercise_type
    entry = Entry(exercise.id, exercise.type, kind.version, content_version, answers=dict(answers))
    store.save(entry)
    return Session(exercise, store, entry=store.get(entry.id))


def _check_resume(report: Report, exercise: Exercise, answers: dict, old: dict[int, dict]) -> None:
    """A draft written under each older content version resumes, keeps every answer and summarises."""
    for version in range(1, exercise.exercise_type.content_version):
        given = old.get(version)
        try:
            session = resume_old_entry(exercise, given if given is not None else answers, version)
            session.save_now()
            kept = {**session.kept, **session.answers}
            _summary(exercise, session.answers)
        except Exception as exc:
            report.check(
                False,
                "",
                f"resuming an entry written under version {version} failed: {_failure(exc)}",
                _where(exercise),
            )
            continue
        report.check(isinstance(kept, dict), "", "", _where(exercise))
        if given is not None:
            problems = answer_problems(exercise, session.answers)
            report.check(
                not problems,
                f"{exercise.id}: answers recorded under version {version} resume and are accepted",
                f"answers recorded under version {version}, upgraded by answers_migrations, are refused: {problems}",
                _where(exercise),
            )
        else:
            report.check(True, f"{exercise.id}: an entry written under version {version} resumes", "")


def _check_renders(report: Report, exercise: Exercise, loaded: Plugins) -> None:
    from ..ui.widgets import ExerciseApp

    where = _where(exercise)
    app = None
    try:
        app = ExerciseApp(Session(exercise, MemoryStore()))
        for index, step in enumerate(exercise.steps):
            app.session.index = index
            try:
                app.render()
            except Exception as exc:
                owner = loaded.step_kind_plugins.get(step.kind)
                by = f" (the step kind '{step.kind}' comes from plugin '{owner}')" if owner else ""
                report.check(False, "", f"step '{step.id}' failed to render: {_failure(exc)}{by}", where)
                return
            if not app.body.children:
                report.check(False, "", f"step '{step.id}' shows nothing", where)
                return
        app.summary_view()
    except Exception as exc:
        report.check(False, "", f"the summary page failed: {_failure(exc)}", where)
    else:
        report.check(True, f"{exercise.id}: all {len(exercise.steps)} steps and the summary render", "")


def _check_charts(report: Report, exercise_type: ExerciseType, exercises: list[Exercise]) -> None:
    try:
        charts = list(exercise_type.charts(exercises))
        problems = [
            f"{c!r} is not an innerwork.content.exercise_type.Chart" for c in charts if not isinstance(c, Chart)
        ]
        ids = [c.id for c in charts if isinstance(c, Chart)]
        problems += [f"the chart id '{i}' is used twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
    except Exception as exc:
        problems = [f"charts() failed: {type(exc).__name__}: {exc}"]
    report.check(
        not problems,
        f"'{exercise_type.name}' declares {len(ids) if not problems else 0} chart(s)",
        f"'{exercise_type.name}': " + "; ".join(problems),
    )


def chart_values(exercise: Exercise, answers: dict) -> dict[str, dict]:
    """Each chart's values for ``answers``; raises AssertionError when one is not ``{label: number}``."""
    found = {}
    for chart in exercise.exercise_type.charts([exercise]):
        values = chart.values(recorded(exercise, answers))
        assert isinstance(values, dict), f"the chart '{chart.id}' gave {type(values).__name__}, not a dict"
        wrong = {
            k: v
            for k, v in values.items()
            if not isinstance(k, str) or isinstance(v, bool) or not isinstance(v, (int, float))
        }
        assert not wrong, f"the chart '{chart.id}' gave values that are not {{label: number}}: {wrong!r}"
        found[chart.id] = values
    return found


def _chart_html(exercise: Exercise, answers: dict) -> str:
    """Every chart of ``exercise`` drawn from one entry with ``answers``, with its table."""
    import datetime as dt

    from ..app.series import overview
    from ..storage.store import Entry
    from ..ui.chart_svg import figure

    entry = Entry(
        exercise.id,
        exercise.type,
        exercise.exercise_type.version,
        exercise.schema_version,
        recorded(exercise, answers),
        "completed",
        summary="",
    )
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
    where = _where(exercise)
    problems = answer_problems(exercise, answers)
    if not report.check(
        not problems,
        f"{exercise.id}: the example answers are accepted",
        f"the example answers are refused: {problems}",
        where,
    ):
        return
    try:
        html = _summary(exercise, answers)
        typed = [s for s in exercise.answer_steps if s.typed and s.id in answers]
        nasty = _summary(exercise, {**answers, **{s.id: _with_text(answers[s.id], NASTY) for s in typed}})
    except Exception as exc:
        report.check(False, "", f"summary of the example answers failed: {_failure(exc)}", where)
        return
    report.check(bool(html.strip()), f"{exercise.id}: the summary renders", "the summary is empty", where)
    try:
        charted = chart_values(exercise, answers)
        drawn = _chart_html(exercise, {**answers, **{s.id: _with_text(answers[s.id], NASTY) for s in typed}})
    except Exception as exc:
        report.check(False, "", f"{exercise.id}: charts of the example answers failed: {type(exc).__name__}: {exc}")
    else:
        report.check(
            not any(tag in drawn for tag in ("<img", "<script")),
            f"{exercise.id}: {sum(map(bool, charted.values()))} chart(s) read the example answers, typed text escaped",
            f"{exercise.id}: typed HTML reaches a chart unescaped",
        )
    report.check(
        not any(tag in nasty for tag in ("<img", "<script", 'href="https://example.org')),
        f"{exercise.id}: typed text is escaped in the summary",
        "typed HTML reaches the summary unescaped; use innerwork.content.steps.md_escape",
        where,
    )


def step_examples(exercise: Exercise) -> dict:
    """Answers made from each step kind's own ``example()``, step by step."""
    answers: dict = {}
    for step in exercise.answer_steps:
        value = step.example(answers)
        if value is not None:
            answers[step.id] = value
    return answers


def answers_schema_for(exercise: Exercise) -> dict:
    """The type's answers schema, narrowed to this exercise's answer steps, with every ``$ref`` inlined
    (its own ``#/$defs/...`` as well as the shipped schemas')."""
    full = schemas.resolve(exercise.exercise_type.answers_schema)
    inlined = inline(full)
    properties = inlined.get("properties", {})
    other = inlined.get("additionalProperties", True)
    return {
        "type": "object",
        "additionalProperties": False,
        "properties": {s.id: properties.get(s.id, other) for s in exercise.answer_steps},
    }


def inline(schema, resolver=None, depth: int = 0):
    """``schema`` with each ``$ref`` replaced by what it points to: a local ``#/$defs/...`` or a shipped schema."""
    if depth > 20:
        raise ValueError("the schema's $refs nest too deeply to inline")
    if resolver is None:
        found, uri = schemas.with_root(schema) if isinstance(schema, dict) else (schemas.registry(), "")
        resolver = found.resolver(base_uri=uri)
    if isinstance(schema, list):
        return [inline(s, resolver, depth) for s in schema]
    if not isinstance(schema, dict):
        return schema
    if "$ref" in schema:
        resolved = resolver.lookup(schema["$ref"])
        rest = {k: v for k, v in schema.items() if k != "$ref"}
        target = inline(resolved.contents, resolved.resolver, depth + 1)
        if not isinstance(target, dict):
            return target if not rest else {"allOf": [target, inline(rest, resolver, depth)]}
        return {**target, **inline(rest, resolver, depth)} if rest else target
    return {k: inline(v, resolver, depth) for k, v in schema.items() if k not in ("$defs", "$id", "$schema")}


def _narrow(subschema, shape: dict) -> dict:
    """``subschema`` and ``shape`` together, keeping only the ``anyOf`` branches of the shape's type."""
    if subschema is True or subschema == {}:
        return shape
    branches = subschema.get("anyOf", [subschema]) if set(subschema) == {"anyOf"} else [subschema]
    fitting = [b for b in branches if not isinstance(b, dict) or b.get("type") in (None, shape.get("type"))] or branches
    return {"allOf": [fitting[0] if len(fitting) == 1 else {"anyOf": fitting}, shape]}


def _wrong_type(accepts) -> object:
    """A JSON value ``accepts`` refuses (so the answer must be refused too), or None if it takes them all."""
    for candidate in ({"not": "expected"}, ["not", "expected"], 12345, "not expected", True):
        if not accepts(candidate):
            return candidate
    return None


def _check_generated(report: Report, exercise: Exercise, max_examples: int) -> None:
    """Answers drawn from the answers schema: every step whose kind has a ``value_schema`` gets generated
    answers (the others, and steps whose answers feed a later step's items, keep their example answers, so
    that most draws are acceptable), and steps that are not required are sometimes skipped; every accepted
    draw must summarise, and some must be accepted."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st
    from hypothesis_jsonschema import from_schema

    where = _where(exercise)
    try:
        schema = answers_schema_for(exercise)
    except Exception as exc:  # a $ref that leads nowhere, or nesting too deep
        report.check(
            False,
            "",
            f"answers cannot be generated from the answers schema of '{exercise.type}': {_failure(exc)}",
            where,
        )
        return
    example = step_examples(exercise)
    feeds = {s.spec.get("items_from") for s in exercise.answer_steps}
    draws: dict[str, Any] = {}
    optional: dict[str, Any] = {}
    varied: list[str] = []
    for step in exercise.answer_steps:
        allowed = schema["properties"][step.id]
        if step.value_schema and step.id not in feeds and allowed is not False:
            draw = from_schema(_narrow(allowed, step.value_schema))
            if step.required:  # an empty answer to a required step is refused, whatever else it says
                draw = draw.filter(_answered_by(step))
            varied.append(step.id)
        elif step.id in example:
            draw = st.just(example[step.id])
        else:
            continue
        # a person may skip any step that is not required (and one whose answers feed others)
        (draws if step.required or step.id in feeds else optional)[step.id] = draw
    seen = {"accepted": 0, "refused": 0}
    refusals: list[str] = []
    failures: list[str] = []
    chart_failures: list[str] = []

    @settings(max_examples=max_examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries(draws, optional=optional))
    def generated(answers):
        problems = answer_problems(exercise, answers)
        if problems:
            seen["refused"] += 1
            refusals.append(f"{problems} for answers {answers!r}"[:400])
            return
        seen["accepted"] += 1
        try:
            _summary(exercise, answers)
        except Exception as exc:
            failures.append(f"{_failure(exc)} for answers {answers!r}")
        try:
            chart_values(exercise, answers)
        except Exception as exc:
            chart_failures.append(f"{_failure(exc)} for answers {answers!r}")

    try:
        generated()
    except Exception as exc:
        failures.append(_failure(exc))
    summary = (
        f"{seen['accepted']} generated answers (varying {', '.join(varied) or 'no step'}) accepted and "
        f"summarised, {seen['refused']} refused by the steps' checks"
    )
    if report.check(
        not failures,
        f"{exercise.id}: {summary}",
        f"derive() or summary() failed on accepted answers: {failures[:1]}",
        where,
    ):
        report.check(
            seen["accepted"] > 0,
            "",
            f"tested nothing: {summary}. The answers schema allows answers the steps refuse; make them "
            f"agree, or give example answers. First refusal: {refusals[0] if refusals else 'none'}",
            where,
        )
    report.check(
        not chart_failures,
        f"{exercise.id}: charts read every accepted answer",
        f"a chart failed on accepted answers: {chart_failures[:1]}",
        where,
    )
    wrong = []
    for step_id, subschema in schema["properties"].items():
        value = _wrong_type(schemas.validator(subschema).is_valid) if isinstance(subschema, dict) else None
        if value is not None and not answer_problems(exercise, {**example, step_id: value}):
            wrong.append(f"{step_id}={value!r}")
    report.check(
        not wrong,
        f"{exercise.id}: answers of a type the answers schema refuses are refused",
        f"answers the answers schema refuses were accepted: {', '.join(wrong)}",
        where,
    )
