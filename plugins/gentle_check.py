"""A gentle check: on clear self-harm or suicide language, show a kind note beside the help panel.

It matches words on the person's own machine. It does not assess risk, never
blocks, never stores a flag, and misses much of what people write when they
are struggling. Turn it off with ``INNERWORK_DISABLE_PLUGINS=gentle_check``.
"""
from __future__ import annotations

import re

import innerwork

NOTE = (
    "**You don't have to carry this alone.** Some of what you wrote sounds very heavy. "
    "If you are thinking about hurting yourself or ending your life, please reach out now: "
    "a crisis line below, your therapist, or someone you trust.\n\n"
    "*This note comes from simple word matching on this device. Nothing was saved or sent, "
    "and you can hide it and carry on.*"
)

_SELF = r"(?:myself|my self)"
# Phrases that plainly speak of ending one's life or hurting oneself.
_PHRASES = [
    r"\bkill(?:ing|ed)? myself\b(?! laughing)",
    r"\bsuicid(?:e|al)\b(?! (?:prevention|awareness))",
    r"\bself[- ]?harm(?:ing)?\b",
    rf"\b(?:hurt|harm|cut|injure|burn)(?:ing|s)? {_SELF}\b",
    r"\b(?:end|ending|take|taking) (?:my|my own) life\b",
    r"\bend (?:it|it all|everything) (?:all|now|tonight|today|for good)\b",
    r"\b(?:want|wanted|wanting|going|wish) to (?:die|be dead)\b(?! (?:of|from|laughing))",
    r"\bwish (?:i|i'd) (?:was|were|had) (?:dead|never been born)\b",
    r"\bbetter off dead\b",
    r"\b(?:everyone|everybody|they|people|family|world)(?: would)?(?: all)? be better off without me\b",
    r"\b(?:do not|don't|dont) want to (?:live|be alive|exist|wake up|be here any ?more)\b",
    r"\bno (?:reason|point) (?:to|in) (?:live|living|being alive|going on)\b",
    r"\b(?:overdose|overdosing)\b",
]
PATTERN = re.compile("|".join(f"(?:{p})" for p in _PHRASES))
# A negation shortly before a phrase in the same clause ("I'm not going to hurt myself").
NEGATION = re.compile(r"\b(?:not|never|no(?! one| body)|nor|no longer|(?:do|does|did|is|was|have|has|had|wo|would)n'?t)\b")
# Words that keep the meaning open despite a negation ("not sure I won't hurt myself").
UNSURE = re.compile(r"\b(?:not sure|don't know|dont know|can't promise|cant promise|scared|afraid|worried|might)\b")
CLAUSE = re.compile(r"[.;:!?\n]+|,| but | and | because | so ")


def normalise(text: str) -> str:
    """Lower case, straight apostrophes, single spaces."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    return re.sub(r"\s+", " ", text)


def mentions_self_harm(text: str) -> bool:
    """True when some clause of ``text`` plainly speaks of self-harm or suicide, and is not negated."""
    for clause in CLAUSE.split(normalise(text)):
        for match in PATTERN.finditer(clause):
            before = clause[max(0, match.start() - 40):match.start()]
            if NEGATION.search(before) and not UNSURE.search(before):
                continue
            return True
    return False


@innerwork.hookimpl
def answer_notice(text):
    return NOTE if mentions_self_harm(text) else None
