"""Sentence splitting for news text: abbreviations, initials, quotations and line breaks.

Rules (see docs/reader.md):

* ``.``, ``!``, ``?`` or ``…`` (optionally followed by closing quotes or brackets) and
  whitespace end a sentence when the next text starts like a sentence: an upper-case
  letter, a digit, an opening quote or bracket, a bullet. Lower case next means no end.
* No end after a title ("Mr.", "Gen.", "Brig.", "Col.", "Dr.", "St." ...). After a month
  abbreviation or "No." only when no digit follows ("Jan. 4", "No. 2").
* After an initial ("J.") or a dotted abbreviation ("U.S.", "p.m.") only when the next
  word is a usual sentence opener ("The", "He", "In" ...): "U.S. Central Command" stays.
* A blank line always ends a sentence. A single line break ends one unless the line ends
  mid-sentence: the next line starts in lower case, or the line ends with ``,``/``;``/
  a hyphen/an opening bracket or a word such as "and", "of", "the".
"""

from __future__ import annotations

import re

__all__ = ["split_sentences"]

_TITLES = frozenset(
    ["mr", "mrs", "ms", "messrs", "dr", "gen", "brig", "maj", "lt", "col", "sgt", "capt", "cpl", "pvt", "adm", "cmdr", "cdr", "gov", "sen", "rep", "reps", "st", "prof", "rev", "hon", "mt", "ft", "jr", "sr", "vs", "v", "etc", "e.g", "i.e", "approx", "dept", "est", "fig", "gens", "lt.col"]
)
_NUMBERED = frozenset(
    ["no", "nos", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "art", "sec", "vol", "p", "pp"]
)
_OPENERS = frozenset(
    ["the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "in", "on", "at", "this", "that", "these", "those", "there", "his", "her", "their", "our", "its", "some", "many", "most", "after", "before", "when", "while", "however", "meanwhile", "but", "and", "yet", "so", "if", "as", "what", "who", "why", "how", "officials", "according", "since", "during", "earlier", "later", "last", "one", "two", "three", "four", "five"]
)
_CONTINUES = frozenset(["and", "or", "of", "the", "a", "an", "to", "in", "on", "with", "for", "by", "at", "from", "nor", "but"])

# Starts with one character class so that sre skips ahead quickly; the lookbehind keeps a
# run of "!!!" to one attempt (no quadratic re-scan of long runs).
_BREAK = re.compile(
    r"[.!?…\n](?:(?<=\n)(?P<line>\s*)"
    r"|(?<![.!?…]{2})(?P<punct>[.!?…]*)[\"'”’)\]]*(?P<space>\s+))"
)
_NEXT_WORD = re.compile(r"[\"“‘'(\[]*([A-Za-z]+)")
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]\Z")
_WINDOW = 40


def _starts_sentence(char: str) -> bool:
    return char.isupper() or char.isdigit() or char in "\"“‘'([•*-–—"


def _after_period(text: str, stop: int, nxt: int) -> bool:
    """Whether the "." ending at ``stop`` ends a sentence, the next text starting at ``nxt``."""
    words = text[max(0, stop - _WINDOW) : stop].rsplit(None, 1)
    word = words[-1].lstrip("([\"“‘'") if words else ""
    lower = word.lower()
    if lower in _TITLES:
        return False
    next_char = text[nxt]
    if lower in _NUMBERED:
        return not next_char.isdigit()
    if (len(word) == 1 and word.isupper()) or _DOTTED.search(word):
        opener = _NEXT_WORD.match(text, nxt)
        return opener is not None and opener.group(1).lower() in _OPENERS
    return True


def _after_line(text: str, begin: int, nxt: int) -> bool:
    """Whether a single line break (the line ending at ``begin``) ends a sentence."""
    if text[nxt].islower():
        return False
    words = text[max(0, begin - _WINDOW) : begin].rsplit(None, 1)
    tail = words[-1].lower() if words else ""
    return not (tail in _CONTINUES or tail[-1:] in (",", ";", "(", "-", "–", "—"))


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in ``text``, whitespace-trimmed, in order."""
    spans: list[tuple[int, int]] = []
    start = 0
    size = len(text)
    for m in _BREAK.finditer(text):
        nxt = m.end()
        if nxt >= size:
            break
        first = m.start()
        space = m.group("space")
        gap = space if space is not None else text[first:nxt]
        if gap.count("\n") >= 2:
            cut = True
        elif space is not None:
            punct = text[first : m.end("punct")]
            cut = _starts_sentence(text[nxt]) and (punct != "." or _after_period(text, first, nxt))
            if not cut and "\n" in gap:
                cut = _after_line(text, first + 1, nxt)
        else:
            cut = _after_line(text, first, nxt)
        if cut:
            _add(spans, text, start, m.start("space") if space is not None else first)
            start = nxt
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        start += len(piece) - len(piece.lstrip())
        spans.append((start, start + len(stripped)))
