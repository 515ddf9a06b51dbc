"""The gender of people the knowledge base does not know, and the feminine titles TTL002 suggests."""

import sys

import pytest

from lint.api import Linter
from lint.checks.people import gender
from lint.config import Overrides

LINTER = Linter(overrides=Overrides(select=("TTL002", "MTP043")))


def findings(text: str, language: str = "it") -> list[tuple[str, str, tuple[str, ...]]]:
    result = LINTER.check_text(text, path="article.md", language=language)
    return [(f.code, f.text, tuple(f.suggestions)) for f in result.findings]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Giulia", "f"),
        ("Marco", "m"),
        ("Deanne", "f"),
        ("Andrea", None),  # a man's name in Italy, a woman's elsewhere
        ("Simone", None),
        ("Kim", None),  # mostly, not always, a woman's
        ("Casa", None),
        ("Jo", None),  # too short to judge
    ],
)
def test_first_name_gender_only_when_unambiguous(name, expected):
    assert gender.first_name_gender(name, "it") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Il direttore tecnico Giulia Ferri ha parlato.", ("Il direttore tecnico", "La direttrice tecnica")),
        ("Ieri l'ambasciatore Anna Galli è arrivata.", ("l'ambasciatore", "l'ambasciatrice")),
        ("Un ambasciatore, Maria Neri, è arrivata.", ("Un ambasciatore", "Un'ambasciatrice")),
        ("Lo ha detto al procuratore capo Elena Marchi.", ("al procuratore", "alla procuratrice")),
        (
            "Anna Rossi, il direttore esecutivo, è stata nominata.",
            ("il direttore esecutivo", "la direttrice esecutiva"),
        ),
    ],
)
def test_masculine_title_suggests_the_feminine(text, expected):
    found = findings(text)
    assert [(span, suggestions[0]) for code, span, suggestions in found if code == "TTL002"] == [expected]


def test_reading_only_the_names_asked_for_gives_the_whole_tables_answers():
    from gender_guesser.detector import Detector

    names = ["Giulia", "Marco", "Andrea", "Simone", "Kim", "Deanne", "Jean", "Anne-Marie", "Sam", "Dominique"]
    whole = Detector(case_sensitive=False)
    lazy = gender._detector()
    for country in (None, "italy", "usa"):
        assert [lazy.get_gender(n, country) for n in names] == [whole.get_gender(n, country) for n in names]


def test_name_table_is_read_only_when_a_rule_needs_a_gender():
    gender._detector.cache_clear()
    gender.first_name_gender.cache_clear()
    findings("Giulia Ferri e Marco Galli hanno presentato lo studio ai colleghi.")
    assert gender._detector.cache_info().currsize == 0
    findings("Giulia Ferri si è detto soddisfatto dello studio.")
    assert gender._detector.cache_info().currsize == 1


def test_surname_after_the_full_name_is_the_same_person():
    text = "La ricercatrice Giulia Ferri ha parlato a lungo. «È un buon inizio», ha detto Ferri, che si è detto fiducioso."
    assert [(code, span) for code, span, _ in findings(text)] == [
        ("MTP043", "detto"),
        ("MTP043", "fiducioso"),
    ]


def test_a_surname_two_people_share_gives_no_gender():
    text = "Giulia Ferri e Marco Ferri hanno parlato. «È un buon inizio», ha detto Ferri, che si è detto fiducioso."
    assert findings(text) == []


def test_house_choices_are_info_and_the_others_warnings():
    text = (
        "---\ndate: 2015-05-01\nlang: it\n---\nIl cancelliere Angela Merkel è arrivata a Roma. Il direttore "
        "generale del Fmi Christine Lagarde l'ha raggiunta, e il sindaco Giulia Ferri le ha accolte. Il "
        "procuratore Laura Conti era assente."
    )
    result = LINTER.check_text(text, path="article.md", language="it")
    assert [(f.text, f.severity.name.lower()) for f in result.findings] == [
        ("Il cancelliere", "info"),  # the KB lists it for a woman chancellor, and newsrooms used it
        ("Il direttore", "info"),  # "direttore generale": the KB lists it for a woman at the head of the IMF
        ("il sindaco", "info"),
        ("Il procuratore", "warning"),
    ]


def test_without_the_name_table_only_the_kbs_genders_count(monkeypatch):
    monkeypatch.setitem(sys.modules, "gender_guesser.detector", None)  # as if it were not installed
    gender._detector.cache_clear()
    gender.first_name_gender.cache_clear()
    try:
        assert gender.first_name_gender("Giulia", "it") is None
        text = "Christine Lagarde si è detto convinto. Giulia Ferri si è detto soddisfatto."
        assert [(code, span) for code, span, _ in findings(text)] == [
            ("MTP043", "detto"),
            ("MTP043", "convinto"),
        ]
    finally:
        gender._detector.cache_clear()
        gender.first_name_gender.cache_clear()
