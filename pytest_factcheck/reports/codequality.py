"""GitLab Code Quality report (``artifacts: reports: codequality``).

``codequality(doc)`` returns the list to write as JSON: one issue per finding that differs
from the fact, placed on the fact's line in its YAML file, so the merge request shows "the
New York Times says 151, the fact says 140" next to the fact.

Which findings are reported:

* ``conflict`` and ``newer`` always (a passing fact can still have one, e.g. a consensus
  fact outvoting an outlet; then the issue is ``info``);
* ``hedged`` only when the fact failed or warned (on a passing fact the hedge was accepted);
* a finding that carries a ``waiver`` but is no longer ``waived`` (the waiver expired);
* a verdict this version does not know, when the fact failed or warned.

Not reported: ``agree``, ``silent``, ``out_of_scope``, ``earlier`` (an older figure is
expected to differ) and ``waived``. Skipped and xfailed facts report nothing.

Severity follows the fact: ``error`` -> ``major``, ``warning`` -> ``minor``; a finding on a
fact that passed (without warning) -> ``info``. The fingerprint is the sha256 of the fact's
node id and the source path, so it is the same on every run and GitLab can tell a new
difference from one that was already there, even when its wording changes.
"""

from __future__ import annotations

import hashlib
from typing import Any

from .matrix import clean, compared_with, date_label, differs, is_failing, outlet_label, verdict_word

__all__ = ["codequality", "fingerprint"]

_NOT_RUN = ("skipped", "xfailed")


def fingerprint(nodeid: str, source: str) -> str:
    """Stable and unique per (fact, source)."""
    return hashlib.sha256(f"{nodeid}\x00{source}".encode()).hexdigest()


def _expired(finding: dict[str, Any]) -> bool:
    return isinstance(finding.get("waiver"), dict) and finding.get("verdict") != "waived"


def _severity(fact: dict[str, Any]) -> str:
    if not is_failing(fact):
        return "info"
    return "minor" if fact.get("severity") == "warning" else "major"


def _description(fact: dict[str, Any], finding: dict[str, Any]) -> str:
    source = {"path": finding.get("source"), "outlet": finding.get("outlet"), "published": finding.get("published")}
    texts: list[str] = []
    for m in finding.get("mentions") or []:
        text = clean(m.get("text") or "")
        if text and text not in texts:
            texts.append(text)
    says = "; ".join(f'"{t}"' for t in texts) or "no figure"
    ident = clean(fact.get("id") or fact.get("nodeid") or "?")
    text = (
        f"{ident}: {verdict_word(clean(finding.get('verdict')))}: {outlet_label(source)} "
        f"({date_label(source)}) says {says}; {compared_with(fact)}"
    )
    if _expired(finding):
        until = clean(finding["waiver"].get("until") or "")
        text += f"; its waiver expired {until}" if until else "; its waiver no longer applies"
    return text


def error_issues(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """One ``major`` issue per load error (a facts file or manifest not read, whole or in
    part), at its file and line; the fingerprint is the sha256 of its place and sentence."""
    issues = []
    for error in doc.get("errors") or []:
        line = error.get("line") if isinstance(error.get("line"), int) and error["line"] > 0 else 1
        where = f"{error.get('file')}:{line}:{error.get('column')}"
        issues.append(
            {
                "description": f"not checked: {clean(where)}: {clean(error.get('message') or '')}",
                "check_name": "factcheck/load-error",
                "fingerprint": fingerprint(where, str(error.get("message"))),
                "severity": "major",
                "location": {"path": str(error.get("file") or ""), "lines": {"begin": line}},
            }
        )
    return issues


def codequality(doc: dict[str, Any]) -> list[dict[str, Any]]:
    """GitLab Code Quality issues: the load errors, then the findings in fact order then
    source order."""
    issues = error_issues(doc)
    for fact in doc.get("facts") or []:
        if fact.get("outcome") in _NOT_RUN:
            continue
        for finding in fact.get("findings") or []:
            if not (differs(fact, finding) or _expired(finding)):
                continue
            verdict = clean(finding.get("verdict") or "unknown")
            check = (
                "factcheck/expired-waiver"
                if _expired(finding) and verdict in ("agree", "silent", "out_of_scope", "earlier")
                else f"factcheck/{verdict}"
            )
            line = fact.get("line") if isinstance(fact.get("line"), int) and fact["line"] > 0 else 1
            issues.append(
                {
                    "description": _description(fact, finding),
                    "check_name": check,
                    "fingerprint": fingerprint(str(fact.get("nodeid")), str(finding.get("source"))),
                    "severity": _severity(fact),
                    "location": {"path": str(fact.get("file") or ""), "lines": {"begin": line}},
                }
            )
    return issues
