"""The pytest floor of issue 6: the same facts files, collected as trivial items that pass.

``benchmarks/run.py`` runs pytest in a generated corpus with this file as a plugin and
pytest-factcheck disabled::

    PYTHONPATH=benchmarks/floor python -m pytest -p no:factcheck -p conftest

so the time it takes is what pytest itself needs to collect, run and report one item per
fact. Facts files are parsed with libyaml when PyYAML has it, as the plugin parses them, so
the floor does not flatter the plugin with a slow parser. With ``FACTCHECK_FLOOR_FAILING``
naming a file of node ids (one a line: the items the measured run failed), those items
fail with a message of a dozen lines, so that pytest's own cost of reporting failures is
in the floor too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

try:
    _LOADER = yaml.CSafeLoader
except AttributeError:  # PyYAML without libyaml
    _LOADER = yaml.SafeLoader  # type: ignore[misc]


def pytest_addoption(parser: pytest.Parser) -> None:
    # the corpus's pytest.ini names these; declare them so pytest does not warn
    parser.addini("factcheck_sources", "ignored by the floor", type="args", default=["seeds"])
    parser.addini("factcheck_facts", "the folders whose YAML files are collected", type="args", default=["facts"])


def _fact_folders(config: pytest.Config) -> list[Path]:
    root = Path(config.rootpath)
    return [(root / p).resolve() for p in config.getini("factcheck_facts")]


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> pytest.File | None:
    if file_path.suffix not in (".yaml", ".yml"):
        return None
    if not any(file_path.resolve().is_relative_to(f) for f in _fact_folders(parent.config)):
        return None
    return FloorFile.from_parent(parent, path=file_path)


class FloorFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        data = yaml.load(self.path.read_text(encoding="utf-8"), Loader=_LOADER)
        for fact in data["facts"]:
            yield FloorItem.from_parent(self, name=str(fact["id"]))


def _failing(config: pytest.Config) -> frozenset[str]:
    listing = os.environ.get("FACTCHECK_FLOOR_FAILING")
    if not listing:
        return frozenset()
    cached = getattr(config, "_floor_failing", None)
    if cached is None:
        cached = frozenset(Path(listing).read_text(encoding="utf-8").split("\n")) - {""}
        config._floor_failing = cached  # type: ignore[attr-defined]
    return cached


class FloorItem(pytest.Item):
    def runtest(self) -> None:
        """Passes, or fails as the measured run failed it: the floor measures pytest, not
        any checking."""
        if self.nodeid in _failing(self.config):
            lines = [f"{self.name}: 2 of 10000 sources differ from the expected figure"]
            lines += [f"CONFLICT  source-{i:05d}.txt:12  says 'about 151'" for i in range(10)]
            pytest.fail("\n".join(lines), pytrace=False)

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, None, self.name
