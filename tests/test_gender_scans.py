"""The gender rules' fast scans find exactly what the plain ways find: the ends of sentences searched
for by their marks, the subject pronouns by their words."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.checks.people import gender

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


@settings(max_examples=1500, deadline=None)
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


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PRONOUN_PIECES), max_size=14))
def test_pronouns_are_those_of_the_plain_patterns(pieces):
    text = "".join(pieces)
    for lang, plain in (("it", gender._PRONOUN_IT), ("en", gender._PRONOUN_EN)):
        found = [(m.span(1), m.group(1)) for m in gender.pronouns(text, lang)]
        assert found == [(m.span(1), m.group(1)) for m in plain.finditer(text)]


def test_pronouns_in_running_text():
    text = "Lui parte. Egli resta;  Lui no.\nEgli sì, e Lui? Theirs: he, his and himself; the shelf. He."
    assert [m.group(1) for m in gender.pronouns(text, "it")] == ["Lui", "Egli", "Lui", "Egli"]
    assert [m.group(1) for m in gender.pronouns(text, "en")] == ["he", "his", "himself", "He"]
