"""refuso's own rule packs and knowledge base, validated and compiled ahead of time and shipped with
the package (``lint/data/prebuilt/``), so that a first run, with an empty cache, starts as fast as a
warm one.

The files hold plain data (dicts, lists, tuples, sets, strings, numbers) in :mod:`marshal`'s format:
no code, nothing that builds objects on loading. Each compiled pack or knowledge base is used only
when the files it was built from are byte for byte those being loaded (same name, size and SHA-256)
and the code that compiles them is the same (a hash of its modules): anything else, such as a pack
edited after installation or a user's own pack, goes the ordinary way (parsed, validated, compiled,
kept in the signed user cache). The phrase rules' word forms and indexes, most of the packs' bulk,
are kept apart in one file per language (``phrases-it.marshal``), read when a rule of that language
first checks a document.

    python tools/build_prebuilt.py            # rebuild them after changing rules/ or the compiling code
    python tools/build_prebuilt.py --check    # exit 1 if they are not current (a test runs this check)
"""

from __future__ import annotations

import functools
import gc
import hashlib
import marshal
import os
from pathlib import Path
from typing import Any

FORMAT = 1
MARSHAL_VERSION = 4  # plain data only; readable by every Python refuso supports
FOLDER = Path(__file__).resolve().parent / "data" / "prebuilt"
PACKS_FILE = "packs.marshal"
KB_FILE = "kb.marshal"
PHRASES_FILE = "phrases-{language}.marshal"  # the phrase rules' tables, one file per language

# The modules whose code decides what a compiled pack or knowledge base holds.
PACK_CODE = (
    "packs/__init__.py",
    "packs/kinds.py",
    "packs/phrases.py",
    "packs/schema.py",
    "inflect.py",
    "yamlsource.py",
    "prebuilt.py",
)
KB_CODE = (
    "kb/__init__.py",
    "kb/build.py",
    "kb/index.py",
    "kb/keys.py",
    "kb/model.py",
    "kb/packing.py",
    "kb/reading.py",
    "kb/schema.py",
    "kb/translit.py",
    "yamlsource.py",
    "prebuilt.py",
)

Stamp = tuple[str, int, str]  # display name, size in bytes, SHA-256 of the contents


def stamp(display: str, data: bytes) -> Stamp:
    return (display, len(data), hashlib.sha256(data).hexdigest())


@functools.cache
def code_hash(modules: tuple[str, ...]) -> str | None:
    """A hash of the source of ``modules`` (paths inside ``lint/``); None when one cannot be read."""
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in modules:
        try:
            data = (root / name).read_bytes()
        except OSError:
            return None
        digest.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


@functools.cache
def _read_cached(name: str) -> dict[str, Any] | None:
    return _read(name)


def _read(name: str, folder: Path = FOLDER) -> dict[str, Any] | None:
    try:
        blob = (folder / name).read_bytes()
    except OSError:
        return None  # missing: a development checkout before the first build
    collecting = gc.isenabled()
    if collecting:
        gc.collect()  # whatever is garbage now must not be frozen below with the tables
    gc.disable()  # many small containers: the collector would walk them again and again while they load
    try:
        data = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None  # unreadable: rebuilt the ordinary way
    finally:
        if collecting:
            # The tables hold no cycles, so counting references frees them: out of the collector's
            # sight for good, they are not walked by every collection to come (tens of milliseconds
            # a run, at exit too).
            gc.freeze()
            gc.enable()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data


# -- rule packs ------------------------------------------------------------------------------------


def pack(display: str, text: str, schema_version: int) -> Any | None:
    """The compiled pack (a :class:`lint.yamlsource.Located` whose rules passed every check) for a
    pack named ``display`` with contents ``text``, if refuso ships it; else None."""
    shipped = _read_cached(PACKS_FILE)  # read once, for every pack of every linter
    if shipped is None or shipped["schema"] != schema_version:
        return None
    entry = shipped["packs"].get(display)
    if entry is None or entry[0] != stamp(display, text.encode("utf-8", "surrogatepass")):
        return None
    if shipped["code"] != code_hash(PACK_CODE):
        return None
    from lint.yamlsource import Located

    _, data, file, lines = entry
    return Located(data, file, lines)


def phrase_tables(reference: str, language: str) -> dict[str, Any] | None:
    """The tables (:func:`lint.packs.phrase_index.prepare`) of the phrase rule of a shipped pack that
    ``reference`` names, read with every other of its language the first time one is asked for: a run
    reads the tables of the languages it checks only. None when they are not shipped as named."""
    shipped = _read_cached(PHRASES_FILE.format(language=language))
    if shipped is None or shipped["code"] != code_hash(PACK_CODE):
        return None
    tables: dict[str, Any] | None = shipped["tables"].get(reference)
    return tables


def phrase_reference(display: str, index: int, pack_stamp: Stamp) -> str:
    """What a shipped pack holds in place of the tables of its rule ``index``: it names the pack's
    contents, so tables built from other contents are never taken for these."""
    return f"{display}#{index}#{pack_stamp[2]}"


# -- the knowledge base ----------------------------------------------------------------------------


def knowledge_base(files: list[tuple[Path, str]], version: int) -> dict[str, Any] | None:
    """The compiled knowledge base of exactly these files, as plain data
    (:meth:`lint.kb.index.CompiledKB.plain_state`), if refuso ships it; else None."""
    shipped = _read(KB_FILE)  # not kept: the compiled KB takes over its tables
    if shipped is None or shipped["version"] != version or len(shipped["files"]) != len(files):
        return None
    for (path, display), expected in zip(files, shipped["files"], strict=True):
        if display != expected[0]:
            return None
        try:
            if os.stat(path).st_size != expected[1] or stamp(display, Path(path).read_bytes()) != expected:
                return None
        except OSError:
            return None
    if shipped["code"] != code_hash(KB_CODE):
        return None
    state: dict[str, Any] = shipped["state"]
    return state
