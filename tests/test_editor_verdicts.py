"""Issue 10: verdicts read as an editor reads them, through pytest runs."""

from __future__ import annotations

import pytest
from helpers import fact_of, run_json
from test_desk_rules import by_outlet, facts, newsroom

WIRE = {
    "a-wire.txt": (
        "Wire",
        "2024-03-02",
        "The blast in Riverton killed 15 people, officials said. "
        "In Riverton, between 12 and 15 people died on the first night.",
    ),
    "b-post.txt": ("Evening Post", "2024-03-02", "In Riverton, 15 people were killed by the blast."),
}


def test_an_exact_statement_agrees_beside_a_looser_one(pytester: pytest.Pytester):
    newsroom(pytester, WIRE)
    facts(
        pytester,
        """\
        facts:
          - id: dead
            expect: 15 people
            context: [Riverton]
            min_sources: 2
    """,
    )
    result, doc = run_json(pytester, "facts")
    wire = by_outlet(doc, "dead")["Wire"]
    assert wire["verdict"] == "agree"
    assert sorted(m["verdict"] for m in wire["mentions"]) == ["agree", "hedged"]  # both figures kept
    assert '"between 12 and 15 people"' in wire["note"]  # the looser one is a note
    assert fact_of(doc, "dead")["outcome"] == "passed"  # two sources support it: no "0 sources support it"
    assert "does not state it" not in result.stdout.str()
    result.assert_outcomes(passed=1)


def test_a_conflict_still_wins_over_an_exact_statement(pytester: pytest.Pytester):
    newsroom(pytester, {"a.txt": ("Wire", "2024-03-02", "The blast in Riverton killed 15 people and 151 people.")})
    facts(pytester, "facts:\n  - id: dead\n    expect: 15 people\n    context: [Riverton]\n")
    result, doc = run_json(pytester, "facts")
    assert by_outlet(doc, "dead")["Wire"]["verdict"] == "conflict"
    assert fact_of(doc, "dead")["unconfirmed"] is not None  # a contradicting source is no support
    result.assert_outcomes(failed=1)


def test_support_counts_an_exact_figure_beside_a_newer_one(pytester: pytest.Pytester):
    """The class of "0 sources support it while two outlets said exactly 15": support was
    counted from the source's worst verdict, not from what it states."""
    newsroom(
        pytester,
        {
            "a.txt": ("Wire", "2024-03-09", "In Riverton, 15 people died on Monday; by Friday, 20 people had died."),
            "b.txt": ("Post", "2024-03-09", "In Riverton, 15 people died on Monday; by Friday, 20 people had died."),
        },
    )
    facts(
        pytester,
        """\
        facts:
          - id: dead
            expect: 15 people
            context: [Riverton]
            as_of: 2024-03-05
            trend: rising
            newer: pass
            min_sources: 2
    """,
    )
    result, doc = run_json(pytester, "facts")
    assert [by_outlet(doc, "dead")[o]["verdict"] for o in ("Wire", "Post")] == ["newer", "newer"]
    assert fact_of(doc, "dead")["unconfirmed"] is None
    result.assert_outcomes(passed=1)


@pytest.mark.parametrize(
    "expect, text",
    [
        ("10 inches", "In Riverton, the storm dropped 250 mm (about 10 inches) of rain."),
        ("250 mm", "The storm dropped 10 inches of rain on Riverton."),
        ("10 inches", "The storm dropped 250 mm of rain on Riverton."),
    ],
)
def test_units_compare_symmetrically_and_show_the_conversion(pytester: pytest.Pytester, expect, text):
    newsroom(pytester, {"a.txt": ("Wire", "2024-03-02", text)})
    facts(pytester, f"facts:\n  - id: rain\n    expect: {expect}\n    context: [Riverton]\n")
    result, doc = run_json(pytester, "facts")
    finding = by_outlet(doc, "rain")["Wire"]
    assert finding["verdict"] == "agree"
    assert len(finding["mentions"]) == 1  # a parenthesised conversion is the same figure
    (mention,) = finding["mentions"]
    assert mention["converted"]["unit"] == ("inch" if expect == "10 inches" else "millimeter")
    result.assert_outcomes(passed=1)


def test_a_conversion_is_shown_in_the_failure(pytester: pytest.Pytester):
    newsroom(pytester, {"a.txt": ("Wire", "2024-03-02", "The storm dropped 300 mm of rain on Riverton.")})
    facts(pytester, "facts:\n  - id: rain\n    expect: 10 inches\n    context: [Riverton]\n")
    result, _ = run_json(pytester, "facts")
    out = " ".join(result.stdout.str().split())  # the text is wrapped at 79 columns
    assert 'says "300 mm": read as exactly 300 millimetres (300 mm = 11.81 in), which rules out 10 inches' in out


def test_consensus_groups_by_interval_and_reads_dates(pytester: pytest.Pytester):
    newsroom(
        pytester,
        {
            "a.txt": ("Wire", "2024-01-20", "Fifteen people died in Riverton, officials said."),
            "b.txt": ("Post", "2024-01-20", "Officials said 15 people died in Riverton."),
            "c.txt": ("Wire", "2024-01-23", "The toll in Riverton rose: 22 people died, officials said."),
        },
    )
    facts(
        pytester,
        """\
        facts:
          - id: toll
            counts: [people]
            context: [Riverton]
            as_of: 2024-01-23
            trend: rising
    """,
    )
    result, doc = run_json(pytester, "facts")
    fact = fact_of(doc, "toll")
    assert [(g["figure"], len(g["sources"])) for g in fact["groups"]] == [("fifteen", 2), ("22", 1)]
    assert sorted(f["verdict"] for f in fact["findings"]) == ["agree", "earlier", "earlier"]
    result.assert_outcomes(passed=1)
    # without the trend, the same figures conflict
    facts(pytester, "facts:\n  - id: toll\n    counts: [people]\n    context: [Riverton]\n")
    result, doc = run_json(pytester, "facts")
    assert sorted(f["verdict"] for f in fact_of(doc, "toll")["findings"]) == ["conflict"] * 3


@pytest.mark.parametrize(
    "entry, words",
    [
        ({"kind": "count", "low": 143.45, "high": 158.55}, "144 to 158"),
        ({"kind": "count", "low": 12, "high": 15, "low_open": True}, "13 to 15"),
        ({"kind": "count", "low": 130, "high": None, "low_open": True}, "more than 130"),
        ({"kind": "measure", "low": 250, "high": 250, "unit": "millimeter"}, "exactly 250 millimetres"),
        ({"kind": "measure", "low": 25.65, "high": 28.35, "unit": "foot"}, "25.65 to 28.35 feet"),
        ({"kind": "measure", "low": 1, "high": 1, "unit": "foot"}, "exactly 1 foot"),
    ],
)
def test_intervals_read_as_an_editor_writes_them(entry, words):
    from pytest_factcheck.reports.vocabulary import describe_interval

    assert describe_interval(entry) == words
