"""The notebook API: ``show``, ``gallery``, ``history`` and ``looking_back``."""

from __future__ import annotations

import os
from functools import lru_cache

import ipywidgets as W

from ..app import export, privacy
from ..app.plan import Plan, load_plan, plan_from_environment
from ..app.session import Session
from ..catalogue.loader import catalogue, load_file
from ..content.steps import md_escape
from ..errors import InvalidContent
from ..storage.store import MemoryStore, StoreError, default_store
from ..text.cleantext import neutralise
from ..text.markdown import render
from .widgets import ExerciseApp, HelpButton, download_link, html


@lru_cache(maxsize=1)
def _default_store():
    return default_store()


def _store(store):
    return store if store is not None else _default_store()


def _drafts(store, exercise_id):
    try:
        return store.entries(exercise_id=exercise_id, status="draft")
    except StoreError:
        return []


def show(exercise_id: str, store=None, on_close=None) -> W.Widget:
    """The exercise ``exercise_id`` as an app; offers to resume an unfinished entry if there is one."""
    exercise = catalogue().get(exercise_id)
    store = _store(store)
    drafts = [d for d in _drafts(store, exercise_id) if d.answers]
    if not drafts:
        return ExerciseApp(Session(exercise, store), on_close)
    draft = drafts[0]
    holder = W.VBox()
    resume = W.Button(description="Resume", tooltip="Carry on where you left off", button_style="primary")
    fresh = W.Button(description="Start fresh", tooltip="Start a new entry; the unfinished one stays in history")
    resume.on_click(lambda _: setattr(holder, "children", [ExerciseApp(Session(exercise, store, draft), on_close)]))
    fresh.on_click(lambda _: setattr(holder, "children", [ExerciseApp(Session(exercise, store), on_close)]))
    holder.children = [
        html(f"# {md_escape(exercise.title)}"),
        W.Label(f"You have an unfinished entry from {draft.updated_at[:16].replace('T', ' ')} (UTC)."),
        W.HBox([resume, fresh]),
        HelpButton(),
    ]
    holder.resume_button, holder.fresh_button = resume, fresh
    return holder


class Gallery(W.VBox):
    """Browse exercises by type and tag, and start one; with a workshop ``plan``, its exercises in its order."""

    def __init__(self, store=None, plan: Plan | None = None):
        self.store = _store(store)
        exercises = catalogue().exercises
        if plan:  # an id the plan names is installed: `serve --plan` checked it
            self.exercises = [exercises[i] for i in plan.exercises if i in exercises]
        else:
            self.exercises = sorted(exercises.values(), key=lambda e: (e.type, e.title))
        types = sorted({e.type for e in self.exercises})
        tags = sorted({t for e in self.exercises for t in e.tags})
        self.type_filter = W.Dropdown(options=[("All types", "")] + [(t, t) for t in types], description="Type")
        self.tag_filter = W.Dropdown(options=[("All tags", "")] + [(t, t) for t in tags], description="Tag")
        self.type_filter.observe(lambda _: self.render(), "value")
        self.tag_filter.observe(lambda _: self.render(), "value")
        self.cards = W.VBox()
        self.filters = W.HBox([self.type_filter, self.tag_filter])
        self.filters.add_class("innerwork-filters")
        self.start_buttons: dict[str, W.Button] = {}
        if plan:  # the welcome is the facilitator's Markdown, rendered and sanitised like an exercise's text
            welcome = html(f"# {md_escape(plan.title)}\n\n{plan.welcome}", "innerwork-welcome")
            self.listing = W.VBox([welcome, HelpButton(), self.cards])
        else:
            self.listing = W.VBox(
                [
                    html("# Exercises\n\nPick one that fits how you are today. Each one can be stopped at any step."),
                    HelpButton(),
                    self.filters,
                    self.cards,
                ]
            )
        super().__init__([self.listing])
        self.add_class("innerwork-gallery")
        self.render()

    def render(self):
        cards, self.start_buttons = [], {}
        for e in self.exercises:
            if (self.type_filter.value and e.type != self.type_filter.value) or (
                self.tag_filter.value and self.tag_filter.value not in e.tags
            ):
                continue
            start = W.Button(description=f"Start: {e.title}", tooltip=f"Start {e.title}", layout=W.Layout(width="auto"))
            start.on_click(lambda _, e=e: self.start(e.id))
            self.start_buttons[e.id] = start
            card = W.VBox([html(f"## {md_escape(e.title)}\n\n{e.summary}\n\n*{e.minutes} minutes · {e.type}*"), start])
            card.add_class("innerwork-card")
            cards.append(card)
        self.cards.children = cards or [W.Label("No exercises match these filters.")]

    def start(self, exercise_id: str):
        back = W.Button(description="Back to all exercises")
        back.on_click(lambda _: self.show_listing())
        self.app = show(exercise_id, self.store, on_close=self.show_listing)
        self.children = [back, self.app]

    def show_listing(self):
        self.children = [self.listing]


def _title(cat, exercise_id: str) -> str:
    return cat.exercises[exercise_id].title if exercise_id in cat.exercises else exercise_id


class History(W.VBox):
    """Past and unfinished entries: resume, view, export, delete."""

    def __init__(self, store=None):
        self.store = _store(store)
        self.rows = W.VBox()
        self.detail = W.VBox()
        self.message = W.Label()
        self.message.add_class("innerwork-history-message")  # "Deleted.", read out by the page script's live region
        super().__init__(
            [html(f"# Your entries\n\n{privacy.where_kept(self.store)}"), self.message, self.rows, self.detail]
        )
        self.add_class("innerwork-history")
        self.refresh()

    def refresh(self):
        try:
            entries, unreadable = self.store.read_all()
        except StoreError as exc:
            self.message.value = str(exc)
            entries, unreadable = [], []
        self.entries = entries
        self.unreadable = unreadable
        cat = catalogue()
        rows = []
        for entry in entries:
            title = _title(cat, entry.exercise_id)
            state = "finished" if entry.status == "completed" else "unfinished"
            buttons = []
            if entry.status == "draft" and entry.exercise_id in cat.exercises:
                buttons.append(self._button("Resume", entry, self.resume))
            if entry.summary:
                buttons.append(self._button("View", entry, self.view))
            buttons.append(self._button("Delete", entry, self.confirm_delete))
            rows.append(W.HBox([W.Label(f"{entry.updated_at[:16].replace('T', ' ')} · {title} · {state}"), *buttons]))
        for problem in unreadable:  # named, with a way to delete it, never hiding the others
            when, title = problem.updated_at[:16].replace("T", " "), _title(cat, problem.exercise_id)
            rows.append(
                W.HBox(
                    [
                        W.Label(neutralise(f"{when} · {title} · cannot be read: {problem.reason}")),
                        self._button("Delete", problem, self.confirm_delete),
                    ]
                )
            )
        if entries:
            rows.append(
                W.HTML(
                    " · ".join(
                        download_link(
                            export.export(entries, fmt),
                            f"innerwork-entries.{fmt}",
                            export.FORMATS[fmt],
                            f"Export all ({fmt.upper()})",
                        )
                        for fmt in export.FORMATS
                    )
                )
            )
            self.looking_back_button = W.Button(description="Looking back", tooltip="Your entries over time, as charts")
            self.looking_back_button.on_click(lambda _: setattr(self.detail, "children", [looking_back(self.store)]))
            rows.append(self.looking_back_button)
        if entries or unreadable:
            self.delete_all_button = W.Button(description="Delete everything", tooltip="Delete every entry")
            self.delete_all_button.on_click(lambda _: self.confirm_delete(None))
            rows.append(self.delete_all_button)
        self.rows.children = rows or [W.Label("No entries yet.")]

    def _button(self, label, entry, action):
        button = W.Button(description=label, tooltip=f"{label} this entry")
        button.on_click(lambda _: action(entry))
        return button

    def resume(self, entry):
        exercise = catalogue().get(entry.exercise_id)
        self.detail.children = [ExerciseApp(Session(exercise, self.store, entry), on_close=self.refresh)]

    def view(self, entry):
        self.detail.children = [
            W.HTML(render(entry.summary)),
            W.HTML(
                " · ".join(
                    download_link(
                        export.export([entry], fmt),
                        f"{entry.exercise_id}.{fmt}",
                        export.FORMATS[fmt],
                        f"Export ({fmt.upper()})",
                    )
                    for fmt in export.FORMATS
                )
            ),
        ]

    def confirm_delete(self, entry):
        """Ask first; ``entry=None`` means every entry."""
        yes = W.Button(description="Delete for good", button_style="danger")
        no = W.Button(description="Keep it")
        yes.on_click(lambda _: self.delete(entry))
        no.on_click(lambda _: setattr(self.detail, "children", []))
        what = "this entry" if entry else f"all {len(self.entries) + len(self.unreadable)} entries"
        self.detail.children = [W.Label(f"Delete {what}? This cannot be undone."), W.HBox([yes, no])]

    def delete(self, entry):
        try:
            if entry is None:
                self.store.delete_all()
            else:
                self.store.delete(entry.id)
        except StoreError as exc:
            self.message.value = f"Not deleted: {exc}"
        else:
            self.message.value = "Deleted."
        self.detail.children = []
        self.refresh()


def gallery(store=None) -> Gallery:
    """All exercises, filterable by type and tag, each with a start button."""
    return Gallery(store)


def history(store=None) -> History:
    """Your past and unfinished entries."""
    return History(store)


def looking_back(store=None, period: str = "3m"):
    """Charts of what you recorded over a period (``4w``, ``3m`` or ``all``), with your own words one click away."""
    from .looking_back_view import LookingBack

    return LookingBack(_store(store), period)


def workshop_page(store=None, plan: Plan | str | None = None) -> W.Widget:
    """The Voila workshop page: a privacy note, the gallery (or one exercise) and this person's entries.

    ``plan`` (a :class:`Plan` or a plan file's path; by default the one ``innerwork serve --plan``
    hands over in ``INNERWORK_PLAN``) gives the page its title, welcome and exercises in order.
    ``INNERWORK_EXERCISE`` limits the page to one exercise; ``INNERWORK_MODE=workshop``
    words the privacy note for a hosted room.
    """
    if os.environ.get("INNERWORK_PREVIEW"):
        return preview(os.environ["INNERWORK_PREVIEW"])
    store = _store(store)
    notice = W.HTML(
        notice_html(
            render(
                "innerwork is a self-help aid for the time between therapy sessions. It is not "
                "therapy and not a crisis service.\n\n"
                f"**Privacy:** {privacy.where_kept(store)} {_room_note(store)}"
            )
        )
    )
    notice.add_class("innerwork-notice")
    exercise_id = os.environ.get("INNERWORK_EXERCISE")
    if isinstance(plan, (str, os.PathLike)):
        plan = load_plan(plan)
    main = show(exercise_id, store) if exercise_id else Gallery(store, plan or plan_from_environment())
    entries = W.Accordion(children=[History(store)], titles=("Your entries",), selected_index=None)
    entries.observe(lambda c: c["new"] is not None and entries.children[0].refresh(), "selected_index")
    page = W.VBox([notice, main, entries])
    page.add_class("innerwork-page")
    return page


def notice_html(full: str) -> str:
    """The not-therapy and privacy notice as one short line with a "more" control; ``full`` is rendered HTML."""
    return (
        "<details><summary>Not therapy or a crisis service · where your answers are kept <span>more</span></summary>"
        f"{full}</details>"
    )


def _room_note(store) -> str:
    if privacy.hosted() and privacy.only_in_page(store):
        return "Nothing is kept on the server, and no one else in the room can see your answers."
    return "No one else in the room can see your answers." if privacy.hosted() else ""


def preview(path: str) -> W.Widget:
    """One exercise file as it will look, for its author, without packaging it. Answers stay in memory."""
    try:
        exercise, _ = load_file(path)
    except InvalidContent as exc:
        problems = W.Textarea(
            value="\n".join(map(str, exc.errors)), disabled=True, layout=W.Layout(width="95%", height="12em")
        )
        return W.VBox([html(f"## This exercise file has problems\n\n`{md_escape(str(path))}`"), problems])
    page = W.VBox(
        [
            html(f"*Preview of `{md_escape(str(path))}`. Answers are not saved.*"),
            ExerciseApp(Session(exercise, MemoryStore())),
        ]
    )
    page.add_class("innerwork-page")
    return page
