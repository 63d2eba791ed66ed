"""The inputs of the built-in step kinds, as ipywidgets.

Each kind's ``widget()`` (in the built-in plugin ``innerwork_plugins.builtin_steps``) calls one of these
with itself, the current answer, ``on_change(new_answer)`` and its
:class:`~innerwork.content.steps.StepContext`. A plugin's step kind may use them too. A person's text
only ever goes into widget values and plain-text labels, never into HTML.
"""

from __future__ import annotations

import datetime as dt

import ipywidgets as W

from ..content.steps import StepContext, StepKind
from ..later import call_later

WIDE = {"description_width": "initial"}


def label(step: StepKind) -> str:
    """What an input is called when a screen reader names it."""
    return step.title or "Your answer"


def text_input(step, value, on_change, context: StepContext | None = None) -> W.Widget:
    """Free text (``prompt``): a text area, or one line when ``multiline`` is false."""
    cls = W.Textarea if step.multiline else W.Text
    widget = cls(
        value=value or "",
        placeholder=step.placeholder,
        tooltip=label(step),
        continuous_update=True,
        layout=W.Layout(width="95%", height="7em" if step.multiline else None),
    )
    widget.observe(lambda c: on_change(c["new"]), "value")
    return widget


def lines_input(step, value, on_change, context: StepContext | None = None) -> W.Widget:
    """A short list (``list``): one item per line of a text area."""
    widget = W.Textarea(
        value="\n".join(value or []),
        placeholder=step.placeholder,
        tooltip=label(step),
        layout=W.Layout(width="95%", height="8em"),
    )
    widget.observe(lambda c: on_change([line.strip() for line in c["new"].split("\n") if line.strip()]), "value")
    hint = W.Label("One per line.")
    hint.add_class("innerwork-hint")
    return W.VBox([hint, widget])


def scale_input(step, value, on_change, context: StepContext | None = None) -> W.Widget:
    """A rating (``scale``): one button per number (the page script makes them a radio group)."""
    buttons = W.ToggleButtons(
        options=[(str(n), n) for n in range(step.min, step.max + 1)],
        value=value if isinstance(value, int) else None,
        tooltips=[f"{n} out of {step.max}" for n in range(step.min, step.max + 1)],
        style={**WIDE, "button_width": "2.6em"},
    )
    buttons.observe(lambda c: on_change(c["new"]), "value")
    parts = [buttons]
    if step.low_label or step.high_label:
        ends = W.Label(f"{step.min} = {step.low_label}  ·  {step.max} = {step.high_label}")
        ends.add_class("innerwork-scale-ends")
        parts.append(ends)
    scale = W.VBox(parts)
    scale.add_class("innerwork-scale")
    return scale


def number_input(step, value, on_change, context: StepContext | None = None) -> W.Widget:
    """A count (``number``) within the step's range, with its unit beside it."""
    widget = W.BoundedIntText(
        value=value if isinstance(value, int) else None, min=step.min, max=step.max, tooltip=label(step)
    )
    widget.observe(lambda c: on_change(c["new"]), "value")
    return W.HBox([widget, W.Label(step.unit)]) if step.unit else widget


def choice_input(step, value, on_change, context: StepContext | None = None) -> W.Widget:
    """One option (``choice``) as radio buttons."""
    widget = W.RadioButtons(options=step.options, value=value if value in step.options else None, tooltip=label(step))
    widget.observe(lambda c: on_change(c["new"]), "value")
    return widget


def checkboxes(groups: list[dict], chosen: list[str], on_change) -> W.Widget:
    """A checkbox per item, under each group's name; ``on_change`` gets the ticked items."""
    boxes: list[W.Checkbox] = []

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


def checklist_input(step, value, on_change, context: StepContext | None = None) -> W.Widget:
    """Any number of options (``checklist``), in their groups."""
    return checkboxes(step.groups, value or [], on_change)


def date_input(step, value, on_change, context: StepContext | None = None) -> W.Widget:
    """A day (``date``); the answer is written YYYY-MM-DD."""
    try:
        current = dt.date.fromisoformat(value) if value else None
    except ValueError:
        current = None
    widget = W.DatePicker(value=current, tooltip=f"{label(step)} (YYYY-MM-DD)")
    widget.observe(lambda c: on_change(c["new"].isoformat() if c["new"] else None), "value")
    return widget


def rate_items_input(step, value, on_change, context: StepContext) -> W.Widget:
    """A rating for each item (``rate_items``), each dropdown named by its own item."""
    items = step.source_items(context.answers)
    ratings = dict(value or {})
    groups = step.groups if step.groups and not step.items_from else [{"name": "", "items": items}]
    rows = []
    for group in groups:
        if group.get("name"):
            rows.append(W.Label(group["name"], style={"font_weight": "bold"}))
        for item in group["items"]:
            options = [("not rated", None)] + [(str(n), n) for n in range(step.min, step.max + 1)]
            values = [number for _, number in options]
            drop = W.Dropdown(
                options=options,
                # "not rated" shown, not an empty box: the first ArrowDown then chooses the first number
                index=values.index(ratings.get(item)) if ratings.get(item) in values else 0,
                description=item,
                style={"description_width": "18em"},
            )

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


def order_input(step, value, on_change, context: StepContext) -> W.Widget:
    """The items in order (``order``), each with Up and Down; the step is shown again after a move."""
    items = step.source_items(context.answers)
    order = list(value) if value and sorted(value) == sorted(items) else list(items)
    rows = []
    for n, item in enumerate(order):
        up = W.Button(description="Up", tooltip=f"Move '{item}' up", disabled=n == 0, layout=W.Layout(width="5em"))
        down = W.Button(
            description="Down",
            tooltip=f"Move '{item}' down",
            disabled=n == len(order) - 1,
            layout=W.Layout(width="5em"),
        )

        def move(_, n=n, by=-1):
            order.insert(n + by, order.pop(n))
            on_change(list(order))
            context.redraw()

        up.on_click(lambda b, n=n: move(b, n, -1))
        down.on_click(lambda b, n=n: move(b, n, 1))
        rows.append(W.HBox([up, down, W.Label(f"{n + 1}. {item}")]))
    return W.VBox(rows)


def pick_input(step, value, on_change, context: StepContext) -> W.Widget:
    """One of the items (``pick`` with ``max: 1``) as radio buttons, or a few as checkboxes."""
    items = step.source_items(context.answers)
    if step.max == 1:
        widget = W.RadioButtons(
            options=items, value=value[0] if value and value[0] in items else None, tooltip=label(step)
        )
        widget.observe(lambda c: on_change([c["new"]] if c["new"] else []), "value")
        return widget
    return checkboxes([{"name": "", "items": items}], value or [], on_change)


def item_notes_input(step, value, on_change, context: StepContext) -> W.Widget:
    """A short note for each item (``item_notes``), each text field named by its own item."""
    notes = dict(value or {})
    rows = []
    for item in step.source_items(context.answers):
        text = W.Text(
            value=notes.get(item, ""),
            description=item,
            placeholder=step.placeholder,
            style={"description_width": "18em"},
            layout=W.Layout(width="95%"),
        )

        def noted(change, item=item):
            notes[item] = change["new"]
            on_change({k: v for k, v in notes.items() if v.strip()})

        text.observe(noted, "value")
        rows.append(text)
    notes_box = W.VBox(rows)
    notes_box.add_class("innerwork-named")  # each note is named by its own item
    return notes_box


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


class Countdown(W.VBox):
    """A start button and the time left (``timer``), counted down in the kernel one second at a time."""

    def __init__(self, seconds: int):
        self.seconds = seconds
        self.left = W.Label(f"{_clock(seconds)} (press Start when you are ready)")
        self.left.add_class("innerwork-timer")
        self.start_button = W.Button(description="Start", tooltip=f"Start a {_clock(seconds)} countdown")
        self.start_button.on_click(lambda _: self.start())
        self._timer = None
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
        self._timer = call_later(1, self._tick, left - 1)

    def stop(self):
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
