"""Stage 3: a ``Fact`` x the figures of every source -> findings -> verdicts.

``corpus`` indexes every source's figures (by noun, kind and the words near them);
``check`` selects a fact's candidates, matches them and decides one verdict per (fact,
source); ``verdict_cache`` keeps a fact's findings between runs.

May import: ``facts``, ``sources``, ``reader`` and ``common``.
"""

from __future__ import annotations

from .check import Finding, Result, check_fact
from .corpus import Corpus

__all__ = ["Corpus", "Finding", "Result", "check_fact"]
