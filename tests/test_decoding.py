"""Bytes to text: BOMs, UTF-16, invalid UTF-8 with a useful message, binary input."""

from __future__ import annotations

import codecs

import pytest

from lint.decoding import BinaryInput, DecodeError, decode


def test_utf8_with_and_without_bom():
    assert decode("perché".encode()).text == "perché"
    decoded = decode(codecs.BOM_UTF8 + "perché".encode())
    assert decoded.text == "perché" and decoded.bom and decoded.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    decoded = decode(bom + "Città,, qui\r\n".encode(codec))
    assert decoded.text == "Città,, qui\r\n" and decoded.encoding == codec


def test_line_ends_are_kept():
    assert decode(b"a\r\nb\rc\n").text == "a\r\nb\rc\n"


def test_invalid_utf8_says_where_and_suggests_an_encoding():
    data = b"riga uno\nperch\xe8 s\x93\xec\x94\n"
    with pytest.raises(DecodeError) as info:
        decode(data)
    message = str(info.value)
    assert "line 2" in message and "0xE8" in message
    assert "--encoding cp1252" in message


def test_latin1_hint_when_no_windows_bytes():
    with pytest.raises(DecodeError, match="--encoding latin-1"):
        decode(b"perch\xe8 no")


def test_forced_encoding():
    assert decode(b"perch\xe9 \x93s\xec\x94", "cp1252").text == "perché “sì”"


def test_nul_bytes_mean_binary():
    with pytest.raises(BinaryInput):
        decode(b"PNG\x00\x01\x02")


def test_unknown_encoding():
    with pytest.raises(DecodeError, match="unknown encoding"):
        decode(b"abc", "no-such-codec")
