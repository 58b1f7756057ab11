"""The one way the package writes a file: atomically, with the permissions the umask gives.

Every report (JSON findings, HTML, GitLab Code Quality) and every readings-cache entry is
written here: into a temporary file with a unique name in the target folder, then renamed
over the target, so a reader (or a concurrent pytest-xdist worker) never sees half a file,
and a failed write leaves nothing behind. ``mkstemp`` creates its file 0600; the file is
given ``0666 & ~umask`` (0644 under umask 022), like any file ``open()`` creates.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

__all__ = ["output_problem", "write_atomic", "write_json_entry", "write_text_atomic"]


def _umask() -> int:
    try:  # Linux: read it without changing it (os.umask would, for a moment, for every thread)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_atomic(path: Path, write: Callable[[TextIO], object]) -> None:
    """Write ``path`` (UTF-8) by calling ``write`` with the open file, atomically.

    Creates missing parent folders. Raises OSError when the file cannot be written; the
    temporary file is removed then.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.chmod(temporary, 0o666 & ~_umask())
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            write(out)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


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
