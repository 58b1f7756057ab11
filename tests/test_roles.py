"""Roles: the desk's draft is what the gate protects. A table of pytester runs, each also
run under -n 2 with the same outcomes and failing sources."""

from __future__ import annotations

import json

import pytest
from helpers import fact_of, run_json

AGREES = "Militia groups have carried out 140 attacks on U.S. troops in Iraq and Syria.\n"
DIFFERS = "Militia groups have carried out 151 attacks on U.S. troops in Iraq and Syria.\n"
HEDGES = "Militia groups have carried out more than 130 attacks on U.S. troops in Iraq and Syria.\n"


def _facts(extra: str = "", defaults: str = "") -> str:
    return f"""\
sources:
  paths: [../sources]
{defaults}
facts:
  - id: attacks
    expect: 140 attacks
    counts: [attacks]
{extra}"""


# name -> (files {path: text}, facts file, extra args, expected outcome, expected failing sources)
CASES = {
    "draft agrees, reference differs: passes": (
        {"sources/drafts/ours.txt": AGREES, "sources/wire.txt": DIFFERS},
        _facts(),
        ("--factcheck-drafts", "sources/drafts"),
        "passed",
        [],
    ),
    "draft differs: fails on the draft only": (
        {"sources/drafts/ours.txt": DIFFERS, "sources/wire.txt": DIFFERS},
        _facts(),
        ("--factcheck-drafts", "sources/drafts"),
        "failed",
        ["sources/drafts/ours.txt"],
    ),
    "references: fail on the fact fails on the reference": (
        {"sources/drafts/ours.txt": AGREES, "sources/wire.txt": DIFFERS},
        _facts("    references: fail\n"),
        ("--factcheck-drafts", "sources/drafts"),
        "failed",
        ["sources/wire.txt"],
    ),
    "references: fail in defaults": (
        {"sources/drafts/ours.txt": AGREES, "sources/wire.txt": DIFFERS},
        _facts(defaults="defaults:\n  references: fail\n"),
        ("--factcheck-drafts", "sources/drafts"),
        "failed",
        ["sources/wire.txt"],
    ),
    "no drafts: a differing reference fails, as before": (
        {"sources/drafts/ours.txt": AGREES, "sources/wire.txt": DIFFERS},
        _facts(),
        (),
        "failed",
        ["sources/wire.txt"],
    ),
    "no drafts, references: fail changes nothing": (
        {"sources/a.txt": AGREES, "sources/wire.txt": HEDGES},
        _facts("    references: fail\n"),
        (),
        "failed",
        ["sources/wire.txt"],
    ),
    "draft hedged under hedged: fail": (
        {"sources/ours.md": "---\nrole: draft\n---\n" + HEDGES, "sources/wire.txt": AGREES},
        _facts(),
        (),
        "failed",
        ["sources/ours.md"],
    ),
    "draft hedged under hedged: pass": (
        {"sources/ours.md": "---\nrole: draft\n---\n" + HEDGES, "sources/wire.txt": AGREES},
        _facts("    hedged: pass\n"),
        (),
        "passed",
        [],
    ),
    "role from the manifest": (
        {"sources/ours.txt": AGREES, "sources/wire.txt": DIFFERS, "sources/sources.yaml": "ours.txt:\n  role: draft\n"},
        _facts(),
        (),
        "passed",
        [],
    ),
    "the manifest's reference wins over the drafts folder": (
        {
            "sources/drafts/ours.txt": AGREES,
            "sources/drafts/old.txt": DIFFERS,
            "sources/drafts/sources.yaml": "old.txt:\n  role: reference\n",
        },
        _facts(),
        ("--factcheck-drafts", "sources/drafts"),
        "passed",
        [],
    ),
    "role from a feed line": (
        {
            "sources/feed.jsonl": json.dumps({"id": "ours", "role": "draft", "text": AGREES})
            + "\n"
            + json.dumps({"id": "wire", "text": DIFFERS})
            + "\n"
        },
        _facts(),
        (),
        "passed",
        [],
    ),
    "draft out of scope: today's rule": (
        {"sources/drafts/ours.txt": AGREES, "sources/wire.txt": DIFFERS},
        _facts("    sources: {exclude: [ours.txt]}\n"),
        ("--factcheck-drafts", "sources/drafts"),
        "failed",
        ["sources/wire.txt"],
    ),
}


def _write(pytester: pytest.Pytester, files: dict[str, str], facts: str) -> None:
    for path, text in files.items():
        target = pytester.path / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "f.yaml").write_text(facts, encoding="utf-8")


@pytest.mark.parametrize("case", list(CASES))
def test_roles_table(pytester: pytest.Pytester, case: str):
    files, facts, args, outcome, failing = CASES[case]
    _write(pytester, files, facts)
    seen = []
    for extra in ((), ("-n", "2")):
        result, doc = run_json(pytester, "facts", *args, *extra)
        fact = fact_of(doc, "attacks")
        seen.append(
            (fact["outcome"], fact["failing"], [(f["source"], f["role"], f["verdict"]) for f in fact["findings"]])
        )
        assert fact["outcome"] == outcome, result.stdout.str()
        assert fact["failing"] == failing
    assert seen[0] == seen[1]


def test_failure_text_leads_with_the_draft_and_lists_the_references(pytester: pytest.Pytester):
    files = {"sources/d/ours.md": "---\nrole: draft\n---\n\n" + DIFFERS, "sources/wire.txt": HEDGES}
    _write(pytester, files, _facts())
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "--factcheck-drafts", "sources/d")
    out = result.stdout.str()
    assert "Our draft (sources/d/ours.md:5) says 151 attacks; the desk stands behind 140" in out
    assert "The other source differs; as a reference it does not fail the fact:" in out
    assert out.index("Our draft (ours.md)") < out.index("HEDGED")
    head = next(line for line in out.splitlines() if "our draft:" in line)  # the matrix marks it...
    assert head.index("our draft:") < head.index("wire.txt")  # ...in the first column
    result.assert_outcomes(failed=1)


def test_github_annotation_on_the_draft_line(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    files = {"sources/drafts/ours.md": "---\nrole: draft\n---\n\n" + DIFFERS, "sources/wire.txt": AGREES}
    _write(pytester, files, _facts())
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "--factcheck-drafts", "sources/drafts")
    lines = [line for line in result.stdout.lines if line.startswith("::error ")]
    assert any(line.startswith("::error file=facts/f.yaml,line=5,") for line in lines), lines
    assert any(line.startswith("::error file=sources/drafts/ours.md,line=5,") for line in lines), lines


def test_reports_put_drafts_first_whatever_their_path():
    from pytest_factcheck.reports.matrix import outlet_label, sources_of

    doc = {
        "sources": [
            {"path": "a/wire.txt", "outlet": "Desert Wire", "role": "reference"},
            {"path": "z/ours.md", "outlet": None, "role": "draft"},
            {"path": "b/post.txt", "outlet": "The Evening Post", "role": "reference"},
        ],
        "facts": [],
    }
    ordered = sources_of(doc)
    assert [s["path"] for s in ordered] == ["z/ours.md", "a/wire.txt", "b/post.txt"]
    assert [outlet_label(s) for s in ordered] == ["our draft: ours.md", "Desert Wire", "The Evening Post"]


def test_sources_doc_names_every_format_field_and_option():
    from helpers import REPO

    from pytest_factcheck.sources.finding import MANIFEST_KEYS, SUFFIXES
    from pytest_factcheck.sources.jsonl import FIELDS
    from pytest_factcheck.sources.markdown import FRONT_MATTER_KEYS

    doc = (REPO / "docs" / "sources.md").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    names = {*SUFFIXES, *MANIFEST_KEYS, *FRONT_MATTER_KEYS, *(f for fields in FIELDS.values() for f in fields)}
    missing = sorted(n for n in names if f"`{n}`" not in doc)
    assert not missing, missing
    for option in ("factcheck_drafts", "factcheck_jsonl_fields"):
        flag = "--" + option.replace("_", "-")
        assert f"`{option}`" in readme and f"`{flag}" in readme
        assert option in doc and flag in doc
