"""Precision and recall of the gentle check on a corpus file; used by the tests, the benchmark and reports.

A corpus is YAML in one of two shapes: ``notice: {kind: [text, ...]}`` and
``no_notice: {kind: [...]}``, or ``texts: [{text, notice, kind}, ...]``; either
may have ``ambiguous: [{text, notice, reason}, ...]``, scored apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import yaml


class Sample(NamedTuple):
    text: str
    notice: bool
    kind: str


def load_corpus(path: str | Path) -> tuple[list[Sample], list[Sample]]:
    """(clear samples, ambiguous samples) from a corpus file; an ambiguous sample's kind is its reason."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    clear = []
    if "texts" in data:
        clear = [Sample(str(t["text"]), bool(t["notice"]), str(t.get("kind", "unknown"))) for t in data["texts"]]
    for key, expected in (("notice", True), ("no_notice", False)):
        for kind, texts in (data.get(key) or {}).items():
            clear += [Sample(str(text), expected, kind) for text in texts or []]
    ambiguous = [
        Sample(str(a["text"]), bool(a["notice"]), str(a.get("reason", ""))) for a in data.get("ambiguous") or []
    ]
    return clear, ambiguous


@dataclass
class Scores:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0
    #: "notice: kind" or "quiet: kind" -> [noticed, total, should be noticed]
    by_kind: dict = field(default_factory=dict)
    wrong: list = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_pos)

    @property
    def recall(self) -> float:
        return self.true_pos / max(1, self.true_pos + self.false_neg)

    def lines(self) -> list[str]:
        """Figures only: no text from the corpus."""
        out = [
            f"precision {self.precision:.3f}, recall {self.recall:.3f} "
            f"({self.true_pos} noticed of {self.true_pos + self.false_neg}; "
            f"{self.false_pos} false notes of {self.false_pos + self.true_neg})"
        ]
        for kind, (noticed, total, expected) in sorted(self.by_kind.items()):
            out.append(
                f"  {kind}: recall {noticed}/{total}" if expected else f"  {kind}: {noticed} false notes of {total}"
            )
        return out


def score(samples: list[Sample], check: Callable[[str], bool]) -> Scores:
    scores = Scores()
    for sample in samples:
        got = bool(check(sample.text))
        counts = scores.by_kind.setdefault(
            ("notice: " if sample.notice else "quiet: ") + sample.kind, [0, 0, sample.notice]
        )
        counts[0] += got
        counts[1] += 1
        if sample.notice:
            scores.true_pos += got
            scores.false_neg += not got
        else:
            scores.false_pos += got
            scores.true_neg += not got
        if got != sample.notice:
            scores.wrong.append(sample)
    return scores
