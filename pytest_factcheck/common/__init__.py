"""Shared ground for every stage: YAML nodes that remember their file:line:column, the
one-sentence ``InputError``, and how words are normalised for matching.

May import: nothing else from pytest_factcheck.
"""
