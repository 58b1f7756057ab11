"""Stage 2b: article text -> figures (the orchestration of the reader's stages).

A figure is a number an article states, read with its hedge ("more than"), its interval,
its kind (count, ordinal, measure, money, percent, ratio) and what it counts. Each stage
lives in its own module, whose docstring lists its rules with an example each:

- ``tokens``: number tokens and their composition with scales, fractions and ranges;
- ``hedges``: hedges and intervals, two-sided hedges, denied figures;
- ``notfigures``: what is not a figure (dates, codes, phones, scores, ages, addresses);
- ``nouns``: counted nouns, nouns named elsewhere, and inheritance;
- ``measures``: units and money around a number.

Here: ``Figure``, ``Sentence``, the per-sentence ``_Reader`` that applies the stages to each
candidate number, and ``read_sentences``/``read_figures``. The scan is one precompiled
regular expression over each sentence plus small, bounded look-ups around each number,
so reading is linear in the length of the text. docs/reader.md documents every rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..common.words import is_plural as _plural
from .hedges import _DENIAL_AFTER, _HEDGE_REV, _HEDGE_TAILS, _PREVIOUS_REV, _PREVIOUS_TAILS, _TWO_SIDED, _post_hedge
from .measures import (
    _CODES_BEFORE,
    _CONVERSION,
    _CURRENCY_ADJECTIVES,
    _CURRENCY_NAMES,
    _CURRENCY_WORD,
    _CURRENCY_WORDS,
    _DOLLAR_PREFIX_REV,
    _MONEY_VERBS,
    _NATIONAL_CURRENCIES,
    _PERCENT,
    _PERCENT_WORDS,
    _UNIT_HEADS,
    PCT_RANGES,
    _of_follows,
    _suffix,
    _unit,
)
from .notfigures import (
    _ADDRESS,
    _AGE_BOUNDS,
    _AGE_PEOPLE,
    _AGE_WORDS,
    _APPOSITION_AFTER,
    _APPOSITION_BEFORE,
    _CLOCK,
    _DAY_MONTH,
    _DOT_TIME,
    _DOT_TIME_WORDS,
    _LABELS,
    _MAGNITUDE_AFTER,
    _MILITARY_TIME,
    _MONTH_SET,
    _NO_NOUN_AFTER,
    _OPENERS,
    _PERSON_WORDS,
    _PHONE,
    _PHONE_AFTER_CODE,
    _PHONE_NANP,
    _PHONE_PREFIX_REV,
    _PLACE_PREPOSITIONS,
    _PRONOUN_ONE,
    _SCORE,
    _SCORE_AFTER,
    _SCORE_CONTEXT,
    _SCORE_WORDS,
    _SECOND_OF_TIME,
    _SLASH_RATIO,
    _URL_MARKS,
    _YEAR_AFTER_DAY,
    _YEAR_RANGE,
    _YEAR_WORDS,
    _is_name,
)
from .nouns import (
    _DETERMINERS,
    _ONE_OF,
    _PASSIVE_ROLE,
    _ROLE_VERBS,
    _STOP,
    _SUBJECT,
    _SUBJECT_VERB_END,
    _SUBJECT_VERBS,
    _inherit,
    _noun_phrase,
    _verb_form,
)
from .numbers import (
    HEDGES,
    NEGATED,
    SCALES,
    VAGUE,
    hedge_interval,
    ordinal_value,
    parse_words,
    whole,
)
from .sentences import split_sentences
from .tokens import (
    _CANDIDATE,
    _CODE_RUN,
    _DIGIT_STARTS,
    _DIGIT_TOKEN,
    _LOWER,
    _PEEK,
    _RANGE_WORDS,
    _SCALE_WORDS,
    _VULGAR,
    _WORD_TOKEN,
    POINT_DIGITS,
    _apply_scale,
    _digit_value,
    _fraction_of_scale,
    _Number,
    _range,
    _ratio,
    _read_second,
    fraction_value,
    point_value,
)
from .units import CURRENCY_SYMBOLS, TIME_UNITS, unit_name

__all__ = ["READER_VERSION", "Figure", "Sentence", "read_figures", "read_sentences"]
#: Bumped whenever the reading rules change, so cached readings are invalidated.
READER_VERSION = "8"


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as an article states it.

    ``text`` is the surface exactly as written, qualifier and own noun included
    ("more than 130 attacks"), and ``text == source[start:end]``. ``low``/``high`` are the
    interval the wording allows (``None`` is an open end). ``noun`` is the counted noun with
    leading "such", "U.S."-style abbreviations, hyphenated adjectives and coordinated
    modifiers dropped ("such rocket and missile strikes" -> "strikes"); ``phrase`` is the
    whole noun phrase as written ("U.S. service members"), which ``counts`` entries of
    several words are matched against. ``denied`` marks a figure the sentence rejects ("4
    were wounded, not 40 as first reported": the 40); like ``previous``, it is never
    compared with a fact.
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
    denied: bool = False


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the text (offsets into it) and the figures inside it, in order."""

    start: int
    end: int
    figures: tuple[Figure, ...]


_PREV_WORD_REV = re.compile(r"[ \t]*([A-Za-z'’.#-]*[A-Za-z#])(?=[\s(\[\"“]|\Z)")
_NEXT_LOWER = re.compile(r"[ \t]+[a-z]")


_MINUS = ("minus", "Minus", "MINUS")
#: Words right before a bare count after which a subject named earlier may be what it counts.
#: A bare figure whose noun comes after "were": "12 were children", "three were women."
_COPULA_NOUN = re.compile(r"[ \t]+(?:were|are)[ \t]+(?:all[ \t]+)?(?P<noun>[A-Za-z]+)(?=[ \t]*(?:[.,;:!?)]|$|and\b|or\b))")
#: Verbs that give a level a plural subject reached: "Casualties topped 1,200",
#: "Fatalities fell to 41", "Confirmed infections now total 620".
_LEVEL_VERBS = _SUBJECT_VERBS | frozenset(
    [
        *("fell", "dropped", "declined", "grew", "jumped", "increased", "decreased", "soared", "surged"),
        *("total", "totals", "numbered", "number", "stand", "stands", "reach", "reaches"),
    ]
)
_SUBJECT_ADVERBS = frozenset(["now", "already", "still", "currently", "reportedly", "has", "have", "had"])
_SUBJECT_PREPOSITIONS = frozenset(["at", "on", "for", "in", "of", "from", "across", "to", "among", "with"])
#: Verbs a title-case headline writes with a capital before its figure ("Flood Kills 12",
#: "Government To Hire 5,000 Nurses"): never names.
_HEADLINE_VERBS = _ROLE_VERBS | _LEVEL_VERBS | frozenset(
    f"{verb}{ending}"
    for verb in (
        *("kill", "injure", "arrest", "hire", "leave", "rise", "top", "evacuate", "rescue", "jail", "fine"),
        *("ban", "free", "cut", "add", "lose", "gain", "claim", "strand", "displace", "say", "see", "seize"),
        *("charge", "deport", "sack", "axe", "shed", "face", "need", "get", "give", "win", "buy", "sell", "pay"),
        *("raise", "approve", "reject", "block", "detain", "expel", "recall", "order", "plan", "warn", "hit"),
        *("reach", "pass", "exceed", "near", "surpass", "double", "triple", "climb", "fall", "drop", "send"),
        *("hurt", "wound", "kidnap", "abduct", "infect", "affect", "force", "destroy", "damage", "save"),
    )
    for ending in ("", "s", "es")
) | frozenset(["leaves", "fell", "rose", "sent", "left", "won", "lost", "paid", "sold", "saw", "gave", "got", "to"])
#: A score or tally after a word of a match or a vote, with its other side: "112-108", "51 to 49".
_TALLY = re.compile(r"(?P<a>\d{1,3})(?:[ \t]*[-–][ \t]*|[ \t]+to[ \t]+)(?P<b>\d{1,3})(?![\d%]|[.,]\d)")
_EARLIER_WORDS = frozenset(["initial", "earlier", "original", "previous", "first", "estimated"])
_EARLIER_AFTER_FROM = re.compile(
    r"(?i)\b(?:up|down|rose|fell|increased|decreased|revised|cut|raised)\s+from\s+(?:an?|the)\s+"
    r"(?:initial|earlier|original|previous|first|estimated)\s*$"
)
_TO_THEN_FROM = re.compile(
    r"(?i)\b(?:corrected|revised|raised|lowered|cut|rose|fell|increased|decreased|grew|dropped|climbed|jumped"
    r"|changed|updated|adjusted|put)\b[^,;()]{0,40}?\bto\s+[$£€]?\d[\d,.]*[^,;()]{0,40}?\s+from\s*$"
)
_CLAUSE_END = re.compile(r"[ \t]*(?:[.;!?]|,[ \t]+(?:and|but|while)\b|$)")
_CHANGE_TO_LEVEL = re.compile(r"[ \t]+to[ \t]+(?:[A-Z]{1,2})?[$£€¥₹]")
_RISE_FALL = frozenset(
    ["rose", "fell", "gained", "lost", "added", "jumped", "dropped", "climbed", "slipped", "slid", "rallied", "sank"]
)
_DIGIT_ORDINAL_BEFORE = re.compile(r"\d(?:st|nd|rd|th)[ \t]+$")
_PERIOD_BEFORE = re.compile(r"\b(?:Q[1-4]|H[12]|FY)[ \t]+$")
_LABEL_MORE = re.compile(r"(?:[ \t]*(?:-|–|,|and|to|or)[ \t]*\d+\b)+")
_MINUS_BEFORE = re.compile(r"(?<![\w-])(?i:minus)\s+$")
_SUBJECT_GATES = frozenset(
    [
        *("to", "at", "reached", "reaches", "hit", "hits", "passed", "stood", "stands", "was", "is", "now"),
        *("total", "totals", "totalled", "totaled", "numbered"),
    ]
)
#: Words before a number that make it an age, a magnitude or a score (see notfigures).
_CODE_BEFORE = _SCORE_WORDS | _AGE_WORDS | {"magnitude"}
_SCORE_SHAPE = re.compile(r"\d{1,2}[-–]\d{1,2}")


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
            char = self.text[pos]
            digital = char in _DIGIT_STARTS
            if digital and pos > self.start:
                before = self.text[pos - 1]
                if before in "-−" or (
                    before == " " and pos - 6 >= self.start and self.text.startswith(_MINUS, pos - 6)
                ):
                    pos = self._sign_start(pos)  # "-15", "−12°", "minus 15" start at their sign
            token = _DIGIT_TOKEN if digital else _WORD_TOKEN
            m = token.match(self.text, pos, self.end)
            if m is None:
                continue
            figure, resume = self._figure(m)
            if figure is not None:
                found.append(figure)
        return _inherit(found, self.text)

    def _sign_start(self, pos: int) -> int:
        before = self.text[pos - 1]
        if before in "-−" and (pos - 1 == self.start or self.text[pos - 2] in " \t\n("):
            return pos - 1
        if pos - 6 >= self.start and self.text.startswith(_MINUS, pos - 6):
            return pos - 6
        return pos

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
        """Whether an earlier-value marker ("up from", "compared with") stands before; also
        "down from an initial 12" and "to 1,100 layoffs from 1,400" (a new figure, then
        the one it replaced)."""
        lower = word.lower()
        if lower in _PREVIOUS_TAILS and self._rev_match(_PREVIOUS_REV, pos) is not None:
            return True
        if lower in _EARLIER_WORDS:
            return _EARLIER_AFTER_FROM.search(self.text, max(self.start, pos - 40), pos) is not None
        if lower != "from" or " to " not in self.text[max(self.start, pos - 80) : pos]:
            return False
        return _TO_THEN_FROM.search(self.text, max(self.start, pos - 80), pos) is not None

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
        if num.digits and left.immediate.lower() in _CODE_BEFORE and self._code_after_word(num, left.immediate.lower()):
            return None, num.end  # "Men aged 18 to 60", "magnitude 7.8", "lost 2-3"
        if num.digits and left.immediate.lower() in _SCORE_WORDS:
            tally = _TALLY.match(self.text, num.start, self.end)
            if tally and (
                int(tally.group("b")) <= int(tally.group("a")) or _NO_NOUN_AFTER.match(self.text, tally.end(), self.end)
            ):
                return None, tally.end()  # "lost 112-108", "voted 51 to 49": a score or a tally
        if num.digits and left.hedge[0] is not None and self._age_limit(num, left):
            return None, num.end  # "aged over 75", "Children under 5 were vaccinated first"
        if num.digits and left.hedge[0] is None and left.immediate.lower() in _LABELS:
            more = _LABEL_MORE.match(self.text, num.end, self.end)  # "junctions 10 and 11"
            return None, more.end() if more else num.end  # "room 214 of the hotel": a name
        between = self._between(num.start) if num.digits and left.immediate.lower() == "between" else None
        if between is not None and self._prev_word(between).lower() in _AGE_WORDS:
            return None, num.end  # "Women aged between 20 and 45"
        hedge_start, shape, qualifier = left.hedge
        if shape is None and left.immediate.lower() == "top" and self._plural_before_top(num.start):
            shape, qualifier = "gt", "top"  # "Wildfire Evacuations Top 30,000": a verb of passing
            hedge_start = self._prev(num.start)[1]
        if num.kind == "ordinal" and m.lastgroup == "ordw" and not self._ordinal_ok(num, left):
            return None, num.end
        if m.lastgroup == "words" and not self._cardinal_word_ok(m, left):
            return None, m.end()
        subject = None
        if num.plain_year:
            subject = self._subject(hedge_start if hedge_start is not None else num.start, qualifier in _SUBJECT_VERBS)
        if num.digits and subject is None and not self._digits_ok(num, left, shape):
            return None, self._skip_code(num.end)
        if num.between is not None and shape is None:
            hedge_start, qualifier = num.between, "between"
        if num.post_hedge is not None and shape is None:
            shape, qualifier = num.post_hedge, num.post_hedge_text
        if num.own_hedge is not None and shape is None:
            (shape, qualifier), hedge_start = num.own_hedge, num.start  # "a couple hundred"
        upper = self._second_side(num) if shape in ("gt", "ge") else None
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
        if num.kind == "count" and noun is not None and noun.lower() in _CURRENCY_WORDS and unit_name(noun):
            num.kind, num.unit, noun, phrase = "money", unit_name(noun), None, None  # "millions of dollars"
        elif m.lastgroup == "vague" and noun is not None and phrase == noun and unit_name(noun) is not None:
            num.kind, num.unit, noun, phrase = "measure", unit_name(noun), None, None  # "a few hundred yards"
        if num.kind == "count" and noun is None and num.noun_after:
            named = _COPULA_NOUN.match(text, num.end, send)
            if named and _plural(named.group("noun").lower()):
                noun = named.group("noun").lower()  # "Of the 40 people hurt, 12 were children"
        role = left.role if noun is None and num.kind == "count" else None
        if (
            num.kind == "count"
            and noun is None
            and (left.word.lower() in _SUBJECT_GATES or qualifier in _SUBJECT_VERBS)
            and not _PASSIVE_ROLE.match(text, end, send)
        ):
            if subject is None:
                subject = self._subject(
                    hedge_start if hedge_start is not None else num.start, qualifier in _SUBJECT_VERBS
                )
            if subject is not None:
                noun = phrase = subject  # "The death toll climbed to 34"
        was = noun is None and role is None and num.kind == "count" and left.immediate.lower() in ("was", "is")
        if was and self._age_of_person(num):
            return None, resume  # "The oldest finisher was 84.", "The victim was 34."
        if noun is None and role is None and num.kind == "count" and _years(num) and text[end : end + 1] == ",":
            return None, resume  # "Between 2010 and 2020, the population grew": a period, not a count
        if qualifier == "over" and num.kind == "measure" and num.unit in TIME_UNITS and _plural(left.word.lower()):
            # after a plural ("heard 31 witnesses over 11 days") "over" spans the time, it bounds nothing
            shape = qualifier = hedge_start = None
        low, high, low_open, high_open = hedge_interval(shape, num.low, num.high)
        if upper is not None:
            high, high_open = upper  # "more than 10 but fewer than 20 rockets"
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
            denied=left.immediate in ("not", "Not") and self._denied(num, end),
        )
        return figure, resume

    def _second_side(self, num: _Number) -> tuple[int | float, bool] | None:
        """The upper end of a two-sided hedge: "more than 10 but fewer than 20" -> (20, open)."""
        m = _TWO_SIDED.match(self.text, num.end, self.end)
        if m is None:
            return None
        second = _read_second(self.text, m.end(), self.end)
        if second is None or second[2] or second[1] <= num.value:
            return None
        num.end = second[0]
        return second[1], " ".join(m.group("h").lower().split()) in ("fewer than", "less than", "under", "below")

    def _subject(self, pos: int, verb_hedge: bool) -> str | None:
        """The counted noun a clause names before its bare figure: "the death toll rose to 34"
        -> "deaths", "the number of displaced at 2000" -> "displaced", "Casualties topped 1,200"."""
        lo = max(self.start, pos - 120)
        before = self.text[lo:pos]
        m = _SUBJECT.search(before) if "oll" in before or "umber of" in before or "UMBER OF" in before else None
        if m is not None and _SUBJECT_VERB_END.search(m.group("rest")) is not None:
            return "deaths" if m.group("toll") else _head(m.group("what"))
        if not verb_hedge and not before.endswith((" to ", " at ")) and self._prev_word(pos).lower() not in _LEVEL_VERBS:
            return None
        words = before.rsplit(",", 1)[-1].split()
        if words and words[-1].lower() in ("to", "at"):
            words.pop()
        verb = verb_hedge or bool(words and words[-1].lower() in _LEVEL_VERBS)
        if words and words[-1].lower() in _LEVEL_VERBS:
            words.pop()
        return _subject_head(words) if verb else None

    def _denied(self, num: _Number, end: int) -> bool:
        """ "4 were wounded, not 40 as first reported": the 40 (after "not") is denied."""
        _, not_start = self._prev(num.start)
        comma = self.text[max(self.start, not_start - 3) : not_start].rstrip().endswith(",")
        return comma or _DENIAL_AFTER.match(self.text, end, self.end) is not None

    def _not_a_quantity(self, m: re.Match[str]) -> int | None:
        """Dates, clock times, codes, phones, addresses, ages, scores, magnitudes and URLs:
        where to resume, else ``None``."""
        text, send = self.text, self.end
        start, end = m.start("num"), m.end("num")
        written = m.group("num")
        after = text[end : end + 2]
        if after[:1] == "/" and _SLASH_RATIO.match(text, end, send):
            return None  # "3/4 of the residents": a ratio, never a date
        if _CLOCK.match(text, end, send):
            return self._skip_code(end)  # "6:30 p.m.", "9/11", "2024-01-20", "6 p.m."
        token_start = m.start()
        if token_start > self.start and text[token_start - 1] in _URL_MARKS:
            return self._skip_code(end)  # "?page=30%25": inside a link
        cur = m.group("cur")
        if cur is None and m.group("sign") is None:
            skip = self._code_like(start, end, written, after)
            if skip is not None:
                return skip
        year_like = written.isdigit() and len(written) == 4 and 1500 <= int(written) <= 2099
        if year_like and _YEAR_RANGE.match(text, end, send):
            return self._skip_code(end)  # "2023-24"
        if cur is None and self._prev_word(start).rstrip(".") in _MONTH_SET:
            first = written.split()[0].replace("\u00a0", " ")
            if first.isdigit() and (int(first) <= 31 or year_like):
                if first != written:
                    return start + len(first)  # "May 5 100 people": the day, then a count
                year = _YEAR_AFTER_DAY.match(text, end, send)
                return year.end() if year and not year_like else end  # "Jan. 28, 2024"
        if (
            cur is None
            and _DOT_TIME.fullmatch(written)
            and self._prev_word(start).lower() in _DOT_TIME_WORDS
            and (_NO_NOUN_AFTER.match(text, end, send) or _MILITARY_TIME.match(text, end, send))
        ):
            return end  # "The train left at 14.30 and arrived late", "at 10.45 local time"
        if written.isdigit() and int(written) <= 31:
            day = _DAY_MONTH.match(text, end, send)
            if day:
                return day.end()  # "13 April"
        return None

    def _code_like(self, start: int, end: int, written: str, after: str) -> int | None:
        """Phones, military times, addresses, ages, scores and magnitudes (see notfigures).
        ``after`` is the two characters after the number, a cheap gate for each rule."""
        text, send = self.text, self.end
        if written[:1] == "0" and written[1:2].isdigit():
            phone = _PHONE.match(text, end, send) or (  # "0800-555-0199", "0600 GMT": a code
                _PHONE_AFTER_CODE.match(text, end, send) if len(written) >= 4 else None  # "07700 900456"
            )
            return phone.end() if phone else self._skip_code(end)
        if text[start - 2 : start - 1].isdigit() and self._rev_match(_PHONE_PREFIX_REV, start):
            phone = _PHONE_AFTER_CODE.match(text, end, send)  # "+44 20 7946 0958"
            return phone.end() if phone else end
        if after[:1] in ("-", ".", ")") and written.isdigit() and len(written) <= 3:
            phone = _PHONE_NANP.match(text, end, send)  # "1-800-555-0175", "(202) 555-0188"
            if phone and (after[:1] != ")" or text[start - 1 : start] == "("):
                return phone.end()
        apposed = after[:1] == "," or (after == " a" and text.startswith(" and ", end))
        if apposed and written.isdigit() and len(written) <= 3 and int(written) <= 115:
            age = self._age_in_apposition(start, end)
            if age is not None:
                return age
        hhmm = written.isdigit() and len(written) == 4 and int(written[:2]) < 24 and int(written[2:]) < 60
        if hhmm and _MILITARY_TIME.match(text, end, send):
            return end  # "at 1830 local time"
        address = _ADDRESS.match(text, end, send) if after[1:].isupper() else None
        if address:
            return address.end()  # "1600 Pennsylvania Avenue"
        if after in ("-m", " m", "-M", " o") and _MAGNITUDE_AFTER.match(text, end, send):
            return self._skip_code(end)  # "a 6.8-magnitude quake"
        score = _SCORE.match(text, end, send) if after[:1] in ("-", "–") else None
        if score and written.isdigit() and len(written) <= 2:
            if int(score.group("n")) <= int(written):
                return score.end()  # "won 3-2", "voted 7-2": a score or a tally
            if _SCORE_AFTER.match(text, score.end(), send) or (
                self._score_before(start) and _NO_NOUN_AFTER.match(text, score.end(), send)
            ):
                return score.end()  # "the score went 2-3", "came back from 0-2 down"
        return None

    def _age_in_apposition(self, start: int, end: int) -> int | None:
        """ "The victim, 34, was a nurse", "Smith, 45, of Leeds", "The suspects, 19 and 22,":
        an age set off by commas after a person; where the ages end, else None."""
        after = _APPOSITION_AFTER.match(self.text, end, self.end)
        if after is None:
            return None
        before = _APPOSITION_BEFORE.search(self.text, max(self.start, start - 60), start)
        if before is None:
            return None
        word, ahead = before.group("w"), (before.group("p") or "").lower()
        person = word.lower() in _PERSON_WORDS or (word[0].isupper() and ahead not in _PLACE_PREPOSITIONS)
        return after.end() - 1 if person and word not in _MONTH_SET else None

    def _age_of_person(self, num: _Number) -> bool:
        """A bare number ending its clause after "was"/"is" whose subject is a person: an age."""
        if not (isinstance(num.value, int) and 0 < num.value <= 115) or num.high != num.low:
            return False
        if not _CLAUSE_END.match(self.text, num.end, self.end):
            return False
        _, verb_start = self._prev(num.start)
        subject = self.text[max(self.start, verb_start - 60) : verb_start].lower()
        words = [w for w in re.split(r"[^a-z]+", subject.rsplit(",", 1)[-1]) if w]
        return any(w in ("oldest", "youngest") for w in words) or bool(words and words[-1] in _PERSON_WORDS)

    def _plural_before_top(self, pos: int) -> bool:
        """Whether "top" before ``pos`` is a verb after a plural subject ("Evacuations top
        30,000"), not the adjective of "the top 10"."""
        _, top_start = self._prev(pos)
        before = self._prev_word(top_start).lower()
        return _plural(before) and before not in _DETERMINERS

    def _change_then_level(self, num: _Number) -> bool:
        """ "Brent crude rose $2.10 to $84.50": after a verb of change, money written in full
        at both ends is the change and the new level, two figures, not a range."""
        return (
            num.kind == "money"
            and _CHANGE_TO_LEVEL.match(self.text, num.end, self.end) is not None
            and self._prev_word(num.start).lower() in _RISE_FALL
        )

    def _age_limit(self, num: _Number, left: _Left) -> bool:
        """An age bound, not a count: a hedge after "aged" ("aged over 75"), or "under"/"over"
        after a word for people, with no counted noun after the number ("Children under 5
        were vaccinated", "People over 65")."""
        word = left.word.lower()
        if word in _AGE_WORDS:
            return True
        if num.kind != "count" or word not in _AGE_PEOPLE or num.value > 115 or left.hedge[2] not in _AGE_BOUNDS:
            return False
        np = _noun_phrase(self.text, num.end, self.end, num.high)
        return np is None or not _plural(np[2].split()[-1].lower())  # "Children under 12 travel free"

    def _score_before(self, pos: int) -> bool:
        """Whether a word of a match stands among the five words before ``pos``."""
        words = self.text[max(self.start, pos - 60) : pos].lower().split()[-5:]
        return any(w.strip(",.;:") in _SCORE_CONTEXT for w in words)

    def _code_after_word(self, num: _Number, word: str) -> bool:
        """Numbers the word before makes codes: "aged 18 to 60", "magnitude 7.8", "lost 2-3"."""
        if word in _AGE_WORDS or word == "magnitude":
            return True
        return word in _SCORE_WORDS and _SCORE_SHAPE.fullmatch(self.text, num.start, num.end) is not None

    def _number(self, m: re.Match[str]) -> _Number | None:
        """Read the number at token ``m`` and what is glued to it (scale, range, unit)."""
        text, send = self.text, self.end
        group = m.lastgroup
        if group == "fracscale":
            value = _fraction_of_scale(m.group())
            num = _Number(m.start(), m.end(), value, value, value, scaled=True)
            return self._extend(num, None)
        if group == "unithalf":  # "a mile and a half", "an hour and a half": 1.5 of the unit
            unit = unit_name(m.group("hunit"))
            if unit is None or unit in CURRENCY_SYMBOLS.values():
                return None
            return _Number(m.start(), m.end(), 1.5, 1.5, 1.5, "measure", unit, noun_after=False)
        if group == "couple":
            value = whole(2 * SCALES[m.group().rsplit(None, 1)[-1].lower()])
            num = _Number(m.start(), m.end(), value, value, value, scaled=True, own_hedge=("about", "a couple"))
            return self._extend(num, None)
        if group == "frac":
            value = whole(fraction_value(m.group()))
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
            point = POINT_DIGITS.match(text, m.end(), send) if text.startswith(" point", m.end()) else None
            if point:  # "two point five percent", "two point five million people"
                value = whole(point_value(point.group(), spoken))
                num = _Number(m.start(), point.end(), value, value, value)
                self._scale_word(num)
                return self._extend(num, None)
            minus = _MINUS_BEFORE.search(text, max(self.start, m.start() - 12), m.start())
            start = minus.start() if minus else m.start()
            value = -spoken if minus else spoken  # "minus eight degrees", as "minus 8" is
            num = _Number(start, m.end(), value, value, value)
            return self._extend(num, None if minus else self._between(num.start))
        return self._digits(m)

    def _digits(self, m: re.Match[str]) -> _Number | None:
        text, send = self.text, self.end
        currency = m.group("cur")
        digits_text = m.group("num")
        value = _digit_value(digits_text)
        if m.group("sign"):
            value = -value  # "minus 15 degrees", "−12°"
        num = _Number(m.start(), m.end(), value, value, value, digits=True)
        num.plain_year = digits_text.isdigit() and len(digits_text) == 4 and 1800 <= value <= 2099
        slash = _SLASH_RATIO.match(text, num.end, send) if text.startswith("/", num.end) else None
        if slash or (digits_text in _VULGAR and text.startswith(" of", num.end)):
            denominator = int(slash.group("d")) if slash else 1
            if denominator == 0:
                return None
            num.value = num.low = num.high = whole(value / denominator)  # "3/4 of", "½ of"
            num.kind, num.end, num.plain_year = "ratio", slash.end() if slash else num.end, False
            return num
        nxt = text[num.end : num.end + 2]
        if len(nxt) == 2 and nxt[0] in ",." and nxt[1].isdigit():
            return None  # "2,5 km": a decimal comma or a list; ambiguous, left out
        if nxt[:1] == "_":
            return None  # part of an identifier: "000_37bdb6ef2af15950"
        if (
            currency is None
            and text.startswith("m", num.end)
            and not text[num.end + 1 : num.end + 2].isalnum()
            and self._prev_word(num.start).lower() in ("the", "a", "an")
            and not (self._peek(num.end + 1)[0] == "" and _plural(self._peek(num.end + 1)[1]))
        ):  # "He ran the 100m", "a 400m race": metres; "the 10m people" stays millions
            num.kind, num.unit, num.end, num.noun_after, num.plain_year = "measure", "meter", num.end + 1, False, False
            return num
        kind = _suffix(text, num, send)
        if kind == "reject":
            return None
        if kind == "measured":
            return num
        if kind == "ordinal":
            num.kind = "ordinal"
            num.plain_year = False
            _range(text, num, send, False, True)
            return num
        if currency is None:
            code, code_start = self._prev(num.start)
            if code in _CODES_BEFORE:
                currency = code  # "USD 5 million", "Rs 500"
                num.start = code_start
        if currency:
            num.kind = "money"
            num.unit = unit_name(currency.rstrip(".")) or "USD"
            if currency == "$":
                prefix = _DOLLAR_PREFIX_REV.match(self.rev, len(text) - num.start)
                if prefix and len(text) - prefix.end() >= self.start:
                    num.unit = CURRENCY_SYMBOLS[prefix.group(1)[::-1].lower() + "$"]  # "HK$5 million"
                    num.start = self._orig(prefix.end())
            self._scale_word(num)
            num.plain_year = False
        elif kind != "scaled":
            self._scale_word(num)
        return self._extend(num, self._between(num.start))

    def _scale_word(self, num: _Number) -> None:
        """Multiply by a scale written after the number ("1.5 million", "two point five billion")."""
        if self._peek(num.end)[1] in _SCALE_WORDS:
            _apply_scale(self.text, num, self.end)

    def _extend(self, num: _Number, between: int | None) -> _Number | None:
        """Range, post-hedge, ratio, percent, currency word and unit after a cardinal."""
        text, send = self.text, self.end
        sign, word = self._peek(num.end)
        if (
            (sign in ("-", "–", "—") or word in _RANGE_WORDS)
            and not self._previous(num.start, self._prev_word(num.start))
            and not self._change_then_level(num)
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
                pct_range = PCT_RANGES[between is not None].match(text, num.end, send)
                if pct_range and _digit_value(pct_range.group("num")) > num.high:
                    num.high, num.end = _digit_value(pct_range.group("num")), pct_range.end()  # "30%-40%"
                    if between is not None:
                        num.between = between  # "between 30% and 35%"
                return num
            if word in _CURRENCY_WORDS and self._currency_after(num):
                return num
            article = self._prev_word(num.start).lower() in ("a", "an")
            if (word in _UNIT_HEADS or sign in ("-", "°")) and not _unit(text, num, send, article, between is not None):
                return None
            if between is not None and num.kind == "measure" and num.high != num.low:
                num.between = between  # "between 10km and 15km"
            if num.kind == "measure":
                num.plain_year = False
        return num

    def _currency_after(self, num: _Number) -> bool:
        """ "125 million Australian dollars", "500 USD", "34 cents", "cost 40 pounds": money."""
        m = _CURRENCY_WORD.match(self.text, num.end, self.end)
        if m is None:
            return False
        word = m.group("word").lower()
        stem = word[:-1] if word.endswith("s") and word not in ("pence", "rand") else word
        if stem == "pound" and not self._pounds_are_money(num, m.end()):
            return False  # "40 pounds of explosives": mass
        adjective = m.group("adj")
        unit = _CURRENCY_NAMES.get(stem) or unit_name(stem) or unit_name(word)
        said = " ".join(adjective.lower().split()) if adjective else ""
        if adjective and stem == "dollar" and said in _CURRENCY_ADJECTIVES:
            unit = _CURRENCY_ADJECTIVES[said]
        elif adjective and (said, stem) in _NATIONAL_CURRENCIES:
            unit = _NATIONAL_CURRENCIES[(said, stem)]  # "4.5 billion Swiss francs"
        elif adjective:
            return False
        if unit is None:
            return False
        if stem in ("cent", "pence"):
            num.value, num.low, num.high = (whole(Decimal(str(v)) / 100) for v in (num.value, num.low, num.high))
        num.kind, num.unit = "money", unit
        num.end, num.plain_year = m.end(), False
        return True

    def _pounds_are_money(self, num: _Number, end: int) -> bool:
        if _of_follows(self.text, end):
            return False
        return num.scaled or self._prev_word(num.start).lower() in _MONEY_VERBS

    # -- acceptance rules ------------------------------------------------------------

    def _ordinal_ok(self, num: _Number, left: _Left) -> bool:
        """Word ordinals count only after a determiner: "the fourth", "a second attack"."""
        lower = left.immediate.lower()
        if _SECOND_OF_TIME.match(self.text, num.start, self.end):
            return False  # "landed a second apart", "a second later": a time, not a rank
        return lower in _DETERMINERS or lower.endswith(("'s", "’s")) or num.high != num.low

    def _cardinal_word_ok(self, m: re.Match[str], left: _Left) -> bool:
        """ "one" as a pronoun ("no one", "one of the", "the one") is not a figure."""
        if m.group().lower() != "one":
            return not (_is_name(left.immediate) and self._name_before(m.start(), left.immediate))
        lower = left.immediate.lower()
        if lower in _PRONOUN_ONE or ordinal_value(lower) is not None or lower[:1].isdigit():
            return False  # "no one", "the sixth one", "the 3rd one"
        if _DIGIT_ORDINAL_BEFORE.search(self.text, max(self.start, m.start() - 12), m.start()):
            return False  # "the 4th one since May"
        return _ONE_OF.match(self.text, m.end(), self.end) is None

    def _digits_ok(self, num: _Number, left: _Left, shape: str | None) -> bool:
        """Reject years, names and codes ("in 2018", "Tower 22", "No. 2") and "(0)"."""
        text = self.text
        if num.plain_year:
            lower = left.immediate.lower()
            lowercase_next = _NEXT_LOWER.match(text, num.end, self.end) is not None
            if not lowercase_next or (shape is None and lower in _YEAR_WORDS):
                return False
            if _PERIOD_BEFORE.search(text, max(self.start, num.start - 6), num.start):
                return False  # "Sales in Q3 2024 rose", "FY 2023"
        if (
            shape is None
            and num.kind != "money"
            and _is_name(left.immediate)
            and self._name_before(num.start, left.immediate)
        ):
            return False
        start = num.start
        return not (
            start > self.start
            and text[start - 1] in "(["
            and num.end < self.end
            and text[num.end] in ")]"
            and num.kind == "count"
        )

    def _name_before(self, pos: int, word: str) -> bool:
        """A capitalised ``word`` (see ``_is_name``) before ``pos`` names it ("Tower 22"), but a
        sentence-initial "Perhaps"/"Fully"/"Roughly" never does."""
        lower = word.lower()
        if lower in _OPENERS or lower in _HEADLINE_VERBS or (lower.endswith("ed") and _verb_form(lower)):
            return False  # "Flood Kills 12", "Police Arrest 57": a verb in a headline, not a name
        _, word_start = self._prev(pos)
        initial = not self.text[self.start : word_start].strip(" \t\n\"'“‘(")
        return not (initial and lower.endswith("ly"))


@dataclass(slots=True)
class _Left:
    """What stands left of a number: its hedge, an earlier-value marker, a verb."""

    hedge: tuple[int | None, str | None, str | None]
    previous: bool = False
    word: str = ""
    immediate: str = ""
    role: str | None = None


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


def _lowered(text: str) -> str:
    """``text`` lower-cased with every offset kept: ``str.lower`` (fast) unless it changes the
    length (a few non-ASCII letters, such as "İ", lower to two characters), else ASCII only."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_LOWER)


#: Where the noun phrase after "the number of" ends: a verb or a preposition.
_HEAD_STOPS = (
    _SUBJECT_GATES
    | _SUBJECT_VERBS
    | frozenset(["has", "have", "had", "were", "are", "rises", "grew", "grows", "fell", "falls", "remains"])
    | frozenset(["remained", "in", "on", "since", "from", "across", "among", "who", "that", "and", "or"])
)


def _years(num: _Number) -> bool:
    """A range of two four-digit years: "2010 and 2020"."""
    return (
        num.low != num.high
        and all(isinstance(v, int) and 1800 <= v <= 2099 for v in (num.low, num.high))
        and num.end - num.start >= 9
    )


def _subject_head(words: list[str]) -> str | None:
    """The plural head of a clause's subject before its verb of level: "Casualties",
    "Confirmed infections now", "Hospital admissions for COVID-19", "Fatalities on the
    county's roads" -> casualties, infections, admissions, fatalities; "Passenger numbers"
    -> passengers. None when the subject is not a plural noun phrase of up to four words."""
    while words and words[-1].lower() in _SUBJECT_ADVERBS:
        words = words[:-1]
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _SUBJECT_PREPOSITIONS), len(words))
    words = words[:cut]
    if words and words[0].lower() == "the":
        words = words[1:]
    if not words or len(words) > 4 or not all(w.replace("-", "").isalpha() for w in words):
        return None
    head = words[-1].lower()
    if head in ("numbers", "figures") and len(words) > 1 and not _plural(words[-2].lower()):
        return words[-2].lower() + "s"  # "Passenger numbers rose to 3.1 million"
    return head if _plural(head) else None


def _head(words: str) -> str:
    """The counted noun of "the number of <words>": the last plural word, else the first
    ("displaced families" -> "families", "people killed" -> "people", "displaced")."""
    parts = words.lower().split()
    stop = next((i for i, w in enumerate(parts) if i and w in _HEAD_STOPS), len(parts))
    return next((w for w in reversed(parts[:stop]) if _plural(w)), parts[0])


def read_sentences(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order, each with its figures (possibly none)."""
    spans = split_sentences(text)
    candidates = [m.start() for m in _CANDIDATE.finditer(_lowered(text))]
    casualties = [m.start() for m in _CASUALTY_VERB.finditer(text)]
    if not candidates and not casualties:
        return [Sentence(start, end, ()) for start, end in spans]
    rev = text[::-1]
    sentences: list[Sentence] = []
    i, count = 0, len(candidates)
    k, casualty_count = 0, len(casualties)
    for start, end in spans:
        while i < count and candidates[i] < start:
            i += 1
        j = i
        while j < count and candidates[j] < end:
            j += 1
        figures = _Reader(text, rev, start, end).figures(candidates[i:j]) if j > i else []
        while k < casualty_count and casualties[k] < start:
            k += 1
        if k < casualty_count and casualties[k] < end:  # one look-up of the whole text, not one a sentence
            figures = _one_casualty(text, start, end, figures)
        sentences.append(Sentence(start, end, tuple(figures)))
        i = j
    return sentences


def read_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in text order."""
    return [f for s in read_sentences(text) for f in s.figures]
