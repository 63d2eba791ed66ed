"""Put the phrases and the scope rules together: what a text says, and whether the note should show."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from . import scope
from .context import preparations
from .wordre import word_beginnings
from .normalise import normalise
from .phrases import PHRASES, Phrase



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
    words = sentence[start:end]
    return (scope.literal(sentence, start, end, phrase.kind)
            or scope.ordinary(sentence, phrase.kind, words)
            or scope.rated(sentence, following)
            or scope.general(sentence, start)
            or scope.mortal(sentence, words)
            or scope.denied_later(sentence, start, end)
            or scope.hypothetical(sentence, start)
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
        following = text[spans[i + 1][0]:spans[i + 1][1]] if i + 1 < len(spans) else ""
        beginnings = word_beginnings(sentence)
        for phrase in PHRASES:
            if phrase.pattern.starts is not None and phrase.pattern.starts.isdisjoint(beginnings):
                continue  # none of the words it starts with is here (the quick test for most phrases)
            for m in phrase.pattern.finditer(sentence, beginnings):
                yield Finding(phrase.kind, m.group(), _judge(phrase, sentence, following, m.start(), m.end()))
    for step in preparations(text, spans):
        sentence = text[spans[step.sentence][0]:spans[step.sentence][1]]
        yield Finding(step.kind, step.words, step.quiet_because or _judge_step(step.kind, sentence, step.start, step.end))


def _judge_step(kind: str, sentence: str, start: int, end: int) -> str | None:
    """A step is the writer's own unless someone else is its subject; only a denial before it counts (its sign may be negative)."""
    if re.search(r"\bwe\s+$", sentence[:start]):
        return "someone else's"  # "we said goodbye to the dog"
    return (scope.playful(sentence, "", start, end, kind)
            or scope.negated_before(sentence, start)
            or scope.speaker(sentence, start, own=True)
            or scope.when(sentence, start, end))


def findings(text: str) -> list[Finding]:
    """Every phrase about suicide or self-harm in ``text``, each with the reason it does not count, if any."""
    return list(_find(text))


def mentions_self_harm(text: str) -> bool:
    """True when ``text`` speaks of the writer's own wish to die, plan, self-harm or not being safe, now."""
    return any(f.counts for f in _find(text))
