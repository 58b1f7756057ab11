"""Issue 6: readings kept between runs, shared with xdist workers, never trusted when torn."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import DEMO_EXTRAS, SEEDS, SOURCE

from pytest_factcheck.sources.cache import ReadingCache
from pytest_factcheck.sources.finding import find_sources

#: the demo's sources: the five seeds, the draft and the saved page
N = len(SOURCE) + len(DEMO_EXTRAS)

HEADER = re.compile(r"factcheck: .*?(\d+) sources? in .*?: (\d+) read fresh, (\d+) from the cache")
SUMMARY = re.compile(
    r"factcheck: (\d+) facts?: (\d+) matched, (\d+) from the verdict cache\n"
    r"factcheck: sources: (\d+) read fresh, (\d+) from the cache, in [\d.]+ s"
)


def readings(folder: Path) -> list[Path]:
    """The readings cache's entries (the verdict cache keeps its own beside them)."""
    return sorted(folder.glob("[0-9a-f][0-9a-f]/*.json"))


def counts(result: pytest.RunResult) -> tuple[int, int, int]:
    match = HEADER.search(result.stdout.str())
    assert match, result.stdout.str()
    return tuple(int(g) for g in match.groups())  # type: ignore[return-value]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest_subprocess("facts", "--factcheck-summary=off", *args)


def test_a_warm_run_reads_no_source_fresh(demo):
    assert counts(run(demo)) == (N, N, 0)
    assert counts(run(demo)) == (N, 0, N)


def test_a_changed_article_is_read_again_and_nothing_else(demo):
    run(demo)
    article = demo.path / "seeds" / "002_1efb6e8095174500.txt"
    article.write_text(article.read_text(encoding="utf-8").replace("more than 130", "more than 135"), encoding="utf-8")
    result = run(demo, "--factcheck-json", "out.json")
    assert counts(result) == (N, 1, N - 1)
    doc = json.loads((demo.path / "out.json").read_text())
    militia = next(f for f in doc["facts"] if f["id"] == "militia-attacks")
    wapo = next(f for f in militia["findings"] if f["source"].startswith("seeds/002"))
    assert wapo["mentions"][0]["text"] == "more than 135 attacks"


def test_cache_clear_empties_it(demo):
    run(demo)
    assert counts(run(demo, "--cache-clear")) == (N, N, 0)


def test_a_corrupt_entry_is_rebuilt_with_a_warning(demo):
    run(demo)
    entries = readings(demo.path / ".pytest_cache" / "factcheck")
    assert len(entries) == N
    # a warm run takes the findings from the verdict cache and loads no reading: forget
    # the corpus, so that this run needs the readings again
    shutil.rmtree(demo.path / ".pytest_cache" / "factcheck" / "corpora")
    entries[0].write_text(entries[0].read_text()[:40])  # truncated
    entries[1].write_text("{not json")
    result = run(demo, "-W", "always")
    assert counts(result) == (N, 2, N - 2)
    result.stdout.fnmatch_lines(["*FactcheckWarning: the cached reading of seeds/* was unreadable and was read again*"])
    shutil.rmtree(demo.path / ".pytest_cache" / "factcheck" / "corpora")
    assert counts(run(demo)) == (N, 0, N)  # and it was rewritten whole


def test_a_custom_cache_dir(demo):
    run(demo, "--factcheck-cache-dir", "readings")
    assert len(readings(demo.path / "readings")) == N
    assert counts(run(demo, "--factcheck-cache-dir", "readings")) == (N, 0, N)
    assert counts(run(demo, "--factcheck-cache-dir", "readings", "--cache-clear")) == (N, N, 0)


def test_cold_warm_and_xdist_give_the_same_json(demo):
    documents = []
    for args in ([], [], ["-n", "2"], ["-n", "2", "--cache-clear"], ["--tx", "2*popen", "--dist", "load"]):
        run(demo, "--factcheck-json", "out.json", *args)
        documents.append(json.loads((demo.path / "out.json").read_text()))
    assert all(doc == documents[0] for doc in documents[1:])


def test_workers_read_disjoint_shares_once(demo):
    result = run(demo, "-n", "2", "--cache-clear")
    match = SUMMARY.search(result.stdout.str())
    assert match, result.stdout.str()
    assert int(match.group(4)) == N  # each source read once, by one of the two workers
    entries = readings(demo.path / ".pytest_cache" / "factcheck")
    stamps = {p: p.stat().st_mtime_ns for p in entries}
    run(demo, "-n", "2")
    assert {p: p.stat().st_mtime_ns for p in entries} == stamps  # nobody wrote them again


def test_two_processes_filling_the_cache_at_once_leave_it_consistent(tmp_path: Path):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    for i in range(40):
        (folder / f"extra-{i:02d}.txt").write_text(f"Officials said {i + 2} shelters were open in Riverton.\n" * 30)
    script = (
        "import sys; from pathlib import Path\n"
        "from pytest_factcheck.sources.cache import ReadingCache\n"
        "from pytest_factcheck.sources.finding import find_sources\n"
        "cache = ReadingCache(Path(sys.argv[1]))\n"
        "for _ in range(3):\n"
        "    for s in find_sources(Path(sys.argv[2]), Path(sys.argv[2])): cache.read(s)\n"
    )
    cache_dir = tmp_path / "cache"
    procs = [subprocess.Popen([sys.executable, "-c", script, str(cache_dir), str(folder)]) for _ in range(2)]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert not list(cache_dir.rglob("*.tmp"))
    check = ReadingCache(cache_dir)
    fresh = ReadingCache(None)
    for source in find_sources(folder, folder):
        assert check.read(source) == fresh.read(source)
    assert (check.counts.fresh, check.counts.cached, check.counts.rebuilt) == (0, 45, [])


def test_a_cached_reading_equals_a_fresh_one(tmp_path: Path):
    sources = find_sources(SEEDS, SEEDS.parent)
    first = ReadingCache(tmp_path)
    fresh = [first.read(s) for s in sources]
    second = ReadingCache(tmp_path)
    assert [second.read(s) for s in sources] == fresh
    assert second.counts.cached == len(sources)


def test_a_runaway_sentence_is_cached_once(tmp_path: Path):
    """An article of one endless line: its words are stored once, not once per figure."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "line.txt").write_text(
        "In Riverton, officials said 40 shelters were open and 12 wounded were treated " * 3000
    )
    (source,) = find_sources(folder, tmp_path)
    article = ReadingCache(tmp_path / "cache").read(source)
    (entry,) = (tmp_path / "cache").rglob("*.json")
    stored = json.loads(entry.read_text())
    assert len(stored["words"]) == 1 and len(stored["mentions"]) == 6000
    assert entry.stat().st_size < 20 * len(source.file.read_bytes())
    assert ReadingCache(tmp_path / "cache").read(source) == article
