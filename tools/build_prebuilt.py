"""Build lint/data/prebuilt/: refuso's own rule packs and knowledge base, validated and compiled, as
:mod:`lint.prebuilt` reads them at start-up, and the block index of simplemma's dictionaries that
:mod:`lint.lemmas` reads.

Every pack is parsed, checked against the schema and compiled (patterns, message templates,
examples, the word forms of phrase entries) and the knowledge base is read with every file checked
against its schema, generated ones too, exactly as a run without any cache does; a problem stops the
build. The index is built from the installed simplemma's dictionary files (rebuild it after upgrading
simplemma). Files whose data is unchanged are not rewritten.

    python tools/build_prebuilt.py            # after changing rules/ or the code that compiles them
    python tools/build_prebuilt.py --check    # exit 1 if the shipped files are not current
"""

from __future__ import annotations

import argparse
import marshal
import os
import sys
from pathlib import Path
from typing import Any

from lint import lemmas, prebuilt
from lint.data import rules_dir
from lint.kb import KB_VERSION, kb_files
from lint.kb.build import build
from lint.kb.index import CompiledKB
from lint.packs import SCHEMA_VERSION, PackErrors, build_rule, pack_files, validate
from lint.yamlsource import load_yaml, read_source

Files = list[tuple[Path, str]]


def builtin_files() -> tuple[Files, Files]:
    """refuso's own pack files and knowledge-base files, with the names runs give them."""
    from lint.builtin.rules import family_packs
    from lint.data import pack_display

    root = rules_dir()

    def named(files: list[Path]) -> Files:
        return [(f, pack_display(f, "refuso")) for f in files]

    return named([*pack_files(root), *family_packs()]), named(kb_files([root / "kb"]))


def build_packs(files: Files) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Parse, validate and compile every pack, bypassing every cache; raises on a bad pack. Returns the
    packs file and, apart, the phrase rules' tables by language."""
    packs = {}
    tables: dict[str, dict[str, Any]] = {}
    for path, display in files:
        text = read_source(path, display, "rule pack")
        located = load_yaml(text, display)
        errors = validate(located)
        if errors:
            raise PackErrors(errors)
        stamp = prebuilt.stamp(display, text.encode("utf-8", "surrogatepass"))
        problems = []
        for i in range(len(located.data.get("rules") or ())):
            try:
                # Checks the rule; a phrase rule stores the word forms of its entries in its spec.
                rule = build_rule(located, i, located.data.get("language"), "refuso")
            except PackErrors as exc:
                problems.extend(exc.errors)
                continue
            except Exception as exc:
                problems.append(exc)
                continue
            spec = located.data["rules"][i]
            if isinstance(spec.get("_derived"), dict):
                # Shipped apart, by language, and named in the spec (lint.prebuilt.phrase_tables).
                reference = prebuilt.phrase_reference(display, i, stamp)
                tables.setdefault(rule.language, {})[reference] = spec["_derived"]
                spec["_derived"] = reference
        if problems:
            raise PackErrors(problems)
        # A shipped pack is valid, so no error will name the line of a nested key: the lines of its
        # rules (each rule's origin) are all a run needs.
        lines = {path: line for path, line in located.lines.items() if len(path) <= 2}
        packs[display] = (stamp, located.data, located.file, lines)
    code = prebuilt.code_hash(prebuilt.PACK_CODE)
    shipped = {"format": prebuilt.FORMAT, "schema": SCHEMA_VERSION, "code": code, "packs": packs}
    by_language = {
        language: {"format": prebuilt.FORMAT, "code": code, "tables": found}
        for language, found in tables.items()
    }
    return shipped, by_language


def build_knowledge_base(files: Files) -> dict[str, Any]:
    """Read, validate (every file) and compile the knowledge base; raises on a problem."""
    kb, errors = build(files, validate=True)
    if errors:
        raise ValueError("the knowledge base has errors:\n" + "\n".join(str(e) for e in errors))
    return {
        "format": prebuilt.FORMAT,
        "version": KB_VERSION,
        "code": prebuilt.code_hash(prebuilt.KB_CODE),
        "files": tuple(prebuilt.stamp(display, path.read_bytes()) for path, display in files),
        "state": CompiledKB(kb).plain_state(),
    }


def build_lemma_index(block: int = lemmas.BLOCK) -> dict[str, Any]:
    """Where every ``block`` records of each dictionary in :data:`lint.lemmas.LANGUAGES` begin: the
    block's first key and value as stored, and the offset of its second record, with what they were
    read from (the simplemma version, the size and SHA-256 of the ``.plzma`` file, the header and the
    size of the decompressed stream). Raises if the stream's keys are not strictly sorted: bisection
    would then not find what simplemma's dict holds."""
    import simplemma
    from simplemma.strategies.dictionaries.dictionary_factory import DATA_FOLDER, _read_decompressed
    from simplemma.strategies.dictionaries.frontcode import _iter_records, _read_header

    languages = {}
    for lang in lemmas.LANGUAGES:
        data = _read_decompressed(lang)
        header = _read_header(data)
        offsets, keys, values = [], [], []
        previous = None
        for i, (start, key, value) in enumerate(_iter_records(data, header[2])):
            if previous is not None and not previous < key:
                raise ValueError(f"simplemma's {lang} dictionary is not sorted at record {i}")
            previous = key
            if i % block == 0:
                keys.append(key)
                values.append(value)
            elif i % block == 1:
                offsets.append(start)
        if i + 1 != header[1]:
            raise ValueError(
                f"simplemma's {lang} dictionary has {i + 1} records, its header says {header[1]}"
            )
        offsets.extend([len(data)] * (len(keys) - len(offsets)))  # a last block of one record
        languages[lang] = {
            "source": lemmas.source_stamp(DATA_FOLDER / f"{lang}.plzma"),
            "size": len(data),
            "header": header,
            "block": block,
            "offsets": offsets,
            "keys": keys,
            "values": values,
        }
    return {"format": lemmas.INDEX_FORMAT, "simplemma": simplemma.__version__, "languages": languages}


def build_all() -> dict[str, dict[str, Any]]:
    """Every shipped file's contents, built now from rules/, the code and simplemma's dictionaries."""
    packs, kb = builtin_files()
    shipped, phrases = build_packs(packs)
    built = {
        prebuilt.PACKS_FILE: shipped,
        prebuilt.KB_FILE: build_knowledge_base(kb),
        lemmas.INDEX_FILE: build_lemma_index(),
    }
    built.update(
        {prebuilt.PHRASES_FILE.format(language=lang): data for lang, data in sorted(phrases.items())}
    )
    return built


def _comparable(data: Any) -> Any:
    """``data`` with the knowledge base's people rows (marshal's bytes) decoded: marshal's output
    depends on reference counts and on the order of sets, which change from one process to the next."""
    if not isinstance(data, dict) or "state" not in data:
        return data
    state = dict(data["state"])
    state["people_rows"] = {pid: marshal.loads(row) for pid, row in state["people_rows"].items()}
    return {**data, "state": state}


def stale(built: dict[str, dict[str, Any]], folder: Path = prebuilt.FOLDER) -> list[str]:
    """The shipped files whose contents differ from ``built``, compared as data, not as bytes."""
    out = []
    for name, data in built.items():
        try:
            current = marshal.loads((folder / name).read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            current = None
        if _comparable(current) != _comparable(data):
            out.append(name)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only say whether the files are current")
    args = parser.parse_args(argv)
    built = build_all()
    changed = stale(built)
    if args.check:
        for name in changed:
            print(
                f"lint/data/prebuilt/{name} is not current: run python tools/build_prebuilt.py",
                file=sys.stderr,
            )
        return 1 if changed else 0
    prebuilt.FOLDER.mkdir(parents=True, exist_ok=True)
    for name in changed:
        target = prebuilt.FOLDER / name
        tmp = target.with_suffix(".tmp")
        tmp.write_bytes(marshal.dumps(built[name], prebuilt.MARSHAL_VERSION))
        os.replace(tmp, target)
        print(f"wrote lint/data/prebuilt/{name} ({target.stat().st_size:,} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
