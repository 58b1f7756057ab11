"""Table-driven cases for the figure reader (data: tests/reader_cases.yaml).

Each case is a text and every figure the reader must find in it, in order, with the
fields that matter to the fact checker. A field left out of a figure in the table means
its default: ``False`` for flags, ``None`` for unit/role, and ``phrase`` equal to ``noun``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pytest_factcheck.reader import reading as reader
from pytest_factcheck.reader.reading import read_figures, read_sentences

CASES_PATH = Path(__file__).with_name("reader_cases.yaml")
CASES = yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))
SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


def expected_fields(figure: dict) -> dict:
    """The full expectation of one table row, defaults filled in."""
    return {
        "text": figure["text"],
        "value": figure["value"],
        "low": figure["low"],
        "high": figure["high"],
        "low_open": figure.get("low_open", False),
        "high_open": figure.get("high_open", False),
        "qualifier": figure["qualifier"],
        "kind": figure["kind"],
        "noun": figure["noun"],
        "unit": figure.get("unit"),
        "phrase": figure.get("phrase", figure["noun"]),
        "role": figure.get("role"),
        "inherited": figure.get("inherited", False),
        "previous": figure.get("previous", False),
        "denied": figure.get("denied", False),
    }


def actual_fields(figure: reader.Figure) -> dict:
    return {
        name: getattr(figure, name)
        for name in (
            "text",
            "value",
            "low",
            "high",
            "low_open",
            "high_open",
            "qualifier",
            "kind",
            "noun",
            "unit",
            "phrase",
            "role",
            "inherited",
            "previous",
            "denied",
        )
    }


def _case_id(case: dict) -> str:
    return f"{case['source']}: {case['text'][:60]}"


def test_the_table_is_large_and_covers_non_figures() -> None:
    assert len(CASES) >= 150
    assert sum(1 for case in CASES if not case["figures"]) >= 40
    assert {case["source"][:4] for case in CASES} == {"spec", "seed"}


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_case(case: dict) -> None:
    text = case["text"]
    figures = read_figures(text)
    assert [f.text for f in figures] == [f["text"] for f in case["figures"]]
    for figure, row in zip(figures, case["figures"]):
        got, want = actual_fields(figure), expected_fields(row)
        for name in ("value", "low", "high"):
            if want[name] is None:
                assert got[name] is None, name
            else:
                assert got[name] == pytest.approx(want[name], rel=1e-9), name
        for name in set(want) - {"value", "low", "high"}:
            assert got[name] == want[name], name
        assert text[figure.start : figure.end] == figure.text


@pytest.mark.parametrize(
    "expect, value, noun, kind, unit",
    [
        ("140 attacks", 140, "attacks", "count", None),
        ("at least 4 service members", 4, "service members", "count", None),
        ("2,500 troops", 2500, "troops", "count", None),
        ("5 advisers", 5, "advisers", "count", None),
        ("7 ballistic missiles", 7, "ballistic missiles", "count", None),
        ("at least 83 personnel", 83, "personnel", "count", None),
        ("177 km", 177, None, "measure", "kilometer"),
        ("about 40%", 40, None, "percent", "percent"),
        ("$2 billion", 2_000_000_000, None, "money", "USD"),
    ],
)
def test_expect_strings_read_as_exactly_one_figure(expect, value, noun, kind, unit) -> None:
    [figure] = read_figures(expect)
    assert (figure.value, figure.noun, figure.kind, figure.unit) == (value, noun, kind, unit)
    assert figure.text == expect


def test_values_are_ints_when_whole() -> None:
    values = [f.value for f in read_figures("2,500 troops, 1.5 million people and 1.5 km")]
    assert [type(v) for v in values] == [int, int, float]


def test_version_is_a_bumped_string() -> None:
    assert isinstance(reader.READER_VERSION, str) and reader.READER_VERSION != "0"


# ----------------------------------------------------------------------------- sentences


def _sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in read_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "said Brig. Gen. Yahya Rasool, a spokesman. He left.",
            ["said Brig. Gen. Yahya Rasool, a spokesman.", "He left."],
        ),
        (
            "Defense Secretary Lloyd J. Austin III said so. Mr. Austin agreed.",
            ["Defense Secretary Lloyd J. Austin III said so.", "Mr. Austin agreed."],
        ),
        (
            "Troops left the U.S. Central Command said. The U.S. The end.",
            ["Troops left the U.S. Central Command said.", "The U.S.", "The end."],
        ),
        (
            "It began on Jan. 4, officials said. Col. Marotto, Sgt. Lee and Dr. Kay spoke.",
            ["It began on Jan. 4, officials said.", "Col. Marotto, Sgt. Lee and Dr. Kay spoke."],
        ),
        (
            "around 6:30 p.m. local time Saturday. No. 2 official Maj. Lt. St. Mrs. Smith spoke.",
            ["around 6:30 p.m. local time Saturday.", "No. 2 official Maj. Lt. St. Mrs. Smith spoke."],
        ),
        (
            "“We do not seek to escalate,” he said. “We are prepared.” Then he left.",
            ["“We do not seek to escalate,” he said.", "“We are prepared.”", "Then he left."],
        ),
        (
            "Headline Without A Full Stop\nBy A Reporter\nThe body starts here.",
            ["Headline Without A Full Stop", "By A Reporter", "The body starts here."],
        ),
        (
            "a sentence that wraps\nonto the next line and ends.\n\nA new paragraph",
            ["a sentence that wraps\nonto the next line and ends.", "A new paragraph"],
        ),
        ("one line ending with and\nThe rest of it.", ["one line ending with and\nThe rest of it."]),
        ("U.K. and U.N. officials met. Why? Because.", ["U.K. and U.N. officials met.", "Why?", "Because."]),
    ],
)
def test_sentence_splitting(text: str, expected: list[str]) -> None:
    assert _sentences(text) == expected


def test_each_figure_lies_in_its_sentence_on_every_seed() -> None:
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        sentences = read_sentences(text)
        assert sentences, path
        previous_end = 0
        for sentence in sentences:
            assert previous_end <= sentence.start < sentence.end <= len(text)
            assert text[sentence.start : sentence.end] == text[sentence.start : sentence.end].strip()
            for figure in sentence.figures:
                assert sentence.start <= figure.start < figure.end <= sentence.end
            previous_end = sentence.end


def test_seed_sentence_with_many_figures_keeps_them_together() -> None:
    text = (SEEDS[0]).read_text(encoding="utf-8")
    [sentence] = [s for s in read_sentences(text) if "57 in Iraq" in text[s.start : s.end]]
    assert [f.value for f in sentence.figures] == [140, 3, 57, 83]
    assert text[sentence.start : sentence.end].endswith("said Thursday.")


def test_read_figures_is_read_sentences_flattened() -> None:
    text = SEEDS[3].read_text(encoding="utf-8")
    assert read_figures(text) == [f for s in read_sentences(text) for f in s.figures]
