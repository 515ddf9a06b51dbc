"""The command line as users see it: output formats, exit codes, standard input, errors."""

from __future__ import annotations

import json

import jsonschema
import pytest

from lint.formatters.json import OUTPUT_SCHEMA

SAMPLE = "Il vertice,, ieri.\nPutin e Putin non verranno  oggi.\n"

GOLDEN_TEXT = """\
g.txt:1:11: error PUN001 Punteggiatura doppia «,,»: basta un solo «,»
  |
1 | Il vertice,, ieri.
  |           ^^
  = suggerimento: «,»

g.txt:2:1: error DUP003 «Putin» è coordinato con se stesso: probabilmente manca l’altro nome
  |
2 | Putin e Putin non verranno  oggi.
  | ^^^^^^^^^^^^^

g.txt:2:27: warning TYP001 Spazio doppio tra le parole
  |
2 | Putin e Putin non verranno  oggi.
  |                           ^^
  = suggerimento: « »

Found 3 problems (2 errors, 1 warning) in 1 of 1 file.
"""


@pytest.fixture
def sample(tmp_path):
    (tmp_path / "g.txt").write_text(SAMPLE, encoding="utf-8")
    return tmp_path


def test_text_output_golden(run_cli, sample):
    result = run_cli("check", "g.txt", cwd=sample)
    assert (result.code, result.out, result.err) == (1, GOLDEN_TEXT, "")


def test_concise_output_and_statistics(run_cli, sample):
    result = run_cli("check", "g.txt", "--format", "concise", "--statistics", cwd=sample)
    assert result.out.splitlines() == [
        "g.txt:1:11: error PUN001 Punteggiatura doppia «,,»: basta un solo «,»",
        "g.txt:2:1: error DUP003 «Putin» è coordinato con se stesso: probabilmente manca l’altro nome",
        "g.txt:2:27: warning TYP001 Spazio doppio tra le parole",
        "1\tDUP003\t    name-coordinated-with-itself",
        "1\tPUN001\t[*] doubled-punctuation",
        "1\tTYP001\t[*] doubled-space",
        "Found 3 problems (2 errors, 1 warning) in 1 of 1 file.",
    ]


def test_json_output_follows_its_schema_and_the_text(run_cli, sample):
    result = run_cli("check", "g.txt", "--format", "json", cwd=sample)
    assert result.code == 1
    data = json.loads(result.out)
    jsonschema.validate(data, OUTPUT_SCHEMA)
    findings = data["files"][0]["findings"]
    lines = SAMPLE.split("\n")
    for f in findings:
        assert lines[f["line"] - 1][f["column"] - 1 : f["end_column"] - 1] == f["text"]
        if f["fix"]:
            (edit,) = f["fix"]["edits"]
            assert SAMPLE[edit["start"] : edit["end"]] == f["text"]
    assert [(f["rule"], f["severity"]) for f in findings] == [
        ("PUN001", "error"),
        ("DUP003", "error"),
        ("TYP001", "warning"),
    ]
    assert data["tool"]["name"] == "refuso" and data["version"] == 1


def test_schema_command_prints_the_output_schema(run_cli):
    assert json.loads(run_cli("schema", "output").out) == json.loads(json.dumps(OUTPUT_SCHEMA))


def test_exit_codes_follow_the_fail_level(run_cli, sample):
    (sample / "w.txt").write_text("Non verranno  oggi.\n", encoding="utf-8")
    assert run_cli("check", "w.txt", cwd=sample).code == 0
    assert run_cli("check", "w.txt", "--fail-level", "warning", cwd=sample).code == 1
    assert run_cli("check", "g.txt", "--exit-zero", cwd=sample).code == 0
    (sample / "ok.txt").write_text("Tutto bene.\n", encoding="utf-8")
    ok = run_cli("check", "ok.txt", cwd=sample)
    assert (ok.code, ok.out) == (0, "All checks passed! (1 file checked)\n")


def test_stdin_with_a_file_name(run_cli, sample):
    result = run_cli(
        "check",
        "-",
        "--stdin-filename",
        "articolo.md",
        "--format",
        "concise",
        stdin="# Titolo,, qui\n\n`a,, b`\n",
        cwd=sample,
    )
    assert result.code == 1
    assert (
        result.out.splitlines()[0]
        == "articolo.md:1:9: error PUN001 Punteggiatura doppia «,,»: basta un solo «,»"
    )
    assert "1 problem" in result.out


def test_select_ignore_and_unknown_selectors(run_cli, sample):
    result = run_cli(
        "check",
        "g.txt",
        "--select",
        "PUN,TYP",
        "--ignore",
        "doubled-space",
        "--format",
        "concise",
        cwd=sample,
    )
    assert [line.split()[2] for line in result.out.splitlines()[:-1]] == ["PUN001"]
    bad = run_cli("check", "g.txt", "--select", "PUNX", cwd=sample)
    assert bad.code == 2
    assert "the command line: select: unknown rule selector 'PUNX'" in bad.err
    assert run_cli("check", "g.txt", "--format", "yaml", cwd=sample).code == 2


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["check", "g.txt", "--fial-level", "warning"],
            "unrecognized arguments: --fial-level (did you mean --fail-level?) warning",
        ),
        (["check", "--colour=never"], "unrecognized arguments: --colour=never (did you mean --color?)"),
        (["languagetool", "stop", "--prot", "8"], "unrecognized arguments: --prot (did you mean --port?) 8"),
        (["rules", "--formt", "json"], "unrecognized arguments: --formt (did you mean --format?) json"),
        (["check", "--zzz"], "unrecognized arguments: --zzz\n"),
        (
            ["chek", "g.txt"],
            "argument COMMAND: invalid choice: 'chek' (choose from 'check', 'rules', 'explain', 'kb', 'cache', 'languagetool', 'serve', 'lsp', 'schema') (did you mean check?)",
        ),
        (
            ["kb", "fnd", "Blinken"],
            "refuso kb: error: argument KB_COMMAND: invalid choice: 'fnd' (choose from 'check', 'find') (did you mean find?)",
        ),
        (
            ["check", "--fail-level", "warnig"],
            "invalid choice: 'warnig' (choose from 'error', 'warning', 'info') (did you mean warning?)",
        ),
    ],
)
def test_a_mistyped_option_or_command_gets_a_did_you_mean(capsys, argv, message):
    from lint.cli import main

    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_a_mistyped_rule_or_format_gets_a_did_you_mean(run_cli, sample):
    bad = run_cli(
        "check", "g.txt", "--select", "PNU001", "--ignore", "doubled-spaec,zzz", "--format", "jsn", cwd=sample
    )
    assert bad.code == 2
    assert "unknown output format 'jsn' (did you mean json?)" in bad.err
    bad = run_cli("check", "g.txt", "--select", "PNU001", "--ignore", "doubled-spaec,zzz", cwd=sample)
    assert bad.code == 2
    assert "select: unknown rule selector 'PNU001' (did you mean PUN001" in bad.err
    bad = run_cli("check", "g.txt", "--ignore", "doubled-spaec,zzz", cwd=sample)
    assert bad.code == 2
    assert "ignore: unknown rule selector 'doubled-spaec' (did you mean doubled-space" in bad.err
    assert "'zzz'; use a code" in bad.err


def test_usage_errors_exit_2(run_cli, sample):
    assert run_cli("check", "g.txt", "--lang", "francese", cwd=sample).code == 2  # not a language code
    assert run_cli("check", "g.txt", "--date", "ieri", cwd=sample).code == 2
    assert run_cli(cwd=sample).code == 2


def test_unreadable_and_odd_inputs_are_named(run_cli, sample):
    (sample / "bin.txt").write_bytes(b"\x89PNG\x00\x00data")
    (sample / "latin.txt").write_bytes("Perch\xe9 no,, dice.\n".encode("latin-1"))
    result = run_cli("check", "missing.txt", "bin.txt", "latin.txt", "--format", "concise", cwd=sample)
    assert result.code == 2
    assert "refuso: error: missing.txt: does not exist" in result.err
    assert "refuso: note: bin.txt: skipped: contains NUL bytes, so it looks binary" in result.err
    assert (
        "refuso: error: latin.txt: not valid UTF-8 (byte 0xE9 at line 1, byte column 6); save it as UTF-8, or pass --encoding latin-1"
        in result.err
    )
    forced = run_cli("check", "latin.txt", "--encoding", "latin-1", "--format", "concise", cwd=sample)
    assert forced.code == 1 and "latin.txt:1:10: error PUN001" in forced.out


def test_folders_are_walked_with_include_and_exclude(run_cli, sample):
    (sample / "docs").mkdir()
    (sample / "docs" / "a.md").write_text("Uno,, due.\n", encoding="utf-8")
    (sample / "docs" / "b.py").write_text("x = 1,, 2\n", encoding="utf-8")
    (sample / "node_modules").mkdir()
    (sample / "node_modules" / "c.txt").write_text("Uno,, due.\n", encoding="utf-8")
    (sample / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    (sample / "ignored").mkdir()
    (sample / "ignored" / "d.txt").write_text("Uno,, due.\n", encoding="utf-8")
    result = run_cli("check", ".", "--format", "json", cwd=sample)
    assert sorted(f["path"] for f in json.loads(result.out)["files"]) == ["docs/a.md", "g.txt"]


def test_color_only_when_asked_or_on_a_terminal(run_cli, sample):
    plain = run_cli("check", "g.txt", cwd=sample)
    assert "\x1b[" not in plain.out
    forced = run_cli("check", "g.txt", env={"FORCE_COLOR": "1", "NO_COLOR": ""}, cwd=sample)
    assert "\x1b[31merror\x1b[0m" in forced.out
    never = run_cli(
        "check", "g.txt", "--color", "never", env={"FORCE_COLOR": "1", "NO_COLOR": ""}, cwd=sample
    )
    assert "\x1b[" not in never.out


def test_rules_and_explain(run_cli):
    listing = run_cli("rules")
    assert listing.code == 0
    codes = [line.split()[0] for line in listing.out.splitlines()[1:]]
    assert {"PUN001", "PUN005", "DUP001", "DUP003", "TYP001", "STY001"} <= set(codes)
    as_json = json.loads(run_cli("rules", "--format", "json").out)
    assert {r["code"] for r in as_json} == set(codes)
    explained = run_cli("explain", "doubled-punctuation", "--lang", "en")
    assert explained.code == 0
    assert explained.out.startswith("PUN001 doubled-punctuation\n")
    assert "Ellipses" in explained.out and "Flagged:" in explained.out and "Clean:" in explained.out
    unknown = run_cli("explain", "PUN01")
    assert unknown.code == 2 and "did you mean" in unknown.err


def test_rules_as_markdown_is_the_rules_reference(run_cli, tmp_path):
    from conftest import ROOT

    table = run_cli("rules", "--format", "markdown", cwd=tmp_path)
    assert table.code == 0, table.err
    assert table.out == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [("rules",), ("explain", "PUN001")])
def test_lang_of_rules_and_explain_must_be_a_registered_language(run_cli, tmp_path, args):
    refused = run_cli(*args, "--lang", "fr", cwd=tmp_path)
    assert refused.code == 2 and refused.out == ""
    assert refused.err.startswith(f"usage: refuso {args[0]} ")
    assert refused.err.endswith(
        f"refuso {args[0]}: error: argument --lang: invalid choice: 'fr' (choose from 'it', 'en')\n"
    )


def test_version(run_cli):
    from lint import __version__

    assert run_cli("--version").out == f"refuso {__version__}\n"


def test_output_to_a_closed_pipe_is_quiet(tmp_path, sample):
    import os
    import subprocess
    import sys

    big = sample / "big.txt"
    big.write_text("Uno,, due.\n" * 3000, encoding="utf-8")
    env = {**os.environ, "REFUSO_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run(
        f"{sys.executable} -m lint check big.txt | head -n 1",
        shell=True,
        cwd=sample,
        capture_output=True,
        text=True,
        env=env,
    )
    assert proc.stdout.startswith("big.txt:1:4: error PUN001")
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_show_settings_and_show_files(run_cli, sample):
    (sample / ".refuso.yaml").write_text(
        "ignore: [TYP001]\nper-file:\n  - files: ['archive/*.md']\n    ignore: [MTP]\n    language: en\n"
        "    fail-level: warning\n    date: 2021-03-04\n",
        encoding="utf-8",
    )
    (sample / "archive").mkdir()
    (sample / "archive" / "a.md").write_text("Uno,, due.\n", encoding="utf-8")
    (sample / "archive" / "b.py").write_text("x = 1\n", encoding="utf-8")
    (sample / ".gitignore").write_text("ignored/\n", encoding="utf-8")
    (sample / "ignored").mkdir()
    (sample / "ignored" / "d.txt").write_text("Uno,, due.\n", encoding="utf-8")
    shown = run_cli("check", "--show-settings", "archive/a.md", cwd=sample)
    assert shown.code == 0
    assert f"configuration: {sample / '.refuso.yaml'}" in shown.out
    assert "per-file: archive/*.md (line 3)" in shown.out
    for line in ("language: en", "ignore: TYP001, MTP", "fail-level: warning", "date: 2021-03-04"):
        assert line in shown.out.splitlines()
    plain = run_cli("check", "--show-settings", "g.txt", cwd=sample)
    assert "per-file: none apply" in plain.out and "ignore: TYP001" in plain.out.splitlines()
    assert "language: auto" in plain.out.splitlines() and "date:" not in plain.out
    listed = run_cli("check", "--show-files", cwd=sample)
    assert (listed.code, sorted(listed.out.splitlines())) == (0, ["archive/a.md", "g.txt"])
    checked = run_cli("check", ".", "--format", "json", "--exit-zero", cwd=sample)
    assert [f["path"] for f in json.loads(checked.out)["files"]] == listed.out.splitlines()
