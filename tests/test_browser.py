"""The HTML report in a real headless Chromium: it draws, it shows evidence, it runs nothing
an article smuggles in.

Needs /usr/bin/chromium, /usr/bin/chromedriver (Debian: ``apt-get install chromium
chromium-driver``) and selenium. Without them the tests skip, except under CI=true, where
they fail: CI must run them.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from chromium import headless_chromium, missing, open_report

from pytest_factcheck.reports.html import render_html

DATA = Path(__file__).parent / "data"


def _require(reason: str | None) -> None:
    if reason is None:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    _require(missing())
    with headless_chromium() as driver:
        yield driver


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("reports")
    paths = {}
    for name in ("sample", "hostile"):
        doc = json.loads((DATA / f"findings-{name}.json").read_text(encoding="utf-8"))
        paths[name] = out / f"{name}.html"
        paths[name].write_text(render_html(doc), encoding="utf-8")
    return paths


def cell(browser, fact_id: str, column: int):
    """The cell of a fact (by its id as shown) and a source (0-based column)."""
    from selenium.webdriver.common.by import By

    for tr in browser.find_elements(By.CSS_SELECTOR, "#fc-matrix tbody tr"):
        if tr.find_element(By.CSS_SELECTOR, "th a.id").text == fact_id:
            return tr.find_elements(By.CSS_SELECTOR, "td")[column]
    raise AssertionError(f"no row for {fact_id}")


def evidence(browser):
    from selenium.webdriver.common.by import By

    return browser.find_element(By.ID, "fc-evidence")


def visible_rows(browser) -> list[str]:
    from selenium.webdriver.common.by import By

    return [
        tr.find_element(By.CSS_SELECTOR, "th a.id").text
        for tr in browser.find_elements(By.CSS_SELECTOR, "#fc-matrix tbody tr")
        if tr.is_displayed()
    ]


def test_the_matrix_renders(browser, pages):
    from selenium.webdriver.common.by import By

    open_report(browser, pages["sample"])
    assert len(browser.find_elements(By.CSS_SELECTOR, "#fc-matrix tbody tr")) == 6
    assert len(browser.find_elements(By.CSS_SELECTOR, "#fc-matrix tbody td")) == 30
    heads = [th.text.replace("\n", " ") for th in browser.find_elements(By.CSS_SELECTOR, "#fc-matrix thead th.src")]
    assert heads[0] == "The New York Times 2024-01-20"
    assert heads[1] == "001_7b9bd131cf0f6ced.txt no date"
    labels = [
        td.get_attribute("aria-label") for td in cell(browser, "militia-attacks", 0).find_elements(By.XPATH, "../td")
    ]
    assert labels == ["agree", "agree", "hedged", "conflict", "silent"]
    assert "Militia attacks on U.S. troops" in browser.find_element(By.CSS_SELECTOR, "tbody th").text
    assert evidence(browser).is_displayed() is False


def test_clicking_a_conflict_shows_the_evidence_with_the_figure_highlighted(browser, pages, tmp_path):
    from selenium.webdriver.common.by import By

    open_report(browser, pages["sample"])
    target = cell(browser, "militia-attacks", 3)
    assert target.get_attribute("aria-label") == "conflict"
    target.click()
    panel = evidence(browser)
    assert panel.is_displayed()
    marks = panel.find_elements(By.TAG_NAME, "mark")
    assert [m.text for m in marks] == ["about 151 such rocket and missile strikes"]
    quote = panel.find_element(By.TAG_NAME, "blockquote").text
    assert quote.startswith("The attack against Al Asad Air Base") and "151" in quote
    text = panel.text
    for expected in (
        "conflict",
        "The New York Times",
        "2024-01-23",
        "140 attacks",
        "seeds/003_455f14d27b3779dd.txt:4",
        "facts/ain-al-asad-2024.yaml:7",
    ):
        assert expected in text
    browser.save_screenshot(str(tmp_path / "evidence.png"))


def test_a_waived_cell_shows_the_waiver(browser, pages):
    open_report(browser, pages["sample"])
    cell(browser, "personnel-injured", 3).click()
    text = evidence(browser).text
    assert "waived" in text and "until 2024-06-30" in text and "by national desk" in text
    assert "At least 83 U.S. personnel" in text


def test_filter_keeps_only_failed_and_warned_facts(browser, pages):
    from selenium.webdriver.common.by import By

    open_report(browser, pages["sample"])
    assert len(visible_rows(browser)) == 6
    browser.find_element(By.ID, "fc-only-failing").click()
    assert visible_rows(browser) == ["militia-attacks", "us-injured-al-asad", "gaza-injured"]


def test_keyboard_moves_between_cells_and_opens_the_evidence(browser, pages):
    from selenium.webdriver.common.keys import Keys

    open_report(browser, pages["sample"])
    start = cell(browser, "militia-attacks", 2)
    start.click()
    active = browser.switch_to.active_element
    active.send_keys(Keys.ARROW_RIGHT)
    active = browser.switch_to.active_element
    assert active.get_attribute("aria-label") == "conflict"
    for _ in range(3):  # rows in the file's order: us-troops-iraq, us-injured-al-asad, personnel-injured
        active.send_keys(Keys.ARROW_DOWN)
        active = browser.switch_to.active_element
    assert active.get_attribute("aria-label") == "waived"
    active.send_keys(Keys.ENTER)
    assert "At least 83 U.S. personnel" in evidence(browser).text
    active.send_keys(Keys.ESCAPE)
    assert evidence(browser).is_displayed() is False


def test_deep_link_marks_the_fact(browser, pages):
    from selenium.webdriver.common.by import By

    open_report(browser, pages["sample"], "#gaza-injured")
    targets = browser.find_elements(By.CSS_SELECTOR, "#fc-matrix tr.target th a.id")
    assert [t.text for t in targets] == ["gaza-injured"]


def test_hostile_article_shows_as_text_and_runs_nothing(browser, pages):
    from selenium.webdriver.common.by import By

    open_report(browser, pages["hostile"], "#__proto__")

    def untouched() -> None:
        assert browser.execute_script("return typeof window.__pwned") == "undefined"
        assert "PWNED" not in browser.title
        assert browser.execute_script("return document.images.length") == 0
        assert browser.execute_script("return document.scripts.length") == 2

    untouched()
    heads = [th.text for th in browser.find_elements(By.CSS_SELECTOR, "#fc-matrix thead th.src")]
    assert any(h.startswith('<img src=x onerror="document.title=') for h in heads)
    targets = browser.find_elements(By.CSS_SELECTOR, "#fc-matrix tr.target th a.id")
    assert [t.text for t in targets] == ["__proto__"]
    conflict = cell(browser, "militia-attacks", 3)
    conflict.click()
    panel = evidence(browser)
    assert [m.text for m in panel.find_elements(By.TAG_NAME, "mark")] == ["about 151 such rocket and missile strikes"]
    quote = panel.find_element(By.TAG_NAME, "blockquote").text
    assert "<script>document.title='PWNED';window.__pwned=1</script>" in quote
    cell(browser, "militia-attacks", 2).click()  # the hostile outlet's own cell
    panel = evidence(browser)
    assert '<img src=x onerror="document.title=' in panel.text
    assert "<img src=x onerror=alert(1)> caption" in panel.text
    assert panel.find_elements(By.CSS_SELECTOR, "a[href^='javascript']") == []
    untouched()
