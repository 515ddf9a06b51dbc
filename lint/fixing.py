"""``--fix`` and ``--diff``: applying fixes to files, checking again, and writing the result safely.

A file is fixed in memory, pass after pass (a fix can reveal another) until nothing fixable is left,
checked again, and only then written: to a temporary file in the same folder, flushed to disk,
given the original's mode, and renamed over it, so a failure at any point leaves the original
whole. The text goes back in the file's own encoding, with its byte-order mark and line ends.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import os
import stat
import tempfile
from collections.abc import Callable, Collection
from dataclasses import dataclass

from lint.decoding import BinaryInput, DecodeError, decode
from lint.findings import Applicability, FileResult, Problem
from lint.fixes import apply_fixes

MAX_PASSES = 5
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
    """Write the fixed text over ``path`` atomically; a Problem (and the file untouched) when the
    file changed since it was read or cannot be written."""
    target = os.path.realpath(path)  # a symlinked article is fixed where it lives; the link stays
    try:
        with open(target, "rb") as fh:
            on_disk = fh.read()
        unchanged = decode(on_disk, encoding if not bom else None).text == fixed.before
    except (OSError, DecodeError, BinaryInput) as exc:
        return Problem(path, f"not fixed: it cannot be read again ({exc})")
    if not unchanged:
        return Problem(path, "not fixed: the file changed while refuso was checking it; run refuso again")
    try:
        atomic_write(target, encode_like(fixed.after, encoding, bom))
    except OSError as exc:
        return Problem(
            path, f"not fixed: it cannot be written ({exc.strerror or exc}); the file is unchanged"
        )
    return None


def atomic_write(path: str, data: bytes) -> None:
    """Replace ``path``'s contents with ``data`` by writing a temporary file beside it and renaming
    it over the original, keeping the original's permission bits."""
    mode = stat.S_IMODE(os.stat(path).st_mode)
    folder, name = os.path.split(path)
    fd, tmp = tempfile.mkstemp(dir=folder or ".", prefix=f".{name}.", suffix=".refuso-fix")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
