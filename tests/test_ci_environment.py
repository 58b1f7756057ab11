"""The suite's own isolation from the CI it runs in (tests/conftest.py clears the CI
variables for every test), and one run that sets them all on purpose."""

from __future__ import annotations

import os

import pytest
from conftest import CI_VARIABLES


def test_every_test_starts_without_the_ci_variables():
    assert [name for name in CI_VARIABLES if name in os.environ] == []


def test_a_run_on_github_actions_annotates_and_writes_the_job_summary(demo: pytest.Pytester, monkeypatch):
    summary = demo.path / "summary.md"
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITLAB_CI", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = demo.runpytest("facts", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=4, failed=3)
    errors = [line for line in result.outlines if line.startswith("::error ")]
    on_facts = [line for line in errors if "file=facts/ain-al-asad-2024.yaml" in line]
    on_drafts = [line for line in errors if "file=drafts/attacks.md" in line]
    assert len(on_facts) == 3  # one per failed fact, on its YAML line
    assert len(on_drafts) == 1 and "line=12" in on_drafts[0]  # and one on our stale draft's line
    assert len(errors) == 4
    assert "militia-attacks" in summary.read_text(encoding="utf-8")
    assert "reading sources" not in result.stdout.str()  # no progress line in a CI log
