"""Rule cases as data: every file under tests/cases/ (``<family>/<CODE>.yaml``, ``<family>/mixed.yaml``,
``readers/<format>.yaml``) holds texts with the expected findings marked inside them (lint.testing).
Each case compares the whole list of findings (line, column, code, text) with its marks, and the text
after the safe fixes where it gives one."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.api import Linter
from lint.cache import Cache
from lint.config import Overrides
from lint.testing import (
    Case,
    Mark,
    MarkError,
    case_linter,
    iter_cases,
    load_cases,
    parse_marks,
    position,
    rule_of,
    run_case,
)

CASES = Path(__file__).parent / "cases"
ALL_CASES = list(iter_cases(CASES))
READERS = ("html", "markdown", "text")
BASE = Linter(load_entry_points=False, isolated=True, cache=Cache(None), overrides=Overrides(preview=True))
_LINTERS: dict[tuple, Linter] = {}


def _linter(case: Case) -> Linter:
    # Building a linter reads every pack and the knowledge base: one per selection, language and date.
    key = (case.select, case.language, case.date)
    if key not in _LINTERS:
        _LINTERS[key] = case_linter(case)
    return _LINTERS[key]


def family_of(code: str) -> str:
    """The family of a rule: its metadata's ``family`` where the rule declares one, else the folder of
    lint/checks/ its module or pack sits in, else its pack's file name (rules/common/punctuation.yaml)."""
    rule = BASE.base_rules.get(code)
    declared = getattr(rule.meta, "family", None)
    if declared:
        return declared
    origin = rule.meta.origin.split(":", 1)[0] or type(rule).__module__.replace(".", "/") + ".py"
    parts = Path(origin).with_suffix("").parts
    return parts[parts.index("checks") + 1] if "checks" in parts else parts[-1]


@pytest.mark.parametrize("case", ALL_CASES, ids=[case.id for case in ALL_CASES])
def test_case(case: Case):
    outcome = run_case(case, _linter(case))
    assert not [p for p in outcome.result.problems if p.kind == "error"], outcome.result.problems
    assert outcome.got == outcome.expected, outcome.report()
    plain = case.expected().text
    for f in outcome.result.findings:
        assert plain[f.start : f.end] == f.text, f
    if case.fixed is not None:
        assert outcome.fixed == case.fixed


def test_every_case_file_is_named_after_a_rule_of_its_family_or_a_reader():
    files = sorted(CASES.rglob("*.yaml"))
    assert files
    for file in files:
        folder = file.parent.name
        assert file.parent.parent == CASES, f"{file}: case files sit one folder deep"
        if folder == "readers":
            assert file.stem in READERS, f"{file}: a readers file is named after a format {READERS}"
        elif file.stem != "mixed":
            code = rule_of(file)
            assert code and BASE.base_rules.get(code), f"{file}: no rule {file.stem}"
            assert family_of(code) == folder, f"{file}: {code} belongs to {family_of(code)}/"


def test_cases_in_a_rules_file_mark_that_rule_and_mixed_files_name_every_code():
    for case in ALL_CASES:
        marks = case.expected().marks
        if case.code is None:
            assert all(m.code for m in marks), case.id
        else:
            # A bare mark stands for the file's rule: writing the code out would only repeat it.
            assert case.code not in {m.code for m in marks}, case.id


def test_the_kb_articles_cover_sixty_titles_and_thirty_people():
    """Counted by refuso itself, over the articles checked with the title rule: names of KB people with
    a title next to them, right or wrong."""
    from lint.checks.people.names import find_mentions
    from lint.checks.people.titles import TitleReader

    articles = [case for case in ALL_CASES if case.select and "TTL001" in case.select]
    linter = _linter(articles[0])
    knowledge = linter.knowledge_for(linter.finder.for_directory(CASES))()
    reader = TitleReader(knowledge, linter.plugins.languages)
    engine = linter.engine_for(linter.finder.for_directory(CASES))
    titled, people, wrong = 0, set(), 0
    for case in articles:
        marked = case.expected()
        document = engine.read(case.path, marked.text.encode())
        for mention in find_mentions(document, knowledge):
            if reader.before(document.prose.text, mention) or reader.after(document.prose.text, mention):
                titled += 1
                people.update(mention.people)
        wrong += sum(1 for m in marked.marks if (m.code or case.code) == "TTL001")
    assert titled >= 60, titled
    assert len(people) >= 30, len(people)
    assert wrong >= 15, wrong


# The notation itself.


def test_marks_are_stripped_and_their_spans_kept():
    marked = parse_marks("Il ⟦ministro⟧ e ⟦il il⟧^DUP001 cane")
    assert marked.text == "Il ministro e il il cane"
    assert marked.marks == (Mark(3, 11, None), Mark(14, 19, "DUP001"))


def test_marks_nest_and_may_be_empty():
    marked = parse_marks("a ⟦b ⟦c⟧^DUP001 d⟧^PUN001 e⟦⟧^PUN003")
    assert marked.text == "a b c d e"
    assert marked.marks == (Mark(2, 7, "PUN001"), Mark(4, 5, "DUP001"), Mark(9, 9, "PUN003"))


def test_a_code_with_punctuation_is_written_in_braces():
    marked = parse_marks("She ⟦go⟧^{LT:HE_VERB_AGR}. A ⟦house⟧^{acme.house}: yes")
    assert marked.text == "She go. A house: yes"
    assert [m.code for m in marked.marks] == ["LT:HE_VERB_AGR", "acme.house"]


def test_a_caret_that_names_no_code_stays_in_the_text():
    assert parse_marks("⟦x⟧^2 and ⟦y⟧^abc").text == "x^2 and y^abc"


@pytest.mark.parametrize("text", ["an ⟦open mark", "a close⟧ mark", "⟦one ⟦two⟧ marks"])
def test_unmatched_marks_are_errors(text):
    with pytest.raises(MarkError):
        parse_marks(text)


def test_positions_count_code_points_and_every_line_end():
    text = "ab\r\ncd\ref\ngh 🇮🇹 x"
    assert position(text, 0) == (1, 1)
    assert position(text, text.index("d")) == (2, 2)
    assert position(text, text.index("f")) == (3, 2)
    assert position(text, text.index("x")) == (4, 7)  # the flag is two code points


def test_a_bare_mark_in_a_mixed_file_is_an_error(tmp_path):
    folder = tmp_path / "punctuation"
    folder.mkdir()
    (folder / "mixed.yaml").write_text("cases:\n- name: bare\n  text: 'a ⟦,,⟧ b'\n", encoding="utf-8")
    (case,) = load_cases(folder / "mixed.yaml")
    with pytest.raises(MarkError, match=r"mixed\.yaml::bare"):
        case.expected()


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("- name: a\n", "needs a name and a text"),
        ("- name: a\n  text: x\n  findings: []\n", "unknown keys"),
        ("- name: a\n  text: x\n- name: a\n  text: y\n", "two cases are named"),
        ("- name: a\n  text: x\n  date: 5 May\n", "date is YYYY-MM-DD"),
        ("- name: a\n  text: x\n  select: PUN001\n", "select is a list of codes"),
    ],
)
def test_a_malformed_case_file_is_named(tmp_path, body, message):
    file = tmp_path / "PUN001.yaml"
    file.write_text("cases:\n" + body, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        load_cases(file)
    assert "PUN001.yaml" in str(error.value)


def test_a_plugin_tests_its_rules_with_the_same_case_files(tmp_path, monkeypatch):
    """The toy-language plugin's rule, checked from a case file of its own as a plugin's tests would."""
    monkeypatch.syspath_prepend(str(Path(__file__).parent / "plugins" / "refuso-toylang"))
    import refuso_toylang

    folder = tmp_path / "duplication"
    folder.mkdir()
    (folder / "XXR001.yaml").write_text(
        "cases:\n"
        "- name: doubled\n  language: xx\n  text: 'Za domo ⟦ke ke⟧ granda zo en ⟦Tria⟧^XXR002 ka.'\n"
        "- name: clean\n  language: xx\n  text: 'Za domo ke granda zo.'\n",
        encoding="utf-8",
    )
    cases = list(iter_cases(tmp_path))
    assert [case.id for case in cases] == [
        "duplication/XXR001.yaml::doubled",
        "duplication/XXR001.yaml::clean",
    ]
    for case in cases:
        outcome = run_case(case, case_linter(case, extra_plugins=[("toylang", refuso_toylang)]))
        assert outcome.got == outcome.expected, outcome.report()
    assert outcome.expected == [] and cases[0].expected().marks[1].code == "XXR002"
