"""The slot language of phrase entries: groups of several words, optional slots, numbers, case, form
filters, context within a window, one finding per stretch of text, and phrases the loader refuses."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lint.config import Settings
from lint.engine import Engine
from lint.inflect import forms
from lint.packs import PackErrors, load_pack
from lint.plugins import make_plugins
from lint.rules import RuleSet

HEAD = """\
language: it
rules:
  - code: {code}
    name: test-slots-{code_lower}
    kind: phrases
    category: mt-phrasing
    severity: warning
    message: "«{{match}}» viene da «{{english}}»"
    description: "Una regola di prova."
    examples:
      flagged: ["{flagged}"]
      clean: ["Niente da segnalare."]
    entries:
"""


def _entry(id: str, phrase: str, flagged: str, clean: str, extra: str = "") -> str:
    return textwrap.indent(
        f"- id: {id}\n  phrase: {phrase}\n  english: x\n  use: y\n  source: test\n{extra}"
        f"  examples:\n    flagged: [{flagged!r}]\n    clean: [{clean!r}]\n",
        "      ",
    )


def _pack(tmp_path: Path, *entries: str, code: str = "TST060", name: str = "pack.yaml") -> Path:
    first = entries[0].split("flagged: [")[1].split("]")[0].strip("'\"")
    body = HEAD.format(code=code, code_lower=code.lower(), flagged=first) + "".join(entries)
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def _engine(*paths: Path) -> Engine:
    rules = [rule for path in paths for rule in load_pack(path, display=path.name)]
    return Engine(RuleSet(rules), Settings(language="it"), make_plugins(load_entry_points=False))


def _found(engine: Engine, text: str) -> list[tuple[str, str | None]]:
    result = engine.check_path("t.txt", text.encode(), display="t.txt")
    assert result.problems == ()
    return [(f.text, f.entry) for f in result.findings]


def _refused(tmp_path: Path, phrase: str) -> str:
    path = _pack(tmp_path, _entry("bad", phrase, "⟦x⟧", "y"))
    with pytest.raises(PackErrors) as info:
        load_pack(path, display="pack.yaml")
    (error,) = [str(e) for e in info.value.errors]
    return error


def test_a_group_holds_alternatives_of_several_words(tmp_path):
    engine = _engine(
        _pack(
            tmp_path,
            _entry(
                "group",
                '"{stanza} (casa bianca|cremlino)"',
                "La ⟦stanza⟧ Casa Bianca ha parlato.",
                "La stanza bianca è vuota.",
            ),
        )
    )
    assert _found(engine, "Lo dice la stanza Casa Bianca.") == [("stanza", "group")]
    assert _found(engine, "Lo dice la stanza Cremlino.") == [("stanza", "group")]
    assert _found(engine, "Lo dice la stanza bianca.") == []
    assert _found(engine, "Lo dice la stanza casa.") == []


def test_several_words_in_a_bare_alternative_are_refused_with_file_and_line(tmp_path):
    error = _refused(tmp_path, '"stanza casa bianca|cremlino l\'ufficio|sede"')
    assert error.startswith("pack.yaml:15: rule TST060 (test-slots-tst060): ")  # the phrase's line
    assert "«l'ufficio» is not one word" in error and "(a b|c)" in error
    assert "is not a word" in _refused(tmp_path, '"al # per cento|%"')
    assert "never closed" in _refused(tmp_path, '"stanza (casa bianca"')
    assert "at least one word" in _refused(tmp_path, '"parola? *"')


def test_a_bad_phrase_in_a_list_names_its_own_line(tmp_path):
    path = _pack(tmp_path, _entry("bad", '["buona frase", "cattiva|(frase"]', "⟦buona frase⟧", "y"))
    with pytest.raises(PackErrors) as info:
        load_pack(path, display="pack.yaml")
    assert str(info.value.errors[0]).startswith(
        "pack.yaml:15: rule TST060 (test-slots-tst060): phrase «cattiva"
    )


def test_optional_slots(tmp_path):
    engine = _engine(
        _pack(
            tmp_path,
            _entry(
                "optional",
                '"trovare =colpevole (per|di tutti)? =i capi?"',
                "Fu ⟦trovato colpevole di tutti i capi⟧.",
                "Ha trovato il colpevole.",
            ),
        )
    )
    assert _found(engine, "Fu trovato colpevole di tutti i capi.") == [
        ("trovato colpevole di tutti i capi", "optional")
    ]
    assert _found(engine, "Fu trovato colpevole i capi.") == [("trovato colpevole i capi", "optional")]
    assert _found(engine, "Fu trovata colpevole i.") == [("trovata colpevole i", "optional")]
    assert _found(engine, "Fu trovata colpevole ieri.") == []


def test_number_and_case_sensitive_slots(tmp_path):
    engine = _engine(
        _pack(
            tmp_path,
            _entry(
                "number",
                '"{#} cariche"',
                "Deve rispondere di ⟦13⟧ cariche.",
                "Deve rispondere di molte cariche.",
            ),
            _entry(
                "case", '"^Casa ha approvato"', "La ⟦Casa ha approvato⟧ il testo.", "La casa ha approvato."
            ),
        )
    )
    assert _found(engine, "Risponde di 1.300 cariche, di tredici cariche.") == [("1.300", "number")]
    assert _found(engine, "Risponde di varie cariche.") == []
    assert _found(engine, "Ieri la Casa ha approvato il bilancio.") == [("Casa ha approvato", "case")]
    assert _found(engine, "Ieri la casa ha approvato il bilancio.") == []


def test_form_filters_keep_one_kind_of_verb_form(tmp_path):
    engine = _engine(
        _pack(
            tmp_path,
            _entry(
                "part",
                '"essere =stato|=stata|=stati|=state? giurare:part"',
                "Il giudice ⟦è stato giurato⟧.",
                "Il giudice giura.",
            ),
        )
    )
    assert _found(engine, "Il nuovo presidente è stato giurato.") == [("è stato giurato", "part")]
    assert _found(engine, "Le due ministre sono giurate ieri.") == [("sono giurate", "part")]
    assert _found(engine, "Il presidente è giurando.") == []
    assert _found(engine, "Il presidente è e giura.") == []
    assert "form filter" in _refused(tmp_path, '"casa:part"')
    assert "unknown form filter" in _refused(tmp_path, '"giurare:past"')


def test_context_within_a_window_crosses_sentences_not_paragraphs(tmp_path):
    entry = _entry(
        "charges",
        '"{cariche}"',
        "È stato incriminato. Le ⟦cariche⟧ sono 13.",
        "Le cariche elettriche si attraggono.",
        extra="  when: {within: 8, phrases: [incriminare, processo]}\n"
        "  unless: {within: 2, phrases: ['in carica', elettrico]}\n",
    )
    engine = _engine(_pack(tmp_path, entry))
    assert _found(engine, "Trump è stato incriminato. Le cariche sono tredici.") == [("cariche", "charges")]
    far = "Trump è stato incriminato ieri mattina. Poi sono arrivati i giornalisti e gli avvocati. Le cariche sono tredici."
    assert _found(engine, far) == []  # more than eight words away
    assert _found(engine, "Trump è stato incriminato.\n\nLe cariche sono tredici.") == []  # another paragraph
    assert _found(engine, "Nel processo le cariche elettriche contano.") == []  # unless, within two words
    assert _found(engine, "Il processo elettrico di ieri: le cariche contano.") == [
        ("cariche", "charges")
    ]  # «elettrico» is more than two words away


def test_overlapping_matches_give_one_finding_the_longest(tmp_path):
    short = _entry("short", '"giurare"', "Ha ⟦giurato⟧.", "Ha detto.")
    long = _entry("long", '"essere =stato? giurare:part"', "⟦È stato giurato⟧.", "È stato detto.")
    engine = _engine(_pack(tmp_path, short, long))
    assert _found(engine, "Il presidente è stato giurato ieri.") == [("è stato giurato", "long")]
    # the same across two packs
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    engine = _engine(_pack(tmp_path / "a", short, code="TST061"), _pack(tmp_path / "b", long, code="TST062"))
    result = engine.check_path("t.txt", "Il presidente è stato giurato ieri.".encode(), display="t.txt")
    assert [(f.code, f.text) for f in result.findings] == [("TST062", "è stato giurato")]
    result = engine.check_path(
        "t.txt", "Ha giurato. Il presidente è stato giurato.".encode(), display="t.txt"
    )
    assert [(f.code, f.text) for f in result.findings] == [
        ("TST061", "giurato"),
        ("TST062", "è stato giurato"),
    ]


def test_function_words_are_not_read_as_forms_of_verbs():
    assert not {"di", "da"} & forms("dare", "it")
    assert not {"di", "da"} & forms("dire", "it")
    assert not {"se", "si", "sa"} & forms("essere", "it")
    assert {"dà", "diede", "dato"} <= forms("dare", "it")
    assert {"la", "le"} <= forms("il", "it") and {"della", "dei"} <= forms("di", "it")
    assert {"is", "was"} <= forms("be", "en")


def test_a_verb_slot_does_not_match_a_preposition(tmp_path):
    engine = _engine(
        _pack(tmp_path, _entry("dare", '"dare [det] guida"', "Ha ⟦dato una guida⟧.", "La guida di montagna."))
    )
    assert _found(engine, "Il libro di guida è nuovo; ha dato la guida.") == [("dato la guida", "dare")]
    assert _found(engine, "Le linee di guida e da guida.") == []
