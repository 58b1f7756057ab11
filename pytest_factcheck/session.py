"""One check run in plain Python: load the facts files, find the sources their facts reach,
read them once into a corpus, and keep the results for the reports.

No pytest here: ``plugin.py`` makes one ``CheckSession`` per pytest process and connects it
to pytest's hooks. May import every stage package (facts, sources, reader, checking,
reports), never the plugin.
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import FactcheckWarning
from .checking.check import scope_mask
from .checking.corpus import Corpus
from .facts.loading import FactFile, InputError, Scope, load_fact_file
from .reports.findings_json import source_entry
from .sources.articles import Article
from .sources.cache import ReadingCache
from .sources.finding import Source, find_sources_checked
from .sources.formats import SourceOptions

FACT_SUFFIXES = (".yaml", ".yml")
#: Feed lines named as keywords of a fact (for ``-k``) while its scope holds no more.
KEYWORD_FEED_LINES = 5000


@dataclass
class CheckSession:
    """Everything one process (a plain run, an xdist controller or a worker) keeps: the facts
    files it loaded, the source folders they reach, the corpus read from them, and the
    results gathered for the reports."""

    rootdir: Path
    fact_folders: tuple[Path, ...]
    source_paths: tuple[Path, ...]
    today: dt.date
    fail_on: str
    source_folders: set[Path] = field(default_factory=set)
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    source_entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    source_list: list[dict[str, Any]] = field(default_factory=list)  # in corpus order
    facts_files: list[Path] | None = None
    collect_errors: int = 0
    fact_collect_errors: int = 0
    reading: ReadingCache = field(default_factory=lambda: ReadingCache(None))
    source_options: SourceOptions = field(default_factory=SourceOptions)
    #: one sentence per unreadable feed line or front matter, warned once
    source_problems: list[str] = field(default_factory=list)
    #: Whether reading the corpus warns about odd articles (an xdist worker leaves that to the controller).
    warn_articles: bool = True
    _corpus: Corpus | None = None
    _corpus_folders: frozenset[Path] = frozenset()
    _folder_sources: dict[Path, list[Source]] = field(default_factory=dict)
    #: Manifest problems per source folder (each bad entry is left out, the rest still count).
    manifest_errors: dict[Path, tuple[InputError, ...]] = field(default_factory=dict)
    #: Load errors (facts files, manifests) as the JSON's ``errors`` entries, by position.
    load_errors: dict[tuple[str, int, int, str], dict[str, Any]] = field(default_factory=dict)
    _loaded: dict[Path, FactFile | InputError] = field(default_factory=dict)
    _outlets: dict[Scope, frozenset[str]] = field(default_factory=dict)
    _scope_memos: dict[Path, dict] = field(default_factory=dict)

    @property
    def read_corpus(self) -> Corpus | None:
        """The corpus if it has been read in this process, else ``None`` (reads nothing)."""
        return self._corpus

    def load(self, path: Path) -> FactFile:
        """A facts file, read once per process (the prefill and the collection share it)."""
        if path not in self._loaded:
            try:
                self._loaded[path] = load_fact_file(path, self.shown(path), self.source_paths, self.today)
            except InputError as err:
                self._loaded[path] = err
        loaded = self._loaded[path]
        if isinstance(loaded, InputError):
            raise loaded
        return loaded

    def outlets(self, scope: Scope) -> frozenset[str]:
        """The outlets (from the manifests, front matter and feed lines) of the sources a
        scope takes in, and the names of its feed lines (``wire.jsonl#ap-0141`` gives
        ``ap-0141``) while there are at most ``KEYWORD_FEED_LINES`` of them, for ``-k``."""
        if scope not in self._outlets:
            names: set[str] = set()
            lines: set[str] = set()
            for folder in scope.paths or ():
                sources = self.sources_in(folder)
                mask = scope_mask(scope, sources, self._scope_memos.setdefault(folder, {}))
                names.update(s.outlet for s, keep in zip(sources, mask) if keep and s.outlet)
                lines.update(s.path.rpartition("#")[2] for s, keep in zip(sources, mask) if keep and s.feed)
            if len(lines) <= KEYWORD_FEED_LINES:  # every item copies its keywords: keep them few
                names |= lines
            self._outlets[scope] = frozenset(names)
        return self._outlets[scope]

    def shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.rootdir).as_posix()
        except ValueError:
            return path.as_posix()

    def sources_in(self, folder: Path) -> list[Source]:
        """The sources below a folder, found once; a bad manifest entry is left out and kept
        in ``manifest_errors``."""
        if folder not in self._folder_sources:
            found = find_sources_checked(folder, self.rootdir, self.source_options, self.source_problems)
            self._folder_sources[folder] = list(found.sources)
            self.manifest_errors[folder] = found.errors
        return self._folder_sources[folder]

    def add_error(self, error: dict[str, Any]) -> None:
        """Keep a load error (``InputError.as_dict()``) for the reports, once."""
        key = (str(error["file"]), int(error["line"]), int(error["column"]), str(error["message"]))
        self.load_errors.setdefault(key, error)

    def errors(self) -> list[dict[str, Any]]:
        """The load errors, in file and line order."""
        return [self.load_errors[key] for key in sorted(self.load_errors)]

    def corpus(
        self,
        progress: Callable[[int, int], None] | None = None,
        warn: Callable[[Warning, str, int], None] | None = None,
    ) -> Corpus:
        """Every source any collected fact may look at, read once per process (through the
        cache, when there is one)."""
        if self._corpus is None or self._corpus_folders != frozenset(self.source_folders):
            found: dict[str, Source] = {}
            for folder in sorted(self.source_folders):
                for source in self.sources_in(folder):
                    found.setdefault(source.path, source)
            ordered = [found[p] for p in sorted(found)]
            self._corpus = Corpus(ordered, read=_counting(self.reading.read, len(ordered), progress))
            self._corpus_folders = frozenset(self.source_folders)
            self.source_entries = {a.source.path: source_entry(a.source) for a in self._corpus.articles}
            self.source_list = [self.source_entries[a.source.path] for a in self._corpus.articles]
            warn = warn or _warn_at
            for problem in self.source_problems:
                path, _, line = problem.partition(":")
                warn(FactcheckWarning(problem), path, int(line.split(":")[0]) if line[:1].isdigit() else 1)
            self.source_problems.clear()
            for article in self._corpus.articles:
                if article.problem and self.warn_articles:
                    warn(FactcheckWarning(f"{article.source.path} {article.problem}"), article.source.path, 1)
            for path in self.reading.counts.rebuilt:
                warn(FactcheckWarning(f"the cached reading of {path} was unreadable and was read again"), path, 1)
            self.reading.counts.rebuilt.clear()
        return self._corpus


def _warn_at(warning: Warning, filename: str, lineno: int) -> None:
    """A warning located at the file it is about (an article), not at this code."""
    warnings.warn_explicit(warning, type(warning), filename, lineno)


def _counting(read: Callable[[Source], Article], total: int, progress: Callable[[int, int], None] | None):
    if progress is None:
        return read
    done = 0

    def counted(source: Source) -> Article:
        nonlocal done
        done += 1
        progress(done, total)
        return read(source)

    return counted


def facts_files(state: CheckSession) -> list[Path]:
    """The facts files below the facts folders, found once (the header and the prefill
    both need them)."""
    if state.facts_files is None:
        state.facts_files = sorted(
            p
            for folder in state.fact_folders
            if folder.is_dir()
            for p in folder.rglob("*")
            if p.suffix in FACT_SUFFIXES and p.is_file()
        )
    return state.facts_files


def prefill(
    state: CheckSession,
    progress: Callable[[int, int], None] | None = None,
    warn: Callable[[Warning, str, int], None] | None = None,
) -> None:
    """Read the sources before the facts are checked: on the xdist controller this fills the
    cache once, so the workers only load it; everywhere it lets the header say what was
    read fresh, and keeps the progress line outside the facts' captured output. A facts
    file or manifest that fails to load is left for collection to report, at its line."""
    for path in facts_files(state):
        try:
            loaded = state.load(path)
        except InputError:
            continue
        for fact in loaded.facts:
            for folder in fact.scope.paths or ():
                try:
                    if folder.exists():
                        state.sources_in(folder)
                        state.source_folders.add(folder)
                except InputError:
                    pass
    if state.source_folders:
        state.corpus(progress=progress, warn=warn)
