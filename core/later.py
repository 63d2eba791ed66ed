"""Run a function a little later: on a thread timer, or on the event loop where there are no threads.

A browser (Pyodide, in a static workshop site) cannot start threads, so there the kernel's event loop
waits instead. Both kinds of handle have ``cancel()``.
"""

from __future__ import annotations

import sys
import threading

#: True inside a browser (Pyodide), where innerwork runs in a static workshop site
IN_BROWSER = sys.platform == "emscripten"


def call_later(seconds: float, function, *args):
    """Call ``function(*args)`` after ``seconds``; returns a handle whose ``cancel()`` stops it."""
    if IN_BROWSER:
        import asyncio

        return asyncio.get_event_loop().call_later(seconds, function, *args)
    timer = threading.Timer(seconds, function, args=args)
    timer.daemon = True
    timer.start()
    return timer
