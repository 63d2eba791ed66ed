"""The gentle check's classifier: a logistic regression over ``features``, weights shipped in ``model.json``.

``python -m innerwork_plugins.gentle.train`` writes ``model.json`` from the
project's own corpora. Scoring a text is a sum of weights in plain Python: no
numpy, no network, nothing written anywhere.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from .features import features

MODEL_FILE = "model.json"


class Contribution(NamedTuple):
    """One feature of a text, the words of the text that gave it, and how far it moved the score."""

    feature: str
    words: str
    weight: float


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    #: a text scoring at least this is noticed (chosen by cross-validation on the training corpus)
    threshold: float
    #: what it was trained on and how (counts, options, a digest of the texts)
    about: dict = field(default_factory=dict)

    def score(self, normalised: str) -> float:
        """The log-odds that an already normalised text should be noticed."""
        weights = self.weights
        return self.bias + sum(weights.get(f, 0.0) for f in features(normalised))

    def probability(self, normalised: str) -> float:
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, self.score(normalised)))))

    def contributions(self, normalised: str) -> list[Contribution]:
        """Every feature of the text with a weight, the strongest push towards a note first."""
        weights = self.weights
        found = [Contribution(f, words, weights[f]) for f, words in features(normalised).items() if f in weights]
        return sorted(found, key=lambda c: -c.weight)

    def to_json(self) -> str:
        data = {
            "about": self.about,
            "threshold": self.threshold,
            "bias": self.bias,
            "weights": dict(sorted(self.weights.items())),
        }
        return json.dumps(data, indent=0, ensure_ascii=False, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Model:
        data = json.loads(text)
        return cls(
            weights={str(k): float(v) for k, v in data["weights"].items()},
            bias=float(data["bias"]),
            threshold=float(data["threshold"]),
            about=data.get("about", {}),
        )


def shipped_path() -> Path:
    """Where the package keeps its weights (inside the installed package)."""
    return Path(str(resources.files(__package__).joinpath(MODEL_FILE)))


@lru_cache(maxsize=1)
def load() -> Model:
    """The shipped model, read once per process."""
    return Model.from_json(resources.files(__package__).joinpath(MODEL_FILE).read_text(encoding="utf-8"))
