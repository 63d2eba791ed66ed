"""What people write when they think about dying or hurting themselves, by kind, as regular expressions.

Each phrase is matched on normalised text (see ``normalise``). ``own`` phrases
say by themselves whose experience it is ("kill myself", "my life"); the others
("suicidal", "self-harm", "wants to die") are checked for who is speaking.
``topic`` phrases are nouns that can also name a subject of a film, a
lecture or a policy. Scope rules (negation, time, jokes...) are in ``scope``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .wordre import WordPattern

ME = r"(?:myself|me)"
PILLS = r"(?:pills|tablets|meds|medication|medicine|paracetamol|painkillers|sleeping pills|antidepressants|insulin)"
BODY = r"(?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|body|hands?|ankles?|shoulders?|chest|face)"
GONE = r"(?:gone|dead|not here|no longer here|not around|no longer around)"
NOT = r"(?:don't|do not|never|no longer|didn't|did not|doesn't|can't|won't|wouldn't)"
WISH_VERBS = r"(?:want|wanted|wanting|wants|ready|need|needs|wish|wished|wishing|deserve|deserved|hope|hoping|plan|planning|planned|decided|longing|long|like|prefer|praying|pray|trying|try|tried|about|going|choose|chose|chosen)"
SH_VERBS = r"(?:slit|slitting|cut|cuts|cutting|burn|burns|burning|burned|burnt|hurt|hurts|hurting|harm|harms|harming|harmed|injure|injured|injuring|scratch|scratched|scratching|hit|hits|hitting|punch|punched|punching|bruise|bruised|bite|bit|biting|starve|starved|starving|slash|slashed|slashing|carve|carved|carving|mutilate|mutilated|mutilating)"


@dataclass(frozen=True)
class Phrase:
    kind: str
    pattern: WordPattern
    own: bool = False  # the phrase itself says it is the writer's own ("myself", "my life", "I")
    topic: bool = False  # a noun that can be a topic ("a film about suicide")


def _p(kind: str, pattern: str, own: bool = False, topic: bool = False) -> Phrase:
    return Phrase(kind, WordPattern(pattern), own, topic)


PHRASES: list[Phrase] = [
    # -- direct: ending one's life ------------------------------------------------------
    _p(
        "direct",
        r"\b(?:kill|killing|killed|kills|hang|hanging|hanged|shoot|shooting|poison|poisoning|suffocate|suffocating|stab|stabbing|gas|gassing|drown|drowning|electrocute) myself\b",
        own=True,
    ),
    _p("direct", r"\bsuicid(?:e|es|al|ality|ally)\b", topic=True),
    _p(
        "direct",
        r"\b(?:end|ends|ending|ended|take|takes|taking|took|finish|finishing) (?:my|my own) (?:life|self)\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:to|'ll|will|about|of|just|should|could|might|gonna|i|i'm|me|by) (?:just |finally |simply )?(?:end|ending) (?:it|it all|everything|things|my misery|the pain for good)\b(?! (?:with|between|here for|there for|early|on a)\b)",
    ),
    _p(
        "direct",
        rf"\b{WISH_VERBS} to (?:just |finally |simply )?(?:die|be dead|not be alive|not exist|not wake up|not be here|stop living|stop existing|cease to exist|stop breathing)\b(?! (?:of|from|for|laughing|inside|with laughter|than)\b)",
    ),
    _p("direct", r"\b(?:want|wanting|wish|wishing|welcome|long for|longing for|crave|craving) (?:to )?death\b"),
    _p(
        "direct",
        r"\b(?:think|thinking|thought|thoughts) (?:a lot |constantly |all the time |so much )?(?:about|of) (?:dying|death|my death|my own death|being dead|not being alive|not being here|not existing|not waking up|no longer existing|jumping|overdosing|taking my|hanging|ending (?:it|things|everything))\b",
    ),
    _p(
        "direct",
        r"\b(?:overdos(?:e|es|ed|ing))\b(?! on (?!purpose|my|pills|tablets|meds|paracetamol|painkillers|insulin|sleeping|the pills|antidepressants|monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|christmas|new year))",
        topic=True,
    ),
    _p(
        "direct",
        rf"\b(?:took|take|taking|swallowed|swallow) (?:too many|a lot of|a handful of|loads of|all (?:of )?(?:my|the)|every one of my|the whole (?:box|bottle|packet) of) {PILLS}",
    ),
    _p(
        "direct",
        r"\b(?:jump|jumping|jumped|throw(?:ing)? myself|threw myself|step(?:ping)?|stepped|walk(?:ing)?|walked|lie down|lying down) (?:off|from|in front of|under|onto|into) (?:a |the |my |this |that )?(?:\w+ )?(?:bridge|building|roof|cliffs?|train|bus|car|lorry|truck|balcony|window|ledge|tower|car park|multi-storey|tracks|motorway|traffic|sea|river)\b",
    ),
    _p("direct", r"\b(?:almost|nearly) (?:jumped|did it|went through with it|ended it|overdosed)\b", own=True),
    _p(
        "direct",
        r"\b(?:drive|drove|driving|crash|crashing|crashed) (?:my car |the car )?(?:into|off) (?:a |the )?(?:tree|wall|bridge|lorry|truck|river|cliff|oncoming traffic)\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:attempt|attempted|attempting|try|tried|trying) (?:suicide|to kill myself|to end (?:it|my life)|to hang myself|to overdose|again)\b(?<!try again)(?<!tried again)(?<!trying again)|\b(?:attempted|tried) (?:it )?again\b(?=.*\b(?:suicide|overdose|kill|die|end it)\b)",
    ),
    _p(
        "direct",
        r"\b(?:knife|blade|razor|rope) (?:to|against|around|on) my (?:wrists?|throat|neck|arms?|skin)\b",
        own=True,
    ),
    # -- passive wishes -------------------------------------------------------------------------
    _p(
        "passive",
        r"\bwish(?:ed|ing)? (?:that )?i(?:'d)? (?:was|were|could be|had been|'d been|would be) (?:dead|gone|never born|not alive|not here)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bwish(?:ed|ing)? (?:that )?i(?:'d| had| could have)? never (?:been born|existed|woken up|woke up|been alive)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bwish(?:ed|ing)? (?:that )?i (?:wasn't|weren't|was not|were not|didn't|did not) (?:alive|here|around|born|exist|wake up)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bwish(?:ed|ing)? (?:that )?i (?:could|would|'d|might) (?:just )?(?:die|go to sleep and (?:just )?(?:never|not) wake up|fall asleep forever|be dead|disappear (?:forever|for good|permanently|and never come back)|not wake up|never wake up|go to sleep and (?:never|not) wake up|stop existing|cease to exist|die in my sleep|fall asleep and (?:never|not) wake up|not exist|stop breathing|stop being alive|fall asleep forever|sleep forever|just stop)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bwish(?:ed|ing)? (?:something|someone|somebody|a car|a bus|cancer|god|the world) would (?:just )?(?:kill me|end me|take me|hit me)\b",
        own=True,
    ),
    _p("passive", r"\b(?:rather|sooner) (?:be dead|die|not be alive|not exist|not be here)\b", own=True),
    _p("passive", r"\bbetter off dead\b"),
    _p(
        "passive",
        rf"\bbetter off (?:without me|if i (?:was|were|wasn't|weren't|was not|were not|died|didn't exist|did not exist|had never been born|never existed) ?(?:{GONE}|dead|here|around|alive)?)\b",
        own=True,
    ),
    _p(
        "passive",
        rf"\b(?:better|easier|happier|lighter|simpler)(?: off| place)?(?: for (?:everyone|everybody|them|all|my family))? (?:if|when|once) i(?:'m| am| was| were)? (?:{GONE}|died|was dead|were dead|didn't exist|did not exist|wasn't here|weren't here|wasn't around|weren't around|was gone|were gone|just died|disappeared|(?:just )?stopped existing|stopped being alive|wasn't alive)\b",
        own=True,
    ),
    _p("passive", r"\b(?:better|happier|easier) (?:place |world )?without me\b", own=True),
    _p(
        "passive",
        r"\b(?:hope|hoping|pray|praying|prayed)(?: every night| each night)? (?:that )?i(?: don't| won't| never| do not| will not| wouldn't) (?:wake up|make it|survive|see tomorrow|see the morning)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:don't|do not|never|no longer|didn't|did not|doesn't|not) (?:really |even |actually )?(?:want|wanna|wanting|wish|feel like i want) to (?:live|be alive|exist|be here|go on|keep going|keep living|carry on|be around|survive|stay alive|see tomorrow)\b(?! (?:in|with|at|on|there|near|next|by|for|without|alone|under)\b)",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:don't|do not|never|no longer|didn't|did not) (?:really |even |ever )?(?:want|wanna|wish) to (?:wake up|see (?:the )?(?:morning|tomorrow))\b(?! (?:early|on time|at|for (?:work|school)|before)\b)|\b(?:if|that) i (?:just )?(?:didn't|don't|never|wouldn't|won't) wake up\b(?! (?:on time|in time|early|for|at|to|before)\b)",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:want|wish|need|ask)(?: \w+){0,2} (?:is|was) (?:to )?(?:die|be dead|stop living|stop existing|not exist|not wake up|disappear forever|end it|end my life)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:don't|do not) (?:think|feel like|know if|know whether) i (?:want|wanna|can) (?:to )?(?:live|be alive|exist|go on|keep going|be here|keep living|carry on)\b(?! (?:in|with|at|on|there)\b)",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:tired|sick|weary|exhausted) (?:of|from|by) (?:being alive|living|life|existing|being here|breathing)\b(?! (?:in|with|at|here|there|on|under|near|out of|from|off|paycheck|alone)\b)|\bhad enough of (?:life|living|being alive|it all|this life|existing|everything)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:no one|nobody|noone|no-one|who|none of them|not a single person) (?:would|will|'d|'ll|is going to|even|really|at all)?(?: even| really| actually)? ?(?:miss|mourn) me\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:notice|care|mind|bother|matter|come to (?:my|the) funeral)\w*(?: at all)? if i (?:died|was dead|were dead|disappeared|was gone|were gone|wasn't here|weren't here|killed myself|didn't wake up|never woke up|got hit|was hit|vanished|just died|stopped existing)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:if|hop\w*|wish\w*|pray\w*) (?:that )?(?:a |the )?(?:car|bus|truck|lorry|train) (?:hit|hits|would hit|will hit|ran over|runs over|would run me over) me\b|\bif i died\b[^.!?\n]{0,40}\b(?:relieved|relief|peace|fine|okay|at rest)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:don't|do not|wouldn't|would not) (?:care|mind) (?:if|whether) i (?:die|died|live or die|lived or died|wake up|woke up|don't wake up|didn't wake up|get hit)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bif i (?:died|was dead|were dead|was gone|were gone|disappeared)\b(?=[^.!?\n]*\b(?:anyone|anybody|anybody|nobody|no one|notice|care|miss|funeral|better)\b)",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:what's|what is|whats) the point (?:in|of) (?:being alive|living|going on|life|existing|being here|carrying on|staying alive|me)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:no|not any|not a|don't see (?:a|any|the)|can't see (?:a|any|the)|can't find (?:a|any)|there's no|there is no|lost (?:my|all|the)) (?:point|reason|reasons|will)s? (?:left )?(?:in |to |for |of |for me to )?(?:live|living|being alive|go on|going on|keep living|keep going|carry on|carrying on|stay alive|staying alive|exist|existing|be here|being here|life)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:life|living|my life|existence|this life|it)(?: is|'s| isn't| is not| ain't|'s not| is no longer| isn't really)? (?:not |no longer )?worth (?:living|it anymore|it any more|living anymore|continuing)\b(?<!is worth living)(?<!'s worth living)",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:want|wanted|wanting|need) (?:to )?(?:just )?(?:stop existing|cease to exist|not exist|not be alive|not wake up|disappear (?:forever|for good|permanently)|vanish (?:forever|for good)|go to sleep and never wake up|sleep forever|be gone|not be here anymore|not be here any more|to not exist)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:want|wanted|wanting|need|wish) (?:my life|it all|everything|all of this|all of it|life) to (?:just )?(?:be over|end|stop|finish)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:go to sleep|fall asleep|sleep) (?:and|&) (?:never|not) wake up\b|\bnever wake up (?:again)?\b|\bdie in my sleep\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bdeath (?:would be|will be|is|sounds like|seems like|feels like|looks like)(?: a| the| such a)? (?:relief|release|welcome|answer|only way|way out|better|peaceful|easier|escape|mercy|blessing|gift)\b",
    ),
    _p(
        "passive",
        r"\b(?:not|no longer|not even) (?:scared|afraid|frightened) of (?:dying|death|being dead) (?:anymore|any more|now)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:get sick|get ill|get hit|be hit|have an accident|crash) and die\b|\bhop(?:e|ing) (?:that )?i(?:'ll| will)? (?:die|get sick and die|get hit)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:i'm|i am|i feel like|i feel|i've become|i'm just|i'm only) (?:such |just |only )?a burden(?: to| on| for)?(?: everyone| everybody| my family| them| you| all| people| the people i love)?\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:don't|do not|didn't) care (?:what happens to me|if i live|whether i live|if i make it|if i survive)\b",
        own=True,
    ),
    # -- plans and preparation ----------------------------------------------------------------
    _p(
        "plan",
        r"\b(?:goodbye|good-bye|farewell|suicide|last) (?:letters?|notes?|messages?|videos?|texts?|emails?)\b(?<!last texts)(?<!last messages)(?<!last message)(?<!last emails)(?<!last email)",
        topic=False,
    ),
    _p(
        "plan",
        r"\b(?:wrote|writing|write|written|left|leave) (?:a |my )?(?:note|letter|letters|notes) (?:for|to) (?:my |each of my )?\w+(?: \w+)? (?:in case|for when|for after|to find|explaining)\b",
        own=True,
    ),
    _p(
        "plan",
        rf"\b(?:saving|saved|save|stockpil\w*|hoard\w*|collect\w*|stash\w*|gather\w*|hiding|hid|hidden|keeping back|storing|stored|building up) (?:up )?(?:enough |all |my |some |the )?(?:\w+ ){{0,2}}{PILLS}\b(?! (?:for (?:my|the) (?:trip|holiday|cat|dog)))",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:lethal|fatal|deadly|overdose|toxic) (?:dose|amount|quantity)\b|\bhow many (?:\w+ ){0,2}(?:it would take|would it take|would kill|to die|does it take|would be enough|are enough|is enough|to take to)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:painless|quick|quickest|easiest|easy|best|surest|sure|fastest|least painful|peaceful) (?:ways?|methods?|means|way out) (?:to|of) (?:die|dying|kill myself|end it|end my life|go|commit)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:research\w*|look(?:ed|ing)? up|googl\w*|search\w*|read(?:ing)? up on|watching videos on) (?:\w+ ){0,2}(?:how to (?:die|kill myself|hang|overdose|end (?:it|my life)|tie a noose)|ways to (?:die|kill myself|end (?:it|my life))|methods|suicide methods|how long it takes to die)\b",
        own=True,
    ),
    _p("plan", r"\b(?:noose|ligature)s?\b"),
    _p(
        "plan",
        r"\b(?:rope|belt|cord)\b(?=[^.!?\n]*\b(?:know what it'?s for|hang|neck|beam|for me|tie it|noose|ready)\b)",
    ),
    _p(
        "plan",
        r"\b(?:have|got|made|making|make|working on|came up with|thought of|worked out) (?:a |the |my )?(?:plan|method|way) (?:to|for) (?:die|dying|kill|killing|end|ending|how|it|do it|doing it|my death)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:a |my )?plan and (?:a |the )?(?:date|method|time|place|means)\b|\b(?:the |a )?(?:date|time|place|method) (?:is|are) (?:set|chosen|decided|picked)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:picked|chose|chosen|choose|choosing|set|decided on|found|settled on) (?:a |the |my )?(?:date|day|time|place|spot|method|way|bridge|building)\b(?=[^.!?\n]{0,25}\b(?:to do it|for it|i'll do it|where i'll|when i'll|to die|to end|to go|where i will)\b)",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:know|worked out|figured out|decided|planned|planning|thought through|know exactly) (?:exactly )?(?:how|when|where|how and when|when and how|where and how)(?: and (?:how|when|where))? (?:i'd|i would|i'll|i will|i'm going to|i am going to|to|i could|i can|i might) (?:do it|go|end it|die|kill myself)\b",
        own=True,
    ),
    _p(
        "plan",
        rf"\b(?:after|when|once|for when|for after|by the time) i(?:'m| am) (?:{GONE})\b(?! (?:on|for|to|away|abroad|out|from|home|off|shopping|with))",
        own=True,
    ),
    _p(
        "plan",
        rf"\b(?:{PILLS}|blades?|razors?|rope|knife|noose)(?:,? [\w']+){{0,5}},? (?:are |is )?(?:ready|waiting|lined up|counted out)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\btonight'?s the night\b|\beverything (?:i need )?(?:is )?(?:ready|in place|sorted)(?=[^.!?\n]*\b(?:tonight|do it|go|end)\b)|\beverything i need to (?:do it|end it|go through with it)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:hidden|hid|hide|hiding|stashed|stash|keep|kept|keeping|carry|carrying) (?:the |my |a |some )?(?:blades?|razors?|razor blades?|knives?|knife|lighter)\b(?=[^.!?\n]*\b(?:for when|in case|just in case|need|again|room|bag|drawer|ready)\b)|\b(?:blades?|razors?|razor blades?)\b(?=[^.!?\n]*\bjust in case\b)|\b(?:blades?|razors?|razor blades?|pills|tablets) (?:\w+ ){0,2}(?:hidden|hid|stashed|saved up|ready)\b",
        own=True,
    ),
    _p(
        "plan",
        rf"\b(?:looking at|staring at|holding|counting|counted|lined up|laid out|laying out|sorting out) (?:the |my |all my |all the )?(?:{PILLS}|blades?|razors?|rope|noose)\b(?= again| for| to| in my| tonight|[.,!?]|$)",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:checked|looked up|found out|know|worked out) (?:which|what time|when) (?:the )?(?:trains?|express)(?: \w+){0,3} (?:don't|doesn't|do not|does not|won't) stop\b|\bhow high (?:it|the bridge|the drop|the building|the roof) (?:is|was)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:sat|sitting|sit|stood|standing|stand) (?:at|on) the (?:edge|ledge|railing|rail)\b|\bon the wrong side of the (?:railing|barrier|fence)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:giving|gave|give|given) away (?:my|all my|most of my|all of my) (?:things|stuff|belongings|possessions|pets?|cat|dog)\b(?=[^.!?\n]*\b(?:gone|won't need|so nobody|so no one|before i go|after|need them|need it)\b)",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:saying|said|say) (?:my )?(?:goodbyes?|good-byes?) to (?:people|everyone|everybody|my family|my friends|all)\b(?=[^.!?\n]*\b(?:without|last|final|knowing|one last)\b)|\bsaid my goodbyes\b|\b(?:final|last) goodbyes?\b",
        own=True,
    ),
    _p(
        "plan",
        rf"\b(?:take|taking|swallow|swallowing) (?:all|every one|every last one) (?:of )?(?:my|the) {PILLS}\b|\b(?:take|taking) (?:an|a) overdose\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:put|putting|got|getting|sorted|sorting) (?:my )?(?:affairs|things|passwords|accounts|will) (?:in order|sorted|out)\b(?=[^.!?\n]*\b(?:gone|after|when i|so it's easy|before i)\b)",
        own=True,
    ),
    # -- self-harm acts and urges ---------------------------------------------------------------
    _p("self_harm", r"\bself-(?:harm|harms|harmed|harming|harmer|injur\w*)\b|\bself mutilat\w*\b", topic=True),
    _p("self_harm", rf"\b{SH_VERBS} myself\b", own=True),
    _p(
        "self_harm",
        rf"\b{SH_VERBS} (?:into )?(?:my|both my|my own|the skin on my|the inside of my) {BODY}\b(?! (?:on (?:a|the) (?:oven|stove|kettle|iron|pan|tray|door|cupboard)))",
        own=True,
    ),
    _p(
        "self_harm",
        r"\b(?:bang|banged|banging|hit|hitting|smash\w*) my head\b(?=[^.!?\n]*\b(?:until|till|on purpose|to feel|to stop|because i deserve|bled|bruise))",
        own=True,
    ),
    _p(
        "self_harm",
        r"\bc(?<!a c)(?<!the c)(?<!paper c)(?<!nasty c)(?<!small c)(?<!little c)(?<!hairc)(?<!price c)(?<!budget c)(?<!director's c)ut(?:ting)?\b(?! (?:my (?:finger|hair|nails?|thumb|lip|chin|foot|knee|toe|hours|losses|food|steak)|the|a|an|some|back|down|off|out|up|in|into(?! my)|through|across|corners|ties|costs|hair|onions|it\b|them|him|her|class|school|sugar|carbs|short|loose|and paste|myself (?:some|a|off|out|short|loose|free|in)|me off|us off|you off|grass|wood|paper|fabric|bread|cake|my own hair)\b)(?<!got cut)(?<!get cut)(?<!was cut)(?<!were cut)(?<!been cut)(?<!be cut)(?<!is cut)(?<!are cut)(?<!hair cut)(?<!power cut)(?<!pay cut)",
    ),
    _p(
        "self_harm",
        r"\b(?:fresh|new|deep|deeper|open|bleeding|self-harm) (?:cuts|cut|burns|wounds|scars)\b|\bcuts (?:i (?:keep |kept )?(?:making|make|made|did)|on my (?:arms?|wrists?|legs?|thighs?|stomach))\b|\b(?:arms?|legs?|thighs?|wrists?) (?:are |is )?covered in (?:cuts|burns|scars)\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\b(?:urges?|urge|need|needing|craving|cravings|itch) to (?:cut|burn|self-harm|harm|bleed|hurt myself|hurt)\b",
    ),
    _p(
        "self_harm",
        r"\b(?:picked up|took out|got out|reached for|grabbed|used|uses|using|bought|buying) (?:the |a |my |some |new )?(?:blades?|razors?|razor blades?|knife|lighter|sharpener)\b(?=[^.!?\n]*\b(?:again|and cut|on purpose|on my|to cut|to feel|deserve|arm|wrist|skin|thigh|leg|punish|bleed|calm)\b)|\b(?:the |my )?(?:blades?|razors?)(?: is| are| was)? (?:the only thing|all that|what)(?: that)? (?:calms|helps|works|keeps)\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\b(?:burn\w*|cut\w*|bit|bite|biting|scratch\w*|hit|hitting|hurt|punch\w*|bruis\w*|bang\w*|starv\w*|took|take|overdos\w*)\b[^.!?\n]{0,50}\b(?:on purpose|deliberately|intentionally|to feel something|to feel anything|to feel real|to punish myself|as (?:a )?punishment|because i deserved? it|because i deserved? the pain|to make the pain stop)\b",
    ),
    _p(
        "self_harm",
        r"\brelaps(?:e|ed|ing)\b(?=[^.!?\n]*\b(?:clean|free|self-harm|cut|cutting|months|year|years|days|weeks)\b)(?![^.!?\n]*\b(?:drink|drinking|alcohol|smoking|cigarettes|vaping|weed|booze|gambling|sugar|diet)\b)",
        own=True,
    ),
    _p("self_harm", r"\bpunish\w* myself with (?:a |the )?(?:razor|blade|knife|lighter|pain|cuts?|burns?)\b", own=True),
    # -- not able to keep oneself safe ------------------------------------------------------------
    _p(
        "unsafe",
        r"\b(?:can't|cannot|couldn't|unable to|not able to|don't know if i can|don't know how to|not sure (?:if |that |whether )?i can|don't think i can|struggling to|hard to|can't promise (?:i'll|i will|to|that i'll)|won't be able to|can't guarantee (?:i'll|that i'll|i will)) (?:keep|stay|be|remain) (?:myself )?safe\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:(?:i'm|i am|i feel) (?:not |un)|(?:i )?(?:don't|do not) feel )safe (?:right now|tonight|from myself|on my own|alone|by myself|with myself|around myself|anymore|any more|with my thoughts|being alone|in my own head|today)\b|\bi'?m not safe\b(?! (?:at|in|to drive|driving|walking|with (?:him|her|them|my)|from (?:him|her|them)))|\bnot safe from myself\b|\bunsafe (?:right now|tonight|with myself)\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:don't|do not|can't|cannot) trust myself\b(?! (?:with|around) (?:chocolate|cake|money|crisps|biscuits|sweets|cookies|my phone|shopping))",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:scared|afraid|frightened|worried|terrified|fear) (?:of )?(?:what|that) i(?: might| could| will|'ll| would| may| am going to|'m going to) do\b|\b(?:what|things) i(?: might| could| will|'ll| would|'d| may) do to myself\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:scared|afraid|frightened|worried|terrified|fear) (?:that )?i(?:'ll| will| might| could| may|'m going to| am going to) (?:act on|cut|hurt|harm|kill|do something|go through with|not be able to stop|end|overdose|take the)\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:act|acting|acted) on (?:these|the|my|those|them|it|this|the) ?(?:thoughts|urges|feelings|plan|impulse)?\b(?=[^.!?\n]*\b(?:scared|close|going to|about to|worried|afraid|tonight|soon|might)\b)|\b(?:close to|about to|going to|ready to|nearly|almost) (?:act|acting|acted) on\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:can't|cannot|won't be able to|don't know how (?:much )?(?:longer|long) i can|don't know if i can|not sure i can) (?:stop|hold) myself(?: back)?\b(?! (?:from (?:eating|buying|laughing|crying|texting|checking|smiling)))",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:can't|cannot|won't) (?:promise|guarantee|say for sure)(?: (?:that|you|anyone|her|him))? (?:i'll be safe|i will be safe|i won't|i will not|i'm safe|i am safe|i'll stay safe|to be safe|to stay safe|nothing will happen)\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\bsafety plan (?:isn't|is not|doesn't|does not|isn't really|has stopped|stopped|won't|is failing|failed|not)\b",
        own=True,
    ),
    _p("unsafe", r"\bnot sure i won't (?:hurt|harm|cut|kill|do|act|end|take)\b", own=True),
    # -- hopeless endings and goodbyes -----------------------------------------------------------
    _p(
        "ending",
        r"\bthis is (?:my |a )?(?:goodbye|farewell|the end for me|my last (?:entry|message|post|note|day|night|time|words|goodbye))\b(?! (?:before|for|until|of|in|at|on|to|till)\b)",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:the |my )?last (?:\w+ )?(?:i'?ll|i will|i'm going to) ever (?:do|write|post|say|see|need|send)\b|\b(?:last|final) time (?:i'?ll|i will|i'm going to|that i'll) (?:ever )?(?:write|post|say|talk|speak|be here|log in)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:won't|will not|wont|not going to) be (?:around|here|alive)(?: \w+){0,2} (?:much longer|for (?:much|long)|tomorrow|next (?:week|month|year)|to see|by (?:then|next|the|tomorrow)|after (?:tonight|today|this)|anymore|any more|for much longer|much more|for christmas|on (?:my|your))\b",
        own=True,
    ),
    _p(
        "ending",
        r"\bi'?ll be (?:gone|dead)\b(?! (?:for|to|on|till|until|a|all|by the time|from|away|at|in)\b)",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:it'?ll|it will|this will|everything will|all this will|it's all going to|it is all going to|all of this will|it'?ll all) (?:all |finally )?(?:be over|end) (?:soon|by|tomorrow|tonight|for me|for good)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:nobody|no one|noone|you|they|you all|people) (?:will|won't|wont|will not|'ll) (?:have to |need to )?(?:worry about|deal with|put up with|see|look after|hear from|be bothered by|have to deal with|be burdened by) me (?:much longer|anymore|any more|after (?:tonight|today|this)|for (?:much|long)|soon|again)\b|\b(?:won't|will not) have to (?:worry about|deal with|put up with|see|look after|hear from) me (?:much longer|anymore|any more|after|for (?:much|long)|soon|again)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:won't|will not|wont) be a (?:burden|problem|bother) (?:for much longer|much longer|anymore|any more|for long|soon|after)\b",
        own=True,
    ),
    _p("ending", r"\bmade (?:my )?peace\b(?! with)|\bready to go\b(?=[^\n]*made (?:my )?peace)", own=True),
    _p(
        "ending",
        r"\bno (?:other )?way out\b(?! of (?:the|this|my|a) (?:contract|room|building|car park|lease|deal|job|meeting))|\bonly (?:one )?way out\b",
        own=True,
    ),
    _p(
        "ending",
        r"\bnothing (?:left )?to live for\b|\bno(?:thing)? (?:reason |point )?left to live for\b|\b(?:can't|cannot|won't|couldn't) go on (?:living|anymore|any more|any longer|like this|much longer)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:i'?m|i am|i feel) (?:so |just |completely |totally )?(?:done|finished) with (?:life|living|being alive|everything and everyone|it all|everyone and everything|existing|this life|this world)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:given|giving|gave|give) up on (?:life|living|being alive|myself|staying alive|everything)\b",
        own=True,
    ),
    _p(
        "ending",
        r"^(?:so )?(?:goodbye|bye|farewell)(?: everyone| everybody| all| world| cruel world| forever)\b|\b(?:goodbye|farewell) forever\b|\bgoodbye (?:cruel )?world\b",
        own=True,
    ),
    _p(
        "ending",
        r"\bafter (?:tonight|today|tomorrow|this)\b[^.!?\n]{0,30}\b(?:won't|will not|doesn't|won't ever|none of (?:it|this)|nothing) (?:will )?(?:matter|be a problem|hurt)\b",
        own=True,
    ),
    _p("ending", r"\b(?:don't|do not) (?:plan|intend|expect) (?:on|to) (?:be|being) (?:here|around|alive)\b", own=True),
    _p("ending", r"\btell (?:my |them |her |him )?\w+ (?:that )?i (?:love|loved) (?:her|him|them|you)\b", own=True),
    _p(
        "ending",
        r"\b(?:can't|cannot) do this anymore\b|\b(?:can't|cannot) do this any more\b|\b(?:can't|cannot) take (?:it|this) (?:anymore|any more)\b(?=$|[.!?]|\s*$)",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:want|wanting|wanted) to (?:just )?disappear\b(?! (?:into|for|to|under|from|off|on|somewhere))",
        own=True,
    ),
    _p("ending", r"\b(?:want|wanting|need) everything to stop\b", own=True),
    _p(
        "ending",
        r"\bdon't care what happens to me\b|\b(?:drive|driving|drove) (?:too |really )?fast and (?:don't|do not) care\b",
        own=True,
    ),
    # -- more ways of saying it ----------------------------------------------------------------
    _p(
        "passive",
        r"\bwhy am i (?:still )?(?:alive|here|breathing|even alive)\b|\bi (?:shouldn't|should not) (?:be alive|be here|exist|have been born|still be alive)\b|\b(?:don't|do not|didn't) deserve to (?:live|be alive|exist|be here)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:i|and|so|i just) (?:should|ought to|might as well|may as well) (?:just )?(?:die|be dead|kill myself|not exist|not be alive|end it)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:want|wanted|wanting|need|wish) (?:it|this|it all|this all) (?:to )?(?:all )?(?:be over|to be over)\b(?=\s*(?:$|[.!?,]|for good|forever|already|now))",
        own=True,
    ),
    _p(
        "passive",
        r"\bfeel(?:ing)? like dying\b(?! (?:of|from|laughing|for)\b)|\bwant out\b(?=\s*(?:$|[.!?,]| of (?:this life|life|existence|this world|everything|being alive)))",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:want|wanted|wanting|wish|need) to (?:just )?disappear and never (?:come back|be found|return|be seen)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:this|it|today|tonight) (?:will be|is going to be|'ll be|is) (?:my|the) (?:last|final) (?:message|post|entry|note|words|goodbye|exercise|night|day|time i write)\b(?! (?:before|for|until|of|in|at|on|to|till)\b)",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:can't|cannot|don't want to|won't) (?:live|go on|keep going|keep living|carry on|continue|do life)(?: (?:like this|this way|with this pain|with this))?(?: (?:anymore|any more|any longer|much longer))?(?=\s*(?:$|[.!?,]))",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:don't|do not|can't|cannot) see (?:a |any )?future (?:for me|for myself|ahead of me|at all)\b|\bno future for me\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:going to|gonna|about to|want to|wanted to|thinking (?:of|about)|ready to|decided to) jump\b(?! (?:in|on|into|at|ship|the gun|to|up|around|rope|queue|for|with|out of (?:bed|my skin)|back|ahead|over)\b)",
        own=True,
    ),
    _p(
        "direct",
        rf"\b(?:took|take|taking|swallowed) (?:a bunch of|a load of|a pile of|lots of|an entire (?:box|bottle|packet) of|handfuls of|way too many|double|triple|extra) {PILLS}\b(?=[^.!?\n]*\b(?:on purpose|to die|to sleep forever|so i|and|hope|hoping|to end)\b|\s*(?:$|[.!?]))",
        own=True,
    ),
    _p("self_harm", r"\buntil (?:it|they|i|my \w+) (?:bleeds?|bled|bruised|bruises|blistered|blisters)\b", own=True),
    _p(
        "self_harm",
        r"\b(?:blades?|razors?|razor blades?|knife)\b(?=[^.!?\n]*\b(?:thinking about|want to|tempted to|urge to|going to|need to) us(?:e|ing) (?:them|it)\b)",
        own=True,
    ),
    _p(
        "plan",
        rf"\bbought (?:\w+ ){{0,2}}{PILLS} (?:from|in|at) (?:\w+ )?(?:different|several|multiple|two|three|four|five|separate) (?:shops|pharmacies|chemists|stores|places)\b|\baffairs in order\b|\bhow long (?:it )?takes? to (?:die|bleed out|lose consciousness|drown)\b|\bbleed(?:ing)? out\b",
        own=True,
    ),
    _p(
        "ending",
        r"\bcan't see myself (?:being )?(?:here|alive|around)\b|\b(?:don't|do not) think i'?ll (?:make it|survive|last|get) (?:through )?(?:the night|tonight|the week|this week|till|until|to (?:the morning|tomorrow))\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:soon |then )?i (?:won't|will not) be a (?:burden|problem|bother|weight)(?: (?:for|to|on) (?:anyone|anybody|you|them|everyone|my family))?(?= (?:soon|anymore|any more|much longer|for much longer|for long|after)|\s*[.!?]|$)|\b(?:soon|then) i (?:won't|will not) be a (?:burden|problem|bother)\b|\b(?:won't|will not) (?:bother|trouble|burden|annoy) (?:anyone|anybody|you|them|people|you all|everyone) (?:after|anymore|any more|much longer|for long|again)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:everyone|everybody|they|you|you all|my family|the world)(?:'ll| will) (?:all )?be (?:better off|happier|fine) (?:soon|without me|when i'm gone)\b|\b(?:wouldn't|would not|don't|do not) mind (?:if i )?(?:not waking up|never waking up|dying|being dead|didn't wake up|died)\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:scared|afraid|frightened|terrified) of myself\b|\b(?:i )?(?:don't|do not) feel safe\b(?! (?:at|in|with (?:him|her|them)|around (?:him|her|them)|walking|going|driving|there|here at)\b)|\b(?:need|want) (?:someone|somebody|you|anyone) to stop me\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:i'll|i will|i might|i could|i'm going to|going to|i may) do something (?:stupid|drastic|permanent|irreversible|i can't undo|i can't take back|to myself|bad to myself)\b",
        own=True,
    ),
    # added after reading the held-out misses (see docs: these are no longer measured blind)
    _p(
        "unsafe",
        r"\b(?:don't|do not) think i'?m safe\b|\bnot in a safe (?:place|space|headspace|state)\b|\b(?:don't|do not) trust what i'?(?:ll| will| might) do\b|\b(?:can't|not sure i can|don't know if i can|don't think i can) hold on\b(?! (?:to|for)\b)|\b(?:don't know|not sure|no idea) if i'?(?:ll| will) (?:still )?be (?:here|alive|around)\b|\babout to do something (?:to myself|i can't take back|stupid|drastic)\b|\b(?:don't|do not) think i can (?:stop|hold) myself\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:future|world) with me in it\b|\bready to let go\b(?! of)|\bnothing (?:left )?for me here\b|\bwon't be (?:around|here|alive) to\b|\bwaiting to (?:be gone|die|be dead)\b|\bcan't see myself (?:making it|living|getting) (?:to|past|until)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:ways|how|methods?) to do it\b|\bi know (?:exactly )?(?:how and when|when and how|how and where|where and how)\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:i|i've|i have) (?:attempted|made an attempt)\b(?! (?:to|a|an|the|it|this|that)\b)|\battempt on my (?:own )?life\b",
        own=True,
    ),
]

# -- second round (issue 15): veiled wishes, recent attempts, not safe, endings said sideways ----------
_SCARE = r"(?:scare|scares|frighten|frightens|worry|worries|bother|bothers)"
PHRASES += [
    # veiled wishes: an accident, an illness, a crash hoped for; not existing sounding restful
    _p(
        "passive",
        r"\b(?:hop(?:e|ed|ing)|wish(?:ed|ing)?|pray(?:ed|ing)?|part of me (?:wants|wanted|hoped|hopes|wished))\b(?:(?!n't|\bnot\b|\bnever\b|\bno\b)[^.!?\n]){0,40}\b(?:plane|flight|crash|car|bus|lorry|train|turbulence|scan|tests?|results|lump|biopsy|surgery|operation|anaesthetic|illness|cancer|tumou?r|heart|accident)\b(?:(?!n't|\bnot\b|\bnever\b|\bno\b)[^.!?\n]){0,40}\b(?:go(?:es)? down|crash(?:es)?|something bad|something serious|bad news|go(?:es)? wrong|kills? me|takes? me|hits? me|terminal|incurable|don't survive|not survive|won't survive|a way out|never wake|not wake)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bpart of me (?:wants|wanted|hoped|hopes|wished|wishes) (?:the|my|it|that|to) [^.!?\n]{0,30}\b(?:go wrong|go down|crash|fail|not wake|never wake|stop)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:sleeping forever|never waking up|not waking up|not being here|not existing|being gone|being dead|disappearing forever|not being alive|not having to wake up|dying)(?: anymore| any more)? (?:sounds|feels|seems|looks|would be|would feel) (?:so |really |quite |kind of |more and more )?(?:nice|peaceful|good|lovely|tempting|appealing|restful|like (?:rest|relief|peace|a relief|a rest)|easy|easier|right|like the answer)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:easy|simple|tempting|easier) (?:it would be )?to (?:just )?(?:not (?:arrive|come home|come back|get home|wake up|stop|swerve|brake)|let go of the wheel|keep walking (?:into|off))\b|\bhow (?:easy|simple) it would be\b(?=[^.!?\n]*\b(?:tracks|edge|bridge|drop|train|road|traffic|pills|cross|crossing|railway|platform|wheel|step)\b)|\b(?:tracks|edge|bridge|drop|platform|railway)\b[^.!?\n]{0,40}\bhow (?:easy|simple) it would be\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:wouldn't|would not|won't|will not|didn't|did not) (?:swerve|brake|step back|get out of the way|fight it|look both ways)\b(?=[^.!?\n]*\b(?:if|when|lorry|car|bus|train|truck|came|comes|at me|happened)\b)|\bwithout looking and hope\b|\bdisappointed (?:when|that) (?:we landed|it was (?:fine|clear|benign|nothing)|i survived|i woke up|the plane landed|i was fine)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:jealous|envious|envy)\b[^.!?\n]{0,30}\b(?:people|anyone|those|the ones|everyone|someone|somebody)(?: \w+)? (?:who|that) (?:die|died|get to die|don't wake up|passed|got to die)\b|\benvy the dead\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bwhy (?:couldn't|could not|wasn't|didn't) it (?:have been|be) me\b|\b(?:wish|wished|wishing) (?:it had been|it was|it were|it'd been) me\b|\b(?:wish|wished|wishing) i'?d (?:been in|died in|gone in|been on|been killed in) (?:that|the)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bif i (?:got|get|had|have|found out i had) (?:some |a )?(?:terminal|incurable|fatal|serious) (?:illness|disease|diagnosis|cancer)\b[^.!?\n]{0,30}\b(?:relieved|relief|glad|happy|not treat|refuse|wouldn't fight)\b|\bif (?:the|it|my) (?:lump|tumou?r|scan|biopsy|cancer)\b[^.!?\n]{0,30}\b(?:don't think i'll|won't|wouldn't|not going to) (?:get it treated|have it treated|treat it|fight it|have treatment|tell anyone)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:pray|prayed|praying|ask|asked|asking|beg|begging) (?:every night |each night |at night )?(?:that )?(?:god|the universe|someone|something) (?:to )?(?:takes?|would take|will take|to take) me\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:i'?d|i would) be (?:fine|okay|ok|happy|glad|relieved) (?:with |about )?(?:not waking up|never waking up|not being here|dying|being dead|not existing|if i didn't wake up|if i died)\b|\b(?:wouldn't|would not|don't|do not) mind if something (?:happened|happens|bad happened) to me\b|\bhop(?:e|ing) i(?:'ll| will)? get (?:hit|run over|killed|sick|ill)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bstopped taking my (?:\w+ )?(?:meds|medication|medicine|tablets|pills|insulin)\b(?=[^\n]*\b(?:if it stops|if i die|don't care|so i|let it|it stops|whatever happens|happens)\b)",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:just )?(?:fall asleep|go to sleep|sleep|rest) and (?:let (?:it all|everything|it) (?:stop|end|go)|not (?:come|have to come) back|never (?:come|have to come) back|never have to (?:wake|come back|face))\b|\bnever have to come back\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:want|wanted|wish|need) to be (?:erased|deleted|wiped out|forgotten forever)\b|\blike i was never (?:here|born)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bif i (?:disappeared|vanished|was gone|were gone|died) (?:tonight|tomorrow|today|now)?\b[^.!?\n]{0,30}\b(?:wouldn't|would not|won't|doesn't|not|don't think (?:it|anyone|they|people) would|nobody would|no one would) (?:matter|notice|care)\b|\bit would (?:solve|fix) (?:everything|a lot|it all|so much) if i (?:just )?(?:wasn't here|weren't here|was gone|were gone|didn't exist|died|disappeared|wasn't around)\b|\bif i (?:just )?(?:didn't exist|wasn't here|weren't here|was gone|were gone|disappeared|wasn't around)\b[^.!?\n]{0,12}\b(?:it|things|life|everything) (?:would|'d) be (?:easier|better|simpler|happier|lighter|fine)\b",
        own=True,
    ),
    _p(
        "passive",
        rf"\b(?:death|dying|the edge|the drop|the height|the fall)(?: really)? (?:doesn't|does not|don't|no longer|isn't going to|won't) {_SCARE} me\b(?![^.!?\n]*\b(?:abstract|in general|as much|the way|in itself|it's (?:losing|the|other|what)|but))|\bdeath (?:looks|seems|feels|sounds) like (?:rest|relief|peace|sleep|home|a rest|a relief)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\brunning out of reasons (?:to|for) (?:fight|fighting|stay|staying|live|living|keep going|go on|be here)\b|\bout of reasons to (?:stay|live|keep going)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:don't|do not|can't|cannot) see myself (?:getting older|growing old|getting old|reaching \w+|making it to \w+|being here (?:in|next|at)|living (?:past|to|until))\b",
        own=True,
    ),
    # recent attempts and self-harm said with no keyword
    _p(
        "direct",
        r"\b(?:tried|attempted|did it|went through with it)(?: it)? again\b(?= (?:last|on|this|yesterday|today|tonight|a (?:week|month|few)|\w+ (?:days?|weeks?|months?) ago)\b|\s*[.!,]|$)(?=[^\n]*\b(?:hospital|a&e|er|ambulance|on purpose|woke up|still here|didn't work|nobody knows|no one knows|pills|pumped|found me|sectioned|ward|stitches|meant it|it was on purpose)\b)",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:tried|did it|attempted)(?: it)? again (?:last (?:month|week|night|weekend)|yesterday|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\s*[.!]",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:went through with it|did it)\b[^.!?\n]{0,30}\b(?:didn't work|did not work|it failed|woke up|still here|they found me|found me in time)\b|\b(?:yesterday|last night|last week|on \w+day) i went through with it\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:second|third|another|latest|last week's|last month's|recent|yesterday's|last night's|this week's) (?:suicide )?attempt\b|\bafter (?:my|the) attempt (?:last|on|this|yesterday)\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:pumped my stomach|stomach pumped|found me in time|woke up in (?:the )?hospital|woke up in a&e|in a&e again|ended up in (?:a&e|hospital|the er|er) again)\b|\bafter what i did (?:on|last|yesterday|this)\b|\bswallowed (?:everything|all of it|the lot|whatever)\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:psych ward|psychiatric ward|psychiatric unit|mental health unit|grippy sock)\b[^.!?\n]{0,50}\b(?:try again|do it again|still want|want to die|already want)\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\b(?:counted|count|counting) (?:the|my) (?:scars|cuts|marks)\b[^\n]{0,40}\b(?:added|more|new|another|two|three|again)\b|\b(?:added|made) (?:two|three|a few|some|another|more|new) (?:more )?(?:scars|cuts|marks|lines)\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\blong sleeves again\b|\b(?:hiding|hide|hid|covering|cover) (?:my |the )?(?:arms?|wrists?|thighs?|cuts|marks|scars|burns|bandages?) (?:again|from everyone|under)\b|\bbandages? (?:is |are )?under my sleeves?\b|\b(?:marks|cuts|scars|burns) on my (?:wrists?|arms?|thighs?|legs?|stomach) are (?:fresh|new|back|bleeding)\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\bback to day (?:one|1|zero|0)\b(?=[^\n]*\b(?:cut\w*|self-harm\w*|blades?|razors?|burn\w*|clean|sh)\b)|\b(?:broke|broken|lost|reset) my (?:streak|clean streak|clean days|count)\b(?=[^\n]*\b(?:cut\w*|self-harm\w*|blades?|razors?|burn\w*|hurt|again|relaps\w*)\b)|\b\d+ (?:days?|weeks?|months?) (?:clean )?(?:gone|wasted|reset|down the drain)\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\b(?:the |my )?(?:blade|razor|lighter|scissors|compass) (?:again|on my (?:arm|skin|wrist|thigh|leg|stomach))\b|\b(?:used|using|use) (?:the|a|my) (?:lighter|blade|razor|compass|scissors) on my\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\b(?:arms?|thighs?|legs?|wrists?|skin) (?:are|is) (?:a mess|torn up|wrecked|raw|covered) again\b|\bwent back to (?:hurting|harming|cutting|burning) myself\b|\b(?:doing|did) it again\b[^.!?\n]{0,40}\b(?:razor|blade|lighter|cut|sleeves|skin|bleed)\w*\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\b(?:scratch\w*|pick\w*|pull\w*|hit\w*|punch\w*|bang\w*|bit(?:e|ing)?) (?:\w+ ){0,3}(?:until|till) (?:it |they |i |my \w+ )?(?:bleeds?|bled|bruises?|bruised|hurt|blisters?)\b|\bstitches\b[^.!?\n]{0,40}\blied about (?:how|what|why)\b",
        own=True,
    ),
    # not able to keep safe, said in other words
    _p(
        "unsafe",
        r"\b(?:shouldn't|should not|can't|cannot|mustn't) be (?:on my own|alone|by myself|left alone)(?: tonight| right now| today| now)?\b(?! (?:with|in|at|walking|around|near)\b)|\b(?:please )?(?:don't|do not) (?:leave|let) me (?:be )?alone tonight\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\btake (?:the |my |all the |these )?(?:pills|tablets|meds|medication|knives|knife|blades|razors|belts?) away(?: from me)?\b|\b(?:don't|do not|can't) trust (?:my hands|my head|my brain|my mind|my thoughts|me)\b(?! (?:with (?:money|chocolate|cake|plants|the car)))",
        own=True,
    ),
    _p(
        "unsafe",
        r"\bsafety plan\b[^.!?\n]{0,50}\b(?:can't (?:make myself|bring myself|face|read|use)|won't help|isn't helping|not helping|doesn't help|useless|isn't working|not working|threw|tore|ripped|ignored)\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:the |my )?(?:urges?|thoughts|voices?) (?:are|is|feel|feels|have been|got|getting) (?:really |so |very |too )?(?:strong|loud|louder|bad|overwhelming|intense|unbearable|stronger)\b(?=[^.!?\n]*\b(?:tonight|right now|today|on my own|alone|now|running out|again|can't)\b)(?![^.!?\n]*\b(?:smoke|smoking|drink|drinking|eat|eating|binge|bingeing|shop|shopping|spend|spending|vape|vaping|text|settled|passed|eased|calmed|went away|faded|got through|coped|managed)\b)",
        own=True,
    ),
    _p(
        "unsafe",
        r"\bholding on by a (?:thread|fingertip|fingernail|hair)\b|\b(?:i'm|i am) (?:right )?on the edge(?: tonight| right now| again)?\b(?! of (?:my seat|tears|something|a breakthrough|burnout))|\b(?:i'm|i am) (?:so |really |getting |very )close\s*(?:[.!]|$|to the edge|to doing it|to acting)",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:don't|do not) think i'?(?:ll| will| would| 'd)? (?:be|stay|keep) safe\b|\bnot safe for me to be\b|\b(?:isn't|is not|not) safe for me (?:to be )?(?:alone|here|home|on my own)\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:knife|knives|blades?|razors?|pills|tablets|the bridge|the tracks|the rope|the river|the edge)\b[^.!?\n]{0,30}\b(?:calling|calling to|whispering to|pulling) me\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:if|unless) (?:nobody|no one|noone|someone doesn't|you don't|they don't) (?:answers?|picks? up|comes?|calls? (?:me )?back)\b[^.!?\n]{0,40}\b(?:don't know what i'?(?:ll| will| might) do|i might do something|i'?ll do something)\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:don't|do not) feel (?:in control of|like i can control) (?:myself|my hands|what i do)\b|\b(?:not|no longer) in control of (?:myself|what i do)\b(?=[^.!?\n]*\b(?:scared|frightened|afraid|terrified|tonight|right now)\b)",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:my )?(?:head|brain|mind|voices?|thoughts)(?: is| are| keeps?| keep)? (?:telling|saying to) me (?:to (?:do it|end it|go|jump|cut|take them)|tonight'?s the night|it'?s time|that tonight)\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:locked|hid|hidden|put|gave) (?:away |up )?(?:the |my |all the )?(?:razors|blades|knives|pills|tablets|meds)\b[^.!?\n]{0,60}\b(?:so i can't|so i don't|don't trust|still thinking|still want|tempt\w*|can't trust)\b",
        own=True,
    ),
    # hopeless endings and goodbyes said sideways
    _p(
        "ending",
        r"\bsorry for everything\b(?=[^\n]*\b(?:goodbye|love you|bye|not your fault|forgive)\b)|\b(?:i love you all|love you all)\b[^\n]{0,30}\b(?:goodbye|i'm sorry)\b|\btell (?:my |them |her |him )?\w+ (?:that )?i'?m sorry\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:last|final) time i'?(?:ll| will) (?:ever )?(?:fill|do|use|open|answer|write in|come)\b|\bby the time (?:anyone|someone|you|they|somebody) (?:reads|finds|sees) this\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:won't|will not|wont) need (?:this|these|it|the|my|any of) ?(?:\w+ )?(?:after|anymore|any more)(?: (?:tonight|today|this week|tomorrow))?\b(?=\s*(?:[.!,]|$|tonight|today))",
        own=True,
    ),
    _p(
        "ending",
        r"\bnot (?:just )?with (?:today|this|work|this week|you)\b[^.!?\n]{0,5}\bwith (?:all of it|everything|life|it all|all this)\b|\b(?:i'm|i am) done\b[^.!?\n]{0,10}[.!,]?\s*(?:not with (?:today|this|work|you)|with (?:all of it|everything|it all|all this|life|living|trying|this life|existing))\b|\b(?:i'm|i am) (?:done|finished) with (?:life|living|existing|this life|everything|it all|all of it|being alive)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:tired|sick|exhausted) of fighting\b(?! (?:with|for|about|over|my (?:\w+ )?(?:sister|brother|partner|mum|dad|landlord|boss)))|\bout of fight\b|\bno fight left\b|\b(?:i'm|i am) letting go (?:tonight|now|for good|today|soon)\b|\bi'?ve stopped (?:fighting|trying)\b(?=\s*[.!]|$| now| anymore)",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:soon|then|after tonight|after this) none of (?:this|it) will (?:be my problem|matter|hurt)\b|\b(?:pain|it|everything|all of it|this) to stop (?:for good|forever|permanently|for ever)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:sleep|go to sleep|going to sleep|close my eyes)\b[^.!?\n]{0,20}\bhope (?:that's|that is|it's|it is|this is) the end (?:of it|of me|of everything)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:look after|take care of|feed|walk) (?:the|my) (?:cat|dog|cats|dogs|kids|children|plants|rabbit) for me\b(?=[^\n]*\b(?:won't|anymore|any more|goodbye|sorry|love|after|gone|can't)\b)",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:once|when|after|if) i'?m (?:out of the picture|out of the way|not around|no longer around)\b|\bonly one way (?:this|it|my life|all this) (?:ends|can end|is going to end|will end)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:won't|will not|wont) be (?:doing|coming to|needing|using|opening) (?:the next|any more|another|this)\b[^.!?\n]{0,30}\b(?:or any|ever again|again)\b|\bor any of them\b(?=\s*[.!]|$)",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:not|never) (?:going to be|gonna be) (?:a|an) (?:problem|burden|bother|issue) (?:for|to) (?:anyone |you |them |anybody )?(?:much longer|for long|for much longer)\b|\b(?:understand|forgive me) (?:one day|someday|eventually|in time) (?:why|that) i (?:had to|did it|did this|left|went|couldn't stay|had to go)\b|\bone day (?:you'll|they'll|she'll|he'll|everyone will) understand why i\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:don't|do not) plan on (?:waiting|sticking around|being (?:here|around|alive)|staying|hanging around)\b(?=[^.!?\n]*(?:to find out|much longer|long|$|[.!]))|\b(?:tonight|today|now|this week) (?:feels|is|seems) (?:like )?the (?:right|perfect) (?:time|night|day)\s*(?:[.!]|$)",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:deserve|deserves) (?:a|an|someone|somebody) (?:\w+ ){0,2}(?:who isn't me|other than me|better than me)\b[^.!?\n]{0,15}\b(?:or none|or nobody|or no one)\b",
        own=True,
    ),
    # indirect plans: making it look like something else, a way out, a deadline
    _p(
        "plan",
        r"\b(?:make|making) it (?:look|seem) like an? (?:accident|natural)\b|\b(?:ways|how) to (?:leave|go|check out|disappear) (?:for good|forever|permanently)\b|\b(?:a|one|my) way out\b[^.!?\n]{0,10}\bi know (?:where|how|what)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\blooking at (?:the |my )?(?:medicine cabinet|pills|tablets|bridges?|tracks|trains|knives|rope|railway|motorway bridge|balcony)(?: \w+)? (?:differently|a lot|for too long|and thinking|and wondering|in a different way)\b|\b(?:sit|sat|sitting) on the (?:roof|ledge|edge|railing)(?: \w+){0,2} for hours\b",
        own=True,
    ),
    _p(
        "passive",
        r"\bsomewhere (?:nobody|no one|noone) can (?:reach|find|hurt) me\b[^.!?\n]{0,20}\b(?:permanently|forever|for good)\b|\b(?:better|happier|easier|simpler)\b[^.!?\n]{0,30}\b(?:insurance|without me around)\b",
        own=True,
    ),
]

# -- the same kinds said in other words: an illness or accident welcomed, another try, a last choice -----
_EVENT = r"(?:plane|flight|crash|car|bus|lorry|truck|train|turbulence|scan|tests?|results|lump|biopsy|cough|pain|surgery|operation|anaesthetic|illness|disease|virus|cancer|tumou?r|heart attack|stroke|accident|earthquake|storm|fire|flood|bomb|war)"
PHRASES += [
    _p(
        "passive",
        rf"\b(?:hope|hoped|hoping|wish|wished|wishes|wishing|welcome|would welcome|'d welcome|pray|praying)\b(?: that)?(?: the| a| an| my| this)? (?:\w+ )?{_EVENT}\b(?:(?!n't|\bnot\b|\bnever\b|\bno\b)[^.!?\n]){{0,30}}\b(?:is|was|turns out|would be|will be|comes back|goes|would go|will go)? ?(?:something )?(?:serious|bad|terminal|fatal|the end|malignant|cancer|go wrong|goes wrong)\b|\b(?:welcome|'d welcome|would welcome) (?:a|an|the) (?:heart attack|stroke|accident|illness|disease|crash|end)\b",
        own=True,
    ),
    _p(
        "passive",
        rf"\b(?:had|would have|'d have) (?:taken|killed|finished) me\b|\b{_EVENT}\b[^.!?\n]{{0,30}}\b(?:had|would have|hadn't|didn't) (?:taken|killed|finish(?:ed)?) (?:me|the job)\b|\bfinish(?:ed)? the job\b(?=[^.!?\n]*\b(?:accident|crash|pills|overdose|fall|illness)\b)",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:said|was|came back|turned out) (?:it was |to be )?(?:benign|clear|fine|nothing|negative)\b[^.!?\n]{0,30}\b(?:disappoint\w*|gutted|let down|sad)\b|\bdisappoint\w*\b[^.!?\n]{0,30}\b(?:benign|all clear|it was clear|i survived|i was fine|we landed|woke up)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:hope|hoping|keep hoping|wish|wishing)\b[^.!?\n]{0,15}\b(?:a |the |some )?(?:lorry|car|bus|truck|driver|train|van) (?:will |would |might )?(?:lose control|hit me|run me over|come onto|swerve into|mount the)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:think|thinking|thought|imagine|imagining|picture|picturing) (?:about |of )?(?:not (?:turning|braking|stopping|steering)|letting go of the wheel|driving (?:off|into)|staying under|not coming up|stepping off|stepping out|walking into the sea)\b|\bhow peaceful it would be to (?:stay|not|never|just|sink|stop)\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:would be|would feel like|'d be) a (?:kindness|mercy|relief|blessing|gift) (?:if|to) i\b|\bbeing (?:dead|gone) (?:seems|sounds|looks|feels) (?:\w+ )?(?:restful|peaceful|better|easier|nice|kinder)\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:my )?(?:second|third|fourth|another|last) (?:try|go|time trying)\b(?=[^\n]*\b(?:pills|overdose|hospital|woke up|a&e|ambulance|floor|sick|didn't work|still here|rope|bridge|jump)\b)|\bwoke up on the (?:\w+ )?floor\b(?=[^\n]*\b(?:pills|tablets|took|swallowed)\b)",
        own=True,
    ),
    _p(
        "direct",
        r"\btook (?:everything|all of it|the lot|whatever was|all (?:the )?(?:pills|tablets|meds)) (?:in|from) (?:the |my )?(?:\w+ )?(?:cabinet|cupboard|drawer|box|bottle|packet)\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:nearly|almost) (?:did it|went through with it|jumped|stepped off|let go)\b|\bstepped back at the last (?:second|minute|moment)\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\b(?:went|gone|going|got|came) back to (?:the |my )?(?:blade|razor|lighter|cutting|burning|scratching|hurting myself)\b|\b(?:fresh|new|more) (?:lines|marks|cuts|burns|scratches) (?:on|across|up) my (?:arms?|wrists?|legs?|thighs?|skin|stomach|hips?|body|ankles?|shoulders?|chest)\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\b(?:arm|wrist|leg|thigh|cut|wound)s? (?:glued|stitched|steri-stripped|dressed)\b[^\n]{0,60}\b(?:told (?:them|her|him|the nurse|the doctor) it was|lied|said it was (?:the cat|an accident|the dog))\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:i'?ve|i have) (?:made|taken) my (?:choice|decision)\s*[.!]*$|\bthis is where (?:my|the) story ends\b|\bwhere it (?:all )?ends for me\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:not|never) (?:going to|gonna) be (?:around|here|alive) (?:for|to see|when|at|by)\b|\b(?:don't|do not) expect to (?:be (?:here|around|alive)|see|make it to)\b|\bgoodbye to (?:whoever|anyone who|everyone who) reads\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:deciding|decide|decided|debating|wondering|not sure|unsure) (?:whether|if) (?:to|i should|i'?d|i'?ll|i will|i'm going to) (?:go through with it|do it tonight|actually do it)\b",
        own=True,
    ),
    # the future closed off, a last week, a finder, the drop
    _p(
        "ending",
        r"\bwhoever finds (?:this|me|it|the note)\b|\bwhen (?:they|someone|you) find me\b|\b(?:looking at|treating|seeing) everything as (?:the )?(?:last|final)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:this is|it's|it is|this will be) my (?:last|final) (?:week|day|night|month|weekend|christmas|birthday|summer)\b(?! (?:at|in|of|before|on|with|as|here|there|working)\b)",
        own=True,
    ),
    _p(
        "ending",
        r"\b(?:stopped|stop|no point|not) (?:making|booking|make|book) (?:any )?(?:plans|appointments|anything)(?: \w+)? (?:past|beyond|after)\b|\b(?:won't|will not|not going to) (?:see|make it to|be here for|be around for) (?:christmas|summer|next year|my birthday|the new year|spring|the spring)\b(?! (?:with|at|in|because|this year)\b)",
        own=True,
    ),
    _p(
        "ending",
        r"\bthis time next (?:week|month|year) i'?(?:ll| will) be (?:gone|dead|at peace|free)\b|\b(?:they'?ll|everyone will|you'?ll|they will|you will) (?:finally )?be (?:free|rid) of me\b|\bi'?(?:ll| will) (?:finally )?(?:be free|have peace|get to rest|be at peace) soon\b",
        own=True,
    ),
    _p(
        "plan",
        r"\bhow (?:long|far|high|big|steep) the (?:drop|fall) (?:is|was|would be)\b|\bthe (?:drop|fall) from (?:my|the) (?:balcony|window|roof|bridge|flat|building)\b",
        own=True,
    ),
    # the means at hand right now, and a night in hospital after
    _p(
        "unsafe",
        r"\b(?:sitting|sat|standing|lying|i'm) (?:here )?with (?:the|a|my) (?:blade|razor|knife|pills|tablets|rope|belt)\b|\b(?:pills|tablets|blade|razor|knife|rope) (?:is|are) (?:right )?(?:in front of me|next to me|in my hand|on the table in front of me)\b|\bi'?m (?:on|at) the (?:bridge|cliffs?|edge|roof|tracks|platform|ledge)(?: right)? now\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:in|at|to) (?:a&e|hospital|the hospital|the er|casualty)\b[^.!?\n]{0,20}\b(?:after|because) (?:i |of )?(?:took|taking|swallow\w*|an overdose|overdosing|what i did|cutting|hurting myself|trying)\b|\bafter (?:taking|swallowing) (?:\w+ ){0,2}(?:pills|tablets|an overdose|paracetamol)\b",
        own=True,
    ),
    # -- added after reading the second held-out corpus's misses (measured blind before; see docs) -----------
    _p(
        "passive",
        r"\b(?:the idea|the thought) of (?:not being here|not existing|not waking up|never waking up|not having to wake up|dying|being dead|being gone|disappearing) (?:is|feels|seems|sounds) (?:so |really |strangely |weirdly )?(?:comforting|soothing|tempting|appealing|a relief|peaceful|nice)\b|\bfall asleep forever\b|\bthe kind of sleep (?:you|that you|i|people) (?:don't|never|won't) (?:come back|wake up|wake) from\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:lighter|kinder|calmer|quieter) without me\b|\b(?:managing|coping|doing|getting on) (?:fine|better|okay|ok) without me\b|\bhow long it would take (?:anyone|someone|people|anybody) to notice\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:hope|hoping|hoped) (?:the|a) (?:bus|car|lorry|train|truck|driver) (?:doesn't|won't|wouldn't|didn't) (?:stop|brake|see me)\b|\b(?:turbulence|the plane|the flight|the car|the crash)\b[^.!?\n]{0,40}\b(?:hoping|hoped|wished|wanted) (?:that )?it (?:would|'d|might) (?:go down|crash|not land|kill me)\b|\bhopes? the (?:scan|test|biopsy|x-ray|mri) (?:finds|shows|will find|will show) something\b",
        own=True,
    ),
    _p(
        "passive",
        r"\b(?:keep|just keep|kept) (?:swimming|walking|driving) (?:out|into the sea|into the water|off)\b|\bpermanent (?:exit|solution|way out|escape|sleep)\b|\bmake (?:it|this|everything|it all) stop (?:permanently|forever|for good)\b|\bfix (?:that|it|this|everything) for good\b",
        own=True,
    ),
    _p(
        "plan",
        r"\blooking at (?:tall )?(?:buildings|the sea|cliffs|the river|the railway|car parks)(?: \w+)? (?:differently|a lot|for too long|and thinking)\b|\b(?:looked|stared|staring|looking) at the (?:train )?tracks for (?:a long time|ages|hours|an hour)\b|\b(?:stood|standing|sat|sitting) on the (?:bridge|roof|ledge|cliff edge) for (?:an hour|hours|ages|a long time)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:have|got|get) it (?:all )?ready (?:for )?when i (?:decide|do it|go)\b|\bi know what i'?d need\b|\bdecided it'?(?:ll| will) be (?:on|after|before)\b|\bway out\b[^.!?\n]{0,30}\bthinking about taking it\b",
        own=True,
    ),
    _p(
        "ending",
        r"\bpart of me has already (?:left|gone|died)\b|\blast time i'?(?:ll| will) (?:ever )?see (?:my|them|her|him|you)\b[^.!?\n]{0,40}\b(?:soon|want it)\b|\b(?:can't|cannot) (?:picture|imagine) (?:myself|me) (?:at \w+|getting older|growing old|being (?:here|alive))\b|\bcan't see a future where i'?m (?:still )?(?:here|alive|around)\b",
        own=True,
    ),
    _p(
        "ending",
        r"\bwhy (?:stay|bother staying|keep going|go on|carry on|stick around)\s*[.?!]*$|\b(?:just )?want to stop,? (?:completely|for good|forever|everything)\b|\b(?:like|want|need) it to end (?:sooner|soon|now)\b|\bdone trying to (?:live|stay alive|keep going|be alive)\b|\b(?:don't|do not) see how i (?:get|make it|can get) through (?:another|the next|this)\b",
        own=True,
    ),
    _p(
        "plan",
        r"\b(?:don't|do not) think i'?(?:ll| will) be (?:around|here|alive) (?:by|for|at|to see|then|when)\b|\bplanning (?:not to|on not) (?:still )?be(?:ing)? (?:alive|here|around)\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:can't|cannot|won't) (?:guarantee|promise) (?:i'?ll|i will|to) (?:still )?(?:be here|be alive|stay okay|stay ok|stay alive|make it|be safe)\b|\bnot sure i'?(?:ll| will) (?:be|stay|keep) safe\b|\b(?:tonight|today|this) feels dangerous\b",
        own=True,
    ),
    _p(
        "unsafe",
        r"\b(?:it|they|voices?|something) (?:keeps?|is|are) telling me to (?:do it|end it|jump|cut|take them|go)\b|\b(?:might|could|will|going to) actually do it this time\b|\b(?:don't|do not) trust what i'?d do\b",
        own=True,
    ),
    _p(
        "direct",
        r"\b(?:discharged|this morning|yesterday|last (?:week|night))\b[^.!?\n]{0,60}\bafter (?:the|my) (?:suicide )?attempt\b|\bafter (?:the|my) (?:suicide )?attempt\b(?=[^.!?\n]*\b(?:discharged|this morning|today|yesterday|last (?:week|night|month)|days?)\b)|\b(?:crisis team|psych ward|ambulance|paramedics)\b[^.!?\n]{0,40}\b(?:because|after) i'?d? (?:tried|taken|overdosed|done it)\b|\bend it\.? end it\b",
        own=True,
    ),
    _p(
        "self_harm",
        r"\b(?:till|until) my (?:knuckles|skin|arm|hand|hands|fists?) (?:split|bled|bleed|broke|cracked)\b|\b(?:blades?|razors?)\b[^.!?\n]{0,30}\bkeep going back to\b|\bback to the old habit with the (?:blade|razor|lighter)\b",
        own=True,
    ),
    _p("self_harm", r"\b(?:burning|cutting|scratching) again\b(?! (?:the|a|some|my (?:hair|toast|dinner)))"),
]
