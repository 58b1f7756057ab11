"""The words every report uses for figures and outlets, in one place.

* :func:`describe_interval`: what a figure's wording allows, as an editor says it: a count
  as the whole numbers it allows ("144 to 158", not "143.45 to 158.55"), a measure with
  its unit as an editor writes it ("exactly 250 millimetres", "25.65 to 28.35 feet").
* :func:`unit_words` and :func:`unit_symbol`: a canonical unit name (the reader's pint
  name, "millimeter") -> "millimetres" / "mm".
* :func:`conversion_text`: "300 mm = 11.81 in" for a figure compared in another unit.
* :func:`outlet_label`: the outlet's name, or "unknown outlet (file.txt)".

Input is the findings document's built-in types (``docs/findings-json.md``).
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

__all__ = [
    "clean",
    "conversion_text",
    "describe_interval",
    "fmt_number",
    "outlet_label",
    "unit_symbol",
    "unit_words",
]

#: pint name -> (singular, plural, symbol), in the spelling of a British/Commonwealth desk
#: as the issue asks ("250 millimetres").
_UNITS: dict[str, tuple[str, str, str]] = {
    "meter": ("metre", "metres", "m"),
    "kilometer": ("kilometre", "kilometres", "km"),
    "centimeter": ("centimetre", "centimetres", "cm"),
    "millimeter": ("millimetre", "millimetres", "mm"),
    "mile": ("mile", "miles", "mi"),
    "nautical_mile": ("nautical mile", "nautical miles", "nmi"),
    "yard": ("yard", "yards", "yd"),
    "foot": ("foot", "feet", "ft"),
    "inch": ("inch", "inches", "in"),
    "square_meter": ("square metre", "square metres", "m²"),
    "square_kilometer": ("square kilometre", "square kilometres", "km²"),
    "square_mile": ("square mile", "square miles", "sq mi"),
    "hectare": ("hectare", "hectares", "ha"),
    "acre": ("acre", "acres", "acres"),
    "liter": ("litre", "litres", "l"),
    "gallon": ("gallon", "gallons", "gal"),
    "barrel": ("barrel", "barrels", "bbl"),
    "kilogram": ("kilogram", "kilograms", "kg"),
    "gram": ("gram", "grams", "g"),
    "tonne": ("tonne", "tonnes", "t"),
    "ton": ("ton", "tons", "tons"),
    "pound": ("pound", "pounds", "lb"),
    "ounce": ("ounce", "ounces", "oz"),
    "second": ("second", "seconds", "s"),
    "minute": ("minute", "minutes", "min"),
    "hour": ("hour", "hours", "h"),
    "day": ("day", "days", "days"),
    "week": ("week", "weeks", "weeks"),
    "month": ("month", "months", "months"),
    "year": ("year", "years", "years"),
    "decade": ("decade", "decades", "decades"),
    "century": ("century", "centuries", "centuries"),
    "meter_per_second": ("metre per second", "metres per second", "m/s"),
    "kilometer_per_hour": ("kilometre per hour", "kilometres per hour", "km/h"),
    "mile_per_hour": ("mile per hour", "miles per hour", "mph"),
    "kilometer / hour": ("kilometre per hour", "kilometres per hour", "km/h"),
    "mile / hour": ("mile per hour", "miles per hour", "mph"),
    "knot": ("knot", "knots", "kn"),
    "percent": ("per cent", "per cent", "%"),
}


def fmt_number(value: float | int | None) -> str:
    """1234 -> "1,234"; 9.8425 -> "9.84"; None -> "?"."""
    if value is None:
        return "?"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def unit_words(unit: str, value: float | int | None = None) -> str:
    """ "millimeter" -> "millimetres" ("millimetre" for exactly 1); an unknown name as it is,
    with underscores as spaces."""
    known = _UNITS.get(unit)
    if known is None:
        return unit.replace("_", " ")
    return known[0] if value is not None and abs(float(value)) == 1 else known[1]


def unit_symbol(unit: str) -> str:
    """ "millimeter" -> "mm", "inch" -> "in"; an unknown name in words."""
    known = _UNITS.get(unit)
    return known[2] if known else unit.replace("_", " ")


def describe_interval(entry: dict[str, Any]) -> str:
    """The interval a figure's wording allows, in words: "more than 130", "144 to 158"
    (a count allows whole numbers only), "exactly 250 millimetres"."""
    low, high = entry.get("low"), entry.get("high")
    low_open, high_open = bool(entry.get("low_open")), bool(entry.get("high_open"))
    kind = entry.get("kind")
    if kind == "count" and low is not None and high is not None:
        whole_low = math.floor(low) + 1 if low_open or not float(low).is_integer() else int(low)
        whole_high = math.ceil(high) - 1 if high_open or not float(high).is_integer() else int(high)
        if whole_low <= whole_high:
            low, high, low_open, high_open = whole_low, whole_high, False, False
    unit = entry.get("unit") if kind in ("measure", "money") else None

    def with_unit(text: str, value: float | int | None) -> str:
        if not unit:
            return text
        return f"{text} {unit_words(unit, value) if kind == 'measure' else unit}"

    if low is not None and high is not None:
        if low == high:
            return with_unit(f"exactly {fmt_number(low)}", low)
        left = "above " if low_open else ""
        right = " (not included)" if high_open else ""
        return with_unit(f"{left}{fmt_number(low)} to {fmt_number(high)}{right}", high)
    if low is not None:
        return with_unit(f"{'more than' if low_open else 'at least'} {fmt_number(low)}", low)
    if high is not None:
        return with_unit(f"{'fewer than' if high_open else 'at most'} {fmt_number(high)}", high)
    return "any number"


def conversion_text(mention: dict[str, Any]) -> str | None:
    """ "300 mm = 11.81 in" when the figure was compared in the fact's unit; else None."""
    converted = mention.get("converted")
    if not converted or not mention.get("unit"):
        return None
    return (
        f"{fmt_number(mention.get('value'))} {unit_symbol(mention['unit'])} = "
        f"{fmt_number(converted.get('value'))} {unit_symbol(converted.get('unit') or '')}"
    )


def clean(text: Any) -> str:
    """Untrusted text -> one printable line: control, format (bidi) and separator characters
    become spaces, runs of whitespace collapse."""
    text = str(text)
    if not text.isprintable():  # rare: only then look at each character
        text = "".join(" " if unicodedata.category(ch)[0] in "CZ" else ch for ch in text)
    return " ".join(text.split())


def outlet_label(source: dict[str, Any], *, short: bool = False) -> str:
    """The outlet's name; when the manifest and the article do not name one, "unknown
    outlet (file.txt)", or with ``short`` (a matrix column ten characters wide) the file
    name alone. A draft of the desk's own is marked as ours: "our draft: attacks.md".
    ``source`` is a source entry (``path``) or a finding entry (``source``)."""
    outlet = source.get("outlet")
    file = clean(str(source.get("path") or source.get("source") or "?").rsplit("/", 1)[-1])
    named = clean(outlet) if outlet and clean(outlet) else ""
    if source.get("role") == "draft":
        return f"our draft: {named or file}"
    return named or (file if short else f"unknown outlet ({file})")
