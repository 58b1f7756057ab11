"""Stage 2b: a source -> an article -> the figures it states, each in its place.

A ``Mention`` is a figure together with what the checker and the reports need: the whole
sentence, the line and column, and the words *near* the figure that ``context`` entries
are looked for in: the figure's own clause (bounded by punctuation and the neighbouring
figures) plus the sentence's lead-in before its first figure.
"""
from __future__ import annotations

import bisect
import dataclasses
import re
from dataclasses import dataclass

from .reader import Figure, Sentence, read_sentences
from .sources import Source, infer_outlet
from .words import normalize_words, words_and_capitals

__all__ = ["Mention", "Article", "read_article", "decode"]

_BREAK = re.compile(r"[,;:()\[\]—–“”\"!?]|\s-\s")


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure in its sentence. ``offset`` is where the figure starts in ``sentence``."""

    figure: Figure
    sentence: str
    offset: int
    line: int
    column: int
    near: tuple[str, ...]
    near_capital: tuple[bool, ...]
    sentence_words: tuple[str, ...]
    phrase_words: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Article:
    source: Source
    mentions: tuple[Mention, ...]
    problem: str | None = None


def decode(data: bytes) -> tuple[str, str | None]:
    """UTF-8 text (a BOM is fine) and, when some bytes are not UTF-8, a sentence saying so."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        text = data.decode("utf-8-sig", errors="replace")
        line = data.count(b"\n", 0, err.start) + 1
        return text, f"is not valid UTF-8 (first bad byte on line {line}); undecodable bytes were replaced with \ufffd"


def read_article(source: Source) -> Article:
    text, problem = decode(source.file.read_bytes())
    return article_from_text(source, text, problem)


def article_from_text(source: Source, text: str, problem: str | None = None) -> Article:
    if source.outlet is None:
        outlet = infer_outlet(text)
        if outlet:
            source = dataclasses.replace(source, outlet=outlet)
    lines = _LineIndex(text)
    mentions = []
    for sentence in read_sentences(text):
        if sentence.figures:
            mentions.extend(_mentions(text, sentence, lines))
    return Article(source, tuple(mentions), problem)


def _mentions(text: str, sentence: Sentence, lines: "_LineIndex") -> list[Mention]:
    body = text[sentence.start:sentence.end]
    figures = sentence.figures
    lead = body[: figures[0].start - sentence.start]
    words = normalize_words(body)
    out = []
    for i, figure in enumerate(figures):
        start, end = figure.start - sentence.start, figure.end - sentence.start
        left = figures[i - 1].end - sentence.start if i else 0
        right = figures[i + 1].start - sentence.start if i + 1 < len(figures) else len(body)
        breaks = list(_BREAK.finditer(body, left, start))
        if breaks:
            left = breaks[-1].end()
        stop = _BREAK.search(body, end, right)
        if stop:
            right = stop.start()
        near_text = f"{lead} {body[left:right]}" if i else body[:right]
        near, capital = words_and_capitals(near_text)
        line, column = lines.position(figure.start)
        out.append(Mention(
            figure=figure, sentence=body, offset=start, line=line, column=column,
            near=near, near_capital=capital,
            sentence_words=words,
            phrase_words=normalize_words(figure.phrase) if figure.phrase else (),
        ))
    return out


class _LineIndex:
    """Offsets -> 1-based (line, column), by bisecting the newline positions."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1
