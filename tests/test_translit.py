"""Latin spellings of Cyrillic and Arabic names (lint/kb/translit.py) and how the KB uses them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lint.kb import build, kb_files
from lint.kb.index import CompiledKB
from lint.kb.translit import arabic_variants, cyrillic_variants

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    ("name", "lang", "target", "expected"),
    [
        ("Сергей Шойгу", "ru", "it", {"Sergej Shoigu", "Serghei Shoigu", "Sergej Šojgu", "Shoigu"}),
        ("Сергей Шойгу", "ru", "en", {"Sergei Shoigu", "Sergey Shoygu"}),
        ("Сергей Шойгу", "ru", "de", {"Sergej Schoigu"}),
        ("Дмитрий Песков", "ru", "it", {"Dmitrij Peskov", "Dmitri Peskov"}),
        ("Дмитрий Песков", "ru", "en", {"Dmitry Peskov", "Dmitriy Peskov"}),
        ("Дмитрий Песков", "ru", "de", {"Dmitri Peskow"}),
        ("Дмитрий Медведев", "ru", "it", {"Medvedev", "Medvediev"}),
        ("Алексей Навальный", "ru", "it", {"Aleksej Navalnyj", "Navalny", "Aleksej Naval'nyj"}),
        ("Алексей Навальный", "ru", "de", {"Nawalny"}),
        ("Володимир Зеленський", "uk", "it", {"Volodymyr Zelensky", "Volodimir Zelenskij", "Zelenskyj"}),
        ("Володимир Зеленський", "uk", "en", {"Volodymyr Zelenskyy", "Zelenskiy", "Zelenskyi"}),
        ("Володимир Зеленський", "uk", "de", {"Wolodymyr Selenskyj"}),
    ],
)
def test_each_system_gives_the_spellings_its_press_uses(name, lang, target, expected):
    forms = cyrillic_variants(name, lang)[target]
    assert expected <= forms, sorted(forms)


def test_russian_and_ukrainian_differ():
    """Ukrainian "г" is an "h" and "и" a "y"; Russian "г" is a "g": Олег/Олег differs by language."""
    assert "Oleh" in cyrillic_variants("Олег", "uk")["en"]
    assert "Oleh" not in cyrillic_variants("Олег", "ru")["en"]
    assert "Oleg" in cyrillic_variants("Олег", "ru")["en"]
    assert "Mykola" in cyrillic_variants("Микола", "uk")["en"]


def test_spellings_of_one_system_are_not_mixed_with_another():
    """An English first name does not go with a German surname: "Sergei Schoigu" is not English."""
    assert "Sergei Schoigu" not in cyrillic_variants("Сергей Шойгу", "ru")["en"]
    assert "Sergey Shoigu" not in cyrillic_variants("Сергей Шойгу", "ru")["it"]


def test_the_italian_ie_is_only_for_a_final_syllable_closed_by_a_consonant():
    assert "Medvediev" in cyrillic_variants("Дмитрий Медведев", "ru")["it"]
    forms = cyrillic_variants("Сергей Шойгу", "ru")["it"]
    assert not any(f.startswith(("Sergiei", "Serghiei")) for f in forms), sorted(forms)


def test_unknown_language_is_an_error():
    with pytest.raises(ValueError):
        cyrillic_variants("Сергей", "bg")


def test_arabic_names_get_the_usual_romanisations():
    forms = arabic_variants("Mohammed bin Salman")
    assert {"Muhammad bin Salman", "Mohammad ibn Salman", "Mohamed ben Salman"} <= forms
    forms = arabic_variants("Abdel Fattah el-Sisi")
    assert {
        "Abdel Fattah al-Sisi",
        "Abdel Fattah al-Sissi",
        "Abdul Fattah el-Sisi",
        "Abdel Fattah Sisi",
    } <= forms
    assert arabic_variants("Emmanuel Macron") == {"Emmanuel Macron"}


def write(path: Path, text: str) -> Path:
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_kb_accepts_generated_spellings_per_language(tmp_path):
    extra = write(
        tmp_path / "extra.yaml",
        """\
        sources:
          mine: {title: My notes, url: https://example.org/}
        people:
          - id: ivan-petrov
            name: Ivan Petrov
            gender: m
            native: {lang: ru, name: Иван Петров}
          - id: kim-so-ra
            name: Kim So-ra
            gender: f
            name_order: surname-first
          - id: tamas-nagy
            name: Tamás Nagy
            gender: m
            name_order: either
          - id: pham-van-an
            name: Phạm Văn An
            gender: m
            name_order: surname-first
            short_forms: [{form: An}]
        """,
    )
    kb, errors = build([*[(p, str(p)) for p in kb_files([ROOT / "rules" / "kb"])], (extra, "extra.yaml")])
    assert errors == []
    assert kb.people["kim-so-ra"].surname == "Kim"
    assert kb.people["pham-van-an"].surname == "Phạm"
    assert "Nagy Tamás" in {v.form for v in kb.people["tamas-nagy"].variants}
    compiled = CompiledKB(kb)
    assert {e.lang for e in compiled.lookup("Iwan Petrow")} == {"de"}
    assert {e.lang for e in compiled.lookup("Petrow")} == {"de"}
    assert None in {e.lang for e in compiled.lookup("Ivan Petrov")}
    assert compiled.surname_in(kb.people["kim-so-ra"], "Kim So-ra") == "Kim"
    assert compiled.surname_in(kb.people["tamas-nagy"], "Nagy Tamás") == "Nagy"
    assert compiled.surname_in(kb.people["tamas-nagy"], "Tamás Nagy") == "Nagy"
    assert [e.person for e in compiled.lookup("An")] == ["pham-van-an"]


def test_a_russian_name_without_cyrillic_is_an_error(tmp_path):
    bad = write(
        tmp_path / "bad.yaml",
        """\
        people:
          - id: ivan-petrov
            name: Ivan Petrov
            gender: m
            native: {lang: ru, name: Ivan Petrov}
        """,
    )
    _, errors = build([(bad, "bad.yaml")])
    (error,) = errors
    assert str(error).startswith("bad.yaml:5:") and "Cyrillic" in str(error)
