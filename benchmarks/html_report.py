"""How big and how fast is the HTML report at newsroom scale (500 facts x 200 sources)?

    python benchmarks/html_report.py [--facts 500] [--sources 200] [--out /tmp/factcheck-bench.html]

Builds a synthetic findings document (fixed seed: most sources silent on most facts, a few
agreeing, hedging, conflicting), renders it with ``render_html``, and prints the file size,
the Python render time, and, in headless Chromium, when the first screenful of rows is in
(the page's ``fc-first-rows`` performance mark), when every cell is in (``fc-all-rows``; the
rest of the rows are appended in chunks between frames), and how long a click takes to show
one cell's evidence. Needs /usr/bin/chromium and
chromedriver plus selenium (the ``test`` extra); without them only the Python side is timed.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import chromium  # tests/chromium.py: the one headless Chromium set-up

from pytest_factcheck.reports.html import render_html

OUTLETS = [
    "The New York Times",
    "The Washington Post",
    "Reuters",
    "Associated Press",
    "BBC News",
    "The Guardian",
    "Le Monde",
    "Al Jazeera",
    None,
]
NOUNS = ["attacks", "troops", "rockets", "personnel", "missiles", "strikes", "injured", "sites"]
VERDICTS = (
    ["silent"] * 70
    + ["agree"] * 14
    + ["hedged"] * 5
    + ["conflict"] * 3
    + ["out_of_scope"] * 5
    + ["newer", "earlier", "waived"]
)


def synthetic(n_facts: int, n_sources: int, seed: int = 20240120) -> dict:
    rnd = random.Random(seed)
    sources = []
    for i in range(n_sources):
        outlet = OUTLETS[i % len(OUTLETS)]
        sources.append(
            {
                "path": f"corpus/{i:04d}_{rnd.getrandbits(48):012x}.txt",
                "outlet": outlet,
                "published": None if outlet is None else f"2024-0{1 + i % 9}-{1 + i % 28:02d}",
                "url": None,
                "title": None,
            }
        )
    facts = []
    for k in range(n_facts):
        noun = NOUNS[k % len(NOUNS)]
        value = 10 + (k * 37) % 3000
        findings = []
        for i, source in enumerate(sources):
            verdict = rnd.choice(VERDICTS)
            mentions = []
            if verdict not in ("silent", "out_of_scope"):
                stated = value if verdict == "agree" else value + rnd.randint(1, 40)
                text = f"{'more than ' if verdict == 'hedged' else ''}{stated:,} {noun}"
                lead = "Officials said on Tuesday that there had been "
                sentence = (
                    lead + text + f" in the region since October, according to the "
                    f"Pentagon, in what analysts described as source {i}'s count."
                )
                mentions.append(
                    {
                        "text": text,
                        "value": stated,
                        "low": stated,
                        "high": stated,
                        "low_open": False,
                        "high_open": False,
                        "qualifier": None,
                        "kind": "count",
                        "noun": noun,
                        "unit": None,
                        "line": 1 + (k + i) % 40,
                        "column": 1 + len(lead),
                        "sentence": sentence,
                        "start": len(lead),
                        "end": len(lead) + len(text),
                        "verdict": verdict,
                    }
                )
            finding = {
                "source": source["path"],
                "outlet": source["outlet"],
                "published": source["published"],
                "verdict": verdict,
                "mentions": mentions,
            }
            if verdict == "waived":
                finding["waiver"] = {
                    "reason": "Known difference in counting method.",
                    "until": "2025-01-01",
                    "by": "desk",
                }
            findings.append(finding)
        differing = sum(f["verdict"] in ("conflict", "newer") for f in findings)
        facts.append(
            {
                "nodeid": f"facts/desk-{k // 50:02d}.yaml::fact-{k:04d}",
                "id": f"fact-{k:04d}",
                "file": f"facts/desk-{k // 50:02d}.yaml",
                "line": 3 + 7 * (k % 50),
                "claim": f"{noun.capitalize()} counted since Oct. 7 (synthetic fact {k})",
                "expect": f"{value:,} {noun}",
                "outcome": "failed" if differing else "passed",
                "kind": "expected",
                "severity": "error",
                "tags": [],
                "expected": None,
                "summary": f"{differing} of {n_sources} sources differ",
                "findings": findings,
            }
        )
    return {"schema": "pytest-factcheck/1", "sources": sources, "facts": facts}


def browser_timings(path: Path) -> dict[str, float] | None:
    """The report's own marks in headless Chromium (tests/chromium.py), or None without it."""
    if chromium.missing() is not None:
        return None
    from selenium.webdriver.common.by import By

    with chromium.headless_chromium() as driver:
        chromium.open_report(driver, path, timeout=300)
        nav = driver.execute_script(
            "function at(name) { return performance.getEntriesByName(name)[0].startTime; }"
            "return [at('fc-first-rows'), at('fc-all-rows')];"
        )
        layout = driver.execute_script(
            "var t = performance.now();"
            "document.querySelector('#fc-matrix tbody tr:last-child td:last-child')"
            ".getBoundingClientRect(); return performance.now() - t;"
        )
        cells = driver.execute_script("return document.querySelectorAll('#fc-matrix td').length")
        target = driver.find_element(By.CSS_SELECTOR, "#fc-matrix td.v-conflict")
        t0 = time.perf_counter()
        target.click()
        driver.find_element(By.CSS_SELECTOR, "#fc-evidence mark")
        click = (time.perf_counter() - t0) * 1000
    return {"first_ms": nav[0], "all_ms": nav[1], "layout_ms": layout, "cells": cells, "click_ms": click}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=500)
    parser.add_argument("--sources", type=int, default=200)
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "factcheck-bench.html"))
    args = parser.parse_args()
    doc = synthetic(args.facts, args.sources)
    t0 = time.perf_counter()
    page = render_html(doc)
    render_s = time.perf_counter() - t0
    out = Path(args.out)
    out.write_text(page, encoding="utf-8")
    size = out.stat().st_size
    print(f"{args.facts} facts x {args.sources} sources = {args.facts * args.sources:,} findings")
    print(f"HTML file: {size:,} bytes ({size / 2**20:.1f} MiB), rendered in Python in {render_s:.2f} s")
    timings = browser_timings(out)
    if timings is None:
        print("browser: skipped (needs chromium, chromedriver and selenium)")
        return
    print(
        f"browser: first rows on screen at {timings['first_ms']:.0f} ms, all "
        f"{timings['cells']:,} cells in at {timings['all_ms']:.0f} ms (from navigation start), "
        f"final layout {timings['layout_ms']:.0f} ms, click to evidence {timings['click_ms']:.0f} ms"
    )


if __name__ == "__main__":
    main()
