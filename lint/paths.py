"""Paths and files: how a path is shown, and what refuso may open: regular files only (standard input
aside), and never a file through a link when writing. Named pipes, sockets and devices are refused before they are opened, and again after
(the path may be swapped in between), so that none can block a run or flood it with endless bytes.
File names are escaped before they are shown, so that a name cannot drive a terminal or a CI log.
"""

from __future__ import annotations

import os
import re
import stat
from typing import BinaryIO

# The temporary file ``--fix`` writes beside an article before renaming it over the article
# (``tempfile.mkstemp`` with this prefix and suffix): ``.NAME.`` + 8 random characters + the suffix.
TEMPORARY_SUFFIX = ".refuso-fix"
_TEMPORARY = re.compile(r"\A\.(?P<name>.+)\.[a-z0-9_]{8}" + re.escape(TEMPORARY_SUFFIX) + r"\Z", re.S)

# Characters a file name or a message must not carry to a terminal or a CI log as they are: C0 and
# C1 controls (ESC starts terminal escapes, a line end starts a new workflow command), lone
# surrogates (undecodable bytes of a file name) and the bidirectional controls that reorder text.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NAMED_ESCAPES = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _escape_one(match: re.Match[str]) -> str:
    ch = match.group()
    named = _NAMED_ESCAPES.get(ch)
    if named is not None:
        return named
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"  # a byte of the name that was not valid in the file-system encoding
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_UNPRINTABLE_BUT_LINE_ENDS = re.compile(
    "[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


def printable(text: str, *, keep_line_ends: bool = False) -> str:
    """``text`` with control characters written as escapes (``\\x1b``, ``\\n``), for terminals and logs;
    ordinary text, accented letters and emoji included, is unchanged. ``keep_line_ends`` leaves CR
    and LF for a format that escapes them its own way (GitHub's workflow commands)."""
    pattern = _UNPRINTABLE_BUT_LINE_ENDS if keep_line_ends else _UNPRINTABLE
    return pattern.sub(_escape_one, text) if pattern.search(text) else text


def is_temporary(name: str) -> bool:
    """Whether a file name is that of a temporary file ``--fix`` writes (and an interrupted run may leave)."""
    return _TEMPORARY.match(name) is not None


def temporary_of(name: str) -> str | None:
    """The article a temporary file name belongs to (``.a.txt.k3j2l1m0.refuso-fix`` -> ``a.txt``)."""
    m = _TEMPORARY.match(name)
    return m.group("name") if m else None


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISLNK, "a symbolic link"),
)


def kind_of(mode: int) -> str:
    """What a file that is not a regular file is, for messages: "a named pipe (FIFO)", "a socket", …"""
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


class NotRegularFile(OSError):
    """A path that names something other than a regular file (a pipe, a socket, a device)."""

    def __init__(self, path: str, mode: int) -> None:
        self.kind = kind_of(mode)
        self.path = path
        super().__init__(f"{path}: {self.kind}, not a regular file")


_READ_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def open_regular(path: str) -> BinaryIO:
    """Open a regular file for reading (links are followed). Raises :class:`NotRegularFile` for
    anything else without reading it, and what ``open`` raises (IsADirectoryError for a folder)."""
    st = os.stat(path)
    if stat.S_ISDIR(st.st_mode):
        raise IsADirectoryError(21, "Is a directory", path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegularFile(path, st.st_mode)
    # O_NONBLOCK: if the path became a named pipe since the stat, opening it must not wait for a writer.
    fd = os.open(path, _READ_FLAGS)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegularFile(path, st.st_mode)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str) -> bytes:
    """The bytes of a regular file (see :func:`open_regular`)."""
    with open_regular(path) as fh:
        return fh.read()


def same_file(a: os.stat_result, b: os.stat_result) -> bool:
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino)


def file_size(path: str) -> int:
    """The size of a regular file; 0 for anything else (its errors are reported when it is read)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return 0
    return st.st_size if stat.S_ISREG(st.st_mode) else 0


def display_path(path: str | os.PathLike[str], cwd: str) -> str:
    """The path as the user should see it: relative to the working folder when inside it."""
    p = os.fspath(path)
    if p == "-":
        return p
    try:
        rel = os.path.relpath(os.path.abspath(p), cwd)
    except ValueError:
        return p
    return p if rel.startswith("..") else rel.replace(os.sep, "/")
