"""Time per text of the gentle check, beside two baselines measured in the same run.

Every text of the tune corpus and of the two held-out corpora (when they are in
the repository) is checked ROUNDS times; a text's time is its median over rounds.
Prints the median and p95 over texts for: plain NFKC + lower case (what any
text check must do), the previous gentle check (phrase matching, kept below as
it was before the rebuild, commit 23a4f3b), innerwork's normalisation, and the
whole check. Also
times a long answer (40 corpus texts joined, about 2,000 characters).

    python benchmarks/bench_gentle_check.py
"""
from __future__ import annotations

import re
import statistics
import time
import unicodedata
from pathlib import Path

from innerwork_plugins.gentle import mentions_self_harm, normalise
from innerwork_plugins.gentle.measure import load_corpus

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "gentle_check"
ROUNDS = 7


def baseline(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


# The previous gentle check, as it was (plugins/gentle_check.py at 23a4f3b), for comparison only.
_OLD = re.compile("|".join(f"(?:{p})" for p in [
    r"\bkill(?:ing|ed)? myself\b(?! laughing)", r"\bsuicid(?:e|al)\b(?! (?:prevention|awareness))",
    r"\bself[- ]?harm(?:ing)?\b", r"\b(?:hurt|harm|cut|injure|burn)(?:ing|s)? (?:myself|my self)\b",
    r"\b(?:end|ending|take|taking) (?:my|my own) life\b", r"\bend (?:it|it all|everything) (?:all|now|tonight|today|for good)\b",
    r"\b(?:want|wanted|wanting|going|wish) to (?:die|be dead)\b(?! (?:of|from|laughing))",
    r"\bwish (?:i|i'd) (?:was|were|had) (?:dead|never been born)\b", r"\bbetter off dead\b",
    r"\b(?:everyone|everybody|they|people|family|world)(?: would)?(?: all)? be better off without me\b",
    r"\b(?:do not|don't|dont) want to (?:live|be alive|exist|wake up|be here any ?more)\b",
    r"\bno (?:reason|point) (?:to|in) (?:live|living|being alive|going on)\b", r"\b(?:overdose|overdosing)\b"]))
_OLD_NEGATION = re.compile(r"\b(?:not|never|no(?! one| body)|nor|no longer|(?:do|does|did|is|was|have|has|had|wo|would)n'?t)\b")
_OLD_UNSURE = re.compile(r"\b(?:not sure|don't know|dont know|can't promise|cant promise|scared|afraid|worried|might)\b")
_OLD_CLAUSE = re.compile(r"[.;:!?\n]+|,| but | and | because | so ")


def previous_check(text: str) -> bool:
    text = re.sub(r"\s+", " ", text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'"))
    for clause in _OLD_CLAUSE.split(text):
        for match in _OLD.finditer(clause):
            before = clause[max(0, match.start() - 40):match.start()]
            if not (_OLD_NEGATION.search(before) and not _OLD_UNSURE.search(before)):
                return True
    return False


def per_text(function, texts) -> list[float]:
    """Median seconds per text over ROUNDS rounds (rounds interleave texts, so noise spreads evenly)."""
    times = [[] for _ in texts]
    for _ in range(ROUNDS):
        for i, text in enumerate(texts):
            start = time.perf_counter()
            function(text)
            times[i].append(time.perf_counter() - start)
    return sorted(statistics.median(t) for t in times)


def summary(name: str, times: list[float]) -> str:
    p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
    return f"{name:<28} median {statistics.median(times) * 1e6:7.1f} µs   p95 {p95 * 1e6:7.1f} µs   max {times[-1] * 1e6:7.1f} µs"


def main() -> None:
    texts = [s.text for path in ("tune.yaml", "heldout.yaml", "heldout2.yaml") if (DATA / path).exists()
             for group in load_corpus(DATA / path) for s in group]
    for text in texts:  # warm caches and compiled patterns, as a running page has
        mentions_self_harm(text)
    print(f"{len(texts)} texts, median of {ROUNDS} rounds each")
    base = per_text(baseline, texts)
    old = per_text(previous_check, texts)
    norm = per_text(normalise, texts)
    check = per_text(mentions_self_harm, texts)
    print(summary("baseline: NFKC + lower", base))
    print(summary("previous check (phrases)", old))
    print(summary("normalise()", norm))
    print(summary("gentle check (whole)", check))
    print(f"check / previous check at the median: {statistics.median(check) / statistics.median(old):.1f}x")
    long = " ".join(texts[:40])
    [long_time] = per_text(mentions_self_harm, [long])
    print(f"a long answer ({len(long)} characters): {long_time * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
