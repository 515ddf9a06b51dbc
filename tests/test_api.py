"""The Python API beyond checking: fixing a run, the JSON Schemas and the rules table."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from conftest import ROOT
from lint.api import FixReport, Linter, format_rows, rules, schema
from lint.cache import Cache
from lint.hookspecs import hookimpl

DAMAGED = "Il cane corre..  Poi , dopo il via ,ok.\nLa riunione è finita;; domani si vedrà.\n"
FIXED = "Il cane corre. Poi, dopo il via, ok.\nLa riunione è finita; domani si vedrà.\n"
UNSAFE = "Il segretario di Stato Anthony Blinken è arrivato.\n"


def _linter(**kwargs) -> Linter:
    return Linter(load_entry_points=False, isolated=True, cache=Cache(None), **kwargs)


def _checked(tmp_path: Path, monkeypatch, text: str, name: str = "a.txt") -> tuple[Linter, Path, object]:
    monkeypatch.chdir(tmp_path)
    article = tmp_path / name
    article.write_text(text, encoding="utf-8")
    linter = _linter()
    return linter, article, linter.check_paths([name], keep_sources=True, jobs=1)


# -- Linter.fix --------------------------------------------------------------------------------------


def test_fix_without_writing_returns_the_fixed_text_and_leaves_the_file(tmp_path, monkeypatch):
    linter, article, run = _checked(tmp_path, monkeypatch, DAMAGED)
    report = linter.fix(run, write=False)
    assert isinstance(report, FixReport) and not report.written
    assert article.read_text(encoding="utf-8") == DAMAGED
    (one,) = report.fixed
    assert (one.path, one.before, one.after, one.applied) == ("a.txt", DAMAGED, FIXED, 5)
    assert report.applied == 5
    assert report.diff().startswith("--- a/a.txt\n+++ b/a.txt\n")
    assert "\n+Il cane corre. Poi, dopo il via, ok.\n" in report.diff()
    (result,) = report.run.files
    assert result.source == FIXED and result.findings == ()


def test_fix_writes_the_fixed_text_and_reports_what_is_left(tmp_path, monkeypatch):
    linter, article, run = _checked(tmp_path, monkeypatch, DAMAGED + UNSAFE)
    report = linter.fix(run)
    assert report.written and report.applied == 5
    assert article.read_text(encoding="utf-8") == FIXED + UNSAFE
    assert report.unsafe_left == 1  # the misspelled name: a fix that changes a word
    assert [f.code for f in report.run.files[0].findings] == [
        f.code for f in run.files[0].findings if f.fix and f.fix.applicability.value == "unsafe"
    ]
    again = linter.check_paths(["a.txt"], keep_sources=True, jobs=1)
    unsafe = linter.fix(again, unsafe=True)
    assert unsafe.applied == 1 and unsafe.unsafe_left == 0
    assert "Antony Blinken" in article.read_text(encoding="utf-8")


def test_fix_leaves_a_read_only_file_and_a_link_and_says_why(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text(DAMAGED, encoding="utf-8")
    locked.chmod(0o444)
    real = tmp_path / "real.txt"
    real.write_text(DAMAGED, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to("real.txt")
    said = {}
    for name in ("locked.txt", "link.txt"):
        linter = _linter()
        report = linter.fix(linter.check_paths([name], keep_sources=True, jobs=1))
        assert report.fixed == ()
        said.update((p.where, p.message) for p in report.run.problems)
    assert locked.read_text(encoding="utf-8") == DAMAGED and stat.S_IMODE(locked.stat().st_mode) == 0o444
    assert real.read_text(encoding="utf-8") == DAMAGED
    assert said["locked.txt"].startswith("not fixed: it is read-only (mode 0444)")
    assert said["link.txt"].startswith("not fixed: it is a symbolic link (to real.txt)")


def test_text_from_standard_input_is_fixed_but_never_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text(DAMAGED, encoding="utf-8")  # the name standard input is given
    linter = _linter()
    run = linter.check_paths(["-"], stdin_filename="a.txt", stdin=DAMAGED.encode(), keep_sources=True, jobs=1)
    assert linter.from_stdin("a.txt")
    report = linter.fix(run)
    assert report.run.files[0].source == FIXED
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == DAMAGED


# -- schema ------------------------------------------------------------------------------------------


class _AcmePlugin:
    @hookimpl
    def refuso_config_schema(self):
        return {"acme": {"type": "object", "properties": {"house": {"type": "boolean"}}}}


def test_the_configuration_schema_has_the_plugins_sections():
    config = schema("config", plugins=_linter(extra_plugins=[("acme", _AcmePlugin())]).plugins)
    properties = config["properties"]
    assert "languagetool" in properties  # contributed by the built-in LanguageTool plugin
    assert properties["plugins"]["properties"]["acme"]["properties"] == {"house": {"type": "boolean"}}
    assert "acme" not in schema("config", plugins=_linter().plugins)["properties"]["plugins"].get(
        "properties", {}
    )
    linter = _linter(extra_plugins=[("acme", _AcmePlugin())])
    assert linter.schema("config") == config


def test_each_schema_is_there_and_an_unknown_one_is_refused():
    pack = schema("pack")
    kinds = {alt["properties"]["kind"]["const"] for alt in pack["properties"]["rules"]["items"]["oneOf"]}
    assert {"phrases", "existence", "substitution"} <= kinds
    assert {"version", "files"} <= set(schema("output")["properties"])
    assert {"offices", "countries"} <= set(schema("kb")["properties"])
    with pytest.raises(ValueError, match="unknown schema 'packs'"):
        schema("packs")


# -- rules -------------------------------------------------------------------------------------------


def test_the_rules_table_lists_every_rule_and_filters_by_language():
    every = rules(load_entry_points=False, isolated=True, cache=Cache(None))
    codes = [row.code for row in every]
    assert "PUN001" in codes and len(codes) == len(set(codes))
    english = _linter().rules_table("en")
    assert {r.code for r in english} < set(codes)
    assert all(r.languages is None or "en" in r.languages for r in english)
    assert any(r.languages == ("it",) for r in every)
    pun001 = next(r for r in every if r.code == "PUN001")
    assert pun001.as_json()["name"] == pun001.name == "doubled-punctuation"


def test_the_markdown_table_is_the_rules_reference():
    table = format_rows(_linter().rules_table(), "markdown")
    assert table == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    text = format_rows(_linter().rules_table(), "text").splitlines()
    assert text[0].split() == ["CODE", "NAME", "CATEGORY", "SEVERITY", "LANGUAGES", "FIX", "FROM"]
