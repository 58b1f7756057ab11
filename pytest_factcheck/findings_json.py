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
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Iterable, Iterator

from .checking import Finding, Reading, Result, figure_words
from .reader import Figure
from .sources import Source

__all__ = ["SCHEMA", "source_entry", "fact_entry", "compact", "document", "write_json", "number", "FindingsView"]

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


#: One character per verdict, for the compact form of a fact's findings.
CODES = {"agree": "+", "hedged": "~", "conflict": "X", "silent": ".", "out_of_scope": "-",
         "earlier": "<", "newer": ">", "waived": "w"}
VERDICTS = {code: verdict for verdict, code in CODES.items()}


def compact(entry: dict[str, Any]) -> dict[str, Any]:
    """The form a fact's entry travels (over the xdist wire) and is kept in: full findings
    only for sources that say something about the fact, and one verdict code per source,
    in source order, in ``cells``. At 10,000 sources most findings are silent, and a list
    of 10,000 dicts per fact would not fit in memory across thousands of facts."""
    out = {key: value for key, value in entry.items() if key != "findings"}
    out["cells"] = "".join(CODES[f["verdict"]] for f in entry["findings"])
    out["findings"] = {str(i): f for i, f in enumerate(entry["findings"]) if _says_something(f)}
    return out


def _says_something(finding: dict[str, Any]) -> bool:
    return bool(finding["mentions"]) or "waiver" in finding or "note" in finding


class FindingsView(Sequence):
    """A compact entry's findings as the full list the JSON contract describes (one per
    source), made on demand so that no more than one is held at a time."""

    def __init__(self, entry: dict[str, Any], sources: list[dict[str, Any]]) -> None:
        self._cells = entry["cells"]
        self._detail = entry["findings"]
        self._sources = sources

    def __len__(self) -> int:
        return len(self._cells)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        detail = self._detail.get(str(index))
        if detail is not None:
            return detail
        source = self._sources[index]
        return {"source": source["path"], "outlet": source["outlet"], "published": source["published"],
                "verdict": VERDICTS[self._cells[index]], "mentions": []}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self[i] for i in range(len(self)))


def document(sources: Iterable[dict[str, Any]], facts: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The findings document from compact fact entries (see ``compact``)."""
    ordered = sorted(sources, key=lambda s: s["path"])
    expanded = []
    for fact in sorted(facts, key=lambda f: f["nodeid"]):
        if "cells" in fact:
            rest = {key: value for key, value in fact.items() if key != "cells"}
            rest["findings"] = FindingsView(fact, ordered)
            fact = rest
        expanded.append(fact)
    return {"schema": SCHEMA, "sources": ordered, "facts": expanded}


def write_json(path: Path, doc: Any) -> None:
    """Write atomically (a temporary file, then rename), so a reader never sees half a
    file; fact by fact, so that memory holds one fact's findings at a time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            _dump(doc, out)
            out.write("\n")
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _dump(doc: Any, out) -> None:
    if not (isinstance(doc, dict) and "facts" in doc):
        json.dump(doc, out, ensure_ascii=False, indent=2)
        return
    out.write("{\n")
    head = {key: value for key, value in doc.items() if key != "facts"}
    for key, value in head.items():
        out.write(f"  {json.dumps(key)}: {_indented(value, 2)},\n")
    out.write('  "facts": [')
    for i, fact in enumerate(doc["facts"]):
        whole = dict(fact, findings=list(fact["findings"]))
        out.write(("," if i else "") + "\n    " + _indented(whole, 4))
    out.write("\n  ]\n}" if doc["facts"] else "]\n}")


def _indented(value: Any, depth: int) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + " " * depth)
