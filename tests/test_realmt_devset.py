"""The realmt development set is well-formed, and its scorer counts overlaps as documented.

The benchmark (``benchmarks/realmt.py``) measures refuso and never asserts its scores; these tests
only hold the annotations (every span found in its article, closed vocabularies, the set's shape)
and the arithmetic of the scoring on hand-made cases.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SET_DIR = ROOT / "benchmarks" / "realmt"


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("realmt_benchmark", ROOT / "benchmarks" / "realmt.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


realmt = _load_benchmark()


@pytest.fixture(scope="module")
def articles():
    return realmt.load_dev_set(SET_DIR)


def test_every_span_is_found_where_the_annotation_says(articles):
    for article in articles:
        for span in [*article.defects, *article.traps]:
            assert article.text[span.start : span.end] == span.text
            assert article.text.count(span.text) >= span.occurrence


def test_the_set_has_the_articles_it_promises(articles):
    kinds = Counter((a.language, a.kind) for a in articles)
    assert len(articles) >= 40
    assert kinds["it", "mt"] >= 26
    assert kinds["en", "mt"] >= 6
    assert kinds["it", "clean"] + kinds["en", "clean"] >= 8
    assert {a.domain for a in articles if a.language == "it" and a.kind == "mt"} >= {
        "us-politics",
        "uk-politics",
        "eu-politics",
        "courts",
        "markets",
        "diplomacy",
        "war",
        "weather",
        "sport",
        "technology",
        "health",
    }
    for article in articles:
        words = len(re.findall(r"\w+", article.text))
        assert 200 <= words <= 500, f"{article.id}: {words} words"
        assert article.traps, article.id
        if article.kind == "mt":
            assert article.defects, article.id


def test_defects_use_the_closed_vocabulary(articles):
    for article in articles:
        for defect in article.defects:
            assert defect.category in realmt.CATEGORIES
            assert defect.subtype is None or defect.subtype in realmt.SUBTYPES


def _write(
    tmp_path: Path, annotation: str, text: str = "Il testo dell'articolo dice una cosa sola.\n"
) -> Path:
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a.yaml").write_text(annotation, encoding="utf-8")
    return tmp_path


GOOD = """id: a
language: it
kind: mt
source_language: en
domain: courts
date: 2024-01-02
defects:
  - {category: mt-phrasing, text: "dice", occurrence: 1}
traps:
  - {text: "una cosa", occurrence: 1}
"""


def test_a_good_annotation_loads(tmp_path):
    (article,) = realmt.load_dev_set(_write(tmp_path, GOOD))
    assert article.date == dt.date(2024, 1, 2)
    assert (article.defects[0].start, article.traps[0].text) == (23, "una cosa")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('text: "dice"', 'text: "parla"'), "'parla' occurs 0 time(s)"),
        (('text: "dice", occurrence: 1', 'text: "dice", occurrence: 2'), "not 2"),
        (("category: mt-phrasing", "category: calco"), "category 'calco' is not one of"),
        (("kind: mt", "kind: clean"), "a clean control has no source_language and no defects"),
        (('text: "una cosa"', 'text: "dice una"'), "overlaps defect"),
        (("domain: courts", "domain: courts\nauthor: me"), "unknown keys ['author']"),
    ],
)
def test_a_broken_annotation_is_named(tmp_path, change, message):
    with pytest.raises(realmt.DevSetError, match=re.escape(message)) as error:
        realmt.load_dev_set(_write(tmp_path, GOOD.replace(*change)))
    assert "a.yaml" in str(error.value)


def test_scoring_counts_overlaps_as_documented():
    text = "aaaa bbbb cccc dddd"
    Span, Hit = realmt.Span, realmt.Hit
    article = realmt.Article(
        "x",
        Path("x.txt"),
        "it",
        "mt",
        "en",
        "courts",
        dt.date(2024, 1, 1),
        text,
        defects=[Span(0, 4, "aaaa", 1, "mt-phrasing"), Span(5, 9, "bbbb", 1, "title")],
        traps=[Span(10, 14, "cccc", 1)],
    )
    clean = realmt.Article(
        "y", Path("y.txt"), "it", "clean", None, "sport", dt.date(2024, 1, 1), text, [], []
    )
    hits = {
        "x": [
            Hit(
                "MTP002", 2, 2, 6, "aa bb", None
            ),  # warning across both defects: finds both, one right finding
            Hit("LT:X", 1, 5, 9, "bbbb", None),  # info: counts only with infos, never in precision
            Hit("PUN001", 3, 12, 16, "cc d", None),  # error on the trap: a false alarm, trap hit
            Hit("TYP001", 2, 9, 10, " ", None),  # touches a defect and a trap without overlapping: false
        ],
        "y": [Hit("MTP002", 2, 0, 4, "aaaa", None)],  # anything loud on a clean control is false
    }
    score = realmt.score_dev_set([article, clean], hits, None)
    assert score["recall"]["all"] == {
        "defects": 2,
        "found": 2,
        "recall": 100.0,
        "found_with_infos": 2,
        "recall_with_infos": 100.0,
    }
    assert (score["right"], score["false_alarms"], score["precision"]) == (1, 3, 25.0)
    assert (score["traps_hit"], score["traps"]) == (1, 1)
    assert (score["clean_loud_findings"], score["clean_loud_per_control"]) == (1, 1.0)
    assert score["rules"] == {
        "MTP002": {"right": 1, "false": 1},
        "PUN001": {"false": 1},
        "TYP001": {"false": 1},
    }
    only_title = realmt.score_dev_set([article], {"x": hits["x"][1:2]}, {"title"})
    assert only_title["recall"]["all"]["found"] == 0
    assert only_title["recall"]["all"]["found_with_infos"] == 1
    assert [m["text"] for m in only_title["misses"]] == ["bbbb"]


def test_divemt_confirms_only_findings_on_words_the_post_editor_changed():
    mt = "Xinhua ha riportato che gli investigatori hanno recuperato due scatole."
    post_edit = "Xinhua ha riferito che mercoledì gli investigatori hanno recuperato due scatole."
    spans, points = realmt.changed_spans(mt, post_edit)
    assert [mt[s:e] for s, e in spans] == ["riportato"]
    assert [mt[p:] for p in points] == ["gli investigatori hanno recuperato due scatole."]
    Hit = realmt.Hit
    assert realmt.confirmed(Hit("MTP003", 2, 10, 19, "riportato", None), spans, points)
    assert not realmt.confirmed(Hit("MTP003", 2, 28, 41, "investigatori", None), spans, points)
    # A finding that spans the place where the post-editor inserted a word is confirmed too.
    assert realmt.confirmed(Hit("MTP003", 2, 20, 31, "che gli inv", None), spans, points)
