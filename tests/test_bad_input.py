"""Bad input: one clear sentence at file:line:column, no traceback, and the other facts
are still checked."""

from __future__ import annotations

import json
import os
import stat

import pytest
from helpers import REPO, copy_demo, run_json, write_facts

GOOD = """\
sources:
  paths: [../seeds]
facts:
  - id: us-troops-syria
    expect: 900 troops
    context: [Syria]
"""

CASES = {
    "syntax": (
        "facts:\n  - id: a\n    expect: [140 attacks\n",
        r"facts/bad.yaml:4:1: YAML syntax error: *",
    ),
    "wrong-type": (
        "facts:\n  - id: a\n    expect: 140 attacks\n    tolerance: [1, 2]\n",
        "facts/bad.yaml:4:16: 'tolerance' must be a number like 2 or a percentage like \"5%\", not *",
    ),
    "missing-expect": (
        "facts:\n  - id: a\n    claim: Attacks\n",
        "facts/bad.yaml:2:5: the fact 'a' needs 'expect' (the figure the desk stands behind), or 'counts'*",
    ),
    "unknown-key": (
        "facts:\n  - id: a\n    expect: 140 attacks\n    contxt: [Iraq]\n",
        "facts/bad.yaml:4:5: unknown key 'contxt' in a fact (did you mean 'context'?)",
    ),
    "duplicate-id": (
        "facts:\n  - id: a\n    expect: 140 attacks\n  - id: a\n    expect: 150 attacks\n",
        "facts/bad.yaml:4:5: the id 'a' is already used by the fact on line 2",
    ),
    "no-figure": (
        "facts:\n  - id: a\n    expect: many attacks\n",
        "facts/bad.yaml:3:13: 'expect' holds no figure the reader can find: 'many attacks'",
    ),
    "missing-source-path": (
        "facts:\n  - id: a\n    expect: 140 attacks\n    sources: {paths: [../nowhere]}\n",
        "facts/bad.yaml:4:23: the source path '../nowhere' does not exist*",
    ),
    "file-sources-path": (
        "sources:\n  paths: [../nowhere]\nfacts:\n  - id: a\n    expect: 140 attacks\n",
        "facts/bad.yaml:2:11: the source path '../nowhere' does not exist*",
    ),
    "unsafe-tag": (
        "facts:\n  - id: a\n    expect: !!python/object/apply:os.system ['touch pwned']\n",
        "facts/bad.yaml:3:13: the tag !!python/object/apply:os.system is not allowed*",
    ),
    "bad-id": (
        "facts:\n  - id: Militia Attacks\n    expect: 140 attacks\n",
        "facts/bad.yaml:2:9: the id 'Militia Attacks' must be lower-case letters*",
    ),
    "no-facts": (
        "sources:\n  paths: [../seeds]\n",
        "facts/bad.yaml:1:1: the file has no 'facts' list",
    ),
    "waiver-without-reason": (
        "facts:\n  - id: a\n    expect: 140 attacks\n    waivers:\n      - outlet: The Washington Post\n",
        "facts/bad.yaml:5:9: a waiver needs a 'reason'*",
    ),
    "bad-window": (
        "facts:\n  - id: a\n    expect: 140 attacks\n    sources: {published: last week}\n",
        "facts/bad.yaml:4:26: 'published' must be a window like 2024-01-01..2024-12-31*",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_is_one_sentence_and_the_rest_still_runs(pytester: pytest.Pytester, case: str):
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a-good.yaml", GOOD)
    text, message = CASES[case]
    write_facts(pytester, "bad.yaml", text)
    result = pytester.runpytest("-p", "no:cacheprovider", "facts")
    result.stdout.fnmatch_lines([f"*{message}"])
    out = result.stdout.str()
    assert "Traceback" not in out and "raise " not in out
    assert result.ret == 1
    outcomes = result.parseoutcomes()
    assert outcomes.get("errors") == 1
    assert outcomes.get("passed") == 1  # the good fact was still checked
    assert not (pytester.path / "pwned").exists()


def test_a_bad_fact_does_not_hide_the_good_ones_in_its_file(pytester: pytest.Pytester):
    copy_demo(pytester, facts=False)
    write_facts(pytester, "mixed.yaml", GOOD + "  - id: broken\n    expect: 900 troops\n    contxt: [Syria]\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "-v")
    result.stdout.fnmatch_lines(["*facts/mixed.yaml:9:5: unknown key 'contxt' in a fact (did you mean 'context'?)"])
    result.assert_outcomes(passed=1, errors=1)


def test_a_bad_manifest_names_its_own_line(pytester: pytest.Pytester):
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD)
    manifest = pytester.path / "seeds" / "sources.yaml"
    manifest.write_text(manifest.read_text() + "latest.txt:\n  published: yesterday\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "facts")
    result.stdout.fnmatch_lines(["*seeds/sources.yaml:*: 'published' must be a date written YYYY-MM-DD*"])
    assert "Traceback" not in result.stdout.str()
    assert result.ret == 1


def test_undecodable_source_warns_and_is_still_read(pytester: pytest.Pytester):
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD)
    (pytester.path / "seeds" / "latin1.txt").write_bytes("Caf\xe9 news: 900 U.S. troops in Syria.\n".encode("latin-1"))
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "-W", "always")
    result.stdout.fnmatch_lines(["*seeds/latin1.txt is not valid UTF-8 (first bad byte on line 1)*"])
    result.assert_outcomes(passed=1)


def test_a_reader_failure_names_the_article_and_the_other_sources_are_still_checked(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
):
    """A bug in the figure reader on one article is a warning naming it, never a lost run."""
    from pytest_factcheck.sources import articles

    read = articles.read_sentences

    def fails_on_one(text: str):
        if "TRIGGER" in text:
            raise ValueError("could not convert string to float: '42 000'")
        return read(text)

    monkeypatch.setattr(articles, "read_sentences", fails_on_one)
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD)
    (pytester.path / "seeds" / "broken.txt").write_text("TRIGGER: 900 U.S. troops in Syria.\n", encoding="utf-8")
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider", "facts", "-W", "always")
    result.stdout.fnmatch_lines(
        ["*seeds/broken.txt was not read: the figure reader failed on it (ValueError: could not convert*"]
    )
    assert "Traceback" not in result.stdout.str()
    result.assert_outcomes(passed=1)


def test_python_tests_keep_pytest_s_own_rule_on_collection_errors(pytester: pytest.Pytester):
    """Only errors in facts files let the session go on; a broken test module still stops it."""
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD)
    pytester.makepyfile(test_broken="import nowhere_to_be_found\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "test_broken.py")
    result.stdout.fnmatch_lines(["*Interrupted: 1 error during collection*"])


# --------------------------------------------------------------------------- issue 10, input half

BAD_FACT = "facts:\n  - id: broken\n    expect: 140 attacks\n    as_of: 2025-02-30\n"


def test_impossible_dates_everywhere_lose_nothing(pytester: pytest.Pytester):
    """An impossible date in a fact, a waiver and the manifest: three sentences, and the
    good fact is still checked (it used to be INTERNALERROR and exit 3)."""
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD)
    write_facts(
        pytester,
        "b.yaml",
        "facts:\n  - id: waived\n    expect: 140 attacks\n    waivers:\n"
        "      - {outlet: The Washington Post, reason: r, until: 2025-13-01}\n",
    )
    manifest = pytester.path / "seeds" / "sources.yaml"
    manifest.write_text(manifest.read_text() + "zzz.txt:\n  published: 2025-09-31\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "facts")
    result.stdout.fnmatch_lines(
        [
            "*seeds/sources.yaml:*:14: 'published' is not a real date: 2025-09-31 (September 2025 has 30 days)",
            "*facts/b.yaml:5:57: 'until' is not a real date: 2025-13-01 (there is no month 13)",
        ]
    )
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()
    assert result.parseoutcomes() == {"passed": 1, "errors": 2}


def test_a_report_that_cannot_be_written_at_the_end_is_one_line_after_the_report(pytester: pytest.Pytester):
    """The path was fine at start-up, then became a folder: the failures, the matrix and
    the summary are still shown, then one line; no temporary file is left behind."""
    copy_demo(pytester)
    pytester.makeconftest(
        "import os, pytest\n"
        "@pytest.hookimpl(tryfirst=True)\n"
        "def pytest_sessionfinish(session):\n"
        "    os.makedirs('late.json', exist_ok=True)\n"
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "--factcheck-json", "late.json")
    out = result.stdout.str()
    assert "Traceback" not in out and "INTERNALERROR" not in out
    result.stdout.fnmatch_lines(
        [
            "*= FAILURES =*",
            "*- factcheck -*",
            "totals: *",
            "factcheck: the report --factcheck-json late.json could not be written: Is a directory",
            "*= short test summary info =*",
            "*failed*passed*",
        ]
    )
    assert result.ret == 1
    assert not list(pytester.path.glob(".*.tmp")) and not list(pytester.path.glob("late.json/*"))


def test_every_file_written_follows_the_umask(pytester: pytest.Pytester):
    copy_demo(pytester)
    old = os.umask(0o022)
    try:
        pytester.runpytest(
            "facts", "--factcheck-json", "f.json", "--factcheck-html", "f.html", "--factcheck-codequality", "cq.json"
        )
    finally:
        os.umask(old)
    written = [pytester.path / name for name in ("f.json", "f.html", "cq.json")]
    written += list((pytester.path / ".pytest_cache" / "factcheck").rglob("*.json"))
    assert len(written) > 3  # the readings cache too
    assert {oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {"0o644"}


def test_load_errors_are_in_every_report_and_none_is_green(pytester: pytest.Pytester, monkeypatch):
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD)
    write_facts(pytester, "bad.yaml", BAD_FACT)
    summary = pytester.path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result, doc = run_json(pytester, "facts", "--factcheck-html", "r.html", "--factcheck-codequality", "cq.json")
    sentence = "'as_of' is not a real date: 2025-02-30 (February 2025 has 28 days)"
    assert doc["errors"] == [{"file": "facts/bad.yaml", "line": 4, "column": 12, "message": sentence}]
    reference = (REPO / "docs" / "findings-json.md").read_text(encoding="utf-8")
    assert all(f"`{key}`" in reference for key in ["errors", *doc["errors"][0]])
    assert result.parseoutcomes() == {"passed": 1, "errors": 1}
    result.stdout.fnmatch_lines(
        [
            "factcheck: 1 fact x 5 sources: 1 passed, 1 load error",
            "not checked: 1 load error at facts/bad.yaml:4:12*",
            f"::error file=facts/bad.yaml,line=4,col=12,title=factcheck%3A not checked::{sentence}",
        ]
    )
    head = summary.read_text(encoding="utf-8").splitlines()[0]
    assert head == "## \u274c Fact check: 1 passed, 1 load error"
    page = (pytester.path / "r.html").read_text(encoding="utf-8")
    assert "<title>Fact check: 1 passed, 1 load error</title>" in page
    assert "<code>facts/bad.yaml:4:12</code> &#x27;as_of&#x27; is not a real date" in page
    issues = json.loads((pytester.path / "cq.json").read_text(encoding="utf-8"))
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("factcheck/load-error", "major", {"path": "facts/bad.yaml", "lines": {"begin": 4}})
    ]


def test_the_errors_are_the_same_under_xdist(pytester: pytest.Pytester):
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD + "  - id: dup\n    expect: 1 troop\n    expect: 2 troops\n")
    write_facts(pytester, "bad.yaml", BAD_FACT)
    manifest = pytester.path / "seeds" / "sources.yaml"
    manifest.write_text(manifest.read_text() + "zzz.txt:\n  outlet: [A]\n")
    _, plain = run_json(pytester, "facts")
    _, spread = run_json(pytester, "facts", "-n", "2")
    assert len(plain["errors"]) == 3
    assert spread == plain


def test_a_duplicate_key_drops_only_its_fact_and_it_is_named_by_its_id(pytester: pytest.Pytester):
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD + "  - id: dup\n    expect: 1 troop\n    expect: 2 troops\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "-rE")
    result.stdout.fnmatch_lines(["facts/a.yaml:9:5: the key 'expect' is given twice*", "ERROR facts/a.yaml::dup*"])
    assert result.parseoutcomes() == {"passed": 1, "errors": 1}


def test_a_hyphenated_tag_is_a_marker_minus_m_selects(pytester: pytest.Pytester):
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD + "    tags: [us-strikes]\n  - id: other\n    expect: 900 troops\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "--strict-markers", "-m", "us-strikes", "-v")
    result.stdout.fnmatch_lines(["facts/a.yaml::us-troops-syria PASSED*"])
    assert result.parseoutcomes() == {"passed": 1, "deselected": 1}


def test_a_facts_file_outside_the_facts_folders_gets_a_hint(pytester: pytest.Pytester):
    copy_demo(pytester)
    (pytester.path / "desk").mkdir()
    (pytester.path / "desk" / "new.yaml").write_text(
        "facts:\n  - id: x\n    expect: 900 troops\n    context: [Syria]\n"
    )
    result = pytester.runpytest("-p", "no:cacheprovider", "desk/new.yaml")
    result.stdout.fnmatch_lines(
        [
            "desk/new.yaml is not in a facts folder (factcheck_facts: facts), so it is not checked; "
            "move it into one, or add its folder: --factcheck-facts desk"
        ]
    )
    assert result.ret != 0
    fixed = pytester.runpytest("-p", "no:cacheprovider", "desk/new.yaml", "--factcheck-facts", "desk")
    fixed.assert_outcomes(passed=1)


def test_a_latin_1_article_reads_as_written(pytester: pytest.Pytester):
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD)
    (pytester.path / "seeds" / "latin1.txt").write_bytes("Caf\xe9 news: 900 U.S. troops in Syria.\n".encode("latin-1"))
    (pytester.path / "seeds" / "utf16.txt").write_bytes("Na\xefve news: 900 U.S. troops in Syria.\n".encode("utf-16"))
    _, doc = run_json(pytester, "facts", "-W", "always")
    sentences = {f["source"]: m["sentence"] for fact in doc["facts"] for f in fact["findings"] for m in f["mentions"]}
    assert sentences["seeds/latin1.txt"] == "Caf\xe9 news: 900 U.S. troops in Syria."
    assert sentences["seeds/utf16.txt"] == "Na\xefve news: 900 U.S. troops in Syria."


def test_an_article_warning_made_an_error_stops_in_one_sentence(pytester: pytest.Pytester):
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD)
    (pytester.path / "seeds" / "empty.txt").write_bytes(b"")
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "-W", "error::pytest_factcheck.FactcheckWarning")
    text = result.stdout.str() + result.stderr.str()
    assert "Traceback" not in text and "INTERNALERROR" not in text
    assert "seeds/empty.txt is empty: it states no figure (a warning, made an error by -W or filterwarnings)" in text
    assert result.ret == 1
