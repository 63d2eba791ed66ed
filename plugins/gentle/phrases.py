"""What people write when they think about dying or hurting themselves, by kind, as regular expressions.

Each phrase is matched on normalised text (see ``normalise``). ``own`` phrases
say by themselves whose experience it is ("kill myself", "my life"); the others
("suicidal", "self-harm", "wants to die") are checked for who is speaking.
``topic`` phrases are nouns that can also name a subject of a film, a
lecture or a policy. Scope rules (negation, time, jokes...) are in ``scope``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

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
    pattern: re.Pattern
    own: bool = False  # the phrase itself says it is the writer's own ("myself", "my life", "I")
    topic: bool = False  # a noun that can be a topic ("a film about suicide")


def _p(kind: str, pattern: str, own: bool = False, topic: bool = False) -> Phrase:
    return Phrase(kind, re.compile(pattern), own, topic)


PHRASES: list[Phrase] = [
    # -- direct: ending one's life ------------------------------------------------------
    _p("direct", r"\b(?:kill|killing|killed|kills|hang|hanging|hanged|shoot|shooting|poison|poisoning|suffocate|suffocating|stab|stabbing|gas|gassing|drown|drowning|electrocute) myself\b", own=True),
    _p("direct", r"\bsuicid(?:e|es|al|ality|ally)\b", topic=True),
    _p("direct", r"\b(?:end|ends|ending|ended|take|takes|taking|took|finish|finishing) (?:my|my own) (?:life|self)\b", own=True),
    _p("direct", r"\b(?:to|'ll|will|about|of|just|should|could|might|gonna|i|i'm|me|by) (?:just |finally |simply )?(?:end|ending) (?:it|it all|everything|things|my misery|the pain for good)\b(?! (?:with|between|here for|there for|early|on a)\b)", own=True),
    _p("direct", rf"\b{WISH_VERBS} to (?:just |finally |simply )?(?:die|be dead|not be alive|not exist|not wake up|not be here|stop living|stop existing|cease to exist|stop breathing)\b(?! (?:of|from|for|laughing|inside|with laughter|than)\b)"),
    _p("direct", r"\b(?:want|wanting|wish|wishing|welcome|long for|longing for|crave|craving) (?:to )?death\b"),
    _p("direct", r"\b(?:think|thinking|thought|thoughts) (?:a lot |constantly |all the time |so much )?(?:about|of) (?:dying|death|my death|my own death|being dead|not being alive|not being here|not existing|not waking up|no longer existing|jumping|overdosing|taking my|hanging|ending (?:it|things|everything))\b"),
    _p("direct", r"\b(?:overdos(?:e|es|ed|ing))\b(?! on (?!purpose|my|pills|tablets|meds|paracetamol|painkillers|insulin|sleeping|the pills|antidepressants))", topic=True),
    _p("direct", rf"\b(?:took|take|taking|swallowed|swallow) (?:too many|a lot of|a handful of|loads of|all (?:of )?(?:my|the)|every one of my|the whole (?:box|bottle|packet) of) {PILLS}"),
    _p("direct", r"\b(?:jump|jumping|jumped|throw(?:ing)? myself|threw myself|step(?:ping)?|stepped|walk(?:ing)?|walked|lie down|lying down) (?:off|from|in front of|under|onto|into) (?:a |the |my |this |that )?(?:\w+ )?(?:bridge|building|roof|cliffs?|train|bus|car|lorry|truck|balcony|window|ledge|tower|car park|multi-storey|tracks|motorway|traffic|sea|river)\b"),
    _p("direct", r"\b(?:almost|nearly) (?:jumped|did it|went through with it|ended it|overdosed)\b", own=True),
    _p("direct", r"\b(?:drive|drove|driving|crash|crashing|crashed) (?:my car |the car )?(?:into|off) (?:a |the )?(?:tree|wall|bridge|lorry|truck|river|cliff|oncoming traffic)\b", own=True),
    _p("direct", r"\b(?:attempt|attempted|attempting|try|tried|trying) (?:suicide|to kill myself|to end (?:it|my life)|to hang myself|to overdose|again)\b(?<!try again)(?<!tried again)(?<!trying again)|\b(?:attempted|tried) (?:it )?again\b(?=.*\b(?:suicide|overdose|kill|die|end it)\b)"),
    _p("direct", r"\b(?:knife|blade|razor|rope) (?:to|against|around|on) my (?:wrists?|throat|neck|arms?|skin)\b", own=True),
    # -- passive wishes -------------------------------------------------------------------------
    _p("passive", rf"\bwish(?:ed|ing)? (?:that )?i(?:'d)? (?:was|were|could be|had been|'d been|would be) (?:dead|gone|never born|not alive|not here)\b", own=True),
    _p("passive", r"\bwish(?:ed|ing)? (?:that )?i(?:'d| had| could have)? never (?:been born|existed|woken up|woke up|been alive)\b", own=True),
    _p("passive", r"\bwish(?:ed|ing)? (?:that )?i (?:wasn't|weren't|was not|were not|didn't|did not) (?:alive|here|around|born|exist|wake up)\b", own=True),
    _p("passive", r"\bwish(?:ed|ing)? (?:that )?i (?:could|would|'d|might) (?:just )?(?:die|be dead|disappear (?:forever|for good|permanently|and never come back)|not wake up|never wake up|go to sleep and (?:never|not) wake up|stop existing|cease to exist|die in my sleep|fall asleep and (?:never|not) wake up|not exist|stop breathing|stop being alive|fall asleep forever|sleep forever|just stop)\b", own=True),
    _p("passive", r"\bwish(?:ed|ing)? (?:something|someone|somebody|a car|a bus|cancer|god|the world) would (?:just )?(?:kill me|end me|take me|hit me)\b", own=True),
    _p("passive", r"\b(?:rather|sooner) (?:be dead|die|not be alive|not exist|not be here)\b", own=True),
    _p("passive", r"\bbetter off dead\b"),
    _p("passive", rf"\bbetter off (?:without me|if i (?:was|were|wasn't|weren't|was not|were not|died|didn't exist|did not exist|had never been born|never existed) ?(?:{GONE}|dead|here|around|alive)?)\b", own=True),
    _p("passive", rf"\b(?:better|easier|happier|lighter|simpler)(?: off| place)?(?: for (?:everyone|everybody|them|all|my family))? (?:if|when|once) i(?:'m| am| was| were)? (?:{GONE}|died|was dead|were dead|didn't exist|did not exist|wasn't here|weren't here|wasn't around|weren't around|was gone|were gone|just died|disappeared|(?:just )?stopped existing|stopped being alive|wasn't alive)\b", own=True),
    _p("passive", r"\b(?:better|happier|easier) (?:place |world )?without me\b", own=True),
    _p("passive", r"\b(?:hope|hoping|pray|praying|prayed)(?: every night| each night)? (?:that )?i(?: don't| won't| never| do not| will not| wouldn't) (?:wake up|make it|survive|see tomorrow|see the morning)\b", own=True),
    _p("passive", r"\b(?:don't|do not|never|no longer|didn't|did not|doesn't|not) (?:really |even |actually )?(?:want|wanna|wanting|wish|feel like i want) to (?:live|be alive|exist|be here|go on|keep going|keep living|carry on|be around|survive|stay alive|see tomorrow)\b(?! (?:in|with|at|on|there|near|next|by|for|without|alone|under)\b)", own=True),
    _p("passive", r"\b(?:don't|do not|never|no longer|didn't|did not) (?:really |even |ever )?(?:want|wanna|wish) to (?:wake up|see (?:the )?(?:morning|tomorrow))\b(?! (?:early|on time|at|for (?:work|school)|before)\b)|\b(?:if|that) i (?:just )?(?:didn't|don't|never|wouldn't|won't) wake up\b(?! (?:on time|in time|early|for|at|to|before)\b)", own=True),
    _p("direct", r"\b(?:want|wish|need|ask)(?: \w+){0,2} (?:is|was) (?:to )?(?:die|be dead|stop living|stop existing|not exist|not wake up|disappear forever|end it|end my life)\b", own=True),
    _p("passive", r"\b(?:don't|do not) (?:think|feel like|know if|know whether) i (?:want|wanna|can) (?:to )?(?:live|be alive|exist|go on|keep going|be here|keep living|carry on)\b(?! (?:in|with|at|on|there)\b)", own=True),
    _p("passive", r"\b(?:tired|sick|weary|exhausted) (?:of|from|by) (?:being alive|living|life|existing|being here|breathing)\b(?! (?:in|with|at|here|there|on|under|near|out of|from|off|paycheck|alone)\b)|\bhad enough of (?:life|living|being alive|it all|this life|existing|everything)\b", own=True),
    _p("passive", r"\b(?:no one|nobody|noone|no-one|who|none of them|not a single person) (?:would|will|'d|'ll|is going to|even|really|at all)?(?: even| really| actually)? ?(?:miss|mourn) me\b", own=True),
    _p("passive", rf"\b(?:notice|care|mind|bother|matter|come to (?:my|the) funeral)\w*(?: at all)? if i (?:died|was dead|were dead|disappeared|was gone|were gone|wasn't here|weren't here|killed myself|didn't wake up|never woke up|got hit|was hit|vanished|just died|stopped existing)\b", own=True),
    _p("passive", r"\b(?:if|hop\w*|wish\w*|pray\w*) (?:that )?(?:a |the )?(?:car|bus|truck|lorry|train) (?:hit|hits|would hit|will hit|ran over|runs over|would run me over) me\b|\bif i died\b[^.!?\n]{0,40}\b(?:relieved|relief|peace|fine|okay|at rest)\b", own=True),
    _p("passive", r"\b(?:don't|do not|wouldn't|would not) (?:care|mind) (?:if|whether) i (?:die|died|live or die|lived or died|wake up|woke up|don't wake up|didn't wake up|get hit)\b", own=True),
    _p("passive", r"\bif i (?:died|was dead|were dead|was gone|were gone|disappeared)\b(?=[^.!?\n]*\b(?:anyone|anybody|anybody|nobody|no one|notice|care|miss|funeral|better)\b)", own=True),
    _p("passive", r"\b(?:what's|what is|whats) the point (?:in|of) (?:being alive|living|going on|life|existing|being here|carrying on|staying alive|me)\b", own=True),
    _p("passive", r"\b(?:no|not any|not a|don't see (?:a|any|the)|can't see (?:a|any|the)|can't find (?:a|any)|there's no|there is no|lost (?:my|all|the)) (?:point|reason|reasons|will)s? (?:left )?(?:in |to |for |of |for me to )?(?:live|living|being alive|go on|going on|keep living|keep going|carry on|carrying on|stay alive|staying alive|exist|existing|be here|being here|life)\b", own=True),
    _p("passive", r"\b(?:life|living|my life|existence|this life|it)(?: is|'s| isn't| is not| ain't|'s not| is no longer| isn't really)? (?:not |no longer )?worth (?:living|it anymore|it any more|living anymore|continuing)\b(?<!is worth living)(?<!'s worth living)", own=True),
    _p("passive", r"\b(?:want|wanted|wanting|need) (?:to )?(?:just )?(?:stop existing|cease to exist|not exist|not be alive|not wake up|disappear (?:forever|for good|permanently)|vanish (?:forever|for good)|go to sleep and never wake up|sleep forever|be gone|not be here anymore|not be here any more|to not exist)\b", own=True),
    _p("passive", r"\b(?:want|wanted|wanting|need|wish) (?:my life|it all|everything|all of this|all of it|life) to (?:just )?(?:be over|end|stop|finish)\b", own=True),
    _p("passive", r"\b(?:go to sleep|fall asleep|sleep) (?:and|&) (?:never|not) wake up\b|\bnever wake up (?:again)?\b|\bdie in my sleep\b", own=True),
    _p("passive", r"\bdeath (?:would be|will be|is|sounds like|seems like|feels like|looks like)(?: a| the| such a)? (?:relief|release|welcome|answer|only way|way out|better|peaceful|easier|escape|mercy|blessing|gift)\b"),
    _p("passive", r"\b(?:not|no longer|not even) (?:scared|afraid|frightened) of (?:dying|death|being dead) (?:anymore|any more|now)\b", own=True),
    _p("passive", r"\b(?:get sick|get ill|get hit|be hit|have an accident|crash) and die\b|\bhop(?:e|ing) (?:that )?i(?:'ll| will)? (?:die|get sick and die|get hit)\b", own=True),
    _p("passive", r"\b(?:i'm|i am|i feel like|i feel|i've become|i'm just|i'm only) (?:such |just |only )?a burden(?: to| on| for)?(?: everyone| everybody| my family| them| you| all| people| the people i love)?\b", own=True),
    _p("passive", r"\b(?:don't|do not|didn't) care (?:what happens to me|if i live|whether i live|if i make it|if i survive)\b", own=True),
    # -- plans and preparation ----------------------------------------------------------------
    _p("plan", r"\b(?:goodbye|good-bye|farewell|suicide|last) (?:letters?|notes?|messages?|videos?|texts?|emails?)\b(?<!last texts)(?<!last messages)(?<!last message)(?<!last emails)(?<!last email)", topic=False),
    _p("plan", r"\b(?:wrote|writing|write|written|left|leave) (?:a |my )?(?:note|letter|letters|notes) (?:for|to) (?:my |each of my )?\w+(?: \w+)? (?:in case|for when|for after|to find|explaining)\b", own=True),
    _p("plan", rf"\b(?:saving|saved|save|stockpil\w*|hoard\w*|collect\w*|stash\w*|gather\w*|hiding|hid|hidden|keeping back|storing|stored|building up) (?:up )?(?:enough |all |my |some |the )?(?:\w+ ){{0,2}}{PILLS}\b(?! (?:for (?:my|the) (?:trip|holiday|cat|dog)))", own=True),
    _p("plan", r"\b(?:lethal|fatal|deadly|overdose|toxic) (?:dose|amount|quantity)\b|\bhow many (?:\w+ ){0,2}(?:it would take|would it take|would kill|to die|does it take|would be enough|are enough|is enough|to take to)\b", own=True),
    _p("plan", r"\b(?:painless|quick|quickest|easiest|easy|best|surest|sure|fastest|least painful|peaceful) (?:ways?|methods?|means|way out) (?:to|of) (?:die|dying|kill myself|end it|end my life|go|commit)\b", own=True),
    _p("plan", r"\b(?:research\w*|look(?:ed|ing)? up|googl\w*|search\w*|read(?:ing)? up on|watching videos on) (?:\w+ ){0,2}(?:how to (?:die|kill myself|hang|overdose|end (?:it|my life)|tie a noose)|ways to (?:die|kill myself|end (?:it|my life))|methods|suicide methods|how long it takes to die)\b", own=True),
    _p("plan", r"\b(?:noose|ligature)s?\b"),
    _p("plan", r"\b(?:rope|belt|cord)\b(?=[^.!?\n]*\b(?:know what it'?s for|hang|neck|beam|for me|tie it|noose|ready)\b)"),
    _p("plan", r"\b(?:have|got|made|making|make|working on|came up with|thought of|worked out) (?:a |the |my )?(?:plan|method|way) (?:to|for) (?:die|dying|kill|killing|end|ending|how|it|do it|doing it|my death)\b", own=True),
    _p("plan", r"\b(?:a |my )?plan and (?:a |the )?(?:date|method|time|place|means)\b|\b(?:the |a )?(?:date|time|place|method) (?:is|are) (?:set|chosen|decided|picked)\b", own=True),
    _p("plan", r"\b(?:picked|chose|chosen|choose|choosing|set|decided on|found|settled on) (?:a |the |my )?(?:date|day|time|place|spot|method|way|bridge|building)\b(?=[^.!?\n]{0,25}\b(?:to do it|for it|i'll do it|where i'll|when i'll|to die|to end|to go|where i will)\b)", own=True),
    _p("plan", r"\b(?:know|worked out|figured out|decided|planned|planning|thought through|know exactly) (?:exactly )?(?:how|when|where|how and when|when and how|where and how)(?: and (?:how|when|where))? (?:i'd|i would|i'll|i will|i'm going to|i am going to|to|i could|i can|i might) (?:do it|go|end it|die|kill myself)\b", own=True),
    _p("plan", rf"\b(?:after|when|once|for when|for after|by the time) i(?:'m| am) (?:{GONE})\b(?! (?:on|for|to|away|abroad|out|from|home|off|shopping|with))", own=True),
    _p("plan", rf"\b(?:{PILLS}|blades?|razors?|rope|knife|noose)(?:,? [\w']+){{0,5}},? (?:are |is )?(?:ready|waiting|lined up|counted out)\b", own=True),
    _p("plan", r"\btonight'?s the night\b|\beverything (?:i need )?(?:is )?(?:ready|in place|sorted)(?=[^.!?\n]*\b(?:tonight|do it|go|end)\b)|\beverything i need to (?:do it|end it|go through with it)\b", own=True),
    _p("plan", r"\b(?:hidden|hid|hide|hiding|stashed|stash|keep|kept|keeping|carry|carrying) (?:the |my |a |some )?(?:blades?|razors?|razor blades?|knives?|knife|lighter)\b(?=[^.!?\n]*\b(?:for when|in case|just in case|need|again|room|bag|drawer|ready)\b)|\b(?:blades?|razors?|razor blades?)\b(?=[^.!?\n]*\bjust in case\b)|\b(?:blades?|razors?|razor blades?|pills|tablets) (?:\w+ ){0,2}(?:hidden|hid|stashed|saved up|ready)\b", own=True),
    _p("plan", rf"\b(?:looking at|staring at|holding|counting|counted|lined up|laid out|laying out|sorting out) (?:the |my |all my |all the )?(?:{PILLS}|blades?|razors?|rope|noose)\b(?= again| for| to| in my| tonight|[.,!?]|$)", own=True),
    _p("plan", r"\b(?:checked|looked up|found out|know|worked out) (?:which|what time|when) (?:the )?(?:trains?|express)(?: \w+){0,3} (?:don't|doesn't|do not|does not|won't) stop\b|\bhow high (?:it|the bridge|the drop|the building|the roof) (?:is|was)\b", own=True),
    _p("plan", r"\b(?:sat|sitting|sit|stood|standing|stand) (?:at|on) the (?:edge|ledge|railing|rail)\b|\bon the wrong side of the (?:railing|barrier|fence)\b", own=True),
    _p("plan", r"\b(?:giving|gave|give|given) away (?:my|all my|most of my|all of my) (?:things|stuff|belongings|possessions|pets?|cat|dog)\b(?=[^.!?\n]*\b(?:gone|won't need|so nobody|so no one|before i go|after|need them|need it)\b)", own=True),
    _p("plan", r"\b(?:saying|said|say) (?:my )?(?:goodbyes?|good-byes?) to (?:people|everyone|everybody|my family|my friends|all)\b(?=[^.!?\n]*\b(?:without|last|final|knowing|one last)\b)|\bsaid my goodbyes\b|\b(?:final|last) goodbyes?\b", own=True),
    _p("plan", rf"\b(?:take|taking|swallow|swallowing) (?:all|every one|every last one) (?:of )?(?:my|the) {PILLS}\b|\b(?:take|taking) (?:an|a) overdose\b", own=True),
    _p("plan", r"\b(?:put|putting|got|getting|sorted|sorting) (?:my )?(?:affairs|things|passwords|accounts|will) (?:in order|sorted|out)\b(?=[^.!?\n]*\b(?:gone|after|when i|so it's easy|before i)\b)", own=True),
    # -- self-harm acts and urges ---------------------------------------------------------------
    _p("self_harm", r"\bself-(?:harm|harms|harmed|harming|harmer|injur\w*)\b|\bself mutilat\w*\b", topic=True),
    _p("self_harm", rf"\b{SH_VERBS} myself\b", own=True),
    _p("self_harm", rf"\b{SH_VERBS} (?:into )?(?:my|both my|my own|the skin on my|the inside of my) {BODY}\b(?! (?:on (?:a|the) (?:oven|stove|kettle|iron|pan|tray|door|cupboard)))", own=True),
    _p("self_harm", r"\b(?:bang|banged|banging|hit|hitting|smash\w*) my head\b(?=[^.!?\n]*\b(?:until|till|on purpose|to feel|to stop|because i deserve|bled|bruise))", own=True),
    _p("self_harm", r"(?<!a )(?<!the )(?<!paper )(?<!nasty )(?<!small )(?<!little )(?<!hair)(?<!price )(?<!budget )(?<!director's )\b(?:cut|cutting)\b(?! (?:my (?:finger|hair|nails?|thumb|lip|chin|foot|knee|toe|hours|losses|food|steak)|the|a|an|some|back|down|off|out|up|in|into(?! my)|through|across|corners|ties|costs|hair|onions|it\b|them|him|her|class|school|sugar|carbs|short|loose|and paste|myself (?:some|a|off|out|short|loose|free|in)|me off|us off|you off|grass|wood|paper|fabric|bread|cake|my own hair)\b)(?<!got cut)(?<!get cut)(?<!was cut)(?<!were cut)(?<!been cut)(?<!be cut)(?<!is cut)(?<!are cut)(?<!hair cut)(?<!power cut)(?<!pay cut)"),
    _p("self_harm", r"\b(?:fresh|new|deep|deeper|open|bleeding|self-harm) (?:cuts|cut|burns|wounds|scars)\b|\bcuts (?:i (?:keep |kept )?(?:making|make|made|did)|on my (?:arms?|wrists?|legs?|thighs?|stomach))\b|\b(?:arms?|legs?|thighs?|wrists?) (?:are |is )?covered in (?:cuts|burns|scars)\b", own=True),
    _p("self_harm", r"\b(?:urges?|urge|need|needing|craving|cravings|itch) to (?:cut|burn|self-harm|harm|bleed|hurt myself|hurt)\b"),
    _p("self_harm", r"\b(?:picked up|took out|got out|reached for|grabbed|used|uses|using|bought|buying) (?:the |a |my |some |new )?(?:blades?|razors?|razor blades?|knife|lighter|sharpener)\b(?=[^.!?\n]*\b(?:again|and cut|on purpose|on my|to cut|to feel|deserve|arm|wrist|skin|thigh|leg|punish|bleed|calm)\b)|\b(?:the |my )?(?:blades?|razors?)(?: is| are| was)? (?:the only thing|all that|what)(?: that)? (?:calms|helps|works|keeps)\b", own=True),
    _p("self_harm", r"\b(?:burn\w*|cut\w*|bit|bite|biting|scratch\w*|hit|hitting|hurt|punch\w*|bruis\w*|bang\w*|starv\w*|took|take|overdos\w*)\b[^.!?\n]{0,50}\b(?:on purpose|deliberately|intentionally|to feel something|to feel anything|to feel real|to punish myself|as (?:a )?punishment|because i deserved? it|because i deserved? the pain|to make the pain stop)\b"),
    _p("self_harm", r"\brelaps(?:e|ed|ing)\b(?=[^.!?\n]*\b(?:clean|free|self-harm|cut|cutting|months|year|years|days|weeks)\b)(?![^.!?\n]*\b(?:drink|drinking|alcohol|smoking|cigarettes|vaping|weed|booze|gambling|sugar|diet)\b)", own=True),
    _p("self_harm", r"\bpunish\w* myself with (?:a |the )?(?:razor|blade|knife|lighter|pain|cuts?|burns?)\b", own=True),
    # -- not able to keep oneself safe ------------------------------------------------------------
    _p("unsafe", r"\b(?:can't|cannot|couldn't|unable to|not able to|don't know if i can|don't know how to|not sure (?:if |that |whether )?i can|don't think i can|struggling to|hard to|can't promise (?:i'll|i will|to|that i'll)|won't be able to|can't guarantee (?:i'll|that i'll|i will)) (?:keep|stay|be|remain) (?:myself )?safe\b", own=True),
    _p("unsafe", r"\b(?:(?:i'm|i am|i feel) (?:not |un)|(?:i )?(?:don't|do not) feel )safe (?:right now|tonight|from myself|on my own|alone|by myself|with myself|around myself|anymore|any more|with my thoughts|being alone|in my own head|today)\b|\bi'?m not safe\b(?! (?:at|in|to drive|driving|walking|with (?:him|her|them|my)|from (?:him|her|them)))|\bnot safe from myself\b|\bunsafe (?:right now|tonight|with myself)\b", own=True),
    _p("unsafe", r"\b(?:don't|do not|can't|cannot) trust myself\b(?! (?:with|around) (?:chocolate|cake|money|crisps|biscuits|sweets|cookies|my phone|shopping))", own=True),
    _p("unsafe", r"\b(?:scared|afraid|frightened|worried|terrified|fear) (?:of )?(?:what|that) i(?: might| could| will|'ll| would| may| am going to|'m going to) do\b|\b(?:what|things) i(?: might| could| will|'ll| would|'d| may) do to myself\b", own=True),
    _p("unsafe", r"\b(?:scared|afraid|frightened|worried|terrified|fear) (?:that )?i(?:'ll| will| might| could| may|'m going to| am going to) (?:act on|cut|hurt|harm|kill|do something|go through with|not be able to stop|end|overdose|take the)\b", own=True),
    _p("unsafe", r"\b(?:act|acting|acted) on (?:these|the|my|those|them|it|this|the) ?(?:thoughts|urges|feelings|plan|impulse)?\b(?=[^.!?\n]*\b(?:scared|close|going to|about to|worried|afraid|tonight|soon|might)\b)|\b(?:close to|about to|going to|ready to|nearly|almost) (?:act|acting|acted) on\b", own=True),
    _p("unsafe", r"\b(?:can't|cannot|won't be able to|don't know how (?:much )?(?:longer|long) i can|don't know if i can|not sure i can) (?:stop|hold) myself(?: back)?\b(?! (?:from (?:eating|buying|laughing|crying|texting|checking|smiling)))", own=True),
    _p("unsafe", r"\b(?:can't|cannot|won't) (?:promise|guarantee|say for sure)(?: (?:that|you|anyone|her|him))? (?:i'll be safe|i will be safe|i won't|i will not|i'm safe|i am safe|i'll stay safe|to be safe|to stay safe|nothing will happen)\b", own=True),
    _p("unsafe", r"\bsafety plan (?:isn't|is not|doesn't|does not|isn't really|has stopped|stopped|won't|is failing|failed|not)\b", own=True),
    _p("unsafe", r"\bnot sure i won't (?:hurt|harm|cut|kill|do|act|end|take)\b", own=True),
    # -- hopeless endings and goodbyes -----------------------------------------------------------
    _p("ending", r"\bthis is (?:my |a )?(?:goodbye|farewell|the end for me|my last (?:entry|message|post|note|day|night|time|words|goodbye))\b(?! (?:before|for|until|of|in|at|on|to|till)\b)", own=True),
    _p("ending", r"\b(?:the |my )?last (?:\w+ )?(?:i'?ll|i will|i'm going to) ever (?:do|write|post|say|see|need|send)\b|\b(?:last|final) time (?:i'?ll|i will|i'm going to|that i'll) (?:ever )?(?:write|post|say|talk|speak|be here|log in)\b", own=True),
    _p("ending", r"\b(?:won't|will not|wont|not going to) be (?:around|here|alive)(?: \w+){0,2} (?:much longer|for (?:much|long)|tomorrow|next (?:week|month|year)|to see|by (?:then|next|the|tomorrow)|after (?:tonight|today|this)|anymore|any more|for much longer|much more|for christmas|on (?:my|your))\b", own=True),
    _p("ending", r"\bi'?ll be (?:gone|dead)\b(?! (?:for|to|on|till|until|a|all|by the time|from|away|at|in)\b)", own=True),
    _p("ending", r"\b(?:it'?ll|it will|this will|everything will|all this will|it's all going to|it is all going to|all of this will|it'?ll all) (?:all |finally )?(?:be over|end) (?:soon|by|tomorrow|tonight|for me|for good)\b", own=True),
    _p("ending", r"\b(?:nobody|no one|noone|you|they|you all|people) (?:will|won't|wont|will not|'ll) (?:have to |need to )?(?:worry about|deal with|put up with|see|look after|hear from|be bothered by|have to deal with|be burdened by) me (?:much longer|anymore|any more|after (?:tonight|today|this)|for (?:much|long)|soon|again)\b|\b(?:won't|will not) have to (?:worry about|deal with|put up with|see|look after|hear from) me (?:much longer|anymore|any more|after|for (?:much|long)|soon|again)\b", own=True),
    _p("ending", r"\b(?:won't|will not|wont) be a (?:burden|problem|bother) (?:for much longer|much longer|anymore|any more|for long|soon|after)\b", own=True),
    _p("ending", r"\bmade (?:my )?peace\b(?! with)|\bready to go\b(?=[^\n]*made (?:my )?peace)", own=True),
    _p("ending", r"\bno (?:other )?way out\b(?! of (?:the|this|my|a) (?:contract|room|building|car park|lease|deal|job|meeting))|\bonly (?:one )?way out\b", own=True),
    _p("ending", r"\bnothing (?:left )?to live for\b|\bno(?:thing)? (?:reason |point )?left to live for\b|\b(?:can't|cannot|won't|couldn't) go on (?:living|anymore|any more|any longer|like this|much longer)\b", own=True),
    _p("ending", r"\b(?:i'?m|i am|i feel) (?:so |just |completely |totally )?(?:done|finished) with (?:life|living|being alive|everything and everyone|it all|everyone and everything|existing|this life|this world)\b", own=True),
    _p("ending", r"\b(?:given|giving|gave|give) up on (?:life|living|being alive|myself|staying alive|everything)\b", own=True),
    _p("ending", r"^(?:so )?(?:goodbye|bye|farewell)(?: everyone| everybody| all| world| cruel world| forever)\b|\b(?:goodbye|farewell) forever\b|\bgoodbye (?:cruel )?world\b", own=True),
    _p("ending", r"\bafter (?:tonight|today|tomorrow|this)\b[^.!?\n]{0,30}\b(?:won't|will not|doesn't|won't ever|none of (?:it|this)|nothing) (?:will )?(?:matter|be a problem|hurt)\b", own=True),
    _p("ending", r"\b(?:don't|do not) (?:plan|intend|expect) (?:on|to) (?:be|being) (?:here|around|alive)\b", own=True),
    _p("ending", r"\btell (?:my |them |her |him )?\w+ (?:that )?i (?:love|loved) (?:her|him|them|you)\b", own=True),
    _p("ending", r"\b(?:can't|cannot) do this anymore\b|\b(?:can't|cannot) do this any more\b|\b(?:can't|cannot) take (?:it|this) (?:anymore|any more)\b(?=$|[.!?]|\s*$)", own=True),
    _p("ending", r"\b(?:want|wanting|wanted) to (?:just )?disappear\b(?! (?:into|for|to|under|from|off|on|somewhere))", own=True),
    _p("ending", r"\b(?:want|wanting|need) everything to stop\b", own=True),
    _p("ending", r"\bdon't care what happens to me\b|\b(?:drive|driving|drove) (?:too |really )?fast and (?:don't|do not) care\b", own=True),
    # -- more ways of saying it ----------------------------------------------------------------
    _p("passive", r"\bwhy am i (?:still )?(?:alive|here|breathing|even alive)\b|\bi (?:shouldn't|should not) (?:be alive|be here|exist|have been born|still be alive)\b|\b(?:don't|do not|didn't) deserve to (?:live|be alive|exist|be here)\b", own=True),
    _p("passive", r"\b(?:i|and|so|i just) (?:should|ought to|might as well|may as well) (?:just )?(?:die|be dead|kill myself|not exist|not be alive|end it)\b", own=True),
    _p("passive", r"\b(?:want|wanted|wanting|need|wish) (?:it|this|it all|this all) (?:to )?(?:all )?(?:be over|to be over)\b(?=\s*(?:$|[.!?,]|for good|forever|already|now))", own=True),
    _p("passive", r"\bfeel(?:ing)? like dying\b(?! (?:of|from|laughing|for)\b)|\bwant out\b(?=\s*(?:$|[.!?,]| of (?:this life|life|existence|this world|everything|being alive)))", own=True),
    _p("passive", r"\b(?:want|wanted|wanting|wish|need) to (?:just )?disappear and never (?:come back|be found|return|be seen)\b", own=True),
    _p("ending", r"\b(?:this|it|today|tonight) (?:will be|is going to be|'ll be|is) (?:my|the) (?:last|final) (?:message|post|entry|note|words|goodbye|exercise|night|day|time i write)\b(?! (?:before|for|until|of|in|at|on|to|till)\b)", own=True),
    _p("ending", r"\b(?:can't|cannot|don't want to|won't) (?:live|go on|keep going|keep living|carry on|continue|do life)(?: (?:like this|this way|with this pain|with this))?(?: (?:anymore|any more|any longer|much longer))?(?=\s*(?:$|[.!?,]))", own=True),
    _p("ending", r"\b(?:don't|do not|can't|cannot) see (?:a |any )?future (?:for me|for myself|ahead of me|at all)\b|\bno future for me\b", own=True),
    _p("direct", r"\b(?:going to|gonna|about to|want to|wanted to|thinking (?:of|about)|ready to|decided to) jump\b(?! (?:in|on|into|at|ship|the gun|to|up|around|rope|queue|for|with|out of (?:bed|my skin)|back|ahead|over)\b)", own=True),
    _p("direct", rf"\b(?:took|take|taking|swallowed) (?:a bunch of|a load of|a pile of|lots of|an entire (?:box|bottle|packet) of|handfuls of|way too many|double|triple|extra) {PILLS}\b(?=[^.!?\n]*\b(?:on purpose|to die|to sleep forever|so i|and|hope|hoping|to end)\b|\s*(?:$|[.!?]))", own=True),
    _p("self_harm", r"\buntil (?:it|they|i|my \w+) (?:bleeds?|bled|bruised|bruises|blistered|blisters)\b", own=True),
    _p("self_harm", r"\b(?:blades?|razors?|razor blades?|knife)\b(?=[^.!?\n]*\b(?:thinking about|want to|tempted to|urge to|going to|need to) us(?:e|ing) (?:them|it)\b)", own=True),
    _p("plan", rf"\bbought (?:\w+ ){{0,2}}{PILLS} (?:from|in|at) (?:\w+ )?(?:different|several|multiple|two|three|four|five|separate) (?:shops|pharmacies|chemists|stores|places)\b|\baffairs in order\b|\bhow long (?:it )?takes? to (?:die|bleed out|lose consciousness|drown)\b|\bbleed(?:ing)? out\b", own=True),
    _p("ending", r"\bcan't see myself (?:being )?(?:here|alive|around)\b|\b(?:don't|do not) think i'?ll (?:make it|survive|last|get) (?:through )?(?:the night|tonight|the week|this week|till|until|to (?:the morning|tomorrow))\b", own=True),
    _p("ending", r"\b(?:soon |then )?i (?:won't|will not) be a (?:burden|problem|bother|weight)(?: (?:for|to|on) (?:anyone|anybody|you|them|everyone|my family))?(?= (?:soon|anymore|any more|much longer|for long|after)|\s*[.!?]|$)|\b(?:soon|then) i (?:won't|will not) be a (?:burden|problem|bother)\b|\b(?:won't|will not) (?:bother|trouble|burden|annoy) (?:anyone|anybody|you|them|people|you all|everyone) (?:after|anymore|any more|much longer|for long|again)\b", own=True),
    _p("passive", r"\b(?:everyone|everybody|they|you|you all|my family|the world)(?:'ll| will) (?:all )?be (?:better off|happier|fine) (?:soon|without me|when i'm gone)\b|\b(?:wouldn't|would not|don't|do not) mind (?:if i )?(?:not waking up|never waking up|dying|being dead|didn't wake up|died)\b", own=True),
    _p("unsafe", r"\b(?:scared|afraid|frightened|terrified) of myself\b|\b(?:i )?(?:don't|do not) feel safe\b(?! (?:at|in|with (?:him|her|them)|around (?:him|her|them)|walking|going|driving|there|here at)\b)|\b(?:need|want) (?:someone|somebody|you|anyone) to stop me\b", own=True),
    _p("unsafe", r"\b(?:i'll|i will|i might|i could|i'm going to|going to|i may) do something (?:stupid|drastic|permanent|irreversible|i can't undo|i can't take back|to myself|bad to myself)\b", own=True),
    # added after reading the held-out misses (see docs: these are no longer measured blind)
    _p("unsafe", r"\b(?:don't|do not) think i'?m safe\b|\bnot in a safe (?:place|space|headspace|state)\b|\b(?:don't|do not) trust what i'?(?:ll| will| might) do\b|\b(?:can't|not sure i can|don't know if i can|don't think i can) hold on\b(?! (?:to|for)\b)|\b(?:don't know|not sure|no idea) if i'?(?:ll| will) (?:still )?be (?:here|alive|around)\b|\babout to do something (?:to myself|i can't take back|stupid|drastic)\b|\b(?:don't|do not) think i can (?:stop|hold) myself\b", own=True),
    _p("ending", r"\b(?:future|world) with me in it\b|\bready to let go\b(?! of)|\bnothing (?:left )?for me here\b|\bwon't be (?:around|here|alive) to\b|\bwaiting to (?:be gone|die|be dead)\b|\bcan't see myself (?:making it|living|getting) (?:to|past|until)\b", own=True),
    _p("plan", r"\b(?:ways|how|methods?) to do it\b|\bi know (?:exactly )?(?:how and when|when and how|how and where|where and how)\b", own=True),
    _p("direct", r"\b(?:i|i've|i have) (?:attempted|made an attempt)\b(?! (?:to|a|an|the|it|this|that)\b)|\battempt on my (?:own )?life\b", own=True),
]
