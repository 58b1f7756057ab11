"""Stage 4a: findings -> the JSON findings document (schema ``pytest-factcheck/1``).

The per-fact entry built here is also what crosses the pytest-xdist wire and what every
other report (failure text, matrix, HTML, CI formats) is drawn from, so it holds JSON
built-in types only. docs/findings-json.md documents every key.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO, overload

from ..checking.check import Finding, Reading, Result, figure_words
from ..checking.verdicts import BADNESS, CODES, DIFFERING, ORDER
from ..common.files import write_atomic
from ..facts.loading import Fact
from ..reader.reading import Figure
from ..sources.finding import Source

__all__ = ["SCHEMA", "FindingsView", "document", "expand", "fact_entry", "number", "source_entry", "write_json"]

SCHEMA = "pytest-factcheck/1"
#: At most this many mentions are kept per (fact, source), the worst verdicts first, then in
#: text order; ``mentions_left_out`` counts the rest. A hostile article of one endless line
#: holds tens of thousands of figures about a fact.
MAX_MENTIONS = 50
#: A mention's ``sentence`` is cut to this many characters either side of the figure (at a
#: word), the cuts marked with "…": the whole sentence stays in the article.
WINDOW = 160


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
        "role": source.role,
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


def window(sentence: str, start: int, end: int, width: int = WINDOW) -> tuple[str, int]:
    """The sentence cut to ``width`` characters either side of ``sentence[start:end]`` (at a
    space when there is one near), with "…" where it was cut, and the figure's new start.

    >>> window("a " * 10 + "140 attacks" + " b" * 10, 20, 31, 6)
    ('…a a 140 attacks b b…', 5)
    """
    if len(sentence) <= end - start + 2 * width:
        return sentence, start
    left = max(0, start - width)
    right = min(len(sentence), end + width)
    if left:
        space = sentence.find(" ", left, start)
        left = space + 1 if space != -1 else left
    if right < len(sentence):
        space = sentence.rfind(" ", end, right)
        right = space if space != -1 else right
    head = "…" if left else ""
    tail = "…" if right < len(sentence) else ""
    return f"{head}{sentence[left:right]}{tail}", start - left + len(head)


def mention_entry(reading: Reading) -> dict[str, Any]:
    mention = reading.mention
    sentence, start = window(mention.sentence, mention.offset, mention.offset + len(mention.figure.text))
    entry = figure_entry(mention.figure)
    entry.update(
        {
            "figure": figure_words(mention.figure),
            "line": mention.line,
            "column": mention.column,
            "position": mention.position,
            "sentence": sentence,
            "start": start,
            "end": start + len(mention.figure.text),
            "verdict": reading.verdict,
        }
    )
    if reading.converted is not None:
        entry["converted"] = {"value": number(reading.converted[0]), "unit": reading.converted[1]}
    return entry


def kept_readings(readings: Sequence[Reading], limit: int = MAX_MENTIONS) -> list[Reading]:
    """At most ``limit`` readings: the worst verdicts first, then the earliest, back in
    text order."""
    if len(readings) <= limit:
        return list(readings)
    ranked = sorted(range(len(readings)), key=lambda i: (-BADNESS.get(readings[i].verdict, 0), i))
    return [readings[i] for i in sorted(ranked[:limit])]


def finding_entry(finding: Finding) -> dict[str, Any]:
    kept = kept_readings(finding.readings)
    entry: dict[str, Any] = {
        "source": finding.source.path,
        "outlet": finding.source.outlet,
        "published": finding.source.published.isoformat() if finding.source.published else None,
        "role": finding.source.role,
        "verdict": finding.verdict,
        "mentions": [mention_entry(r) for r in kept],
    }
    if len(kept) < len(finding.readings):
        entry["mentions_left_out"] = len(finding.readings) - len(kept)
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
    """Everything about one checked fact except its pytest ``outcome``, in the compact form
    it travels (over the xdist wire) and is kept in: ``cells`` holds one verdict code per
    source, in source order, and ``findings`` the full finding, by source index, of only
    the sources that say something. ``expand`` and ``document`` give the contract's list of
    one finding per source, made on demand."""
    fact = result.fact
    entry = _fact_fields(fact, nodeid)
    entry.update(
        {
            "summary": summary(result.cells, result.unconfirmed),
            "unconfirmed": result.unconfirmed,
            "unused_waivers": [{"target": w.target, "reason": w.reason, "line": w.line} for w in result.unused_waivers],
            "failing": [f.source.path for f in result.failing],
            "cells": result.cells,
            "findings": {str(index): finding_entry(f) for index, f in result.findings.items()},
        }
    )
    if fact.kind == "consensus":
        entry["groups"] = [{"figure": words, "sources": list(paths)} for words, paths in result.groups]
    return entry


def static_fact_entry(fact: Fact, nodeid: str) -> dict[str, Any]:
    """A fact that was not checked (skipped): no findings."""
    entry = _fact_fields(fact, nodeid)
    entry.update({"summary": "not checked", "unconfirmed": None, "unused_waivers": [], "failing": [], "findings": []})
    return entry


def _fact_fields(fact: Fact, nodeid: str) -> dict[str, Any]:
    """What the facts file says of a fact, checked or not."""
    return {
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
    }


def _expected(figure: Figure | None, unit: str | None) -> dict[str, Any] | None:
    if figure is None:
        return None
    entry = figure_entry(figure)
    entry["unit"] = unit or figure.unit
    return entry


def summary(cells: str, unconfirmed: str | None = None) -> str:
    """One line an editor can read: "2 of 5 sources differ: conflict 1, hedged 1"."""
    total = len(cells)
    counts = {verdict: cells.count(code) for verdict, code in CODES.items()}
    differing = sum(counts.get(v, 0) for v in DIFFERING)
    detail = ", ".join(f"{v} {counts[v]}" for v in DIFFERING if counts.get(v))
    if differing:
        text = (
            f"{differing} of {total} source{'s' if total != 1 else ''} differ{'s' if differing == 1 else ''}: {detail}"
        )
    else:
        agree = counts.get("agree", 0)
        text = f"{agree} of {total} source{'s' if total != 1 else ''} agree{'s' if agree == 1 and total == 1 else ''}"
        waived = counts.get("waived", 0)
        if waived:  # a waived source differs: say so, as its cell does
            text += f"; {waived} differ{'s' if waived == 1 else ''}, waived by an editor"
        else:
            text += ", none differs"
    if unconfirmed:
        text += f"; {unconfirmed}"
    return text


VERDICTS = {code: verdict for verdict, code in CODES.items()}
#: The verdicts of sources that state something about the fact.
STATING = tuple(v for v in ORDER if v not in ("silent", "out_of_scope"))


class FindingsView(Sequence[dict[str, Any]]):
    """A compact entry's findings as the full list the JSON contract describes (one per
    source), made on demand so that no more than one is held at a time."""

    def __init__(self, entry: dict[str, Any], sources: list[dict[str, Any]]) -> None:
        self._cells = entry["cells"]
        self._detail = entry["findings"]
        self._sources = sources

    def __len__(self) -> int:
        return len(self._cells)

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        detail: dict[str, Any] | None = self._detail.get(str(index))
        if detail is not None:
            return detail
        source = self._sources[index]
        return {
            "source": source["path"],
            "outlet": source["outlet"],
            "published": source["published"],
            "role": source.get("role", "reference"),
            "verdict": VERDICTS[self._cells[index]],
            "mentions": [],
        }

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return (self[i] for i in range(len(self)))

    def at(self, index: dict[str, int]) -> list[dict[str, Any] | None]:
        """The findings of the sources ``index`` names (path -> column), by column (None
        for a path this fact has no finding for), making a dict for those alone."""
        row: list[dict[str, Any] | None] = [None] * len(index)
        positions = _positions(self._sources)
        for path, col in index.items():
            at = positions.get(path)
            if at is not None and at < len(self):
                row[col] = self[at]
        return row

    def stating(self) -> list[dict[str, Any]]:
        """The findings whose verdict is neither silent nor out of scope, in source order."""
        return self.with_verdicts(STATING)[0]

    def counts(self) -> dict[str, int]:
        """How many findings have each verdict."""
        return {verdict: n for verdict, code in CODES.items() if (n := self._cells.count(code))}

    def with_verdicts(self, verdicts: Iterable[str], limit: int | None = None) -> tuple[list[dict[str, Any]], int]:
        """The findings with one of ``verdicts`` (at most ``limit`` of them, in source
        order) and how many there are, without making a dict for every other source."""
        codes = [CODES[v] for v in verdicts]
        total = sum(self._cells.count(code) for code in codes)
        indexes: list[int] = []
        for code in codes:
            found = 0
            at = self._cells.find(code)
            while at != -1 and (limit is None or found < limit):
                indexes.append(at)
                found += 1
                at = self._cells.find(code, at + 1)
        indexes.sort()
        shown = indexes if limit is None else indexes[:limit]
        return [self[i] for i in shown], total


_POSITIONS: list[tuple[list[dict[str, Any]], dict[str, int]]] = []


def _positions(sources: list[dict[str, Any]]) -> dict[str, int]:
    """Path -> position in ``sources``, made once for the list every fact of a run shares."""
    if not _POSITIONS or _POSITIONS[0][0] is not sources or len(_POSITIONS[0][1]) != len(sources):
        _POSITIONS[:] = [(sources, {s["path"]: i for i, s in enumerate(sources)})]
    return _POSITIONS[0][1]


def expand(entry: dict[str, Any], sources: list[dict[str, Any]]) -> dict[str, Any]:
    """A compact entry with its findings as the full list (a ``FindingsView``)."""
    if "cells" not in entry:
        return entry
    out = {key: value for key, value in entry.items() if key != "cells"}
    out["findings"] = FindingsView(entry, sources)
    return out


def document(
    sources: Iterable[dict[str, Any]], facts: Iterable[dict[str, Any]], errors: Iterable[dict[str, Any]] = ()
) -> dict[str, Any]:
    """The findings document from compact fact entries (see ``fact_entry``) and the load
    errors (``{"file", "line", "column", "message"}``: facts files and manifests that could
    not be read, whole or in part), sorted by file and position."""
    ordered = sorted(sources, key=lambda s: s["path"])
    expanded = [expand(fact, ordered) for fact in sorted(facts, key=lambda f: f["nodeid"])]
    listed = sorted(errors, key=lambda e: (e["file"], e["line"], e["column"], e["message"]))
    return {"schema": SCHEMA, "sources": ordered, "facts": expanded, "errors": listed}


#: The verdicts ``--factcheck-json-silent omit`` leaves out of the JSON.
QUIET = tuple(v for v in ORDER if v not in STATING)


def without_silent(doc: dict[str, Any]) -> dict[str, Any]:
    """The document with each fact's silent and out-of-scope findings left out
    (``--factcheck-json-silent omit``): a large desk's JSON holds what sources say."""
    facts = []
    for fact in doc["facts"]:
        findings = fact["findings"]
        pick = getattr(findings, "with_verdicts", None)
        if pick is not None:
            kept = pick(STATING)[0]
        else:
            kept = [f for f in findings if f.get("verdict") not in QUIET]
        facts.append(dict(fact, findings=kept))
    return dict(doc, facts=facts)


def write_json(path: Path, doc: Any) -> None:
    """Write atomically (``common.files.write_atomic``), so a reader never sees half a
    file; fact by fact, so that memory holds one fact's findings at a time. Raises OSError."""

    def write(out: TextIO) -> None:
        _dump(doc, out)
        out.write("\n")

    write_atomic(path, write)


def _dump(doc: Any, out: TextIO) -> None:
    """One fact per line: compact (CPython's C encoder only runs without ``indent``, and a
    desk's findings run to millions of cells), yet easy to scan and to diff."""
    if not (isinstance(doc, dict) and "facts" in doc):
        json.dump(doc, out, ensure_ascii=False, indent=2)
        return
    out.write("{")
    for key, value in doc.items():
        if key != "facts":
            out.write(f"{json.dumps(key)}: {_compact(value)},\n ")
    out.write('"facts": [')
    for i, fact in enumerate(doc["facts"]):
        out.write(("," if i else "") + "\n  " + _compact(dict(fact, findings=list(fact["findings"]))))
    out.write("\n]}" if doc["facts"] else "]}")


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
