"""The progress line for long reads: on a terminal only, never in CI logs."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from pytest_factcheck.plugin import PROGRESS_AFTER, _progress_line


class Writer:
    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str, flush: bool = False) -> None:
        self.text += text


def config_with(isatty: bool) -> tuple[SimpleNamespace, Writer]:
    writer = Writer()
    reporter = SimpleNamespace(isatty=isatty, write=writer.write)
    manager = SimpleNamespace(get_plugin=lambda name: reporter if name == "terminalreporter" else None)
    return SimpleNamespace(pluginmanager=manager), writer


def test_counts_and_rate_on_a_terminal(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("CI", raising=False)
    config, writer = config_with(isatty=True)
    show = _progress_line(config)
    assert show is not None
    total = PROGRESS_AFTER + 200
    for done in range(1, total + 1):
        show(done, total)
    assert f"factcheck: reading sources 50/{total:,} (" in writer.text
    assert "/s)" in writer.text
    assert writer.text.endswith("\r")  # the line is cleared when reading is done


def test_nothing_for_a_short_read(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv("CI", raising=False)
    config, writer = config_with(isatty=True)
    show = _progress_line(config)
    for done in range(1, 11):
        show(done, 10)
    assert writer.text == ""


@pytest.mark.parametrize("isatty, ci", [(False, None), (True, "true")])
def test_nothing_in_ci_logs(monkeypatch: pytest.MonkeyPatch, isatty, ci):
    if ci:
        monkeypatch.setenv("CI", ci)
    else:
        monkeypatch.delenv("CI", raising=False)
    config, _ = config_with(isatty=isatty)
    assert _progress_line(config) is None
