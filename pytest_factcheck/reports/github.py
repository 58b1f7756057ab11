"""GitHub Actions output: workflow-command annotations and the job summary (Markdown).

``annotations(doc)`` gives one ``::error`` (``::warning`` for a fact with ``severity:
warning``) per fact that failed or warned, placed on the fact's line in its YAML file, then
one ``::notice`` for whatever the per-level cap left out. GitHub shows at most 10
annotations of each level per step, so the cap defaults to 10.

``step_summary(doc)`` gives the Markdown for ``$GITHUB_STEP_SUMMARY``: headline, the
facts x sources matrix, then the evidence per fact in ``<details>``. GitHub refuses a summary
over 1 MiB, so evidence (then matrix rows) is dropped to stay under ``max_bytes``.

Article and facts-file text is untrusted: annotations escape it as the runner requires
(``%``, CR, LF in the message; also ``:`` and ``,`` in properties), and the summary escapes
every HTML and Markdown character it could use.
"""

from typing import Any

from ..checking.verdicts import EMOJI, UNKNOWN_EMOJI
from .matrix import (
    VERDICTS,
    cells_of,
    clean,
    compared_with,
    count_verdicts,
    date_label,
    differs,
    errors_suffix,
    expected_text,
    fact_labels,
    fact_status,
    in_file_order,
    is_failing,
    outlet_label,
    sources_of,
    statuses_text,
    verdict_word,
)

__all__ = ["annotations", "escape_data", "escape_property", "markdown_text", "step_summary"]

STATUS_EMOJI = {"failed": "\u274c", "warned": "\u26a0\ufe0f", "passed": "\u2705", "skipped": "\u23ed\ufe0f"}


# ------------------------------------------------------------------------------- annotations


def escape_data(text: str) -> str:
    """A workflow command's message: ``%``, CR and LF escaped (actions/core's rules)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value: as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _figures(finding: dict[str, Any]) -> str:
    texts: list[str] = []
    for m in finding.get("mentions") or []:
        text = clean(m.get("text") or "")
        if text and text not in texts:
            texts.append(text)
    return ", ".join(f'"{t}"' for t in texts)


def _where(finding: dict[str, Any]) -> str:
    lines = [
        m.get("line")
        for m in finding.get("mentions") or []
        if isinstance(m.get("line"), int) and m.get("position", "line") == "line"
    ]
    path = clean(finding.get("source") or "?")
    return f"{path}:{lines[0]}" if lines else path


def _outlet(finding: dict[str, Any]) -> str:
    source = {
        "path": finding.get("source"),
        "outlet": finding.get("outlet"),
        "published": finding.get("published"),
        "role": finding.get("role"),
    }
    return f"{outlet_label(source)} ({date_label(source)})"


def _message(fact: dict[str, Any], differing: list[dict[str, Any]]) -> str:
    lines = []
    if fact.get("claim"):
        lines.append(clean(fact["claim"]))
    # "expected: 140 attacks"; a consensus fact: "the outlets give 140 attacks (3 sources), ..."
    lines.append(f"expected: {expected_text(fact)}" if fact.get("expect") else compared_with(fact))
    for f in differing:
        line = f"{verdict_word(clean(f.get('verdict')))}: {_outlet(f)}"
        figures = _figures(f)
        if figures:
            line += f" says {figures}"
        line += f" ({_where(f)})"
        if isinstance(f.get("waiver"), dict) and f.get("verdict") != "waived":
            until = clean(f["waiver"].get("until") or "")
            line += f"; its waiver expired {until}" if until else "; its waiver no longer applies"
        lines.append(line)
    if not differing and fact.get("summary"):
        lines.append(clean(fact["summary"]))
    return "\n".join(lines)


def _labels(facts: list[dict[str, Any]]) -> dict[int, str]:
    """Each fact's name by ``id()``: its id, or ``file.yaml::id`` where two files share it."""
    return {id(f): label for f, label in zip(facts, fact_labels(facts))}


def _annotation(fact: dict[str, Any], level: str, ident: str) -> str:
    differing = [f for f in fact.get("findings") or [] if differs(fact, f)]
    failing = set(fact.get("failing") or ())
    ours = [f for f in differing if f.get("role") == "draft" and f.get("source") in failing]
    differing = ours + [f for f in differing if f not in ours]  # drafts first
    others = len(differing) - len(ours)
    if ours:
        title = f"{ident}: our draft differs" + (
            f"; {_plural(others, 'outlet differs', 'outlets differ')}" if others else ""
        )
    elif differing:
        title = f"{ident}: {_plural(len(differing), 'outlet differs', 'outlets differ')}"
    else:
        title = f"{ident}: {fact_status(fact)}"
    props = [f"file={escape_property(clean(fact.get('file') or ''))}"]
    if isinstance(fact.get("line"), int) and fact["line"] > 0:
        props.append(f"line={fact['line']}")
    props.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(props)}::{escape_data(_message(fact, differing))}"


def _draft_annotations(fact: dict[str, Any], level: str, ident: str) -> list[str]:
    """One annotation on each failing draft's own line (a feed line's file, a page's line;
    none for a figure placed only by its paragraph), so the diff view shows it in the story."""
    failing = set(fact.get("failing") or ())
    out = []
    for finding in fact.get("findings") or []:
        if finding.get("role") != "draft" or finding.get("source") not in failing:
            continue
        path = clean(finding["source"]).split("#", 1)[0]
        mention = next((m for m in finding.get("mentions") or [] if m.get("verdict") != "agree"), None)
        props = [f"file={escape_property(path)}"]
        if mention and isinstance(mention.get("line"), int) and mention.get("position", "line") == "line":
            props.append(f"line={mention['line']}")
        props.append(f"title={escape_property(f'{ident}: our draft differs')}")
        says = f"says {clean(mention['text'])}" if mention else "differs"
        where = f"{clean(fact.get('file') or '?')}:{fact.get('line')}"
        against = f"the desk stands behind {expected_text(fact)}" if fact.get("expect") else compared_with(fact)
        message = f"Our draft {says}; {against} ({where})"
        out.append(f"::{level} {','.join(props)}::{escape_data(message)}")
    return out


def annotations(doc: dict[str, Any], *, limit: int = 10) -> list[str]:
    """Workflow command lines (print each on its own line to stdout or stderr): one on each
    load error's line, one on each failing fact's line, and one on each failing draft's line."""
    by_level: dict[str, list[str]] = {"error": error_annotations(doc), "warning": []}
    facts = in_file_order(doc.get("facts") or [])
    labels = _labels(facts)
    for fact in facts:
        if is_failing(fact):
            level = "warning" if fact.get("severity") == "warning" else "error"
            by_level[level].append(_annotation(fact, level, labels[id(fact)]))
            by_level[level].extend(_draft_annotations(fact, level, labels[id(fact)]))
    out: list[str] = []
    left_out = {}
    for level, lines in by_level.items():
        keep = max(int(limit), 0)
        out += lines[:keep]
        left_out[level] = len(lines) - len(lines[:keep])
    more = sum(left_out.values())
    if more:
        parts = [_plural(n, level, level + "s") for level, n in left_out.items() if n]
        message = (
            f"{_plural(more, 'more fact', 'more facts')} failed or warned "
            f"({', '.join(parts)}), not annotated here: see them in the job summary."
        )
        out.append(f"::notice title={escape_property('factcheck')}::{escape_data(message)}")
    return out


def error_annotations(doc: dict[str, Any]) -> list[str]:
    """One ``::error`` per load error (a facts file or manifest not read, whole or in part),
    at its file, line and column."""
    out = []
    for error in doc.get("errors") or []:
        props = [f"file={escape_property(clean(error.get('file') or ''))}"]
        for key, name in (("line", "line"), ("column", "col")):
            if isinstance(error.get(key), int) and error[key] > 0:
                props.append(f"{name}={error[key]}")
        props.append(f"title={escape_property('factcheck: not checked')}")
        out.append(f"::error {','.join(props)}::{escape_data(clean(error.get('message') or ''))}")
    return out


def _errors_markdown(doc: dict[str, Any]) -> list[str]:
    """The load errors as a list under the headline, or nothing."""
    errors = doc.get("errors") or []
    if not errors:
        return []
    lines = [f"**Not checked: {_plural(len(errors), 'load error', 'load errors')}**; what each names was left out:", ""]
    for e in errors:
        where = markdown_text(f"{e.get('file')}:{e.get('line')}:{e.get('column')}")
        lines.append(f"- <code>{where}</code> {markdown_text(e.get('message') or '')}")
    return [*lines, ""]


# ------------------------------------------------------------------------------ job summary

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_MARKDOWN = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]()#+-.!|~:@$^=\"'/"}, **_ENTITIES})
_HTML = str.maketrans({**_ENTITIES, '"': "&quot;"})


def markdown_text(text: object, *, keep_edges: bool = False) -> str:
    """Untrusted text -> inline Markdown that renders as exactly that text: one line, HTML
    characters as entities, every other ASCII punctuation Markdown might use backslashed
    (so no emphasis, links, autolinks, @mentions, table pipes or code spans).
    ``keep_edges`` keeps one leading/trailing space (for pieces of a sentence)."""
    raw = str(text)
    flat = clean(raw)
    if keep_edges and flat:
        flat = (" " if raw[:1].isspace() else "") + flat + (" " if raw[-1:].isspace() else "")
    return flat.translate(_MARKDOWN)


def _html_text(text: object) -> str:
    """Untrusted text inside an HTML block (``<summary>``), where Markdown is not parsed."""
    return clean(text).translate(_HTML)


def _emoji(verdict: object) -> str:
    return EMOJI.get(str(verdict), UNKNOWN_EMOJI)


def _status(fact: dict[str, Any]) -> str:
    status = fact_status(fact)
    return f"{STATUS_EMOJI.get(status, UNKNOWN_EMOJI)} {markdown_text(status)}"


def _headline(doc: dict[str, Any]) -> list[str]:
    facts = in_file_order(doc.get("facts") or [])
    statuses = {fact_status(f) for f in facts}
    icon = (
        STATUS_EMOJI["failed"]
        if "failed" in statuses or doc.get("errors")
        else (STATUS_EMOJI["warned"] if "warned" in statuses else STATUS_EMOJI["passed"])
    )
    n_sources = len(sources_of(doc))
    found = count_verdicts(facts)
    order = list(VERDICTS) + sorted(str(v) for v in found if v not in VERDICTS and v is not None)
    totals = " \u00b7 ".join(f"{_emoji(v)} {found[v]} {markdown_text(verdict_word(v))}" for v in order if found.get(v))
    return [
        f"## {icon} Fact check: {markdown_text(statuses_text(facts) + errors_suffix(doc))}",
        "",
        f"{_plural(len(facts), 'fact', 'facts')} checked against "
        f"{_plural(n_sources, 'source', 'sources')}. Findings: {totals or 'none'}",
        "",
        *_errors_markdown(doc),
    ]


def _matrix(doc: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The table's header lines and one line per fact."""
    sources = sources_of(doc)
    index = {s["path"]: i for i, s in enumerate(sources)}
    head = [
        "| Fact | Result | "
        + " | ".join(f"{markdown_text(outlet_label(s, short=True))}<br>{markdown_text(date_label(s))}" for s in sources)
        + " |",
        "|:--|:--|" + ":-:|" * len(sources),
    ]
    rows = []
    facts = in_file_order(doc.get("facts") or [])
    for fact, label in zip(facts, fact_labels(facts)):
        cells = [(_emoji(f.get("verdict")) if f else " ") for f in cells_of(fact, index)]
        rows.append(f"| **{markdown_text(label)}** | {_status(fact)} | " + " | ".join(cells) + " |")
    return head, rows


def _sentence(mention: dict[str, Any]) -> str:
    sentence = str(mention.get("sentence") or "")
    start, end = mention.get("start"), mention.get("end")
    if isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(sentence):
        return (
            markdown_text(sentence[:start], keep_edges=True)
            + "<b>"
            + markdown_text(sentence[start:end])
            + "</b>"
            + markdown_text(sentence[end:], keep_edges=True)
        ).strip()
    return markdown_text(sentence)


def _evidence(fact: dict[str, Any], label: str) -> str | None:
    rows = []
    for f in fact.get("findings") or []:
        source = {"path": f.get("source"), "outlet": f.get("outlet"), "published": f.get("published")}
        verdict = f"{_emoji(f.get('verdict'))} {markdown_text(verdict_word(f.get('verdict')))}"
        note = ""
        waiver = f.get("waiver")
        if isinstance(waiver, dict):
            bits = []
            if waiver.get("until"):
                bits.append("until " + markdown_text(waiver["until"]))
            if waiver.get("by"):
                bits.append("by " + markdown_text(waiver["by"]))
            note = (
                f"<i>Waiver{' (' + ', '.join(bits) + ')' if bits else ''}: "
                f"{markdown_text(waiver.get('reason') or 'no reason given')}</i><br>"
            )
        mentions = f.get("mentions") or []
        for m in mentions or ([{}] if note else []):
            where = markdown_text(f.get("source") or "?")
            if isinstance(m.get("line"), int):
                where += f":{m['line']}"
            rows.append(
                f"| {verdict} | {markdown_text(outlet_label(source))} | "
                f"{markdown_text(date_label(source))} | <code>{where}</code> | "
                f"{markdown_text(m.get('text') or '')} | {note}{_sentence(m)} |"
            )
    if not rows:
        return None
    summary = _html_text(fact.get("summary") or fact_status(fact))
    location = markdown_text(f"{fact.get('file')}:{fact.get('line')}")
    return "\n".join(
        [
            f"<details><summary>{STATUS_EMOJI.get(fact_status(fact), UNKNOWN_EMOJI)} "
            f"<b>{_html_text(label)}</b>: {summary}</summary>",
            "",
            f"**Claim:** {markdown_text(fact.get('claim') or '')}<br>",
            f"**Expected:** {markdown_text(expected_text(fact))} \u00b7 <code>{location}</code>",
            "",
            "| Verdict | Outlet | Date | Where | Figure as written | Sentence |",
            "|:--|:--|:--|:--|:--|:--|",
            *rows,
            "",
            "</details>",
            "",
        ]
    )


def _size(lines: list[str]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for line in lines)


def step_summary(doc: dict[str, Any], *, max_bytes: int = 1024 * 1024 - 1024) -> str:
    """GitHub-flavoured Markdown for ``$GITHUB_STEP_SUMMARY``, at most ``max_bytes`` (UTF-8)."""
    facts = in_file_order(doc.get("facts") or [])
    head = _headline(doc)
    if not facts:
        return "\n".join(head)
    table_head, rows = _matrix(doc)
    ordered = [f for f in facts if is_failing(f)] + [f for f in facts if not is_failing(f)]
    labels = _labels(facts)
    evidence = [e for e in (_evidence(f, labels[id(f)]) for f in ordered) if e]
    evidence_head = [
        "",
        "### Evidence",
        "",
        "Facts that failed or warned first. Each row is a figure a source gives about the fact.",
        "",
    ]
    full = head + table_head + rows + (evidence_head + evidence if evidence else [])
    if _size(full) <= max_bytes:
        return "\n".join(full) + "\n"

    def note(kept_rows: int, kept_evidence: int) -> list[str]:
        dropped = []
        if kept_rows < len(rows):
            dropped.append(f"{len(rows) - kept_rows} of {len(rows)} matrix rows")
        if kept_evidence < len(evidence):
            dropped.append(f"{len(evidence) - kept_evidence} of {len(evidence)} evidence sections")
        return [
            "",
            f"_Left out to stay under GitHub's summary size limit: "
            f"{' and '.join(dropped)}. The HTML and JSON reports have everything._",
        ]

    # Worst case for the closing note: every row and every evidence section counted.
    room = max_bytes - _size(note(0, 0))
    out = head + table_head
    used = _size(out)
    kept_rows = kept_evidence = 0
    for row in rows:
        if used + _size([row]) > room:
            break
        out.append(row)
        used += _size([row])
        kept_rows += 1
    if kept_rows == len(rows):
        for block in evidence:
            extra = (evidence_head if not kept_evidence else []) + [block]
            if used + _size(extra) > room:
                break
            out += extra
            used += _size(extra)
            kept_evidence += 1
    out += note(kept_rows, kept_evidence)
    text = "\n".join(out) + "\n"
    while len(text.encode("utf-8")) > max_bytes and "\n" in text.rstrip("\n"):
        text = text.rstrip("\n").rsplit("\n", 1)[0] + "\n"  # a tiny max_bytes: cut whole lines
    return text
