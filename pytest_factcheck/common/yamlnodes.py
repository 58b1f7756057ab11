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

    def __init__(self, path: str, line: int, column: int, message: str) -> None:
        super().__init__(f"{path}:{line}:{column}: {message}")
        self.path = path
        self.line = line
        self.column = column
        self.message = message


@dataclass(frozen=True, slots=True)
class Node:
    """A YAML value with its 1-based position. ``value`` holds Nodes for lists and mappings
    (``dict[str, Node]`` with ``keys`` giving each key's own Node), plain Python otherwise."""

    value: Any
    line: int
    column: int
    keys: dict[str, Node] | None = None

    def plain(self) -> Any:
        """The value with all positions dropped."""
        if isinstance(self.value, list):
            return [item.plain() for item in self.value]
        if isinstance(self.value, dict):
            return {key: item.plain() for key, item in self.value.items()}
        return self.value


class _Constructor(yaml.constructor.SafeConstructor):
    pass


def load_yaml(path: Path, shown: str) -> Node | None:
    """Parse ``path`` into Nodes; ``shown`` is the path as errors name it.

    Returns None for an empty document. Raises InputError for any syntax error, bad tag or
    undecodable text.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(shown, 1, 1, f"the file is not valid UTF-8 ({err.reason} at byte {err.start})") from None
    return load_yaml_text(text, shown)


def load_yaml_text(text: str, shown: str) -> Node | None:
    """``load_yaml`` for text already read (a Markdown file's front matter, say)."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        raise _marked(shown, err) from None
    except yaml.YAMLError as err:  # pragma: no cover - every PyYAML parse error is marked
        raise InputError(shown, 1, 1, f"the YAML cannot be read: {err}") from None
    if root is None:
        return None
    return _convert(root, shown, _Constructor())


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


def _convert(node: yaml.Node, shown: str, constructor: _Constructor) -> Node:
    line, column = node.start_mark.line + 1, node.start_mark.column + 1
    plain = _PLAIN_TAGS.get(type(node))
    if plain is not None and node.tag != plain:
        raise InputError(
            shown, line, column, f"the tag {node.tag!r} is not allowed: facts files hold plain values only"
        )
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(node, shown, constructor, line, column)
    if isinstance(node, yaml.SequenceNode):
        return Node([_convert(item, shown, constructor) for item in node.value], line, column)
    try:
        value = constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as err:
        problem = (err.problem or "cannot be read").strip()
        raise InputError(shown, line, column, f"the value {node.value!r} is not allowed here: {problem}") from None
    return Node(value, line, column)


def _convert_mapping(node: yaml.MappingNode, shown: str, constructor: _Constructor, line: int, column: int) -> Node:
    values: dict[str, Node] = {}
    keys: dict[str, Node] = {}
    for key_node, value_node in node.value:
        key = _convert(key_node, shown, constructor)
        if key_node.tag == "tag:yaml.org,2002:merge":
            raise InputError(shown, key.line, key.column, "YAML merge keys (<<) are not supported in facts files")
        if not isinstance(key.value, str):
            raise InputError(shown, key.line, key.column, f"keys must be words, not {key.value!r}")
        if key.value in values:
            raise InputError(shown, key.line, key.column, f"the key {key.value!r} is given twice in the same mapping")
        values[key.value] = _convert(value_node, shown, constructor)
        keys[key.value] = key
    return Node(values, line, column, keys)
