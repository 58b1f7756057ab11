"""Issue 10: a hostile article (one endless line of figures) gives bounded output, through
pytest runs. Sizes are compared within one test, never timed."""

from __future__ import annotations

import json

import pytest
from helpers import run_json
from test_desk_rules import facts

CHUNK = "officials said 140 attacks in Riverton had been counted and about 151 attacks in Riverton since October, "
FACT = "facts:\n  - id: attacks\n    expect: 140 attacks\n    context: [Riverton]\n"


def endless(pytester: pytest.Pytester, repeats: int) -> None:
    folder = pytester.path / "news"
    folder.mkdir(exist_ok=True)
    (folder / "big.txt").write_text(CHUNK * repeats, encoding="utf-8")
    (folder / "quiet.txt").write_text("Nothing happened in Riverton today.\n", encoding="utf-8")
    pytester.makeini("[pytest]\nfactcheck_sources = news\n")
    facts(pytester, FACT)


def test_mentions_are_capped_and_cut_to_a_window(pytester: pytest.Pytester):
    endless(pytester, 400)
    _, doc = run_json(pytester, "facts")
    finding = next(f for f in doc["facts"][0]["findings"] if f["source"].endswith("big.txt"))
    assert finding["verdict"] == "conflict"
    assert len(finding["mentions"]) == 50
    assert finding["mentions_left_out"] == 800 - 50  # two figures a chunk, all counted
    assert {m["verdict"] for m in finding["mentions"]} == {"conflict"}  # the worst are kept first
    for m in finding["mentions"]:
        assert len(m["sentence"]) <= 2 * 160 + len(m["text"]) + 2
        assert m["sentence"][m["start"] : m["end"]] == m["text"]


def test_json_size_does_not_grow_with_the_article(pytester: pytest.Pytester):
    endless(pytester, 200)
    run_json(pytester, "facts")
    small = (pytester.path / "findings.json").stat().st_size
    endless(pytester, 2000)
    run_json(pytester, "facts")
    large = (pytester.path / "findings.json").stat().st_size
    assert large < small * 1.2  # ten times the article, about the same JSON


@pytest.mark.parametrize("xdist", [(), ("-n", "2")])
def test_json_silent_omit_leaves_out_silent_findings(pytester: pytest.Pytester, xdist):
    endless(pytester, 2)
    _, kept = run_json(pytester, "facts", *xdist)
    _, omitted = run_json(pytester, "facts", "--factcheck-json-silent", "omit", *xdist)
    assert [f["verdict"] for f in kept["facts"][0]["findings"]] == ["conflict", "silent"]
    assert [f["verdict"] for f in omitted["facts"][0]["findings"]] == ["conflict"]
    assert omitted["sources"] == kept["sources"]
    assert omitted["facts"][0]["summary"] == kept["facts"][0]["summary"]
    pytester.makeini("[pytest]\nfactcheck_sources = news\nfactcheck_json_silent = omit\n")
    _, by_ini = run_json(pytester, "facts", *xdist)
    assert json.dumps(by_ini) == json.dumps(omitted)
