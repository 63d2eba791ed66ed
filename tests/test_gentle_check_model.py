"""The gentle check's classifier: its corpora, its figures on the dev-held-out part, training, explanations, privacy."""

import json
import logging
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import innerwork
from innerwork.app.session import typed_notice
from innerwork.catalogue import loader as catalogue
from innerwork_plugins.gentle import explain, mentions_self_harm, normalise, should_notice, train
from innerwork_plugins.gentle.measure import load_corpus, score
from innerwork_plugins.gentle.model import load, shipped_path

DATA = Path(__file__).parent / "data" / "gentle_check"
DEV, DEV_AMBIGUOUS = load_corpus(DATA / "dev_heldout.yaml")
TRAIN, TRAIN_AMBIGUOUS = load_corpus(DATA / "train.yaml")
NOTICE_KINDS = {
    "direct",
    "passive",
    "plan",
    "self_harm",
    "unsafe",
    "ending",
    "textspeak",
    "typographic",
    "buried",
    "recent_past",
    "indirect",
}
QUIET_KINDS = {
    "ordinary_sadness",
    "hyperbole",
    "joke",
    "other_person",
    "media_news",
    "professional",
    "distant_past",
    "recovery",
    "negation",
    "literal_injury",
    "games_sport_cooking",
    "therapy_talk",
    "safety_plan_used",
    "everyday_preparation",
    "death_other_context",
    "long_ordinary",
}
# Texts the rules find nothing in and the classifier notices (from train.yaml: the model has seen them).
CLASSIFIER_NOTICES = [
    "I've been picking which of my friends would cope best with finding out.",
    "I keep counting the pills in the drawer.",
    "I stopped renewing things. Passport, subscriptions, all of it.",
]


# -- the round-3 corpora ----------------------------------------------------------------------------
def test_round_three_corpora_are_big_and_cover_every_kind_both_ways():
    assert len(DEV) + len(DEV_AMBIGUOUS) + len(TRAIN) + len(TRAIN_AMBIGUOUS) >= 1600
    for corpus in (DEV, TRAIN):
        kinds = {(s.kind, s.notice) for s in corpus}
        assert NOTICE_KINDS <= {k for k, n in kinds if n}
        assert QUIET_KINDS <= {k for k, n in kinds if not n}
    assert all(s.kind for s in DEV_AMBIGUOUS + TRAIN_AMBIGUOUS)  # every ambiguous text gives its reason


def test_the_dev_heldout_part_is_never_trained_on():
    trained = {train.text_key(s.text) for s in train.training_samples(DATA)}
    assert trained and not trained & {train.text_key(s.text) for s in DEV + DEV_AMBIGUOUS}


# -- figures -----------------------------------------------------------------------------------------
def test_dev_heldout_part_meets_the_targets():
    """recall >= 0.9 and precision >= 0.85 on the dev-held-out part (written first, measured on, never tuned on)."""
    scores = score(DEV, should_notice)
    print("\nrules + classifier on the dev-held-out part: " + "\n".join(scores.lines()))  # figures only, no texts
    assert scores.recall >= 0.9, f"recall {scores.recall:.3f}"
    assert scores.precision >= 0.85, f"precision {scores.precision:.3f}"


def test_the_classifier_adds_recall_and_keeps_precision():
    rules, both = score(DEV, mentions_self_harm), score(DEV, should_notice)
    assert both.recall >= rules.recall + 0.2, (rules.recall, both.recall)
    assert both.precision >= rules.precision - 0.05, (rules.precision, both.precision)


def test_the_training_part_is_learned():
    scores = score(TRAIN, should_notice)
    assert scores.recall >= 0.95 and scores.precision >= 0.95, (scores.precision, scores.recall)


# -- training ----------------------------------------------------------------------------------------
def test_retraining_gives_exactly_the_shipped_weights():
    assert train.build(DATA).to_json() == shipped_path().read_text(encoding="utf-8")


def test_retraining_is_the_same_in_another_process_with_another_string_hash():
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-m", "innerwork_plugins.gentle.train", "--check"], env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "matches a fresh fit" in result.stdout


def test_fit_is_deterministic_and_learns():
    examples = train.featurise(train.training_samples(DATA)[:300])
    first, second = train.fit(examples, epochs=3), train.fit(examples, epochs=3)
    assert first == second
    assert train.fit(examples, epochs=3, seed=1) != first  # the order of examples is what the seed fixes


def test_training_without_the_corpora_names_the_folder(tmp_path, capsys):
    assert train.main(["--data", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert str(tmp_path) in err and "train.yaml" in err and "--data" in err


def test_the_shipped_model_is_small_and_says_what_it_was_trained_on():
    assert shipped_path().stat().st_size < 3_000_000
    about = load().about
    assert about["texts"] >= 3000 and about["left_out"] == "dev_heldout.yaml"
    assert about["digest"] == train.digest(train.training_samples(DATA))


# -- how rules and classifier combine, and explanations ----------------------------------------------
@pytest.mark.parametrize("text", CLASSIFIER_NOTICES)
def test_the_classifier_notices_what_the_rules_miss_and_names_the_words(text):
    assert not mentions_self_harm(text)
    why = explain(text)
    assert should_notice(text) and why.notice and why.decided_by == "the classifier"
    assert why.score >= why.threshold and why.towards
    plain = normalise(text)
    for contribution in why.towards:  # every feature named is made of words of this text
        assert contribution.weight > 0
        for word in contribution.words.replace(" ... ", " ").split():
            assert word in ("<s>", "</s>") or word in plain, (word, text)
    assert any(c.words in plain for c in why.towards)


def test_an_explanation_adds_up_to_the_score():
    text = CLASSIFIER_NOTICES[0]
    model = load()
    plain = normalise(text)
    assert model.bias + sum(c.weight for c in model.contributions(plain)) == pytest.approx(explain(text).score)


@pytest.mark.parametrize(
    "text, why",
    [
        ("My sister wrote goodbye letters to all of us last night.", "someone else's"),
        ("Two years ago I tried to overdose on my pills.", "long ago"),
    ],
)
def test_the_rules_scope_wins_over_the_classifier(text, why):
    explained = explain(text)
    assert explained.score >= explained.threshold  # the classifier alone would have noticed
    assert not should_notice(text) and explained.decided_by == f"the rules' scope: {why}"


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal and I don't want to die, I'm just tired.",
        "Years ago I wanted to die every single day.",
        "Three years since I last hurt myself, so proud.",
        "if the bus is late again im going to kill myself lol",
        "My friend wants to end it all tonight and I am scared for her.",
        "I cut myself on a tin while cooking.",
        "I had a lovely walk with my dog this morning.",
        "My grandad died peacefully at home.",
    ],
)
def test_scope_and_everyday_texts_stay_quiet(text):
    assert not should_notice(text)


def test_the_rules_still_fire_on_their_own():
    why = explain("I want to kill myself")
    assert why.notice and why.decided_by == "the rules"


# -- privacy, offline, plain Python, the off switches ----------------------------------------------------
def test_the_check_stores_logs_and_sends_nothing(tmp_path, monkeypatch, caplog, capsys, recwarn, private_home):
    caplog.set_level(logging.DEBUG)

    def no_network(*args, **kwargs):
        raise AssertionError("the gentle check tried to open a connection")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.chdir(tmp_path)
    weights_before = shipped_path().stat().st_mtime_ns
    load.cache_clear()  # read the weights again, with the network gone
    try:
        from innerwork_plugins.gentle_check import answer_notice

        for text in CLASSIFIER_NOTICES:
            assert should_notice(text) and explain(text).notice and answer_notice(text)
    finally:
        load.cache_clear()
    out = capsys.readouterr()
    logged = (
        " ".join(r.getMessage() for r in caplog.records) + out.out + out.err + " ".join(str(w.message) for w in recwarn)
    )
    assert "pills" not in logged and "friends" not in logged and "carry this alone" not in logged
    assert list(tmp_path.iterdir()) == []  # nothing written where it runs
    assert not private_home.exists() or list(private_home.rglob("*")) == []  # nor in the person's folder
    assert shipped_path().stat().st_mtime_ns == weights_before  # the weights are only read


def test_the_check_needs_no_numpy_or_scikit_learn():
    code = (
        "import sys; from innerwork_plugins.gentle import should_notice; should_notice('I keep counting the pills'); "
        "print(sorted(m for m in ('numpy', 'sklearn', 'scipy') if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_the_persons_off_switch_silences_the_classifier_too(private_home):
    from click.testing import CliRunner

    from innerwork.cli import main

    exercise = innerwork.get_exercise("talk-like-a-friend")
    text = CLASSIFIER_NOTICES[1]
    assert "carry this alone" in typed_notice(exercise, text)
    assert CliRunner().invoke(main, ["settings", "gentle-check", "off"]).exit_code == 0
    assert typed_notice(exercise, text) is None
    assert json.loads((private_home / "settings.json").read_text()) == {"gentle_check": False}


def test_the_facilitators_off_switch_silences_the_classifier_too(monkeypatch):
    monkeypatch.setenv("INNERWORK_DISABLE_PLUGINS", "gentle_check")
    catalogue.reset()
    try:
        assert typed_notice(innerwork.get_exercise("talk-like-a-friend"), CLASSIFIER_NOTICES[1]) is None
    finally:
        monkeypatch.delenv("INNERWORK_DISABLE_PLUGINS")
        catalogue.reset()
