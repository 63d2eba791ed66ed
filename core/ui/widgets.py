"""The ipywidgets app: a thin layer over :class:`innerwork.app.session.Session`.

Authored Markdown is rendered and sanitised; a person's text only ever goes
into widget values and plain-text labels, or through :func:`md_escape` into
the rendered summary.
"""

from __future__ import annotations

import base64
import inspect
import os
from functools import lru_cache

import ipywidgets as W

from ..app import export, privacy
from ..app.help import help_markdown, more_help_markdown
from ..app.session import Session
from ..content.steps import NO_WORDS, StepContext, StepKind, md_escape
from ..later import call_later
from ..paths import DATA
from ..registry.plugins import PluginInfo, report_problem
from ..registry.registered import plugins
from ..storage import settings
from ..text.markdown import plain, render
from .step_widgets import WIDE

# innerwork's one stylesheet; the Voila page template links the same file
STYLESHEET = DATA / "jupyter" / "voila" / "templates" / "innerwork" / "static" / "innerwork.css"


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return STYLESHEET.read_text(encoding="utf-8")


def style_widget() -> W.HTML:
    """The stylesheet as a widget, for notebooks (the Voila page also links it)."""
    return W.HTML(f"<style>{stylesheet()}</style>")


def page_links_stylesheet() -> bool:
    """True in a page served by ``innerwork serve`` or ``preview``, whose template links the stylesheet.

    ``serve`` sets ``INNERWORK_MODE`` for every kernel it starts; a notebook has no such page.
    """
    return bool(os.environ.get("INNERWORK_MODE"))


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
    """ "Need help now?": a button that opens the helplines panel. On every page."""

    def __init__(self):
        self.button = W.Button(description="Need help now?", tooltip="Show crisis lines and where to get help")
        self.button.add_class("innerwork-help")
        self.more_button = W.Button(description="When to get more help", tooltip="Signs that it is time to reach out")
        self.more = html(more_help_markdown(), "innerwork-more-help")
        self.more.layout.display = "none"
        self.more_button.on_click(lambda _: _toggle(self.more))
        self.gentle_check = gentle_check_control()
        self.panel = W.VBox(
            [html(help_markdown()), self.more_button, self.more, *([self.gentle_check] if self.gentle_check else [])]
        )
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
        self.checkbox = W.Checkbox(
            value=settings.gentle_check_on(),
            indent=False,
            style=WIDE,
            description="Offer me a note when I write about wanting to die or hurting myself",
            layout=W.Layout(width="auto"),
        )
        self.checkbox.add_class("innerwork-gentle-check-choice")
        self.status = W.Label()
        self.status.add_class("innerwork-gentle-check-status")
        self.checkbox.observe(self._changed, "value")
        super().__init__(
            [
                W.Label(
                    "The note comes from word rules and a small model on this device; nothing about it is stored or sent."
                ),
                self.checkbox,
                self.status,
            ]
        )

    def _changed(self, change):
        on = bool(change["new"])
        try:
            where = settings.change("gentle_check", on)
        except (settings.SettingsError, OSError) as exc:
            self.status.value = f"Could not save this choice: {exc}"
            return
        state = "on" if on else "off"
        self.status.value = (
            f"The note is {state} for this page."
            if where is None
            else f"The note is {state}. Saved in your settings; you can change it here again "
            f"or with: innerwork settings gentle-check {'off' if on else 'on'}"
        )


def gentle_check_control() -> GentleCheckControl | None:
    """The control, when the gentle check is installed and loaded (else None)."""
    info = plugins().infos.get("gentle_check")
    return GentleCheckControl() if info is not None and info.status == "loaded" else None


def _toggle(widget: W.Widget) -> None:
    widget.layout.display = "none" if widget.layout.display != "none" else None


def step_input(step: StepKind, session: Session, on_change, redraw) -> W.Widget | None:
    """The input of ``step``, from its kind's own ``widget()``; ``on_change(value)`` records an answer.

    The widget gets the answers so far and the exercise through a :class:`StepContext`, and ``redraw``
    to show the step again. A kind written for the first step-kind API, ``widget(value, on_change)``,
    is called without the context.
    """
    context = StepContext.of(session.answers, session.exercise, redraw)
    arguments = [session.value(step), on_change]
    if _takes_context(type(step).widget):
        arguments.append(context)
    try:
        return step.widget(*arguments)
    except Exception as exc:  # a fault in one step kind must not take the page down
        registry = plugins()
        name = registry.step_kind_plugins.get(step.kind, "")
        info = registry.infos.setdefault(name, PluginInfo(name))
        # the error's kind only: its message could hold the person's answer
        report_problem(info, f"the widget of step kind '{step.kind}' failed ({type(exc).__name__})", exc, once=True)
        session.not_shown.add(step.id)  # nobody can answer it: "Next" goes on without it
        note = W.Label(
            "This step's answer box could not be shown, because of a fault in an add-on. "
            "Your other answers are kept; you can go on without this one, go back, or stop for now."
        )
        note.add_class("innerwork-hint")  # the page script names the step's input by it
        return note


def _takes_context(widget) -> bool:
    try:
        parameters = inspect.signature(widget).parameters.values()
    except (TypeError, ValueError):
        return True
    positional = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    return len(positional) >= 4 or any(p.kind == p.VAR_POSITIONAL for p in parameters)


def progress_html(step: int, total: int, words: str = "") -> str:
    """A progress bar and its words ("Step 2 of 9"), from numbers only."""
    words = words or f"Step {step} of {total}"
    return (
        f'<progress max="{int(total)}" value="{int(step)}" aria-label="{words}"></progress>'
        f'<span class="innerwork-progress-text">{words}</span>'
    )


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
        self.privacy = W.HTML(
            f"<details><summary>Where your answers are kept <span>more</span>"
            f"</summary>{render(privacy.where_kept(session.store))}</details>"
        )
        self.privacy.add_class("innerwork-privacy")
        self.idle_note = W.HTML()
        self.idle_note.add_class("innerwork-idle-note")
        self._idle_timer = None
        header = W.VBox(
            [
                html(f"# {md_escape(ex.title)}"),
                W.Label(f"About {ex.minutes} minutes · you can stop at any step"),
                self.privacy,
                W.HBox([self.progress, self.saved]),
                self.help,
                self.idle_note,
            ]
        )
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
        style = [] if page_links_stylesheet() else [style_widget()]
        super().__init__([*style, header, self.notice, self.body, self.problem, self.hint, self.nav])
        self.add_class("innerwork-app")
        self.summary_view() if session.finished else self.render()

    # -- views ------------------------------------------------------------------------
    def render(self):
        s, step = self.session, self.session.step
        parts, control = self._step_widgets(step)
        self.input = control
        # the step first: each change below is a message of its own, and the step should not wait for them
        self.body.children = parts
        self.back_button.disabled = s.index == 0
        self.next_button.description = "Finish" if s.at_last_step() else "Next"
        self.next_button.tooltip = "Finish and see your summary" if s.at_last_step() else "Go to the next step"
        self.nav.layout.display = None
        self.progress.value = progress_html(s.index + 1, s.total)
        self.problem.value = s.problems.get(step.id, "")
        self._show_hint()
        self._show_saved()
        self._arm_idle_warning()

    def _step_widgets(self, step: StepKind) -> tuple[list[W.Widget], W.Widget | None]:
        """The heading, question, input and help of ``step``; built once for steps that can be shown again."""
        if step.reuse_widget and step.id in self._shown_steps:
            return self._shown_steps[step.id]
        parts = [html(f"## {md_escape(step.title)}")] if step.title else []
        body = getattr(step, "body", "")
        if body:
            parts.append(html(body))
        if step.prompt:
            parts.append(html(step.prompt, "innerwork-question"))
        control = step_input(step, self.session, self._answer, self.render)
        if control is not None:
            parts.append(control)
        if step.help:
            parts.append(html(step.help, "innerwork-step-help"))
        if step.required and step.typed and hasattr(step, "no_words"):
            no_words = W.Button(
                description=NO_WORDS,
                tooltip="Go on without writing this one; that is okay",
                layout=W.Layout(width="auto"),
            )
            no_words.on_click(lambda _: self._no_words())
            parts.append(no_words)
        if step.reuse_widget:
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
        self.downloads = W.HTML(
            " · ".join(
                [
                    download_link(
                        export.to_markdown([s.entry]),
                        f"{s.exercise.id}-{stamp}.md",
                        "text/markdown",
                        "Download my answers (Markdown)",
                    ),
                    download_link(
                        export.to_json([s.entry]),
                        f"{s.exercise.id}-{stamp}.json",
                        "application/json",
                        "Download my answers (JSON)",
                    ),
                ]
            )
        )
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
        message = (
            privacy.stopped_message(self.session.store)
            if self.session.saved
            else "Your answers could not be saved; download them below to keep them."
        )
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
        """ "I can't find words right now": the step is answered with that, and the person goes on."""
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
        self._idle_timer = call_later(privacy.IDLE_WARNING_MINUTES * 60, self._warn_idle)

    def _warn_idle(self):
        if self.session.answers:
            self.idle_note.value = render(privacy.idle_warning()) + self._draft_links()

    def _draft_links(self) -> str:
        entry, name = self.session.entry, self.session.exercise.id
        return " · ".join(
            [
                download_link(
                    export.to_markdown([entry]),
                    f"{name}-draft.md",
                    "text/markdown",
                    "Download my answers so far (Markdown)",
                ),
                download_link(
                    export.to_json([entry]),
                    f"{name}-draft.json",
                    "application/json",
                    "Download my answers so far (JSON)",
                ),
            ]
        )

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
        if not back and s.at_last_step():
            s.save_now()
            if s.finish():
                self.summary_view()
                return
            self.render()
            return
        moved = s.back(save=False) if back else s.next(save=False)
        self.render()
        if moved:  # once the page has the new step, so that it shows without waiting for the disk
            s.save_now()

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
