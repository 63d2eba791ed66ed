"""The ipywidgets app: a thin layer over :class:`innerwork.session.Session`.

Authored Markdown is rendered and sanitised; a person's text only ever goes
into widget values and plain-text labels, or through :func:`md_escape` into
the rendered summary.
"""
from __future__ import annotations

import base64
import datetime as dt
import threading
from functools import lru_cache
from pathlib import Path

import ipywidgets as W

from . import export, privacy, settings
from .help import help_markdown, more_help_markdown
from .markdown import plain, render
from .session import Session
from .steps import NO_WORDS, StepKind, md_escape

WIDE = {"description_width": "initial"}
# innerwork's one stylesheet; the Voila page template links the same file
STYLESHEET = Path(__file__).parent / "data" / "jupyter" / "voila" / "templates" / "innerwork" / "static" / "innerwork.css"
# steps whose widgets depend only on the step and its own answer, so they can be shown again as they are
REUSABLE_KINDS = {"prompt", "list", "scale", "choice", "checklist", "date", "text"}


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def style_widget() -> W.HTML:
    """The stylesheet as a widget, for notebooks (the Voila page also links it)."""
    return W.HTML(f"<style>{stylesheet()}</style>")


def html(markdown: str, css_class: str = "") -> W.HTML:
    widget = W.HTML(render(markdown))
    if css_class:
        widget.add_class(css_class)
    return widget


def download_link(text: str, filename: str, mime: str, label: str) -> str:
    """An HTML download link whose content is base64 (a person's text can't break out of it)."""
    data = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return f'<a download="{plain(filename)}" href="data:{mime};charset=utf-8;base64,{data}">{plain(label)}</a>'


class HelpButton(W.VBox):
    """"Need help now?": a button that opens the helplines panel. On every page."""

    def __init__(self):
        self.button = W.Button(description="Need help now?", tooltip="Show crisis lines and where to get help")
        self.button.add_class("innerwork-help")
        self.more_button = W.Button(description="When to get more help", tooltip="Signs that it is time to reach out")
        self.more = html(more_help_markdown(), "innerwork-more-help")
        self.more.layout.display = "none"
        self.more_button.on_click(lambda _: _toggle(self.more))
        self.gentle_check = gentle_check_control()
        self.panel = W.VBox([html(help_markdown()), self.more_button, self.more,
                             *([self.gentle_check] if self.gentle_check else [])])
        self.panel.add_class("innerwork-help-panel")
        self.panel.layout.display = "none"
        self.button.on_click(self.toggle)
        super().__init__([self.button, self.panel])
        self.add_class("innerwork-help-box")

    @property
    def is_open(self) -> bool:
        return self.panel.layout.display != "none"

    def toggle(self, _=None):
        _toggle(self.panel)
        self.button.description = "Hide help" if self.is_open else "Need help now?"
        self.button.tooltip = "Hide the crisis lines" if self.is_open else "Show crisis lines and where to get help"


class GentleCheckControl(W.VBox):
    """The person's own choice, in the help panel, to have the gentle check's note or not."""

    def __init__(self):
        self.checkbox = W.Checkbox(value=settings.gentle_check_on(), indent=False, style=WIDE,
                                   description="Offer me a note when I write about wanting to die or hurting myself",
                                   layout=W.Layout(width="auto"))
        self.checkbox.add_class("innerwork-gentle-check-choice")
        self.status = W.Label()
        self.status.add_class("innerwork-gentle-check-status")
        self.checkbox.observe(self._changed, "value")
        super().__init__([W.Label("The note comes from word rules and a small model on this device; nothing about it is stored or sent."),
                          self.checkbox, self.status])

    def _changed(self, change):
        on = bool(change["new"])
        try:
            where = settings.change("gentle_check", on)
        except (settings.SettingsError, OSError) as exc:
            self.status.value = f"Could not save this choice: {exc}"
            return
        state = "on" if on else "off"
        self.status.value = (f"The note is {state} for this page." if where is None else
                             f"The note is {state}. Saved in your settings; you can change it here again "
                             f"or with: innerwork settings gentle-check {'off' if on else 'on'}")


def gentle_check_control() -> GentleCheckControl | None:
    """The control, when the gentle check is installed and loaded (else None)."""
    from .catalogue import plugins
    info = plugins().infos.get("gentle_check")
    return GentleCheckControl() if info is not None and info.status == "loaded" else None


def _toggle(widget: W.Widget) -> None:
    widget.layout.display = "none" if widget.layout.display != "none" else None


# -- one input per step kind ------------------------------------------------------
def _scale(step, value, on_change):
    buttons = W.ToggleButtons(options=[(str(n), n) for n in range(step.min, step.max + 1)],
                              value=value if isinstance(value, int) else None,
                              tooltips=[f"{n} out of {step.max}" for n in range(step.min, step.max + 1)],
                              style={**WIDE, "button_width": "2.6em"})
    buttons.observe(lambda c: on_change(c["new"]), "value")
    parts = [buttons]
    if step.low_label or step.high_label:
        ends = W.Label(f"{step.min} = {step.low_label}  ·  {step.max} = {step.high_label}")
        ends.add_class("innerwork-scale-ends")
        parts.append(ends)
    scale = W.VBox(parts)
    scale.add_class("innerwork-scale")
    return scale


def _checkboxes(groups, chosen, on_change):
    boxes = []

    def changed(_):
        on_change([b.description for b in boxes if b.value])

    rows = []
    for group in groups:
        if group.get("name"):
            rows.append(W.Label(group["name"], style={"font_weight": "bold"}))
        for item in group["items"]:
            box = W.Checkbox(value=item in chosen, description=item, indent=False)
            box.observe(changed, "value")
            boxes.append(box)
            rows.append(box)
    checklist = W.VBox(rows)
    checklist.add_class("innerwork-checklist")
    return checklist


def build_input(step: StepKind, session: Session, on_change, rebuild) -> W.Widget | None:
    """The input widget for ``step``; ``on_change(value)`` records an answer."""
    value = session.value(step)
    answers = session.answers
    label = step.title or "Your answer"
    if hasattr(step, "widget"):  # a plugin's own step kind can bring its own widget
        return step.widget(value, on_change)
    if step.kind == "prompt":
        cls = W.Textarea if step.multiline else W.Text
        widget = cls(value=value or "", placeholder=step.placeholder, tooltip=label,
                     continuous_update=True, layout=W.Layout(width="95%", height="7em" if step.multiline else None))
        widget.observe(lambda c: on_change(c["new"]), "value")
        return widget
    if step.kind == "list":
        widget = W.Textarea(value="\n".join(value or []), placeholder=step.placeholder, tooltip=label,
                            layout=W.Layout(width="95%", height="8em"))
        widget.observe(lambda c: on_change([line.strip() for line in c["new"].split("\n") if line.strip()]), "value")
        hint = W.Label("One per line.")
        hint.add_class("innerwork-hint")
        return W.VBox([hint, widget])
    if step.kind == "scale":
        return _scale(step, value, on_change)
    if step.kind == "number":
        widget = W.BoundedIntText(value=value if isinstance(value, int) else None, min=step.min, max=step.max,
                                  tooltip=label)
        widget.observe(lambda c: on_change(c["new"]), "value")
        return W.HBox([widget, W.Label(step.unit)]) if step.unit else widget
    if step.kind == "timer":
        return Countdown(step.seconds)
    if step.kind == "choice":
        widget = W.RadioButtons(options=step.options, value=value if value in step.options else None, tooltip=label)
        widget.observe(lambda c: on_change(c["new"]), "value")
        return widget
    if step.kind == "checklist":
        return _checkboxes(step.groups, value or [], on_change)
    if step.kind == "date":
        try:
            current = dt.date.fromisoformat(value) if value else None
        except ValueError:
            current = None
        widget = W.DatePicker(value=current, tooltip=f"{label} (YYYY-MM-DD)")
        widget.observe(lambda c: on_change(c["new"].isoformat() if c["new"] else None), "value")
        return widget
    items = step.source_items(answers) if hasattr(step, "source_items") else []
    if step.kind == "rate_items":
        ratings = dict(value or {})
        groups = step.groups if step.groups and not step.items_from else [{"name": "", "items": items}]
        rows = []
        for group in groups:
            if group.get("name"):
                rows.append(W.Label(group["name"], style={"font_weight": "bold"}))
            for item in group["items"]:
                drop = W.Dropdown(options=[("not rated", None)] + [(str(n), n) for n in range(step.min, step.max + 1)],
                                  value=ratings.get(item), description=item, style={"description_width": "18em"})

                def rated(change, item=item):
                    if change["new"] is None:
                        ratings.pop(item, None)
                    else:
                        ratings[item] = change["new"]
                    on_change(dict(ratings))
                drop.observe(rated, "value")
                rows.append(drop)
        if step.low_label or step.high_label:
            rows.insert(0, W.Label(f"{step.min} = {step.low_label}  ·  {step.max} = {step.high_label}"))
        rated_items = W.VBox(rows)
        rated_items.add_class("innerwork-named")  # each rating is named by its own item
        return rated_items
    if step.kind == "order":
        order = list(value) if value and sorted(value) == sorted(items) else list(items)
        rows = []
        for n, item in enumerate(order):
            up = W.Button(description="Up", tooltip=f"Move '{item}' up", disabled=n == 0, layout=W.Layout(width="5em"))
            down = W.Button(description="Down", tooltip=f"Move '{item}' down", disabled=n == len(order) - 1,
                            layout=W.Layout(width="5em"))

            def move(_, n=n, by=-1):
                order.insert(n + by, order.pop(n))
                on_change(list(order))
                rebuild()
            up.on_click(lambda b, n=n: move(b, n, -1))
            down.on_click(lambda b, n=n: move(b, n, 1))
            rows.append(W.HBox([up, down, W.Label(f"{n + 1}. {item}")]))
        return W.VBox(rows)
    if step.kind == "pick":
        if step.max == 1:
            widget = W.RadioButtons(options=items, value=value[0] if value and value[0] in items else None,
                                    tooltip=label)
            widget.observe(lambda c: on_change([c["new"]] if c["new"] else []), "value")
            return widget
        return _checkboxes([{"name": "", "items": items}], value or [], on_change)
    if step.kind == "item_notes":
        notes = dict(value or {})
        rows = []
        for item in items:
            text = W.Text(value=notes.get(item, ""), description=item, placeholder=step.placeholder,
                          style={"description_width": "18em"}, layout=W.Layout(width="95%"))

            def noted(change, item=item):
                notes[item] = change["new"]
                on_change({k: v for k, v in notes.items() if v.strip()})
            text.observe(noted, "value")
            rows.append(text)
        notes_box = W.VBox(rows)
        notes_box.add_class("innerwork-named")  # each note is named by its own item
        return notes_box
    return None


def progress_html(step: int, total: int, words: str = "") -> str:
    """A progress bar and its words ("Step 2 of 9"), from numbers only."""
    words = words or f"Step {step} of {total}"
    return (f'<progress max="{int(total)}" value="{int(step)}" aria-label="{words}"></progress>'
            f'<span class="innerwork-progress-text">{words}</span>')


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class Countdown(W.VBox):
    """A start button and the time left, counted down in the kernel one second at a time."""

    def __init__(self, seconds: int):
        self.seconds = seconds
        self.left = W.Label(f"{_clock(seconds)} (press Start when you are ready)")
        self.left.add_class("innerwork-timer")
        self.start_button = W.Button(description="Start", tooltip=f"Start a {_clock(seconds)} countdown")
        self.start_button.on_click(lambda _: self.start())
        self._timer: threading.Timer | None = None
        super().__init__([W.HBox([self.start_button, self.left])])

    def start(self):
        self.stop()
        self.start_button.description = "Start again"
        self._tick(self.seconds)

    def _tick(self, left: int):
        if left <= 0:
            self.left.value = "Time is up. Take your time before going on."
            self._timer = None
            return
        self.left.value = f"{_clock(left)} left"
        self._timer = threading.Timer(1, self._tick, args=(left - 1,))
        self._timer.daemon = True
        self._timer.start()

    def stop(self):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


class ExerciseApp(W.VBox):
    """One exercise, step by step, with progress, saving, a summary and export."""

    def __init__(self, session: Session, on_close=None):
        self.session = session
        self.on_close = on_close
        ex = session.exercise
        self.help = HelpButton()
        self.progress = W.HTML()
        self.progress.add_class("innerwork-progress")
        self.saved = W.Label()
        self.saved.add_class("innerwork-saved")
        self.saved.layout.margin = "0 0 0 1.5em"
        # where the answers are kept: a short line, and the whole sentence one click away
        self.privacy = W.HTML(f"<details><summary>Where your answers are kept <span>more</span>"
                              f"</summary>{render(privacy.where_kept(session.store))}</details>")
        self.privacy.add_class("innerwork-privacy")
        self.idle_note = W.HTML()
        self.idle_note.add_class("innerwork-idle-note")
        self._idle_timer: threading.Timer | None = None
        header = W.VBox([html(f"# {md_escape(ex.title)}"), W.Label(f"About {ex.minutes} minutes · you can stop at any step"),
                         self.privacy, W.HBox([self.progress, self.saved]), self.help, self.idle_note])
        self.body = W.VBox()
        self.body.add_class("innerwork-step")
        self.problem = W.Label(style={"text_color": "#a4001f"})
        self.problem.add_class("innerwork-problem")
        self.hint = W.HTML()
        self.notice = W.VBox()
        self.notice.add_class("innerwork-gentle-note")
        if self.help.gentle_check is not None:
            self.help.gentle_check.checkbox.observe(self._gentle_check_changed, "value")
        self.back_button = W.Button(description="Back", tooltip="Go to the previous step")
        self.next_button = W.Button(description="Next", tooltip="Go to the next step", button_style="primary")
        self.stop_button = W.Button(description="Stop for now", tooltip="Save and leave; you can come back later")
        self.back_button.on_click(lambda _: self._go(back=True))
        self.next_button.on_click(lambda _: self._go())
        self.stop_button.on_click(lambda _: self.stop())
        self.nav = W.HBox([self.back_button, self.next_button, self.stop_button])
        self.nav.add_class("innerwork-nav")
        self._shown_steps: dict = {}  # widgets of steps already shown, to show again as they are
        session.listeners.append(self._show_saved)
        super().__init__([style_widget(), header, self.notice, self.body, self.problem, self.hint, self.nav])
        self.add_class("innerwork-app")
        self.summary_view() if session.finished else self.render()

    # -- views ------------------------------------------------------------------------
    def render(self):
        s, step = self.session, self.session.step
        self.progress.value = progress_html(s.index + 1, s.total)
        parts, control = self._step_widgets(step)
        self.input = control
        # the buttons first, so that they are ready by the time the step shows
        self.back_button.disabled = s.index == 0
        self.next_button.description = "Finish" if s.at_last_step() else "Next"
        self.next_button.tooltip = "Finish and see your summary" if s.at_last_step() else "Go to the next step"
        self.nav.layout.display = None
        self.body.children = parts
        self.problem.value = s.problems.get(step.id, "")
        self._show_hint()
        self._show_saved()
        self._arm_idle_warning()

    def _step_widgets(self, step: StepKind) -> tuple[list[W.Widget], W.Widget | None]:
        """The heading, question, input and help of ``step``; built once for steps that can be shown again."""
        if step.kind in REUSABLE_KINDS and step.id in self._shown_steps:
            return self._shown_steps[step.id]
        parts = [html(f"## {md_escape(step.title)}")] if step.title else []
        if getattr(step, "body", ""):
            parts.append(html(step.body))
        if step.prompt:
            parts.append(html(step.prompt, "innerwork-question"))
        control = build_input(step, self.session, self._answer, self.render)
        if control is not None:
            parts.append(control)
        if step.help:
            parts.append(html(step.help, "innerwork-step-help"))
        if step.required and step.typed and hasattr(step, "no_words"):
            no_words = W.Button(description=NO_WORDS, tooltip="Go on without writing this one; that is okay",
                                layout=W.Layout(width="auto"))
            no_words.on_click(lambda _: self._no_words())
            parts.append(no_words)
        if step.kind in REUSABLE_KINDS and not hasattr(step, "widget"):
            self._shown_steps[step.id] = (parts, control)
        return parts, control

    def summary_view(self):
        s = self.session
        self.progress.value = progress_html(s.total, s.total, "Finished")
        last = s.exercise.steps[-1]
        text = s.entry.summary or s.summary()
        parts = [html(text, "innerwork-summary")]
        if last.kind == "summary" and getattr(last, "body", ""):
            parts.append(html(last.body))
        stamp = s.entry.id[:8]
        self.downloads = W.HTML(" · ".join([
            download_link(export.to_markdown([s.entry]), f"{s.exercise.id}-{stamp}.md", "text/markdown",
                          "Download my answers (Markdown)"),
            download_link(export.to_json([s.entry]), f"{s.exercise.id}-{stamp}.json", "application/json",
                          "Download my answers (JSON)")]))
        self.downloads.add_class("innerwork-downloads")
        close = W.Button(description="Close", tooltip="Close this exercise")
        close.on_click(lambda _: self.close_app())
        parts += [self.downloads, close]
        self.body.children = parts
        self.problem.value, self.hint.value = "", ""
        self.nav.layout.display = "none"
        self._show_saved()

    def stop(self):
        self.session.save_now()
        message = (privacy.stopped_message(self.session.store)
                   if self.session.saved else "Your answers could not be saved; download them below to keep them.")
        resume = W.Button(description="Continue", tooltip="Go back to where you were")
        resume.on_click(lambda _: self.render())
        self.body.children = [html(message), W.HTML(self._draft_links()), resume]
        self.nav.layout.display = "none"

    def close_app(self):
        if self.on_close:
            self.on_close()
        else:
            self.body.children = [W.Label("Closed. Thank you for taking this time for yourself.")]

    # -- events -----------------------------------------------------------------------
    def _no_words(self):
        """"I can't find words right now": the step is answered with that, and the person goes on."""
        step = self.session.step
        self.session.set_answer(step.id, step.no_words())
        self._go()

    def _arm_idle_warning(self):
        """On a page that keeps answers only in itself, warn before an idle shutdown would lose them."""
        self.idle_note.value = ""
        if self._idle_timer is not None:
            self._idle_timer.cancel()
        if not (privacy.hosted() and privacy.only_in_page(self.session.store)) or self.session.finished:
            return
        self._idle_timer = threading.Timer(privacy.IDLE_WARNING_MINUTES * 60, self._warn_idle)
        self._idle_timer.daemon = True
        self._idle_timer.start()

    def _warn_idle(self):
        if self.session.answers:
            self.idle_note.value = render(privacy.idle_warning()) + self._draft_links()

    def _draft_links(self) -> str:
        entry, name = self.session.entry, self.session.exercise.id
        return " · ".join([download_link(export.to_markdown([entry]), f"{name}-draft.md", "text/markdown",
                                         "Download my answers so far (Markdown)"),
                           download_link(export.to_json([entry]), f"{name}-draft.json", "application/json",
                                         "Download my answers so far (JSON)")])

    def _answer(self, value):
        problem = self.session.set_answer(self.session.step.id, value)
        self.problem.value = problem or ""
        self._show_hint()
        self._show_notice()
        self._show_saved()
        self._arm_idle_warning()

    def _show_notice(self):
        """A plugin's kind note about what was typed, with the help panel open; the person can hide it."""
        note = self.session.notice
        if not note:
            self.notice.children = []
            return
        if not self.notice.children:
            hide = W.Button(description="Hide this note", tooltip="Hide the note and carry on")
            hide.on_click(lambda _: self._dismiss_notice())
            self.notice.children = [html(note), hide]
            if not self.help.is_open:
                self.help.toggle()

    def _gentle_check_changed(self, change):
        if not change["new"] and self.session.notice:
            self.session.notice = None
            self._show_notice()

    def _dismiss_notice(self):
        self.session.dismiss_notice()
        self._show_notice()

    def _go(self, back=False):
        s = self.session
        if back:
            s.back()
        elif s.at_last_step():
            s.save_now()
            if s.finish():
                self.summary_view()
                return
        else:
            s.next()
        self.render()

    def _show_hint(self):
        hint = self.session.hint()
        self.hint.value = render(hint) if hint else ""

    def _show_saved(self):
        s = self.session
        if s.save_problem:
            self.saved.value = "Not saved: kept on this page only. Download your answers to keep them."
            self.saved.tooltip = s.save_problem
        else:
            self.saved.value = privacy.saved_label(s.store) if s.saved else "Saving…"
