"""The docs stay true to the code: the README's sample output is what the plugin prints,
and every facts key the loader accepts is in the format reference."""

from __future__ import annotations

import re

import pytest
from helpers import REPO, copy_demo

from pytest_factcheck.facts.loading import FACT_KEYS, FILE_KEYS, SCOPE_KEYS, WAIVER_KEYS


def test_readme_sample_is_what_the_plugin_prints(pytester: pytest.Pytester):
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    match = re.search(r"<!-- demo-output: pytest (\S+) -->\n```\n(.*?)```\n<!-- /demo-output -->", readme, re.S)
    assert match, "the README lost its demo-output block"
    copy_demo(pytester)
    result = pytester.runpytest("-p", "no:cacheprovider", "--factcheck-summary=off", match.group(1))
    printed = result.stdout.str()
    sample = match.group(2)
    assert sample in printed, f"README sample differs from the output:\n{printed}"


@pytest.mark.parametrize("key", sorted(set(FACT_KEYS + FILE_KEYS + SCOPE_KEYS + WAIVER_KEYS)))
def test_every_key_is_documented(key: str):
    reference = (REPO / "docs" / "facts-format.md").read_text(encoding="utf-8")
    assert f"`{key}`" in reference or f"{key}:" in reference


def _keys(value, found: set[str]) -> set[str]:
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            _keys(item, found)
    elif isinstance(value, list):
        for item in value:
            _keys(item, found)
    return found


def test_every_json_key_is_documented(pytester: pytest.Pytester):
    from helpers import run_json

    copy_demo(pytester, every_file=True)
    _, doc = run_json(pytester, "facts", "--factcheck-summary=off")
    reference = (REPO / "docs" / "findings-json.md").read_text(encoding="utf-8")
    missing = sorted(k for k in _keys(doc, set()) if f"`{k}`" not in reference)
    assert not missing, f"keys the JSON holds but docs/findings-json.md does not name: {missing}"
