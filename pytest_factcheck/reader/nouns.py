"""Stage 2b.4, counted nouns: the noun after a figure, and nouns that stand elsewhere.

Rules, one example each:

- noun phrase after the number: "140 militia attacks" -> "militia attacks"; an age between
  count and noun is skipped: "Three 10-year-old boys" counts 3 boys.
- a verb ends the phrase: "One soldier died" counts 1 soldier.
- casualty participles are counted: "5 dead, 12 wounded".
- passive role: "At least 12 were killed", "Twelve were killed" -> role "killed".
- subject noun named before a bare figure: "the death toll climbed to 34" -> "deaths",
  "the number of attacks doubled to 80" -> "attacks", "Officials put the number of
  displaced at 2000" -> "displaced" (a count, not the year), "Casualties topped 1,200".
- coordination and partitives: "killed 4 and 7 civilians respectively", "12 of the 15
  soldiers" -> the bare count takes the noun of the count it is joined to.
- inheritance: "57 in Iraq and 83 in Syria" after "140 militia attacks" -> militia attacks.
- a denied figure takes its correction's noun or role ("4 were wounded, not 40").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from ..common.words import is_plural as _plural
from .numbers import (
    CARDINALS,
    SCALES,
)

if TYPE_CHECKING:
    from .reading import Figure

_NEXT_OF = re.compile(r"[ \t]+of(?:[ \t]+(?:the|these|those|its|their|his|her|our|them|all))?(?=[ \t])")
_ONE_OF = re.compile(r"(?i)\s+(?:of\s+(?:the|these|those|its|their|his|her|our|them)\b|another\b)")
_NP_TOKEN = re.compile(r"[ \t]+((?:[A-Za-z]\.){2,}|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*)(?![\w-])")
#: A model code between a count and its noun: "Two F-35 jets", "four A320 aircraft".
_MODEL = re.compile(r"[ \t]+[A-Z]{1,4}-?\d{1,4}[A-Za-z]?(?=[ \t]+[a-z])")
#: An age between a count and its noun: "Three 10-year-old boys".
_AGE_ADJECTIVE = re.compile(r"[ \t]+\d{1,3}-(?:year|month|week|day)s?-old(?![\w-])")
# counted nouns that stand elsewhere
_SUBJECT = re.compile(
    r"(?i)\b(?:(?P<toll>death\s+toll|toll)|number\s+of\s+(?:the\s+)?(?P<what>[a-z]+(?:\s+[a-z]+){0,2}))\b"
    # what follows up to the figure: no clause break, but an aside set off by two commas
    # may stand between ("The toll, officials said, rose to 34")
    r"(?P<rest>(?:[^,;:()]|,[^,;:()]*,)*)$"
)
_SUBJECT_VERB_END = re.compile(
    r"(?i)(?:\b(?:to|at|reached|reaches|hit|hits|passed|stood|stands|was|is|now|of|has|had|have)|^|,)\s*$"
)
_SUBJECT_VERBS = frozenset(
    [
        "exceeding",
        "exceeded",
        "exceeds",
        "topped",
        "tops",
        "top",
        "topping",
        "surpassed",
        "surpassing",
        "surpasses",
        "rose",
        "reached",
        "hit",
        "climbed",
        "passed",
        "numbered",
        "totalled",
        "totaled",
        "stood",
        "doubled",
    ]
)
_PASSIVE_ROLE = re.compile(
    r"[ \t]+(?:were|was|are|is|have[ \t]+been|had[ \t]+been|has[ \t]+been|remain|remained)[ \t]+"
    r"(?P<v>killed|injured|wounded|hurt|missing|arrested|detained|displaced|evacuated|rescued|kidnapped"
    r"|abducted|hospitali[sz]ed|dead)\b"
)
#: A casualty verb right after a bare count is its role: "Twelve died", "40 fled the town".
_ACTIVE_ROLE = re.compile(r"[ \t]+(?P<v>died|drowned|perished|fled|survived|escaped)\b")
_COORDINATED = re.compile(
    r"\s*,?\s*(?i:and|or|to)\s+(?:(?i:perhaps|possibly|maybe|probably|even)\s+)?$"
    r"|\s+of\s+(?:the|these|those|its|their|his|her|our|all)\s+$"
)
#: An aside's second figure, before the noun both count: "More than 20, and possibly 30, homes".
_ASIDE_OPENING = re.compile(r"\s*,\s*(?:and|or|but)\s+(?:(?:perhaps|possibly|maybe|probably|even)\s+)?$")
_STOP = frozenset(
    [
        "in",
        "on",
        "at",
        "of",
        "for",
        "from",
        "to",
        "by",
        "with",
        "against",
        "across",
        "near",
        "into",
        "onto",
        "over",
        "under",
        "during",
        "since",
        "after",
        "before",
        "through",
        "including",
        "per",
        "as",
        "than",
        "like",
        "within",
        "without",
        "toward",
        "towards",
        "about",
        "around",
        "among",
        "amid",
        "amidst",
        "between",
        "behind",
        "beyond",
        "inside",
        "outside",
        "along",
        "via",
        "upon",
        "off",
        "out",
        "up",
        "down",
        "throughout",
        "despite",
        "except",
        "plus",
        "but",
        "yet",
        "so",
        "while",
        "when",
        "who",
        "whom",
        "which",
        "that",
        "where",
        "whose",
        "whether",
        "if",
        "because",
        "although",
        "though",
        "nor",
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "it",
        "they",
        "them",
        "he",
        "she",
        "we",
        "i",
        "you",
        "there",
        "here",
        "each",
        "every",
        "all",
        "both",
        "any",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "am",
        "have",
        "has",
        "had",
        "do",
        "does",
        "did",
        "will",
        "would",
        "shall",
        "should",
        "can",
        "could",
        "may",
        "might",
        "must",
        "also",
        "still",
        "now",
        "then",
        "just",
        "only",
        "already",
        "again",
        "ago",
        "not",
        "no",
        "never",
        "ever",
        "even",
        "very",
        "too",
        "early",
        "late",
        "later",
        "earlier",
        "last",
        "next",
        "yesterday",
        "today",
        "tonight",
        "tomorrow",
        "overnight",
        "strong",
        "meanwhile",
        "said",
        "says",
        "say",
        "according",
        "respectively",
        "apiece",
        "total",
        "altogether",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "more",
        "most",
        "less",
        "fewer",
        "own",
    ]
)
_STOP = _STOP | frozenset(CARDINALS) | frozenset(SCALES)
_SKIP_LEAD = frozenset({"such", "more", "additional", "other", "further", "new"})
#: Participles that name what a bare number counts ("5 dead, 12 wounded", "40 missing").
_CASUALTY_STATES = frozenset(
    [
        "wounded",
        "injured",
        "killed",
        "missing",
        "displaced",
        "detained",
        "arrested",
        "hospitalized",
        "hospitalised",
        "evacuated",
        "rescued",
    ]
)
_ED_NOUNS = frozenset(
    ["hundred", "need", "speed", "bed", "seed", "shed", "creed", "breed", "deed", "feed", "red", "reed"]
)
_ING_NOUNS = frozenset(
    [
        "thing",
        "building",
        "meeting",
        "wing",
        "evening",
        "morning",
        "ceiling",
        "offering",
        "bombing",
        "shooting",
        "killing",
        "landing",
        "briefing",
        "hearing",
        "ruling",
        "warning",
        "finding",
        "funding",
        "training",
        "uprising",
        "spring",
        "king",
        "ring",
        "string",
        "sibling",
        "opening",
        "opening",
    ]
)
#: Linking verbs right after a number: never its noun ("Five remain missing", "Six stayed behind").
_LINKING = frozenset(["remain", "remains", "remained", "stay", "stays", "stayed"])
#: Short past tenses that end a noun phrase: "One soldier died".
_SHORT_VERBS = frozenset(
    [
        "died",
        "dies",
        "die",
        "fled",
        "flee",
        "left",
        "fell",
        "hit",
        "shot",
        "rose",
        "ran",
        "won",
        "lost",
        "came",
        "went",
        "took",
        "made",
        "got",
        "saw",
        "sat",
        "held",
        "met",
        "told",
        "said",
        "led",
        "fought",
        "sank",
        "drowned",
        "burned",
        "froze",
        "survived",
        "remain",
        "remained",
        "remains",
        "arrived",
        "voted",
        "stood",
        "lay",
        "lie",
        "lies",
    ]
)
_ROLE_VERBS = frozenset(
    [
        "kill",
        "kills",
        "killing",
        "injure",
        "injures",
        "injuring",
        "wound",
        "wounds",
        "wounding",
        "hit",
        "hits",
        "struck",
        "shot",
        "lost",
        "left",
        "sent",
        "fire",
        "fires",
        "firing",
        "launch",
        "launches",
        "launching",
    ]
)
_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "every", "each"])
_MAX_NP_WORDS = 7


def _verb_form(lower: str) -> bool:
    return (lower.endswith("ed") and len(lower) > 4 and lower not in _ED_NOUNS) or (
        lower.endswith("ing") and len(lower) > 5 and lower not in _ING_NOUNS
    )


#: Groups whose size "-strong" gives, counting the people or things "of" them: "a 60-strong
#: gang of looters" counts looters.
_COLLECTIVES = frozenset(
    [
        "army",
        "band",
        "battalion",
        "brigade",
        "column",
        "contingent",
        "convoy",
        "crew",
        "crowd",
        "delegation",
        "detachment",
        "force",
        "fleet",
        "flotilla",
        "gang",
        "group",
        "militia",
        "mob",
        "party",
        "squad",
        "team",
        "unit",
    ]
)


def _noun_phrase(text: str, pos: int, send: int, value: int | float) -> tuple[int, int, str] | None:
    """(phrase start, phrase end, noun) of the noun phrase after a number, if any. After
    "-strong", a group "of" a plural noun counts that noun ("a 300-strong crowd of
    protesters": protesters)."""
    phrase = _plain_noun_phrase(text, pos, send, value)
    if phrase is None or not text.endswith("-strong", 0, pos) or phrase[2].lower() not in _COLLECTIVES:
        return phrase
    members = _plain_noun_phrase(text, phrase[1], send, 2) if _NEXT_OF.match(text, phrase[1], send) else None
    if members is None or not _plural(members[2].split()[-1]):
        return phrase
    return phrase[0], members[1], members[2]


def _plain_noun_phrase(text: str, pos: int, send: int, value: int | float) -> tuple[int, int, str] | None:
    of = _NEXT_OF.match(text, pos, send)
    if of:
        pos = of.end()
    age = _AGE_ADJECTIVE.match(text, pos, send) if text[pos + 1 : pos + 2].isdigit() else None
    if age:
        pos = age.end()  # "Three 10-year-old boys" counts boys
    model = _MODEL.match(text, pos, send) if text[pos + 1 : pos + 2].isupper() else None
    if model:
        pos = model.end()  # "Two F-35 jets", "three MQ-9 drones": the model names the noun after it
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
        if lowercase_seen and lower in _SHORT_VERBS:
            break  # "One soldier died"
        if not taken and (lower in _LINKING or lower in _SHORT_VERBS):
            break  # "Five remain missing", "people over 65 rose": a verb, not what is counted
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


def _inherit(figures: list[Figure], text: str) -> list[Figure]:
    """Nounless counts take a noun: from the count they are coordinated with or a part of
    ("4 and 7 civilians", "12 of the 15 soldiers"), else from the nearest earlier count with
    one ("57 in Iraq"); a denied figure takes its corrected figure's noun or role."""
    figures = _coordinated(figures, text)
    out: list[Figure] = []
    donor: Figure | None = None
    last: Figure | None = None
    for figure in figures:
        if figure.kind == "count":
            if figure.denied and figure.noun is None and figure.role is None and last is not None:
                figure = replace(figure, noun=last.noun, phrase=last.phrase, role=last.role, inherited=True)
            elif figure.noun is None and figure.role is None and donor is not None:
                figure = replace(figure, noun=donor.noun, phrase=donor.phrase, inherited=True)
            elif figure.noun is None and figure.role is None:
                passive = _PASSIVE_ROLE.match(text, figure.end) or _ACTIVE_ROLE.match(text, figure.end)
                if passive:
                    figure = replace(figure, role=passive.group("v"))  # "At least 12 were killed"
            if figure.noun is not None:
                donor = figure
            last = figure
        out.append(figure)
    return out


def _coordinated(figures: list[Figure], text: str) -> list[Figure]:
    """A bare count joined to the next count by "and"/"or"/"to"/"of the" takes its noun;
    so do both figures of an aside: "More than 20, and possibly 30, homes burned"."""
    out = list(figures)
    for i in range(1, len(out)):
        figure, before = out[i], out[i - 1]
        if figure.kind != "count" or figure.noun is not None or before.noun is not None:
            continue
        if not text.startswith(",", figure.end):
            continue
        if _ASIDE_OPENING.match(text[before.end : figure.start]):
            np = _noun_phrase(text, figure.end + 1, len(text), figure.high if figure.high is not None else figure.value)
            if np is not None:
                out[i] = replace(figure, noun=np[2], phrase=text[np[0] : np[1]])
    for i in range(len(out) - 2, -1, -1):
        figure, nxt = out[i], out[i + 1]
        if figure.kind == "count" and figure.noun is None and nxt.kind == "measure" and nxt.noun is None:
            gap = text[figure.end : nxt.start]
            if len(gap) < 12 and _COORDINATED.match(gap) and figure.value != 1:
                out[i] = replace(figure, kind="measure", unit=nxt.unit)  # "jailed for 6 and 8 years"
            continue
        if figure.kind != "count" or figure.noun is not None or nxt.kind != "count" or nxt.noun is None:
            continue
        gap = text[figure.end : nxt.start]
        if len(gap) < 40 and _COORDINATED.match(gap):
            out[i] = replace(figure, noun=nxt.noun, phrase=nxt.phrase, inherited=True)
    return out
