"""Stage 3: a fact x the figures of every source -> findings -> verdicts.

One verdict per (fact, source):

* ``agree``: every figure about the fact states the expected figure (within tolerance) and
  the intervals overlap ("roughly 140" agrees with 140).
* ``hedged``: a figure differs from the expected one, but the intervals overlap ("more than
  130" against 140).
* ``conflict``: a figure's interval and the expected one are disjoint ("about 151" against
  140).
* ``earlier`` / ``newer``: for a dated fact (``as_of`` + ``trend``), an older source with an
  older count, or a newer source with a newer one.
* ``waived``: a differing finding that a waiver accepts.
* ``silent``: no figure in the source is about the fact; ``out_of_scope``: the scope
  leaves the source out.

A source's verdict is the worst of its figures' verdicts.

Roles: when the fact's scope takes in a draft (the desk's own story), only a draft that
differs fails the fact; references that differ are reported but do not fail it, unless the
fact says ``references: fail``. Without drafts every differing source fails it, as before.
"""

from __future__ import annotations

import bisect
import datetime as dt
import fnmatch
import math
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from rapidfuzz import fuzz, process

from ..common.words import role_word
from ..facts.loading import Fact, Scope, Waiver
from ..reader.reading import Figure
from ..sources.articles import Mention
from ..sources.finding import DRAFT, Source
from .corpus import BY_KIND, Corpus
from .verdicts import BADNESS, CODES

#: Work shared across facts, one dict per corpus (or per list of sources): keys are tuples
#: naming what was worked out (a scope's folder, an entry's close words), values its result.
Memo = dict[Any, Any]
_T = TypeVar("_T")

__all__ = [
    "BADNESS",
    "Finding",
    "Interval",
    "Reading",
    "Result",
    "check_fact",
    "drafts_in_scope",
    "failing_findings",
    "in_scope",
    "interval_of",
]

#: Fuzzy matching threshold for context and exclude entries (rapidfuzz token_sort_ratio).
FUZZY = 90.0
_COORDINATORS = ("and", "or")


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    def overlaps(self, other: Interval) -> bool:
        low = max(self.low, other.low)
        low_open = (self.low == low and self.low_open) or (other.low == low and other.low_open)
        high = min(self.high, other.high)
        high_open = (self.high == high and self.high_open) or (other.high == high and other.high_open)
        return low < high or (low == high and not low_open and not high_open)

    def widened(self, by: float) -> Interval:
        if by <= 0:
            return self
        return Interval(self.low - by, self.high + by, False, False)


def interval_of(figure: Figure) -> Interval:
    low = -math.inf if figure.low is None else float(figure.low)
    high = math.inf if figure.high is None else float(figure.high)
    return Interval(low, high, figure.low_open and figure.low is not None, figure.high_open and figure.high is not None)


@dataclass(frozen=True, slots=True)
class Reading:
    """One figure of a source judged against the fact."""

    mention: Mention
    verdict: str
    #: The figure in the fact's unit when it was written in another: (value, unit), e.g.
    #: "250 mm" against ``expect: 10 inches`` -> (9.84, "inch").
    converted: tuple[float, str] | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    source: Source
    verdict: str
    readings: tuple[Reading, ...] = ()
    waiver: Waiver | None = None
    waiver_expired: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """A checked fact. ``cells`` holds one verdict code per source of the corpus (see
    ``CODES``); ``findings`` holds, by source index, only the sources that say something
    (figures, a waiver or a note): at 10,000 sources nearly every cell is silent, and a
    Finding for each would cost more than the check itself."""

    fact: Fact
    cells: str
    findings: dict[int, Finding]
    failing: tuple[Finding, ...]
    unconfirmed: str | None = None
    unused_waivers: tuple[Waiver, ...] = ()
    groups: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())

    @property
    def failed(self) -> bool:
        return bool(self.failing) or self.unconfirmed is not None


# --------------------------------------------------------------------------- scope


def in_scope(scope: Scope, source: Source) -> bool:
    """Whether ``scope`` takes ``source`` in. A source of unknown date stays in a window."""
    if scope.paths is not None and not any(_under(source, folder) for folder in scope.paths):
        return False
    return _dated_in(scope, source) and not any(_excluded(source, g) for g in scope.exclude)


def scope_mask(scope: Scope, sources: Sequence[Source], memo: Memo) -> list[bool]:
    """``in_scope`` for every source at once. The parts that many scopes share (which
    sources lie under a folder, which a glob leaves out) are worked out once per ``memo``,
    which belongs to this list of sources."""
    keep = _placed(scope, sources, memo)
    if scope.published_from or scope.published_to or scope.outlets is not None:  # _dated_in, inlined
        low, high, outlets = scope.published_from, scope.published_to, scope.outlets
        dates = _memo(memo, "published", lambda: [s.published for s in sources])
        names = _memo(memo, "outlet", lambda: [s.outlet for s in sources])
        keep = [
            k
            and (day is None or ((not low or day >= low) and (not high or day <= high)))
            and (outlets is None or name in outlets)
            for k, day, name in zip(keep, dates, names)
        ]
    return keep


def _placed(scope: Scope, sources: Sequence[Source], memo: Memo) -> list[bool]:
    """The folder and glob parts of ``in_scope`` for every source."""
    keep = [scope.paths is None] * len(sources)
    for folder in scope.paths or ():
        under: list[bool] | None = memo.get(("under", folder))
        if under is None:
            under = memo[("under", folder)] = [_under(s, folder) for s in sources]
        keep = [a or b for a, b in zip(keep, under)]
    for glob in scope.exclude:
        left_out: list[bool] | None = memo.get(("glob", glob))
        if left_out is None:
            left_out = memo[("glob", glob)] = [_excluded(s, glob) for s in sources]
        keep = [a and not b for a, b in zip(keep, left_out)]
    return keep


def scope_outlets(scope: Scope, sources: Sequence[Source], memo: Memo) -> set[str]:
    """The outlets of the sources ``scope`` takes in (``scope_mask``'s sources with an
    outlet), found without testing every source's date: the sources of each outlet are
    kept in date order once per ``memo``, and an outlet is in as soon as one source of
    its dates in the window (or of no date) is in the scope's folders and globs."""
    by_outlet = _memo(memo, "by outlet", lambda: _by_outlet(sources))
    placed = _placed(scope, sources, memo)
    low, high = scope.published_from, scope.published_to
    found = set()
    for outlet, (days, dated, undated) in by_outlet.items():
        if scope.outlets is not None and outlet not in scope.outlets:
            continue
        first = bisect.bisect_left(days, low) if low else 0
        last = bisect.bisect_right(days, high) if high else len(days)
        if any(placed[i] for i in dated[first:last]) or any(placed[i] for i in undated):
            found.add(outlet)
    return found


def _by_outlet(sources: Sequence[Source]) -> dict[str, tuple[list[dt.date], list[int], list[int]]]:
    """Outlet -> the dates of its dated sources in order, their positions in that order,
    and the positions of its sources of no date."""
    groups: dict[str, tuple[list[dt.date], list[int], list[int]]] = {}
    for i in sorted(range(len(sources)), key=lambda i: (sources[i].published or dt.date.min, i)):
        source = sources[i]
        if not source.outlet:
            continue
        days, dated, undated = groups.setdefault(source.outlet, ([], [], []))
        if source.published is None:
            undated.append(i)
        else:
            days.append(source.published)
            dated.append(i)
    return groups


def _memo(memo: Memo, key: object, make: Callable[[], _T]) -> _T:
    value = memo.get(key)
    if value is None:
        value = memo[key] = make()
    return value


def _dated_in(scope: Scope, source: Source) -> bool:
    """The window and outlet tests of a scope."""
    if source.published is not None:
        if scope.published_from and source.published < scope.published_from:
            return False
        if scope.published_to and source.published > scope.published_to:
            return False
    return scope.outlets is None or source.outlet in scope.outlets


def _excluded(source: Source, glob: str) -> bool:
    return fnmatch.fnmatch(source.name, glob) or fnmatch.fnmatch(source.path, glob)


def _under(source: Source, folder: Path) -> bool:
    """Whether a source is the folder or lies below it (both are resolved paths)."""
    file, top = str(source.file), str(folder)
    return file == top or file.startswith(top.rstrip(os.sep) + os.sep)


# --------------------------------------------------------------------------- which figures


def about(fact: Fact, mention: Mention, memo: Memo | None = None) -> bool:
    """Whether a figure in an article is about the fact (noun, context, exclude).

    ``memo`` (one per corpus) keeps, for each entry, the words of the corpus close enough
    to it, so that most figures are ruled out by one set test instead of fuzzy matching.
    Earlier values never reach it: the corpus does not index them (``corpus.compared``)."""
    if fact.counts and not _counts(fact.counts, mention):
        return False
    if not all(_near(alternatives, mention, memo) for alternatives in fact.context):
        return False
    return not any(_excludes(entry, mention, memo) for entry in fact.exclude)


def _excludes(entry: tuple[str, ...], mention: Mention, memo: Memo | None) -> bool:
    """Whether the figure's sentence holds an ``exclude`` entry: worked out once per
    (entry, sentence), since a sentence's figures share its words (and a runaway sentence
    of a million words must not be searched again for each of its figures)."""
    if memo is None:
        return _contains(mention.sentence_words, entry)
    key = ("exclude", entry, id(mention.sentence_words))
    found = memo.get(key)
    if found is None:
        found = memo[key] = _contains(mention.sentence_words, entry, None, memo)
    return found


def _counts(counts: tuple[tuple[str, ...], ...], mention: Mention) -> bool:
    phrase = mention.phrase_words
    role = mention.figure.role
    for entry in counts:
        if phrase and len(entry) <= len(phrase) and phrase[-len(entry) :] == entry:
            return True
        if role and entry == (role_word(role),):
            return True
    return False


def _near(alternatives: tuple[tuple[str, ...], ...], mention: Mention, memo: Memo | None = None) -> bool:
    return any(_contains(mention.near, entry, mention.near_capital, memo) for entry in alternatives)


def _contains(
    words: tuple[str, ...], entry: tuple[str, ...], capital: tuple[bool, ...] | None = None, memo: Memo | None = None
) -> bool:
    """Whether ``entry`` occurs in ``words`` as whole words, fuzzily (rapidfuzz), in any
    order ("Iraq and Syria" = "Syria and Iraq"). With ``capital`` given, a name that is one
    part of a coordination of names ("Iraq" in "Iraq and Syria") does not count: that is a
    combined figure, not one about Iraq alone."""
    size = len(entry)
    if not size or size > len(words):
        return False
    if memo is not None and "vocabulary" in memo:
        if _close_words(entry, memo).isdisjoint(words):
            return False
    elif not set(entry) & set(words) and not _any_fuzzy_word(entry, words):
        return False
    wanted = " ".join(entry)
    for i in range(len(words) - size + 1):
        window = words[i : i + size]
        if window != entry and fuzz.token_sort_ratio(wanted, " ".join(window)) < FUZZY:
            continue
        if capital is None or not _coordinated(words, capital, i, i + size):
            return True
    return False


def _close_words(entry: tuple[str, ...], memo: Memo) -> frozenset[str]:
    """The words of the corpus equal to a word of the entry, or (for words longer than
    four letters) fuzzily close to one: worked out once per entry."""
    key = ("close", entry)
    close = memo.get(key)
    if close is None:
        found = set(entry)
        for word in entry:
            if len(word) > 4:
                found.update(
                    match
                    for match, _, _ in process.extract(
                        word, memo["vocabulary"], scorer=fuzz.ratio, score_cutoff=FUZZY, limit=None
                    )
                )
        close = memo[key] = frozenset(found)
    return close


def vocabulary_memo(corpus: Corpus) -> Memo:
    """The memo ``about`` uses for a corpus: every word near a figure or in its sentence."""
    memo = corpus.memo.get("about")
    if memo is None:
        words: set[str] = set()
        seen: set[int] = set()
        for article in corpus.articles:
            for mention in article.mentions:
                words.update(mention.near)
                if id(mention.sentence_words) not in seen:  # a sentence's figures share its words
                    seen.add(id(mention.sentence_words))
                    words.update(mention.sentence_words)
        memo = corpus.memo["about"] = {"vocabulary": sorted(words)}
    return memo


def _any_fuzzy_word(entry: tuple[str, ...], words: tuple[str, ...]) -> bool:
    """Whether some long word of the entry is near some word of the text (a cheap gate
    before the windowed comparison)."""
    return any(
        process.extractOne(a, words, scorer=fuzz.ratio, score_cutoff=FUZZY) is not None for a in entry if len(a) > 4
    )


def _coordinated(words: tuple[str, ...], capital: tuple[bool, ...], start: int, end: int) -> bool:
    if not capital[start]:
        return False
    after = end + 1 < len(words) and words[end] in _COORDINATORS and capital[end + 1]
    before = start >= 2 and words[start - 1] in _COORDINATORS and capital[start - 2]
    return after or before


# --------------------------------------------------------------------------- comparing


def _kind_matches(expected: Figure, figure: Figure) -> bool:
    if expected.kind != figure.kind:
        return False
    if expected.kind == "money":
        return expected.unit == figure.unit
    return True


def compare(fact: Fact, figure: Figure) -> str | None:
    """``agree``, ``hedged`` or ``conflict`` for one figure; None when it cannot be compared
    (another kind, or a unit that does not convert).

    Figures in different units are compared at the coarser of the two stated precisions, so
    the rule is symmetric: "250 mm" agrees with ``expect: 10 inches`` (250 mm = 9.84 in, and
    "10 inches" is stated to the inch) exactly as "10 inches" agrees with ``expect: 250 mm``."""
    expected = fact.expected
    assert expected is not None
    if not _kind_matches(expected, figure):
        return None
    target = _expected_in(fact, figure)
    if target is None:
        return None
    value, span, tolerance = target
    stated = interval_of(figure)
    if not stated.overlaps(span.widened(tolerance)):
        return "conflict"
    return "agree" if abs(float(figure.value) - value) <= tolerance + 1e-9 else "hedged"


def converted(fact: Fact, figure: Figure) -> tuple[float, str] | None:
    """The figure in the fact's unit, rounded to two decimals, when it was written in
    another unit ("250 mm" against ``expect: 10 inches`` -> (9.84, "inch")); else None."""
    unit = _fact_unit(fact)
    if unit is None or not figure.unit or figure.unit == unit or figure.kind != "measure":
        return None
    from ..reader.units import convert

    value = convert(float(figure.value), figure.unit, unit)
    return None if value is None else (round(value, 2), unit)


def _fact_unit(fact: Fact) -> str | None:
    expected = fact.expected
    if expected is None or expected.kind != "measure":
        return None
    return fact.unit or expected.unit


def _expected_in(fact: Fact, figure: Figure) -> tuple[float, Interval, float] | None:
    """The expected value, interval and tolerance in the stated figure's unit. Across units
    the tolerance grows by half the coarser of the two precisions as written (a whole inch
    against a whole millimetre: half an inch), the same whichever side is which."""
    expected = fact.expected
    assert expected is not None
    value = float(expected.value)
    span = interval_of(expected)
    tolerance = fact.tolerance * abs(value) / 100 if fact.tolerance_percent else fact.tolerance
    unit = _fact_unit(fact)
    if unit is None or not figure.unit or unit == figure.unit:
        return value, span, tolerance
    from ..reader.units import convert

    stated_unit = figure.unit
    if convert(1.0, unit, stated_unit) is None:
        return None

    def there(x: float) -> float:
        return x if math.isinf(x) else (convert(x, unit, stated_unit) or 0.0)

    # a unit's step in the stated unit (a temperature's scale has an offset: 1 °C is 1.8 °F)
    scale = abs(there(1.0) - there(0.0))
    precision = max(10.0 ** -_decimals(figure.value), 10.0 ** -_decimals(expected.value) * scale)
    span = Interval(there(span.low), there(span.high), span.low_open, span.high_open)
    return there(value), span, tolerance * scale + precision / 2


def _decimals(value: float) -> int:
    if float(value).is_integer():
        return 0
    return min(len(repr(float(value)).split(".")[1]), 6)


def _dated(fact: Fact, source: Source, figure: Figure, verdict: str) -> str:
    """Turn a difference into ``earlier`` or ``newer`` when the fact's date explains it."""
    if verdict == "agree" or fact.trend is None or fact.as_of is None or source.published is None:
        return verdict
    assert fact.expected is not None
    lower = float(figure.value) < float(fact.expected.value)
    higher = float(figure.value) > float(fact.expected.value)
    if fact.trend == "falling":
        lower, higher = higher, lower
    if source.published < fact.as_of and lower:
        return "earlier"
    if source.published > fact.as_of and higher:
        return "newer"
    return verdict


# --------------------------------------------------------------------------- the check


def check_fact(fact: Fact, corpus: Corpus, today: dt.date | None = None) -> Result:
    today = today or dt.date.today()
    base = scope_cells(fact.scope, corpus)
    candidates = _candidates(fact, corpus, base)
    if fact.expected is None:
        return _check_consensus(fact, corpus, candidates, base, today)
    findings: dict[int, Finding] = {}
    for index in sorted(candidates):
        source = corpus.articles[index].source
        readings = []
        for mention in candidates[index]:
            verdict = compare(fact, mention.figure)
            if verdict is not None:
                dated = _dated(fact, source, mention.figure, verdict)
                readings.append(Reading(mention, dated, converted(fact, mention.figure)))
        if readings:
            findings[index] = _finding(fact, source, readings)
    if fact.trend:
        _note_unknown_dates(fact, corpus, base, findings)
    return _result(fact, base, findings, today, drafts=drafts_in_scope(fact.scope, corpus, base))


def scope_cells(scope: Scope, corpus: Corpus) -> str:
    """``.`` for each source the scope takes in, ``-`` for the rest; worked out once per
    distinct scope (the facts of a file share theirs)."""
    cached = corpus.memo.get(scope)
    if cached is None:
        sources = _memo(corpus.memo, "sources", lambda: corpus.sources)
        mask = scope_mask(scope, sources, corpus.memo)
        cached = corpus.memo[scope] = "".join(CODES["silent"] if k else CODES["out_of_scope"] for k in mask)
    return cached


def _note_unknown_dates(fact: Fact, corpus: Corpus, base: str, findings: dict[int, Finding]) -> None:
    """A dated fact says of each undated, silent source that its date is unknown."""
    for index, code in enumerate(base):
        source = corpus.articles[index].source
        if code == CODES["silent"] and index not in findings and source.published is None:
            findings[index] = Finding(source, "silent", note="date unknown")


def _candidates(fact: Fact, corpus: Corpus, base: str) -> dict[int, list[Mention]]:
    """The figures about the fact in the sources its scope takes in, by source index, in
    text order. The matcher (``about``) judges only the figures that ``select`` lets through."""
    index = corpus.near_index()
    memo = vocabulary_memo(corpus)
    in_scope_code = CODES["silent"]
    out: dict[int, list[Mention]] = {}
    for n in select(fact, corpus, memo):
        candidate = index.figures[n]
        if base[candidate.index] != in_scope_code:
            continue
        index.judged += 1
        if about(fact, candidate.mention, memo):
            out.setdefault(candidate.index, []).append(candidate.mention)
    return out


def select(fact: Fact, corpus: Corpus, memo: Memo) -> list[int]:
    """The numbers (in ``corpus.near_index()``, ascending: text order) of the figures that
    carry the fact's noun (or kind) and, for every ``context`` entry, a word near them that
    is close to one of its words: a sound prefilter, since ``about`` turns down every other
    figure by the same set test before any fuzzy window.

    Each of those is a set of figure numbers, made once per corpus (the facts of a story
    share their place, the facts of a desk their nouns), and they are intersected smallest
    first, which costs the size of the smallest: the figures near the fact's place, say,
    rather than every figure with its noun."""
    index = corpus.near_index()
    kind = fact.expected.kind if fact.expected else "count"
    if kind in BY_KIND:
        sets = [index.united("kind", (kind,))]
    else:
        sets = [index.united("noun", tuple(sorted({entry[-1] for entry in fact.counts})))]
    sets += [index.united("near", tuple(sorted(group))) for group in _context_words(fact, memo)]
    sets.sort(key=len)
    index.examined += len(sets[0])
    return sorted(sets[0].intersection(*sets[1:]))


def candidate_sources(fact: Fact, corpus: Corpus) -> set[int]:
    """The corpus positions of the sources holding a figure that ``select`` lets through,
    in scope or not: a fact's findings depend on these sources' figures and no others."""
    index = corpus.near_index()
    return {index.figures[n].index for n in select(fact, corpus, vocabulary_memo(corpus))}


def _context_words(fact: Fact, memo: Memo) -> list[frozenset[str]]:
    """For each ``context`` entry (a list of alternatives), the words of the corpus close to
    a word of one of them: the words one of which a figure about the fact has near it."""
    return [frozenset().union(*(_close_words(alt, memo) for alt in group if alt)) for group in fact.context]


def _finding(fact: Fact, source: Source, readings: list[Reading]) -> Finding:
    """A source's verdict, read as an editor reads it: a conflicting figure wins; else a
    source that states the expected figure exactly agrees, and a looser figure elsewhere in
    it ("between 12 and 15 people died" beside "killed 15 people") is only noted; else the
    worst of its figures."""
    verdict = source_verdict(readings)
    notes = []
    if fact.trend and source.published is None:
        notes.append("date unknown: compared without the trend")
    loose = [r for r in readings if r.verdict == "hedged"] if verdict == "agree" else []
    if loose:  # under any other verdict, a figure that differs decided it: the note would mislead
        quoted = ", ".join(f'"{" ".join(r.mention.figure.text.split())}" (line {r.mention.line})' for r in loose)
        notes.append(f"it states the figure exactly; it also says {quoted}, which allows it")
    return Finding(source, verdict, tuple(readings), note="; ".join(notes) or None)


def source_verdict(readings: Sequence[Reading]) -> str:
    """The verdict of a source from its figures' verdicts (see ``_finding``)."""
    verdicts = {r.verdict for r in readings}
    if "agree" in verdicts and "conflict" not in verdicts:
        verdicts.discard("hedged")
    return max(verdicts, key=lambda v: BADNESS[v])


def _differs(fact: Fact, verdict: str) -> bool:
    """Whether this verdict fails the fact (before waivers)."""
    if verdict == "conflict":
        return True
    if verdict == "hedged":
        return fact.hedged == "fail"
    if verdict == "newer":
        return fact.newer == "fail"
    return False


def _supports(fact: Fact, finding: Finding) -> bool:
    """Whether a source confirms the fact: it states the expected figure (or, with
    ``hedged: pass``, allows it) and does not contradict it; a waived or newer figure
    beside an exact one does not undo the exact one. For a consensus fact: it states a
    figure."""
    if fact.expected is None:
        return bool(finding.readings) and finding.verdict != "waived"
    if finding.verdict == "conflict" or (finding.verdict == "waived" and _has(finding, "conflict")):
        return False
    return _has(finding, "agree") or (fact.hedged == "pass" and _has(finding, "hedged"))


def _has(finding: Finding, verdict: str) -> bool:
    return any(r.verdict == verdict for r in finding.readings)


def drafts_in_scope(scope: Scope, corpus: Corpus, base: str) -> bool:
    """Whether the scope (its cells ``base``) takes in a draft; worked out once per scope."""
    key = ("drafts", scope)
    found = corpus.memo.get(key)
    if found is None:
        found = corpus.memo[key] = any(
            code == CODES["silent"] and corpus.articles[i].source.role == DRAFT for i, code in enumerate(base)
        )
    return found


def failing_findings(fact: Fact, findings: Iterable[Finding], drafts: bool) -> tuple[Finding, ...]:
    """The findings that fail the fact. With ``drafts`` in scope, only drafts' do, unless the
    fact says ``references: fail``: our draft's "151 attacks" against the desk's 140 fails;
    The Washington Post's "more than 130" is reported beside it but fails nothing."""
    differing = [f for f in findings if _differs(fact, f.verdict)]
    if not drafts or fact.references == "fail":
        return tuple(differing)
    return tuple(f for f in differing if f.source.role == DRAFT)


def _result(
    fact: Fact,
    base: str,
    findings: dict[int, Finding],
    today: dt.date,
    groups: Sequence[tuple[str, tuple[str, ...]]] = (),
    drafts: bool = False,
) -> Result:
    findings = dict(sorted(findings.items()))
    unused = _apply_waivers(fact, findings, today)
    failing = failing_findings(fact, findings.values(), drafts)
    support = sum(1 for f in findings.values() if _supports(fact, f))
    unconfirmed = None
    if support < fact.min_sources:
        need = fact.min_sources
        unconfirmed = (
            f"unconfirmed: {support} source{'s' if support != 1 else ''} "
            f"support{'s' if support == 1 else ''} it, {need} {'is' if need == 1 else 'are'} required (min_sources)"
        )
    cells = list(base)
    for index, finding in findings.items():
        cells[index] = CODES[finding.verdict]
    return Result(fact, "".join(cells), findings, failing, unconfirmed, unused, tuple(groups))


def _apply_waivers(fact: Fact, findings: dict[int, Finding], today: dt.date) -> tuple[Waiver, ...]:
    """Turn waived differences into ``waived`` (in place); return the unused waivers."""
    if not fact.waivers:
        return ()
    used: set[int] = set()
    for index, finding in findings.items():
        waiver = next((w for w in fact.waivers if _waives(w, finding.source)), None)
        if waiver is None or not _differs(fact, finding.verdict):
            continue
        used.add(id(waiver))
        expired = waiver.until is not None and waiver.until < today
        verdict = finding.verdict if expired else "waived"
        findings[index] = Finding(finding.source, verdict, finding.readings, waiver, expired, finding.note)
    return tuple(w for w in fact.waivers if id(w) not in used)


def _waives(waiver: Waiver, source: Source) -> bool:
    if waiver.outlet is not None:
        return source.outlet is not None and waiver.outlet.casefold() == source.outlet.casefold()
    return waiver.source in (source.name, source.path)


# --------------------------------------------------------------------------- consensus


def _check_consensus(
    fact: Fact, corpus: Corpus, candidates: dict[int, list[Mention]], base: str, today: dt.date
) -> Result:
    """No expected figure: do the sources agree with each other?"""
    chosen: dict[int, Mention] = {}
    for index in sorted(candidates):
        mentions = [m for m in candidates[index] if m.figure.kind == "count"]
        if mentions:
            chosen[index] = min(mentions, key=lambda m: _width(interval_of(m.figure)))
    findings = {index: _consensus_finding(fact, corpus, chosen, index) for index in chosen}
    drafts = drafts_in_scope(fact.scope, corpus, base)
    return _result(fact, base, findings, today, _groups(corpus, chosen), drafts)


def _consensus_finding(fact: Fact, corpus: Corpus, chosen: dict[int, Mention], index: int) -> Finding:
    """One source's figure against every other source's: the worst relation, and with whom."""
    mine = chosen[index]
    source = corpus.articles[index].source
    relations = [
        (_pair(fact, mine.figure, source, other.figure, corpus.articles[i].source), i)
        for i, other in chosen.items()
        if i != index
    ]
    verdict = max((v for v, _ in relations), key=lambda v: BADNESS[v], default="agree")
    others = [i for v, i in relations if v == verdict and verdict != "agree"]
    note = None
    if others:
        named = "; ".join(f"{written(chosen[i])} at {_dated_label(corpus.articles[i].source)}" for i in others)
        note = f"{'older than' if verdict == 'earlier' else 'differs from'} {named}"
    return Finding(source, verdict, (Reading(mine, verdict),), note=note)


def _dated_label(source: Source) -> str:
    return f"{source.label}, {source.published}" if source.published else source.label


def _pair(fact: Fact, mine: Figure, when: Source, other: Figure, other_when: Source) -> str:
    """Source against source, with the same interval rules as against an expected figure;
    with a ``trend``, an older source's lower count (higher, when falling) against a newer
    source is ``earlier``, and the newer one agrees: a rising toll is counted again, not
    contradicted."""
    if interval_of(mine).overlaps(interval_of(other)):
        return "agree" if float(mine.value) == float(other.value) else "hedged"
    if fact.trend and when.published and other_when.published and when.published != other_when.published:
        rising = (float(mine.value) < float(other.value)) == (when.published < other_when.published)
        if rising == (fact.trend == "rising"):
            return "earlier" if when.published < other_when.published else "agree"
    return "conflict"


def _width(span: Interval) -> float:
    return span.high - span.low


def figure_words(figure: Figure) -> str:
    """The figure without its noun, as an editor would quote it: "more than 130"."""
    text = figure.text
    if figure.phrase and not figure.inherited and text.endswith(figure.phrase):
        text = text[: -len(figure.phrase)]
    return " ".join(text.split()).strip()


def written(mention: Mention) -> str:
    """The figure as written, with a capital that only starts the sentence lowered:
    "Fifteen people were killed." -> "fifteen"; "About 150" -> "about 150"."""
    words = figure_words(mention.figure)
    at_start = not mention.sentence[: mention.offset].strip(" \t\n\"'“‘(…")
    if at_start and words[:1].isupper() and words[1:2].islower():
        return words[0].lower() + words[1:]
    return words


def _groups(corpus: Corpus, chosen: dict[int, Mention]) -> list[tuple[str, tuple[str, ...]]]:
    """Sources grouped by the interval their figure allows ("15" and "Fifteen" together),
    smallest first, each group named by its figure as first written."""
    groups: dict[Interval, tuple[str, list[str]]] = {}
    for index in sorted(chosen):
        mention = chosen[index]
        entry = groups.setdefault(interval_of(mention.figure), (written(mention), []))
        entry[1].append(corpus.articles[index].source.path)
    ordered = sorted(groups.items(), key=lambda item: (item[0].low, item[0].high, item[1][0]))
    return [(words, tuple(paths)) for _, (words, paths) in ordered]


def worst(verdicts: Iterable[str]) -> str:
    return max(verdicts, key=lambda v: BADNESS.get(v, -1))
