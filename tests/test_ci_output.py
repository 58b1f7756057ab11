"""Issue 10: output that reads well in a CI log, through pytest runs."""

from __future__ import annotations

import pytest
from helpers import copy_demo, write_facts


@pytest.mark.parametrize("xdist", [(), ("-n", "2")])
def test_under_ci_the_short_summary_is_one_line_per_failed_fact(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, xdist
):
    copy_demo(pytester)
    monkeypatch.setenv("CI", "true")
    result = pytester.runpytest("-p", "no:cacheprovider", "--factcheck-summary=off", *xdist, "facts")
    out = result.stdout.str()
    summary = out.split("short test summary info", 1)[1].splitlines()[1:]
    failed = [line for line in summary if line.startswith("FAILED")]
    assert len(failed) == result.parseoutcomes()["failed"] == 3, out
    assert summary[len(failed)].startswith("="), summary  # nothing between the FAILED lines
    expected = "FAILED facts/ain-al-asad-2024.yaml::militia-attacks - Our draft (drafts/attacks.md:12) says 151 attacks"
    assert any(line.startswith(expected) for line in failed), failed
    assert out.count("| Syria since Israel") == 1  # the evidence is printed once, in the failures section


def test_verbose_says_warned_and_the_reports_say_where_they_went(pytester: pytest.Pytester):
    copy_demo(pytester)
    write_facts(
        pytester,
        "warn.yaml",
        "facts:\n  - id: attacks-warn\n    expect: 140 attacks\n    counts: [attacks, strikes]\n"
        "    context: [U.S. troops, Iraq and Syria]\n    exclude: [drone]\n    severity: warning\n",
    )
    result = pytester.runpytest(
        "-p",
        "no:cacheprovider",
        "-v",
        "facts/warn.yaml",
        "--factcheck-html",
        "out/r.html",
        "--factcheck-json",
        "f.json",
    )
    result.stdout.fnmatch_lines(["facts/warn.yaml::attacks-warn WARNED*"])
    result.stdout.fnmatch_lines(
        ["factcheck: wrote the JSON findings to f.json", "factcheck: wrote the HTML report to out/r.html"]
    )
    result.assert_outcomes(passed=1, warnings=1)


def test_the_header_fits_80_columns(pytester: pytest.Pytester):
    copy_demo(pytester)
    result = pytester.runpytest("-p", "no:cacheprovider", "facts")
    lines = result.stdout.lines
    header = [line for line in lines[: lines.index("")] if line.startswith("factcheck: ")]
    assert any("7 sources in drafts, pages, seeds" in line for line in header), header
    assert max(len(line) for line in header) <= 80


def test_an_id_in_two_files_is_named_with_its_file(pytester: pytest.Pytester):
    copy_demo(pytester)
    text = (pytester.path / "facts" / "ain-al-asad-2024.yaml").read_text(encoding="utf-8")
    (pytester.path / "facts" / "copy.yaml").write_text(text, encoding="utf-8")
    result = pytester.runpytest("-p", "no:cacheprovider", "--factcheck-summary=off", "facts")
    out = result.stdout.str()
    assert " ain-al-asad-2024.yaml::militia-attacks _" in out and " copy.yaml::militia-attacks _" in out


def test_the_matrix_breaks_names_between_words():
    import re

    from pytest_factcheck.reports.matrix import render_matrix

    long_id = "militia-attacks-since-october-seventh-and-after-the-barrage"
    finding = {"source": "news/00.txt", "outlet": "The Washington Post", "published": "2024-01-21", "verdict": "agree"}
    fact = {"id": long_id, "nodeid": f"facts/a.yaml::{long_id}", "file": "facts/a.yaml", "line": 3}
    fact.update({"outcome": "passed", "findings": [finding], "expect": "140 attacks", "kind": "expected"})
    allowed = set(long_id.split("-")) | {"the", "washington", "post", "factcheck", "fact", "x", "sources", "source"}
    allowed |= {"passed", "agree", "totals"}
    for n_sources, width in ((3, 40), (3, 60), (25, 60), (25, 80)):
        sources = [
            {"path": f"news/{i:02d}.txt", "outlet": "The Washington Post", "published": "2024-01-21"}
            for i in range(n_sources)
        ]
        text = "\n".join(render_matrix({"sources": sources, "facts": [fact]}, width=width))
        words = set(re.findall(r"[a-z]+", text.lower()))
        assert words <= allowed, (words - allowed, text)  # no piece of a word ("at", "tacks", "sinc")
