"""Time per text of the gentle check, beside plain normalisation measured in the same run.

Every text of the tune corpus (and of the held-out corpus when it is in the
repository) is checked ROUNDS times; a text's time is its median over rounds.
Prints the median and p95 over texts for: the baseline (NFKC + lower case, what
any text check must do), innerwork's normalisation, and the whole check. Also
times a long answer (40 corpus texts joined, about 2,000 characters).

    python benchmarks/bench_gentle_check.py
"""
from __future__ import annotations

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
    texts = [s.text for path in ("tune.yaml", "heldout.yaml") if (DATA / path).exists()
             for group in load_corpus(DATA / path) for s in group]
    for text in texts:  # warm caches and compiled patterns, as a running page has
        mentions_self_harm(text)
    print(f"{len(texts)} texts, median of {ROUNDS} rounds each")
    base = per_text(baseline, texts)
    norm = per_text(normalise, texts)
    check = per_text(mentions_self_harm, texts)
    print(summary("baseline: NFKC + lower", base))
    print(summary("normalise()", norm))
    print(summary("gentle check (whole)", check))
    print(f"check / baseline at the median: {statistics.median(check) / statistics.median(base):.0f}x")
    long = " ".join(texts[:40])
    [long_time] = per_text(mentions_self_harm, [long])
    print(f"a long answer ({len(long)} characters): {long_time * 1e3:.2f} ms")


if __name__ == "__main__":
    main()
