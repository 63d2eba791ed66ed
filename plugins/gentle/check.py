"""Put the phrases, the scope rules and the classifier together: what a text says, and whether the note should show.

The rules decide first. A phrase that counts shows the note; a phrase the
scope rules keep quiet (negated, someone else's, long past, a joke, an
accident...) keeps it quiet, whatever the classifier says. Only when the rules
find nothing either way does the classifier (``model``) decide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import scope
from .context import preparations
from .model import Contribution, load
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
    return (
        scope.literal(sentence, start, end, phrase.kind)
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
        or scope.others_act(sentence, start, end)
        or scope.coped(sentence, following)
        or scope.speaker(sentence, start, phrase.own)
        or scope.when(sentence, start, end)
    )


def _find(text: str) -> Iterator[Finding]:
    """Findings in ``text``, already normalised."""
    spans = scope.sentences(text)
    beginnings_by_sentence = [word_beginnings(text[s:e]) for s, e in spans]
    for i, (s, e) in enumerate(spans):
        sentence = text[s:e]
        beginnings = beginnings_by_sentence[i]
        following = text[spans[i + 1][0] : spans[i + 1][1]] if i + 1 < len(spans) else ""
        for index in _PHRASE_INDEX.candidates(beginnings):  # only phrases whose first words are here
            phrase = PHRASES[index]
            for m in phrase.pattern.finditer(sentence, beginnings):
                yield Finding(phrase.kind, m.group(), _judge(phrase, sentence, following, m.start(), m.end()))
    for step in preparations(text, spans, beginnings_by_sentence):
        sentence = text[spans[step.sentence][0] : spans[step.sentence][1]]
        yield Finding(
            step.kind, step.words, step.quiet_because or _judge_step(step.kind, sentence, step.start, step.end)
        )


def _judge_step(kind: str, sentence: str, start: int, end: int) -> str | None:
    """A step is the writer's own unless someone else is its subject; only a denial before it counts (its sign may be negative)."""
    if re.search(r"\bwe\s+$", sentence[:start]):
        return "someone else's"  # "we said goodbye to the dog"
    return (
        scope.playful(sentence, "", start, end, kind)
        or scope.negated_before(sentence, start)
        or scope.speaker(sentence, start, own=True)
        or scope.when(sentence, start, end)
    )


def findings(text: str) -> list[Finding]:
    """Every phrase about suicide or self-harm in ``text``, each with the reason it does not count, if any."""
    return list(_find(normalise(text)))


def mentions_self_harm(text: str) -> bool:
    """The rules alone: True when a phrase in ``text`` speaks of the writer's own wish to die, plan, self-harm or not being safe, now."""
    return any(f.counts for f in _find(normalise(text)))


#: Why a phrase is not the writer's own, present experience. The classifier cannot overrule these
#: ("no sign nearby that it is about dying" is not among them: a step alone is left to the classifier).
SCOPE_REASONS = frozenset(
    {
        "negated",
        "answered no",
        "a question",
        "a question someone asked",
        "someone else's",
        "someone else's words",
        "a topic",
        "work",
        "long ago",
        "recovered",
        "a joke",
        "a figure of speech",
        "an accident",
        "an idiom",
        "an everyday plan",
        "a rating answered low",
        "said of people in general",
        "thinking about death after a loss or a scare",
        "a fright, not a wish",
        "coped",
    }
)


def rules_verdict(found: Iterable[Finding]) -> bool | None:
    """True: a phrase counts. False: the scope rules keep a phrase quiet. None: nothing either way (the classifier decides).

    Stops at the first phrase that counts, so a clear text is not read to its end.
    """
    kept_quiet = False
    for finding in found:
        if finding.counts:
            return True
        kept_quiet = kept_quiet or finding.quiet_because in SCOPE_REASONS
    return False if kept_quiet else None


def rules_decision(text: str) -> bool | None:
    """``rules_verdict`` on the phrases of ``text`` (not yet normalised)."""
    return rules_verdict(_find(normalise(text)))


def should_notice(text: str) -> bool:
    """What the page uses: the rules, then the classifier when the rules find nothing either way."""
    normalised = normalise(text)
    verdict = rules_verdict(_find(normalised))
    if verdict is not None:
        return verdict
    model = load()
    return model.score(normalised) >= model.threshold


@dataclass(frozen=True)
class Explanation:
    """Why ``should_notice`` decided as it did, for tests and for people reviewing the check."""

    notice: bool
    #: "the rules", "the rules' scope: <reason>", or "the classifier"
    decided_by: str
    findings: list[Finding]
    score: float
    threshold: float
    #: the features that pushed the classifier's score up most, strongest first (words of the text in each)
    towards: list[Contribution]
    #: the features that pulled it down most, strongest first
    against: list[Contribution]


def explain(text: str, top: int = 5) -> Explanation:
    """The decision on ``text`` with the rules' findings and the classifier's strongest features either way."""
    normalised = normalise(text)
    found = list(_find(normalised))
    verdict = rules_verdict(found)
    model = load()
    score = model.score(normalised)
    contributions = model.contributions(normalised)
    if verdict is True:
        decided_by = "the rules"
    elif verdict is False:
        decided_by = "the rules' scope: " + next(f.quiet_because for f in found if f.quiet_because in SCOPE_REASONS)
    else:
        decided_by = "the classifier"
    return Explanation(
        notice=verdict if verdict is not None else score >= model.threshold,
        decided_by=decided_by,
        findings=found,
        score=score,
        threshold=model.threshold,
        towards=[c for c in contributions if c.weight > 0][:top],
        against=[c for c in reversed(contributions) if c.weight < 0][:top],
    )
