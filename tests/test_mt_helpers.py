"""The helpers the machine-translation detectors share (lint.checks.mt): numbers written either way,
quotation lookup, and word places found without listing every word."""

from __future__ import annotations

import pytest

from lint.checks.mt import english_number, in_quotes, italian_number, parse_number, word_spans
from lint.checks.mt.words import STORM_NAMES, words
from lint.document import Document, Prose


@pytest.mark.parametrize(
    ("text", "decimal", "value"),
    [
        ("2,4", ",", 2.4),
        ("1.500", ",", 1500.0),
        ("1,224.40", ".", 1224.4),
        ("3.5", ".", 3.5),
        ("x", ".", None),
    ],
)
def test_parse_number(text, decimal, value):
    assert parse_number(text, decimal) == value


@pytest.mark.parametrize(
    ("value", "italian", "english"),
    [
        (2400.0, "2.400", "2,400"),
        (3.5, "3,5", "3.5"),
        (1224.4, "1.224,4", "1,224.4"),
        (31400.0, "31.400", "31,400"),
    ],
)
def test_numbers_are_written_each_language_s_way(value, italian, english):
    assert italian_number(value) == italian
    assert english_number(value) == english


def test_in_quotes_counts_the_marks_of_the_paragraph_only():
    text = 'Ha detto «basta con Lunedì» e poi "Martedì".\n\nMercoledì è fuori.'
    assert in_quotes(text, text.index("Lunedì"))
    assert in_quotes(text, text.index("Martedì"))
    assert not in_quotes(text, text.index("e poi"))
    assert not in_quotes(text, text.index("Mercoledì"))


def _document(text: str) -> Document:
    return Document(path="x.txt", source=text, prose=Prose.verbatim(text), language="it")


def test_word_spans_finds_whole_words_as_the_word_list_splits_them():
    text = "Il presidente, il vicepresidente e l'ex-presidente; presidente.it e PRESIDENTE."
    spans = word_spans(_document(text), {"presidente"})
    assert [text[s:e] for s, e in spans] == ["presidente", "PRESIDENTE"]
    assert [s for s, _ in spans] == [3, text.index("PRESIDENTE")]


def test_storm_translations_map_back_to_names_on_the_lists():
    translations = words("it")["storm_translations"]
    assert all(
        english in STORM_NAMES and italian not in STORM_NAMES for italian, english in translations.items()
    )


def test_every_party_state_tag_names_a_state():
    states = words("it")["us_states"]
    assert all(
        value.startswith(("del", "della", "dello", "dell'", "delle", "di ")) for value in states.values()
    )
