"""The gender rules' fast scans find exactly what the plain ways find: the ends of sentences searched
for by their marks, the subject pronouns by their words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.checks.people import gender, pronouns

# The plain pattern: look-behinds first, tried at every position of the text.
PLAIN_SENTENCE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\b(?:Dr|Mr|Ms|St|Jr|Sr))(?<!\bMrs)(?<!\bDott)(?<!\bProf)[.!?…][\"»”’]?[ \u00a0]+(?=[\"«“]?[A-ZÀ-ÖØ-Þ])"
    r"|\n[ \t]*\n"
)

SENTENCE_PIECES = [
    "Dr",
    "Mr",
    "Mrs",
    "Ms",
    "Dott",
    "Prof",
    "St",
    "A",
    "xA",
    "Rossi",
    "é",
    "_",
    "1",
    ".",
    "!",
    "?",
    "…",
    '"',
    "»",
    "”",
    "’",
    "«",
    "“",
    " ",
    "  ",
    "\u00a0",
    "\n",
    "\t",
    "Lui",
    "È",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(SENTENCE_PIECES), max_size=16))
def test_sentence_ends_are_those_of_the_plain_pattern(pieces):
    text = "".join(pieces)
    assert [m.span() for m in gender._SENTENCE_END.finditer(text)] == [
        m.span() for m in PLAIN_SENTENCE_END.finditer(text)
    ]


def test_sentence_ends_in_running_text():
    text = (
        "Lo ha detto il Dr. Rossi. Poi J. Galli e Mrs. Neri sono arrivati! «Bene», ha detto Prof. Conti? "
        "Sì.\n\n  \nIl Dott. Ferri ha risposto: «Basta.» E la St. Mary's ha chiuso… Fine."
    )
    ends = [m.end() for m in gender._SENTENCE_END.finditer(text)]
    assert ends == [m.end() for m in PLAIN_SENTENCE_END.finditer(text)]
    assert [text[end : end + 4] for end in ends] == ["Poi ", "«Ben", "Sì.\n", "  \nI", "E la", "Fine"]


PRONOUN_PIECES = [
    "Lui",
    "Egli",
    "lui",
    "EGLI",
    "he",
    "He",
    "HIS",
    "his",
    "himself",
    "the",
    "t",
    "s",
    "self",
    "x",
    "_",
    "1",
    "é",
    ".",
    ";",
    ":",
    "!",
    "?",
    " ",
    "  ",
    "\u00a0",
    "\n",
    "'",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PRONOUN_PIECES), max_size=14))
def test_pronouns_are_those_of_the_plain_patterns(pieces):
    text = "".join(pieces)
    for lang, plain in (("it", pronouns._PRONOUN_IT), ("en", pronouns._PRONOUN_EN)):
        found = [(m.span(1), m.group(1)) for m in pronouns.pronouns(text, lang)]
        assert found == [(m.span(1), m.group(1)) for m in plain.finditer(text)]


def test_pronouns_in_running_text():
    text = "Lui parte. Egli resta;  Lui no.\nEgli sì, e Lui? Theirs: he, his and himself; the shelf. He."
    assert [m.group(1) for m in pronouns.pronouns(text, "it")] == ["Lui", "Egli", "Lui", "Egli"]
    assert [m.group(1) for m in pronouns.pronouns(text, "en")] == ["he", "his", "himself", "He"]


# The plain way: every lower-case word of the text, collected.
PLAIN_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-öø-ÿ]+(?![\w'’-])")
LOWER_PIECES = [
    "secondo",
    "Secondo",
    "se",
    "condo",
    "à",
    "ß",
    "ss",
    "x",
    "_",
    "1",
    "'",
    "’",
    "-",
    " ",
    ".",
    "\n",
    "é",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(LOWER_PIECES), max_size=12), st.sampled_from([*LOWER_PIECES, "", "condo x"]))
def test_lower_case_words_are_those_the_plain_pattern_collects(pieces, word):
    text = "".join(pieces)
    folded = word.casefold()
    assert gender._written_in_lower_case(text, folded) == (
        folded in frozenset(PLAIN_LOWER_WORD.findall(text))
    )


def test_a_capitalised_word_the_article_also_writes_in_lower_case_is_common():
    text = "Secondo Anna Rossi il dato è il secondo, ma l'secondo-posto no."
    assert gender._written_in_lower_case(text, "secondo")
    assert not gender._written_in_lower_case("Secondo Anna Rossi, al secondo-posto.", "secondo")
    assert not gender._written_in_lower_case("Secondo Anna Rossi, è l'secondo.", "secondo")


TITLE_PIECES = [
    "il",
    "la",
    "Il",
    "l'",
    "del",
    "direttore",
    "direttrice",
    "museo",
    "civico",
    "FEMA",
    "Dr.",
    "Rossi",
]
TITLE_PIECES += [
    "dell'",
    "A&B",
    "3",
    "Ms",
    "-",
    "’",
    " ",
    "\u00a0",
    ", ",
    ",",
    ". ",
    ";",
    "«",
    "(",
    "\n",
    "x",
]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(TITLE_PIECES), max_size=40), st.integers(0, 400), st.integers(0, 400))
def test_title_before_a_name_is_what_the_plain_search_finds(pieces, end, sentence):
    from lint.checks.people.ttl002_title_gender_mismatch import _TITLE_BEFORE, _title_before

    text = "".join(pieces)
    end = min(end, len(text))
    sentence = min(sentence, end)
    found = _title_before(text, end, lambda: sentence)
    plain = _TITLE_BEFORE.search(text, max(sentence, end - 90), end)
    assert (found and found.span()) == (plain and plain.span())


def plain_table_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line and not line.startswith("#")]


@pytest.mark.parametrize(
    "text",
    [
        "# head\n# more\nanna\tf\nmarco\tm\n",
        "anna\tf\nmarco\tm",
        "# head\nanna\tf\n# a comment further down\nmarco\tm\n",
        "# head\nanna\tf\n\nmarco\tm\n",
        "\n# head\nanna\tf\n",
        "# head only\n",
        "",
        "#\n#\n",
    ],
)
def test_name_table_lines_are_those_of_the_plain_filter(text):
    assert gender._table_lines(text) == plain_table_lines(text)


def test_the_shipped_name_table_is_read_as_the_plain_filter_reads_it():
    from lint.data import rules_dir

    text = (rules_dir() / "lexicon" / "first-names.txt").read_text(encoding="utf-8")
    assert gender._name_table() == plain_table_lines(text)


@st.composite
def texts_with_a_title_before_a_name(draw):
    """Text, a phrase that may be a title (an article, a head noun, qualifiers, an honorific, a comma),
    then a name: the text and where the name starts."""
    before = draw(st.lists(st.sampled_from(TITLE_PIECES), max_size=12))
    phrase = [
        draw(st.sampled_from(["il", "la", "Il", "l'", "del", "un", "x", "Della"])),
        draw(st.sampled_from(["", " ", "  ", "\u00a0"])),
        draw(st.sampled_from(["direttore", "direttrice", "dir", "museo", "vice-capo"])),
    ]
    for _ in range(draw(st.integers(0, 5))):
        phrase.append(draw(st.sampled_from([" ", "\u00a0", "", ", "])))
        phrase.append(
            draw(
                st.sampled_from(
                    [
                        "civico",
                        "del museo",
                        "dell'Arte",
                        "della A&B.",
                        "FEMA",
                        "Roma",
                        "A&B.",
                        "tecnico",
                        "3",
                        "x;",
                    ]
                )
            )
        )
    phrase.append(draw(st.sampled_from(["", " Dr.", " Dott", " Ms", "\u00a0prof."])))
    phrase.append(draw(st.sampled_from(["", " ", ",", ", ", " , ", ",,", " ,  ", "«"])))
    text = "".join(before + phrase)
    return text + "Rossi", len(text)


@settings(max_examples=2000, deadline=None)
@given(texts_with_a_title_before_a_name(), st.integers(0, 400))
def test_title_right_before_a_name_is_what_the_plain_search_finds(case, sentence):
    from lint.checks.people.ttl002_title_gender_mismatch import _TITLE_BEFORE, _title_before

    text, end = case
    sentence = min(sentence, end)
    found = _title_before(text, end, lambda: sentence)
    plain = _TITLE_BEFORE.search(text, max(sentence, end - 90), end)
    assert (found and found.span()) == (plain and plain.span())


KEY_PIECES = ["Rossi", "ʼ", "'", "’", "-", ".", " ", "\u00a0", "3", "ß", "İ", "D", "alema", "é", "_", ""]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(KEY_PIECES), max_size=6))
def test_a_words_key_is_the_kbs_key(pieces):
    from lint.kb.keys import key

    word = "".join(pieces)
    assert gender._word_key(word) == key(word)
