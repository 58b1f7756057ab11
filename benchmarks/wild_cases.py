"""Score a figure reader on "wild" case files (not part of the test run).

Usage (from the repository root):

    python benchmarks/wild_cases.py [--reader ours|quantulum3] [-v] [FILE ...]

Default files: ``../shared/cases/wild-figures.yaml`` and ``tests/reader_wild_own.yaml``.
Each case is a sentence and the figures a careful editor reads in it. The check is the
one ``../shared/tools/check-cases`` makes: a case is right when every expected figure is
found (kind; value, low and high where given; the noun's head or the role; the unit,
compared through pint; ``denied`` where given) and no other live count appears.

quantulum3 is mapped onto the same check as generously as its output allows:

* kind: a unit whose entity is ``currency`` -> money, ``dimensionless`` with the unit
  ``percentage`` -> percent, any other unit entity -> measure, no unit -> count;
* value/low/high: its value, ± its uncertainty (it has no hedges, so an open end is
  never matched);
* unit: its currency's ISO code when it names one, else its unit name;
* noun: none (it reads no counted nouns), so a case that expects a noun fails;
* denied: never.
Prints one line per reader: "<reader> <file>: right X/Y".
"""

from __future__ import annotations

import argparse
import math
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

DEFAULT_FILES = [ROOT.parent / "shared" / "cases" / "wild-figures.yaml", ROOT / "tests" / "reader_wild_own.yaml"]


@dataclass(frozen=True)
class Reading:
    """One figure in the shape the check needs."""

    kind: str
    value: float | None
    low: float | None
    high: float | None
    noun: str | None = None
    role: str | None = None
    unit: str | None = None
    denied: bool = False
    previous: bool = False


def ours(text: str) -> list[Reading]:
    from pytest_factcheck import read_figures

    return [
        Reading(f.kind, f.value, f.low, f.high, f.noun, f.role, f.unit, getattr(f, "denied", False), f.previous)
        for f in read_figures(text)
    ]


_QUANT_PARSER = None


def quantulum(text: str) -> list[Reading]:
    global _QUANT_PARSER
    if _QUANT_PARSER is None:
        from quantulum3 import parser

        _QUANT_PARSER = parser
    out = []
    for q in _QUANT_PARSER.parse(text):
        entity = q.unit.entity.name if q.unit and q.unit.entity else "dimensionless"
        unit = q.unit.name if q.unit else None
        if entity == "currency":
            kind, unit = "money", getattr(q.unit, "currency_code", None) or unit
        elif unit == "percentage":
            kind = "percent"
        elif entity == "dimensionless":
            kind, unit = "count", None
        else:
            kind = "measure"
        u = q.uncertainty or 0
        out.append(Reading(kind, q.value, q.value - u, q.value + u, unit=unit))
    return out


try:
    import pint

    _UNITS = pint.UnitRegistry()
except Exception:  # pragma: no cover - pint is a dependency
    _UNITS = None


def _close(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-6, abs_tol=1e-9)  # type: ignore[arg-type]


def _same_unit(a: str, b: str | None) -> bool:
    if not b:
        return False
    if a.lower() == str(b).lower():
        return True
    if len(a) == 3 and a.isupper():
        return False
    try:
        return _UNITS is not None and _UNITS.parse_units(a) == _UNITS.parse_units(str(b).replace(" ", "_"))
    except Exception:
        return False


def _stem(word: str | None) -> str:
    word = (word or "").lower().strip()
    return word[:-1] if word.endswith("s") else word


def _fits(f: Reading, e: dict) -> bool:
    if f.kind != e["kind"]:
        return False
    if any(k in e and not _close(getattr(f, k), e[k]) for k in ("value", "low", "high")):
        return False
    if e.get("noun") and _stem(e["noun"].split()[-1]) not in _stem(f.noun) + " " + _stem(f.role):
        return False
    if e.get("unit") and not _same_unit(e["unit"], f.unit):
        return False
    return not e.get("denied") or f.denied


def right(got: list[Reading], want: list[dict]) -> bool:
    """The check of ../shared/tools/check-cases for one case."""
    live = [f for f in got if f.kind == "count" and not f.denied and not f.previous]
    if len(live) != len([e for e in want if e["kind"] == "count" and not e.get("denied")]):
        return False
    pool = list(got)
    for e in want:
        hit = next((f for f in pool if _fits(f, e)), None)
        if hit is None:
            return False
        pool.remove(hit)
    return True


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--reader", choices=["ours", "quantulum3", "both"], default="both")
    ap.add_argument("-v", action="store_true", help="list the failing cases")
    args = ap.parse_args()
    readers = {"ours": ours, "quantulum3": quantulum}
    names = list(readers) if args.reader == "both" else [args.reader]
    for name in names:
        for path in args.files or DEFAULT_FILES:
            cases = yaml.safe_load(path.read_text(encoding="utf-8")) or []
            good = 0
            for case in cases:
                ok = right(readers[name](case["text"]), case["expect"])
                good += ok
                if args.v and not ok:
                    print(f"  FAIL {name}: {case['text']}")
            print(f"{name} {path.name}: right {good}/{len(cases)}")


if __name__ == "__main__":
    main()
