"""Regular expressions that start at a word, made fast for texts they cannot match (most texts).

A pattern that begins with ``\\b`` makes ``re`` try every position of the text.
``WordPattern`` strips the leading ``\\b`` of each top-level alternative (and
checks the word boundary itself), and when every alternative starts with
plain words it first looks for those words with ``in``, which is many times
faster than running the expression.
"""

from __future__ import annotations

import re
from collections.abc import Iterator


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth of groups) for each character of ``pattern`` outside escapes and ``[...]`` classes."""
    depth, i, in_class = 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (``a|(b|c)|d`` -> ``a``, ``(b|c)``, ``d``)."""
    cuts = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    return [pattern[s + 1 : e] for s, e in zip([-1] + cuts, cuts + [len(pattern)], strict=True)]


def _group_end(pattern: str) -> int:
    """Index just after the group that opens at ``pattern[0]``."""
    return next((i + 1 for i, ch, depth in _structure(pattern) if ch == ")" and depth == 0), len(pattern))


_LITERAL = re.compile(r"[a-z0-9 '&-]*")


def _starts(branch: str) -> set[str] | None:
    """Plain text one of which a match of ``branch`` must start with, or None if it cannot be listed."""
    literal = _LITERAL.match(branch).group()
    rest = branch[len(literal) :]
    if rest[:1] in ("?", "*", "{"):  # the last letter is optional
        literal = literal[:-1]
    if literal:
        return {literal}
    if branch.startswith("(?:"):
        opening = 3
    elif branch.startswith("(") and not branch.startswith("(?"):
        opening = 1  # a numbered group
    else:
        return None
    end = _group_end(branch)
    starts: set[str] = set()
    for alternative in _branches(branch[opening : end - 1]):
        found = _starts(alternative)
        if found is None:
            return None
        starts |= found
    if branch[end : end + 1] in ("?", "*"):  # an optional group: what follows it can start the match too
        after = _starts(branch[end + 1 :])
        if after is None:
            return None
        starts |= after
    return starts


def _first_word(start: str) -> str:
    """The part of ``start`` that ``word_beginnings`` sees as the beginning of one word ("don't go" -> "don")."""
    word = start.split(" ")[0]
    cut = word.find("'", 1)
    return word[:cut] if cut > 0 else word


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _at_boundary(text: str, i: int) -> bool:
    """``\\b`` at ``text[i]``: a word character on one side only."""
    before = i > 0 and _is_word(text[i - 1])
    after = i < len(text) and _is_word(text[i])
    return before != after


class WordPattern:
    """Like ``re.compile(pattern)`` for a pattern whose alternatives start with ``\\b`` before a letter."""

    def __init__(self, pattern: str):
        self.pattern = pattern
        branches = _branches(pattern)
        self._checks = all(b.startswith(r"\b") for b in branches)
        #: compiled on first use: most patterns are ruled out by the quick test for most texts, and
        #: compiling all of them up front took seconds of a static page's start in the browser
        self._fast = "|".join(b[2:] for b in branches) if self._checks else pattern
        self._compiled: re.Pattern | None = None
        starts = [_starts(b[2:]) for b in branches] if self._checks else [None]
        #: words one of which must be in a text for the pattern to match (None: no quick test)
        firsts = None if any(s is None for s in starts) else {_first_word(w) for s in starts for w in s}
        self.starts = None if firsts is None or "" in firsts else frozenset(firsts)

    def finditer(self, text: str, beginnings: frozenset[str] | None = None) -> Iterator[re.Match]:
        """Matches in ``text``; ``beginnings`` (from ``word_beginnings(text)``) lets it skip texts it cannot match."""
        if self.starts is not None:
            if beginnings is None:
                beginnings = word_beginnings(text)
            if self.starts.isdisjoint(beginnings):
                return
        if self._compiled is None:
            self._compiled = re.compile(self._fast)
        for m in self._compiled.finditer(text):
            if not self._checks or _at_boundary(text, m.start()):
                yield m

    def search(self, text: str, beginnings: frozenset[str] | None = None) -> re.Match | None:
        return next(self.finditer(text, beginnings), None)


_TOKEN = re.compile(r"[a-z0-9&-]+|'[a-z]+")


def word_beginnings(text: str) -> frozenset[str]:
    """Every beginning of every word in ``text`` (``kill`` -> ``k``, ``ki``, ``kil``, ``kill``), and every ``'ll``, ``'d``..."""
    return frozenset(token[:i] for token in _TOKEN.findall(text) for i in range(1, len(token) + 1))


class StartIndex:
    """Which of many patterns could match a text, from the beginnings of the words in it (one set operation)."""

    def __init__(self, starts: list[frozenset[str] | None]):
        self._always = [i for i, s in enumerate(starts) if s is None]
        self._by_word: dict[str, list[int]] = {}
        for i, s in enumerate(starts):
            for word in s or ():
                self._by_word.setdefault(word, []).append(i)
        self._words = frozenset(self._by_word)

    def candidates(self, beginnings: frozenset[str]) -> list[int]:
        """Indexes, in order, of the patterns that may match a text with these ``word_beginnings``."""
        found = set(self._always)
        for word in self._words.intersection(beginnings):
            found.update(self._by_word[word])
        return sorted(found)
