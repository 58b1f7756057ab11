"""Stage 2b.2, hedges and the intervals they stand for (the tables are in numbers.py).

Rules, one example each:

- hedge before: "more than 130 attacks" -> (130, inf); "nearly 70" -> [63, 70].
- verbs of passing are hedges: "surpassed 3,000", "topped 1,200", "exceeded 500",
  "exceeding 150" -> (N, inf); "in excess of", "upwards of", "north of", "a little over",
  "well over" -> (N, inf); "barely 100", "shy of 400" -> [N - w, N].
- hedge after: "30 or more" -> [30, inf); "150 or over" -> [150, inf); "20-plus", "20+".
- negated hedge: "not more than 40" -> [0, 40].
- two-sided hedge: "more than 10 but fewer than 20 rockets" -> (10, 20), one figure.
- earlier value: "up from 24,927", "compared with 40" -> ``previous=True``.
- denied figure: "4 were wounded, not 40 as first reported" -> the 40 has ``denied=True``.
"""

from __future__ import annotations

import re

from .numbers import (
    HEDGES,
    POST_HEDGES,
)
from .tokens import _Number


def _reversed_alt(phrases: object) -> str:
    """An alternation matching ``phrases`` written backwards (for the reversed text)."""
    ordered = sorted({p[::-1] for p in phrases}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_CHANGE_VERBS = [
    "up",
    "down",
    "rose",
    "risen",
    "rising",
    "increased",
    "increasing",
    "fell",
    "fallen",
    "falling",
    "dropped",
    "climbed",
    "jumped",
    "grew",
    "declined",
    "went",
]
# Left-context patterns run on the reversed text, anchored right before the number, so
# each look-up is one match instead of a search over a window.
_HEDGE_REV = re.compile(rf"(?i)[ \t]*(?P<hedge>{_reversed_alt(HEDGES)})(?:\s+(?P<neg>ton|on))?(?![\w~])")
_PREVIOUS_REV = re.compile(
    rf"(?i)[ \t]*(?:morf\s+(?:{_reversed_alt(_CHANGE_VERBS)})|(?:htiw|ot)\s+derapmoc"
    r"|susrev|\.?sv)(?!\w)"
)
_HEDGE_TAILS = frozenset(h.split()[-1] for h in HEDGES)
_PREVIOUS_TAILS = frozenset({"from", "with", "to", "versus", "vs", "vs."})
_POST_HEDGE = re.compile(r"(?i)\s+or\s+(?:more|greater|higher|above|over|fewer|less|so)\b|-plus\b|\+")
_DENIAL_AFTER = re.compile(
    r"(?i),?[ \t]+as[ \t]+(?:first|earlier|initially|previously|originally)?[ \t]*"
    r"(?:reported|said|stated|claimed|announced|thought)"
)
_TWO_SIDED = re.compile(
    r"(?i)[ \t]+(?:but|and)[ \t]+(?P<h>fewer[ \t]+than|less[ \t]+than|under|below|(?:not|no)[ \t]+more[ \t]+than|at[ \t]+most|up[ \t]+to)[ \t]+"
)


def _post_hedge(text: str, num: _Number, send: int) -> None:
    m = _POST_HEDGE.match(text, num.end, send)
    if m:
        words = " ".join(m.group().lower().replace("-", " ").split())
        num.post_hedge = POST_HEDGES[words]
        num.post_hedge_text = words
        num.end = m.end()
