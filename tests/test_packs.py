"""Rule packs are validated when loaded: each problem names the file, the line and the rule."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lint.api import Linter
from lint.cache import Cache
from lint.config import Overrides, Settings
from lint.engine import Engine
from lint.packs import PackErrors, load_pack
from lint.plugins import make_plugins
from lint.rules import RuleSet

GOOD_RULE = """\
  - code: TST001
    name: no-foobar
    kind: existence
    category: style
    severity: warning
    tokens: [foobar]
    message: "Non scrivere «{match}»"
    description: "Una regola di prova."
    examples:
      flagged: ["un ⟦foobar⟧ qui"]
      clean: ["niente qui"]
"""


def write_pack(tmp_path: Path, body: str, name: str = "pack.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    with pytest.raises(PackErrors) as info:
        load_pack(path, display=path.name)
    return [str(e) for e in info.value.errors]


def test_a_good_pack_loads(tmp_path):
    rules = load_pack(write_pack(tmp_path, "language: it\nrules:\n" + GOOD_RULE))
    assert [r.meta.code for r in rules] == ["TST001"]
    assert rules[0].meta.origin.endswith("pack.yaml:3")


def test_unknown_key_names_file_line_rule_and_suggests(tmp_path):
    body = "language: it\nrules:\n" + GOOD_RULE.replace(
        "    tokens: [foobar]", "    tokens: [foobar]\n    pattrn: x"
    )
    (error,) = errors_of(write_pack(tmp_path, body))
    assert error.startswith("pack.yaml:3: rule TST001 (no-foobar): ")
    assert "unknown key 'pattrn' (did you mean 'pattern'?)" in error


def test_missing_field(tmp_path):
    body = "language: it\nrules:\n" + GOOD_RULE.replace('    message: "Non scrivere «{match}»"\n', "")
    (error,) = errors_of(write_pack(tmp_path, body))
    assert "pack.yaml:3: rule TST001 (no-foobar)" in error and "'message' is missing" in error


def test_bad_regex_points_at_its_line(tmp_path):
    body = "language: it\nrules:\n" + GOOD_RULE.replace("    tokens: [foobar]", "    pattern: 'foo(bar'")
    (error,) = errors_of(write_pack(tmp_path, body))
    assert error.startswith("pack.yaml:8: rule TST001 (no-foobar): invalid regular expression 'foo(bar'")


def test_unknown_kind_and_unknown_placeholder(tmp_path):
    body = "language: it\nrules:\n" + GOOD_RULE.replace("kind: existence", "kind: existance")
    (error,) = errors_of(write_pack(tmp_path, body))
    assert "pack.yaml:5:" in error and "unknown kind 'existance'" in error
    body = "language: it\nrules:\n" + GOOD_RULE.replace("{match}", "{matched}")
    (error,) = errors_of(write_pack(tmp_path, body, "two.yaml"))
    assert "two.yaml:9:" in error and "unknown placeholder {matched}" in error


def test_flagged_examples_must_mark_the_span(tmp_path):
    body = "language: it\nrules:\n" + GOOD_RULE.replace("un ⟦foobar⟧ qui", "un foobar qui")
    (error,) = errors_of(write_pack(tmp_path, body))
    assert "must mark what is flagged with ⟦…⟧" in error


def test_duplicate_key_and_yaml_syntax(tmp_path):
    body = "language: it\nlanguage: en\nrules: []\n"
    (error,) = errors_of_any(write_pack(tmp_path, body))
    assert error == "pack.yaml:2: duplicate key 'language' (first on line 1)"
    (error,) = errors_of_any(write_pack(tmp_path, "rules: [\n  - x\n", "bad.yaml"))
    assert error.startswith("bad.yaml:") and "invalid YAML" in error


def errors_of_any(path: Path) -> list[str]:
    from lint.packs import load_packs

    rules, errors = load_packs([(path, path.name)])
    assert rules == []
    return [str(e) for e in errors]


def test_yes_no_on_off_stay_words(tmp_path):
    body = "language: it\nrules:\n" + GOOD_RULE.replace(
        "tokens: [foobar]", "tokens: [foobar, no, on, off, yes]"
    )
    (rule,) = load_pack(write_pack(tmp_path, body))
    assert rule.pattern.search("dico no")


def test_every_error_in_a_pack_is_reported(tmp_path):
    second = (
        GOOD_RULE.replace("TST001", "TST002")
        .replace("no-foobar", "no-baz")
        .replace("severity: warning", "severity: fatal")
    )
    body = (
        "language: it\nrules:\n"
        + GOOD_RULE.replace("tokens: [foobar]", "tokens: [foobar]\n    extra: 1")
        + second
    )
    errors = errors_of(write_pack(tmp_path, body))
    assert len(errors) == 2
    assert "TST001" in errors[0] and "TST002" in errors[1] and "'fatal' is not one of" in errors[1]


def test_a_catastrophic_pattern_is_stopped_and_the_other_rules_finish(tmp_path):
    body = (
        "language: it\nrules:\n"
        + GOOD_RULE
        + GOOD_RULE.replace("TST001", "TST002")
        .replace("no-foobar", "slow")
        .replace("tokens: [foobar]", "pattern: '(a|aa)+b'")
        .replace("un ⟦foobar⟧ qui", "⟦aab⟧")
    )
    rules = load_pack(write_pack(tmp_path, body))
    plugins = make_plugins(load_entry_points=False)
    engine = Engine(RuleSet(rules), Settings(regex_timeout=0.3), plugins)
    result = engine.check_path("t.txt", ("foobar " + "a" * 60).encode(), display="t.txt")
    assert [f.code for f in result.findings] == ["TST001"]
    (problem,) = result.problems
    assert "rule TST002 (slow)" in problem.message and "took longer than 0.3 s" in problem.message


def test_a_broken_pack_in_the_configuration_is_reported_and_the_rest_runs(tmp_path):
    (tmp_path / "packs").mkdir()
    write_pack(tmp_path, "rules: [1]\n", "packs/bad.yaml")
    (tmp_path / ".refuso.yaml").write_text("rule-packs: [packs]\n", encoding="utf-8")
    linter = Linter(load_entry_points=False, cache=Cache(None), overrides=Overrides())
    (tmp_path / "a.txt").write_text("Putin e Putin,, qui.\n", encoding="utf-8")
    run = linter.check_paths([str(tmp_path / "a.txt")])
    assert {f.code for f in run.findings} == {"DUP003", "PUN001"}
    assert any("bad.yaml" in p.path and "is not a mapping" in p.message for p in run.all_problems)


KINDS_PACK = """\
language: it
rules:
  - code: TST010
    name: consistent-kyiv
    kind: consistency
    category: consistency
    severity: warning
    either: {Kiev: Kyiv}
    message: "«{match}» e «{other}» nello stesso articolo"
    description: "Una grafia sola per città."
    examples:
      flagged: ["Kyiv, Kyiv e ⟦Kiev⟧."]
      clean: ["Kyiv e ancora Kyiv."]
  - code: TST011
    name: too-many-however
    kind: occurrence
    category: style
    severity: info
    token: '\\b[Tt]uttavia\\b'
    max: 1
    per: paragraph
    message: "«{match}» ripetuto {count} volte nel paragrafo (al massimo {max})"
    description: "Un solo «tuttavia» per paragrafo."
    examples:
      flagged: ["Tuttavia sì. Tuttavia no, e ⟦tuttavia⟧ forse."]
      clean: ["Tuttavia sì.\\n\\nTuttavia no."]
  - code: TST012
    name: too-many-however-in-a-sentence
    kind: occurrence
    category: style
    severity: info
    token: '\\b[Tt]uttavia\\b'
    max: 1
    per: sentence
    message: "troppi «tuttavia»"
    description: "Un solo «tuttavia» per frase."
    examples:
      flagged: ["Tuttavia sì, tuttavia no e ⟦tuttavia⟧ forse. Tuttavia basta."]
      clean: ["Tuttavia sì. Tuttavia no."]
"""


def test_consistency_and_occurrence_kinds(tmp_path):
    rules = load_pack(write_pack(tmp_path, KINDS_PACK))
    plugins = make_plugins(load_entry_points=False)
    engine = Engine(RuleSet(rules), Settings(), plugins)
    text = "A Kiev e a Kyiv, poi ancora Kyiv. Tuttavia sì. Tuttavia no, e tuttavia forse.\n\nTuttavia basta."
    result = engine.check_path("t.txt", text.encode(), display="t.txt")
    assert result.problems == ()
    assert [(f.code, f.text) for f in result.findings] == [
        ("TST010", "Kiev"),
        ("TST011", "Tuttavia"),
        ("TST011", "tuttavia"),
        ("TST012", "tuttavia"),
    ]
    assert result.findings[0].message == "«Kiev» e «Kyiv» nello stesso articolo"
    assert result.findings[0].suggestions == ("Kyiv",)
    assert result.findings[1].message == "«Tuttavia» ripetuto 3 volte nel paragrafo (al massimo 1)"
    sentence_rule = Engine(RuleSet([r for r in rules if r.meta.code == "TST012"]), Settings(), plugins)
    result = sentence_rule.check_path(
        "t.txt", "Tuttavia sì, tuttavia no. Tuttavia basta.".encode(), display="t.txt"
    )
    assert result.problems == ()
    assert [(f.code, f.column) for f in result.findings] == [("TST012", 14)]


@pytest.mark.parametrize(
    "filler", ["", " Il resto della giornata è trascorso senza altre novità di rilievo." * 5]
)
def test_exceptions_hold_whether_matches_are_dense_or_sparse(linter, filler):
    # Dense matches have their exceptions found in one pass over the text, sparse ones match by
    # match; both must flag the same ",," and spare the same "ecc..".
    unit = "Hanno portato mele, pere ecc.. Poi,, basta." + filler + "\n"
    text = unit * 200
    result = linter.check_text(text, language="it", path="a.txt")
    found = [(f.start, f.end) for f in result.findings if f.code == "PUN001"]
    assert found == [
        (i * len(unit) + unit.index(",,"), i * len(unit) + unit.index(",,") + 2) for i in range(200)
    ]
    assert not result.problems


def test_a_rule_matching_everywhere_finishes_within_its_timeout(linter):
    # 45,000 doubled commas in 1 MB: the matches, their exceptions and the findings all come in
    # well inside the time a pattern may take (the timeout counts the pattern's own time only).
    text = "Il governo,, ha detto. " * 45_000
    result = linter.check_text(text, language="it", path="a.txt")
    assert not result.problems
    assert sum(f.code == "PUN001" for f in result.findings) == 45_000
