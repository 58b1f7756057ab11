"""The matcher and the verdict rules on every sentence quoted in issue 2, stage by stage
(no pytest run: the stages are plain Python)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pytest_factcheck.checking.check import about, check_fact, compare
from pytest_factcheck.checking.corpus import Corpus
from pytest_factcheck.facts.loading import load_fact_file
from pytest_factcheck.sources.articles import article_from_text
from pytest_factcheck.sources.finding import Source

ATTACKS = (
    "There have been 140 militia attacks on U.S. troops in Iraq and Syria in the past three months, "
    "with 57 in Iraq and 83 in Syria, Sabrina Singh, a Pentagon spokesperson, said Thursday."
)
TROOPS = (
    "In all, there are 2,500 U.S. troops in Iraq and 900 in Syria, helping to support Iraq and Kurdish "
    "Syrian forces in the fight to tamp down the remains of the Islamic State group."
)


def fact(tmp_path: Path, body: str):
    path = tmp_path / "f.yaml"
    path.write_text("facts:\n  - id: f\n" + "".join(f"    {line}\n" for line in body.strip().splitlines()))
    loaded = load_fact_file(path, "f.yaml", (tmp_path,))
    assert not loaded.errors, loaded.errors
    return loaded.facts[0]


def mentions(text: str):
    return article_from_text(Source("a.txt", Path("a.txt")), text).mentions


def seen(tmp_path: Path, body: str, text: str) -> list[str]:
    """The figures (as written) that a fact sees in a text."""
    f = fact(tmp_path, body)
    return [m.figure.text for m in mentions(text) if about(f, m) and compare(f, m.figure) is not None]


def test_combined_count_sees_only_140(tmp_path):
    body = "expect: 140 attacks\ncounts: [attacks, strikes]\ncontext: [U.S. troops, Iraq and Syria]"
    assert seen(tmp_path, body, ATTACKS) == ["140 militia attacks"]


def test_attacks_in_iraq_sees_only_57(tmp_path):
    assert seen(tmp_path, "expect: 57 attacks\ncontext: [Iraq]", ATTACKS) == ["57"]


def test_troops_in_syria_sees_only_900(tmp_path):
    assert seen(tmp_path, "expect: 900 troops\ncontext: [Syria]", TROOPS) == ["900"]


def test_troops_in_iraq_sees_only_2500(tmp_path):
    assert seen(tmp_path, "expect: 2,500 troops\ncontext: [Iraq]", TROOPS) == ["2,500 U.S. troops"]


def test_inherited_nouns_never_come_from_a_duration(tmp_path):
    assert seen(tmp_path, "expect: 3 months\ncounts: [months]", ATTACKS) == []
    figures = {m.figure.text: m.figure for m in mentions(ATTACKS)}
    assert figures["57"].inherited and figures["57"].noun == "militia attacks"


def test_counted_noun_is_the_head(tmp_path):
    text = "the latest and the most serious of about 151 such rocket and missile strikes against U.S. troops"
    assert seen(tmp_path, "expect: 150 strikes", text) == ["about 151 such rocket and missile strikes"]
    assert seen(tmp_path, "expect: 150 rockets", text) == []


def test_several_words_match_the_end_of_the_phrase(tmp_path):
    body = "expect: at least 4 service members\ncounts: [U.S. service members]"
    assert seen(tmp_path, body, "injuring at least four U.S. service members.") == [
        "at least four U.S. service members"
    ]
    assert seen(tmp_path, body, "at least one Iraqi service member was wounded.") == []


@pytest.mark.parametrize(
    "text, entry, expected",
    [
        ("140 attacks on US troops in Iraq and Syria", "U.S. troops", True),
        ("140 attacks on U.S. troops in Syria and Iraq", "Iraq and Syria", True),
        ("140 attacks by Iraqi militias", "Iraq", False),
        ("140 attacks on U.S. troops in Iraq and Syria", "Iraq", False),  # a combined count, not Iraq's
        ("140 attacks on U.S. troops in Iraq", "Iraq", True),
        ("140 attacks on U.S. troops in Irak", "Iraq", False),  # too short to forgive a typo
        ("140 attacks in Afghanistann", "Afghanistan", True),  # fuzzy on a long word
    ],
)
def test_context_is_fuzzy_whole_words(tmp_path, text, entry, expected):
    body = f"expect: 140 attacks\ncontext: ['{entry}']"
    assert bool(seen(tmp_path, body, text)) is expected


def test_context_alternatives_and_the_sentence_lead_in(tmp_path):
    body = "expect: 4 service members\ncounts: [U.S. service members]\ncontext: [[injured, injuring]]"
    text = "The United States struck three facilities on Tuesday, injuring at least four U.S. service members."
    assert seen(tmp_path, body, text) == ["at least four U.S. service members"]
    lead = "In Syria, officials said, there are 900 troops."
    assert seen(tmp_path, "expect: 900 troops\ncontext: [Syria]", lead) == ["900 troops"]


def test_exclude_looks_at_the_whole_sentence(tmp_path):
    body = "expect: 5 attacks\nexclude: [drone]"
    assert seen(tmp_path, body, "at least five drone attacks on U.S. forces since April") == []
    assert seen(tmp_path, body, "at least five attacks on U.S. forces since April") == ["at least five attacks"]


def test_dates_years_and_times_are_never_counts(tmp_path):
    body = "expect: 7 attacks\ncounts: [attacks]"
    assert seen(tmp_path, body, "since the Oct. 7 Hamas-led attacks that sparked the Israel-Hamas war") == []
    for text in ("the attacks since Oct. 17", "the attacks began in 2018", "at 6:30 p.m. the attacks began"):
        assert [m.figure.value for m in mentions(text)] == []


@pytest.mark.parametrize(
    "expect, stated, verdict",
    [
        ("140 attacks", "There were roughly 140 attacks.", "agree"),
        ("140 attacks", "There were 140 attacks.", "agree"),
        ("140 attacks", "There were more than 130 attacks.", "hedged"),
        ("140 attacks", "There were about 151 attacks.", "conflict"),
        ("at least 4 troops", "At least four troops were hurt.", "agree"),
        ("at least 4 troops", "At least two troops were hurt.", "hedged"),
        ("at least 4 troops", "Two troops were hurt.", "conflict"),
        ("at least 83 personnel", "Nearly 70 personnel were hurt.", "conflict"),
        ("140 attacks", "There were more than 140 attacks.", "conflict"),
    ],
)
def test_interval_verdicts(tmp_path, expect, stated, verdict):
    f = fact(tmp_path, f"expect: {expect}")
    (mention,) = mentions(stated)
    assert compare(f, mention.figure) == verdict


def test_tolerance_absolute_and_percent(tmp_path):
    (mention,) = mentions("There were 146 attacks.")
    assert compare(fact(tmp_path, "expect: 140 attacks\ntolerance: 6"), mention.figure) == "agree"
    assert compare(fact(tmp_path, "expect: 140 attacks\ntolerance: 5"), mention.figure) == "conflict"
    assert compare(fact(tmp_path, "expect: 140 attacks\ntolerance: '5%'"), mention.figure) == "agree"


def test_units_compare_at_the_stated_precision(tmp_path):
    (plain,) = mentions("The base lies 110 miles west of Baghdad.")
    (hedged,) = mentions("The base lies about 110 miles west of Baghdad.")
    assert compare(fact(tmp_path, "expect: 177 km\nunit: km"), plain.figure) == "agree"
    assert compare(fact(tmp_path, "expect: 180 km\nunit: km"), hedged.figure) == "hedged"
    assert compare(fact(tmp_path, "expect: 300 km\nunit: km"), hedged.figure) == "conflict"
    assert compare(fact(tmp_path, "expect: 177 kg"), plain.figure) is None  # not the same dimension


def test_worst_figure_wins_and_silence(tmp_path):
    f = fact(tmp_path, "expect: 140 attacks\ncounts: [attacks, strikes]")
    articles = [
        article_from_text(
            Source("a.txt", tmp_path / "a.txt", "A"), "There were roughly 140 strikes. Later, about 151 attacks."
        ),
        article_from_text(Source("b.txt", tmp_path / "b.txt", "B"), "The weather was fine."),
    ]
    result = check_fact(f, Corpus.from_articles(articles), dt.date(2024, 1, 1))
    assert result.cells == "X."  # one verdict code per source: conflict, silent
    assert list(result.findings) == [0]  # only the source that says something has a finding
    assert result.findings[0].verdict == "conflict"
    assert [r.verdict for r in result.findings[0].readings] == ["agree", "conflict"]
    assert result.failed


def test_scope_mask_agrees_with_in_scope(tmp_path):
    """The memoised mask gives the same answer as the plain rule for every kind of scope."""
    import datetime as dt

    from pytest_factcheck.checking.check import in_scope, scope_mask
    from pytest_factcheck.facts.loading import Scope

    a, b = tmp_path / "a", tmp_path / "b"
    sources = [
        Source("a/1.txt", a / "1.txt", "Daily Bugle", dt.date(2024, 1, 5)),
        Source("a/draft-2.txt", a / "draft-2.txt", None, None),
        Source("b/3.txt", b / "3.txt", "Morning Star", dt.date(2023, 12, 1)),
        Source("ab/4.txt", tmp_path / "ab" / "4.txt", "Daily Bugle", dt.date(2024, 2, 1)),
    ]
    scopes = [
        Scope(),
        Scope(paths=(a,)),
        Scope(paths=(a, b)),
        Scope(published_from=dt.date(2024, 1, 1)),
        Scope(published_to=dt.date(2024, 1, 31), outlets=("Daily Bugle",)),
        Scope(exclude=("*draft*",)),
        Scope(paths=(a,), exclude=("a/1.txt",)),
    ]
    memo: dict = {}
    for scope in scopes:
        assert scope_mask(scope, sources, memo) == [in_scope(scope, s) for s in sources], scope


def test_a_runaway_sentence_is_kept_around_each_figure():
    """An article of one endless line: each figure keeps about a thousand characters of it."""
    text = "In Riverton, officials said 40 shelters were open and 12 wounded were treated " * 2000
    found = mentions(text)
    assert len(found) == 4000
    for m in (found[0], found[1999], found[-1]):
        assert len(m.sentence) <= 1100
        assert m.sentence[m.offset : m.offset + len(m.figure.text)] == m.figure.text
    assert found[1999].sentence.startswith("…") and found[1999].sentence.endswith("…")


def test_scope_outlets_are_the_outlets_of_the_mask(tmp_path):
    """The outlets a scope takes in, found by date order, are those of its mask's sources."""
    import datetime as dt
    import random

    from pytest_factcheck.checking.check import scope_mask, scope_outlets
    from pytest_factcheck.facts.loading import Scope

    rng = random.Random(13)
    folders = [tmp_path / "a", tmp_path / "b"]
    outlets = ["Daily Bugle", "Morning Star", "Evening Post", None]
    sources = []
    for i in range(300):
        folder = rng.choice(folders)
        day = None if rng.random() < 0.1 else dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366))
        name = f"{'draft-' if rng.random() < 0.2 else ''}{i}.txt"
        sources.append(Source(f"{folder.name}/{name}", folder / name, rng.choice(outlets), day))
    memo: dict = {}
    for _ in range(200):
        low = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(366)) if rng.random() < 0.6 else None
        high = low + dt.timedelta(days=rng.randrange(60)) if low and rng.random() < 0.7 else None
        scope = Scope(
            paths=rng.choice([None, (folders[0],), tuple(folders)]),
            published_from=low,
            published_to=high,
            outlets=rng.choice([None, ("Daily Bugle",), ("Morning Star", "Evening Post")]),
            exclude=rng.choice([(), ("*draft*",)]),
        )
        mask = scope_mask(scope, sources, memo)
        assert scope_outlets(scope, sources, memo) == {s.outlet for s, k in zip(sources, mask) if k and s.outlet}, scope
