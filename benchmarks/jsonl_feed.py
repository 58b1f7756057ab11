"""Benchmark: a large JSON Lines feed is read with bounded memory (not part of the test run).

Usage (from the repository root):

    python benchmarks/jsonl_feed.py [--sizes 20,200] [--article-bytes 2000]

For each size (MB) it writes a feed of news-like articles (deterministic; one line each,
every tenth article stating a figure about attacks) to a temporary folder, then runs, each
in a fresh Python process so that peak memory (``ru_maxrss``) belongs to that step alone:

* ``list``: ``find_sources`` on the feed (one ``Source`` per line: metadata and offset, no
  text);
* ``read``: listing, then reading every article through ``read_article`` one by one and
  dropping it, as the checker would with no figure kept;
* ``corpus``: listing, then a ``Corpus`` of every article (what a run keeps: the
  figures, with their sentences and words).

The claim is that memory follows the articles and their figures, never the feed's bytes:
the peak of ``list`` and ``read`` grows with the number of lines (a small ``Source`` per
line), not by the size of the file, and no step holds the feed whole.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FILLER = (
    "Officials in the region described a tense week along the border, with convoys moving "
    "between the bases and commanders meeting local leaders to discuss security and aid. "
)

STEP = r"""
import resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from pytest_factcheck.sources.finding import find_sources
from pytest_factcheck.sources.articles import read_article
from pytest_factcheck.checking.corpus import Corpus
step, feed = sys.argv[2], Path(sys.argv[3])
start = time.perf_counter()
sources = find_sources(feed, feed.parent)
figures = 0
if step == "read":
    for source in sources:
        figures += len(read_article(source).mentions)
elif step == "corpus":
    corpus = Corpus(sources)
    figures = sum(len(a.mentions) for a in corpus.articles)
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{len(sources)} {figures} {peak:.0f} {time.perf_counter() - start:.1f}")
"""


def write_feed(path: Path, megabytes: int, article_bytes: int) -> int:
    rng = random.Random(7)
    target = megabytes * 1024 * 1024
    written = lines = 0
    with open(path, "w", encoding="utf-8") as out:
        while written < target:
            lines += 1
            body = FILLER * max(1, article_bytes // len(FILLER))
            if lines % 10 == 0:
                body += f"Militia groups have carried out {rng.randint(120, 160)} attacks on U.S. troops."
            record = {"id": f"w-{lines:07d}", "source": "Desert Wire", "published": "2024-01-21", "text": body}
            line = json.dumps(record) + "\n"
            out.write(line)
            written += len(line)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="20,200", help="feed sizes in MB, comma-separated")
    parser.add_argument("--article-bytes", type=int, default=2000)
    parser.add_argument("--steps", default="list,read,corpus")
    args = parser.parse_args()
    print(f"{'MB':>5} {'lines':>8} {'step':>7} {'sources':>8} {'figures':>8} {'peak MB':>8} {'s':>6}")
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(s) for s in args.sizes.split(",")):
            feed = Path(tmp) / f"feed-{size}.jsonl"
            lines = write_feed(feed, size, args.article_bytes)
            for step in args.steps.split(","):
                started = time.perf_counter()
                out = subprocess.run(
                    [sys.executable, "-c", STEP, str(ROOT), step, str(feed)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout.split()
                sources, figures, peak, _ = out
                elapsed = time.perf_counter() - started
                print(f"{size:>5} {lines:>8} {step:>7} {sources:>8} {figures:>8} {peak:>8} {elapsed:>6.1f}", flush=True)
            feed.unlink()


if __name__ == "__main__":
    main()
