"""Stage 2a: source folders -> sources (with what manifests say of each) -> articles, whose
figures the reader found, kept in the readings cache between runs.

May import: ``reader`` and ``common``.
"""

from __future__ import annotations

from .articles import Article, Mention
from .finding import Source, find_sources

__all__ = ["Article", "Mention", "Source", "find_sources"]
