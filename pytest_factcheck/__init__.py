"""pytest-factcheck: check the figures a newsroom stands behind against every source article.

PYTEST_DONT_REWRITE: the package's asserts are internal invariants, not tests, so pytest
need not rewrite them (nor warn that it cannot, when the package was imported first).
"""

from __future__ import annotations

from .reader.reading import Figure, Sentence, read_figures, read_sentences

__version__ = "0.1.0"


class FactcheckWarning(UserWarning):
    """A fact with ``severity: warning`` that would have failed, or a soft problem (an unused
    waiver, an undecodable source file, a rebuilt cache entry)."""


__all__ = ["FactcheckWarning", "Figure", "Sentence", "__version__", "read_figures", "read_sentences"]
