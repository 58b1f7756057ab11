"""The one plural rule set (common/words.py) that the facts loader, the reader and the
corpus index share."""

from __future__ import annotations

import pytest

from pytest_factcheck.common.words import is_plural, normalize_words, role_word, singular


@pytest.mark.parametrize(
    ("plural", "one"),
    [
        ("attacks", "attack"),
        ("casualties", "casualty"),
        ("strikes", "strike"),
        ("witnesses", "witness"),
        ("people", "person"),
        ("children", "child"),
        ("servicemen", "serviceman"),
        ("personnel", "personnel"),
        ("media", "media"),
        ("news", "news"),
        ("virus", "virus"),
        ("specimen", "specimen"),
        ("kills", "kill"),
    ],
)
def test_singular(plural: str, one: str) -> None:
    assert singular(plural) == one


@pytest.mark.parametrize("word", ["attacks", "People", "servicemen", "civilians", "policemen"])
def test_plural_words(word: str) -> None:
    assert is_plural(word)


@pytest.mark.parametrize("word", ["attack", "virus", "abdomen", "U.S.", "gas", "media"])
def test_not_plural_words(word: str) -> None:
    assert not is_plural(word)


def test_a_role_verb_is_normalised_as_counts_entries_are() -> None:
    assert (role_word("Kills"),) == normalize_words("kills") == ("kill",)
    assert (role_word("injured"),) == normalize_words("injured")
