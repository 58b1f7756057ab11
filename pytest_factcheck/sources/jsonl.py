"""JSON Lines feeds (``*.jsonl``, ``*.jsonl.gz``) -> one source per line, streamed.

Each non-blank line is one article, a JSON object. Its text is the first present of
``text``, ``body``, ``content``, ``article``; its metadata comes from ``outlet`` /
``source`` / ``publisher`` / ``site_name``, ``published`` / ``date`` / ``datePublished`` /
``published_at``, ``url``, ``title``, ``id`` and ``role``. ``factcheck_jsonl_fields`` puts other
field names first (``text=story outlet=paper``). A line is named ``feed.jsonl#<id>``, or
``feed.jsonl#<line>`` when it has no id (or repeats an earlier line's id).

The feed is read one line at a time, twice: once to list its articles (keeping only their
metadata and byte offsets), once to read each article's text. A line that is not a JSON
object, or has no text, is one problem sentence naming ``file:line``; the other lines are
still read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from ..common.dates import DateError, parse_date
from .finding import ROLES, FeedLine, Source, SourceProblem

__all__ = ["FIELDS", "close_feeds", "feed_sources", "feed_text", "read_line"]

#: What each meaning is looked for in, in order.
FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article"),
    "outlet": ("outlet", "source", "publisher", "site_name"),
    "published": ("published", "date", "datePublished", "published_at"),
    "url": ("url",),
    "title": ("title",),
    "id": ("id",),
    "role": ("role",),
}


def field_names(mapping: tuple[tuple[str, str], ...]) -> dict[str, tuple[str, ...]]:
    """The field names for each meaning, the mapped ones (``factcheck_jsonl_fields``) first."""
    names = {meaning: list(fields) for meaning, fields in FIELDS.items()}
    for meaning, name in reversed(mapping):
        names[meaning] = [name, *(n for n in names[meaning] if n != name)]
    return {meaning: tuple(fields) for meaning, fields in names.items()}


def _open(path: Path) -> IO[bytes]:
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _lines(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """(line number, offset, bytes) of each line, streamed."""
    offset = 0
    with _open(path) as feed:
        for number, raw in enumerate(feed, 1):
            yield number, offset, raw
            offset += len(raw)


def feed_sources(
    source: Source, entry: dict[str, Any], fields: tuple[tuple[str, str], ...], problems: list[SourceProblem]
) -> Iterator[Source]:
    """One source per article line of the feed ``source``. The manifest ``entry`` of the feed
    file overrides what each line says of itself."""
    names = field_names(fields)
    seen: dict[str, int] = {}
    try:
        for number, offset, raw in _lines(source.file):
            if not raw.strip():
                continue
            found = _line_source(source, entry, names, number, offset, raw, seen)
            if isinstance(found, str):
                problems.append(
                    SourceProblem(source.path, number, f"{found}; the line is skipped, the rest of the feed is read")
                )
            else:
                yield found
    except (OSError, EOFError, zlib.error) as err:
        problems.append(
            SourceProblem(source.path, None, f"the feed cannot be read to its end ({err}); the lines before are read")
        )


def _line_source(
    source: Source,
    entry: dict[str, Any],
    names: dict[str, tuple[str, ...]],
    number: int,
    offset: int,
    raw: bytes,
    seen: dict[str, int],
) -> Source | str:
    """The line's source, or what is wrong with the line."""
    try:
        record = json.loads(raw)
    except UnicodeDecodeError:
        return "the line is not valid UTF-8"
    except ValueError as err:
        message, column = str(getattr(err, "msg", err)), getattr(err, "colno", "?")
        return f"not valid JSON: {message}{'' if message.endswith(' at') else ' at'} column {column}"
    if not isinstance(record, dict):
        return f"a JSON {type(record).__name__}, not an object with the article's fields"
    text_field = next((n for n in names["text"] if isinstance(record.get(n), str) and record[n].strip()), None)
    if text_field is None:
        return f"no text: none of {', '.join(names['text'])} holds the article"
    meta = {key: _first(record, names[key]) for key in ("outlet", "url", "title")}
    published = _first(record, names["published"])
    role = _first(record, names["role"])
    ident = _first(record, names["id"])
    if ident is not None and ident in seen:
        ident = None  # a repeated id would name two sources alike: the line number names this one
    if ident is not None:
        seen[ident] = number
    values: dict[str, Any] = {
        **meta,
        "published": _date(published),
        "role": role if role in ROLES else source.role,
    }
    values.update({k: v for k, v in entry.items() if v is not None})
    return dataclasses.replace(
        source,
        path=f"{source.path}#{ident if ident is not None else number}",
        feed=FeedLine(number, offset, text_field),
        **values,
    )


def _first(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, dict):  # {"publisher": {"name": ...}}, as in schema.org
            value = value.get("name")
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return str(value).strip()
    return None


def _date(value: str | None) -> dt.date | None:
    """A feed line's date from its ISO timestamp ("2024-01-21T08:00:00Z"); None when it has none."""
    try:
        return parse_date(value[:10], "a feed line's date") if value else None
    except DateError:
        return None


class _Reader:
    """Reads lines at offsets, keeping the last feed open (sources come sorted, mostly in order)."""

    def __init__(self) -> None:
        self.path: Path | None = None
        self.handle: IO[bytes] | None = None

    def line(self, path: Path, offset: int) -> bytes:
        if self.path != path or self.handle is None:
            if self.handle is not None:
                self.handle.close()
            self.handle, self.path = _open(path), path
        self.handle.seek(offset)
        return self.handle.readline()

    def close(self) -> None:
        if self.handle is not None:
            self.handle.close()
        self.handle = self.path = None


_READER = _Reader()


def read_line(source: Source) -> bytes:
    """The bytes of a feed source's line."""
    assert source.feed is not None
    return _READER.line(source.file, source.feed.offset)


def close_feeds() -> None:
    """Close the feed ``read_line`` keeps open; the next read opens it again."""
    _READER.close()


def feed_text(source: Source, data: bytes) -> str:
    """The article text in a feed line's bytes."""
    assert source.feed is not None
    record = json.loads(data)
    text: str = record[source.feed.text_field]
    return text
