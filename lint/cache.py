"""An on-disk cache for work that only changes when files change: validated rule packs and
configuration, the compiled knowledge base, LanguageTool's answers, the list of installed plugins,
and each checked file's results (:mod:`lint.api.results`).

Entries are keyed by everything they depend on (paths, a hash of each file's contents, refuso's
version), so a stale entry is never read: it is simply not found. A cache that cannot be written is
skipped.

Whoever can write the cache folder must not be able to make refuso run code, and a cache folder can
end up where others write (``XDG_CACHE_HOME`` inside a checkout that CI caches). So every entry is
signed with HMAC-SHA256 under a per-user secret kept outside the cache, and the signature is checked
before anything is unpickled; what is unpickled may only build refuso's own data classes, never call
anything else. The folder is kept private (0700), and one owned by another user or writable by
others is not used (with a note).
"""

from __future__ import annotations

import gc
import hashlib
import hmac
import io
import os
import pickle
import stat
import zlib
from pathlib import Path
from typing import Any

from lint import __version__

CACHE_ENV = "REFUSO_CACHE_DIR"
MAGIC = b"refuso-cache 2\n"
TAG_SIZE = 32  # HMAC-SHA256
SECRET_SIZE = 32
MAX_ENTRY_BYTES = 512 * 1024 * 1024

# The only classes a cache entry may build (besides dicts, lists, tuples, sets, strings and numbers,
# which need no class): refuso's own data, whose constructors and state setters only store values.
ALLOWED_CLASSES = frozenset(
    {
        ("lint.yamlsource", "Located"),
        ("lint.kb.model", "Role"),
        ("lint.kb.model", "Spelling"),
        ("lint.kb.model", "Person"),
        ("lint.kb.model", "Titles"),
        ("lint.kb.model", "Office"),
        ("lint.kb.model", "Country"),
        ("lint.kb.model", "Organisation"),
        ("lint.kb.index", "CompiledKB"),
        ("lint.kb.index", "NameEntry"),
        ("lint.kb.index", "Qualifier"),
        ("lint.languagetool.client", "LanguageToolMatch"),
        ("lint.findings", "Severity"),
        ("lint.findings", "Category"),
        ("lint.findings", "Applicability"),
        ("lint.findings", "Edit"),
        ("lint.findings", "Fix"),
        ("lint.findings", "Position"),
        ("lint.findings", "Finding"),
        ("lint.findings", "Problem"),
        ("lint.findings", "FileResult"),
        ("datetime", "date"),
    }
)


def default_directory() -> Path:
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "refuso"


def secret_file() -> Path:
    """Where the per-user key that signs cache entries lives: in the user's state folder
    (``$XDG_STATE_HOME/refuso``, ``~/.local/state/refuso``), not in the cache it protects."""
    base = os.environ.get("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "refuso" / "cache-key"


def file_stamp(path: str | os.PathLike[str], text: str | None = None) -> tuple[str, int, str]:
    """What identifies a version of a file: its path, its size and a hash of its contents (``text``
    when the caller has read it already). Not its modification time: a file rewritten within one tick
    of the clock, or whose time was set back, keeps its size and time but not its contents."""
    if text is not None:
        data = text.encode("utf-8", "surrogatepass")
    else:
        data = _read_regular(path, 256 * 1024 * 1024) or b""
    return (os.fspath(path), len(data), hashlib.sha256(data).hexdigest())


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


class _DataUnpickler(pickle.Unpickler):
    """Builds containers and refuso's data classes; refuses every other global (``os.system`` and
    the like), so even an entry signed with a stolen key cannot call arbitrary code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in ALLOWED_CLASSES:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in refuso's cache")
        return super().find_class(module, name)

    def persistent_load(self, pid: Any) -> Any:
        raise pickle.UnpicklingError("persistent ids are not allowed in refuso's cache")


class Cache:
    """A directory of signed, pickled values. ``Cache(None)`` caches nothing.

    ``notes`` collects (path, message) for a cache folder or key that was not used because it is not
    private: the caller reports them."""

    def __init__(self, directory: Path | None, *, secret_path: Path | None = None) -> None:
        self.directory = directory
        self.secret_path = secret_path
        self.notes: list[tuple[str, str]] = []
        self._secret: bytes | None = None
        self._usable: bool | None = None  # decided on first use

    def __getstate__(self) -> dict[str, Any]:
        # Worker processes get the folder and decide for themselves; the key is not copied around.
        state = dict(self.__dict__)
        state["_secret"] = None
        state["_usable"] = None
        return state

    @staticmethod
    def _key(key: Any) -> str:
        return repr((__version__, key))

    def _path(self, namespace: str, full_key: str) -> str | None:
        if self.directory is None:
            return None
        # A short checksum names the file; the full key is part of what is signed, so two keys with
        # the same checksum cost a recomputation, never a wrong answer.
        digest = f"{zlib.crc32(full_key.encode('utf-8', 'surrogatepass')):08x}{len(full_key):x}"
        return os.path.join(self.directory, namespace, digest + ".pickle")

    # -- being private -----------------------------------------------------------------------------

    def _note(self, path: Any, message: str) -> None:
        self.notes.append((os.fspath(path), message))

    def _ready(self) -> bool:
        if self._usable is None:
            self._usable = self.directory is not None and self._private_folder() and self._load_secret()
        return self._usable

    def _private_folder(self) -> bool:
        assert self.directory is not None
        folder = os.fspath(self.directory)
        try:
            os.makedirs(folder, mode=0o700, exist_ok=True)
            info = os.stat(folder)
        except OSError:
            return False  # cannot be made here (a read-only home): run without a cache, as before
        if not stat.S_ISDIR(info.st_mode):
            return False
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            self._note(
                folder,
                f"not used as refuso's cache: it belongs to another user (uid {info.st_uid}); "
                f"set {CACHE_ENV} to a folder of your own",
            )
            return False
        if info.st_mode & 0o022:
            self._note(
                folder,
                "not used as refuso's cache: other users can write to it; "
                f"make it private (chmod 700 {folder}) or set {CACHE_ENV} to a folder of your own",
            )
            return False
        if info.st_mode & 0o077:
            try:
                os.chmod(folder, 0o700)  # ours, but readable by others: answers may quote articles
            except OSError:
                return False
        return True

    def _load_secret(self) -> bool:
        path = self.secret_path or secret_file()
        assert self.directory is not None
        folder = os.path.realpath(self.directory)
        if os.path.commonpath([folder, os.path.realpath(path)]) == folder:
            self._note(
                path,
                "not used as the key of refuso's cache: it lies inside the cache folder; "
                "set XDG_STATE_HOME or the cache folder elsewhere",
            )
            return False
        if not os.path.lexists(path):
            self._create_secret(path)
        self._secret = self._read_secret(path)
        return self._secret is not None

    def _read_secret(self, path: Path) -> bytes | None:
        secret = None
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        except FileNotFoundError:
            return None  # could not be created (a read-only home): run without a cache, as before
        except OSError:
            fd = None
        if fd is not None:
            info = os.fstat(fd)
            mine = not hasattr(os, "getuid") or info.st_uid == os.getuid()
            if stat.S_ISREG(info.st_mode) and mine and not info.st_mode & 0o077:
                with os.fdopen(fd, "rb") as fh:
                    secret = fh.read(SECRET_SIZE + 1)
            else:
                os.close(fd)
        if secret is not None and len(secret) == SECRET_SIZE:
            return secret
        self._note(
            path,
            f"not used as the key of refuso's cache: it must be a file of {SECRET_SIZE} bytes that is "
            "yours and that only you can read (mode 600); delete it and refuso makes a new one",
        )
        return None

    def _create_secret(self, path: Path) -> None:
        import secrets
        import tempfile

        try:
            os.makedirs(path.parent, mode=0o700, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache-key-")  # mode 600
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(secrets.token_bytes(SECRET_SIZE))
                # A link never replaces: when two runs start at once, both use the first one's key.
                os.link(tmp, path)
            except FileExistsError:
                pass
            finally:
                os.unlink(tmp)
        except OSError:
            pass

    def _tag(self, namespace: str, full_key: str, payload: bytes) -> bytes:
        assert self._secret is not None
        mac = hmac.new(self._secret, digestmod=hashlib.sha256)
        mac.update(namespace.encode("utf-8") + b"\0" + full_key.encode("utf-8", "surrogatepass") + b"\0")
        mac.update(payload)
        return mac.digest()

    def clean(self) -> int:
        """Remove every entry (the key, kept elsewhere, stays); the number of files removed."""
        if self.directory is None or not os.path.isdir(self.directory):
            return 0
        import contextlib

        removed = 0
        for folder, _dirs, files in os.walk(self.directory, topdown=False):
            for name in files:
                if name.endswith(".pickle") or name.startswith(".tmp-"):
                    with contextlib.suppress(OSError):
                        os.unlink(os.path.join(folder, name))
                        removed += 1
            if folder != os.fspath(self.directory):
                with contextlib.suppress(OSError):
                    os.rmdir(folder)  # left alone when something else lives there
        return removed

    # -- reading and writing -----------------------------------------------------------------------

    def get(self, namespace: str, key: Any) -> Any | None:
        full_key = self._key(key)
        path = self._path(namespace, full_key)
        if path is None or not self._ready():
            return None
        blob = _read_regular(path, MAX_ENTRY_BYTES)
        if blob is None or not blob.startswith(MAGIC):
            return None  # missing, or written by an older refuso: recompute
        payload = memoryview(blob)[len(MAGIC) + TAG_SIZE :]
        tag = blob[len(MAGIC) : len(MAGIC) + TAG_SIZE]
        if not hmac.compare_digest(tag, self._tag(namespace, full_key, payload)):
            return None  # truncated by a crash, for another key, or not written by refuso: recompute
        collecting = gc.isenabled()
        gc.disable()  # a cached pack is many small objects: the collector would walk them again and again
        try:
            return _DataUnpickler(io.BytesIO(payload)).load()
        except Exception:
            return None
        finally:
            if collecting:
                gc.enable()

    def put(self, namespace: str, key: Any, value: Any) -> None:
        full_key = self._key(key)
        path = self._path(namespace, full_key)
        if path is None or not self._ready():
            return
        try:
            import tempfile  # only on a cache miss: it pulls in shutil and the compression modules

            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
            folder = os.path.dirname(path)
            os.makedirs(folder, mode=0o700, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(MAGIC + self._tag(namespace, full_key, payload) + payload)
                os.replace(tmp, path)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, pickle.PicklingError):
            pass
