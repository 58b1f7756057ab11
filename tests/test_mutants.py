"""Tests written against deliberate breaks of the checker that the rest of the suite let
through (issue 11). Each test names the break it catches; each was checked by applying
the break by hand and seeing the test fail.

The unit-level tests (no pytest run) are also the fast selection mutmut runs; the run-level
tests show the same rule through a real ``pytest`` run, as a desk would see it.
"""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
from helpers import fact_of, run_json, write_facts

from pytest_factcheck.checking.check import CODES, check_fact, in_scope, scope_mask
from pytest_factcheck.checking.corpus import Corpus
from pytest_factcheck.facts.loading import Scope, load_fact_file
from pytest_factcheck.sources.articles import article_from_text
from pytest_factcheck.sources.cache import ReadingCache
from pytest_factcheck.sources.finding import Source, infer_outlet

TODAY = dt.date(2024, 6, 1)
NEWS = Path("/news").resolve()


# --------------------------------------------------------------------------- helpers


def load_fact(tmp_path: Path, body: str):
    path = tmp_path / "f.yaml"
    path.write_text("facts:\n  - id: f\n" + textwrap.indent(textwrap.dedent(body).strip(), "    ") + "\n")
    loaded = load_fact_file(path, "f.yaml", (NEWS,))
    assert not loaded.errors, loaded.errors
    return loaded.facts[0]


def corpus_of(*articles: tuple[str, str | None, str]) -> Corpus:
    """A corpus of in-memory articles: (file name, outlet, text)."""
    return Corpus.from_articles(
        article_from_text(Source(f"news/{name}", NEWS / name, outlet=outlet), text) for name, outlet, text in articles
    )


def verdicts(result) -> list[str]:
    codes = {code: verdict for verdict, code in CODES.items()}
    return [codes[c] for c in result.cells]


def newsroom(pytester: pytest.Pytester, articles: dict[str, tuple[str | None, str]]) -> None:
    """A ``news/`` folder of articles (name -> (outlet or None, text)) and its manifest."""
    folder = pytester.path / "news"
    folder.mkdir()
    manifest = ""
    for name, (outlet, text) in articles.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
        if outlet:
            manifest += f"{name}:\n  outlet: {outlet}\n"
    (folder / "sources.yaml").write_text(manifest or "{}\n", encoding="utf-8")
    pytester.makeini("[pytest]\nfactcheck_sources = news\n")


def facts(pytester: pytest.Pytester, body: str) -> None:
    write_facts(pytester, "f.yaml", textwrap.dedent(body))


def one_source_agrees(pytester: pytest.Pytester, fact_id: str) -> list[str]:
    """Run the facts of a one-source newsroom; the fact passes, its source agrees, and
    the figures it was judged by come back as written."""
    result, doc = run_json(pytester, "facts")
    result.assert_outcomes(passed=1)
    (finding,) = fact_of(doc, fact_id)["findings"]
    assert finding["verdict"] == "agree"
    return [m["text"] for m in finding["mentions"]]


# --------------------------------------------------------------------------- roles


def test_counts_written_as_a_verb_find_the_figure_the_verb_counts(pytester: pytest.Pytester):
    """Break: the checker compares the role as written ("kills") while the index and the
    facts loader use its singular ("kill"): ``counts: [kills]`` then never matches."""
    newsroom(pytester, {"a.txt": ("Daily Bugle", "In the raid on Riverton, the militia kills 12, officials said.")})
    facts(
        pytester,
        """\
        facts:
          - id: raid
            expect: 12 people
            counts: [kills]
            context: [Riverton]
        """,
    )
    assert one_source_agrees(pytester, "raid") == ["12"]


# --------------------------------------------------------------------------- consensus


def test_consensus_sources_that_disagree_conflict(tmp_path: Path):
    """Break: a consensus fact (no ``expect``) can never conflict."""
    fact = load_fact(tmp_path, "counts: [shelters]\ncontext: [Riverton]")
    corpus = corpus_of(
        ("a.txt", "Daily Bugle", "Officials said 40 shelters were open in Riverton on Monday."),
        ("b.txt", "Morning Star", "There are 40 shelters open in Riverton, officials said."),
        ("c.txt", "Evening Post", "By Saturday, 65 shelters were open in Riverton."),
    )
    result = check_fact(fact, corpus, TODAY)
    assert verdicts(result) == ["conflict", "conflict", "conflict"]
    assert result.failed
    assert result.findings[2].note == "differs from 40 at Daily Bugle; 40 at Morning Star"


def test_consensus_sources_that_agree_pass(tmp_path: Path):
    fact = load_fact(tmp_path, "counts: [shelters]\ncontext: [Riverton]")
    corpus = corpus_of(
        ("a.txt", "Daily Bugle", "Officials said 40 shelters were open in Riverton on Monday."),
        ("b.txt", "Morning Star", "There are 40 shelters open in Riverton, officials said."),
    )
    result = check_fact(fact, corpus, TODAY)
    assert verdicts(result) == ["agree", "agree"]
    assert not result.failed


# --------------------------------------------------------------------------- money


def test_dollars_and_pounds_are_not_the_same_money(tmp_path: Path):
    """Break: "$2 billion" agrees with "£2 billion" (no exchange rates: not comparable)."""
    fact = load_fact(tmp_path, "expect: $2 billion\ncontext: [aid]")
    corpus = corpus_of(
        ("a.txt", None, "The government pledged $2 billion in aid to Riverton."),
        ("b.txt", None, "The government pledged £2 billion in aid to Riverton."),
        ("c.txt", None, "The government pledged $3 billion in aid to Riverton."),
    )
    assert verdicts(check_fact(fact, corpus, TODAY)) == ["agree", "silent", "conflict"]


# --------------------------------------------------------------------------- waivers

WAIVED = """\
expect: 50 shelters
context: [Riverton]
waivers:
  - {outlet: evening post, reason: counts tents as shelters, until: 2024-03-01}
"""
SHELTERS = (
    ("a.txt", "Daily Bugle", "There are 50 shelters open in Riverton, officials said."),
    ("b.txt", "Evening Post", "By Saturday, 65 shelters were open in Riverton."),
)


def test_a_waiver_applies_on_its_last_day_and_not_the_day_after(tmp_path: Path):
    """Break: a waiver expires a day late (or a day early)."""
    fact = load_fact(tmp_path, WAIVED)
    corpus = corpus_of(*SHELTERS)
    on_the_day = check_fact(fact, corpus, dt.date(2024, 3, 1))
    assert verdicts(on_the_day) == ["agree", "waived"]
    assert not on_the_day.failed
    day_after = check_fact(fact, corpus, dt.date(2024, 3, 2))
    assert verdicts(day_after) == ["agree", "conflict"]
    assert day_after.failed and day_after.findings[1].waiver_expired


def test_a_waiver_names_its_outlet_in_any_case(tmp_path: Path):
    """Break: a waiver matches outlets case-sensitively ("evening post" vs "Evening Post")."""
    fact = load_fact(tmp_path, WAIVED)
    result = check_fact(fact, corpus_of(*SHELTERS), dt.date(2024, 2, 1))
    assert verdicts(result) == ["agree", "waived"]
    assert result.unused_waivers == ()


# --------------------------------------------------------------------------- scope


def test_exclude_globs_match_rootdir_relative_paths():
    """Break: scope ``exclude`` globs match file names only."""
    scope = Scope(exclude=("news/archive/*",))
    old = Source("news/archive/old.txt", Path("/root/news/archive/old.txt"))
    new = Source("news/new.txt", Path("/root/news/new.txt"))
    assert not in_scope(scope, old)
    assert in_scope(scope, new)
    assert scope_mask(scope, [old, new], {}) == [False, True]


def test_exclude_globs_match_file_names_too():
    scope = Scope(exclude=("*-draft.txt",))
    draft = Source("news/a-draft.txt", Path("/root/news/a-draft.txt"))
    assert scope_mask(scope, [draft], {}) == [False]


# --------------------------------------------------------------------------- cache


def test_a_reading_by_another_reader_version_is_read_again(tmp_path: Path):
    """Break: the readings cache ignores the reader version, so a new reader's fixes would
    never reach sources read before."""
    article = tmp_path / "a.txt"
    article.write_text("Officials said 40 shelters were open in Riverton.\n", encoding="utf-8")
    source = Source("a.txt", article)
    folder = tmp_path / "cache"
    ReadingCache(folder).read(source)
    (entry,) = folder.rglob("*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    warm = ReadingCache(folder)
    warm.read(source)
    assert (warm.counts.fresh, warm.counts.cached) == (0, 1)
    stored["reader"] = f"{stored['reader']}-older"
    entry.write_text(json.dumps(stored), encoding="utf-8")
    stale = ReadingCache(folder)
    stale.read(source)
    assert (stale.counts.fresh, stale.counts.cached) == (1, 0)
    assert stale.counts.rebuilt == ["a.txt"]


# --------------------------------------------------------------------------- outlets


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("Shelters opened.\n\nThis article originally appeared in The Riverton Courier.", "The Riverton Courier"),
        ("Shelters opened.\n\nThis story originally appeared in the New York Times.", "The New York Times"),
        ("Source: Reuters\n\nShelters opened.", "Reuters"),
        ("Source: Some Blog\n\nShelters opened.", None),  # only a known outlet is believed after "Source:"
        ("Shelters opened.\n\nhttps://www.washingtontimes.com/news/2024/jan/20/", "The Washington Times"),
        ("Shelters opened, Reuters reported.", None),  # a body that quotes an outlet is not by it
        ("Shelters opened.", None),
    ],
)
def test_infer_outlet(text: str, outlet: str | None):
    assert infer_outlet(text) == outlet


def test_an_outlet_named_in_the_body_far_from_the_edges_is_not_the_outlet():
    body = "Shelters opened. " * 200
    assert infer_outlet(body + "Source: Reuters\n" + body) is None
    assert infer_outlet("Source: Reuters\n" + body + body) == "Reuters"


def test_an_inferred_outlet_names_the_source_in_a_run(pytester: pytest.Pytester):
    """Break: outlet inference switched off. Without a manifest entry the article's own
    credit line names its outlet: in the JSON, in a scope's ``outlets``, in waivers."""
    newsroom(
        pytester,
        {
            "a.txt": (None, "There are 50 shelters open in Riverton.\n\nThis article originally appeared in Reuters."),
            "b.txt": ("Daily Bugle", "There are 65 shelters open in Riverton."),
        },
    )
    facts(
        pytester,
        """\
        facts:
          - id: shelters
            expect: 50 shelters
            context: [Riverton]
            sources: {outlets: [Reuters]}
        """,
    )
    result, doc = run_json(pytester, "facts")
    assert {s["path"]: s["outlet"] for s in doc["sources"]} == {"news/a.txt": "Reuters", "news/b.txt": "Daily Bugle"}
    by_path = {f["source"]: f["verdict"] for f in fact_of(doc, "shelters")["findings"]}
    assert by_path == {"news/a.txt": "agree", "news/b.txt": "out_of_scope"}
    result.assert_outcomes(passed=1)


# --------------------------------------------------------------------------- earlier values


def test_an_earlier_value_is_not_compared(pytester: pytest.Pytester):
    """Break: the earlier-value filter removed. "up from 120 attacks" is last year's
    figure, not a second count of this year's attacks: no conflict."""
    newsroom(
        pytester,
        {
            "a.txt": (
                "Daily Bugle",
                "Militia fighters carried out 150 attacks in Riverton this year, up from 120 attacks last year.",
            )
        },
    )
    facts(
        pytester,
        """\
        facts:
          - id: attacks
            expect: 150 attacks
        """,
    )
    assert one_source_agrees(pytester, "attacks") == ["150 attacks"]


# --------------------------------------------------------------------------- survivors of mutmut's first run


def test_a_published_window_includes_both_of_its_days(tmp_path: Path):
    """``published: START..END`` is inclusive: a source of the first or the last day is in."""
    fact = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]\nsources: {published: 2024-03-01..2024-03-05}")
    corpus = Corpus.from_articles(
        article_from_text(
            Source(f"news/{name}", NEWS / name, outlet="Daily Bugle", published=dt.date.fromisoformat(day)), text
        )
        for name, day, text in (
            ("a.txt", "2024-02-29", "There are 50 shelters open in Riverton."),
            ("b.txt", "2024-03-01", "There are 50 shelters open in Riverton."),
            ("c.txt", "2024-03-05", "There are 50 shelters open in Riverton."),
            ("d.txt", "2024-03-06", "There are 50 shelters open in Riverton."),
        )
    )
    assert verdicts(check_fact(fact, corpus, TODAY)) == ["out_of_scope", "agree", "agree", "out_of_scope"]


def test_an_outlet_waiver_does_not_touch_a_source_of_unknown_outlet(tmp_path: Path):
    fact = load_fact(tmp_path, WAIVED)
    corpus = corpus_of(("a.txt", None, "By Saturday, 65 shelters were open in Riverton."))
    result = check_fact(fact, corpus, dt.date(2024, 2, 1))
    assert verdicts(result) == ["conflict"]
    assert len(result.unused_waivers) == 1


def test_consensus_on_overlapping_figures_is_hedged_and_names_the_figures(tmp_path: Path):
    """ "more than 30" and "40" overlap without stating the same figure: hedged, and the
    groups list each figure as written, smallest first, with its sources."""
    fact = load_fact(tmp_path, "counts: [shelters]\ncontext: [Riverton]")
    corpus = corpus_of(
        ("a.txt", "Daily Bugle", "More than 30 shelters were open in Riverton on Monday."),
        ("b.txt", "Morning Star", "There are 40 shelters open in Riverton, officials said."),
        ("c.txt", "Evening Post", "There are 40 shelters open in Riverton, the mayor said."),
    )
    result = check_fact(fact, corpus, TODAY)
    assert verdicts(result) == ["hedged", "hedged", "hedged"]
    assert result.findings[0].note == "differs from 40 at Morning Star; 40 at Evening Post"
    assert result.groups == (
        ("more than 30", ("news/a.txt",)),
        ("40", ("news/b.txt", "news/c.txt")),
    )  # as written, its sentence capital lowered


def test_consensus_takes_each_source_s_most_precise_figure(tmp_path: Path):
    """A source that says "about 40" and then "42" is compared by its narrowest figure."""
    fact = load_fact(tmp_path, "counts: [shelters]\ncontext: [Riverton]")
    corpus = corpus_of(
        (
            "a.txt",
            "Daily Bugle",
            "About 40 shelters were open in Riverton. Officials later counted 42 shelters in Riverton.",
        ),
        ("b.txt", "Morning Star", "There are 42 shelters open in Riverton, officials said."),
    )
    result = check_fact(fact, corpus, TODAY)
    assert verdicts(result) == ["agree", "agree"]
    assert [r.mention.figure.text for r in result.findings[0].readings] == ["42 shelters"]


def test_an_exclude_word_rules_out_every_figure_of_its_sentence_and_no_other(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]\nexclude: [tents]")
    corpus = corpus_of(
        ("a.txt", None, "There are 50 shelters open in Riverton. Riverton also has 65 shelters in tents."),
        ("b.txt", None, "Riverton has 65 shelters in tents, and 70 shelters elsewhere in Riverton."),
    )
    result = check_fact(fact, corpus, TODAY)
    assert verdicts(result) == ["agree", "silent"]
