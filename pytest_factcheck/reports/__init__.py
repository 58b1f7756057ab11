"""Stage 4: findings -> reports. ``findings_json`` turns a checked fact into its JSON entry
(built-in types only: it crosses the xdist wire), and every other report is drawn from
that document: the failure text, the terminal matrix, HTML, GitHub, GitLab.

May import: ``checking``, ``facts``, ``sources``, ``reader`` and ``common``.
"""
