"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or an encoding the user names.

Line ends are kept as they are. Undecodable input is an error that says where and what to do;
input with NUL bytes is treated as binary and skipped with a note.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass


class DecodeError(Exception):
    pass


class BinaryInput(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    bom: bool


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _line_and_column(data: bytes, index: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, index) + 1
    column = index - (data.rfind(b"\n", 0, index) + 1) + 1
    return line, column


_WINDOWS_BYTES = re.compile(rb"[\x80-\x9f]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _nul_is_ordinary(encoding: str | None) -> bool:
    """Whether NUL bytes are part of ordinary text in ``encoding`` (UTF-16 and UTF-32)."""
    if not encoding:
        return False
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False  # reported as an unknown encoding when decoding
    return name.startswith(("utf-16", "utf-32"))


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode file contents. ``encoding`` forces a codec (BOMs are still honoured and removed)."""
    decoder = StreamDecoder(iter((data,)), encoding)
    return Decoded("".join(decoder), decoder.encoding, decoder.bom)


class StreamDecoder:
    """Decodes a file a block at a time (:func:`decode` is the one-block case).

    ``encoding`` and ``bom`` are known once the first block is in; iterating gives the text in
    pieces, and raises :class:`BinaryInput` for NUL bytes (outside UTF-16) and :class:`DecodeError`
    for bytes the codec refuses, saying where and what to do, as if the file had been read whole.
    """

    def __init__(self, blocks: Iterator[bytes], encoding: str | None = None) -> None:
        self._blocks = blocks
        self._forced = encoding
        first = next(blocks, b"")
        while len(first) < 4:  # enough to see a byte-order mark
            more = next(blocks, None)
            if more is None:
                break
            first += more
        self.bom = False
        self.encoding = encoding or "utf-8"
        self._codec = self.encoding
        for bom, name in _BOMS:
            if first.startswith(bom):
                first = first[len(bom) :]
                self.bom = True
                self._codec = name
                self.encoding = name if name != "utf-8" else "utf-8-sig"
                break
        if not self.bom and self.encoding.lower().replace("_", "-") in ("utf-16", "utf16", "utf-32", "utf32"):
            # Without a byte-order mark Python reads these as little-endian; name it, so that --fix
            # writes the text back the same way (``utf-16`` would add a byte-order mark).
            self.encoding = codecs.lookup(self.encoding).name + "-le"
        self._first = first
        # NUL bytes mean binary, except in a forced encoding where they are ordinary (UTF-16, UTF-32):
        # with a byte-order mark or with such an encoding named, they are not looked for.
        self._nul_means_binary = not self.bom and not _nul_is_ordinary(encoding)

    def __iter__(self) -> Iterator[str]:
        pending = b""
        lines_before = 0  # line ends in the bytes already decoded
        since_newline = 0  # bytes since the last of them
        seen_windows_bytes = False  # any byte in 0x80-0x9F so far (the hint of an invalid file)
        block: bytes | None = self._first
        while block is not None:
            following = next(self._blocks, None)
            final = following is None
            if self._nul_means_binary and b"\x00" in block:
                raise BinaryInput("contains NUL bytes, so it looks binary")
            data = pending + block
            try:
                text = data.decode(self._codec)
                pending = b""
            except LookupError:
                raise DecodeError(f"unknown encoding {self._forced!r}") from None
            except UnicodeDecodeError as exc:
                if not final and exc.end >= len(data) and len(data) - exc.start < 4:
                    # A character cut in two by the block boundary: finish it with the next block.
                    text = data[: exc.start].decode(self._codec)
                    pending = data[exc.start :]
                else:
                    # What decoding the whole file would say: it looks for NUL bytes first, and
                    # hints at cp1252 from any byte of the file; so read the rest (a block at a time).
                    seen_windows_bytes = seen_windows_bytes or bool(_WINDOWS_BYTES.search(data))
                    for rest in self._rest(following):
                        if self._nul_means_binary and b"\x00" in rest:
                            raise BinaryInput("contains NUL bytes, so it looks binary") from None
                        seen_windows_bytes = seen_windows_bytes or bool(_WINDOWS_BYTES.search(rest))
                    raise self._error(exc, data, lines_before, since_newline, seen_windows_bytes) from None
            if self._forced and _SURROGATE.search(text):
                # A codec such as unicode_escape can produce a lone surrogate (from "\\ud800"), which
                # is not a character: no output could show it.
                raise self._surrogate_error(text, lines_before)
            newlines = data.count(b"\n", 0, len(data) - len(pending))
            if newlines:
                since_newline = (
                    len(data) - len(pending) - (data.rfind(b"\n", 0, len(data) - len(pending)) + 1)
                )
            else:
                since_newline += len(data) - len(pending)
            lines_before += newlines
            if not self._forced and not seen_windows_bytes:
                seen_windows_bytes = bool(_WINDOWS_BYTES.search(block))
            if text:
                yield text
            block = following

    def _surrogate_error(self, text: str, lines_before: int) -> DecodeError:
        at = _SURROGATE.search(text)
        assert at is not None
        line = lines_before + text.count("\n", 0, at.start()) + 1
        return DecodeError(
            f"decoding it as {self._forced} gives a lone surrogate (U+{ord(at.group()):04X}) at line {line}, "
            "which is not a character and cannot be shown; pass the encoding the file was written in "
            "(utf-8 unless told otherwise)"
        )

    def _rest(self, following: bytes | None) -> Iterator[bytes]:
        """The blocks not yet decoded, read one at a time."""
        if following is not None:
            yield following
        yield from self._blocks

    def _error(
        self, exc: UnicodeDecodeError, data: bytes, lines_before: int, since_newline: int, windows_bytes: bool
    ) -> DecodeError:
        if self.bom:
            return DecodeError(
                f"starts with a {self._codec} byte-order mark but is not valid {self._codec}: {exc.reason}"
            )
        line, column = _line_and_column(data, exc.start)
        if line == 1:
            column += since_newline
        line += lines_before
        if self._forced:
            return DecodeError(f"not valid {self._forced} at line {line}, byte column {column}: {exc.reason}")
        # The hint: curly quotes and dashes of Windows exports live in 0x80-0x9F.
        return DecodeError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02X} at line {line}, byte column {column}); "
            f"save it as UTF-8, or pass --encoding {'cp1252' if windows_bytes else 'latin-1'} "
            "if that is what it was written in"
        )
