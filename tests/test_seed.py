"""The seed article: refuso reports exactly the findings in seeds/…expected.yaml, at their true columns."""

from __future__ import annotations

import json

import yaml

from conftest import ROOT, SEED

EXPECTED = yaml.safe_load((ROOT / "seeds" / "000_c6597b0d87ed5ff2.expected.yaml").read_text(encoding="utf-8"))
KEYS = ("rule", "line", "column", "end_line", "end_column", "text")


def test_fixture_spans_hold_their_text():
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for f in EXPECTED["findings"]:
        assert f["line"] == f["end_line"]
        assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["text"]


def test_seed_findings_as_a_whole_list(run_cli):
    result = run_cli("check", "--format", "json", str(SEED.relative_to(ROOT)))
    assert result.code == 1, result.err
    data = json.loads(result.out)
    (file_report,) = data["files"]
    assert file_report["path"] == "seeds/000_c6597b0d87ed5ff2.txt"
    assert file_report["language"] == "it"
    got = [{k: f[k] for k in KEYS} for f in file_report["findings"]]
    assert got == [{k: e[k] for k in KEYS} for e in EXPECTED["findings"]]
    for finding, expected in zip(file_report["findings"], EXPECTED["findings"], strict=True):
        if "suggestions" in expected:
            assert finding["suggestions"][: len(expected["suggestions"])] == expected["suggestions"]
    assert data["errors"] == []


def test_seed_clean_lines_and_text(run_cli):
    result = run_cli("check", "--format", "json", "--preview", "--fail-level", "info", str(SEED))
    findings = json.loads(result.out)["files"][0]["findings"]
    assert not {f["line"] for f in findings} & set(EXPECTED["clean_lines"])
    lines = SEED.read_text(encoding="utf-8").split("\n")
    for clean in EXPECTED["clean_text"]:
        line = next(i for i, text in enumerate(lines, 1) if clean in text)
        start = lines[line - 1].index(clean) + 1
        end = start + len(clean)
        assert not [
            f for f in findings if f["line"] == line and f["column"] < end and f["end_column"] > start
        ]


def test_a_stint_two_sources_record_is_named_once_in_the_title_message(run_cli):
    # The knowledge base has Blinken's years as deputy secretary of State from two sources, one of them
    # without the title: the message names that stint once, with its title.
    result = run_cli(
        "check", "--no-languagetool", "--select", "TTL001", "--format", "json", str(SEED.relative_to(ROOT))
    )
    (finding,) = json.loads(result.out)["files"][0]["findings"]
    assert finding["message"].count("(2015–2017)") == 1
    assert "vicesegretario di Stato degli Stati Uniti (2015–2017)" in finding["message"]
