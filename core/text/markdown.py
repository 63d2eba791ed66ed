"""Authored Markdown to safe HTML. A person's text is escaped before it gets here."""

from functools import lru_cache
from html import escape

try:
    from nh3 import clean
except ImportError:  # a browser (Pyodide) has no nh3: the pure-Python sanitiser, which matches it here
    from .sanitise import clean  # type: ignore[assignment]

ALLOWED_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "h1", "h2", "h3", "h4", "hr", "blockquote", "code", "a"}


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False})


def render(text: str) -> str:
    """Markdown rendered to HTML (raw HTML in the text shown as text), then sanitised."""
    html = _parser().render(text or "")
    return clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes={"https", "tel", "mailto"},
        link_rel="noopener noreferrer",
    )


def plain(text: str) -> str:
    """Any text, HTML-escaped, for an HTML widget."""
    return escape(str(text))
