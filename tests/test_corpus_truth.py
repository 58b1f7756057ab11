"""The plugin, run for real, gets every cell of a generated corpus right (issue 6).

benchmarks/make_corpus.py writes 300 articles and 60 facts with the verdict every
(fact, source) cell must get; a pytester run with ``--factcheck-json`` must reproduce all
18,000 of them. On a mismatch the message lists the wrong cells with the figures the plugin
took as being about the fact.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parent.parent / "benchmarks" / "make_corpus.py"
_SPEC = importlib.util.spec_from_file_location("make_corpus", _PATH)
mc = importlib.util.module_from_spec(_SPEC)
sys.modules["make_corpus"] = mc
_SPEC.loader.exec_module(mc)

ARTICLES, FACTS, SEED = 300, 60, 2024
SHOWN = 40


def _verdicts(findings: dict) -> dict[str, dict[str, tuple[str, list[tuple[str, str]]]]]:
    """nodeid -> source -> (verdict, the mentions' texts and sentences) from the findings JSON."""
    return {
        fact["nodeid"]: {
            f["source"]: (f["verdict"], [(m["text"], m["sentence"]) for m in f["mentions"]]) for f in fact["findings"]
        }
        for fact in findings["facts"]
    }


def _wrong_cells(truth: dict, got: dict) -> list[tuple[str, str, str, str, list[str]]]:
    wrong = []
    for key, row in sorted(truth.items()):
        for source, want in sorted(row.items()):
            verdict, mentions = got.get(key, {}).get(source, ("missing", []))
            if verdict != want:
                wrong.append((key, source, want, verdict, mentions))
    return wrong


def _sentences_about(article: Path, key: str) -> list[str]:
    """The article's sentences naming the fact's place and noun (both are in its id)."""
    place, noun = key.split("::")[1].split("-", 1)
    text = " ".join(article.read_text(encoding="utf-8").split())
    return [s.strip() + "." for s in text.split(". ") if noun.replace("-", " ") in s and place in s.lower()]


def _explain(wrong: list, cells: int, root: Path) -> str:
    kinds = Counter(f"{want} -> {got}" for _, _, want, got, _ in wrong)
    lines = [
        f"{len(wrong)} of {cells} cells differ from the generator's truth "
        f"({ARTICLES} articles x {FACTS} facts, seed {SEED}):",
        "  " + ", ".join(f"{k}: {n}" for k, n in kinds.most_common()),
        "",
    ]
    for key, source, want, got, mentions in wrong[:SHOWN]:
        lines.append(f"{key}  {source}  want {want}, got {got}")
        for text, sentence in mentions:
            lines.append(f"    took {text!r} in: {sentence}")
        if not mentions:
            lines += [f"    text: {s}" for s in _sentences_about(root / source, key)]
    if len(wrong) > SHOWN:
        lines.append(f"... and {len(wrong) - SHOWN} more")
    return "\n".join(lines)


@pytest.mark.parametrize("nouns", [None, 8], ids=["every-noun", "shared-nouns"])
def test_the_generators_truth_is_matched_in_every_cell(pytester: pytest.Pytester, nouns: int | None) -> None:
    """Also in issue 13's shared-noun scenario: every story counts the same 8 nouns and only
    its place tells its facts apart, which the candidate index must not blur."""
    summary = mc.make_corpus(pytester.path, articles=ARTICLES, facts=FACTS, seed=SEED, nouns=nouns)
    result = pytester.runpytest("-p", "no:cacheprovider", "--factcheck-json", "out.json")
    out = pytester.path / "out.json"
    if not out.is_file():
        pytest.fail("the plugin wrote no out.json; the run said:\n" + "\n".join(result.outlines[-40:]), pytrace=False)
    truth = json.loads((pytester.path / "truth.json").read_text(encoding="utf-8"))
    got = _verdicts(json.loads(out.read_text(encoding="utf-8")))
    assert summary["cells"] == ARTICLES * FACTS == sum(len(row) for row in truth.values())
    wrong = _wrong_cells(truth, got)
    if wrong:
        pytest.fail(_explain(wrong, summary["cells"], pytester.path), pytrace=False)
