"""The terminal summary: a facts x sources matrix of verdicts, plus totals.

Pure functions over the findings document (``docs/findings-json.md``); no pytest here. The
helpers at the top (verdict words, source labels, which findings "differ") are shared by the
other report writers (``html_report``, ``github``, ``codequality``) so that every report
speaks the same vocabulary.

Every string that came from an article or a facts file is untrusted: before it reaches a
terminal it goes through :func:`clean`, which removes control and bidi characters (an outlet
name must not be able to move the cursor or recolour the log).
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..checking.verdicts import CODES, DIFFERING, ORDER, UNKNOWN_CODE, verdict_word
from .vocabulary import clean, outlet_label

__all__ = [
    "DIFFERING",
    "VERDICTS",
    "cells_of",
    "clean",
    "compared_with",
    "count_statuses",
    "count_verdicts",
    "date_label",
    "differs",
    "expected_text",
    "fact_labels",
    "fact_status",
    "in_file_order",
    "is_failing",
    "outlet_label",
    "render_matrix",
    "render_totals",
    "sources_of",
    "verdict_word",
]

VERDICTS = ORDER  # the one order (checking.verdicts), under the name reports import
SYMBOLS = CODES
UNKNOWN_SYMBOL = UNKNOWN_CODE

#: SGR colour per verdict (used only with ``color=True``).
_COLORS = {
    "agree": "32",
    "hedged": "33",
    "conflict": "1;31",
    "silent": "2",
    "out_of_scope": "2",
    "earlier": "36",
    "newer": "35",
    "waived": "34",
}
_STATUS_COLORS = {"FAILED": "1;31", "WARNED": "1;33", "passed": "32"}

#: How a fact's outcome is shown in the row (at most 6 characters, pytest's words).
_STATUS = {
    "failed": "FAILED",
    "warned": "WARNED",
    "passed": "passed",
    "skipped": "skip",
    "xfailed": "xfail",
    "xpassed": "xpass",
}


# ---------------------------------------------------------------------------- shared helpers


def fact_status(fact: dict[str, Any]) -> str:
    """The fact's outcome as reports show it: a passed fact with ``warned: true`` is ``warned``."""
    outcome = str(fact.get("outcome") or "unknown")
    if outcome == "passed" and fact.get("warned"):
        return "warned"
    return outcome


def is_failing(fact: dict[str, Any]) -> bool:
    return fact_status(fact) in ("failed", "warned")


def differs(fact: dict[str, Any], finding: dict[str, Any]) -> bool:
    """Does this finding count against the fact? conflict and newer always; hedged only when
    the fact failed or warned; an unknown (future) verdict when the fact failed."""
    verdict = finding.get("verdict")
    if verdict in DIFFERING and verdict != "hedged":
        return True
    if verdict == "hedged" or verdict not in VERDICTS:
        return is_failing(fact)
    return False


def sources_of(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """The document's sources, plus any source a finding names that ``sources`` lacks;
    the desk's drafts first (each group in path order)."""
    sources = [s for s in doc.get("sources") or [] if isinstance(s, dict) and s.get("path")]
    known = {s["path"] for s in sources}
    extra: dict[str, dict[str, Any]] = {}
    for fact in doc.get("facts") or []:
        findings = fact.get("findings") or []
        if hasattr(findings, "counts"):
            continue  # a compact fact's findings name exactly the document's sources
        for f in findings:
            path = f.get("source")
            if path and path not in known and path not in extra:
                extra[path] = {
                    "path": path,
                    "outlet": f.get("outlet"),
                    "published": f.get("published"),
                    "url": None,
                    "title": None,
                    "role": f.get("role"),
                }
    found = sources + [extra[p] for p in sorted(extra)]
    return sorted(found, key=lambda s: s.get("role") != "draft")


def cells_of(fact: dict[str, Any], index: dict[str, int]) -> list[dict[str, Any] | None]:
    """One finding (or None) per source, in the order of ``index`` (path -> column)."""
    findings = fact.get("findings") or []
    if hasattr(findings, "at"):  # a compact fact (a FindingsView): a dict for the shown sources alone
        shown: list[dict[str, Any] | None] = findings.at(index)
        return shown
    row: list[dict[str, Any] | None] = [None] * len(index)
    for f in findings:
        col = index.get(f.get("source"))
        if col is not None:
            row[col] = f
    return row


def in_file_order(facts: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    """The facts as the desk wrote them: by facts file, then by line (not by node id, which
    sorts "attacks-10" before "attacks-9")."""
    return sorted(facts, key=lambda f: (str(f.get("file") or ""), int(f.get("line") or 0), str(f.get("nodeid") or "")))


def fact_labels(facts: list[dict[str, Any]]) -> list[str]:
    """What to call each fact: its id, or ``file.yaml::id`` where two files share the id."""
    ids = [clean(f.get("id") or f.get("nodeid") or "?") for f in facts]
    seen = Counter(ids)
    return [i if seen[i] == 1 else f"{clean(f.get('file') or '?').rsplit('/', 1)[-1]}::{i}" for i, f in zip(ids, facts)]


def date_label(source: dict[str, Any]) -> str:
    return clean(source.get("published") or "") or "no date"


def expected_text(fact: dict[str, Any]) -> str:
    """What the fact expects, as written; for a consensus fact the figures the outlets gave."""
    if fact.get("expect"):
        return clean(fact["expect"])
    groups = fact.get("groups") or []
    if groups:
        parts = []
        for g in groups:
            n = len(g.get("sources") or [])
            parts.append(f"{clean(g.get('figure'))} ({n} source{'' if n == 1 else 's'})")
        return "consensus: " + ", ".join(parts)
    return "consensus" if fact.get("kind") == "consensus" else "-"


def compared_with(fact: dict[str, Any]) -> str:
    """What a differing figure is set against, as a clause for a sentence: "expected 140
    attacks" for a fact with ``expect``; for a consensus fact "the outlets give 140 attacks
    (3 sources), about 151 attacks (1 source)", or "no figure the outlets agree on"."""
    text = expected_text(fact)
    if fact.get("expect"):
        return f"expected {text}"
    prefix = "consensus: "
    return f"the outlets give {text[len(prefix) :]}" if text.startswith(prefix) else "no figure the outlets agree on"


def count_verdicts(facts: Iterable[dict[str, Any]]) -> Counter[str]:
    total: Counter[str] = Counter()
    for fact in facts:
        findings = fact.get("findings") or []
        if hasattr(findings, "counts"):  # a compact fact counts without a dict per source
            total.update(findings.counts())
        else:
            total.update(f.get("verdict") for f in findings)
    return total


def count_statuses(facts: Iterable[dict[str, Any]]) -> Counter[str]:
    return Counter(fact_status(fact) for fact in facts)


def _ordered(counter: Counter[str], order: Iterable[str]) -> list[tuple[str, int]]:
    order = list(order)
    rest = sorted(k for k in counter if k not in order and k is not None)
    return [(k, counter[k]) for k in order + rest if counter.get(k)]


def statuses_text(facts: list[dict[str, Any]]) -> str:
    """``2 failed, 1 warned, 3 passed``."""
    pairs = _ordered(count_statuses(facts), ("failed", "warned", "passed", "skipped", "xfailed", "xpassed"))
    return ", ".join(f"{n} {clean(k)}" for k, n in pairs) or "none ran"


def verdicts_text(facts: list[dict[str, Any]], sep: str = ", ") -> str:
    """``14 agree, 4 hedged, 2 conflict, ...`` in the canonical order."""
    pairs = _ordered(count_verdicts(facts), VERDICTS)
    return sep.join(f"{n} {verdict_word(clean(k))}" for k, n in pairs) or "no findings"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# ------------------------------------------------------------------------------ display width


def _width(text: str) -> int:
    """Columns a string takes in a terminal (wide East Asian characters take two)."""
    total = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        total += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return total


def _fit(text: str, width: int) -> str:
    """Cut ``text`` to ``width`` columns, marking a cut with ``..``."""
    if _width(text) <= width:
        return text
    if width <= 2:
        return "." * max(width, 0)
    out, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 2:
            break
        out, used = out + ch, used + w
    return out + ".."


def _pad(text: str, width: int) -> str:
    text = _fit(text, width)
    return text + " " * (width - _width(text))


def _short(name: str, width: int) -> str:
    """A name cut to ``width`` between words (dropping a leading "The " first), marked ".."."""
    if _width(name) > width and name.lower().startswith("the "):
        name = name[4:]
    if _width(name) <= width:
        return name
    kept = ""
    for piece in re.findall(_PIECES, name):
        if _width(kept + piece.rstrip() + "..") > width:
            break
        kept += piece
    return kept.rstrip() + ".." if kept.strip() else _fit(name, width)


#: A word and the separators after it: where a name may be broken.
_PIECES = r"[^\s\-_./:]*[\-_./:]*\s*"


def _wrap2(text: str, width: int, lines: int = 2) -> list[str]:
    """Word-wrap a header into ``lines`` lines of ``width``; drop a leading "The " if that
    helps; cut what still does not fit."""
    for candidate in (text, text[4:] if text.lower().startswith("the ") else None):
        if candidate is None:
            continue
        wrapped = textwrap.wrap(candidate, width, break_on_hyphens=True) or [""]
        if len(wrapped) <= lines and all(_width(w) <= width for w in wrapped):
            return wrapped + [""] * (lines - len(wrapped))
    # Names and file names: break only after a separator ("ain-al-asad-2024.yaml::x" ->
    # "ain-al-", "asad-2024.", "yaml::x"), never inside a word; a word too long for a line
    # is cut with "..", and so is the last line when words are left over.
    pieces = [p for p in re.findall(_PIECES, text) if p]
    out: list[str] = []
    line = ""
    for piece in pieces:
        if line and _width(line + piece.rstrip()) > width:
            out.append(line.rstrip())
            line = ""
        line += piece
    out.append(line.rstrip())
    if len(out) > lines:
        out = out[:lines]
        kept = ""
        for piece in re.findall(_PIECES, out[-1]):
            if _width(kept + piece.rstrip() + "..") > width:
                break
            kept += piece
        if not kept.strip():  # one word longer than the line: no whole word to keep
            kept = out[-1]
            while _width(kept) > width - 2:
                kept = kept[:-1]
        out[-1] = kept.rstrip() + ".."
    return [_fit(x, width) for x in out] + [""] * (lines - len(out))


# ----------------------------------------------------------------------------------- layout

_COL = 10  # a wide column: a date is exactly 10 characters
_STATUS_W = 6  # "FAILED"


class _Line:
    """A line as segments of (text, SGR code or None), so width is counted without colour."""

    def __init__(self) -> None:
        self.parts: list[tuple[str, str | None]] = []

    def add(self, text: str, sgr: str | None = None) -> _Line:
        self.parts.append((text, sgr))
        return self

    def render(self, width: int, color: bool) -> str:
        out, used = [], 0
        for text, sgr in self.parts:
            room = width - used
            if room <= 0:
                break
            if _width(text) > room:
                text = _fit(text, room)
            used += _width(text)
            out.append(f"\x1b[{sgr}m{text}\x1b[0m" if color and sgr and text.strip() else text)
        return "".join(out).rstrip()


def _cell(finding: dict[str, Any] | None) -> tuple[str, str | None]:
    if finding is None:
        return " ", None
    verdict = finding.get("verdict", "")
    return SYMBOLS.get(verdict, UNKNOWN_SYMBOL), _COLORS.get(verdict)


def _status_cell(fact: dict[str, Any]) -> tuple[str, str | None]:
    status = fact_status(fact)
    word = _STATUS.get(status, _fit(clean(status), _STATUS_W))
    return word, _STATUS_COLORS.get(word)


def _grid(
    corner: list[str],
    heads: list[list[str]],
    rows: list[tuple[str, tuple[str, str | None], list[tuple[str, str | None]]]],
    label_w: int,
    gap: int,
) -> list[_Line]:
    """A block: header lines (corner text over the label column, one header per column), then
    one line per row: label, status, one symbol per column."""
    lines = []
    for i in range(len(corner)):
        line = _Line().add(_pad(corner[i], label_w + 1 + _STATUS_W))
        for head in heads:
            line.add(" " * gap + _pad(head[i], _COL))
        lines.append(line)
    for label, status, cells in rows:
        line = _Line().add(_pad(label, label_w) + " ")
        line.add(_pad(status[0], _STATUS_W), status[1])
        for sym, sgr in cells:
            line.add(" " * gap).add(sym, sgr).add(" " * (_COL - 1))
        lines.append(line)
    return lines


def _source_head(source: dict[str, Any]) -> list[str]:
    return [*_wrap2(outlet_label(source, short=True), _COL), _fit(date_label(source), _COL)]


def _layout(facts: list[dict[str, Any]], sources: list[dict[str, Any]], width: int) -> list[_Line]:
    index = {s["path"]: i for i, s in enumerate(sources)}
    table = [cells_of(f, index) for f in facts]
    ids = fact_labels(facts)
    statuses = [_status_cell(f) for f in facts]
    fixed = 1 + _STATUS_W
    want = max([_width(i) for i in ids] + [4])

    # 1. Facts down, sources across in wide columns, in one block, ids in full.
    for gap in (2, 1):
        if sources and want + fixed + len(sources) * (_COL + gap) <= width:
            rows = [(i, st, [_cell(c) for c in r]) for i, st, r in zip(ids, statuses, table)]
            return _grid(["", "", "fact"], [_source_head(s) for s in sources], rows, want, gap)

    # 2. Few facts, many sources: sources down, facts across (each row names its source).
    label_w = min(33, width - len(facts) * (_COL + 1))
    if label_w >= 20:
        name_w = min(label_w - 11, max(_width(_short(outlet_label(s, short=True), 99)) for s in sources))
        labels = [f"{_pad(_short(outlet_label(s, short=True), name_w), name_w)} {date_label(s)}" for s in sources]
        label_w = max(_width(x) for x in labels)
        heads = [[*_wrap2(i, _COL, 3), st[0]] for i, st in zip(ids, statuses)]
        lines = []
        for k in range(4):
            line = _Line().add(_pad("source" if k == 3 else "", label_w))
            for head, st in zip(heads, statuses):
                line.add(" ").add(_pad(head[k], _COL), st[1] if k == 3 else None)
            lines.append(line)
        for j, label in enumerate(labels):
            line = _Line().add(_pad(label, label_w))
            for r in table:
                line.add(" ").add(*_cell(r[j])).add(" " * (_COL - 1))
            lines.append(line)
        return lines

    # 3. Facts down, sources across as numbered narrow columns (wrapped into blocks of as
    #    many as fit), then a key from number to outlet and date.
    label_w = max(8, min(want, 50, width - fixed - 4))
    per_block = max(1, (width - label_w - fixed) // 2)
    digits = len(str(len(sources)))
    lines = []
    for start in range(0, len(sources), per_block):
        cols = range(start, min(start + per_block, len(sources)))
        if lines:
            lines.append(_Line())
        numbers = [str(c + 1).rjust(digits) for c in cols]
        for k in range(digits):
            corner = "fact" if k == digits - 1 else ("source" if k == digits - 2 else "")
            line = _Line().add(_pad(corner, label_w + fixed))
            for num in numbers:
                line.add(" " + num[k])
            lines.append(line)
        for i, st, r in zip(ids, statuses, table):
            line = _Line().add(_pad(_short(i, label_w), label_w) + " ").add(_pad(st[0], _STATUS_W), st[1])
            for c in cols:
                line.add(" ").add(*_cell(r[c]))
            lines.append(line)
    lines.append(_Line())
    for c, s in enumerate(sources):
        lines.append(
            _Line().add(f"{str(c + 1).rjust(digits)}  {_pad(date_label(s), _COL)}  {outlet_label(s, short=True)}")
        )
    return lines


def _wrap_items(items: list[str], width: int, sep: str = "  ") -> list[str]:
    """Join items with ``sep``, breaking lines between items (never inside one)."""
    lines: list[str] = []
    for n, item in enumerate(items):
        item = _fit(item + (sep.rstrip() if n < len(items) - 1 else ""), width - 2)
        if lines and _width(lines[-1]) + 2 + _width(item) <= width:
            lines[-1] += sep[len(sep.rstrip()) :] + item
        else:
            lines.append(("  " if lines else "") + item)
    return lines


# ------------------------------------------------------------------------------- public API


def render_totals(doc: dict[str, Any]) -> str:
    """One line: how many findings had each verdict, e.g. ``totals: 14 agree, 4 hedged, ...``."""
    return "totals: " + verdicts_text(doc.get("facts") or [])


def _totals_lines(doc: dict[str, Any], width: int) -> list[str]:
    pairs = _ordered(count_verdicts(doc.get("facts") or []), VERDICTS)
    items = [f"{n} {verdict_word(clean(k))}" for k, n in pairs] or ["no findings"]
    items[0] = "totals: " + items[0]
    return _wrap_items(items, width, ", ")


#: Past this many facts or sources the matrix is condensed: a desk's archive of thousands
#: of sources would print tens of thousands of lines that nobody reads.
MAX_ROWS = 50
MAX_COLUMNS = 30


def _condense(
    facts: list[dict[str, Any]], sources: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], str | None]:
    """At most MAX_ROWS facts (failing ones first) and MAX_COLUMNS sources (those where a
    shown fact finds a figure, most-cited first), and a sentence saying what was left out."""
    if len(facts) <= MAX_ROWS and len(sources) <= MAX_COLUMNS:
        return facts, sources, None
    rows = sorted(facts, key=lambda f: not is_failing(f))[:MAX_ROWS] if len(facts) > MAX_ROWS else facts
    stated: Counter[str | None] = Counter()
    for fact in rows:
        findings = fact.get("findings") or []
        if hasattr(findings, "stating"):  # a compact fact (a FindingsView): no dict for a silent source
            findings = findings.stating()
        for finding in findings:
            if finding.get("verdict") not in ("silent", "out_of_scope"):
                stated[finding.get("source")] += 1
    ranked = sorted((s for s in sources if stated[s.get("path")]), key=lambda s: -stated[s.get("path")])
    keep = {s.get("path") for s in ranked[:MAX_COLUMNS]}
    columns = [s for s in sources if s.get("path") in keep] if len(sources) > MAX_COLUMNS else sources
    left = []
    if len(rows) < len(facts):
        left.append(f"{_plural(len(rows), 'fact')} of {len(facts)} (failing first)")
    if len(columns) < len(sources):
        left.append(f"{_plural(len(columns), 'source')} of {len(sources)} (those that state a figure)")
    note = (
        ("condensed to " + " and ".join(left) + "; the whole matrix is in --factcheck-html and --factcheck-json")
        if left
        else None
    )
    return rows, columns, note


def render_matrix(doc: dict[str, Any], *, width: int = 80, color: bool = False, mode: str = "all") -> list[str]:
    """The "factcheck" matrix as lines no wider than ``width`` (ANSI colour only if ``color``).

    ``mode`` is ``"all"`` or ``"failed"`` (only facts that failed or warned).
    """
    width = max(int(width), 20)
    facts = in_file_order(doc.get("facts") or [])
    sources = sources_of(doc)
    shown = [f for f in facts if is_failing(f)] if mode == "failed" else facts

    def wrap(text: str) -> list[str]:
        return [_fit(x, width) for x in textwrap.wrap(text, width, subsequent_indent="  ")]

    if not facts:
        return wrap("factcheck: no facts ran") + errors_lines(doc, width)
    title = f"factcheck: {_plural(len(facts), 'fact')} x {_plural(len(sources), 'source')}: {statuses_text(facts)}"
    title += errors_suffix(doc)
    out = wrap(title)
    if not shown:
        out += wrap("no fact failed or warned") + _totals_lines(doc, width) + errors_lines(doc, width)
        return out
    if mode == "failed":
        out += wrap(f"showing the {_plural(len(shown), 'fact')} that failed or warned")
    shown, columns, note = _condense(shown, sources)
    if note:
        out += wrap(note)
    out.append("")
    out += [line.render(width, color) for line in _layout(shown, columns, width)]
    out.append("")
    present = _ordered(count_verdicts(shown), VERDICTS)
    out += _wrap_items([f"{SYMBOLS.get(v, UNKNOWN_SYMBOL)} {verdict_word(clean(v))}" for v, _ in present], width)
    out += _totals_lines(doc, width) + errors_lines(doc, width)
    return out


def errors_suffix(doc: dict[str, Any]) -> str:
    """``, 2 load errors`` for a headline, or nothing."""
    n = len(doc.get("errors") or [])
    return f", {n} load error{'s' if n != 1 else ''}" if n else ""


def errors_lines(doc: dict[str, Any], width: int) -> list[str]:
    """Where the load errors are (facts files and manifests that could not be read, whole
    or in part): their sentences are in pytest's ERRORS section above."""
    errors = doc.get("errors") or []
    if not errors:
        return []
    places = ", ".join(clean(f"{e.get('file')}:{e.get('line')}:{e.get('column')}") for e in errors)
    text = (
        f"not checked: {_plural(len(errors), 'load error')} at {places}; what they name was left out (see ERRORS above)"
    )
    return [_fit(x, width) for x in textwrap.wrap(text, width, subsequent_indent="  ")]
