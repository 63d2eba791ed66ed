"""Train the gentle check's classifier from the project's own corpora and write ``model.json``.

    python -m innerwork_plugins.gentle.train                   # retrain, write plugins/gentle/model.json
    python -m innerwork_plugins.gentle.train --check           # exit 1 if model.json is not what the data gives
    python -m innerwork_plugins.gentle.train --cross-validate  # 5-fold figures on train.yaml, and thresholds

It reads the clear texts of ``train.yaml`` and ``tune.yaml`` in
``tests/data/gentle_check/`` (the ambiguous ones are not trained on) and leaves
out any text that is also in ``dev_heldout.yaml``, which is only measured on.
The fit is a logistic regression (AdaGrad steps, L2, examples visited in an
order fixed by ``SEED``), so the same data always gives the same weights. It
needs nothing beyond the standard library and takes a few seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from .measure import Sample, load_corpus
from .model import Model, shipped_path
from .normalise import normalise

TRAIN_FILES = ("train.yaml", "tune.yaml")
DEV_HELDOUT = "dev_heldout.yaml"
EPOCHS = 15
L2 = 1e-3
RATE = 0.1
SEED = 0
#: A text is noticed when its log-odds reach this. Chosen with --cross-validate: the highest recall of
#: rules + classifier on train.yaml's folds with precision at least TARGET_PRECISION there.
THRESHOLD = 0.0
TARGET_PRECISION = 0.85
DIGITS = 5  # significant digits kept for each weight
FOLDS = 5


def repository_corpora() -> Path:
    """``tests/data/gentle_check`` of the checkout this package is installed from (editable installs)."""
    return Path(__file__).resolve().parents[2] / "tests" / "data" / "gentle_check"


def text_key(text: str) -> str:
    """A text as compared for duplicates: lower case, single spaces."""
    return " ".join(text.lower().split())


def training_samples(data: Path) -> list[Sample]:
    """The clear texts to train on, in file order: no text twice, none that is in the dev-held-out part."""
    missing = [name for name in (*TRAIN_FILES, DEV_HELDOUT) if not (data / name).exists()]
    if missing:
        raise FileNotFoundError(
            f"{data}: expected the corpora {', '.join(missing)} there; run this from a checkout "
            f"of innerwork or pass --data DIR"
        )
    measured_only = {text_key(s.text) for group in load_corpus(data / DEV_HELDOUT) for s in group}
    seen, samples = set(), []
    for name in TRAIN_FILES:
        clear, _ambiguous = load_corpus(data / name)
        for sample in clear:
            key = text_key(sample.text)
            if key not in seen and key not in measured_only:
                seen.add(key)
                samples.append(sample)
    return samples


def fit(
    examples: Sequence[tuple[Sequence[str], bool]],
    epochs: int = EPOCHS,
    l2: float = L2,
    rate: float = RATE,
    seed: int = SEED,
) -> tuple[dict[str, float], float]:
    """(weights, bias) of a logistic regression; each example is (its features in a fixed order, should notice)."""
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias = bias_square = 0.0
    order = list(range(len(examples)))
    shuffle = random.Random(seed)
    for _ in range(epochs):
        shuffle.shuffle(order)
        for i in order:
            feats, label = examples[i]
            z = bias + sum(weights.get(f, 0.0) for f in feats)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            gradient = p - (1.0 if label else 0.0)
            for f in feats:
                w = weights.get(f, 0.0)
                g = gradient + l2 * w
                squares[f] = squares.get(f, 0.0) + g * g
                weights[f] = w - rate * g / math.sqrt(squares[f] + 1e-8)
            bias_square += gradient * gradient
            bias -= rate * gradient / math.sqrt(bias_square + 1e-8)
    return weights, bias


def _rounded(value: float) -> float:
    return float(f"{value:.{DIGITS}g}")


def digest(samples: Sequence[Sample]) -> str:
    """A fingerprint of what was trained on (texts and labels, in order)."""
    h = hashlib.sha256()
    for s in samples:
        h.update(f"{int(s.notice)}\t{s.text}\n".encode())
    return h.hexdigest()[:16]


def featurise(samples: Sequence[Sample]) -> list[tuple[list[str], bool]]:
    from .features import features

    return [(list(features(normalise(s.text))), s.notice) for s in samples]


def build(data: Path) -> Model:
    """The model the corpora in ``data`` give (deterministic)."""
    samples = training_samples(data)
    weights, bias = fit(featurise(samples))
    kept = {f: _rounded(w) for f, w in weights.items() if _rounded(w) != 0.0}
    about = {
        "texts": len(samples),
        "noticed": sum(s.notice for s in samples),
        "files": list(TRAIN_FILES),
        "left_out": DEV_HELDOUT,
        "digest": digest(samples),
        "options": {"epochs": EPOCHS, "l2": L2, "rate": RATE, "seed": SEED},
    }
    return Model(weights=kept, bias=_rounded(bias), threshold=THRESHOLD, about=about)


def cross_validate(data: Path) -> list[tuple[Sample, float]]:
    """Each text of train.yaml with its score from a model trained without its fold (tune.yaml always trained on)."""
    samples = training_samples(data)
    written_here = set(load_corpus(data / TRAIN_FILES[0])[0])
    mine = [s for s in samples if s in written_here]
    others = featurise([s for s in samples if s not in written_here])
    examples = featurise(mine)
    order = list(range(len(mine)))
    random.Random(SEED + 1).shuffle(order)
    scores = [0.0] * len(mine)
    for k in range(FOLDS):
        held = set(order[k::FOLDS])
        weights, bias = fit([e for i, e in enumerate(examples) if i not in held] + others)
        for i in held:
            scores[i] = bias + sum(weights.get(f, 0.0) for f in examples[i][0])
    return list(zip(mine, scores, strict=True))


def _report_cross_validation(data: Path) -> None:
    from .check import rules_decision

    scored = cross_validate(data)
    verdicts = [rules_decision(s.text) for s, _ in scored]
    print(f"{FOLDS}-fold cross-validation on the {len(scored)} texts of {TRAIN_FILES[0]} (rules, then the classifier)")
    suggested = None
    for threshold in [t / 4 for t in range(-4, 13)]:
        tp = fp = fn = 0
        for (sample, score), verdict in zip(scored, verdicts, strict=True):
            got = verdict if verdict is not None else score >= threshold
            tp += got and sample.notice
            fp += got and not sample.notice
            fn += (not got) and sample.notice
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        if precision >= TARGET_PRECISION and (suggested is None or recall > suggested[1]):
            suggested = (threshold, recall)
        mark = "   <- THRESHOLD" if threshold == THRESHOLD else ""
        print(f"  threshold {threshold:5.2f}: precision {precision:.3f}, recall {recall:.3f}{mark}")
    if suggested:
        print(
            f"highest recall with precision >= {TARGET_PRECISION}: threshold {suggested[0]:.2f} (THRESHOLD is {THRESHOLD})"
        )


def main(argv: Sequence[str] | None = None) -> int:
    about = __doc__.replace("``", "").split("\n\n")
    parser = argparse.ArgumentParser(
        prog="python -m innerwork_plugins.gentle.train",
        description=about[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(about[1:]),
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help="folder with the corpora (default: the checkout's tests/data/gentle_check)",
    )
    parser.add_argument(
        "--out", type=Path, default=None, help="where to write the weights (default: the package's model.json)"
    )
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if the weights file differs from a fresh fit"
    )
    parser.add_argument(
        "--cross-validate", action="store_true", help="print 5-fold precision and recall for a range of thresholds"
    )
    args = parser.parse_args(argv)
    data = args.data or repository_corpora()
    out = args.out or shipped_path()
    try:
        if args.cross_validate:
            _report_cross_validation(data)
            return 0
        model = build(data)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    text = model.to_json()
    if args.check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print(f"{out}: {'matches' if same else 'differs from'} a fresh fit of {model.about['texts']} texts")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    print(
        f"wrote {out}: {len(model.weights)} weights from {model.about['texts']} texts "
        f"({model.about['noticed']} to notice), {out.stat().st_size / 1e6:.2f} MB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
