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
from urllib.parse import urlsplit

from .matrix import (
    VERDICTS,
    cells_of,
    clean,
    count_verdicts,
    date_label,
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

#: The glyph drawn in a cell; the verdict word is always there too (aria-label, title).
SYMBOLS = {
    "agree": "\u2713",
    "hedged": "\u2248",
    "conflict": "\u2717",
    "silent": "\u00b7",
    "out_of_scope": "\u2013",
    "earlier": "\u2039",
    "newer": "\u203a",
    "waived": "w",
}

#: One sentence per verdict, shown in the legend's tooltips and the evidence panel.
DESCRIPTIONS = {
    "agree": "The source states the expected figure.",
    "hedged": "The source gives a vaguer figure (\u201cmore than\u201d, \u201cat least\u201d\u2026) "
    "that allows the expected one but does not confirm it.",
    "conflict": "The source states a figure that contradicts the expected one.",
    "silent": "The source does not state this figure.",
    "out_of_scope": "The source is outside the fact\u2019s scope (another event or period).",
    "earlier": "The source predates the fact and gives an earlier figure.",
    "newer": "The source is newer than the fact and gives a different figure: the fact may be out of date.",
    "waived": "The source differs, and an editor has waived the difference.",
}

_NONE = "_"  # cell code: no finding (a skipped fact)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"


def _utf16(text: str, index: int) -> int:
    """A Python (code point) offset -> a JavaScript (UTF-16) offset."""
    return len(text[:index].encode("utf-16-le")) // 2


def _span(mention: dict) -> tuple[str, int, int]:
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
    if not ok:
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


def _data(doc: dict) -> dict:
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
            item: dict = {}
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
                    ]
                )
            if mentions:
                item["m"] = mentions
            waiver = finding.get("waiver")
            if isinstance(waiver, dict):
                item["w"] = {k: _text(waiver.get(k)) for k in ("reason", "until", "by")}
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
            {"name": v, "word": verdict_word(v), "symbol": SYMBOLS.get(v, "?"), "about": DESCRIPTIONS.get(v, "")}
            for v in verdicts
        ],
        "sources": [
            {
                "label": outlet_label(s, short=True),
                "outlet": clean(s["outlet"]) if s.get("outlet") else None,
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


def _json_for_script(data: dict) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


_STYLE = """
:root{--fg:#1d2329;--muted:#5b6570;--line:#d5dae0;--bg:#fff;--head:#f4f6f8;
--agree:#d6f0dc;--agree-fg:#14532d;--hedged:#fdefc3;--hedged-fg:#6b4a00;
--conflict:#c62828;--conflict-fg:#fff;--silent:#f7f8f9;--silent-fg:#8a949e;
--out_of_scope:#fff;--out_of_scope-fg:#a3abb3;--earlier:#dcecfb;--earlier-fg:#0b4a80;
--newer:#6a3ab2;--newer-fg:#fff;--waived:#e3e6ea;--waived-fg:#39424b;--unknown:#fff;--unknown-fg:#000}
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
header{padding:14px 20px 8px;border-bottom:1px solid var(--line)}
h1{font-size:20px;margin:0 0 4px}
.headline{font-size:15px;margin:0 0 8px}
.st-failed{color:#b71c1c;font-weight:600}.st-warned{color:#8a5a00;font-weight:600}
.st-passed{color:#1b5e20}
.totals{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0;padding:0;list-style:none}
.totals li{display:flex;align-items:center;gap:6px;border:1px solid var(--line);border-radius:4px;padding:2px 8px 2px 2px}
.controls{display:flex;flex-wrap:wrap;gap:16px;align-items:center;color:var(--muted);margin:6px 0 0}
.controls label{color:var(--fg);cursor:pointer}
main{padding:0 20px 20px}
body.open main{margin-right:min(440px,45vw)}
.wrap{overflow:auto;max-height:calc(100vh - 150px);border:1px solid var(--line);margin-top:10px}
table{border-collapse:separate;border-spacing:0}
th,td{border-bottom:1px solid var(--line);border-right:1px solid var(--line)}
thead th{position:sticky;top:0;background:var(--head);z-index:2;font-weight:600;vertical-align:bottom;
padding:4px;font-size:12px;text-align:left;min-width:34px;max-width:110px;overflow-wrap:anywhere}
thead th .d{display:block;font-weight:400;color:var(--muted)}
table.many thead th.src{writing-mode:vertical-rl;transform:rotate(180deg);max-height:180px;
min-width:24px;max-width:none;text-align:left;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;vertical-align:top}
table.many thead th.src .d{display:inline;margin-top:4px}
thead th.corner{left:0;z-index:3;min-width:260px;vertical-align:bottom}
tbody th{position:sticky;left:0;background:var(--bg);z-index:1;text-align:left;font-weight:400;
padding:4px 8px;width:300px;min-width:260px;max-width:300px}
tbody th a.id{font-weight:600;color:var(--fg);text-decoration:none;margin-right:4px}
tbody th a.id:hover{text-decoration:underline}
tbody th .claim{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;
color:var(--muted);font-size:12px;line-height:1.3}
tbody th .exp{display:block;font-size:12px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.badge{display:inline-block;font-size:11px;font-weight:600;border-radius:3px;padding:0 5px;margin-right:6px;
text-transform:uppercase;letter-spacing:.02em;border:1px solid transparent}
.badge.failed{background:#c62828;color:#fff}.badge.warned{background:#f9a825;color:#1d2329}
.badge.passed{color:#1b5e20;border-color:#a5d6a7}.badge.other{color:var(--muted);border-color:var(--line)}
td{padding:0;text-align:center;min-width:34px;height:30px;font-size:15px;cursor:pointer;user-select:none}
table.many{table-layout:fixed}
table.many col.c-fact{width:300px}table.many col.c-src{width:26px}
table.many td{min-width:24px;height:26px;font-size:13px}
.v{display:inline-flex;align-items:center;justify-content:center;min-width:22px;height:20px;border-radius:3px;font-weight:700}
td.v{display:table-cell;border-radius:0}
td:focus{outline:3px solid #1565c0;outline-offset:-3px}
td.sel{box-shadow:inset 0 0 0 3px #1d2329}
tr.target th{background:#fff8c4}
table.only-failing tbody tr.ok{display:none}
.v-agree{background:var(--agree);color:var(--agree-fg)}.v-hedged{background:var(--hedged);color:var(--hedged-fg)}
.v-conflict{background:var(--conflict);color:var(--conflict-fg)}.v-silent{background:var(--silent);color:var(--silent-fg)}
.v-out_of_scope{background:var(--out_of_scope);color:var(--out_of_scope-fg)}.v-earlier{background:var(--earlier);color:var(--earlier-fg)}
.v-newer{background:var(--newer);color:var(--newer-fg)}.v-waived{background:var(--waived);color:var(--waived-fg)}
.v-unknown{background:var(--unknown);color:var(--unknown-fg)}
td.none{cursor:default;background:var(--bg)}
aside{position:fixed;top:0;right:0;bottom:0;width:min(440px,45vw);background:#fff;border-left:1px solid var(--line);
box-shadow:-4px 0 12px rgba(0,0,0,.08);overflow:auto;padding:14px 18px;z-index:5}
aside h2{font-size:16px;margin:0 28px 6px 0}
aside .close{position:absolute;top:8px;right:10px;border:0;background:none;font-size:22px;cursor:pointer;color:var(--muted)}
aside dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:8px 0}
aside dt{color:var(--muted)}aside dd{margin:0;overflow-wrap:anywhere}
aside blockquote{margin:10px 0 2px;padding:8px 10px;border-left:4px solid var(--line);background:#fafbfc;overflow-wrap:anywhere}
aside mark{background:#ffe066;padding:0 2px;font-weight:600}
aside .where{color:var(--muted);font-size:12px;margin:0 0 8px}
aside .note{color:var(--muted)}
aside .waiver{border:1px dashed #8a949e;padding:6px 8px;margin:8px 0}
code{font:12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
@media (max-width:800px){aside{top:auto;width:100%;height:55vh;border-left:0;border-top:1px solid var(--line)}
body.open main{margin-right:0;margin-bottom:55vh}}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("fc-data").textContent);
  var V = {}, verdicts = data.verdicts, sources = data.sources, facts = data.facts;
  var codes = "abcdefghijklmnopqrstuvwxyz0123456789";
  verdicts.forEach(function (v, i) { V[codes.charAt(i)] = v; });
  var byKey = new Map();
  var table = document.getElementById("fc-matrix");
  var panel = document.getElementById("fc-evidence");
  var selected = null;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function verdictClass(v) {
    return "v v-" + (/^[a-z_]+$/.test(v.name) && v.symbol !== "?" ? v.name : "unknown");
  }
  function sourceName(s) { return s.label + (s.date ? ", " + s.date : ""); }
  function badge(status) {
    var known = {failed: 1, warned: 1, passed: 1};
    return el("span", "badge " + (known[status] ? status : "other"), status);
  }

  function buildHead() {
    var many = sources.length > 12;
    if (many) {
      // Fixed layout: column widths come from <col>, so adding rows never re-measures the table.
      table.classList.add("many");
      table.style.width = (300 + 26 * sources.length) + "px";  // CSSOM: allowed by the CSP
      var cols = el("colgroup");
      cols.appendChild(el("col", "c-fact"));
      sources.forEach(function () { cols.appendChild(el("col", "c-src")); });
      table.appendChild(cols);
    }
    var thead = el("thead"), hr = el("tr");
    var corner = el("th", "corner", "Fact");
    corner.scope = "col";
    hr.appendChild(corner);
    sources.forEach(function (s) {
      var th = el("th", "src", s.label);
      th.scope = "col";
      th.title = s.label + " \u2014 " + s.date + " \u2014 " + s.path;
      th.appendChild(el("span", "d", s.date));
      hr.appendChild(th);
    });
    thead.appendChild(hr);
    table.appendChild(thead);
    table.appendChild(el("tbody"));
    facts.forEach(function (f, r) { byKey.set(f.key, r); });
  }

  function buildRow(f) {
    var tr = el("tr", f.failing ? "bad" : "ok");
    var th = el("th");
    th.scope = "row";
    th.appendChild(badge(f.status));
    var a = el("a", "id", f.label);
    a.href = "#" + encodeURIComponent(f.key);
    a.title = "Link to this fact (" + f.nodeid + ")";
    th.appendChild(a);
    if (f.claim) { th.appendChild(el("span", "claim", f.claim)); }
    th.appendChild(el("span", "exp", (f.groups.length ? "" : "expected: ") + f.expect));
    th.title = (f.claim || f.id) + "\nExpected: " + f.expect + "\n" + (f.summary || "");
    tr.appendChild(th);
    for (var c = 0; c < f.cells.length; c++) {
      var v = V[f.cells.charAt(c)];
      var td;
      if (!v) {
        td = el("td", "none");
      } else {
        td = el("td", verdictClass(v), v.symbol);
        td.setAttribute("aria-label", v.word);
      }
      td.tabIndex = -1;
      tr.appendChild(td);
    }
    return tr;
  }

  // Rows go in by chunks of about CHUNK cells: the first chunk fills the screen at once, the
  // rest follow between frames, so a 500 x 200 report is readable before it is complete.
  var CHUNK = 6000, next = 0;
  function appendRows(done) {
    var per = Math.max(1, Math.floor(CHUNK / Math.max(1, sources.length)));
    var frag = document.createDocumentFragment();
    for (var end = Math.min(facts.length, next + per); next < end; next++) {
      frag.appendChild(buildRow(facts[next]));
    }
    table.tBodies[0].appendChild(frag);
    if (next === per || (next === facts.length && next <= per)) {
      var first = table.tBodies[0].querySelector("td");
      if (first) { first.tabIndex = 0; }
      void table.offsetHeight;  // laid out: the mark is when the first rows can be seen
      performance.mark("fc-first-rows");
    }
    if (next < facts.length) { setTimeout(function () { appendRows(done); }, 0); } else { done(); }
  }

  function cellAt(td) {
    var tr = td.parentNode;
    return {row: tr.sectionRowIndex, col: td.cellIndex - 1};
  }
  function label(f, c) {
    var v = V[f.cells.charAt(c)];
    var ev = f.ev[String(c)] || {};
    var word = ev.v || (v ? v.word : "no finding");
    return word + ": " + sourceName(sources[c]) + " \u2014 " + f.id;
  }

  function kv(dl, key, value) {
    if (value === null || value === undefined || value === "") { return; }
    dl.appendChild(el("dt", null, key));
    var dd = el("dd");
    if (value instanceof Node) { dd.appendChild(value); } else { dd.textContent = String(value); }
    dl.appendChild(dd);
  }

  function show(td) {
    var at = cellAt(td), f = facts[at.row], s = sources[at.col];
    var v = V[f.cells.charAt(at.col)];
    if (!f || !s || !v) { return; }
    var ev = f.ev[String(at.col)] || {};
    if (selected) { selected.classList.remove("sel"); }
    selected = td;
    td.classList.add("sel");
    panel.textContent = "";
    var close = el("button", "close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close the evidence");
    close.addEventListener("click", hide);
    panel.appendChild(close);
    var h = el("h2");
    var chip = el("span", verdictClass(v), v.symbol);
    chip.setAttribute("aria-hidden", "true");
    h.appendChild(chip);
    h.appendChild(document.createTextNode(" " + (ev.v || v.word) + " \u2014 " + s.label));
    panel.appendChild(h);
    panel.appendChild(el("p", "note", v.about));
    var dl = el("dl");
    kv(dl, "Fact", f.id);
    kv(dl, "Claim", f.claim);
    kv(dl, "Expected", f.expect);
    kv(dl, "Outlet", s.outlet || "unknown (" + s.label + ")");
    kv(dl, "Date", s.date);
    kv(dl, "Headline", s.title);
    if (s.url) {
      var link = el("a", null, s.url);
      link.href = s.url;
      link.rel = "noopener noreferrer";
      kv(dl, "Link", link);
    }
    var lines = (ev.m || []).map(function (m) { return m[1]; });
    kv(dl, "File", el("code", null, s.path + (lines.length ? ":" + lines[0] : "")));
    kv(dl, "Fact file", el("code", null, f.file + ":" + f.line));
    panel.appendChild(dl);
    if (f.groups && f.groups.length) {
      panel.appendChild(el("h3", null, "Figures the outlets gave"));
      var ul = el("ul");
      f.groups.forEach(function (g) {
        var names = g.sources.map(function (i) { return sourceName(sources[i]); });
        ul.appendChild(el("li", null, g.figure + " \u2014 " + names.join("; ")));
      });
      panel.appendChild(ul);
    }
    if (ev.w) {
      var w = el("div", "waiver");
      w.appendChild(el("strong", null, "Waiver: "));
      w.appendChild(document.createTextNode(ev.w.reason || "(no reason given)"));
      var bits = [];
      if (ev.w.until) { bits.push("until " + ev.w.until); }
      if (ev.w.by) { bits.push("by " + ev.w.by); }
      if (bits.length) { w.appendChild(el("div", "note", bits.join(", "))); }
      panel.appendChild(w);
    }
    (ev.m || []).forEach(function (m) {
      var sentence = data.sentences[m[3]] || "", start = m[4], end = m[5];
      var q = el("blockquote");
      if (start >= 0 && end > start) {
        q.appendChild(document.createTextNode(sentence.slice(0, start)));
        q.appendChild(el("mark", null, sentence.slice(start, end)));
        q.appendChild(document.createTextNode(sentence.slice(end)));
      } else {
        q.textContent = sentence;
      }
      panel.appendChild(q);
      var where = "\u201c" + m[0] + "\u201d \u2014 " + s.path + ", line " + m[1] + ", column " + m[2];
      if (m[6]) { where += " \u2014 " + m[6].replace(/_/g, " "); }
      panel.appendChild(el("p", "where", where));
    });
    if (!(ev.m || []).length) {
      panel.appendChild(el("p", "note", "No figure about this fact was found in this source."));
    }
    if (f.summary) { panel.appendChild(el("p", "note", "Fact: " + f.summary)); }
    panel.hidden = false;
    document.body.classList.add("open");
  }

  function hide() {
    panel.hidden = true;
    document.body.classList.remove("open");
    if (selected) { selected.classList.remove("sel"); selected.focus(); }
  }

  function focusCell(td) {
    var old = table.querySelector("td[tabindex='0']");
    if (old) { old.tabIndex = -1; }
    td.tabIndex = 0;
    td.focus();
  }

  function move(td, dr, dc) {
    var tr = td.parentNode, rows = tr.parentNode.rows;
    var r = tr.sectionRowIndex, c = td.cellIndex;
    for (var i = r + dr; dr && i >= 0 && i < rows.length; i += dr) {
      if (rows[i].offsetParent !== null) { return rows[i].cells[c]; }
    }
    if (dr) { return td; }
    var n = c + dc;
    return n >= 1 && n < tr.cells.length ? tr.cells[n] : td;
  }

  function onHash() {
    var key = decodeURIComponent(location.hash.slice(1));
    var old = table.querySelector("tr.target");
    if (old) { old.classList.remove("target"); }
    if (!byKey.has(key)) { return; }
    var tr = table.tBodies[0].rows[byKey.get(key)];
    tr.classList.add("target");
    tr.scrollIntoView({block: "center"});
    if (tr.cells[1]) { focusCell(tr.cells[1]); }
  }

  buildHead();
  table.addEventListener("click", function (e) {
    var td = e.target.closest("td");
    if (td && !td.classList.contains("none")) { focusCell(td); show(td); }
  });
  table.addEventListener("mouseover", function (e) {
    var td = e.target.closest("td");
    if (td && !td.title) {
      var at = cellAt(td);
      td.title = label(facts[at.row], at.col) + "\nClick for the evidence.";
    }
  });
  table.addEventListener("keydown", function (e) {
    var td = e.target.closest("td");
    if (!td) { return; }
    var next = null;
    if (e.key === "ArrowRight") { next = move(td, 0, 1); }
    else if (e.key === "ArrowLeft") { next = move(td, 0, -1); }
    else if (e.key === "ArrowDown") { next = move(td, 1, 0); }
    else if (e.key === "ArrowUp") { next = move(td, -1, 0); }
    else if (e.key === "Enter" || e.key === " ") {
      if (!td.classList.contains("none")) { show(td); }
      e.preventDefault();
      return;
    }
    if (next) { e.preventDefault(); focusCell(next); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && !panel.hidden) { hide(); }
  });
  document.getElementById("fc-only-failing").addEventListener("change", function (e) {
    table.classList.toggle("only-failing", e.target.checked);
  });
  appendRows(function () {
    performance.mark("fc-all-rows");
    window.addEventListener("hashchange", onHash);
    if (location.hash) { onHash(); }
    document.documentElement.setAttribute("data-ready", "1");
  });
})();
"""


def _totals_html(doc: dict, verdicts: list[dict]) -> str:
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


def _headline(doc: dict) -> str:
    facts = in_file_order(doc.get("facts") or [])
    n_sources = len(sources_of(doc))
    parts = []
    for chunk in statuses_text(facts).split(", "):
        status = chunk.split(" ", 1)[-1]
        cls = f"st-{status}" if status in ("failed", "warned", "passed") else ""
        parts.append(f'<span class="{cls}">{html.escape(chunk)}</span>')
    fact_word = "fact" if len(facts) == 1 else "facts"
    source_word = "source" if n_sources == 1 else "sources"
    return (
        f'<p class="headline">{len(facts)} {fact_word} checked against {n_sources} '
        f"{source_word}: {', '.join(parts)}</p>"
    )


def render_html(doc: dict) -> str:
    """The report as one self-contained HTML document (a str; write it as UTF-8)."""
    data = _data(doc)
    facts = doc.get("facts") or []
    failing = sum(1 for f in facts if is_failing(f))
    title = f"Fact check: {statuses_text(list(facts))}"
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
