"""HTML pages, Markdown with front matter and JSON Lines feeds, read through real pytest
runs: the right figures, none from boilerplate, markup or metadata, and the right outlets,
dates and lines."""

from __future__ import annotations

import gzip
import json
import socket
from pathlib import Path

import pytest
from helpers import fact_of, run_json

FACTS = """\
sources:
  paths: [../{folder}]

facts:
  - id: attacks
    claim: Militia attacks on U.S. troops in Iraq and Syria since Oct. 7
    expect: 140 attacks
    counts: [attacks]
"""

PAGE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Rockets hit base as attacks mount | The Harbor Ledger</title>
<meta property="og:site_name" content="The Harbor Ledger">
<meta property="og:url" content="https://www.harborledger.example/2024/01/21/attacks-77">
<meta property="article:published_time" content="2024-01-21T08:00:00Z">
<script type="application/ld+json">
{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Rockets hit base",
 "datePublished": "2024-01-21T08:00:00Z", "wordCount": 333, "commentCount": 41,
 "publisher": {"@type": "Organization", "name": "The Harbor Ledger"}}
</script>
<script>var stats = {"attacks": 99, "readers": 12000}; // 88 attacks in the ad copy</script>
<style>.banner{z-index:9999}</style>
</head>
<body>
<div class="cookie-banner"><p>We and our 612 partners count 55 attacks on your privacy. Accept?</p></div>
<header><nav><ul>
  <li><a href="/world">World</a></li>
  <li><a href="/live">Live: 44 attacks overnight</a></li>
</ul></nav></header>
<main>
<article>
  <h1>Rockets hit base as attacks mount</h1>
  <p>BAGHDAD &mdash; Rockets struck a base in western Iraq on Saturday, officials said, in the latest of a string of strikes.</p>
  <!-- draft note: 123 attacks? -->
  <p>There have been at least 140 attacks on U.S. troops in Iraq and Syria since Oct. 7,
     according to the Pentagon.</p>
  <p>A later count by a monitoring group put the number at 151 attacks on U.S. troops in Iraq and Syria.</p>
  <p>Officials said the base&rsquo;s defenses held and that no one was killed in the barrage.</p>
</article>
<aside class="related"><h2>Related stories</h2><ul>
  <li><a href="/2023/11/02/a">Pentagon counts 66 attacks on U.S. troops in a month</a></li>
  <li><a href="/2023/12/08/b">Embassy hit in 7 attacks this year</a></li>
</ul></aside>
</main>
<footer><p>&copy; 2024 The Harbor Ledger. Read by 250,000 people; 33 attacks on press freedom logged.</p></footer>
</body>
</html>
"""


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _page_run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, page: str = PAGE, manifest: str = ""):
    def no_network(*args, **kwargs):
        raise AssertionError("the network was touched")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    (pytester.path / "pages").mkdir()
    (pytester.path / "pages" / "story.html").write_text(page, encoding="utf-8")
    if manifest:
        (pytester.path / "pages" / "sources.yaml").write_text(manifest, encoding="utf-8")
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "f.yaml").write_text(FACTS.format(folder="pages"), encoding="utf-8")
    return run_json(pytester, "facts")


def test_html_page_main_text_metadata_and_lines(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    result, doc = _page_run(pytester, monkeypatch)
    [source] = doc["sources"]
    assert source["path"] == "pages/story.html"
    assert source["outlet"] == "The Harbor Ledger"  # og:site_name
    assert source["published"] == "2024-01-21"  # article:published_time
    assert source["url"] == "https://www.harborledger.example/2024/01/21/attacks-77"
    assert source["title"] == "Rockets hit base"  # the JSON-LD headline
    [finding] = fact_of(doc, "attacks")["findings"]
    # only the body's figures: not the nav's 44, the related stories' 66 and 7, the cookie
    # banner's 55, the script's 99 and 88, the comment's 123 or the footer's 33
    assert [m["text"] for m in finding["mentions"]] == ["at least 140 attacks", "151 attacks"]
    lines = [m["line"] for m in finding["mentions"]]
    assert lines == [_line_of(PAGE, "There have been at least 140"), _line_of(PAGE, "A later count")]
    assert {m["position"] for m in finding["mentions"]} == {"line"}
    assert finding["verdict"] == "conflict"
    out = result.stdout.str()
    assert f"pages/story.html:{lines[1]}" in out
    assert "The Harbor Ledger, 2024-01-21" in out


def test_html_manifest_wins_over_page_and_publisher_stands_in_for_site_name(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
):
    page = PAGE.replace('<meta property="og:site_name" content="The Harbor Ledger">\n', "")
    page = page.replace("Rockets hit base as attacks mount | The Harbor Ledger", "Rockets hit base as attacks mount")
    manifest = "story.html:\n  published: 2024-01-25\n"
    _, doc = _page_run(pytester, monkeypatch, page, manifest)
    [source] = doc["sources"]
    assert source["outlet"] == "The Harbor Ledger"  # the JSON-LD publisher
    assert source["published"] == "2024-01-25"  # the manifest before the page


def test_html_paragraph_when_the_sentence_is_not_in_the_file_as_written():
    from pytest_factcheck.sources.pages import Page, PageLocator, _VisibleText

    page = Page(text="First paragraph.\n\nRewritten 151 attacks.", paragraph_starts=(0, 18))
    locator = PageLocator(page, _VisibleText("<p>First paragraph.</p>\n<p>Something else.</p>"))
    assert locator.place(0, 0) == (1, 4, "line")
    assert locator.place(29, 18) == (2, 1, "paragraph")


MARKDOWN = """\
---
title: 77 attacks in a week
outlet: The River Gazette
published: 2024-01-19
url: https://rivergazette.example/2024/01/19/88-attacks
role: reference
tags: [iraq, 2024]
---
# Attacks reach **140**

Militia groups have carried out *at least 140 attacks* on U.S. troops, says the
[Pentagon report](https://example.com/2024/01/99-attacks-on-troops.pdf) of Friday.

![A map of 12 bases](maps/12.png)

| Period | Count |
|--------|-------|
| Since Oct. 7 | 151 attacks |

<div class="note">42 attacks in the markup</div>

    The quoted line holds 160 attacks in code.
"""


def test_markdown_front_matter_markup_and_lines(pytester: pytest.Pytester):
    (pytester.path / "drafts").mkdir()
    (pytester.path / "drafts" / "story.md").write_text(MARKDOWN, encoding="utf-8")
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "f.yaml").write_text(FACTS.format(folder="drafts"), encoding="utf-8")
    result, doc = run_json(pytester, "facts")
    [source] = doc["sources"]
    assert (source["outlet"], source["published"], source["role"]) == ("The River Gazette", "2024-01-19", "reference")
    assert source["url"] == "https://rivergazette.example/2024/01/19/88-attacks"
    [finding] = fact_of(doc, "attacks")["findings"]
    texts = [m["text"] for m in finding["mentions"]]
    # not the front matter's 77 or 88, the link address's 99 or the raw HTML's 42; the
    # heading's bare "140" counts nothing; the image is read as its alt text ("12 bases")
    assert texts == ["at least 140 attacks", "151 attacks", "160 attacks"]
    lines = {m["text"]: m["line"] for m in finding["mentions"]}
    assert lines["at least 140 attacks"] == _line_of(MARKDOWN, "Militia groups")
    assert lines["151 attacks"] == _line_of(MARKDOWN, "Since Oct. 7")
    assert lines["160 attacks"] == _line_of(MARKDOWN, "160 attacks in code")
    sentence = next(m["sentence"] for m in finding["mentions"] if m["text"] == "at least 140 attacks")
    assert "*" not in sentence and "](" not in sentence and "Pentagon report of Friday" in sentence
    assert "Traceback" not in result.stdout.str()


def test_bad_front_matter_is_one_sentence_and_the_text_is_still_read(pytester: pytest.Pytester):
    (pytester.path / "drafts").mkdir()
    bad = MARKDOWN.replace("published: 2024-01-19", "published: [Jan. 19")
    (pytester.path / "drafts" / "story.md").write_text(bad, encoding="utf-8")
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "f.yaml").write_text(FACTS.format(folder="drafts"), encoding="utf-8")
    result, doc = run_json(pytester, "facts", "-W", "always")
    out = result.stdout.str()
    assert "drafts/story.md:" in out and "the front matter is not used" in out
    assert "Traceback" not in out
    [finding] = fact_of(doc, "attacks")["findings"]
    assert "151 attacks" in [m["text"] for m in finding["mentions"]]
    assert "77 attacks" not in [m["text"] for m in finding["mentions"]]


# --------------------------------------------------------------------------- JSON Lines


def _feed_lines(count: int = 1000, broken: int = 500) -> list[str]:
    lines = []
    for n in range(1, count + 1):
        if n == broken:
            lines.append('{"id": "ap-0500", "text": "an unterminated')
            continue
        figure = 151 if n % 250 == 0 else 140
        record = {
            "id": f"ap-{n:04d}",
            "body"
            if n % 2
            else "text": f"Militia groups have carried out {figure} attacks on U.S. troops in Iraq and Syria.",
            "title": f"Update {n}: {n + 7} attacks in the headline",
            "url": f"https://wire.example/{n}/{n * 3}-attacks",
        }
        if n % 3 == 0:
            record["publisher"] = {"name": "Wire Service"}
        else:
            record["source"] = "Desert Wire"
        record["datePublished" if n % 2 else "published_at"] = f"2024-01-{1 + n % 28:02d}T10:00:00Z"
        lines.append(json.dumps(record))
    return lines


def _feed_run(pytester: pytest.Pytester, name: str = "wire.jsonl", *args: str):
    (pytester.path / "feeds").mkdir(exist_ok=True)
    data = ("\n".join(_feed_lines()) + "\n").encode()
    target = pytester.path / "feeds" / name
    target.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    (pytester.path / "facts").mkdir(exist_ok=True)
    (pytester.path / "facts" / "f.yaml").write_text(FACTS.format(folder="feeds"), encoding="utf-8")
    return run_json(pytester, "facts", "-W", "always", *args)


@pytest.mark.parametrize("name", ["wire.jsonl", "wire.jsonl.gz"])
def test_jsonl_feed_one_source_per_line(pytester: pytest.Pytester, name: str):
    result, doc = _feed_run(pytester, name)
    out = result.stdout.str()
    assert f"feeds/{name}:500: not valid JSON" in out
    assert out.count("not valid JSON") == 1
    sources = {s["path"]: s for s in doc["sources"]}
    assert len(sources) == 999
    assert f"feeds/{name}#ap-0500" not in sources
    first, third = sources[f"feeds/{name}#ap-0001"], sources[f"feeds/{name}#ap-0003"]
    assert (first["outlet"], first["published"]) == ("Desert Wire", "2024-01-02")
    assert (third["outlet"], third["published"]) == ("Wire Service", "2024-01-04")
    fact = fact_of(doc, "attacks")
    differing = {f["source"]: f for f in fact["findings"] if f["verdict"] == "conflict"}
    assert sorted(differing) == [f"feeds/{name}#ap-{n:04d}" for n in (250, 750, 1000)]
    for path, finding in differing.items():
        line = int(path.rsplit("-", 1)[1])
        assert [(m["text"], m["line"]) for m in finding["mentions"]] == [("151 attacks", line)]
    read = [m["text"] for f in fact["findings"] for m in f["mentions"]]
    assert len(read) == 999  # one figure per article: none from titles, addresses or ids
    assert f"feeds/{name}#ap-0250:250" in out
    assert result.ret == 1


def test_jsonl_field_mapping_and_k_selection(pytester: pytest.Pytester):
    (pytester.path / "feeds").mkdir()
    record = {"slug": "x-1", "story": "There were 151 attacks on U.S. troops.", "paper": "The Evening Post"}
    (pytester.path / "feeds" / "other.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "f.yaml").write_text(FACTS.format(folder="feeds"), encoding="utf-8")
    pytester.makeini("[pytest]\nfactcheck_jsonl_fields = text=story outlet=paper id=slug\n")
    result, doc = run_json(pytester, "facts", "-k", "x-1")
    [source] = doc["sources"]
    assert (source["path"], source["outlet"]) == ("feeds/other.jsonl#x-1", "The Evening Post")
    result.assert_outcomes(failed=1)
    result = pytester.runpytest("-p", "no:cacheprovider", "facts", "-k", "x-2")
    result.assert_outcomes()


def test_jsonl_cache_is_per_line(pytester: pytest.Pytester):
    _feed_run(pytester, "wire.jsonl", "--factcheck-cache-dir", "cache")
    feed = pytester.path / "feeds" / "wire.jsonl"
    lines = feed.read_text(encoding="utf-8").splitlines()
    lines[9] = lines[9].replace(" 140 attacks", " 151 attacks")
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, doc = run_json(pytester, "facts", "--factcheck-cache-dir", "cache")
    assert "999 sources in feeds: 1 read fresh, 998 from the cache" in result.stdout.str()
    conflict = [f["source"] for f in fact_of(doc, "attacks")["findings"] if f["verdict"] == "conflict"]
    assert "feeds/wire.jsonl#ap-0010" in conflict


def test_html_and_markdown_read_alike_from_the_cache(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):
    (pytester.path / "drafts").mkdir()
    (pytester.path / "drafts" / "story.md").write_text(MARKDOWN, encoding="utf-8")
    _, cold = _page_run(pytester, monkeypatch)
    (pytester.path / "facts" / "f.yaml").write_text(
        FACTS.replace("paths: [../{folder}]", "paths: [../pages, ../drafts]"), encoding="utf-8"
    )
    cold_result, cold = run_json(pytester, "facts", "--factcheck-cache-dir", "cache")
    warm_result, warm = run_json(pytester, "facts", "--factcheck-cache-dir", "cache")
    assert "2 read fresh, 0 from the cache" in cold_result.stdout.str()
    assert "0 read fresh, 2 from the cache" in warm_result.stdout.str()
    assert warm["sources"] == cold["sources"]
    assert fact_of(warm, "attacks")["findings"] == fact_of(cold, "attacks")["findings"]
    assert {s["outlet"] for s in warm["sources"]} == {"The Harbor Ledger", "The River Gazette"}


def test_reports_say_p_for_a_paragraph_position():
    from pytest_factcheck.reports.failure_text import render_failure

    mention = {
        "text": "151 attacks",
        "figure": "151",
        "value": 151,
        "low": 151,
        "high": 151,
        "low_open": False,
        "high_open": False,
        "kind": "count",
        "unit": None,
        "line": 4,
        "column": 1,
        "sentence": "There were 151 attacks.",
        "verdict": "conflict",
    }
    finding = {"source": "p/a.html", "outlet": "X", "published": None, "role": "reference", "mentions": []}
    fact = {
        "expect": "140 attacks",
        "expected": {"low": 140, "high": 140, "noun": "attacks"},
        "summary": "",
        "failing": ["p/a.html"],
        "findings": [
            {**finding, "verdict": "conflict", "mentions": [{**mention, "position": "paragraph"}]},
            {**finding, "source": "p/b.html", "verdict": "agree", "mentions": [{**mention, "line": 9}]},
        ],
    }
    text = render_failure(fact)
    assert "p/a.html:p. 4" in text
    assert "(line 9)" in text  # a line position reads as before


def test_a_page_with_no_article_text_says_so():
    from pytest_factcheck.sources.finding import Source
    from pytest_factcheck.sources.formats import article_from_bytes

    empty = article_from_bytes(Source("p/x.html", Path("x.html")), b"<html><head><title>42</title></head></html>")
    assert empty.mentions == () and "no article text" in (empty.problem or "")
    full = article_from_bytes(Source("p/y.html", Path("y.html")), PAGE.encode())
    assert full.problem is None and full.mentions


def test_feed_problems_are_kept_with_their_place(tmp_path: Path):
    from pytest_factcheck.sources.finding import SourceProblem, find_sources_checked

    (tmp_path / "feeds").mkdir()
    good = json.dumps({"id": "a", "text": "Militia groups have carried out 140 attacks."})
    (tmp_path / "feeds" / "wire:2024.jsonl").write_text(f"{good}\n[1, 2]\n", encoding="utf-8")
    problems: list[SourceProblem] = []
    find_sources_checked(tmp_path / "feeds", tmp_path, problems=problems)
    [problem] = problems
    assert (problem.path, problem.line, problem.column) == ("feeds/wire:2024.jsonl", 2, None)
    assert str(problem).startswith("feeds/wire:2024.jsonl:2: ") and "the line is skipped" in str(problem)


def test_a_feed_problem_warns_at_its_file_and_line_even_when_the_name_holds_a_colon(pytester: pytest.Pytester):
    (pytester.path / "feeds").mkdir()
    good = json.dumps({"id": "a", "text": "Militia groups have carried out 140 attacks on U.S. troops."})
    (pytester.path / "feeds" / "wire:2024.jsonl").write_text(f"{good}\n{good[:20]}\n", encoding="utf-8")
    (pytester.path / "facts").mkdir()
    (pytester.path / "facts" / "f.yaml").write_text(FACTS.format(folder="feeds"), encoding="utf-8")
    result, _ = run_json(pytester, "facts", "-W", "always")
    # pytest's warnings summary names the place the warning was issued at: the feed's line 2
    result.stdout.fnmatch_lines(
        ["*feeds/wire:2024.jsonl:2: FactcheckWarning: feeds/wire:2024.jsonl:2: not valid JSON*"]
    )
