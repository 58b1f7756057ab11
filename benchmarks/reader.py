"""Benchmark of the figure reader (not part of the test run).

Usage (from the repository root):

    python benchmarks/reader.py [--articles 600] [--sample 1500]
    python benchmarks/reader.py --against HEAD~1 [--rounds 7]

``--against REV`` compares this tree's reader with the reader of commit ``REV`` in one run:
``git archive`` exports REV's package into a temporary folder under another name; in each
round both readers read every text of the seeds and the generated corpus back to back, in
alternating order, timed in CPU time; the ratio of their best round totals and the median
of the per-round ratios are printed. Nothing else is measured in that mode.

Measures, in one run on the same text:

* our throughput (MB/s and sentences/s) on the five seeds and on a generated news-like
  corpus (deterministic seed), calling ``read_sentences`` once per article;
* the floor: a bare regular-expression scan for digits and number words over the same
  text, both written the obvious way (IGNORECASE) and the fastest way we know (a
  case-sensitive scan of a lower-cased copy);
* quantulum3 (the optional ``bench`` extra) on the same sentences: its throughput, and
  both readers' scores on the case table tests/reader_cases.yaml.

A case is *right* when the reader returns exactly as many figures as the table and each
figure, in order, has the table's interval: the same low and high end (within 1e-6
relative; an open end must be open). Intervals are what the checker compares, and the
only thing quantulum3 can be scored on (it has no hedges, nouns or roles): a plain number
N is [N, N], quantulum3's ``value ± uncertainty`` is [value - u, value + u].
"""

from __future__ import annotations

import argparse
import math
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from pytest_factcheck.reader.reading import read_figures, read_sentences  # noqa: E402

NUMBER_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion", "dozen", "dozens", "hundreds", "thousands", "first", "second", "third", "fourth", "fifth", "half"]
_WORDS = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
BARE_NAIVE = re.compile(rf"\d+(?:[.,]\d+)*|\b(?:{_WORDS})\b", re.IGNORECASE)
BARE_FAST = re.compile(rf"\d+(?:[.,]\d+)*|\b(?:{_WORDS})\b")
_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

# ------------------------------------------------------------------ generated corpus

_HEDGES = [
    "",
    "",
    "",
    "at least ",
    "more than ",
    "about ",
    "nearly ",
    "roughly ",
    "up to ",
    "as many as ",
    "fewer than ",
    "some ",
    "no fewer than ",
]
_NOUNS = [
    "attacks",
    "rockets",
    "drones",
    "U.S. troops",
    "service members",
    "civilians",
    "militia fighters",
    "short-range ballistic missiles",
    "such rocket and drone strikes",
    "Iraqi soldiers",
    "people",
    "homes",
    "aid trucks",
]
_PLACES = ["Iraq", "Syria", "Jordan", "Gaza", "the Red Sea", "northern Syria", "Baghdad"]
_VERBS = [
    "were injured",
    "were killed",
    "were reported",
    "were fired",
    "have been launched",
    "were intercepted",
    "returned to duty",
]
_MONTHS = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Oct.", "Nov."]
_PEOPLE = [
    "Brig. Gen. Yahya Rasool",
    "Maj. Gen. Pat Ryder",
    "Lloyd J. Austin III",
    "Sabrina Singh",
    "Col. Wayne Marotto",
    "Mr. Badawi",
]
#: In the five seeds about two sentences in three state no figure; so here.
_NUMBERLESS_SHARE = 0.64
_NUMBERLESS = [
    "The attacks have thrust the government of Iraqi Prime Minister Mohammed Shia al-Sudani "
    "into the middle of the growing tensions between Tehran and Washington.",
    "U.S. officials in {place} said it was not immediately clear if the militia attacks were "
    "related to the earlier strikes.",
    "Iranian-linked militias in {place}, known collectively as the Axis of Resistance, claimed "
    "in a statement that the attack was a response to the war.",
    "{person} said the U.S. does not seek to escalate the conflict in the region.",
    "Reuters reported that U.S. troops suffered \u201cminor injuries\u201d in the attack on the base in {place}.",
    "The Defense Department referred questions to Central Command, which did not immediately "
    "respond to a request for comment.",
    "Video of the aftermath showed smoke rising above the city, and state media said the blast "
    "struck a residential building in {place}.",
    "An Iraqi soldier was injured as well, said {person}, a military spokesperson.",
    "A number of U.S. personnel were being evaluated for traumatic brain injuries after a few "
    "rockets landed near the runway.",
]
_WORD_NUMBERS = [
    "two",
    "three",
    "four",
    "seven",
    "twenty-five",
    "a dozen",
    "dozens",
    "one hundred and forty",
    "hundreds",
    "two and a half million",
]


def _number(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.35:
        return str(rng.randint(2, 99))
    if roll < 0.6:
        return f"{rng.randint(1, 99)},{rng.randint(0, 999):03d}"
    if roll < 0.7:
        return f"{rng.randint(1, 9)}.{rng.randint(1, 9)} million"
    return rng.choice(_WORD_NUMBERS)


def _sentence(rng: random.Random) -> str:
    n = _number
    templates = [
        lambda: (
            f"{rng.choice(_HEDGES)}{n(rng)} {rng.choice(_NOUNS)} {rng.choice(_VERBS)} in "
            f"{rng.choice(_PLACES)} since {rng.choice(_MONTHS)} {rng.randint(1, 28)}, "
            f"{rng.choice(_PEOPLE)} said."
        ),
        lambda: (
            f"There have been {rng.choice(_HEDGES)}{n(rng)} {rng.choice(_NOUNS)} in the "
            f"past {rng.choice(['two', 'three', 'six'])} months, with {n(rng)} in "
            f"{rng.choice(_PLACES)} and {n(rng)} in {rng.choice(_PLACES)}."
        ),
        lambda: (
            f"The Health Ministry said the strikes had killed {rng.choice(_HEDGES)}"
            f"{n(rng)} and injured {rng.choice(_HEDGES)}{n(rng)}, up from {n(rng)} "
            f"last week."
        ),
        lambda: (
            f"The base, about {rng.randint(20, 400)} miles west of Baghdad, was hit at "
            f"{rng.randint(1, 12)}:{rng.randint(10, 59)} p.m. on {rng.choice(_MONTHS)} "
            f"{rng.randint(1, 28)}, {rng.choice(['2022', '2023', '2024'])}."
        ),
        lambda: (
            f"In {rng.randint(1990, 2024)}, the U.S. approved ${rng.randint(1, 9)}bn in "
            f"aid, about {rng.randint(10, 90)}% of it for {rng.choice(_NOUNS)}."
        ),
        lambda: (
            f"\u201cWe will respond,\u201d {rng.choice(_PEOPLE)} told reporters at the "
            f"Pentagon, adding that the F-16 and MQ-9 fleets were ready."
        ),
        lambda: (
            f"Officials did not say how many {rng.choice(_NOUNS)} were involved in the "
            f"attack on Tower 22, near the border with {rng.choice(_PLACES)}."
        ),
        lambda: (
            f"It was the {rng.choice(['fourth or fifth', '144th', 'second'])} attack on "
            f"{rng.choice(_PLACES)} this month, and 1 in {rng.randint(3, 9)} caused injuries."
        ),
    ]
    if rng.random() < _NUMBERLESS_SHARE:
        return rng.choice(_NUMBERLESS).format(person=rng.choice(_PEOPLE), place=rng.choice(_PLACES))
    return rng.choice(templates)()


def generated_articles(count: int, seed: int = 2024) -> list[str]:
    """``count`` news-like articles of a headline and four paragraphs each."""
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        paragraphs = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 4))) for _ in range(4)]
        articles.append("Militias Strike U.S. Base in Iraq\n\n" + "\n\n".join(paragraphs))
    return articles


# ------------------------------------------------------------------ measurements


def _time(function, repeat: int = 5) -> float:
    best = math.inf
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        best = min(best, time.perf_counter() - start)
    return best


def _ours(articles: list[str]) -> tuple[float, int]:
    sentences = 0

    def run() -> None:
        nonlocal sentences
        sentences = sum(len(read_sentences(article)) for article in articles)

    return _time(run), sentences


def _bare(articles: list[str], fast: bool) -> float:
    if fast:
        return _time(lambda: [sum(1 for _ in BARE_FAST.finditer(a.translate(_LOWER))) for a in articles])
    return _time(lambda: [sum(1 for _ in BARE_NAIVE.finditer(a)) for a in articles])


def _intervals_ours(text: str) -> list[tuple[float | None, float | None]]:
    return [(f.low, f.high) for f in read_figures(text)]


def _intervals_quantulum(parse, text: str) -> list[tuple[float | None, float | None]]:
    out = []
    for quantity in parse(text):
        spread = quantity.uncertainty or 0
        out.append((quantity.value - spread, quantity.value + spread))
    return out


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def score(cases: list[dict], intervals) -> int:
    """How many cases a reader gets right (see the module docstring)."""
    right = 0
    for case in cases:
        try:
            got = intervals(case["text"])
        except Exception:  # a crash on a case is a wrong case
            continue
        want = [(f["low"], f["high"]) for f in case["figures"]]
        if len(got) == len(want) and all(_same(g[0], w[0]) and _same(g[1], w[1]) for g, w in zip(got, want)):
            right += 1
    return right


def _sentence_texts(articles: list[str], limit: int) -> list[str]:
    out = []
    for article in articles:
        out.extend(article[s.start : s.end] for s in read_sentences(article))
        if len(out) >= limit:
            break
    return out[:limit]


def _reader_at(rev: str, folder: Path):
    """``read_sentences`` of the package as committed at ``rev``, imported as ``factcheck_at_rev``."""
    import importlib
    import io
    import subprocess
    import tarfile

    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", rev, "pytest_factcheck"], check=True, capture_output=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    (folder / "pytest_factcheck").rename(folder / "factcheck_at_rev")
    sys.path.insert(0, str(folder))
    return importlib.import_module("factcheck_at_rev.reader.reading").read_sentences


def against(rev: str, articles: int, rounds: int) -> None:
    """Print this reader's speed against the reader at ``rev`` on the same text, interleaved."""
    import tempfile

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    texts = seeds + generated_articles(articles)
    size = sum(len(a.encode("utf-8")) for a in texts) / 1e6
    with tempfile.TemporaryDirectory() as folder:
        old = _reader_at(rev, Path(folder))
        readers = {"this tree": read_sentences, rev: old}
        best = {name: math.inf for name in readers}
        ratios = []
        clock = time.process_time  # CPU time: less swayed by other processes than the clock
        for i in range(rounds):
            took = dict.fromkeys(readers, 0.0)
            for j, text in enumerate(texts):
                # both readers read each text back to back, in alternating order, so load drift
                # on a shared machine falls on both alike
                order = list(readers) if (i + j) % 2 == 0 else list(readers)[::-1]
                for name in order:
                    start = clock()
                    readers[name](text)
                    took[name] += clock() - start
            for name in readers:
                best[name] = min(best[name], took[name])
            ratios.append(took["this tree"] / took[rev])
    print(f"## Reader speed against {rev} (best of {rounds} interleaved rounds, {size:.3f} MB)\n")
    print("| reader | seconds | MB/s |")
    print("|---|---|---|")
    for name, seconds in best.items():
        print(f"| {name} | {seconds:.3f} | {size / seconds:.2f} |")
    ratios.sort()
    print(
        f"\nthis tree takes {best['this tree'] / best[rev]:.2f}x the time of {rev} (best against best); "
        f"paired rounds: median {ratios[len(ratios) // 2]:.2f}x, range {ratios[0]:.2f}x to {ratios[-1]:.2f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", metavar="REV", help="compare with the reader at this git revision, only")
    parser.add_argument("--rounds", type=int, default=7, help="interleaved rounds for --against")
    parser.add_argument("--articles", type=int, default=600, help="generated articles")
    parser.add_argument(
        "--sample", type=int, default=1500, help="sentences given to both readers for the quantulum3 comparison"
    )
    args = parser.parse_args()
    if args.against:
        against(args.against, args.articles, args.rounds)
        return

    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    corpus = generated_articles(args.articles)
    cases = yaml.safe_load((ROOT / "tests" / "reader_cases.yaml").read_text(encoding="utf-8"))

    rows = []
    for name, articles in (("seeds (5 articles)", seeds), (f"generated ({args.articles} articles)", corpus)):
        size = sum(len(a.encode("utf-8")) for a in articles) / 1e6
        ours, sentences = _ours(articles)
        naive = _bare(articles, fast=False)
        fast = _bare(articles, fast=True)
        rows.append((name, size, sentences, ours, naive, fast))

    print("## Throughput (best of 5)\n")
    print(
        "| text | MB | sentences | ours MB/s | ours sentences/s | bare scan MB/s "
        "(IGNORECASE / lower-cased) | ours vs bare (IGNORECASE / lower-cased) |"
    )
    print("|---|---|---|---|---|---|---|")
    for name, size, sentences, ours, naive, fast in rows:
        print(
            f"| {name} | {size:.3f} | {sentences} | {size / ours:.2f} | {sentences / ours:,.0f} "
            f"| {size / naive:.2f} / {size / fast:.2f} | {naive / ours:.2f} / {fast / ours:.2f} |"
        )

    ours_right = score(cases, _intervals_ours)
    print(f"\n## Case table ({len(cases)} cases, tests/reader_cases.yaml)\n")
    print(f"- ours: {ours_right}/{len(cases)} cases right")

    try:
        from quantulum3 import parser as quantulum
    except ImportError:
        print("- quantulum3: NOT INSTALLED (pip install -e '.[bench]'); comparison skipped")
        return
    import warnings

    warnings.filterwarnings("ignore")
    start = time.perf_counter()
    quantulum.parse("warm up: 110 miles")
    warm_up = time.perf_counter() - start
    q_right = score(cases, lambda text: _intervals_quantulum(quantulum.parse, text))
    print(f"- quantulum3: {q_right}/{len(cases)} cases right")
    print(f"- ours minus quantulum3: {ours_right - q_right} more cases right")

    sample = _sentence_texts(seeds, 10_000) + _sentence_texts(corpus, args.sample)
    size = sum(len(s.encode("utf-8")) for s in sample) / 1e6
    ours_time = _time(lambda: [read_figures(s) for s in sample], repeat=5)
    q_time = _time(lambda: [quantulum.parse(s) for s in sample], repeat=1)
    # the checker reads whole articles: the same sentences, 20 to a text
    chunks = ["\n\n".join(sample[i : i + 20]) for i in range(0, len(sample), 20)]
    ours_chunked = _time(lambda: [read_sentences(c) for c in chunks], repeat=5)
    print(f"\n## Same {len(sample)} sentences ({size:.3f} MB): ours vs quantulum3\n")
    print("| reader | seconds | MB/s | sentences/s | ms/sentence |")
    print("|---|---|---|---|---|")
    for name, seconds in (
        ("ours, one call per sentence", ours_time),
        ("ours, 20 sentences per call", ours_chunked),
        ("quantulum3, one call per sentence", q_time),
    ):
        print(
            f"| {name} | {seconds:.3f} | {size / seconds:.3f} | {len(sample) / seconds:,.0f} "
            f"| {1000 * seconds / len(sample):.3f} |"
        )
    print(
        f"\nours is {q_time / ours_time:.0f}x faster than quantulum3 call for call, "
        f"{q_time / ours_chunked:.0f}x reading the same sentences as articles "
        f"(quantulum3's first call, excluded above: {warm_up:.2f} s)"
    )


if __name__ == "__main__":
    main()
