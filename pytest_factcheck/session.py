"""One check run in plain Python: load the facts files, find the sources their facts reach,
read them once into a corpus, and keep the results for the reports.

No pytest here: ``plugin.py`` makes one ``CheckSession`` per pytest process and connects it
to pytest's hooks. May import every stage package (facts, sources, reader, checking,
reports), never the plugin.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import time
import warnings
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import FactcheckWarning
from .checking.check import Memo, candidate_sources, check_fact, scope_mask, scope_outlets
from .checking.corpus import Corpus
from .checking.verdict_cache import CorpusPrint, VerdictCache, corpus_print, fact_key
from .facts.cache import load_fact_file_kept
from .facts.loading import Fact, FactFile, InputError, Scope
from .reports.findings_json import fact_entry, source_entry
from .sources.articles import Article
from .sources.cache import ReadingCache, learned_fields, with_learned
from .sources.finding import Source, SourceProblem, find_sources_checked
from .sources.formats import SourceOptions, reading_key, source_bytes
from .sources.jsonl import close_feeds

FACT_SUFFIXES = (".yaml", ".yml")
#: Feed lines named as keywords of a fact (for ``-k``) while its scope holds no more.
KEYWORD_FEED_LINES = 5000
#: Read in a process pool (one process per core) when at least this many sources are not
#: in the readings cache; fewer are read in the process itself.
POOL_AFTER = 64
#: An xdist worker waiting for another worker's share of the readings reads the rest
#: itself when no new reading has appeared for this many seconds (a worker that died).
SHARE_STALL = 30.0
#: After this many facts re-checked on partial corpora, load the whole corpus once instead:
#: each partial corpus costs a pass over every source and its own vocabulary.
PARTIALS = 8


@dataclass
class RunStats:
    """What a process did, for the header and the summary line: sources read fresh or
    loaded from the readings cache and how long that took (with indexing), facts matched
    against the corpus or taken from the verdict cache."""

    read_fresh: int = 0
    read_cached: int = 0
    read_seconds: float = 0.0
    facts_checked: int = 0
    facts_cached: int = 0
    workers: int = 0

    def add(self, worker: dict[str, Any]) -> None:
        """Add an xdist worker's counts (its reading ran beside the others': the longest counts)."""
        if not worker:
            return
        for name in ("read_fresh", "read_cached", "facts_checked", "facts_cached"):
            setattr(self, name, getattr(self, name) + worker[name])
        self.read_seconds = max(self.read_seconds, worker["read_seconds"])
        self.workers += 1


@dataclass(frozen=True)
class Checked:
    """A fact's findings entry (``reports.findings_json.fact_entry``), whether it fails,
    and whether it came from the verdict cache."""

    entry: dict[str, Any]
    failed: bool
    cached: bool


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
    source_problems: list[SourceProblem] = field(default_factory=list)
    #: Whether reading the corpus warns about odd articles (an xdist worker leaves that to the controller).
    warn_articles: bool = True
    verdicts: VerdictCache | None = None
    #: an xdist worker's share of the reading: (its number, how many workers)
    share: tuple[int, int] | None = None
    stats: RunStats = field(default_factory=RunStats)
    prepared: bool = False
    _print: CorpusPrint | None = None
    _changed: dict[str, frozenset[int] | None] = field(default_factory=dict)
    #: readings loaded without the whole corpus (the changed sources), by corpus position
    _articles: dict[int, Article] = field(default_factory=dict)
    #: the sources with the outlets their readings inferred, known from a corpus print
    _known_sources: list[Source] | None = None
    _partials: dict[tuple[str, frozenset[int]], Corpus] = field(default_factory=dict)
    _sharing: bool = False
    _partial_count: int = 0
    _corpus: Corpus | None = None
    _corpus_folders: frozenset[Path] = frozenset()
    _folder_sources: dict[Path, list[Source]] = field(default_factory=dict)
    #: Manifest problems per source folder (each bad entry is left out, the rest still count).
    manifest_errors: dict[Path, tuple[InputError, ...]] = field(default_factory=dict)
    #: Load errors (facts files, manifests) as the JSON's ``errors`` entries, by position.
    load_errors: dict[tuple[str, int, int, str], dict[str, Any]] = field(default_factory=dict)
    _loaded: dict[Path, FactFile | InputError] = field(default_factory=dict)
    _outlets: dict[Scope, frozenset[str]] = field(default_factory=dict)
    _scope_memos: dict[Path, Memo] = field(default_factory=dict)

    @property
    def read_corpus(self) -> Corpus | None:
        """The corpus if it has been read in this process, else ``None`` (reads nothing)."""
        return self._corpus

    def load(self, path: Path) -> FactFile:
        """A facts file, read once per process (the prefill and the collection share it),
        through the cache (``facts.cache``) when there is one. By its resolved path, as
        collection names it: a linked facts file's relative ``sources`` are read against
        the real file's folder, whichever name reached it."""
        path = path.resolve()
        if path not in self._loaded:
            shown = self.shown(path)
            try:
                self._loaded[path], damaged = load_fact_file_kept(path, shown, self.source_paths, self.reading.folder)
                if damaged:
                    message = "the cached reading of this facts file was unreadable and it was read again"
                    self.source_problems.append(SourceProblem(shown, 1, message))
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
                memo = self._scope_memos.setdefault(folder, {})
                names |= scope_outlets(scope, sources, memo)
                if memo.setdefault("feeds", any(s.feed for s in sources)):
                    mask = scope_mask(scope, sources, memo)
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
            found = find_sources_checked(
                folder, self.rootdir, self.source_options, self.source_problems, cache=self.reading.folder
            )
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

    def ordered_sources(self) -> list[Source]:
        """Every source any collected fact may look at, once each, sorted by path."""
        found: dict[str, Source] = {}
        for folder in sorted(self.source_folders):
            for source in self.sources_in(folder):
                found.setdefault(source.path, source)
        return [found[p] for p in sorted(found)]

    def prepare(
        self,
        progress: Callable[[int, int], None] | None = None,
        warn: Callable[[Warning, str, int], None] | None = None,
    ) -> None:
        """Know the sources before the facts are checked. With a verdict cache: hash every
        source; when the cache already knows this corpus (a warm run), take what the reports
        need (inferred outlets, problems) from its print and read nothing; when a few
        sources changed since the latest print, read only those. Otherwise, and without a
        cache, read the whole corpus (``corpus``)."""
        start = time.perf_counter()
        sources = self.ordered_sources()
        self._sharing = True
        if self.verdicts is not None:
            self._print = corpus_print(sources, [_key(s) for s in sources])
            known = self.verdicts.corpus(self._print.contents)
            if known is None:
                known = self._print_from_latest(sources, warn)
            if known is not None:
                self._known_sources = [with_learned(s, learned) for s, (learned, _) in zip(sources, known["sources"])]
                self._set_sources(self._known_sources)
                for source, (_, problem) in zip(sources, known["sources"]):
                    if problem and self.warn_articles:
                        _warn(warn, FactcheckWarning(f"{source.path} {problem}"), source.path)
                self.stats.read_cached += len(sources) - len(self._articles)
        self._warn_problems(warn)
        close_feeds()
        self.stats.read_seconds += time.perf_counter() - start
        self.prepared = True
        if self._print is None or not self.source_entries:
            self.corpus(progress, warn)
        self._sharing = False

    def _print_from_latest(
        self, sources: list[Source], warn: Callable[[Warning, str, int], None] | None
    ) -> dict[str, Any] | None:
        """When a few sources changed since the last corpus print of the same listing, read
        only those, and print this corpus from that one (None: no such print, or much changed)."""
        assert self.verdicts is not None and self._print is not None
        latest = self.verdicts.latest()
        old = self.verdicts.corpus(latest) if latest else None
        if old is None or old.get("listing") != self._print.listing or len(old["shas"]) != len(sources):
            return None
        changed = [i for i, (a, b) in enumerate(zip(old["shas"], self._print.shas)) if a != b]
        if len(changed) > max(8, len(sources) // 20):
            return None
        self._articles.update(self._read(sources, changed))
        self._warn_rebuilt(warn)
        entries = list(old["sources"])
        for i in changed:
            article = self._articles[i]
            entries[i] = [learned_fields(sources[i], article.source), article.problem]
        self.verdicts.store_corpus(self._print, entries)
        return self.verdicts.corpus(self._print.contents)

    def _warn_rebuilt(self, warn: Callable[[Warning, str, int], None] | None) -> None:
        for path in self.reading.counts.rebuilt:
            _warn(warn, FactcheckWarning(f"the cached reading of {path} was unreadable and was read again"), path)
        self.reading.counts.rebuilt.clear()

    def _warn_problems(self, warn: Callable[[Warning, str, int], None] | None) -> None:
        """One warning per unreadable feed line or front matter, at its file and line."""
        for problem in self.source_problems:
            _warn(warn, FactcheckWarning(str(problem)), problem.path, problem.line or 1)
        self.source_problems.clear()

    def corpus(
        self,
        progress: Callable[[int, int], None] | None = None,
        warn: Callable[[Warning, str, int], None] | None = None,
    ) -> Corpus:
        """Every source any collected fact may look at, read once per process (through the
        readings cache, when there is one; spread over the cores or the xdist workers when
        much is to be read) and indexed."""
        if self._corpus is None or self._corpus_folders != frozenset(self.source_folders):
            start = time.perf_counter()
            sources = self.ordered_sources()
            articles = self._read_all(sources, progress)
            self._corpus = Corpus.from_articles(articles)
            self._corpus.near_index()
            self._corpus_folders = frozenset(self.source_folders)
            self._set_sources([a.source for a in articles])
            self._warn_problems(warn)
            for article in articles:
                if article.problem and self.warn_articles:
                    _warn(warn, FactcheckWarning(f"{article.source.path} {article.problem}"), article.source.path)
            self._warn_rebuilt(warn)
            if self.verdicts is not None:
                if self._print is None or len(self._print.shas) != len(sources):
                    self._print = corpus_print(sources, [_key(s) for s in sources])
                learned = [learned_fields(s, a.source) for s, a in zip(sources, articles)]
                self.verdicts.store_corpus(self._print, [[n, a.problem] for n, a in zip(learned, articles)])
            self.stats.read_seconds += time.perf_counter() - start
        return self._corpus

    def _set_sources(self, sources: list[Source]) -> None:
        self.source_entries = {s.path: source_entry(s) for s in sources}
        self.source_list = [self.source_entries[s.path] for s in sources]

    def _read_all(self, sources: list[Source], progress: Callable[[int, int], None] | None) -> list[Article]:
        """Read (or load) every source (see ``_read``)."""
        done = self._read(sources, range(len(sources)), progress)
        return [done[i] for i in range(len(sources))]

    def _read(
        self,
        sources: list[Source],
        wanted: Sequence[int],
        progress: Callable[[int, int], None] | None = None,
        count: bool = True,
    ) -> dict[int, Article]:
        """Read (or load) the sources at positions ``wanted``: an xdist worker reads its
        share of what the cache lacks and waits for the other workers' shares; a plain run
        reads what the cache lacks in a process pool when it is much; everything else is
        loaded in order. Workers share only while preparing, which every worker does
        alike; later, one worker's needs are its own."""
        cache = self.reading
        before = (cache.counts.fresh, cache.counts.cached)
        missing = list(wanted)
        shas: Sequence[str] = ()
        if cache.folder is not None:
            known = self._print is not None and len(self._print.shas) == len(sources)
            shas = self._print.shas if self._print is not None and known else [_key(s) for s in sources]
            missing = [i for i in wanted if not cache.path(shas[i]).exists()]
        done: dict[int, Article] = {}
        if self.share is not None and self._sharing and cache.folder is not None:
            number, workers = self.share
            for i in missing:  # shares by corpus position: every worker draws the same lines
                if i % workers == number:
                    done[i] = cache.read(sources[i])
            _wait_for(cache, [shas[i] for i in missing if i not in done])
        elif len(missing) >= POOL_AFTER and (os.cpu_count() or 1) > 1:
            done.update(zip(missing, _read_in_pool(cache, [sources[i] for i in missing], progress)))
        for n, i in enumerate(wanted):
            if i not in done:
                done[i] = cache.read(sources[i])
            if progress is not None:
                progress(n + 1, len(wanted))
        close_feeds()
        if count:  # readings loaded again for a partial corpus are not sources read
            self.stats.read_fresh += cache.counts.fresh - before[0]
            self.stats.read_cached += cache.counts.cached - before[1]
        return done

    def check(self, fact: Fact, nodeid: str) -> Checked:
        """A fact's findings entry: from the verdict cache when nothing it depends on has
        changed, else checked against the corpus (and kept in the cache)."""
        key = None
        if self.verdicts is not None and self._print is not None:
            key = fact_key(fact, nodeid, self.today, self._print.listing)
            kept = self.verdicts.verdict(key, nodeid)
            for name in self.verdicts.rebuilt:
                warnings.warn(
                    FactcheckWarning(f"the cached verdict of {name} was unreadable and was checked again"), stacklevel=2
                )
            self.verdicts.rebuilt.clear()
            if kept is not None and self._still_true(fact, kept):
                self.stats.facts_cached += 1
                return Checked(kept["entry"], kept["failed"], True)
            corpus = self._partial(kept) if kept is not None else self.corpus()
        else:
            corpus = self.corpus()
        result = check_fact(fact, corpus, self.today)
        entry = fact_entry(result, nodeid)
        self.stats.facts_checked += 1
        if key is not None and self.verdicts is not None and self._print is not None:
            sources = sorted(candidate_sources(fact, corpus))
            self.verdicts.store_verdict(key, self._print.contents, sources, entry, result.failed)
        return Checked(entry, result.failed, False)

    def _still_true(self, fact: Fact, kept: dict[str, Any]) -> bool:
        """Whether a kept entry still holds: same corpus, or every source changed since
        then neither was nor is a candidate for the fact, and reads to the same outlet."""
        assert self._print is not None and self.verdicts is not None
        if kept["print"] == self._print.contents:
            return True
        changed = self._changed_since(kept["print"])
        if changed is None or not changed.isdisjoint(kept["sources"]):
            return False
        if not changed:
            return True
        if self._corpus is not None:
            return changed.isdisjoint(candidate_sources(fact, self._corpus))
        return not candidate_sources(fact, self._changed_corpus(changed))

    def _changed_corpus(self, changed: frozenset[int]) -> Corpus:
        """The changed sources alone, as a corpus (to ask whether a fact has a candidate in
        one of them: ``select`` gives the same answer for a figure in any corpus holding it)."""
        key = ("changed", changed)
        if key not in self._partials:
            loaded = self._readings_at(changed)
            self._partials[key] = Corpus.from_articles(loaded[i] for i in sorted(changed))
        return self._partials[key]

    def _partial(self, kept: dict[str, Any]) -> Corpus:
        """For a fact whose kept entry some changed sources invalidated: the corpus with
        the readings of only the sources that had or may now have candidates for it (the
        others empty, with their outlets from the corpus print). Its findings depend on no
        other source's figures, so they come out as over the whole corpus; without a print
        to say which sources changed, the whole corpus."""
        changed = self._changed.get(kept["print"])
        self._partial_count += 1
        if self._corpus is not None or changed is None or self._known_sources is None:
            return self.corpus()
        if self._partial_count > PARTIALS:  # many facts touched: one whole corpus costs less
            return self.corpus()
        loaded = self._readings_at(changed | frozenset(kept["sources"]))
        return Corpus.from_articles(
            loaded.get(i) or Article(source, ()) for i, source in enumerate(self._known_sources)
        )

    def _readings_at(self, positions: frozenset[int]) -> dict[int, Article]:
        """The readings at these corpus positions, loaded once each."""
        wanted = sorted(positions - self._articles.keys())
        if wanted:
            self._articles.update(self._read(self.ordered_sources(), wanted, count=False))
        return self._articles

    def _changed_since(self, printed: str) -> frozenset[int] | None:
        """The sources whose bytes or inferred outlet differ from those of an earlier corpus
        print (None: that print is gone, or lists other sources)."""
        if printed not in self._changed:
            assert self._print is not None and self.verdicts is not None
            old = self.verdicts.corpus(printed)
            now = self.verdicts.corpus(self._print.contents)
            if old is None or now is None or len(old["shas"]) != len(self._print.shas):
                self._changed[printed] = None
            else:
                pairs = zip(old["shas"], self._print.shas, old["sources"], now["sources"])
                changed = frozenset(i for i, (a, b, _, _) in enumerate(pairs) if a != b)
                outlets = [(o[0], n[0]) for i, (o, n) in enumerate(zip(old["sources"], now["sources"])) if i in changed]
                self._changed[printed] = changed if all(a == b for a, b in outlets) else None
        return self._changed[printed]


def _key(source: Source) -> str:
    """The source's readings-cache key (its bytes, and for a feed line only that line)."""
    return reading_key(source, source_bytes(source))


def _warn(warn: Callable[[Warning, str, int], None] | None, warning: Warning, filename: str, lineno: int = 1) -> None:
    """Warn of a source's problem, located at the file it is about (an article), not at
    this code: through ``warn`` when the caller places warnings itself (the plugin)."""
    if warn is None:
        warnings.warn_explicit(warning, type(warning), filename, lineno)
    else:
        warn(warning, filename, lineno)


def _wait_for(cache: ReadingCache, shas: Sequence[str]) -> None:
    """Wait until the readings of ``shas`` are in the cache (other xdist workers are reading
    them); give up when none has appeared for ``SHARE_STALL`` seconds."""
    pending = [cache.path(sha) for sha in shas]
    last = time.monotonic()
    while pending:
        left = [p for p in pending if not p.exists()]
        if len(left) < len(pending):
            last = time.monotonic()
        pending = left
        if not pending or time.monotonic() - last > SHARE_STALL:
            return
        time.sleep(0.02)


def _read_in_pool(
    cache: ReadingCache, sources: list[Source], progress: Callable[[int, int], None] | None
) -> list[Article]:
    """Read ``sources`` in one process per core, each writing its readings to the cache."""
    workers = min(os.cpu_count() or 1, 8)
    size = max(1, len(sources) // (workers * 4))
    chunks = [sources[i : i + size] for i in range(0, len(sources), size)]
    folder = str(cache.folder) if cache.folder is not None else None
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    out: list[Article] = []
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        for articles, fresh, cached, rebuilt in pool.map(_read_chunk, [folder] * len(chunks), chunks):
            out.extend(articles)
            cache.counts.fresh += fresh
            cache.counts.cached += cached
            cache.counts.rebuilt.extend(rebuilt)
            if progress is not None:
                progress(len(out), len(sources))
    return out


def _read_chunk(folder: str | None, sources: list[Source]) -> tuple[list[Article], int, int, list[str]]:
    """In a pool process: read a chunk of sources through the readings cache."""
    cache = ReadingCache(Path(folder) if folder is not None else None)
    articles = [cache.read(source) for source in sources]
    return articles, cache.counts.fresh, cache.counts.cached, cache.counts.rebuilt


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
    read: bool = True,
) -> None:
    """Find the sources the facts reach and, with ``read``, prepare them before the facts
    are checked (``CheckSession.prepare``), inside pytest's session, so that the header can
    say what was read and how long it took, and the progress line stays outside the facts'
    captured output. An xdist controller only finds them (its workers read). A facts file
    or manifest that fails to load is left for collection to report, at its line. The
    time spent here (facts files, manifests, reading) is counted in ``stats.read_seconds``:
    it runs before pytest's own clock starts."""
    start = time.perf_counter()
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
    state.stats.read_seconds += time.perf_counter() - start
    if state.source_folders and read:
        state.prepare(progress=progress, warn=warn)
