"""The editor's readings of issue 9's wild sentences, checked as ../shared/tools/check-cases does.

Three files: ``tests/reader_wild_probe.yaml`` (a second tester's sentences, one kind of fault
to a block, committed before any rule was changed for them), ``../shared/cases/wild-figures.yaml`` (handed to the project; it adds no cases when
the shared folder is absent from the checkout, and its rows are also in reader_cases.yaml) and ``tests/reader_wild_own.yaml`` (written before the rules were changed). A case is right
when every figure the editor reads is found (kind, value, interval, noun or role, unit,
denied) and no other live count appears.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from wild_cases import ours, right  # noqa: E402

OWN = ROOT / "tests" / "reader_wild_own.yaml"
#: Written by a tester who had not read the reader, committed before any fix (5d059ac, 108/136).
PROBE = ROOT / "tests" / "reader_wild_probe.yaml"
#: A third tester's, written after the first probe's fixes and before its own (24d43ef, 120/131).
PROBE2 = ROOT / "tests" / "reader_wild_probe2.yaml"
#: A fourth tester's, written after the third probe's fixes and before its own (854c8eb, 149/182).
PROBE3 = ROOT / "tests" / "reader_wild_probe3.yaml"
#: A fifth tester's, six new sentences for each kind of wild-figures.yaml, written after the
#: fourth probe's fixes and before its own (8ea5f7d, 246/261).
PROBE4 = ROOT / "tests" / "reader_wild_probe4.yaml"
SHARED = ROOT.parent / "shared" / "cases" / "wild-figures.yaml"


def _cases(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []


@pytest.mark.parametrize(
    "case",
    _cases(OWN) + _cases(PROBE) + _cases(PROBE2) + _cases(PROBE3) + _cases(PROBE4) + _cases(SHARED),
    ids=lambda case: case["text"][:60],
)
def test_wild_case_reads_as_the_editor_reads_it(case: dict) -> None:
    assert right(ours(case["text"]), case["expect"]), [
        (f.kind, f.value, f.low, f.high, f.noun, f.role, f.unit, f.denied) for f in ours(case["text"])
    ]


def test_the_check_fails_a_wrong_reading() -> None:
    """The check itself can fail: a misread value, a missing noun and an extra count are wrong."""
    want = [{"kind": "count", "value": 500000, "noun": "people"}]
    assert right(ours("half a million people"), want)
    assert not right(ours("a million people"), want)
    assert not right(ours("half a million"), want)
    assert not right(ours("half a million people and 3 dogs"), want)


def test_own_cases_cover_every_kind_with_two_or_more_sentences() -> None:
    text = OWN.read_text(encoding="utf-8")
    kinds = [line for line in text.splitlines() if line.startswith("# kind:")]
    assert len(kinds) >= 12
    blocks = text.split("# kind:")[1:]
    assert all(block.count("- text:") >= 2 for block in blocks)
