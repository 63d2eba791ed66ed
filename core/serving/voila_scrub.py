"""What must never leave the workshop server: tracebacks and server paths to a page, kernel ids to the log.

- ``scrubbing_socket``: the kernel websocket handler, with every message to the page checked. The
  kernel's stderr (where Python writes tracebacks, e.g. when a page sends a malformed widget
  message) never reaches the page; an ``error`` keeps no traceback; and any other message that
  carries a traceback or a path of this server has it replaced.
- ``mask_kernel_ids_in_logs``: every log record of the server process has kernel ids (and any other
  UUIDs) cut to their first four characters, so the log never hands out what opens a kernel.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
from pathlib import Path

from jupyter_server.services.kernels.connection.base import (
    deserialize_binary_message,
    deserialize_msg_from_ws_v1,
    serialize_binary_message,
    serialize_msg_to_ws_v1,
)

V1 = "v1.kernel.websocket.jupyter.org"
UUID = re.compile(r"\b([0-9a-f]{4})[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b", re.IGNORECASE)
TRACEBACK = "Traceback (most recent call last)"
HIDDEN = "[server]"


def server_paths() -> list[str]:
    """Folders whose names say something about this server, longest first."""
    import voila

    import innerwork

    places = {
        sys.prefix,
        sys.base_prefix,
        sys.exec_prefix,
        os.getcwd(),
        str(Path.home()),
        str(Path(innerwork.__file__).resolve().parent.parent),
        str(Path(voila.__file__).resolve().parent.parent),
    }
    return sorted((p for p in places if len(p) > 4), key=len, reverse=True)


MARKERS = [TRACEBACK, 'File "/', "site-packages", "dist-packages", *server_paths()]
_MARKER_BYTES = [m.encode() for m in MARKERS]
_QUICK_BYTES = [b"stderr", b'"error"', *_MARKER_BYTES]
_QUICK_TEXT = ["stderr", '"error"', *MARKERS]


def _hide(value):
    """``value`` (any JSON) with each marker in its strings replaced."""
    if isinstance(value, str):
        if TRACEBACK in value:
            return HIDDEN
        for marker in MARKERS:
            value = value.replace(marker, HIDDEN)
        return value
    if isinstance(value, list):
        return [_hide(v) for v in value]
    if isinstance(value, dict):
        return {k: _hide(v) for k, v in value.items()}
    return value


def scrub(header: dict, content: dict) -> dict | None:
    """The content to send instead, or None to send nothing. ``header`` says what the message is."""
    kind = header.get("msg_type")
    if kind == "stream" and content.get("name") == "stderr":
        return None
    if kind == "error" or ("traceback" in content and content.get("status") == "error"):
        return {**content, "ename": "Error", "evalue": "The page's kernel could not do that.", "traceback": []}
    return _hide(content)


def _scrub_v1(message: bytes) -> bytes | None:
    channel, parts = deserialize_msg_from_ws_v1(message)
    content = scrub(json.loads(parts[0]), json.loads(parts[3]))
    if content is None:
        return None
    parts = [*parts[:3], json.dumps(content).encode(), *parts[4:]]
    return serialize_msg_to_ws_v1(parts, channel)


def _scrub_dict(msg: dict) -> dict | None:
    content = scrub(msg.get("header") or {}, msg.get("content") or {})
    return None if content is None else {**msg, "content": content}


def scrubbed(message, v1: bool):
    """``message`` as the kernel websocket would send it, checked; None if it must not be sent."""
    if isinstance(message, bytes):
        if not any(m in message for m in _QUICK_BYTES):
            return message
        if v1:
            return _scrub_v1(message)
        msg = _scrub_dict(deserialize_binary_message(message))
        return None if msg is None else serialize_binary_message(msg)
    if isinstance(message, str):
        if not any(m in message for m in _QUICK_TEXT):
            return message
        msg = _scrub_dict(json.loads(message))
        return None if msg is None else json.dumps(msg)
    msg = _scrub_dict(message)  # a dict
    return msg


def scrubbing_socket(base: type) -> type:
    """The kernel websocket handler ``base``, checking every message it sends to the page."""

    class ScrubbingSocket(base):
        def on_message(self, message):
            try:
                return super().on_message(message)
            except Exception as error:  # not a kernel message: ignored, the page keeps its connection
                self.log.warning(
                    "A page sent something that is not a kernel message (%s); ignored.", type(error).__name__
                )
                return None

        def write_message(self, message, binary=False):
            try:
                message = scrubbed(message, self.selected_subprotocol == V1)
            except Exception:  # a message we cannot read is not sent
                self.log.debug("A kernel message could not be checked; not sent.", exc_info=True)
                message = None
            if message is None:
                return None
            return super().write_message(message, binary=binary)

    return ScrubbingSocket


def mask(text: str) -> str:
    """``text`` with every UUID cut to its first four characters."""
    return UUID.sub(r"\1…", text)


def mask_kernel_ids_in_logs() -> None:
    """Mask UUIDs in every log record of this process, messages and tracebacks alike."""
    make_record = logging.getLogRecordFactory()
    if getattr(make_record, "innerwork_masks", False):
        return

    class MaskedRecord(logging.LogRecord):
        def getMessage(self):
            return mask(super().getMessage())

    def record(*args, **kwargs):
        entry = make_record(*args, **kwargs)
        entry.__class__ = MaskedRecord if type(entry) is logging.LogRecord else entry.__class__
        if entry.exc_info and not entry.exc_text:
            entry.exc_text = mask(logging.Formatter().formatException(entry.exc_info))
        return entry

    record.innerwork_masks = True
    logging.setLogRecordFactory(record)
