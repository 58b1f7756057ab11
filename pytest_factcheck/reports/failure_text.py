"""Stage 4b: a checked fact -> the text pytest prints when it fails.

Drawn from the fact's JSON entry (built-in types only), so it reads the same on an xdist
controller. Plain text, no colour codes, wrapped to fit an 80-column terminal and a CI
log; every differing source gets its outlet, date, file:line, the figure exactly as
written, what the wording allows, and the sentence shortened around the figure.
"""

from __future__ import annotations

import textwrap
from typing import Any, cast

from ..checking.verdicts import BADNESS, DIFFERING, ORDER, verdict_word
from .vocabulary import conversion_text, describe_interval, fmt_number, outlet_label

__all__ = ["describe_interval", "fmt_number", "headline", "reason", "render_failure", "source_label"]

WIDTH = 79
INDENT = " " * 13
EXCERPT = 230  # characters of the sentence shown around the figure
#: Verdicts shown with their evidence (the differing ones, worst first, then waived), and
#: the rest, named in one line each: together, every verdict of ``ORDER``.
DETAILED = (*DIFFERING, "waived")
BRIEF = tuple(v for v in ORDER if v not in DETAILED)
#: Sources named in each brief line (agree, silent...) before "and N more sources".
BRIEF_NAMES = 8


def source_label(finding: dict[str, Any], with_date: bool = True) -> str:
    if finding.get("role") == "draft":
        name = (
            f"Our draft, {finding['outlet']}"
            if finding["outlet"]
            else f"Our draft ({finding['source'].rsplit('/', 1)[-1]})"
        )
    else:
        name = outlet_label(finding)
    if not with_date:
        return name
    return f"{name}, {finding['published'] or 'date unknown'}"


def with_verdicts(
    fact: dict[str, Any], verdicts: tuple[str, ...], limit: int | None = None
) -> tuple[list[dict[str, Any]], int]:
    """The fact's findings with one of ``verdicts`` (at most ``limit``) and their number.
    A compact document's view answers without making a dict per source."""
    findings = fact["findings"]
    pick = getattr(findings, "with_verdicts", None)
    if pick is not None:
        return cast("tuple[list[dict[str, Any]], int]", pick(verdicts, limit))
    found = [f for f in findings if f["verdict"] in verdicts]
    return (found if limit is None else found[:limit]), len(found)


def failing_drafts(fact: dict[str, Any]) -> list[dict[str, Any]]:
    """The drafts among the findings that fail the fact, in source order."""
    failing = set(fact.get("failing") or ())
    found, _ = with_verdicts(fact, ("conflict", "newer", "hedged"))
    return [f for f in found if f.get("role") == "draft" and f["source"] in failing]


def draft_lead(fact: dict[str, Any]) -> str | None:
    """What matters first when our own draft fails: "Our draft (drafts/attacks.md:12) says
    151 attacks; the desk stands behind 140 attacks"."""
    drafts = failing_drafts(fact)
    if not drafts:
        return None
    parts = []
    for finding in drafts:
        worst = _worst_mention(finding)
        where = f"{finding['source']}:{_place(worst)}" if worst else finding["source"]
        says = f"says {worst['text']}" if worst else "differs"
        parts.append(f"Our draft ({where}) {says}")
    if not fact["expect"]:
        return f"{'; '.join(parts)}; the other sources differ"
    expect, noun = fact["expect"], (fact.get("expected") or {}).get("noun")
    if noun and len(drafts) == 1 and expect.endswith(f" {noun}") and parts[0].endswith(f" {noun}"):
        expect = expect[: -len(noun) - 1]  # "says 151 attacks; the desk stands behind 140"
    return f"{'; '.join(parts)}; the desk stands behind {expect}"


def _place(mention: dict[str, Any]) -> str:
    """A mention's line, or "p. 4" where only its paragraph is known (an HTML page)."""
    return f"p. {mention['line']}" if mention.get("position") == "paragraph" else str(mention["line"])


def headline(fact: dict[str, Any]) -> str:
    """The first line: short, because ``pytest -rf`` shows it after the node id."""
    lead = draft_lead(fact)
    if lead:
        return lead
    target = fact["expect"] or "each other"
    differing, _ = with_verdicts(fact, DIFFERING)
    if differing:
        total = len(fact["findings"])
        return f"{len(differing)} of {total} source{'s' if total != 1 else ''} differ{'s' if len(differing) == 1 else ''} from {target}"
    summary: str = fact.get("unconfirmed") or fact["summary"]
    return summary


def _quoted(finding: dict[str, Any]) -> str:
    worst = _worst_mention(finding)
    return f'"{worst["figure"]}"' if worst else "?"


def _worst_mention(finding: dict[str, Any]) -> dict[str, Any] | None:
    mentions = finding.get("mentions") or []
    return max(mentions, key=lambda m: BADNESS.get(m.get("verdict", "agree"), 0)) if mentions else None


def render_failure(fact: dict[str, Any]) -> str:
    lines = [*textwrap.wrap(headline(fact), WIDTH), ""]
    lines += _field("claim", fact.get("claim"))
    if fact["expect"] is not None:
        lines += _field("expect", f"{fact['expect']} ({describe_interval(fact['expected'])})")
    else:
        lines += _field("check", "do the sources agree with each other? (no expect: a consensus fact)")
    if fact.get("as_of"):
        lines += _field("as of", f"{fact['as_of']}, {fact['trend']}")
    if fact.get("groups"):
        lines += _field("figures", "; ".join(_group(g, fact) for g in fact["groups"]))
    drafts = failing_drafts(fact)
    for finding in drafts:  # our draft first: it is what the editor acts on
        lines += ["", *_detail(finding, fact)]
    if drafts:
        lines += ["", *textwrap.wrap(_references_note(fact), WIDTH)]
    for verdict in DETAILED:
        for finding in with_verdicts(fact, (verdict,))[0]:
            if finding not in drafts:
                lines += ["", *_detail(finding, fact)]
    brief = _brief(fact)
    if brief:
        lines += ["", *brief]
    if fact.get("unconfirmed") and lines[0] != fact["unconfirmed"]:
        lines += ["", *textwrap.wrap(fact["unconfirmed"], WIDTH)]
    for waiver in fact.get("unused_waivers", []):
        lines += textwrap.wrap(
            f"unused waiver for {waiver['target']} (line {waiver['line']}): no differing figure to waive", WIDTH
        )
    return "\n".join(lines)


def _references_note(fact: dict[str, Any]) -> str:
    """How the other sources stand when a draft fails: "2 of 7 sources differ; ..."."""
    differing, _ = with_verdicts(fact, ("conflict", "newer", "hedged"))
    others = [f for f in differing if f.get("role") != "draft"]
    if not others:
        return "No other source differs."
    drafts = sum(1 for f in differing if f.get("role") == "draft")
    in_scope = len(fact["findings"]) - with_verdicts(fact, ("out_of_scope",))[1] - drafts
    failing = set(fact.get("failing") or ())
    one = len(others) == 1
    if all(f["source"] in failing for f in others):
        counted = "it fails the fact too" if one else "they fail the fact too"
    else:
        counted = "as a reference it does not fail the fact" if one else "as references they do not fail the fact"
    if in_scope <= 1:
        return f"The other source differs; {counted}:"
    return f"{len(others)} of the {in_scope} other sources differ{'s' if one else ''}; {counted}:"


def _field(name: str, value: str | None) -> list[str]:
    if not value:
        return []
    return textwrap.wrap(value, WIDTH, initial_indent=f"{name:<13}", subsequent_indent=INDENT)


def _group(group: dict[str, Any], fact: dict[str, Any]) -> str:
    by_path = {f["source"]: f for f in with_verdicts(fact, ("agree", "hedged", "conflict", "waived"))[0]}
    names = ", ".join(_short_label(by_path[p]) if p in by_path else p for p in group["sources"])
    return f"{group['figure']}: {names}"


def _short_label(finding: dict[str, Any]) -> str:
    name = source_label(finding, False)
    return f"{name} ({finding['published']})" if finding["published"] else name


def _detail(finding: dict[str, Any], fact: dict[str, Any]) -> list[str]:
    verdict = finding["verdict"]
    lines = [f"{verdict_word(verdict).upper():<13}{source_label(finding)}"]
    if finding.get("note"):
        lines += textwrap.wrap(finding["note"], WIDTH, initial_indent=INDENT, subsequent_indent=INDENT + "  ")
    waiver = finding.get("waiver")
    if waiver:
        lines += _waiver_lines(waiver)
    for mention in finding["mentions"]:
        if mention.get("verdict") in ("agree", "earlier") and verdict != "agree":
            continue
        lines.append(f"{INDENT}{finding['source']}:{_place(mention)}")
        lines += textwrap.wrap(
            f'says "{mention["text"]}": {reason(mention, fact)}', WIDTH, initial_indent=INDENT, subsequent_indent=INDENT
        )
        lines += textwrap.wrap(
            _excerpt(mention), WIDTH - 2, initial_indent=INDENT + "| ", subsequent_indent=INDENT + "| "
        )
    return lines


def _waiver_lines(waiver: dict[str, Any]) -> list[str]:
    until = f" until {waiver['until']}" if waiver.get("until") else ""
    by = f", by {waiver['by']}" if waiver.get("by") else ""
    state = f"waiver EXPIRED on {waiver['until']}" if waiver.get("expired") else f"waived{until}{by}"
    return textwrap.wrap(f"{state}: {waiver['reason']}", WIDTH, initial_indent=INDENT, subsequent_indent=INDENT)


def reason(mention: dict[str, Any], fact: dict[str, Any]) -> str:
    """Why a figure got its verdict, as every report gives it: "read as 144 to 158, which
    rules out 140 attacks"."""
    allows = describe_interval(mention)
    conversion = conversion_text(mention)
    if conversion:
        allows += f" ({conversion})"
    verdict = mention.get("verdict")
    expect = fact.get("expect")
    if expect is None:
        return f"read as {allows}"
    after = f" published after {fact['as_of']}" if fact.get("as_of") else ""
    before = f", published before {fact['as_of']}" if fact.get("as_of") else ""
    if verdict == "conflict":
        return f"read as {allows}, which rules out {expect}"
    if verdict == "hedged":
        return f"read as {allows}: it allows {expect} but does not state it"
    if verdict == "newer":
        direction = "lower" if fact.get("trend") == "falling" else "higher"
        return f"a {direction} count{after}; the desk's figure may be out of date"
    if verdict == "earlier":
        return f"an older count{before}"
    return f"read as {allows}"


def _excerpt(mention: dict[str, Any]) -> str:
    """The sentence, shortened around the figure with "..." where it was cut."""
    sentence = " ".join(mention["sentence"].split())
    if len(sentence) <= EXCERPT:
        return sentence
    text = " ".join(mention["text"].split())
    at = max(sentence.find(text), 0)
    start = max(0, at - (EXCERPT - len(text)) // 2)
    end = min(len(sentence), start + EXCERPT)
    start = max(0, end - EXCERPT)
    if start:
        start = sentence.find(" ", start) + 1 or start
    if end < len(sentence):
        end = sentence.rfind(" ", 0, end) if sentence.rfind(" ", 0, end) > at + len(text) else end
    return ("..." if start else "") + sentence[start:end].strip() + ("..." if end < len(sentence) else "")


def _brief(fact: dict[str, Any]) -> list[str]:
    lines = []
    for verdict in BRIEF:
        shown, total = with_verdicts(fact, (verdict,), BRIEF_NAMES)
        if not total:
            continue
        parts = []
        for finding in shown:
            where = ", ".join(_place(m) for m in finding["mentions"])
            many = len(finding["mentions"]) > 1
            word = "" if where.startswith("p. ") else f"line{'s' if many else ''} "
            parts.append(f"{source_label(finding)}" + (f" ({word}{where})" if where else ""))
        hidden = total - len(shown)
        if hidden:
            parts.append(f"and {hidden:,} more source{'s' if hidden != 1 else ''}")
        label = verdict_word(verdict)
        lines += textwrap.wrap("; ".join(parts), WIDTH, initial_indent=f"{label:<13}", subsequent_indent=INDENT)
    return lines
