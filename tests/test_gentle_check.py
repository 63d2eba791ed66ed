"""The gentle check's language rules: normalisation, scope, context, the tune corpus and the two held-out corpora."""

import re
from pathlib import Path

import pytest

from innerwork_plugins.gentle import findings, mentions_self_harm, normalise, should_notice
from innerwork_plugins.gentle.measure import load_corpus, score
from innerwork_plugins.gentle.phrases import PHRASES
from innerwork_plugins.gentle.scope import sentences

DATA = Path(__file__).parent / "data" / "gentle_check"
TUNE, AMBIGUOUS = load_corpus(DATA / "tune.yaml")
HELDOUT = DATA / "heldout.yaml"


def reasons(text):
    return [f.quiet_because for f in findings(text)]


# -- the corpora ---------------------------------------------------------------------------------
def test_tune_corpus_is_big_and_covers_both_directions():
    kinds = {(s.kind, s.notice) for s in TUNE}
    assert len(TUNE) + len(AMBIGUOUS) >= 1200
    assert {"direct", "passive", "plan", "self_harm", "unsafe", "ending", "textspeak", "typographic"} <= {
        k for k, n in kinds if n
    }
    assert {"preparation_unnamed", "veiled_wish", "recent_again", "unsafe_more", "ending_more", "indirect"} <= {
        k for k, n in kinds if n
    }
    assert {
        "negation",
        "other_person",
        "media_news",
        "professional",
        "distant_past",
        "recovery",
        "hyperbole",
        "joke",
        "literal_injury",
        "therapy_talk",
        "death_other_context",
        "everyday_preparation",
        "near_misses",
    } <= {k for k, n in kinds if not n}
    assert all(s.kind for s in AMBIGUOUS)  # every ambiguous text gives its reason


def test_tune_corpus_precision_and_recall():
    scores = score(TUNE, mentions_self_harm)
    print("\ngentle check on the tune corpus: " + "\n".join(scores.lines()))
    assert scores.recall >= 0.97, scores.wrong
    assert scores.precision >= 0.97, scores.wrong
    for kind, (noticed, total, expected) in scores.by_kind.items():  # some kinds have only 6 to 8 texts
        assert (noticed / total >= 0.85) if expected else (noticed <= 1), kind


def test_ambiguous_texts_mostly_get_the_label_a_clinician_would_want():
    agree = sum(mentions_self_harm(s.text) == s.notice for s in AMBIGUOUS)
    assert agree / len(AMBIGUOUS) >= 0.8


# Measured at commit 1847ec9, before anyone working on the rules had read the held-out texts.
BLIND_HELDOUT = {"precision": 0.887, "recall": 0.714}


def heldout_scores(check=mentions_self_harm):
    clear, _ = load_corpus(HELDOUT)
    scores = score(clear, check)
    print(f"\n{check.__name__} on the held-out corpus: " + "\n".join(scores.lines()))  # figures only, no texts
    return scores


def test_heldout_corpus_meets_the_targets():
    """recall >= 0.9 and precision >= 0.85 on the held-out corpus for the check the page uses (rules + classifier)."""
    scores = heldout_scores(should_notice)
    assert scores.recall >= 0.9, f"recall {scores.recall:.3f}"
    assert scores.precision >= 0.85, f"precision {scores.precision:.3f}"


def test_heldout_corpus_figures_do_not_fall():
    """A guard on the rules alone: the figures now (1.000 / 1.000; no longer blind, see the docs) stay."""
    scores = heldout_scores()
    assert scores.precision >= 0.97 and scores.recall >= 0.97, (scores.precision, scores.recall)
    assert scores.precision > BLIND_HELDOUT["precision"] and scores.recall > BLIND_HELDOUT["recall"]


# Measured once at commit 9e324c6, with the rules frozen, before anyone working on them had opened the file.
BLIND_HELDOUT2 = {"precision": 0.901, "recall": 0.619}
HELDOUT2 = DATA / "heldout2.yaml"


def heldout2_scores(check=mentions_self_harm):
    clear, _ = load_corpus(HELDOUT2)
    scores = score(clear, check)
    print(f"\n{check.__name__} on the second held-out corpus: " + "\n".join(scores.lines()))  # figures only, no texts
    return scores


def test_second_heldout_corpus_meets_the_targets():
    """recall >= 0.9 and precision >= 0.85 on the second held-out corpus for the check the page uses (rules + classifier)."""
    scores = heldout2_scores(should_notice)
    assert scores.recall >= 0.9, f"recall {scores.recall:.3f}"
    assert scores.precision >= 0.85, f"precision {scores.precision:.3f}"


def test_second_heldout_corpus_figures_do_not_fall():
    """A guard on the rules alone: the figures now (0.994 / 0.983, after changes made from reading its misses, so no longer blind) stay."""
    scores = heldout2_scores()
    assert scores.precision >= 0.97 and scores.recall >= 0.95, (scores.precision, scores.recall)
    assert scores.precision > BLIND_HELDOUT2["precision"] and scores.recall > BLIND_HELDOUT2["recall"]


# -- normalisation ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "typed, plain",
    [
        ("ＫＩＬＬ ＭＹＳＥＬＦ", "kill myself"),  # full-width letters (NFKC)
        ("𝗱𝗶𝗲", "die"),  # mathematical bold
        ("I don’t", "i don't"),
        ("I\u02bcm", "i'm"),
        ("I ʹm", "i'm"),  # apostrophes
        ("self\u2011harm", "self-harm"),
        ("self\u2010harm", "self-harm"),
        ("self harm", "self-harm"),
        ("selfharm", "self-harm"),
        ("kill\u200bmyself", "kill myself"),
        ("w\u0430nt", "want"),  # invisible space; Cyrillic a
        ("k*ll myself", "kill myself"),
        ("k!ll mys3lf", "kill myself"),
        ("su1c1dal", "suicidal"),
        ("s*icidal", "suicidal"),
        ("d1e", "die"),
        ("k i l l m y s e l f", "kill myself"),
        ("s.u.i.c.i.d.e", "suicide"),
        ("dieeee", "die"),
        ("killll", "kill"),
        ("suicdal", "suicidal"),
        ("myslef", "myself"),
        ("kms", "kill myself"),
        ("unalive myself", "kill myself"),
        ("unaliving", "killing myself"),
        ("sewer slide", "suicide"),
        ("sewerslide", "suicide"),
        ("s/h", "self-harm"),
        ("sh'ing", "self-harming"),
        ("i wanna", "i want to"),
        ("im gonna", "i'm going to"),
        ("dont", "don't"),
        ("want 2 die", "want to die"),
        ("I. Want. To. Die.", "i want to die."),
        ("od'd", "overdosed"),
        ("d.i.e.", "die."),
        ("I w4nt t0 d1e", "i want to die"),
        ("un—alive myself", "kill myself"),
        ("ctb thoughts", "suicide thoughts"),
        ("s.u.i.c.i.d.e a lot", "suicide a lot"),
    ],
)
def test_normalise(typed, plain):
    assert normalise(typed) == plain


def test_normalise_leaves_ordinary_words_alone():
    assert normalise("I killed it at the gym, 10/10, shh") == "i killed it at the gym, 10/10, shh"
    assert normalise("Dinner at 7 — then bed") == "dinner at 7, then bed"  # a spaced dash separates clauses
    assert normalise("so funny 😂") == "so funny lol"
    assert normalise("e.g. at 9 a.m. in the u.s.a") == "e.g. at 9 a.m. in the u.s.a"


# -- scope rules -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "I don't, after everything that happened this year with work and my family, feel suicidal.",  # far before
        "Suicidal thoughts: none at all.",  # after the phrase
        "Killing myself is not something I would do.",
        "Kill myself? No.",  # a question answered
        "The doctor asked if I was suicidal and I said no.",
        "I would never hurt myself.",
    ],
)
def test_negation_on_either_side_at_any_distance(text):
    assert not mentions_self_harm(text)
    assert "negated" in reasons(text) or "answered no" in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to live anymore.",  # the denial is part of the phrase
        "I can't stop thinking about suicide.",
        "I'm not sure I won't hurt myself.",
        "Nobody would miss me.",
        "I'm not okay, I want to die.",
        "I don't want to die, but I don't want to live either.",  # the second clause counts
        "The doctor asked if I was suicidal and I said yes.",
    ],
)
def test_negative_words_that_do_not_deny(text):
    assert mentions_self_harm(text)


@pytest.mark.parametrize(
    "text, why",
    [
        ("My brother is suicidal.", "someone else's"),
        ("She says she wants to die.", "someone else's"),
        ("We had suicide prevention training.", "a topic"),
        ("I read an article about self-harm.", "a topic"),
        ("As a nurse I see overdoses every week.", "work"),
        ("When I was sixteen I used to cut.", "long ago"),
        ("Three years self-harm free today!", "recovered"),
        ("If this song plays again I'll kill myself lol", "a joke"),
        ("I'd rather die than go to that party.", "a figure of speech"),
        ("I cut myself shaving.", "an accident"),
        ("I need to cut myself some slack.", "an idiom"),
        ("My friend told me to kill myself.", "someone else's words"),
    ],
)
def test_out_of_scope(text, why):
    assert not mentions_self_harm(text)
    assert why in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "Years ago I tried to kill myself, and now I want to die again.",  # recent beside past
        "I relapsed last night after two years clean.",  # relapse beats recovery
        "I burned my arm on the stove on purpose.",  # meant harm beats accident
        "My friend is worried about me because I want to die.",  # the writer's own, beside someone else
        "I'm not joking, I want to kill myself.",
        "I watched a film about it and now I want to kill myself.",
    ],
)
def test_in_scope_despite_cues(text):
    assert mentions_self_harm(text)


def test_findings_explain_themselves():
    [finding] = [f for f in findings("I want to kill myself") if f.words == "kill myself"]
    assert finding.kind == "direct" and finding.counts
    assert {f.kind for f in findings("I've written my goodbye letters and I can't keep myself safe")} >= {
        "plan",
        "unsafe",
    }


# -- second round: text-speak, context across sentences, and the scope rules added with it -----------
@pytest.mark.parametrize(
    "typed, plain",
    [
        ("the sui thoughts r back", "the suicide thoughts are back"),
        ("idw 2 b here n e more", "i don't want to be here anymore"),
        ("want 2 sh so bad", "want to self-harm so bad"),
        ("wanna self delete", "want to kill myself"),
        ("iwtd", "i want to die"),
        ("idwtl", "i don't want to live"),
        ("no1 wud notice", "no one would notice"),
        ("i wnt 2 dy", "i want to die"),
        ("yeet myself off", "throw myself off"),
        ("instructions for \u2018after\u2019", "instructions for after"),  # quotes around a word go
        ("she keeps saying \u2018i want to die\u2019", "she keeps saying 'i want to die'"),  # quoted speech keeps them
    ],
)
def test_normalise_second_round(typed, plain):
    assert normalise(typed) == plain


def test_fast_patterns_find_exactly_what_the_plain_expressions_find():
    """Each phrase skips texts without the words it starts with; on every corpus sentence it must agree with plain ``re``."""
    texts = [s.text for s in TUNE + AMBIGUOUS] + [s.text for group in load_corpus(HELDOUT) for s in group]
    checked = 0
    for text in texts:
        text = normalise(text)
        for start, end in sentences(text):
            sentence = text[start:end]
            for phrase in PHRASES:
                fast = [m.span() for m in phrase.pattern.finditer(sentence)]
                plain = [m.span() for m in re.finditer(phrase.pattern.pattern, sentence)]
                assert fast == plain, (phrase.pattern.pattern[:60], sentence)
                checked += bool(plain)
    assert checked > 1000


@pytest.mark.parametrize(
    "text",
    [
        "I've started giving my things away. My sister got the good coat today. It feels lighter.",  # two sentences on
        "Picked a date. Once it's decided everything goes quiet in my head.",
        "Told my friend she can have my books if anything happens. She laughed.",
        "Counted the scars today. Added two more.",
        "I'm sorry for everything. I love you all.",
    ],
)
def test_a_step_beside_a_sign_nearby_is_noticed(text):
    assert mentions_self_harm(text)
    assert any(f.counts and " ... " in f.words for f in findings(text))  # the step and its sign, both named


@pytest.mark.parametrize(
    "text, why",
    [
        ("I've been giving away my books.", "no sign nearby that it is about dying"),
        ("We finally picked a date for the wedding! It feels lighter now.", "an everyday plan"),
        (
            "I cleaned my whole flat today and it feels so much lighter.",
            "no sign nearby that it is about dying",
        ),  # weak step, calm sign
        (
            "I picked a date. The weather was grey. Work was long. I feel calm.",
            "no sign nearby that it is about dying",
        ),  # 3 away
    ],
)
def test_a_step_alone_or_explained_stays_quiet(text, why):
    assert not mentions_self_harm(text)
    assert why in reasons(text)


@pytest.mark.parametrize(
    "text, why",
    [
        ("My therapist asked me to rate my suicidal thoughts from 0 to 10. Today it was 0.", "a rating answered low"),
        ("My counsellor said it's normal to think about death after a loss.", "said of people in general"),
        ("I keep thinking about death since grandma passed.", "thinking about death after a loss or a scare"),
        ("My mum keeps saying she doesn't want to live if she has to go into a care home.", "someone else's"),
        ("A character in the game keeps saying \u2018I just want to die\u2019 and it's dark.", "someone else's words"),
        ("I wrote a letter to my sixteen year old self who wanted to die.", "long ago"),
        ("The urge to cut hardly ever comes now.", "negated"),
    ],
)
def test_out_of_scope_second_round(text, why):
    assert not mentions_self_harm(text)
    assert why in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "Part of me hoped the plane would go down on the way back.",
        "I'm hoping the scan shows something bad so I have a way out.",
        "I tried again last month. Nobody knows it was on purpose.",
        "Relapsed. 47 days gone. Long sleeves again.",
        "I shouldn't be on my own tonight.",
        "By the time anyone reads this it won't matter anymore.",
        "I keep thinking about how to make it look like an accident.",
        "I can't see a future with me in it.",
        "lowkey wanna kms no cap",
        "I overdosed on Saturday and nobody knows.",  # a day after "on" is not what was overdosed on
        "The idea of never waking up is comforting.",
        "I don't want to kill myself, I just don't want to be alive.",  # the second clause counts
    ],
)
def test_in_scope_second_round(text):
    assert mentions_self_harm(text)


@pytest.mark.parametrize(
    "text",
    [
        "I hope the scan shows what's wrong so they can finally fix it.",
        "I hate flying, I spent the whole flight hoping the plane wouldn't crash.",
        "Tried again last month and finally passed my driving test.",
        "I shouldn't be alone with a whole cheesecake tonight.",
        "I'm finished. Twelve hours on my feet and I'm going to bed.",
        "gonna unalive my printer if it jams again",
        "I was so scared on the flight, when the turbulence hit I was sure I was about to die.",
        "I thought I'd want to die after the divorce, but I really don't.",
    ],
)
def test_near_misses_stay_quiet(text):
    assert not mentions_self_harm(text)


# -- third round: scope rules found on the round-3 training corpus ------------------------------------
@pytest.mark.parametrize(
    "text, why",
    [
        ("My sister is in hospital after trying to kill herself.", "someone else's"),  # the act is hers
        ("My patient told me she had been saving her pills.", "someone else's"),
        ("I'm watching a drama about a nurse who self-harms.", "a topic"),
        ("I felt the urge to hurt myself but I called my friend instead and it passed.", "coped"),
        ("The urges to cut have completely gone.", "recovered"),
        ("I cut my hand on a broken mug.", "an accident"),  # hurt on a thing
        ("I burned myself on the barbecue.", "an accident"),
    ],
)
def test_out_of_scope_third_round(text, why):
    assert not mentions_self_harm(text)
    assert why in reasons(text)


@pytest.mark.parametrize(
    "text",
    [
        "I want to take an overdose and not wake up.",  # "not" belongs to the wish
        "I WANT TO DISAPPEAR FOREVER AND NEVER COME BACK",
        "I don't trust myself not to do something tonight.",
        "I cut myself on the bathroom floor last night.",  # a place, not a thing
        "I burned myself on purpose with the iron.",
        "I worry about my brother, and I keep hurting myself.",  # his worry, my act
    ],
)
def test_in_scope_third_round(text):
    assert mentions_self_harm(text)
