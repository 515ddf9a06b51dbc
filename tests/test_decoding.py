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


@pytest.mark.parametrize(
    ("forced", "codec"),
    [
        ("utf-16-le", "utf-16-le"),
        ("UTF-16BE", "utf-16-be"),
        ("utf-16", "utf-16-le"),
        ("utf_32_le", "utf-32-le"),
    ],
)
def test_a_forced_utf16_or_utf32_without_bom_is_text_not_binary(forced, codec):
    # Every other byte of UTF-16 text is NUL: naming the encoding says it is text.
    decoded = decode("Città,, qui.\n".encode(codec), forced)
    assert decoded.text == "Città,, qui.\n" and not decoded.bom
    assert (
        codecs.lookup(decoded.encoding).name == codec
    )  # written back the same way by --fix, with no byte-order mark


def test_nul_bytes_still_mean_binary_in_a_forced_single_byte_encoding():
    with pytest.raises(BinaryInput):
        decode(b"PNG\x00\x01\x02", "latin-1")


def test_a_lone_surrogate_from_a_forced_codec_is_an_error_naming_the_line():
    with pytest.raises(DecodeError) as info:
        decode(b"prima riga\nseconda \\ud800 riga\n", "unicode_escape")
    assert str(info.value) == (
        "decoding it as unicode_escape gives a lone surrogate (U+D800) at line 2, which is not a character "
        "and cannot be shown; pass the encoding the file was written in (utf-8 unless told otherwise)"
    )


def test_utf16_without_bom_and_lone_surrogates_from_the_command_line(run_cli, tmp_path):
    (tmp_path / "le.txt").write_bytes("Città,, qui.\n".encode("utf-16-le"))
    (tmp_path / "esc.txt").write_bytes(b"Citt\\u00e0,, \\udc80 qui.\n")
    utf16 = run_cli("check", "le.txt", "--encoding", "utf-16-le", "--format", "concise", cwd=tmp_path)
    assert (utf16.code, utf16.err) == (1, "")
    assert utf16.out.startswith("le.txt:1:6: error PUN001")
    escaped = run_cli("check", "esc.txt", "--encoding", "unicode_escape", cwd=tmp_path)
    assert escaped.code == 2
    assert escaped.err == (
        "refuso: error: esc.txt: decoding it as unicode_escape gives a lone surrogate (U+DC80) at line 1, which "
        "is not a character and cannot be shown; pass the encoding the file was written in (utf-8 unless told "
        "otherwise)\n"
    )
    assert "Traceback" not in escaped.out + escaped.err
