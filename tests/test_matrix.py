"""The terminal matrix: what an editor reads at the end of ``pytest facts/``."""

from __future__ import annotations

import copy
import json
import re
import unicodedata
from pathlib import Path

import pytest

from pytest_factcheck.reports.matrix import MAX_COLUMNS, SYMBOLS, render_matrix, render_totals

DATA = Path(__file__).parent / "data"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


@pytest.fixture
def sample() -> dict:
    return load("findings-sample.json")


@pytest.fixture
def hostile() -> dict:
    return load("findings-hostile.json")


def columns(line: str) -> int:
    """Terminal columns a line takes (wide East Asian characters count two)."""
    plain = ANSI.sub("", line)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in plain)


def widen(doc: dict, n_sources: int, n_facts: int | None = None) -> dict:
    """The sample with its sources repeated to ``n_sources`` (and facts to ``n_facts``)."""
    doc = copy.deepcopy(doc)
    base = doc["sources"]
    sources = []
    for i in range(n_sources):
        s = dict(base[i % len(base)], path=f"seeds/{i:03d}.txt")
        sources.append(s)
    facts = []
    for k in range(n_facts or len(doc["facts"])):
        fact = copy.deepcopy(doc["facts"][k % len(doc["facts"])])
        if k >= len(doc["facts"]):
            fact["id"] = f"{fact['id']}-{k}"
            fact["nodeid"] = f"{fact['nodeid']}-{k}"
        old = fact["findings"]
        fact["findings"] = [dict(old[i % len(old)], source=s["path"]) for i, s in enumerate(sources)]
        facts.append(fact)
    doc["sources"], doc["facts"] = sources, facts
    return doc


def row(lines: list[str], fact_id: str) -> str:
    return next(line for line in lines if line.startswith(fact_id + " "))


def symbols(line: str) -> list[str]:
    return line.split()[2:]


#: The sample (tests/data/findings-sample.json) as an editor should see it, written out by
#: hand from its sources and findings, not from the renderer's output.
SAMPLE_DATES = ("2024-01-20", "no date", "2024-01-21", "2024-01-23", "2021-07-07")
SAMPLE_OUTLETS = (  # each outlet (or, when unknown, the file name) wrapped to its column
    ("The New", "York Times"),
    ("001_", "7b9bd131.."),  # 001_7b9bd131cf0f6ced.txt, broken after "_", never mid-word, cut with ".."
    ("Washington", "Post"),
    ("The New", "York Times"),
    ("Washington", "Times"),
)
SAMPLE_ROWS = (  # in the facts file's order (lines 7, 13, 20, 27, 34, then the next file); one symbol per source
    ("militia-attacks", "FAILED", "++~X."),
    ("us-troops-iraq", "passed", "++++."),
    ("us-injured-al-asad", "FAILED", "~~.>-"),
    ("personnel-injured", "passed", "++.w-"),
    ("us-troops-syria", "passed", "++.+."),
    ("gaza-injured", "WARNED", "..X.-"),
)


def test_sample_at_80_columns(sample):
    lines = render_matrix(sample)
    assert max(columns(line) for line in lines) <= 80
    assert lines[0] == "factcheck: 6 facts x 5 sources: 2 failed, 1 warned, 3 passed"
    assert lines[1] == ""
    outlets_1, outlets_2, dates = lines[2:5]
    assert dates.split()[0] == "fact"
    starts = [dates.index(date) for date in SAMPLE_DATES]
    assert starts == sorted(starts)
    assert [outlets_1[s : s + 10].strip() for s in starts] == [first for first, _ in SAMPLE_OUTLETS]
    assert [outlets_2[s : s + 10].strip() for s in starts] == [second for _, second in SAMPLE_OUTLETS]
    body = lines[5 : 5 + len(SAMPLE_ROWS)]
    for line, (fact_id, status, cells) in zip(body, SAMPLE_ROWS):
        assert line[: starts[0]].split() == [fact_id, status]
        assert "".join(line[s] for s in starts) == cells  # each symbol under its source's date
        assert line[starts[0] :].split() == list(cells)  # and nothing else on the row
    legend, totals = lines[5 + len(SAMPLE_ROWS) + 1], " ".join(lines[5 + len(SAMPLE_ROWS) + 2 :])
    assert lines[5 + len(SAMPLE_ROWS)] == ""
    # only the verdicts the sample shows, in the vocabulary's order ("earlier" is absent)
    assert legend == "+ agree  ~ hedged  X conflict  . silent  - out of scope  > newer  w waived"
    # 30 cells: agree 2+2+0+4+3+0, hedged 1+0+2, conflict 1+1, silent 1+1+1+1+2+3, ...
    want = "totals: 11 agree, 3 hedged, 2 conflict, 9 silent, 3 out of scope, 1 newer, 1 waived"
    assert " ".join(totals.split()) == want


def test_each_row_has_one_symbol_per_source_in_source_order(sample):
    lines = render_matrix(sample)
    assert symbols(row(lines, "militia-attacks")) == ["+", "+", "~", "X", "."]
    assert symbols(row(lines, "us-injured-al-asad")) == ["~", "~", ".", ">", "-"]
    assert symbols(row(lines, "personnel-injured")) == ["+", "+", ".", "w", "-"]
    assert row(lines, "militia-attacks").split()[1] == "FAILED"
    assert row(lines, "gaza-injured").split()[1] == "WARNED"
    assert row(lines, "us-troops-iraq").split()[1] == "passed"


def test_header_names_outlet_and_date_and_the_file_for_an_unknown_outlet(sample):
    text = "\n".join(render_matrix(sample, width=120))
    for piece in ("York Times", "Washington", "2024-01-20", "2024-01-23", "2021-07-07", "001_", "7b9bd131", "no date"):
        assert piece in text


def test_title_legend_and_totals(sample):
    lines = render_matrix(sample)
    assert lines[0] == "factcheck: 6 facts x 5 sources: 2 failed, 1 warned, 3 passed"
    text = "\n".join(lines)
    assert "X conflict" in text and "- out of scope" in text and "w waived" in text
    assert "< earlier" not in text  # the legend lists only the verdicts shown
    assert render_totals(sample) == (
        "totals: 11 agree, 3 hedged, 2 conflict, 9 silent, 3 out of scope, 1 newer, 1 waived"
    )


def test_failed_mode_shows_only_failed_and_warned_facts(sample):
    lines = render_matrix(sample, mode="failed")
    text = "\n".join(lines)
    for shown in ("militia-attacks", "us-injured-al-asad", "gaza-injured"):
        assert shown in text
    for hidden in ("us-troops-iraq", "us-troops-syria", "personnel-injured"):
        assert hidden not in text
    assert "showing the 3 facts that failed or warned" in text


def test_failed_mode_when_everything_passed(sample):
    for fact in sample["facts"]:
        fact["outcome"], fact["warned"] = "passed", False
    lines = render_matrix(sample, mode="failed")
    assert "no fact failed or warned" in lines
    assert lines[2].startswith("totals: 11 agree, 3 hedged")
    assert not any("militia-attacks" in line for line in lines)


@pytest.mark.parametrize("width", [20, 30, 40, 50, 60, 72, 80, 100, 132, 200])
@pytest.mark.parametrize("shape", [(5, None), (12, None), (40, 3), (200, 30), (6, 40)])
def test_no_line_is_wider_than_the_terminal(sample, width, shape):
    doc = widen(sample, *shape)
    for color in (False, True):
        for line in render_matrix(doc, width=width, color=color):
            assert columns(line) <= width, line


@pytest.mark.parametrize("width", [30, 60, 80, 120])
def test_hostile_text_never_reaches_the_terminal_raw(hostile, width):
    lines = render_matrix(hostile, width=width)
    text = "\n".join(lines)
    assert "\x1b" not in text and "\u202e" not in text and "\r" not in text
    assert all(columns(line) <= width for line in lines)
    # the id with a newline stays on its own row
    assert any(line.startswith("rate-100%:troops,2,500 next") or line.startswith("rate-100%") for line in lines)


def test_colour_only_when_asked(sample):
    plain = render_matrix(sample)
    coloured = render_matrix(sample, color=True)
    assert not any("\x1b[" in line for line in plain)
    assert any("\x1b[1;31mX\x1b[0m" in line for line in coloured)  # a red conflict
    assert [ANSI.sub("", line) for line in coloured] == plain


def test_many_sources_few_facts_turns_sources_into_rows(sample):
    doc = widen(sample, 30)
    doc["facts"] = doc["facts"][:3]
    lines = render_matrix(doc, width=80)
    named = re.compile(r"(The New York Times|The Washington|\d{3}\.txt) ")
    source_rows = [line for line in lines if named.match(line)]
    assert len(source_rows) == 30
    assert all(re.search(r"(\d{4}-\d\d-\d\d|no date) ", line) for line in source_rows)


def test_many_sources_many_facts_numbers_the_columns_and_keys_them(sample):
    doc = widen(sample, 30, 12)
    lines = render_matrix(doc, width=100)
    key = [line for line in lines if re.match(r"\s*\d+  (\d{4}-|no date)", line)]
    assert len(key) == 30
    assert key[11].split()[0] == "12"
    militia = row(lines, "militia-attacks")
    assert len(militia.split()) == 2 + 30  # fits one block at 100 columns
    assert set(militia.split()[2:]) <= set(SYMBOLS.values())


def test_narrow_terminal_wraps_columns_into_blocks(sample):
    doc = widen(sample, MAX_COLUMNS, 12)
    lines = render_matrix(doc, width=60)
    militia_rows = [line for line in lines if line.startswith("militia-attacks ")]
    assert len(militia_rows) > 1
    assert sum(len(line.split()) - 2 for line in militia_rows) == MAX_COLUMNS


def test_a_large_matrix_is_condensed_and_says_so(sample):
    doc = widen(sample, MAX_COLUMNS * 4, 12)
    lines = render_matrix(doc, width=100)
    text = "\n".join(lines)
    assert f"sources of {MAX_COLUMNS * 4} (those that state a figure)" in text
    assert "--factcheck-html" in text
    militia_rows = [line for line in lines if line.startswith("militia-attacks ")]
    shown = sum(len(line.split()) - 2 for line in militia_rows)
    assert 0 < shown <= MAX_COLUMNS
    assert max(len(line) for line in lines) <= 100


def test_a_skipped_fact_has_an_empty_row(sample):
    sample["facts"][0]["outcome"] = "skipped"
    sample["facts"][0]["findings"] = []
    line = row(render_matrix(sample), sample["facts"][0]["id"])
    assert line.split()[1:] == ["skip"]


def test_unknown_verdict_gets_a_question_mark(sample):
    sample["facts"][0]["findings"][0]["verdict"] = "disputed"
    lines = render_matrix(sample)
    assert symbols(row(lines, "militia-attacks"))[0] == "?"
    assert "? disputed" in "\n".join(lines)


def test_an_id_two_files_share_is_shown_with_its_file(sample):
    twin = copy.deepcopy(sample["facts"][0])
    twin["file"], twin["nodeid"] = "facts/as-of.yaml", "facts/as-of.yaml::militia-attacks"
    sample["facts"].append(twin)
    text = "\n".join(render_matrix(sample, width=100))
    assert "ain-al-asad-2024.yaml::militia-attacks" in text
    assert "as-of.yaml::militia-attacks" in text
    assert "gaza-injured " in text


def test_no_facts():
    assert render_matrix({"schema": "pytest-factcheck/1", "sources": [], "facts": []}) == ["factcheck: no facts ran"]


def compact(doc: dict) -> dict:
    """The document as the plugin holds it: each fact's findings a ``FindingsView`` over a
    compact entry (one verdict code per source, a finding only where a source states a figure)."""
    from pytest_factcheck.checking.verdicts import CODES
    from pytest_factcheck.reports.findings_json import QUIET, expand

    facts = []
    for fact in doc["facts"]:
        entry = {key: value for key, value in fact.items() if key != "findings"}
        entry["cells"] = "".join(CODES[f["verdict"]] for f in fact["findings"])
        entry["findings"] = {str(i): f for i, f in enumerate(fact["findings"]) if f["verdict"] not in QUIET}
        facts.append(expand(entry, doc["sources"]))
    return dict(doc, facts=facts)


@pytest.mark.parametrize("n_sources, n_facts", [(5, None), (400, 80)])
def test_a_compact_document_draws_the_same_matrix(sample: dict, n_sources: int, n_facts: int | None) -> None:
    doc = widen(sample, n_sources, n_facts)
    for mode in ("all", "failed"):
        assert render_matrix(compact(doc), width=120, mode=mode) == render_matrix(doc, width=120, mode=mode)
