"""Where a person's answers are kept, in plain words for the mode innerwork runs in. No widgets.

Three modes: personal (a file on this computer), workshop (only in the page), and workshop with
``--keep-answers-on-server`` (the facilitator's server). Every page and exercise says which one
applies, and nothing promises more.
"""

from __future__ import annotations

import os

from ..storage.store import MemoryStore, StoreError

#: a workshop page's kernel is shut down after this many minutes without use (``innerwork serve --workshop``
#: sets ``cull_idle_timeout`` to match; see ``serve.voila_command``)
IDLE_SHUTDOWN_MINUTES = 15
#: a workshop page that keeps answers only in itself warns after this many minutes without a change
IDLE_WARNING_MINUTES = 10


def hosted() -> bool:
    """True on a workshop page (``innerwork serve --workshop``)."""
    return os.environ.get("INNERWORK_MODE") == "workshop"


def in_browser_storage(store) -> bool:
    """True when answers are kept by the participant's browser (a static workshop site)."""
    return getattr(store, "in_browser", False)


#: where answers are kept in a static workshop site, in words
BROWSER_KEPT = (
    "Your answers are kept in this browser, on this device, and are never sent anywhere: the exercise "
    "runs in your browser. Anyone who uses this browser on this device can open this page and read them, so on a "
    'shared device delete them when you are done ("Your entries", then "Delete everything"). They are '
    "also gone if the browser's data for this site is cleared."
)


def only_in_page(store) -> bool:
    """True when answers live only in this page's memory and are lost when it closes."""
    return isinstance(store, MemoryStore)


def where_kept(store) -> str:
    """One or two sentences saying where answers are kept and what that means."""
    if in_browser_storage(store):
        return BROWSER_KEPT
    if only_in_page(store):
        if hosted():
            return (
                "Your answers are kept only in this page. They are gone when you close "
                f"it, or when it sits unused for {IDLE_SHUTDOWN_MINUTES} minutes (a locked phone counts). "
                'Download them before you step away: "Stop for now" gives you the links.'
            )
        return "Your answers are kept only in this page and are not written anywhere. Download them to keep them."
    if hosted():
        return "Your answers are saved on the facilitator's server. Ask them who can see them and for how long."
    return f"Your answers are saved in a file on this computer ({store.location}). {_lock_note(store)}"


def _lock_note(store) -> str:
    path = getattr(store, "path", None)
    try:
        locked = bool(path and path.exists() and store.encrypted)
    except StoreError:
        locked = False
    if locked:
        return "The answers in it are locked with your passphrase."
    return "Anyone who can open your files can read it; `innerwork encrypt` locks it with a passphrase."


def saved_label(store) -> str:
    """The short word beside the progress: where the answers are right now."""
    if only_in_page(store):
        return "Kept in this page only"
    if in_browser_storage(store):
        return "Saved in this browser"
    return "Saved on the facilitator's server" if hosted() else "Saved on this computer"


def stopped_message(store) -> str:
    """What "Stop for now" says about coming back."""
    if only_in_page(store):
        return (
            f"Your answers are kept only in this page. They will be gone if you close it, or after "
            f"{IDLE_SHUTDOWN_MINUTES} minutes without use. Download them now to keep them."
        )
    if in_browser_storage(store):
        where = "in this browser, on this device"
    else:
        where = "on the facilitator's server" if hosted() else f"in a file on this computer ({store.location})"
    return f"Your answers so far are saved {where}. You can come back to this exercise any time."


def idle_warning() -> str:
    """Shown on a workshop page that keeps answers only in itself, after a while without a change."""
    return (
        f"**Still there?** Nothing has changed on this page for {IDLE_WARNING_MINUTES} minutes. If the page "
        f"is closed, or your phone locks or switches apps, it can shut down after {IDLE_SHUTDOWN_MINUTES} "
        "minutes without use, and your answers go with it. Download them now to keep them."
    )
