"""An on-disk cache for work that only changes when files change: validated rule packs and
configuration, and the list of installed plugins.

Entries are keyed by everything they depend on (paths, sizes, modification times, refuso's version),
so a stale entry is never read: it is simply not found. A cache that cannot be written is skipped.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
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

    def _path(self, namespace: str, key: Any) -> Path | None:
        if self.directory is None:
            return None
        digest = hashlib.sha1(repr((__version__, key)).encode("utf-8", "surrogatepass")).hexdigest()
        return self.directory / namespace / f"{digest}.pickle"

    def get(self, namespace: str, key: Any) -> Any | None:
        path = self._path(namespace, key)
        if path is None:
            return None
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except Exception:
            # Missing, truncated by a crash, or written by another Python: recompute.
            return None

    def put(self, namespace: str, key: Any, value: Any) -> None:
        path = self._path(namespace, key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, pickle.PicklingError):
            pass
