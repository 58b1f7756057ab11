"""The HTML report, read as markup: escaping, CSP, self-containment, the data it carries."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pytest_factcheck.reports.html import render_html

DATA = Path(__file__).parent / "data"


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


class Page(HTMLParser):
    """Every start tag with its attributes, and the raw text of each script and style."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.styles: list[str] = []
        self.text: list[str] = []
        self._open: tuple[str, dict] | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag in ("script", "style"):
            self._open = (tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._open = None

    def handle_data(self, data):
        if self._open is None:
            self.text.append(data)
        elif self._open[0] == "script":
            self.scripts.append((self._open[1], data))
        else:
            self.styles.append(data)

    def csp(self) -> dict[str, list[str]]:
        content = next(
            a["content"]
            for t, a in self.tags
            if t == "meta" and a.get("http-equiv", "").lower() == "content-security-policy"
        )
        policy = {}
        for part in content.split(";"):
            name, *values = part.split()
            policy[name] = values
        return policy

    def data(self) -> dict:
        return json.loads(next(body for attrs, body in self.scripts if attrs.get("type") == "application/json"))


def sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


@pytest.fixture(scope="module")
def sample_html() -> str:
    return render_html(load("findings-sample.json"))


@pytest.fixture(scope="module")
def hostile_html() -> str:
    return render_html(load("findings-hostile.json"))


def test_csp_forbids_everything_but_the_reports_own_script_and_style(sample_html):
    page = Page(sample_html)
    policy = page.csp()
    assert policy["default-src"] == ["'none'"]
    assert policy["img-src"] == ["'none'"]
    inline = [body for attrs, body in page.scripts if attrs.get("type") != "application/json"]
    assert len(inline) == 1
    assert policy["script-src"] == [sha256(inline[0])]
    assert len(page.styles) == 1 and policy["style-src"] == [sha256(page.styles[0])]
    # the policy comes before any script or style
    order = [
        t
        for t, a in page.tags
        if t in ("script", "style") or a.get("http-equiv", "").lower() == "content-security-policy"
    ]
    assert order[0] == "meta"


@pytest.mark.parametrize("name", ["findings-sample.json", "findings-hostile.json"])
def test_self_contained_no_external_urls(name):
    page = Page(render_html(load(name)))
    for tag, attrs in page.tags:
        assert tag not in ("link", "img", "iframe", "object", "embed", "base", "form")
        assert "src" not in attrs, (tag, attrs)
        assert not re.match(r"\s*(https?:|//|javascript:)", attrs.get("href") or ""), (tag, attrs)
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)  # no inline handlers
    code = "".join(body for attrs, body in page.scripts if attrs.get("type") != "application/json")
    code += "".join(page.styles)
    assert not re.search(r"https?:|@import|url\(|fetch\(|XMLHttpRequest|WebSocket", code)


def test_script_never_parses_data_as_html(sample_html):
    page = Page(sample_html)
    code = "".join(body for attrs, body in page.scripts if attrs.get("type") != "application/json")
    for sink in (
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
        "new Function",
        'setAttribute("style',
        "srcdoc",
    ):
        assert sink not in code


def test_hostile_article_text_is_escaped(hostile_html):
    # Nothing from an article appears as markup: not in the static page, not in the JSON.
    assert hostile_html.count("<script") == 2  # the JSON block and the report's own script
    assert "<img" not in hostile_html
    assert "</script><script>" not in hostile_html
    page = Page(hostile_html)
    assert [t for t, _ in page.tags].count("script") == 2
    raw_json = next(body for attrs, body in page.scripts if attrs.get("type") == "application/json")
    assert not set("<>&") & set(raw_json)
    assert "\\u003cscript\\u003e" in raw_json


def test_hostile_text_survives_the_round_trip_as_text(hostile_html):
    data = Page(hostile_html).data()
    outlets = {s["outlet"] for s in data["sources"]}
    assert "<img src=x onerror=\"document.title='PWNED';window.__pwned=1\">" in outlets
    assert any("<script>document.title='PWNED'" in s for s in data["sentences"])
    assert "\x1bRED" not in str(outlets) and "\u202e" not in str(outlets)  # no terminal/bidi tricks
    ids = {f["id"] for f in data["facts"]}
    assert "rate-100%:troops,2,500\nnext" in ids and "__proto__" in ids
    # a javascript: URL is never offered as a link; an https one is
    urls = {s["path"]: s["url"] for s in data["sources"]}
    assert urls["seeds/002_1efb6e8095174500.txt"] is None
    assert urls["seeds/005_zz|`pipe`.txt"] == "https://example.org/a?b=1&c=2"


def utf16_slice(text: str, start: int, end: int) -> str:
    units = text.encode("utf-16-le")
    return units[2 * start : 2 * end].decode("utf-16-le")


def test_figure_offsets_are_javascript_offsets(hostile_html):
    data = Page(hostile_html).data()
    checked = 0
    for fact in data["facts"]:
        for ev in fact["ev"].values():
            for text, _line, _column, sentence, start, end, _verdict, _reason in ev.get("m", []):
                assert utf16_slice(data["sentences"][sentence], start, end) == text
                checked += 1
    assert checked > 20
    # the sentence that starts with two emoji (two UTF-16 units each) was really shifted
    rocket = next(s for s in data["sentences"] if s.startswith("\U0001f680"))
    mention = next(
        m
        for f in data["facts"]
        for ev in f["ev"].values()
        for m in ev.get("m", [])
        if data["sentences"][m[3]] == rocket
    )
    assert mention[4] == rocket.index("about 151") + 2


def test_cells_carry_one_verdict_per_source(sample_html):
    data = Page(sample_html).data()
    names = [v["name"] for v in data["verdicts"]]
    militia = next(f for f in data["facts"] if f["id"] == "militia-attacks")
    codes = "abcdefghijklmnopqrstuvwxyz0123456789"
    assert [names[codes.index(c)] for c in militia["cells"]] == ["agree", "agree", "hedged", "conflict", "silent"]
    assert militia["status"] == "failed" and militia["failing"] is True
    assert militia["expect"] == "140 attacks"
    gaza = next(f for f in data["facts"] if f["id"] == "gaza-injured")
    assert gaza["status"] == "warned" and gaza["failing"] is True
    syria = next(f for f in data["facts"] if f["id"] == "us-troops-syria")
    assert syria["groups"] == [{"figure": "900", "sources": [0, 1, 3]}]
    waived = next(f for f in data["facts"] if f["id"] == "personnel-injured")["ev"]["3"]
    assert waived["w"]["until"] == "2024-06-30" and waived["w"]["by"] == "national desk"


def test_headline_totals_and_filter_are_in_the_page(sample_html):
    page = Page(sample_html)
    text = re.sub(r"\s+([,.:])", r"\1", " ".join(" ".join(page.text).split()))
    assert "6 facts checked against 5 sources: 2 failed, 1 warned, 3 passed" in text
    assert "11 agree" in text and "2 conflict" in text and "1 waived" in text
    assert "Show only the 3 facts that failed or warned" in text
    assert any(t == "input" and a.get("id") == "fc-only-failing" for t, a in page.tags)


def test_deep_link_keys_are_ids_unless_two_files_share_one():
    doc = load("findings-sample.json")
    twin = json.loads(json.dumps(doc["facts"][0]))
    twin["nodeid"] = "facts/other.yaml::militia-attacks"
    twin["file"] = "facts/other.yaml"
    doc["facts"].append(twin)
    facts = Page(render_html(doc)).data()["facts"]
    keys = [f["key"] for f in facts]
    assert {f["label"] for f in facts if f["id"] == "militia-attacks"} == {
        "ain-al-asad-2024.yaml::militia-attacks",
        "other.yaml::militia-attacks",
    }
    assert "facts/other.yaml::militia-attacks" in keys
    assert "facts/ain-al-asad-2024.yaml::militia-attacks" in keys
    assert "gaza-injured" in keys
    assert len(set(keys)) == len(keys)


def test_markup_does_not_grow_with_the_matrix():
    """The matrix is drawn from the JSON: the page has the same elements for any size."""
    doc = load("findings-sample.json")
    small = len(Page(render_html(doc)).tags)
    sources = [dict(doc["sources"][i % 5], path=f"seeds/{i:03d}.txt") for i in range(40)]
    facts = []
    for k in range(60):
        fact = json.loads(json.dumps(doc["facts"][k % 6]))
        fact["id"], fact["nodeid"] = f"f{k}", f"facts/x.yaml::f{k}"
        fact["findings"] = [dict(fact["findings"][i % 5], source=s["path"]) for i, s in enumerate(sources)]
        facts.append(fact)
    big = render_html({"schema": "pytest-factcheck/1", "sources": sources, "facts": facts})
    assert len(Page(big).tags) == small
    assert len(Page(big).data()["facts"][0]["cells"]) == 40


def test_unknown_verdicts_and_missing_fields_do_not_break_it():
    doc = load("findings-sample.json")
    doc["facts"][0]["findings"][0]["verdict"] = "disputed"
    doc["facts"][1]["findings"][0]["mentions"][0]["start"] = 999
    del doc["facts"][2]["claim"]
    page = Page(render_html(doc))
    data = page.data()
    assert "disputed" in [v["name"] for v in data["verdicts"]]
    mention = data["facts"][1]["ev"]["0"]["m"][0]
    assert utf16_slice(data["sentences"][mention[3]], mention[4], mention[5]) == mention[0]
