"""Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, or an encoding the user names.

Line ends are kept as they are. Undecodable input is an error that says where and what to do;
input with NUL bytes is treated as binary and skipped with a note.
"""

from __future__ import annotations

import codecs
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


def _guess_legacy(data: bytes) -> str:
    """A hint at the encoding of bytes that are not UTF-8."""
    if any(0x80 <= b <= 0x9F for b in data):
        return "cp1252"  # curly quotes and dashes of Windows exports live in 0x80-0x9F
    return "latin-1"


def decode(data: bytes, encoding: str | None = None) -> Decoded:
    """Decode file contents. ``encoding`` forces a codec (BOMs are still honoured and removed)."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(name), name if name != "utf-8" else "utf-8-sig", True)
            except UnicodeDecodeError as exc:
                raise DecodeError(
                    f"starts with a {name} byte-order mark but is not valid {name}: {exc.reason}"
                ) from None
    if b"\x00" in data:
        raise BinaryInput("contains NUL bytes, so it looks binary")
    codec = encoding or "utf-8"
    try:
        return Decoded(data.decode(codec), codec, False)
    except UnicodeDecodeError as exc:
        if encoding:
            line, column = _line_and_column(data, exc.start)
            raise DecodeError(
                f"not valid {encoding} at line {line}, byte column {column}: {exc.reason}"
            ) from None
        line, column = _line_and_column(data, exc.start)
        guess = _guess_legacy(data)
        raise DecodeError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02X} at line {line}, byte column {column}); "
            f"save it as UTF-8, or pass --encoding {guess} if that is what it was written in"
        ) from None
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}") from None
