"""Stage 2b.5, units and money written around a number.

Rules, one example each:

- unit after the number: "110 miles" -> mile; "120 miles an hour" -> mile / hour.
- temperatures: "45C", "104F", "−8 °C", "45 degrees Celsius"; a bare "degrees" is a
  measure with the unit "degree", which converts to nothing.
- glued "m": metres before a dimension word ("30m long", "1.8m tall"), millions elsewhere
  ("3m people").
- feet and inches: "5 feet 10 inches" -> 5.8333 feet, one figure.
- unit ranges: "10km-15km", "10 km to 15 km" -> [10, 15] km.
- adjectival measures measure what they modify: "The 1,200-foot container ship" -> 1,200
  feet, noun "container ship"; "a 5-mile-long bridge"; "a 155mm shell" is a measure
  (no count fact matches it); "a 24-hour ceasefire" is a duration.
- percent: "40%", "40 per cent", "30%-40%" -> [30, 40].
- currency before: "$", "£", "€", "¥", "₹", "US$", "HK$", "NZ$", "C$", "A$", "S$", "R$", and
  codes "USD 5 million", "CHF 40", "Rs 500"; a plain "$" is USD.
- currency after: "5 million euros", "500 USD", "125 million Australian dollars" -> AUD;
  "34 cents" -> USD 0.34, "95 pence" -> GBP 0.95; "pounds" is sterling after a scale word
  or a money verb ("300 million pounds", "cost 40 pounds") and mass in "40 pounds of".
- a conversion in parentheses belongs to its figure: "1,000 km (620 miles)".
"""

from __future__ import annotations

import re

from .notfigures import _AGE
from .nouns import _NP_TOKEN, _STOP
from .numbers import (
    CARDINALS,
    SCALE_ABBREVIATIONS,
    whole,
)
from .tokens import _ATTACHED, _NUM, _alt, _digit_value, _Number
from .units import TIME_UNITS, UNIT_WORDS, unit_name

_DOLLAR_PREFIX_REV = re.compile(r"(SU|KH|ZN|[CASR])(?!\w)")
_PERCENT = re.compile(r"(?i)\s?%|\s+(?:percent|per\s+cent|pct)\b")
#: A currency named after the number: "125 million Australian dollars", "500 USD", "34 cents".
_CURRENCY_WORD = re.compile(
    r"\s+(?:(?P<adj>(?i:Australian|Canadian|Hong\s+Kong|New\s+Zealand|Singapore|U\.S\.|US|American|Swiss|Indian"
    r"|Mexican|South\s+African|Japanese|Chinese|British))\s+)?"
    r"(?P<word>(?i:dollars?|euros?|yen|pounds?|pence|cents?|rupees?|francs?|yuan|pesos?|rand)"
    r"|USD|EUR|GBP|JPY|CAD|AUD|HKD|NZD|SGD|CHF|INR|CNY|BRL|ZAR)(?![\w-])"
)
_MEASURE_KEYS = [k for k, v in UNIT_WORDS.items() if v != "percent"]
_UNIT = re.compile(rf"(?P<sep>[ \t]*|-)(?P<unit>(?i:{_alt(_MEASURE_KEYS)}))(?![\w/])")
_UNIT_HEADS = frozenset(re.split(r"[ /]", k)[0].rstrip("²") for k in _MEASURE_KEYS)
_PERCENT_WORDS = frozenset({"percent", "per", "pct"})
_CURRENCY_WORDS = frozenset(
    [
        "dollars",
        "dollar",
        "euros",
        "euro",
        "yen",
        "pounds",
        "pound",
        "pence",
        "cents",
        "cent",
        "rupees",
        "rupee",
        "francs",
        "franc",
        "yuan",
        "pesos",
        "peso",
        "rand",
        "australian",
        "canadian",
        "hong",
        "new",
        "singapore",
        "us",
        "u",
        "american",
        "swiss",
        "indian",
        "mexican",
        "south",
        "japanese",
        "chinese",
        "british",
        "usd",
        "eur",
        "gbp",
        "jpy",
        "cad",
        "aud",
        "hkd",
        "nzd",
        "sgd",
        "chf",
        "inr",
        "cny",
        "brl",
        "zar",
    ]
)
_CURRENCY_ADJECTIVES = {"australian": "AUD", "canadian": "CAD", "hong kong": "HKD", "new zealand": "NZD"}
_CURRENCY_ADJECTIVES |= {"singapore": "SGD", "u.s.": "USD", "us": "USD", "american": "USD"}
#: A country's own currency named with its adjective: "4.5 billion Swiss francs".
_NATIONAL_CURRENCIES = {("swiss", "franc"): "CHF", ("indian", "rupee"): "INR", ("mexican", "peso"): "MXN"}
_NATIONAL_CURRENCIES |= {("south african", "rand"): "ZAR", ("japanese", "yen"): "JPY", ("chinese", "yuan"): "CNY"}
_NATIONAL_CURRENCIES |= {("british", "pound"): "GBP"}
#: Currency names after a number that are not in ``units.unit_name`` (cents and pence are hundredths).
_CURRENCY_NAMES = {"pound": "GBP", "pence": "GBP", "cent": "USD", "rupee": "INR", "franc": "CHF", "yuan": "CNY"}
_CURRENCY_NAMES |= {"peso": "MXN", "rand": "ZAR"}
#: ISO codes and abbreviations written before the number: "USD 5 million", "CHF 40", "Rs 500".
_CODES_BEFORE = frozenset(
    ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "HKD", "NZD", "SGD", "CHF", "INR", "CNY", "BRL", "ZAR", "Rs", "Rs."]
)
#: Words before "N pounds" that make it money: "cost 40 pounds"; "40 pounds of explosives" stays mass.
_MONEY_VERBS = frozenset(
    [
        "cost",
        "costs",
        "costing",
        "worth",
        "paid",
        "pay",
        "pays",
        "paying",
        "raised",
        "raise",
        "fined",
        "spent",
        "spend",
        "price",
        "priced",
        "charged",
        "charge",
        "earn",
        "earns",
        "earned",
        "owed",
        "owes",
        "won",
        "lost",
        "bill",
        "fee",
        "fine",
        "salary",
        "donated",
        "pledged",
        "budget",
        "sum",
        "for",
    ]
)
#: A glued "m" is metres before a dimension word ("30m long"), millions elsewhere ("3m people").
_DIMENSION_AFTER = re.compile(r"(?i)[ \t]+(?:long|tall|high|wide|deep|thick|across|away|underground|below|above)\b")
_FEET_INCHES = re.compile(
    r"[ \t]*(?P<n>\d{1,2}|(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven))[ \t]*(?:inches|inch|in\b)"
)

_ADJECTIVE_DIMENSION = re.compile(r"-(?:long|wide|high|tall|deep|thick)\b")
#: How the two ends of a range with its unit written twice are joined; after "between",
#: "and" joins them too ("between 10km and 15km", "between 30% and 35%").
_RANGE_JOINS = {False: r"(?:[ \t]*[-–—][ \t]*|[ \t]+to[ \t]+)", True: r"(?:[ \t]*[-–—][ \t]*|[ \t]+(?:to|and)[ \t]+)"}
#: "10km-15km", "10 km to 15 km": keyed by whether "between" came before.
_UNIT_RANGES = {
    between: re.compile(rf"{join}(?P<num>{_NUM})[ \t]?(?P<unit>[A-Za-z°%]+(?:[ \t]+[a-z]+)?)")
    for between, join in _RANGE_JOINS.items()
}
#: "30%-40%", "30 to 40 per cent": keyed by whether "between" came before.
PCT_RANGES = {
    between: re.compile(rf"{join}(?P<num>{_NUM})(?:[ \t]?%|[ \t]+(?:percent|per[ \t]+cent)\b)")
    for between, join in _RANGE_JOINS.items()
}
_CONVERSION = re.compile(
    rf"\s*\((?:(?i:about|roughly|some|nearly|around|approximately|almost|~|c\.)\s*)?"
    rf"(?:[$£€]\s?)?{_NUM}(?:\s?[A-Za-z%/²]+)*\s*\)"
)


_STRONG = re.compile(r"(?i)-strong(?![\w-])")


def _of_follows(text: str, pos: int) -> bool:
    """Whether " of" follows ``pos``."""
    return text.startswith(" of ", pos)


def _unit(text: str, num: _Number, send: int, article: bool, between: bool = False) -> bool:
    """Attach a unit ("110 miles", "24-hour"). ``False`` when the figure is a modifier."""
    m = _UNIT.match(text, num.end, send)
    if not m:
        if text.startswith("-", num.end) and num.end + 1 < send and text[num.end + 1].isalpha():
            strong = _STRONG.match(text, num.end, send)
            if strong:  # "a 2,500-strong contingent": a count, the size of what it modifies
                num.end = strong.end()
                return True
            return text.startswith("-plus", num.end)  # "a two-state solution", "24-hour"
        return True
    unit = unit_name(m.group("unit"))
    if _AGE.match(text, m.end(), send):
        return False  # "a 2-year-old child"
    attached = m.group("sep") in ("-", "")
    num.kind = "measure"
    num.unit = unit
    num.end = m.end()
    num.noun_after = False
    if attached and unit not in TIME_UNITS:
        # "The 1,200-foot container ship", "a 5-mile-long bridge": a measure of what it modifies
        dimension = _ADJECTIVE_DIMENSION.match(text, num.end, send)
        if dimension:
            num.end = dimension.end()
        nxt = _NP_TOKEN.match(text, num.end, send)
        if m.group("sep") == "-" or dimension or (article and nxt and nxt.group(1).lower() not in _STOP):
            num.noun_after = True
            return True
    if unit == "foot":
        inches = _FEET_INCHES.match(text, num.end, send)
        if inches:  # "5 feet 10 inches" is one figure
            n = inches.group("n")
            num.value = num.low = num.high = whole(num.value + (int(n) if n.isdigit() else CARDINALS[n.lower()]) / 12)
            num.end = inches.end()
    if text[num.end : num.end + 1] in ("-", "–", "—") or text.startswith((" to ", " and "), num.end):
        _unit_range(text, num, send, between)
    return True


def _unit_range(text: str, num: _Number, send: int, between: bool = False) -> None:
    """ "10km-15km", "10 km to 15 km", and after "between", "between 10km and 15km": the
    unit written at both ends of a range."""
    m = _UNIT_RANGES[between].match(text, num.end, send)
    if m is None:
        return
    written = m.group("unit")
    first = written.split()[0]
    if unit_name(written) == num.unit:
        end = m.end()
    elif unit_name(first) == num.unit:
        end = m.start("unit") + len(first)
    else:
        return
    value = _digit_value(m.group("num"))
    if value > num.high:
        num.high, num.end = value, end


def _suffix(text: str, num: _Number, send: int) -> str | None:
    """Letters glued to digits: "144th", "2.5bn", "155mm", "40%". "reject" for a code."""
    m = _ATTACHED.match(text, num.end, send)
    if not m:
        return None
    letters = m.group()
    lower = letters.lower()
    if lower in ("st", "nd", "rd", "th"):
        num.end = m.end()
        return "ordinal"
    if lower == "m" and _DIMENSION_AFTER.match(text, m.end(), send):
        num.kind, num.unit, num.end, num.noun_after = "measure", "meter", m.end(), False  # "a tunnel 30m long"
        return "measured"
    if letters in ("C", "F"):
        num.kind, num.end, num.noun_after = "measure", m.end(), False  # "45C", "104F"
        num.unit = "degree_Celsius" if letters == "C" else "degree_Fahrenheit"
        return "measured"
    if letters == "p" and not text.startswith(".m", m.end()):  # "rose by 20p": pence, not "4 p.m."
        num.value = num.low = num.high = whole(round(num.value / 100, 9))
        num.kind, num.unit, num.end, num.noun_after, num.plain_year = "money", "GBP", m.end(), False, False
        return "measured"
    if lower in SCALE_ABBREVIATIONS:
        num.value = num.low = num.high = whole(num.value * SCALE_ABBREVIATIONS[lower])
        num.end = m.end()
        num.plain_year = False
        num.scaled = True
        return "scaled"
    if lower in UNIT_WORDS and len(lower) > 1:
        return "unit"
    return "reject"
