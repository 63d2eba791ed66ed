"""Turn what people type into plain lower-case English the phrase rules can read.

Unicode (NFKC, look-alike letters, every apostrophe and hyphen), masking
(``k*ll``, ``su1c1de``, ``k i l l``), stretched letters (``dieeee``),
common misspellings and text-speak (``kms``, ``unalive``, ``sewer slide``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .wordre import WordPattern, word_beginnings

# Letters from other scripts that look like Latin ones (NFKC keeps them apart).
_LOOKALIKES = str.maketrans("аеорсухіјѕԁԛԝАЕОРСУХІЈЅΑΒΕΗΙΚΜΝΟΡΤΥΧαοερν", "aeopcyxijsdqwAEOPCYXIJSABEHIKMNOPTYXaoepv")
_INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u2060-\u2064\ufeff\u180e]")
_APOSTROPHES = re.compile("[\u2018\u2019\u201a\u201b\u02b9\u02bb\u02bc\u02bd\u02c8\u0060\u00b4\u2032\u2035\uff07]")
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d\u2e3a\u2e3b"
_SPACED_DASH = re.compile(rf"\s+[{_DASHES}-]+\s+|\s*[\u2014\u2015\u2e3a\u2e3b]\s+|\s+[\u2014\u2015]\s*")
_DASH = re.compile(f"[{_DASHES}]")
_QUOTES = re.compile('[\u201c\u201d\u201e\u201f\u00ab\u00bb"]')
_LAUGH_EMOJI = re.compile("[\U0001f602\U0001f923\U0001f480\U0001f606\U0001f639\u2620]")
_OTHER_EMOJI = re.compile("[\U0001f300-\U0001faff\u2600-\u27bf\ufe0f]")

# The words the phrase rules are built from: a masked or stretched token is read as one of these.
VOCABULARY = (
    "kill killing killed myself self suicide suicidal suicidally die dying dead death harm harming harmed "
    "cut cutting hurt hurting overdose overdosing overdosed hang hanging life alive want wanna live end "
    "pills noose blade razor burn burning unalive safe to dieing"
).split()
_SPACED_WORDS = sorted(
    set(VOCABULARY) | {"i", "my", "to", "it", "all", "be", "me", "want", "am", "going", "gonna"}, key=len, reverse=True
)
_LEET = {"1": "[il]", "!": "[il]", "|": "[il]", "3": "e", "0": "o", "4": "a", "@": "a", "$": "s", "5": "s", "7": "t"}
_MASK = set("*#_.?%^~+")
_MASKED_TOKEN = re.compile(r"(?<![\w*#@$!|])[a-z][a-z0-9*#@$!|_.%^~+]*[a-z0-9*#@$!|]\b|\b[a-z0-9*#@$!|]+[a-z]\b")
# Words in single quotes ('after', 'when the time comes') lose the quotes; apostrophes in words stay.
_QUOTED_WORDS = re.compile(r"(?<![\w'])'([a-z][^'\n]{0,40}?[a-z.!?])'(?![\w'])")
_SPEECH = re.compile(
    r"\b(?:say|says|said|saying|sing|sings|sang|wrote|writes|yell\w*|shout\w*|asks?|asked|tells?|told me)\W*$"
)


def _unquote(match: re.Match) -> str:
    """``instructions for 'after'`` -> ``instructions for after``; quoted speech keeps its quotes (whose words they are matters)."""
    return match.group() if _SPEECH.search(match.string[max(0, match.start() - 12) : match.start()]) else match.group(1)


_STRETCHED = re.compile(r"([a-z])\1{2,}")
_SPACED_LETTERS = re.compile(r"\b(?:[a-z][ .*_-]){2,}[a-z]\b")

MISSPELLINGS = {
    "suicde": "suicide",
    "sucide": "suicide",
    "suiside": "suicide",
    "suacide": "suicide",
    "suiscide": "suicide",
    "suiceide": "suicide",
    "suicid": "suicide",
    "suicied": "suicide",
    "siucide": "suicide",
    "suicidee": "suicide",
    "sucidal": "suicidal",
    "suicidle": "suicidal",
    "suicidel": "suicidal",
    "suisidal": "suicidal",
    "suicdal": "suicidal",
    "suicidial": "suicidal",
    "suacidal": "suicidal",
    "sucicidal": "suicidal",
    "suicidual": "suicidal",
    "suisidle": "suicidal",
    "sucidle": "suicidal",
    "siucidal": "suicidal",
    "myslef": "myself",
    "mysef": "myself",
    "myselfe": "myself",
    "meself": "myself",
    "mysel": "myself",
    "myslf": "myself",
    "mysself": "myself",
    "mself": "myself",
    "myseld": "myself",
    "mysefl": "myself",
    "kil": "kill",
    "kll": "kill",
    "kiil": "kill",
    "kilk": "kill",
    "klil": "kill",
    "kilng": "killing",
    "killin": "killing",
    "diee": "die",
    "ddie": "die",
    "deid": "dead",
    "ded": "dead",
    "ovedose": "overdose",
    "overdos": "overdose",
    "overdoze": "overdose",
    "selfharm": "self-harm",
    "selfharming": "self-harming",
    "selfharmed": "self-harmed",
    "selfharms": "self-harms",
    "alove": "alive",
    "alivee": "alive",
    "wana": "wanna",
    "wnat": "want",
    "wnt": "want",
}
# Text-speak and contractions written without apostrophes, as (pattern, replacement).
TEXT_SPEAK = [
    (r"\bun-aliv", "unaliv"),
    # numbers and short forms first, so the rules below see whole words ("want 2 sh" -> "want to sh")
    (r"\b(want|wanna|need|going|gonna|ready|wish|like|have|got|tryna|urge|urges) 2\b", r"\1 to"),
    (r"\b2 (die|live|be|b|sh|cut|self)\b", r"to \1"),
    (r"\bn ?e ?more\b", "anymore"),
    (r"\babt\b", "about"),
    (r"\b2day\b", "today"),
    (r"\bnite\b", "night"),
    (r"\bsrsly\b", "seriously"),
    (r"\bw/\b", "with"),
    (r"\bhavin\b", "having"),
    (r"\bthot?s\b", "thoughts"),
    (r"\bi ?wtd\b", "i want to die"),
    (r"\bi?wtkms\b", "i want to kill myself"),
    (r"\bidwtl\b", "i don't want to live"),
    (r"\bidwtbh\b", "i don't want to be here"),
    (r"\bno1\b", "no one"),
    (r"\bsum1\b", "someone"),
    (r"\bany1\b", "anyone"),
    (r"\bwud\b", "would"),
    (r"\bcud\b", "could"),
    (r"\bshud\b", "should"),
    (r"\bwudnt\b", "wouldn't"),
    (r"\bb4\b", "before"),
    (r"\b(?:lyf|lyfe)\b", "life"),
    (r"\bcuttin\b", "cutting"),
    (r"\bdieing\b", "dying"),
    (r"\bd[- ]word\b", "die"),
    (r"\b(?:the )?s[- ]word\b", "suicide"),
    (r"\b(want|wanted|wanna)-to-be-(dead|gone)\b", r"\1 to be \2"),
    (
        r"\bkms\b(?= (?:the|this|that|my) (?:\w+ ){0,2}(?:is|are|was|keeps|again|won't|homework|wifi|printer|traffic))",
        "ugh",
    ),
    (r"\b(?:neck|necking|necked) myself\b", "hang myself"),
    (r"\b(going to|gonna|want to|wanna|about to|finna) rope\b(?! (?:in|off|them|him|her|you))", r"\1 kill myself"),
    (r"\bwtd\b(?= (?:rn|tonight|again|so bad))", "want to die"),
    (
        r"\b(want to|wanna|going to|gonna|just|i'?ll|to|i) (?:dye|dy|dii)\b(?! (?:my|it|the|your|her|his|them|a|some|this|that)\b)",
        r"\1 die",
    ),
    (r"\bself[\s-]?delet(?:e|ion)\b", "kill myself"),
    (r"\bself[\s-]?deleting\b", "killing myself"),
    (r"\bself[\s-]?deleted\b", "killed myself"),
    (r"\bdelete myself\b", "kill myself"),
    (r"\bdeleting myself\b", "killing myself"),
    (r"\bdeleted myself\b", "killed myself"),
    (r"\byeet(?:ing|ed)? myself\b", "throw myself"),
    (r"\b(?:s/i|si/sh|s\.i\.)(?=\W|$)", "suicidal thoughts"),
    (r"(?<!suicidal )(?<!homicidal )\bideation\b", "suicidal ideation"),
    (
        r"\bcatch(?:ing)? the bus\b(?= (?:if (?:you|u) know|for good|permanently|forever|one way|tonight for good))",
        "suicide",
    ),
    (r"\bkms+\b", "kill myself"),
    (r"\bk\.m\.s\.?", "kill myself"),
    (r"\bunaliv(?:e|ing|ed)\s+(?:my ?self|me)\b", "kill myself"),
    (r"\bunaliving\b(?! (?:my|the|a|an|this|that|your|his|her|their|it)\b)", "killing myself"),
    (r"\bunalived\b(?! (?:my|the|a|an|this|that|your|his|her|their|it)\b)", "killed myself"),
    (r"\bunalive\b(?! (?:my|the|a|an|this|that|your|his|her|their|it)\b)", "kill myself"),
    (r"\bunaliv(?:e|ing|ed)\b", "kill"),
    (r"\bctb\b", "suicide"),
    (r"\bsui\b", "suicide"),
    (r"\bsuis\b", "suicide"),
    (r"\b(?:the|my|bad|of|about|with|and|is|r|are|having) si\b", lambda m: m.group()[:-2] + "suicidal thoughts"),
    (r"^si (?=is|has|was|thoughts|urges|again|rn|today|tonight)", "suicidal thoughts "),
    (r"^(?:tw|cw) ?sh\b", "self-harm"),
    (r"\bsh\.", "self-harm."),
    (r"\bsewer[\s-]*slid(?:e|ing)\b", "suicide"),
    (r"\bsewerslid(?:e|ing)\b", "suicide"),
    (r"\bsewer[\s-]*slidal\b", "suicidal"),
    (r"\bcommit(?:ting)? sudoku\b", "commit suicide"),
    (r"\bself[\s-]+(harm|injur)", r"self-\1"),
    (r"\bs/h(?:'?(ing|ed|d))?\b", r"self-harm\1"),
    (r"\bsh'?ing\b", "self-harming"),
    (r"\bsh'd\b", "self-harmed"),
    (r"\b(on|to|wanna|the|my|of|from|about|urge to|urges to|want to|and|from) sh\b", r"\1 self-harm"),
    (r"\bsh (urges?|again|scars?|tonight|rn|relapse)\b", r"self-harm \1"),
    (r"\bo\.?d'?(?:d|ed)\b", "overdosed"),
    (r"\bo\.?d'?ing\b", "overdosing"),
    (r"\b(gonna|going to|wanna|want to|to|will|i'll|might|almost|nearly|could|just) od\b", r"\1 overdose"),
    (r"\b(off|offing|offed|end|ending) my ?self\b", r"kill myself"),
    (r"\bmy self\b", "myself"),
    (r"\bme self\b", "myself"),
    (r"\bwanna\b", "want to"),
    (r"\bwana\b", "want to"),
    (r"\bgonna\b", "going to"),
    (r"\bgotta\b", "got to"),
    (r"\btryna\b", "trying to"),
    (r"\bfinna\b", "going to"),
    (r"\b(?:imma|i'?ma)\b", "i'm going to"),
    (r"\b(want|need|going|ready|wish|like|have|got) 2\b", r"\1 to"),
    (r"\b2 (die|live|be)\b", r"to \1"),
    (r"\b(to|wanna|want to|just|i|gonna|going to) b\b", r"\1 be"),
    (r"\b4ever\b", "forever"),
    (r"\b(?:2nite|2night|tonite|tn)\b", "tonight"),
    (r"\b(?:tmrw|tmr|tmrrw|2moro|tomoz)\b", "tomorrow"),
    (r"\brn\b", "right now"),
    (r"\bidw\b", "i don't want"),
    (r"\bidk\b", "i don't know"),
    (r"\bidc\b", "i don't care"),
    (r"\bngl\b", "not going to lie"),
    (r"\brly\b", "really"),
    (r"\br\b(?= (?:back|loud|bad|here|so|getting|always|really|the))", "are"),
    (r"\bid\b(?= (?:never|rather|be|been|just|love|like|have|kill|die|hurt|end))", "i'd"),
    (r"\bfr\b", "for real"),
    (r"\bppl\b", "people"),
    (r"(?<![.])\bu\b(?![.])", "you"),
    (r"\bur\b", "your"),
    (r"\b(?:cuz|coz|bc)\b", "because"),
    (r"\bw/o\b", "without"),
    (r"\bsmth\b", "something"),
    (r"\bim\b", "i'm"),
    (r"\bive\b", "i've"),
    (r"\bill\b(?= (?:be|do|try|just|never|kill|end|die|go|probably|cut|hurt|still|make))", "i'll"),
    (r"\b(what|if|think|when|how) ill\b", r"\1 i'll"),
    (r"\bi'd\b", "i'd"),
    (r"\b(do|does|did|is|are|was|were|have|has|had|would|could|should|must)nt\b", r"\1n't"),
    (r"\bdont\b", "don't"),
    (r"\bcant\b", "can't"),
    (r"\bwont\b(?! to)", "won't"),
    (r"\baint\b", "ain't"),
    (r"\bcannot\b", "can't"),
    (r"\bcan not\b", "can't"),
    (r"\bdon't wan't\b", "don't want"),
    (r"\b(\w+) '(m|s|re|ve|d|ll|t)\b", r"\1'\2"),
]
# Each with the words it can start with (None: it must always run), so most texts skip most rules.
_TEXT_SPEAK = [(re.compile(p), WordPattern(p).starts, r) for p, r in TEXT_SPEAK]


def _squeeze(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


_SQUEEZED = {_squeeze(w): w for w in VOCABULARY}


@lru_cache(maxsize=4096)
def unmask(token: str) -> str:
    """``k*ll`` -> ``kill``, ``su1c1dal`` -> ``suicidal``, ``dieeee`` -> ``die``, ``myslef`` -> ``myself``."""
    core = token.rstrip(".!?")
    tail = token[len(core) :]
    if not core:
        return token
    if core in MISSPELLINGS:
        return MISSPELLINGS[core] + tail
    if any(not ch.isalpha() and ch != "'" and ch != "-" for ch in core) and any(ch.isalpha() for ch in core):
        pattern = "".join("[a-z]" if ch in _MASK else _LEET.get(ch, re.escape(ch)) for ch in core)
        found = [w for w in VOCABULARY if re.fullmatch(pattern, w)]
        if len(found) == 1:
            return found[0] + tail
    if _STRETCHED.search(core) and _squeeze(core) in _SQUEEZED:
        return _SQUEEZED[_squeeze(core)] + tail
    return token


@lru_cache(maxsize=256)
def _segment(letters: str) -> str | None:
    """``killmyself`` -> ``kill myself`` using the vocabulary, or None."""
    if not letters:
        return ""
    for word in _SPACED_WORDS:
        if letters.startswith(word):
            rest = _segment(letters[len(word) :])
            if rest is not None:
                return (word + " " + rest).strip()
    return None


_STRONG = re.compile(r"\b(?:kill|myself|suicid\w*|die|dead|harm)\b")


def _split_run_together(match: re.Match) -> str:
    """``killmyself`` -> ``kill myself`` (words joined by an invisible character or typed together)."""
    word = match.group()
    if word in VOCABULARY:
        return word
    split = _segment(word)
    return split if split and " " in split and _STRONG.search(split) else word


def _join_spaced(match: re.Match) -> str:
    """``s u i c i d e`` -> ``suicide``; a trailing one-letter word stays apart (``s.u.i.c.i.d.e a lot``)."""
    letters = re.sub(r"[ .*_-]", "", match.group())
    whole = _segment(letters)
    if whole is not None:
        return whole
    if len(letters) > 3 and match.group()[-2] == " " and _segment(letters[:-1]) is not None:
        return _segment(letters[:-1]) + " " + letters[-1]
    return match.group() if len(letters) <= 3 else letters


def _join_one_word_sentences(text: str) -> str:
    """``I. Want. To. Die.`` -> ``i want to die.`` (words cut up by full stops for emphasis)."""
    return re.sub(r"\b(?:[\w']+[.!]+ +){2,}[\w']+\b", lambda m: re.sub(r"[.!]+ +", " ", m.group()), text)


def normalise(text: str) -> str:
    """Plain lower-case text with straight apostrophes, plain hyphens and single spaces; masking and text-speak undone.

    A dash between spaces becomes a comma (it separates clauses); laughing emoji become ``lol``.
    """
    text = unicodedata.normalize("NFKC", text).translate(_LOOKALIKES)
    text = _INVISIBLE.sub("", text)
    text = _APOSTROPHES.sub("'", text)
    text = _QUOTES.sub(
        "'", text
    )  # double quotes become single ones: quoted speech keeps its quotes, a quoted word loses them
    text = _SPACED_DASH.sub(", ", text)
    text = _DASH.sub("-", text)
    text = _LAUGH_EMOJI.sub(" lol ", text)
    text = _OTHER_EMOJI.sub(" ", text)
    text = text.lower().replace("\u2026", "...")
    text = re.sub(r"[ \t\u00a0\u3000]+", " ", text)
    text = re.sub(r" *\n[\s]*", "\n", text).strip()
    text = _SPACED_LETTERS.sub(_join_spaced, text)
    text = _join_one_word_sentences(text)
    text = re.sub(r"[^\s,;:()\[\]\"]+", lambda m: unmask(m.group()), text)
    text = _QUOTED_WORDS.sub(_unquote, text) if "'" in text else text
    text = re.sub(r"\b[a-z]{7,}\b", _split_run_together, text)
    # Rules in order; a rule can make words a later one starts with ("wanna" -> "want to"), so look again after a change.
    beginnings = word_beginnings(text)
    for pattern, starts, replacement in _TEXT_SPEAK:
        if starts is not None and starts.isdisjoint(beginnings):
            continue
        changed = pattern.sub(replacement, text)
        if changed != text:
            text, beginnings = changed, word_beginnings(changed)
    return text
