"""Which reading each kind of source gets, and what a source's role is.

``.txt`` is plain text; ``.md`` Markdown with front matter (``markdown.py``); ``.html`` and
``.htm`` a saved page (``pages.py``); ``.jsonl`` and ``.jsonl.gz`` a feed of one article per
line (``jsonl.py``). docs/sources.md documents every format, field and key.

A source's role is ``draft`` (the desk's own story, which the gate protects) or
``reference`` (everyone else's, the default). It comes from the manifest, else the file's
own metadata (front matter, a feed line's ``role`` field), else the drafts folders
(``factcheck_drafts``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..common.yamlnodes import InputError
from .articles import Article, article_from_text, decode
from .finding import DRAFT, REFERENCE, Source, SourceProblem

__all__ = ["SourceOptions", "article_from_bytes", "expand_source", "reading_key", "source_bytes"]


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """``drafts``: folders (resolved) whose sources are drafts; ``jsonl_fields``: (meaning,
    field name) pairs put first when reading a feed line, as ``(("text", "story"),)``."""

    drafts: tuple[Path, ...] = ()
    jsonl_fields: tuple[tuple[str, str], ...] = ()


def kind_of(path: Path) -> str:
    """``txt``, ``md``, ``html`` or ``jsonl`` (by the file name's ending)."""
    name = path.name.lower()
    if name.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    if name.endswith((".html", ".htm")):
        return "html"
    return "md" if name.endswith(".md") else "txt"


def _in_drafts(file: Path, drafts: tuple[Path, ...]) -> bool:
    text = str(file)
    return any(text == str(d) or text.startswith(str(d).rstrip(os.sep) + os.sep) for d in drafts)


def expand_source(
    source: Source, entry: dict[str, Any], options: SourceOptions, problems: list[SourceProblem]
) -> Iterator[Source]:
    """A found file as its sources (a feed is one per line), with its own metadata and role
    filled in where the manifest ``entry`` says nothing."""
    role = entry.get("role") or (DRAFT if options.drafts and _in_drafts(source.file, options.drafts) else REFERENCE)
    if role != source.role:
        source = dataclasses.replace(source, role=role)
    kind = kind_of(source.file)
    if kind == "jsonl":
        from .jsonl import feed_sources

        yield from feed_sources(source, entry, options.jsonl_fields, problems)
        return
    if kind == "md":
        from .markdown import front_matter

        try:
            own = front_matter(decode(_head(source.file))[0], source.path)
        except InputError as err:
            problems.append(
                SourceProblem(err.path, err.line, f"{err.message}; the front matter is not used", err.column)
            )
            own = {}
        missing = {k: v for k, v in own.items() if entry.get(k) is None}
        if missing:
            source = dataclasses.replace(source, **missing)
    yield source


def _head(file: Path, limit: int = 64 * 1024) -> bytes:
    """The start of a file, where front matter is: a long draft is not read whole to find it."""
    with open(file, "rb") as handle:
        return handle.read(limit)


def source_bytes(source: Source) -> bytes:
    """The bytes a source's reading comes from: the file, or a feed source's line."""
    if source.feed is not None:
        from .jsonl import read_line

        return read_line(source)
    return source.file.read_bytes()


def reading_key(source: Source, data: bytes) -> str:
    """The readings cache key: the bytes, and how they are read (the kind; for a feed line,
    its text field and line number, which its figures' lines are)."""
    how = kind_of(source.file)
    if source.feed is not None:
        how += f":{source.feed.text_field}:{source.feed.line}"
    digest = hashlib.sha256(how.encode() + b"\0")
    digest.update(data)
    return digest.hexdigest()


def article_from_bytes(source: Source, data: bytes) -> Article:
    """A source's reading, by its kind."""
    kind = kind_of(source.file)
    if kind == "jsonl":
        return _feed_article(source, data)
    text, problem = decode(data)
    if kind == "md":
        from .markdown import visible_text

        return article_from_text(source, visible_text(text), problem)
    if kind == "html":
        return _page_article(source, text, problem)
    return article_from_text(source, text, problem)


def _page_article(source: Source, html: str, problem: str | None) -> Article:
    from .pages import read_page

    page, locator = read_page(html)
    own: dict[str, Any] = {"outlet": page.site_name, "published": page.published, "title": page.title, "url": page.url}
    missing: dict[str, Any] = {k: v for k, v in own.items() if v is not None and getattr(source, k) is None}
    if missing:
        source = dataclasses.replace(source, **missing)
    if not page.text and problem is None:
        problem = "is a page with no article text found in it (only navigation, scripts or markup); it states no figure"
    return article_from_text(source, page.text, problem, locate=locator)


class _FeedLocator:
    """Every figure of a feed article is on its line of the feed; the column counts the article's text."""

    def __init__(self, line: int) -> None:
        self.line = line

    def place(self, offset: int, sentence_start: int) -> tuple[int, int, str]:
        return self.line, offset + 1, "line"


def _feed_article(source: Source, data: bytes) -> Article:
    from .jsonl import feed_text

    assert source.feed is not None
    try:
        text = feed_text(source, data)
    except (ValueError, KeyError, TypeError):
        return Article(source, (), "changed since it was listed and cannot be read")
    return article_from_text(source, text, None, locate=_FeedLocator(source.feed.line))
