"""Markdown sources (``*.md``) -> YAML front matter and the text a reader sees, line for line.

Front matter is the block between a first line ``---`` and the next ``---`` (or ``...``)
line. Its keys ``outlet``, ``published``, ``title``, ``url`` and ``role`` set the source's
metadata (other keys, which CMSs add freely, are ignored); it is never read as text. The
rest is parsed by markdown-it-py (CommonMark with tables) and each block's text is put back
on the file line its token's map gives: headings, emphasis, links (their words, never their
address), images (their alt text), table cells (joined by "; ", one row per line) and code
are read as a reader sees them; raw HTML is not read. So a figure's line is its line in
the file; its column counts the visible text of that line.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..common.yamlnodes import InputError, load_yaml_text
from .finding import ROLES

__all__ = ["FRONT_MATTER_KEYS", "front_matter", "visible_text"]

FRONT_MATTER_KEYS = ("outlet", "published", "title", "url", "role")
_FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[str | None, int]:
    """The front matter with every other line blanked (so YAML positions are file positions),
    and the number of lines it takes (0 when there is none)."""
    if not _FENCE.match(text):
        return None, 0
    close = _CLOSE.search(text, _FENCE.match(text).end())  # type: ignore[union-attr]
    if close is None:
        return None, 0
    block = text[: close.start()]
    lines = block.count("\n") + 1
    return "\n" + block.split("\n", 1)[1], lines


def front_matter(text: str, shown: str) -> dict[str, Any]:
    """The front matter's metadata as ``Source`` keyword arguments ({} when there is none).

    Raises InputError at file:line:column for YAML that cannot be read or a bad value:
    ``published: Jan. 22`` -> "'published' must be a date written YYYY-MM-DD"."""
    block, _ = split_front_matter(text)
    if block is None:
        return {}
    root = load_yaml_text(block, shown)
    if root is None:
        return {}
    if not isinstance(root.value, dict):
        raise InputError(shown, root.line, root.column, "front matter must be a mapping of keys to values")
    found: dict[str, Any] = {}
    for key in FRONT_MATTER_KEYS:
        node = root.value.get(key)
        if node is None or node.value is None:
            continue
        value = node.value
        if key == "published":
            if isinstance(value, dt.datetime):
                value = value.date()
            elif not isinstance(value, dt.date):
                try:
                    value = dt.date.fromisoformat(str(value).strip()[:10])
                except ValueError:
                    raise InputError(
                        shown, node.line, node.column, f"'published' must be a date written YYYY-MM-DD, not {value!r}"
                    ) from None
        elif isinstance(value, (dict, list)):
            raise InputError(shown, node.line, node.column, f"front matter {key!r} must be text")
        else:
            value = str(value).strip()
            if key == "role" and value not in ROLES:
                raise InputError(shown, node.line, node.column, f"'role' must be draft or reference, not {value!r}")
        found[key] = value
    return found


def visible_text(text: str) -> str:
    """The text a reader sees, on the lines it is written on (front matter blanked)."""
    from markdown_it import MarkdownIt

    _, skip = split_front_matter(text)
    source_lines = text.split("\n")
    body = "\n" * skip + "\n".join(source_lines[skip:])
    out = [""] * len(source_lines)
    parser = MarkdownIt("commonmark").enable("table")
    row_end: int | None = None
    for token in parser.parse(body):
        if token.type == "tr_open" and token.map:
            row_end = token.map[0]
        elif token.type == "tr_close" and row_end is not None:
            out[row_end] += "."
            row_end = None
        elif token.type == "inline" and token.map:
            _place(out, token.map[0], _inline(token.children or []), row_end is not None)
        elif token.type in ("fence", "code_block") and token.map:
            first = token.map[0] + (1 if token.type == "fence" else 0)
            _place(out, first, token.content.rstrip("\n"), False)
    return "\n".join(out)


def _place(out: list[str], first: int, text: str, cell: bool) -> None:
    for i, line in enumerate(text.split("\n")):
        if first + i >= len(out):
            break
        out[first + i] = f"{out[first + i]}; {line}" if cell and out[first + i] else out[first + i] + line


def _inline(children: list[Any]) -> str:
    parts = []
    for child in children:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline(child.children or []) or child.content)
    return "".join(parts)
