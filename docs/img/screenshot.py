"""Make docs/img/report.png: the demo's HTML report in headless Chromium, with the
militia-attacks conflict cell clicked open.

    pytest facts/ --factcheck-html report.html      # exits 1: outlets disagree
    python docs/img/screenshot.py report.html

Needs the test extra (selenium) and Debian's chromium and chromium-driver.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "tests"))
from chromium import headless_chromium, open_report
from selenium.webdriver.common.by import By


def main(report: Path, out: Path) -> None:
    with headless_chromium(window="1280,1000", extra=("--hide-scrollbars",)) as driver:
        open_report(driver, report)
        for row in driver.find_elements(By.CSS_SELECTOR, "#fc-matrix tbody tr"):
            if row.find_element(By.CSS_SELECTOR, "th a.id").text == "ain-al-asad-2024.yaml::militia-attacks":
                conflict = [
                    td
                    for td in row.find_elements(By.CSS_SELECTOR, "td")
                    if "conflict" in (td.get_attribute("aria-label") or "")
                ]
                conflict[0].click()
                break
        driver.save_screenshot(str(out))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).with_name("report.png"))
