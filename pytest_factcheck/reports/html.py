"""A self-contained HTML report: the facts x sources matrix, with the evidence behind each cell.

``render_html(doc)`` returns one HTML file that needs nothing from the network. The findings
go into the page as JSON inside ``<script type="application/json">`` (with ``<``, ``>`` and
``&`` written as ``\\u003c`` etc., so article text cannot close the element); the page's one
inline script builds the matrix from it with ``createElement``/``textContent`` only, and a
Content-Security-Policy allows exactly that script and that style (by sha256) and nothing else.

The matrix has one ``<td>`` per finding and nothing hidden: the evidence for a cell is built
when the cell is clicked (or Enter is pressed on it), so 500 facts x 200 sources stays usable.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from ..checking.verdicts import CONSENSUS_DESCRIPTIONS, DESCRIPTIONS, GLYPHS
from .failure_text import reason
from .matrix import (
    VERDICTS,
    cells_of,
    clean,
    count_verdicts,
    date_label,
    errors_suffix,
    expected_text,
    fact_labels,
    fact_status,
    in_file_order,
    is_failing,
    outlet_label,
    sources_of,
    statuses_text,
    verdict_word,
)

__all__ = ["DESCRIPTIONS", "SYMBOLS", "render_html"]

SYMBOLS = GLYPHS  # kept under the name tests and callers import

_NONE = "_"  # cell code: no finding (a skipped fact)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def _utf16(text: str, index: int) -> int:
    """A Python (code point) offset -> a JavaScript (UTF-16) offset."""
    return len(text[:index].encode("utf-16-le")) // 2


def _span(mention: dict[str, Any]) -> tuple[str, int, int]:
    """The sentence and the figure's UTF-16 offsets in it (-1, -1 if it cannot be found)."""
    sentence = str(mention.get("sentence") or "")
    text = str(mention.get("text") or "")
    start, end = mention.get("start"), mention.get("end")
    ok = (
        isinstance(start, int)
        and isinstance(end, int)
        and 0 <= start < end <= len(sentence)
        and (not text or sentence[start:end] == text)
    )
    if not ok or not isinstance(start, int) or not isinstance(end, int):
        start = sentence.find(text) if text else -1
        end = start + len(text)
    if start < 0:
        return sentence, -1, -1
    return sentence, _utf16(sentence, start), _utf16(sentence, end)


def _url(value: object) -> str | None:
    """Only http(s) links are shown as links."""
    if not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value.strip())
    except ValueError:
        return None
    return value.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _data(doc: dict[str, Any]) -> dict[str, Any]:
    """The compact JSON the page's script reads."""
    facts = in_file_order(doc.get("facts") or [])
    sources = sources_of(doc)
    index = {s["path"]: i for i, s in enumerate(sources)}
    found = count_verdicts(facts)
    verdicts = list(VERDICTS) + sorted(str(v) for v in found if v not in VERDICTS and v is not None)
    verdicts = verdicts[: len(_ALPHABET)]
    code = {v: _ALPHABET[i] for i, v in enumerate(verdicts)}
    sentences: list[str] = []
    sentence_ids: dict[str, int] = {}
    ids = [str(f.get("id")) for f in facts]
    out_facts = []
    for fact, label in zip(facts, fact_labels(facts)):
        cells, evidence = [], {}
        for col, finding in enumerate(cells_of(fact, index)):
            if finding is None:
                cells.append(_NONE)
                continue
            cells.append(code.get(str(finding.get("verdict")), code.get("?", _ALPHABET[-1])))
            item: dict[str, Any] = {}
            mentions = []
            for m in finding.get("mentions") or []:
                sentence, start, end = _span(m)
                if sentence not in sentence_ids:
                    sentence_ids[sentence] = len(sentences)
                    sentences.append(sentence)
                mentions.append(
                    [
                        _text(m.get("text")),
                        m.get("line"),
                        m.get("column"),
                        sentence_ids[sentence],
                        start,
                        end,
                        _text(m.get("verdict")),
                        _text(reason(m, fact)),
                    ]
                )
            if mentions:
                item["m"] = mentions
            waiver = finding.get("waiver")
            if isinstance(waiver, dict):
                item["w"] = {k: _text(waiver.get(k)) for k in ("reason", "until", "by")}
            if isinstance(finding.get("mentions_left_out"), int):
                item["x"] = finding["mentions_left_out"]
            if finding.get("note"):
                item["n"] = _text(finding.get("note"))
            if finding.get("verdict") not in verdicts:
                item["v"] = _text(finding.get("verdict"))
            if item:
                evidence[str(col)] = item
        key = str(fact.get("id")) if ids.count(str(fact.get("id"))) == 1 else str(fact.get("nodeid"))
        groups = [
            {"figure": _text(g.get("figure")), "sources": [index[p] for p in g.get("sources") or [] if p in index]}
            for g in fact.get("groups") or []
            if isinstance(g, dict)
        ]
        out_facts.append(
            {
                "key": key,
                "id": _text(fact.get("id")),
                "label": label,
                "nodeid": _text(fact.get("nodeid")),
                "file": _text(fact.get("file")),
                "line": fact.get("line"),
                "claim": _text(fact.get("claim")),
                "expect": expected_text(fact),
                "consensus": fact.get("expect") is None,
                "status": fact_status(fact),
                "failing": is_failing(fact),
                "severity": _text(fact.get("severity")),
                "summary": _text(fact.get("summary")),
                "groups": groups,
                "cells": "".join(cells),
                "ev": evidence,
            }
        )
    return {
        "verdicts": [
            {
                "name": v,
                "word": verdict_word(v),
                "symbol": SYMBOLS.get(v, "?"),
                "about": DESCRIPTIONS.get(v, ""),
                "aboutc": CONSENSUS_DESCRIPTIONS.get(v, ""),
            }
            for v in verdicts
        ],
        "sources": [
            {
                "label": outlet_label(s, short=True),
                "outlet": clean(s["outlet"]) if s.get("outlet") else None,
                "draft": s.get("role") == "draft",
                "date": date_label(s),
                "path": _text(s.get("path")),
                "url": _url(s.get("url")),
                "title": _text(s.get("title")),
            }
            for s in sources
        ],
        "sentences": sentences,
        "facts": out_facts,
    }


def _json_for_script(data: dict[str, Any]) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


#: The page's style and script: package files (reports/report.css, report.js), read once at
#: import; the page inlines them and its Content-Security-Policy allows exactly their sha256.
_STYLE = (files(__package__) / "report.css").read_text(encoding="utf-8")

_SCRIPT = (files(__package__) / "report.js").read_text(encoding="utf-8")


def _totals_html(doc: dict[str, Any], verdicts: list[dict[str, Any]]) -> str:
    found = count_verdicts(doc.get("facts") or [])
    items = []
    for v in verdicts:
        n = found.get(v["name"], 0)
        if not n:
            continue
        cls = f"v v-{v['name']}" if v["name"] in VERDICTS else "v v-unknown"
        items.append(
            f'<li title="{html.escape(v["about"])}"><span class="{cls}" aria-hidden="true">'
            f"{html.escape(v['symbol'])}</span>{n} {html.escape(clean(v['word']))}</li>"
        )
    return '<ul class="totals" aria-label="Findings by verdict">' + "".join(items) + "</ul>"


def _headline(doc: dict[str, Any]) -> str:
    facts = in_file_order(doc.get("facts") or [])
    n_sources = len(sources_of(doc))
    parts = []
    for chunk in statuses_text(facts).split(", "):
        status = chunk.split(" ", 1)[-1]
        cls = f"st-{status}" if status in ("failed", "warned", "passed") else ""
        parts.append(f'<span class="{cls}">{html.escape(chunk)}</span>')
    if errors_suffix(doc):
        parts.append(f'<span class="st-failed">{html.escape(errors_suffix(doc)[2:])}</span>')
    fact_word = "fact" if len(facts) == 1 else "facts"
    source_word = "source" if n_sources == 1 else "sources"
    return (
        f'<p class="headline">{len(facts)} {fact_word} checked against {n_sources} '
        f"{source_word}: {', '.join(parts)}</p>"
    )


def _errors_html(doc: dict[str, Any]) -> str:
    """The load errors (facts files and manifests not read, whole or in part), each at its place."""
    errors = doc.get("errors") or []
    if not errors:
        return ""
    items = "".join(
        "<li><code>"
        + html.escape(clean(f"{e.get('file')}:{e.get('line')}:{e.get('column')}"))
        + "</code> "
        + html.escape(clean(e.get("message") or ""))
        + "</li>"
        for e in errors
    )
    return (
        f'<section role="alert" aria-label="Load errors"><p class="headline st-failed">Not checked: '
        f"{len(errors)} load error{'s' if len(errors) != 1 else ''}; what each names was left out</p>"
        f"<ul>{items}</ul></section>\n"
    )


def render_html(doc: dict[str, Any]) -> str:
    """The report as one self-contained HTML document (a str; write it as UTF-8)."""
    data = _data(doc)
    facts = doc.get("facts") or []
    failing = sum(1 for f in facts if is_failing(f))
    title = f"Fact check: {statuses_text(list(facts))}{errors_suffix(doc)}"
    csp = (
        f"default-src 'none'; script-src '{_sha256(_SCRIPT)}'; style-src '{_sha256(_STYLE)}'; "
        "img-src 'none'; base-uri 'none'; form-action 'none'"
    )
    return "".join(
        [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="generator" content="pytest-factcheck">\n',
            f"<title>{html.escape(title)}</title>\n",
            f"<style>{_STYLE}</style>\n</head>\n<body>\n<header>\n",
            "<h1>Fact check report</h1>\n",
            _headline(doc),
            "\n",
            _errors_html(doc),
            _totals_html(doc, data["verdicts"]),
            "\n",
            '<div class="controls"><label><input type="checkbox" id="fc-only-failing"> '
            f"Show only the {failing} fact{'s' if failing != 1 else ''} that failed or warned"
            "</label><span>Click a cell (or press Enter on it) to see the evidence; "
            "arrow keys move between cells.</span></div>\n",
            "</header>\n<main>\n",
            "<noscript><p>This report needs JavaScript to draw the matrix; "
            "the same findings are in the JSON report.</p></noscript>\n",
            '<div class="wrap"><table id="fc-matrix" role="grid" '
            'aria-label="Verdict of each source on each fact"></table></div>\n',
            "</main>\n",
            '<aside id="fc-evidence" hidden aria-live="polite" aria-label="Evidence"></aside>\n',
            f'<script type="application/json" id="fc-data">{_json_for_script(data)}</script>\n',
            f"<script>{_SCRIPT}</script>\n</body>\n</html>\n",
        ]
    )
