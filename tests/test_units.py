"""Units through pint's own definitions: names, conversions, currencies, counts."""

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
        ("km/h", "kilometer / hour"),
        ("kph", "kilometer_per_hour"),
        ("miles per hour", "mile / hour"),
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


def test_every_unit_the_reader_emits_is_known_to_pint() -> None:
    for name in set(units.UNIT_WORDS.values()) | set(units.CURRENCY_SYMBOLS.values()):
        assert units.unit_dimension(name) is not None, name
        assert convert(1, name, name) == 1


@pytest.mark.parametrize(
    "value, source, target, expected",
    [
        (1, "barrel", "gallons", 42),  # an oil barrel, not pint's 31.5-gallon liquid barrel
        (1, "decade", "years", 10),  # a span of years, not pint's logarithmic decade
        (1, "sq km", "hectares", 100),
        (1, "m2", "sq km", 1e-6),
        (2, "kilos", "pounds", 4.40924524),
    ],
)
def test_the_names_pint_spells_otherwise(value, source, target, expected) -> None:
    assert convert(value, source, target) == pytest.approx(expected, rel=1e-6)


def test_only_names_pint_spells_otherwise_are_renamed() -> None:
    assert set(units.PINT_NAMES) <= set(units.UNIT_WORDS.values())
    ureg = units.registry()
    for name in set(units.UNIT_WORDS.values()) - set(units.PINT_NAMES):
        assert name in ureg  # pint's own unit name or one of its aliases ("tonne")


@pytest.mark.parametrize(
    "spelling", ["mph", "kph", "km/h", "miles per hour", "mile per hour", "kilometres per hour", "km per hour"]
)
def test_a_speed_is_named_as_pint_reads_its_spelling(spelling: str) -> None:
    """One speed, one name: the reader's unit parses in pint to what pint reads the article's
    spelling as, so an expectation written either way compares equal."""
    from pytest_factcheck.reader.units import registry

    assert registry().parse_units(unit_name(spelling)) == registry().parse_units(spelling)


def test_miles_an_hour_is_named_as_miles_per_hour() -> None:
    assert unit_name("miles an hour") == unit_name("miles per hour") == "mile / hour"
