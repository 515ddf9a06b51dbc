"""The knowledge base of people, offices, countries and organisations (rules/kb/README.md).

:func:`load` reads and validates KB files (:mod:`lint.kb.build`), merges entries about the same
person, and compiles the lookup tables the checks use (:mod:`lint.kb.index`). The result is cached by
the files' contents, so an unchanged KB costs one unpickling at start-up; refuso's own KB is shipped
compiled (:mod:`lint.prebuilt`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from lint.cache import Cache, file_stamp
from lint.kb.build import build, fold_name, kb_files
from lint.kb.model import CATEGORIES, PROMINENT, KnowledgeBase, Person, Role
from lint.kb.reading import KBError, read_file

KB_VERSION = 6

__all__ = [
    "CATEGORIES",
    "KB_VERSION",
    "PROMINENT",
    "KBError",
    "KnowledgeBase",
    "Person",
    "Role",
    "build",
    "fold_name",
    "kb_files",
    "load",
    "read_file",
]


def load(files: list[tuple[Path, str]], cache: Cache | None = None) -> tuple[Any, list[KBError]]:
    """The compiled KB (see :mod:`lint.kb.index`) for these files: the one shipped with refuso when
    they are refuso's own, else from the cache when unchanged."""
    from lint import prebuilt
    from lint.kb.index import CompiledKB

    shipped = prebuilt.knowledge_base(files, KB_VERSION)
    if shipped is not None:
        return CompiledKB.from_plain_state(shipped), []
    cache = cache or Cache(None)

    def key() -> tuple[Any, ...]:
        return (KB_VERSION, tuple((display, file_stamp(path)) for path, display in files))

    before = key()
    cached = cache.get("kb", before)
    if cached is not None:
        return cached, []
    kb, errors = build(files)
    compiled = CompiledKB(kb)
    # Remembered only if no file changed while it was read: else it would be filed under old contents.
    if not errors and key() == before:
        cache.put("kb", before, compiled)
    return compiled, errors
