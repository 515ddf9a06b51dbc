"""refuso's own rule packs and knowledge base, validated and compiled ahead of time and shipped with
the package (``lint/data/prebuilt/``), so that a first run, with an empty cache, starts as fast as a
warm one.

The files hold plain data (dicts, lists, tuples, sets, strings, numbers, bytes) in :mod:`marshal`'s
format: no code, nothing that builds objects on loading. Each pack is kept as its own marshal blob,
next to the metadata of its rules, so that a run builds the rules of a pack only when a document in
one of their languages is checked (an Italian article never reads the English packs). Each compiled pack or knowledge base is used only
when the files it was built from are byte for byte those being loaded (same name, size and SHA-256)
and the code that compiles them is the same (a hash of its modules): anything else, such as a pack
edited after installation or a user's own pack, goes the ordinary way (parsed, validated, compiled,
kept in the signed user cache).

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

FORMAT = 2
MARSHAL_VERSION = 4  # plain data only; readable by every Python refuso supports
FOLDER = Path(__file__).resolve().parent / "data" / "prebuilt"
PACKS_FILE = "packs.marshal"
KB_FILE = "kb.marshal"

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
    gc.disable()  # many small containers: the collector would walk them again and again while they load
    try:
        data = marshal.loads(blob)
    except (EOFError, ValueError, TypeError):
        return None  # unreadable: rebuilt the ordinary way
    finally:
        if collecting:
            gc.enable()
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return None
    return data


# -- rule packs ------------------------------------------------------------------------------------


def _shipped_pack(display: str, text: str, schema_version: int) -> tuple[Any, ...] | None:
    shipped = _read_cached(PACKS_FILE)  # read once, for every pack of every linter
    if shipped is None or shipped["schema"] != schema_version:
        return None
    entry = shipped["packs"].get(display)
    if entry is None or entry[0] != stamp(display, text.encode("utf-8", "surrogatepass")):
        return None
    if shipped["code"] != code_hash(PACK_CODE):
        return None
    return tuple(entry)


def _located(blob: bytes) -> Any:
    from lint.yamlsource import Located

    collecting = gc.isenabled()
    gc.disable()
    try:
        data, file, lines = marshal.loads(blob)
    finally:
        if collecting:
            gc.enable()
    return Located(data, file, lines)


def pack(display: str, text: str, schema_version: int) -> Any | None:
    """The compiled pack (a :class:`lint.yamlsource.Located` whose rules passed every check) for a
    pack named ``display`` with contents ``text``, if refuso ships it; else None."""
    entry = _shipped_pack(display, text, schema_version)
    return None if entry is None else _located(entry[1])


def deferred_rules(
    path: Path, display: str, plugin: str, schema_version: int, build_rule: Any
) -> list[Any] | None:
    """The rules of a pack refuso ships, each built by ``build_rule`` (:func:`lint.packs.build_rule`)
    the first time it is used for more than its metadata (:class:`DeferredRule`); None when the pack
    is not shipped as it is (the caller loads it the ordinary way)."""
    from lint.yamlsource import SourceError, read_source

    try:
        text = read_source(path, display, "rule pack")
    except SourceError:
        return None
    entry = _shipped_pack(display, text, schema_version)
    if entry is None or entry[2] is None or plugin != entry[3]:
        return None
    _, blob, metas, _plugin = entry
    located: list[Any] = []

    def build(index: int) -> Any:
        if not located:
            located.append(_located(blob))
        pack_data = located[0]
        return build_rule(pack_data, index, pack_data.data.get("language"), plugin, checked=True)

    return [DeferredRule(meta_from_plain(plain), build, i) for i, plain in enumerate(metas)]


class DeferredRule:
    """A shipped pack's rule: its metadata at once; the rule itself, with its patterns and phrase
    index, built the first time anything else is asked of it (checking a document in its language)."""

    def __init__(self, meta: Any, build: Any, index: int) -> None:
        self.meta = meta
        self._build = build
        self._index = index
        self._rule: Any = None

    def built(self) -> Any:
        if self._rule is None:
            self._rule = self._build(self._index)
        return self._rule

    def check(self, document: Any, options: Any) -> Any:
        return self.built().check(document, options)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_rule", "_build", "_index"):
            raise AttributeError(name)
        return getattr(self.built(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return self.built().__reduce_ex__(4)


# -- rule metadata as plain data ---------------------------------------------------------------


def meta_to_plain(meta: Any) -> tuple[Any, ...]:
    """A :class:`lint.rules.RuleMeta` as marshal-able data (:func:`meta_from_plain` reverses it)."""
    import dataclasses
    import enum

    def plain(value: Any) -> Any:
        if isinstance(value, enum.Enum):
            return value.value
        if dataclasses.is_dataclass(value):
            return tuple(plain(getattr(value, f.name)) for f in dataclasses.fields(value))
        if isinstance(value, tuple):
            return tuple(plain(v) for v in value)
        if isinstance(value, dict) or hasattr(value, "items"):
            return {k: plain(v) for k, v in value.items()}
        return value

    return tuple(plain(getattr(meta, f.name)) for f in dataclasses.fields(meta))


def meta_from_plain(plain: tuple[Any, ...]) -> Any:
    import dataclasses

    from lint.findings import Applicability, Category, Severity
    from lint.rules import Example, RuleMeta

    fields = dict(zip((f.name for f in dataclasses.fields(RuleMeta)), plain, strict=True))
    fields["category"] = Category(fields["category"])
    fields["severity"] = Severity(fields["severity"])
    if fields["fix"] is not None:
        fields["fix"] = Applicability(fields["fix"])
    fields["examples"] = tuple(Example(*example) for example in fields["examples"])
    return RuleMeta(**fields)


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
