"""The one way the package writes a file: atomically, with the permissions the umask gives.

Every report (JSON findings, HTML, GitLab Code Quality) and every readings-cache entry is
written here: into a temporary file with a unique name in the target folder, then renamed
over the target, so a reader (or a concurrent pytest-xdist worker) never sees half a file,
and a failed write leaves nothing behind. The file gets ``0666 & ~umask`` (0644 under
umask 022), like any file ``open()`` creates.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import secrets
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TextIO, TypeVar

__all__ = [
    "code_print",
    "kept",
    "output_problem",
    "resolved",
    "write_atomic",
    "write_json_entry",
    "write_text_atomic",
]

T = TypeVar("T")
_PACKAGE = Path(__file__).resolve().parent.parent


def write_atomic(path: Path, write: Callable[[TextIO], object]) -> None:
    """Write ``path`` (UTF-8) by calling ``write`` with the open file, atomically.

    Creates missing parent folders. Raises OSError when the file cannot be written; the
    temporary file is removed then.
    """
    handle, temporary = _temporary(path)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _temporary(path: Path) -> tuple[int, str]:
    """A new file beside ``path`` with a name no other process or thread picks, opened for
    writing. Created ``0666`` so that the kernel applies the umask, as ``open()`` does
    (``tempfile.mkstemp`` makes it 0600, and reading the umask back costs a system file
    per entry: a fifth of writing a cache entry). Makes the folder only when it is missing."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for attempt in range(100):
        temporary = f"{path.parent}{os.sep}.{path.name}.{os.getpid()}.{secrets.token_hex(6)}.tmp"
        try:
            return os.open(temporary, flags, 0o666), temporary
        except FileNotFoundError:
            if attempt:
                raise
            path.parent.mkdir(parents=True, exist_ok=True)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def write_text_atomic(path: Path, text: str) -> None:
    """``write_atomic`` for a string."""
    write_atomic(path, lambda out: out.write(text))


def write_json_entry(path: Path, entry: dict[str, Any]) -> None:
    """Store a cache entry as compact JSON, atomically (a reader sees the old file or the
    new one, never half of one); a cache that cannot be written only costs a fresh read
    next time. Encoded in one piece: ``json.dumps`` runs CPython's C encoder, ``json.dump``
    to a file the pure-Python one (about half the cost of a cold read was that)."""
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
    with contextlib.suppress(OSError):
        write_atomic(path, lambda out: out.write(text))


def resolved(path: Path) -> Path:
    """``path.resolve()``, or ValueError with the reason in words when a path the user wrote
    cannot be resolved: "a symbolic link loop" (pathlib raises RuntimeError for one before
    Python 3.13, OSError after)."""
    try:
        return path.resolve()
    except RuntimeError:
        raise ValueError("a symbolic link loop") from None
    except OSError as err:
        raise ValueError("a symbolic link loop" if err.errno == errno.ELOOP else err.strerror or str(err)) from None


@cache
def code_print(*modules: str) -> str:
    """sha256 of the package's own code: of the modules named (paths from the package
    folder, ``"facts/loading.py"``), or of every module when none is named. A cache entry
    whose key holds it is not reused by other code."""
    digest = hashlib.sha256()
    paths = [_PACKAGE / name for name in modules] if modules else sorted(_PACKAGE.rglob("*.py"))
    for path in paths:
        digest.update(path.relative_to(_PACKAGE).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
    return digest.hexdigest()


def kept(
    folder: Path | None,
    kind: str,
    key: str,
    make: Callable[[], T],
    dump: Callable[[T], Any],
    restore: Callable[[Any], T],
    valid: Callable[[T], bool] | None = None,
) -> tuple[T, bool]:
    """``make()``, kept between runs as ``folder/kind/<2 hex>/<key>.json`` (``key``: a sha256
    of everything the value depends on, the code's ``code_print`` and an entry format
    included, so that another version is another file). ``dump`` turns the value into JSON
    (None: do not keep it); ``restore`` turns that back, raising ``ValueError``,
    ``KeyError``, ``TypeError`` or ``IndexError`` on a damaged entry.

    ``valid``, if given, says whether a restored value still holds (it may depend on more
    than its key: a folder that exists now); one that does not is made afresh, quietly.

    Returns the value and whether a kept entry was there but unreadable (then it was made
    afresh and rewritten; the caller says so). ``folder`` None: always made, never kept.
    """
    if folder is None:
        return make(), False
    stored = folder / kind / key[:2] / f"{key}.json"
    damaged = False
    if stored.exists():
        try:
            entry = json.loads(stored.read_text(encoding="utf-8"))
            if entry["key"] != key:
                raise ValueError("another key's entry")
            value = restore(entry["value"])
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            damaged = True
        else:
            if valid is None or valid(value):
                return value, False
    value = make()
    payload = dump(value)
    if payload is not None:
        write_json_entry(stored, {"key": key, "value": payload})
    return value, damaged


def output_problem(path: Path) -> str | None:
    """Why ``path`` cannot be written as a report, in words ("is a folder"), or None.

    Checked before a run, so that a report path that cannot work is a usage error rather
    than a failure after every fact has been checked. The nearest existing folder is
    probed with a real temporary file (permission bits alone say nothing for root or on
    special file systems such as /proc).
    """
    if path.is_dir():
        return "is a folder, not a file"
    folder = path.parent
    while not folder.exists():
        if folder.parent == folder:
            return "is in a folder that cannot be made"
        folder = folder.parent
    if not folder.is_dir():
        return f"cannot be made: {folder} is a file, not a folder"
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=".factcheck-probe.", suffix=".tmp")
    except OSError as err:
        return f"cannot be written: no file can be made in {folder} ({err.strerror or err})"
    os.close(handle)
    Path(temporary).unlink(missing_ok=True)
    return None
