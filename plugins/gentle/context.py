"""Preparation told without naming it: a step that only means something beside a sign of finality.

"I picked a date" or "I've started giving my things away" is an everyday sentence
on its own; beside "it feels calm now", "nobody knows" or "I won't need it" in the
same or a neighbouring sentence it is someone getting ready to die. ``preparations``
finds each such step and the nearest sign within two sentences either side; a step
with no sign nearby is reported with the reason it stays quiet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

from .wordre import WordPattern, word_beginnings

# Steps people take when they are getting ready. Each is ordinary on its own; the strong ones
# need any sign nearby, the weak ones (tidying, cancelling, deleting) a sign of finality or secrecy.
_MINE = r"(?:my|all my|most of my|all of my|some of my|the last of my|the rest of my)"
STRONG_STEP = WordPattern(
    # handing things on
    rf"\b(?:giving|gave|given|give|handing|handed|hand|passing|passed|pass|leaving|left) (?:\w+ ){{0,4}}(?:away|on)\b|\b(?:gave|handed|left|promised|passed) (?:\w+ )?{_MINE} (?:\w+ ){{0,3}}to\b"
    rf"|\b(?:gave|handed|given|promised|left) (?:my |her |him |them |\w+ )?{_MINE}\b|\b(?:told|telling|tell) (?:\w+ ){{1,2}}(?:she|he|they) can have {_MINE}\b|\bwho (?:gets|should get|will get|is getting) (?:what|my)\b|\bwhat everyone (?:should|will|is to) get\b"
    r"|\b(?:rehomed|rehoming|found (?:a )?(?:new )?homes? for) (?:the|my|all my) (?:dog|dogs|cat|cats|pets?|rabbits?|birds?|fish|hamster)\b"
    # a date
    r"|\b(?:picked|chose|chosen|choose|set|decided on|settled on|know|i know|fixed) (?:a|the|which|what|my) (?:date|day|night|time)\b"
    # notes and letters
    r"|\b(?:wrote|written|writing|write|finished|rewrote|rewriting|left|sealed|signed) (?:a |the |my |(?:\w+ ){1,2}a )?(?:note|letter|letters|notes|message for)\b|\bthe (?:note|letter|letters) (?:is|are) (?:finished|written|done|ready|sealed)\b"
    r"|\b(?:said|told them|told \w+) (?:everything|all) i (?:needed|wanted|had) to say\b|\btold (?:her|him|them|my \w+) it (?:wasn't|isn't|was not|is not) (?:her|his|their|your) fault\b"
    # affairs in order
    r"|\binstructions for (?:after|when|them)\b|\bleft instructions\b|\b(?:updated|wrote|written|made|sorted|redid|redone|changed) my will\b"
    r"|\b(?:wrote|writing|written|printed|left|made) (?:down |out )?(?:a list of |all )?(?:my |the )?(?:who to (?:contact|call|tell)|who gets)\b"
    # the means, the place
    r"|\b(?:got|have|bought|gathered) everything i need\b|\b(?:got|have|bought) the (?:last|rest) of what i need\b|\bwhat i need is (?:in|under|hidden|ready)\b"
    r"|\b(?:went|go|going|been|keep going|visited|visiting|walked|drove) (?:up |back )?(?:to |past )?(?:the|that) (?:bridge|spot|cliffs?|roof|tracks|railway|edge|car park|multi-storey|station platform)\b"
    r"|\bthe house (?:will be|is going to be) empty\b|\bwho (?:will|would|is going to|'ll) (?:feed|look after|take care of|walk) (?:the|my)\b"
    r"|\bmy (?:own )?funeral\b|\bbought (?:a |some )?(?:rope|hose|charcoal|blades|razor blades)\b"
    r"|\b(?:put|sorted|counted|kept|keeping) (?:the |my )?(?:pills|tablets)\b|\bgave myself until\b|\bgiving myself until\b"
    r"|\b(?:i'?ve )?(?:got|have|made) a plan\b(?!(?: now| already)? (?:for|to|b|of)\b)|\bstopped taking my (?:\w+ )?(?:meds|medication|medicine|tablets|pills|insulin)\b"
    # the decision, and saying goodbye
    r"|\bi'?ve decided(?= *(?:[.!,]|$))|\b(?:made|i've made) (?:my|the) (?:decision|choice)\b(?! (?:to|about|between)\b)|\bmade up my mind(?= *(?:[.!,]|$))"
    r"|\b(?:saying|said|say) (?:a )?(?:proper |my |real |quiet )?(?:goodbyes?|good-byes?)\b|\bsaid goodbye to (?:my |the )?\w+ properly\b"
    r"|\b(?:tying|tie|tied|tidying) up (?:\w+ )?loose ends\b|\beverything'?s? (?:is )?in order\b|\binsurance (?:pays|will pay|would pay|covers)\b|\b(?:get|gets|have) the (?:life )?insurance\b"
)
WEAK_STEP = WordPattern(
    r"\b(?:sorted (?:out )?homes? for) (?:the|my|all my)\b|\breturn(?:ed|ing) everything i (?:borrowed|owe)\b"
    r"|\b(?:sorted|sorting|tidied|tidying|organised|organized|organising|put) (?:up |out )?(?:my |all my )?(?:finances|money|paperwork|documents|affairs|accounts|bank stuff)\b"
    r"|\b(?:wrote|writing|written|printed|left|made) (?:down |out )?(?:a list of |all )?(?:my |the )?(?:passwords|bank details|pin|pins|documents)\b|\bpasswords\b|\bspare key\b"
    r"|\bclean(?:ed|ing)? (?:my |the )?(?:whole )?(?:flat|room|house|place|bedroom)\b|\bpaid off (?:my|all my|the)\b"
    r"|\bcancel(?:led|ed|ling) (?:my |all my |the |everything)\b|\b(?:ended|stopped|closed) (?:my|the) (?:contract|membership|subscriptions?|accounts?|lease)\b"
    r"|\bdeleted (?:my|most of my|all (?:of )?my|the) (?:accounts|social media|photos|messages|profiles|ones|history|search history)\b|\bwent through (?:my|all my) (?:photos|things|stuff|messages)\b"
    r"|\b(?:a )?long hug\b"
)
# Signs nearby that a step is about dying: finality and secrecy ...
FINAL_SIGN = WordPattern(
    r"\b(?:won't|will not) (?:need|be needing|be using|be playing|be wearing|be reading)\b|\bno (?:point|reason|need) (?:in it|to (?:keep|book|plan|buy|renew|pay))\b|\bnothing left (?:to|on)\b"
    r"|\b(?:the |my )?last thing\b|\bone last\b|\bfor after\b|\b(?:after|when|once) i'?m gone\b|\bwhen the time comes\b|\bfor whoever\b"
    r"|\bwhoever (?:has to|finds|is left)\b|\bso (?:nobody|no one|noone) (?:has|will have|inherits|needs)\b|\b(?:nobody|no one) (?:has|will have) to (?:deal|sort|clean|worry|chase|ask)\b"
    r"|\bwhere it (?:will|'ll|is going to) happen\b|\bwhen it (?:will|'ll|is going to) happen\b|\bit'?s decided\b|\bthat'?s it\b|\bif anything (?:happens|should happen|were to happen)\b"
    r"|\bsoon,? i hope\b|\b(?:it will|it'll|this will) be over\b|\bwon't matter\b|\bhigher than i (?:remembered|thought)\b|\b(?:it|this) won't be long (?:now)?\b|\bpast (?:then|this (?:month|week|year)|the \d+\w*)\b"
    r"|\b(?:nobody|no one|noone) (?:knows|needs to know|suspects|will know)(?= *(?:[.,!]|$|yet|about|what|i'?m))|\b(?:he|she|they|nobody|no one) (?:doesn't|don't|didn't) (?:know|realise|realize|suspect|understand|get it)\s*(?:[.!,]|$|why|what)"
    r"|\bwithout (?:them|anyone|him|her|people) (?:knowing|realising|realizing|noticing)\b|\bso it looks normal\b|\bact normal\b|\bi'?m not\.|\bthinks? it'?s a joke\b"
    r"|\b(?:asked|ask|asking) (?:me )?why\b|\bdidn't ask why\b|\bchanged the subject\b|\blaughed(?: it off)?\b[^.!?\n]{0,15}\bi didn't\b|\blaughed it off\b|\bconfused why\b"
    r"|\b(?:if|when) nothing changes\b|\bkeep rereading\b|\bthe last line\b"
    r"|\bso it (?:doesn't|won't|does not|will not) (?:ruin|spoil)\b|\bso i (?:don't|won't) (?:ruin|spoil)\b|\b(?:to|for) each of (?:them|you)\b|\b(?:hid|hidden|hide|hiding) (?:it|them)\b|\b(?:at|in) the back of (?:the|my)\b"
    r"|\b(?:under|in) (?:my|the) (?:bed|desk|drawer|wardrobe)\b(?=\s*[.!]*$)|\bsealed\b|\b(?:don't|do not) want (?:anyone|anybody|them|people) to find\b|\bto find after\b|\bafter\s*[.!]*$"
    r"|\bworked out when\b|\b(?:i think |maybe )?(?:he|she|they) knew\b|\bbefore i could (?:do anything|do it|go through)\b|\bwith the date\b|\bbetter (?:off )?for it\b"
    r"|\blast things\b|\bwon't have to (?:do this|deal with|feel|be here|wake up)\b|\b(?:my|the) \w+ goes to \w+\b|\b(?:don't|do not) want to ruin\b|\blike i'?m finishing\b|\bif it stops,? it stops\b|\bif i die,? i die\b|\bwhatever happens,? happens\b|\bthe small print\b|\bnot your fault\b|\bfor good\b"
)
# ... or an odd calm.
CALM_SIGN = WordPattern(
    r"\bcalm for the first time\b|\bat peace\b|\bfeels? (?:\w+ )?(?:calm|lighter|peaceful|relieved|quiet)\b|\b(?:weirdly|strangely|oddly|so|very) calm\b|\bhow calm i\b|\bquiet in my head\b|\bgoes quiet\b"
    r"|\b(?:i'?m|i am|i feel) ready\s*[.!]*$|\bmakes it easier\b|\beasier to get through\b|\beasier than i (?:thought|expected)\b|\bfeels? like (?:a )?(?:relief|rest|peace)\b|\brelieved\b|\bdoesn't feel sad\b"
)


class _AnyOf:
    """Several patterns searched as one (the first that matches wins)."""

    def __init__(self, *patterns: WordPattern):
        self.patterns = patterns

    def finditer(self, text: str, beginnings: frozenset[str] | None = None) -> Iterator[re.Match]:
        for pattern in self.patterns:
            yield from pattern.finditer(text, beginnings)


ANY_SIGN = _AnyOf(FINAL_SIGN, CALM_SIGN)
# An everyday reason for the step, in its own sentence: a wedding, a move, a cat sitter, someone else's death.
EVERYDAY = WordPattern(
    r"\b(?:wedding|birthdays?|christening|graduation|party|landlord|sitter|neighbour|neighbor|moving|move|moved|charity shop|declutter\w*|"
    r"spring clean\w*|downsiz\w*|new job|new flat|new house|holiday|trip|camping|surgery|operation|baby|kids|grown|school|"
    r"abroad|spain|exam|essay|project|deadline|course|leaving do|leaving card|colleagues?|retire\w*|tidy|guests|visitors|inspection|"
    r"vet|vets|memorial|grave|hospice|ashes|put down|put to sleep|passed away|(?:his|her|their|\w+'s) funeral|(?:she|he|they)(?:'s|'re| is| are| has| have)? (?:gone|passed|died))\b"
)


# Goodbyes and apologies: one alone is ordinary, two together are a farewell.
FAREWELL = WordPattern(
    r"\bsorry for everything\b|\bi love you all\b|\blove you all\b|\bgoodbye\b|\bbye (?:everyone|all|for now)\b|\b(?:it'?s|it is) not your fault\b"
    r"|\bthank you for (?:everything|trying|all you did|being there|trying to help)\b|\bplease forgive me\b|\bforgive me\b|\bi'?m sorry\s*[.!]*$"
)
# Giving up ("I'm finished") beside hopelessness.
GIVING_UP = WordPattern(
    r"\b(?:i'?m|i am) (?:finished|done)\s*[.!]*$|\bi give up\s*[.!]*$|\bi'?m (?:out|done) (?:now)?\s*[.!]*$"
)
HOPELESS = WordPattern(
    r"\bnothing (?:is going to|will|is ever going to|ever) (?:change|get better|help)\b|\bstopped pretending\b|\bno point\b|\bhopeless\b"
    r"|\b(?:can't|cannot) do this\b|\btired of (?:everything|it all|all of it|trying|being me)\b|\bnever (?:going to )?get better\b"
)
# Scars counted with new ones added.
SCARS = WordPattern(r"\b(?:counted|count|counting|looked at|looking at) (?:the|my) (?:scars|cuts|marks|burns)\b")
ADDED = WordPattern(r"\b(?:added|made|another|new ones?|fresh ones?|(?:two|three|four|a few|some|\d+) (?:more|new))\b")

# Another try, beside what happened.
ANOTHER_TRY = WordPattern(
    r"\b(?:my )?(?:second|third|fourth|another|last|latest) (?:try|go|time trying)\b(?! (?:at|on|with|of|in|for|to)\b)"
)
AFTERMATH = WordPattern(
    r"\b(?:pills|tablets|overdose|hospital|woke up|a&e|ambulance|on the floor|didn't work|still here|rope|bridge|pumped|stitches|found me)\b"
)

# Stitches or glue, with the cover story.
STITCHES = WordPattern(r"\b(?:stitches|stitched|glued|steri-strips?|butterfly strips?)\b")
COVER = WordPattern(
    r"\b(?:told|tell|said to) (?:them|the nurse|the doctor|everyone|her|him) it was (?:an accident|the cat|the dog|a fall)\b|\bit wasn't\s*[.!]*$|\blied about (?:how|what|why)\b"
)
# "I tried" with nothing after it, beside surviving.
TRIED = WordPattern(r"\bi tried(?= *(?:[.,!]|$|last night|yesterday|again|on \w+day))")
SURVIVED = WordPattern(r"\b(?:still here|woke up|didn't work|did not work|survived|in hospital|they found me)\b")

RULES = (
    ("plan", STRONG_STEP, ANY_SIGN),
    ("plan", WEAK_STEP, FINAL_SIGN),
    ("ending", FAREWELL, FAREWELL),
    ("ending", GIVING_UP, HOPELESS),
    ("self_harm", SCARS, ADDED),
    ("direct", ANOTHER_TRY, AFTERMATH),
    ("self_harm", STITCHES, COVER),
    ("direct", TRIED, SURVIVED),
)


class Preparation(NamedTuple):
    kind: str
    sentence: int  # index of the sentence with the step
    start: int  # the step's span in that sentence
    end: int
    words: str  # the step and its sign, as found
    quiet_because: str | None


def _sign(
    text: str,
    spans: list[tuple[int, int]],
    beginnings: list[frozenset[str]],
    i: int,
    step: re.Match,
    sign: WordPattern | _AnyOf,
) -> re.Match | None:
    """The nearest sign within two sentences of sentence ``i`` (not the step itself)."""
    for j in (i, i + 1, i - 1, i + 2, i - 2):
        if 0 <= j < len(spans):
            for m in sign.finditer(text[spans[j][0] : spans[j][1]], beginnings[j]):
                if j != i or m.end() <= step.start() or m.start() >= step.end():
                    return m
    return None


def preparations(
    text: str, spans: list[tuple[int, int]], beginnings: list[frozenset[str]] | None = None
) -> Iterator[Preparation]:
    """Each step in ``text`` (already normalised and cut into ``spans``), with its sign or its reason to stay quiet.

    ``beginnings`` are ``word_beginnings`` of each sentence, if the caller has them already.
    """
    if beginnings is None:
        beginnings = [word_beginnings(text[s:e]) for s, e in spans]
    for i, (s, e) in enumerate(spans):
        sentence = text[s:e]
        for kind, step_pattern, sign_pattern in RULES:
            for step in step_pattern.finditer(sentence, beginnings[i]):
                if kind in ("plan", "ending") and EVERYDAY.search(sentence):
                    yield Preparation(kind, i, step.start(), step.end(), step.group(), "an everyday plan")
                    continue
                sign = _sign(text, spans, beginnings, i, step, sign_pattern)
                words = f"{step.group()} ... {sign.group()}" if sign else step.group()
                yield Preparation(
                    kind, i, step.start(), step.end(), words, None if sign else "no sign nearby that it is about dying"
                )
