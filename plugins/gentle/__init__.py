"""The gentle check's language rules: normalise a text, find phrases about suicide or self-harm, keep those in scope.

``normalise`` undoes typography, masking and text-speak; ``phrases`` lists what
people write, by kind; ``scope`` decides whether a phrase is the writer's own,
present experience (not negated, not someone else's, not long past, not a
joke, not a literal injury); ``context`` finds steps that only count beside a
sign in a neighbouring sentence (a date picked, then "it feels calm");
``wordre`` makes the expressions fast; ``check`` puts them together.
"""
from .check import Finding, findings, mentions_self_harm
from .normalise import normalise

__all__ = ["Finding", "findings", "mentions_self_harm", "normalise"]
