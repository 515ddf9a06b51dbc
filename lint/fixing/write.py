"""``--fix`` and ``--diff``: applying fixes to files, checking again, and writing the result safely.

A file is fixed in memory, pass after pass (a fix can reveal another) until nothing fixable is left,
checked again, and only then written: to a temporary file in the same folder, flushed to disk,
given the original's mode, owner and group, and renamed over it, so a failure at any point leaves the
original whole. The text goes back in the file's own encoding, with its byte-order mark and line ends.
A link is never written through, a read-only file is refused, and a file with hard links (or one that
cannot be given back to its owner) is written in place, so it stays the same file.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass

from lint.decoding import BinaryInput, DecodeError, decode
from lint.findings import Applicability, FileResult, Problem
from lint.fixing.apply import apply_fixes
from lint.paths import TEMPORARY_SUFFIX, kind_of, same_file, temporary_of

MAX_PASSES = 5
# A temporary file untouched this long is no running fix's: an interrupted run left it.
STALE_AFTER_SECONDS = 15 * 60
_BOM_BYTES = {
    "utf-8-sig": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
}


def encode_like(text: str, encoding: str | None, bom: bool) -> bytes:
    """``text`` as bytes in the encoding (and with the byte-order mark) the file was read with."""
    encoding = encoding or "utf-8"
    if bom:
        codec = "utf-8" if encoding == "utf-8-sig" else encoding
        return _BOM_BYTES.get(encoding, b"") + text.encode(codec)
    return text.encode(encoding)


@dataclass(frozen=True)
class Fixed:
    """What fixing one file did: its text before and after, how many fixes, and the new result."""

    path: str
    before: str
    after: str
    applied: int
    result: FileResult

    @property
    def changed(self) -> bool:
        return self.after != self.before

    def diff(self) -> str:
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            self.after.splitlines(keepends=True),
            fromfile=f"a/{self.path}",
            tofile=f"b/{self.path}",
        )
        out = []
        for line in lines:
            out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
        return "".join(out)


def fix_result(
    result: FileResult,
    allowed: Collection[Applicability],
    recheck: Callable[[str, bytes], FileResult],
) -> Fixed | None:
    """Apply the allowed fixes of ``result`` until none is left; None when it has nothing to fix.
    ``recheck(path, data)`` checks the fixed bytes as the same file."""
    if result.source is None or not any(
        f.fix is not None and f.fix.applicability in allowed for f in result.findings
    ):
        return None
    text, current, applied = result.source, result, 0
    for _ in range(MAX_PASSES):
        step = apply_fixes(text, current.findings, allowed)
        if not step.applied:
            break
        text = step.text
        applied += len(step.applied)
        current = recheck(result.path, encode_like(text, result.encoding, result.bom))
        if current.source is None:
            break
    return Fixed(result.path, result.source, text, applied, current)


def write_fixed(path: str, fixed: Fixed, encoding: str | None, bom: bool) -> Problem | None:
    """Write the fixed text over ``path``; a Problem, and the file untouched, when it must not or
    cannot be written: it is a link (a note), it is read-only, it changed since it was read, or
    writing fails.

    The file is replaced atomically (a temporary file beside it, renamed over it) when the new file
    can be given the old one's owner, group and mode. A file with several hard links, or one refuso
    may write but not give away (owned by another user), is written in place instead, after the same
    checks, so that its links, owner and group stay as they were.
    """
    try:
        before = os.lstat(path)
    except OSError as exc:
        return Problem(path, f"not fixed: it cannot be read again ({exc.strerror or exc})")
    if stat.S_ISLNK(before.st_mode):
        try:
            points_to = os.readlink(path)
        except OSError:
            points_to = "?"
        return Problem(
            path,
            f"not fixed: it is a symbolic link (to {points_to}), and --fix never writes through a link; "
            "fix the file it points to by its own name",
            kind="note",
        )
    if not stat.S_ISREG(before.st_mode):
        return Problem(path, f"not fixed: it is {kind_of(before.st_mode)}, not a regular file")
    if _read_only(path, before):
        mode = stat.S_IMODE(before.st_mode)
        if not mode & 0o222:
            return Problem(
                path,
                f"not fixed: it is read-only (mode {mode:04o}); make it writable (chmod u+w) if --fix may "
                "change it; the file is unchanged",
            )
        return Problem(
            path,
            f"not fixed: this user may not write it (mode {mode:04o}, owner {before.st_uid}); "
            "the file is unchanged",
        )
    try:
        fd = os.open(path, os.O_RDONLY | _NOFOLLOW | os.O_NONBLOCK | _CLOEXEC)
        with os.fdopen(fd, "rb") as fh:
            opened = os.fstat(fh.fileno())
            on_disk = fh.read()
        unchanged = (
            same_file(opened, before) and decode(on_disk, encoding if not bom else None).text == fixed.before
        )
    except (OSError, DecodeError, BinaryInput) as exc:
        return Problem(path, f"not fixed: it cannot be read again ({exc})")
    if not unchanged:
        return Problem(path, "not fixed: the file changed while refuso was checking it; run refuso again")
    data = encode_like(fixed.after, encoding, bom)
    try:
        if opened.st_nlink > 1 or not atomic_write(path, data, opened):
            write_in_place(path, data, opened)
    except OSError as exc:
        return Problem(
            path, f"not fixed: it cannot be written ({exc.strerror or exc}); the file is unchanged"
        )
    return None


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _read_only(path: str, st: os.stat_result) -> bool:
    """Whether the file says it must not be written: no write permission for this user (for the
    superuser, who may write anything, no write bit at all). Replacing it by a rename would ignore that."""
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return not st.st_mode & 0o222
    return not os.access(path, os.W_OK)


def atomic_write(path: str, data: bytes, original: os.stat_result | None = None) -> bool:
    """Replace ``path``'s contents with ``data`` by writing a temporary file beside it and renaming
    it over the original, with the original's permission bits, owner and group. False, with nothing
    changed, when the owner or group cannot be given to the new file (write it in place instead)."""
    original = original if original is not None else os.stat(path)
    mode = stat.S_IMODE(original.st_mode)
    folder, name = os.path.split(path)
    fd, tmp = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=TEMPORARY_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            mine = os.fstat(fh.fileno())
            if hasattr(os, "fchown") and (mine.st_uid, mine.st_gid) != (original.st_uid, original.st_gid):
                try:
                    os.fchown(fh.fileno(), original.st_uid, original.st_gid)
                except PermissionError:
                    os.unlink(tmp)
                    return False
            os.fchmod(fh.fileno(), mode)  # after chown, which may clear set-id bits
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


def write_in_place(path: str, data: bytes, original: os.stat_result) -> None:
    """Write ``data`` into the very file ``path`` names (never through a link): its hard links, owner,
    group and mode stay. Not atomic, so used only where a rename would break what the file is."""
    fd = os.open(path, os.O_WRONLY | _NOFOLLOW | os.O_NONBLOCK | _CLOEXEC)
    try:
        if not same_file(os.fstat(fd), original):
            raise OSError(errno.EAGAIN, "the file was replaced while refuso was fixing it")
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            view = view[written:]
        os.ftruncate(fd, len(data))
        os.fsync(fd)
    finally:
        os.close(fd)


def stale_temporaries(
    paths: Collection[str], older_than: float = STALE_AFTER_SECONDS
) -> dict[str, list[str]]:
    """The temporary files an interrupted ``--fix`` of each of ``paths`` left beside it: named as
    refuso names them (``.NAME.XXXXXXXX.refuso-fix``), regular files (not links), owned by this user
    and untouched for ``older_than`` seconds, so that no running fix can still be writing one.
    Each folder is listed once."""
    by_folder: dict[str, dict[str, str]] = {}
    for path in paths:
        folder, name = os.path.split(path)
        by_folder.setdefault(folder or ".", {})[name] = path
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    now = time.time()
    found: dict[str, list[str]] = {}
    for folder, names in by_folder.items():
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for entry in entries:
            article = temporary_of(entry.name)
            if article not in names:
                continue
            try:
                st = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode) or (uid is not None and st.st_uid != uid):
                continue
            if now - st.st_mtime >= older_than:
                found.setdefault(names[article], []).append(entry.path)
    return found


def remove_stale_temporaries(paths: Collection[str]) -> dict[str, list[str]]:
    """Delete what :func:`stale_temporaries` finds; for each article, the names of those deleted."""
    removed: dict[str, list[str]] = {}
    for path, temporaries in stale_temporaries(paths).items():
        for tmp in temporaries:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
                removed.setdefault(path, []).append(os.path.basename(tmp))
    return removed
