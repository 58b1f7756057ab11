"""Headless Chromium for the HTML report: one set-up for the browser tests
(tests/test_browser.py), the report benchmark (benchmarks/html_report.py) and the README's
screenshot (docs/img/screenshot.py).

Needs Debian's ``chromium`` and ``chromium-driver`` (``apt-get install chromium
chromium-driver``; .ci/run installs them) and selenium (the ``test`` extra). The driver is
given by path, so Selenium Manager never runs and nothing is downloaded; the flags keep
Chromium off the network.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

#: Headless, sandbox-free (containers), and no background traffic of Chromium's own.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def find(name: str) -> str | None:
    """The path of an executable on PATH or in /usr/bin, or None."""
    return shutil.which(name) or (f"/usr/bin/{name}" if os.path.exists(f"/usr/bin/{name}") else None)


def missing() -> str | None:
    """Why a headless Chromium cannot be started here, as one sentence; None when it can."""
    if find("chromium") is None:
        return "chromium is not installed (apt-get install chromium)"
    if find("chromedriver") is None:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e .[test])"
    return None


@contextmanager
def headless_chromium(window: str = "1280,900", extra: tuple[str, ...] = ()) -> Iterator[Any]:
    """A selenium driver of a headless Chromium with a fresh profile, quit on exit.

    ``window`` is "width,height" in CSS pixels; ``extra`` adds command-line flags.
    Raises RuntimeError with ``missing()``'s sentence when Chromium cannot be started."""
    reason = missing()
    if reason is not None:
        raise RuntimeError(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = find("chromium")
    for flag in (*FLAGS, f"--window-size={window}", *extra):
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(find("chromedriver")), options=options)
        driver.implicitly_wait(0)
        try:
            yield driver
        finally:
            driver.quit()


def open_report(driver: Any, path: Path, fragment: str = "", timeout: float = 20) -> None:
    """Load an HTML report and wait until its script has laid out the first rows
    (``<html data-ready="1">``)."""
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(path.resolve().as_uri() + fragment)
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.documentElement.dataset.ready === '1'")
    )
