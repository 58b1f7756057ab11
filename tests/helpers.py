"""Shared set-up for the pytester runs: a copy of the demo (seeds + facts) in a fresh folder."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
FACTS = REPO / "facts"
DEMO_EXTRAS = ("drafts", "pages")
DRAFT = "drafts/attacks.md"
PAGE = "pages/gulf-courier-2024-01-22.html"
SOURCE = {
    "000": "seeds/000_37bdb6ef2af15950.txt",
    "001": "seeds/001_7b9bd131cf0f6ced.txt",
    "002": "seeds/002_1efb6e8095174500.txt",
    "003": "seeds/003_455f14d27b3779dd.txt",
    "004": "seeds/004_205e801ed5c03a82.txt",
}


def copy_demo(pytester: pytest.Pytester, facts: bool = True, every_file: bool = False) -> Path:
    """The seeds (with their manifest) and the demo facts: the issue-2 file
    (facts/ain-al-asad-2024.yaml), or every demo facts file, or none."""
    shutil.copytree(SEEDS, pytester.path / "seeds")
    for extra in DEMO_EXTRAS:  # the desk's draft and a saved page, which militia-attacks reads too
        shutil.copytree(REPO / extra, pytester.path / extra)
    (pytester.path / "facts").mkdir()
    if facts:
        for path in sorted(FACTS.glob("*.yaml")):
            if every_file or path.name == "ain-al-asad-2024.yaml":
                shutil.copy(path, pytester.path / "facts" / path.name)
    return pytester.path


def write_facts(pytester: pytest.Pytester, name: str, text: str) -> Path:
    path = pytester.path / "facts" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run_json(pytester: pytest.Pytester, *args: str) -> tuple[pytest.RunResult, dict[str, Any]]:
    """Run pytest with --factcheck-json and return the run and the parsed document."""
    out = pytester.path / "findings.json"
    if out.exists():
        out.unlink()
    result = pytester.runpytest("-p", "no:cacheprovider", "--factcheck-json", str(out), *args)
    assert out.exists(), result.stdout.str()
    return result, json.loads(out.read_text(encoding="utf-8"))


def verdicts(doc: dict[str, Any], fact_id: str) -> dict[str, str]:
    """Source key ("000".."004") -> verdict, for one fact."""
    fact = next(f for f in doc["facts"] if f["id"] == fact_id)
    by_path = {f["source"]: f["verdict"] for f in fact["findings"]}
    return {key: by_path[path] for key, path in SOURCE.items()}


def fact_of(doc: dict[str, Any], fact_id: str) -> dict[str, Any]:
    return next(f for f in doc["facts"] if f["id"] == fact_id)
