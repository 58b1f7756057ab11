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
from sys import intern
from typing import Protocol

from ..common.words import normalize_words, words_and_capitals
from ..reader.reading import Figure, Sentence, read_sentences
from .finding import Source, infer_outlet

__all__ = ["Article", "Mention", "decode", "read_article"]

#: What ends a clause. Parentheses do not: a parenthesised conversion or aside belongs to its
#: figure's clause ("rises 60 feet (18 meters) above the river"); nor do quotation marks.
_BREAK = re.compile(r"[,;:\[\]—–!?]|\s-\s")
#: Sentences longer than this are kept as SENTENCE_CONTEXT characters either side of a figure.
MAX_SENTENCE = 1200
SENTENCE_CONTEXT = 500
_COORDINATOR = re.compile(r"\b(?:and|or|but|while|whereas|with|plus|as well as)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Mention:
    """A figure in its sentence. ``offset`` is where the figure starts in ``sentence``.
    ``position`` says what ``line`` counts: ``"line"`` (of the file), or ``"paragraph"``
    (of a page's text, where its sentence could not be found in the HTML as written)."""

    figure: Figure
    sentence: str
    offset: int
    line: int
    column: int
    near: tuple[str, ...]
    near_capital: tuple[bool, ...]
    sentence_words: tuple[str, ...]
    phrase_words: tuple[str, ...]
    position: str = "line"


@dataclass(frozen=True, slots=True)
class Article:
    source: Source
    mentions: tuple[Mention, ...]
    problem: str | None = None


#: Byte-order marks of UTF-16 text, which is full of NUL bytes yet not binary.
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode(data: bytes) -> tuple[str, str | None]:
    """An article's bytes as text and, when something is odd, a phrase saying so (it follows
    the file's path in a warning: "seeds/x.txt is empty").

    UTF-8 (a BOM is fine) or UTF-16 with a BOM is read as such. Other bytes that are not
    UTF-8 are read as Windows-1252 (cp1252, a superset of Latin-1 for text), which is what
    such newsroom files nearly always are. A file holding NUL bytes is binary: its text is
    empty. So is a file with no words.
    """
    if data.startswith(_UTF16_BOMS):
        text, problem = data.decode("utf-16", errors="replace"), None
    elif b"\0" in data:
        return "", "is a binary file (it holds NUL bytes), not an article: it was not read"
    else:
        try:
            text, problem = data.decode("utf-8-sig"), None
        except UnicodeDecodeError as err:
            line = data.count(b"\n", 0, err.start) + 1
            text = data.decode("cp1252", errors="replace")
            problem = f"is not valid UTF-8 (first bad byte on line {line}); it was read as Windows-1252 (cp1252)"
    if not text.strip():
        return text, "is empty: it states no figure"
    return text, problem


def read_article(source: Source) -> Article:
    """A source read by its kind (text, Markdown, HTML page, feed line: see ``formats``)."""
    from .formats import article_from_bytes, source_bytes

    return article_from_bytes(source, source_bytes(source))


class _Locator(Protocol):
    def place(self, offset: int, sentence_start: int) -> tuple[int, int, str]: ...


def article_from_text(source: Source, text: str, problem: str | None = None, locate: _Locator | None = None) -> Article:
    """``locate`` (default: the text's own lines) has ``place(offset, sentence_start)`` ->
    (line, column, position) for a figure at ``offset``."""
    if source.outlet is None:
        outlet = infer_outlet(text)
        if outlet:
            source = dataclasses.replace(source, outlet=outlet)
    lines = locate or _LineIndex(text)
    try:
        sentences = read_sentences(text)
    except Exception as err:  # a reader bug must not cost the run: the article is named, unread
        failed = f"was not read: the figure reader failed on it ({type(err).__name__}: {err}); please report it"
        return Article(source, (), f"{problem}; it also {failed}" if problem else failed)
    mentions = []
    for sentence in sentences:
        if sentence.figures:
            mentions.extend(_mentions(text, sentence, lines))
    return Article(source, tuple(mentions), problem)


def _mentions(text: str, sentence: Sentence, lines: _Locator) -> list[Mention]:
    body = text[sentence.start : sentence.end]
    begins = sentence.start
    figures = sentence.figures
    spans = [(f.start - sentence.start, f.end - sentence.start) for f in figures]
    lead = body[: spans[0][0]]
    words = tuple(map(intern, normalize_words(body)))  # one str per distinct word: a 50 MB article repeats them
    clauses = _clauses(body, spans)
    out = []
    for i, figure in enumerate(figures):
        left, right = clauses[i]
        near_text = body[:right] if i == 0 else f"{lead} {body[left:right]}"
        near, capital = words_and_capitals(near_text)
        near = tuple(map(intern, near))
        line, column, position = lines.place(figure.start, begins)
        quoted, offset = _around(body, spans[i][0], spans[i][1])
        out.append(
            Mention(
                figure=figure,
                sentence=quoted,
                offset=offset,
                line=line,
                column=column,
                near=near,
                near_capital=capital,
                sentence_words=words,
                phrase_words=normalize_words(figure.phrase) if figure.phrase else (),
                position=position,
            )
        )
    return out


def _around(body: str, start: int, end: int) -> tuple[str, int]:
    """The sentence as kept with a figure, and the figure's offset in it. A runaway
    "sentence" (an article of one endless line) is cut to about a thousand characters
    around the figure, marked with "…", so reports and the JSON stay in proportion."""
    if len(body) <= MAX_SENTENCE:
        return body, start
    left = max(0, start - SENTENCE_CONTEXT)
    right = min(len(body), end + SENTENCE_CONTEXT)
    head = "…" if left else ""
    tail = "…" if right < len(body) else ""
    return f"{head}{body[left:right]}{tail}", start - left + len(head)


def _clauses(body: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each figure's clause as (start, end) in ``body``.

    A clause ends at punctuation. Words between two figures with no punctuation between
    them are split at the last coordinator: in "2,500 U.S. troops in Iraq and 900 in
    Syria", "in Iraq" belongs to 2,500 and nothing of it to 900.
    """
    lefts = [0] * len(spans)
    rights = [len(body)] * len(spans)
    for i, (start, _) in enumerate(spans):
        gap_start = spans[i - 1][1] if i else 0
        breaks = list(_BREAK.finditer(body, gap_start, start))
        if breaks:
            lefts[i] = breaks[-1].end()
        elif i:
            split = _last_coordinator(body, gap_start, start)
            lefts[i] = split[1] if split else gap_start
        else:
            lefts[i] = 0
    for i, (_, end) in enumerate(spans):
        gap_end = spans[i + 1][0] if i + 1 < len(spans) else len(body)
        stop = _BREAK.search(body, end, gap_end)
        if stop:
            rights[i] = stop.start()
        elif i + 1 < len(spans):
            split = _last_coordinator(body, end, gap_end)
            rights[i] = split[0] if split else gap_end
    return list(zip(lefts, rights))


def _last_coordinator(body: str, start: int, end: int) -> tuple[int, int] | None:
    """The coordinator that introduces the next figure: the last one in the gap, with at
    most two words after it ("and 900", "and injured over 62,600"); not the "and" of
    "in Iraq and Syria in the past three months"."""
    found = None
    for match in _COORDINATOR.finditer(body, start, end):
        found = (match.start(), match.end())
    if found and len(body[found[1] : end].split()) <= 2:
        return found
    return None


class _LineIndex:
    """Offsets -> 1-based (line, column), by bisecting the newline positions."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1

    def place(self, offset: int, sentence_start: int) -> tuple[int, int, str]:
        return (*self.position(offset), "line")
