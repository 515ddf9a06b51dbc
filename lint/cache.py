"""An on-disk cache for work that only changes when files change: validated rule packs and
configuration, and the list of installed plugins.

Entries are keyed by everything they depend on (paths, sizes, modification times, refuso's version),
so a stale entry is never read: it is simply not found. A cache that cannot be written is skipped.
"""

from __future__ import annotations

import gc
import os
import pickle
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


def file_stamp(path: str | os.PathLike[str]) -> tuple[str, int, int]:
    """What identifies a version of a file: its path, size and modification time."""
    st = os.stat(path)
    return (os.fspath(path), st.st_size, st.st_mtime_ns)


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
