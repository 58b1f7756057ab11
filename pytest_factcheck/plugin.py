"""The pytest glue: options, collection of facts files, one item per fact, and the reports.

Everything that decides anything lives in the stage packages (facts, sources, reader,
checking, reports) and in session.py; this module only connects them to pytest, through
pytest's public API alone. docs/architecture.md follows one fact through them. The sources are read once, before the tests start (under
xdist by the workers, each its share, through the cache; the controller loads and reads
nothing); each fact's findings travel to the controller on the test report as one JSON
text, and the controller alone writes the JSON and the reports.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import time
import warnings
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any, Literal

import pytest

from . import FactcheckWarning
from .checking.verdict_cache import VerdictCache
from .common.dates import DateError, parse_date
from .common.files import output_problem, resolved, write_text_atomic
from .facts.loading import Fact, InputError
from .reports.failure_text import headline, render_failure
from .reports.findings_json import document, expand, static_fact_entry, without_silent, write_json
from .session import FACT_SUFFIXES, CheckSession, RunStats, facts_files, prefill
from .sources.cache import ReadingCache
from .sources.cache import clear as clear_cache
from .sources.formats import SourceOptions

STATE = pytest.StashKey[CheckSession]()
MARKERS = pytest.StashKey[set[str]]()
PENDING_WARNINGS = pytest.StashKey[list[tuple[Warning, str, int]]]()
#: The ini keys that take one of a few words, with those words (the flags check theirs).
CHOICES: dict[str, tuple[str, ...]] = {}
#: The options that name a report file to write.
OUTPUTS = ("factcheck_json", "factcheck_html", "factcheck_codequality")
#: Show a progress line when reading more sources than this without a cache.
PROGRESS_AFTER = 300


# --------------------------------------------------------------------------- options


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck", "pytest-factcheck: check facts against source articles")

    def pair(name: str, help: str, *, ini_type: Literal["string", "args"], default: Any = None, **cli: Any) -> None:
        group.addoption(f"--{name.replace('_', '-')}", dest=name, default=None, help=f"{help} (ini: {name})", **cli)
        parser.addini(name, help, type=ini_type, default=default)
        if "choices" in cli:
            CHOICES[name] = tuple(cli["choices"])

    pair(
        "factcheck_sources",
        "source folder(s) or files holding the articles, relative to the rootdir; default: seeds",
        ini_type="args",
        default=["seeds"],
        action="append",
        metavar="PATH",
    )
    pair(
        "factcheck_facts",
        "folder(s) whose *.yaml and *.yml files are facts files; default: facts",
        ini_type="args",
        default=["facts"],
        action="append",
        metavar="PATH",
    )
    pair(
        "factcheck_json",
        "write the findings as JSON (schema pytest-factcheck/1) to PATH",
        ini_type="string",
        default="",
        metavar="PATH",
    )
    pair(
        "factcheck_json_silent",
        "keep (default): the JSON lists every source for every fact; omit: it leaves out "
        "silent and out-of-scope findings",
        ini_type="string",
        default="keep",
        choices=("keep", "omit"),
    )
    pair("factcheck_html", "write a self-contained HTML report to PATH", ini_type="string", default="", metavar="PATH")
    pair(
        "factcheck_codequality", "write GitLab Code Quality JSON to PATH", ini_type="string", default="", metavar="PATH"
    )
    pair(
        "factcheck_summary",
        "the facts-by-sources matrix after the run: off, failed or all; default: all",
        ini_type="string",
        default="all",
        choices=("off", "failed", "all"),
    )
    pair(
        "factcheck_fail_on",
        "error: warning-severity facts only warn (default); warning: they fail too",
        ini_type="string",
        default="error",
        choices=("error", "warning"),
    )
    pair(
        "factcheck_cache_dir",
        "where readings of the sources are kept between runs; default: in pytest's cache "
        "directory (--cache-clear empties it)",
        ini_type="string",
        default="",
        metavar="DIR",
    )
    pair(
        "factcheck_drafts",
        "folder(s) whose sources are the desk's drafts (role: draft); default: none",
        ini_type="args",
        default=[],
        action="append",
        metavar="PATH",
    )
    pair(
        "factcheck_jsonl_fields",
        "JSON Lines field names to read first, as MEANING=FIELD (text=story outlet=paper); "
        "meanings: text, outlet, published, url, title, id, role",
        ini_type="args",
        default=[],
        action="append",
        metavar="MEANING=FIELD",
    )
    pair(
        "factcheck_today",
        "the date waivers are judged against, YYYY-MM-DD; default: today",
        ini_type="string",
        default="",
        metavar="DATE",
    )


def _option(config: pytest.Config, name: str) -> Any:
    value = config.getoption(name)
    return value if value is not None else config.getini(name)


def _paths(config: pytest.Config, name: str) -> tuple[Path, ...]:
    root = Path(config.rootpath)
    paths = []
    for written in _option(config, name):
        try:
            paths.append(resolved(root / written))
        except ValueError as reason:
            raise pytest.UsageError(
                f"--{name.replace('_', '-')} {written}: the path cannot be resolved ({reason})"
            ) from None
    return tuple(paths)


def _today(config: pytest.Config) -> dt.date:
    text = _option(config, "factcheck_today")
    if not text:
        return dt.date.today()
    try:
        return parse_date(text, "--factcheck-today")
    except DateError as err:
        raise pytest.UsageError(str(err)) from None


def _cache_folder(config: pytest.Config) -> Path | None:
    """The readings cache: an explicit folder, else ``factcheck/`` in pytest's cache
    directory, else none (``-p no:cacheprovider``).

    It sits beside pytest's own ``d/`` and ``v/`` folders, not inside them, because every
    xdist worker empties those under ``--cache-clear`` after the controller has filled
    the cache; the controller alone clears this one.
    """
    explicit = _option(config, "factcheck_cache_dir")
    if explicit:
        folder = (Path(config.rootpath) / str(explicit)).resolve()
    elif getattr(config, "cache", None) is not None:
        folder = (Path(config.rootpath) / str(config.getini("cache_dir"))).resolve() / "factcheck"
    else:
        return None
    if config.getoption("cacheclear", False) and not _is_worker(config):
        clear_cache(folder)
    return folder


def _jsonl_fields(config: pytest.Config) -> tuple[tuple[str, str], ...]:
    from .sources.jsonl import FIELDS

    pairs = []
    for item in _option(config, "factcheck_jsonl_fields"):
        for word in item.split():
            meaning, _, name = word.partition("=")
            if meaning not in FIELDS or not name:
                raise pytest.UsageError(
                    f"factcheck_jsonl_fields takes MEANING=FIELD with a meaning among {', '.join(FIELDS)}, not {word!r}"
                )
            pairs.append((meaning, name))
    return tuple(pairs)


def _check_choices(config: pytest.Config) -> None:
    """An ini value (or ``-o``) outside its choices is a usage error, as the flag's is."""
    for name, choices in CHOICES.items():
        value = _option(config, name)
        if value not in choices:
            raise pytest.UsageError(
                f"{name} must be {', '.join(choices[:-1])} or {choices[-1]}, not {value!r} "
                f"(set in the ini file or with -o {name}=...)"
            )


def _check_outputs(config: pytest.Config) -> None:
    """A report path that cannot be written stops the run before it starts."""
    for name in OUTPUTS:
        target = _option(config, name)
        if target:
            problem = output_problem(Path(config.rootpath) / target)
            if problem:
                raise pytest.UsageError(f"--{name.replace('_', '-')} {target}: the report path {problem}")


def pytest_configure(config: pytest.Config) -> None:
    _check_choices(config)
    if not _is_worker(config):
        _check_outputs(config)
    config.stash[STATE] = CheckSession(
        rootdir=Path(config.rootpath).resolve(),
        fact_folders=_paths(config, "factcheck_facts"),
        source_paths=_paths(config, "factcheck_sources"),
        today=_today(config),
        fail_on=_option(config, "factcheck_fail_on"),
        reading=ReadingCache(_cache_folder(config)),
        source_options=SourceOptions(drafts=_paths(config, "factcheck_drafts"), jsonl_fields=_jsonl_fields(config)),
        warn_articles=not _is_worker(config),  # the controller warns once for the run
    )
    state = config.stash[STATE]
    if state.reading.folder is not None:
        state.verdicts = VerdictCache(state.reading.folder)
    config.pluginmanager.register(_SessionHooks(config), "factcheck-session")
    if config.pluginmanager.hasplugin("xdist"):
        config.pluginmanager.register(_XdistHooks(config), "factcheck-xdist")


def _state(config: pytest.Config) -> CheckSession:
    return config.stash[STATE]


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def _has_workers(config: pytest.Config) -> bool:
    """An xdist controller that hands the items to workers (``-n 2``, ``--tx``)."""
    return not _is_worker(config) and getattr(config.option, "dist", "no") != "no"


def pytest_report_header(config: pytest.Config) -> list[str]:
    state = _state(config)
    files = facts_files(state)
    folders = ", ".join(state.shown(f) for f in state.fact_folders)
    facts_part = f"{len(files)} facts file{'s' if len(files) != 1 else ''} in {folders}"
    if state.prepared:
        sources = len(state.ordered_sources())
        where = ", ".join(state.shown(f) for f in sorted(state.source_folders))
        stats = state.stats
        sources_part = (
            f"{sources} source{'s' if sources != 1 else ''} in {where}: "
            f"{stats.read_fresh} read fresh, {stats.read_cached} from the cache, in {stats.read_seconds:.1f} s"
        )
    elif _has_workers(config) and not config.option.collectonly:
        sources_part = "sources: read by the xdist workers"
    else:
        counted = []
        for folder in state.source_paths:
            try:
                counted.append(
                    f"{state.shown(folder)} ({len(state.sources_in(folder))})"
                    if folder.exists()
                    else f"{state.shown(folder)} (missing)"
                )
            except InputError as err:
                counted.append(f"{state.shown(folder)} (bad manifest: {err})")
        sources_part = f"sources: {', '.join(counted)}"
    return _header_lines(facts_part, sources_part)


HEADER_WIDTH = 80


def _header_lines(*parts: str) -> list[str]:
    """``factcheck: a; b`` on one line when it fits 80 columns, else one line per part,
    each wrapped (a CI log is read at 80 columns too)."""
    import textwrap

    line = "factcheck: " + "; ".join(parts)
    if len(line) <= HEADER_WIDTH:
        return [line]
    return [
        wrapped
        for part in parts
        for wrapped in textwrap.wrap(f"factcheck: {part}", HEADER_WIDTH, subsequent_indent="  ", break_on_hyphens=False)
    ]


def _wants_facts(config: pytest.Config, state: CheckSession) -> bool:
    """Whether this run's arguments reach into a facts folder (a bare ``pytest`` of the
    project's own tests must not read the newsroom's archive)."""
    for arg in config.args:
        path = (Path(config.invocation_params.dir) / arg.split("::")[0]).resolve()
        for folder in state.fact_folders:
            if path == folder or folder in path.parents or path in folder.parents:
                return True
    return False


def _prefill(config: pytest.Config, state: CheckSession) -> None:
    """Read the sources before collection. An xdist controller loads and reads nothing
    (its workers collect the facts, and the workers start only after this hook): each
    worker reads its share of what the cache lacks (``CheckSession.share``). What reading warns of
    (an odd article) is kept and warned during collection, where pytest's warnings capture
    places each warning at the article it names rather than at this code."""
    workerinput = getattr(config, "workerinput", {})
    if workerinput.get("factcheck_share"):
        state.share = (int(workerinput["workerid"].lstrip("gw")), int(workerinput["workercount"]))
    pending = config.stash[PENDING_WARNINGS] = []
    if _has_workers(config):
        return
    prefill(state, progress=_progress_line(config), warn=lambda w, f, n: pending.append((w, f, n)))


@pytest.hookimpl(tryfirst=True)
def pytest_collection(session: pytest.Session) -> None:
    for warning, filename, lineno in session.config.stash.get(PENDING_WARNINGS, []):
        try:
            warnings.warn_explicit(warning, type(warning), filename, lineno)
        except Warning:  # -W error: stop in one sentence, as the filter asks, not with a traceback
            pytest.exit(f"{warning} (a warning, made an error by -W or filterwarnings)", 1)
    session.config.stash[PENDING_WARNINGS] = []


def _progress_line(config: pytest.Config) -> Callable[[int, int], None] | None:
    """Counts and rate on a terminal, for long reads; nothing in CI logs. Written through
    the terminal reporter's public ``write``, as every line of this plugin is."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None or not reporter.isatty or os.environ.get("CI"):
        return None
    start = time.perf_counter()

    def show(done: int, total: int) -> None:
        if total < PROGRESS_AFTER or (done % 50 and done != total):
            return
        rate = done / max(time.perf_counter() - start, 1e-6)
        reporter.write(f"\rfactcheck: reading sources {done:,}/{total:,} ({rate:,.0f}/s)", flush=True)
        if done == total:
            reporter.write("\r" + " " * 60 + "\r", flush=True)

    return show


# --------------------------------------------------------------------------- collection


def _register_marker(config: pytest.Config, tag: str) -> None:
    """Tags become markers (``-m casualties``); registering them keeps
    ``--strict-markers`` quiet. A marker the user registered keeps its description."""
    known = config.stash.get(MARKERS, None)
    if known is None:
        known = config.stash[MARKERS] = {line.split(":")[0].split("(")[0].strip() for line in config.getini("markers")}
    if tag not in known:
        known.add(tag)
        config.addinivalue_line("markers", f"{tag}: facts tagged '{tag}' in a facts file (pytest-factcheck)")


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if file_path.suffix not in FACT_SUFFIXES:
        return None
    state = _state(parent.config)
    resolved = file_path.resolve()
    if any(folder == resolved or folder in resolved.parents for folder in state.fact_folders):
        return FactsFileCollector.from_parent(parent, path=file_path)
    if _named_outside(parent.config, resolved):
        return OutsideFactsFolders.from_parent(parent, path=file_path)
    return None


def _named_outside(config: pytest.Config, path: Path) -> bool:
    """Whether ``path``, outside the facts folders, was named on the command line and reads
    like a facts file (a top-level ``facts:`` key): ``pytest drafts/new.yaml``."""
    named = {(Path(config.invocation_params.dir) / arg.split("::")[0]).resolve() for arg in config.args}
    if path not in named:
        return False
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:100_000]
    except OSError:
        return False
    return any(line.startswith("facts:") for line in head.splitlines())


class OutsideFactsFolders(pytest.File):
    """A facts file named on the command line that is in no facts folder: say how to check it."""

    def collect(self) -> list[pytest.Item]:
        state = _state(self.config)
        folders = ", ".join(state.shown(f) for f in state.fact_folders)
        folder = state.shown(self.path.parent)
        raise self.CollectError(
            f"{state.shown(self.path)} is not in a facts folder (factcheck_facts: {folders}), so it is not "
            f"checked; move it into one, or add its folder: --factcheck-facts {folder}"
        )


class FactsFileCollector(pytest.File):
    """A facts file: one item per fact, one collection error per bad fact."""

    error: InputError | None = None

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        state = _state(self.config)
        manifest_errors: list[InputError] = []
        try:
            loaded = state.load(self.path.resolve())
            for fact in loaded.facts:
                manifest_errors += self._register(state, fact)
        except InputError as err:
            self.error = err
            raise self.CollectError(str(err)) from None
        names = {fact.id for fact in loaded.facts}
        for fact in loaded.facts:
            yield FactItem.from_parent(self, name=fact.id, fact=fact)
        for error in loaded.errors:
            name = _bad_name(error, names)
            names.add(name)
            yield BadFact.from_parent(self, name=name, error=error)
        for error in manifest_errors:
            yield BadFact.from_parent(self, name=f"{error.path}:{error.line}", error=error)

    def _register(self, state: CheckSession, fact: Fact) -> list[InputError]:
        """Note the fact's source folders; return the manifest errors not yet reported by
        an earlier facts file (each is reported once, by the first file that reaches it)."""
        new: list[InputError] = []
        for folder in fact.scope.paths or ():
            if not folder.exists():
                raise InputError(
                    state.shown(self.path),
                    fact.line,
                    1,
                    f"the source path {state.shown(folder)} does not exist (set by factcheck_sources)",
                )
            state.sources_in(folder)
            state.source_folders.add(folder)
            for error in state.manifest_errors.get(folder, ()):
                key = (error.path, error.line, error.column, error.message)
                if key not in state.load_errors:
                    state.add_error(error.as_dict())
                    new.append(error)
        return new


def _bad_name(error: InputError, taken: set[str]) -> str:
    """A bad fact's item name: its id when it has a readable one no good fact uses, else its line."""
    if error.subject and error.subject not in taken:
        return error.subject
    return f"line-{error.line}"


class BadFact(pytest.Collector):
    """A fact that cannot be read: reported as a collection error in one sentence."""

    def __init__(self, *, error: InputError, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.error = error

    def collect(self) -> list[pytest.Item]:
        raise self.CollectError(str(self.error))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.error.line - 1, f"line {self.error.line}"


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(
    collector: pytest.Collector,
) -> Generator[None, pytest.CollectReport, pytest.CollectReport]:
    """A load error's report carries it as JSON types (``factcheck_error``), so the
    controller's reports list it under xdist too."""
    report = yield
    error = getattr(collector, "error", None)
    if report.failed and isinstance(error, InputError) and isinstance(collector, (FactsFileCollector, BadFact)):
        report.factcheck_error = error.as_dict()  # type: ignore[attr-defined]
    return report


#: pytest's traceback styles (``--tb``), as ``Item.repr_failure`` takes them.
_TracebackStyle = Literal["long", "short", "line", "no", "native", "value", "auto"]


class FactFailed(Exception):
    """A fact that the sources contradict; carries the fact's findings entry."""

    def __init__(self, entry: dict[str, Any]) -> None:
        super().__init__(headline(entry))
        self.entry = entry


class FactItem(pytest.Item):
    def __init__(self, *, fact: Fact, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.fact = fact
        self.entry: dict[str, Any] | None = None
        self.cached = False
        state = _state(self.config)
        for tag in fact.tags:
            _register_marker(self.config, tag)
            self.add_marker(tag)
        if fact.skip:
            self.add_marker(pytest.mark.skip(reason=fact.skip))
        if fact.xfail:
            self.add_marker(pytest.mark.xfail(reason=fact.xfail, raises=FactFailed))
        self.extra_keyword_matches.update(fact.tags)
        self.extra_keyword_matches.update(state.outlets(fact.scope))

    def runtest(self) -> None:
        state = _state(self.config)
        checked = state.check(self.fact, self.nodeid)
        self.cached = checked.cached
        self.entry = entry = checked.entry
        self.user_properties.append(("expect", self.fact.expect or "(consensus)"))
        for finding in entry["findings"].values():
            if finding["mentions"]:  # silent and out-of-scope sources are left out: there can be thousands
                self.user_properties.append((f"verdict {finding['source']}", finding["verdict"]))
        for waiver in entry["unused_waivers"]:
            self.warn(
                FactcheckWarning(
                    f"{self.fact.id}: unused waiver for {waiver['target']} (line {waiver['line']}): "
                    "no differing figure to waive; remove it or check its name"
                )
            )
        if not checked.failed:
            return
        readable = expand(entry, state.source_list)
        if self.fact.severity == "warning" and state.fail_on != "warning":
            entry["warned"] = True
            self.warn(FactcheckWarning(render_failure(readable)))
            return
        raise FactFailed(readable)

    def repr_failure(
        self, excinfo: pytest.ExceptionInfo[BaseException], style: _TracebackStyle | None = None
    ) -> Any:  # str, or pytest's TerminalRepr, which is not public API
        if isinstance(excinfo.value, FactFailed):
            return render_failure(excinfo.value.entry)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, self.fact.line - 1, self.label

    @property
    def label(self) -> str:
        """The fact's id, or ``file.yaml::id`` when another facts file has the same id."""
        return f"{self.path.name}::{self.fact.id}" if self.stash.get(AMBIGUOUS, False) else self.fact.id


AMBIGUOUS = pytest.StashKey[bool]()


class FailureText:
    """A fact's failure text as pytest's reports use it: printed whole in the failures
    section (``toterminal``), while the short summary, which repeats the "crash message"
    (in full under ``CI=true``), and JUnit's ``message`` get only its first line, the
    headline. ``str()`` is the whole text, which is what crosses the xdist wire."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.reprcrash = SimpleNamespace(message=text.split("\n", 1)[0])

    def toterminal(self, tw: Any) -> None:
        for line in self.text.splitlines():
            tw.line(line)

    def __str__(self) -> str:
        return self.text


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the facts whose id another facts file also uses: they are named with their file."""
    files: dict[str, set[Path]] = {}
    for item in items:
        if isinstance(item, FactItem):
            files.setdefault(item.fact.id, set()).add(item.path)
    for item in items:
        if isinstance(item, FactItem) and len(files[item.fact.id]) > 1:
            item.stash[AMBIGUOUS] = True


def pytest_report_teststatus(
    report: pytest.TestReport, config: pytest.Config
) -> tuple[str, str, tuple[str, dict[str, bool]]] | None:
    """``-v`` says WARNED (and the progress line ``W``) for a fact that only warned, as the
    matrix does; it still counts as passed."""
    entry = _entry(report)
    if report.when == "call" and report.passed and entry is not None and entry.get("warned"):
        return "passed", "W", ("WARNED", {"yellow": True})
    return None


# --------------------------------------------------------------------------- results


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if isinstance(item, FactItem) and (call.when == "call" or (call.when == "setup" and report.skipped)):
        entry = item.entry if item.entry is not None else static_fact_entry(item.fact, item.nodeid)
        # extra report attributes travel with the report under xdist (built-in types only): an
        # xdist worker sends the entry as one JSON text, since execnet encodes a string in one
        # piece and the hundreds of small dicts and lists of a fact's findings one by one
        report.factcheck = json.dumps(entry, ensure_ascii=False) if _is_worker(item.config) else entry  # type: ignore[attr-defined]
        report.factcheck_cached = item.cached  # type: ignore[attr-defined]
    return report


def _entry(report: pytest.TestReport) -> dict[str, Any] | None:
    """A fact's findings entry on its report (decoded once, when it came from a worker)."""
    entry = getattr(report, "factcheck", None)
    if isinstance(entry, str):
        entry = json.loads(entry)
        setattr(report, "factcheck", entry)  # noqa: B010 (a report attribute of this plugin's own)
    return entry


def _outcome(report: pytest.TestReport) -> str:
    xfail = hasattr(report, "wasxfail")
    if report.skipped:
        return "xfailed" if xfail else "skipped"
    if report.passed:
        return "xpassed" if xfail else "passed"
    return "failed"


class _SessionHooks:
    """The hooks that need the config: registered once per pytest process in
    ``pytest_configure``. On an xdist controller, ``pytest_runtest_logreport`` sees every
    worker's reports, so the same code gathers results with and without xdist."""

    def __init__(self, config: pytest.Config) -> None:
        self.config = config
        self.state = _state(config)
        self.write_problems: list[str] = []

    @pytest.hookimpl(tryfirst=True)
    def pytest_sessionstart(self, session: pytest.Session) -> None:
        config = self.config
        if config.option.collectonly or not _wants_facts(config, self.state):
            return
        _prefill(config, self.state)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if _is_worker(self.config):  # the controller gathers the results and writes the reports
            return
        entry = _entry(report)
        if entry is not None and report.failed and isinstance(report.longrepr, str):
            # before the terminal and JUnit read it (pytest reads any object with toterminal)
            report.longrepr = FailureText(report.longrepr)  # type: ignore[assignment]
        if entry is not None:
            self.state.results[report.nodeid] = {**entry, "outcome": _outcome(report)}

    def pytest_collectreport(self, report: pytest.CollectReport) -> None:
        if report.failed:
            self.state.collect_errors += 1
            error = getattr(report, "factcheck_error", None)
            if error is not None:
                self.state.fact_collect_errors += 1
                self.state.add_error(error)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: pytest.Session) -> None:
        """A bad fact is reported, but the other facts are still checked: go on past
        collection errors when every one of them comes from a facts file."""
        if self.state.collect_errors and self.state.collect_errors == self.state.fact_collect_errors:
            session.config.option.continue_on_collection_errors = True

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session, exitstatus: int) -> None:
        if _is_worker(self.config):
            self.config.workeroutput["factcheck_sources"] = list(self.state.source_entries.values())  # type: ignore[attr-defined]
            self.config.workeroutput["factcheck_stats"] = dataclasses.asdict(self.state.stats)  # type: ignore[attr-defined]
            return
        self.write_problems = _write_reports(self.config, _document(self.state))
        if self.write_problems and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    @pytest.hookimpl(trylast=True)
    def pytest_terminal_summary(self, terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
        self._summary(terminalreporter, config)
        for problem in self.write_problems:  # after the whole report, where a CI log reader looks
            terminalreporter.write_line(problem, red=True, bold=True)

    def _summary(self, terminalreporter: Any, config: pytest.Config) -> None:
        if _is_worker(config) or config.option.collectonly or not (self.state.results or self.state.load_errors):
            return
        doc = _document(self.state)
        for line in _stats_lines(self.state.stats):
            terminalreporter.write_line(line)
        mode = _option(config, "factcheck_summary")
        if mode != "off":
            from .reports.matrix import render_matrix

            writer = config.get_terminal_writer()  # public: its width and whether it takes colour
            lines = render_matrix(doc, width=writer.fullwidth, color=writer.hasmarkup, mode=mode)
            if lines:
                terminalreporter.write_sep("-", "factcheck")
                for line in lines:
                    terminalreporter.write_line(line)
        _github(doc, terminalreporter)
        for line in self.config.stash.get(WRITTEN, []):
            terminalreporter.write_line(line)


class _XdistHooks:
    """Registered only when pytest-xdist is installed (its hooks are unknown otherwise)."""

    def __init__(self, config: pytest.Config) -> None:
        self.state = _state(config)

    def pytest_configure_node(self, node: Any) -> None:
        """Workers read shares of the corpus only when they all run here, in this folder
        (``-n``, ``--tx popen``), so that they share one readings cache; workers on other
        hosts or in other folders each read what their own cache lacks."""
        specs = getattr(getattr(node, "nodemanager", None), "specs", [])
        node.workerinput["factcheck_share"] = bool(specs) and all(s.popen and not s.chdir for s in specs)

    def pytest_testnodedown(self, node: Any, error: Any) -> None:
        output = getattr(node, "workeroutput", {})
        for entry in output.get("factcheck_sources", []):
            self.state.source_entries.setdefault(entry["path"], entry)
        self.state.stats.add(output.get("factcheck_stats", {}))


def _stats_lines(stats: RunStats) -> list[str]:
    """What the run did, in two lines of 80 columns, summed over the xdist workers (whose
    reading runs side by side: the time is the longest worker's)::

        factcheck: 7 facts: 2 matched, 5 from the verdict cache
        factcheck: sources: 1 read fresh, 4 from the cache, in 0.4 s (2 workers)
    """
    facts = stats.facts_checked + stats.facts_cached
    workers = f" ({stats.workers} workers)" if stats.workers else ""
    return [
        f"factcheck: {facts:,} fact{'s' if facts != 1 else ''}: {stats.facts_checked:,} matched, "
        f"{stats.facts_cached:,} from the verdict cache",
        f"factcheck: sources: {stats.read_fresh:,} read fresh, {stats.read_cached:,} from the cache, "
        f"in {stats.read_seconds:.1f} s{workers}",
    ]


def _document(state: CheckSession) -> dict[str, Any]:
    return document(state.source_entries.values(), state.results.values(), state.errors())


#: "factcheck: wrote the HTML report to report.html", one line per report written.
WRITTEN = pytest.StashKey[list[str]]()


def _write_reports(config: pytest.Config, doc: dict[str, Any]) -> list[str]:
    """Write each report asked for, noting one line per report written; a report that
    cannot be written is one sentence each (returned, for the end of the terminal report),
    and the others are still written."""
    problems = []
    written = config.stash[WRITTEN] = []
    for name, (what, write) in _REPORT_WRITERS.items():
        target = _option(config, name)
        if not target:
            continue
        try:
            write(config, Path(config.rootpath) / target, doc)
        except OSError as err:
            problems.append(
                f"factcheck: the report --{name.replace('_', '-')} {target} could not be written: {err.strerror or err}"
            )
        else:
            written.append(f"factcheck: wrote {what} to {target}")
    return problems


def _json_report(config: pytest.Config, path: Path, doc: dict[str, Any]) -> None:
    write_json(path, doc if _option(config, "factcheck_json_silent") != "omit" else without_silent(doc))


def _html_report(config: pytest.Config, path: Path, doc: dict[str, Any]) -> None:
    from .reports.html import render_html

    write_text_atomic(path, render_html(doc))


def _codequality_report(config: pytest.Config, path: Path, doc: dict[str, Any]) -> None:
    from .reports.codequality import codequality

    write_json(path, codequality(doc))


_REPORT_WRITERS: dict[str, tuple[str, Callable[[pytest.Config, Path, dict[str, Any]], None]]] = {
    "factcheck_json": ("the JSON findings", _json_report),
    "factcheck_html": ("the HTML report", _html_report),
    "factcheck_codequality": ("the Code Quality report", _codequality_report),
}


def _github(doc: dict[str, Any], terminalreporter: Any) -> None:
    """On GitHub Actions: annotations on the facts' YAML lines, and the matrix with its
    evidence appended to the job summary."""
    if os.environ.get("GITHUB_ACTIONS") == "true":
        from .reports import github

        for line in github.annotations(doc):
            terminalreporter.write_line(line)
    summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary_path:
        from .reports.github import step_summary

        with open(summary_path, "a", encoding="utf-8") as out:
            out.write(step_summary(doc))
