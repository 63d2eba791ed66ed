"""A gentle check: when someone writes about wanting to die or hurting themselves, show a kind note beside the help panel.

It reads the text on the person's own machine with written rules and a small
classifier shipped with the package (see ``innerwork_plugins.gentle``): no
network, no download, nothing stored or logged.
It is not a risk assessment; it never blocks and it misses things. A person can
turn it off in the help panel or with ``innerwork settings gentle-check off``;
a facilitator with ``innerwork serve --no-gentle-check``.
"""

from __future__ import annotations

import innerwork
from innerwork.storage import settings

NOTE = (
    "**You don't have to carry this alone.** Some of what you wrote sounds very heavy. "
    "If you are thinking about hurting yourself or ending your life, please reach out now: "
    "a crisis line below, your therapist, or someone you trust.\n\n"
    "*This note comes from word rules and a small word-weighing model on this device. Nothing was saved or sent, "
    "and you can hide it and carry on.*"
)


@innerwork.hookimpl
def answer_notice(text):
    if not settings.gentle_check_on():
        return None
    # imported with the first answer, not with the plugin: its rules take about a second to prepare in a
    # browser (a static site), which a page would otherwise spend before a participant sees anything
    from .gentle import should_notice

    return NOTE if should_notice(text) else None
