"""What the classifier reads in a normalised text: its words, words in a row, and word classes near each other.

Each feature is a short string, and ``features`` says which words of the text
gave it, so a decision can be explained:

- ``w:pills``: a word;
- ``b:the pills``: two words in a row, sentence by sentence (``<s>`` and ``</s>`` mark its ends);
- ``k:MEANS``: a word of a class (see ``concepts``);
- ``kk:WISH>DEATH``: a word of one class, then one of another within ``WINDOW`` words;
- ``kw:SELF>pills`` and ``wk:counted>MEANS``: a class, then a word, or a word, then a class, within ``WINDOW`` words.
"""

from __future__ import annotations

import re

from .concepts import WORD_CLASSES
from .scope import sentences

WORD = re.compile(r"[a-z0-9]+(?:['-][a-z0-9]+)*|[!?]")
WINDOW = 4


def sentence_words(normalised: str) -> list[list[str]]:
    """The words of each sentence of an already normalised text."""
    return [WORD.findall(normalised[s:e]) for s, e in sentences(normalised)]


def features(normalised: str) -> dict[str, str]:
    """Every feature of an already normalised text, each with the words that gave it first (in a fixed order)."""
    found: dict[str, str] = {}
    for words in sentence_words(normalised):
        _sentence_features(words, found)
    return found


def _sentence_features(words: list[str], found: dict[str, str]) -> None:
    padded = ["<s>", *words, "</s>"]
    for i in range(len(padded) - 1):
        found.setdefault("b:" + padded[i] + " " + padded[i + 1], padded[i] + " " + padded[i + 1])
    classes = [WORD_CLASSES.get(w, ()) for w in words]
    for i, word in enumerate(words):
        found.setdefault("w:" + word, word)
        near = range(i + 1, min(len(words), i + 1 + WINDOW))
        for name in classes[i]:
            found.setdefault("k:" + name, word)
            for j in near:
                pair = word + " ... " + words[j]
                found.setdefault("kw:" + name + ">" + words[j], pair)
                for other in classes[j]:
                    found.setdefault("kk:" + name + ">" + other, pair)
        for j in near:
            for other in classes[j]:
                found.setdefault("wk:" + word + ">" + other, word + " ... " + words[j])
