"""Is a phrase about the writer's own, present experience? Negation, whose it is, when, jokes, literal injuries.

Every rule takes normalised text and returns a short reason for keeping quiet,
or None. The rules read the sentence and the clause around a phrase; none of
them looks beyond the text it is given.
"""

from __future__ import annotations

import re

# A full stop after "vs", "dr", "e.g." and the like does not end a sentence.
SENTENCE_END = re.compile(
    r"[!?\n][.!?\n]*|(?<!\bvs)(?<!\bdr)(?<!\bmr)(?<!\bmrs)(?<!\bms)(?<!\bst)(?<!\be\.g)(?<!\bi\.e)\.[.!?\n]*"
)
# Clause boundaries inside a sentence (negation does not cross them).
CLAUSE_BREAK = re.compile(
    r"[;,]\s|\s\((?=\w)|\s(?:but|however|though|although|yet|whereas|except that|because|so that|so|cause|since then)\s"
    r"|\s(?:which)\s|\s(?=i just\b)|\s(?:and|or|then)\s(?=(?:i|i'm|i've|i'd|i'll|it|it's|now|then|yet|he|she|they|we|my|you|nobody|no one|everyone|that)\b)"
)

NEGATOR = re.compile(
    r"\b(?:hardly ever|rarely|seldom|almost never|not|never|zero|no(?![- ]?(?:one|body)\b)|nothing|none|neither|nor|nowhere|without|\w+n't|ain't)\b"
)
# Negative words that do not deny the phrase: "can't stop thinking about suicide", "not sure I won't".
NOT_A_DENIAL = re.compile(
    r"\b(?:can't|couldn't|haven't|hasn't|won't|don't|doesn't|didn't|never|not|cannot) (?:ever )?(?:stop|stopped|quit|help|shake|get rid of|escape|go away|leave|fade|end|ends|seem to stop|be far|far)\w*"
    r"|\bnot a (?:day|night|moment|minute|single day|single night) (?:goes|passes)(?: by)?(?: (?:where|when|that|without)(?: i)?(?: don't| do not)?)?\b|\bcan't see (?:a |any )?reasons? not to\b|\b(?:wouldn't|won't|don't|would not) (?:mind|care)\b|\bnothing (?:stops|helps|works|takes away|makes)\b"
    r"|\b(?:no|any|a) reasons? not to\b|\breason not to\b|\bnot to (?=\w+ myself)(?<=reason not to )"
    r"|\bnot (?:sure|certain|okay|ok|fine|alright|all right|good|coping|doing (?:well|ok|okay|great|good)|going to lie|a phase|just a phase|joking|kidding|exaggerating|being dramatic|attention seeking|for attention|that bad)\b"
    r"|\b(?:don't|do not|didn't|doesn't|does not|did not) (?:know|understand|get|see why|tell|mention|remember|realise|realize|want (?:anyone|anybody|them|him|her|people|my \w+) to know|want to admit|want to say)\b"
    r"|\b(?:doesn't|don't|does not|do not|isn't|not) (?:scare|frighten)\w* me\b|\bno idea (?:if|whether|how|that|i|what)\b"
    r"|\b(?:can't|cannot|won't) (?:promise|guarantee)\b|\b(?:try|trying|tried|struggling|fighting|hard|hardest) (?:hard |so hard |my hardest )?not to\b"
    r"|\b(?:can't|cannot|couldn't|can not) (?:cope|handle|deal|take it|take this|breathe|sleep|think|function|face|bear|stand|focus|undo|take (?:it )?back|do this|do it anymore|go on|keep going)\b"
    r"|\b(?:won't|will not|wouldn't|doesn't|does not|didn't|don't) matter\b|\b(?:lol|haha|lmao) no\b|\bno,? but seriously\b|\bno (?:cap|joke|lie|kidding|exaggeration)\b|\bnot (?:joking|kidding|lying)\b"
    r"|\b(?:and|&|to) (?:not|never) (?:wake|waking|woke|come back|coming back|return|be found|get up)\w*|^\s*not to (?:do|act|go|try|use|take|hurt|cut)\b"
    r"|\b(?:can't|cannot|don't|do not) see(?: a| any)?\s*$|\bno (?:matter|doubt)\b|\bnot (?:anymore|any more) able\b|\b(?:no one|nobody|noone)\b"
)
# After a phrase, "without" does not deny it ("saying goodbye to people without them knowing").
NEGATOR_AFTER = re.compile(
    r"\b(?:hardly ever|rarely|seldom|almost never|not|never|no(?![- ]?(?:one|body)\b)|nothing|none|neither|nor|nowhere|\w+n't|ain't)\b"
)
# A denial left hanging before an aside: "I'm not, and never was, ...".
DANGLING_DENIAL = re.compile(r"\b(?:\w+n't|not|never)\s*,")
UNSURE = re.compile(
    r"\b(?:not sure|not certain|don't know if|don't know whether|no idea if|can't promise|can't guarantee|can't say for sure|unsure)\b"
)
ANSWER_NO = re.compile(
    r"^\s*(?:no|nope|nah|never|not really|not at all|not now|not anymore|none|i'?m not (?:now|anymore|any more)|not (?:any ?more|these days))\b"
)
# A denial of the phrase just said: "Taking my own life, that's not on the table."
DENIED_AFTER = re.compile(
    r"^[,;]?\s*(?:and |but )?(?:that's|that is|it's|it is|which is|that was|this is)(?: just| really| simply)? (?:not|never|no longer|not ever)\b"
)
ASKED = re.compile(
    r"\b(?:asked|asks|asking|ask|question(?:ed)?)(?: me| us| her| him)?(?: again)?(?: the usual| some| a few| her| his| their)?(?: questions?)? (?:if|whether|about)\b"
)
ANSWER = re.compile(
    r"\b(?:said|say|says|answered|answer|replied|told (?:her|him|them)|admitted|nodded)(?: honestly| truthfully| quietly)?(?: that)?,? (yes|yeah|yep|i do|i am|i have|no|nope|i'm not|i don't|i haven't)\b"
)

# Who is speaking: the nearest person before a phrase in its clause.
SELF_WORDS = {"i", "i'm", "i've", "i'd", "i'll", "me", "myself", "am"}
OTHER_WORDS = set(
    (
        "he she they them him her his their hers theirs himself herself themselves we us our you your yourself someone somebody "
        "he'd she'd they'd he's she's they're they've she'll he'll they'll we're we've "
        "anyone anybody people person persons friend friends mate mates bestie bff bf gf boyfriend girlfriend partner husband wife "
        "ex fiance fiancee brother sister sibling siblings mum mom mother mummy mommy dad father daddy parent parents son daughter "
        "child children kid kids teen teens teenager teenagers baby cousin aunt auntie uncle nephew niece grandma grandad granddad "
        "grandpa grandmother grandfather nan nana gran granny colleague colleagues coworker coworkers boss neighbour neighbor "
        "neighbours roommate flatmate housemate classmate classmates teammate student students pupil pupils patient patients client "
        "clients character characters narrator hero heroine protagonist singer celebrity actor actress rapper star man woman men "
        "women boy girl boys girls guy guys lad lads veterans veteran farmers nurses doctors soldiers members member others "
        "family families victim victims survivors someone's everyone's"
    ).split()
)
# Who can be the subject of a phrase that names no one ("she doesn't want to live").
SUBJECTS = OTHER_WORDS - {
    "you",
    "your",
    "yourself",
    "we",
    "us",
    "our",
    "them",
    "him",
    "her",
    "his",
    "their",
    "anyone",
    "anybody",
    "someone",
    "somebody",
    "people",
    "person",
    "everyone's",
    "someone's",
    "others",
    "family",
    "families",
}
TOPIC_WORDS = set(
    (
        "documentary film movie show series episode book novel story article news headline headlines report reports podcast song "
        "songs lyrics poem play essay lecture lectures session sessions course training module policy policies statistics study "
        "studies research post posts advert ad exhibition storyline scene campaign leaflet talk talks webinar seminar workshop "
        "class thread video videos chapter scenes rates paper thesis read heard learned learnt worksheet handout handouts "
        "topic leaflet pamphlet questionnaire module syllabus curriculum textbook slides group supervision assembly "
        "drama dramas soap soaps sitcom thriller musical opera memoir biography comic manga anime"
    ).split()
)
TOPIC_COMPOUND = re.compile(
    r"^[ -](?:prevention|awareness|rates?|risk|risks|policy|policies|training|hotline|helpline|line|lines|squad|"
    r"statistics|assessment|assessments|case|cases|laws?|bomber|bombers|bombing|mission|missions|doors?|watch|"
    r"research|crisis team|charity|charities|figures|numbers|prevalence|studies|study|survivors? (?:group|network)|"
    r"services?|team|support group|first aid|protocol|screening|epidemic|crisis line|kit|naloxone|injuries in|stigma|"
    r"myths?|facts|and its functions|in families|in young people|in teens|among)\b"
)
PROFESSION = re.compile(
    r"\b(?:as an?|i'm an?|i am an?|i work as an?|i'm training to be an?|training to be an?|my job as an?|my work as an?|in my job as an?|i volunteer as an?|i'm a student) "
    r"(?:\w+ )?(?:nurse|therapist|counsell?or|doctor|gp|paramedic|teacher|pharmacist|psychologist|psychiatrist|social worker|"
    r"chaplain|youth worker|police officer|officer|volunteer|researcher|lecturer|carer|support worker|medic|mental health worker|"
    r"first aider|clinician|psychotherapist|student nurse|trainee)\b"
    r"|\b(?:at work|every shift|on shift|on the ward|my patients|my clients|with clients|our patients|our clients|my students|"
    r"our students|at the hospital|on the crisis line|on a crisis line|on the helpline|on a helpline|volunteer on|my client|a client|my patient|a patient|in class|in today's class|in the lecture)\b"
)

JOKE = re.compile(
    r"\b(?:lol+|lo+l|lmao+|lmfao|rofl|ha(?:ha)+h?|he(?:he)+|jk|j/k|just kidding|kidding|joking|jokes|joke|xd|/j|/s|deceased)\b"
)
NOT_A_JOKE = re.compile(
    r"\b(?:not|no|n't|isn't|wasn't|never) (?:a |even )?(?:joke|joking|kidding)\b|\bnot (?:lol|haha)\b"
    r"|\b(?:but seriously|seriously though|for real|i mean it|i really mean it|no joke)\b"
)
HYPERBOLE = re.compile(
    r"\b(?:embarrass\w*|cringe\w*|mortif\w*|awkward|of boredom|so bored|bored to|so funny|too funny|hilarious|died laughing|"
    r"laughed so hard|killing me|killed me|dying to|dying for|to die for|die for my|dead tired|over my dead body|"
    r"that (?:song|pun|joke|meme|video)|this (?:song|pun|joke|meme|video|queue|meeting|heat|traffic|spreadsheet))\b"
)
RATHER_THAN = re.compile(
    r"\b(?:rather|sooner) (?:be dead|die|not exist) than (?!(?:feel|feeling|live|living|go on|going on|be|being|keep|keeping|carry on|carrying|wake|waking|face|facing|deal|dealing|spend|spending|do this|continue|continuing|go through|going through|another|suffer|suffering|stay|staying|exist|existing|put|hurt|hurting)\b)"
)

PAST = re.compile(
    r"\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|many|several|a few|few|some) (?:years?|decades?) (?:ago|back|earlier|before)"
    r"|years? ago|a decade|decades ago|long (?:time )?ago|a long time ago|ages ago|(?<!the )way back(?! home)|years back"
    r"|when i was (?:a |an |\d+|young|little|younger|at|in|still|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a kid|a teen|a child|at school|at uni)"
    r"|as a (?:kid|teen|teenager|child|young|little|student|youngster|girl|boy)|back (?:in|when|then)|in (?:19|20)\d\d\b"
    r"|during (?:school|college|uni|university|my (?:teens|twenties|divorce|first|school|uni|degree|childhood)|high school|the pandemic|lockdown)"
    r"|(?:in|of|for|during|through) (?:most of |much of |all of )?my (?:early |late |mid[- ]?)?(?:teens|twenties|thirties|forties|20s|30s|40s|teenage years|youth|childhood)"
    r"|old (?:journals?|diar(?:y|ies)|notebooks?|posts|messages|letters)"
    r"|at (?:age |the age of )?(?:thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)\b|at (?:age |the age of )\d+|aged? \d+\b|at \d+ years old"
    r"|used to|before i got (?:sober|help|better|clean|treatment|well|diagnosed)|my first year|in the past|another life|a lifetime ago"
    r"|(?:was|were) (?:\w+ ){0,3}once\b|in (?:my )?(?:school|uni|college) days|as an adolescent|in my youth"
    r"|i remember when|remember (?:the )?(?:days|times|years) when|(?:younger|teenage|past|former|old|\w+ year old|\d+ year old|\d+-year-old) self|when i was (?:suicidal|at my worst|unwell|really ill|in hospital|depressed))\b"
)
RECENT = re.compile(
    r"\b(?:again|lately|recently|now|still|currently|these days|this (?:morning|week|month|evening|afternoon|year)|last (?:night|week|month|weekend|time|year)"
    r"|yesterday|today|tonight|right now|at the moment|(?:a few |two |three |\d+ )?(?:days?|hours?|weeks?|minutes?) ago|relaps\w*|anymore|any more|started|starting|is back|it's back|came back|coming back)\b"
)
RECOVERY = re.compile(
    r"\b(?:(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|many|several|a few|a whole) (?:days?|weeks?|months?|years?|year|decades?) (?:since|clean|free|without|sober|of recovery|in recovery|self-harm free)"
    r"|(?:\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|many|several|a few) (?:days?|weeks?|months?|years?) out of (?:the )?(?:hospital|psych ward|ward|unit|rehab)|clean (?:from|of|since|for)|(?:self-harm|cutting|harm|sh)[- ]free|free (?:from|of) (?:self-harm|cutting|suicidal)|survivor|survived|recover(?:ed|y|ing)|anniversary|milestone"
    r"|glad (?:to be alive|i'?m alive|i'?m still (?:here|alive)|i stayed|i'?m here|my (?:suicide )?attempt|i survived|i didn't)|other side|how far i'?ve come"
    r"|in my past|(?:doesn't|don't|does not|no longer) control|beat the urge|much better place|better place now|now i want to live|grateful (?:i'?m|to be) (?:alive|here|still)"
    r"|speak at schools|help others|proud of (?:myself|that|how)|celebrating|i'm proud|years? ago today|ago this (?:week|month)"
    r"|(?:have |has |had )?(?:faded|healed|fading)|(?:have|has|had) (?:(?!not |never )\w+ )?(?:gone|disappeared|stopped|eased|lifted|passed)|threw (?:out|away)|got rid of|binned|don't recognise|don't recognize|behind me|put (?:it|that|them) behind)\b"
)
RELAPSE = re.compile(
    r"\b(?:relaps\w*|again|lately|recently|broke my streak|back to|started again|came back|coming back|returned|returning)\b"
)

LITERAL = re.compile(
    r"\b(?:shaving|shave|chopping|chopped|cooking|cook|washing up|dishes|kettle|oven|stove|hob|pan|tray|iron(?:ing)?|curling|straighteners|"
    r"glass|tin|can opener|knife while|paper|rose|bush|thorn|brambles?|gym|workout|deadlifts?|squats?|lifting|running|football|rugby|"
    r"hockey|netball|tennis|training|match|game|playing|fell|fall|falling|tripped|trip|slipped|slip|crash|accident|accidentally|by accident|"
    r"by mistake|bike|ladder|stairs|sports?|laughing|moving (?:the|a|house|furniture)|garden(?:ing)?|diy|hammer|(?:a|the|my) saw|sawing|drill|eczema|itch|itchy|itching|rash|mosquito|bites|in my sleep|psoriasis|hives|"
    r"scissors|opening|sofa|furniture|carrying|lifting|sunburn|sunburnt|in the sun|ouch|oops|clumsy|mug|barbecue|bbq|grill|radiator|branch|"
    r"lawnmower|mower|toaster|campfire|bonfire|sparklers?|cooker|broken plate)\b"
    # hurt "on" a thing, not a place: "cut my hand on a broken mug", "burned myself on the radiator"
    r"|\b(?:cut|cuts|burn\w*|scratch\w*|hurt|bruised)\s+(?:myself|my \w+)\s+on\s+(?:a|an|the|some|my)\s+(?!(?:bathroom|bedroom|floor|bed|way|toilet)\b)"
)
ON_PURPOSE = re.compile(
    r"\b(?:on purpose|deliberately|intentionally|to feel|because i deserve|as punishment|to punish|wanted to|again and again|urge)\b"
)
IDIOM = re.compile(
    r"\b(?:cut myself (?:some |a bit of |a little )?slack|cut myself (?:off|out|a |an |short|loose|free|in on|down)"
    r"|burn\w* myself out|burnt out|burned out|hurt myself laughing|kill\w* myself (?:laughing|with laughter)|beat myself up|beating myself up|kill myself (?:laughing|with laughter)"
    r"|work myself to death|working myself to death|worked myself to death|drink myself|drown myself in (?:work|coffee|books|tv)"
    r"|shoot myself in the foot|shot myself in the foot|kick myself|kicking myself|killing myself (?:at|to finish|to get|over) (?:work|the gym|this|that)"
    r"|starv\w* (?:myself )?(?:of|for) (?:sleep|time|attention|company))\b"
)
# Someone else's words in quotes: "a character keeps saying 'I just want to die'".
QUOTED = re.compile(
    r"^(.*?)\b([\w']+) (?:keeps? saying|says|said|saying|sings|sang|goes|went|wrote|writes|yells|yelled|shouts|shouted|asks|asked|tells|told me)\s*,?:?\s*'[^']*$"
)
# A character in a story: "a character on the show wrote goodbye letters".
STORY = re.compile(r"\b(?:character|narrator|protagonist|heroine|villain)s?\b")
REPORTED = re.compile(
    r"\b(?:told|tell|tells|telling|said|says|texted|messaged|commented|wrote)(?: me| to me)? (?:that i should|i should|me to|to)(?: just| go)? (?:kill myself|kys|die|end it|unalive|go die)\b"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a question mark stays with its sentence."""
    spans, start = [], 0
    for m in SENTENCE_END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]


def clause(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``sentence`` around ``start:end`` (a phrase spanning a boundary keeps both parts)."""
    left, right = 0, len(sentence)
    for m in CLAUSE_BREAK.finditer(sentence):
        if m.end() <= start:
            left = m.end()
        elif m.start() >= end and right == len(sentence):
            right = m.start()
    return left, right


def _blank(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: " " * len(m.group()), text)


def negated(sentence: str, start: int, end: int) -> str | None:
    """A denial anywhere in the phrase's clause, before or after it (not inside the phrase itself)."""
    left, right = clause(sentence, start, end)
    before, after = sentence[left:start], sentence[end:right]
    if UNSURE.search(before):
        return None
    if DENIED_AFTER.search(sentence[right:]):
        return "negated"
    if DANGLING_DENIAL.search(sentence[:left]):  # "I don't, after everything this year, feel suicidal"
        return "negated"
    before, after = _blank(before, NOT_A_DENIAL), _blank(after, NOT_A_DENIAL)
    if NEGATOR.search(before) or NEGATOR_AFTER.search(after):
        return "negated"
    return None


def negated_before(sentence: str, start: int) -> str | None:
    """A denial before ``start`` in its clause ("I never wrote a note")."""
    left, _ = clause(sentence, start, start)
    before = sentence[left:start]
    if UNSURE.search(before):
        return None
    return "negated" if NEGATOR.search(_blank(before, NOT_A_DENIAL)) else None


DENIED_LATER = re.compile(
    r"\bbut (?:i )?(?:[\w']+,? ){0,3}(?:don't|didn't|do not|did not|am not|wasn't|haven't|never did)\s*[.!]*$"
)


def denied_later(sentence: str, start: int, end: int) -> str | None:
    """An expectation taken back at the end of the sentence ("I thought I'd feel like dying, but I don't")."""
    if re.search(
        r"\b(?:thought|expected|was afraid|feared) (?:i'?d|i would|i was going to|to)\b", sentence[:start]
    ) and DENIED_LATER.search(sentence[end:]):
        return "negated"
    return None


def hypothetical(sentence: str, start: int) -> str | None:
    """A question about what would happen "if I ever" said it."""
    left, _ = clause(sentence, start, start)
    return (
        "a question"
        if re.search(
            r"\b(?:what happens|what would happen|would you|do you) (?:\w+ )?if i (?:ever )?(?:mention|say|said|told|tell|talk about|bring up)\b",
            sentence[:start],
        )
        else None
    )


def answered_no(sentence: str, following: str) -> str | None:
    """ "Kill myself? No, never." and "she asked if I was suicidal and I said no"."""
    if sentence.rstrip().endswith("?") and ANSWER_NO.search(following):
        return "answered no"
    return None


def asked(sentence: str, start: int, following: str) -> str | None:
    """Someone asked about it: quiet unless the writer says yes."""
    question = None
    for m in ASKED.finditer(sentence[:start]):
        question = m
    if question is None or re.search(r"[,;] (?:tell|mention|say|and i|i've|i'm|i)\b", sentence[question.end() : start]):
        return None  # "ask about my meds, tell her I've been wanting to die": the phrase is the writer's own news
    answer = ANSWER.search(sentence[start:] + " " + following)
    if answer and answer.group(1) in {"yes", "yeah", "yep", "i do", "i am", "i have"}:
        return None
    return "a question someone asked" if not answer else "answered no"


def speaker(sentence: str, start: int, own: bool) -> str | None:
    """Someone else's experience, or a topic (a film about it, suicide prevention), rather than the writer's."""
    left, _ = clause(sentence, start, start)
    words = re.findall(r"[\w']+", sentence[left:start])
    if REPORTED.search(sentence):
        return "someone else's words"
    quoted = QUOTED.search(sentence[:start])
    if (
        quoted
        and quoted.group(2) not in SELF_WORDS
        and (
            quoted.group(2) in OTHER_WORDS | TOPIC_WORDS
            or (OTHER_WORDS | TOPIC_WORDS) & set(re.findall(r"[\w']+", quoted.group(1)))
        )
    ):
        return "someone else's words"
    if STORY.search(sentence[:start]):
        return "someone else's words"
    if own:
        return "someone else's" if words and words[-1] in SUBJECTS else None
    if (
        not own
        and any(w in TOPIC_WORDS for w in re.findall(r"[\w']+", sentence[:left]))
        and not any(w in SELF_WORDS for w in words)
    ):
        return "a topic"
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        if word in SELF_WORDS:
            return None
        if word.endswith("'s") and word not in {
            "it's",
            "that's",
            "what's",
            "there's",
            "here's",
            "who's",
            "life's",
            "let's",
        }:
            return "someone else's"
        if word in OTHER_WORDS:
            return "someone else's"
        if word == "my" and i + 1 < len(words) and words[i + 1] in OTHER_WORDS:
            return "someone else's"
        if word in TOPIC_WORDS:
            return "a topic"
    return None


THIRD_PERSON_ACT = re.compile(
    r"\b(?:herself|himself|themselves|themself|(?:her|his|their) (?:own )?(?:life|lives|pills|tablets|meds|wrists?|arms?))\b"
)
FIRST_PERSON_ACT = re.compile(r"\b(?:myself|my (?:own )?(?:life|pills|tablets|meds|wrists?|arms?))\b")


def others_act(sentence: str, start: int, end: int) -> str | None:
    """The act in the phrase's clause is someone else's: "after trying to kill herself", "saving her pills"."""
    left, right = clause(sentence, start, end)
    part = sentence[left:right]
    if THIRD_PERSON_ACT.search(part) and not FIRST_PERSON_ACT.search(part):
        return "someone else's"
    return None


# An urge met with a way of coping, and it passed: "I felt the urge but I called my friend instead and it passed".
COPED = re.compile(
    r"\bbut (?:then )?(?:i )?(?:called|rang|texted|went|used|did|held|wrote|reached out|talked|followed|opened|read)\b"
    r"[^.!?\n]*\b(?:instead|passed|helped|worked|eased|went away|safe now|okay now|ok now|calmer now)\b"
    r"|\b(?:it|the urges?|the feelings?|the thoughts?|the wave) (?:passed|eased|faded|went away|calmed down)\b"
)


def coped(sentence: str, following: str) -> str | None:
    """A way of coping used, and the urge passed (a safety plan at work)."""
    return "coped" if COPED.search(sentence) or COPED.match(following.strip()) else None


def topic(sentence: str, start: int, end: int, is_topic: bool) -> str | None:
    """ "suicide prevention", "a suicide", "a film about self-harm", "as a nurse I see overdoses"."""
    if not is_topic:
        if re.search(r"\b(?:about|on|regarding)\s*$", sentence[:start]) and any(
            w in TOPIC_WORDS or w in OTHER_WORDS for w in re.findall(r"[\w']+", sentence[:start])
        ):
            return "a topic"
        return None
    if TOPIC_COMPOUND.match(sentence[end:]):
        return "a topic"
    if (
        re.search(r"\b(?:a|the|an|her|his|their|this|that)\s+$", sentence[:start])
        and not re.match(
            r"\s(?:thoughts|ideation|urges|feelings|brain|mood|voices?|thinking)\b(?! (?:of|in) (?:him|her|them|a|the)\b)",
            sentence[end:],
        )
        and not re.search(
            r"\b(?:took|take|taking|takes|had|have|attempted|survived|made|make|planned|planning|try|tried)\s+\w+\s+$",
            sentence[:start],
        )
        and not re.search(
            r"\b(?:the thought of|the idea of|the urge|the urges|(?:thinking|think|thought) about the)\s+$",
            sentence[:start],
        )
    ):
        return "someone else's"
    if PROFESSION.search(sentence):
        return "work"
    left, _ = clause(sentence, start, end)
    if re.search(r"\b(?:about|on|of|regarding|in)\s+(?:\w+\s+){0,1}$", sentence[left:start]) and any(
        w in TOPIC_WORDS for w in re.findall(r"[\w']+", sentence[left:start])
    ):
        return "a topic"
    return None


def when(sentence: str, start: int, end: int) -> str | None:
    """Long past or recovered from, and not happening again."""
    left, right = clause(sentence, start, end)
    part = sentence[left:right]
    if RECOVERY.search(sentence) and not RELAPSE.search(sentence):
        return "recovered"
    if PAST.search(part):
        return None if RECENT.search(part) else "long ago"
    if PAST.search(sentence) and not RECENT.search(sentence):
        return "long ago"
    return None


def playful(sentence: str, following: str, start: int, end: int, kind: str) -> str | None:
    """A joke (lol, haha, 😂) or a figure of speech ("I'd rather die than sing karaoke")."""
    marked = JOKE.search(sentence) or JOKE.match(following.strip())
    if (
        marked
        and not NOT_A_JOKE.search(sentence)
        and not NOT_A_JOKE.search(following)
        and not re.match(r"\s*not (?:lol|haha|joking|kidding)\b", following)
    ):
        return "a joke"
    if RATHER_THAN.search(sentence[max(0, start - 12) :]):
        return "a figure of speech"
    if kind in ("direct", "passive", "ending") and HYPERBOLE.search(sentence):
        return "a figure of speech"
    return None


ORDINARY = re.compile(
    r"\b(?:visit\w*|holiday|vacation|trip|away|travel\w*|abroad|work|shift|exams?|term|semester|flight|conference|"
    r"staying|appointment|wedding|party|project|deadline|moving|move|surgery|operation|treatment|course|contract|"
    r"job|the week|weekend|school|uni|hospital stay|festival|camping|offline|signal|wifi|phone)\b"
)


def ordinary(sentence: str, kind: str, words: str = "") -> str | None:
    """An "ending" phrase or a goodbye explained by an everyday plan ("I won't be here tomorrow, I'm visiting my parents")."""
    if (kind == "ending" or "goodbye" in words) and ORDINARY.search(sentence):
        return "an everyday plan"
    return None


def literal(sentence: str, start: int, end: int, kind: str) -> str | None:
    """An accident or an idiom ("cut myself shaving", "cut myself some slack"), not meant harm."""
    if IDIOM.search(sentence[max(0, start - 5) :]):
        return "an idiom"
    if kind == "self_harm" and LITERAL.search(sentence) and not ON_PURPOSE.search(sentence):
        return "an accident"
    return None


# A rating scale or a form, answered low: "rate your suicidal thoughts 0 to 10 ... it was 0".
RATING = re.compile(
    r"\b(?:rate|rated|rating|scale|score|scored|out of (?:10|ten|5|five)|(?:0|zero) (?:to|-) (?:10|ten)|phq\S*|questionnaire|form|how often)\b"
)
LOW_ANSWER = re.compile(
    r"\b(?:it|that|mine|the answer)(?: was| is|'s| has)(?: been)? (?:a )?(?:0|zero|1|one|none|nothing|low|no)\b|\b(?:said|put|answered|ticked|circled|scored|gave it) (?:a )?(?:0|zero|1|none|never|no|not at all)\b|\bnot at all\b"
)
# A general statement about people: "it's normal to think about death after a loss".
GENERAL = re.compile(
    r"\b(?:it's|it is|that's|that is|it can be) (?:\w+ )?(?:normal|common|natural|okay|ok|understandable|human|usual) (?:for (?:\w+ ){1,2})?to\s+$"
)
# Thinking about death after a loss or a health scare, not wanting it.
MORTAL = re.compile(
    r"\b(?:passed|passed away|died|funeral|loss|lost (?:my|our)|grief|grieving|bereave\w*|heart attack|scare|diagnosis|gym|health|mortality|getting older|old age|birthday)\b"
)


FRIGHT = re.compile(
    r"\b(?:panic\w*|heart attack|chest pains?|sure i was|thought i was|felt like i was|turbulence|so hot|so scared|terrified)\b"
)


def rated(sentence: str, following: str) -> str | None:
    """A scale or form about it, answered 0 or "not at all"."""
    if RATING.search(sentence) and LOW_ANSWER.search(sentence + " " + following):
        return "a rating answered low"
    return None


def general(sentence: str, start: int) -> str | None:
    """Said of people in general, not of the writer."""
    return "said of people in general" if GENERAL.search(sentence[:start]) else None


def mortal(sentence: str, words: str) -> str | None:
    """Thinking about death or dying after a loss or a scare (the phrase itself wishes for nothing); a fright."""
    if re.search(r"\b(?:about|going) to die$", words) and FRIGHT.search(sentence):
        return "a fright, not a wish"
    if (
        re.match(r"(?:think|thinking|thought|thoughts)\b", words)
        and re.search(r"\b(?:death|dying)$", words)
        and MORTAL.search(sentence)
    ):
        return "thinking about death after a loss or a scare"
    return None
