"""Stage 1: a facts file -> ``Fact`` objects.

The format (v1) is a public contract, documented in docs/facts-format.md. Every problem is
an ``InputError`` naming ``file:line:column`` in one sentence. A problem in one fact does
not hide the others: ``load_fact_file`` returns the good facts and one error per bad fact;
only a problem with the file as a whole (syntax, no ``facts`` list, a bad file-wide
``sources``) is raised.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..common.dates import DateError, parse_date
from ..common.files import resolved
from ..common.words import normalize_words
from ..common.yamlnodes import InputError, Node, load_yaml
from ..reader.reading import Figure, read_figures

__all__ = ["Fact", "FactFile", "InputError", "Scope", "Waiver", "load_fact_file", "normalize_words"]

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")
TAG_PATTERN = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")
#: Words of pytest's -m expressions, which cannot name a marker.
TAG_KEYWORDS = ("and", "or", "not")
FILE_KEYS = ("sources", "defaults", "facts")
SCOPE_KEYS = ("paths", "published", "outlets", "exclude")
FACT_KEYS = (
    "id",
    "claim",
    "expect",
    "counts",
    "context",
    "exclude",
    "tolerance",
    "hedged",
    "min_sources",
    "sources",
    "tags",
    "xfail",
    "skip",
    "unit",
    "as_of",
    "trend",
    "newer",
    "severity",
    "waivers",
    "references",
)
#: Keys a file's ``defaults:`` may set (everything but what names a single fact).
DEFAULT_KEYS = tuple(k for k in FACT_KEYS if k not in ("id", "claim", "expect", "xfail", "skip"))
WAIVER_KEYS = ("outlet", "source", "reason", "until", "by")


@dataclass(frozen=True, slots=True)
class Scope:
    """Which sources a fact is checked against. ``None`` means "no limit"."""

    paths: tuple[Path, ...] | None = None
    published_from: dt.date | None = None
    published_to: dt.date | None = None
    outlets: tuple[str, ...] | None = None
    exclude: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Waiver:
    """An accepted difference: one outlet's (or one file's) figure, with a reason."""

    reason: str
    line: int
    outlet: str | None = None
    source: str | None = None
    until: dt.date | None = None
    by: str | None = None

    @property
    def target(self) -> str:
        return self.outlet if self.outlet is not None else f"source {self.source}"


@dataclass(frozen=True, slots=True)
class Fact:
    """One fact the desk stands behind, as written in a facts file."""

    id: str
    file: Path
    line: int
    expect: str | None = None
    expected: Figure | None = None
    claim: str | None = None
    counts: tuple[tuple[str, ...], ...] = ()
    context: tuple[tuple[tuple[str, ...], ...], ...] = ()
    exclude: tuple[tuple[str, ...], ...] = ()
    tolerance: float = 0.0
    tolerance_percent: bool = False
    hedged: str = "fail"
    min_sources: int = 1
    scope: Scope = field(default_factory=Scope)
    tags: tuple[str, ...] = ()
    xfail: str | None = None
    skip: str | None = None
    unit: str | None = None
    as_of: dt.date | None = None
    trend: str | None = None
    newer: str = "fail"
    severity: str = "error"
    waivers: tuple[Waiver, ...] = ()
    references: str = "report"

    @property
    def kind(self) -> str:
        return "expected" if self.expect is not None else "consensus"


@dataclass(frozen=True, slots=True)
class FactFile:
    """A loaded facts file: its good facts, one error per bad fact, and ``looked``: each
    source path it names, as written against its folder, with what that resolved to and
    whether it existed (what the load depends on besides the file's bytes)."""

    path: Path
    facts: tuple[Fact, ...]
    errors: tuple[InputError, ...]
    looked: tuple[tuple[str, str, bool], ...] = ()


# --------------------------------------------------------------------------- loading


def load_fact_file(
    path: Path, shown: str, default_paths: tuple[Path, ...], today: dt.date | None = None, data: bytes | None = None
) -> FactFile:
    """Read one facts file. ``shown`` is the path as messages name it; ``default_paths`` the
    source folders used when the file names none (ini ``factcheck_sources``); ``data`` its
    bytes, when already read. ``today`` is accepted and not used: nothing here depends on
    the date (waivers are judged when a fact is checked), which ``facts.cache`` relies on."""
    root = load_yaml(path, shown, isolate=True, data=data)
    if root is None or not isinstance(root.value, dict):
        where = (root.line, root.column) if root else (1, 1)
        raise InputError(shown, *where, "a facts file must be a mapping with a 'facts' list")
    problem = root.first_error(skip=("facts",))  # a bad tag or key outside the facts list
    if problem is not None:
        raise problem
    ctx = _Context(shown, path.parent)
    ctx.unknown_keys(root, FILE_KEYS, "at the top of a facts file")
    facts_node = root.value.get("facts")
    if facts_node is None:
        raise InputError(shown, root.line, root.column, "the file has no 'facts' list")
    if not isinstance(facts_node.value, list) or not facts_node.value:
        raise InputError(shown, facts_node.line, facts_node.column, "'facts' must be a non-empty list of facts")
    file_scope = Scope(paths=default_paths)
    if "sources" in root.value:
        file_scope = ctx.scope(root.value["sources"], file_scope)
    defaults = ctx.defaults(root.value.get("defaults"))
    facts: list[Fact] = []
    errors: list[InputError] = []
    seen: dict[str, int] = {}
    for node in facts_node.value:
        try:
            problem = node.first_error()  # a tag or a duplicate key drops only its own fact
            if problem is not None:
                raise problem
            fact = ctx.fact(node, file_scope, defaults)
            if fact.id in seen:
                raise InputError(
                    shown,
                    node.line,
                    node.column,
                    f"the id {fact.id!r} is already used by the fact on line {seen[fact.id]}",
                )
            seen[fact.id] = fact.line
            facts.append(fact)
        except InputError as err:
            errors.append(err.about(_readable_id(node)))
    return FactFile(path, tuple(facts), tuple(errors), tuple(sorted(set(ctx.looked))))


class _Context:
    """Validation helpers that know which file they are reading."""

    def __init__(self, shown: str, folder: Path) -> None:
        self.shown = shown
        self.folder = folder
        #: the source paths looked for: (as written against the folder, resolved, existed)
        self.looked: list[tuple[str, str, bool]] = []

    def error(self, node: Node, message: str) -> InputError:
        return InputError(self.shown, node.line, node.column, message)

    def unknown_keys(self, node: Node, allowed: tuple[str, ...], where: str) -> None:
        assert node.keys is not None
        for key, key_node in node.keys.items():
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f" (did you mean {close[0]!r}?)" if close else f"; allowed keys are {', '.join(allowed)}"
                raise self.error(key_node, f"unknown key {key!r} {where}{hint}")

    def mapping(self, node: Node, what: str) -> dict[str, Node]:
        if not isinstance(node.value, dict):
            raise self.error(node, f"{what} must be a mapping of keys to values, not {_kind(node.value)}")
        return node.value

    # -- scalar types -------------------------------------------------------------
    def text(self, node: Node, key: str) -> str:
        if isinstance(node.value, (bool, dict, list)) or node.value is None:
            raise self.error(node, f"'{key}' must be text, not {_kind(node.value)}")
        return str(node.value).strip()

    def words(self, node: Node, key: str) -> tuple[str, ...]:
        """A string or a list of strings."""
        items = node.value if isinstance(node.value, list) else [node]
        out = []
        for item in items:
            if not isinstance(item.value, (str, int, float)) or isinstance(item.value, bool):
                raise self.error(item, f"'{key}' must be a word or a list of words, not {_kind(item.value)}")
            if not str(item.value).strip():
                raise self.error(item, f"'{key}' holds an empty entry")
            out.append(str(item.value).strip())
        return tuple(out)

    def choice(self, node: Node, key: str, options: tuple[str, ...]) -> str:
        value = node.value
        if value is True and "pass" in options:  # YAML reads a bare "pass"-like yes as True
            value = "pass"
        if not isinstance(value, str) or value not in options:
            raise self.error(node, f"'{key}' must be one of {' or '.join(options)}, not {value!r}")
        return value

    def date(self, node: Node, key: str) -> dt.date:
        try:
            return parse_date(node.value, f"'{key}'")
        except DateError as err:
            raise self.error(node, str(err)) from None

    # -- compound keys --------------------------------------------------------------
    def scope(self, node: Node, base: Scope) -> Scope:
        values = self.mapping(node, "'sources'")
        self.unknown_keys(node, SCOPE_KEYS, "in 'sources'")
        scope = base
        if "paths" in values:
            scope = replace(scope, paths=tuple(self.folder_path(n) for n in _items(values["paths"])))
        if "published" in values:
            start, end = self.window(values["published"])
            scope = replace(scope, published_from=start, published_to=end)
        if "outlets" in values:
            scope = replace(scope, outlets=self.words(values["outlets"], "outlets"))
        if "exclude" in values:
            scope = replace(scope, exclude=self.words(values["exclude"], "exclude"))
        return scope

    def folder_path(self, node: Node) -> Path:
        if not isinstance(node.value, str) or not node.value.strip():
            raise self.error(node, f"a source path must be text, not {_kind(node.value)}")
        written = self.folder / node.value.strip()
        try:
            path = resolved(written)
        except ValueError as reason:
            self.looked.append((str(written), "", False))
            raise self.error(node, f"the source path {node.value!r} cannot be resolved ({reason})") from None
        self.looked.append((str(written), str(path), path.exists()))
        if not self.looked[-1][2]:
            raise self.error(node, f"the source path {node.value!r} does not exist (looked for {path})")
        return path

    def window(self, node: Node) -> tuple[dt.date | None, dt.date | None]:
        value = node.value
        if isinstance(value, dt.date):
            day = value.date() if isinstance(value, dt.datetime) else value
            return day, day
        if isinstance(value, str) and ".." not in value:
            try:
                day = parse_date(value, "'published'")
            except DateError as err:
                if "real date" in str(err):
                    raise self.error(node, str(err)) from None
            else:
                return day, day
        if isinstance(value, str) and ".." in value:
            first, _, last = (part.strip() for part in value.partition(".."))
            try:
                start = parse_date(first, "'published'") if first else None
                end = parse_date(last, "'published'") if last else None
            except DateError as err:
                if "real date" in str(err):
                    raise self.error(node, str(err)) from None
            else:
                if start and end and start > end:
                    raise self.error(node, f"'published' starts after it ends: {value!r}")
                return start, end
        raise self.error(
            node, f"'published' must be a window like 2024-01-01..2024-12-31 (either end may be empty), not {value!r}"
        )

    def tolerance(self, node: Node) -> tuple[float, bool]:
        value = node.value
        if isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0:
            return float(value), False
        if isinstance(value, str) and value.strip().endswith("%"):
            try:
                number = float(value.strip()[:-1])
            except ValueError:
                pass
            else:
                if number >= 0:
                    return number, True
        raise self.error(node, f"'tolerance' must be a number like 2 or a percentage like \"5%\", not {value!r}")

    def count(self, node: Node, key: str) -> int:
        if not isinstance(node.value, int) or isinstance(node.value, bool) or node.value < 0:
            raise self.error(node, f"'{key}' must be a whole number of sources (0 or more), not {node.value!r}")
        return node.value

    def context(self, node: Node) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Each entry is a phrase or a list of alternative phrases."""
        entries = []
        for item in _items(node):
            alternatives = self.words(item, "context")
            entries.append(tuple(normalize_words(a) for a in alternatives))
        return tuple(entries)

    def reason(self, node: Node, key: str) -> str:
        if node.value is True:
            return f"marked {key} in the facts file"
        return self.text(node, key)

    def waivers(self, node: Node) -> tuple[Waiver, ...]:
        out = []
        for item in _items(node):
            values = self.mapping(item, "a waiver")
            self.unknown_keys(item, WAIVER_KEYS, "in a waiver")
            if ("outlet" in values) == ("source" in values):
                raise self.error(item, "a waiver names exactly one 'outlet' or one 'source'")
            if "reason" not in values or not str(values["reason"].value or "").strip():
                raise self.error(item, "a waiver needs a 'reason' that says why the difference is accepted")
            out.append(
                Waiver(
                    reason=self.text(values["reason"], "reason"),
                    line=item.line,
                    outlet=self.text(values["outlet"], "outlet") if "outlet" in values else None,
                    source=self.text(values["source"], "source") if "source" in values else None,
                    until=self.date(values["until"], "until") if "until" in values else None,
                    by=self.text(values["by"], "by") if "by" in values else None,
                )
            )
        return tuple(out)

    def defaults(self, node: Node | None) -> dict[str, Node]:
        if node is None:
            return {}
        values = self.mapping(node, "'defaults'")
        self.unknown_keys(node, DEFAULT_KEYS, "in 'defaults'")
        return values

    # -- a fact -----------------------------------------------------------------
    def fact(self, node: Node, file_scope: Scope, defaults: dict[str, Node]) -> Fact:
        values = self.mapping(node, "each fact")
        self.unknown_keys(node, FACT_KEYS, "in a fact")
        if "id" not in values:
            raise self.error(node, "this fact has no 'id'")
        fact_id = self.text(values["id"], "id")
        if not ID_PATTERN.match(fact_id):
            raise self.error(
                values["id"],
                f"the id {fact_id!r} must be lower-case letters, digits, '-', '_' or '.', starting with a letter or digit",
            )
        merged = {**defaults, **values}
        fact = Fact(id=fact_id, file=Path(self.shown), line=values["id"].line, scope=file_scope)
        changes: dict[str, Any] = {}
        for key, node_value in merged.items():
            if key != "id":
                changes.update(self.fact_key(key, node_value, file_scope))
        if "expect" not in changes and not changes.get("counts"):
            raise self.error(
                node,
                f"the fact {fact_id!r} needs 'expect' (the figure the desk stands behind), or 'counts' to compare the sources with each other",
            )
        fact = replace(fact, **changes)
        if fact.expected is not None and not fact.counts and fact.expected.kind == "count":
            noun = fact.expected.noun
            if not noun:
                where = merged["expect"]
                raise self.error(
                    where,
                    f"the expected figure {fact.expect!r} names nothing it counts: add a noun (\"140 attacks\") or 'counts'",
                )
            fact = replace(fact, counts=(normalize_words(fact.expected.phrase or noun),))
        if fact.trend is not None and fact.as_of is None:
            raise self.error(merged["trend"], "'trend' needs 'as_of', the date the desk's figure was true")
        return fact

    def fact_key(self, key: str, node: Node, file_scope: Scope) -> dict[str, Any]:
        handler = self._handlers()[key]
        return handler(node, file_scope)

    def _handlers(self) -> dict[str, Callable[[Node, Scope], dict[str, Any]]]:
        return {
            "claim": lambda n, s: {"claim": self.text(n, "claim")},
            "expect": lambda n, s: self.expect(n),
            "counts": lambda n, s: {"counts": tuple(normalize_words(w) for w in self.words(n, "counts"))},
            "context": lambda n, s: {"context": self.context(n)},
            "exclude": lambda n, s: {"exclude": tuple(normalize_words(w) for w in self.words(n, "exclude"))},
            "tolerance": lambda n, s: dict(zip(("tolerance", "tolerance_percent"), self.tolerance(n))),
            "hedged": lambda n, s: {"hedged": self.choice(n, "hedged", ("fail", "pass"))},
            "min_sources": lambda n, s: {"min_sources": self.count(n, "min_sources")},
            "sources": lambda n, s: {"scope": self.scope(n, s)},
            "tags": lambda n, s: {"tags": self.tags(n)},
            "xfail": lambda n, s: {"xfail": self.reason(n, "xfail")},
            "skip": lambda n, s: {"skip": self.reason(n, "skip")},
            "unit": lambda n, s: {"unit": self.unit(n)},
            "as_of": lambda n, s: {"as_of": self.date(n, "as_of")},
            "trend": lambda n, s: {"trend": self.choice(n, "trend", ("rising", "falling"))},
            "newer": lambda n, s: {"newer": self.choice(n, "newer", ("fail", "pass"))},
            "severity": lambda n, s: {"severity": self.choice(n, "severity", ("error", "warning"))},
            "waivers": lambda n, s: {"waivers": self.waivers(n)},
            "references": lambda n, s: {"references": self.choice(n, "references", ("report", "fail"))},
        }

    def expect(self, node: Node) -> dict[str, Any]:
        text = self.text(node, "expect")
        figures = [f for f in read_figures(text) if not f.previous]
        if not figures:
            raise self.error(node, f"'expect' holds no figure the reader can find: {text!r}")
        if len(figures) > 1:
            found = ", ".join(repr(f.text) for f in figures)
            raise self.error(node, f"'expect' must hold one figure, but {text!r} holds {len(figures)}: {found}")
        return {"expect": text, "expected": figures[0]}

    def tags(self, node: Node) -> tuple[str, ...]:
        tags = self.words(node, "tags")
        for tag, item in zip(tags, _items(node)):
            if not TAG_PATTERN.match(tag) or tag in TAG_KEYWORDS:
                raise self.error(
                    item,
                    f"the tag {tag!r} must be a word of letters, digits, '_' and '-' (not and, or, not) "
                    "so that -m can select it",
                )
        return tags

    def unit(self, node: Node) -> str:
        from ..reader.units import unit_name

        text = self.text(node, "unit")
        name = unit_name(text)
        if name is None:
            raise self.error(
                node, f"'unit' must be a unit of measure such as km, miles, kg or USD; {text!r} is not one"
            )
        return name


def _readable_id(node: Node) -> str | None:
    """A bad fact's id, when it has a usable one, to name the fact in reports."""
    value = node.value.get("id") if isinstance(node.value, dict) else None
    if value is None or not isinstance(value.value, str) or not ID_PATTERN.match(value.value.strip()):
        return None
    return value.value.strip()


def _items(node: Node) -> list[Node]:
    return node.value if isinstance(node.value, list) else [node]


def _kind(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return repr(value)
