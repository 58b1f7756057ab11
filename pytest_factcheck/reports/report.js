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
  var PAGE = 10;  // mentions shown at a time in the evidence panel

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
    th.title = (f.claim || f.label) + (f.consensus ? "\n" : "\nExpected: ") + f.expect + "\n" + (f.summary || "");
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
    return word + ": " + sourceName(sources[c]) + " \u2014 " + f.label;
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
    panel.appendChild(el("p", "note", f.consensus ? v.aboutc : v.about));
    var dl = el("dl");
    kv(dl, "Fact", f.label);
    kv(dl, "Claim", f.claim);
    if (f.consensus) { kv(dl, "Check", "Do the sources agree with each other?"); } else { kv(dl, "Expected", f.expect); }
    kv(dl, "Outlet", s.outlet || (s.draft ? s.label : "unknown (" + s.label + ")"));
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
    if (ev.n) { panel.appendChild(el("p", "note", ev.n)); }
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
    var list = el("div", "mentions"), all = ev.m || [], shown = 0;
    panel.appendChild(list);
    function mention(m) {
      var sentence = data.sentences[m[3]] || "", start = m[4], end = m[5];
      var q = el("blockquote");
      if (start >= 0 && end > start) {
        q.appendChild(document.createTextNode(sentence.slice(0, start)));
        q.appendChild(el("mark", null, sentence.slice(start, end)));
        q.appendChild(document.createTextNode(sentence.slice(end)));
      } else {
        q.textContent = sentence;
      }
      list.appendChild(q);
      var where = "\u201c" + m[0] + "\u201d \u2014 " + s.path + ", line " + m[1] + ", column " + m[2];
      if (m[6]) { where += " \u2014 " + m[6].replace(/_/g, " "); }
      list.appendChild(el("p", "where", where));
      if (m[7]) { list.appendChild(el("p", "why", m[7])); }
    }
    // A long list comes a page at a time: building thousands of quotes at once froze the page.
    var more = el("button", "more");
    more.type = "button";
    function page() {
      all.slice(shown, shown + PAGE).forEach(mention);
      shown = Math.min(all.length, shown + PAGE);
      var left = all.length - shown;
      more.textContent = "Show " + Math.min(PAGE, left) + " more of the " + left + " left";
      more.hidden = left <= 0;
    }
    more.addEventListener("click", page);
    page();
    panel.appendChild(more);
    if (ev.x) {
      panel.appendChild(el("p", "note", ev.x + " more figures about this fact in this source are not kept in the report (see the article)."));
    }
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
