"""Issue 10: the HTML evidence panel says what the terminal says, through pytest runs."""

from __future__ import annotations

from fnmatch import fnmatch
from pathlib import Path

import pytest
import tomllib
from helpers import REPO, copy_demo
from test_html_report import Page


def test_the_panel_gives_the_terminal_s_reason(pytester: pytest.Pytester):
    copy_demo(pytester, every_file=True)
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "--factcheck-html", "r.html")
    terminal = " ".join(result.stdout.str().split())
    data = Page((pytester.path / "r.html").read_text(encoding="utf-8")).data()
    reasons = [m[7] for f in data["facts"] for ev in f["ev"].values() for m in ev.get("m", []) if len(m) > 7]
    assert "read as 144 to 158, which rules out 140 attacks" in reasons
    shown = [r for r in reasons if "rules out" in r or "does not state it" in r]
    assert shown and all(r in terminal for r in shown)  # each is the terminal's own sentence
    consensus = next(f for f in data["facts"] if f["consensus"])
    assert not any(f["consensus"] for f in data["facts"] if f["id"] == "militia-attacks")
    for verdict in data["verdicts"]:
        assert "expected" not in verdict["aboutc"]
    assert consensus["expect"].startswith("consensus")


def test_a_waived_fact_s_summary_says_it_differs(pytester: pytest.Pytester):
    from pytest_factcheck.reports.findings_json import summary

    assert summary("+w.") == "1 of 3 sources agree; 1 differs, waived by an editor"
    assert summary("+..") == "1 of 3 sources agree, none differs"


def test_the_report_s_script_and_style_ship_with_the_package():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    globs = config["tool"]["setuptools"]["package-data"]["pytest_factcheck"]
    package = REPO / "pytest_factcheck"
    data_files = [p.relative_to(package).as_posix() for p in package.rglob("*") if p.suffix in (".js", ".css")]
    assert {"reports/report.js", "reports/report.css"} <= set(data_files)
    assert all(any(fnmatch(name, g) for g in globs) for name in data_files)


def test_the_csp_allows_the_package_files_by_hash():
    from test_html_report import load, sha256

    from pytest_factcheck.reports.html import render_html

    page = Page(render_html(load("findings-sample.json")))
    folder = Path(REPO / "pytest_factcheck" / "reports")
    assert page.csp()["script-src"] == [sha256((folder / "report.js").read_text(encoding="utf-8"))]
    assert page.csp()["style-src"] == [sha256((folder / "report.css").read_text(encoding="utf-8"))]


def test_an_id_in_two_files_is_named_with_its_file_in_every_report(pytester: pytest.Pytester, monkeypatch):
    copy_demo(pytester)
    text = (pytester.path / "facts" / "ain-al-asad-2024.yaml").read_text(encoding="utf-8")
    (pytester.path / "facts" / "copy.yaml").write_text(text, encoding="utf-8")
    summary = pytester.path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "--factcheck-html", "r.html")
    out = result.stdout.str()
    assert "title=copy.yaml%3A%3Amilitia-attacks%3A " in out  # ":" is escaped in a property
    assert "title=ain-al-asad-2024.yaml%3A%3Amilitia-attacks%3A " in out
    job = summary.read_text(encoding="utf-8")
    assert "<b>copy.yaml::militia-attacks</b>" in job
    labels = {f["label"] for f in Page((pytester.path / "r.html").read_text(encoding="utf-8")).data()["facts"]}
    assert {"copy.yaml::militia-attacks", "ain-al-asad-2024.yaml::militia-attacks"} <= labels
