"""The scale corpus generator (benchmarks/make_corpus.py, issue 6): deterministic, format v1,
truth for every cell, different articles, and truth that the text itself bears out."""

from __future__ import annotations

import datetime as dt
import importlib.util
import itertools
import json
import re
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz import fuzz

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


mc = _load("make_corpus")

FACT_KEYS = {
    "id",
    "claim",
    "expect",
    "counts",
    "context",
    "exclude",
    "tolerance",
    "hedged",
    "min_sources",
    "sources",
    "tags",
}
SCOPE_KEYS = {"paths", "published", "outlets", "exclude"}
ID = re.compile(r"[a-z0-9][a-z0-9_.-]*\Z")
TAG = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
WINDOW = re.compile(r"(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?\Z")


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("corpus")
    return out, mc.make_corpus(out, articles=240, facts=90, seed=11)


def _facts_files(root: Path) -> dict[str, dict]:
    return {p.name: yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "facts").glob("*.yaml"))}


def _articles(root: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((root / "sources").glob("*.txt"))}


# --------------------------------------------------------------------------- determinism


def test_another_seed_writes_another_corpus(corpus, tmp_path):
    root, _ = corpus
    mc.make_corpus(tmp_path, articles=240, facts=90, seed=12)
    mine, theirs = _files(root), _files(tmp_path)
    assert mine.keys() - {"truth.json"} != set() and mine != theirs
    same = [name for name in mine if name.startswith("sources/") and mine[name] == theirs.get(name)]
    assert same == []


def test_regenerating_into_the_same_folder_leaves_nothing_stale(tmp_path):
    mc.make_corpus(tmp_path, articles=60, facts=240, seed=3)
    mc.make_corpus(tmp_path, articles=20, facts=30, seed=3)
    assert len(list((tmp_path / "sources").glob("*.txt"))) == 20
    assert sum(len(d["facts"]) for d in _facts_files(tmp_path).values()) == 30


def test_refuses_to_wipe_a_folder_it_did_not_make(tmp_path):
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "precious.txt").write_text("an editor's notes")
    with pytest.raises(SystemExit):
        mc.make_corpus(tmp_path, articles=5, facts=5, seed=1)
    assert (tmp_path / "sources" / "precious.txt").exists()


# --------------------------------------------------------------------------- format v1


def _check_scope(scope: dict, where: str) -> None:
    assert isinstance(scope, dict) and set(scope) <= SCOPE_KEYS, where
    if "published" in scope:
        assert WINDOW.match(str(scope["published"])), where
    for key in ("paths", "outlets", "exclude"):
        if key in scope:
            assert isinstance(scope[key], list) and all(isinstance(x, str) for x in scope[key]), where


def _check_fact(fact: dict, where: str) -> None:
    assert set(fact) <= FACT_KEYS and {"id", "expect"} <= set(fact), where
    assert ID.match(fact["id"]), where
    assert re.fullmatch(r"[\d,]+ [a-z][a-z ]*", fact["expect"]), where
    for key in ("counts", "exclude"):
        assert all(isinstance(x, str) for x in fact.get(key, [])), where
    for entry in fact["context"]:
        assert isinstance(entry, str) or all(isinstance(x, str) for x in entry), where
    tolerance = fact.get("tolerance", 0)
    assert isinstance(tolerance, int) or re.fullmatch(r"\d+%", tolerance), where
    assert fact.get("hedged", "fail") in ("fail", "pass"), where
    assert all(TAG.match(t) for t in fact["tags"]), where
    if "sources" in fact:
        _check_scope(fact["sources"], where)


def test_facts_files_are_format_v1(corpus):
    root, summary = corpus
    files = _facts_files(root)
    assert len(files) == summary["fact_files"] >= 2
    for name, data in files.items():
        assert set(data) <= {"sources", "facts"} and data["facts"], name
        if "sources" in data:
            _check_scope(data["sources"], name)
        ids = [f["id"] for f in data["facts"]]
        assert len(ids) == len(set(ids)), name
        for fact in data["facts"]:
            _check_fact(fact, f"{name}::{fact.get('id')}")
    assert sum(len(d["facts"]) for d in files.values()) == 90


def test_desk_files_hold_fifty_to_two_hundred_facts(tmp_path):
    mc.make_corpus(tmp_path, articles=30, facts=1200, seed=5)
    sizes = [len(d["facts"]) for d in _facts_files(tmp_path).values()]
    assert sum(sizes) == 1200 and len(sizes) >= 6
    assert all(50 <= n <= 200 for n in sizes), sizes


def test_manifest_and_ini(corpus):
    root, _ = corpus
    manifest = yaml.safe_load((root / "sources" / "sources.yaml").read_text(encoding="utf-8"))
    assert set(manifest) == set(_articles(root))
    for name, entry in manifest.items():
        assert set(entry) == {"outlet", "published", "url", "title"}, name
        assert isinstance(entry["published"], dt.date) and entry["url"].startswith("https://")
    assert len({e["outlet"] for e in manifest.values()}) >= 10
    assert len({e["published"] for e in manifest.values()}) >= 50
    ini = (root / "pytest.ini").read_text(encoding="utf-8")
    assert ini == "[pytest]\nfactcheck_sources = sources\nfactcheck_facts = facts\n"


# --------------------------------------------------------------------------- truth


def test_truth_covers_every_cell_with_a_verdict(corpus):
    root, summary = corpus
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    facts = {f"facts/{name}::{f['id']}" for name, d in _facts_files(root).items() for f in d["facts"]}
    sources = {f"sources/{name}" for name in _articles(root)}
    assert set(truth) == facts
    for key, row in truth.items():
        assert set(row) == sources, key
        assert set(row.values()) <= set(mc.VERDICTS), key
    seen = [v for row in truth.values() for v in row.values()]
    assert {v: seen.count(v) for v in mc.VERDICTS} == summary["verdicts"]
    assert all(summary["verdicts"][v] > 0 for v in mc.VERDICTS), summary["verdicts"]


_NUMBER = "|".join(sorted(set(mc.ONES + mc.TENS[2:] + ("hundred", "and")), key=len, reverse=True))
_SENTENCE_END = re.compile(r"(?<=[.!?\u201d])\s+(?=[A-Z\u201c])")


def _sentences(text: str) -> list[str]:
    return [s for para in text.split("\n\n") for s in _SENTENCE_END.split(para) if s.strip()]


def _stated(sentence: str, phrases: list[str]) -> bool:
    """Whether the sentence states a number of one of the phrases (an independent reading)."""
    number = rf"(?:\d[\d,]*|(?:{_NUMBER})(?:[- ](?:{_NUMBER}))*)"
    return any(re.search(rf"\b{number} {re.escape(p)}\b", sentence, re.IGNORECASE) for p in phrases)


def test_truth_is_borne_out_by_the_text(corpus):
    """A cell is agree/hedged/conflict exactly when its article states the fact's noun with a
    number in a sentence naming the fact's place and none of its exclude words."""
    root, _ = corpus
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    sentences = {name: _sentences(text) for name, text in _articles(root).items()}
    checked = 0
    for name, data in _facts_files(root).items():
        for fact in data["facts"]:
            place = fact["context"][0] if isinstance(fact["context"][0], str) else fact["context"][0][0]
            phrases = fact.get("counts") or [fact["expect"].split(" ", 1)[1]]
            row = truth[f"facts/{name}::{fact['id']}"]
            for source, verdict in row.items():
                if verdict == "out_of_scope":
                    continue
                about = [
                    s
                    for s in sentences[source.split("/", 1)[1]]
                    if place in s and _stated(s, phrases) and not any(w in s for w in fact.get("exclude", []))
                ]
                assert bool(about) == (verdict != "silent"), (fact["id"], source, verdict, about)
                checked += 1
    assert checked > 10_000


def test_the_benchmark_streams_truth_and_findings_back(corpus, tmp_path, monkeypatch):
    """benchmarks/run.py compares gigabyte files a fact at a time; check it on a small one,
    pretty-printed, out of order, with one wrong cell and one fact missing."""
    root, summary = corpus
    run = _load("run")
    monkeypatch.setattr(run, "_CHUNK", 512)  # many refills of the buffer
    truth = json.loads((root / "truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth, reverse=True)
    facts = [
        {"nodeid": k, "findings": [{"source": s, "verdict": v, "mentions": []} for s, v in truth[k].items()]}
        for k in keys[1:]
    ]
    facts[0]["findings"][0]["verdict"] = "wrong"
    doc = {"schema": "pytest-factcheck/1", "sources": [{"title": '"facts": ['}], "facts": facts}
    (tmp_path / "out.json").write_text(json.dumps(doc, indent=1), encoding="utf-8")
    result = run.compare_truth(root / "truth.json", tmp_path / "out.json")
    assert result["cells"] == summary["cells"]
    assert result["matched"] == summary["cells"] - 1 - len(truth[keys[0]])
    assert sum(result["kinds"].values()) == 1 + len(truth[keys[0]])
    assert result["wrong"][0]["fact"] == keys[1] and result["wrong"][0]["got"] == "wrong"


# --------------------------------------------------------------------------- articles


def test_articles_are_not_repeated(corpus):
    root, _ = corpus
    texts = _articles(root)
    assert len(set(texts.values())) == len(texts)
    bodies = {name: set(_sentences(text)[3:]) for name, text in texts.items()}
    shares = [len(sa & sb) / min(len(sa), len(sb)) for sa, sb in itertools.combinations(bodies.values(), 2)]
    assert max(shares) <= 0.5  # a brief may share a stock sentence or two, never its story
    assert sum(shares) / len(shares) < 0.05


def test_articles_look_like_news(corpus):
    root, _ = corpus
    texts = list(_articles(root).values())
    body = [s for t in texts for s in _sentences(t)[3:]]
    assert not [s for s in body if s[0].isdigit()]  # newsroom style, and no splitter doubt
    words = [len(s.split()) for s in body]
    assert 10 <= sum(words) / len(words) <= 30
    sizes = sorted(len(t) for t in texts)
    assert 1_500 <= sizes[len(sizes) // 2] <= 6_000
    joined = "\n".join(texts)
    for form in (
        r"\d{1,3}(?:,\d{3})+ ",
        r"\b(?:twenty|thirty|forty|fifty)-\w+ ",
        r"\bbetween \d",
        r"\bmore than \d",
        r"\bat least \w",
        r"\bnearly \w",
        r"\bas many as \w",
        r"\b(?:Oct|Jan|Sept|Aug|Dec)\. \d{1,2}\b",
        r"\bin (?:19|20)\d\d\b",
        r"\d{1,2}:\d\d [ap]\.m\.",
        r"\bTower 22\b|\bF-16\b",
        r"\b(?:three|two) (?:months|weeks)\b",
    ):
        assert re.search(form, joined), form


# --------------------------------------------------------------------------- arithmetic


@pytest.mark.parametrize(
    ("family", "value", "top", "expected", "verdict"),
    [
        ("about", 140, None, 140, "agree"),  # "roughly 140" agrees with 140
        ("more than", 130, None, 140, "hedged"),  # "more than 130" against 140
        ("about", 151, None, 140, "conflict"),  # "about 151" against 140
        ("nearly", 70, None, 83, "conflict"),
        ("at least", 140, None, 140, "agree"),
        ("more than", 140, None, 140, "conflict"),
        ("fewer than", 150, None, 140, "hedged"),
        ("between", 10, 15, 16, "conflict"),
        ("about", 100, None, 109, "hedged"),  # one significant digit: w = 10
        ("about", 3000, None, 3200, "hedged"),
    ],
)
def test_verdict_rules(family, value, top, expected, verdict):
    assert mc.stated_verdict(mc.Stated(family, value, top), expected, 0) == verdict


def test_tolerance_widens_the_expected_figure():
    assert mc.stated_verdict(mc.Stated(None, 142), 140, 2) == "agree"
    assert mc.stated_verdict(mc.Stated(None, 143), 140, 2) == "conflict"


def test_a_figure_on_an_edge_has_no_robust_verdict():
    # 95..105 against 106 under 5%, but 90..110 under 10%: a coin toss for a checker
    assert mc.robust_verdict(mc.Stated("about", 100), 106, 0) is None


@given(
    value=st.integers(3, 500_000),
    tolerance=st.sampled_from([0, 2, 5]),
    want=st.sampled_from(["agree", "hedged", "conflict"]),
    seed=st.integers(0, 2**32),
)
def test_planted_figures_get_the_verdict_they_were_planted_for(value, tolerance, want, seed):
    stated = mc.plant(mc.random.Random(seed), value, tolerance, want)
    assert mc.robust_verdict(stated, value, tolerance) == want
    for rule in ("spec", "5%", "10%"):
        assert mc.stated_verdict(stated, value, tolerance, rule) == want


def test_number_words():
    assert mc.number_words(140) == "one hundred and forty"
    assert mc.number_words(45) == "forty-five"
    assert mc.number_words(300) == "three hundred"


# --------------------------------------------------------------------------- no look-alikes


def test_place_names_and_exclude_words_resemble_nothing_else():
    """The checker matches context and exclude fuzzily (90/100); ours stay far below."""
    words = mc._template_words()
    places = mc.place_names(mc.random.Random(4), 130)
    for a, b in itertools.combinations(places, 2):
        assert fuzz.ratio(a.lower(), b.lower()) < 75, (a, b)
    for word in list(mc.EXCLUDE_WORDS) + [p.lower() for p in places]:
        close = [w for w in words if w != word and fuzz.ratio(word, w) >= 80]
        assert close == [], (word, close)


def test_fact_nouns_never_collide():
    """No two facts of a story can claim the same figure: every noun belongs to one entry."""
    entries = [{mc.head(p) for p in (e[0],) + e[1]} for cat in mc.FACT_NOUNS.values() for e in cat]
    heads = [h for e in entries for h in e]
    assert len(heads) == len(set(heads))
    assert not set(heads) & set(mc.DISTRACTOR_NOUNS)
    for a, b in itertools.combinations(sorted(heads), 2):
        assert not a.endswith(b) and not b.endswith(a), (a, b)
