"""Random facts files, manifests and article bytes never crash the stages that read them:
a facts file gives facts or InputErrors, a manifest gives entries or InputErrors, and an
article's bytes always give text. The stage functions are called directly (no pytest run),
so many shapes are tried quickly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pytest_factcheck.common.dates import DateError, parse_date
from pytest_factcheck.common.yamlnodes import InputError
from pytest_factcheck.facts.loading import FACT_KEYS, FILE_KEYS, WAIVER_KEYS, Fact, load_fact_file
from pytest_factcheck.sources.articles import article_from_text, decode
from pytest_factcheck.sources.finding import MANIFEST_KEYS, Source, read_manifest_checked

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

KEYS = st.sampled_from(FACT_KEYS + FILE_KEYS + WAIVER_KEYS + MANIFEST_KEYS + ("zzz", "<<", "1"))
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["140 attacks", "about 151 attacks", "5%", "2024-01-20", "2025-02-30", "2025-13-01", ".."]),
    st.dates().map(dt.date.isoformat),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=5),
    max_leaves=20,
)
#: Raw YAML pieces that a dumper never writes: tags, aliases, merge keys, duplicate keys, bad dates.
RAW = st.sampled_from(
    [
        "!!binary aGk=",
        "!x y",
        "!!python/object:os.system {}",
        "&a [*a]",
        "2025-02-30",
        "0000-01-01",
        "!!timestamp nope",
        "!!int x",
        "!!bool maybe",
        "{a: 1, a: 2}",
        "{<<: {a: 1}}",
        "{1: 2}",
        "[",
        "'",
        "\t",
    ]
)


def _document(value: object, raw: str, at: int) -> str:
    """``value`` as YAML, with ``raw`` spliced in as one fact's value."""
    text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False)
    lines = text.splitlines()
    lines.insert(min(at, len(lines)), f"zzz: {raw}" if at % 2 else f"  - {raw}")
    return "\n".join(lines) + "\n"


FACTS_FILES = st.one_of(
    VALUES.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
    st.builds(lambda facts: yaml.safe_dump({"facts": facts}, allow_unicode=True), st.lists(VALUES, max_size=4)),
    st.builds(
        _document, st.dictionaries(KEYS, VALUES, max_size=4) | st.just({"facts": [{"id": "a"}]}), RAW, st.integers(0, 8)
    ),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
)


@SETTINGS
@given(text=FACTS_FILES)
def test_any_facts_file_gives_facts_or_input_errors(tmp_path: Path, text: str):
    path = tmp_path / "facts.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        loaded = load_fact_file(path, "facts/x.yaml", (tmp_path,), dt.date(2024, 1, 1))
    except InputError as err:
        assert err.path == "facts/x.yaml" and err.line >= 1 and err.column >= 1
        assert "\n" not in err.message
        return
    assert all(isinstance(f, Fact) for f in loaded.facts)
    for error in loaded.errors:
        assert isinstance(error, InputError) and error.line >= 1 and "\n" not in error.message


@SETTINGS
@given(
    text=st.one_of(
        VALUES.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
        st.builds(_document, st.dictionaries(st.text(max_size=5), VALUES, max_size=4), RAW, st.integers(0, 8)),
    )
)
def test_any_manifest_gives_entries_or_input_errors(tmp_path: Path, text: str):
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        entries, errors = read_manifest_checked(path, "seeds/sources.yaml")
    except InputError as err:
        assert err.line >= 1 and "\n" not in err.message
        return
    for entry in entries.values():
        Source(path="seeds/x.txt", file=tmp_path / "x.txt", **entry)  # every kept entry makes a Source
    assert all(isinstance(e, InputError) for e in errors)


@settings(max_examples=300, deadline=None)
@given(data=st.one_of(st.binary(max_size=400), st.text(max_size=200).map(lambda t: t.encode("utf-16"))))
def test_any_article_bytes_are_read(data: bytes):
    text, problem = decode(data)
    assert isinstance(text, str)
    assert problem is None or ("\n" not in problem and problem.startswith("is "))
    if b"\0" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        assert text == ""
    article = article_from_text(Source(path="seeds/x.txt", file=Path("x.txt")), text, problem)
    assert article.problem == problem


@settings(max_examples=300, deadline=None)
@given(value=st.one_of(st.text(max_size=12), st.from_regex(r"\d{4}-\d{2}-\d{2}", fullmatch=True), st.dates()))
def test_the_date_parser_gives_a_date_or_one_sentence(value):
    try:
        day = parse_date(value, "'as_of'")
    except DateError as err:
        assert str(err).startswith("'as_of' ") and "\n" not in str(err)
        return
    assert day.isoformat() == (value if isinstance(value, str) else value.isoformat()).strip()
