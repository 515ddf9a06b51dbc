"""The gender of people the knowledge base does not know, and the feminine titles TTL002 suggests."""

import importlib.metadata
import subprocess
import sys
from pathlib import Path

import pytest

from lint.api import Linter
from lint.checks.people import gender
from lint.config import Overrides

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_first_names  # noqa: E402

LINTER = Linter(overrides=Overrides(select=("TTL002", "MTP043")))


def findings(text: str, language: str = "it") -> list[tuple[str, str, tuple[str, ...]]]:
    result = LINTER.check_text(text, path="article.md", language=language)
    return [(f.code, f.text, tuple(f.suggestions)) for f in result.findings]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Giulia", "f"),
        ("Marco", "m"),
        ("Deanne", "f"),  # from the US statistics
        ("Anne-Marie", "f"),  # written as one word there
        ("Andrea", "m"),  # a man's name in Italy, a woman's in the US: Italian usage wins
        ("Simone", "m"),
        ("Nicola", "m"),
        ("Kim", None),  # mostly, not always, a woman's
        ("Jean", None),  # a man's in France and Italy, a woman's in the US
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


def test_looking_up_a_name_gives_the_whole_tables_answer():
    """The lookup bisects the sorted lines: it must agree with reading the whole table."""
    lines = (ROOT / "rules" / "lexicon" / "first-names.txt").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if not line.startswith("#")]
    whole = dict(rows)
    assert len(whole) == len(rows) > 10_000
    assert [name for name, _ in rows] == sorted(whole), "the table must stay sorted"
    assert set(whole.values()) == {"m", "f"}
    for name in [*list(whole)[::997], "zzz", "aaa", "ann", "anna"]:
        assert gender._table_gender(name) == whole.get(name)


def test_name_table_is_read_only_when_a_rule_needs_a_gender():
    gender._name_table.cache_clear()
    gender.first_name_gender.cache_clear()
    findings("Giulia Ferri e Marco Galli hanno presentato lo studio ai colleghi.")
    assert gender._name_table.cache_info().currsize == 0
    findings("Giulia Ferri si è detto soddisfatto dello studio.")
    assert gender._name_table.cache_info().currsize == 1


def test_the_gender_rules_import_no_gpl_name_package():
    """refuso is MIT-licensed: its runtime reads its own name table, never gender-guesser (GPL-3.0)."""
    code = (
        "import sys; from lint.api import Linter; from lint.config import Overrides; "
        "r = Linter(overrides=Overrides(select=('TTL002', 'MTP043'))).check_text("
        "'Giulia Ferri si è detto soddisfatto.', path='a.md', language='it'); "
        "print(len(r.findings), 'gender_guesser' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["2", "False"]  # "detto", "soddisfatto"
    requires = importlib.metadata.requires("refuso") or []
    assert not [r for r in requires if r.startswith("gender-guesser") and "extra ==" not in r]


def test_italian_usage_decides_and_ambiguous_names_are_left_out():
    """tools/build_first_names.py on counts (men, women) of each source."""
    italy = {"andrea": (990, 10), "kim": (7, 5), "celeste": (576, 90), "marco": (5000, 0)}
    us = {"andrea": (20, 980), "kim": (30, 970), "celeste": (10, 990), "deanne": (0, 300), "rare": (0, 40)}
    us |= {"china": (0, 900), "may": (5, 30_000)}  # words too: only a name given to many is kept

    def frequent_word(name: str) -> bool:
        return name in ("china", "may", "celeste")

    assert build_first_names.table(italy, us, frequent_word) == {
        "andrea": "m",
        "kim": "f",
        "marco": "m",
        "deanne": "f",
        "may": "f",
    }


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


def test_a_lone_surname_before_the_full_name_is_no_one_yet():
    """The surname alone counts for an unknown person only after the article has given the full name."""
    text = (
        "«Basta così», ha detto Ferri, che si è detto fiducioso. La ricercatrice Giulia Ferri ha parlato a "
        "lungo. «È un buon inizio», ha detto Ferri, che si è detto sicuro."
    )
    assert [(code, span) for code, span, _ in findings(text)] == [("MTP043", "detto"), ("MTP043", "sicuro")]
