"""Number words, hedges and the intervals they stand for.

Everything here is a table or a small pure function; the scanning lives in ``reader.py``.
"""

from __future__ import annotations

import re
from decimal import Decimal

__all__ = [
    "CARDINALS",
    "HEDGES",
    "ORDINALS",
    "SCALES",
    "VAGUE",
    "hedge_interval",
    "ordinal_value",
    "parse_words",
    "whole",
    "width",
]

_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

#: Cardinal words below a hundred.
CARDINALS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
CARDINALS.update({w: 20 + 10 * i for i, w in enumerate(_TENS)})

#: Multipliers; "dozen" multiplies like a scale ("three dozen" = 36).
SCALES: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "dozen": 12,
    "lakh": 100_000,
    "crore": 10_000_000,
}
#: Abbreviated scales written after digits ("2.5bn", "£3m", "10k").
SCALE_ABBREVIATIONS: dict[str, int] = {
    "k": 1_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "mln": 1_000_000,
    "b": 1_000_000_000,
    "bn": 1_000_000_000,
    "bln": 1_000_000_000,
    "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}

_ORDINAL_UNITS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_ORDINAL_TENS = ["twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"]
#: Ordinal words (the compound "twenty-first" is read by :func:`ordinal_value`).
ORDINALS: dict[str, int] = {w: i for i, w in enumerate(_ORDINAL_UNITS) if i}
ORDINALS.update({w: 20 + 10 * i for i, w in enumerate(_ORDINAL_TENS)})
ORDINALS.update({"hundredth": 100, "thousandth": 1_000, "millionth": 1_000_000})

#: Vague plurals -> the documented interval (a policy, see docs/reader.md).
VAGUE: dict[str, tuple[int, int]] = {
    "dozens": (24, 99),
    "scores": (40, 99),
    "hundreds": (200, 999),
    "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999),
    "hundreds of thousands": (200_000, 999_999),
    "millions": (2_000_000, 9_999_999),
    "tens of millions": (20_000_000, 99_999_999),
    "hundreds of millions": (200_000_000, 999_999_999),
    "billions": (2_000_000_000, 9_999_999_999),
    "several dozen": (24, 99),
    "a few dozen": (24, 99),
    "several hundred": (200, 999),
    "a few hundred": (200, 999),
    "several thousand": (2_000, 9_999),
    "a few thousand": (2_000, 9_999),
    "several million": (2_000_000, 9_999_999),
    "a few million": (2_000_000, 9_999_999),
    "several billion": (2_000_000_000, 9_999_999_999),
    "a few billion": (2_000_000_000, 9_999_999_999),
}

#: Hedge (lower case, single spaces) -> interval shape.
#: ``ge`` [N, inf), ``gt`` (N, inf), ``le`` [0, N], ``lt`` [0, N), ``near`` [N-w, N],
#: ``about`` [N-w, N+w].
HEDGES: dict[str, str] = {
    "at least": "ge",
    "no fewer than": "ge",
    "no less than": "ge",
    "not fewer than": "ge",
    "not less than": "ge",
    "a minimum of": "ge",
    "at minimum": "ge",
    "more than": "gt",
    "over": "gt",
    "above": "gt",
    "upwards of": "gt",
    "upward of": "gt",
    "in excess of": "gt",
    "north of": "gt",
    "well over": "gt",
    "just over": "gt",
    "well above": "gt",
    "greater than": "gt",
    "a little over": "gt",
    "a little more than": "gt",
    "exceeding": "gt",
    "exceeds": "gt",
    "exceeded": "gt",
    "surpassing": "gt",
    "surpassed": "gt",
    "surpasses": "gt",
    "topped": "gt",
    "tops": "gt",
    "topping": "gt",
    "at most": "le",
    "up to": "le",
    "as many as": "le",
    "no more than": "le",
    "not more than": "le",
    "a maximum of": "le",
    "as much as": "le",
    "at the most": "le",
    "fewer than": "lt",
    "less than": "lt",
    "under": "lt",
    "below": "lt",
    "just under": "lt",
    "just below": "lt",
    "well under": "lt",
    "well below": "lt",
    "nearly": "near",
    "almost": "near",
    "close to": "near",
    "approaching": "near",
    "barely": "near",
    "scarcely": "near",
    "hardly": "near",
    "shy of": "near",
    "just shy of": "near",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "circa": "about",
    "approx.": "about",
    "~": "about",
    "c.": "about",
    "ca.": "about",
}
#: What "not"/"no" in front of a hedge turns it into ("not more than" is at most).
NEGATED: dict[str, str] = {"gt": "le", "ge": "lt", "lt": "ge", "le": "gt"}
#: Hedges written after the number: "30 or more", "20-plus", "20+".
POST_HEDGES: dict[str, str] = {
    "or more": "ge",
    "or greater": "ge",
    "or higher": "ge",
    "or above": "ge",
    "or over": "ge",
    "plus": "ge",
    "+": "ge",
    "or fewer": "le",
    "or less": "le",
    "or so": "about",
}

_SIGNIFICANT = re.compile(r"[1-9](?:\d*[1-9])?")


def whole(value: float | int | Decimal) -> int | float:
    """``value`` as an int when it is whole, else a float rounded to shed binary noise."""
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return int(value)
    number = round(float(value), 9)  # "$16.4 million" is 16,400,000, not 16,399,999.999999998
    if number.is_integer() and abs(number) < 1e18:
        return int(number)
    return number


def width(value: int | float) -> int | float:
    """The half-width of "about N": 5 % of N, or 10 % when N has one significant digit."""
    digits = _SIGNIFICANT.search(format(Decimal(str(value)), "f").replace(".", ""))
    share = Decimal("0.1") if digits is None or len(digits.group()) == 1 else Decimal("0.05")
    return whole(abs(Decimal(str(value))) * share)


def hedge_interval(
    shape: str | None, low: int | float, high: int | float
) -> tuple[int | float | None, int | float | None, bool, bool]:
    """(low, high, low_open, high_open) for a figure ``[low, high]`` under a hedge shape.

    An infinite end is ``None`` and reported open. ``low`` == ``high`` for a plain number;
    for a vague plural or range the hedge moves the relevant end.
    """
    if shape is None:
        return low, high, False, False
    if shape == "ge":
        return low, None, False, True
    if shape == "gt":
        return low, None, True, True
    if shape == "le":
        return 0, high, False, False
    if shape == "lt":
        return 0, high, False, True
    w = width(high)
    if shape == "near":
        return whole(Decimal(str(high)) - Decimal(str(w))), high, False, False
    return (whole(Decimal(str(low)) - Decimal(str(w))), whole(Decimal(str(high)) + Decimal(str(w))), False, False)


def ordinal_value(word: str) -> int | None:
    """The value of an ordinal word ("fourth" -> 4, "twenty-first" -> 21)."""
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    head, _, tail = word.partition("-")
    if head in CARDINALS and tail in ORDINALS and CARDINALS[head] >= 20 and ORDINALS[tail] < 10:
        return CARDINALS[head] + ORDINALS[tail]
    return None


_WORD = re.compile(r"[a-z]+")


#: The fraction after "and" in a mixed number: "one and a half", "two and three-quarter".
_MIXED = {
    "a half": Decimal("0.5"),
    "one half": Decimal("0.5"),
    "a quarter": Decimal("0.25"),
    "one quarter": Decimal("0.25"),
    "three quarter": Decimal("0.75"),
    "three quarters": Decimal("0.75"),
}


def parse_words(text: str) -> int | float | None:
    """The value of a run of number words ("one hundred and forty", "two and a half million").

    Returns ``None`` when the words do not form one number (the scanner then takes less).
    """
    words = _WORD.findall(text.lower())
    total = Decimal(0)
    current = Decimal(0)
    seen = False
    i = 0
    while i < len(words):
        word = words[i]
        if word == "and":
            part = _MIXED.get(" ".join(words[i + 1 : i + 3]))
            if part is not None:  # "one and a half", "one and three-quarter miles"
                current += part
                i += 3
                continue
        elif word in ("couple", "pair"):
            current = Decimal(2)
            seen = True
        elif word == "of" and i and words[i - 1] in ("couple", "pair"):
            pass
        elif word == "a":
            current = current or Decimal(1)
            seen = True
        elif word == "half":
            # "half a dozen", "a half-dozen": the "a" before "half" is not one
            current = Decimal("0.5") if not current or words[i - 1] == "a" else current
            seen = True
        elif word in CARDINALS:
            current += CARDINALS[word]
            seen = True
        elif word in SCALES:
            scale = SCALES[word]
            current = current or Decimal(1)
            if scale == 100 or scale == 12:
                current *= scale
            else:
                total += current * scale
                current = Decimal(0)
            seen = True
        else:
            return None
        i += 1
    return whole(total + current) if seen else None
