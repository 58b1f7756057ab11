"""Make docs/img/report.png: the demo's HTML report in headless Chromium, with the
militia-attacks conflict cell clicked open.

    pytest facts/ --factcheck-html report.html      # exits 1: outlets disagree
    python docs/img/screenshot.py report.html

Needs the test extra (selenium) and Debian's chromium and chromium-driver.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,1000",
    "--hide-scrollbars",
)


def main(report: Path, out: Path) -> None:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tempfile.mkdtemp()}")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(report.resolve().as_uri())
        WebDriverWait(driver, 20).until(
            lambda d: d.execute_script("return document.documentElement.dataset.ready === '1'")
        )
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
    finally:
        driver.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else Path(__file__).with_name("report.png"))
