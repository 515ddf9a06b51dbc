"""The results cache: each checked file's result, kept in refuso's signed cache (:mod:`lint.cache`)
under the file's contents and a fingerprint of everything else that decides what a check finds, so
that a run over files that did not change reads their results instead of loading rules, packs and
the knowledge base (ruff's and ESLint's ``--cache``).

The fingerprint of a configuration holds refuso's version and code (the size and modification time
of every file of the package: reading them all would cost more than the check it saves), the
versions of the libraries rules lean on, the effective settings of the file (selection, rule
options, vocabulary, language, date…), the contents of every rule pack and knowledge-base file
(refuso's, the plugins' and the configured ones) and the registered plugins with the files of their
code. A file is checked afresh when LanguageTool would run on it (its answers have their own cache),
when ``--timings`` is asked for, and when it is too large to be checked whole.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import os
import stat
import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.findings import FileResult

if TYPE_CHECKING:
    from lint.api.linter import Linter
    from lint.config import Settings
    from lint.engine.options import EngineOptions

NAMESPACE = "results"
# Libraries whose version changes what rules find (patterns, YAML, lemmas), by their top module.
LIBRARIES = ("regex", "yaml", "simplemma", "pluggy")


class Uncacheable(Exception):
    """A value the fingerprint cannot describe the same way in every process."""


def canonical(value: Any) -> Any:
    """``value`` as nested tuples of plain values, the same in every process (sets and mappings
    sorted): what settings are, not where they live in memory."""
    if value is None or isinstance(value, str | int | float | bool | bytes | dt.date):
        return value
    if isinstance(value, enum.Enum):
        return (type(value).__qualname__, value.value)
    if isinstance(value, Path):
        return os.fspath(value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return (
            type(value).__qualname__,
            tuple(
                (f.name, canonical(getattr(value, f.name))) for f in dataclasses.fields(value) if f.compare
            ),
        )
    if isinstance(value, Mapping):
        return ("map", tuple(sorted(((canonical(k), canonical(v)) for k, v in value.items()), key=repr)))
    if isinstance(value, set | frozenset):
        return ("set", tuple(sorted((canonical(v) for v in value), key=repr)))
    if isinstance(value, list | tuple):
        return tuple(canonical(v) for v in value)
    raise Uncacheable(type(value).__qualname__)


def tree_stamp(*roots: str | os.PathLike[str]) -> str:
    """A hash of the names, sizes and modification times of every file under ``roots`` (folders or
    files), as for installed code: cheaper than reading them."""
    digest = hashlib.sha256()
    for root in sorted({os.fspath(r) for r in roots}):
        digest.update(root.encode("utf-8", "surrogatepass") + b"\0")
        if not os.path.isdir(root):
            try:
                info = os.stat(root)
                digest.update(f"{info.st_size}\0{info.st_mtime_ns}\0".encode())
            except OSError:
                digest.update(b"missing\0")
            continue
        _stamp_folder(Path(root), digest)
    return digest.hexdigest()


def _stamp_folder(root: Path, digest: Any) -> None:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            try:
                info = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            digest.update(
                f"{os.path.relpath(os.path.join(folder, name), root)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode()
            )


def contents_digest(paths: Iterable[str | os.PathLike[str]]) -> str:
    """A hash of the contents of the files at ``paths``, and of every file under those that are
    folders; a path that is missing counts as missing."""
    digest = hashlib.sha256()
    for path in sorted({os.fspath(p) for p in paths}):
        digest.update(path.encode("utf-8", "surrogatepass") + b"\0")
        if os.path.isdir(path):
            files = sorted(
                os.path.join(folder, name)
                for folder, dirs, names in os.walk(path)
                for name in names
                if not name.startswith(".") and "__pycache__" not in folder
            )
        else:
            files = [path]
        for file in files:
            data = _regular_file_bytes(file)
            if data is None:
                digest.update(b"\0missing or not a regular file\0")
                continue
            digest.update(f"{os.path.relpath(file, path)}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
            digest.update(hashlib.sha256(data).digest())
    return digest.hexdigest()


def _regular_file_bytes(path: str, limit: int = -1) -> bytes | None:
    """The bytes of the regular file at ``path``, or None. Opened without blocking and checked once
    open, so a pipe or a device named as a pack (``/dev/zero``), or swapped in for a file after it was
    listed, is never read: the run reports it. At most ``limit`` bytes when it is not negative."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read(limit)
    except OSError:
        return None
    finally:
        os.close(fd)


def library_stamps() -> tuple[tuple[str, int, int], ...]:
    """The size and modification time of each library's top module, found without importing it."""
    import importlib.util

    out = []
    for name in LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
            info = os.stat(spec.origin) if spec is not None and spec.origin else None
        except (ImportError, ValueError, OSError):
            info = None
        out.append((name, info.st_size if info else -1, info.st_mtime_ns if info else -1))
    return tuple(out)


def plugin_stamps(plugins: Any) -> tuple[tuple[str, tuple[tuple[str, int, int], ...]], ...]:
    """Each registered plugin's name with the size and modification time of the files of the
    modules its hook functions come from."""
    out = []
    for name, guarded in plugins.manager.list_name_plugin():
        files = set()
        for attribute in vars(guarded).values():
            while hasattr(attribute, "__wrapped__"):  # refuso's guard around the plugin's function
                attribute = attribute.__wrapped__
            if callable(attribute):
                module = sys.modules.get(getattr(attribute, "__module__", "") or "")
                file = getattr(module, "__file__", None)
                if file:
                    files.add(file)
        stamps = []
        for file in sorted(files):
            try:
                info = os.stat(file)
                stamps.append((file, info.st_size, info.st_mtime_ns))
            except OSError:
                stamps.append((file, -1, -1))
        out.append((name, tuple(stamps)))
    return tuple(sorted(out))


@dataclasses.dataclass(frozen=True)
class FileKey:
    """What a file's cached result is stored under, and the file's state when it was read (a file
    that changes while it is checked is not stored)."""

    key: tuple[Any, ...]
    state: tuple[int, int, int] | None


def file_state(path: str) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ino)


def read_for_key(path: str, limit: int) -> tuple[bytes, tuple[int, int, int]] | None:
    """The bytes of a regular file of at most ``limit`` bytes and its state, or None."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        return None
    data = _regular_file_bytes(path, limit + 1)
    if data is None or len(data) > limit:
        return None
    return data, (info.st_size, info.st_mtime_ns, info.st_ino)


def result_key(fingerprint: str, path: str, display: str, data: bytes, options: Any) -> tuple[Any, ...]:
    return (fingerprint, path, display, len(data), hashlib.sha256(data).hexdigest(), canonical(options))


def storable(result: Any) -> bool:
    """A result worth keeping: the file was checked and nothing went wrong on the way."""
    return bool(result.checked) and not any(p.kind == "error" for p in result.problems) and not result.timings


class ResultsCache:
    """A linter's results cache: :meth:`iter_paths` reads the result of each unchanged file from the
    linter's cache and checks only the others, so a run where no file changed loads no rule, pack
    or knowledge base."""

    def __init__(self, linter: Linter) -> None:
        self.linter = linter
        self._fingerprints: dict[int, tuple[Settings, str | None]] = {}
        self._shared: tuple[Any, ...] | None = None  # what every configuration's fingerprint holds

    def iter_paths(
        self, targets: Sequence[Any], options: EngineOptions, *, jobs: int, stdin: bytes | None
    ) -> Iterator[FileResult]:
        """:meth:`lint.api.Linter.iter_paths` with the results of unchanged files from the cache."""
        linter = self.linter
        keys = [self.file_key(t, options, stdin) for t in targets]
        found = [linter.cache.get(NAMESPACE, k.key) if k is not None else None for k in keys]
        missing = [i for i, t in enumerate(targets) if found[i] is None and t.skipped is None]
        # Built before the first result, as without the cache: a bad selector stops the run at once.
        engines = [linter.engine_for(targets[i].settings, options) for i in missing]
        checked: Iterator[FileResult] = iter(())
        if missing:
            from lint.engine.parallel import iter_targets

            checked = iter_targets([targets[i] for i in missing], engines, jobs=jobs, stdin=stdin)

        def results() -> Iterator[FileResult]:
            try:
                for i, target in enumerate(targets):
                    if found[i] is not None:
                        yield found[i]
                    elif target.skipped is not None:
                        yield FileResult(target.display, None, problems=(target.skipped,), checked=False)
                    else:
                        result = next(checked)
                        self.store(keys[i], target, result)
                        yield result
            finally:
                close = getattr(checked, "close", None)
                if close is not None:
                    close()

        return results()

    def file_key(self, target: Any, options: EngineOptions, stdin: bytes | None) -> FileKey | None:
        """What the target's result is cached under, or None when it is not cached."""
        if target.skipped is not None:
            return None
        fingerprint = self.fingerprint(target.settings)
        if fingerprint is None:
            return None
        if target.path == "-":
            if stdin is None or len(stdin) > options.large_file_bytes:
                return None
            data, state = stdin, None
        else:
            read = read_for_key(target.path, options.large_file_bytes)  # larger: checked in windows
            if read is None:
                return None
            data, state = read
        return FileKey(result_key(fingerprint, target.path, target.display, data, options), state)

    def store(self, key: FileKey | None, target: Any, result: FileResult) -> None:
        linter = self.linter
        if key is None or not storable(result) or linter.problems or linter.plugins.failures:
            return  # a run with problems is checked again next time, so that they are reported again
        if key.state is not None and file_state(target.path) != key.state:
            return  # changed while it was checked: the result may be of other contents than the key's
        linter.cache.put(NAMESPACE, key.key, result)

    def fingerprint(self, settings: Settings) -> str | None:
        """A hash of everything besides a file's contents that decides what checking it finds under
        ``settings``; None when its results are not cached (LanguageTool runs)."""
        known = self._fingerprints.get(id(settings))
        if known is not None and known[0] is settings:
            return known[1]
        value = self._compute(settings)
        self._fingerprints[id(settings)] = (settings, value)
        return value

    def _compute(self, settings: Settings) -> str | None:
        from importlib.util import find_spec

        from lint import __version__

        if self._languagetool_runs(settings):
            return None
        try:
            described = canonical(settings)
        except Uncacheable:
            return None
        if self._shared is None:
            plugins = self.linter.plugins
            package = find_spec("lint")
            root = Path(package.origin).parent if package is not None and package.origin else None
            data = [
                (plugin, path)
                for hook in ("refuso_rule_packs", "refuso_kb_files")
                for plugin, paths in plugins.contributions(hook)
                for path in paths or ()
            ]
            self._shared = (
                __version__,
                sys.version,
                tree_stamp(root) if root is not None else None,
                library_stamps(),
                plugin_stamps(plugins),
                # refuso's own packs and KB are installed with its code, and stamped like it; the
                # plugins' are read.
                tree_stamp(*(path for plugin, path in data if plugin == "refuso")),
                contents_digest(path for plugin, path in data if plugin != "refuso"),
            )
        configured = contents_digest([*settings.rule_packs, *settings.knowledge_base])
        return hashlib.sha256(repr((self._shared, configured, described)).encode()).hexdigest()

    def _languagetool_runs(self, settings: Settings) -> bool:
        """Whether LanguageTool checks files under ``settings`` (or its settings are wrong, which
        the ordinary path reports)."""
        from lint.languagetool import LanguageToolError, LanguageToolSettings

        try:
            lt = LanguageToolSettings.from_mapping(settings.sections.get("languagetool"))
        except LanguageToolError:
            return True
        if not lt.enabled:
            return False
        from lint.checks.languagetool import RULES

        if not selects_languagetool([rule.meta for rule in RULES], settings):
            return False
        return self.linter.languagetool_for(settings) is not None


def selects_languagetool(metas: Sequence[Any], settings: Settings) -> bool:
    """Whether the selection keeps LanguageTool's rule (``LT``, among ``metas``): a run that leaves
    it out neither looks for a server nor notes that there is none."""
    if not any(meta.code == "LT" for meta in metas):
        return False
    from lint.selection import resolve

    selected = resolve(
        metas,
        select=settings.select,
        ignore=settings.ignore,
        extend_select=settings.extend_select,
        preview=settings.preview,
    )
    return "LT" in selected
