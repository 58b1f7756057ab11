"""GitHub Actions: workflow-command annotations and the job summary."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from pytest_factcheck.reports.github import annotations, markdown_text, step_summary

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture
def sample() -> dict:
    return load("findings-sample.json")


HOSTILE = "findings-hostile.json"


def unescape(text: str) -> str:
    for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(code, char)
    return text


def parse(line: str) -> tuple[str, dict, str]:
    """A workflow command as the runner reads it: ``::name k=v,k=v::message``."""
    match = re.fullmatch(r"::(\w+)(?: ([^:]*))?::(.*)", line, re.S)
    assert match, line
    name, props, message = match.groups()
    properties = {}
    for pair in (props or "").split(","):
        if pair:
            key, value = pair.split("=", 1)
            properties[key] = unescape(value)
    return name, properties, unescape(message)


def many_failures(doc: dict, errors: int, warnings: int) -> dict:
    doc = copy.deepcopy(doc)
    template = next(f for f in doc["facts"] if f["id"] == "militia-attacks")
    facts = []
    for k in range(errors + warnings):
        fact = copy.deepcopy(template)
        fact["id"], fact["nodeid"], fact["line"] = f"fact-{k:02d}", f"facts/a.yaml::fact-{k:02d}", k + 1
        if k >= errors:
            fact["severity"], fact["outcome"], fact["warned"] = "warning", "passed", True
        facts.append(fact)
    doc["facts"] = facts
    return doc


def test_one_annotation_per_failed_or_warned_fact_on_its_yaml_line(sample):
    lines = annotations(sample)
    assert [parse(line)[0] for line in lines] == ["error", "error", "warning"]
    _name, props, message = parse(lines[0])
    assert props == {"file": "facts/ain-al-asad-2024.yaml", "line": "7", "title": "militia-attacks: 2 outlets differ"}
    assert message.splitlines() == [
        "Militia attacks on U.S. troops in Iraq and Syria since Oct. 7",
        "expected: 140 attacks",
        'hedged: The Washington Post (2024-01-21) says "more than 130 attacks" (seeds/002_1efb6e8095174500.txt:21)',
        'conflict: The New York Times (2024-01-23) says "about 151 such rocket and missile strikes" '
        "(seeds/003_455f14d27b3779dd.txt:4)",
    ]
    assert lines[0].startswith(
        "::error file=facts/ain-al-asad-2024.yaml,line=7,title=militia-attacks%3A 2 outlets differ::"
    )
    assert parse(lines[2])[1]["title"] == "gaza-injured: 1 outlet differs"
    assert "(no date)" in parse(lines[1])[2]  # the unknown outlet is named by its file


def test_every_annotation_is_one_line_and_escaped_as_github_requires():
    lines = annotations(load(HOSTILE))
    for line in lines:
        assert "\n" not in line and "\r" not in line
        _, props, _ = parse(line)
        for value in props.values():
            assert "::" not in value
    hostile_line = next(line for line in lines if "evil" in line)
    assert "file=facts/evil%25%3A%2C.yaml," in hostile_line
    assert "title=rate-100%25%3Atroops%2C2%2C500 next%3A 2 outlets differ::" in hostile_line
    _name, props, message = parse(hostile_line)
    assert props["file"] == "facts/evil%:,.yaml"
    assert props["title"] == "rate-100%:troops,2,500 next: 2 outlets differ"
    first, expected = message.splitlines()[:2]
    assert first.startswith("Troops: 2,500 (100%) second line </script>")
    assert expected == "expected: 2,500 troops <b>"


def test_the_cap_per_level_then_one_notice(sample):
    doc = many_failures(sample, errors=25, warnings=3)
    lines = annotations(doc)
    kinds = [parse(line)[0] for line in lines]
    assert kinds == ["error"] * 10 + ["warning"] * 3 + ["notice"]
    assert parse(lines[0])[1]["line"] == "1" and parse(lines[9])[1]["line"] == "10"
    assert parse(lines[-1])[2] == (
        "15 more facts failed or warned (15 errors), not annotated here: see them in the job summary."
    )
    lines = annotations(many_failures(sample, errors=12, warnings=14), limit=5)
    assert [parse(line)[0] for line in lines] == ["error"] * 5 + ["warning"] * 5 + ["notice"]
    assert "16 more facts failed or warned (7 errors, 9 warnings)" in parse(lines[-1])[2]
    assert [parse(line)[0] for line in annotations(doc, limit=0)] == ["notice"]


def test_nothing_to_annotate_when_everything_passed(sample):
    for fact in sample["facts"]:
        fact["outcome"], fact["warned"] = "passed", False
    assert annotations(sample) == []


def table_rows(markdown: str) -> list[str]:
    return [line for line in markdown.splitlines() if line.startswith("| ")]


def cells(row: str) -> int:
    """Cells of a GFM table row: pipes not escaped with a backslash."""
    return len(re.findall(r"(?<!\\)\|", row)) - 1


def test_summary_headline_matrix_and_evidence(sample):
    md = step_summary(sample)
    assert md.startswith("## \u274c Fact check: 2 failed, 1 warned, 3 passed\n")
    assert "6 facts checked against 5 sources." in md
    header = next(line for line in md.splitlines() if line.startswith("| Fact | Result |"))
    assert "The New York Times<br>2024\\-01\\-20" in header
    assert "001\\_7b9bd131cf0f6ced\\.txt<br>no date" in header
    militia = next(line for line in md.splitlines() if line.startswith("| **militia\\-attacks**"))
    assert militia.split(" | ")[1:] == ["\u274c failed", "\u2705", "\u2705", "\U0001f7e1", "\u274c", "\u2796 |"]
    assert md.count("<details>") == 6 and md.count("</details>") == 6
    # failing facts' evidence first
    order = re.findall(r"<summary>\S+ <b>([^<]+)</b>", md)
    assert order[:3] == ["militia-attacks", "us-injured-al-asad", "gaza-injured"]
    assert "<b>about 151 such rocket and missile strikes</b> directed at U\\.S\\. troops" in md
    assert "<code>seeds\\/003\\_455f14d27b3779dd\\.txt:4</code>" in md
    assert "Waiver (until 2024\\-06\\-30, by national desk)" in md


@pytest.mark.parametrize("name", ["findings-sample.json", HOSTILE])
def test_summary_tables_keep_their_shape(name):
    md = step_summary(load(name))
    rows = table_rows(md)
    assert rows
    matrix = [r for r in rows if r.startswith("| **") or r.startswith("| Fact |")]
    assert len({cells(r) for r in matrix}) == 1
    evidence = [r for r in rows if r not in matrix]
    assert {cells(r) for r in evidence} == {6}


def test_summary_escapes_article_markup():
    md = step_summary(load(HOSTILE))
    assert "<script" not in md and "<img" not in md and "</script" not in md
    assert "&lt;script&gt;document\\.title\\=\\'PWNED\\'" in md
    assert "\\@everyone" in md and "\\`rm \\-rf\\`" in md and "\\*\\*bold\\*\\*" in md
    assert "\\[x\\]\\(javascript\\:alert\\(1\\)\\)" in md
    assert "\x1b" not in md and "\u202e" not in md
    # the one HTML block with article text (<summary>) is entity-escaped, not backslashed
    assert "1 of 6 sources differ: &lt;script&gt;window.__pwned=1&lt;/script&gt;</summary>" in md


def test_markdown_text_is_plain_text():
    assert markdown_text("a|b <i>c</i> & d_e") == "a\\|b &lt;i&gt;c&lt;\\/i&gt; &amp; d\\_e"
    assert markdown_text("two\nlines\r\tand\x1b[31m") == "two lines and \\[31m"


def big(doc: dict, n_facts: int, n_sources: int) -> dict:
    doc = many_failures(doc, errors=n_facts, warnings=0)
    sources = [dict(doc["sources"][i % 5], path=f"seeds/{i:03d}.txt") for i in range(n_sources)]
    for fact in doc["facts"]:
        old = fact["findings"]
        fact["findings"] = [dict(old[i % 5], source=s["path"]) for i, s in enumerate(sources)]
    doc["sources"] = sources
    return doc


def test_summary_drops_evidence_before_rows_to_fit(sample):
    doc = big(sample, 60, 20)
    full = step_summary(doc)
    assert len(full.encode()) > 60_000  # the test needs a document that does not fit
    md = step_summary(doc, max_bytes=60_000)
    assert len(md.encode()) <= 60_000
    assert len([r for r in table_rows(md) if r.startswith("| **fact")]) == 60
    assert md.count("<details>") < 60
    assert md.count("<details>") == md.count("</details>")
    assert re.search(
        r"_Left out to stay under GitHub's summary size limit: "
        r"\d+ of 60 evidence sections\. The HTML and JSON reports have everything\._\n$",
        md,
    )


def test_summary_drops_rows_when_even_the_matrix_is_too_big(sample):
    doc = big(sample, 60, 20)
    md = step_summary(doc, max_bytes=6_000)
    assert len(md.encode()) <= 6_000
    kept = len([r for r in table_rows(md) if r.startswith("| **fact")])
    assert 0 < kept < 60
    assert "<details>" not in md
    assert f"{60 - kept} of 60 matrix rows and 60 of 60 evidence sections" in md


def test_default_cap_holds_for_a_large_newsroom(sample):
    doc = big(sample, 300, 100)
    md = step_summary(doc)
    assert len(md.encode()) <= 1024 * 1024 - 1024
    assert len([r for r in table_rows(md) if r.startswith("| **fact")]) == 300


def test_a_consensus_fact_says_what_the_outlets_give_not_what_was_expected(sample):
    """A consensus fact expects nothing: its annotation names the figures the outlets give."""
    doc = copy.deepcopy(sample)
    fact = next(f for f in doc["facts"] if f["id"] == "us-troops-syria")
    failing = next(f for f in doc["facts"] if f["id"] == "militia-attacks")
    fact["outcome"], fact["findings"] = "failed", failing["findings"]
    fact["groups"].append({"figure": "about 1,000", "sources": ["seeds/002_1efb6e8095174500.txt"]})
    (line,) = (line for line in annotations(doc) if "us-troops-syria" in line)
    second = parse(line)[2].splitlines()[1]
    assert second == "the outlets give 900 (3 sources), about 1,000 (1 source)"
    fact["groups"] = []
    (line,) = (line for line in annotations(doc) if "us-troops-syria" in line)
    assert parse(line)[2].splitlines()[1] == "no figure the outlets agree on"
