"""Issue 13: a facts file as loaded is kept in the cache, so a warm run does not parse its
YAML with positions and validate every fact again (about 5 s for 5,000 facts). Counted,
never timed: the parses are counted by wrapping the YAML loader the facts stage calls."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from helpers import REPO, copy_demo

from pytest_factcheck.facts import loading
from pytest_factcheck.facts.cache import load_fact_file_kept
from pytest_factcheck.facts.loading import Fact, load_fact_file

#: Every facts file this repository ships, and one that sets the keys they leave alone.
SHIPPED = sorted(
    [
        *(REPO / "facts").glob("*.yaml"),
        *(REPO / "tests" / "eval" / "facts").glob("*.yaml"),
        REPO / "tests" / "data" / "facts-every-key.yaml",
    ]
)

BAD_FACTS = """\
defaults:
  tolerance: 5%
facts:
  - id: fine
    claim: Shelters open in Riverton
    expect: about 40 shelters
    context: [Riverton]
    as_of: 2024-03-01
  - id: broken
    expect: 40 shelters
    hedged: sometimes
  - id: fine
    expect: 12 ambulances
"""


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The facts files whose YAML was parsed (their shown paths), one entry per parse."""
    seen: list[str] = []
    parse = loading.load_yaml

    def counted(path: Path, shown: str, **options: bool):
        seen.append(shown)
        return parse(path, shown, **options)

    monkeypatch.setattr(loading, "load_yaml", counted)
    return seen


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "facts").glob("*/*.json"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_a_kept_facts_file_is_the_loaded_one(path: Path, tmp_path: Path, parses: list[str]) -> None:
    folders = (tmp_path / "sources",)
    fresh = load_fact_file(path, path.name, folders)
    first, damaged_first = load_fact_file_kept(path, path.name, folders, tmp_path / "cache")
    second, damaged_second = load_fact_file_kept(path, path.name, folders, tmp_path / "cache")
    assert parses == [path.name] * 2  # the plain load and the first kept one
    assert not damaged_first and not damaged_second
    assert fresh.facts  # so that the comparison below compares something
    # the repr is what a verdict's key hashes: equal values with another repr (5 for 5.0, a
    # list for a tuple) would check every fact again on the next run
    assert repr(second) == repr(first) == repr(fresh)
    assert second == fresh
    assert len(entries(tmp_path / "cache")) == 1


def test_the_shipped_files_give_every_field_a_value_of_its_own() -> None:
    """So every kind of field (dates, paths, figures, waivers, nested tuples) went through
    the cache in the test above: each field of ``Fact`` differs from its default somewhere."""
    facts = [fact for path in SHIPPED for fact in load_fact_file(path, path.name, ()).facts]
    defaults = {
        f.name: f.default_factory() if f.default_factory is not dataclasses.MISSING else f.default
        for f in dataclasses.fields(Fact)
        if f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
    }
    never_set = {name for name, default in defaults.items() if all(getattr(f, name) == default for f in facts)}
    assert never_set == set()


def test_facts_with_errors_keep_their_errors_and_positions(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "desk.yaml"
    path.write_text(BAD_FACTS, encoding="utf-8")
    fresh, _ = load_fact_file_kept(path, "facts/desk.yaml", (), tmp_path / "cache")
    kept, _ = load_fact_file_kept(path, "facts/desk.yaml", (), tmp_path / "cache")
    assert len(parses) == 1
    assert [f.id for f in kept.facts] == ["fine"]
    assert len(fresh.errors) == 2
    assert [(str(e), e.line, e.column, e.subject) for e in kept.errors] == [
        (str(e), e.line, e.column, e.subject) for e in fresh.errors
    ]
    assert str(kept.errors[0]).startswith("facts/desk.yaml:11:13:")


def test_a_changed_facts_file_is_loaded_again(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "desk.yaml"
    path.write_text(BAD_FACTS, encoding="utf-8")
    load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    path.write_text(BAD_FACTS.replace("about 40", "about 45"), encoding="utf-8")
    again, _ = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert len(parses) == 2
    assert again.facts[0].expect == "about 45 shelters"


def test_the_same_bytes_elsewhere_are_loaded_again(tmp_path: Path, parses: list[str]) -> None:
    """Relative ``sources`` paths are read against the file's folder, and messages name it."""
    for name in ("a", "b"):
        (tmp_path / name / "articles").mkdir(parents=True)
        (tmp_path / name / "desk.yaml").write_text("sources: {paths: [articles]}\n" + BAD_FACTS, encoding="utf-8")
    first, _ = load_fact_file_kept(tmp_path / "a" / "desk.yaml", "a/desk.yaml", (), tmp_path / "cache")
    second, _ = load_fact_file_kept(tmp_path / "b" / "desk.yaml", "b/desk.yaml", (), tmp_path / "cache")
    assert len(parses) == 2
    assert first.facts[0].scope.paths != second.facts[0].scope.paths
    assert str(second.errors[0]).startswith("b/desk.yaml:")


def test_a_file_that_fails_whole_is_not_kept(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "desk.yaml"
    path.write_text("facts: [\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(loading.InputError, match=r"desk\.yaml:2:1: YAML syntax error"):
            load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert len(parses) == 2
    assert entries(tmp_path / "cache") == []


@pytest.mark.parametrize(
    "damage",
    [
        "{not json",
        '{"key": "another", "value": {}}',
        '{"key": "%s", "value": {"facts": 3}}',
        # valid JSON of the wrong shape: a path where a fact belongs
        '{"key": "%s", "value": {"facts": {"@": "FactFile", "v": [{"@path": "x"}, [{"@path": "x"}], []]}, "errors": []}}',
    ],
)
def test_a_damaged_entry_is_loaded_again_and_rewritten(tmp_path: Path, parses: list[str], damage: str) -> None:
    path = tmp_path / "desk.yaml"
    path.write_text(BAD_FACTS, encoding="utf-8")
    fresh, _ = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    (entry,) = entries(tmp_path / "cache")
    entry.write_text(damage.replace("%s", entry.stem), encoding="utf-8")
    again, damaged = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert damaged and repr(again) == repr(fresh)
    assert len(parses) == 2
    _, damaged = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert not damaged and len(parses) == 2  # rewritten whole


def test_a_warm_run_warns_of_a_damaged_facts_entry_and_checks_as_before(pytester: pytest.Pytester) -> None:
    copy_demo(pytester, every_file=True)
    first = pytester.runpytest_subprocess("facts", "--factcheck-summary=off", "-p", "no:randomly")
    kept = entries(pytester.path / ".pytest_cache" / "factcheck")
    assert len(kept) == len(list((pytester.path / "facts").glob("*.yaml")))
    for entry in kept:
        entry.write_text("{not json", encoding="utf-8")
    again = pytester.runpytest_subprocess("facts", "--factcheck-summary=off", "-p", "no:randomly", "-W", "always")
    again.stdout.fnmatch_lines(["*FactcheckWarning: *the cached reading of this facts file was unreadable*"])
    assert again.parseoutcomes()["failed"] == first.parseoutcomes()["failed"] > 0
    assert again.parseoutcomes()["passed"] == first.parseoutcomes()["passed"] > 0
    assert all("{not json" not in entry.read_text(encoding="utf-8") for entry in kept)


def test_an_unreadable_facts_file_is_one_sentence_with_a_cache(tmp_path: Path) -> None:
    folder = tmp_path / "desk.yaml"
    folder.mkdir()  # a folder named like a facts file: reading its bytes fails
    with pytest.raises(loading.InputError, match=r"^desk\.yaml:1:1: the file cannot be read \(Is a directory\)"):
        load_fact_file_kept(folder, "desk.yaml", (), tmp_path / "cache")


FOLDER_FACT = """\
facts:
  - id: shelters
    expect: 40 shelters
    sources: {paths: [articles]}
"""


def test_a_folder_made_since_turns_the_kept_error_into_a_fact(tmp_path: Path, parses: list[str]) -> None:
    """The load looks at the file system as well as the file: a source folder that did not
    exist is an error, and one that exists now makes the fact good, cache or no cache."""
    path = tmp_path / "desk.yaml"
    path.write_text(FOLDER_FACT, encoding="utf-8")
    missing, _ = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert not missing.facts and "does not exist" in str(missing.errors[0])
    (tmp_path / "articles").mkdir()
    made, damaged = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert [f.id for f in made.facts] == ["shelters"] and not made.errors and not damaged
    again, _ = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert len(parses) == 2 and repr(again) == repr(made)  # the new state is kept in turn
    (tmp_path / "articles").rmdir()
    gone, _ = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert not gone.facts and len(parses) == 3


def test_a_link_pointed_elsewhere_is_loaded_again(tmp_path: Path, parses: list[str]) -> None:
    path = tmp_path / "desk.yaml"
    path.write_text(FOLDER_FACT, encoding="utf-8")
    for name in ("2023", "2024"):
        (tmp_path / name).mkdir()
    (tmp_path / "articles").symlink_to(tmp_path / "2023")
    first, _ = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    (tmp_path / "articles").unlink()
    (tmp_path / "articles").symlink_to(tmp_path / "2024")
    second, _ = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert len(parses) == 2
    assert first.facts[0].scope.paths == ((tmp_path / "2023").resolve(),)
    assert second.facts[0].scope.paths == ((tmp_path / "2024").resolve(),)


def test_what_is_parsed_is_what_the_entry_is_keyed_by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor saving the file between the read that keys the entry and the parse must not
    leave the new facts under the old bytes' key: the bytes read once are parsed."""
    path = tmp_path / "desk.yaml"
    path.write_text(BAD_FACTS, encoding="utf-8")
    parse = loading.load_yaml

    def saved_meanwhile(file: Path, shown: str, **options):
        file.write_text(BAD_FACTS.replace("about 40", "about 99"), encoding="utf-8")
        return parse(file, shown, **options)

    monkeypatch.setattr(loading, "load_yaml", saved_meanwhile)
    loaded, _ = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert loaded.facts[0].expect == "about 40 shelters"


@pytest.mark.parametrize("crlf", [False, True])
def test_line_endings_and_a_bom_read_as_before(tmp_path: Path, crlf: bool) -> None:
    path = tmp_path / "desk.yaml"
    text = "\ufeff" + (BAD_FACTS.replace("\n", "\r\n") if crlf else BAD_FACTS)
    path.write_bytes(text.encode("utf-8"))
    loaded, _ = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
    assert [f.id for f in loaded.facts] == ["fine"] and loaded.facts[0].claim == "Shelters open in Riverton"
    assert str(loaded.errors[0]).startswith("desk.yaml:11:13:")


def test_a_linked_facts_file_is_one_file_with_or_without_the_cache(pytester: pytest.Pytester) -> None:
    """The prefill met the link's path and collection the real one; relative ``sources``
    were read against two folders, and the cache kept whichever came first."""
    for folder, figure in (("facts/arts", 40), ("facts/zz/arts", 50)):
        (pytester.path / folder).mkdir(parents=True)
        (pytester.path / folder / "one.txt").write_text(
            f"The ministry said {figure} people were killed in the flood.\n", encoding="utf-8"
        )
    (pytester.path / "facts" / "zz" / "real").mkdir()
    (pytester.path / "facts" / "a").mkdir()
    real = pytester.path / "facts" / "zz" / "real" / "x.yaml"
    real.write_text(
        "facts:\n  - id: deaths\n    expect: 40 people killed\n    sources: {paths: [../arts]}\n", encoding="utf-8"
    )
    (pytester.path / "facts" / "a" / "x.yaml").symlink_to(real)
    pytester.makeini("[pytest]\n")
    args = ("facts", "-p", "no:randomly", "--factcheck-summary=off")
    uncached = pytester.runpytest_subprocess(*args, "-p", "no:cacheprovider").parseoutcomes()
    cold = pytester.runpytest_subprocess(*args, "--cache-clear").parseoutcomes()
    warm = pytester.runpytest_subprocess(*args).parseoutcomes()
    assert uncached == cold == warm
    assert uncached.get("failed") == 2  # both names check the real folder's neighbour: "50"


def test_a_source_path_in_a_link_loop_is_one_sentence_cached_or_not(tmp_path: Path) -> None:
    """It was an INTERNALERROR (pathlib raises RuntimeError for a loop before Python 3.13)."""
    (tmp_path / "loop-a").symlink_to(tmp_path / "loop-b")
    (tmp_path / "loop-b").symlink_to(tmp_path / "loop-a")
    path = tmp_path / "desk.yaml"
    path.write_text(FOLDER_FACT.replace("[articles]", "[loop-a]"), encoding="utf-8")
    for _ in range(2):  # the second load meets the kept entry
        loaded, damaged = load_fact_file_kept(path, "desk.yaml", (), tmp_path / "cache")
        assert not loaded.facts and not damaged
        assert [str(e) for e in loaded.errors] == [
            "desk.yaml:4:23: the source path 'loop-a' cannot be resolved (a symbolic link loop)"
        ]


def test_a_link_and_its_target_are_two_places_to_the_cache(tmp_path: Path) -> None:
    """Relative ``sources`` are read against the folder the file is named in: loaded through
    a link in another folder, the same bytes name another folder, cache or no cache."""
    for folder in ("real/articles", "link/articles", "real", "link"):
        (tmp_path / folder).mkdir(parents=True, exist_ok=True)
    real = tmp_path / "real" / "desk.yaml"
    real.write_text(FOLDER_FACT, encoding="utf-8")
    link = tmp_path / "link" / "desk.yaml"
    link.symlink_to(real)
    cache = tmp_path / "cache"
    for path in (real, link, real, link):
        kept_load, _ = load_fact_file_kept(path, "desk.yaml", (), cache)
        assert kept_load.facts[0].scope.paths == load_fact_file(path, "desk.yaml", ()).facts[0].scope.paths
    assert load_fact_file_kept(link, "desk.yaml", (), cache)[0].facts[0].scope.paths == (
        (tmp_path / "link" / "articles").resolve(),
    )
