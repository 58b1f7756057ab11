"""The scale benchmark of issues 6 and 13: how pytest-factcheck compares with pytest's own floor.

    python benchmarks/run.py                                   # 10,000 articles x 5,000 facts
    python benchmarks/run.py --articles 1000 --facts 500 --skip-xdist
    python benchmarks/run.py --scenario shared --scaling       # facts x1,2,4,8 and articles x1,2,4,8

For each scenario (``default``: the generator's 160 nouns, about 40 facts a story;
``shared``: 8 nouns, every story counting the same deaths, homes, shelters..., told apart
only by its place) one run generates the corpus (benchmarks/make_corpus.py) and then
measures, each pytest as a fresh subprocess so that time and peak memory are its own:

* the plugin cold (``--cache-clear``);
* the floor: the same facts files collected as trivial items by benchmarks/floor/conftest.py,
  with the plugin disabled (``-p no:factcheck``), failing the items the cold run failed;
* the plugin warm (nothing changed) and after one article changed, then the three with
  ``-n 2``;
* the verdict of every (fact, source) cell against the generator's truth
  (``--factcheck-json``; the files are streamed, they reach gigabytes at full size);
* the reader's throughput over the corpus, and its time and memory on three hostile files
  (a 50 MB article, one endless line, nothing but digits and commas), plus the plugin on them.

It prints a table of ratios to the floor and writes every number to OUT/results.json. Peak
memory is ``ru_maxrss`` from ``wait4`` on each run: the largest single process of the run
(xdist workers included, since the controller reaps them). See docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import re
import resource
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from make_corpus import make_corpus  # noqa: E402

MIB = 1024 * 1024
# Targets of issue 13, set at 10,000 articles x 5,000 facts, as ratios to the floor.
TARGETS = {"cold": 2.5, "warm": 1.2, "changed": 1.3, "peak_mib": 1024.0, "truth": 100.0, "xdist_speedup": 1.4}
#: The generator's shared-noun scenario: facts count this many nouns (make_corpus ``nouns``).
SCENARIOS = {"default": None, "shared": 8}


@dataclass
class Run:
    """One measured subprocess."""

    name: str
    seconds: float
    peak_mib: float
    exit_code: int
    log: str
    timed_out: bool = False

    @property
    def ok(self) -> bool:
        # pytest: 0 all passed, 1 some tests failed (facts that conflict): both are finished runs
        return not self.timed_out and self.exit_code in (0, 1)


@dataclass
class Results:
    articles: int
    facts: int
    seed: int
    scenario: str = "default"
    corpus: dict = field(default_factory=dict)
    generate_seconds: float = 0.0
    runs: dict[str, Run] = field(default_factory=dict)
    truth: dict = field(default_factory=dict)
    reader: dict = field(default_factory=dict)
    hostile: dict = field(default_factory=dict)
    plugin_version: str = ""


# --------------------------------------------------------------------------- running


def _limit_memory(gib: float) -> Callable[[], None]:
    """A pre-exec hook capping the address space, so a runaway run fails alone instead of
    taking the machine down with it."""
    limit = int(gib * 1024 * MIB)

    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    return apply


def measure(
    name: str,
    argv: Sequence[str],
    cwd: Path,
    logs: Path,
    *,
    timeout: float,
    mem_gib: float,
    env: dict[str, str] | None = None,
) -> Run:
    """Run ``argv`` to completion; wall time and the peak RSS of its largest process."""
    log = logs / f"{re.sub(r'[^a-z0-9]+', '-', name.lower()).strip('-')}.log"
    env = with_bytecode(env if env is not None else dict(os.environ))
    with log.open("wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(
            list(argv),
            cwd=cwd,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
            preexec_fn=_limit_memory(mem_gib),
        )
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            os.killpg(proc.pid, signal.SIGKILL)  # the run and its xdist workers: ours alone

        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return Run(name, seconds, usage.ru_maxrss / 1024, proc.returncode, str(log), expired.is_set())


#: Where every measured process keeps its compiled modules (``PYTHONPYCACHEPREFIX``).
PYCACHE = Path(tempfile.gettempdir()) / "factcheck-bench-pycache"


def with_bytecode(env: dict[str, str]) -> dict[str, str]:
    """The environment with compiled modules kept between runs, as an installed package has
    them: a machine with ``PYTHONDONTWRITEBYTECODE`` set would compile pytest, its plugins and
    the measured package in every run (seconds, not paid by a user), and the floor's few
    modules far less than the plugin's. They are kept in ``PYCACHE``, not in the source tree."""
    env = dict(env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    return env


def warm_imports(corpus: Path, logs: Path, limits: dict) -> None:
    """Compile what the plugin and the floor import (collecting only, with no cache: this
    reads and keeps nothing), so that no measured run pays for compiling."""
    measure("imports", pytest_argv("--co", "-p", "no:cacheprovider"), corpus, logs, **limits)
    measure("imports floor", [*FLOOR, "--co", "-p", "no:cacheprovider"], corpus, logs, env=floor_env(), **limits)


def pytest_argv(*extra: str) -> list[str]:
    return [sys.executable, "-m", "pytest", "facts", "-q", *extra]


def floor_env(failing: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE / "floor"), env.get("PYTHONPATH")]))
    if failing is not None:
        env["FACTCHECK_FLOOR_FAILING"] = str(failing)
    return env


FLOOR = pytest_argv("-p", "no:factcheck", "-p", "conftest")
_FAILED = re.compile(r"^FAILED (\S+)", re.MULTILINE)


def failed_items(log: str) -> list[str]:
    """The node ids a run's short test summary lists as failed."""
    return sorted(set(_FAILED.findall(Path(log).read_text(encoding="utf-8", errors="replace"))))


def change_one_article(corpus: Path, which: int) -> str:
    """Append a copy of an article's first paragraph that states a figure: its bytes change
    and the facts with figures in it must be checked again, yet no verdict changes (the same
    figures, said twice). Returns the article's name."""
    articles = sorted((corpus / "sources").glob("*.txt"))
    path = articles[(len(articles) // 3 + which * 7919) % len(articles)]
    text = path.read_text(encoding="utf-8")
    paragraphs = text.split("\n\n")
    stated = next((p for p in paragraphs[3:] if re.search(r"\d", p)), paragraphs[-1])
    path.write_text(text.rstrip("\n") + "\n\n" + stated.strip() + "\n", encoding="utf-8")
    return path.name


def measure_scenario(corpus: Path, out: Path, logs: Path, args: argparse.Namespace, limits: dict) -> dict[str, Run]:
    """Cold, the floor failing the items cold failed, warm, one article changed; then the
    same with ``-n 2``."""
    runs: dict[str, Run] = {}

    def timed(name: str, argv: list[str], env: dict[str, str] | None = None) -> None:
        print(f"running {name} ...", file=sys.stderr, flush=True)
        tries = [measure(name, argv, corpus, logs, env=env, **limits) for _ in range(args.repeat)]
        runs[name] = min(tries, key=lambda r: (not r.ok, r.seconds))

    warm_imports(corpus, logs, limits)
    if args.floor_only:
        timed("floor", FLOOR, floor_env())
        return runs
    timed("cold", pytest_argv("--cache-clear"))
    failing = out / "failing.txt"
    failing.write_text("\n".join(failed_items(runs["cold"].log)), encoding="utf-8")
    timed("floor", FLOOR, floor_env(failing))
    timed("warm", pytest_argv())
    change_one_article(corpus, 0)
    timed("changed", pytest_argv())
    if not args.skip_xdist:
        # xdist makes a temporary folder for its workers; in pytest's shared one it would also
        # delete the oldest folder of any other pytest run on the machine, which is not ours
        xdist = ("-n", "2", "--basetemp", str(out / "basetemp"))
        timed("cold -n 2", pytest_argv("--cache-clear", *xdist))
        timed("warm -n 2", pytest_argv(*xdist))
        change_one_article(corpus, 1)
        timed("changed -n 2", pytest_argv(*xdist))
        # pytest's own cost of -n 2 on the same items, failing the same ones: what bounds the
        # plugin's speed-up on this machine
        timed("floor -n 2", [*FLOOR, *xdist], floor_env(failing))
    return runs


def plugin_version() -> str:
    """The commit the measured package comes from, "+dirty" when its files have changes."""
    import pytest_factcheck

    package = Path(pytest_factcheck.__file__).resolve().parent

    def git(*cmd: str) -> str:
        done = subprocess.run(["git", *cmd], cwd=package, capture_output=True, text=True)
        return done.stdout.strip() if done.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    dirty = git("status", "--porcelain", "--", ".")
    return f"{pytest_factcheck.__version__} {commit or 'unknown commit'}{'+dirty' if dirty else ''}"


# --------------------------------------------------------------------------- truth


_FACTS_LIST = re.compile(r'(?<!\\)"facts"\s*:\s*\[')
_SEPARATORS = re.compile(r"[\s,]*")
_CHUNK = 1 << 22


def iter_json_facts(path: Path) -> Iterator[dict]:
    """The entries of the findings JSON's ``facts`` list, one at a time: the document holds
    a finding per (fact, source) cell, gigabytes at 10,000 x 5,000, too much for json.load."""
    decoder = json.JSONDecoder()
    with path.open(encoding="utf-8") as f:
        buf = f.read(_CHUNK)
        while (match := _FACTS_LIST.search(buf)) is None:
            more = f.read(_CHUNK)
            if not more:
                raise ValueError(f"{path}: no facts list")
            buf = buf[-32:] + more
        pos = match.end()
        while True:
            while True:
                pos = _SEPARATORS.match(buf, pos).end()
                if pos < len(buf):
                    break
                more = f.read(_CHUNK)
                if not more:
                    raise ValueError(f"{path}: truncated")
                buf, pos = more, 0
            if buf[pos] == "]":
                return
            while True:
                try:
                    entry, end = decoder.raw_decode(buf, pos)
                    break
                except json.JSONDecodeError:
                    more = f.read(max(_CHUNK, len(buf) - pos))
                    if not more:
                        raise
                    buf, pos = buf[pos:] + more, 0
            yield entry
            if end > _CHUNK:
                buf, end = buf[end:], 0
            pos = end


def truth_index(path: Path) -> dict[str, int]:
    """Fact key -> offset of its line in truth.json (written one fact per line)."""
    index = {}
    with path.open("rb") as f:
        offset = 0
        for line in f:
            if line.startswith(b'"'):
                index[line[1 : line.index(b'"', 1)].decode("utf-8")] = offset
            offset += len(line)
    return index


def truth_row(path: Path, offset: int) -> dict[str, str]:
    with path.open("rb") as f:
        f.seek(offset)
        line = f.readline().decode("utf-8").rstrip().rstrip(",")
    return next(iter(json.loads("{" + line + "}").values()))


def compare_truth(truth_path: Path, findings_path: Path, keep: int = 200) -> dict:
    """How many cells the plugin got right, and the first ``keep`` it got wrong."""
    index = truth_index(truth_path)
    cells = matched = 0
    wrong: list[dict] = []
    kinds: dict[str, int] = {}

    def miss(fact: str, source: str, want: str, got: str, mentions: list) -> None:
        kinds[f"{want} -> {got}"] = kinds.get(f"{want} -> {got}", 0) + 1
        if len(wrong) < keep:
            wrong.append(
                {
                    "fact": fact,
                    "source": source,
                    "want": want,
                    "got": got,
                    "mentions": [[m.get("text"), m.get("sentence")] for m in mentions],
                }
            )

    seen = set()
    for entry in iter_json_facts(findings_path):
        key = entry["nodeid"]
        if key not in index:
            continue
        seen.add(key)
        row = truth_row(truth_path, index[key])
        got = {f["source"]: f for f in entry.get("findings", [])}
        for source, want in row.items():
            cells += 1
            finding = got.get(source)
            verdict = finding["verdict"] if finding else "missing"
            if verdict == want:
                matched += 1
            else:
                miss(key, source, want, verdict, finding.get("mentions", []) if finding else [])
    for key in sorted(set(index) - seen):
        row = truth_row(truth_path, index[key])
        cells += len(row)
        for source, want in row.items():
            miss(key, source, want, "missing", [])
    share = 100.0 * matched / cells if cells else 0.0
    return {"cells": cells, "matched": matched, "percent": share, "kinds": kinds, "wrong": wrong}


# --------------------------------------------------------------------------- the reader


def _reader_worker(paths: list[str]) -> None:
    """In a subprocess: time read_figures over the files; print one JSON line."""
    from pytest_factcheck import read_figures

    texts = [Path(p).read_text(encoding="utf-8", errors="replace") for p in paths]
    size = sum(len(t.encode("utf-8")) for t in texts)
    figures = 0
    start = time.perf_counter()
    for text in texts:
        figures += len(read_figures(text))
    seconds = time.perf_counter() - start
    print(json.dumps({"bytes": size, "seconds": seconds, "figures": figures}))


def measure_reader(name: str, paths: list[Path], work: Path, logs: Path, *, timeout: float, mem_gib: float) -> dict:
    listing = work / f"{name}.files"
    listing.write_text("\n".join(str(p) for p in paths), encoding="utf-8")
    run = measure(
        f"reader {name}",
        [sys.executable, str(Path(__file__).resolve()), "--reader-worker", str(listing)],
        work,
        logs,
        timeout=timeout,
        mem_gib=mem_gib,
    )
    out: dict = {"run": asdict(run)}
    if run.exit_code == 0 and not run.timed_out:
        out.update(json.loads(Path(run.log).read_text(encoding="utf-8").strip().splitlines()[-1]))
        out["mb_per_s"] = out["bytes"] / MIB / out["seconds"] if out["seconds"] else float("inf")
    return out


def write_hostile(folder: Path, corpus: Path, big_mib: int, small_mib: int, seed: int) -> list[Path]:
    """A big article (articles of the corpus back to back), one endless line with no
    sentence end, and a file of nothing but digits and commas."""
    folder.mkdir(parents=True, exist_ok=True)
    articles = sorted((corpus / "sources").glob("*.txt"))
    big, size = [], 0
    for path in articles * (big_mib * MIB // max(1, sum(p.stat().st_size for p in articles)) + 1):
        if size >= big_mib * MIB:
            break
        text = path.read_text(encoding="utf-8")
        big.append(text)
        size += len(text.encode("utf-8"))
    (folder / "big-article.txt").write_text("\n".join(big), encoding="utf-8")
    line = re.sub(r"[.!?\n]+", " ", "\n".join(big)[: small_mib * MIB])
    (folder / "endless-line.txt").write_text(line, encoding="utf-8")
    rng = random.Random(seed)
    digits, size = [], 0
    while size < small_mib * MIB:
        chunk = ",".join(str(rng.randrange(10 ** rng.randint(1, 7))) for _ in range(10_000))
        digits.append(chunk)
        size += len(chunk) + 1
    (folder / "digits-and-commas.txt").write_text(",".join(digits), encoding="utf-8")
    return [folder / n for n in ("big-article.txt", "endless-line.txt", "digits-and-commas.txt")]


def hostile_repo(folder: Path, path: Path, corpus: Path) -> Path:
    """A tiny repository with one hostile file as its only source and one desk's facts."""
    root = folder / f"repo-{path.stem}"
    for sub in ("sources", "facts"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    (root / "sources" / path.name).write_bytes(path.read_bytes())
    first = sorted((corpus / "facts").glob("*.yaml"))[0]
    (root / "facts" / first.name).write_bytes(first.read_bytes())
    (root / "pytest.ini").write_bytes((corpus / "pytest.ini").read_bytes())
    return root


# --------------------------------------------------------------------------- report


def _ratio(results: Results, name: str) -> float | None:
    floor, run = results.runs.get("floor"), results.runs.get(name)
    if not floor or not run or not floor.ok or not run.ok:
        return None
    return run.seconds / floor.seconds


def _verdict(ok: bool | None) -> str:
    return "n/a" if ok is None else "met" if ok else "MISSED"


def table(results: Results) -> list[str]:
    """The printed report: one row per run, then truth, reader and hostile files."""
    full = results.articles == 10_000 and results.facts == 5_000
    note = "" if full else "  (targets are set at 10,000 x 5,000)"
    c = results.corpus
    lines = [
        f"scale benchmark, {results.scenario} scenario: {results.articles:,} articles x {results.facts:,} facts, seed "
        f"{results.seed}: {c.get('source_bytes', 0) / MIB:.1f} MiB of articles, "
        f"{c.get('fact_files', 0)} facts files, generated in {results.generate_seconds:.1f} s",
        f"pytest-factcheck {results.plugin_version}",
        "",
        f"{'run':<12} {'seconds':>9} {'x floor':>8} {'peak RSS':>10}  {'target':<16} result",
    ]
    limits = {"cold": TARGETS["cold"], "warm": TARGETS["warm"], "changed": TARGETS["changed"]}
    for name, run in results.runs.items():
        ratio = _ratio(results, name)
        base = name if name in limits else ""
        target = f"<= {limits[base]:.1f}x floor" if base in limits else ""
        status = (
            "TIMEOUT"
            if run.timed_out
            else f"exit {run.exit_code}"
            if not run.ok
            else (_verdict(ratio <= limits[base]) if base in limits and ratio is not None else "")
        )
        lines.append(
            f"{name:<12} {run.seconds:>9.2f} {'' if ratio is None else f'{ratio:.2f}':>8} "
            f"{run.peak_mib:>6.0f} MiB  {target:<16} {status}"
        )
    plugin = [r for n, r in results.runs.items() if not n.startswith("floor")]
    if plugin:
        peak = max(r.peak_mib for r in plugin)
        lines.append(
            f"{'peak memory':<12} {'':>9} {'':>8} {peak:>6.0f} MiB  {'< 1024 MiB':<16} "
            f"{_verdict(peak < TARGETS['peak_mib'])}"
        )
    cold, cold2 = results.runs.get("cold"), results.runs.get("cold -n 2")
    if cold and cold2 and cold.ok and cold2.ok:
        speedup = cold.seconds / cold2.seconds
        lines.append(
            f"{'-n 2 speedup':<12} {speedup:>9.3f}x{'':>7} {'':>10}  {'>= 1.4x (cold)':<16} "
            f"{_verdict(speedup >= TARGETS['xdist_speedup'])}"
        )
    floor, floor2 = results.runs.get("floor"), results.runs.get("floor -n 2")
    if floor and floor2 and floor.ok and floor2.ok:
        lines.append(
            f"{'  the floor':<12} {floor.seconds / floor2.seconds:>9.3f}x  (pytest's own -n 2 speed-up on these items)"
        )
    lines += _truth_lines(results.truth) + _reader_lines(results) + ([note] if note else [])
    return lines


def _truth_lines(truth: dict) -> list[str]:
    if not truth:
        return []
    if "error" in truth:
        return ["", f"truth: {truth['error']}"]
    share = math.floor(truth["percent"] * 10_000) / 10_000  # never round a miss up to 100%
    lines = [
        "",
        f"truth: {truth['matched']:,} of {truth['cells']:,} cells match the generator "
        f"({share:.4f}%), target 100%: {_verdict(truth['matched'] == truth['cells'])}"
        + (
            f"; json run {truth['run']['seconds']:.1f} s, peak {truth['run']['peak_mib']:.0f} MiB"
            if "run" in truth
            else ""
        ),
    ]
    for kind, n in sorted(truth["kinds"].items(), key=lambda kv: -kv[1]):
        lines.append(f"  {kind}: {n:,}")
    for cell in truth["wrong"][:10]:
        lines.append(f"  {cell['fact']}  {cell['source']}  want {cell['want']}, got {cell['got']}")
        lines += [f"      took {m[0]!r} in: {m[1]}" for m in cell["mentions"][:2]]
    return lines


def _reader_lines(results: Results) -> list[str]:
    rows = ([("corpus", results.reader)] if results.reader else []) + list(results.hostile.items())
    if not rows:
        return []
    lines = [
        "",
        "reader (read_figures in a fresh process; 'plugin' = a cold pytest run with that file as the only source):",
    ]
    for name, r in rows:
        if "seconds" in r:
            lines.append(
                f"  {name:<18} {r['bytes'] / MIB:>6.1f} MiB {r['seconds']:>8.2f} s "
                f"{r['mb_per_s']:>6.2f} MiB/s  peak {r['run']['peak_mib']:>5.0f} MiB  "
                f"{r['figures']:,} figures"
            )
        else:
            lines.append(f"  {name:<18} failed: {_failure(r['run'])}")
        plugin = r.get("plugin")
        if plugin:
            done = (
                f"{plugin['seconds']:.1f} s, peak {plugin['peak_mib']:.0f} MiB"
                if plugin["exit_code"] in (0, 1) and not plugin["timed_out"]
                else _failure(plugin)
            )
            lines.append(f"  {'':<18} plugin: {done}")
    return lines


def _failure(run: dict) -> str:
    what = f"timed out after {run['seconds']:.0f} s" if run["timed_out"] else f"exit {run['exit_code']}"
    return f"{what}, see {run['log']}"


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--facts", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--out", type=Path, default=None, help="work folder (default: a folder named after the size in the temp dir)"
    )
    parser.add_argument(
        "--scenario", choices=("default", "shared", "both"), default="both", help="which corpora (default: both)"
    )
    parser.add_argument(
        "--scaling", action="store_true", help="instead: floor, cold, warm at facts and articles x1, 2, 4, 8 (of 8)"
    )
    parser.add_argument("--skip-xdist", action="store_true", help="leave out the -n 2 runs")
    parser.add_argument("--skip-truth", action="store_true", help="leave out the --factcheck-json run")
    parser.add_argument("--skip-hostile", action="store_true", help="leave out the reader and hostile files")
    parser.add_argument("--floor-only", action="store_true", help="only generate and time the floor")
    parser.add_argument("--hostile-mb", type=int, default=50, help="size of the big article (MiB)")
    parser.add_argument("--repeat", type=int, default=1, help="time each pytest run N times, keep the best")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds allowed per run")
    parser.add_argument(
        "--hostile-timeout", type=float, default=600, help="seconds allowed per run on the hostile files"
    )
    parser.add_argument("--mem-limit-gb", type=float, default=16, help="address-space cap per process")
    parser.add_argument("--reader-worker", type=Path, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    if args.reader_worker:
        _reader_worker(args.reader_worker.read_text(encoding="utf-8").split("\n"))
        return 0
    top = args.out or Path(tempfile.gettempdir()) / f"factcheck-scale-{args.articles}x{args.facts}-s{args.seed}"
    scenarios = list(SCENARIOS) if args.scenario == "both" else [args.scenario]
    limits = {"timeout": args.timeout, "mem_gib": args.mem_limit_gb}
    everything: dict[str, object] = {}
    printed: list[str] = []
    for scenario in scenarios:
        out = top / scenario
        if args.scaling:
            rows = scaling(out / "scaling", args, scenario, limits)
            everything[f"{scenario} scaling"] = rows
            printed += [*scaling_table(scenario, rows), ""]
            continue
        corpus, logs = out / "corpus", out / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        results = Results(args.articles, args.facts, args.seed, scenario, plugin_version=plugin_version())
        start = time.perf_counter()
        results.corpus = make_corpus(corpus, args.articles, args.facts, args.seed, SCENARIOS[scenario])
        results.generate_seconds = time.perf_counter() - start
        results.runs = measure_scenario(corpus, out, logs, args, limits)
        if not args.floor_only and not args.skip_truth:
            results.truth = truth_run(corpus, out, logs, limits)
        if not args.floor_only and not args.skip_hostile and scenario == scenarios[0]:
            reader_runs(results, corpus, out, logs, args, limits)
        everything[scenario] = asdict(results)
        printed += [*table(results), ""]
    top.mkdir(parents=True, exist_ok=True)
    (top / "results.json").write_text(json.dumps(everything, indent=2), encoding="utf-8")
    print("\n".join(printed))
    print(f"logs and results.json in {top}")
    return 0


def scaling(out: Path, args: argparse.Namespace, scenario: str, limits: dict) -> list[dict]:
    """Facts x1, 2, 4, 8 at ``--articles``; articles x1, 2, 4, 8 at ``--facts`` (the x8
    point of each is the full size): floor, cold and warm at each size, -n 0."""
    sizes = [("facts", args.articles, args.facts * k // 8) for k in (1, 2, 4, 8)]
    sizes += [("articles", args.articles * k // 8, args.facts) for k in (1, 2, 4, 8)]
    rows = []
    for grows, articles, facts in sizes:
        folder = out / f"{articles}x{facts}"
        corpus, logs = folder / "corpus", folder / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        make_corpus(corpus, articles, facts, args.seed, SCENARIOS[scenario])
        print(f"scaling {scenario} {articles} x {facts} ...", file=sys.stderr, flush=True)
        warm_imports(corpus, logs, limits)
        cold = measure("cold", pytest_argv("--cache-clear"), corpus, logs, **limits)
        failing = folder / "failing.txt"
        failing.write_text("\n".join(failed_items(cold.log)), encoding="utf-8")
        floor = measure("floor", FLOOR, corpus, logs, env=floor_env(failing), **limits)
        warm = measure("warm", pytest_argv(), corpus, logs, **limits)
        rows.append(
            {
                "grows": grows,
                "articles": articles,
                "facts": facts,
                **{name: asdict(run) for name, run in (("floor", floor), ("cold", cold), ("warm", warm))},
            }
        )
    return rows


def scaling_table(scenario: str, rows: list[dict]) -> list[str]:
    """One line per size: the floor, cold and warm seconds, their ratios to the floor, and
    the cold run's cost above the floor per fact."""
    lines = [
        f"scaling, {scenario} scenario (-n 0; seconds, and x floor):",
        f"{'grows':<9} {'articles':>8} {'facts':>6} {'floor':>7} {'cold':>7} {'x':>5} {'warm':>7} {'x':>5} "
        f"{'(cold-floor)/fact':>18}",
    ]
    for row in rows:
        floor, cold, warm = row["floor"]["seconds"], row["cold"]["seconds"], row["warm"]["seconds"]
        per_fact = (cold - floor) / row["facts"] * 1000
        lines.append(
            f"{row['grows']:<9} {row['articles']:>8,} {row['facts']:>6,} {floor:>7.2f} {cold:>7.2f} "
            f"{cold / floor:>5.2f} {warm:>7.2f} {warm / floor:>5.2f} {per_fact:>15.2f} ms"
        )
    return lines


def truth_run(corpus: Path, out: Path, logs: Path, limits: dict) -> dict:
    print("running json (truth) ...", file=sys.stderr, flush=True)
    findings = out / "findings.json"
    if findings.exists():
        findings.unlink()
    run = measure("json", pytest_argv("--factcheck-json", str(findings)), corpus, logs, **limits)
    if not findings.exists():
        return {"error": f"the plugin wrote no findings JSON (exit {run.exit_code}, see {run.log})", "run": asdict(run)}
    truth = compare_truth(corpus / "truth.json", findings)
    (out / "mismatches.json").write_text(json.dumps(truth["wrong"], indent=1), encoding="utf-8")
    findings.unlink()  # gigabytes at full size
    return {**truth, "run": asdict(run)}


def reader_runs(results: Results, corpus: Path, out: Path, logs: Path, args: argparse.Namespace, limits: dict) -> None:
    print("running the reader ...", file=sys.stderr, flush=True)
    sources = sorted((corpus / "sources").glob("*.txt"))
    results.reader = measure_reader("corpus", sources, out, logs, **limits)
    limits = {**limits, "timeout": args.hostile_timeout}
    hostile = write_hostile(out / "hostile", corpus, args.hostile_mb, min(10, args.hostile_mb), args.seed)
    for path in hostile:
        results.hostile[path.stem] = measure_reader(path.stem, [path], out, logs, **limits)
        repo = hostile_repo(out / "hostile", path, corpus)
        results.hostile[path.stem]["plugin"] = asdict(
            measure(f"plugin {path.stem}", pytest_argv("--cache-clear"), repo, logs, **limits)
        )


if __name__ == "__main__":
    raise SystemExit(main())
