"""Issue 13: candidates by context as well as by noun.

The index (``checking.check.select``) is a prefilter in front of the matcher: it must never
drop a figure the matcher would accept, and it must make a fact's cost follow the figures
that share its noun *and* its context. Both are shown here by counting, never by timing:
the index-selected figures equal the brute-force ones (every figure with the fact's noun,
judged by ``about``), and the number of figures examined stays flat when unrelated facts'
figures over the same noun are added.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest
from helpers import FACTS, SEEDS
from hypothesis import given, settings
from hypothesis import strategies as st

from pytest_factcheck.checking.check import CODES, _candidates, about, scope_cells, vocabulary_memo
from pytest_factcheck.checking.corpus import BY_KIND, Corpus
from pytest_factcheck.common.words import normalize_words
from pytest_factcheck.facts.loading import Fact, load_fact_file
from pytest_factcheck.reader.reading import read_figures
from pytest_factcheck.sources.articles import article_from_text
from pytest_factcheck.sources.finding import Source, find_sources

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "make_corpus.py"
_SPEC = importlib.util.spec_from_file_location("make_corpus", _PATH)
mc = importlib.util.module_from_spec(_SPEC)
sys.modules["make_corpus"] = mc
_SPEC.loader.exec_module(mc)


def brute_force(fact: Fact, corpus: Corpus) -> dict[int, list]:
    """Every in-scope figure carrying the fact's noun (or kind), judged by ``about``: the
    candidate step as it was before the index, in text order."""
    base = scope_cells(fact.scope, corpus)
    kind = fact.expected.kind if fact.expected else "count"
    if kind in BY_KIND:
        pool = corpus.by_kind(kind)
    else:
        pool = [c for word in sorted({e[-1] for e in fact.counts}) for c in corpus.by_word(word)]
    memo = vocabulary_memo(corpus)
    out: dict[int, dict[int, object]] = {}
    for c in pool:
        if base[c.index] == CODES["silent"] and about(fact, c.mention, memo):
            out.setdefault(c.index, {})[id(c.mention)] = c.mention
    return {i: sorted(ms.values(), key=lambda m: m.figure.start) for i, ms in out.items()}


def selected(fact: Fact, corpus: Corpus) -> dict[int, list]:
    return _candidates(fact, corpus, scope_cells(fact.scope, corpus))


def _load_facts(folder: Path, sources: Path, root: Path) -> list[Fact]:
    facts = []
    for path in sorted(folder.glob("*.yaml")):
        loaded = load_fact_file(path, path.relative_to(root).as_posix(), (sources,), dt.date(2025, 1, 1))
        facts.extend(loaded.facts)
    return facts


@pytest.mark.parametrize("nouns", [None, 6], ids=["every-noun", "shared-nouns"])
def test_the_index_selects_what_brute_force_selects_on_a_generated_corpus(tmp_path: Path, nouns: int | None) -> None:
    mc.make_corpus(tmp_path, articles=200, facts=120, seed=5, **({} if nouns is None else {"nouns": nouns}))
    sources = (tmp_path / "sources").resolve()
    corpus = Corpus(find_sources(sources, tmp_path))
    facts = _load_facts(tmp_path / "facts", sources, tmp_path)
    assert len(facts) == 120
    found = 0
    for fact in facts:
        want = brute_force(fact, corpus)
        assert selected(fact, corpus) == want, fact.id
        found += sum(map(len, want.values()))
    assert found > 200  # the corpus plants figures about its facts: the equality is not vacuous


def test_the_index_selects_what_brute_force_selects_on_the_seeds() -> None:
    corpus = Corpus(find_sources(SEEDS, SEEDS.parent))
    facts = _load_facts(FACTS, SEEDS, FACTS.parent)
    assert len(facts) > 10
    for fact in facts:
        assert selected(fact, corpus) == brute_force(fact, corpus), fact.id


# --------------------------------------------------------------------------- a property

PLACES = ("Riverton", "Rivertown", "Ashford", "Ashforde", "Iraq", "Syria", "U.S.", "US", "Kurdish")
NOUNS = ("homes", "home", "troops", "attacks", "strikes", "rocket attacks", "schools")
FILLER = ("in", "and", "near", "officials said", "the", "drill", "forecast", "of", "with", "while", "some", "at")
_FIGURES = ("40", "about 52", "more than 130", "2,500", "nine", "12", "$4 million", "30%")


@st.composite
def sentences(draw) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 9))):
        parts.append(
            draw(
                st.one_of(
                    st.sampled_from(PLACES),
                    st.sampled_from(FILLER),
                    st.builds(lambda f, n: f"{f} {n}", st.sampled_from(_FIGURES), st.sampled_from(NOUNS)),
                    st.sampled_from((",", ";", " -", ":")),
                )
            )
        )
    return " ".join(parts).replace(" ,", ",").replace(" ;", ";").replace(" :", ":") + "."


@st.composite
def facts(draw) -> Fact:
    expect = draw(st.sampled_from(("40 homes", "130 attacks", "2,500 troops", "12 schools", "$4 million", "30%")))
    counts = tuple(normalize_words(n) for n in draw(st.lists(st.sampled_from(NOUNS), max_size=2, unique=True)))
    (expected,) = read_figures(expect)
    if not counts and expected.kind == "count":
        counts = (normalize_words(expected.phrase or ""),)
    alternatives = st.lists(st.sampled_from((*PLACES, "Iraq and Syria", "U.S. troops")), min_size=1, max_size=2)
    context = tuple(tuple(normalize_words(a) for a in group) for group in draw(st.lists(alternatives, max_size=2)))
    exclude = tuple(normalize_words(w) for w in draw(st.lists(st.sampled_from(("drill", "forecast")), max_size=1)))
    return Fact(
        "f", Path("f.yaml"), 1, expect=expect, expected=expected, counts=counts, context=context, exclude=exclude
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(sentences(), min_size=1, max_size=4), min_size=1, max_size=5), st.lists(facts(), max_size=4))
def test_the_index_never_drops_a_figure_the_matcher_accepts(articles: list[list[str]], checked: list[Fact]) -> None:
    corpus = Corpus.from_articles(
        article_from_text(Source(f"a{i}.txt", Path(f"a{i}.txt")), " ".join(text)) for i, text in enumerate(articles)
    )
    for fact in checked:
        assert selected(fact, corpus) == brute_force(fact, corpus)


# --------------------------------------------------------------------------- counted cost

TOWNS = [
    f"{a}{b}"
    for a in ("Bel", "Cor", "Dun", "Fal", "Gren", "Hol", "Kes", "Lom")
    for b in ("ford", "mere", "wick", "dale")
]


def _death_tolls(towns: list[str]) -> Corpus:
    """One article per town, each with the same nouns: a newsroom's death tolls."""
    return Corpus.from_articles(
        article_from_text(
            Source(f"{i:03d}.txt", Path(f"{i:03d}.txt")),
            f"In {town}, 40 homes were destroyed and 12 people were killed. Officials in {town} counted 3 schools.",
        )
        for i, town in enumerate(towns)
    )


def _town_fact(town: str) -> Fact:
    (expected,) = read_figures("40 homes")
    return Fact(
        town.lower(), Path("f.yaml"), 1, "40 homes", expected, counts=(("home",),), context=((normalize_words(town),),)
    )


def test_a_fact_examines_the_figures_of_its_place_not_of_its_noun() -> None:
    """Eight times the articles over the same noun: the figures the checker examines and
    the matcher judges stay the same; the figures sharing the noun grow eightfold."""
    steps = []
    for towns in (TOWNS[:4], TOWNS):
        corpus = _death_tolls(towns)
        index = corpus.near_index()
        fact = _town_fact(TOWNS[2])
        found = selected(fact, corpus)
        assert [m.figure.text for ms in found.values() for m in ms] == ["40 homes"]
        steps.append((index.examined, index.judged, len(corpus.by_word("home"))))
    (examined, judged, _), (examined_8x, judged_8x, _) = steps
    assert (examined, judged) == (examined_8x, judged_8x) == (3, 1)  # the town's 3 figures; 1 with its noun
    assert steps[1][2] == 8 * steps[0][2]  # what the noun alone would have cost


def test_every_fact_of_a_shared_noun_desk_examines_only_its_own_figures() -> None:
    corpus = _death_tolls(TOWNS)
    index = corpus.near_index()
    for town in TOWNS:
        assert len(selected(_town_fact(town), corpus)) == 1
    assert (index.examined, index.judged) == (3 * len(TOWNS), len(TOWNS))  # by noun alone: 32 x 32 judged
