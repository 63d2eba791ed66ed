"""The "Looking back" view in a notebook: choose a period, see each type's charts and readings, read
your own entries, and choose which go on the page to bring to a session."""

from __future__ import annotations

import datetime as dt

import ipywidgets as W

from ..app.reading import read_overview
from ..app.series import PERIODS, entry_day, format_day, overview
from ..catalogue.loader import catalogue
from ..storage.store import Entry, StoreError
from ..text.markdown import plain, render
from . import chart_svg, printable
from .widgets import HelpButton, download_link

#: entries listed per type before "Show all"
SHOWN = 10
STYLE = W.HTML(f"<style>{chart_svg.CSS}\n.iw-reading{{border-left:4px solid #0072B2;padding-left:0.8em}}</style>")


class LookingBack(W.VBox):
    """Charts of what you recorded over a period, with your own words one click away."""

    def __init__(self, store, period: str = "3m", today: dt.date | None = None):
        self.store, self.today = store, today
        self.period = W.ToggleButtons(
            options=[(label, key) for key, label in (("4w", "4 weeks"), ("3m", "3 months"), ("all", "All"))],
            value=period,
            description="Period",
            tooltips=[w for w, _ in PERIODS.values()],
        )
        self.period.observe(lambda _: self.render(), "value")
        self.intro, self.sections, self.message = W.HTML(), W.VBox(), W.HTML()
        self.chosen: dict[str, W.Checkbox] = {}
        self.make_page = W.Button(
            description="Make the page to print",
            tooltip="Charts and the entries you ticked",
            layout=W.Layout(width="auto"),
        )
        self.make_page.on_click(lambda _: self.offer_page())
        self.page_link = W.HTML()
        super().__init__(
            [
                STYLE,
                W.HTML("<h2>Looking back</h2>"),
                HelpButton(),
                self.period,
                self.intro,
                self.sections,
                self.message,
                W.HBox([self.make_page, self.page_link]),
            ]
        )
        self.add_class("innerwork-looking-back")
        self.render()

    def render(self):
        try:
            entries = self.store.entries(status="completed")
            self.message.value = ""
        except StoreError as exc:
            entries = []
            self.message.value = f"<p>{plain(exc)}</p>"
        self.overview = overview(entries, self.period.value, self.today)
        self.chosen = {}
        self.page_link.value = ""
        self.sections.children = [self._section(view) for view in self.overview.types]
        # the words last, once the page has the new sections: they say the period has changed
        self.intro.value = "".join(f"<p>{plain(s)}</p>" for s in read_overview(self.overview))

    def _section(self, view) -> W.Widget:
        charts = W.HTML(printable.type_section(view, self.overview))
        rows = W.VBox()
        more = W.Button(description=f"Show all {len(view.entries)} entries", layout=W.Layout(width="auto"))

        def show_all(_=None):
            rows.children = [self._row(e) for e in view.entries]
            more.layout.display = "none"

        more.on_click(show_all)
        more.layout.display = "none"
        words = W.Accordion(
            children=[W.VBox([rows, more])], titles=(f"Your entries ({len(view.entries)})",), selected_index=None
        )

        def open_rows(_=None):  # built when first opened, so a long history opens quickly
            if words.selected_index is not None and not rows.children:
                rows.children = [self._row(e) for e in view.entries[:SHOWN]]
                more.layout.display = None if len(view.entries) > SHOWN else "none"

        words.observe(open_rows, "selected_index")
        return W.VBox([charts, words])

    def _row(self, entry: Entry) -> W.Widget:
        title = _title(entry)
        when = format_day(entry_day(entry))
        include = self.chosen.setdefault(
            entry.id,
            W.Checkbox(value=False, description="Include on the page", indent=False, layout=W.Layout(width="auto")),
        )
        read = W.Button(description="Read", tooltip=f"Read your entry: {title}, {when}")
        words = W.HTML(layout=W.Layout(display="none"))

        def toggle(_):
            if not words.value:
                words.value = render(entry.summary or "")
            words.layout.display = None if words.layout.display == "none" else "none"
            read.description = "Hide" if words.layout.display is None else "Read"

        read.on_click(toggle)
        return W.VBox([W.HBox([W.Label(f"{when} · {title}"), read, include]), words])

    def included(self) -> list[Entry]:
        """The entries ticked to go on the page."""
        ids = {entry_id for entry_id, box in self.chosen.items() if box.value}
        return [e for e in self.overview.entries if e.id in ids]

    def page(self) -> str:
        return printable.page(self.overview, self.included(), {e.id: e.title for e in catalogue().exercises.values()})

    def offer_page(self):
        self.page_link.value = download_link(
            self.page(),
            f"looking-back-{self.overview.end}.html",
            "text/html",
            "Download the page (open it, then print)",
        )


def _title(entry: Entry) -> str:
    exercise = catalogue().exercises.get(entry.exercise_id)
    return exercise.title if exercise else entry.exercise_id
