"""The notebook API: ``show``, ``gallery``, ``history`` and ``looking_back``."""
from __future__ import annotations

import os
from functools import lru_cache

import ipywidgets as W

from . import export
from .catalogue import catalogue, load_file
from .errors import InvalidContent
from .markdown import render
from .session import Session
from .store import MemoryStore, StoreError, default_store
from .steps import md_escape
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
    holder.children = [html(f"## {exercise.title}"),
                       W.Label(f"You have an unfinished entry from {draft.updated_at[:16].replace('T', ' ')} (UTC)."),
                       W.HBox([resume, fresh]), HelpButton()]
    holder.resume_button, holder.fresh_button = resume, fresh
    return holder


class Gallery(W.VBox):
    """Browse exercises by type and tag, and start one."""

    def __init__(self, store=None):
        self.store = _store(store)
        self.exercises = sorted(catalogue().exercises.values(), key=lambda e: (e.type, e.title))
        types = sorted({e.type for e in self.exercises})
        tags = sorted({t for e in self.exercises for t in e.tags})
        self.type_filter = W.Dropdown(options=[("All types", "")] + [(t, t) for t in types], description="Type")
        self.tag_filter = W.Dropdown(options=[("All tags", "")] + [(t, t) for t in tags], description="Tag")
        self.type_filter.observe(lambda _: self.render(), "value")
        self.tag_filter.observe(lambda _: self.render(), "value")
        self.cards = W.VBox()
        self.start_buttons: dict[str, W.Button] = {}
        self.listing = W.VBox([html("# Exercises\n\nPick one that fits how you are today. Each one can be "
                                    "stopped at any step."), HelpButton(),
                               W.HBox([self.type_filter, self.tag_filter]), self.cards])
        super().__init__([self.listing])
        self.add_class("innerwork-gallery")
        self.render()

    def render(self):
        cards, self.start_buttons = [], {}
        for e in self.exercises:
            if (self.type_filter.value and e.type != self.type_filter.value) or \
                    (self.tag_filter.value and self.tag_filter.value not in e.tags):
                continue
            start = W.Button(description=f"Start: {e.title}", tooltip=f"Start {e.title}", layout=W.Layout(width="auto"))
            start.on_click(lambda _, e=e: self.start(e.id))
            self.start_buttons[e.id] = start
            cards.append(W.VBox([html(f"### {e.title}\n\n{e.summary}\n\n*{e.minutes} minutes · {e.type}*"), start],
                                layout=W.Layout(border="1px solid #ccc", padding="0.5em", margin="0.3em 0")))
        self.cards.children = cards or [W.Label("No exercises match these filters.")]

    def start(self, exercise_id: str):
        back = W.Button(description="Back to all exercises")
        back.on_click(lambda _: self.show_listing())
        self.app = show(exercise_id, self.store, on_close=self.show_listing)
        self.children = [back, self.app]

    def show_listing(self):
        self.children = [self.listing]


class History(W.VBox):
    """Past and unfinished entries: resume, view, export, delete."""

    def __init__(self, store=None):
        self.store = _store(store)
        self.rows = W.VBox()
        self.detail = W.VBox()
        self.message = W.Label()
        super().__init__([html("# Your entries\n\nOnly you can see these. They are stored in "
                               f"`{self.store.location}`."), self.message, self.rows, self.detail])
        self.add_class("innerwork-history")
        self.refresh()

    def refresh(self):
        try:
            entries = self.store.entries()
        except StoreError as exc:
            self.message.value = str(exc)
            entries = []
        self.entries = entries
        cat = catalogue()
        rows = []
        for entry in entries:
            title = cat.exercises[entry.exercise_id].title if entry.exercise_id in cat.exercises else entry.exercise_id
            state = "finished" if entry.status == "completed" else "unfinished"
            buttons = []
            if entry.status == "draft" and entry.exercise_id in cat.exercises:
                buttons.append(self._button("Resume", entry, self.resume))
            if entry.summary:
                buttons.append(self._button("View", entry, self.view))
            buttons.append(self._button("Delete", entry, self.confirm_delete))
            rows.append(W.HBox([W.Label(f"{entry.updated_at[:16].replace('T', ' ')} · {title} · {state}"), *buttons]))
        if entries:
            rows.append(W.HTML(" · ".join(download_link(export.export(entries, fmt), f"innerwork-entries.{fmt}",
                                                        export.FORMATS[fmt], f"Export all ({fmt.upper()})")
                                          for fmt in export.FORMATS)))
            self.looking_back_button = W.Button(description="Looking back", tooltip="Your entries over time, as charts")
            self.looking_back_button.on_click(lambda _: setattr(self.detail, "children", [looking_back(self.store)]))
            rows.append(self.looking_back_button)
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
        self.detail.children = [W.HTML(render(entry.summary)), W.HTML(" · ".join(
            download_link(export.export([entry], fmt), f"{entry.exercise_id}.{fmt}", export.FORMATS[fmt],
                          f"Export ({fmt.upper()})") for fmt in export.FORMATS))]

    def confirm_delete(self, entry):
        """Ask first; ``entry=None`` means every entry."""
        yes = W.Button(description="Delete for good", button_style="danger")
        no = W.Button(description="Keep it")
        yes.on_click(lambda _: self.delete(entry))
        no.on_click(lambda _: setattr(self.detail, "children", []))
        what = "this entry" if entry else f"all {len(self.entries)} entries"
        self.detail.children = [W.Label(f"Delete {what}? This cannot be undone."), W.HBox([yes, no])]

    def delete(self, entry):
        if entry is None:
            self.store.delete_all()
        else:
            self.store.delete(entry.id)
        self.detail.children = []
        self.message.value = "Deleted."
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


def workshop_page(store=None) -> W.Widget:
    """The Voila workshop page: a privacy note, the gallery (or one exercise) and this person's entries.

    ``INNERWORK_EXERCISE`` limits the page to one exercise; ``INNERWORK_MODE=workshop``
    words the privacy note for a hosted room.
    """
    if os.environ.get("INNERWORK_PREVIEW"):
        return preview(os.environ["INNERWORK_PREVIEW"])
    store = _store(store)
    hosted = os.environ.get("INNERWORK_MODE") == "workshop"
    in_memory = isinstance(store, MemoryStore)
    where = ("Your answers stay in this page only: nothing is kept on the server, and they are gone when you "
             "close the tab. Download them from the summary to keep them." if in_memory
             else f"Your answers are saved only on this computer, in `{store.location}`.")
    if hosted and not in_memory:
        where = ("The facilitator has chosen to keep answers on the server they run. Ask them who can see "
                 "the answers and for how long.")
    notice = html("innerwork is a self-help aid for the time between therapy sessions. It is not therapy and "
                  f"not a crisis service.\n\n**Privacy:** {where} No one else in the room can see them.",
                  "innerwork-notice")
    exercise_id = os.environ.get("INNERWORK_EXERCISE")
    main = show(exercise_id, store) if exercise_id else Gallery(store)
    entries = W.Accordion(children=[History(store)], titles=("Your entries",), selected_index=None)
    entries.observe(lambda c: c["new"] is not None and entries.children[0].refresh(), "selected_index")
    page = W.VBox([notice, main, entries])
    page.add_class("innerwork-page")
    return page


def preview(path: str) -> W.Widget:
    """One exercise file as it will look, for its author, without packaging it. Answers stay in memory."""
    try:
        exercise, _ = load_file(path)
    except InvalidContent as exc:
        problems = W.Textarea(value="\n".join(map(str, exc.errors)), disabled=True,
                              layout=W.Layout(width="95%", height="12em"))
        return W.VBox([html(f"## This exercise file has problems\n\n`{md_escape(str(path))}`"), problems])
    page = W.VBox([html(f"*Preview of `{md_escape(str(path))}`. Answers are not saved.*"),
                   ExerciseApp(Session(exercise, MemoryStore()))])
    page.add_class("innerwork-page")
    return page
