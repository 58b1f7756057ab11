"""Properties of the reader on arbitrary text, and a guard against regex blow-up."""

from __future__ import annotations

import random
import time

from hypothesis import given
from hypothesis import strategies as st

from pytest_factcheck.reader.reading import read_figures, read_sentences

_PIECES = [
    "1",
    "22",
    "333",
    "4,444",
    "2,5",
    "1.5",
    "0",
    ",",
    ".",
    " ",
    "  ",
    "\n",
    "-",
    "–",
    "%",
    "$",
    "£",
    "one",
    "twenty-five",
    "hundred",
    "and",
    "a",
    "dozen",
    "million",
    "thousands",
    "more than",
    "about",
    "at least",
    "Oct.",
    "May",
    "7",
    "1990s",
    "U.S.",
    "troops",
    "attacks",
    "in",
    "killed",
    "fourth",
    "or",
    "fifth",
    "km",
    "(",
    ")",
    "/",
    ":",
]

newsy = st.lists(st.sampled_from(_PIECES), max_size=60).map(
    lambda parts: "".join(p + " " if i % 3 else p for i, p in enumerate(parts))
)
texts = st.one_of(st.text(max_size=300), newsy)


@given(texts)
def test_never_raises_offsets_inside_and_surface_exact(text: str) -> None:
    figures = read_figures(text)
    for figure in figures:
        assert 0 <= figure.start < figure.end <= len(text)
        assert text[figure.start : figure.end] == figure.text
        assert figure.kind in {"count", "ordinal", "measure", "money", "percent", "ratio"}
        if figure.low is not None and figure.high is not None:
            assert figure.low <= figure.high
    starts = [f.start for f in figures]
    assert starts == sorted(starts)


@given(texts)
def test_sentences_are_ordered_trimmed_and_hold_their_figures(text: str) -> None:
    end = 0
    for sentence in read_sentences(text):
        assert end <= sentence.start < sentence.end <= len(text)
        piece = text[sentence.start : sentence.end]
        assert piece == piece.strip()
        for figure in sentence.figures:
            assert sentence.start <= figure.start < figure.end <= sentence.end
        end = sentence.end
    assert " ".join(text[s.start : s.end] for s in read_sentences(text)).split() == text.split()


def _numeric_soup(size: int, seed: int) -> str:
    """Digits, commas, dots and number words, glued or spaced at random."""
    rng = random.Random(seed)
    pieces = [
        "1",
        "22",
        "333",
        "4,444",
        "5.5",
        ",",
        ".",
        "one",
        "twenty-five",
        "hundred",
        "and",
        "million",
        "dozen",
        "thousands",
        "2,5",
        "a",
        "about",
        "7",
        "-",
        " ",
    ]
    out: list[str] = []
    length = 0
    while length < size:
        piece = rng.choice(pieces) + (" " if rng.random() < 0.5 else "")
        out.append(piece)
        length += len(piece)
    return "".join(out)[:size]


def _seconds(text: str) -> float:
    start = time.perf_counter()
    read_figures(text)
    return time.perf_counter() - start


def test_a_megabyte_of_numeric_soup_reads_without_blow_up() -> None:
    """A guard against super-linear regexes, not a speed test: bounds are generous."""
    small = _numeric_soup(250_000, seed=7)
    large = _numeric_soup(1_000_000, seed=7)
    small_time = _seconds(small)
    large_time = _seconds(large)
    assert large_time < 5.0
    assert large_time < 10 * max(small_time, 0.05)


def test_a_ten_megabyte_single_line_does_not_blow_up() -> None:
    line = (
        "officials said militias fired rockets at the base and that the damage to the "
        "runway was being assessed by engineers from several countries; 2,500 troops "
    )
    text = (line * (10_000_000 // len(line) + 1))[:10_000_000]
    assert "\n" not in text
    start = time.perf_counter()
    figures = read_figures(text)
    assert time.perf_counter() - start < 60
    assert len(figures) >= 10_000_000 // len(line) - 1
