"""The step kit: the built-in step kinds, each with its own input, registered as any plugin's kinds are.

Each kind's logic (fields, checks, examples, what it writes in the summary) is plain Python in
``innerwork.content.steps``; here it gets its widget, from ``innerwork.ui.step_widgets``. The widget
modules are imported inside ``widget()``, so that commands without a page never load ipywidgets.
innerwork cannot read an exercise without these kinds, so this plugin is always loaded.
"""

from innerwork import hookimpl
from innerwork.content import steps


class Text(steps.Text):
    reuse_widget = True  # nothing to answer: the page shows the title, body and prompt


class Summary(steps.Summary):
    pass  # the page shows the summary, then the body


class Timer(steps.Timer):
    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import Countdown

        return Countdown(self.seconds)


class Prompt(steps.Prompt):
    reuse_widget = True

    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import text_input

        return text_input(self, value, on_change, context)


class Scale(steps.Scale):
    reuse_widget = True

    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import scale_input

        return scale_input(self, value, on_change, context)


class Number(steps.Number):
    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import number_input

        return number_input(self, value, on_change, context)


class Choice(steps.Choice):
    reuse_widget = True

    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import choice_input

        return choice_input(self, value, on_change, context)


class Checklist(steps.Checklist):
    reuse_widget = True

    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import checklist_input

        return checklist_input(self, value, on_change, context)


class ListStep(steps.ListStep):
    reuse_widget = True

    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import lines_input

        return lines_input(self, value, on_change, context)


class RateItems(steps.RateItems):
    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import rate_items_input

        return rate_items_input(self, value, on_change, context)


class Order(steps.Order):
    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import order_input

        return order_input(self, value, on_change, context)


class Pick(steps.Pick):
    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import pick_input

        return pick_input(self, value, on_change, context)


class ItemNotes(steps.ItemNotes):
    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import item_notes_input

        return item_notes_input(self, value, on_change, context)


class Date(steps.Date):
    reuse_widget = True

    def widget(self, value, on_change, context):
        from innerwork.ui.step_widgets import date_input

        return date_input(self, value, on_change, context)


STEP_KINDS = [
    Text,
    Summary,
    Timer,
    Prompt,
    Scale,
    Number,
    Choice,
    Checklist,
    ListStep,
    RateItems,
    Order,
    Pick,
    ItemNotes,
    Date,
]


@hookimpl(tryfirst=True)  # before any other plugin's kinds, so a clashing name fails that plugin, not the kit
def register_step_kinds(register):
    for kind in STEP_KINDS:
        register(kind)
