"""A facts file as loaded, kept between runs: a run where a facts file has not changed
does not parse its YAML with positions or validate its facts again.

Keyed like a compiled module: by the file's bytes, where it is (its path as shown in
messages and its folder as named, not resolved: relative ``sources`` paths are read
against it, so a link and its target are two places), the source
folders it falls back on, the format below and the code that loads facts. An entry holds
the ``FactFile`` as tagged JSON (``{"@": "Fact", "v": [each field, in order]}``,
``{"@path": ...}``, ``{"@date": ...}``; JSON lists are tuples), and is kept only when it
decodes to a ``FactFile`` whose ``repr`` is the loaded one's, so a cached load is exactly
a fresh one (verdict keys hash that ``repr``). It is taken back only while every source
path the file names resolves and exists as it did (``FactFile.looked``): a folder made
since turns a fact's "does not exist" error into a fact. A file that fails to load as a
whole is not kept.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path
from typing import Any

from ..common.files import code_print, kept, resolved
from ..common.yamlnodes import InputError
from ..reader.reading import READER_VERSION, Figure
from .loading import Fact, FactFile, Scope, Waiver, load_fact_file

__all__ = ["load_fact_file_kept"]

FORMAT = 1
#: The code a facts file's loading depends on (besides the reader, by its version).
_CODE = ("facts/loading.py", "common/yamlnodes.py", "common/dates.py", "common/words.py")
_TYPES: dict[str, type] = {cls.__name__: cls for cls in (Fact, Scope, Waiver, Figure)}
#: Each kept type's fields, in order: an instance is kept as ``{"@": name, "v": [values]}``.
_FIELDS: dict[type, tuple[str, ...]] = {cls: tuple(f.name for f in dataclasses.fields(cls)) for cls in _TYPES.values()}


def load_fact_file_kept(
    path: Path, shown: str, default_paths: tuple[Path, ...], folder: Path | None
) -> tuple[FactFile, bool]:
    """``load_fact_file``, through the cache folder ``folder`` (None: none). Returns the
    file and whether its kept entry was unreadable (it was loaded afresh and rewritten).
    Raises ``InputError`` as ``load_fact_file`` does, for a file that fails as a whole."""
    try:
        data = path.read_bytes() if folder is not None else None
    except OSError:  # unreadable: loading says so, in one sentence
        data = None
    if folder is None or data is None:
        return load_fact_file(path, shown, default_paths), False
    digest = hashlib.sha256(
        repr((FORMAT, READER_VERSION, code_print(*_CODE), shown, str(path.absolute().parent), default_paths)).encode()
    )
    digest.update(data)
    return kept(
        folder,
        "facts",
        digest.hexdigest(),
        lambda: load_fact_file(path, shown, default_paths, data=data),
        _dump,
        _restore,
        _still_true,
    )


def _still_true(loaded: FactFile) -> bool:
    """Whether every source path the file names resolves and exists as when it was loaded
    (a folder made or removed since, or a link pointed elsewhere, changes its facts)."""
    for written, was, existed in loaded.looked:
        try:
            now = resolved(Path(written))
        except ValueError:  # a symlink loop: loading it again says so
            return False
        if str(now) != was or now.exists() != existed:
            return False
    return True


def _dump(loaded: FactFile) -> dict[str, Any] | None:
    value = {"facts": _encode(loaded), "errors": [list(e.parts()) for e in loaded.errors]}
    try:
        same = repr(_restore(value)) == repr(loaded)
    except (TypeError, KeyError, ValueError):
        same = False
    return value if same else None


def _restore(value: dict[str, Any]) -> FactFile:
    loaded = _decode(value["facts"])
    if not isinstance(loaded, FactFile) or not all(
        isinstance(f, Fact) and isinstance(f.scope, Scope) and isinstance(f.file, Path) for f in loaded.facts
    ):
        raise TypeError("not a facts file")
    return dataclasses.replace(loaded, errors=tuple(InputError(*parts) for parts in value["errors"]))


def _encode(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_encode(item) for item in value]
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, FactFile):
        return {"@": "FactFile", "v": [_encode(value.path), _encode(value.facts), _encode(value.looked)]}
    names = _FIELDS.get(type(value))
    if names is not None:
        return {"@": type(value).__name__, "v": [_encode(getattr(value, name)) for name in names]}
    if isinstance(value, Path):
        return {"@path": str(value)}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"@date": value.isoformat()}
    raise TypeError(f"cannot keep a {type(value).__name__}")


def _decode(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(_decode(item) for item in value)
    if not isinstance(value, dict):
        return value
    if "@path" in value:
        return Path(value["@path"])
    if "@date" in value:
        return dt.date.fromisoformat(value["@date"])
    fields = [_decode(item) for item in value["v"]]
    if value["@"] == "FactFile":
        return FactFile(fields[0], fields[1], (), fields[2])
    return _TYPES[value["@"]](*fields)
