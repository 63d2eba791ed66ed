"""The site's service worker refuses every request for another host.

The pages' policy (``csp``) binds only the pages. The kernel runs in a web worker loaded from its
own file, which no ``<meta>`` can reach and for which a static host sends no policy header. That
worker goes through JupyterLite's service worker (the answers' drive needs it), so the service
worker answers any request it sees for another host with a network error, before anything is sent:
``fetch``, ``XMLHttpRequest`` and scripts from the kernel's worker and from the pages alike.
WebSockets do not pass through a service worker and are not covered.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import BuildError
from . import pins

#: JupyterLite's fetch handler (``service-worker.js``, jupyterlite-core's own file), up to its body
_ON_FETCH = re.compile(r"async function onFetch\((\w+)\)\{")
REFUSE_OTHER_HOSTS = (
    "if(new URL({event}.request.url).origin!==location.origin){{{event}.respondWith(Response.error());return}}"
)


def refuse_other_hosts(site: Path) -> list[Path]:
    """Make every ``service-worker.js`` of ``site`` refuse other hosts; returns them."""
    workers = sorted(site.rglob("service-worker.js"))
    if not (site / "service-worker.js").is_file():
        raise BuildError(f"{site} has no service-worker.js; the JupyterLite build wrote no service worker.")
    for worker in workers:
        text = worker.read_text(encoding="utf-8")
        text, found = _ON_FETCH.subn(lambda m: m.group(0) + REFUSE_OTHER_HOSTS.format(event=m.group(1)), text, 1)
        if not found:
            raise BuildError(
                f"{worker} has no fetch handler innerwork recognises (it expects jupyterlite-core "
                f"{pins.BUILD_PACKAGES['jupyterlite-core']}); it would let the kernel reach other hosts."
            )
        worker.write_text(text, encoding="utf-8")
    return workers
