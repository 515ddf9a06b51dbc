"""Text in a language refuso has no rules for: the rules for every language run, and a note says so."""

from __future__ import annotations

import json

import pytest

from lint.api import Linter
from lint.cache import Cache

# Damage every language shares (a doubled comma, a doubled space, a bracket left open, a name
# coordinated with itself), and damage only Italian and English rules know (a space before a colon is
# French typography, not an error; "la la" is an Italian article).
FRENCH = (
    "Le sommet,, hier soir. Les ministres  sont arrivés (enfin.\n"
    "Selon Emmanuel Macron, Emmanuel Macron décidera : la la réunion continue.\n"
)
_LINES = FRENCH.splitlines()
EVERY_LANGUAGE = [
    (1, _LINES[0].index(",,") + 1, "PUN001"),
    (1, _LINES[0].index("  ") + 1, "TYP001"),
    (1, _LINES[0].index("(") + 1, "PUN006"),
    (2, _LINES[1].index("Emmanuel") + 1, "DUP003"),
]
NOTE = "language fr is not supported: only language-independent rules ran (refuso's rules know en, it)"


def _findings(report: dict) -> list[tuple[int, int, str]]:
    return [(f["line"], f["column"], f["rule"]) for file in report["files"] for f in file["findings"]]


@pytest.mark.parametrize(
    ("name", "text", "args", "config"),
    [
        ("a.md", "---\nlang: fr\n---\n" + FRENCH, (), None),
        ("a.txt", FRENCH, ("--lang", "fr"), None),
        ("a.txt", FRENCH, (), "language: fr-CH\n"),
    ],
    ids=["front-matter", "command-line", "configuration"],
)
def test_an_unsupported_language_runs_the_rules_for_every_language_with_a_note(
    run_cli, tmp_path, name, text, args, config
):
    (tmp_path / name).write_text(text, encoding="utf-8")
    if config:
        (tmp_path / ".refuso.yaml").write_text(config, encoding="utf-8")
    result = run_cli("check", name, "--format", "json", *args, cwd=tmp_path)
    report = json.loads(result.out)
    shift = 3 if name.endswith(".md") else 0  # the front matter's lines
    assert _findings(report) == [(line + shift, column, code) for line, column, code in EVERY_LANGUAGE]
    assert report["files"][0]["language"] == "fr"
    assert report["notes"] == [{"path": name, "message": NOTE}]
    assert result.code == 1


def test_the_rules_that_run_in_any_language_are_those_declared_for_every_language():
    linter = Linter(load_entry_points=False, isolated=True, cache=Cache(None))
    result = linter.check_text(FRENCH * 3, path="a.txt", language="de")
    every_language = {m.code for m in linter.base_rules.metas() if m.languages is None}
    assert {f.code for f in result.findings} <= every_language
    assert {"PUN001", "PUN002", "PUN004", "PUN006", "TYP001", "DUP003"} <= every_language
    assert not {"PUN003", "PUN005", "PUN007", "DUP001"} & every_language  # they know Italian or English
    assert [p.message for p in result.problems] == [NOTE.replace("language fr", "language de")]


def test_a_supported_language_gets_no_note(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Il vertice,, ieri.\n", encoding="utf-8")
    result = run_cli("check", "a.txt", "--lang", "it", "--format", "concise", cwd=tmp_path)
    assert result.err == "" and result.code == 1


def test_what_lists_languages_before_plugins_load_reads_the_language_modules():
    """A rule's default languages and the KB's spelling languages are refuso's registered languages."""
    from lint.checks.base import rule_meta
    from lint.kb.schema import LANG
    from lint.lang import builtin_languages

    codes = list(builtin_languages())
    assert codes == ["it", "en"]
    assert LANG["enum"] == codes
    args = {
        "code": "ZZZ001",
        "name": "zzz",
        "category": "style",
        "severity": "info",
        "message": {"en": "m"},
        "description": {"en": "d"},
        "flagged": [],
        "clean": [],
    }
    assert rule_meta(**args).languages == frozenset(codes)
    assert rule_meta(**args, languages=None).languages is None  # every language


def test_a_union_of_the_languages_words_is_every_languages_words_made_once():
    from lint.lang import Language, Languages

    languages = Languages(
        [
            Language("aa", "A", past_words=frozenset({"ex", "former"})),
            Language("bb", "B", past_words=frozenset({"ex", "già"}), future_words=frozenset({"neo"})),
        ]
    )
    past = languages.union("past_words")
    assert past == {"ex", "former", "già"}
    assert languages.union("future_words") == {"neo"}
    assert languages.union("past_words") is past
