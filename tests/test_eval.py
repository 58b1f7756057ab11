"""The labelled evaluation set (issue 4, point 7), scored cell by cell.

The plugin runs over ``tests/eval/facts`` and the demo seeds in a ``pytester`` directory.
Its verdict for every (fact, source) cell and its outcome for every fact are compared with
the editors' labels in ``tests/eval/expected.yaml``. The test prints an accuracy report and
asserts 100%. When it fails, the message lists every wrong cell with the label's reason.
The labels came first (see tests/eval/README.md): tune the checker, not the labels.
"""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

HERE = Path(__file__).resolve().parent
EVAL = HERE / "eval"
SEEDS = HERE.parent / "seeds"
FACTS_DIR = "tests/eval/facts"  # same place inside the pytester dir, so ../../../seeds still holds
VERDICTS = ("agree", "hedged", "conflict", "silent", "out_of_scope")


def _load_expected() -> dict:
    return yaml.safe_load((EVAL / "expected.yaml").read_text(encoding="utf-8"))


def _run_plugin(pytester: pytest.Pytester) -> tuple[dict, pytest.RunResult]:
    shutil.copytree(EVAL / "facts", pytester.path / FACTS_DIR)
    shutil.copytree(SEEDS, pytester.path / "seeds")  # the articles and their manifest, sources.yaml
    pytester.makeini(f"[pytest]\nfactcheck_facts = {FACTS_DIR}\n")
    result = pytester.runpytest(FACTS_DIR, "--factcheck-json", "out.json", "-p", "no:cacheprovider")
    out = pytester.path / "out.json"
    if not out.is_file():
        pytest.fail("the plugin wrote no out.json; the run said:\n" + "\n".join(result.outlines[-40:]), pytrace=False)
    return json.loads(out.read_text(encoding="utf-8")), result


def _actual_cells(report: dict) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """{"<facts file name>::<id>": {source file name: verdict}} and {key: outcome}."""
    cells: dict[str, dict[str, str]] = {}
    outcomes: dict[str, str] = {}
    for fact in report.get("facts", []):
        key = f"{Path(fact['file']).name}::{fact['id']}"
        outcomes[key] = fact.get("outcome")
        cells[key] = {Path(f["source"]).name: f.get("verdict") for f in fact.get("findings", [])}
    return cells, outcomes


def _score(expected: dict, cells: dict, outcomes: dict) -> tuple[list[str], list[str], Counter, int]:
    """Wrong cells and wrong outcomes, as readable lines, plus a confusion count."""
    wrong_cells: list[str] = []
    wrong_outcomes: list[str] = []
    confusion: Counter = Counter()
    total = 0
    for key, label in expected["facts"].items():
        got_fact = cells.get(key)
        for source in expected["sources"]:
            total += 1
            want = label["cells"][source]
            got = None if got_fact is None else got_fact.get(source)
            confusion[(want["verdict"], got or "missing")] += 1
            if got != want["verdict"]:
                why = want.get("why", "")
                wrong_cells.append(
                    f"  {key} @ {source[:3]}: expected {want['verdict']}, got {got or 'nothing'}"
                    + (f"  [{why}]" if why else "")
                )
        got_outcome = outcomes.get(key)
        if got_outcome != label["outcome"]:
            wrong_outcomes.append(f"  {key}: expected {label['outcome']}, got {got_outcome or 'nothing'}")
    for key in sorted(set(cells) - set(expected["facts"])):
        wrong_outcomes.append(f"  {key}: ran but has no labels in expected.yaml")
    return wrong_cells, wrong_outcomes, confusion, total


def _confusion_table(confusion: Counter) -> str:
    columns = (*VERDICTS, "missing")
    head = "expected \\ got".ljust(16) + "".join(c[:8].rjust(9) for c in columns)
    rows = [head]
    for want in VERDICTS:
        rows.append(want.ljust(16) + "".join(str(confusion.get((want, got), 0)).rjust(9) for got in columns))
    return "\n".join(rows)


def test_eval_set_matches_the_editors_labels(pytester: pytest.Pytester) -> None:
    expected = _load_expected()
    report, _ = _run_plugin(pytester)
    cells, outcomes = _actual_cells(report)
    wrong_cells, wrong_outcomes, confusion, total = _score(expected, cells, outcomes)

    right = total - len(wrong_cells)
    n_facts = len(expected["facts"])
    lines = [
        f"eval set: {right}/{total} cells right ({100 * right / total:.1f}%), "
        f"{n_facts - len(wrong_outcomes)}/{n_facts} fact outcomes right",
        _confusion_table(confusion),
    ]
    if wrong_cells:
        lines += [
            f"{len(wrong_cells)} wrong cell(s) (fact @ source: expected vs got  [the label's why]):",
            *wrong_cells,
        ]
    if wrong_outcomes:
        lines += [f"{len(wrong_outcomes)} wrong fact outcome(s):", *wrong_outcomes]
    text = "\n".join(lines)
    print(text)
    assert not wrong_cells and not wrong_outcomes, text


def test_labels_cover_every_fact_and_source() -> None:
    """The labels themselves are complete: every fact in the set, every seed, a known verdict."""
    expected = _load_expected()
    seeds = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert sorted(expected["sources"]) == seeds
    keys = []
    for path in sorted((EVAL / "facts").glob("*.yaml")):
        for fact in yaml.safe_load(path.read_text(encoding="utf-8"))["facts"]:
            keys.append(f"{path.name}::{fact['id']}")
    assert len(keys) == len(set(keys))
    assert sorted(keys) == sorted(expected["facts"])
    for key, label in expected["facts"].items():
        assert label["outcome"] in ("passed", "failed"), key
        assert sorted(label["cells"]) == seeds, key
        for source, cell in label["cells"].items():
            assert cell["verdict"] in VERDICTS, (key, source)
            if cell["verdict"] in ("agree", "hedged", "conflict"):
                assert cell.get("why"), f"{key} @ {source}: a {cell['verdict']} cell needs a why"
