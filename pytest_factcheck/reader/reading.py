"""Stage 2b: article text -> figures.

A figure is a number an article states, read with its hedge ("more than"), its interval,
its kind (count, ordinal, measure, money, percent, ratio) and what it counts. The rules are
documented with examples in docs/reader.md. The scan is one precompiled regular expression
over each sentence plus small, bounded look-ups around each number, so reading is linear
in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from ..common.words import is_plural as _plural
from .numbers import (
    CARDINALS,
    HEDGES,
    NEGATED,
    ORDINALS,
    POST_HEDGES,
    SCALE_ABBREVIATIONS,
    SCALES,
    VAGUE,
    hedge_interval,
    ordinal_value,
    parse_words,
    whole,
)
from .sentences import split_sentences
from .units import CURRENCY_SYMBOLS, TIME_UNITS, UNIT_WORDS, unit_name

__all__ = ["READER_VERSION", "Figure", "Sentence", "read_figures", "read_sentences"]

#: Bumped whenever the reading rules change, so cached readings are invalidated.
READER_VERSION = "4"


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as an article states it.

    ``text`` is the surface exactly as written, qualifier and own noun included
    ("more than 130 attacks"), and ``text == source[start:end]``. ``low``/``high`` are the
    interval the wording allows (``None`` is an open end). ``noun`` is the counted noun with
    leading "such", "U.S."-style abbreviations, hyphenated adjectives and coordinated
    modifiers dropped ("such rocket and missile strikes" -> "strikes"); ``phrase`` is the
    whole noun phrase as written ("U.S. service members"), which ``counts`` entries of
    several words are matched against.
    """

    text: str
    start: int
    end: int
    value: int | float
    low: int | float | None
    high: int | float | None
    low_open: bool
    high_open: bool
    qualifier: str | None
    kind: str
    noun: str | None
    unit: str | None
    inherited: bool = False
    previous: bool = False
    phrase: str | None = None
    role: str | None = None


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the text (offsets into it) and the figures inside it, in order."""

    start: int
    end: int
    figures: tuple[Figure, ...]


# --------------------------------------------------------------------------- patterns


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any blank run."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


_NUM = r"(?:\d{1,3}(?:,\d{3}){1,6}(?!,?\d)|\d{1,16}(?!\d))(?:\.\d{1,12}(?!\d))?"
_U = "one|two|three|four|five|six|seven|eight|nine"
_TEEN = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_S99 = rf"(?:(?:{_TENS})(?:[- ](?:{_U})\b)?|{_TEEN}|{_U})\b"
_H = rf"(?:(?:{_S99}|a)\s+hundred\b(?:\s+(?:and\s+)?{_S99})?|{_S99})"
_BIG = (
    rf"(?:{_H}|a(?=\s+(?:thousand|million|billion)))(?:\s+and\s+a\s+half\b)?"
    rf"(?:\s+(?:thousand|million|billion|trillion)\b(?:\s+(?:and\s+)?{_H}(?!\s+dozen))?)*"
)
_WORDS = (
    rf"(?:(?:a\s+half|half\s+a|half|{_H}|a)[\s-]+dozen\b|a\s+(?:couple|pair)\s+of\b"
    rf"|{_BIG})"
)
_ORDW = (
    rf"(?:(?:{_TENS})-(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    rf"|{_alt(ORDINALS)})"
)
_FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "one half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "two thirds": 2 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "three quarters": 0.75,
    "a fifth": 0.2,
    "one fifth": 0.2,
    "two fifths": 0.4,
    "three fifths": 0.6,
    "a tenth": 0.1,
    "one tenth": 0.1,
}
_FRAC = "|".join(re.escape(k).replace(r"\ ", r"[\s-]+") for k in sorted(_FRACTIONS, key=len, reverse=True))

_WORD_TOKEN = re.compile(
    rf"""
      (?P<frac>(?<![\w/.@-])(?i:{_FRAC})(?=\s+(?:of|the)\b))
    | (?P<words>(?<![\w/.@-])(?i:{_WORDS})(?!\w))
    | (?P<ordw>(?<![\w/.@-])(?i:{_ORDW})(?![\w-]))
    | (?P<vague>(?<![\w/.@-])(?i:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens
          |scores(?=\s+of\b)|hundreds|thousands|millions|billions)(?!\w))
    """,
    re.X,
)
_DIGIT_TOKEN = re.compile(rf"(?P<digits>(?:(?P<cur>[$£€¥])\s?|(?<![\w.,/:#@$£€¥-]))(?P<num>{_NUM}))")

_DIGIT_STARTS = frozenset("0123456789$£€¥")


def _trie(words: list[str]) -> str:
    """A regex matching exactly ``words``, factored by prefix: sre tries the alternatives
    of a group one by one, so a trie scans several times faster than a flat list."""
    tree: dict = {}
    for word in words:
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(char) + emit(sub) for char, sub in sorted(node.items()) if char]
        if not alts:
            return ""
        group = "(?:" + "|".join(alts) + ")"
        return group + "?" if "" in node else group

    return emit(tree)


_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_CANDIDATE_WORDS = sorted(
    set(_U.split("|") + _TEEN.split("|") + _TENS.split("|") + list(ORDINALS))
    | {"half", "dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"},
    key=len,
    reverse=True,
)
#: Where a number may start, searched in an ASCII-lower-cased copy of the text (a
#: case-sensitive search is several times faster than an IGNORECASE one).
_CANDIDATE = re.compile(
    r"[$£€¥]|(?<!\w)(?:\d[\d,.]*|(?:a\s+(?:dozen|couple|pair|half|hundred|thousand|million"
    rf"|billion|third|quarter|fifth|tenth)|{_trie(_CANDIDATE_WORDS)})\b)"
)


def _reversed_alt(phrases: object) -> str:
    """An alternation matching ``phrases`` written backwards (for the reversed text)."""
    ordered = sorted({p[::-1] for p in phrases}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


_MONTH_NAMES = ["Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July", "Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December"]
_CHANGE_VERBS = ["up", "down", "rose", "risen", "rising", "increased", "increasing", "fell", "fallen", "falling", "dropped", "climbed", "jumped", "grew", "declined", "went"]
# Left-context patterns run on the reversed text, anchored right before the number, so
# each look-up is one match instead of a search over a window.
_HEDGE_REV = re.compile(rf"(?i)[ \t]*(?P<hedge>{_reversed_alt(HEDGES)})(?:\s+(?P<neg>ton|on))?(?![\w~])")
_PREVIOUS_REV = re.compile(
    rf"(?i)[ \t]*(?:morf\s+(?:{_reversed_alt(_CHANGE_VERBS)})|(?:htiw|ot)\s+derapmoc"
    r"|susrev|\.?sv)(?!\w)"
)
_PREV_WORD_REV = re.compile(r"[ \t]*([A-Za-z'’.#-]*[A-Za-z#])(?=[\s(\[\"“]|\Z)")
_DOLLAR_PREFIX_REV = re.compile(r"(SU|[CA])(?!\w)")
_MONTH_SET = frozenset(_MONTH_NAMES)
_HEDGE_TAILS = frozenset(h.split()[-1] for h in HEDGES)
_PREVIOUS_TAILS = frozenset({"from", "with", "to", "versus", "vs", "vs."})
_DAY_MONTH = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(_MONTH_NAMES)})\b\.?(?:,?\s+\d{{4}}(?!\w))?")
_YEAR_AFTER_DAY = re.compile(r",?\s+\d{4}(?!\w)")
_CLOCK = re.compile(r"[/:]\d|-\d\d-\d\d\b|\s*[ap]\.?m\b\.?")
_YEAR_RANGE = re.compile(r"[-–/](?:1[5-9]|20)?\d\d(?!\w)")

_SECOND = re.compile(
    rf"(?:(?P<digits>{_NUM})(?P<glued>bn|mn|mln|bln|tn|trn|m|k)?(?![\w,.]\d)|(?P<ord>\d+(?:st|nd|rd|th)\b|(?i:{_ORDW})(?![\w-]))"
    rf"|(?P<words>(?i:{_BIG})))(?!\w)"
)
_SCALE_AFTER = re.compile(
    r"(?:\s+(?P<word>(?i:hundred|thousand|million|billion|trillion|dozen))\b"
    r"|\s?(?P<abbr>bn|mn|mln|bln|tn|trn)\b)"
)
_RANGE_JOIN = re.compile(r"\s*(?:-|–|—)\s*|\s+(?:to|or|through|and)\s+")
_AND = re.compile(r"\s+and\s+")
_POST_HEDGE = re.compile(r"(?i)\s+or\s+(?:more|greater|higher|above|fewer|less|so)\b|-plus\b|\+")
_PERCENT = re.compile(r"(?i)\s?%|\s+(?:percent|per\s+cent|pct)\b")
_RATIO = re.compile(r"\s+(?:in|out\s+of)\s+")
_CURRENCY_WORD = re.compile(r"(?i)\s+(dollars|euros|yen)\b")
_MEASURE_KEYS = [k for k, v in UNIT_WORDS.items() if v != "percent"]
_UNIT = re.compile(rf"(?P<sep>[ \t]*|-)(?P<unit>(?i:{_alt(_MEASURE_KEYS)}))(?![\w/])")
_UNIT_HEADS = frozenset(re.split(r"[ /]", k)[0].rstrip("²") for k in _MEASURE_KEYS)
_PEEK = re.compile(r"[ \t]*([-–—%+]?)[ \t]*([A-Za-z]*)")
# What may follow a number for each extension to be worth a regex match.
_SCALE_WORDS = frozenset(SCALES) | frozenset(SCALE_ABBREVIATIONS)
_RANGE_WORDS = frozenset({"to", "or", "through", "and"})
_PERCENT_WORDS = frozenset({"percent", "per", "pct"})
_CURRENCY_WORDS = frozenset({"dollars", "euros", "yen"})
_AGE = re.compile(r"(?i)-old\b")
_CONVERSION = re.compile(
    rf"\s*\((?:(?i:about|roughly|some|nearly|around|approximately|almost|~|c\.)\s*)?"
    rf"(?:[$£€]\s?)?{_NUM}(?:\s?[A-Za-z%/²]+)*\s*\)"
)
_CODE_RUN = re.compile(r"[\w.,/:%-]*")
_ATTACHED = re.compile(r"[A-Za-z]+")

_NEXT_LOWER = re.compile(r"[ \t]+[a-z]")
_NEXT_OF = re.compile(r"[ \t]+of(?:[ \t]+(?:the|these|those|its|their|his|her|our|them|all))?(?=[ \t])")
_ONE_OF = re.compile(r"(?i)\s+(?:of\s+(?:the|these|those|its|their|his|her|our|them)\b|another\b)")
_NP_TOKEN = re.compile(r"[ \t]+((?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*)(?![\w-])")

# --------------------------------------------------------------------------- lexicons

_STOP = frozenset(
    ["in", "on", "at", "of", "for", "from", "to", "by", "with", "against", "across", "near", "into", "onto", "over", "under", "during", "since", "after", "before", "through", "including", "per", "as", "than", "like", "within", "without", "toward", "towards", "about", "around", "among", "amid", "amidst", "between", "behind", "beyond", "inside", "outside", "along", "via", "upon", "off", "out", "up", "down", "throughout", "despite", "except", "plus", "but", "yet", "so", "while", "when", "who", "whom", "which", "that", "where", "whose", "whether", "if", "because", "although", "though", "nor", "the", "a", "an", "this", "these", "those", "its", "their", "his", "her", "our", "my", "your", "it", "they", "them", "he", "she", "we", "i", "you", "there", "here", "each", "every", "all", "both", "any", "is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "also", "still", "now", "then", "just", "only", "already", "again", "ago", "not", "no", "never", "ever", "even", "very", "too", "early", "late", "later", "earlier", "last", "next", "yesterday", "today", "tonight", "tomorrow", "said", "says", "say", "according", "respectively", "apiece", "total", "altogether", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "more", "most", "less", "fewer", "own"]
)
_STOP = _STOP | frozenset(CARDINALS) | frozenset(SCALES)
_SKIP_LEAD = frozenset({"such", "more", "additional", "other", "further", "new"})
#: Participles that name what a bare number counts ("5 dead, 12 wounded", "40 missing").
_CASUALTY_STATES = frozenset(
    ["wounded", "injured", "killed", "missing", "displaced", "detained", "arrested", "hospitalized", "hospitalised", "evacuated", "rescued"]
)
_ED_NOUNS = frozenset(["hundred", "need", "speed", "bed", "seed", "shed", "creed", "breed", "deed", "feed", "red", "reed"])
_ING_NOUNS = frozenset(
    ["thing", "building", "meeting", "wing", "evening", "morning", "ceiling", "offering", "bombing", "shooting", "killing", "landing", "briefing", "hearing", "ruling", "warning", "finding", "funding", "training", "uprising", "spring", "king", "ring", "string", "sibling", "opening", "opening"]
)
_ROLE_VERBS = frozenset(
    ["kill", "kills", "killing", "injure", "injures", "injuring", "wound", "wounds", "wounding", "hit", "hits", "struck", "shot", "lost", "left", "sent", "fire", "fires", "firing", "launch", "launches", "launching"]
)
_YEAR_WORDS = frozenset(
    ["in", "since", "by", "of", "from", "until", "till", "to", "through", "before", "after", "during", "early", "late", "mid", "the", "and", "or", "between", "around", "circa"]
)
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "every", "each"])
_NOT_NAMES = (
    _STOP
    | _SKIP_LEAD
    | {h.split()[0] for h in HEDGES}
    | frozenset(
        ["another", "only", "exactly", "just", "with", "including", "and", "but", "or", "all", "some", "nearly", "almost", "about", "around", "roughly", "approximately", "over", "more", "some", "those", "these", "killing", "killed", "injuring", "injured"]
    )
) - {"no"}
_PRONOUN_ONE = frozenset(["no", "the", "this", "that", "any", "every", "each", "which", "someone", "anyone"])
_MAX_NP_WORDS = 7


# --------------------------------------------------------------------------- reading


@dataclass(slots=True)
class _Number:
    """A number being read: span, value, interval before hedging, and its kind so far."""

    start: int
    end: int
    value: int | float
    low: int | float
    high: int | float
    kind: str = "count"
    unit: str | None = None
    post_hedge: str | None = None
    post_hedge_text: str | None = None
    digits: bool = False
    plain_year: bool = False
    noun_after: bool = True
    between: int | None = None
    scaled: bool = False


def _verb_form(lower: str) -> bool:
    return (lower.endswith("ed") and len(lower) > 4 and lower not in _ED_NOUNS) or (
        lower.endswith("ing") and len(lower) > 5 and lower not in _ING_NOUNS
    )


def _digit_value(text: str) -> int | float:
    return whole(float(text.replace(",", "")))


def _apply_scale(text: str, num: _Number, send: int) -> None:
    """Multiply by a scale written after digits: "1.5 million", "2.5bn", "3 dozen"."""
    m = _SCALE_AFTER.match(text, num.end, send)
    if not m:
        return
    word = m.group("word")
    factor = SCALES[word.lower()] if word else SCALE_ABBREVIATIONS[m.group("abbr")]
    num.value = num.low = num.high = whole(num.value * factor)
    num.end = m.end()
    num.plain_year = False
    num.scaled = True


def _read_second(text: str, pos: int, send: int) -> tuple[int, int | float, bool, int] | None:
    """The second number of a range at ``pos``: (end, value, is_ordinal, scale factor)."""
    m = _SECOND.match(text, pos, send)
    if not m:
        return None
    if m.group("digits"):
        value = _digit_value(m.group("digits"))
        end = m.end()
        factor = SCALE_ABBREVIATIONS[m.group("glued")] if m.group("glued") else 1
        value = whole(value * factor)
        scale = None if factor > 1 else _SCALE_AFTER.match(text, end, send)
        if scale:
            word = scale.group("word")
            factor = SCALES[word.lower()] if word else SCALE_ABBREVIATIONS[scale.group("abbr")]
            value = whole(value * factor)
            end = scale.end()
        return end, value, False, factor
    if m.group("ord"):
        word = m.group("ord")
        ordinal = int(word[:-2]) if word[0].isdigit() else ordinal_value(word)
        return (m.end(), ordinal, True, 1) if ordinal is not None else None
    words = m.group("words")
    spoken = parse_words(words)
    factor = SCALES.get(words.rsplit(None, 1)[-1].lower(), 1)
    return (m.end(), spoken, False, factor) if spoken is not None else None


def _range(text: str, num: _Number, send: int, between: bool, is_ordinal: bool) -> None:
    """Extend ``num`` over "10 to 15", "10-15", "fourth or fifth", "between 10 and 15"."""
    join = (_AND if between else _RANGE_JOIN).match(text, num.end, send)
    if not join or (not between and join.group().strip() == "and"):
        return
    second = _read_second(text, join.end(), send)
    if second is None:
        return
    end, value, ordinal, factor = second
    if ordinal != is_ordinal:
        return
    if factor > 1 and not num.scaled and num.value * factor <= value:
        num.value = num.low = whole(num.value * factor)  # "1.5 to 2 million": one scale
    if value <= num.value:
        return
    num.high = value
    num.end = end
    num.plain_year = False


def _post_hedge(text: str, num: _Number, send: int) -> None:
    m = _POST_HEDGE.match(text, num.end, send)
    if m:
        words = " ".join(m.group().lower().replace("-", " ").split())
        num.post_hedge = POST_HEDGES[words]
        num.post_hedge_text = words
        num.end = m.end()


def _ratio(text: str, num: _Number, send: int) -> None:
    """ "1 in 5", "one out of four": a ratio, never two counts."""
    m = _RATIO.match(text, num.end, send)
    if not m:
        return
    second = _read_second(text, m.end(), send)
    if second is None or second[2]:
        return
    end, value = second[0], second[1]
    written = text[m.end() : end]
    if value <= num.value or (written.isdigit() and len(written) == 4):
        return
    num.value = num.low = num.high = whole(num.value / value)
    num.kind = "ratio"
    num.end = end


def _unit(text: str, num: _Number, send: int, article: bool) -> bool:
    """Attach a unit ("110 miles", "24-hour"). ``False`` when the figure is a modifier."""
    m = _UNIT.match(text, num.end, send)
    if not m:
        if text.startswith("-", num.end) and num.end + 1 < send and text[num.end + 1].isalpha():
            return text.startswith("-plus", num.end)  # "a two-state solution", "20-strong"
        return True
    unit = unit_name(m.group("unit"))
    if _AGE.match(text, m.end(), send):
        return False  # "a 2-year-old child"
    attached = m.group("sep") in ("-", "")
    if attached and unit not in TIME_UNITS:
        # "a 155mm shell", "a 10-mile convoy": a modifier, not a measure of anything
        nxt = _NP_TOKEN.match(text, m.end(), send)
        if m.group("sep") == "-" or (article and nxt and nxt.group(1).lower() not in _STOP):
            return False
    num.kind = "measure"
    num.unit = unit
    num.end = m.end()
    num.noun_after = False
    return True


def _suffix(text: str, num: _Number, send: int) -> str | None:
    """Letters glued to digits: "144th", "2.5bn", "155mm", "40%". "reject" for a code."""
    m = _ATTACHED.match(text, num.end, send)
    if not m:
        return None
    letters = m.group()
    lower = letters.lower()
    if lower in ("st", "nd", "rd", "th"):
        num.end = m.end()
        return "ordinal"
    if lower in SCALE_ABBREVIATIONS:
        num.value = num.low = num.high = whole(num.value * SCALE_ABBREVIATIONS[lower])
        num.end = m.end()
        num.plain_year = False
        num.scaled = True
        return "scaled"
    if lower in UNIT_WORDS and len(lower) > 1:
        return "unit"
    return "reject"


class _Reader:
    """Reads the figures of one sentence ``text[start:end]``.

    ``rev`` is the whole text reversed: left-context rules match there, anchored right
    before a number, so each costs one bounded match.
    """

    def __init__(self, text: str, rev: str, start: int, end: int) -> None:
        self.text = text
        self.rev = rev
        self.start = start
        self.end = end
        self._words: dict[int, tuple[str, int]] = {}
        self._peeks: dict[int, tuple[str, str]] = {}

    def figures(self, candidates: list[int]) -> list[Figure]:
        found: list[Figure] = []
        resume = self.start
        for pos in candidates:
            if pos < resume:
                continue
            token = _DIGIT_TOKEN if self.text[pos] in _DIGIT_STARTS else _WORD_TOKEN
            m = token.match(self.text, pos, self.end)
            if m is None:
                continue
            figure, resume = self._figure(m)
            if figure is not None:
                found.append(figure)
        return _inherit(found)

    # -- left context (reversed text) ---------------------------------------------

    def _rev_match(self, pattern: re.Pattern[str], pos: int) -> re.Match[str] | None:
        n = len(self.text)
        return pattern.match(self.rev, n - pos, n - self.start)

    def _orig(self, rev_pos: int) -> int:
        return len(self.text) - rev_pos

    def _prev(self, pos: int) -> tuple[str, int]:
        """The word right before ``pos`` (blanks between allowed) and where it starts."""
        cached = self._words.get(pos)
        if cached is None:
            m = self._rev_match(_PREV_WORD_REV, pos)
            cached = (m.group(1)[::-1], self._orig(m.end())) if m else ("", pos)
            self._words[pos] = cached
        return cached

    def _peek(self, pos: int) -> tuple[str, str]:
        """(sign, lower-cased word) right after ``pos``: cheap gate for the right context."""
        cached = self._peeks.get(pos)
        if cached is None:
            m = _PEEK.match(self.text, pos, self.end)
            cached = (m.group(1), m.group(2).lower()) if m else ("", "")
            self._peeks[pos] = cached
        return cached

    def _prev_word(self, pos: int) -> str:
        return self._prev(pos)[0]

    def _between(self, pos: int) -> int | None:
        """Start of "between" right before ``pos`` ("between 10 and 15"), else ``None``."""
        word, start = self._prev(pos)
        return start if word.lower() == "between" else None

    def _left(self, pos: int) -> _Left:
        word = self._prev_word(pos).lower()
        hedge = None
        if word in _HEDGE_TAILS or self.text[pos - 1 : pos] == "~" or word.endswith("~"):
            hedge = self._rev_match(_HEDGE_REV, pos)
        if hedge:
            start = self._orig(hedge.end())
            written = " ".join(self.text[start : self._orig(hedge.start("hedge"))].lower().split())
            shape = HEDGES[" ".join(hedge.group("hedge")[::-1].lower().split())]
            if hedge.group("neg"):
                shape = NEGATED.get(shape, shape)
            before = start
            left = _Left((start, shape, written))
        else:
            before = pos
            left = _Left((None, None, None))
        left.word = self._prev_word(before)
        left.previous = self._previous(before, left.word)
        lower = left.word.lower()
        if lower in _ROLE_VERBS or (_verb_form(lower) and lower not in _STOP):
            left.role = lower
        left.immediate = self._prev_word(pos) if hedge else left.word
        return left

    def _previous(self, pos: int, word: str) -> bool:
        """Whether an earlier-value marker ("up from", "compared with") stands before."""
        return word.lower() in _PREVIOUS_TAILS and self._rev_match(_PREVIOUS_REV, pos) is not None

    # -- one token ---------------------------------------------------------------

    def _skip_code(self, pos: int) -> int:
        run = _CODE_RUN.match(self.text, pos, self.end)
        return max(pos, run.end()) if run else pos

    def _figure(self, m: re.Match[str]) -> tuple[Figure | None, int]:
        text, send = self.text, self.end
        if m.lastgroup == "digits":
            skip = self._not_a_quantity(m)
            if skip is not None:
                return None, skip
        num = self._number(m)
        if num is None:
            return None, self._skip_code(m.end())
        left = self._left(num.start)
        hedge_start, shape, qualifier = left.hedge
        if num.kind == "ordinal" and m.lastgroup == "ordw" and not self._ordinal_ok(num, left):
            return None, num.end
        if m.lastgroup == "words" and not self._cardinal_word_ok(m, left):
            return None, m.end()
        if num.digits and not self._digits_ok(num, left, shape):
            return None, self._skip_code(num.end)
        if num.between is not None and shape is None:
            hedge_start, qualifier = num.between, "between"
        if num.post_hedge is not None and shape is None:
            shape, qualifier = num.post_hedge, num.post_hedge_text
        resume = num.end
        if num.kind in ("measure", "money"):
            conversion = _CONVERSION.match(text, num.end, send)
            if conversion:
                resume = conversion.end()  # "1,000 km (620 miles)" is one figure
        noun = phrase = None
        end = num.end
        if num.noun_after:
            np = _noun_phrase(text, num.end, send, num.high)  # a range "1 to 3" counts plural nouns
            if np is not None:
                phrase_start, end, noun = np
                phrase = text[phrase_start:end]
                resume = max(resume, end)
        if num.kind == "count" and noun is not None and noun.lower() in _CURRENCY_WORDS:
            num.kind, num.unit, noun, phrase = "money", unit_name(noun), None, None  # "millions of dollars"
        role = left.role if noun is None and num.kind == "count" else None
        low, high, low_open, high_open = hedge_interval(shape, num.low, num.high)
        start = hedge_start if hedge_start is not None else num.start
        figure = Figure(
            text=text[start:end],
            start=start,
            end=end,
            value=num.value,
            low=low,
            high=high,
            low_open=low_open,
            high_open=high_open,
            qualifier=qualifier,
            kind=num.kind,
            noun=noun,
            unit=num.unit,
            previous=left.previous,
            phrase=phrase,
            role=role,
        )
        return figure, resume

    def _not_a_quantity(self, m: re.Match[str]) -> int | None:
        """Dates, clock times, ISO dates and year ranges: where to resume, else ``None``."""
        text, send = self.text, self.end
        start, end = m.start("num"), m.end("num")
        written = m.group("num")
        if _CLOCK.match(text, end, send):
            return self._skip_code(end)  # "6:30 p.m.", "9/11", "2024-01-20", "6 p.m."
        year_like = written.isdigit() and len(written) == 4 and 1500 <= int(written) <= 2099
        if year_like and _YEAR_RANGE.match(text, end, send):
            return self._skip_code(end)  # "2023-24"
        if (
            m.group("cur") is None
            and self._prev_word(start).rstrip(".") in _MONTH_SET
            and written.isdigit()
            and (int(written) <= 31 or year_like)
        ):
            after = _YEAR_AFTER_DAY.match(text, end, send)
            return after.end() if after and not year_like else end  # "Jan. 28, 2024"
        if written.isdigit() and int(written) <= 31:
            day = _DAY_MONTH.match(text, end, send)
            if day:
                return day.end()  # "13 April"
        return None

    def _number(self, m: re.Match[str]) -> _Number | None:
        """Read the number at token ``m`` and what is glued to it (scale, range, unit)."""
        text, send = self.text, self.end
        group = m.lastgroup
        if group == "frac":
            value = whole(_FRACTIONS[" ".join(m.group().lower().replace("-", " ").split())])
            return _Number(m.start(), m.end(), value, value, value, "ratio")
        if group == "vague":
            low, high = VAGUE[" ".join(m.group().lower().split())]
            return _Number(m.start(), m.end(), low, low, high)
        if group == "ordw":
            ordinal = ordinal_value(m.group())
            if ordinal is None:
                return None
            num = _Number(m.start(), m.end(), ordinal, ordinal, ordinal, "ordinal")
            _range(text, num, send, False, True)
            return num
        if group == "words":
            spoken = parse_words(m.group())
            if spoken is None:
                return None
            num = _Number(m.start(), m.end(), spoken, spoken, spoken)
            return self._extend(num, self._between(num.start))
        currency = m.group("cur")
        digits_text = m.group("num")
        value = _digit_value(digits_text)
        num = _Number(m.start(), m.end(), value, value, value, digits=True)
        num.plain_year = digits_text.isdigit() and len(digits_text) == 4 and 1800 <= value <= 2099
        nxt = text[num.end : num.end + 2]
        if len(nxt) == 2 and nxt[0] in ",." and nxt[1].isdigit():
            return None  # "2,5 km": a decimal comma or a list; ambiguous, left out
        if nxt[:1] == "_":
            return None  # part of an identifier: "000_37bdb6ef2af15950"
        kind = _suffix(text, num, send)
        if kind == "reject":
            return None
        if kind == "ordinal":
            num.kind = "ordinal"
            num.plain_year = False
            _range(text, num, send, False, True)
            return num
        if currency is None:
            code, code_start = self._prev(num.start)
            if code in ("USD", "EUR", "GBP"):
                currency = code
                num.start = code_start
        if currency:
            num.kind = "money"
            num.unit = CURRENCY_SYMBOLS.get(currency.lower(), "USD")
            if currency == "$":
                prefix = _DOLLAR_PREFIX_REV.match(self.rev, len(text) - num.start)
                if prefix and len(text) - prefix.end() >= self.start:
                    num.unit = CURRENCY_SYMBOLS[prefix.group(1)[::-1].lower() + "$"]
                    num.start = self._orig(prefix.end())
            if self._peek(num.end)[1] in _SCALE_WORDS:
                _apply_scale(text, num, send)
            num.plain_year = False
        elif kind != "scaled" and self._peek(num.end)[1] in _SCALE_WORDS:
            _apply_scale(text, num, send)
        return self._extend(num, self._between(num.start))

    def _extend(self, num: _Number, between: int | None) -> _Number | None:
        """Range, post-hedge, ratio, percent, currency word and unit after a cardinal."""
        text, send = self.text, self.end
        sign, word = self._peek(num.end)
        if (sign in ("-", "–", "—") or word in _RANGE_WORDS) and not self._previous(
            num.start, self._prev_word(num.start)
        ):
            _range(text, num, send, between is not None, False)
            if between is not None and num.high != num.low:
                num.between = between
            sign, word = self._peek(num.end)
        if sign in ("-", "+") or word == "or":
            _post_hedge(text, num, send)
            sign, word = self._peek(num.end)
        if num.kind == "count" and word in ("in", "out"):
            _ratio(text, num, send)
        if num.kind == "count":
            pct = _PERCENT.match(text, num.end, send) if (sign == "%" or word in _PERCENT_WORDS) else None
            if pct:
                num.kind, num.unit, num.end, num.plain_year = "percent", "percent", pct.end(), False
                return num
            cur = _CURRENCY_WORD.match(text, num.end, send) if word in _CURRENCY_WORDS else None
            if cur:
                num.kind, num.unit = "money", unit_name(cur.group(1))
                num.end, num.plain_year = cur.end(), False
                return num
            article = self._prev_word(num.start).lower() in ("a", "an")
            if (word in _UNIT_HEADS or sign == "-") and not _unit(text, num, send, article):
                return None
            if num.kind == "measure":
                num.plain_year = False
        return num

    # -- acceptance rules ------------------------------------------------------------

    def _ordinal_ok(self, num: _Number, left: _Left) -> bool:
        """Word ordinals count only after a determiner: "the fourth", "a second attack"."""
        lower = left.immediate.lower()
        return lower in _DETERMINERS or lower.endswith(("'s", "’s")) or num.high != num.low

    def _cardinal_word_ok(self, m: re.Match[str], left: _Left) -> bool:
        """ "one" as a pronoun ("no one", "one of the", "the one") is not a figure."""
        if m.group().lower() != "one":
            return not _is_name(left.immediate)
        if left.immediate.lower() in _PRONOUN_ONE:
            return False
        return _ONE_OF.match(self.text, m.end(), self.end) is None

    def _digits_ok(self, num: _Number, left: _Left, shape: str | None) -> bool:
        """Reject years, names and codes ("in 2018", "Tower 22", "No. 2") and "(0)"."""
        text = self.text
        if num.plain_year:
            lower = left.immediate.lower()
            lowercase_next = _NEXT_LOWER.match(text, num.end, self.end) is not None
            if not lowercase_next or (shape is None and lower in _YEAR_WORDS):
                return False
        if shape is None and num.kind != "money" and _is_name(left.immediate):
            return False
        start = num.start
        return not (
            start > self.start
            and text[start - 1] in "(["
            and num.end < self.end
            and text[num.end] in ")]"
            and num.kind == "count"
        )


@dataclass(slots=True)
class _Left:
    """What stands left of a number: its hedge, an earlier-value marker, a verb."""

    hedge: tuple[int | None, str | None, str | None]
    previous: bool = False
    word: str = ""
    immediate: str = ""
    role: str | None = None


def _is_name(word: str) -> bool:
    """A capitalised word right before a number makes it a name or code ("Tower 22")."""
    if not word:
        return False
    if word in ("No.", "Nos.", "#", "no.") or word.startswith("#"):
        return True
    bare = word.rstrip(".")
    return bare[:1].isupper() and "." not in bare and bare.lower() not in _NOT_NAMES and bare.lower() not in CARDINALS


def _noun_phrase(text: str, pos: int, send: int, value: int | float) -> tuple[int, int, str] | None:
    """(phrase start, phrase end, noun) of the noun phrase after a number, if any."""
    of = _NEXT_OF.match(text, pos, send)
    if of:
        pos = of.end()
    taken: list[re.Match[str]] = []
    lowercase_seen = False
    while len(taken) < _MAX_NP_WORDS:
        m = _NP_TOKEN.match(text, pos, send)
        if m is None:
            break
        word = m.group(1)
        lower = word.lower()
        if lower in ("and", "or"):
            if not taken or _plural(taken[-1].group(1)):
                break
            nxt = _NP_TOKEN.match(text, m.end(), send)
            if nxt is None or nxt.group(1).lower() in _STOP or nxt.group(1).lower() in ("and", "or"):
                break
            taken.append(m)
            pos = m.end()
            continue
        if lower in _STOP and not (lower in _SKIP_LEAD and not taken):
            break
        dotted = "." in word
        if word[0].isupper() and lowercase_seen and not dotted:
            break
        if _verb_form(lower):
            if lowercase_seen:
                break
            nxt = _NP_TOKEN.match(text, m.end(), send)
            if nxt is None or nxt.group(1).lower() in _STOP:
                if not taken and lower in _CASUALTY_STATES:
                    taken.append(m)  # "12 wounded": the wounded are what is counted
                break
        if value == 1 and lowercase_seen and _plural(word):
            break
        taken.append(m)
        pos = m.end()
        if word[0].islower():
            lowercase_seen = True
        if _plural(word) and not dotted:
            break
    while taken and taken[-1].group(1).lower() in ("and", "or"):
        taken.pop()
    noun = _noun(taken)
    if noun is None:
        return None
    return taken[0].start(1), taken[-1].end(1), noun


def _noun(taken: list[re.Match[str]]) -> str | None:
    """The counted noun: the phrase minus "such", abbreviations, hyphenated and coordinated
    modifiers ("such rocket and missile strikes" -> "strikes")."""
    words = [m.group(1) for m in taken]
    for i in range(len(words) - 1, -1, -1):
        if words[i].lower() in ("and", "or"):
            words = words[i + 2 :]
            break
    kept = [w for w in words if "." not in w and "-" not in w and w.lower() not in _SKIP_LEAD]
    if not kept or not kept[-1][0].isalpha():
        return None
    return " ".join(kept)


def _inherit(figures: list[Figure]) -> list[Figure]:
    """Nounless counts take the noun of the nearest earlier count with one ("57 in Iraq")."""
    out: list[Figure] = []
    donor: Figure | None = None
    for figure in figures:
        if figure.kind == "count":
            if figure.noun is None and figure.role is None and donor is not None:
                figure = replace(figure, noun=donor.noun, phrase=donor.phrase, inherited=True)
            if figure.noun is not None:
                donor = figure
        out.append(figure)
    return out


#: "An Iraqi soldier was injured": an editor reads a casualty count of one. Only this shape
#: counts: "a"/"an", a noun phrase of up to four words, then was / has been / had been and a
#: casualty verb. Any other "a"/"an" ("a U.S. official said", "a rocket was fired") is not
#: a figure.
_CASUALTY_VERBS = (
    r"(?:killed|injured|wounded|hurt|hospitali[sz]ed|arrested|detained|kidnapped|"
    r"abducted|missing)\b"
)
_CASUALTY_VERB = re.compile(rf"\b(?:was|been)\s+{_CASUALTY_VERBS}")
_ONE_CASUALTY = re.compile(
    r"(?<![\w'’-])(?P<art>[Aa]n?)\s+(?P<np>(?:[\w.'’-]+\s+){0,3}?[\w'’-]+)"
    rf"\s+(?:was|has\s+been|had\s+been)\s+{_CASUALTY_VERBS}"
)


def _one_casualty(text: str, start: int, end: int, figures: list[Figure]) -> list[Figure]:
    """Figures of one for "a"/"an" casualty sentences, where no figure stands already."""
    if not _CASUALTY_VERB.search(text, start, end):
        return figures
    found = list(figures)
    for m in _ONE_CASUALTY.finditer(text, start, end):
        words = m.group("np").split()
        if any(w.lower() in _STOP or w.lower() in _DETERMINERS for w in words):
            continue
        lo, hi = m.start("art"), m.end("np")
        if any(f.start < hi and lo < f.end for f in figures):
            continue
        kept = [w for w in words if "." not in w and "-" not in w] or words
        noun = " ".join(kept)
        found.append(
            Figure(text[lo:hi], lo, hi, 1, 1, 1, False, False, None, "count", noun, None, phrase=" ".join(words))
        )
    return sorted(found, key=lambda f: f.start)


def read_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order, each with its figures (possibly none)."""
    spans = split_sentences(text)
    candidates = [m.start() for m in _CANDIDATE.finditer(text.translate(_LOWER))]
    if not candidates and not _CASUALTY_VERB.search(text):
        return [Sentence(start, end, ()) for start, end in spans]
    rev = text[::-1]
    sentences: list[Sentence] = []
    i, count = 0, len(candidates)
    for start, end in spans:
        while i < count and candidates[i] < start:
            i += 1
        j = i
        while j < count and candidates[j] < end:
            j += 1
        figures = _Reader(text, rev, start, end).figures(candidates[i:j]) if j > i else []
        figures = _one_casualty(text, start, end, figures)
        sentences.append(Sentence(start, end, tuple(figures)))
        i = j
    return sentences


def read_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in text order."""
    return [f for s in read_sentences(text) for f in s.figures]
