"""Issue 13: what a ``sources.yaml`` says is kept in the cache, so a warm run does not parse
it again with every value's position (seconds for 10,000 entries). Counted, never timed:
the parses are counted by wrapping the one function that parses a manifest."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from helpers import SEEDS

from pytest_factcheck.sources import finding
from pytest_factcheck.sources.finding import SourceProblem, find_sources_checked


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The manifests parsed (their shown paths), one entry per parse."""
    seen: list[str] = []
    parse = finding.read_manifest_checked

    def counted(path: Path, shown: str, *data: bytes):
        seen.append(shown)
        return parse(path, shown, *data)

    monkeypatch.setattr(finding, "read_manifest_checked", counted)
    return seen


def entries(folder: Path) -> list[Path]:
    return sorted((folder / "manifests").glob("*/*.json"))


def seeds(tmp_path: Path) -> Path:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return tmp_path / "seeds"


def test_a_manifest_is_parsed_once_and_then_taken_from_the_cache(tmp_path: Path, parses: list[str]) -> None:
    folder, cache = seeds(tmp_path), tmp_path / "cache"
    plain = find_sources_checked(folder, tmp_path)
    first = find_sources_checked(folder, tmp_path, cache=cache)
    second = find_sources_checked(folder, tmp_path, cache=cache)
    assert parses == ["seeds/sources.yaml"] * 2  # the run without a cache, and the first with it
    assert plain.sources == first.sources == second.sources
    assert any(s.outlet and s.published for s in second.sources)
    assert len(entries(cache)) == 1


def test_a_changed_manifest_is_parsed_again(tmp_path: Path, parses: list[str]) -> None:
    folder, cache = seeds(tmp_path), tmp_path / "cache"
    find_sources_checked(folder, tmp_path, cache=cache)
    manifest = folder / "sources.yaml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("The Washington Post", "The Post"))
    found = find_sources_checked(folder, tmp_path, cache=cache)
    assert parses == ["seeds/sources.yaml"] * 2
    assert "The Post" in {s.outlet for s in found.sources}


def test_a_bad_manifest_keeps_its_positions_from_the_cache(tmp_path: Path, parses: list[str]) -> None:
    folder, cache = seeds(tmp_path), tmp_path / "cache"
    manifest = folder / "sources.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + "\nextra.txt:\n  outlet: X\n  published: soon\n  colour: red\n"
    )
    fresh = find_sources_checked(folder, tmp_path, cache=cache)
    kept = find_sources_checked(folder, tmp_path, cache=cache)
    assert len(parses) == 1
    assert fresh.errors and [str(e) for e in kept.errors] == [str(e) for e in fresh.errors]
    assert [(e.line, e.column, e.subject) for e in kept.errors] == [(e.line, e.column, e.subject) for e in fresh.errors]
    assert str(kept.errors[0]).startswith("seeds/sources.yaml:")


def test_a_manifest_that_is_no_yaml_is_cached_as_its_one_error(tmp_path: Path, parses: list[str]) -> None:
    folder, cache = seeds(tmp_path), tmp_path / "cache"
    (folder / "sources.yaml").write_text("a: [\n", encoding="utf-8")
    fresh = find_sources_checked(folder, tmp_path, cache=cache)
    kept = find_sources_checked(folder, tmp_path, cache=cache)
    assert len(parses) == 1
    assert [str(e) for e in kept.errors] == [str(e) for e in fresh.errors]
    assert "YAML syntax error" in str(kept.errors[0])


def test_a_corrupt_entry_is_parsed_again_rewritten_and_reported(tmp_path: Path, parses: list[str]) -> None:
    folder, cache = seeds(tmp_path), tmp_path / "cache"
    first = find_sources_checked(folder, tmp_path, cache=cache)
    (entry,) = entries(cache)
    entry.write_text(entry.read_text(encoding="utf-8")[:50], encoding="utf-8")  # truncated
    problems: list[SourceProblem] = []
    again = find_sources_checked(folder, tmp_path, None, problems, cache=cache)
    assert again.sources == first.sources
    assert [str(p) for p in problems] == [
        "seeds/sources.yaml:1: the cached reading of this manifest was unreadable and it was read again"
    ]
    assert len(parses) == 2
    find_sources_checked(folder, tmp_path, cache=cache)
    assert len(parses) == 2  # rewritten whole


def test_a_warm_run_warns_of_a_corrupt_manifest_entry(demo: pytest.Pytester) -> None:
    demo.runpytest_subprocess("facts", "--factcheck-summary=off")
    (entry,) = entries(demo.path / ".pytest_cache" / "factcheck")
    entry.write_text("{not json", encoding="utf-8")
    result = demo.runpytest_subprocess("facts", "--factcheck-summary=off", "-W", "always")
    result.stdout.fnmatch_lines(["*FactcheckWarning: *the cached reading of this manifest was unreadable*"])
    assert "{not json" not in entry.read_text(encoding="utf-8")


def test_an_unreadable_manifest_is_one_sentence_with_a_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the cache on (the default), reading the bytes for the key raised a traceback
    where the run without a cache says what is wrong in one sentence."""
    folder = seeds(tmp_path)
    manifest = folder / "sources.yaml"
    real = Path.read_bytes

    def locked(self: Path) -> bytes:
        if self == manifest:
            raise PermissionError(13, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", locked)
    found = find_sources_checked(folder, tmp_path, cache=tmp_path / "cache")
    assert [str(e) for e in found.errors] == ["seeds/sources.yaml:1:1: the file cannot be read (Permission denied)"]
    assert found.sources  # the articles are still sources, of unknown outlet


def test_what_is_parsed_is_what_the_entry_is_keyed_by(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A save between the read that keys the entry and the parse must not leave the new
    manifest under the old bytes' key (going back to the old bytes would read the new)."""
    folder, cache = seeds(tmp_path), tmp_path / "cache"
    manifest = folder / "sources.yaml"
    before = manifest.read_text(encoding="utf-8")
    parse = finding.load_yaml

    def saved_meanwhile(path: Path, shown: str, **options):
        manifest.write_text(before.replace("The Washington Post", "The Post"), encoding="utf-8")
        return parse(path, shown, **options)

    monkeypatch.setattr(finding, "load_yaml", saved_meanwhile)
    found = find_sources_checked(folder, tmp_path, cache=cache)
    assert "The Washington Post" in {s.outlet for s in found.sources}
