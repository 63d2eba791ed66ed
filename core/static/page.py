"""The site's pages after Voici has written them: nothing from another host, innerwork's stylesheet and
page script, a plain message where the page cannot start, storage of the site's own, a policy that
lets each page reach only the site's own address, and ``index.html`` leading to the workshop.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from ..app.plan import ENVIRONMENT as PLAN_VARIABLE
from ..app.plan import Plan
from ..errors import BuildError
from ..paths import DATA
from . import csp

TEMPLATE_STATIC = DATA / "jupyter" / "voila" / "templates" / "innerwork" / "static"
#: the notebook Voici renders as the workshop page (``voici/render/workshop.html``)
PAGE_NAME = "workshop"
# Voila's templates link Font Awesome on a CDN; innerwork uses no icon font (as innerwork serve's template)
_REMOTE_LINK = re.compile(r'<link\b[^>]*\bhref="(?:https?:)?//[^"]*"[^>]*>\s*', re.IGNORECASE)
# Voila's template passes every console message to window.top: to another site's page, were this one
# framed by it. It serves only JupyterLab's Voila preview, which a static site has no use for.
_CONSOLE_TO_TOP = re.compile(r"<!-- voila log js -->\s*<script>.*?</script>\s*", re.DOTALL)
_REMOTE_LOAD = re.compile(
    r'<(?:script|link|img|iframe|source|audio|video)\b[^>]*\b(?:src|href)="((?:https?:)?//[^"]*)"', re.I
)

#: Shown instead of a page that would spin for ever: a browser runs the site only in a secure context.
INSECURE_ORIGIN = """<script>
(function () {
  if (window.isSecureContext) return;
  function explain() {
    document.title = "This page needs a secure address · innerwork";
    var main = document.createElement("main");
    main.className = "innerwork-insecure";
    main.innerHTML =
      "<h1>This page cannot start at this address</h1>" +
      "<p>The exercise runs entirely in your browser, and browsers allow that only on a secure " +
      "address: one starting with <strong>https://</strong>, or <strong>http://localhost</strong> " +
      "on the computer that serves the page. This page was opened over plain http at <code></code>, " +
      "so it would never finish loading.</p>" +
      "<p><strong>If you are taking part:</strong> ask the facilitator for the https address of the page.</p>" +
      "<p><strong>If you are the facilitator:</strong> put the site on a host with https (GitHub Pages, " +
      "a university web space, any static host), or open it as http://localhost on the computer " +
      "that serves it. For a room without internet, run <code>innerwork serve</code> instead.</p>" +
      "<p>Nothing you typed was kept or sent.</p>";
    main.querySelector("code").textContent = location.host;
    document.body.replaceChildren(main);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", explain);
  else explain();
})();
</script>
"""

#: Run just after the page's JupyterLite settings (``<script id="jupyter-config-data">``), before
#: JupyterLite reads them: the browser storage (IndexedDB) that keeps the drive, and with it the
#: answers, is named after the site's folder on its host (``/workshop-a/``). Two sites in different
#: folders of one address keep their entries apart; rebuilding a site in the same place keeps its name.
SITE_STORAGE = """<script>
(function () {
  var element = document.getElementById("jupyter-config-data");
  var config = JSON.parse(element.textContent);
  var site = new URL(config.baseUrl || "./", location.href).pathname;
  var name = "innerwork site " + site;
  config.contentsStorageName = config.settingsStorageName = config.workspacesStorageName = name;
  element.textContent = JSON.stringify(config);
})();
</script>
"""
#: the settings script Voici writes, up to its end
_CONFIG_SCRIPT = re.compile(r'<script\b[^>]*\bid="jupyter-config-data"[^>]*>.*?</script>\s*', re.DOTALL)

STATIC_PAGE_STYLE = """<style>
.innerwork-insecure { max-width: 38em; margin: 2em auto; padding: 0 1em; font: 1.05rem/1.5 system-ui, sans-serif; }
</style>
"""


def notebook(exercise_id: str | None, plan: Plan | None = None) -> dict:
    """The workshop page as a notebook: show the page (one exercise, every one, or a checked workshop
    ``plan``'s, as ``innerwork serve`` passes them); Pyodide has loaded innerwork as it started."""
    choose = f"os.environ['INNERWORK_EXERCISE'] = {json.dumps(exercise_id)}\n" if exercise_id else ""
    if plan:
        choose += f"os.environ[{json.dumps(PLAN_VARIABLE)}] = {json.dumps(plan.to_json())}\n"
        if plan.help_region:
            choose += f"os.environ['INNERWORK_HELP_REGION'] = {json.dumps(plan.help_region)}\n"
    source = (
        "import os\n"
        "os.environ['INNERWORK_MODE'] = 'personal'  # one person's page, which links innerwork's stylesheet\n"
        f"{choose}"
        "try:\n"
        "    from innerwork.ui.notebook import workshop_page\n"
        "    page = workshop_page()\n"
        "except Exception as problem:\n"
        "    import ipywidgets\n"
        "    page = ipywidgets.Label(\n"
        "        'This page could not start (' + type(problem).__name__ + '). Reload it to try again; '\n"
        "        'if that does not help, tell the facilitator.'\n"
        "    )\n"
        "page\n"
    )
    cell: dict = {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}
    return {
        "cells": [cell],
        "metadata": {
            "kernelspec": {"display_name": "Python (Pyodide)", "language": "python", "name": "python"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def index_html(target: str) -> str:
    """``index.html``: straight on to the workshop page."""
    return csp.with_policy(
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="refresh" content="0; url={target}">\n'
        "<title>innerwork</title></head>\n"
        f'<body><p><a href="{target}">Open the workshop page</a></p></body></html>\n'
    )


def finish(site: Path) -> list[Path]:
    """Rewrite Voici's pages (see the module's docstring); returns the workshop pages."""
    static = site / "static" / "innerwork"
    static.mkdir(parents=True, exist_ok=True)
    for name in ("innerwork.css", "innerwork.js"):
        shutil.copy(TEMPLATE_STATIC / name, static / name)
    for page in site.rglob("*.html"):
        text = _CONSOLE_TO_TOP.sub("", _REMOTE_LINK.sub("", page.read_text(encoding="utf-8")))
        if page.parent == site / "voici" / "render":
            prefix = "../../static/innerwork"
            text = text.replace(
                "<head>",
                f'<head>\n{INSECURE_ORIGIN}{STATIC_PAGE_STYLE}<meta name="color-scheme" content="light dark">\n'
                f'<link rel="stylesheet" href="{prefix}/innerwork.css">',
                1,
            ).replace("</body>", f'<script src="{prefix}/innerwork.js"></script>\n</body>', 1)
        text, named = _CONFIG_SCRIPT.subn(lambda found: found.group(0) + SITE_STORAGE, text, count=1)
        if not named and page.parent == site / "voici" / "render":
            raise BuildError(f"{page} has no JupyterLite settings (jupyter-config-data) to name its storage in.")
        try:
            page.write_text(csp.with_policy(text), encoding="utf-8")
        except ValueError as problem:
            raise BuildError(f"{page}: {problem}; its policy cannot be written.") from None
    (site / "index.html").write_text(index_html(f"voici/render/{PAGE_NAME}.html"), encoding="utf-8")
    pages = sorted((site / "voici" / "render").glob("*.html"))
    if not pages:
        raise BuildError(f"Voici wrote no workshop page into {site / 'voici' / 'render'}.")
    return pages


def remote_loads(site: Path) -> list[str]:
    """``page: URL`` for every script, stylesheet or image a page would load from another host."""
    found = []
    for page in sorted(site.rglob("*.html")):
        for url in _REMOTE_LOAD.findall(page.read_text(encoding="utf-8")):
            found.append(f"{page.relative_to(site)}: {url}")
    return found
