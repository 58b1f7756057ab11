"""Units of measure: surface words -> canonical pint names, and conversion through pint.

The reader only needs :func:`unit_name` (a dictionary look-up, no pint). Conversions go
through one small pint registry per process, built lazily on the first :func:`convert`
call from the definitions below instead of pint's full default file, so importing the
package and reading articles never pays for pint.

Currencies are each their own dimension (``[currency_USD]``, ...): pint refuses to convert
dollars to pounds, which is what we want without exchange rates. Counts ("attacks",
"troops") are deliberately not units.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["CURRENCY_SYMBOLS", "convert", "registry", "unit_dimension", "unit_name"]

#: pint definitions, one a line: only what news articles use.
_DEFINITIONS = """
meter = [length] = m = metre = meters = metres
kilometer = 1000 * meter = km = kilometre
centimeter = 0.01 * meter = cm = centimetre
millimeter = 0.001 * meter = mm = millimetre
mile = 1609.344 * meter = mi
nautical_mile = 1852 * meter = nmi
yard = 0.9144 * meter = yd
foot = 0.3048 * meter = ft = feet
inch = 0.0254 * meter
square_meter = meter ** 2 = m2
square_kilometer = kilometer ** 2 = km2
square_mile = mile ** 2 = sq_mi
hectare = 10000 * square_meter = ha
acre = 4046.8564224 * square_meter
liter = 0.001 * meter ** 3 = l = litre
gallon = 3.785411784 * liter = gal
barrel = 42 * gallon = bbl
kilogram = [mass] = kg
gram = 0.001 * kilogram = g
tonne = 1000 * kilogram = t = metric_ton
ton = 907.18474 * kilogram = short_ton
pound = 0.45359237 * kilogram = lb
ounce = pound / 16 = oz
second = [time] = s = sec
minute = 60 * second = min
hour = 60 * minute = h = hr
day = 24 * hour = d
week = 7 * day
year = 365.25 * day = yr
month = year / 12
decade = 10 * year
century = 100 * year
meter_per_second = meter / second
kilometer_per_hour = kilometer / hour = kph
mile_per_hour = mile / hour = mph
knot = nautical_mile / hour = kn
percent = 0.01
USD = [currency_USD]
GBP = [currency_GBP]
EUR = [currency_EUR]
JPY = [currency_JPY]
CAD = [currency_CAD]
AUD = [currency_AUD]
HKD = [currency_HKD]
NZD = [currency_NZD]
SGD = [currency_SGD]
BRL = [currency_BRL]
INR = [currency_INR]
CHF = [currency_CHF]
CNY = [currency_CNY]
ZAR = [currency_ZAR]
MXN = [currency_MXN]
degree_Celsius = [temperature_celsius]
degree_Fahrenheit = [temperature_fahrenheit]
degree = [degree_unspecified]
"""

#: Currency prefixes as written before a number.
CURRENCY_SYMBOLS: dict[str, str] = {
    "$": "USD",
    "us$": "USD",
    "usd": "USD",
    "£": "GBP",
    "gbp": "GBP",
    "€": "EUR",
    "eur": "EUR",
    "¥": "JPY",
    "c$": "CAD",
    "a$": "AUD",
    "hk$": "HKD",
    "nz$": "NZD",
    "s$": "SGD",
    "r$": "BRL",
    "₹": "INR",
    "rs": "INR",
    "jpy": "JPY",
    "cad": "CAD",
    "aud": "AUD",
    "hkd": "HKD",
    "nzd": "NZD",
    "sgd": "SGD",
    "chf": "CHF",
    "inr": "INR",
    "cny": "CNY",
    "brl": "BRL",
    "zar": "ZAR",
}

_CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "usd": "USD",
    "eur": "EUR",
    "gbp": "GBP",
    "jpy": "JPY",
    "rupee": "INR",
    "rupees": "INR",
    "franc": "CHF",
    "francs": "CHF",
    "yuan": "CNY",
}


def _plural_forms(names: dict[str, tuple[str, ...]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for canonical, surfaces in names.items():
        for surface in surfaces:
            out[surface] = canonical
    return out


#: Surfaces (lower case, single spaces) -> canonical pint unit name.
UNIT_WORDS: dict[str, str] = _plural_forms(
    {
        "kilometer": ("km", "kms", "kilometer", "kilometers", "kilometre", "kilometres"),
        "meter": ("meter", "meters", "metre", "metres"),
        "centimeter": ("cm", "centimeter", "centimeters", "centimetre", "centimetres"),
        "millimeter": ("mm", "millimeter", "millimeters", "millimetre", "millimetres"),
        "mile": ("mile", "miles", "mi"),
        "nautical_mile": ("nautical mile", "nautical miles", "nmi"),
        "yard": ("yard", "yards", "yd", "yds"),
        "foot": ("foot", "feet", "ft"),
        "inch": ("inch", "inches"),
        "square_kilometer": (
            "square kilometer",
            "square kilometers",
            "square kilometre",
            "square kilometres",
            "sq km",
            "km2",
            "km²",
        ),
        "square_mile": ("square mile", "square miles", "sq mi", "sq miles"),
        "square_meter": ("square meter", "square meters", "square metre", "square metres", "sq m", "m2", "m²"),
        "hectare": ("hectare", "hectares"),
        "acre": ("acre", "acres"),
        "liter": ("liter", "liters", "litre", "litres"),
        "gallon": ("gallon", "gallons"),
        "barrel": ("barrel", "barrels"),
        "kilogram": ("kg", "kgs", "kilogram", "kilograms", "kilo", "kilos"),
        "gram": ("gram", "grams"),
        "tonne": ("tonne", "tonnes", "metric ton", "metric tons"),
        "ton": ("ton", "tons"),
        "pound": ("pound", "pounds", "lb", "lbs"),
        "ounce": ("ounce", "ounces", "oz"),
        "second": ("second", "seconds", "sec", "secs"),
        "minute": ("minute", "minutes", "min", "mins"),
        "hour": ("hour", "hours", "hr", "hrs"),
        "day": ("day", "days"),
        "week": ("week", "weeks"),
        "month": ("month", "months"),
        "year": ("year", "years", "yr", "yrs"),
        "decade": ("decade", "decades"),
        "century": ("century", "centuries"),
        "kilometer_per_hour": ("km/h", "kmh", "kph", "kilometers per hour", "kilometres per hour", "km per hour"),
        "mile_per_hour": ("mph", "miles per hour"),
        # "an hour" spellings keep pint's own composition, which the check compares through pint
        "mile / hour": ("miles an hour", "mile an hour"),
        "kilometer / hour": ("kilometres an hour", "kilometers an hour", "kilometre an hour", "km an hour"),
        "degree_Celsius": ("°C", "°c", "degrees Celsius", "degree Celsius", "degrees celsius", "degrees centigrade"),
        "degree_Fahrenheit": ("°F", "°f", "degrees Fahrenheit", "degree Fahrenheit", "degrees fahrenheit"),
        "degree": ("degree", "degrees", "°"),
        "knot": ("knot", "knots"),
        "percent": ("%", "percent", "per cent", "pct", "percentage"),
    }
)

#: Units that measure time: a number with one of these is a duration, never a count.
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})

_CANONICAL = frozenset(UNIT_WORDS.values()) | frozenset(CURRENCY_SYMBOLS.values())
_SPACES = re.compile(r"\s+")


def unit_name(text: str) -> str | None:
    """The canonical pint name for a unit as written ("km", "kilometres" -> "kilometer").

    Currencies come back as ISO codes ("$", "dollars" -> "USD"). ``None`` when the text is
    not a unit this module knows (counted nouns such as "troops" are not units).
    """
    key = _SPACES.sub(" ", text.strip()).lower()
    if key in UNIT_WORDS:
        return UNIT_WORDS[key]
    if key in CURRENCY_SYMBOLS:
        return CURRENCY_SYMBOLS[key]
    if key in _CURRENCY_WORDS:
        return _CURRENCY_WORDS[key]
    if text.strip() in _CANONICAL:
        return text.strip()
    key = key.replace(" ", "_")
    return key if key in _CANONICAL else None


@lru_cache(maxsize=1)
def registry() -> Any:
    """The process-wide pint registry, built on first use from :data:`_DEFINITIONS`."""
    import pint  # imported here: reading articles never needs pint

    ureg = pint.UnitRegistry(None)
    for line in _DEFINITIONS.strip().splitlines():
        ureg.define(line)
    return ureg


@lru_cache(maxsize=1024)
def _factor(from_unit: str, to_unit: str) -> float | None:
    import pint

    ureg = registry()
    try:
        return float(ureg.Quantity(1.0, from_unit).to(to_unit).magnitude)
    except (pint.DimensionalityError, pint.UndefinedUnitError):
        return None


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``, or ``None`` when not convertible.

    Both units may be written as surfaces ("km", "miles", "$") or canonical names. ``None``
    means: unknown unit, different dimensions, or two different currencies (no rates).
    """
    source, target = unit_name(from_unit), unit_name(to_unit)
    if source is None or target is None:
        return None
    if source == target:
        return float(value)
    factor = _factor(source, target)
    return None if factor is None else value * factor


def unit_dimension(unit: str) -> str | None:
    """The pint dimensionality of a unit as a string ("[length]"), ``None`` if unknown."""
    name = unit_name(unit)
    if name is None:
        return None
    return str(registry().get_dimensionality(name))
