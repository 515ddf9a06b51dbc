"""simplemma's answers (``is_known``, ``lemmatize``) without decoding its whole dictionary.

simplemma keeps each language's dictionary as one lzma-compressed, front-coded stream of sorted keys and
turns all of it into a dict on the first look-up: for Italian, 358,210 entries and a third of a second
of CPU per process, for the few hundred words an article asks about. refuso ships, in
``lint/data/prebuilt/lemmas.marshal``, where the stream's blocks begin (each block's first key and value
and the offset of its next record), built by ``tools/build_prebuilt.py`` from the ``.plzma`` file of the
installed simplemma. A look-up decompresses that same file (once), finds the block by bisection and
decodes only that block with simplemma's own decoder; simplemma's own strategies do the rest
(:class:`simplemma.Lemmatizer`, :class:`~simplemma.strategies.DefaultStrategy`), so every answer is
simplemma's. When the index was built for another simplemma or another ``.plzma`` file, or anything it
relies on is missing, simplemma's plain functions answer instead: slower, never different.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import marshal
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

RecordReader = Callable[..., Iterator[tuple[int, bytes, bytes]]]  # simplemma's frontcode._iter_records

INDEX_FILE = "lemmas.marshal"
INDEX_FORMAT = 1
BLOCK = 64  # records per block: 5,600 restart points for Italian, a look-up decodes at most 64 records
LANGUAGES = ("it",)  # the dictionaries indexed: those refuso's rules ask about


def is_known(word: str, lang: str) -> bool:
    """``simplemma.is_known(word, lang=lang)``."""
    return _default().is_known(word, lang)


def lemmatize(word: str, lang: str) -> str:
    """``simplemma.lemmatize(word, lang=lang)`` (not greedy)."""
    return _default().lemmatize(word, lang)


@functools.cache
def _default() -> Lemmas:
    return Lemmas(read_index())


def read_index(folder: Path | None = None) -> dict[str, Any] | None:
    """The shipped index (plain data), or None when it is missing or unreadable."""
    from lint.prebuilt import FOLDER

    try:
        data = marshal.loads(((folder or FOLDER) / INDEX_FILE).read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) and data.get("format") == INDEX_FORMAT else None


def source_stamp(path: Path) -> tuple[int, str]:
    """The size and SHA-256 of a dictionary file: what the index was built from."""
    data = path.read_bytes()
    return len(data), hashlib.sha256(data).hexdigest()


class Lemmas:
    """``is_known`` and ``lemmatize`` for every language simplemma has; the languages of ``index`` are
    read through it when it matches the installed simplemma (``indexed`` says which)."""

    def __init__(self, index: dict[str, Any] | None) -> None:
        import simplemma

        self._plain_is_known: Callable[..., bool] = simplemma.is_known
        self._plain_lemmatize: Callable[..., str] = simplemma.lemmatize
        self.indexed: frozenset[str] = frozenset()
        self._lemmatizer: Any = None
        self.factory: IndexedDictionaryFactory | None = None  # simplemma's DictionaryFactory, when indexed
        if index is None or index.get("simplemma") != simplemma.__version__:
            return
        try:
            self._use_index(index)
        except Exception:  # simplemma's internals are not what the index was built for
            self.indexed = frozenset()

    def _use_index(self, index: dict[str, Any]) -> None:
        from simplemma import Lemmatizer
        from simplemma.lemmatizer import _control_input_type
        from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy
        from simplemma.strategies.dictionaries.dictionary_factory import (
            DATA_FOLDER,
            DEFAULT_DICTIONARY_FACTORY,
            _read_decompressed,
        )
        from simplemma.strategies.dictionaries.frontcode import _iter_records, _read_header
        from simplemma.utils import normalize_token, validate_lang_input

        maps = {}
        for lang, entry in index["languages"].items():
            if source_stamp(DATA_FOLDER / f"{lang}.plzma") != tuple(entry["source"]):
                continue
            data = _read_decompressed(lang)
            if len(data) != entry["size"] or _read_header(data) != tuple(entry["header"]):
                continue
            maps[lang] = IndexedStreamMap(data, entry, _iter_records)
        if not maps:
            return
        factory = IndexedDictionaryFactory(maps, DEFAULT_DICTIONARY_FACTORY)
        lookup = DictionaryLookupStrategy(factory)

        def indexed_is_known(token: str, lang: str | tuple[str, ...]) -> bool:
            # simplemma.lemmatizer.is_known, with this factory's dictionaries.
            _control_input_type(token)
            token = normalize_token(token)
            return any(lookup.get_lemma(token, code) is not None for code in validate_lang_input(lang))

        # What simplemma.lemmatize(greedy=False) builds, with this factory's dictionaries.
        lemmatizer = Lemmatizer(
            lemmatization_strategy=DefaultStrategy(greedy=False, dictionary_factory=factory)
        )
        self._indexed_is_known, self._lemmatizer, self.factory = indexed_is_known, lemmatizer, factory
        self.indexed = frozenset(maps)

    def is_known(self, word: str, lang: str) -> bool:
        if lang in self.indexed:
            return self._indexed_is_known(word, lang)
        return self._plain_is_known(word, lang=lang)

    def lemmatize(self, word: str, lang: str) -> str:
        if lang in self.indexed:
            return str(self._lemmatizer.lemmatize(word, lang))
        return self._plain_lemmatize(word, lang=lang)


class IndexedDictionaryFactory:
    """simplemma's ``DictionaryFactory`` protocol: the indexed dictionaries, and ``default``'s (simplemma's
    shared one) for the other languages."""

    def __init__(self, maps: Mapping[str, Mapping[str, str]], default: Any) -> None:
        self._maps = maps
        self._default = default

    def get_dictionary(self, lang: str) -> Mapping[str, str]:
        found = self._maps.get(lang)
        return found if found is not None else self._default.get_dictionary(lang)


class IndexedStreamMap(Mapping[str, str]):
    """A read-only str -> str view of a front-coded stream through its block index, decoding one block
    per look-up with simplemma's decoder (``iter_records``)."""

    __slots__ = ("_count", "_data", "_iter_records", "_keys", "_offsets", "_reverse", "_start", "_values")

    def __init__(self, data: bytes, entry: dict[str, Any], iter_records: RecordReader) -> None:
        self._data = data
        self._reverse, self._count, self._start = entry["header"]
        self._offsets = entry["offsets"]  # where each block's second record starts
        self._keys = entry["keys"]  # each block's first key and value, as stored (sorted)
        self._values = entry["values"]
        self._iter_records = iter_records

    def get(self, key: str, default: Any = None) -> Any:  # the hot path: no exception on a miss
        value = self._lookup(key)
        return value if value is not None else default

    def __getitem__(self, key: str) -> str:
        value = self._lookup(key)
        if value is None:
            raise KeyError(key)
        return value

    def _lookup(self, key: str) -> str | None:
        target = key.encode()
        if self._reverse:
            target = target[::-1]
        block = bisect.bisect_right(self._keys, target) - 1
        if block < 0:
            return None
        value = None
        if self._keys[block] == target:
            value = self._values[block]
        else:
            # Keys are sorted: the scan ends at the first key past the target (the next block's first).
            seed = self._data, self._offsets[block], self._keys[block], self._values[block]
            for _, stored_key, stored_value in self._iter_records(*seed):
                if stored_key >= target:
                    value = stored_value if stored_key == target else None
                    break
        if value is None:
            return None
        return (value[::-1] if self._reverse else value).decode()

    def __iter__(self) -> Iterator[str]:
        for _, stored_key, _ in self._iter_records(self._data, self._start):
            yield (stored_key[::-1] if self._reverse else stored_key).decode()

    def __len__(self) -> int:
        return int(self._count)
