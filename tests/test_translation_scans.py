"""The fast scans find exactly what their plain patterns find: MTP010 finds coordinators from
their first letter, MTP011 finds its candidates with
str.find, MTP012 looks only
before hyphens, MTP010 compares against the text casefolded once, language detection counts words
without a loop per word, the shared word pattern never backtracks."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lint.checks.translation.mtp010_repeated_phrase import _COORDINATOR, COORDINATOR_PLAIN
from lint.checks.translation.mtp010_repeated_phrase import RULE as REPEATED
from lint.checks.translation.mtp011_untranslated_fragment import candidate_starts
from lint.checks.translation.mtp012_literal_english_compound import _COMPOUND, compounds
from lint.lang.detect import _lettered

PIECES = [
    "leader",
    "Leader",
    "LEADER",
    "a",
    "to",
    "à",
    "ab",
    "x",
    "-",
    "--",
    " ",
    "_",
    "1",
    "é",
    "İ",
    "\n",
    "'",
]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14))
def test_compounds_finds_what_the_pattern_finds(pieces):
    text = "".join(pieces)
    assert [m.span() for m in compounds(text)] == [m.span() for m in _COMPOUND.finditer(text)]


def test_compounds_in_running_text():
    text = "Un vertice leader-leader, poi un incontro Leader-a-leader e il treno Milano-Roma; x-x-x-x."
    found = [m.group() for m in compounds(text)]
    assert found == [m.group() for m in _COMPOUND.finditer(text)]
    assert found == ["leader-leader", "Leader-a-leader"]
    assert [m.group() for m in compounds("ab-ab, AB-to-ab, x-x")] == ["ab-ab", "AB-to-ab"]


WORDS = [
    "mettere",
    "sul",
    "tavolo",
    "le",
    "preoccupazioni",
    "e",
    "o",
    "Straße",
    "STRASSE",
    "ǅ",
    "İ",
    ".",
    "\n\n",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=30))
def test_repeated_phrase_is_the_same_with_a_text_that_casefolds_longer(words):
    """Casefolding "ß" or "İ" lengthens the text: the rule then falls back to slices, with the same result."""
    from types import SimpleNamespace

    from lint.lang import Languages

    def found(text: str) -> list[tuple[int, int]]:
        document = SimpleNamespace(prose=SimpleNamespace(text=text))
        options = SimpleNamespace(languages=Languages(()))
        return [(m.start, m.end) for m in REPEATED.check(document, options)]

    text = " ".join(words)
    plain = text.replace("Straße", "Strasse").replace("İ", "I")
    phrase = "mettere sul tavolo le preoccupazioni"
    sentence = f"{phrase} e {phrase}."
    second = sentence.index(phrase, 1)
    assert found(sentence) == [(second, second + len(phrase))]
    assert found("Straße " + sentence) == [(second + 7, second + 7 + len(phrase))]
    # The same words with and without the characters that casefold to two: the same findings after them.
    assert len(found(text + f" {phrase} e {phrase}.")) == len(found(plain + f" {phrase} e {phrase}."))
    # A last paragraph that casefolds longer sends the whole text down the slow path: nothing else changes.
    assert found(plain) == found(plain + ".\n\nİ")


def test_lettered_counts_words_with_a_letter():
    assert _lettered(["casa", "3,5", "l'11", "—", "c3", "ecco"]) == 4


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ab1_-.'’ \nÀ", max_size=30))
def test_words_are_those_of_the_plain_word_pattern(text):
    """The possessive word pattern of lint.prose finds what the backtracking one finds."""
    import re

    from lint.prose import WORD

    plain = re.compile(r"\w+(?:[-.]\w+)*['’]?")
    assert [m.span() for m in WORD.finditer(text)] == [m.span() for m in plain.finditer(text)]


_FRAGMENT_PIECES = [
    "the",
    "he",
    "deal",
    "off",
    "u.s",
    "u",
    "s",
    "-",
    ".",
    "'",
    "’",
    " ",
    "The",
    "à",
    "_",
    "1",
    "\n",
]
_FRAGMENT_CANDIDATES = ["the", "he", "deal", "off", "u.s", "u", "s", "the-deal", "off-the"]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(_FRAGMENT_PIECES), max_size=16),
    st.lists(st.sampled_from(_FRAGMENT_CANDIDATES), min_size=1, max_size=5, unique=True),
)
@example(["u.s", " ", "s"], ["s", "u.s", "u"])
@example(["off", "-", "the", "-", "deal"], ["the-deal", "off-the"])
def test_foreign_candidates_are_found_where_their_pattern_finds_them(pieces, candidates):
    text = "".join(pieces)
    candidates = sorted(candidates, key=len, reverse=True)
    plain = re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, candidates))})(?![\w'’-])")
    assert candidate_starts(text, candidates) == [m.start() for m in plain.finditer(text)]


_COORDINATOR_PIECES = [
    "e",
    "ed",
    "o",
    "od",
    "or",
    "oppure",
    "nonché",
    "and",
    "an",
    "n",
    "a",
    "d",
    "x",
    "E",
    "-",
    "'",
    "’",
]
_COORDINATOR_PIECES += [" ", "  ", "\n", ",", "1", "_", "é"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_COORDINATOR_PIECES), max_size=16))
@example(
    ["e", " ", "ed", " ", "x", "-", "or", " ", "o", "\n", "oppure", " ", "nonché", " ", "and", "  ", "a"]
)
def test_coordinators_are_found_where_the_plain_pattern_finds_them(pieces):
    text = "".join(pieces)
    plain = re.compile(COORDINATOR_PLAIN)
    assert [m.span() for m in _COORDINATOR.finditer(text)] == [m.span() for m in plain.finditer(text)]
