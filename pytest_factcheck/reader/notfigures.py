"""Stage 2b.3, what is not a figure: numbers that count nothing and never give or take a noun.

Rules, one example each:

- dates and clock times: "Jan. 28, 2024", "13 April", "6:30 p.m.", "9/11", "2023-24".
- years: "in 2018" (a four-digit year after "in", "since", ... or before a capital).
- names and codes: "Tower 22", "Resolution 2334", "No. 2"; never a sentence-initial adverb
  or determiner: "Perhaps 40 people", "Fully 40 percent", "Only 12" are figures.
- phone numbers: "0800-555-0199", "+1-202-555-0143", "+44 20 7946 0958", "+44 7700 900123",
  "1-800-555-0175", "(202) 555-0188".
- numbers with a leading zero are codes: "0600 GMT".
- military times: "at 1830 local time", "2200 GMT".
- links: "example.org/data/2024/500-attacks?page=30%25".
- scores and tallies: "won 3-2", "voted 7-2".
- ages: "Men aged 18 to 60"; "a 2-year-old child".
- street addresses: "1600 Pennsylvania Avenue", "221 Baker Street".
- magnitudes: "magnitude 7.8", "a 6.8-magnitude quake".
- pronoun "one": "no one", "one of the", "the sixth one".
"""

from __future__ import annotations

import re

from .nouns import _SKIP_LEAD, _STOP
from .numbers import (
    CARDINALS,
    HEDGES,
)
from .tokens import _NUM

_MONTH_NAMES = [
    "Jan",
    "January",
    "Feb",
    "February",
    "Mar",
    "March",
    "Apr",
    "April",
    "May",
    "Jun",
    "June",
    "Jul",
    "July",
    "Aug",
    "August",
    "Sep",
    "Sept",
    "September",
    "Oct",
    "October",
    "Nov",
    "November",
    "Dec",
    "December",
]
_MONTH_SET = frozenset(_MONTH_NAMES)
_DAY_MONTH = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{'|'.join(_MONTH_NAMES)})\b\.?(?:,?\s+\d{{4}}(?!\w))?")
_YEAR_AFTER_DAY = re.compile(r",?\s+\d{4}(?!\w)")
_CLOCK = re.compile(r"[/:]\d|-\d\d-\d\d\b|\s*[ap]\.?m\b\.?")
#: A clock time written with a dot ("left at 14.30"), after a word of time.
_DOT_TIME = re.compile(r"(?:[01]?\d|2[0-3])\.[0-5]\d")
_DOT_TIME_WORDS = frozenset(["at", "by", "until", "till", "from", "before", "after", "around", "about"])
_YEAR_RANGE = re.compile(r"[-–/](?:1[5-9]|20)?\d\d(?!\w)")
_AGE = re.compile(r"(?i)-old\b")
# not figures
_PHONE = re.compile(r"(?:[ -]\(?\d{2,4}\)?){2,}(?!\d)")
#: After a country code ("+44 "), every group of digits belongs to the number: "+44 7700 900123".
_PHONE_AFTER_CODE = re.compile(r"(?:[ -]\(?\d{2,8}\)?)+(?![\d,.]\d)")
_PHONE_PREFIX_REV = re.compile(r"[ -]\d{1,3}\+")
#: The North American shape, after its first group: "1-800-555-0175", "202.555.0188",
#: "(202) 555-0188": groups of three and a last group of four, joined the same way.
_PHONE_NANP = re.compile(r"(?:(?P<j>[-.])\d{3}(?:(?P=j)\d{3})?(?P=j)\d{4}|\)[ \t]?\d{3}[-. ]\d{4})(?![\d-])")
_MILITARY_TIME = re.compile(r"[ \t]*(?:GMT|UTC|Z\b|local\s+time|hours\b|hrs\b|h\b)")
_ADDRESS = re.compile(
    r"(?:[ \t]+[A-Z][a-z]+){1,3}[ \t]+(?:Street|St\.|Avenue|Ave\.?|Road|Rd\.|Boulevard|Blvd\.?|Lane|Drive"
    r"|Place|Square|Way|Court|Terrace|Highway|Parkway|Plaza|Crescent|Close|Row|Circle|Gardens|Mews|Quay|Parade"
    r"|Grove|Alley|Embankment|Walk)(?!\w)"
)
_MAGNITUDE_AFTER = re.compile(r"(?i)-?[ \t]?magnitude\b|[ \t]+on[ \t]+the[ \t]+richter")
_SCORE = re.compile(r"[-–](?P<n>\d{1,2})(?![\d%]|[.,]\d|[-–]?[A-Za-z])")
_SCORE_WORDS = frozenset(
    [
        "won",
        "win",
        "wins",
        "lost",
        "lose",
        "loses",
        "beat",
        "beats",
        "drew",
        "draw",
        "tied",
        "voted",
        "vote",
        "votes",
        "defeated",
        "trailed",
        "trailing",
        "led",
        "leading",
        "score",
        "scored",
        "passed",
        "approved",
        "rejected",
    ]
)
#: An ascending N-M is a score, not a range, after a word of a match ("the score went 2-3")
#: or before one ("from 0-2 down", "a 1-2 defeat").
_SCORE_CONTEXT = _SCORE_WORDS | frozenset(
    ["scoreline", "trailed", "match", "game", "final", "half-time", "halftime", "full-time", "went", "going", "goals"]
)
#: An age in apposition: "<person>, 34," (or "19 and 22,") before its clause goes on.
_APPOSITION_BEFORE = re.compile(r"(?:(?P<p>[A-Za-z]+)[ \t]+)?(?P<w>[A-Za-z][a-z]+),[ \t]*$")
_APPOSITION_AFTER = re.compile(r"(?:[ \t]+and[ \t]+\d{1,3})?,[ \t]")
_PERSON_WORDS = frozenset(
    [
        "victim",
        "victims",
        "man",
        "woman",
        "boy",
        "girl",
        "child",
        "suspect",
        "suspects",
        "driver",
        "officer",
        "officers",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "teacher",
        "nurse",
        "doctor",
        "soldier",
        "resident",
        "pilot",
        "student",
        "worker",
        "brother",
        "sister",
        "defendant",
        "gunman",
        "attacker",
    ]
)
#: A capitalised word after these is a place, not a person: "In Gaza, 34, ...".
_PLACE_PREPOSITIONS = frozenset(["in", "at", "on", "from", "to", "across", "near", "of", "outside", "inside"])
#: Nothing counted follows: the clause ends, or a preposition or conjunction comes next.
_NO_NOUN_AFTER = re.compile(r"(?i)[ \t]*(?:[.,;:!?)\u2014]|$|(?:in|at|on|after|before|with|as|and|but|when|while)\b)")
_SCORE_AFTER = re.compile(
    r"(?i)[ \t]+(?:down|up|lead|win|victory|defeat|loss|deficit|draw|scoreline|home|away|aggregate|at[ \t]+half)\b"
)
#: "a second apart", "a second later": the unit of time, not an ordinal.
_SECOND_OF_TIME = re.compile(r"(?i)second\s+(?:apart|later|earlier|ago|before|after|long|or\s+two)\b")
_AGE_WORDS = frozenset(["aged", "age", "ages"])
#: Words for people that make "under/over N" after them an age: "Children under 5", "People over 65".
_AGE_PEOPLE = frozenset(
    [
        *("children", "people", "pensioners", "adults", "those", "anyone", "everyone", "men", "women", "kids"),
        *("teenagers", "girls", "boys", "residents", "patients", "voters", "drivers", "workers", "citizens"),
    ]
)
_AGE_BOUNDS = frozenset(["under", "over", "above", "below", "aged"])
#: Lower-case labels that make the number after them a name: "room 214", "page 12", "gate 5".
_LABELS = frozenset(
    [
        "room",
        "page",
        "pages",
        "gate",
        "platform",
        "bus",
        "flight",
        "seat",
        "chapter",
        "section",
        "exit",
        "pier",
        "terminal",
        "ward",
        "bed",
        "apartment",
        "flat",
        "suite",
        "lot",
        "route",
        "junction",
        "junctions",
        "rooms",
        "gates",
        "platforms",
        "channel",
        "track",
        "berth",
        "bay",
        "hangar",
        "block",
    ]
)
_AGE_RANGE = re.compile(rf"(?:[ \t]*(?:-|–|to|and)[ \t]*{_NUM})?(?:[ \t]+and[ \t]+(?:over|older|above|under))?")
_URL_MARKS = frozenset("=&?#")
_SLASH_RATIO = re.compile(r"/(?P<d>\d{1,3})(?=[ \t]+of\b)")
_ONE_AFTER = frozenset(["of", "-"])
#: Sentence-initial adverbs and determiners that are never names: "Perhaps 40 people", "Fully 40 percent".
_OPENERS = frozenset(
    [
        "perhaps",
        "maybe",
        "fully",
        "only",
        "some",
        "roughly",
        "just",
        "another",
        "all",
        "over",
        "around",
        "exactly",
        "precisely",
        "possibly",
        "probably",
        "likely",
        "still",
        "yet",
        "nearly",
        "almost",
        "about",
        "barely",
        "scarcely",
        "hardly",
        "even",
        "at",
        "by",
        "of",
        "for",
        "to",
        "and",
        "but",
        "so",
        "then",
        "now",
        "today",
        "yesterday",
        "while",
        "after",
    ]
)
_YEAR_WORDS = frozenset(
    [
        "in",
        "since",
        "by",
        "of",
        "from",
        "until",
        "till",
        "to",
        "through",
        "before",
        "after",
        "during",
        "early",
        "late",
        "mid",
        "the",
        "and",
        "or",
        "between",
        "around",
        "circa",
    ]
)
_NOT_NAMES = (
    _STOP
    | _SKIP_LEAD
    | {h.split()[0] for h in HEDGES}
    | frozenset(
        [
            "another",
            "only",
            "exactly",
            "just",
            "with",
            "including",
            "and",
            "but",
            "or",
            "all",
            "some",
            "nearly",
            "almost",
            "about",
            "around",
            "roughly",
            "approximately",
            "over",
            "more",
            "some",
            "those",
            "these",
            "killing",
            "killed",
            "injuring",
            "injured",
        ]
    )
) - {"no"}
_PRONOUN_ONE = frozenset(["no", "the", "this", "that", "any", "every", "each", "which", "someone", "anyone"])


def _is_name(word: str) -> bool:
    """A capitalised word right before a number makes it a name or code ("Tower 22")."""
    if not word:
        return False
    if word in ("No.", "Nos.", "#", "no.") or word.startswith("#"):
        return True
    bare = word.rstrip(".")
    if bare[:1].islower() and any(c.isupper() for c in bare[1:]) and bare.isalpha():
        return True  # "iPhone 15", "eBay 2": a brand's capital inside the word
    return bare[:1].isupper() and "." not in bare and bare.lower() not in _NOT_NAMES and bare.lower() not in CARDINALS
