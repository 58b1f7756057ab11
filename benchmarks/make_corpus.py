"""Generate a deterministic, news-like corpus that knows the truth (issue 6).

``python benchmarks/make_corpus.py --articles N --facts M --seed S --out DIR`` writes

* ``DIR/sources/*.txt`` - N articles about many events, by many outlets, on many dates;
* ``DIR/sources/sources.yaml`` - the manifest: file name -> outlet, published, url, title;
* ``DIR/facts/*.yaml`` - M facts in format v1, one file per desk (50-200 facts each);
* ``DIR/truth.json`` - the verdict every (fact, source) cell must get;
* ``DIR/pytest.ini`` - points the plugin at ``sources`` and ``facts``.

Truth is known by construction. Every story has a made-up place name no other text resembles,
every fact of a story counts a noun no other fact of that story (and no background sentence)
counts, and every figure about a fact carries its story's place in its own clause. So a figure
matches a fact exactly when the generator planted it for that fact, and the verdict follows from
the planted wording alone. The arithmetic is kept far from every edge: a planted verdict must
come out the same whichever hedge width (5%, 10%) or end-openness a checker might read, so a
mismatch points at the checker or the reader, never at a coin toss in the corpus.

``truth.json`` holds one fact per line so that tools can stream it: at 10,000 x 5,000 it has
50 million cells (about 1.5 GB), which ``json.load`` could not hold comfortably.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import shutil
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from fnmatch import fnmatch
from pathlib import Path

from rapidfuzz import fuzz, process

__all__ = ["VERDICTS", "Stated", "make_corpus", "stated_verdict"]

VERDICTS = ("agree", "hedged", "conflict", "silent", "out_of_scope")
_SEVERITY = {"agree": 0, "hedged": 1, "conflict": 2}

# --------------------------------------------------------------------------- vocabulary

#: Nouns facts count, by category: (phrase as written, synonym phrases). The last word of every
#: phrase (its head) is unique across the whole table, so one story's facts never share a noun.
FACT_NOUNS: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    "people": (*tuple((n, ()) for n in ("evacuees", "volunteers", "firefighters", "paramedics", "patients", "students", "nurses", "rescuers", "linemen", "inspectors", "engineers", "divers", "lifeguards", "pilots", "cadets", "passengers", "commuters", "farmers", "fishermen", "miners", "dockworkers", "pensioners", "tenants", "refugees", "pilgrims", "spectators", "marchers", "jurors", "candidates", "voters", "donors", "apprentices", "carpenters", "surveyors", "chaplains", "stewards", "caretakers", "referees", "translators", "couriers", "welders", "plumbers")), ("displaced families", ())),
    "structures": (*tuple((n, ()) for n in ("homes", "schools", "bridges", "shops", "clinics", "shelters", "warehouses", "roads", "wells", "pylons", "culverts", "classrooms", "barns", "churches", "mosques", "playgrounds", "piers", "pharmacies", "bakeries", "hotels", "libraries", "depots", "kiosks", "checkpoints", "levees", "tunnels", "dams", "garages", "factories", "marinas", "stadiums", "museums", "cemeteries", "orchards", "vineyards", "greenhouses", "sawmills", "granaries", "lighthouses", "hangars")), ("polling stations", ()), ("cell towers", ())),
    "equipment": (*tuple((n, ()) for n in ("ambulances", "generators", "pumps", "boats", "helicopters", "tractors", "excavators", "cranes", "ferries", "tankers", "sandbags", "tents", "blankets", "cots", "stretchers", "radios", "drones", "barges", "bulldozers", "snowplows", "chainsaws", "forklifts", "ventilators", "defibrillators", "lanterns", "kayaks", "dinghies", "hoses", "ladders", "mattresses", "wheelchairs")), ("evacuation buses", ()), ("water tanks", ()), ("fire engines", ()), ("field hospitals", ()), ("satellite phones", ()), ("water filters", ()), ("solar panels", ()), ("lorries", ("trucks",))),
    "incidents": (*tuple((n, ()) for n in ("aftershocks", "landslides", "complaints", "fires", "arrests", "collisions", "derailments", "mudslides", "sinkholes", "evictions", "walkouts", "burglaries", "breaches", "leaks", "spills", "outages", "cancellations", "delays", "protests", "evacuations", "injuries", "deaths", "drownings", "robberies", "crashes", "explosions", "tremors")), ("rocket strikes", ("rocket attacks",)), ("power cuts", ("blackouts",)), ("emergency calls", ("distress calls",)), ("hospital admissions", ()), ("road closures", ()), ("insurance claims", ()), ("storm warnings", ()), ("missed flights", ())),
}

#: How each category's figures are said: (verb phrase, preposition before the place).
VERBS: dict[str, tuple[tuple[str, str], ...]] = {
    "people": (
        ("were registered", "in"),
        ("were counted", "in"),
        ("were reported", "in"),
        ("were on duty", "in"),
        ("were assigned", "to"),
    ),
    "structures": (
        ("were damaged", "in"),
        ("were inspected", "in"),
        ("remained closed", "in"),
        ("were declared unsafe", "in"),
        ("were reopened", "in"),
    ),
    "equipment": (
        ("were deployed", "in"),
        ("were sent", "to"),
        ("arrived", "in"),
        ("were in use", "in"),
        ("were delivered", "to"),
    ),
    "incidents": (("were recorded", "in"), ("were reported", "in"), ("were logged", "in"), ("were confirmed", "in")),
}
#: Said of two figures of different categories at once.
TWO_FIGURE_VERBS = ("had been counted", "were listed in the latest tally", "were reported")

#: Nouns only background sentences count; disjoint from every fact noun.
DISTRACTOR_NOUNS = (
    "residents",
    "officials",
    "people",
    "workers",
    "households",
    "children",
    "members",
    "vehicles",
    "acres",
    "miles",
)

#: Words of a fact's ``exclude``: they appear only in trap sentences, never beside a real figure.
EXCLUDE_WORDS = ("drill", "forecast", "simulation", "rehearsal", "scenario")

EVENTS = (
    "flood",
    "wildfire",
    "earthquake",
    "storm",
    "heat wave",
    "chemical spill",
    "bridge collapse",
    "measles outbreak",
    "train derailment",
    "dam failure",
    "drought",
    "refinery fire",
    "typhoon",
    "blizzard",
    "factory explosion",
    "water contamination",
    "ice storm",
    "gas leak",
    "tornado",
    "hailstorm",
    "avalanche",
    "eruption",
)

OUTLETS = (
    ("The Harbor Gazette", "harborgazette.example"),
    ("Northern Courier", "northerncourier.example"),
    ("The Daily Ledger", "dailyledger.example"),
    ("Valley Tribune", "valleytribune.example"),
    ("Coastline Post", "coastlinepost.example"),
    ("Metro Wire", "metrowire.example"),
    ("The Plains Herald", "plainsherald.example"),
    ("Capital Dispatch", "capitaldispatch.example"),
    ("The Ridge Observer", "ridgeobserver.example"),
    ("Lakeshore Times", "lakeshoretimes.example"),
    ("The Civic Bulletin", "civicbulletin.example"),
    ("Frontier Press Agency", "fpa.example"),
    ("The Morning Chronicle", "morningchronicle.example"),
    ("Riverside Journal", "riversidejournal.example"),
)
FIRST_NAMES = (
    "Amara",
    "Ben",
    "Chiara",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Keisha",
    "Luca",
    "Maya",
    "Nikhil",
    "Olga",
    "Pablo",
    "Quinn",
    "Rosa",
    "Samir",
    "Tove",
    "Uma",
    "Victor",
    "Wen",
    "Yusuf",
    "Zora",
    "Aisha",
    "Bruno",
    "Carmen",
    "Diego",
    "Esther",
    "Felix",
    "Greta",
    "Hassan",
    "Ivy",
    "Jamal",
    "Kofi",
)
LAST_NAMES = (
    "Okafor",
    "Lindqvist",
    "Moreau",
    "Tanaka",
    "Alvarez",
    "Kowalski",
    "Haddad",
    "Nguyen",
    "Brennan",
    "Sato",
    "Castillo",
    "Mensah",
    "Petrov",
    "Schultz",
    "Reyes",
    "Dubois",
    "Ibrahim",
    "Novak",
    "Fischer",
    "Osei",
    "Romano",
    "Jensen",
    "Abara",
    "Whitaker",
    "Quispe",
    "Larsen",
    "Mbeki",
    "Costa",
    "Yilmaz",
    "Park",
    "Ferreira",
)
AGENCIES = (
    "the county emergency office",
    "the regional health authority",
    "the civil protection agency",
    "the state fire service",
    "the transport ministry",
    "the interior ministry",
    "the local police",
    "the mayor's office",
    "the utility company",
    "the coast guard",
    "the national weather service",
    "the Red Cross",
    "the provincial governor's office",
    "the relief coordination center",
)
ROLES = (
    "a spokesperson for",
    "the deputy director of",
    "a senior official at",
    "an analyst with",
    "the press officer of",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
MONTH_FULL = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
CODES = (
    "Tower 22",
    "Route 9",
    "Gate 4",
    "Building C-12",
    "Line 3",
    "Pier 7",
    "Highway 61",
    "Ward 5",
    "Sector 14",
    "Runway 27",
)
CRAFT = ("an F-16", "Flight 238", "a C-130", "a Boeing 737")
DURATIONS = (
    "three months",
    "two weeks",
    "six days",
    "four hours",
    "eight months",
    "ten days",
    "two years",
    "five weeks",
    "nine hours",
)
HEADLINE_TAILS = (
    "relief effort widens",
    "officials count the cost",
    "anger grows over response",
    "a town takes stock",
    "questions mount for regulators",
    "crews race against the weather",
    "what we know so far",
    "residents return to uncertainty",
    "aid arrives slowly",
    "investigators look for causes",
    "recovery will take years, mayor says",
    "schools and clinics weigh reopening",
    "insurers brace for claims",
)
ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")

_HEDGES = {  # canonical family -> the ways an article says it
    "about": ("about", "around", "roughly", "approximately", "some"),
    "nearly": ("nearly", "almost"),
    "at least": ("at least", "no fewer than"),
    "more than": ("more than", "over"),
    "as many as": ("as many as", "up to", "at most", "no more than"),
    "fewer than": ("fewer than", "under"),
}


def head(phrase: str) -> str:
    """The counted noun of a phrase: its last word."""
    return phrase.rsplit(" ", 1)[-1]


# --------------------------------------------------------------------------- figures & verdicts


@dataclass(frozen=True)
class Stated:
    """A figure as an article states it: hedge family (None = exact), value, range top."""

    family: str | None
    value: int
    top: int | None = None  # only for "between value and top"


def hedge_width(value: float, rule: str = "spec") -> float:
    """The half-width of "about N": 5% of N, 10% when N has one significant digit."""
    if rule == "5%":
        return 0.05 * value
    if rule == "10%":
        return 0.10 * value
    one_digit = len(str(int(value)).rstrip("0")) <= 1
    return value * (0.10 if one_digit else 0.05)


Interval = tuple[float, float, bool, bool]  # low, high, low_open, high_open


def interval(s: Stated, rule: str = "spec") -> Interval:
    """The values the wording allows (see the verdict rules in the issue)."""
    v = float(s.value)
    w = hedge_width(v, rule)
    return {
        None: (v, v, False, False),
        "about": (v - w, v + w, False, False),
        "nearly": (v - w, v, False, False),
        "at least": (v, math.inf, False, False),
        "more than": (v, math.inf, True, False),
        "as many as": (0.0, v, False, False),
        "fewer than": (0.0, v, False, True),
        "between": (v, float(s.top or 0), False, False),
    }[s.family]


def _overlap(a: Interval, b: Interval) -> bool:
    lo = max(a[0], b[0])
    hi = min(a[1], b[1])
    if lo < hi:
        return True
    if lo > hi:
        return False
    lo_open = (a[2] if a[0] == lo else False) or (b[2] if b[0] == lo else False)
    hi_open = (a[3] if a[1] == hi else False) or (b[3] if b[1] == hi else False)
    return not (lo_open or hi_open)


def stated_verdict(s: Stated, expected: int, tolerance: float, rule: str = "spec", closed: bool = False) -> str:
    """agree, hedged or conflict for one figure against the expected number.

    ``closed`` reads every open end as closed: a planted hedged or conflict figure must not
    depend on that detail.
    """
    lo, hi, lo_open, hi_open = interval(s, rule)
    if closed:
        lo_open = hi_open = False
    mine = (lo, hi, lo_open, hi_open)
    want = (expected - tolerance, expected + tolerance, False, False)
    if not _overlap(mine, want):
        return "conflict"
    if s.family == "between" or abs(s.value - expected) > tolerance:
        return "hedged"
    return "agree"


def robust_verdict(s: Stated, expected: int, tolerance: float) -> str | None:
    """The verdict if every plausible reading agrees on it, else None."""
    readings = {stated_verdict(s, expected, tolerance, rule) for rule in ("spec", "5%", "10%")}
    verdict = readings.pop() if len(readings) == 1 else None
    if verdict in ("hedged", "conflict") and stated_verdict(s, expected, tolerance, closed=True) != verdict:
        return None
    return verdict


def number_words(n: int) -> str:
    """English words for 0..999, the way newsrooms write them ("one hundred and forty")."""
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("-" + ONES[n % 10] if n % 10 else "")
    rest = n % 100
    return ONES[n // 100] + " hundred" + (" and " + number_words(rest) if rest else "")


def say_number(rng: random.Random, n: int, plain: bool = False) -> str:
    """Digits (with thousands separators), or sometimes words."""
    if n >= 1000:
        return f"{n:,}"
    if not plain and n < 100 and rng.random() < 0.3:
        return number_words(n)
    if not plain and 100 < n < 1000 and n % 10 == 0 and rng.random() < 0.08:
        return number_words(n)
    return str(n)


def say_figure(rng: random.Random, s: Stated, phrase: str, plain: bool = False) -> str:
    """The figure as written: hedge, number, noun phrase."""
    if s.family == "between":
        assert s.top is not None
        low, high = say_number(rng, s.value, True), say_number(rng, s.top, True)
        return rng.choice((f"between {low} and {high}", f"{low} to {high}")) + f" {phrase}"
    number = say_number(rng, s.value, plain)
    if s.family is None:
        return f"{number} {phrase}"
    return f"{rng.choice(_HEDGES[s.family])} {number} {phrase}"


# --------------------------------------------------------------------------- planting


def _roundish(rng: random.Random, n: int) -> int:
    """Round to two significant figures now and then, as reporters do."""
    if n >= 100 and rng.random() < 0.6:
        step = 10 ** (len(str(n)) - 2)
        return max(step, round(n / step) * step)
    return n


def _candidate(rng: random.Random, n: int, tol: float, want: str) -> Stated:
    """A wording meant to get ``want``; ``robust_verdict`` has the last word."""
    t = int(tol)
    if want == "agree":
        pick = rng.random()
        if t >= 2 and pick < 0.15:
            return Stated(rng.choice((None, "about")), n + rng.choice((-1, 1)) * rng.randint(1, t // 2))
        if pick < 0.55:
            return Stated(None, n)
        if pick < 0.8:
            return Stated("about", n)
        return Stated(rng.choice(("at least", "as many as", "nearly")), n)
    if want == "hedged":
        below = _roundish(rng, max(1, n - t - 1 - rng.randint(0, max(1, n // 8))))
        above = _roundish(rng, n + t + 1 + rng.randint(0, max(1, n // 8)))
        near = n + rng.choice((-1, 1)) * (t + 1 + rng.randint(0, max(0, n // 50)))
        return rng.choice(
            (
                Stated("more than", below),
                Stated("at least", below),
                Stated("as many as", above),
                Stated("fewer than", above),
                Stated("about", near),
                Stated("nearly", n + t + 1 + n // 60),
            )
        )
    low = _roundish(rng, max(2, int(n * rng.uniform(0.2, 0.55)) - t))
    high = _roundish(rng, int(n * rng.uniform(1.7, 3.0)) + t + 2)
    far = rng.choice((low, high))
    return rng.choice(
        (
            Stated(None, far),
            Stated("about", far),
            Stated("more than", high),
            Stated("at least", high),
            Stated("fewer than", low),
            Stated("as many as", low),
            Stated("nearly", far),
            Stated("between", high, _roundish(rng, int(high * 1.25))),
            Stated("between", max(1, low // 2), low),
        )
    )


def plant(rng: random.Random, n: int, tol: float, want: str) -> Stated:
    """A figure for a fact expecting ``n`` that every careful checker reads as ``want``."""
    for _ in range(60):
        s = _candidate(rng, n, tol, want)
        if s.value >= 1 and (s.top is None or s.top > s.value) and robust_verdict(s, n, tol) == want:
            return s
    fallback = {
        "agree": Stated(None, n),
        "hedged": Stated("as many as", n + int(tol) + 1 + n // 4),
        "conflict": Stated(None, 3 * n + int(tol) + 3),
    }[want]
    assert robust_verdict(fallback, n, tol) == want, (fallback, n, tol, want)
    return fallback


# --------------------------------------------------------------------------- the world


@dataclass(frozen=True)
class Scope:
    """Which sources a fact reads (format v1 ``sources``); ``paths`` never narrows here."""

    published: tuple[str, str] | None = None  # ISO dates, "" = open end
    outlets: tuple[str, ...] | None = None
    exclude: tuple[str, ...] | None = None
    paths: bool = False  # write "paths: [../sources]" (the default, spelled out)

    def admits(self, name: str, outlet: str, published: str) -> bool:
        if self.published is not None:
            lo, hi = self.published
            if (lo and published < lo) or (hi and published > hi):
                return False
        if self.outlets is not None and outlet not in self.outlets:
            return False
        if self.exclude is not None and any(fnmatch(name, g) for g in self.exclude):
            return False
        return True

    def empty(self) -> bool:
        return self.published is None and self.outlets is None and self.exclude is None and not self.paths


@dataclass
class Fact:
    story: int
    fid: str
    phrase: str
    synonyms: tuple[str, ...]
    category: str
    value: int
    tolerance: float  # absolute
    tolerance_text: str | None
    exclude: str | None
    scope: Scope | None  # own scope, else the file's
    extras: dict[str, object]
    disputed: bool = False  # only disputed facts get hedged and conflicting figures
    key: str = ""  # "facts/<file>.yaml::<id>", set when files are laid out

    def phrases(self) -> tuple[str, ...]:
        return (self.phrase, *self.synonyms)


@dataclass
class Story:
    index: int
    place: str
    event: str
    start: date
    facts: list[Fact] = field(default_factory=list)


@dataclass
class Article:
    name: str
    story: Story
    outlet: str
    domain: str
    published: date
    kind: str  # news, brief, opinion, draft
    text: str = ""
    title: str = ""
    #: fact key -> verdicts of the figures planted for it
    planted: dict[str, list[str]] = field(default_factory=dict)


def _template_words() -> set[str]:
    """Every word this module can write (read from its own source), so that no made-up place
    name resembles one of them."""
    source = Path(__file__).read_text(encoding="utf-8")
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", source)} - set(_SUFFIXES)


_ONSETS = (
    "b",
    "br",
    "c",
    "cr",
    "d",
    "dr",
    "f",
    "g",
    "gl",
    "h",
    "k",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "qu",
    "r",
    "s",
    "sk",
    "t",
    "tr",
    "v",
    "w",
    "z",
)
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ea", "ou", "y")
_CODAS = ("", "l", "n", "r", "s", "m", "nd", "rt", "lm", "sk")
_SUFFIXES = (
    "ford",
    "wick",
    "mere",
    "holt",
    "by",
    "stead",
    "thorpe",
    "combe",
    "ley",
    "burn",
    "haven",
    "moor",
    "dale",
    "port",
    "gate",
)


def place_names(rng: random.Random, count: int) -> list[str]:
    """Made-up place names, pairwise unlike each other and unlike any template word."""
    words = sorted(_template_words())
    names: list[str] = []
    for _ in range(200 * count + 1000):
        if len(names) == count:
            return names
        stem = rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
        if rng.random() < 0.4:
            stem += rng.choice("lnrmdtv") + rng.choice("aeio")
        name = (stem + rng.choice(_SUFFIXES)).capitalize()
        lower = name.lower()
        if len(name) < 7 or process.extractOne(lower, words, scorer=fuzz.ratio, score_cutoff=70):
            continue
        if names and process.extractOne(lower, [n.lower() for n in names], scorer=fuzz.ratio, score_cutoff=75):
            continue
        names.append(name)
    raise RuntimeError(f"could not make {count} distinct place names")


def _fact_value(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.3:
        return rng.randint(3, 60)
    if r < 0.75:
        n = rng.randint(60, 999)
        return n - n % 10 if rng.random() < 0.5 else n
    n = rng.randint(1000, 60000)
    return n - n % 100 if rng.random() < 0.6 else n


def _tolerance(rng: random.Random, n: int) -> tuple[float, str | None]:
    if n < 50 or rng.random() > 0.15:
        return 0.0, None
    if rng.random() < 0.5:
        t = max(2, round(n * 0.02))
        return float(t), str(t)
    pct = rng.choice((2, 5))
    return n * pct / 100, f"{pct}%"


#: The shared-noun scenario's nouns (``nouns=N`` takes the first N): what every story of a
#: newsroom counts, so that only the place tells one story's facts from another's.
SHARED_NOUNS = ("deaths", "injuries", "homes", "evacuees", "shelters", "schools", "ambulances", "arrests")


def make_stories(rng: random.Random, n_facts: int, nouns: int | None = None) -> list[Story]:
    """Stories, each with a share of the facts (about 40 at most; with ``nouns``, one fact
    per shared noun, so many more stories over the same few nouns)."""
    all_nouns = [(cat, entry) for cat in sorted(FACT_NOUNS) for entry in FACT_NOUNS[cat]]
    if nouns is not None:
        wanted = SHARED_NOUNS[: max(1, nouns)]
        all_nouns = sorted((e for e in all_nouns if e[1][0] in wanted), key=lambda e: wanted.index(e[1][0]))
    count = max(12, math.ceil(n_facts / min(40, len(all_nouns))))
    places = place_names(rng, count)
    stories = []
    for i, place in enumerate(places):
        start = date(2024, 1, 1) + timedelta(days=rng.randint(0, 300))
        stories.append(Story(i, place, rng.choice(EVENTS), start))
    for i in range(n_facts):
        story = stories[i % count]
        used = {f.phrase for f in story.facts}
        cat, (phrase, syn) = rng.choice([e for e in all_nouns if e[1][0] not in used])
        story.facts.append(_make_fact(rng, story, cat, phrase, syn))
    return stories


def _make_fact(rng: random.Random, story: Story, cat: str, phrase: str, synonyms: tuple[str, ...]) -> Fact:
    value = _fact_value(rng)
    tol, tol_text = _tolerance(rng, value)
    extras: dict[str, object] = {}
    if rng.random() < 0.1:
        extras["hedged"] = "pass"
    if rng.random() < 0.1:
        extras["min_sources"] = rng.choice((1, 2))
    fid = f"{story.place.lower()}-{phrase.replace(' ', '-')}"
    exclude = rng.choice(EXCLUDE_WORDS) if rng.random() < 0.15 else None
    return Fact(
        story.index,
        fid,
        phrase,
        synonyms,
        cat,
        value,
        tol,
        tol_text,
        exclude,
        None,
        extras,
        disputed=rng.random() < 0.2,
    )


def _random_scope(rng: random.Random, story_start: date | None) -> Scope:
    """A scope that leaves some sources out."""
    kind = rng.choice(("published", "outlets", "exclude"))
    if kind == "published":
        anchor = story_start or date(2024, 1, 1) + timedelta(days=rng.randint(0, 300))
        lo = anchor + timedelta(days=rng.randint(5, 40))
        hi = lo + timedelta(days=rng.randint(20, 120))
        ends = rng.choice(((lo.isoformat(), hi.isoformat()), (lo.isoformat(), ""), ("", hi.isoformat())))
        return Scope(published=ends)
    if kind == "outlets":
        return Scope(outlets=tuple(sorted(rng.sample([o for o, _ in OUTLETS], 6))))
    return Scope(exclude=rng.choice((("*-draft*",), ("*-opinion*", "*-draft*"))))


DESKS = ("metro", "national", "climate", "health", "transport", "regional", "world", "science", "business", "politics")


def lay_out_desks(rng: random.Random, stories: list[Story], n_facts: int) -> list[tuple[str, Scope, list[Fact]]]:
    """Group whole stories into desk files of roughly 100 facts; give some files a scope."""
    with_facts = [s for s in stories if s.facts]
    n_files = min(len(with_facts), max(2 if n_facts >= 2 else 1, round(n_facts / 100)))
    desks = []
    for d in range(n_files):
        group = with_facts[d * len(with_facts) // n_files : (d + 1) * len(with_facts) // n_files]
        name = f"{DESKS[d % len(DESKS)]}-{d // len(DESKS) + 1:02d}"
        # A fixed pattern, so that even two files show both a scoped and an unscoped desk.
        scope = _random_scope(rng, group[0].start) if d % 4 == 1 else Scope(paths=True) if d % 4 == 3 else Scope()
        facts = [f for s in group for f in s.facts]
        for f in facts:
            f.key = f"facts/{name}.yaml::{f.fid}"
            if scope.empty() and rng.random() < 0.1:
                f.scope = _random_scope(rng, stories[f.story].start)
        desks.append((name, scope, facts))
    return desks


# --------------------------------------------------------------------------- sentences

_BACKGROUND = (
    "The {event} began on {date}, when conditions worsened faster than meteorologists had expected.",
    "{Place} last saw damage on this scale in {year}, long before the current council took office.",
    "{Place}, a town of about {pop} residents, has asked for outside help before.",
    "Crews worked through the night and were relieved by {time} on {weekday}.",
    "Access through {code} was restricted for most of {weekday}, {agency} said.",
    "Repairs are expected to take {duration}, according to {name}.",
    "The council has set aside ${money} million for the recovery, about {pct} percent of its annual budget.",
    "{Name_cap}, {role} {agency}, said the figures would be revised on {weekday}.",
    "Two officials at {agency}, speaking on condition of anonymity, said on {weekday} that the response had been slower than planned.",
    "Insurers said on {weekday} that it was too early to estimate losses from the {event}, according to {name}.",
    "Schools in the area were expected to remain closed until at least {weekday}.",
    "{Agency_cap} urged people to avoid the area near {code} and to check on elderly neighbors.",
    "The {event} is the worst to hit the region since {year}, {agency} said.",
    "An inquiry into the {event} is expected to report within {duration}.",
    "Local businesses said trade had fallen sharply in the {duration} since the {event}.",
    "Volunteer groups set up a coordination desk near {code} on {date}.",
    "Officials said a fuller accounting would be published by {time} on {weekday}.",
    "The national government has promised help, though details were scarce as of {date}.",
    "About {pct} percent of those surveyed said they felt the warnings came too late.",
    "Meteorologists at {agency} expect calmer conditions over the next {duration}, {name} said.",
    "Several roads into {Place} were reopened on {weekday}, though detours remained in place near {code}.",
    "The mayor of {Place}, {name}, called the {event} a test of the whole community.",
    "Residents who left on {date} said they had not been told when they could return.",
    "{Name_cap}, who has lived in {Place} since {year}, said the neighborhood had changed overnight.",
    "The regional assembly will debate an emergency budget on {weekday} at {time}.",
    "Aid groups warned that supplies could run short within {duration} if roads stay closed.",
    "Engineers from the capital arrived on {date} to assess the damage near {code}.",
    "A hotline for families opened at {time} and was busy within minutes, {agency} said.",
    "Some residents complained that the first warning came only after {time}.",
    "The last comparable {event} in the region, in {year}, led to new building rules.",
    "{Agency_cap} said it would publish a full report within {duration}.",
    "Many shops along the main street in {Place} stayed shuttered through {weekday}.",
    "Opposition lawmakers demanded an inquiry, citing delays reported since {date}.",
    "The cost of the {event} could reach ${money} billion, according to an early estimate by {agency}.",
    "Air traffic was disrupted after {craft} was held on the tarmac on {weekday}, {agency} said.",
    "U.S. officials offered technical help on {weekday}, according to {name}.",
)
_QUOTES = (
    "\u201cWe have never seen anything like this,\u201d said {name}, {role} {agency}.",
    "\u201cPeople need to be patient, and they need to be careful,\u201d {name} said.",
    "\u201cThe numbers will change as we learn more,\u201d said {name}, {role} {agency}.",
    "\u201cIt is going to be a long road back,\u201d {name} told reporters on {weekday}.",
    "\u201cWe are doing everything we can with what we have,\u201d {name} said.",
)


def _date_text(rng: random.Random, d: date) -> str:
    month = MONTH_ABBR[d.month - 1]
    return f"{month} {d.day}, {d.year}" if rng.random() < 0.3 else f"{month} {d.day}"


def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def background(rng: random.Random, story: Story, around: date, template: str) -> str:
    """A sentence with no figure about any fact: dates, years, times, codes, durations."""
    day = around - timedelta(days=rng.randint(0, 20))
    agency = rng.choice(AGENCIES)
    fields = {
        "event": story.event,
        "Place": story.place,
        "date": _date_text(rng, day),
        "year": rng.randint(1990, 2021),
        "pop": f"{rng.randint(8, 95) * 1000:,}",
        "time": f"{rng.randint(1, 11)}:{rng.choice(('00', '15', '30', '45'))} {rng.choice(('a.m.', 'p.m.'))}",
        "weekday": rng.choice(WEEKDAYS),
        "code": rng.choice(CODES),
        "agency": agency,
        "craft": rng.choice(CRAFT),
        "Agency_cap": agency[0].upper() + agency[1:],
        "duration": rng.choice(DURATIONS),
        "name": _person(rng),
        "Name_cap": _person(rng),
        "role": rng.choice(ROLES),
        "money": f"{rng.randint(1, 40)}.{rng.randint(1, 9)}",
        "pct": rng.randint(4, 60),
    }
    return template.format(**fields)


def _cap(s: str) -> str:
    return s[0].upper() + s[1:]


def mention_sentence(rng: random.Random, place: str, figures: Sequence[Mention]) -> str:
    """One sentence stating one or two figures about ``place``.

    The place always stands in the figure's own clause or in the lead-in before the first
    figure, with no other figure in between, which is what the context rule asks for.
    """
    agency = rng.choice(AGENCIES)
    tail = rng.choice(
        (
            "",
            "",
            f" on {rng.choice(WEEKDAYS)}",
            " as of the latest count",
            f" by {rng.randint(1, 11)}:30 p.m. on {rng.choice(WEEKDAYS)}",
            " since the alerts went out",
            " over the past week",
        )
    )
    said = rng.choice((f", {agency} said", ", according to officials", ""))
    if len(figures) == 2:
        verb = rng.choice(TWO_FIGURE_VERBS)
        lead = rng.choice((f"{place} officials said", f"In {place}, {agency} said", f"Officials in {place} said"))
        return f"{lead} {figures[0].text} and {figures[1].text} {verb}{tail}."
    verb, prep = rng.choice(VERBS[figures[0].category])
    text = figures[0].text
    start = "A total of " + text if text[0].isdigit() else _cap(text)  # no digits up front
    fields = {
        "text": text,
        "Text": start,
        "verb": verb,
        "prep": prep,
        "place": place,
        "tail": tail,
        "said": said,
        "agency": agency,
        "Agency": _cap(agency),
        "person": _person(rng),
        "role": rng.choice(ROLES),
        "weekday": rng.choice(WEEKDAYS),
    }
    return rng.choice(_ONE_FIGURE).format(**fields)


#: Sentences stating one figure; the place is in the figure's clause or the lead-in.
_ONE_FIGURE = (
    "{Text} {verb} {prep} {place}{tail}{said}.",
    "{Agency} said {text} {verb} {prep} {place}{tail}.",
    "According to {agency}, {text} {verb} {prep} {place}{tail}.",
    "In {place}, {text} {verb}{tail}{said}.",
    "{person}, {role} {agency} in {place}, said {text} {verb}{tail}.",
    "Officials in {place} said on {weekday} that {text} {verb}{tail}.",
    "{place} officials said {text} {verb}{tail}.",
)


def trap_sentence(rng: random.Random, story: Story, fact: Fact, word: str | None) -> str:
    """A figure with the fact's noun that is NOT about the fact (excluded or context-free)."""
    s = plant(rng, fact.value, fact.tolerance, "conflict")
    text = say_figure(rng, s, rng.choice(fact.phrases()), plain=True)
    verb, _ = rng.choice(VERBS[fact.category])
    if word is not None:
        return rng.choice(
            (
                f"A {word} run by {story.place} officials last year had assumed {text} {verb}.",
                f"In {story.place}, a {word} published before the {story.event} had put the number at {text}.",
            )
        )
    return rng.choice(
        (
            f"Nationwide, {text} {verb} last year, {rng.choice(AGENCIES)} said.",
            f"Across the country, {text} {verb} during the last comparable season.",
        )
    )


# --------------------------------------------------------------------------- articles


def _file_name(i: int, width: int, kind: str) -> str:
    suffix = {"opinion": "-opinion", "draft": "-draft"}.get(kind, "")
    return f"{i:0{width}d}{suffix}.txt"


def plan_articles(rng: random.Random, stories: list[Story], n_articles: int) -> list[Article]:
    width = max(5, len(str(max(0, n_articles - 1))))
    weights = [rng.uniform(0.5, 2.0) for _ in stories]
    out = []
    for i in range(n_articles):
        story = rng.choices(stories, weights)[0]
        published = min(date(2024, 12, 31), story.start + timedelta(days=int(rng.expovariate(1 / 25))))
        kind = rng.choices(("news", "brief", "opinion", "draft"), (80, 12, 5, 3))[0]
        outlet, domain = rng.choice(OUTLETS)
        out.append(Article(_file_name(i, width, kind), story, outlet, domain, published, kind))
    return out


@dataclass(frozen=True)
class Mention:
    """A figure planted in an article: its text, its noun's category and the fact it is about."""

    text: str
    category: str
    key: str


def _mentions(rng: random.Random, article: Article, story: Story, count: int) -> list[Mention]:
    """Figures for ``count`` of the story's facts, each noting the verdict it must get."""
    out = []
    for fact in rng.sample(story.facts, min(count, len(story.facts))):
        want = rng.choices(("agree", "hedged", "conflict"), (35, 30, 35))[0] if fact.disputed else "agree"
        repeats = 2 if want == "agree" and rng.random() < 0.1 else 1
        for _ in range(repeats):
            s = plant(rng, fact.value, fact.tolerance, want)
            article.planted.setdefault(fact.key, []).append(want)
            out.append(Mention(say_figure(rng, s, rng.choice(fact.phrases())), fact.category, fact.key))
    rng.shuffle(out)
    return out


def _pairable(a: Mention, b: Mention) -> bool:
    """Two figures may share a sentence if they are about different facts and read cleanly."""
    return a.key != b.key and " and " not in a.text and " and " not in b.text


def _mention_sentences(rng: random.Random, place: str, figs: list[Mention]) -> list[str]:
    sentences = []
    i = 0
    while i < len(figs):
        pair = i + 1 < len(figs) and rng.random() < 0.2 and _pairable(figs[i], figs[i + 1])
        take = figs[i : i + 2] if pair else figs[i : i + 1]
        sentences.append(mention_sentence(rng, place, take))
        i += len(take)
    return sentences


def write_article(rng: random.Random, article: Article, stories: list[Story]) -> None:
    """Compose the article's text and record which figures it planted."""
    story = article.story
    brief = article.kind == "brief"
    n_mentions = rng.randint(1, 3) if brief else rng.randint(2, 9)
    mentions = _mention_sentences(rng, story.place, _mentions(rng, article, story, n_mentions))
    n_background = rng.randint(3, 6) if brief else rng.randint(16, 30)
    templates = rng.sample(_BACKGROUND, n_background) + rng.sample(_QUOTES, rng.randint(0, 2))
    body = mentions + [background(rng, story, article.published, t) for t in templates]
    body += _traps(rng, article, story)
    first = body[:1]
    rest = body[1:]
    rng.shuffle(rest)
    paragraphs = _paragraphs(rng, first + rest)
    roundup = _roundup(rng, article, stories)
    if roundup:
        paragraphs.insert(len(paragraphs) - 1 if len(paragraphs) > 2 else len(paragraphs), roundup)
    article.title = _title(rng, article)
    authors = " and ".join(_person(rng) for _ in range(rng.randint(1, 2)))
    d = article.published
    header = [article.title, f"By {authors}", f"Published {MONTH_FULL[d.month - 1]} {d.day}, {d.year}"]
    footer = [f"This article originally appeared in {article.outlet}."] if rng.random() < 0.5 else []
    article.text = "\n\n".join(header + paragraphs + footer) + "\n"


def _traps(rng: random.Random, article: Article, story: Story) -> list[str]:
    traps = []
    mentioned = [f for f in story.facts if f.key in article.planted]
    for fact in mentioned:
        if fact.exclude and rng.random() < 0.6:
            traps.append(trap_sentence(rng, story, fact, fact.exclude))
    if mentioned and rng.random() < 0.25:
        traps.append(trap_sentence(rng, story, rng.choice(mentioned), None))
    return traps


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    paragraphs = []
    i = 0
    while i < len(sentences):
        n = rng.choice((1, 2, 2, 3))
        paragraphs.append(" ".join(sentences[i : i + n]))
        i += n
    return paragraphs


def _roundup(rng: random.Random, article: Article, stories: list[Story]) -> str | None:
    """Now and then a paragraph about another story, with figures of its own."""
    others = [s for s in stories if s.facts and s is not article.story]
    if article.kind == "brief" or not others or rng.random() > 0.12:
        return None
    other = rng.choice(others)
    figs = _mentions(rng, article, other, rng.randint(1, 2))
    lead = f"Elsewhere, the {other.event} in {other.place} continued to draw attention."
    return " ".join([lead] + [mention_sentence(rng, other.place, [f]) for f in figs])


def _title(rng: random.Random, article: Article) -> str:
    story = article.story
    title = f"{story.place} {story.event}: {rng.choice(HEADLINE_TAILS)}"
    if article.kind == "opinion":
        return f"Opinion: the {story.event} in {story.place} demands answers"
    return title


# --------------------------------------------------------------------------- output


def _scalar(value: object) -> str:
    """A YAML scalar: plain when unambiguous, else double-quoted (JSON is valid YAML)."""
    text = str(value)
    if (
        re.fullmatch(r"[A-Za-z][A-Za-z0-9_ ,.'-]*", text)
        and not text.endswith((" ", ","))
        and text.lower() not in ("yes", "no", "on", "off", "true", "false", "null")
    ):
        return text
    if isinstance(value, int):
        return text
    return json.dumps(text, ensure_ascii=False)


def _flow(items: Iterable[object]) -> str:
    return "[" + ", ".join(_scalar(i) if not isinstance(i, list) else _flow(i) for i in items) + "]"


def _scope_lines(scope: Scope, indent: str) -> list[str]:
    lines = []
    if scope.paths:
        lines.append(f"{indent}paths: [../sources]")
    if scope.published is not None:
        lines.append(f"{indent}published: {scope.published[0]}..{scope.published[1]}")
    if scope.outlets is not None:
        lines.append(f"{indent}outlets: {_flow(scope.outlets)}")
    if scope.exclude is not None:
        lines.append(f"{indent}exclude: {_flow(scope.exclude)}")
    return lines


def facts_yaml(name: str, scope: Scope, facts: list[Fact], stories: list[Story]) -> str:
    """A desk's facts file in format v1, written the way an editor would."""
    places = sorted({stories[f.story].place for f in facts})
    lines = [f"# Desk {name}: figures we stand behind on {', '.join(places)}.", ""]
    if not scope.empty():
        lines += ["sources:", *_scope_lines(scope, "  "), ""]
    lines.append("facts:")
    for f in facts:
        story = stories[f.story]
        lines += [
            f"  - id: {f.fid}",
            f"    claim: {_scalar(_cap(f.phrase) + ' in ' + story.place + ' after the ' + story.event)}",
            f"    expect: {f.value:,} {f.phrase}",
        ]
        if f.synonyms or f.value % 7 != 0:  # leave counts to the default now and then
            lines.append(f"    counts: {_flow(f.phrases())}")
        context: list[object] = [story.place]
        if f.value % 5 == 1:
            context = [[story.place, f"{story.place} County"]]
        lines.append(f"    context: {_flow(context)}")
        if f.exclude:
            lines.append(f"    exclude: {_flow([f.exclude])}")
        if f.tolerance_text:
            lines.append(f"    tolerance: {f.tolerance_text}")
        for key, value in f.extras.items():
            lines.append(f"    {key}: {value}")
        if f.scope is not None:
            lines += ["    sources:", *_scope_lines(f.scope, "      ")]
        lines.append(f"    tags: {_flow([story.event.replace(' ', '_'), f.category])}")
    return "\n".join(lines) + "\n"


def manifest_yaml(articles: list[Article]) -> str:
    lines = ["# Where each article comes from.", ""]
    for a in articles:
        slug = re.sub(r"[^a-z0-9]+", "-", a.title.lower()).strip("-")
        lines += [
            f"{a.name}:",
            f"  outlet: {_scalar(a.outlet)}",
            f"  published: {a.published.isoformat()}",
            f"  url: https://{a.domain}/{a.published:%Y/%m/%d}/{slug}",
            f"  title: {json.dumps(a.title, ensure_ascii=False)}",
        ]
    return "\n".join(lines) + "\n"


def _worst(verdicts: list[str]) -> str:
    return max(verdicts, key=_SEVERITY.__getitem__)


def write_truth(path: Path, facts: list[Fact], desk_scope: dict[str, Scope], articles: list[Article]) -> dict[str, int]:
    """Write truth.json, one fact per line, and count the verdicts.

    Rows are built from a per-scope template of silent/out_of_scope cells patched with the few
    planted cells, so 50 million cells take seconds, not minutes.
    """
    frags = {v: [f'"sources/{a.name}": "{v}"' for a in articles] for v in VERDICTS}
    index = {a.name: i for i, a in enumerate(articles)}
    planted: dict[str, list[tuple[int, str]]] = {}
    for a in articles:
        for key, verdicts in a.planted.items():
            planted.setdefault(key, []).append((index[a.name], _worst(verdicts)))
    bases: dict[Scope, tuple[list[str], list[bool]]] = {}
    counts = dict.fromkeys(VERDICTS, 0)
    with path.open("w", encoding="utf-8", newline="\n") as out:
        out.write("{\n")
        for n, fact in enumerate(sorted(facts, key=lambda f: f.key)):
            scope = fact.scope or desk_scope[fact.key.split("::")[0]]
            if scope not in bases:
                inside = [scope.admits(a.name, a.outlet, a.published.isoformat()) for a in articles]
                row = [frags["silent" if ok else "out_of_scope"][i] for i, ok in enumerate(inside)]
                bases[scope] = (row, inside)
            row, inside = bases[scope]
            row = list(row)
            n_out = len(inside) - sum(inside)
            counts["out_of_scope"] += n_out
            counts["silent"] += len(inside) - n_out
            for i, verdict in planted.get(fact.key, ()):
                if inside[i]:
                    row[i] = frags[verdict][i]
                    counts[verdict] += 1
                    counts["silent"] -= 1
            sep = ",\n" if n + 1 < len(facts) else "\n"
            out.write(f'"{fact.key}": {{' + ", ".join(row) + "}" + sep)
        out.write("}\n")
    return counts


def _prepare(out: Path) -> None:
    """Start from a clean DIR; only a folder this generator made may be wiped."""
    out.mkdir(parents=True, exist_ok=True)
    ours = (out / "truth.json").exists()
    for sub in ("sources", "facts"):
        target = out / sub
        if target.exists() and any(target.iterdir()):
            if not ours:
                raise SystemExit(f"{target} exists and is not a generated corpus; pick another --out")
            shutil.rmtree(target)
        target.mkdir(exist_ok=True)


def make_corpus(out: Path, articles: int, facts: int, seed: int, nouns: int | None = None) -> dict:
    """Write the corpus into ``out`` and return a summary (counts of verdicts, files, bytes).
    ``nouns``: the shared-noun scenario, every fact counting one of that many common nouns
    (``SHARED_NOUNS``), its story told apart only by its place."""
    out = Path(out)
    if articles < 1 or facts < 1:
        raise ValueError("need at least one article and one fact")
    _prepare(out)
    rng = random.Random(seed)
    stories = make_stories(rng, facts, nouns)
    desks = lay_out_desks(rng, stories, facts)
    planned = plan_articles(rng, stories, articles)
    size = 0
    for article in planned:
        write_article(rng, article, stories)
        data = article.text.encode("utf-8")
        size += len(data)
        (out / "sources" / article.name).write_bytes(data)
    (out / "sources" / "sources.yaml").write_text(manifest_yaml(planned), encoding="utf-8")
    for name, scope, desk_facts in desks:
        (out / "facts" / f"{name}.yaml").write_text(facts_yaml(name, scope, desk_facts, stories), encoding="utf-8")
    (out / "pytest.ini").write_text(
        "[pytest]\nfactcheck_sources = sources\nfactcheck_facts = facts\n", encoding="utf-8"
    )
    all_facts = [f for _, _, fs in desks for f in fs]
    desk_scope = {f"facts/{name}.yaml": scope for name, scope, _ in desks}
    counts = write_truth(out / "truth.json", all_facts, desk_scope, planned)
    return {
        "articles": articles,
        "facts": len(all_facts),
        "seed": seed,
        "nouns": nouns,
        "stories": len(stories),
        "fact_files": len(desks),
        "cells": articles * len(all_facts),
        "verdicts": counts,
        "source_bytes": size,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--facts", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--nouns", type=int, default=None, help="shared-noun scenario: facts count this many nouns")
    args = parser.parse_args(argv)
    summary = make_corpus(args.out, args.articles, args.facts, args.seed, args.nouns)
    json.dump(summary, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
