"""Stage 2b.1, number tokens and their composition with scales, fractions and ranges.

Where a number may start (``_CANDIDATE``), how it is written (``_DIGIT_TOKEN``,
``_WORD_TOKEN``) and what is glued to it. Rules, one example each:

- digits: "2,500 troops" -> 2500; a decimal comma is left out ("2,5 km").
- spaced thousands: groups of exactly three digits after a space, no-break or thin space:
  "816 000 tonnes" -> 816000; "in 2019 15 people" stays two numbers.
- sign: "-15 degrees", "−12°", "minus 15 degrees" -> -15 ("fell by 0.3%" stays positive).
- vulgar fractions: "2½ miles" -> 2.5, "½ of the budget" -> a ratio of 0.5.
- number words: "one hundred and forty", "one and one-half miles" -> 1.5.
- scale after digits: "1.5 million", "2.5bn", "£3m", "10 lakh" -> 1,000,000, "2 crore".
- fraction of a scale: "half a million" -> 500000, "a quarter of a million", "half million",
  "three-quarters of a million" -> 750000.
- "a couple (of) hundred": 200, hedged "about" with the qualifier "a couple" -> [180, 220].
- vague plurals and multiples: "dozens" [24, 99], "several hundred"/"a few hundred"
  [200, 999], "a few dozen" [24, 99], "several thousand" [2000, 9999] (numbers.VAGUE).
- fractions as ratios: "a third of", "two thirds voted" (plural fractions need no "of").
- ratio: "3/4 of the residents" -> 0.75 (never a date when "of" follows), "1 in 5" -> 0.2.
- range: "10 to 15", "10-15", "between 10 and 15"; the scale or sign may be written once
  or twice: "$5bn-$6bn", "$2.1 billion to $2.6 billion", "between $5 and $6 billion" ->
  [5e9, 6e9]; "1.5 to 2 million" -> [1.5e6, 2e6].
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from .numbers import (
    CARDINALS,
    ORDINALS,
    SCALE_ABBREVIATIONS,
    SCALES,
    ordinal_value,
    parse_words,
    whole,
)


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any blank run."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_NUM = r"(?:\d{1,3}(?:,\d{3}){1,6}(?!,?\d)|\d{1,16}(?!\d))(?:\.\d{1,12}(?!\d))?"
#: Thousands grouped by a space, no-break space or thin space: exactly three digits a group.
_SPACED = r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3}(?!\d|,\d)){1,4}"
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_SIGNED_NUM = rf"(?:{_SPACED}|{_NUM})[½¼¾⅓⅔]?|[½¼¾⅓⅔]"
_U = "one|two|three|four|five|six|seven|eight|nine"
_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_S99 = rf"(?:(?:{_TENS})(?:[- ](?:{_U})\b)?|{_TEEN}|{_U})\b"
_H = rf"(?:(?:{_S99}|a)\s+hundred\b(?:\s+(?:and\s+)?{_S99})?|{_S99})"
_BIG = (
    rf"(?:{_H}|a(?=\s+(?:thousand|million|billion)))(?:\s+and\s+(?:(?:a|one)[\s-]+(?:half|quarter)|three[\s-]+quarters?)\b)?"
    rf"(?:\s+(?:thousand|million|billion|trillion|lakh|crore)\b(?:\s+(?:and\s+)?{_H}(?!\s+dozen))?)*"
)
_WORDS = (
    rf"(?:(?:a\s+half|half\s+a|half|{_H}|a)[\s-]+dozen\b|a\s+(?:couple|pair)\s+of\b"
    rf"|zero(?=\s+point\s+(?:zero|oh|{_U})\b)"  # "zero point five percent": 0.5 (alone, "zero" is no figure)
    rf"|{_BIG})"
)
_ORDW = (
    rf"(?:(?:{_TENS})-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    rf"|{_alt(ORDINALS)})"
)
#: A fraction's parts: "a", "one" ... "nine" over "half" ... "tenths" ("four fifths" is 0.8).
_NUMERATORS = {"a": 1} | {
    w: CARDINALS[w] for w in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
}
_DENOMINATORS = {
    "half": 2,
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_SINGULAR = "|".join(_DENOMINATORS)
_PLURAL = "|".join(d + "s" for d in _DENOMINATORS if d != "half")
_MANY = "|".join(n for n, v in _NUMERATORS.items() if v > 1)
#: A fraction as a share: "half of", "a third of", "one-fifth of" (only before "of"/"the":
#: "the fifth day" is an ordinal, "the fourth of July" a date); any "two thirds",
#: "four-fifths", "three eighths".
_FRAC = rf"(?:(?:a|one)[\s-]+(?:{_SINGULAR})|half)(?=\s+(?:of|the)\b)|(?:{_MANY})[\s-]+(?:{_PLURAL})"


#: Spoken decimals after a number word: "two point five".
POINT_DIGITS = re.compile(rf"(?i)\s+point(?:\s+(?:zero|oh|{_U}))+(?!\w)")


def point_value(decimals: str, whole_part: int | float) -> float:
    """ "two point five" -> 2.5: ``whole_part`` is the number before "point" (read by the
    caller), ``decimals`` what ``POINT_DIGITS`` matched (" point five"), spoken digit by digit."""
    digits = "".join(str(CARDINALS.get(w, 0)) for w in decimals.lower().split()[1:])  # "oh" is 0
    return float(f"{int(whole_part)}.{digits}")


def fraction_value(written: str) -> float:
    """ "three-quarters" -> 0.75, "a fifth" -> 0.2, "half" -> 0.5, "four fifths" -> 0.8."""
    words = written.lower().replace("-", " ").split()
    numerator = _NUMERATORS[words[0]] if len(words) > 1 else 1
    return numerator / _DENOMINATORS[words[-1].removesuffix("s")]


_SCALE_NAMES = "thousand|million|billion|trillion|lakh|crore"
_WORD_TOKEN = re.compile(
    rf"""
      (?P<fracscale>(?<![\w/.@-])(?i:(?:(?:a|one|two|three)[\s-]+)?(?:half|quarters?|thirds?)(?:\s+of)?(?:\s+an?)?
          \s+(?:{_SCALE_NAMES}))(?!\w))
    | (?P<unithalf>(?<![\w/.@-])(?i:an?|one)\s+(?!(?i:dozen|couple|pair|hundred|thousand|million|billion)\b)
          (?P<hunit>[A-Za-z]+)\s+(?i:and\s+a\s+half)(?!\w))
    | (?P<couple>(?<![\w/.@-])(?i:a\s+couple(?:\s+of)?\s+(?:dozen|hundred|thousand|million|billion))(?!\w))
    | (?P<frac>(?<![\w/.@-])(?i:{_FRAC})(?![\w-]))
    | (?P<words>(?<![\w/.@-])(?i:{_WORDS})(?!\w))
    | (?P<ordw>(?<![\w/.@-])(?i:{_ORDW})(?![\w-]))
    | (?P<vague>(?<![\w/.@-])(?i:(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million|billion)|(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens
          |scores(?=\s+of\b)|hundreds|thousands|millions|billions)(?!\w))
    """,
    re.X,
)
_DIGIT_TOKEN = re.compile(
    rf"(?P<digits>(?:(?P<cur>[$£€¥₹])\s?|(?<![\w.,/:#@$£€¥₹+-]))"
    rf"(?P<sign>(?<![^\s(])[-−](?=\d)|(?i:minus)\s+(?=\d))?(?P<num>{_SIGNED_NUM}))"
)
_DIGIT_STARTS = frozenset("0123456789$£€¥₹-−½¼¾⅓⅔")


def _trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, factored by prefix: sre tries the alternatives
    of a group one by one, so a trie scans several times faster than a flat list."""
    tree: dict[str, Any] = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(char) + emit(sub) for char, sub in sorted(node.items()) if char]
        if not alts:
            return ""
        group = "(?:" + "|".join(alts) + ")"
        return group + "?" if "" in node else group

    return emit(tree)


_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_CANDIDATE_WORDS = sorted(
    set(_U.split("|") + _TEEN.split("|") + _TENS.split("|") + list(ORDINALS))
    | {"half", "quarter", "dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"},
    key=len,
    reverse=True,
)
#: Where a number may start, searched in an ASCII-lower-cased copy of the text (a
#: case-sensitive search is several times faster than an IGNORECASE one).
_CANDIDATE = re.compile(
    r"[$£€¥₹½¼¾⅓⅔]|(?<!\w)(?:\d[\d,.]*|(?:a\s+(?:dozen|couple|pair|half|hundred|thousand|million"
    r"|billion|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth|few\s+(?:dozen|hundred|thousand|million|billion)"
    r"|[a-z]+\s+and\s+a\s+half)|an\s+[a-z]+\s+and\s+a\s+half"
    rf"|several\s+(?:dozen|hundred|thousand|million|billion)|zero\s+point|{_trie(_CANDIDATE_WORDS)})\b)"
)
_SECOND = re.compile(
    rf"(?:(?:[$£€¥₹][ \t]?)?(?P<digits>{_NUM})(?P<glued>bn|mn|mln|bln|tn|trn|m|k)?(?![\w,.]\d)|(?P<ord>\d+(?:st|nd|rd|th)\b|(?i:{_ORDW})(?![\w-]))"
    rf"|(?P<words>(?i:{_BIG})))(?!\w)"
)
_SCALE_AFTER = re.compile(
    r"(?:\s+(?P<word>(?i:hundred|thousand|million|billion|trillion|dozen|lakh|crore))\b"
    r"|\s?(?P<abbr>bn|mn|mln|bln|tn|trn)\b)"
)
_RANGE_JOIN = re.compile(r"-to-|\s*(?:-|–|—)\s*|\s+(?:to|or|through|and)\s+")
_AND = re.compile(r"\s+and\s+")
_DASH_JOIN = re.compile(r"\s*[-–]\s*")
_RATIO = re.compile(r"\s+(?:in|out\s+of)(?:\s+every)?\s+")
_PEEK = re.compile(r"[ \t]*([-–—%+°]?)[ \t]*([A-Za-z]*)")
# What may follow a number for each extension to be worth a regex match.
_SCALE_WORDS = frozenset(SCALES) | frozenset(SCALE_ABBREVIATIONS)
_RANGE_WORDS = frozenset({"to", "or", "through", "and"})
_CODE_RUN = re.compile(r"[\w.,/:%-]*")
_ATTACHED = re.compile(r"[A-Za-z]+")


@dataclass(slots=True)
class _Number:
    """A number being read: span, value, interval before hedging, and its kind so far."""

    start: int
    end: int
    value: int | float
    low: int | float
    high: int | float
    kind: str = "count"
    unit: str | None = None
    post_hedge: str | None = None
    post_hedge_text: str | None = None
    digits: bool = False
    plain_year: bool = False
    noun_after: bool = True
    between: int | None = None
    scaled: bool = False
    own_hedge: tuple[str, str] | None = None


def _digit_value(text: str) -> int | float:
    """ "1,250", "816 000", "2½", "½" -> the value."""
    if text.isascii() and text.isdigit():
        return int(text)
    if text[-1:].isdigit():  # "1,250", "2.5", and thousands grouped by any space: "42\u2009000"
        plain = text.replace(",", "")
        return whole(float(plain if plain.isascii() and " " not in plain else "".join(plain.split())))
    fraction = _VULGAR.get(text[-1:], 0)
    if fraction:
        text = text[:-1]
    digits = "".join(c for c in text if c.isdigit() or c == ".")
    return whole((float(digits) if digits else 0) + fraction)


def _apply_scale(text: str, num: _Number, send: int) -> None:
    """Multiply by a scale written after digits: "1.5 million", "2.5bn", "3 dozen"."""
    m = _SCALE_AFTER.match(text, num.end, send)
    if not m:
        return
    word = m.group("word")
    factor = SCALES[word.lower()] if word else SCALE_ABBREVIATIONS[m.group("abbr")]
    num.value = num.low = num.high = whole(num.value * factor)
    num.end = m.end()
    num.plain_year = False
    num.scaled = True


def _fraction_of_scale(written: str) -> int | float:
    """ "half a million" -> 500000, "three-quarters of a million" -> 750000, "a quarter million"."""
    words = written.lower().replace("-", " ").split()
    count = {"two": 2, "three": 3}.get(words[0], 1)
    part = next(w for w in words if w.startswith(("half", "quarter", "third")))
    share = {"half": Decimal(1) / 2, "quarter": Decimal(1) / 4}.get(part.rstrip("s"), Decimal(1) / 3)
    return whole(count * share * SCALES[words[-1]])


def _read_second(text: str, pos: int, send: int) -> tuple[int, int | float, bool, int] | None:
    """The second number of a range at ``pos``: (end, value, is_ordinal, scale factor)."""
    m = _SECOND.match(text, pos, send)
    if not m:
        return None
    if m.group("digits"):
        value = _digit_value(m.group("digits"))
        end = m.end()
        factor = SCALE_ABBREVIATIONS[m.group("glued")] if m.group("glued") else 1
        value = whole(value * factor)
        scale = None if factor > 1 else _SCALE_AFTER.match(text, end, send)
        if scale:
            word = scale.group("word")
            factor = SCALES[word.lower()] if word else SCALE_ABBREVIATIONS[scale.group("abbr")]
            value = whole(value * factor)
            end = scale.end()
        return end, value, False, factor
    if m.group("ord"):
        word = m.group("ord")
        ordinal = int(word[:-2]) if word[0].isdigit() else ordinal_value(word)
        return (m.end(), ordinal, True, 1) if ordinal is not None else None
    words = m.group("words")
    spoken = parse_words(words)
    factor = SCALES.get(words.rsplit(None, 1)[-1].lower(), 1)
    return (m.end(), spoken, False, factor) if spoken is not None else None


def _range(text: str, num: _Number, send: int, between: bool, is_ordinal: bool) -> None:
    """Extend ``num`` over "10 to 15", "10-15", "fourth or fifth", "between 10 and 15"."""
    join = (_AND if between else _RANGE_JOIN).match(text, num.end, send)
    if between and not join:  # "between 10-20 people", as loosely as it is printed
        join = _DASH_JOIN.match(text, num.end, send)
    if not join or (not between and join.group().strip() == "and"):
        return
    second = _read_second(text, join.end(), send)
    if second is None:
        return
    end, value, ordinal, factor = second
    if ordinal != is_ordinal:
        return
    if factor > 1 and not num.scaled and num.value * factor <= value:
        num.value = num.low = whole(num.value * factor)  # "1.5 to 2 million": one scale
    if value <= num.value:
        return
    num.high = value
    num.end = end
    num.plain_year = False


def _ratio(text: str, num: _Number, send: int) -> None:
    """ "1 in 5", "one out of four": a ratio, never two counts."""
    m = _RATIO.match(text, num.end, send)
    if not m:
        return
    second = _read_second(text, m.end(), send)
    if second is None or second[2]:
        return
    end, value = second[0], second[1]
    written = text[m.end() : end]
    if value <= num.value or (written.isdigit() and len(written) == 4):
        return
    num.value = num.low = num.high = whole(num.value / value)
    num.kind = "ratio"
    num.end = end
