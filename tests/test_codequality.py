"""GitLab Code Quality: the fields GitLab reads, and fingerprints it can rely on."""

from __future__ import annotations

import copy
import hashlib
import json
from pathlib import Path

import pytest

from pytest_factcheck.reports.codequality import codequality

DATA = Path(__file__).parent / "data"
GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture
def sample() -> dict:
    return load("findings-sample.json")


def test_one_issue_per_differing_finding(sample):
    issues = codequality(sample)
    got = [(i["check_name"], i["location"]["lines"]["begin"], i["severity"]) for i in issues]
    assert got == [
        ("factcheck/hedged", 7, "major"),  # militia-attacks failed: The Washington Post
        ("factcheck/conflict", 7, "major"),  # militia-attacks failed: The New York Times, Jan. 23
        ("factcheck/hedged", 20, "major"),  # us-injured-al-asad failed: NYT Jan. 20
        ("factcheck/hedged", 20, "major"),  # us-injured-al-asad failed: the unknown outlet
        ("factcheck/newer", 20, "major"),  # us-injured-al-asad failed: NYT Jan. 23
        ("factcheck/conflict", 3, "minor"),  # gaza-injured warned (severity warning)
    ]
    assert issues[1]["description"] == (
        "militia-attacks: conflict: The New York Times (2024-01-23) says "
        '"about 151 such rocket and missile strikes"; expected 140 attacks'
    )
    assert issues[1]["location"]["path"] == "facts/ain-al-asad-2024.yaml"
    assert issues[-1]["location"]["path"] == "facts/gaza-2024.yaml"


def test_fields_gitlab_reads(sample):
    issues = codequality(sample)
    json.dumps(issues)  # plain JSON
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["check_name"].startswith("factcheck/")
        assert issue["severity"] in GITLAB_SEVERITIES
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int)
        assert len(issue["fingerprint"]) == 64 and int(issue["fingerprint"], 16) >= 0


def test_fingerprints_are_unique_and_stable(sample):
    first = codequality(sample)
    prints = [i["fingerprint"] for i in first]
    assert len(set(prints)) == len(prints)
    # the same (fact, source) keeps its fingerprint when the verdict or wording changes
    changed = copy.deepcopy(sample)
    militia = next(f for f in changed["facts"] if f["id"] == "militia-attacks")
    militia["findings"][2]["verdict"] = "conflict"
    militia["findings"][2]["mentions"][0]["text"] = "131 attacks"
    again = next(
        i
        for i in codequality(changed)
        if "The Washington Post" in i["description"] and i["location"]["lines"]["begin"] == 7
    )
    assert again["check_name"] == "factcheck/conflict" and "131 attacks" in again["description"]
    assert again["fingerprint"] == first[0]["fingerprint"]
    expected = hashlib.sha256(
        b"facts/ain-al-asad-2024.yaml::militia-attacks\x00seeds/002_1efb6e8095174500.txt"
    ).hexdigest()
    assert first[0]["fingerprint"] == expected


def test_passing_agree_silent_out_of_scope_earlier_and_waived_are_not_issues(sample):
    for fact in sample["facts"]:
        fact["outcome"], fact["warned"] = "passed", False
    sample["facts"][0]["findings"][0]["verdict"] = "earlier"
    issues = codequality(sample)
    # a conflict or a newer figure is still worth a look on a passing fact: as info
    assert {(i["check_name"], i["severity"]) for i in issues} == {
        ("factcheck/conflict", "info"),
        ("factcheck/newer", "info"),
    }


def test_an_expired_waiver_is_reported(sample):
    fact = next(f for f in sample["facts"] if f["id"] == "personnel-injured")
    fact["outcome"] = "failed"
    fact["findings"][3]["verdict"] = "conflict"  # the waiver ran out: the checker says conflict
    issue = next(i for i in codequality(sample) if i["location"]["lines"]["begin"] == 27)
    assert issue["check_name"] == "factcheck/conflict"
    assert issue["description"].endswith("; its waiver expired 2024-06-30")


def test_skipped_facts_report_nothing(sample):
    for fact in sample["facts"]:
        fact["outcome"] = "skipped"
    assert codequality(sample) == []


def test_hostile_text_stays_in_the_description_as_text():
    issues = codequality(load("findings-hostile.json"))
    evil = [i for i in issues if i["location"]["path"] == "facts/evil%:,.yaml"]
    assert len(evil) == 2
    assert evil[0]["description"].startswith("rate-100%:troops,2,500 next: hedged: <img src=x")
    assert all("\n" not in i["description"] and "\x1b" not in i["description"] for i in issues)
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    assert codequality(load("findings-hostile.json")) == issues


def test_a_consensus_fact_names_what_the_outlets_give_not_an_expected_figure(sample):
    fact = copy.deepcopy(next(f for f in sample["facts"] if f["id"] == "militia-attacks"))
    fact.pop("expect", None)
    fact["kind"] = "consensus"
    fact["groups"] = [
        {"figure": "140 attacks", "sources": ["a.txt", "b.txt", "c.txt"]},
        {"figure": "about 151 attacks", "sources": ["d.txt"]},
    ]
    doc = {**sample, "facts": [fact]}
    [first, *_] = codequality(doc)
    assert first["description"].endswith("; the outlets give 140 attacks (3 sources), about 151 attacks (1 source)")
    assert "expected" not in first["description"]
