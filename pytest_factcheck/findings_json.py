"""Stage 4a: findings -> the JSON findings document (schema ``pytest-factcheck/1``).

The per-fact entry built here is also what crosses the pytest-xdist wire and what every
other report (failure text, matrix, HTML, CI formats) is drawn from, so it holds JSON
built-in types only. docs/findings-json.md documents every key.
"""
from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path
from typing import Any, Iterable

from .checking import Finding, Reading, Result, figure_words
from .reader import Figure
from .sources import Source

__all__ = ["SCHEMA", "source_entry", "fact_entry", "document", "write_json", "number"]

SCHEMA = "pytest-factcheck/1"
#: Verdicts that count as a difference in summaries.
DIFFERING = ("conflict", "hedged", "newer")


def number(value: float | int | None) -> float | int | None:
    """A JSON number: whole numbers as ints, open ends (infinity) as null."""
    if value is None or (isinstance(value, float) and math.isinf(value)):
        return None
    if isinstance(value, float) and value.is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def source_entry(source: Source) -> dict[str, Any]:
    return {
        "path": source.path,
        "outlet": source.outlet,
        "published": source.published.isoformat() if source.published else None,
        "url": source.url,
        "title": source.title,
    }


def figure_entry(figure: Figure) -> dict[str, Any]:
    return {
        "text": figure.text,
        "value": number(figure.value),
        "low": number(figure.low),
        "high": number(figure.high),
        "low_open": figure.low_open,
        "high_open": figure.high_open,
        "qualifier": figure.qualifier,
        "kind": figure.kind,
        "noun": figure.noun,
        "unit": figure.unit,
    }


def mention_entry(reading: Reading) -> dict[str, Any]:
    mention = reading.mention
    entry = figure_entry(mention.figure)
    entry.update({
        "figure": figure_words(mention.figure),
        "line": mention.line,
        "column": mention.column,
        "sentence": mention.sentence,
        "start": mention.offset,
        "end": mention.offset + len(mention.figure.text),
        "verdict": reading.verdict,
    })
    return entry


def finding_entry(finding: Finding) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "source": finding.source.path,
        "outlet": finding.source.outlet,
        "published": finding.source.published.isoformat() if finding.source.published else None,
        "verdict": finding.verdict,
        "mentions": [mention_entry(r) for r in finding.readings],
    }
    if finding.waiver is not None:
        waiver = finding.waiver
        entry["waiver"] = {
            "reason": waiver.reason,
            "until": waiver.until.isoformat() if waiver.until else None,
            "by": waiver.by,
            "expired": finding.waiver_expired,
        }
    if finding.note:
        entry["note"] = finding.note
    return entry


def fact_entry(result: Result, nodeid: str) -> dict[str, Any]:
    """Everything about one checked fact except its pytest ``outcome``."""
    fact = result.fact
    findings = [finding_entry(f) for f in result.findings]
    entry: dict[str, Any] = {
        "nodeid": nodeid,
        "id": fact.id,
        "file": fact.file.as_posix(),
        "line": fact.line,
        "claim": fact.claim,
        "expect": fact.expect,
        "kind": fact.kind,
        "severity": fact.severity,
        "tags": list(fact.tags),
        "expected": _expected(fact.expected, fact.unit),
        "as_of": fact.as_of.isoformat() if fact.as_of else None,
        "trend": fact.trend,
        "summary": summary(findings, result.unconfirmed),
        "unconfirmed": result.unconfirmed,
        "unused_waivers": [{"target": w.target, "reason": w.reason, "line": w.line} for w in result.unused_waivers],
        "findings": findings,
    }
    if fact.kind == "consensus":
        entry["groups"] = [{"figure": words, "sources": list(paths)} for words, paths in result.groups]
    return entry


def static_fact_entry(fact, nodeid: str) -> dict[str, Any]:
    """A fact that was not checked (skipped): no findings."""
    return {
        "nodeid": nodeid, "id": fact.id, "file": fact.file.as_posix(), "line": fact.line,
        "claim": fact.claim, "expect": fact.expect, "kind": fact.kind, "severity": fact.severity,
        "tags": list(fact.tags), "expected": _expected(fact.expected, fact.unit),
        "as_of": fact.as_of.isoformat() if fact.as_of else None, "trend": fact.trend,
        "summary": "not checked", "unconfirmed": None, "unused_waivers": [], "findings": [],
    }


def _expected(figure: Figure | None, unit: str | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    entry = figure_entry(figure)
    entry["unit"] = unit or figure.unit
    return entry


def summary(findings: list[dict[str, Any]], unconfirmed: str | None = None) -> str:
    """One line an editor can read: "2 of 5 sources differ: conflict 1, hedged 1"."""
    total = len(findings)
    counts: dict[str, int] = {}
    for finding in findings:
        counts[finding["verdict"]] = counts.get(finding["verdict"], 0) + 1
    differing = sum(counts.get(v, 0) for v in DIFFERING)
    detail = ", ".join(f"{v} {counts[v]}" for v in DIFFERING if counts.get(v))
    if differing:
        text = f"{differing} of {total} source{'s' if total != 1 else ''} differ{'s' if differing == 1 else ''}: {detail}"
    else:
        agree = counts.get("agree", 0)
        text = f"{agree} of {total} source{'s' if total != 1 else ''} agree{'s' if agree == 1 and total == 1 else ''}, none differs"
    if unconfirmed:
        text += f"; {unconfirmed}"
    return text


def document(sources: Iterable[dict[str, Any]], facts: Iterable[dict[str, Any]]) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "sources": sorted(sources, key=lambda s: s["path"]),
        "facts": sorted(facts, key=lambda f: f["nodeid"]),
    }


def write_json(path: Path, doc: dict[str, Any]) -> None:
    """Write atomically (a temporary file, then rename), so a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(doc, out, ensure_ascii=False, indent=2)
            out.write("\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
