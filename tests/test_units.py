"""Units through one small pint registry: names, conversions, currencies, counts."""

from __future__ import annotations

import pytest

from pytest_factcheck.reader import units
from pytest_factcheck.reader.units import convert, unit_name


@pytest.mark.parametrize(
    "written, name",
    [
        ("km", "kilometer"),
        ("kilometres", "kilometer"),
        ("Kilometers", "kilometer"),
        ("miles", "mile"),
        ("mi", "mile"),
        ("square miles", "square_mile"),
        ("sq km", "square_kilometer"),
        ("kg", "kilogram"),
        ("tonnes", "tonne"),
        ("mph", "mile_per_hour"),
        ("km/h", "kilometer_per_hour"),
        ("months", "month"),
        ("decades", "decade"),
        ("hours", "hour"),
        ("%", "percent"),
        ("per cent", "percent"),
        ("$", "USD"),
        ("dollars", "USD"),
        ("£", "GBP"),
        ("€", "EUR"),
        ("kilometer", "kilometer"),
        ("USD", "USD"),
    ],
)
def test_unit_name_normalises_surfaces(written: str, name: str) -> None:
    assert unit_name(written) == name


@pytest.mark.parametrize("written", ["troops", "attacks", "people", "", "U.S.", "in"])
def test_counts_and_unknown_words_are_not_units(written: str) -> None:
    assert unit_name(written) is None


def test_110_miles_is_177_03_km() -> None:
    assert convert(110, "miles", "km") == pytest.approx(177.03, abs=0.005)


@pytest.mark.parametrize(
    "value, source, target, expected",
    [
        (1, "km", "mile", 0.621371),
        (2, "decades", "years", 20),
        (3, "months", "year", 0.25),
        (1, "square mile", "sq km", 2.589988),
        (60, "mph", "km/h", 96.56064),
        (1, "tonne", "kg", 1000),
        (40, "%", "percent", 40),
        (5, "USD", "$", 5),
    ],
)
def test_conversions(value, source, target, expected) -> None:
    assert convert(value, source, target) == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize(
    "source, target",
    [
        ("USD", "GBP"),
        ("$", "€"),
        ("km", "kg"),
        ("hour", "mile"),
        ("troops", "km"),
        ("km", "attacks"),
        ("nonsense", "km"),
        ("percent", "km"),
    ],
)
def test_not_convertible_gives_none(source: str, target: str) -> None:
    assert convert(1, source, target) is None


def test_one_registry_per_process() -> None:
    assert units.registry() is units.registry()
    assert units.unit_dimension("miles") == "[length]"
    assert units.unit_dimension("USD") != units.unit_dimension("GBP")


def test_every_unit_the_reader_emits_is_defined_in_the_registry() -> None:
    ureg = units.registry()
    for name in set(units.UNIT_WORDS.values()) | set(units.CURRENCY_SYMBOLS.values()):
        if " / " in name:  # "mile / hour": pint's own composition of two defined units
            assert all(ureg.get_name(part) == part for part in name.split(" / "))
        else:
            assert ureg.get_name(name) == name
