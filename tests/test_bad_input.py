"""Bad input: one clear sentence at file:line:column, no traceback, and the other facts
are still checked."""

from __future__ import annotations

import pytest
from helpers import copy_demo, write_facts

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


def test_python_tests_keep_pytest_s_own_rule_on_collection_errors(pytester: pytest.Pytester):
    """Only errors in facts files let the session go on; a broken test module still stops it."""
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a.yaml", GOOD)
    pytester.makepyfile(test_broken="import nowhere_to_be_found\n")
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "test_broken.py")
    result.stdout.fnmatch_lines(["*Interrupted: 1 error during collection*"])
