"""The verdict vocabulary, in one place: the checker and every report (terminal matrix,
failure text, JSON, HTML, GitHub, Code Quality) read their order, words, symbols and
descriptions here, so that no two reports can disagree.

Imports nothing: the checker writes a fact's verdicts over the corpus as one string of
``CODES``; the reports turn verdicts back into words.
"""

from __future__ import annotations

__all__ = [
    "BADNESS",
    "CODES",
    "CONSENSUS_DESCRIPTIONS",
    "DESCRIPTIONS",
    "DIFFERING",
    "EMOJI",
    "GLYPHS",
    "ORDER",
    "verdict_word",
]

#: Every verdict the checker may give, in the order every report lists them.
ORDER = ("agree", "hedged", "conflict", "silent", "out_of_scope", "earlier", "newer", "waived")

#: How bad each figure verdict is; a source takes its worst (see checking.check).
BADNESS = {"agree": 0, "earlier": 1, "hedged": 2, "newer": 3, "conflict": 4}

#: Verdicts that can fail a fact, worst first. ``conflict`` and ``newer`` always count
#: against it; ``hedged`` only under ``hedged: fail`` (reports: when the fact failed or warned).
DIFFERING = ("conflict", "newer", "hedged")

#: One ASCII character per verdict: the checker's cell codes and the terminal matrix's
#: symbols (reads the same in a terminal and in a plain CI log).
CODES = {
    "agree": "+",
    "hedged": "~",
    "conflict": "X",
    "silent": ".",
    "out_of_scope": "-",
    "earlier": "<",
    "newer": ">",
    "waived": "w",
}
UNKNOWN_CODE = "?"

#: The glyph the HTML report draws in a cell (the word is always there too).
GLYPHS = {
    "agree": "\u2713",
    "hedged": "\u2248",
    "conflict": "\u2717",
    "silent": "\u00b7",
    "out_of_scope": "\u2013",
    "earlier": "\u2039",
    "newer": "\u203a",
    "waived": "w",
}

#: The emoji of the GitHub job summary.
EMOJI = {
    "agree": "\u2705",
    "hedged": "\U0001f7e1",
    "conflict": "\u274c",
    "silent": "\u2796",
    "out_of_scope": "\u26aa",
    "earlier": "\u23ea",
    "newer": "\u23e9",
    "waived": "\U0001f515",
}
UNKNOWN_EMOJI = "\u2754"

#: One sentence per verdict, for a fact with an expected figure.
DESCRIPTIONS = {
    "agree": "The source states the expected figure.",
    "hedged": "The source gives a vaguer figure (\u201cmore than\u201d, \u201cat least\u201d\u2026) "
    "that allows the expected one but does not confirm it.",
    "conflict": "The source states a figure that contradicts the expected one.",
    "silent": "The source does not state this figure.",
    "out_of_scope": "The source is outside the fact\u2019s scope (another event or period).",
    "earlier": "The source predates the fact and gives an earlier figure.",
    "newer": "The source is newer than the fact and gives a different figure: the fact may be out of date.",
    "waived": "The source differs, and an editor has waived the difference.",
}

#: The same for a consensus fact (no expected figure: the sources against each other).
CONSENSUS_DESCRIPTIONS = {
    **DESCRIPTIONS,
    "agree": "The source\u2019s figure agrees with every other source\u2019s.",
    "hedged": "The source\u2019s figure overlaps another source\u2019s without stating it.",
    "conflict": "The source states a figure that another source\u2019s rules out.",
    "earlier": "An older count than a newer source\u2019s, as the fact\u2019s trend expects.",
    "waived": "The source differs from another, and an editor has waived the difference.",
}


def verdict_word(verdict: str) -> str:
    """``out_of_scope`` -> ``out of scope``; what an editor reads."""
    return str(verdict).replace("_", " ")
