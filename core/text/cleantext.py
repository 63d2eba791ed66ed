"""A person's text made safe to print to a terminal or write to a file meant for reading.

Control characters (NUL, BEL, ESC, DEL ...) can ring, erase or recolour a
terminal, and bidirectional overrides can make text read differently from
what was typed. They become visible stand-ins: C0 controls and DEL their
Unicode "control picture" (ESC shows as ␛), C1 controls and bidi overrides,
embeddings and isolates U+FFFD (�). Newlines and tabs are kept; a carriage
return becomes a newline. Left-to-right and right-to-left marks, which
right-to-left writing needs, are kept.
"""

from __future__ import annotations

import re

_C0_AND_DEL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_C1_AND_BIDI = re.compile("[\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match) -> str:
    char = match.group()
    return "\u2421" if char == "\x7f" else chr(0x2400 + ord(char))


def neutralise(text: str) -> str:
    """``text`` with control and bidi-override characters replaced by visible stand-ins."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _C1_AND_BIDI.sub("\ufffd", _C0_AND_DEL.sub(_picture, text))


def escape_in_json(text: str) -> str:
    """JSON text with DEL, C1 controls and bidi overrides written as ``\\uXXXX``: the same data, safe to print.

    (``json.dumps`` already escapes the other control characters; these can only occur inside strings.)
    """
    return re.sub("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]", lambda m: f"\\u{ord(m.group()):04x}", text)
