"""Put the phrases and the scope rules together: what a text says, and whether the note should show."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from . import scope
from .context import preparations
from .normalise import normalise
from .phrases import PHRASES, Phrase
from .wordre import StartIndex, word_beginnings

_PHRASE_INDEX = StartIndex([phrase.pattern.starts for phrase in PHRASES])


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
    beginnings_by_sentence = [word_beginnings(text[s:e]) for s, e in spans]
    for i, (s, e) in enumerate(spans):
        sentence = text[s:e]
        beginnings = beginnings_by_sentence[i]
        following = text[spans[i + 1][0]:spans[i + 1][1]] if i + 1 < len(spans) else ""
        for index in _PHRASE_INDEX.candidates(beginnings):  # only phrases whose first words are here
            phrase = PHRASES[index]
            for m in phrase.pattern.finditer(sentence, beginnings):
                yield Finding(phrase.kind, m.group(), _judge(phrase, sentence, following, m.start(), m.end()))
    for step in preparations(text, spans, beginnings_by_sentence):
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
