"""HTML pages (``*.html``, ``*.htm``) -> the article's own text, its metadata, and where
each of its sentences stands in the file.

trafilatura finds the main text (dropping header, navigation, "related stories", cookie
banners, scripts, styles and comments) and the page's metadata: title, site name
(``og:site_name``, the JSON-LD publisher), published date (``article:published_time``,
JSON-LD ``datePublished``) and address (``og:url``, the canonical link). It is called on the
page's text only: nothing is ever fetched.

A sentence is placed on the line of the HTML file where its text begins, found by looking
for its words in the page's visible text (``html.parser`` keeps each text run's position).
Where the words cannot be found (trafilatura rewrote them), the sentence is placed by its
paragraph number instead, and the position says so (``"paragraph"``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from html.parser import HTMLParser

__all__ = ["Page", "PageLocator", "read_page"]

#: Elements whose content a reader never sees.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "title"})
_SPACE = re.compile(r"\s+")
#: Characters of a sentence's start looked for in the page's visible text.
_PROBE = 60


@dataclass(frozen=True, slots=True)
class Page:
    """What a page says of itself, and its main text as paragraphs joined by blank lines."""

    text: str
    paragraph_starts: tuple[int, ...]
    title: str | None = None
    site_name: str | None = None
    published: dt.date | None = None
    url: str | None = None


def read_page(html: str) -> tuple[Page, PageLocator]:
    """The page's main text and metadata, and the locator that maps an offset of that text
    to its (line, column, "line" | "paragraph") in the HTML file."""
    from trafilatura import bare_extraction

    extracted = bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    meta = extracted.as_dict() if extracted is not None and hasattr(extracted, "as_dict") else (extracted or {})
    paragraphs = [p.strip() for p in (meta.get("text") or "").split("\n") if p.strip()]
    starts, at = [], 0
    for paragraph in paragraphs:
        starts.append(at)
        at += len(paragraph) + 2
    page = Page(
        text="\n\n".join(paragraphs),
        paragraph_starts=tuple(starts),
        title=_clean(meta.get("title")),
        site_name=_clean(meta.get("sitename")),
        published=_date(meta.get("date")),
        url=_clean(meta.get("url")),
    )
    return page, PageLocator(page, _VisibleText(html))


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value else ""
    return text or None


def _date(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


class _VisibleText(HTMLParser):
    """The text a browser shows, whitespace collapsed, with the file position of each character."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.hidden = 0
        self.chars: list[str] = []
        self.lines: list[int] = []
        self.columns: list[int] = []
        self.feed(html)
        self.close()
        self.text = "".join(self.chars)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        self._space()

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN and self.hidden:
            self.hidden -= 1
        self._space()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        line, column = self.getpos()
        column += 1
        for char in data:
            if char.isspace():
                self._space(line, column)
            else:
                self.chars.append(char)
                self.lines.append(line)
                self.columns.append(column)
            if char == "\n":
                line, column = line + 1, 1
            else:
                column += 1

    def _space(self, line: int = 0, column: int = 0) -> None:
        if self.chars and self.chars[-1] != " ":
            self.chars.append(" ")
            self.lines.append(line or self.lines[-1])
            self.columns.append(column or self.columns[-1])


class PageLocator:
    """Offsets of a page's extracted text -> where the sentence holding them begins in the file."""

    def __init__(self, page: Page, visible: _VisibleText) -> None:
        self.page = page
        self.visible = visible
        self.found: dict[int, tuple[int, int] | None] = {}
        self.cursor = 0  # sentences come in order: look after the last one found first

    def place(self, offset: int, sentence_start: int) -> tuple[int, int, str]:
        """(line, column, "line") of the sentence's first character in the HTML file, or
        (paragraph number, 1, "paragraph") when its words are not in the page as written."""
        if sentence_start not in self.found:
            self.found[sentence_start] = self._find(sentence_start)
        where = self.found[sentence_start]
        if where is not None:
            return where[0], where[1], "line"
        return bisect.bisect_right(self.page.paragraph_starts, sentence_start), 1, "paragraph"

    def _find(self, start: int) -> tuple[int, int] | None:
        starts = self.page.paragraph_starts
        after = bisect.bisect_right(starts, start)
        end = starts[after] - 2 if after < len(starts) else len(self.page.text)
        probe = _SPACE.sub(" ", self.page.text[start : min(end, start + _PROBE * 2)]).strip()[:_PROBE]
        if not probe:
            return None
        at = self.visible.text.find(probe, self.cursor)
        if at < 0:
            at = self.visible.text.find(probe)
        if at < 0:
            return None
        self.cursor = at
        return self.visible.lines[at], self.visible.columns[at]
