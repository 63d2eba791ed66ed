"""The Content-Security-Policy of a static site's pages, written as a ``<meta>`` at the top of each page.

The browser then lets the page load and send things to the site's own address only: a ``fetch``,
an image, a font, a worker or a form aimed at another host is refused before any request is made,
whatever code asks for it. Scripts run only from the site itself, or inline when the build wrote
them (each inline script is allowed by its SHA-256, so one added later by anything else does not
run). Styles may be inline (JupyterLab adds its own as it starts); they can load nothing from
elsewhere, as images and fonts come only from the site.

A ``<meta>`` policy covers the page; the kernel's web worker, loaded from its own file, is not a
page and is not covered by it (a static host sends no policy header for it): ``service_worker``
refuses other hosts for it.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
#: script types a browser runs; any other (application/json, ...) is data and needs no permission
_RUN_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?[\w-]+[\"']?\s*/?>[ \t]*\n?", re.IGNORECASE)

#: every kind of load, in order; ``script-src`` gains the hashes of the page's own inline scripts
POLICY: dict[str, list[str]] = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'none'"],
}


#: a link followed from a page (a helpline's site, say) is not told which page it came from
NO_REFERRER = '\n<meta name="referrer" content="no-referrer">'


def inline_script_hashes(html: str) -> list[str]:
    """``'sha256-…'`` for each inline script the page runs, in order, each once."""
    found: list[str] = []
    for attributes, body in _INLINE_SCRIPT.findall(html):
        kind = _TYPE.search(attributes)
        if _SRC.search(attributes) or (kind.group(1).lower() if kind else "") not in _RUN_TYPES:
            continue
        # the browser hashes the text as parsed: UTF-8, with its line ends as \n
        digest = hashlib.sha256(body.replace("\r\n", "\n").replace("\r", "\n").encode("utf-8")).digest()
        source = f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
        if source not in found:
            found.append(source)
    return found


def policy(html: str) -> str:
    """The policy for ``html``, as a header value."""
    directives = {**POLICY, "script-src": [*POLICY["script-src"], *inline_script_hashes(html)]}
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def with_policy(html: str) -> str:
    """``html`` with its policy at the top of ``<head>`` (it governs only what follows it), and no
    referrer sent with anything it loads or any link followed from it. The page's encoding comes
    first: a browser looks for it in the first 1024 bytes only."""
    html = _CHARSET.sub("", html)
    head = re.search(r"<head\b[^>]*>", html, re.IGNORECASE)
    if head is None:
        raise ValueError("the page has no <head>")
    meta = f'\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="{policy(html)}">'
    return html[: head.end()] + meta + NO_REFERRER + html[head.end() :]
