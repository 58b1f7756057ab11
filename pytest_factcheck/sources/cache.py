"""What the reader found in each article, kept on disk between runs.

An entry is keyed by the source's content and how it is read (sha256 of its kind and bytes;
for a feed line, the line's bytes, text field and line number), the reader's version and
this format's version, so a changed article or a new reader is read afresh (quietly) and nothing
else is. Each line of a feed is its own entry. Entries
are written atomically (a temporary file, then rename), so concurrent pytest-xdist workers
never see half an entry; a corrupt or truncated entry is detected, read afresh, rewritten,
and reported.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import Any

from ..common.files import write_json_entry
from ..reader.reading import READER_VERSION, Figure
from .articles import Article, Mention
from .finding import Source
from .formats import article_from_bytes, reading_key, source_bytes

__all__ = ["ReadCounts", "ReadingCache", "clear", "learned_fields", "with_learned", "write_json_entry"]

FORMAT = 4  # 3: articles not in UTF-8 are read as cp1252; 4: pages, feeds and what a source says of itself
#: What a reading may learn of its source (a page's metadata, an outlet named in the text).
_LEARNED = ("outlet", "published", "url", "title")
_FIGURE_FIELDS = [f.name for f in dataclasses.fields(Figure)]
#: What ``ReadingCache._load`` returns for an entry of another version, and for one it cannot read.
_STALE = object()
_CORRUPT = object()


@dataclass
class ReadCounts:
    fresh: int = 0
    cached: int = 0
    rebuilt: list[str] = field(default_factory=list)


class ReadingCache:
    """Reads sources through the cache folder ``folder`` (None: no cache, always read)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.counts = ReadCounts()

    def read(self, source: Source) -> Article:
        data = source_bytes(source)
        if self.folder is None:
            self.counts.fresh += 1
            return _read(source, data)
        key = reading_key(source, data)
        path = self.path(key)
        if path.exists():
            article = self._load(path, key, source)
            if isinstance(article, Article):
                self.counts.cached += 1
                return article
            if article is _CORRUPT:
                self.counts.rebuilt.append(source.path)
        self.counts.fresh += 1
        article = _read(source, data)
        write_json_entry(path, _dump(article, key, source))
        return article

    def path(self, key: str) -> Path:
        """Where the reading whose ``formats.reading_key`` is ``key`` is kept (needs a folder)."""
        assert self.folder is not None
        return self.folder / key[:2] / f"{key}.json"

    def _load(self, path: Path, key: str, source: Source) -> Article | object:
        """The kept reading; ``_STALE`` when it was written by another reader or format (read
        again quietly: that is what a new version is for); ``_CORRUPT`` when it is unreadable."""
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if isinstance(entry, dict) and entry.get("key") == key and "format" in entry and "reader" in entry:
                if entry["format"] != FORMAT or entry["reader"] != READER_VERSION:
                    return _STALE
            else:
                return _CORRUPT
            return _restore(entry, source)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return _CORRUPT


def clear(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _read(source: Source, data: bytes) -> Article:
    return article_from_bytes(source, data)


def _dump(article: Article, key: str, original: Source) -> dict[str, Any]:
    """A reading as JSON. Sentences and their word lists are stored once each: the word
    list is one shared tuple per real sentence, even where a runaway sentence was cut into
    a window for each of its figures."""
    sentences: dict[str, int] = {}
    word_lists: dict[int, int] = {}
    words: list[list[str]] = []
    mentions = []
    for mention in article.mentions:
        text_index = sentences.setdefault(mention.sentence, len(sentences))
        words_index = word_lists.get(id(mention.sentence_words))
        if words_index is None:
            words_index = word_lists[id(mention.sentence_words)] = len(words)
            words.append(list(mention.sentence_words))
        figure = [getattr(mention.figure, name) for name in _FIGURE_FIELDS]
        mentions.append(
            [
                figure,
                text_index,
                words_index,
                mention.offset,
                mention.line,
                mention.column,
                list(mention.near),
                "".join("1" if c else "0" for c in mention.near_capital),
                list(mention.phrase_words),
                mention.position,
            ]
        )
    learned = learned_fields(original, article.source)
    return {
        "format": FORMAT,
        "reader": READER_VERSION,
        "key": key,
        "learned": learned,
        "problem": article.problem,
        "sentences": list(sentences),
        "words": words,
        "mentions": mentions,
    }


def learned_fields(original: Source, read: Source) -> dict[str, Any]:
    """What reading a source taught of it that its manifest did not say (an outlet named in
    the text, a page's date, title and address), as JSON: ``{"published": "2024-01-22"}``."""
    return {
        name: _plain(getattr(read, name))
        for name in _LEARNED
        if getattr(original, name) is None and getattr(read, name) is not None
    }


def with_learned(source: Source, learned: dict[str, Any]) -> Source:
    """``source`` with what ``learned_fields`` kept of its reading (the manifest wins)."""
    fields: dict[str, Any] = {
        name: dt.date.fromisoformat(value) if name == "published" else value
        for name, value in learned.items()
        if name in _LEARNED and getattr(source, name) is None
    }
    return dataclasses.replace(source, **fields) if fields else source


def _restore(entry: dict[str, Any], source: Source) -> Article:
    source = with_learned(source, entry["learned"])
    sentences = entry["sentences"]
    words = [tuple(map(intern, w)) for w in entry["words"]]
    mentions = []
    for figure, text_index, words_index, offset, line, column, near, capital, phrase, position in entry["mentions"]:
        mentions.append(
            Mention(
                figure=Figure(*figure),
                sentence=sentences[text_index],
                offset=offset,
                line=line,
                column=column,
                near=tuple(map(intern, near)),
                near_capital=tuple(c == "1" for c in capital),
                sentence_words=words[words_index],
                phrase_words=tuple(phrase),
                position=position,
            )
        )
    return Article(source, tuple(mentions), entry["problem"])


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value
