"""Words as the matcher compares them: lower-case, dots dropped ("U.S." -> "us"), singular.

Shared by the facts loader (``counts``, ``context``, ``exclude`` entries), the article
reader (the words near each figure, where a noun phrase ends) and the corpus index (a
figure's role verb), so every side is normalised by the one plural rule set below.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["is_plural", "normalize_words", "role_word", "singular", "words_and_capitals"]

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
#: Irregular plurals and their singulars.
_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "people": "person",
    "children": "child",
    "personnel": "personnel",
}
#: Words that stay as written ("media" is not a plural of anything we count).
_INVARIANT = frozenset(["media", "series", "news"])
#: Singular nouns ending in "men" ("specimen" is not a plural of "speciman").
_MEN_SINGULARS = frozenset(["specimen", "abdomen", "regimen", "acumen", "stamen", "hymen"])
_NOT_PLURAL_S = ("ss", "us", "is")


def is_plural(word: str) -> bool:
    """Whether a noun as written is plural: "attacks", "people", "servicemen" (not "virus",
    "abdomen" or "U.S.")."""
    lower = word.lower()
    if lower in _IRREGULAR:
        return True
    if len(lower) > 4 and lower.endswith("men") and lower not in _MEN_SINGULARS:
        return True  # fishermen, linemen, policemen
    return len(lower) > 3 and lower.endswith("s") and "." not in lower and not lower.endswith(_NOT_PLURAL_S)


def singular(word: str) -> str:
    """A plural English noun's singular (lower case in, lower case out), well enough to
    match "attacks" with "attack": "people" -> "person", "policemen" -> "policeman",
    "casualties" -> "casualty", "kills" -> "kill"."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word in _INVARIANT:
        return word
    if word.endswith("men") and len(word) > 4 and word not in _MEN_SINGULARS:
        return word[:-3] + "man"
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(_NOT_PLURAL_S):
        return word[:-1]
    return word


def role_word(role: str) -> str:
    """A figure's role verb as ``counts`` entries are written after normalising: "Kills"
    -> "kill", so ``counts: [kills]`` finds "the gunman kills 12"."""
    return singular(role.lower())


@lru_cache(maxsize=1 << 16)
def _normal(word: str) -> str:
    """A word as written, normalised: ``singular(word.lower())``, once per word (a corpus
    says the same few thousand words over and over)."""
    return singular(word.lower())


def normalize_words(text: str) -> tuple[str, ...]:
    """The words of ``text``, normalised: "U.S. troops" -> ("us", "troop")."""
    return tuple(map(_normal, _WORD.findall(text.replace(".", ""))))


def words_and_capitals(text: str) -> tuple[tuple[str, ...], tuple[bool, ...]]:
    """``normalize_words(text)`` and, for each word, whether it was written with a capital
    (the matcher uses that to tell "Iraq and Syria", a combined count, from "Iraq")."""
    raw = _WORD.findall(text.replace(".", ""))
    return tuple(map(_normal, raw)), tuple(w[0].isupper() for w in raw)
