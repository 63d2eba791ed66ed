"""The gentle check: written rules and a small classifier that notice when someone writes about wanting to die or hurting themselves.

``normalise`` undoes typography, masking and text-speak; ``phrases`` lists what
people write, by kind; ``scope`` decides whether a phrase is the writer's own,
present experience (not negated, not someone else's, not long past, not a
joke, not a literal injury); ``context`` finds steps that only count beside a
sign in a neighbouring sentence (a date picked, then "it feels calm");
``wordre`` makes the expressions fast. ``features``, ``concepts`` and ``model``
are the classifier (weights in ``model.json``, trained by ``train``); ``check``
puts rules and classifier together (``should_notice``) and says why (``explain``).
"""

from .check import Explanation, Finding, explain, findings, mentions_self_harm, should_notice
from .normalise import normalise

__all__ = ["Explanation", "Finding", "explain", "findings", "mentions_self_harm", "normalise", "should_notice"]
