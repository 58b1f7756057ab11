"""Stage 2b, the reader: article text -> sentences -> figures.

A figure is a number an article states, with its hedge, interval, kind, unit and what it
counts. The rules, each with an example, are in docs/reader.md; the code is split by
stage (tokens, hedges, notfigures, nouns, measures; reading.py orchestrates), and each
module's docstring lists its rules.

May import: ``common``.
"""

from __future__ import annotations

from .reading import READER_VERSION, Figure, Sentence, read_figures, read_sentences

__all__ = ["READER_VERSION", "Figure", "Sentence", "read_figures", "read_sentences"]
