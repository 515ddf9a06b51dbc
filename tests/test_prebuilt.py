"""refuso's own packs and knowledge base shipped compiled (lint/data/prebuilt/): current, used by a
first run, and never used for files other than those they were built from."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from conftest import ROOT, SEED
from lint import prebuilt
from lint.api import Linter
from lint.cache import Cache
from lint.kb import KB_VERSION, load
from lint.kb.build import build
from lint.kb.index import CompiledKB
from lint.kb.keys import fold
from lint.packs import SCHEMA_VERSION

sys.path.insert(0, str(ROOT / "tools"))
import build_prebuilt


def test_the_shipped_files_are_current():
    """Rebuilt in memory from rules/ (every pack and KB file validated) and compared as data."""
    stale = build_prebuilt.stale(build_prebuilt.build_all())
    assert stale == [], f"{stale} not current: run python tools/build_prebuilt.py"


def test_the_freshness_check_sees_a_changed_file(tmp_path):
    for name in (prebuilt.PACKS_FILE, prebuilt.KB_FILE):
        shutil.copy(prebuilt.FOLDER / name, tmp_path / name)
    built = {
        prebuilt.PACKS_FILE: prebuilt._read(prebuilt.PACKS_FILE),
        prebuilt.KB_FILE: prebuilt._read(prebuilt.KB_FILE),
    }
    assert build_prebuilt.stale(built, tmp_path) == []
    built[prebuilt.KB_FILE]["state"]["titles"].add("generalissimo")
    assert build_prebuilt.stale(built, tmp_path) == [prebuilt.KB_FILE]
    (tmp_path / prebuilt.PACKS_FILE).write_bytes(b"not marshal")
    assert build_prebuilt.stale(built, tmp_path) == [prebuilt.PACKS_FILE, prebuilt.KB_FILE]


def test_a_first_run_compiles_nothing_and_caches_nothing_of_refusos_own(tmp_path):
    cache = tmp_path / "cache"
    linter = Linter(load_entry_points=False, cache=Cache(cache))
    run = linter.check_paths([str(SEED)])
    assert run.findings and not linter.problems
    # Built-in packs and KB came from the shipped files: nothing of theirs went into the user cache.
    written = {p.parent.name for p in cache.rglob("*.pickle")}
    assert not written & {"packs", "kb"}, written
    fresh = Linter(load_entry_points=False, cache=Cache(None)).check_paths([str(SEED)])
    assert run.findings == fresh.findings


def test_a_pack_whose_text_differs_is_not_served():
    text = (ROOT / "rules" / "it" / "news.yaml").read_text(encoding="utf-8")
    shipped = prebuilt.pack("rules/it/news.yaml", text, SCHEMA_VERSION)
    assert shipped is not None and shipped.file == "rules/it/news.yaml" and shipped.data["rules"]
    assert prebuilt.pack("rules/it/news.yaml", text + "\n# edited\n", SCHEMA_VERSION) is None
    assert prebuilt.pack("packs/news.yaml", text, SCHEMA_VERSION) is None  # another file with that text
    assert prebuilt.pack("rules/it/news.yaml", text, SCHEMA_VERSION + 1) is None


def test_a_knowledge_base_whose_files_differ_is_compiled_from_them(tmp_path):
    _, files = build_prebuilt.builtin_files()
    assert prebuilt.knowledge_base(files, KB_VERSION) is not None
    assert prebuilt.knowledge_base(files, KB_VERSION + 1) is None
    assert prebuilt.knowledge_base(files[:-1], KB_VERSION) is None
    # The same names, one file changed: not served, and the KB compiled from the files says so.
    copies = []
    for path, display in files:
        copy = tmp_path / display
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, copy)
        copies.append((copy, display))
    offices = next(copy for copy, display in copies if display == "rules/kb/offices.yaml")
    assert prebuilt.knowledge_base(copies, KB_VERSION) is not None
    text = offices.read_text(encoding="utf-8")
    offices.write_text(
        text.replace("capo dello Stato,", "capo dello Stato, presidentissimo dello Stato,", 1),
        encoding="utf-8",
    )
    assert prebuilt.knowledge_base(copies, KB_VERSION) is None
    compiled, errors = load(copies, Cache(None))
    assert not errors and "presidentissimo dello stato" in compiled.titles


def test_the_shipped_knowledge_base_answers_as_a_compiled_one():
    _, files = build_prebuilt.builtin_files()
    shipped = CompiledKB.from_plain_state(prebuilt.knowledge_base(files, KB_VERSION))
    kb, errors = build(files)
    assert not errors
    compiled = CompiledKB(kb)
    assert shipped.titles == compiled.titles and shipped.qualifiers == compiled.qualifiers
    for word in ("Putin", "Meloni", "Zelensky", "Scholz"):
        assert shipped.lookup(word) == compiled.lookup(word), word
    person = next(iter(kb.people))
    assert shipped.kb.people[person] == kb.people[person]
    assert shipped.kb.offices == kb.offices and shipped.kb.countries == kb.countries
    assert shipped.kb.organisations == kb.organisations


def test_the_code_hash_needs_every_module():
    assert prebuilt.code_hash(prebuilt.PACK_CODE) is not None
    assert prebuilt.code_hash(("no-such-module.py",)) is None
    assert Path(prebuilt.FOLDER, prebuilt.PACKS_FILE).is_file()


def test_the_shipped_kb_knows_its_minor_people_without_unpacking_them():
    """The little-known people and the folded surnames are kept beside the rows: they say what the rows
    say."""
    _, files = build_prebuilt.builtin_files()
    compiled = CompiledKB.from_plain_state(prebuilt.knowledge_base(files, KB_VERSION))
    people = compiled.kb.people
    assert not people._made  # nothing unpacked yet
    minor = {pid for pid in people if people[pid].minor}
    assert minor and compiled.minor_people == minor
    assert compiled.folded_surnames == {pid: fold(people[pid].surname) for pid in people}


_TABLES = ("alternatives", "needs", "offsets", "index", "unanchored", "anchors")


def _phrase_rules(display: str) -> tuple[list, list]:
    """The phrase rules of one of refuso's packs as a run gets them (from the shipped files), and as
    compiled from the pack's text."""
    from lint.packs import build_rule, load_pack
    from lint.packs.phrases import Phrases
    from lint.yamlsource import load_yaml

    path = ROOT / display
    shipped = [r for r in load_pack(path, display=display, cache=Cache(None)) if isinstance(r, Phrases)]
    located = load_yaml(path.read_text(encoding="utf-8"), display)
    language = located.data.get("language")
    compiled = [build_rule(located, i, language, "refuso") for i in range(len(located.data["rules"]))]
    return shipped, [r for r in compiled if isinstance(r, Phrases)]


def test_shipped_phrase_rules_read_the_tables_their_packs_compile_to():
    for display in ("rules/it/news.yaml", "rules/en/politics.yaml"):
        shipped, compiled = _phrase_rules(display)
        assert shipped and len(shipped) == len(compiled)
        for a, b in zip(shipped, compiled, strict=True):
            assert a._shipped is not None  # named, read on first use
            assert prebuilt.phrase_tables(a._shipped, a.language) is not None
            for name in _TABLES:
                assert getattr(a, name) == getattr(b, name), (display, name)
            assert a._shipped is None
            assert [a.entry(i) for i in range(len(a._raw))] == [b.entry(i) for i in range(len(b._raw))]


def test_a_phrase_rule_whose_tables_are_not_shipped_compiles_them():
    shipped, compiled = _phrase_rules("rules/en/politics.yaml")
    rule = shipped[0]
    rule._shipped = "rules/en/politics.yaml#0#not-these-contents"
    assert prebuilt.phrase_tables(rule._shipped, rule.language) is None
    for name in _TABLES:
        assert getattr(rule, name) == getattr(compiled[0], name)


def test_a_run_on_italian_reads_no_english_phrase_tables():
    from lint.packs.phrases import Phrases

    linter = Linter(load_entry_points=False, isolated=True, cache=Cache(None))
    result = linter.check_text(SEED.read_text(encoding="utf-8"), path="seed.txt", language="it")
    assert result.findings
    phrases = [r for r in linter.base_rules if isinstance(r, Phrases)]
    assert {r.language for r in phrases} == {"it", "en"}
    assert all(r._shipped is not None for r in phrases if r.language == "en")
    assert any(r._shipped is None for r in phrases if r.language == "it")
