"""Malformed input, one row per case, each through a real pytest run: one sentence naming
file:line:column (or the option), no traceback, and every other fact still checked.

Kinds of row:

* ``fact``: a bad fact written after a good one in the same facts file (the bad fact's
  line is 9); both that good fact and the one in ``a-good.yaml`` are still checked, the
  bad fact is named by its id, and the JSON's ``errors`` lists the sentence;
* ``file``: a whole facts file that cannot be used; ``a-good.yaml`` is still checked;
* ``manifest``: lines added to ``seeds/sources.yaml``; the bad entry is left out and the
  facts still run;
* ``article``: a file in ``seeds/``: a warning that names it, and the facts still run;
* ``option``: a command line that cannot work: a usage error before the run.
"""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path

import pytest
from helpers import REPO, copy_demo, write_facts

from pytest_factcheck.common.yamlnodes import InputError
from pytest_factcheck.facts.loading import load_fact_file
from pytest_factcheck.sources.finding import read_manifest_checked

GOOD = """\
sources:
  paths: [../seeds]
facts:
  - id: us-troops-syria
    expect: 900 troops
    context: [Syria]
"""
#: A good fact, then the bad one: ``BAD_HEAD`` + the row's text puts the row on line 9.
BAD_HEAD = GOOD.replace("us-troops-syria", "us-troops-syria-2") + "  - id: bad\n    expect: 140 attacks\n"
W = "    waivers:\n      - outlet: The Washington Post\n        reason: accepted\n"

FACT_ROWS = {
    # dates: every date key, impossible or unreadable
    "as_of-month-13": (
        "    as_of: 2025-13-01\n",
        "9:12: 'as_of' is not a real date: 2025-13-01 (there is no month 13)",
    ),
    "as_of-feb-30": (
        "    as_of: 2025-02-30\n",
        "9:12: 'as_of' is not a real date: 2025-02-30 (February 2025 has 28 days)",
    ),
    "as_of-quoted": (
        '    as_of: "2024-02-30"\n',
        "9:12: 'as_of' is not a real date: 2024-02-30 (February 2024 has 29 days)",
    ),
    "as_of-words": ("    as_of: last week\n", "9:12: 'as_of' must be a date written YYYY-MM-DD, not 'last week'"),
    "as_of-year-0": ("    as_of: 0000-01-01\n", "9:12: 'as_of' is not a real date: 0000-01-01 (there is no year 0)"),
    "until-sep-31": (
        W + "        until: 2025-09-31\n",
        "12:16: 'until' is not a real date: 2025-09-31 (September 2025 has 30 days)",
    ),
    "until-number": (W + "        until: 20250901\n", "12:16: 'until' must be a date written YYYY-MM-DD, not 20250901"),
    "published-window-end": (
        "    sources: {published: 2024-01-01..2024-02-30}\n",
        "9:26: 'published' is not a real date: 2024-02-30 (February 2024 has 29 days)",
    ),
    "published-one-day": (
        "    sources: {published: 2023-02-29}\n",
        "9:26: 'published' is not a real date: 2023-02-29 (February 2023 has 28 days)",
    ),
    # YAML that only this fact gets wrong
    "duplicate-key": ("    expect: 150 attacks\n", "9:5: the key 'expect' is given twice in the same mapping"),
    "binary-tag": (
        "    claim: !!binary aGVsbG8=\n",
        "9:12: the tag !!binary is not allowed: facts files and manifests hold plain values only",
    ),
    "local-tag": ("    claim: !note hello\n", "9:12: the tag !note is not allowed*"),
    "python-tag": ("    claim: !!python/name:os.system\n", "9:12: the tag !!python/name:os.system is not allowed*"),
    "bool-tag": ("    hedged: !!bool maybe\n", "9:13: the value 'maybe' cannot be read as !!bool"),
    "int-tag": ("    min_sources: !!int two\n", "9:18: the value 'two' cannot be read as !!int"),
    "merge-key": ("    <<: {tolerance: 2}\n", "9:5: YAML merge keys (<<) are not supported in facts files"),
    "number-key": ("    1: one\n", "9:5: keys must be words, not 1"),
    "self-alias": ("    context: &c [*c]\n", "9:14: a YAML alias refers to the value that holds it"),
    # keys and values
    "tag-keyword": ("    tags: [and]\n", "9:12: the tag 'and' must be a word of letters, digits, '_' and '-'*"),
    "tag-space": ("    tags: [us strikes]\n", "9:12: the tag 'us strikes' must be a word*"),
    "negative-tolerance": ("    tolerance: -1\n", "9:16: 'tolerance' must be a number like 2 or a percentage*"),
    "min-sources-words": ("    min_sources: two\n", "9:18: 'min_sources' must be a whole number of sources*"),
    "hedged-choice": ("    hedged: maybe\n", "9:13: 'hedged' must be one of fail or pass, not 'maybe'"),
    "severity-choice": ("    severity: fatal\n", "9:15: 'severity' must be one of error or warning, not 'fatal'"),
    "trend-alone": ("    trend: rising\n", "9:12: 'trend' needs 'as_of', the date the desk's figure was true"),
    "unit-unknown": ("    unit: bananas\n", "9:11: 'unit' must be a unit of measure*"),
    "context-mapping": ("    context: [{a: 1}]\n", "9:15: 'context' must be a word or a list of words, not a mapping"),
    "exclude-empty": ("    exclude: ['']\n", "9:15: 'exclude' holds an empty entry"),
    "source-path-number": ("    sources: {paths: [1]}\n", "9:23: a source path must be text, not the number 1"),
    "waiver-both": (
        "    waivers:\n      - {outlet: X, source: y.txt, reason: r}\n",
        "10:9: a waiver names exactly one 'outlet' or one 'source'",
    ),
    "waiver-key": (
        W + "        untill: 2025-01-01\n",
        "12:9: unknown key 'untill' in a waiver (did you mean 'until'?)",
    ),
}

FILE_ROWS = {
    "expect-two-figures": (
        "facts:\n  - id: bad\n    expect: 140 attacks and 150 strikes\n",
        "3:13: 'expect' must hold one figure, but*",
    ),
    "file-window": (
        "sources:\n  published: 2024-13-01..\nfacts:\n  - id: bad\n    expect: 140 attacks\n",
        "2:14: 'published' is not a real date: 2024-13-01 (there is no month 13)",
    ),
    "defaults-date": (
        "defaults:\n  as_of: 2025-02-30\nfacts:\n  - id: bad\n    expect: 140 attacks\n",
        "2:10: 'as_of' is not a real date: 2025-02-30 (February 2025 has 28 days)",
    ),
    "top-level-tag": ("notes: !secret x\nfacts:\n  - id: bad\n    expect: 140 attacks\n", "1:8: the tag !secret*"),
    "top-level-duplicate": (
        "facts: []\nfacts:\n  - id: bad\n    expect: 140 attacks\n",
        "2:1: the key 'facts' is given twice in the same mapping",
    ),
    "facts-mapping": ("facts: {a: 1}\n", "1:8: 'facts' must be a non-empty list of facts"),
    "facts-empty": ("facts: []\n", "1:8: 'facts' must be a non-empty list of facts"),
    "a-list": ("- id: bad\n", "1:1: a facts file must be a mapping with a 'facts' list"),
    "fact-text": ("facts:\n  - just text\n", "2:5: each fact must be a mapping of keys to values, not 'just text'"),
    "no-id": ("facts:\n  - expect: 140 attacks\n", "2:5: this fact has no 'id'"),
    "top-level-typo": (
        "facs:\n  - id: bad\n",
        "1:1: unknown key 'facs' at the top of a facts file (did you mean 'facts'?)",
    ),
    "control-character": ("facts:\n  - id: bad\x00\n", "2:12: the file holds a character YAML does not allow: U+0000"),
    "tab-indent": ("facts:\n\t- id: bad\n", "2:1: YAML syntax error: *"),
}

MANIFEST_ROWS = {
    "published-sep-31": (
        "zzz.txt:\n  published: 2025-09-31\n",
        "2:14: 'published' is not a real date: 2025-09-31 (September 2025 has 30 days)",
    ),
    "published-month-13": (
        "zzz.txt:\n  published: 2025-13-01\n",
        "2:14: 'published' is not a real date: 2025-13-01 (there is no month 13)",
    ),
    "published-words": (
        "zzz.txt:\n  published: last week\n",
        "2:14: 'published' must be a date written YYYY-MM-DD, not 'last week'",
    ),
    "unknown-key": ("zzz.txt:\n  autor: Jane\n", "2:3: unknown key 'autor' for 'zzz.txt'; a manifest entry may have*"),
    "entry-text": ("zzz.txt: The Times\n", "1:10: the entry for 'zzz.txt' must be a mapping*"),
    "entry-duplicate-key": ("zzz.txt:\n  outlet: A\n  outlet: B\n", "3:3: the key 'outlet' is given twice*"),
    "entry-tag": ("zzz.txt:\n  url: !!binary aGk=\n", "2:8: the tag !!binary is not allowed*"),
    "outlet-list": ("zzz.txt:\n  outlet: [A, B]\n", "2:11: 'outlet' must be text"),
    "file-twice": ("zzz.txt:\n  outlet: A\nzzz.txt:\n  outlet: B\n", "3:1: the key 'zzz.txt' is given twice*"),
}

#: (file name, bytes, the warning's sentence after the path)
ARTICLE_ROWS = {
    "latin-1": (
        "latin1.txt",
        "Caf\xe9 news.\n".encode("latin-1"),
        "is not valid UTF-8 (first bad byte on line 1)*cp1252*",
    ),
    "cp1252-quotes": ("quotes.txt", b"\x93Quoted\x94 news.\n", "is not valid UTF-8 (first bad byte on line 1)*cp1252*"),
    "binary": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "is a binary file (it holds NUL bytes)*"),
    "empty": ("empty.txt", b"", "is empty: it states no figure"),
    "blank": ("blank.md", b"  \n\n\t\n", "is empty: it states no figure"),
}

#: (arguments, the usage error's sentence)
OPTION_ROWS = {
    "summary-ini": (["-o", "factcheck_summary=bogus"], "factcheck_summary must be off, failed or all, not 'bogus'*"),
    "fail-on-ini": (["-o", "factcheck_fail_on=never"], "factcheck_fail_on must be error or warning, not 'never'*"),
    "summary-flag": (["--factcheck-summary", "bogus"], "*--factcheck-summary: invalid choice: 'bogus'*"),
    "today-feb-30": (
        ["--factcheck-today", "2025-02-30"],
        "--factcheck-today is not a real date: 2025-02-30 (February 2025 has 28 days)",
    ),
    "today-words": (["--factcheck-today", "tomorrow"], "--factcheck-today must be a date written YYYY-MM-DD*"),
    "today-ini": (["-o", "factcheck_today=2025-13-01"], "--factcheck-today is not a real date: 2025-13-01*"),
    "json-folder": (["--factcheck-json", "."], "--factcheck-json .: the report path is a folder, not a file"),
    "html-proc": (["--factcheck-html", "/proc/x.html"], "--factcheck-html /proc/x.html: the report path cannot be*"),
    "codequality-under-file": (
        ["--factcheck-codequality", "facts/a-good.yaml/cq.json"],
        "--factcheck-codequality facts/a-good.yaml/cq.json: the report path cannot be made:*is a file, not a folder",
    ),
}


def _no_traceback(result: pytest.RunResult) -> None:
    text = result.stdout.str() + result.stderr.str()
    assert "Traceback" not in text and "INTERNALERROR" not in text, text


def _one_sentence(result: pytest.RunResult, place: str, message: str) -> None:
    """The sentence is printed once, on one line, in pytest's ERRORS section."""
    result.stdout.fnmatch_lines([f"{place}:{message}"])
    lines = [line for line in result.stdout.lines if line.startswith(f"{place}:")]
    assert len(lines) == 1, lines


def _run(pytester: pytest.Pytester, *args: str) -> tuple[pytest.RunResult, dict]:
    out = pytester.path / "findings.json"
    result = pytester.runpytest("-p", "no:cacheprovider", "--factcheck-json", str(out), *args, "facts")
    return result, json.loads(out.read_text(encoding="utf-8"))


def _error_place(doc: dict) -> list[str]:
    return [f"{e['file']}:{e['line']}:{e['column']}" for e in doc["errors"]]


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    copy_demo(pytester, facts=False)
    write_facts(pytester, "a-good.yaml", GOOD)
    return pytester


@pytest.mark.parametrize("row", sorted(FACT_ROWS))
def test_a_bad_fact_is_one_sentence_and_only_it_is_left_out(project: pytest.Pytester, row: str):
    text, message = FACT_ROWS[row]
    write_facts(project, "bad.yaml", BAD_HEAD + text)
    place, _, sentence = message.partition(": ")
    result, doc = _run(project)
    _one_sentence(result, f"facts/bad.yaml:{place}", " " + sentence)
    _no_traceback(result)
    result.stdout.fnmatch_lines(["ERROR facts/bad.yaml::bad*"])  # named by its id, not its line
    assert result.parseoutcomes() == {"passed": 2, "errors": 1}  # the good fact in its file too
    assert _error_place(doc) == [f"facts/bad.yaml:{place}"]
    assert result.ret == 1


@pytest.mark.parametrize("row", sorted(FILE_ROWS))
def test_a_bad_facts_file_is_one_sentence_and_the_others_run(project: pytest.Pytester, row: str):
    text, message = FILE_ROWS[row]
    write_facts(project, "bad.yaml", text)
    place, _, sentence = message.partition(": ")
    result, doc = _run(project)
    _one_sentence(result, f"facts/bad.yaml:{place}", " " + sentence)
    _no_traceback(result)
    assert result.parseoutcomes() == {"passed": 1, "errors": 1}
    assert _error_place(doc) == [f"facts/bad.yaml:{place}"]
    assert result.ret == 1


@pytest.mark.parametrize("row", sorted(MANIFEST_ROWS))
def test_a_bad_manifest_entry_is_one_sentence_and_skipped(project: pytest.Pytester, row: str):
    text, message = MANIFEST_ROWS[row]
    manifest = project.path / "seeds" / "sources.yaml"
    before = manifest.read_text(encoding="utf-8")
    manifest.write_text(before + text, encoding="utf-8")
    offset = before.count("\n")
    line, column, sentence = message.split(":", 2)
    place = f"seeds/sources.yaml:{int(line) + offset}:{column}"
    result, doc = _run(project)
    _one_sentence(result, place, sentence)
    _no_traceback(result)
    assert result.parseoutcomes() == {"passed": 1, "errors": 1}
    assert _error_place(doc) == [place]
    # the manifest's other entries still count: the demo's outlets are all still known
    assert [s["outlet"] for s in doc["sources"]].count("The New York Times") == 2
    assert result.ret == 1


@pytest.mark.parametrize("row", sorted(ARTICLE_ROWS))
def test_an_odd_article_is_one_warning_naming_it(project: pytest.Pytester, row: str):
    name, data, sentence = ARTICLE_ROWS[row]
    (project.path / "seeds" / name).write_bytes(data)
    result, doc = _run(project, "-W", "always")
    result.stdout.fnmatch_lines([f"  seeds/{name}:1: FactcheckWarning: seeds/{name} {sentence}"])
    assert "pytest_factcheck" not in result.stdout.str().split("warnings summary")[1].split("-- Docs")[0]
    _no_traceback(result)
    assert result.parseoutcomes() == {"passed": 1, "warnings": 1}
    assert doc["errors"] == []


@pytest.mark.parametrize("row", sorted(OPTION_ROWS))
def test_an_option_that_cannot_work_is_a_usage_error(project: pytest.Pytester, row: str):
    args, sentence = OPTION_ROWS[row]
    result = project.runpytest("-p", "no:cacheprovider", *args, "facts")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([sentence if sentence.startswith("*") else f"ERROR: {sentence}"])
    _no_traceback(result)
    assert "passed" not in result.stdout.str()  # refused before the run


def test_the_table_has_at_least_forty_rows():
    rows = FACT_ROWS | FILE_ROWS | MANIFEST_ROWS | ARTICLE_ROWS | OPTION_ROWS
    assert len(rows) == sum(map(len, (FACT_ROWS, FILE_ROWS, MANIFEST_ROWS, ARTICLE_ROWS, OPTION_ROWS)))
    assert len(rows) >= 40


def _documented_sentences() -> list[re.Pattern[str]]:
    reference = (REPO / "docs" / "facts-format.md").read_text(encoding="utf-8")
    section = reference.split("## Errors", 1)[1].split("\n## ", 1)[0]
    templates = re.findall(r"^\| `(.+?)` \|", section, re.M)
    return [re.compile(re.sub(r"<[^<>]+>", ".+", re.escape(t))) for t in templates]


def _sentences(tmp_path: Path) -> list[str]:
    """What the loaders say of every row of the table, read directly (no pytest run)."""
    (tmp_path / "facts").mkdir()
    (tmp_path / "seeds").mkdir()
    out = []
    for text in [BAD_HEAD + t for t, _ in FACT_ROWS.values()] + [t for t, _ in FILE_ROWS.values()]:
        path = tmp_path / "facts" / "bad.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            out += [e.message for e in load_fact_file(path, "facts/bad.yaml", (tmp_path / "seeds",)).errors]
        except InputError as err:
            out.append(err.message)
    for text, _ in MANIFEST_ROWS.values():
        path = tmp_path / "seeds" / "sources.yaml"
        path.write_text(text, encoding="utf-8")
        out += [e.message for e in read_manifest_checked(path, "seeds/sources.yaml")[1]]
    return out


def test_every_sentence_of_the_table_is_in_the_errors_reference(tmp_path: Path):
    patterns = _documented_sentences()
    sentences = _sentences(tmp_path)
    assert len(sentences) == len(FACT_ROWS) + len(FILE_ROWS) + len(MANIFEST_ROWS)
    missing = [s for s in sentences if not any(p.fullmatch(s) for p in patterns)]
    assert not missing, f"docs/facts-format.md, Errors, does not list: {missing}"


def _read_directly(tmp_path: Path, text: str):
    """The facts file read by the loader itself (no pytest run): its facts and the one
    error, raised or returned."""
    (tmp_path / "facts").mkdir(exist_ok=True)
    (tmp_path / "seeds").mkdir(exist_ok=True)
    path = tmp_path / "facts" / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        loaded = load_fact_file(path, "facts/bad.yaml", (tmp_path / "seeds",))
    except InputError as err:
        return (), [err]
    return loaded.facts, list(loaded.errors)


@pytest.mark.parametrize("row", sorted(FACT_ROWS))
def test_a_bad_fact_read_directly_is_its_place_and_sentence_and_the_good_fact_stays(tmp_path: Path, row: str):
    text, message = FACT_ROWS[row]
    facts, errors = _read_directly(tmp_path, BAD_HEAD + text)
    assert [f.id for f in facts] == ["us-troops-syria-2"]
    (error,) = errors
    assert error.path == "facts/bad.yaml" and error.subject == "bad"
    assert fnmatch.fnmatchcase(f"{error.line}:{error.column}: {error.message}", message)


@pytest.mark.parametrize("row", sorted(FILE_ROWS))
def test_a_bad_facts_file_read_directly_is_its_place_and_sentence(tmp_path: Path, row: str):
    text, message = FILE_ROWS[row]
    facts, errors = _read_directly(tmp_path, text)
    assert facts == ()
    (error,) = errors
    assert fnmatch.fnmatchcase(f"{error.line}:{error.column}: {error.message}", message)


def test_a_source_folder_in_a_link_loop_is_a_usage_error(project: pytest.Pytester):
    """It was an INTERNALERROR: pathlib raises RuntimeError for a loop before Python 3.13."""
    (project.path / "loop-a").symlink_to(project.path / "loop-b")
    (project.path / "loop-b").symlink_to(project.path / "loop-a")
    result = project.runpytest("-p", "no:cacheprovider", "--factcheck-sources", "loop-a", "facts")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["ERROR: --factcheck-sources loop-a: the path cannot be resolved (a symbolic link loop)"]
    )
    _no_traceback(result)
