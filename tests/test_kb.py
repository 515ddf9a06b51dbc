"""The knowledge base: validation with file and line, merging, the cache, configuration and plugins."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lint.api import Linter
from lint.cache import Cache
from lint.kb import build, kb_files, load

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c6597b0d87ed5ff2.txt"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def builtin_files() -> list[tuple[Path, str]]:
    root = ROOT / "rules" / "kb"
    return [(p, str(p.relative_to(ROOT))) for p in kb_files([root])]


def test_the_builtin_kb_is_valid_and_large_enough():
    kb, errors = build(builtin_files(), validate=True)
    assert errors == []
    dated = [p for p in kb.people.values() if p.roles]
    assert len(dated) >= 500
    # Every role names a known source, and the sources name where they come from.
    for person in dated:
        for role in person.roles:
            assert all(s in kb.sources for s in role.sources), (person.id, role)
    assert all("url" in s or "repo" in s for s in kb.sources.values())


def test_generated_people_are_up_to_date():
    """tools/build_kb.py run again gives the committed file (the tables in ../shared are read in place)."""
    shared = ROOT.parent / "shared" / "kb" / "people"
    if not shared.is_dir():
        pytest.skip("../shared/kb is not next to the project")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_kb.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr


def test_errors_name_the_file_and_line(tmp_path):
    bad = write(
        tmp_path / "kb.yaml",
        """\
        sources:
          mine: {title: My notes, url: https://example.org/}
        people:
          - id: ada-rossi
            name: Ada Rossi
            gender: f
            roles:
              - {office: IT.minister, start: 2020-02-30, source: mine}
              - {office: IT.ministre, start: 2020-01-01, source: mine}
              - {office: IT.minister, start: 2020-01-01, source: elsewhere}
        """,
    )
    _, errors = build([*builtin_files(), (bad, "kb.yaml")])
    messages = [str(e) for e in errors]
    assert any(m.startswith("kb.yaml:8:") and "people[0].roles[0].start" in m for m in messages), messages
    assert any(m.startswith("kb.yaml:9:") and "unknown office 'IT.ministre'" in m for m in messages), messages
    assert any(m.startswith("kb.yaml:10:") and "unknown source 'elsewhere'" in m for m in messages), messages


def test_unknown_keys_are_errors(tmp_path):
    bad = write(tmp_path / "kb.yaml", "people:\n  - id: x-y\n    name: X Y\n    gender: m\n    nickname: Z\n")
    _, errors = build([(bad, "kb.yaml")])
    (error,) = errors
    assert str(error).startswith("kb.yaml:5:") and "unknown key 'nickname'" in str(error)


def test_entries_with_the_same_id_merge(tmp_path):
    extra = write(
        tmp_path / "extra.yaml",
        """\
        sources:
          mine: {title: My notes, url: https://example.org/}
        people:
          - id: antony-blinken
            name: Antony Blinken
            gender: m
            wrong:
              - {form: Antony Blinkin, source: mine}
        """,
    )
    kb, errors = build([*builtin_files(), (extra, "extra.yaml")])
    assert errors == []
    person = kb.people["antony-blinken"]
    assert {"Anthony Blinken", "Antony Blinkin"} <= {w.form for w in person.wrong}
    assert any(r.office == "US.foreign_minister" for r in person.roles)


def test_a_cached_kb_gives_the_same_findings(tmp_path):
    """The compiled KB comes back from the cache as plain rows; the checks must not notice."""
    cold = Linter(load_entry_points=False, isolated=True, cache=Cache(None))
    cache = Cache(tmp_path / "cache")
    warm = Linter(load_entry_points=False, isolated=True, cache=cache)
    warm.check_paths([str(SEED)])  # fills the cache
    warm_again = Linter(load_entry_points=False, isolated=True, cache=cache)
    first = [(f.code, f.line, f.column, f.message) for f in cold.check_paths([str(SEED)]).findings]
    second = [(f.code, f.line, f.column, f.message) for f in warm_again.check_paths([str(SEED)]).findings]
    assert first == second
    assert {"TTL001", "NAM001", "NAM002"} <= {c for c, *_ in first}
    compiled, errors = load(builtin_files(), cache)
    assert errors == [] and type(compiled.kb.people).__name__ == "LazyPeople"


def test_configuration_adds_kb_files(tmp_path):
    write(
        tmp_path / "house-kb.yaml",
        """\
        sources:
          newsroom: {title: Newsroom style book, url: https://example.org/style}
        people:
          - id: mario-bianchetti
            name: Mario Bianchetti
            gender: m
            wrong:
              - {form: Mario Bianchetto, source: newsroom}
            roles:
              - {office: IT.minister, title_it: ministro per lo Sport, start: 2030-01-01, source: newsroom}
        """,
    )
    write(tmp_path / ".refuso.yaml", "knowledge-base: [house-kb.yaml]\n")
    write(
        tmp_path / "a.md",
        "---\ndate: 2030-02-01\n---\nIl ministro per lo Sport Mario Bianchetto ha parlato.\n",
    )
    run = Linter(load_entry_points=False, cache=Cache(None)).check_paths([str(tmp_path / "a.md")])
    assert [(f.code, f.text) for f in run.findings] == [("NAM001", "Mario Bianchetto")]
    assert run.findings[0].suggestions == ("Mario Bianchetti",)


def test_a_broken_configured_kb_file_is_an_error(run_cli, tmp_path):
    write(tmp_path / "house-kb.yaml", "people: [1]\n")
    write(tmp_path / ".refuso.yaml", "knowledge-base: [house-kb.yaml]\n")
    write(tmp_path / "a.txt", "Il segretario di Stato Antony Blinken.\n")
    result = run_cli("check", "a.txt", "--format", "json", cwd=tmp_path)
    assert result.code == 2
    assert "house-kb.yaml:1: people[0]:" in result.err
    assert json.loads(result.out)["errors"]


def test_kb_commands(run_cli):
    checked = run_cli("kb", "check")
    assert checked.code == 0, checked.err
    assert "people" in checked.out
    found = run_cli("kb", "find", "Blinken")
    assert found.code == 0 and "US.foreign_minister" in found.out and "Anthony Blinken" in found.out
