"""How big are the outputs of a hostile article, and how fast does its HTML cell open?

    python benchmarks/hostile_output.py [--mb 1] [--tree DIR ...]

Writes one article of ``--mb`` megabytes on a single line (no sentence end: a clause with two
figures about the demo's ``militia-attacks`` fact, repeated), points the demo facts file at
it, and runs a cold ``pytest facts --factcheck-json --factcheck-html`` in a fresh process
for each ``--tree`` (a checkout of pytest-factcheck, put first on PYTHONPATH; default: this
one), one after another in the same run, so that the trees are compared under the same load.
Prints, per tree: the JSON and HTML sizes, the pytest process's peak memory, and (headless
Chromium + chromedriver + selenium) how long a click on the article's ``militia-attacks``
cell takes to fill the evidence panel (the click handler is synchronous: measured in the
page with ``performance.now()``).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
CHUNK = (
    "officials said 140 attacks on U.S. troops in Iraq and Syria had been counted, and about 151 "
    "strikes on U.S. troops in Iraq and Syria since October, "
)


def workspace(folder: Path, megabytes: float) -> None:
    (folder / "news").mkdir()
    (folder / "facts").mkdir()
    size = int(megabytes * 1_000_000)
    (folder / "news" / "big.txt").write_text((CHUNK * (size // len(CHUNK) + 1))[:size], encoding="utf-8")
    facts = (HERE / "facts" / "ain-al-asad-2024.yaml").read_text(encoding="utf-8").replace("../seeds", "../news")
    (folder / "facts" / "ain-al-asad-2024.yaml").write_text(facts, encoding="utf-8")
    (folder / "tox.ini").write_text("[pytest]\nfactcheck_sources = news\n", encoding="utf-8")


def run(folder: Path, tree: Path) -> dict[str, float]:
    for name in ("f.json", "r.html"):
        (folder / name).unlink(missing_ok=True)
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONHASHSEED="0")
    env.pop("CI", None)
    measure = (
        "import resource, sys, pytest; pytest.main(sys.argv[1:]); "
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"
    )
    args = ["-q", "-p", "no:cacheprovider", "facts", "--factcheck-json", "f.json", "--factcheck-html", "r.html"]
    done = subprocess.run(
        [sys.executable, "-c", measure, *args, "--factcheck-summary=off"],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    peak = int(done.stderr.split()[-1])  # KiB, this pytest process alone
    return {
        "json_mb": (folder / "f.json").stat().st_size / 1e6,
        "html_mb": (folder / "r.html").stat().st_size / 1e6,
        "peak_mb": peak / 1024,
        "click_s": click_seconds(folder / "r.html"),
    }


def click_seconds(page: Path) -> float:
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        return float("nan")
    chromium, driver_path = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver_path):
        return float("nan")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"):
        options.add_argument(flag)
    with tempfile.TemporaryDirectory() as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(driver_path), options=options)
        driver.set_script_timeout(600)
        try:
            driver.get(page.as_uri())
            WebDriverWait(driver, 600).until(
                lambda d: d.execute_script("return document.documentElement.dataset.ready === '1'")
            )
            try:
                return driver.execute_script(
                    "var row = Array.from(document.querySelectorAll('#fc-matrix tbody tr'))"
                    ".find(function (r) { return r.textContent.indexOf('militia-attacks') !== -1; });"
                    "var td = row.querySelector('td');"
                    "var t = performance.now(); td.click(); return (performance.now() - t) / 1000;"
                )
            except Exception:  # WebDriver gave up waiting (120 s): the page froze
                return float("inf")
        finally:
            driver.quit()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--tree", type=Path, action="append", help="a pytest-factcheck checkout (default: this one)")
    args = parser.parse_args()
    trees = args.tree or [HERE]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        workspace(folder, args.mb)
        print(f"one line of {args.mb:g} MB, {CHUNK.count('U.S.')} figures about the fact every {len(CHUNK)} characters")
        for tree in trees:
            r = run(folder, tree.resolve())
            print(
                f"{tree!s:<28} JSON {r['json_mb']:8.2f} MB  HTML {r['html_mb']:6.2f} MB  "
                f"peak {r['peak_mb']:7.0f} MB  click {r['click_s']:6.3f} s"
            )


if __name__ == "__main__":
    main()
