"""Stage 2b: article text -> figures.

PLACEHOLDER implementation: the dataclasses below are the contract; the reading rules are
being written (issue 3) and will replace the naive body of ``read_sentences``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Figure", "Sentence", "read_figures", "read_sentences", "READER_VERSION"]

#: Bumped whenever the reading rules change, so cached readings are invalidated.
READER_VERSION = "0"


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as an article states it.

    ``text`` is the surface exactly as written, qualifier and own noun included
    ("more than 130 attacks"), and ``text == source[start:end]``. ``low``/``high`` are the
    interval the wording allows (``None`` is an open end). ``noun`` is the counted noun with
    leading "such", "U.S."-style abbreviations, hyphenated adjectives and coordinated
    modifiers dropped ("such rocket and missile strikes" -> "strikes"); ``phrase`` is the
    whole noun phrase as written ("U.S. service members"), which ``counts`` entries of
    several words are matched against.
    """

    text: str
    start: int
    end: int
    value: int | float
    low: int | float | None
    high: int | float | None
    low_open: bool
    high_open: bool
    qualifier: str | None
    kind: str
    noun: str | None
    unit: str | None
    inherited: bool = False
    previous: bool = False
    phrase: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the text (offsets into it) and the figures inside it, in order."""

    start: int
    end: int
    figures: tuple[Figure, ...]


_NAIVE = re.compile(r"\b(\d[\d,]*)\s+([A-Za-z]+)")
_SENT = re.compile(r"[^.!?\n]+[.!?]?")


def read_sentences(text: str) -> list[Sentence]:
    out = []
    for m in _SENT.finditer(text):
        figs = []
        for f in _NAIVE.finditer(m.group()):
            v = int(f.group(1).replace(",", ""))
            s = m.start() + f.start()
            figs.append(Figure(f.group(), s, m.start() + f.end(), v, v, v, False, False, None,
                               "count", f.group(2), None, phrase=f.group(2)))
        out.append(Sentence(m.start(), m.end(), tuple(figs)))
    return out


def read_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in text order."""
    return [f for s in read_sentences(text) for f in s.figures]
