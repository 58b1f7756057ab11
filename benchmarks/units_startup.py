"""Start-up cost of unit conversion (issue 11): the package's import time, and the first
``convert`` of a fresh process (which builds the pint registry), for the hand-written
registry of the previous version against pint's full default registry, cold (no pint
cache yet) and warm (pint's cache folder filled by an earlier process).

Run from the repository root:

    python benchmarks/units_startup.py [--runs 7] [--before ef26837]

``--before`` names the commit whose ``pytest_factcheck/reader/units.py`` is "before".
Both versions are loaded as stand-alone modules (units.py imports only the standard
library and pint) in fresh interpreters, interleaved, and the median of each is printed
with the ratios, all from this one run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROBE = """
import importlib.util, sys, time
t0 = time.perf_counter()
spec = importlib.util.spec_from_file_location("units_probe", sys.argv[1])
units = importlib.util.module_from_spec(spec)
spec.loader.exec_module(units)
t1 = time.perf_counter()
assert abs(units.convert(110, "miles", "km") - 177.02784) < 1e-6
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def _probe(module: Path, cache_home: str) -> tuple[float, float]:
    env = {**os.environ, "XDG_CACHE_HOME": cache_home}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(module)], env=env, capture_output=True, text=True, check=True
    )
    load, first = out.stdout.split()
    return float(load), float(first)


def _import_time() -> float:
    """Seconds ``import pytest_factcheck.plugin`` takes by ``python -X importtime``."""
    out = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "import pytest_factcheck.plugin"],
        capture_output=True,
        text=True,
        check=True,
    )
    for line in out.stderr.splitlines():
        parts = [p.strip() for p in line.split("|")]
        if len(parts) == 3 and parts[2] == "pytest_factcheck.plugin":
            return int(parts[1]) / 1e6
    raise RuntimeError("pytest_factcheck.plugin not in the import-time report")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--before", default="ef26837")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        before = Path(folder, "units_before.py")
        before.write_text(
            subprocess.run(
                ["git", "show", f"{args.before}:pytest_factcheck/reader/units.py"],
                cwd=ROOT,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        after = ROOT / "pytest_factcheck" / "reader" / "units.py"
        warm_home = Path(folder, "warm")
        _probe(after, str(warm_home))  # fills pint's cache once
        samples: dict[str, list[float]] = {"before": [], "after, cold cache": [], "after, warm cache": []}
        imports: list[float] = []
        for run in range(args.runs):
            samples["before"].append(_probe(before, str(Path(folder, f"b{run}")))[1])
            samples["after, cold cache"].append(_probe(after, str(Path(folder, f"c{run}")))[1])
            samples["after, warm cache"].append(_probe(after, str(warm_home))[1])
            imports.append(_import_time())
    base = statistics.median(samples["before"])
    print(f"import pytest_factcheck.plugin (-X importtime, median of {args.runs}): {statistics.median(imports):.3f} s")
    print(f"first convert() in a fresh process, median of {args.runs} interleaved runs:")
    for name, values in samples.items():
        median = statistics.median(values)
        print(f"  {name:18} {median:.3f} s  ({median / base:.1f}x before)")


if __name__ == "__main__":
    main()
