"""Stage 3: a ``Fact`` x the figures of every source -> findings -> verdicts.

``corpus`` indexes every source's figures; ``check`` matches a fact's candidates and
decides one verdict per (fact, source).

May import: ``facts``, ``sources``, ``reader`` and ``common``.
"""

from __future__ import annotations

from .check import Finding, Result, check_fact
from .corpus import Corpus

__all__ = ["Corpus", "Finding", "Result", "check_fact"]
