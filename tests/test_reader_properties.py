"""Properties of the reader on arbitrary text, and a guard against regex blow-up."""

from __future__ import annotations

import random
import time

from hypothesis import given, settings
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

_PIECES += ["42", "000", "500", "four", "fifths", "eighths", "half", "quarters", "minus", "-strong", "aged", "p"]
#: What joins two pieces: nothing, a space, and the spaces news text groups thousands with
#: (no-break, narrow no-break, thin), or a hyphen.
_JOINS = ["", " ", " ", "\u00a0", "\u202f", "\u2009", "-"]
newsy = st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from(_JOINS)), max_size=60).map(
    lambda parts: "".join(piece + join for piece, join in parts)
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


def _cpu_seconds(text: str) -> float:
    """CPU time of this process for one reading: other processes' load does not inflate it."""
    start = time.process_time()
    read_figures(text)
    return time.process_time() - start


def _growth(small: str, large: str, rounds: int = 3) -> float:
    """How many times longer ``large`` takes than ``small``, best of interleaved rounds."""
    best_small = best_large = float("inf")
    for _ in range(rounds):
        best_small = min(best_small, _cpu_seconds(small))
        best_large = min(best_large, _cpu_seconds(large))
    return best_large / max(best_small, 1e-3)


def test_a_megabyte_of_numeric_soup_reads_without_blow_up() -> None:
    """A guard against super-linear regexes, not a speed test: four times the text must take
    well under sixteen times as long (what a quadratic scan would take); linear is about 4."""
    small = _numeric_soup(250_000, seed=7)
    large = _numeric_soup(1_000_000, seed=7)
    assert _growth(small, large) < 10


def test_a_ten_megabyte_single_line_does_not_blow_up() -> None:
    line = (
        "officials said militias fired rockets at the base and that the damage to the "
        "runway was being assessed by engineers from several countries; 2,500 troops "
    )
    text = (line * (10_000_000 // len(line) + 1))[:10_000_000]
    assert "\n" not in text
    start = time.process_time()
    figures = read_figures(text)
    large = time.process_time() - start
    assert len(figures) >= 10_000_000 // len(line) - 1
    small = _cpu_seconds(text[:1_000_000])
    assert large / max(small, 1e-3) < 25  # ten times the text: linear is about 10, quadratic 100


# --------------------------------------------------------------------------- not-a-count figures

_COUNTS = st.tuples(
    st.sampled_from(["", "at least ", "more than ", "about ", "nearly "]),
    st.one_of(st.integers(2, 99_999).map(lambda n: f"{n:,}"), st.sampled_from(["twelve", "forty", "a dozen"])),
    st.sampled_from(["people", "soldiers", "civilians", "rockets", "residents", "boys"]),
)
_DIGIT = st.integers
#: Figures that are not counts, each written after the count the way news prints them.
_NOT_COUNTS = st.one_of(
    st.builds(lambda d, m: f" on {d} {m}", _DIGIT(1, 28), st.sampled_from(["March", "May", "October"])),
    st.builds(
        lambda m, d, y: f" on {m} {d}, {y}", st.sampled_from(["Jan.", "March"]), _DIGIT(1, 28), _DIGIT(1990, 2030)
    ),
    st.builds(lambda y: f" in {y}", _DIGIT(1990, 2030)),
    st.builds(lambda h, m: f" at {h}:{m:02d} p.m.", _DIGIT(1, 12), _DIGIT(0, 59)),
    st.builds(lambda h, m: f" at {h:02d}{m:02d} GMT", _DIGIT(0, 23), _DIGIT(0, 59)),
    st.builds(lambda a, b: f" as the home side won {max(a, b)}-{min(a, b)}", _DIGIT(0, 9), _DIGIT(0, 9)),
    st.builds(lambda a, b: f" after the council voted {max(a, b)}-{min(a, b)}", _DIGIT(1, 12), _DIGIT(0, 12)),
    st.builds(lambda a, b, c: f", call 0{a}-{b}-{c} for news", _DIGIT(100, 999), _DIGIT(100, 999), _DIGIT(1000, 9999)),
    st.builds(lambda a, b: f", call +1-202-{a}-{b}", _DIGIT(100, 999), _DIGIT(1000, 9999)),
    st.builds(lambda a, b: f" aged {a} to {b}", _DIGIT(1, 40), _DIGIT(41, 90)),
    st.builds(lambda a: f" aged {a}", _DIGIT(1, 90)),
    st.builds(lambda n, s: f" at {n} {s}", _DIGIT(1, 2999), st.sampled_from(["Baker Street", "Pennsylvania Avenue"])),
    st.builds(
        lambda m, t: f" after a magnitude {m / 10} {t}", _DIGIT(30, 95), st.sampled_from(["quake", "earthquake"])
    ),
    st.builds(lambda m: f" after a {m / 10}-magnitude quake", _DIGIT(30, 95)),
    st.builds(lambda n: f" near Tower {n}", _DIGIT(1, 99)),
    st.builds(lambda n: f" under Resolution {n}", _DIGIT(100, 9999)),
    st.builds(lambda n: f", see example.org/report/{n}?page={n}", _DIGIT(1, 999)),
)


def _reading(figure) -> tuple:
    return (figure.text, figure.value, figure.low, figure.high, figure.kind, figure.noun, figure.role)


@settings(max_examples=300, deadline=None)
@given(_COUNTS, _NOT_COUNTS, st.sampled_from([" were hurt.", " were killed, officials said.", " fled."]))
def test_a_not_a_count_after_a_count_changes_nothing(count, not_count, tail) -> None:
    """A date, time, score, tally, phone number, age, address, code, name or magnitude after
    a count never changes the count's reading, nor adds a count with the count's noun."""
    hedge, number, noun = count
    plain = f"Officials said {hedge}{number} {noun}{tail}"
    spiced = f"Officials said {hedge}{number} {noun}{not_count}{tail}"
    [alone] = [f for f in read_figures(plain) if f.kind == "count"]
    counts = [f for f in read_figures(spiced) if f.kind == "count"]
    assert counts and _reading(counts[0]) == _reading(alone), spiced
    assert [f.text for f in counts[1:]] == [], spiced  # no count at all, so none with its noun
