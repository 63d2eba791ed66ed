"""An allow-list HTML sanitiser in pure Python, for where the nh3 library cannot be installed (a browser).

It keeps only the tags and attributes it is given, drops ``<script>`` and ``<style>`` with their
content, keeps links only with the URL schemes given (relative links too), and writes every text
and attribute value escaped. It is the second line of defence: the Markdown it cleans was rendered
with raw HTML turned off. Its output matches nh3's for what innerwork renders (a test compares them).
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

DROP_WITH_CONTENT = {"script", "style", "template", "iframe", "noscript", "textarea", "title", "xmp"}
VOID = {"br", "hr", "img", "wbr", "input", "meta", "link", "area", "base", "col", "embed", "source", "track"}
URL_ATTRIBUTES = {"href", "src", "cite", "action"}
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")


def url_allowed(url: str, schemes: set[str]) -> bool:
    """True for a relative URL or one whose scheme is in ``schemes`` (control characters and spaces ignored)."""
    match = _SCHEME.match(_IGNORED_IN_URLS.sub("", url))
    return match is None or match.group(1).lower() in schemes


class _Cleaner(HTMLParser):
    def __init__(self, tags, attributes, url_schemes, link_rel):
        super().__init__(convert_charrefs=True)
        self.tags, self.attributes, self.schemes, self.link_rel = tags, attributes, url_schemes, link_rel
        self.out: list[str] = []
        self.open: list[str] = []
        self.dropping = 0  # inside elements dropped with their content

    def handle_starttag(self, tag, attrs):
        if tag in DROP_WITH_CONTENT:
            self.dropping += tag not in VOID
            return
        if self.dropping or tag not in self.tags:
            return
        kept = []
        for name, value in attrs:
            if value is None or name not in self.attributes.get(tag, ()) or name == "rel":
                continue
            if name in URL_ATTRIBUTES and not url_allowed(value, self.schemes):
                continue
            kept.append(f' {name}="{escape(value, quote=True)}"')
        if tag == "a" and self.link_rel:
            kept.append(f' rel="{escape(self.link_rel, quote=True)}"')
        self.out.append(f"<{tag}{''.join(kept)}>")
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in DROP_WITH_CONTENT:
            self.dropping = max(0, self.dropping - 1)
            return
        if self.dropping or tag not in self.open:
            return
        while self.open:  # close what was left open inside it
            last = self.open.pop()
            self.out.append(f"</{last}>")
            if last == tag:
                break

    def handle_data(self, data):
        if not self.dropping:
            self.out.append(escape(data, quote=False))

    def result(self) -> str:
        self.close()
        return "".join(self.out) + "".join(f"</{tag}>" for tag in reversed(self.open))


def clean(html: str, tags: set[str], attributes: dict[str, set[str]], url_schemes: set[str], link_rel: str) -> str:
    """``html`` with only the allowed tags and attributes (the arguments mean what they mean for ``nh3.clean``)."""
    cleaner = _Cleaner(tags, attributes, url_schemes, link_rel)
    cleaner.feed(html)
    return cleaner.result()
