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

from pytest_factcheck.checking.check import CODES, candidate_sources, check_fact, in_scope, scope_mask, worst
from pytest_factcheck.checking.corpus import Corpus
from pytest_factcheck.checking.verdict_cache import CorpusPrint, VerdictCache, corpus_print, fact_key
from pytest_factcheck.facts.loading import InputError, Scope, Waiver, load_fact_file
from pytest_factcheck.sources.articles import article_from_text
from pytest_factcheck.sources.cache import ReadingCache
from pytest_factcheck.sources.finding import DRAFT, Source, infer_outlet

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
    never reach sources read before; or it takes another version's entry for a damaged one
    and warns for every source."""
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
    # Another version is what a new reader is for, not damage: no warning for it (an
    # upgrade used to warn once for every source in the archive).
    assert stale.counts.rebuilt == []
    again = ReadingCache(folder)
    again.read(source)
    assert (again.counts.fresh, again.counts.cached) == (0, 1)  # rewritten by this version
    entry.write_text(json.dumps(stored)[:-9], encoding="utf-8")
    broken = ReadingCache(folder)
    broken.read(source)
    assert (broken.counts.fresh, broken.counts.rebuilt) == (1, ["a.txt"])


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


# --------------------------------------------------------------------------- the facts loader, key by key
# What each key of the facts format (docs/facts-format.md) becomes in the loaded fact, read
# by the loader itself: a key read under another name, or into another field, fails here.

LOADED = """\
sources:
  paths: [../news]
  published: 2024-01-01..2024-12-31
  outlets: [Daily Bugle]
  exclude: ["*draft*"]
defaults:
  tolerance: 2
  hedged: pass
facts:
  - id: a
    claim: "  The count  "
    expect: 140 attacks
    context: [Iraq, [Syria, Syrian Arab Republic]]
    exclude: [Planned]
    tolerance: 5%
    min_sources: 2
    tags: [us-strikes, iraq]
    xfail: true
    skip: not today
    as_of: 2024-03-01
    trend: rising
    newer: pass
    severity: warning
    waivers:
      - outlet: Daily Bugle
        reason: accepted
        until: 2024-05-01
        by: desk
      - source: news/a.txt
        reason: old
    references: fail
  - id: b
    counts: [attacks, air strikes]
    sources: {published: 2024-02-03}
  - id: c
    expect: 250 mm
    unit: inches
    hedged: fail
    sources: {published: ..2024-02-01, paths: [../other]}
"""


def load_file(tmp_path: Path, text: str, name: str = "f.yaml"):
    for folder in ("facts", "news", "other"):
        (tmp_path / folder).mkdir(exist_ok=True)
    path = tmp_path / "facts" / name
    path.write_text(text, encoding="utf-8")
    return load_fact_file(path, f"facts/{name}", (tmp_path / "ini-sources",))


def test_every_key_of_a_fact_is_loaded_into_its_field(tmp_path: Path):
    loaded = load_file(tmp_path, LOADED)
    assert loaded.errors == ()
    assert [f.id for f in loaded.facts] == ["a", "b", "c"]
    a = loaded.facts[0]
    assert (a.id, a.file, a.line, a.kind) == ("a", Path("facts/f.yaml"), 10, "expected")
    assert a.claim == "The count"
    assert a.expect == "140 attacks" and (a.expected.value, a.expected.noun) == (140, "attacks")
    assert a.counts == (("attack",),)  # the expected figure's noun, singular
    assert a.context == ((("iraq",),), (("syria",), ("syrian", "arab", "republic")))
    assert a.exclude == (("planned",),)
    assert (a.tolerance, a.tolerance_percent) == (5.0, True)
    assert (a.hedged, a.min_sources, a.newer, a.severity, a.references) == ("pass", 2, "pass", "warning", "fail")
    assert a.tags == ("us-strikes", "iraq")
    assert (a.xfail, a.skip) == ("marked xfail in the facts file", "not today")
    assert (a.as_of, a.trend) == (dt.date(2024, 3, 1), "rising")
    assert a.waivers == (
        Waiver(reason="accepted", line=25, outlet="Daily Bugle", until=dt.date(2024, 5, 1), by="desk"),
        Waiver(reason="old", line=29, source="news/a.txt"),
    )
    assert [w.target for w in a.waivers] == ["Daily Bugle", "source news/a.txt"]
    assert a.scope == Scope(
        paths=((tmp_path / "news").resolve(),),
        published_from=dt.date(2024, 1, 1),
        published_to=dt.date(2024, 12, 31),
        outlets=("Daily Bugle",),
        exclude=("*draft*",),
    )


def test_defaults_fill_what_a_fact_leaves_out_and_the_file_defaults_hold_otherwise(tmp_path: Path):
    _, b, c = load_file(tmp_path, LOADED).facts
    assert (b.kind, b.expect, b.expected, b.claim) == ("consensus", None, None, None)
    assert b.counts == (("attack",), ("air", "strike"))
    assert (b.tolerance, b.tolerance_percent, b.hedged) == (2.0, False, "pass")  # from defaults
    assert (b.min_sources, b.newer, b.severity, b.references, b.unit) == (1, "fail", "error", "report", None)
    assert (b.tags, b.waivers, b.xfail, b.skip, b.as_of, b.trend) == ((), (), None, None, None, None)
    # a fact's own sources change only what they name; a one-day window is that day
    assert (b.scope.published_from, b.scope.published_to) == (dt.date(2024, 2, 3), dt.date(2024, 2, 3))
    assert (b.scope.outlets, b.scope.exclude) == (("Daily Bugle",), ("*draft*",))
    assert c.hedged == "fail"  # the fact's own key beats the default
    assert (c.unit, c.expected.unit) == ("inch", "millimeter")
    assert c.scope.paths == ((tmp_path / "other").resolve(),)
    assert (c.scope.published_from, c.scope.published_to) == (None, dt.date(2024, 2, 1))


def test_a_file_without_sources_uses_the_ini_sources_and_no_limits(tmp_path: Path):
    (fact,) = load_file(tmp_path, "facts:\n  - id: x\n    expect: 3 ships\n").facts
    assert fact.scope == Scope(paths=(tmp_path / "ini-sources",))
    assert (fact.tolerance, fact.hedged, fact.min_sources, fact.counts) == (0.0, "fail", 1, (("ship",),))


@pytest.mark.parametrize(
    ("published", "window"),
    [
        ("2024-02-03", (dt.date(2024, 2, 3), dt.date(2024, 2, 3))),
        ('"2024-02-03"', (dt.date(2024, 2, 3), dt.date(2024, 2, 3))),
        ("2024-02-03 10:30:00", (dt.date(2024, 2, 3), dt.date(2024, 2, 3))),
        ("2024-02-03..", (dt.date(2024, 2, 3), None)),
        ("..2024-02-03", (None, dt.date(2024, 2, 3))),
        ("2024-02-03 .. 2024-02-03", (dt.date(2024, 2, 3), dt.date(2024, 2, 3))),
        ("2024-01-31..2024-02-03", (dt.date(2024, 1, 31), dt.date(2024, 2, 3))),
    ],
)
def test_a_published_window_as_the_desk_may_write_it(tmp_path: Path, published: str, window):
    (fact,) = load_file(
        tmp_path, f"facts:\n  - id: x\n    expect: 3 ships\n    sources: {{published: {published}}}\n"
    ).facts
    assert (fact.scope.published_from, fact.scope.published_to) == window


@pytest.mark.parametrize(
    ("published", "message"),
    [
        ("2024-02-05..2024-02-03", "'published' starts after it ends: '2024-02-05..2024-02-03'"),
        (
            "last week",
            "'published' must be a window like 2024-01-01..2024-12-31 (either end may be empty), not 'last week'",
        ),
        (
            "soon..later",
            "'published' must be a window like 2024-01-01..2024-12-31 (either end may be empty), not 'soon..later'",
        ),
        ("2024-02-30..", "'published' is not a real date: 2024-02-30 (February 2024 has 29 days)"),
        ("3", "'published' must be a window like 2024-01-01..2024-12-31 (either end may be empty), not 3"),
    ],
)
def test_a_published_window_that_cannot_be_read_is_one_sentence_at_its_place(tmp_path: Path, published, message):
    loaded = load_file(tmp_path, f"facts:\n  - id: x\n    expect: 3 ships\n    sources: {{published: {published}}}\n")
    (error,) = loaded.errors
    assert (error.path, error.line, error.column, error.message, error.subject) == ("facts/f.yaml", 4, 26, message, "x")


#: A fact's text after ``id: x`` -> the error's line, column and sentence. (The table of
#: tests/test_bad_input_table.py has more; these are the sentences it does not reach.)
FACT_ERRORS = {
    "missing-path": (
        "expect: 3 ships\nsources: {paths: [missing]}",
        "4:23: the source path 'missing' does not exist (looked for {folder}/missing)",
    ),
    "sources-text": ("expect: 3 ships\nsources: all", "4:14: 'sources' must be a mapping of keys to values, not 'all'"),
    "sources-typo": (
        "expect: 3 ships\nsources: {path: [x]}",
        "4:15: unknown key 'path' in 'sources' (did you mean 'paths'?)",
    ),
    "waiver-text": (
        "expect: 3 ships\nwaivers: [everyone]",
        "4:15: a waiver must be a mapping of keys to values, not 'everyone'",
    ),
    "waiver-no-reason": (
        "expect: 3 ships\nwaivers: [{outlet: X}]",
        "4:15: a waiver needs a 'reason' that says why the difference is accepted",
    ),
    "waiver-blank-reason": (
        "expect: 3 ships\nwaivers: [{outlet: X, reason: ' '}]",
        "4:15: a waiver needs a 'reason' that says why the difference is accepted",
    ),
    "waiver-empty-reason": (
        "expect: 3 ships\nwaivers: [{outlet: X, reason: ''}]",
        "4:15: a waiver needs a 'reason' that says why the difference is accepted",
    ),
    "waiver-odd-key": (
        "expect: 3 ships\nwaivers: [{outlet: X, reason: r, zzz: 1}]",
        "4:38: unknown key 'zzz' in a waiver; allowed keys are outlet, source, reason, until, by",
    ),
    "waiver-neither": (
        "expect: 3 ships\nwaivers: [{reason: r}]",
        "4:15: a waiver names exactly one 'outlet' or one 'source'",
    ),
    "context-bool": (
        "expect: 3 ships\ncontext: [yes]",
        "4:15: 'context' must be a word or a list of words, not true/false",
    ),
    "context-empty": ("expect: 3 ships\ncontext: [[Iraq, '']]", "4:22: 'context' holds an empty entry"),
    "counts-list": ("counts: [[a]]", "3:14: 'counts' must be a word or a list of words, not a list"),
    "claim-list": ("expect: 3 ships\nclaim: [a]", "4:12: 'claim' must be text, not a list"),
    "claim-empty": ("expect: 3 ships\nclaim:", "4:11: 'claim' must be text, not empty"),
    "skip-number": ("expect: 3 ships\nskip: {a: 1}", "4:11: 'skip' must be text, not a mapping"),
    "min-sources-true": (
        "expect: 3 ships\nmin_sources: yes",
        "4:18: 'min_sources' must be a whole number of sources (0 or more), not True",
    ),
    "min-sources-negative": (
        "expect: 3 ships\nmin_sources: -1",
        "4:18: 'min_sources' must be a whole number of sources (0 or more), not -1",
    ),
    "tolerance-words": (
        "expect: 3 ships\ntolerance: some",
        "4:16: 'tolerance' must be a number like 2 or a percentage like \"5%\", not 'some'",
    ),
    "tolerance-negative-percent": (
        "expect: 3 ships\ntolerance: -1%",
        "4:16: 'tolerance' must be a number like 2 or a percentage like \"5%\", not '-1%'",
    ),
    "tolerance-bool": (
        "expect: 3 ships\ntolerance: yes",
        "4:16: 'tolerance' must be a number like 2 or a percentage like \"5%\", not True",
    ),
    "severity-yes": ("expect: 3 ships\nseverity: yes", "4:15: 'severity' must be one of error or warning, not True"),
    "trend-word": (
        "expect: 3 ships\nas_of: 2024-01-01\ntrend: up",
        "5:12: 'trend' must be one of rising or falling, not 'up'",
    ),
    "references-word": (
        "expect: 3 ships\nreferences: ignore",
        "4:17: 'references' must be one of report or fail, not 'ignore'",
    ),
    "expect-no-figure": ("expect: many ships", "3:13: 'expect' holds no figure the reader can find: 'many ships'"),
    "expect-no-noun": (
        "expect: '140'",
        "3:13: the expected figure '140' names nothing it counts: add a noun (\"140 attacks\") or 'counts'",
    ),
    "nothing-to-check": (
        "claim: a claim",
        "2:5: the fact 'x' needs 'expect' (the figure the desk stands behind), or 'counts' to compare the sources with each other",
    ),
    "tag-number": (
        "expect: 3 ships\ntags: [ok, 3d]",
        "4:16: the tag '3d' must be a word of letters, digits, '_' and '-' (not and, or, not) so that -m can select it",
    ),
    "outlets-mapping": (
        "expect: 3 ships\nsources: {outlets: [{a: 1}]}",
        "4:25: 'outlets' must be a word or a list of words, not a mapping",
    ),
    "exclude-mapping": (
        "expect: 3 ships\nsources: {exclude: [{a: 1}]}",
        "4:25: 'exclude' must be a word or a list of words, not a mapping",
    ),
    "reason-list": ("expect: 3 ships\nwaivers: [{outlet: X, reason: [a]}]", "4:35: 'reason' must be text, not a list"),
    "outlet-list": ("expect: 3 ships\nwaivers: [{outlet: [X], reason: r}]", "4:24: 'outlet' must be text, not a list"),
    "source-list": ("expect: 3 ships\nwaivers: [{source: [x], reason: r}]", "4:24: 'source' must be text, not a list"),
    "by-list": ("expect: 3 ships\nwaivers: [{outlet: X, reason: r, by: [a]}]", "4:42: 'by' must be text, not a list"),
    "newer-word": ("expect: 3 ships\nnewer: maybe", "4:12: 'newer' must be one of fail or pass, not 'maybe'"),
    "expect-list": ("expect: [3 ships]", "3:13: 'expect' must be text, not a list"),
    "expect-two": (
        "expect: 140 attacks and 150 strikes",
        "3:13: 'expect' must hold one figure, but '140 attacks and 150 strikes' holds 2: '140 attacks', '150 strikes'",
    ),
    "tags-mapping": (
        "expect: 3 ships\ntags: [{a: 1}]",
        "4:12: 'tags' must be a word or a list of words, not a mapping",
    ),
    "unit-list": ("expect: 3 ships\nunit: [km]", "4:11: 'unit' must be text, not a list"),
    "fact-typo": ("expect: 3 ships\ncontex: [Iraq]", "4:5: unknown key 'contex' in a fact (did you mean 'context'?)"),
}


@pytest.mark.parametrize("row", sorted(FACT_ERRORS))
def test_a_bad_key_is_one_sentence_at_its_place_and_drops_only_its_fact(tmp_path: Path, row: str):
    body, message = FACT_ERRORS[row]
    text = "facts:\n  - id: x\n" + textwrap.indent(body, "    ") + "\n  - id: y\n    expect: 4 ships\n"
    loaded = load_file(tmp_path, text)
    assert [f.id for f in loaded.facts] == ["y"]
    (error,) = loaded.errors
    assert (error.path, error.subject) == ("facts/f.yaml", "x")
    assert f"{error.line}:{error.column}: {error.message}" == message.format(folder=tmp_path / "facts")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "1:1: a facts file must be a mapping with a 'facts' list"),
        ("# nothing yet\n", "1:1: a facts file must be a mapping with a 'facts' list"),
        ("just words\n", "1:1: a facts file must be a mapping with a 'facts' list"),
        ("\n\n- id: x\n", "3:1: a facts file must be a mapping with a 'facts' list"),
        ("sources: {paths: [../news]}\n", "1:1: the file has no 'facts' list"),
        ("\n\nsources: {paths: [../news]}\n", "3:1: the file has no 'facts' list"),
        (
            "defaults: 3\nfacts:\n  - id: x\n    expect: 3 ships\n",
            "1:11: 'defaults' must be a mapping of keys to values, not the number 3",
        ),
        (
            "defaults: {id: a}\nfacts:\n  - id: x\n    expect: 3 ships\n",
            "1:12: unknown key 'id' in 'defaults'; allowed keys are counts, context, exclude, tolerance, hedged, "
            "min_sources, sources, tags, unit, as_of, trend, newer, severity, waivers, references",
        ),
        (
            "notes: x\nfacts:\n  - id: x\n    expect: 3 ships\n",
            "1:1: unknown key 'notes' at the top of a facts file; allowed keys are sources, defaults, facts",
        ),
        ("facts: 3\n", "1:8: 'facts' must be a non-empty list of facts"),
        (
            "sources: {paths: 3}\nfacts:\n  - id: x\n    expect: 3 ships\n",
            "1:18: a source path must be text, not the number 3",
        ),
        (
            "sources: {paths: ['']}\nfacts:\n  - id: x\n    expect: 3 ships\n",
            "1:19: a source path must be text, not ''",
        ),
    ],
)
def test_a_facts_file_that_cannot_be_used_is_one_sentence_at_its_place(tmp_path: Path, text: str, message: str):
    with pytest.raises(InputError) as raised:
        load_file(tmp_path, text)
    error = raised.value
    assert error.path == "facts/f.yaml"
    assert f"{error.line}:{error.column}: {error.message}" == message


def test_a_reused_id_names_the_line_of_its_first_use(tmp_path: Path):
    text = "facts:\n  - id: x\n    expect: 3 ships\n  - id: y\n    expect: 4 ships\n  - id: x\n    expect: 5 ships\n"
    loaded = load_file(tmp_path, text)
    assert [(f.id, f.line) for f in loaded.facts] == [("x", 2), ("y", 4)]
    (error,) = loaded.errors
    assert (error.path, error.line, error.column, error.subject) == ("facts/f.yaml", 6, 5, "x")
    assert error.message == "the id 'x' is already used by the fact on line 2"


@pytest.mark.parametrize(
    ("body", "subject"),
    [("id: Bad Id", None), ("id: [a]", None), ("id: ok\n    tags: [and]", "ok"), ("id: ' ok '\n    tags: [and]", "ok")],
)
def test_a_bad_fact_is_named_by_its_id_only_when_the_id_is_usable(tmp_path: Path, body: str, subject):
    loaded = load_file(tmp_path, f"facts:\n  - {body}\n    expect: 3 ships\n")
    (error,) = loaded.errors
    assert error.subject == subject


@pytest.mark.parametrize(
    ("key", "value", "loaded"),
    [
        ("hedged", "yes", ("hedged", "pass")),  # YAML reads a bare yes as true
        ("newer", "yes", ("newer", "pass")),
        ("min_sources", "0", ("min_sources", 0)),
        ("tolerance", "0", ("tolerance", 0.0)),
        ("tolerance", "0%", ("tolerance_percent", True)),
        ("tolerance", "12.5%", ("tolerance", 12.5)),
        ("tolerance", "1.5", ("tolerance", 1.5)),
        ("skip", "yes", ("skip", "marked skip in the facts file")),
        ("xfail", "known gap", ("xfail", "known gap")),
        ("unit", "km", ("unit", "kilometer")),
        ("exclude", "planned", ("exclude", (("planned",),))),
        ("tags", "solo", ("tags", ("solo",))),
        ("as_of", "2024-02-29", ("as_of", dt.date(2024, 2, 29))),
    ],
)
def test_a_key_s_accepted_spellings(tmp_path: Path, key: str, value: str, loaded):
    (fact,) = load_file(tmp_path, f"facts:\n  - id: x\n    expect: 3 ships\n    {key}: {value}\n").facts
    field, expected = loaded
    assert getattr(fact, field) == expected


# --------------------------------------------------------------------------- the checker's rules, read directly


def sourced(*rows: tuple[str, dict, str]) -> Corpus:
    """A corpus of in-memory articles: (file name, what else is known of the source, text)."""
    return Corpus.from_articles(article_from_text(Source(f"news/{n}", NEWS / n, **known), t) for n, known, t in rows)


FIFTY = "There are 50 shelters open in Riverton."
SIXTY_FIVE = "There are 65 shelters open in Riverton."
MORE_THAN_FORTY = "More than 40 shelters are open in Riverton."


@pytest.mark.parametrize(
    ("need", "texts", "unconfirmed"),
    [
        (1, [SIXTY_FIVE], "unconfirmed: 0 sources support it, 1 is required (min_sources)"),
        (2, [FIFTY, SIXTY_FIVE], "unconfirmed: 1 source supports it, 2 are required (min_sources)"),
        (3, [FIFTY, FIFTY, MORE_THAN_FORTY], "unconfirmed: 2 sources support it, 3 are required (min_sources)"),
        (2, [FIFTY, FIFTY, SIXTY_FIVE], None),
        (0, [SIXTY_FIVE], None),
    ],
)
def test_min_sources_counts_the_sources_that_state_the_figure(tmp_path: Path, need, texts, unconfirmed):
    fact = load_fact(tmp_path, f"expect: 50 shelters\ncontext: [Riverton]\nmin_sources: {need}")
    result = check_fact(fact, sourced(*((f"{i}.txt", {}, t) for i, t in enumerate(texts))), TODAY)
    assert result.unconfirmed == unconfirmed
    assert result.failed == (unconfirmed is not None or SIXTY_FIVE in texts or MORE_THAN_FORTY in texts)


def test_with_hedged_pass_a_hedged_source_supports_the_fact_and_fails_nothing(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]\nhedged: pass\nmin_sources: 2")
    result = check_fact(fact, sourced(("a.txt", {}, FIFTY), ("b.txt", {}, MORE_THAN_FORTY)), TODAY)
    assert verdicts(result) == ["agree", "hedged"]
    assert (result.failing, result.unconfirmed, result.failed) == ((), None, False)
    strict = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]\nmin_sources: 2")
    result = check_fact(strict, sourced(("a.txt", {}, FIFTY), ("b.txt", {}, MORE_THAN_FORTY)), TODAY)
    assert [f.source.name for f in result.failing] == ["b.txt"]
    assert result.unconfirmed == "unconfirmed: 1 source supports it, 2 are required (min_sources)"


def test_a_waived_difference_does_not_count_as_support(tmp_path: Path):
    fact = load_fact(tmp_path, WAIVED + "min_sources: 2")
    result = check_fact(fact, corpus_of(*SHELTERS), dt.date(2024, 2, 1))
    assert verdicts(result) == ["agree", "waived"]
    assert result.unconfirmed == "unconfirmed: 1 source supports it, 2 are required (min_sources)"


def test_a_waiver_of_a_source_that_agrees_is_unused(tmp_path: Path):
    fact = load_fact(tmp_path, WAIVED.replace("evening post", "daily bugle"))
    result = check_fact(fact, corpus_of(*SHELTERS), dt.date(2024, 2, 1))
    assert verdicts(result) == ["agree", "conflict"]
    assert [w.outlet for w in result.unused_waivers] == ["daily bugle"]
    assert result.findings[0].waiver is None


@pytest.mark.parametrize("named", ["b.txt", "news/b.txt"])
def test_a_source_waiver_names_the_file_or_its_path(tmp_path: Path, named: str):
    fact = load_fact(tmp_path, f"expect: 50 shelters\ncontext: [Riverton]\nwaivers: [{{source: {named}, reason: r}}]")
    result = check_fact(fact, corpus_of(*SHELTERS), TODAY)
    assert verdicts(result) == ["agree", "waived"]
    assert result.findings[1].waiver is fact.waivers[0] and not result.findings[1].waiver_expired
    assert (result.failed, result.unused_waivers) == (False, ())


def test_with_a_draft_in_scope_only_the_draft_fails_the_fact(tmp_path: Path):
    """The desk's draft agrees and a reference differs: reported, not failing; unless the
    fact says ``references: fail``. A draft that differs fails it on its own."""
    fact = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]")
    agreeing_draft = sourced(("a.txt", {"role": DRAFT}, FIFTY), ("b.txt", {}, SIXTY_FIVE))
    result = check_fact(fact, agreeing_draft, TODAY)
    assert verdicts(result) == ["agree", "conflict"]
    assert (result.failing, result.failed) == ((), False)
    strict = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]\nreferences: fail")
    assert [f.source.name for f in check_fact(strict, agreeing_draft, TODAY).failing] == ["b.txt"]
    differing_draft = sourced(("a.txt", {"role": DRAFT}, SIXTY_FIVE), ("b.txt", {}, SIXTY_FIVE), ("c.txt", {}, FIFTY))
    assert [f.source.name for f in check_fact(fact, differing_draft, TODAY).failing] == ["a.txt"]


def test_a_draft_out_of_scope_leaves_every_reference_failing(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]\nsources: {exclude: ['a.txt']}")
    result = check_fact(fact, sourced(("a.txt", {"role": DRAFT}, FIFTY), ("b.txt", {}, SIXTY_FIVE)), TODAY)
    assert verdicts(result) == ["out_of_scope", "conflict"]
    assert [f.source.name for f in result.failing] == ["b.txt"]


def test_a_falling_count_is_earlier_when_higher_before_and_newer_when_lower_after(tmp_path: Path):
    """``trend: falling`` mirrors rising; a source of the fact's own day, or of unknown date,
    is compared as it is; an undated silent source is noted."""
    fact = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]\nas_of: 2024-03-05\ntrend: falling")
    before, same, after = dt.date(2024, 3, 1), dt.date(2024, 3, 5), dt.date(2024, 3, 9)
    corpus = sourced(
        ("a.txt", {"published": before}, "There are 60 shelters open in Riverton."),
        ("b.txt", {"published": after}, "There are 40 shelters open in Riverton."),
        ("c.txt", {"published": before}, "There are 40 shelters open in Riverton."),
        ("d.txt", {}, "There are 40 shelters open in Riverton."),
        ("e.txt", {}, "Nothing here."),
        ("f.txt", {"published": same}, "There are 60 shelters open in Riverton."),
        ("g.txt", {"published": after}, "There are 60 shelters open in Riverton."),
        ("h.txt", {"published": before}, FIFTY),
        ("i.txt", {"published": same}, "There are 40 shelters open in Riverton."),
    )
    result = check_fact(fact, corpus, TODAY)
    assert verdicts(result) == [
        "earlier",
        "newer",
        "conflict",
        "conflict",
        "silent",
        "conflict",
        "conflict",
        "agree",
        "conflict",
    ]
    assert {i: f.note for i, f in result.findings.items() if f.note} == {
        3: "date unknown: compared without the trend",
        4: "date unknown",
    }
    assert result.findings[4].source.name == "e.txt"
    assert [f.source.name for f in result.failing] == ["b.txt", "c.txt", "d.txt", "f.txt", "g.txt", "i.txt"]
    newer_passes = load_fact(
        tmp_path, "expect: 50 shelters\ncontext: [Riverton]\nas_of: 2024-03-05\ntrend: falling\nnewer: pass"
    )
    assert "b.txt" not in [f.source.name for f in check_fact(newer_passes, corpus, TODAY).failing]


def test_a_fact_without_a_trend_notes_no_unknown_dates(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]")
    result = check_fact(
        fact, sourced(("a.txt", {}, "There are 40 shelters open in Riverton."), ("e.txt", {}, "Nothing.")), TODAY
    )
    assert verdicts(result) == ["conflict", "silent"]
    assert [f.note for f in result.findings.values()] == [None]


def test_an_exact_figure_beside_a_looser_one_agrees_and_quotes_the_looser_one(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 15 people\ncontext: [Riverton]")
    text = "Between 12 and 15 people  died in Riverton. Officials said the storm killed 15 people in Riverton."
    result = check_fact(fact, sourced(("a.txt", {}, text)), TODAY)
    assert verdicts(result) == ["agree"]
    assert result.findings[0].note == (
        'it states the figure exactly; it also says "Between 12 and 15 people" (line 1), which allows it'
    )
    alone = check_fact(fact, sourced(("a.txt", {}, "Between 12 and 15 people died in Riverton.")), TODAY)
    assert verdicts(alone) == ["hedged"] and alone.findings[0].note is None
    # a conflicting figure as well decides the verdict: no word that the source is exact
    text += " A later count in Riverton put it at 19 people."
    conflicting = check_fact(fact, sourced(("a.txt", {}, text)), TODAY)
    assert verdicts(conflicting) == ["conflict"] and conflicting.findings[0].note is None


# --------------------------------------------------------------------------- the verdict cache, read directly


def test_a_stored_verdict_is_read_back_whole_under_its_key(tmp_path: Path):
    cache = VerdictCache(tmp_path)
    assert cache.verdict("ab12", "f.yaml::x") is None  # nothing stored: checked afresh, nothing to report
    cache.store_verdict("ab12", "print-1", [0, 3], {"id": "x", "outcome": "passed"}, False)
    assert (tmp_path / "verdicts" / "ab" / "ab12.json").is_file()  # the layout the docstring gives
    assert cache.verdict("ab12", "f.yaml::x") == {
        "format": 1,
        "key": "ab12",
        "print": "print-1",
        "sources": [0, 3],
        "failed": False,
        "entry": {"id": "x", "outcome": "passed"},
    }
    assert VerdictCache(tmp_path).verdict("ab12", "f.yaml::x")["failed"] is False  # another run reads it too
    assert cache.rebuilt == []


@pytest.mark.parametrize(
    "payload",
    [
        "{not json",
        "[1, 2]",
        '{"format": 2, "key": "ab12", "print": "p", "sources": [], "entry": {}, "failed": false}',
        '{"format": 1, "key": "ab99", "print": "p", "sources": [], "entry": {}, "failed": false}',
        '{"format": 1, "key": "ab12", "sources": [], "entry": {}, "failed": false}',
        '{"format": 1, "key": "ab12", "print": "p", "entry": {}, "failed": false}',
        '{"format": 1, "key": "ab12", "print": "p", "sources": [], "failed": false}',
        '{"format": 1, "key": "ab12", "print": "p", "sources": [], "entry": {}}',
    ],
)
def test_a_verdict_entry_that_is_not_whole_is_checked_afresh_and_named(tmp_path: Path, payload: str):
    path = tmp_path / "verdicts" / "ab" / "ab12.json"
    path.parent.mkdir(parents=True)
    path.write_text(payload, encoding="utf-8")
    cache = VerdictCache(tmp_path)
    assert cache.verdict("ab12", "f.yaml::x") is None
    assert cache.rebuilt == ["f.yaml::x"]


def test_a_corpus_print_is_stored_noted_as_the_latest_and_read_once(tmp_path: Path):
    cache = VerdictCache(tmp_path)
    assert cache.latest() is None
    printed = CorpusPrint("listing-1", "cd34", ("sha-a", "sha-b"))
    cache.store_corpus(printed, [["Daily Bugle", None], [None, "not UTF-8"]])
    expected = {
        "format": 1,
        "key": "cd34",
        "listing": "listing-1",
        "shas": ["sha-a", "sha-b"],
        "sources": [["Daily Bugle", None], [None, "not UTF-8"]],
    }
    assert cache.latest() == "cd34"
    fresh = VerdictCache(tmp_path)
    assert fresh.latest() == "cd34"
    assert fresh.corpus("cd34") == expected
    (tmp_path / "corpora" / "cd" / "cd34.json").unlink()
    assert fresh.corpus("cd34") == expected  # read once per process
    assert VerdictCache(tmp_path).corpus("cd34") is None
    assert fresh.corpus("ef56") is None


def test_a_latest_note_that_is_not_whole_names_no_print(tmp_path: Path):
    (tmp_path / "corpora").mkdir()
    (tmp_path / "corpora" / "latest.json").write_text('{"format": 1, "key": "latest"}', encoding="utf-8")
    assert VerdictCache(tmp_path).latest() is None


def test_a_corpus_print_lists_the_sources_and_hashes_their_bytes_apart():
    a, b = Source("news/a.txt", NEWS / "a.txt"), Source("news/b.txt", NEWS / "b.txt", outlet="Daily Bugle")
    first = corpus_print([a, b], ["1", "2"])
    assert first == corpus_print([a, b], ["1", "2"])
    assert first.shas == ("1", "2")
    changed_bytes = corpus_print([a, b], ["1", "3"])
    assert changed_bytes.listing == first.listing and changed_bytes.contents != first.contents
    changed_outlet = corpus_print([a, Source("news/b.txt", NEWS / "b.txt", outlet="Morning Star")], ["1", "2"])
    assert changed_outlet.listing != first.listing and changed_outlet.contents != first.contents
    assert len({first.listing, first.contents, changed_bytes.contents, changed_outlet.contents}) == 4


def test_a_fact_s_key_changes_with_the_fact_its_node_its_day_and_the_listing(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 50 shelters")
    key = fact_key(fact, "f.yaml::f", TODAY, "listing")
    assert key == fact_key(load_fact(tmp_path, "expect: 50 shelters"), "f.yaml::f", TODAY, "listing")
    others = {
        fact_key(load_fact(tmp_path, "expect: 50 shelters\nhedged: pass"), "f.yaml::f", TODAY, "listing"),
        fact_key(fact, "g.yaml::f", TODAY, "listing"),
        fact_key(fact, "f.yaml::f", TODAY + dt.timedelta(days=1), "listing"),
        fact_key(fact, "f.yaml::f", TODAY, "another listing"),
    }
    assert len(others) == 4 and key not in others


def test_a_figure_in_another_unit_is_shown_converted_to_the_fact_s_unit(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 10 inches\ncontext: [rain]")
    corpus = sourced(
        ("a.txt", {}, "Riverton had 250 mm of rain."),
        ("b.txt", {}, "Riverton had 10 inches of rain."),
        ("c.txt", {}, "Riverton had 300 mm of rain."),
    )
    result = check_fact(fact, corpus, TODAY)
    assert verdicts(result) == ["agree", "agree", "conflict"]
    assert [[r.converted for r in f.readings] for f in result.findings.values()] == [
        [(9.84, "inch")],
        [None],  # written in the fact's own unit
        [(11.81, "inch")],
    ]
    counted = check_fact(
        load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]"), sourced(("a.txt", {}, FIFTY)), TODAY
    )
    assert counted.findings[0].readings[0].converted is None


def dated_shelters(*rows: tuple[str, dt.date | None, str | None, int]) -> Corpus:
    return sourced(
        *(
            (name, {"published": day, "outlet": outlet}, f"There are {count} shelters open in Riverton.")
            for name, day, outlet, count in rows
        )
    )


MARCH_1, MARCH_9 = dt.date(2024, 3, 1), dt.date(2024, 3, 9)


def test_consensus_on_a_rising_count_calls_the_older_lower_figure_earlier(tmp_path: Path):
    fact = load_fact(tmp_path, "counts: [shelters]\ncontext: [Riverton]\nas_of: 2024-03-05\ntrend: rising")
    result = check_fact(
        fact, dated_shelters(("a.txt", MARCH_1, "Daily Bugle", 40), ("b.txt", MARCH_9, "Evening Post", 65)), TODAY
    )
    assert verdicts(result) == ["earlier", "agree"]
    assert [r.verdict for r in result.findings[0].readings] == ["earlier"]
    assert result.findings[0].note == "older than 65 at Evening Post, 2024-03-09"
    assert (result.findings[1].note, result.failed) == (None, False)
    falling = load_fact(tmp_path, "counts: [shelters]\ncontext: [Riverton]\nas_of: 2024-03-05\ntrend: falling")
    against = check_fact(
        falling, dated_shelters(("a.txt", MARCH_1, "Daily Bugle", 40), ("b.txt", MARCH_9, None, 65)), TODAY
    )
    assert verdicts(against) == ["conflict", "conflict"]
    assert against.findings[0].note == "differs from 65 at unknown outlet (b.txt), 2024-03-09"
    assert against.findings[1].note == "differs from 40 at Daily Bugle, 2024-03-01"
    mirrored = check_fact(
        falling, dated_shelters(("a.txt", MARCH_1, "Daily Bugle", 65), ("b.txt", MARCH_9, None, 40)), TODAY
    )
    assert verdicts(mirrored) == ["earlier", "agree"]


@pytest.mark.parametrize(
    "rows",
    [
        (("a.txt", MARCH_1, "Daily Bugle", 40), ("b.txt", MARCH_1, "Evening Post", 65)),  # the same day
        (("a.txt", MARCH_1, "Daily Bugle", 40), ("b.txt", None, "Evening Post", 65)),  # one undated
    ],
)
def test_consensus_on_a_rising_count_needs_two_different_dates_to_explain_a_difference(tmp_path: Path, rows):
    fact = load_fact(tmp_path, "counts: [shelters]\ncontext: [Riverton]\nas_of: 2024-03-05\ntrend: rising")
    assert verdicts(check_fact(fact, dated_shelters(*rows), TODAY)) == ["conflict", "conflict"]


def test_consensus_with_a_draft_in_scope_fails_on_the_draft_only(tmp_path: Path):
    fact = load_fact(tmp_path, "counts: [shelters]\ncontext: [Riverton]")
    corpus = sourced(
        ("a.txt", {"role": DRAFT}, "There are 40 shelters open in Riverton."),
        ("b.txt", {}, "There are 40 shelters open in Riverton."),
        ("c.txt", {}, SIXTY_FIVE),
    )
    result = check_fact(fact, corpus, TODAY)
    assert verdicts(result) == ["conflict", "conflict", "conflict"]
    assert [f.source.name for f in result.failing] == ["a.txt"]


def test_the_worst_verdict_ranks_an_unknown_word_below_every_verdict():
    assert worst(["agree", "conflict", "hedged"]) == "conflict"
    assert worst(["silent", "agree"]) == "agree"
    assert worst(["agree", "not a verdict"]) == "agree"


def test_candidate_sources_are_those_with_a_figure_of_the_fact_s_noun_and_place_in_scope_or_not(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]\nsources: {exclude: ['b.txt']}")
    corpus = sourced(
        ("a.txt", {}, "Nothing."),
        ("b.txt", {}, SIXTY_FIVE),
        ("c.txt", {}, "There are 65 tents open in Riverton."),
        ("d.txt", {}, FIFTY),
    )
    assert candidate_sources(fact, corpus) == {1, 3}


@pytest.mark.parametrize(
    ("body", "text", "verdict"),
    [
        ("expect: more than 130 attacks", "There were 130 attacks in Riverton.", "conflict"),  # an open end stays open
        ("expect: 140 attacks\ntolerance: 2", "There were 142 attacks in Riverton.", "agree"),
        ("expect: 140 attacks\ntolerance: 2", "There were 143 attacks in Riverton.", "conflict"),
        ("expect: 140 attacks\ntolerance: 5%", "There were 147 attacks in Riverton.", "agree"),  # 5% of 140 is 7
        ("expect: 140 attacks\ntolerance: 5%", "There were 148 attacks in Riverton.", "conflict"),
        ("expect: 140 attacks", "There were about 141 attacks in Riverton.", "hedged"),
    ],
)
def test_tolerance_and_open_ends_at_their_edges(tmp_path: Path, body: str, text: str, verdict: str):
    fact = load_fact(tmp_path, body + "\ncontext: [Riverton]")
    assert verdicts(check_fact(fact, sourced(("a.txt", {}, text)), TODAY)) == [verdict]


def test_a_place_after_another_and_its_conjunction_is_a_combined_figure(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 140 attacks\ncontext: [Iraq]")
    corpus = sourced(
        ("a.txt", {}, "There were 140 attacks on troops in Syria and Iraq."),
        ("b.txt", {}, "There were 140 attacks on troops in Iraq."),
    )
    assert verdicts(check_fact(fact, corpus, TODAY)) == ["silent", "agree"]


def test_a_conflicting_source_with_a_looser_figure_and_no_exact_one_has_no_note(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 15 people\ncontext: [Riverton]")
    text = "Between 12 and 15 people died in Riverton. Officials said the storm killed 19 people in Riverton."
    result = check_fact(fact, sourced(("a.txt", {}, text)), TODAY)
    assert verdicts(result) == ["conflict"]
    assert [r.verdict for r in result.findings[0].readings] == ["hedged", "conflict"]
    assert result.findings[0].note is None


def test_every_looser_figure_and_every_note_is_quoted_in_order(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 15 people\ncontext: [Riverton]\nas_of: 2024-03-05\ntrend: rising")
    text = (
        "Between 12 and 15 people died in Riverton.\nAt least 10 people died in Riverton.\n"
        "Officials said the storm killed 15 people in Riverton."
    )
    result = check_fact(fact, sourced(("a.txt", {}, text)), TODAY)
    assert verdicts(result) == ["agree"]
    assert result.findings[0].note == (
        'date unknown: compared without the trend; it states the figure exactly; it also says "Between 12 and 15 people" '
        '(line 1), "At least 10 people" (line 2), which allows it'
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("id: [a]", "2:9: 'id' must be text, not a list"),
        (
            "id: Bad Id",
            "2:9: the id 'Bad Id' must be lower-case letters, digits, '-', '_' or '.', starting with a letter or digit",
        ),
    ],
)
def test_an_id_that_cannot_name_a_fact_is_one_sentence(tmp_path: Path, body: str, message: str):
    loaded = load_file(tmp_path, f"facts:\n  - {body}\n    expect: 3 ships\n")
    assert loaded.path == tmp_path / "facts" / "f.yaml"
    (error,) = loaded.errors
    assert f"{error.line}:{error.column}: {error.message}" == message


def test_an_expected_figure_counts_its_whole_phrase(tmp_path: Path):
    (fact,) = load_file(tmp_path, "facts:\n  - id: x\n    expect: 140 air strikes\n").facts
    assert fact.counts == (("air", "strike"),)


def test_a_lone_source_of_a_consensus_fact_agrees_with_itself(tmp_path: Path):
    fact = load_fact(tmp_path, "counts: [shelters]\ncontext: [Riverton]")
    result = check_fact(fact, sourced(("a.txt", {}, FIFTY), ("b.txt", {}, "Nothing.")), TODAY)
    assert verdicts(result) == ["agree", "silent"]
    assert (result.findings[0].note, result.failed) == (None, False)


def test_a_consensus_source_that_conflicts_with_one_and_overlaps_another_conflicts(tmp_path: Path):
    fact = load_fact(tmp_path, "counts: [shelters]\ncontext: [Riverton]")
    corpus = sourced(
        ("a.txt", {}, "There are 40 shelters open in Riverton."),
        ("b.txt", {}, MORE_THAN_FORTY.replace("40", "30")),
        ("c.txt", {}, SIXTY_FIVE),
    )
    result = check_fact(fact, corpus, TODAY)
    assert verdicts(result) == ["conflict", "hedged", "conflict"]
    assert result.findings[0].note == "differs from 65 at unknown outlet (c.txt)"


def test_a_dated_fact_without_a_trend_calls_no_figure_earlier(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 50 shelters\ncontext: [Riverton]\nas_of: 2024-03-05")
    result = check_fact(fact, dated_shelters(("a.txt", MARCH_1, None, 40), ("b.txt", MARCH_9, None, 65)), TODAY)
    assert verdicts(result) == ["conflict", "conflict"]


def test_a_figure_within_tolerance_agrees_whatever_its_date(tmp_path: Path):
    fact = load_fact(
        tmp_path, "expect: 50 shelters\ncontext: [Riverton]\ntolerance: 2\nas_of: 2024-03-05\ntrend: rising"
    )
    result = check_fact(fact, dated_shelters(("a.txt", MARCH_1, None, 49), ("b.txt", MARCH_9, None, 52)), TODAY)
    assert verdicts(result) == ["agree", "agree"]


def test_a_tolerance_takes_in_its_lower_edge_too(tmp_path: Path):
    fact = load_fact(tmp_path, "expect: 140 attacks\ncontext: [Riverton]\ntolerance: 2")
    corpus = sourced(
        ("a.txt", {}, "There were 138 attacks in Riverton."), ("b.txt", {}, "There were 137 attacks in Riverton.")
    )
    assert verdicts(check_fact(fact, corpus, TODAY)) == ["agree", "conflict"]


def test_a_corpus_print_just_stored_is_read_back_by_the_same_cache(tmp_path: Path):
    cache = VerdictCache(tmp_path)
    cache.store_corpus(CorpusPrint("listing-1", "cd34", ("sha-a",)), [["Daily Bugle", None]])
    (tmp_path / "corpora" / "cd" / "cd34.json").unlink()
    assert cache.corpus("cd34")["sources"] == [["Daily Bugle", None]]
