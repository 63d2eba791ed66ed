"""Time per text of the gentle check, rules + classifier, beside the rules alone, measured in the same run.

Every text of the tune, train and dev-held-out corpora is checked ROUNDS times;
a text's time is its median over rounds (rounds interleave texts, so noise
spreads evenly). Prints the median, p95 and max over texts for: plain NFKC +
lower case (what any text check must do), innerwork's normalisation, the rules
alone (``mentions_self_harm``), the classifier's score alone (on normalised
text) and the whole check the page uses (``should_notice``), with the ratio of
the whole check to the rules alone. Also times reading the weights (once per
process) and a long answer (40 corpus texts joined). The blind held-out corpora
are not read here, so that nobody working on the check opens them.

    python benchmarks/bench_gentle_check.py
"""

from __future__ import annotations

import statistics
import time
import unicodedata
from pathlib import Path

from innerwork_plugins.gentle import mentions_self_harm, normalise, should_notice
from innerwork_plugins.gentle.measure import load_corpus
from innerwork_plugins.gentle.model import load

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "gentle_check"
CORPORA = ("tune.yaml", "train.yaml", "dev_heldout.yaml")
ROUNDS = 7


def baseline(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def per_text(function, texts) -> list[float]:
    """Median seconds per text over ROUNDS rounds, sorted."""
    times = [[] for _ in texts]
    for _ in range(ROUNDS):
        for i, text in enumerate(texts):
            start = time.perf_counter()
            function(text)
            times[i].append(time.perf_counter() - start)
    return sorted(statistics.median(t) for t in times)


def p95(times: list[float]) -> float:
    return times[min(len(times) - 1, int(0.95 * len(times)))]


def summary(name: str, times: list[float]) -> str:
    return (
        f"{name:<34} median {statistics.median(times) * 1e6:7.1f} µs   p95 {p95(times) * 1e6:7.1f} µs"
        f"   max {times[-1] * 1e6:8.1f} µs"
    )


def main() -> None:
    texts = [s.text for name in CORPORA for group in load_corpus(DATA / name) for s in group]
    start = time.perf_counter()
    model = load()
    print(
        f"reading the weights (once per process): {(time.perf_counter() - start) * 1e3:.0f} ms, "
        f"{len(model.weights)} weights"
    )
    normalised = {text: normalise(text) for text in texts}
    for text in texts:  # warm caches and compiled patterns, as a running page has
        should_notice(text)
    print(f"{len(texts)} texts ({', '.join(CORPORA)}), median of {ROUNDS} rounds each")
    rows = {
        "baseline: NFKC + lower": per_text(baseline, texts),
        "normalise()": per_text(normalise, texts),
        "rules alone (mentions_self_harm)": per_text(mentions_self_harm, texts),
        "classifier score alone": per_text(lambda t: model.score(normalised[t]), texts),
        "whole check (should_notice)": per_text(should_notice, texts),
    }
    for name, times in rows.items():
        print(summary(name, times))
    rules, whole = rows["rules alone (mentions_self_harm)"], rows["whole check (should_notice)"]
    print(
        f"whole check / rules alone: {statistics.median(whole) / statistics.median(rules):.2f}x at the median, "
        f"{p95(whole) / p95(rules):.2f}x at p95"
    )
    long = " ".join(texts[:40])
    [long_rules] = per_text(mentions_self_harm, [long])
    [long_whole] = per_text(should_notice, [long])
    print(
        f"a long answer ({len(long)} characters): rules alone {long_rules * 1e3:.2f} ms, "
        f"whole check {long_whole * 1e3:.2f} ms"
    )


if __name__ == "__main__":
    main()
