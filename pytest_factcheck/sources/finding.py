"""Stage 2a: a source folder -> the sources in it, with what the manifest says of each.

A source is every ``*.txt``, ``*.md``, ``*.html``/``*.htm`` file below a source folder, and
every line of a ``*.jsonl``/``*.jsonl.gz`` feed, in sorted order (docs/sources.md). A
``sources.yaml`` manifest in a folder maps file names (relative to that folder) to
``outlet``, ``published`` (YYYY-MM-DD), ``url``, ``title`` and ``role``, all optional. Where
it names no outlet, the file's own metadata and then ``infer_outlet`` are asked.

Reading a manifest keeps every value's line and column (for ``file:line:column`` errors),
which costs seconds for a manifest of 10,000 entries. With a cache folder, what a manifest
says (its entries and its problems) is kept there, keyed by the sha256 of its bytes, its
shown path and the code that reads it, and written atomically like the readings cache; an
unreadable entry is read afresh, rewritten and reported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..common.dates import DateError, parse_date
from ..common.files import code_print, kept
from ..common.yamlnodes import InputError, Node, load_yaml

if TYPE_CHECKING:
    from .formats import SourceOptions

__all__ = [
    "DRAFT",
    "MANIFEST",
    "REFERENCE",
    "SUFFIXES",
    "FeedLine",
    "Found",
    "Source",
    "SourceProblem",
    "find_sources",
    "find_sources_checked",
    "infer_outlet",
    "manifest_cached",
]

MANIFEST = "sources.yaml"
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".jsonl.gz")
MANIFEST_KEYS = ("outlet", "published", "url", "title", "role")
DRAFT, REFERENCE = "draft", "reference"
ROLES = (DRAFT, REFERENCE)
#: The manifests cache's entry format (``manifest_cached``).
MANIFEST_FORMAT = 2  # 2: kept through common.files.kept


@dataclass(frozen=True, slots=True)
class FeedLine:
    """Where one article of a JSON Lines feed is: its 1-based ``line``, the ``offset`` of that
    line in the (uncompressed) feed, and the field its text was found in."""

    line: int
    offset: int
    text_field: str


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A source read only in part, as one sentence at its place: a feed line that is not an
    article, a feed cut short, a front matter that cannot be read. ``path`` is as shown
    (rootdir-relative); ``line`` and ``column`` are 1-based, or None when the whole file is
    meant. Printed as ``feeds/wire.jsonl:500: not valid JSON: ...; the line is skipped``."""

    path: str
    line: int | None
    message: str
    column: int | None = None

    def __str__(self) -> str:
        place = [self.path] + [str(n) for n in (self.line, self.column) if n is not None]
        return f"{':'.join(place)}: {self.message}"


@dataclass(frozen=True, slots=True)
class Source:
    """A source file and what is known of it. ``path`` is relative to the rootdir, with "/"."""

    path: str
    file: Path
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    role: str = REFERENCE
    feed: FeedLine | None = None

    @property
    def name(self) -> str:
        return self.file.name

    @property
    def label(self) -> str:
        """How reports name the source: its outlet, or its file name when the outlet is unknown."""
        return self.outlet or f"unknown outlet ({self.name})"


@dataclass(frozen=True, slots=True)
class Found:
    """The sources below a folder, sorted by path, and the manifest problems met on the way:
    each bad manifest entry is left out (its file is still a source, of unknown outlet and
    date), and a manifest that cannot be read at all is left out whole."""

    sources: tuple[Source, ...]
    errors: tuple[InputError, ...]


def find_sources(
    folder: Path,
    rootdir: Path,
    options: SourceOptions | None = None,
    problems: list[SourceProblem] | None = None,
    *,
    cache: Path | None = None,
) -> list[Source]:
    """Every source below ``folder`` (a file is a source too), sorted by path.

    Raises InputError for a bad manifest, naming its file:line:column (the first problem;
    ``find_sources_checked`` reports them all and keeps the good entries).
    """
    found = find_sources_checked(folder, rootdir, options, problems, cache=cache)
    if found.errors:
        raise found.errors[0]
    return list(found.sources)


def find_sources_checked(
    folder: Path,
    rootdir: Path,
    options: SourceOptions | None = None,
    problems: list[SourceProblem] | None = None,
    *,
    cache: Path | None = None,
) -> Found:
    """Every source below ``folder``, with each manifest problem reported, not raised.

    ``options`` (a ``formats.SourceOptions``) names the drafts folders and the JSON Lines
    field names; ``problems`` gathers one sentence per unreadable feed line or front matter
    (and per unreadable manifests-cache entry); ``cache``, a folder, keeps what each
    manifest says between runs (``manifest_cached``).
    """
    from .formats import SourceOptions, expand_source

    options = options or SourceOptions()
    problems = problems if problems is not None else []
    folder = folder.resolve()
    root = rootdir.resolve()
    if folder.is_file():
        files = [(folder.parent, folder)]
    else:
        parents: dict[str, Path] = {}
        files = [
            (parent := parents.get(d) or parents.setdefault(d, Path(d)), parent / n)
            for d, n in sorted(_walk(folder), key=_walk_order)
        ]
    manifests: dict[Path, dict[str, dict[str, Any]]] = {}
    errors: list[InputError] = []
    out: list[Source] = []
    for parent, file in files:
        entry = _manifest_for(parent, root, manifests, errors, cache, problems).get(file.name, {})
        out.extend(expand_source(Source(path=_shown(file, root), file=file, **entry), entry, options, problems))
    return Found(tuple(sorted(out, key=lambda s: s.path)), tuple(errors))


def _walk(folder: Path) -> Iterator[tuple[str, str]]:
    """(folder, file name) of every source file below ``folder``."""
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in filenames:
            if name.endswith(SUFFIXES) and not name.startswith("."):
                yield dirpath, name


def _walk_order(found: tuple[str, str]) -> tuple[str, ...]:
    """The order of the files' ``Path``s (part by part), without building them to compare."""
    return (*found[0].split(os.sep), found[1])


def _shown(path: Path, rootdir: Path) -> str:
    """``path`` as reports name it: relative to ``rootdir`` (resolved), with "/". A path
    below a resolved folder that is no symbolic link is its own resolved path (``_walk``
    descends into no linked folder), so only links are resolved, one ``lstat`` each."""
    text = str(path)
    root = str(rootdir)
    if root != os.sep and text.startswith(root + os.sep) and not os.path.islink(text):
        return text[len(root) + 1 :].replace(os.sep, "/")
    try:
        return path.resolve().relative_to(rootdir.resolve()).as_posix()
    except ValueError:
        return Path(os.path.relpath(path.resolve(), rootdir.resolve())).as_posix()


def _manifest_for(
    folder: Path,
    rootdir: Path,
    manifests: dict[Path, dict[str, dict[str, Any]]],
    errors: list[InputError],
    cache: Path | None,
    problems: list[SourceProblem],
) -> dict[str, dict[str, Any]]:
    if folder not in manifests:
        path = folder / MANIFEST
        manifests[folder] = {}
        if path.is_file():
            manifests[folder], found = manifest_cached(path, _shown(path, rootdir), cache, problems)
            errors.extend(found)
    return manifests[folder]


def manifest_cached(
    path: Path, shown: str, cache: Path | None, problems: list[SourceProblem] | None = None
) -> tuple[dict[str, dict[str, Any]], tuple[InputError, ...]]:
    """``read_manifest_checked``, with a manifest that cannot be read at all as its one
    problem, through the manifests cache in ``cache`` (None: none). An unreadable cache
    entry is read afresh and rewritten, and a sentence about it goes to ``problems``."""
    try:
        data = path.read_bytes() if cache is not None else None
    except OSError:  # unreadable: parsing says so, in one sentence
        data = None
    if cache is None or data is None:
        return _manifest_parsed(path, shown)
    digest = hashlib.sha256(f"{MANIFEST_FORMAT}\0{code_print(*_CODE)}\0{shown}\0".encode())
    digest.update(data)
    (entries, errors), damaged = kept(
        cache,
        "manifests",
        digest.hexdigest(),
        lambda: _manifest_parsed(path, shown, data),
        _manifest_dump,
        _manifest_restore,
    )
    if damaged and problems is not None:
        problems.append(
            SourceProblem(shown, 1, "the cached reading of this manifest was unreadable and it was read again")
        )
    return entries, errors


def _manifest_parsed(
    path: Path, shown: str, data: bytes | None = None
) -> tuple[dict[str, dict[str, Any]], tuple[InputError, ...]]:
    """The manifest parsed from ``data`` (the bytes its cache entry is keyed by) or the file."""
    try:
        return read_manifest_checked(path, shown, data)
    except InputError as err:
        return {}, (err,)


#: The code a manifest's reading depends on (its cache key holds their ``code_print``).
_CODE = ("sources/finding.py", "common/yamlnodes.py", "common/dates.py")


def _manifest_dump(read: tuple[dict[str, dict[str, Any]], tuple[InputError, ...]]) -> dict[str, Any]:
    entries, errors = read
    return {
        "entries": {
            name: {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in entry.items()}
            for name, entry in entries.items()
        },
        "errors": [list(e.parts()) for e in errors],
    }


def _manifest_restore(value: dict[str, Any]) -> tuple[dict[str, dict[str, Any]], tuple[InputError, ...]]:
    entries = {
        name: {k: dt.date.fromisoformat(v) if k == "published" and v is not None else v for k, v in entry.items()}
        for name, entry in value["entries"].items()
    }
    return entries, tuple(InputError(*fields) for fields in value["errors"])


def read_manifest(path: Path, shown: str) -> dict[str, dict[str, Any]]:
    """File name -> keyword arguments for ``Source``. Raises InputError for the first problem."""
    entries, errors = read_manifest_checked(path, shown)
    if errors:
        raise errors[0]
    return entries


def read_manifest_checked(
    path: Path, shown: str, data: bytes | None = None
) -> tuple[dict[str, dict[str, Any]], tuple[InputError, ...]]:
    """File name -> keyword arguments for ``Source``, for every good entry, and one error per
    bad entry (``data``: the manifest's bytes, when already read). Raises InputError when
    the manifest as a whole cannot be read."""
    root = load_yaml(path, shown, isolate=True, data=data)
    if root is None:
        return {}, ()
    if not isinstance(root.value, dict):
        raise InputError(
            shown,
            root.line,
            root.column,
            "a sources manifest must map file names to their outlet, published, url and title",
        )
    entries: dict[str, dict[str, Any]] = {}
    errors: list[InputError] = []
    if root.error is not None:  # a duplicate or unreadable file name: the rest still counts
        errors.append(root.error)
    for name, node in root.value.items():
        try:
            problem = node.first_error()
            if problem is not None:
                raise problem
            entries[name] = _manifest_entry(node, shown, name)
        except InputError as err:
            errors.append(err.about(name))
    return entries, tuple(sorted(errors, key=lambda e: (e.line, e.column)))


def _manifest_entry(node: Node, shown: str, name: str) -> dict[str, Any]:
    if not isinstance(node.value, dict):
        raise InputError(
            shown,
            node.line,
            node.column,
            f"the entry for {name!r} must be a mapping with outlet, published, url, title or role",
        )
    entry: dict[str, Any] = {}
    assert node.keys is not None
    for key, value in node.value.items():
        if key not in MANIFEST_KEYS:
            where = node.keys[key]
            raise InputError(
                shown,
                where.line,
                where.column,
                f"unknown key {key!r} for {name!r}; a manifest entry may have {', '.join(MANIFEST_KEYS)}",
            )
        entry[key] = _manifest_value(key, value, shown)
    return entry


def _manifest_value(key: str, node: Node, shown: str) -> str | dt.date | None:
    value = node.value
    if value is None:
        return None
    if key == "published":
        try:
            return parse_date(value, "'published'")
        except DateError as err:
            raise InputError(shown, node.line, node.column, str(err)) from None
    if isinstance(value, (dict, list)):
        raise InputError(shown, node.line, node.column, f"{key!r} must be text")
    if key == "role" and str(value).strip() not in ROLES:
        raise InputError(shown, node.line, node.column, f"'role' must be draft or reference, not {value!r}")
    return str(value).strip()


# --------------------------------------------------------------------------- outlets

_KNOWN = {
    "new york times": "The New York Times",
    "nytimes.com": "The New York Times",
    "washington post": "The Washington Post",
    "washingtonpost.com": "The Washington Post",
    "washington times": "The Washington Times",
    "washingtontimes.com": "The Washington Times",
    "wall street journal": "The Wall Street Journal",
    "wsj.com": "The Wall Street Journal",
    "associated press": "The Associated Press",
    "apnews.com": "The Associated Press",
    "reuters": "Reuters",
    "reuters.com": "Reuters",
    "guardian": "The Guardian",
    "theguardian.com": "The Guardian",
    "bbc": "BBC",
    "bbc.com": "BBC",
    "bbc.co.uk": "BBC",
    "cnn": "CNN",
    "cnn.com": "CNN",
    "al jazeera": "Al Jazeera",
    "aljazeera.com": "Al Jazeera",
    "financial times": "Financial Times",
    "ft.com": "Financial Times",
    "bloomberg": "Bloomberg",
    "bloomberg.com": "Bloomberg",
    "npr": "NPR",
    "npr.org": "NPR",
    "politico": "Politico",
    "politico.com": "Politico",
    "los angeles times": "Los Angeles Times",
    "latimes.com": "Los Angeles Times",
}
_NAME = r"((?:[Tt]he\s+)?[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,5})"
#: (pattern, whether any name is believed or only a known outlet's)
_STATED = [
    (True, re.compile(r"originally\s+(?:appeared|was\s+published|published|ran)\s+(?:in|on|by)\s+" + _NAME)),
    (False, re.compile(r"(?m)^[ \t]*(?:[Ss]ource|SOURCE|[Vv]ia|[Cc]redit)[ \t]*:[ \t]*" + _NAME)),
    (False, re.compile(r"(?:©|\([cC]\)|[Cc]opyright)[ \t]*(?:\d{4}[ \t]+)?" + _NAME)),
]
_DOMAIN = re.compile(r"[\w.-]*?\b([a-z0-9-]+\.(?:com|co\.uk|org|net))\b", re.IGNORECASE)
#: Only the head and tail of an article say who published it; the body names outlets as sources.
_EDGE = 1500


def infer_outlet(text: str) -> str | None:
    """The outlet an article names for itself ("originally appeared in The New York Times",
    "Source: Washington Post", an address at washingtontimes.com), or None."""
    edges = text[:_EDGE] + "\n" + text[-_EDGE:] if len(text) > 2 * _EDGE else text
    for any_name, pattern in _STATED:
        for match in pattern.finditer(edges):
            name = _canonical(match.group(1), any_name)
            if name:
                return name
    for match in _DOMAIN.finditer(edges):
        known = _KNOWN.get(match.group(1).lower())
        if known:
            return known
    return None


def _canonical(name: str, any_name: bool) -> str | None:
    cleaned = name.strip().rstrip(".,;:").strip()
    key = re.sub(r"^the\s+", "", cleaned, flags=re.IGNORECASE).lower()
    if key in _KNOWN:
        return _KNOWN[key]
    return cleaned if any_name and len(key) > 2 else None
