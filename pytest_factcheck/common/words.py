"""Words as the matcher compares them: lower-case, dots dropped ("U.S." -> "us"), singular.

Shared by the facts loader (``counts``, ``context``, ``exclude`` entries) and the article
reader (the words near each figure), so both sides are normalised the same way.
"""

from __future__ import annotations

import re

__all__ = ["normalize_words", "singular", "words_and_capitals"]

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_IRREGULAR = {
    "men": "man",
    "people": "person",
    "children": "child",
    "women": "woman",
    "personnel": "personnel",
    "media": "media",
    "series": "series",
    "news": "news",
}


def singular(word: str) -> str:
    """A plural English noun's singular, well enough to match "attacks" with "attack"."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("men") and len(word) > 4:
        return word[:-3] + "man"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalize_words(text: str) -> tuple[str, ...]:
    return tuple(singular(w.lower()) for w in _WORD.findall(text.replace(".", "")))


def words_and_capitals(text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """``normalize_words(text)`` and, for each word, whether it was written with a capital
    (the matcher uses that to tell "Iraq and Syria", a combined count, from "Iraq")."""
    raw = _WORD.findall(text.replace(".", ""))
    return tuple(singular(w.lower()) for w in raw), tuple(w[0].isupper() for w in raw)
