"""Word classes the classifier reads beside the words themselves, so it can learn from "pills" what to make of "tablets".

A text written in words the training texts never used still shares classes
with them: "the viaduct" is a MEANS like "the bridge", "for good" is FINAL like
"forever". The classes are written by hand from what people say about these
things in general, not from any corpus; a word can be in several.
"""

from __future__ import annotations

CLASSES = {
    # dying and being alive
    "DEATH": "die dies died dying dead death deaths suicide suicidal kill killing killed unalive grave graves "
    "funeral funerals coffin eulogy gravestone ashes overdose overdosed overdosing",
    "LIFE": "alive living live life lives exist exists existing existence breathing breathe here around world",
    "END": "end ends ending ended over gone stop stopped stopping finish finished quit out exit leave leaving away",
    # the means, and places people go
    "MEANS": "pills pill tablets tablet meds medication medicine paracetamol painkillers insulin co-codamol "
    "rope noose belt cord ligature blade blades razor razors knife knives lighter gun bullet hose charcoal "
    "bottle vodka wine gas",
    "PLACE": "bridge bridges viaduct cliff cliffs roof rooftop ledge edge tracks track railway train trains platform "
    "motorway traffic lorry lorries bus buses truck river sea lake reservoir quarry water balcony window "
    "windows building buildings floor height high drop fall falling jump jumping jumped car-park "
    "multi-storey stairwell woods tree",
    # hurting oneself
    "HARM": "cut cuts cutting burn burns burned burnt burning scratch scratched scratching scratches hurt hurting "
    "harm harming harmed bleed bled bleeding blood bruise bruised bruises punch punched punching hit hitting "
    "bite bit biting scars scar marks wounds wound stitches plasters sleeves self-harm self-harmed "
    "self-harming carve carved starve starved starving pain",
    # finality, farewell, preparation
    "FINAL": "forever permanently permanent final finally last goodbye goodbyes farewell afterwards after anymore "
    "longer ever enough peace quiet ready done good",
    "FAREWELL": "goodbye goodbyes bye farewell sorry forgive love thank thanks remember fault miss",
    "PREP": "letter letters note notes will passwords arrangements arranged sorted instructions savings affairs "
    "order gave giving given give away key keys list date saved saving collecting stockpiling counted "
    "counting researched googled looked checked bought hid hidden",
    "SLEEP": "sleep asleep sleeping wake waking woke awake morning tomorrow",
    # wanting, worth, being unsafe
    "WISH": "want wants wanted wanting wish wished wishing hope hoping hoped pray praying like rather ready need "
    "longing crave prefer welcome",
    "WORTH": "burden point pointless worth reason reasons without better easier lighter relief relieved mercy "
    "happier fine miss notice care",
    "UNSAFE": "safe unsafe trust alone scared frightened afraid danger dangerous resist urge urges holding hang "
    "fight fighting losing shaking edge",
    "TIRED": "tired exhausted done enough sick weary can't cannot anymore",
    # who and when
    "SELF": "i me my myself i'm i've i'd i'll mine",
    "OTHER": "he she they them him her his their hers himself herself themselves friend friends mum mom mother dad "
    "father brother sister son daughter partner husband wife boyfriend girlfriend colleague client patient "
    "patients student pupil cousin uncle aunt nan gran grandad grandma neighbour flatmate roommate mate "
    "someone people person character he's she's they're",
    "PAST": "years ago decade decades teen teens teenager teenage childhood kid child used remember back twenties "
    "thirties school uni once younger",
    "NOW": "tonight today now again currently lately week rn yesterday night earlier",
    "RECOVERY": "recovery recovered recovering survivor survived free clean proud glad grateful healed faded fading "
    "thriving anniversary milestone streak",
    "HELPED": "helpline crisis coping distraction called rang texted therapist counsellor journal breathing walk ice "
    "helped passed eased calm calmer plan",
    # what it can be instead
    "NEG": "not never no n't none nothing nobody don't didn't doesn't won't wouldn't isn't wasn't haven't hasn't "
    "aren't weren't shouldn't",
    "JOKE": "lol haha hahaha lmao lmfao jk kidding joking rofl xd",
    "WORK": "work job shift ward nurse doctor gp therapist teacher paramedic officer training course lecture research "
    "dissertation policy colleagues",
    "MEDIA": "film movie show series book novel song poem podcast article news documentary game character episode "
    "play scene headline report",
    "ACCIDENT": "accident accidentally chopping cooking shaving kitchen oven kettle tin fell slipped tripped garden "
    "gym football bike ouch",
}

#: word -> the classes it is in
WORD_CLASSES: dict[str, tuple[str, ...]] = {}
for _name, _words in CLASSES.items():
    for _word in _words.split():
        WORD_CLASSES[_word] = (*WORD_CLASSES.get(_word, ()), _name)
