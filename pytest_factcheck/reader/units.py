"""Units of measure: how articles spell units -> the project's unit names, and conversion
through pint's own definitions.

The reader only needs :func:`unit_name` (a dictionary look-up, no pint). The tables below
map spellings ("kms", "sq km", "$") to a name; every name is pint's own unit name except
the few in :data:`PINT_NAMES`. Conversion factors all come from pint's default definitions
file: the full :class:`pint.UnitRegistry`, built once per process on the first
:func:`convert` call, from pint's disk cache (``cache_folder=":auto:"``) after the first
process on a machine, so importing the package and reading articles never pays for pint.

Currencies are each their own dimension (``[currency_USD]``, ...): pint refuses to convert
dollars to pounds, which is what we want without exchange rates. Counts ("attacks",
"troops") are deliberately not units.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["CURRENCY_SYMBOLS", "PINT_NAMES", "convert", "registry", "unit_dimension", "unit_name"]

#: The project's unit names (``Figure.unit``) that are not pint's name for the same unit:
#: pint writes areas as powers, its "barrel" is the 31.5-gallon liquid barrel where news
#: barrels are oil barrels (42 gallons), and it reads "decade" as a logarithmic ratio.
PINT_NAMES: dict[str, str] = {
    "square_kilometer": "kilometer ** 2",
    "square_meter": "meter ** 2",
    "barrel": "oil_barrel",
    "decade": "10 * year",
    "degree": "degree_unspecified",
}

#: A bare "degrees" in news copy is a temperature or an angle with no scale named: a
#: measure that converts to nothing (pint's own "degree" is an angle).
_UNSPECIFIED_DEGREE = "degree_unspecified = [degree_unspecified]"
#: A change in a rate ("fell 0.4 percentage points") is not a rate: its own dimension, so it
#: never converts to a percent.
_PERCENTAGE_POINT = "percentage_point = [percentage_point]"

#: Units whose scale has an offset: converted value by value, never by a factor.
_OFFSET_UNITS = frozenset({"degree_Celsius", "degree_Fahrenheit"})

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
        # a speed is named as pint reads its spelling: "mph" and "kph" are pint's own units,
        # "miles per hour" and "km/h" its composition "mile / hour"; "an hour" reads as "per hour"
        "kilometer_per_hour": ("kmh", "kph"),
        "mile_per_hour": ("mph",),
        "mile / hour": ("miles per hour", "mile per hour", "miles an hour", "mile an hour"),
        "kilometer / hour": (
            "km/h",
            "kilometers per hour",
            "kilometres per hour",
            "kilometer per hour",
            "kilometre per hour",
            "km per hour",
            "kilometres an hour",
            "kilometers an hour",
            "kilometre an hour",
            "km an hour",
        ),
        "degree_Celsius": (
            *("°C", "°c", "degrees Celsius", "degree Celsius", "degrees celsius", "degrees centigrade"),
            *("Celsius", "celsius", "centigrade"),
        ),
        "degree_Fahrenheit": (
            "°F",
            "°f",
            "degrees Fahrenheit",
            "degree Fahrenheit",
            "degrees fahrenheit",
            "Fahrenheit",
            "fahrenheit",
        ),
        "degree": ("degree", "degrees", "°"),
        "knot": ("knot", "knots"),
        "percent": ("%", "percent", "per cent", "pct", "percentage"),
        # a change in a rate, not a rate: its own unit, never compared with a percent
        "percentage_point": ("percentage point", "percentage points", "percentage-point", "pp"),
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
    """The process-wide pint registry: pint's default definitions (from pint's cache
    folder when it has one) plus one dimension per currency."""
    import pint  # imported here: reading articles never needs pint

    try:
        ureg: Any = pint.UnitRegistry(cache_folder=":auto:")
    except OSError:  # no writable cache folder: parse the definitions file instead
        ureg = pint.UnitRegistry()
    for code in sorted(set(CURRENCY_SYMBOLS.values()) | set(_CURRENCY_WORDS.values())):
        ureg.define(f"{code} = [currency_{code}]")
    ureg.define(_UNSPECIFIED_DEGREE)
    ureg.define(_PERCENTAGE_POINT)
    return ureg


def _quantity(name: str) -> Any:
    """One of a unit name as a pint quantity ("decade" -> 10 year)."""
    return registry().parse_expression(PINT_NAMES.get(name, name))


@lru_cache(maxsize=1024)
def _factor(from_unit: str, to_unit: str) -> float | None:
    import pint

    try:
        return float((_quantity(from_unit) / _quantity(to_unit)).to("dimensionless").magnitude)
    except pint.errors.OffsetUnitCalculusError:
        return None  # temperatures: converted with their offset in _convert_offset
    except (pint.DimensionalityError, pint.UndefinedUnitError):
        return None


def _convert_offset(value: float, from_unit: str, to_unit: str) -> float | None:
    """Temperatures, whose scales have an offset: 45 degree_Celsius is 113 degree_Fahrenheit."""
    import pint

    try:
        return float(registry().Quantity(value, from_unit).to(to_unit).magnitude)
    except pint.errors.PintError:
        return None


def convert(value: float, from_unit: str, to_unit: str) -> float | None:
    """``value`` in ``from_unit`` expressed in ``to_unit``, or ``None`` when not convertible.

    Both units may be written as surfaces ("km", "miles", "$") or canonical names. ``None``
    means: unknown unit, different dimensions, or two different currencies (no rates).
    Example: ``convert(110, "miles", "km")`` is 177.02784.
    """
    source, target = unit_name(from_unit), unit_name(to_unit)
    if source is None or target is None:
        return None
    if source == target:
        return float(value)
    if source in _OFFSET_UNITS or target in _OFFSET_UNITS:
        return _convert_offset(value, source, target)
    factor = _factor(source, target)
    return None if factor is None else value * factor


def unit_dimension(unit: str) -> str | None:
    """The pint dimensionality of a unit as a string ("[length]"), ``None`` if unknown."""
    name = unit_name(unit)
    if name is None:
        return None
    return str(_quantity(name).dimensionality)
