"""Determinism across processes: every output is byte-for-byte the same under different
PYTHONHASHSEED values. Two calls in one interpreter share one hash seed, so they cannot see
an order that comes from iterating a set or a dict of strings; separate processes can."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from helpers import REPO, copy_demo

SEEDS = ("1", "2", "3")

#: Renders every report from the hostile findings, reads the reader's test cases, and
#: builds a small scale corpus; prints one digest per output.
OUTPUTS = textwrap.dedent(
    """\
    import hashlib, importlib.util, json, sys, tempfile
    from pathlib import Path
    import yaml
    from pytest_factcheck import read_figures, read_sentences
    from pytest_factcheck.reports.codequality import codequality
    from pytest_factcheck.reports.github import annotations, step_summary
    from pytest_factcheck.reports.html import render_html
    from pytest_factcheck.reports.matrix import render_matrix

    repo = Path(sys.argv[1])
    hostile = json.loads((repo / "tests/data/findings-hostile.json").read_text(encoding="utf-8"))
    outputs = {
        "matrix": "\\n".join(render_matrix(hostile, width=80, color=True)),
        "html": render_html(hostile),
        "summary": step_summary(hostile),
        "annotations": "\\n".join(annotations(hostile)),
        "codequality": json.dumps(codequality(hostile)),
    }
    cases = yaml.safe_load((repo / "tests/reader_cases.yaml").read_text(encoding="utf-8"))
    outputs["figures"] = repr([read_figures(c["text"]) for c in cases])
    outputs["sentences"] = repr([read_sentences(c["text"]) for c in cases])
    spec = importlib.util.spec_from_file_location("make_corpus", repo / "benchmarks/make_corpus.py")
    mc = importlib.util.module_from_spec(spec)
    sys.modules["make_corpus"] = mc
    spec.loader.exec_module(mc)
    with tempfile.TemporaryDirectory() as folder:
        mc.make_corpus(Path(folder), articles=40, facts=60, seed=11)
        files = sorted(p for p in Path(folder).rglob("*") if p.is_file())
        outputs["corpus"] = "".join(f"{p.relative_to(folder)}:{hashlib.sha256(p.read_bytes()).hexdigest()}\\n" for p in files)
    for name, text in outputs.items():
        print(name, hashlib.sha256(text.encode("utf-8")).hexdigest(), len(text))
    """
)


def _env(seed: str) -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": seed}


def test_reports_reader_and_corpus_are_the_same_under_every_hash_seed(tmp_path: Path):
    script = tmp_path / "outputs.py"
    script.write_text(OUTPUTS, encoding="utf-8")
    runs = {}
    for seed in SEEDS:
        done = subprocess.run(
            [sys.executable, str(script), str(REPO)], env=_env(seed), capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        runs[seed] = done.stdout.splitlines()
    assert len(runs["1"]) == 8  # every output was produced
    assert runs["1"] == runs["2"] == runs["3"]


def _files(folder: Path) -> dict[str, bytes]:
    return {name: (folder / name).read_bytes() for name in ("findings.json", "report.html", "cq.json", "summary.md")}


def test_a_demo_run_writes_the_same_bytes_under_every_hash_seed(pytester: pytest.Pytester):
    copy_demo(pytester, every_file=True)
    outputs = {}
    for seed in SEEDS:
        summary = pytester.path / "summary.md"
        summary.unlink(missing_ok=True)
        env = {**_env(seed), "GITHUB_STEP_SUMMARY": str(summary), "COLUMNS": "80"}
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "facts",
                "-p",
                "no:cacheprovider",
                "--factcheck-json",
                "findings.json",
                "--factcheck-html",
                "report.html",
                "--factcheck-codequality",
                "cq.json",
            ],
            cwd=pytester.path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1, done.stdout + done.stderr  # the demo's outlets disagree
        matrix = done.stdout[done.stdout.index("-- factcheck --") :]
        outputs[seed] = (_files(pytester.path), matrix.split("\n=")[0])
    assert b'"militia-attacks"' in outputs["1"][0]["findings.json"]
    assert outputs["1"] == outputs["2"] == outputs["3"]
