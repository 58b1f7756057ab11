"""Issue 5 through real pytest runs: every place an editor looks gets the same findings."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from helpers import copy_demo, write_facts


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "facts", *args)


def test_summary_all_failed_and_off(demo):
    everything = run(demo).stdout.str()
    assert "- factcheck -" in everything
    matrix = everything.split("- factcheck -")[1]
    assert "us-troops-syria" in matrix and "militia-attacks" in matrix
    failed = run(demo, "--factcheck-summary=failed").stdout.str().split("- factcheck -")[1]
    assert "militia-attacks" in failed and "us-troops-syria" not in failed
    assert "- factcheck -" not in run(demo, "--factcheck-summary=off").stdout.str()


def test_summary_ini_and_totals(demo):
    demo.makeini("[pytest]\nfactcheck_summary = failed\n")
    out = run(demo).stdout.str().split("- factcheck -")[1]
    assert "us-troops-syria" not in out
    assert "totals:" in out


def test_summary_fits_the_terminal_and_has_no_colour_in_a_log(demo):
    out = run(demo).stdout.str().split("- factcheck -")[1].split("short test summary")[0]
    assert "\x1b[" not in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_html_report_is_written_and_escaped(demo):
    article = demo.path / "seeds" / "005_hostile.txt"
    article.write_text(
        '<script>document.title="pwned"</script> There are 900 <img src=x onerror=alert(1)> U.S. troops in Syria.\n',
        encoding="utf-8",
    )
    run(demo, "--factcheck-html", "out/report.html")
    html = (demo.path / "out" / "report.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html
    assert "<script>document.title" not in html and "<img src=x" not in html

    class Scripts(HTMLParser):
        count = 0

        def handle_starttag(self, tag, attrs):
            if tag == "script":
                self.count += 1
            assert tag != "img"

    parser = Scripts()
    parser.feed(html)
    assert parser.count == 2  # the data block and the report's own script, nothing else


def test_codequality_is_written(demo):
    run(demo, "--factcheck-codequality", "cq.json")
    issues = json.loads((demo.path / "cq.json").read_text())
    assert issues, "the demo's failures should be Code Quality issues"
    for issue in issues:
        assert issue["location"]["path"] == "facts/ain-al-asad-2024.yaml"
        assert issue["location"]["lines"]["begin"] >= 1
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    militia = [i for i in issues if "militia-attacks" in i["description"]]
    assert militia and all(i["location"]["lines"]["begin"] == 7 for i in militia)


def test_github_annotations_and_job_summary(demo, monkeypatch):
    summary = demo.path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = run(demo)
    lines = [l for l in result.outlines if l.startswith("::")]
    assert len(lines) == 4  # three facts, and the draft that fails militia-attacks on its own line
    militia = next(l for l in lines if "militia-attacks" in l)
    assert militia.startswith(
        "::error file=facts/ain-al-asad-2024.yaml,line=7,title=militia-attacks%3A our draft differs; 2 outlets differ::"
    )
    draft = next(l for l in lines if l.startswith("::error file=drafts/attacks.md,"))
    assert draft.startswith("::error file=drafts/attacks.md,line=12,title=militia-attacks%3A our draft differs::")
    assert "Our draft says 151 attacks; the desk stands behind 140 attacks" in draft
    assert "%0A" in militia and "\n" not in militia
    assert "The Washington Post" in militia and "more than 130" in militia
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n")  # appended, never overwritten
    assert "<details>" in text and "militia" in text


def test_github_annotations_are_capped(pytester: pytest.Pytester, monkeypatch):
    copy_demo(pytester, facts=False)
    facts = "".join(f"  - id: wrong-{i:02d}\n    expect: {i + 1} troops\n    context: [Syria]\n" for i in range(14))
    write_facts(pytester, "many.yaml", "sources: {paths: [../seeds]}\nfacts:\n" + facts)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run(pytester)
    errors = [l for l in result.outlines if l.startswith("::error")]
    notices = [l for l in result.outlines if l.startswith("::notice")]
    assert len(errors) == 10
    assert len(notices) == 1 and "4 more" in notices[0]


def test_escaping_survives_commas_and_colons_in_titles(pytester: pytest.Pytester, monkeypatch):
    copy_demo(pytester, facts=False)
    write_facts(
        pytester,
        "t.yaml",
        "sources: {paths: [../seeds]}\nfacts:\n"
        "  - id: us-troops-iraq\n    claim: 'Troops: 2,500 or 100%?'\n    expect: 2,400 troops\n"
        "    context: [Iraq]\n    exclude: [injured]\n",
    )
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    result = run(pytester)
    line = next(l for l in result.outlines if l.startswith("::error"))
    properties, message = line[len("::error ") :].split("::", 1)
    assert "," not in properties.split("title=")[1]
    assert "Troops: 2,500 or 100%25?" in message


def test_no_annotations_outside_github(demo, monkeypatch):
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    result = run(demo)
    assert not [l for l in result.outlines if l.startswith("::")]


def test_reports_are_identical_under_xdist(demo, monkeypatch):
    outputs = []
    for args in ([], ["-n", "2"]):
        summary = demo.path / f"summary{len(outputs)}.md"
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
        run(demo, "--factcheck-html", "r.html", "--factcheck-codequality", "cq.json", *args)
        outputs.append(((demo.path / "r.html").read_text(), (demo.path / "cq.json").read_text(), summary.read_text()))
    assert outputs[0] == outputs[1]


def test_summary_printed_only_once_under_xdist(demo):
    out = run(demo, "-n", "2").stdout.str()
    assert out.count("- factcheck -") == 1
