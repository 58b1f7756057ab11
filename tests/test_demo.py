"""The demo of issue 2: the facts in facts/ against the five seeds, cell by cell."""

from __future__ import annotations

import re

import pytest
from helpers import DRAFT, PAGE, SOURCE, copy_demo, fact_of, run_json, verdicts

# fact id -> (000 NYT 01-20, 001 blog, 002 WaPo, 003 NYT 01-23, 004 Wash. Times 2021, outcome)
TABLE = {
    "militia-attacks": ("agree", "agree", "hedged", "conflict", "silent", "failed"),
    "us-troops-iraq": ("agree", "agree", "agree", "agree", "silent", "passed"),
    "us-troops-syria": ("agree", "agree", "silent", "agree", "silent", "passed"),
    "us-injured-al-asad": ("hedged", "hedged", "silent", "agree", "out_of_scope", "failed"),
    "us-injured-since-october": ("conflict", "conflict", "silent", "agree", "out_of_scope", "failed"),
    "iranians-killed-damascus": ("agree", "agree", "agree", "silent", "silent", "passed"),
    "ballistic-missiles-fired": ("silent", "silent", "silent", "agree", "silent", "passed"),
}


@pytest.fixture
def demo_run(pytester: pytest.Pytester):
    copy_demo(pytester)
    return run_json(pytester, "facts")


def test_demo_table_cell_by_cell(demo_run):
    result, doc = demo_run
    wrong = []
    for fact_id, row in TABLE.items():
        got = verdicts(doc, fact_id)
        for key, want in zip(SOURCE, row[:5]):
            if got[key] != want:
                wrong.append(f"{fact_id} x {key}: expected {want}, got {got[key]}")
        if fact_of(doc, fact_id)["outcome"] != row[5]:
            wrong.append(f"{fact_id}: expected {row[5]}, got {fact_of(doc, fact_id)['outcome']}")
    assert not wrong, "\n".join(wrong)
    assert result.ret == 1  # the demo exits 1 because outlets disagree
    result.assert_outcomes(passed=4, failed=3)


def test_demo_draft_fails_militia_attacks_and_the_outlets_do_not(demo_run):
    """Only militia-attacks reads drafts/ and pages/: our draft's stale 151 fails it; the
    outlets' differing figures are reported beside it but fail nothing."""
    _, doc = demo_run
    fact = fact_of(doc, "militia-attacks")
    by_source = {f["source"]: f for f in fact["findings"]}
    assert by_source[DRAFT]["role"] == "draft"
    assert by_source[DRAFT]["verdict"] == "conflict"
    assert [m["line"] for m in by_source[DRAFT]["mentions"]] == [12]
    assert by_source[PAGE]["role"] == "reference"
    assert (by_source[PAGE]["verdict"], by_source[PAGE]["outlet"]) == ("agree", "The Gulf Courier")
    assert fact["failing"] == [DRAFT]
    for other in doc["facts"]:
        if other["id"] != "militia-attacks":
            assert {f["verdict"] for f in other["findings"] if f["source"] in (DRAFT, PAGE)} == {"out_of_scope"}


def test_demo_figures_as_written(demo_run):
    _, doc = demo_run
    fact = fact_of(doc, "militia-attacks")
    by_source = {f["source"]: f for f in fact["findings"]}
    wapo = by_source[SOURCE["002"]]
    assert wapo["outlet"] == "The Washington Post"
    assert [m["text"] for m in wapo["mentions"]] == ["more than 130 attacks"]
    mention = wapo["mentions"][0]
    assert (mention["value"], mention["low"], mention["high"], mention["qualifier"]) == (130, 130, None, "more than")
    assert mention["line"] == 21
    assert mention["sentence"].startswith("There have been more than 130 attacks on U.S. troops")
    assert mention["sentence"][mention["start"] : mention["end"]] == mention["text"]
    nyt = by_source[SOURCE["003"]]
    assert nyt["published"] == "2024-01-23"
    assert [m["text"] for m in nyt["mentions"]] == ["about 151 such rocket and missile strikes"]
    assert nyt["mentions"][0]["line"] == 4
    assert nyt["mentions"][0]["low"] == pytest.approx(143.45)
    assert nyt["mentions"][0]["high"] == pytest.approx(158.55)
    nyt_early = by_source[SOURCE["000"]]
    assert [m["line"] for m in nyt_early["mentions"]] == [5, 11]


def test_demo_json_shape(demo_run):
    _, doc = demo_run
    assert doc["schema"] == "pytest-factcheck/1"
    assert [s["path"] for s in doc["sources"]] == sorted([*SOURCE.values(), DRAFT, PAGE])
    outlets = {s["path"]: s["outlet"] for s in doc["sources"]}
    assert outlets[SOURCE["001"]] is None  # no manifest entry, nothing in the text
    assert outlets[SOURCE["004"]] == "The Washington Times"
    fact = fact_of(doc, "militia-attacks")
    assert fact["nodeid"] == "facts/ain-al-asad-2024.yaml::militia-attacks"
    assert fact["file"] == "facts/ain-al-asad-2024.yaml"
    lines = open_text("facts/ain-al-asad-2024.yaml").splitlines()
    assert lines[fact["line"] - 1].strip() == "- id: militia-attacks"
    for entry in doc["facts"]:
        assert [f["source"] for f in entry["findings"]] == sorted([*SOURCE.values(), DRAFT, PAGE])
        for finding in entry["findings"]:
            if finding["verdict"] in ("silent", "out_of_scope"):
                assert finding["mentions"] == []


def open_text(relative: str) -> str:
    from helpers import REPO

    return (REPO / relative).read_text(encoding="utf-8")


def test_failure_names_outlets_figures_sentences_and_lines(pytester: pytest.Pytester):
    copy_demo(pytester)
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "-k", "militia")
    out = result.stdout.str()
    assert result.ret == 1
    assert "Our draft (drafts/attacks.md:12) says 151 attacks; the desk stands behind 140" in out
    assert "2 of the 6 other sources differ; as references they do not fail the fact:" in out
    assert out.index("drafts/attacks.md:12") < out.index("The Washington Post, 2024-01-21")
    wapo = out.index("The Washington Post, 2024-01-21")
    assert "seeds/002_1efb6e8095174500.txt:21" in out[wapo:]
    assert '"more than 130 attacks"' in out[wapo:]
    assert "There have been more than 130 attacks on U.S. troops" in out[wapo:]
    nyt = out.index("The New York Times, 2024-01-23")
    assert "seeds/003_455f14d27b3779dd.txt:4" in out[nyt:]
    assert '"about 151 such rocket and missile strikes"' in out[nyt:]
    assert "the most serious of about 151 such rocket" in out[nyt:]
    assert "Traceback" not in out


def test_failure_text_fits_80_columns_and_has_no_colour(pytester: pytest.Pytester):
    copy_demo(pytester)
    result = pytester.runpytest("-p", "no:cacheprovider", "facts")
    text = result.stdout.str()
    section = text[text.index("= FAILURES =") : text.index("short test summary")]
    assert "\x1b[" not in section
    too_long = [line for line in section.splitlines() if len(line) > 80]
    assert not too_long, too_long


def test_reportinfo_points_at_the_fact_line(pytester: pytest.Pytester):
    copy_demo(pytester)
    result = pytester.runpytest(
        "-p", "no:cacheprovider", "facts", "-k", "militia", "--junitxml=out.xml", "-o", "junit_family=xunit1"
    )
    xml = (pytester.path / "out.xml").read_text()
    line = open_text("facts/ain-al-asad-2024.yaml").splitlines().index("  - id: militia-attacks")
    assert re.search(rf'file="facts/ain-al-asad-2024.yaml" line="{line}"', xml), xml
    assert 'name="verdict seeds/002_1efb6e8095174500.txt" value="hedged"' in xml
    assert 'name="expect" value="140 attacks"' in xml
    assert result.ret == 1
