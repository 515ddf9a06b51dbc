"""Language identification for --lang auto: short texts, confidence, and the note a guess earns."""

from __future__ import annotations

import pytest

from lint.api import Linter
from lint.cache import Cache
from lint.config import Overrides
from lint.data import word_list
from lint.lang.detect import identify
from lint.plugins import make_plugins

LANGUAGES = make_plugins(load_entry_points=False).languages

SHORT_ENGLISH = [
    "Talks between Biden and Biden lasted two hours.",
    "Markets rallied after the announcement.",
    "Nobody expected the ceasefire to hold.",
    "Prices climbed again overnight.",
]
SHORT_ITALIAN = [
    "I colloqui sono durati due ore.",
    "Nessuno si aspettava la tregua.",
    "Le borse hanno chiuso in rialzo.",
    "Prezzi ancora in salita stanotte.",
]


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_is_english(text):
    assert identify(text, LANGUAGES).language == "en"


@pytest.mark.parametrize("text", SHORT_ITALIAN)
def test_short_italian_is_italian(text):
    assert identify(text, LANGUAGES).language == "it"


def test_a_single_word_is_a_guess():
    assert not identify("Roma", LANGUAGES).confident
    assert identify("", LANGUAGES).language is None


def test_an_article_is_decided_by_function_words_alone():
    word_list.cache_clear()
    text = (
        "Il governo ha detto che la riforma sarà approvata entro la fine dell'anno e che non ci sono alternative. "
        * 3
    )
    assert identify(text, LANGUAGES)[:2] == ("it", True)
    assert word_list.cache_info().currsize == 0  # the word lists were not read


def test_a_low_confidence_guess_is_a_note():
    linter = Linter(
        load_entry_points=False, isolated=True, cache=Cache(None), overrides=Overrides(select=("DUP",))
    )
    guessed = linter.check_text("Putin, Biden, Modi e Modi: 4-2, 3-1.", path="a.txt")
    assert [p.kind for p in guessed.problems] == ["note"]
    assert "low confidence" in guessed.problems[0].message
    sure = linter.check_text(
        "Talks between Biden and Biden lasted two hours, the officials said.", path="b.txt"
    )
    assert sure.language == "en" and sure.problems == ()
    assert [f.code for f in sure.findings] == ["DUP003"]
    told = linter.check_text("Putin, Biden, Modi e Modi: 4-2, 3-1.", path="c.txt", language="it")
    assert told.problems == ()


def test_a_snippet_of_a_few_words_earns_no_note():
    linter = Linter(
        load_entry_points=False, isolated=True, cache=Cache(None), overrides=Overrides(select=("DUP",))
    )
    assert linter.check_text("Putin and Putin.", path="a.txt").problems == ()
