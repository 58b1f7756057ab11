"""Stage 1: a facts file -> ``Fact`` objects (format v1, docs/facts-format.md).

May import: ``reader`` (to read ``expect:``) and ``common``.
"""

from __future__ import annotations

from .loading import Fact, FactFile, InputError, Scope, Waiver, load_fact_file

__all__ = ["Fact", "FactFile", "InputError", "Scope", "Waiver", "load_fact_file"]
