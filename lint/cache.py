"""An on-disk cache for work that only changes when files change: validated rule packs and
configuration, and the list of installed plugins.

Entries are keyed by everything they depend on (paths, a hash of each file's contents, refuso's version),
so a stale entry is never read: it is simply not found. A cache that cannot be written is skipped.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import zlib
from pathlib import Path
from typing import Any

from lint import __version__

CACHE_ENV = "REFUSO_CACHE_DIR"


def default_directory() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "refuso"


def file_stamp(path: str | os.PathLike[str], text: str | None = None) -> tuple[str, int, str]:
    """What identifies a version of a file: its path, its size and a hash of its contents (``text``
    when the caller has read it already). Not its modification time: a file rewritten within one tick
    of the clock, or whose time was set back, keeps its size and time but not its contents."""
    if text is not None:
        data = text.encode("utf-8", "surrogatepass")
    else:
        data = _read_regular(path, 256 * 1024 * 1024) or b""
    return (os.fspath(path), len(data), hashlib.blake2b(data, digest_size=16).hexdigest())


def _read_regular(path: str | os.PathLike[str], limit: int) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes; None for anything else (a pipe, a
    device, a folder, a link when the caller forbids them), without ever blocking on it."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_size > limit:
        os.close(fd)
        return None
    with os.fdopen(fd, "rb") as fh:
        data = fh.read(limit + 1)
    return data if len(data) <= limit else None


class Cache:
    """A directory of pickled values. ``Cache(None)`` caches nothing."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    @staticmethod
    def _key(key: Any) -> str:
        return repr((__version__, key))

    def _path(self, namespace: str, full_key: str) -> str | None:
        if self.directory is None:
            return None
        # A short checksum names the file; the full key is stored inside and compared on reading,
        # so two keys with the same checksum cost a recomputation, never a wrong answer.
        digest = f"{zlib.crc32(full_key.encode('utf-8', 'surrogatepass')):08x}{len(full_key):x}"
        return os.path.join(self.directory, namespace, digest + ".pickle")

    def get(self, namespace: str, key: Any) -> Any | None:
        full_key = self._key(key)
        path = self._path(namespace, full_key)
        if path is None:
            return None
        collecting = gc.isenabled()
        gc.disable()  # a cached pack is many small objects: the collector would walk them again and again
        try:
            with open(path, "rb") as fh:
                stored_key, value = pickle.load(fh)
        except Exception:
            # Missing, truncated by a crash, or written by another Python: recompute.
            return None
        finally:
            if collecting:
                gc.enable()
        return value if stored_key == full_key else None

    def put(self, namespace: str, key: Any, value: Any) -> None:
        full_key = self._key(key)
        path = self._path(namespace, full_key)
        if path is None:
            return
        try:
            import tempfile  # only on a cache miss: it pulls in shutil and the compression modules

            folder = os.path.dirname(path)
            os.makedirs(folder, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump((full_key, value), fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, pickle.PicklingError):
            pass
