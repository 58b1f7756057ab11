"""Load YAML safely while keeping where each value was written.

``yaml.safe_load`` forgets positions, and editors need ``file:line:column`` in every error.
We compose the node tree (libyaml when available), build plain Python values from it with
PyYAML's *safe* constructor, and keep each value's mark beside it. No object is ever built
from a tag: an unknown tag is an error, reported at its position.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is much faster on large files; both keep node marks.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = ["InputError", "Node", "load_yaml", "load_yaml_text"]


class InputError(Exception):
    """A problem with an input file, told in one sentence at ``path:line:column``."""

    def __init__(self, path: str, line: int, column: int, message: str, subject: str | None = None) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.line = line
        self.column = column
        self.message = message
        #: What the error is about, when it can be told (a bad fact's id), else None.
        self.subject = subject

    def about(self, subject: str | None) -> InputError:
        """The same error, naming what it is about."""
        return InputError(self.path, self.line, self.column, self.message, subject)

    def as_dict(self) -> dict[str, object]:
        """The error as the JSON findings' ``errors`` list holds it."""
        return {"file": self.path, "line": self.line, "column": self.column, "message": self.message}

    def parts(self) -> tuple[str, int, int, str, str | None]:
        """The arguments that make this error again (``InputError(*error.parts())``)."""
        return (self.path, self.line, self.column, self.message, self.subject)

    # keep every field when pickled
    def __reduce__(self) -> tuple[type[InputError], tuple[str, int, int, str, str | None]]:
        return (InputError, self.parts())


@dataclass(frozen=True, slots=True)
class Node:
    """A YAML value with its 1-based position. ``value`` holds Nodes for lists and mappings
    (``dict[str, Node]`` with ``keys`` giving each key's own Node), plain Python otherwise.

    ``error`` is set on a value that could not be read (a tag, a duplicate key, a merge key):
    ``load_yaml(..., isolate=True)`` leaves such values in the tree so that a loader can drop
    only the fact or manifest entry that holds one (see ``first_error``)."""

    value: Any
    line: int
    column: int
    keys: dict[str, Node] | None = None
    error: InputError | None = None

    def plain(self) -> Any:
        """The value with all positions dropped."""
        if isinstance(self.value, list):
            return [item.plain() for item in self.value]
        if isinstance(self.value, dict):
            return {key: item.plain() for key, item in self.value.items()}
        return self.value

    def first_error(self, skip: tuple[str, ...] = ()) -> InputError | None:
        """The first unreadable value in this subtree, in file order, or None. ``skip``
        names keys of this mapping whose values are left for their own check."""
        found: list[InputError] = []
        stack: list[tuple[Node, tuple[str, ...]]] = [(self, skip)]
        seen: set[int] = set()
        while stack:
            node, leave = stack.pop()
            if id(node) in seen:
                continue
            seen.add(id(node))
            if node.error is not None:
                found.append(node.error)
            if isinstance(node.value, list):
                stack.extend((item, ()) for item in node.value)
            elif isinstance(node.value, dict):
                stack.extend((item, ()) for key, item in node.value.items() if key not in leave)
        return min(found, key=lambda e: (e.line, e.column)) if found else None


class _Constructor(yaml.constructor.SafeConstructor):
    pass


def load_yaml(path: Path, shown: str, *, isolate: bool = False, data: bytes | None = None) -> Node | None:
    """Parse ``path`` into Nodes; ``shown`` is the path as errors name it.

    Returns None for an empty document. Raises InputError for any syntax error, an
    unreadable file or undecodable text. A bad tag, a duplicate key or a merge key is raised too, unless
    ``isolate``: then it is kept on its Node (``Node.error``) for the caller to report
    for the one fact or entry that holds it. ``data``: the file's bytes, when the caller has
    read them already (so that what it keys a cache by is what is parsed).
    """
    try:
        text = (path.read_bytes() if data is None else data).decode("utf-8-sig")
        text = text.replace("\r\n", "\n").replace("\r", "\n")  # universal newlines, as text files read
    except UnicodeDecodeError as err:
        raise InputError(shown, 1, 1, f"the file is not valid UTF-8 ({err.reason} at byte {err.start})") from None
    except OSError as err:
        raise InputError(shown, 1, 1, f"the file cannot be read ({err.strerror or err})") from None
    return load_yaml_text(text, shown, isolate=isolate)


def load_yaml_text(text: str, shown: str, *, isolate: bool = False) -> Node | None:
    """``load_yaml`` for text already read (a Markdown file's front matter, say)."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        raise _marked(shown, err) from None
    except yaml.reader.ReaderError as err:  # a control character: unmarked, but it has a position
        line = text.count("\n", 0, err.position) + 1
        column = err.position - (text.rfind("\n", 0, err.position) + 1) + 1
        character = chr(err.character) if isinstance(err.character, int) else str(err.character)
        raise InputError(
            shown, line, column, f"the file holds a character YAML does not allow: U+{ord(character[:1] or ' '):04X}"
        ) from None
    except yaml.YAMLError as err:  # pragma: no cover - every other PyYAML parse error is marked
        raise InputError(shown, 1, 1, f"the YAML cannot be read: {err}") from None
    if root is None:
        return None
    converted = _Converter(shown).convert(root)
    if not isolate:
        error = converted.first_error()
        if error is not None:
            raise error
    return converted


def _marked(shown: str, err: yaml.MarkedYAMLError) -> InputError:
    mark = err.problem_mark or err.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = (err.problem or err.context or "invalid YAML").strip()
    context = f" {err.context.strip()}" if err.context and err.problem else ""
    return InputError(shown, line, column, f"YAML syntax error: {problem}{context}")


_PLAIN_TAGS: dict[type[yaml.Node], str] = {
    yaml.MappingNode: "tag:yaml.org,2002:map",
    yaml.SequenceNode: "tag:yaml.org,2002:seq",
}
#: Scalar tags a facts file or manifest may hold (YAML's core schema, plus dates).
_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_STR = "tag:yaml.org,2002:str"


class _Converter:
    """Composed YAML nodes -> Nodes. An alias is converted once and shared, so a "billion
    laughs" document costs no more than its text; an alias inside itself is an error."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.constructor = _Constructor()
        self.done: dict[int, Node] = {}
        self.open: set[int] = set()

    def bad(self, line: int, column: int, message: str, value: Any = None) -> Node:
        return Node(value, line, column, error=InputError(self.shown, line, column, message))

    def convert(self, node: yaml.Node) -> Node:
        key = id(node)
        if key in self.done:
            return self.done[key]
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if key in self.open:
            return self.bad(line, column, "a YAML alias refers to the value that holds it")
        self.open.add(key)
        try:
            converted = self._convert(node, line, column)
        finally:
            self.open.discard(key)
        self.done[key] = converted
        return converted

    def _convert(self, node: yaml.Node, line: int, column: int) -> Node:
        if node.tag == _STR and isinstance(node, yaml.ScalarNode):  # most values: the text as written
            return Node(node.value, line, column)
        plain = _PLAIN_TAGS.get(type(node))
        if (plain is not None and node.tag != plain) or (plain is None and node.tag not in _SCALAR_TAGS):
            tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            return self.bad(
                line, column, f"the tag {tag} is not allowed: facts files and manifests hold plain values only"
            )
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, line, column)
        if isinstance(node, yaml.SequenceNode):
            return Node([self.convert(item) for item in node.value], line, column)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as err:
            problem = (err.problem or "cannot be read").strip()
            return self.bad(line, column, f"the value {node.value!r} is not allowed here: {problem}")
        except Exception:  # any other failure of PyYAML's constructors (!!bool maybe is a KeyError)
            if node.tag == _TIMESTAMP:  # 2025-02-30: the text, for the date parser to explain
                return Node(node.value, line, column)
            tag = node.tag.replace("tag:yaml.org,2002:", "!!", 1)
            return self.bad(line, column, f"the value {node.value!r} cannot be read as {tag}")
        return Node(value, line, column)

    def _mapping(self, node: yaml.MappingNode, line: int, column: int) -> Node:
        values: dict[str, Node] = {}
        keys: dict[str, Node] = {}
        error: InputError | None = None
        for key_node, value_node in node.value:
            key = self.convert(key_node)
            problem = None
            if key_node.tag == "tag:yaml.org,2002:merge":
                problem = "YAML merge keys (<<) are not supported in facts files"
            elif key.error is not None:
                error = error or key.error
                continue
            elif not isinstance(key.value, str):
                problem = f"keys must be words, not {key.value!r}"
            elif key.value in values:
                problem = f"the key {key.value!r} is given twice in the same mapping"
            if problem is not None:
                error = error or InputError(self.shown, key.line, key.column, problem)
                continue
            values[key.value] = self.convert(value_node)
            keys[key.value] = key
        return Node(values, line, column, keys, error)
