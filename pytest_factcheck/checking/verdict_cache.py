"""A fact's findings kept on disk between runs, so that a run where nothing changed does no
matching at all, and a changed article re-checks only the facts it touches.

Two kinds of entries live beside the readings cache (``sources/cache.py``), written with its
atomic write (a temporary file, then rename) and trusted only when whole:

* ``corpora/<contents>.json``: a corpus *print*: for each source, in corpus order, the
  sha256 of its bytes and what a reading adds to the manifest (the outlet inferred from
  the text, an undecodable-bytes problem). Named by ``contents``, a hash of the sources'
  paths, manifest fields and bytes, the reader version and the package's code.
* ``verdicts/<key>.json``: one fact's findings entry (the compact JSON the reports are
  drawn from), with the corpus print it was checked against and the sources whose figures
  were candidates for it (``checking.check.select``). ``key`` hashes the fact as loaded
  (every key, after ``defaults``), its node id, the date waivers are judged against, and
  ``listing``: the sources' paths and manifest fields, the reader version and the code.

An entry is reused when its print's contents equal this run's, or when every source whose
bytes differ since then neither was nor now is a candidate for the fact (and reads to the
same outlet): findings depend on no other source's figures. Anything else is checked
afresh. A corrupt or truncated entry is checked afresh, rewritten, and reported.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..common.files import code_print, write_json_entry
from ..facts.loading import Fact
from ..reader.reading import READER_VERSION
from ..sources.finding import Source

__all__ = ["FORMAT", "CorpusPrint", "VerdictCache", "code_fingerprint", "corpus_print", "fact_key"]

FORMAT = 1


def code_fingerprint() -> str:
    """sha256 of the reader version and the package's own Python files: a verdict made by
    other rules is not reused."""
    return hashlib.sha256(f"{READER_VERSION}\0{code_print()}".encode()).hexdigest()


@dataclass(frozen=True)
class CorpusPrint:
    """What a run's sources are: ``listing`` (paths, manifest fields, code) and ``contents``
    (the listing and every source's sha256, in ``shas``)."""

    listing: str
    contents: str
    shas: tuple[str, ...]


def corpus_print(sources: Sequence[Source], shas: Sequence[str]) -> CorpusPrint:
    listing = hashlib.sha256(code_fingerprint().encode())
    for source in sources:
        listing.update(repr(source).encode())
    contents = hashlib.sha256(listing.hexdigest().encode())
    for sha in shas:
        contents.update(sha.encode())
    return CorpusPrint(listing.hexdigest(), contents.hexdigest(), tuple(shas))


def fact_key(fact: Fact, nodeid: str, today: Any, listing: str) -> str:
    """The fact as loaded (its repr: every key, defaults filled in), where it runs, the date
    waivers are judged against, and the sources' listing."""
    text = json.dumps([FORMAT, listing, nodeid, today.isoformat(), repr(fact)])
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass
class VerdictCache:
    """Verdict and corpus-print entries under ``folder``. ``rebuilt`` names the facts whose
    entry was unreadable (for a warning)."""

    folder: Path
    rebuilt: list[str] = field(default_factory=list)
    _prints: dict[str, dict[str, Any] | None] = field(default_factory=dict)

    def verdict(self, key: str, nodeid: str) -> dict[str, Any] | None:
        path = self._path("verdicts", key)
        if not path.exists():
            return None
        entry = _load(path, key, ("print", "sources", "entry", "failed"))
        if entry is None:
            self.rebuilt.append(nodeid)
        return entry

    def store_verdict(self, key: str, printed: str, sources: list[int], entry: dict[str, Any], failed: bool) -> None:
        payload = {"format": FORMAT, "key": key, "print": printed, "sources": sources, "failed": failed, "entry": entry}
        write_json_entry(self._path("verdicts", key), payload)

    def corpus(self, contents: str) -> dict[str, Any] | None:
        """A corpus print's entry (``shas``, ``sources``: per source ``[outlet, problem]``),
        read once per process."""
        if contents not in self._prints:
            self._prints[contents] = _load(self._path("corpora", contents), contents, ("shas", "sources"))
        return self._prints[contents]

    def store_corpus(self, printed: CorpusPrint, sources: list[list[Any]]) -> None:
        """Keep a corpus print, and note it as the latest (the next run, if a few sources
        changed, reads only those and takes the rest from it)."""
        entry = {
            "format": FORMAT,
            "key": printed.contents,
            "listing": printed.listing,
            "shas": list(printed.shas),
            "sources": sources,
        }
        write_json_entry(self._path("corpora", printed.contents), entry)
        write_json_entry(
            self.folder / "corpora" / "latest.json", {"format": FORMAT, "key": "latest", "print": printed.contents}
        )
        self._prints[printed.contents] = entry

    def latest(self) -> str | None:
        """The corpus print stored last (by any process), if any."""
        entry = _load(self.folder / "corpora" / "latest.json", "latest", ("print",))
        return entry["print"] if entry else None

    def _path(self, kind: str, key: str) -> Path:
        return self.folder / kind / key[:2] / f"{key}.json"


def _load(path: Path, key: str, fields: tuple[str, ...]) -> dict[str, Any] | None:
    try:
        entry = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(entry, dict):
            return None
        if entry.get("format") != FORMAT or entry.get("key") != key or any(f not in entry for f in fields):
            return None
        return entry
    except (OSError, ValueError, AttributeError):
        return None
