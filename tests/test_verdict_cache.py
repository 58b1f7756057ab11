"""Issue 13: verdicts kept between runs, and reading spread over the cores.

Counted, never timed: the summary line says how many facts were matched against the corpus
and how many came from the verdict cache, and how many sources were read fresh; the JSON of
a run that used the cache must equal the JSON of a cold run on the same files.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from pytest_factcheck import session as session_module
from pytest_factcheck.checking.check import candidate_sources
from pytest_factcheck.session import CheckSession
from pytest_factcheck.sources.cache import ReadingCache

SUMMARY = re.compile(
    r"factcheck: (\d+) facts?: (\d+) matched, (\d+) from the verdict cache\n"
    r"factcheck: sources: (\d+) read fresh, (\d+) from the cache, in [\d.]+ s"
)
ARTICLE = "seeds/002_1efb6e8095174500.txt"
#: The demo's sources: five seeds, a saved page and our draft.
SOURCES = 7


def run(pytester: pytest.Pytester, *args: str) -> tuple[tuple[int, ...], dict]:
    """(facts, matched, from the verdict cache, read fresh, loaded) and the findings JSON."""
    result = pytester.runpytest_subprocess("facts", "--factcheck-summary=off", "--factcheck-json", "out.json", *args)
    match = SUMMARY.search(result.stdout.str())
    assert match, result.stdout.str()
    doc = json.loads((pytester.path / "out.json").read_text(encoding="utf-8"))
    return tuple(int(g) for g in match.groups()), doc


def edit(pytester: pytest.Pytester, path: str, old: str, new: str) -> None:
    article = pytester.path / path
    text = article.read_text(encoding="utf-8")
    assert old in text
    article.write_text(text.replace(old, new), encoding="utf-8")


def touching(pytester: pytest.Pytester, path: str) -> set[str]:
    """The facts (ids) with a candidate figure in a source, worked out in plain Python."""
    state = CheckSession(
        pytester.path, (pytester.path / "facts",), (pytester.path / "seeds",), dt.date.today(), "error"
    )
    session_module.prefill(state)
    corpus = state.corpus()
    index = [a.source.path for a in corpus.articles].index(path)
    loaded = [state.load(p) for p in session_module.facts_files(state)]
    return {f.id for file in loaded for f in file.facts if index in candidate_sources(f, corpus)}


def test_a_warm_run_matches_nothing_and_writes_the_same_json(demo):
    (facts, matched, cached, fresh, _), cold = run(demo)
    assert (matched, cached, fresh) == (facts, 0, SOURCES) and facts == 7
    (facts, matched, cached, fresh, loaded), warm = run(demo)
    assert (matched, cached, fresh) == (0, facts, 0)
    assert loaded == SOURCES  # known from the corpus print: no reading was loaded or matched
    assert warm == cold


def test_a_changed_article_rechecks_only_the_facts_it_touches(demo):
    run(demo)
    edit(demo, ARTICLE, "more than 130", "more than 135")
    touched = touching(demo, ARTICLE)
    assert "militia-attacks" in touched and len(touched) < 7
    (facts, matched, cached, fresh, _), warm = run(demo)
    assert (matched, cached, fresh) == (len(touched), facts - len(touched), 1)
    _, cold = run(demo, "--cache-clear")
    assert warm == cold
    militia = next(f for f in warm["facts"] if f["id"] == "militia-attacks")
    assert any(m["text"] == "more than 135 attacks" for f in militia["findings"] for m in f["mentions"])


def test_a_figure_added_where_a_fact_was_silent_is_checked(demo):
    """A source that had no candidate for a fact gains one: the fact is checked again."""
    (_, _, _, _, _), before = run(demo)
    militia = next(f for f in before["facts"] if f["id"] == "militia-attacks")
    silent = next(f["source"] for f in militia["findings"] if f["verdict"] == "silent")
    article = demo.path / silent
    article.write_text(
        article.read_text(encoding="utf-8") + "\nThere have been 151 attacks on U.S. troops in Iraq and Syria.\n",
        encoding="utf-8",
    )
    (_, matched, _, _, _), warm = run(demo)
    assert matched >= 1
    _, cold = run(demo, "--cache-clear")
    assert warm == cold
    militia = next(f for f in warm["facts"] if f["id"] == "militia-attacks")
    assert next(f["verdict"] for f in militia["findings"] if f["source"] == silent) == "conflict"


def test_another_date_for_waivers_checks_again(demo):
    run(demo)
    (facts, matched, cached, _, _), _ = run(demo, "--factcheck-today", "2031-01-01")
    assert (matched, cached) == (facts, 0)


def test_a_corrupt_verdict_is_checked_again_with_a_warning(demo):
    run(demo)
    entries = sorted((demo.path / ".pytest_cache" / "factcheck" / "verdicts").rglob("*.json"))
    assert len(entries) == 7
    entries[0].write_text(entries[0].read_text()[:50])
    entries[1].write_text("[1, 2")
    result = demo.runpytest_subprocess("facts", "--factcheck-summary=off", "-W", "always")
    result.stdout.fnmatch_lines(
        ["*FactcheckWarning: the cached verdict of facts/*::* was unreadable and was checked again*"]
    )
    assert SUMMARY.search(result.stdout.str()).group(2, 3) == ("2", "5")
    (_, matched, cached, _, _), _ = run(demo)
    assert (matched, cached) == (0, 7)  # rewritten whole


def test_xdist_reads_each_source_once_and_writes_the_same_json(demo):
    (_, _, _, fresh, _), plain = run(demo, "--cache-clear")
    assert fresh == SOURCES
    for args in (["-n", "2", "--cache-clear"], ["--tx", "2*popen", "--dist", "load", "--cache-clear"]):
        (facts, matched, cached, fresh, _), doc = run(demo, *args)
        assert (matched, cached, fresh) == (facts, 0, SOURCES)  # read once across the two workers
        assert doc == plain
    (facts, matched, cached, fresh, _), doc = run(demo, "-n", "2")
    assert (matched, cached, fresh) == (0, facts, 0)
    assert doc == plain


def test_an_xdist_controller_leaves_the_sources_to_its_workers(demo):
    """The workers start after the controller's session start: it loads no facts file and
    finds no source there, and its header says who does."""
    result = demo.runpytest_subprocess("facts", "--factcheck-summary=off", "-n", "2")
    result.stdout.fnmatch_lines(["factcheck: 1 facts file in facts; sources: read by the xdist workers"])
    assert SUMMARY.search(result.stdout.str())  # what the workers did, summed


def test_a_pool_read_equals_a_read_in_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many sources missing from the cache are read in a process pool: the same corpus."""
    folder = tmp_path / "news"
    folder.mkdir()
    for i in range(12):
        (folder / f"{i:02d}.txt").write_text(f"In Riverton, {i + 3} homes were damaged and {i + 40} people fled.\n")

    def corpus(pool_after: int, cache: Path):
        monkeypatch.setattr(session_module, "POOL_AFTER", pool_after)
        state = CheckSession(tmp_path, (tmp_path,), (folder,), dt.date.today(), "error", reading=ReadingCache(cache))
        state.source_folders.add(folder)
        return state, state.corpus()

    pooled_state, pooled = corpus(4, tmp_path / "a")
    alone_state, alone = corpus(10_000, tmp_path / "b")
    assert pooled.articles == alone.articles
    assert pooled_state.stats.read_fresh == alone_state.stats.read_fresh == 12
    assert len(list((tmp_path / "a").glob("??/*.json"))) == 12  # the pool published its readings
    assert [a.source for a in pooled.articles] == sorted((a.source for a in pooled.articles), key=lambda s: s.path)


def test_cold_reads_are_counted_and_timed_in_the_header(demo):
    result = demo.runpytest_subprocess("facts", "--factcheck-summary=off")
    header = result.stdout.str().split("\ncollected", 1)[0]
    # the header keeps to 80 columns: its sources part wraps onto an indented line
    assert "factcheck: 1 facts file in facts\n" in header
    assert re.search(
        r"factcheck: 7 sources in drafts, pages, seeds: 7 read fresh, 0 from the cache, in\s+\d+\.\d s", header
    )
    assert max(len(line) for line in header.splitlines() if line.startswith(("factcheck", "  "))) <= 80


@pytest.mark.parametrize("partials", [1, 100])
def test_many_touched_facts_switch_to_one_whole_corpus(demo, monkeypatch: pytest.MonkeyPatch, partials: int):
    """Re-checking a fact touched by a changed article builds a corpus of only its candidate
    sources; after PARTIALS such facts, one whole corpus is cheaper and is built once.
    Either way the findings equal a cold run's (counted in process, never timed)."""
    run(demo)
    edit(demo, ARTICLE, "more than 130", "more than 135")
    touched = touching(demo, ARTICLE)
    assert len(touched) >= 2
    wholes: list[int] = []
    whole_corpus = CheckSession.corpus

    def counted(self: CheckSession, *args: object, **kwargs: object):
        built = self._corpus is None
        corpus = whole_corpus(self, *args, **kwargs)
        wholes.extend([1] if built else [])
        return corpus

    monkeypatch.setattr(session_module, "PARTIALS", partials)
    monkeypatch.setattr(CheckSession, "corpus", counted)
    result = demo.runpytest_inprocess(
        "facts", "--factcheck-summary=off", "--factcheck-json", "out.json", "-p", "no:randomly"
    )
    assert SUMMARY.search(result.stdout.str()).group(2) == str(len(touched))
    warm = json.loads((demo.path / "out.json").read_text(encoding="utf-8"))
    assert len(wholes) == (1 if partials < len(touched) else 0)
    _, cold = run(demo, "--cache-clear")
    assert warm == cold
