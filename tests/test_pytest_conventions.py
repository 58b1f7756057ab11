"""The plugin behaves like pytest: selection, markers, xfail/skip, --lf, --co, options, xdist."""

from __future__ import annotations

import json

import pytest
from helpers import copy_demo, fact_of, run_json, write_facts

DEMO_IDS = [
    "ballistic-missiles-fired",
    "iranians-killed-damascus",
    "militia-attacks",
    "us-injured-al-asad",
    "us-injured-since-october",
    "us-troops-iraq",
    "us-troops-syria",
]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "--factcheck-summary=off", *args)


def test_collect_only_lists_one_item_per_fact(demo):
    result = run(demo, "facts", "--co", "-q")
    listed = {line for line in result.outlines if "::" in line}
    assert listed == {f"facts/ain-al-asad-2024.yaml::{i}" for i in DEMO_IDS}
    assert f"{len(DEMO_IDS)} tests collected" in result.stdout.str()


def test_items_follow_the_file_order(demo):
    result = run(demo, "facts", "--co", "-q")
    listed = [line.split("::")[1] for line in result.outlines if "::" in line]
    assert listed == [
        "militia-attacks",
        "us-troops-iraq",
        "us-troops-syria",
        "us-injured-al-asad",
        "us-injured-since-october",
        "iranians-killed-damascus",
        "ballistic-missiles-fired",
    ]


def test_k_selects_by_fact_id(demo):
    result = run(demo, "facts", "-k", "troops")
    result.assert_outcomes(passed=2, deselected=5)


def test_k_matches_outlets_and_tags(demo):
    result = run(demo, "facts", "-k", "casualties and not since")
    result.assert_outcomes(passed=1, failed=1, deselected=5)
    by_outlet = run(demo, "facts", "-k", "Washington", "--co", "-q")
    assert "7 tests collected" in by_outlet.stdout.str()  # every fact is checked against the Post


def test_m_selects_by_tag_under_strict_markers(demo):
    result = run(demo, "facts", "-m", "deployment", "--strict-markers")
    result.assert_outcomes(passed=2, deselected=5)
    assert "PytestUnknownMarkWarning" not in result.stdout.str()


def test_user_registered_markers_keep_their_description(demo):
    demo.makeini("[pytest]\nmarkers =\n    casualties: people killed or hurt\n")
    result = run(demo, "--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.casualties: people killed or hurt"])


def test_xfail_and_skip_from_yaml(pytester: pytest.Pytester):
    copy_demo(pytester, facts=False)
    write_facts(
        pytester,
        "f.yaml",
        """\
sources: {paths: [../seeds]}
facts:
  - id: known-gap
    expect: 150 attacks
    counts: [attacks, strikes]
    context: [U.S. troops]
    xfail: the desk is waiting for the Pentagon's count
  - id: later
    expect: 900 troops
    skip: not checked until the Syria story runs
  - id: xpassing
    expect: 900 troops
    context: [Syria]
    xfail: expected to disagree
""",
    )
    result, doc = run_json(pytester, "facts", "-rsx")
    result.assert_outcomes(xfailed=1, skipped=1, xpassed=1)
    result.stdout.fnmatch_lines(["XFAIL facts/f.yaml::known-gap - the desk is waiting for the Pentagon's count"])
    result.stdout.fnmatch_lines(["SKIPPED * not checked until the Syria story runs"])
    assert fact_of(doc, "known-gap")["outcome"] == "xfailed"
    assert fact_of(doc, "later")["outcome"] == "skipped"
    assert fact_of(doc, "later")["findings"] == []
    assert fact_of(doc, "xpassing")["outcome"] == "xpassed"


def test_last_failed_reruns_only_the_failed_facts(demo):
    first = demo.runpytest("facts", "--factcheck-summary=off")
    first.assert_outcomes(passed=4, failed=3)
    again = demo.runpytest("facts", "--lf", "--factcheck-summary=off")
    again.assert_outcomes(failed=3)
    again.stdout.fnmatch_lines(["collected 3 items", "run-last-failure: rerun previous 3 failures"])
    rerun = again.stdout.str()
    assert "::militia-attacks" in rerun and "::us-troops-iraq" not in rerun


def test_report_header_names_fact_folders_and_source_count(demo):
    result = run(demo, "facts", "--co")
    result.stdout.fnmatch_lines(["factcheck: 1 facts file in facts; sources: seeds (5)"])


def test_ini_options_move_facts_and_sources(pytester: pytest.Pytester):
    copy_demo(pytester)
    (pytester.path / "seeds").rename(pytester.path / "articles")
    (pytester.path / "facts").rename(pytester.path / "desk")
    text = (pytester.path / "desk" / "ain-al-asad-2024.yaml").read_text().replace("paths: [../seeds]", "paths: []")
    text = text.replace("[../seeds, ../pages, ../drafts]", "[../articles, ../pages, ../drafts]")
    (pytester.path / "desk" / "ain-al-asad-2024.yaml").write_text(text.replace("sources:\n  paths: []\n", ""))
    pytester.makeini("[pytest]\nfactcheck_facts = desk\nfactcheck_sources = articles\nfactcheck_json = out/f.json\n")
    result = run(pytester, "desk")
    result.assert_outcomes(passed=4, failed=3)
    doc = json.loads((pytester.path / "out" / "f.json").read_text())
    assert doc["sources"][0]["path"].startswith("articles/")


def test_yaml_outside_the_facts_folders_is_not_collected(pytester: pytest.Pytester):
    copy_demo(pytester)
    (pytester.path / "config.yaml").write_text("not: a facts file\n")
    result = run(pytester, ".", "--co", "-q")
    assert "config.yaml" not in result.stdout.str()
    assert "7 tests collected" in result.stdout.str()


def test_json_is_identical_under_xdist(demo):
    _, plain = run_json(demo, "facts")
    result, spread = run_json(demo, "facts", "-n", "2")
    assert "2 workers" in result.stdout.str() or "created: 2/2 workers" in result.stdout.str()
    assert spread == plain


def test_failure_text_reaches_the_controller_under_xdist(demo):
    result = demo.runpytest("facts", "-n", "2", "-p", "no:cacheprovider", "--factcheck-summary=off")
    out = result.stdout.str()
    assert "seeds/002_1efb6e8095174500.txt:21" in out
    assert "Our draft (drafts/attacks.md:12) says 151 attacks; the desk stands behind 140" in out
    result.assert_outcomes(passed=4, failed=3)
