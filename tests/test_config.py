"""Configuration: discovery, validation with file and line, and what it changes."""

from __future__ import annotations

import datetime as dt
import textwrap

import pytest

from lint.api import Linter, UsageError
from lint.cache import Cache
from lint.config import ConfigError, Overrides
from lint.findings import Severity


def make_linter(**kwargs):
    return Linter(load_entry_points=False, cache=Cache(None), **kwargs)


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_nearest_configuration_wins(tmp_path):
    write(tmp_path / ".refuso.yaml", "ignore: [PUN001]\n")
    write(tmp_path / "sub" / "pyproject.toml", "[tool.refuso]\nignore = ['DUP003']\n")
    write(tmp_path / "top.txt", "Putin e Putin,, qui.\n")
    write(tmp_path / "sub" / "low.txt", "Putin e Putin,, qui.\n")
    run = make_linter().check_paths([str(tmp_path)])
    by_file = {r.path.rsplit("/", 1)[-1]: [f.code for f in r.findings] for r in run.files}
    assert by_file == {"top.txt": ["DUP003"], "low.txt": ["PUN001"]}


def test_pyproject_without_a_refuso_table_is_skipped(tmp_path):
    write(tmp_path / ".refuso.yaml", "select: [DUP]\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path / "sub" / "a.txt", "Putin e Putin,, qui.\n")
    run = make_linter().check_paths([str(tmp_path / "sub" / "a.txt")])
    assert [f.code for f in run.findings] == ["DUP003"]


def test_unknown_key_names_file_and_line(tmp_path):
    write(tmp_path / ".refuso.yaml", "language: it\nselcet: [PUN]\n")
    write(tmp_path / "a.txt", "x\n")
    with pytest.raises(ConfigError) as info:
        make_linter().check_paths([str(tmp_path / "a.txt")])
    assert str(info.value) == (
        f"{tmp_path / '.refuso.yaml'}:2: unknown key 'selcet' (did you mean 'select'?); allowed keys: "
        "date, encoding, exclude, extend-exclude, extend-select, fail-level, ignore, include, knowledge-base, language, languagetool, per-file, "
        "plugins, preview, regex-timeout, respect-gitignore, rule-packs, rules, select, vocabulary"
    )


def test_bad_values_and_toml_lines(tmp_path):
    write(
        tmp_path / "pyproject.toml",
        "[project]\nname='x'\n\n[tool.refuso]\nlanguage = 'it'\nfail-level = 'fatal'\n",
    )
    write(tmp_path / "a.txt", "x\n")
    with pytest.raises(
        ConfigError, match=r"pyproject.toml:6: fail-level: 'fatal' is not one of: error, warning, info"
    ):
        make_linter().check_paths([str(tmp_path / "a.txt")])


def test_unknown_rule_and_option(tmp_path):
    write(tmp_path / ".refuso.yaml", "rules:\n  PUN0001:\n    severity: warning\n")
    write(tmp_path / "a.txt", "x\n")
    with pytest.raises(
        ConfigError, match=r"\.refuso\.yaml:2: rules: unknown rule 'PUN0001' \(did you mean PUN001\?\)"
    ):
        make_linter().check_paths([str(tmp_path / "a.txt")])
    write(tmp_path / ".refuso.yaml", "rules:\n  DUP002:\n    options: {alow: [x]}\n")
    with pytest.raises(ConfigError, match=r"unknown option 'alow' \(options: allow\)"):
        make_linter().check_paths([str(tmp_path / "a.txt")])


def test_unknown_selector_is_a_usage_error(tmp_path):
    write(tmp_path / ".refuso.yaml", "select: [PUNX]\n")
    write(tmp_path / "a.txt", "x\n")
    with pytest.raises(UsageError, match="unknown rule selector 'PUNX'"):
        make_linter().check_paths([str(tmp_path / "a.txt")])


def test_severity_options_and_command_line_overrides(tmp_path):
    write(
        tmp_path / ".refuso.yaml",
        """\
        language: it
        fail-level: warning
        date: 2022-01-05
        rules:
          PUN001: {severity: info}
          doubled-space: {severity: error}
          DUP002:
            options: {allow: [colloqui]}
        """,
    )
    write(tmp_path / "a.txt", "Uno,,  due e i colloqui colloqui.\n")
    linter = make_linter()
    run = linter.check_paths([str(tmp_path / "a.txt")])
    assert [(f.code, f.severity) for f in run.findings] == [
        ("PUN001", Severity.INFO),
        ("TYP001", Severity.ERROR),
    ]
    assert linter.fail_level_for(run.files[0].path) == Severity.WARNING
    run = make_linter(overrides=Overrides(select=("PUN",), fail_level=Severity.ERROR)).check_paths(
        [str(tmp_path / "a.txt")]
    )
    assert [f.code for f in run.findings] == ["PUN001"]


def test_config_date_and_front_matter_date(tmp_path):
    write(tmp_path / ".refuso.yaml", "date: 2022-01-05\n")
    write(tmp_path / "a.md", "---\ndate: 2021-12-30T10:00:00+01:00\nlang: en-GB\n---\nText.\n")
    write(tmp_path / "b.txt", "Testo.\n")
    linter = make_linter()
    docs = {
        p: linter.engine_for(linter.finder.for_path(tmp_path / p)).read(str(tmp_path / p))
        for p in ("a.md", "b.txt")
    }
    assert docs["a.md"].date == dt.date(2021, 12, 30) and docs["a.md"].language == "en"
    assert docs["b.txt"].date == dt.date(2022, 1, 5)


def test_extra_rule_packs_from_the_configuration(tmp_path):
    write(
        tmp_path / "house" / "it" / "style.yaml",
        """\
        language: it
        rules:
          - code: HSE001
            name: no-attualmente
            kind: substitution
            category: style
            severity: warning
            swap: {attualmente: "al momento|oggi"}
            message: "«{match}»: preferire «{suggestion}»"
            description: "Lo stile della casa evita «attualmente»."
            examples:
              flagged: ["⟦Attualmente⟧ piove."]
              clean: ["Al momento piove."]
        """,
    )
    write(tmp_path / ".refuso.yaml", "rule-packs: [house]\n")
    write(tmp_path / "a.txt", "Attualmente il vertice è rinviato.\n")
    run = make_linter().check_paths([str(tmp_path / "a.txt")])
    (finding,) = run.findings
    assert finding.code == "HSE001" and finding.suggestions == ("Al momento", "Oggi")
    assert finding.message == "«Attualmente»: preferire «Al momento»"


def test_isolated_ignores_configuration(tmp_path):
    write(tmp_path / ".refuso.yaml", "select: [DUP]\n")
    write(tmp_path / "a.txt", "Uno,, due.\n")
    run = make_linter(isolated=True).check_paths([str(tmp_path / "a.txt")])
    assert [f.code for f in run.findings] == ["PUN001"]


def test_a_per_file_entry_applies_only_to_the_files_it_matches(tmp_path):
    write(
        tmp_path / ".refuso.yaml",
        """\
        ignore: [PUN001]
        per-file:
          - files: ["archive/**/*.txt"]
            ignore: [DUP003]
            fail-level: warning
          - files: ["archive/old/*.txt"]
            ignore: [DUP]
            rules:
              PUN001: {severity: info}
        """,
    )
    text = "Putin e Putin,, qui.\n"
    for name in ("news/a.txt", "archive/2020/b.txt", "archive/old/c.txt"):
        write(tmp_path / name, text)
    linter = make_linter()
    run = linter.check_paths([str(tmp_path)])
    by_file = {r.path.rsplit("/", 2)[-2]: [f.code for f in r.findings] for r in run.files}
    assert by_file == {"news": ["DUP003"], "2020": [], "old": []}
    archive = linter.finder.for_file(tmp_path / "archive" / "2020" / "b.txt")
    assert archive.ignore == ("PUN001", "DUP003") and archive.fail_level is Severity.WARNING
    # Later entries win and add up: both match archive/old, the second's rules apply.
    old = linter.finder.for_file(tmp_path / "archive" / "old" / "c.txt")
    assert old.ignore == ("PUN001", "DUP003", "DUP") and old.rules["PUN001"].severity is Severity.INFO
    news = linter.finder.for_file(tmp_path / "news" / "a.txt")
    assert news.ignore == ("PUN001",) and news.fail_level is Severity.ERROR and not news.per_file_applied


def test_the_command_line_still_wins_over_per_file_entries(tmp_path):
    write(
        tmp_path / ".refuso.yaml", "per-file:\n  - files: ['*.txt']\n    language: en\n    fail-level: info\n"
    )
    write(tmp_path / "a.txt", "Putin e Putin,, qui.\n")
    linter = make_linter(overrides=Overrides(language="it", fail_level=Severity.ERROR))
    settings = linter.finder.for_file(tmp_path / "a.txt")
    assert (settings.language, settings.fail_level) == ("it", Severity.ERROR)


@pytest.mark.parametrize(
    ("entry", "line", "message"),
    [
        ("  - files: ['*.md']\n    exclude: [x]\n", 3, "per-file.0: unknown key 'exclude'"),
        ("  - ignore: [DUP]\n", 2, "per-file.0: 'files' is missing"),
        ("  - files: ['*.md']\n    date: soon\n", 3, "per-file.0.date: 'soon' is not a date"),
        ("  - files: []\n", 2, "per-file.0.files"),
    ],
)
def test_a_bad_per_file_entry_is_named_with_file_and_line(tmp_path, entry, line, message):
    config = write(tmp_path / ".refuso.yaml", "per-file:\n" + entry)
    with pytest.raises(ConfigError) as raised:
        make_linter().finder.for_directory(tmp_path)
    assert raised.value.file == str(config) and raised.value.line == line
    assert message in raised.value.message


def test_a_per_file_rule_that_does_not_exist_is_refused_with_its_line(tmp_path):
    write(
        tmp_path / ".refuso.yaml",
        "per-file:\n  - files: ['*.txt']\n    rules:\n      PUN999: {severity: info}\n",
    )
    write(tmp_path / "a.txt", "Uno,, due.\n")
    with pytest.raises(ConfigError) as raised:
        make_linter().check_paths([str(tmp_path)])
    assert raised.value.line == 4 and "PUN999" in raised.value.message


@pytest.mark.parametrize(
    ("code", "text", "accept"),
    [
        ("NAM001", "Il segretario di Stato Anthony Blinken è arrivato a Roma.\n", "Anthony Blinken"),
        ("NAM002", "Il presidente ucraino Volodymyr Zhelenskyi ha parlato.\n", "zhelenskyi"),
        (
            "CON001",
            "Il portavoce Mario Bianchetti ha parlato ieri. Bianchetto ha poi aggiunto altro.\n",
            "Bianchetto",
        ),
    ],
)
def test_a_name_the_vocabulary_accepts_is_not_reported(tmp_path, code, text, accept):
    write(tmp_path / "a.txt", text)
    write(tmp_path / "other" / "a.txt", text)
    write(tmp_path / ".refuso.yaml", f"language: it\nselect: [{code}]\nvocabulary:\n  accept: [{accept!r}]\n")
    write(tmp_path / "other" / ".refuso.yaml", f"language: it\nselect: [{code}]\n")
    run = make_linter().check_paths([str(tmp_path / "a.txt"), str(tmp_path / "other" / "a.txt")])
    assert [[f.code for f in r.findings] for r in run.files] == [[], [code]]


@pytest.mark.parametrize("kind", ["accept", "reject"])
def test_a_vocabulary_file_that_cannot_be_read_is_named(tmp_path, kind):
    config = write(tmp_path / ".refuso.yaml", f"language: it\nvocabulary:\n  {kind}-file: [missing.txt]\n")
    with pytest.raises(ConfigError) as raised:
        make_linter().finder.for_directory(tmp_path)
    assert raised.value.file == str(config) and raised.value.line == 3
    assert "missing.txt" in raised.value.message


def test_rejected_words_come_from_the_list_and_the_file(tmp_path):
    write(tmp_path / "styles" / "reject.txt", "# words the house avoids\nFake News\n\nresiliente\n")
    write(
        tmp_path / ".refuso.yaml",
        "select: [STY004]\nvocabulary:\n  reject: [lockdown]\n  reject-file: [styles/reject.txt]\n",
    )
    write(tmp_path / "a.txt", "Il Lockdown, le Fake News e le fake news: una città Resiliente.\n")
    run = make_linter().check_paths([str(tmp_path / "a.txt")])
    assert [f.text for f in run.files[0].findings] == ["Lockdown", "Fake News", "Resiliente"]
