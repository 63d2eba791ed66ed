"""Put the phrases and the scope rules together: what a text says, and whether the note should show."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from . import scope
from .normalise import normalise
from .phrases import PHRASES, Phrase

# One pass to skip sentences none of the phrases can match (most sentences people write).
ANY_PHRASE = re.compile("|".join(f"(?:{phrase.pattern.pattern})" for phrase in PHRASES))


@dataclass(frozen=True)
class Finding:
    """One phrase found in a text: its kind, the words, and why it is out of scope (None: in scope)."""

    kind: str
    words: str
    quiet_because: str | None = None

    @property
    def counts(self) -> bool:
        return self.quiet_because is None


def _judge(phrase: Phrase, sentence: str, following: str, start: int, end: int) -> str | None:
    return (scope.literal(sentence, start, end, phrase.kind)
            or scope.ordinary(sentence, phrase.kind)
            or scope.playful(sentence, following, start, end, phrase.kind)
            or scope.asked(sentence, start, following)
            or scope.answered_no(sentence, following)
            or scope.negated(sentence, start, end)
            or scope.topic(sentence, start, end, phrase.topic)
            or scope.speaker(sentence, start, phrase.own)
            or scope.when(sentence, start, end))


def _find(text: str) -> Iterator[Finding]:
    text = normalise(text)
    spans = scope.sentences(text)
    for i, (s, e) in enumerate(spans):
        sentence = text[s:e]
        if not ANY_PHRASE.search(sentence):
            continue
        following = text[spans[i + 1][0]:spans[i + 1][1]] if i + 1 < len(spans) else ""
        for phrase in PHRASES:
            for m in phrase.pattern.finditer(sentence):
                yield Finding(phrase.kind, m.group(), _judge(phrase, sentence, following, m.start(), m.end()))


def findings(text: str) -> list[Finding]:
    """Every phrase about suicide or self-harm in ``text``, each with the reason it does not count, if any."""
    return list(_find(text))


def mentions_self_harm(text: str) -> bool:
    """True when ``text`` speaks of the writer's own wish to die, plan, self-harm or not being safe, now."""
    return any(f.counts for f in _find(text))
