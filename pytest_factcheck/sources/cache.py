"""What the reader found in each article, kept on disk between runs.

An entry is keyed by the file's content (sha256), the reader's version and this format's
version, so a changed article or a new reader is read afresh and nothing else is. Entries
are written atomically (a temporary file, then rename), so concurrent pytest-xdist workers
never see half an entry; a corrupt or truncated entry is detected, read afresh, rewritten,
and reported.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import Any

from ..reader.reading import READER_VERSION, Figure
from .articles import Article, Mention, article_from_text, decode
from .finding import Source

__all__ = ["ReadCounts", "ReadingCache", "clear", "write_atomic"]

FORMAT = 2
_FIGURE_FIELDS = [f.name for f in dataclasses.fields(Figure)]


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
        data = source.file.read_bytes()
        if self.folder is None:
            self.counts.fresh += 1
            return _read(source, data)
        key = hashlib.sha256(data).hexdigest()
        path = self.path(key)
        if path.exists():
            article = self._load(path, key, source)
            if article is not None:
                self.counts.cached += 1
                return article
            self.counts.rebuilt.append(source.path)
        self.counts.fresh += 1
        article = _read(source, data)
        write_atomic(path, _dump(article, key, source))
        return article

    def path(self, sha: str) -> Path:
        """Where the reading of the bytes whose sha256 is ``sha`` is kept (needs a folder)."""
        assert self.folder is not None
        return self.folder / sha[:2] / f"{sha}.json"

    def _load(self, path: Path, key: str, source: Source) -> Article | None:
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            if entry.get("format") != FORMAT or entry.get("reader") != READER_VERSION or entry.get("key") != key:
                raise ValueError("stale entry")
            return _restore(entry, source)
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return None


def clear(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _read(source: Source, data: bytes) -> Article:
    text, problem = decode(data)
    return article_from_text(source, text, problem)


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
            ]
        )
    inferred = article.source.outlet if original.outlet is None else None
    return {
        "format": FORMAT,
        "reader": READER_VERSION,
        "key": key,
        "outlet": inferred,
        "problem": article.problem,
        "sentences": list(sentences),
        "words": words,
        "mentions": mentions,
    }


def _restore(entry: dict[str, Any], source: Source) -> Article:
    if source.outlet is None and entry["outlet"]:
        source = dataclasses.replace(source, outlet=entry["outlet"])
    sentences = entry["sentences"]
    words = [tuple(map(intern, w)) for w in entry["words"]]
    mentions = []
    for figure, text_index, words_index, offset, line, column, near, capital, phrase in entry["mentions"]:
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
            )
        )
    return Article(source, tuple(mentions), entry["problem"])


def write_atomic(path: Path, entry: dict[str, Any]) -> None:
    """Write ``entry`` as JSON to ``path`` through a temporary file and a rename: a reader
    sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(entry, out, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except OSError:
        Path(temporary).unlink(missing_ok=True)
