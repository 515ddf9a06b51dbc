"""Hostile and mistaken YAML and TOML: alias bombs, deep nesting, files that are not what refuso
expected, numbers that are not numbers. Each is an error naming the file (and line), exit 2, found
fast and in bounded memory, and never a dump of the file's contents."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from lint.packs import load_pack
from lint.yamlsource import ALIAS_BUDGET, SourceError, load_yaml

MEMORY_LIMIT = 2 * 1024**3  # bytes of address space a run may take; a bomb expanded would take far more


def _bomb(levels: int = 9, anchor: str = "a", indent: str = "") -> str:
    """ "Billion laughs": each anchor is a list of nine aliases of the one before, 9**levels strings."""
    lines = [f'{indent}{anchor}0: &{anchor}0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for i in range(1, levels):
        aliases = ", ".join([f"*{anchor}{i - 1}"] * 9)
        lines.append(f"{indent}{anchor}{i}: &{anchor}{i} [{aliases}]")
    return "\n".join(lines) + "\n"


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_bounded(tmp_path: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """refuso in a subprocess with a cap on its memory and a generous cap on its time: a run that
    expands a bomb dies of MemoryError or is killed, and the test fails."""
    env = {**os.environ, "REFUSO_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", "--jobs", "1", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=240,
        preexec_fn=_limited,
    )


def _bomb_line(text: str) -> int:
    """The line of the alias that goes past the budget: the first alias of the level whose copies
    would add more than ALIAS_BUDGET values."""
    added, line_number = 0, 0
    size = {0: 10}  # anchor level -> values it stands for (the list and its nine strings)
    for line_number, line in enumerate(text.splitlines(), 1):
        if "*" not in line:
            continue
        level = int(line.split(":")[0].strip().lstrip("a").lstrip("x") or 0)
        for _ in range(9):
            added += size[level - 1]
            if added > ALIAS_BUDGET:
                return line_number
        size[level] = 1 + 9 * size[level - 1]
    raise AssertionError("not a bomb")


# -- item: alias bombs, in every place refuso reads YAML ------------------------------------------


def test_an_alias_bomb_in_the_configuration_is_an_error_on_its_line(tmp_path):
    text = "select: [PUN]\n" + _bomb(anchor="x")
    (tmp_path / ".refuso.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    done = run_bounded(tmp_path, "a.txt", cwd=tmp_path)
    assert done.returncode == 2, done.stderr[-2000:]
    line = 1 + _bomb_line(_bomb(anchor="x"))
    assert done.stderr.startswith(
        f"refuso: error: {tmp_path / '.refuso.yaml'}:{line}: invalid YAML: the alias *x"
    )
    assert "repeats too much" in done.stderr and done.stdout == ""


def test_an_alias_bomb_in_a_rule_pack_is_an_error_and_the_other_rules_run(tmp_path):
    (tmp_path / "bomb.yaml").write_text("rules: []\n" + _bomb(), encoding="utf-8")
    (tmp_path / ".refuso.yaml").write_text("rule-packs: [bomb.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    done = run_bounded(tmp_path, "a.txt", "--format", "concise", cwd=tmp_path)
    assert done.returncode == 2, done.stderr[-2000:]
    line = 1 + _bomb_line(_bomb())
    assert f"refuso: error: bomb.yaml:{line}: invalid YAML: the alias *a" in done.stderr
    assert done.stdout.startswith("a.txt:1:4: error PUN001")


def test_an_alias_bomb_in_a_knowledge_base_file_is_an_error(tmp_path):
    (tmp_path / "kb.yaml").write_text("people: []\n" + _bomb(), encoding="utf-8")
    (tmp_path / ".refuso.yaml").write_text("knowledge-base: [kb.yaml]\n", encoding="utf-8")
    # A name the knowledge base checks, so that it is loaded.
    (tmp_path / "a.txt").write_text("Il presidente Mattarella ha parlato.\n", encoding="utf-8")
    done = run_bounded(tmp_path, "a.txt", cwd=tmp_path)
    assert done.returncode == 2, done.stderr[-2000:]
    line = 1 + _bomb_line(_bomb())
    assert f"refuso: error: kb.yaml:{line}: invalid YAML: the alias *a" in done.stderr


def test_an_alias_bomb_in_front_matter_is_an_error_and_the_text_is_checked(tmp_path):
    for name in ("a.md", "a.html"):
        body = "<p>Uno,, due.</p>\n" if name.endswith(".html") else "Uno,, due.\n"
        (tmp_path / name).write_text("---\n" + _bomb() + "---\n" + body, encoding="utf-8")
    done = run_bounded(tmp_path, "a.md", "a.html", "--format", "concise", cwd=tmp_path)
    assert done.returncode == 2, done.stderr[-2000:]
    line = 1 + _bomb_line(_bomb())  # the front matter starts on line 2
    for name in ("a.md", "a.html"):
        assert (
            f"refuso: error: {name}: line {line}: invalid YAML in the front matter: the alias *a"
            in done.stderr
        )
    assert "PUN001" in done.stdout


def test_a_huge_pyproject_table_is_bounded_toml_has_no_aliases(tmp_path):
    """TOML has no aliases, so pyproject.toml cannot hold a bomb; but a table with a hundred thousand
    keys used to take minutes (each key's line was searched from the top) and print every key."""
    keys = "".join(f"key{i} = {i}\n" for i in range(100_000))
    (tmp_path / "pyproject.toml").write_text(f"[tool.refuso]\nselect = ['PUN']\n{keys}", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    done = run_bounded(tmp_path, "a.txt", cwd=tmp_path)
    assert done.returncode == 2
    (message,) = done.stderr.splitlines()
    assert message.startswith(f"refuso: error: {tmp_path / 'pyproject.toml'}:3: unknown key 'key0'; ")
    assert "; and 99,995 more unknown keys; allowed keys: " in message and len(message) < 700
    # With none of the keys a configuration has, it is not taken for one, and its keys are not listed.
    (tmp_path / "pyproject.toml").write_text(f"[tool.refuso]\n{keys}", encoding="utf-8")
    done = run_bounded(tmp_path, "a.txt", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr == (
        f"refuso: error: {tmp_path / 'pyproject.toml'}:1: not a configuration: a configuration is a mapping "
        "of settings such as select, ignore and rule-packs, and none of this file's 100,000 keys is one of them\n"
    )


def test_anchors_and_aliases_that_reuse_a_part_still_work(tmp_path):
    # The one-rule packs that once shared the function words through an alias carry them each.
    for pack in (ROOT / "lint" / "checks" / "duplication").glob("dup00*.yaml"):
        assert [rule.meta.code for rule in load_pack(pack)] == [pack.name[:6].upper()]
    words = ", ".join(f"w{i}" for i in range(200))
    uses = "".join(f"use{i}: *words\n" for i in range(400))  # 80,000 values added: within the budget
    located = load_yaml(f"base: &words [{words}]\n{uses}", "ok.yaml")
    assert located.data["use399"] == [f"w{i}" for i in range(200)]
    assert located.line_of(("use7",)) == 9
    merged = load_yaml("base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  b: 3\n", "merge.yaml")
    assert merged.data["x"] == {"a": 1, "b": 3}


def test_an_alias_inside_what_it_names_and_deep_nesting_are_errors_not_tracebacks():
    with pytest.raises(SourceError) as info:
        load_yaml("ok: 1\nselect: &a [x, *a]\n", "loop.yaml")
    assert str(info.value) == "loop.yaml:2: invalid YAML: the alias *a is inside the node it names"
    deep = "select:\n" + "".join("  " * i + "-\n" for i in range(1, 150)) + "  " * 150 + "- x\n"
    with pytest.raises(SourceError) as info:
        load_yaml(deep, "deep.yaml")
    assert str(info.value) == "deep.yaml:101: invalid YAML: nested more than 100 levels deep"


# -- item: numbers that are not numbers -------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "line"),
    [
        ("regex-timeout: {}\n", 1),
        ("languagetool:\n  timeout: {}\n", 2),
    ],
)
@pytest.mark.parametrize("value", [".inf", "-.inf", ".nan", ".NaN", "0", "-1", "true", "'2'", "1.0e+308"])
def test_timeouts_must_be_finite_positive_numbers_in_yaml(run_cli, tmp_path, setting, line, value):
    (tmp_path / ".refuso.yaml").write_text(setting.format(value), encoding="utf-8")
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2 and done.out == ""
    key = "regex-timeout" if line == 1 else "languagetool.timeout"
    assert done.err.startswith(f"refuso: error: {tmp_path / '.refuso.yaml'}:{line}: {key}: ")
    assert done.err.rstrip().endswith(
        "is not valid: expected a number of seconds greater than 0 and at most 86400, such as 2.5"
    )


@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "+nan", "0.0", "-3", "true", '"2"'])
def test_timeouts_must_be_finite_positive_numbers_in_toml(run_cli, tmp_path, value):
    (tmp_path / "pyproject.toml").write_text(
        f"[project]\nname = 'x'\n\n[tool.refuso]\nselect = ['PUN']\nregex-timeout = {value}\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2 and done.out == ""
    assert done.err.startswith(f"refuso: error: {tmp_path / 'pyproject.toml'}:6: regex-timeout: ")


def test_a_finite_positive_timeout_is_still_accepted(run_cli, tmp_path):
    (tmp_path / ".refuso.yaml").write_text("regex-timeout: 0.5\nlanguagetool:\n  timeout: 86400\n")
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    done = run_cli("check", "a.txt", "--format", "concise", cwd=tmp_path)
    assert done.code == 1 and done.out.startswith("a.txt:1:4: error PUN001"), done.err


# -- item: a file that is not what refuso expected is named, not quoted ----------------------------

SECRET = "hunter2-s3cr3t"
NOT_OURS = {
    # shadow-like lines: YAML reads each as a key
    "shadow": f"root:$6${SECRET}$x:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n",
    "properties": f"password: {SECRET}\nhost: db.example\n",
    "list": f"- {SECRET}\n- other\n",
    "scalar": f"{SECRET} and more text on one line\n",
    "unparseable": f"key: [{SECRET}\n  other: : :\n",
    "binary": "\x00\x01" + SECRET,
    "latin1": f"nome: caff\xe8 {SECRET}\n",
}


def _write_not_ours(path: Path, kind: str) -> None:
    if kind == "latin1":
        path.write_bytes(NOT_OURS[kind].encode("latin-1"))
    else:
        path.write_text(NOT_OURS[kind], encoding="utf-8")


@pytest.mark.parametrize("kind", sorted(NOT_OURS))
@pytest.mark.parametrize(
    ("setting", "what"),
    [
        ("rule-packs", "not a rule pack: "),
        ("knowledge-base", "not a knowledge-base file: "),
        (None, "not a configuration: "),
    ],
)
def test_a_file_that_is_not_a_pack_kb_or_configuration_is_named_not_quoted(
    run_cli, tmp_path, kind, setting, what
):
    _write_not_ours(tmp_path / "other.yaml", kind)
    (tmp_path / "a.txt").write_text("Il presidente Mattarella ha parlato,, ieri.\n", encoding="utf-8")
    if setting is None:
        done = run_cli("check", "--config", "other.yaml", "a.txt", cwd=tmp_path)
    else:
        (tmp_path / ".refuso.yaml").write_text(f"{setting}: [other.yaml]\n", encoding="utf-8")
        done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2
    assert SECRET not in done.err and SECRET not in done.out and "daemon" not in done.err
    errors = [line for line in done.err.splitlines() if line.startswith("refuso: error:")]
    assert len(errors) == 1, done.err
    if kind == "unparseable":
        assert "other.yaml:2: invalid YAML: " in errors[0]
    else:
        assert what in errors[0] and "other.yaml" in errors[0]


def test_front_matter_that_is_not_a_mapping_is_named_not_quoted(run_cli, tmp_path):
    (tmp_path / "a.md").write_text(f"---\n- {SECRET}\n---\nUno,, due.\n", encoding="utf-8")
    done = run_cli("check", "a.md", "--format", "concise", cwd=tmp_path)
    assert done.code == 2 and SECRET not in done.err + done.out
    assert "refuso: error: a.md: line 1: the front matter is not a mapping of keys to values" in done.err


def test_schema_errors_quote_short_escaped_pieces_of_keys_and_values(run_cli, tmp_path):
    long_key = "selekt" + "x" * 500
    long_value = "\x1b[31m" + "y" * 500
    (tmp_path / ".refuso.yaml").write_text(
        f'select: [PUN]\n{long_key}: 1\nfail-level: "{long_value}"\n'.replace("\x1b", "\\e"), encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Uno.\n", encoding="utf-8")
    done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2
    assert "\x1b" not in done.err and "x" * 60 not in done.err and "y" * 60 not in done.err
    assert f"unknown key '{long_key[:39]}…'" in done.err
    (tmp_path / ".refuso.yaml").write_text(f'select: [PUN]\nfail-level: "{"z" * 500}"\n', encoding="utf-8")
    done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2 and "z" * 60 not in done.err
    assert f"fail-level: '{'z' * 36}... is not one of: error, warning, info" in done.err


def test_messages_after_the_schema_quote_short_pieces_too(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Uno.\n", encoding="utf-8")
    (tmp_path / ".refuso.yaml").write_text(f"date: '{'d' * 300}'\n", encoding="utf-8")
    done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2 and "d" * 60 not in done.err and "date: 'ddd" in done.err
    (tmp_path / ".refuso.yaml").write_text(f"rules:\n  {'R' * 300}: {{severity: info}}\n", encoding="utf-8")
    done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2 and "R" * 60 not in done.err and f"unknown rule '{'R' * 39}…'" in done.err


@pytest.mark.parametrize("setting", ["rule-packs", "knowledge-base"])
def test_a_device_or_pipe_named_as_a_pack_or_kb_file_is_an_error_not_a_hang(run_cli, tmp_path, setting):
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / ".refuso.yaml").write_text(f"{setting}: [/dev/zero, pipe.yaml]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Il presidente Mattarella ha parlato,, ieri.\n", encoding="utf-8")
    done = run_cli("check", "a.txt", cwd=tmp_path)
    assert done.code == 2
    assert "refuso: error: /dev/zero: not a " in done.err and "it is not a regular file" in done.err
    assert "pipe.yaml: not a " in done.err
