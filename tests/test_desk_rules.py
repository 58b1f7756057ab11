"""Issue 4: dated facts, consensus facts, defaults, severity and waivers, through pytest runs."""

from __future__ import annotations

import textwrap

import pytest
from helpers import copy_demo, fact_of, run_json, write_facts

ARTICLES = {
    "a-early.txt": ("Daily Bugle", "2024-03-01", "Officials said 40 shelters were open in Riverton on Monday."),
    "b-same.txt": ("Morning Star", "2024-03-05", "There are 50 shelters open in Riverton, officials said."),
    "c-late.txt": ("Evening Post", "2024-03-09", "By Saturday, 65 shelters were open in Riverton."),
    "d-undated.txt": (None, None, "Some reports said 44 shelters were open in Riverton."),
}


def newsroom(pytester: pytest.Pytester, articles=ARTICLES) -> None:
    folder = pytester.path / "news"
    folder.mkdir()
    manifest = []
    for name, (outlet, published, text) in articles.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
        if outlet:
            manifest.append(f"{name}:\n  outlet: {outlet}\n  published: {published}\n")
    (folder / "sources.yaml").write_text("".join(manifest), encoding="utf-8")
    pytester.makeini("[pytest]\nfactcheck_sources = news\n")


def facts(pytester: pytest.Pytester, body: str) -> None:
    write_facts(pytester, "f.yaml", textwrap.dedent(body))


def by_outlet(doc, fact_id):
    return {(f["outlet"] or f["source"].rsplit("/", 1)[1]): f for f in fact_of(doc, fact_id)["findings"]}


def test_rising_count_earlier_and_newer(pytester: pytest.Pytester):
    newsroom(pytester)
    facts(
        pytester,
        """\
        facts:
          - id: shelters
            expect: 50 shelters
            context: [Riverton]
            as_of: 2024-03-05
            trend: rising
    """,
    )
    result, doc = run_json(pytester, "facts")
    cells = by_outlet(doc, "shelters")
    assert cells["Daily Bugle"]["verdict"] == "earlier"
    assert cells["Morning Star"]["verdict"] == "agree"
    assert cells["Evening Post"]["verdict"] == "newer"
    assert cells["d-undated.txt"]["verdict"] == "conflict"  # plain rules for an unknown date ...
    assert "date unknown" in cells["d-undated.txt"]["note"]  # ... and the report says so
    assert fact_of(doc, "shelters")["outcome"] == "failed"
    out = result.stdout.str()
    assert "NEWER" in out and "a higher count published after 2024-03-05" in out
    assert "date unknown: compared without the trend" in out


def test_newer_pass_keeps_a_newer_count_as_a_note(pytester: pytest.Pytester):
    newsroom(pytester, {k: v for k, v in ARTICLES.items() if k != "d-undated.txt"})
    facts(
        pytester,
        """\
        facts:
          - id: shelters
            expect: 50 shelters
            context: [Riverton]
            as_of: 2024-03-05
            trend: rising
            newer: pass
    """,
    )
    result, doc = run_json(pytester, "facts")
    result.assert_outcomes(passed=1)
    assert by_outlet(doc, "shelters")["Evening Post"]["verdict"] == "newer"


def test_falling_count_is_the_mirror_image(pytester: pytest.Pytester):
    newsroom(
        pytester,
        {
            "a.txt": ("Daily Bugle", "2024-03-01", "Officials said 80 people were missing in Riverton."),
            "b.txt": ("Evening Post", "2024-03-09", "By Saturday, 12 people were still missing in Riverton."),
            "c.txt": ("Morning Star", "2024-03-09", "By Saturday, 90 people were missing in Riverton."),
        },
    )
    facts(
        pytester,
        """\
        facts:
          - id: missing
            expect: 30 people
            context: [Riverton]
            as_of: 2024-03-05
            trend: falling
    """,
    )
    _, doc = run_json(pytester, "facts")
    cells = by_outlet(doc, "missing")
    assert cells["Daily Bugle"]["verdict"] == "earlier"  # a higher count from before
    assert cells["Evening Post"]["verdict"] == "newer"  # a lower count from after
    assert cells["Morning Star"]["verdict"] == "conflict"  # higher after: not explained by the trend


def test_consensus_fact_fails_with_grouped_figures(pytester: pytest.Pytester):
    newsroom(pytester)
    facts(
        pytester,
        """\
        facts:
          - id: shelters-agree
            counts: [shelters]
            context: [Riverton]
    """,
    )
    result, doc = run_json(pytester, "facts")
    fact = fact_of(doc, "shelters-agree")
    assert fact["kind"] == "consensus" and fact["expect"] is None and fact["outcome"] == "failed"
    assert fact["groups"] == [
        {"figure": "40", "sources": ["news/a-early.txt"]},
        {"figure": "44", "sources": ["news/d-undated.txt"]},
        {"figure": "50", "sources": ["news/b-same.txt"]},
        {"figure": "65", "sources": ["news/c-late.txt"]},
    ]
    result.stdout.fnmatch_lines(["figures      40: Daily Bugle (2024-03-01); 44: unknown outlet (d-undated.txt);"])


def test_consensus_fact_passes_when_sources_agree(pytester: pytest.Pytester):
    newsroom(
        pytester,
        {
            "a.txt": ("Daily Bugle", "2024-03-01", "Officials said 40 shelters were open in Riverton."),
            "b.txt": ("Morning Star", "2024-03-02", "About 40 shelters were open in Riverton."),
            "c.txt": ("Evening Post", "2024-03-03", "The storm flooded Riverton."),
        },
    )
    facts(
        pytester,
        """\
        facts:
          - id: shelters-agree
            counts: [shelters]
            context: [Riverton]
            min_sources: 2
    """,
    )
    result, doc = run_json(pytester, "facts")
    result.assert_outcomes(passed=1)
    assert [f["verdict"] for f in fact_of(doc, "shelters-agree")["findings"]] == ["agree", "agree", "silent"]


def test_defaults_apply_and_a_fact_overrides_them(pytester: pytest.Pytester):
    newsroom(pytester, {"a.txt": ("Daily Bugle", "2024-03-01", "Officials said 52 shelters were open in Riverton.")})
    facts(
        pytester,
        """\
        defaults:
          tolerance: 5
          context: [Riverton]
        facts:
          - id: loose
            expect: 50 shelters
          - id: strict
            expect: 50 shelters
            tolerance: 0
    """,
    )
    result, doc = run_json(pytester, "facts")
    assert by_outlet(doc, "loose")["Daily Bugle"]["verdict"] == "agree"
    assert by_outlet(doc, "strict")["Daily Bugle"]["verdict"] == "conflict"
    result.assert_outcomes(passed=1, failed=1)


WARNING_FACT = """\
    facts:
      - id: soft
        expect: 50 shelters
        context: [Riverton]
        severity: warning
"""


def test_warning_severity_passes_with_a_located_warning(pytester: pytest.Pytester):
    newsroom(pytester)
    facts(pytester, WARNING_FACT)
    result, doc = run_json(pytester, "facts")
    result.assert_outcomes(passed=1, warnings=1)
    result.stdout.fnmatch_lines(
        ["facts/f.yaml::soft", "  facts/f.yaml:2: FactcheckWarning: 3 of 4 sources differ from 50 shelters"]
    )
    fact = fact_of(doc, "soft")
    assert fact["outcome"] == "passed" and fact["warned"] is True and fact["severity"] == "warning"


@pytest.mark.parametrize(
    "switch", [["--factcheck-fail-on=warning"], ["-W", "error::pytest_factcheck.FactcheckWarning"]]
)
def test_warnings_can_be_made_to_fail(pytester: pytest.Pytester, switch):
    newsroom(pytester)
    facts(pytester, WARNING_FACT)
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", *switch)
    result.assert_outcomes(failed=1)
    assert "3 of 4 sources differ from 50 shelters" in result.stdout.str()


WAIVED = """\
    facts:
      - id: shelters
        expect: 50 shelters
        context: [Riverton]
        waivers:
          - outlet: Daily Bugle
            reason: The Bugle counted before the schools opened.
            until: 2024-04-01
            by: Metro desk
          - source: d-undated.txt
            reason: Unsourced rewrite.
          - source: c-late.txt
            reason: Known late count.
            until: 2024-03-10
"""


def test_waivers_apply_and_say_why(pytester: pytest.Pytester):
    newsroom(pytester)
    facts(pytester, WAIVED)
    result, doc = run_json(pytester, "facts", "--factcheck-today", "2024-03-09")
    result.assert_outcomes(passed=1)
    cell = by_outlet(doc, "shelters")["Daily Bugle"]
    assert cell["verdict"] == "waived"
    assert cell["waiver"] == {
        "reason": "The Bugle counted before the schools opened.",
        "until": "2024-04-01",
        "by": "Metro desk",
        "expired": False,
    }
    assert by_outlet(doc, "shelters")["d-undated.txt"]["verdict"] == "waived"


def test_an_expired_waiver_fails_and_says_when(pytester: pytest.Pytester):
    newsroom(pytester)
    facts(pytester, WAIVED)
    result, doc = run_json(pytester, "facts", "--factcheck-today", "2024-03-20")
    result.assert_outcomes(failed=1)
    cell = by_outlet(doc, "shelters")["Evening Post"]
    assert cell["verdict"] == "conflict" and cell["waiver"]["expired"] is True
    result.stdout.fnmatch_lines(["*waiver EXPIRED on 2024-03-10: Known late count.*"])


def test_an_unused_waiver_warns(pytester: pytest.Pytester):
    newsroom(pytester)
    facts(
        pytester,
        """\
        facts:
          - id: shelters
            expect: 50 shelters
            context: [Riverton]
            sources: {outlets: [Morning Star]}
            waivers:
              - outlet: Daily Planet
                reason: An old count.
    """,
    )
    result, doc = run_json(pytester, "facts")
    result.assert_outcomes(passed=1, warnings=1)
    result.stdout.fnmatch_lines(["*unused waiver for Daily Planet (line 7): no differing figure to waive*"])
    assert fact_of(doc, "shelters")["unused_waivers"] == [
        {"target": "Daily Planet", "reason": "An old count.", "line": 7}
    ]


def test_demo_shows_dated_consensus_warning_and_waiver(pytester: pytest.Pytester):
    copy_demo(pytester, every_file=True)
    _result, doc = run_json(pytester, "facts", "--factcheck-today", "2024-06-01")
    dated = next(f for f in doc["facts"] if f["nodeid"] == "facts/as-of.yaml::militia-attacks")
    cells = {f["source"][6:9]: f["verdict"] for f in dated["findings"]}
    assert cells["003"] == "newer" and dated["as_of"] == "2024-01-20"
    injured = next(f for f in doc["facts"] if f["nodeid"] == "facts/as-of.yaml::us-injured-al-asad")
    cells = {f["source"][6:9]: f["verdict"] for f in injured["findings"]}
    assert (cells["000"], cells["001"], cells["003"]) == ("earlier", "waived", "agree")
    assert injured["outcome"] == "passed"
    consensus = fact_of(doc, "militia-attacks-consensus")
    assert [g["figure"] for g in consensus["groups"]] == ["more than 130", "140", "about 151"]
    warned = next(f for f in doc["facts"] if f["nodeid"] == "facts/desk-rules.yaml::us-injured-since-october")
    assert warned["outcome"] == "passed" and warned["warned"] is True


def test_desk_rules_json_is_identical_under_xdist(pytester: pytest.Pytester):
    newsroom(pytester)
    facts(pytester, WAIVED + WARNING_FACT.replace("    facts:\n", ""))
    _, plain = run_json(pytester, "facts", "--factcheck-today", "2024-03-09")
    _, spread = run_json(pytester, "facts", "--factcheck-today", "2024-03-09", "-n", "2")
    assert spread == plain
