"""All the session's sources, read once, with their figures indexed.

Checking a fact must cost in proportion to the figures that could be about it, not to the
size of the corpus: every mention is indexed by the last word of its noun phrase and by
its role (counts), or by its kind (measures, money, percentages, ratios). A fact looks up
only the words its ``counts`` end with. Earlier values ("up from 120") are not indexed
(:func:`compared`), and roles are indexed as :func:`~..common.words.role_word` writes them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..common.words import role_word
from ..sources.articles import Article, Mention, read_article
from ..sources.finding import Source

__all__ = ["Candidate", "Corpus", "NearIndex", "compared"]

#: kinds looked up by kind rather than by the noun they count
BY_KIND = ("measure", "money", "percent", "ratio")


def compared(mention: Mention) -> bool:
    """Whether a figure is ever compared with a fact: not when the article gives it as an
    earlier value ("up from 120 attacks", "compared with 90 last year") nor when it denies
    it ("4 were wounded, not 40 as first reported"). The one place that decides it: the
    index leaves such figures out, so no check ever sees them."""
    return not (mention.figure.previous or mention.figure.denied)


@dataclass(frozen=True, slots=True)
class Candidate:
    index: int  # the article's position in the corpus
    mention: Mention


class Corpus:
    def __init__(self, sources: Sequence[Source], read: Callable[[Source], Article] = read_article) -> None:
        self.articles: list[Article] = [read(source) for source in sources]
        #: per-corpus memos of the checker (which sources each scope takes in)
        self.memo: dict[Any, Any] = {}
        self._by_word: dict[str, list[Candidate]] = defaultdict(list)
        self._by_kind: dict[str, list[Candidate]] = defaultdict(list)
        for index, article in enumerate(self.articles):
            for mention in article.mentions:
                self._index(Candidate(index, mention))

    @classmethod
    def from_articles(cls, articles: Iterable[Article]) -> Corpus:
        items = list(articles)
        remaining = iter(items)
        return cls([a.source for a in items], read=lambda _source: next(remaining))

    def _index(self, candidate: Candidate) -> None:
        mention, figure = candidate.mention, candidate.mention.figure
        if not compared(mention):
            return
        if figure.kind in BY_KIND:
            self._by_kind[figure.kind].append(candidate)
            return
        if figure.kind != "count":
            return
        keys = set()
        if mention.phrase_words:
            keys.add(mention.phrase_words[-1])
        if figure.role:
            keys.add(role_word(figure.role))
        for key in keys:
            self._by_word[key].append(candidate)

    @property
    def sources(self) -> list[Source]:
        return [a.source for a in self.articles]

    def by_word(self, word: str) -> list[Candidate]:
        return self._by_word.get(word, [])

    def by_kind(self, kind: str) -> list[Candidate]:
        return self._by_kind.get(kind, [])

    def near_index(self) -> NearIndex:
        """The figures of the noun and kind lists, indexed by the words near them as well:
        built on first use, once per corpus."""
        index = self.memo.get(NearIndex)
        if index is None:
            index = self.memo[NearIndex] = NearIndex(self._by_word, self._by_kind)
        return index


class NearIndex:
    """The indexed figures numbered in text order (source by source), and looked up three
    ways: by the words near each figure (``Mention.near``: its clause and the sentence's
    lead-in, the very words ``context`` entries are matched in), by noun and by kind.

    * ``figures[n]``: the candidate numbered ``n``;
    * ``lists["near"][word]``, ``lists["noun"][word]``, ``lists["kind"][kind]``: ascending
      candidate numbers;
    * ``united(table, keys)``: the numbers under any of ``keys``, as a set made once.

    ``examined`` counts the candidates a selection has looked at and ``judged`` those the
    matcher was asked about: the checker's cost, in steps rather than seconds.
    """

    def __init__(self, by_word: dict[str, list[Candidate]], by_kind: dict[str, list[Candidate]]) -> None:
        seen: dict[int, Candidate] = {}
        for table in (by_word, by_kind):
            for candidates in table.values():
                for candidate in candidates:
                    seen.setdefault(id(candidate), candidate)
        self.figures: list[Candidate] = sorted(seen.values(), key=lambda c: (c.index, c.mention.figure.start))
        number = {id(c): n for n, c in enumerate(self.figures)}
        near: dict[str, list[int]] = defaultdict(list)
        for n, candidate in enumerate(self.figures):
            for word in set(candidate.mention.near):
                near[word].append(n)
        self.lists: dict[str, dict[str, list[int]]] = {
            "near": dict(near),
            "noun": {w: sorted(number[id(c)] for c in cs) for w, cs in by_word.items()},
            "kind": {k: sorted(number[id(c)] for c in cs) for k, cs in by_kind.items()},
        }
        self._united: dict[tuple[str, tuple[str, ...]], frozenset[int]] = {}
        self.examined = 0
        self.judged = 0

    def united(self, table: str, keys: tuple[str, ...]) -> frozenset[int]:
        found = self._united.get((table, keys))
        if found is None:
            lists = self.lists[table]
            found = self._united[table, keys] = frozenset().union(*(lists.get(k, ()) for k in keys))
        return found
