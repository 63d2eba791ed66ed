"""Drive every built-in exercise through its widgets (no browser), and check what the store holds."""

import datetime as dt

import ipywidgets as W
import pytest

import innerwork
from innerwork.app.session import Session
from innerwork.storage.store import MemoryStore, SQLiteStore
from innerwork.ui.widgets import ExerciseApp

EXERCISES = [e.id for e in innerwork.exercises()]
NASTY = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from walk(child)


def html_values(widget):
    return [w.value for w in walk(widget) if isinstance(w, W.HTML)]


def fill(app, text):
    """Answer the current step through its widgets, as a person would."""
    step, control = app.session.step, app.input
    if control is None:
        return
    inner = [w for w in walk(control) if w is not control or not isinstance(w, W.Box)]
    if step.kind == "prompt":
        control.value = text
    elif step.kind == "list":
        next(w for w in inner if isinstance(w, W.Textarea)).value = f"{text}\nsecond\nthird"
    elif step.kind in ("scale",):
        next(w for w in inner if isinstance(w, W.ToggleButtons)).value = 3
    elif step.kind in ("choice", "pick") and isinstance(control, W.RadioButtons):
        control.value = control.options[0]
    elif step.kind in ("checklist", "pick"):
        next(w for w in inner if isinstance(w, W.Checkbox)).value = True
    elif step.kind == "date":
        control.value = dt.date(2026, 12, 1)
    elif step.kind == "rate_items":
        for n, drop in enumerate(w for w in inner if isinstance(w, W.Dropdown)):
            drop.value = (n * 7) % 11
    elif step.kind == "order":
        next(w for w in inner if isinstance(w, W.Button) and w.description == "Down").click()
    elif step.kind == "item_notes":
        for box in (w for w in inner if isinstance(w, W.Text)):
            box.value = text


def complete(app, text="Something I wrote", on_each_step=lambda app: None):
    for _ in range(60):
        if app.nav.layout.display == "none":
            return
        fill(app, text)
        on_each_step(app)
        assert app.problem.value == "", (app.session.step.id, app.problem.value)
        app.next_button.click()
    raise AssertionError("the exercise never reached its summary")


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_every_exercise_runs_from_first_step_to_summary_and_is_stored(exercise_id, tmp_path):
    store = SQLiteStore(tmp_path / "answers.sqlite3")
    app = innerwork.show(exercise_id, store=store)
    seen = []
    complete(app, on_each_step=lambda a: seen.append(a.progress.value))
    total = len(app.session.exercise.steps)
    assert f'<progress max="{total}" value="1"' in seen[0] and f"Step 1 of {total}" in seen[0]
    assert "Finished" in app.progress.value
    [entry] = store.entries()
    exercise = innerwork.get_exercise(exercise_id)
    assert entry.status == "completed" and entry.exercise_id == exercise_id
    assert entry.type == exercise.type and entry.type_version == exercise.exercise_type.version
    assert entry.content_version == exercise.exercise_type.content_version
    assert entry.summary == app.session.summary()
    for step in exercise.answer_steps:
        if step.kind == "prompt":
            assert entry.answers[step.id] == "Something I wrote"
    assert "download" in app.downloads.value and "Download my answers (Markdown)" in app.downloads.value


@pytest.mark.parametrize("exercise_id", EXERCISES)
def test_typed_html_never_reaches_an_html_widget_unescaped(exercise_id):
    app = ExerciseApp(Session(innerwork.get_exercise(exercise_id), MemoryStore()))

    def no_raw_html(app):
        for value in html_values(app):
            assert "<img" not in value and "<script" not in value

    complete(app, NASTY, on_each_step=no_raw_html)
    no_raw_html(app)
    summary = "".join(html_values(app))
    if any(s.kind in ("prompt", "list", "item_notes") for s in app.session.exercise.answer_steps):
        assert "&lt;img" in summary


def test_back_keeps_answers_and_a_bad_answer_shows_a_message_next_to_the_field():
    app = ExerciseApp(Session(innerwork.get_exercise("self-compassion-break"), MemoryStore()))
    app.next_button.click()  # intro
    app.next_button.click()  # the situation is required
    assert app.problem.value == "Please answer this one before going on."
    app.input.value = "A tense call with my brother"
    assert app.problem.value == ""
    app.next_button.click()
    app.back_button.click()
    assert app.input.value == "A tense call with my brother"


def test_a_hard_chosen_step_shows_a_suggestion_to_split_it():
    session = Session(innerwork.get_exercise("step-ladder"), MemoryStore())
    session.set_answer("steps", ["Tidy the whole flat", "Open the window"])
    session.set_answer("difficulty", {"Tidy the whole flat": 9, "Open the window": 1})
    session.index = [s.id for s in session.exercise.steps].index("chosen")
    app = ExerciseApp(session)
    app.input.value = "Tidy the whole flat"
    assert "split it into two smaller ones" in app.hint.value
    app.input.value = "Open the window"
    assert app.hint.value == ""


def test_resume_offers_the_unfinished_entry(tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    first = innerwork.show("wins-log", store=store)
    first.input.children[1].value = "Made tea"
    first.session.save_now()
    again = innerwork.show("wins-log", store=store)
    assert "unfinished entry" in again.children[1].value
    again.resume_button.click()
    assert again.children[0].session.answers["wins"] == ["Made tea"]


def test_a_store_that_fails_keeps_answers_on_the_page(tmp_path):
    bad = tmp_path / "answers.sqlite3"
    bad.write_bytes(b"this is not a database" * 100)
    app = ExerciseApp(Session(innerwork.get_exercise("wins-log"), SQLiteStore(bad)))
    app.input.children[1].value = "Went outside"
    app.session.save_now()
    assert app.saved.value.startswith("Not saved")
    assert "cannot be read" in app.saved.tooltip
    assert app.session.answers["wins"] == ["Went outside"]
    app.stop_button.click()
    assert "Download my answers so far" in app.body.children[1].value
    assert bad.read_bytes() == b"this is not a database" * 100


def test_gallery_filters_and_starts_an_exercise():
    gallery = innerwork.gallery(store=MemoryStore())
    assert len(gallery.start_buttons) == len(EXERCISES)
    gallery.type_filter.value = "reflection"
    assert set(gallery.start_buttons) == {e.id for e in innerwork.exercises() if e.type == "reflection"}
    gallery.start_buttons["hard-because-working"].click()
    assert gallery.app.session.exercise.id == "hard-because-working"
    assert any(isinstance(w, W.Button) and w.description == "Need help now?" for w in walk(gallery))


def test_history_lists_views_exports_and_deletes(tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    complete(innerwork.show("quick-body-check", store=store))
    history = innerwork.history(store=store)
    row = history.rows.children[0]
    assert "Quick body check · finished" in row.children[0].value
    next(b for b in row.children if getattr(b, "description", "") == "View").click()
    assert "Quick body check" in history.detail.children[0].value
    next(b for b in row.children if getattr(b, "description", "") == "Delete").click()
    history.detail.children[1].children[0].click()  # "Delete for good"
    assert store.entries() == []


def test_history_deletes_everything_after_asking(tmp_path):
    store = SQLiteStore(tmp_path / "a.sqlite3")
    for exercise_id in ("wins-log", "quick-body-check"):
        complete(innerwork.show(exercise_id, store=store))
    history = innerwork.history(store=store)
    history.delete_all_button.click()
    assert history.detail.children[0].value == "Delete all 2 entries? This cannot be undone."
    history.detail.children[1].children[1].click()  # "Keep it"
    assert len(store.entries()) == 2
    history.delete_all_button.click()
    history.detail.children[1].children[0].click()
    assert store.entries() == [] and history.rows.children[0].value == "No entries yet."


def test_help_panel_opens_with_tel_links():
    app = innerwork.show("wins-log", store=MemoryStore())
    app.help.button.click()
    assert app.help.panel.layout.display is None
    panel = app.help.panel.children[0].value
    assert 'href="tel:988"' in panel and 'href="tel:116123"' in panel
    assert "last checked on" in panel


def test_going_back_shows_the_same_widgets_with_the_answer_kept(tmp_path):
    """A step shown again reuses its widget models: no new models per step change, nothing typed lost."""
    app = innerwork.show("before-session-preparation", store=SQLiteStore(tmp_path / "answers.sqlite3"))
    first_input = app.input
    first_input.value = "the week at work"
    app.next_button.click()
    assert app.input is not first_input
    app.back_button.click()
    assert app.input is first_input and app.input.value == "the week at work"


def test_a_grounding_timer_counts_down_and_records_nothing():
    import time

    from innerwork.content.steps import Timer
    from innerwork.ui.step_widgets import Countdown

    assert Timer({"id": "ground", "kind": "timer", "body": "Breathe"}).records_answer is False
    countdown = Countdown(2)
    assert countdown.left.value.startswith("0:02")
    countdown.start()
    assert countdown.left.value == "0:02 left"
    time.sleep(2.5)
    assert countdown.left.value.startswith("Time is up")
    exercise = innerwork.get_exercise("after-session-reflection")
    session = Session(exercise, MemoryStore())
    session.index = [s.id for s in exercise.steps].index("ground")
    app = ExerciseApp(session)
    assert isinstance(app.input, Countdown) and "Feel your feet" in " ".join(html_values(app))
    app.next_button.click()
    assert "ground" not in app.session.answers


def test_a_number_step_takes_a_whole_number_in_range():
    from innerwork.content.steps import Number

    step = Number({"id": "sessions", "kind": "number", "prompt": "How many?", "max": 200, "unit": "sessions"})
    assert step.problem(12, {}) is None and step.describe(12, {}) == "12 sessions"
    assert "0 to 200" in step.problem(201, {}) and step.problem("12", {})


def test_a_workshop_page_warns_before_an_idle_shutdown_would_lose_typed_answers(monkeypatch):
    import time

    from innerwork.app import privacy

    monkeypatch.setenv("INNERWORK_MODE", "workshop")
    monkeypatch.setattr(privacy, "IDLE_WARNING_MINUTES", 0.5 / 60)
    app = ExerciseApp(Session(innerwork.get_exercise("wins-log"), MemoryStore()))
    time.sleep(0.8)
    assert app.idle_note.value == ""  # nothing typed yet: nothing to lose
    app.input.children[1].value = "Went to my session"
    time.sleep(0.8)
    assert "15 minutes" in app.idle_note.value and "Download my answers so far" in app.idle_note.value
    app.input.children[1].value = "Went to my session\nCalled Sam"
    assert app.idle_note.value == ""  # any change clears it and starts the wait again


def test_answers_kept_on_this_computer_never_get_an_idle_warning(monkeypatch, tmp_path):
    from innerwork.app import privacy

    monkeypatch.setattr(privacy, "IDLE_WARNING_MINUTES", 0.1 / 60)
    app = ExerciseApp(Session(innerwork.get_exercise("wins-log"), SQLiteStore(tmp_path / "a.sqlite3")))
    app.input.children[1].value = "Went to my session"
    assert app._idle_timer is None


def test_the_idle_warning_names_the_shutdown_time_that_serve_sets():
    from innerwork.app import privacy
    from innerwork.serving.serve import voila_command

    command = voila_command(8866, "127.0.0.1", True, 0)
    assert f"--MappingKernelManager.cull_idle_timeout={privacy.IDLE_SHUTDOWN_MINUTES * 60}" in command


@pytest.mark.parametrize(
    "mode,store,words",
    [
        ("workshop", "memory", "only in this page"),
        ("workshop", "sqlite", "facilitator's server"),
        ("personal", "sqlite", "a file on this computer"),
    ],
)
def test_the_workshop_page_and_history_say_where_answers_are_kept(monkeypatch, tmp_path, mode, store, words):
    monkeypatch.setenv("INNERWORK_MODE", mode)
    store = MemoryStore() if store == "memory" else SQLiteStore(tmp_path / "a.sqlite3")
    page = innerwork.ui.notebook.workshop_page(store)
    assert words in page.children[0].value
    history = "".join(html_values(innerwork.history(store=store)))
    assert words in history and "Only you can see" not in history


@pytest.mark.parametrize("workshop,preview", [(False, None), (True, None), (False, "before-session-preparation")])
def test_the_stylesheet_comes_with_an_exercise_only_where_the_page_does_not_link_it(monkeypatch, workshop, preview):
    """A notebook gets the stylesheet with the exercise; a served page's template links it once already."""
    from innerwork.serving.serve import TEMPLATES, serve_environment
    from innerwork.ui.widgets import stylesheet

    def styles(app):
        return [value for value in html_values(app) if value.startswith("<style>")]

    template = (TEMPLATES / "voila" / "templates" / "innerwork" / "index.html.j2").read_text(encoding="utf-8")
    assert 'include_css("static/innerwork.css")' in template
    monkeypatch.delenv("INNERWORK_MODE", raising=False)
    exercise = innerwork.get_exercise("before-session-preparation")
    assert styles(ExerciseApp(Session(exercise, MemoryStore()))) == [f"<style>{stylesheet()}</style>"]
    served = serve_environment(workshop=workshop, exercise=None, keep_on_server=False, preview=preview)
    for name in ("INNERWORK_MODE", "INNERWORK_STORE"):
        if name in served:
            monkeypatch.setenv(name, served[name])
    assert styles(ExerciseApp(Session(exercise, MemoryStore()))) == []


def test_a_rating_per_item_starts_on_not_rated_and_keeps_a_saved_rating():
    """Not an empty box: from "not rated", a keyboard's first ArrowDown chooses the first number."""
    session = Session(innerwork.get_exercise("needs-inventory"), MemoryStore())
    session.index = next(i for i, s in enumerate(session.exercise.steps) if s.kind == "rate_items")
    step = session.step
    drops = [w for w in walk(ExerciseApp(session).input) if isinstance(w, W.Dropdown)]
    assert drops and all(d.index == 0 and d.label == "not rated" and d.value is None for d in drops)
    assert step.id not in session.answers  # showing the step answers nothing
    drops[0].value = step.min + 1
    again = [w for w in walk(ExerciseApp(session).input) if isinstance(w, W.Dropdown)]
    assert again[0].value == step.min + 1 and again[1].label == "not rated"
