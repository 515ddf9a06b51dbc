"""Offsets, lines and columns, and the prose-to-source map."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lint.document import LineIndex, Prose, ProseBuilder
from lint.findings import Position


@pytest.mark.parametrize(
    ("text", "offset", "expected"),
    [
        ("abc", 0, (1, 1)),
        ("abc", 3, (1, 4)),
        ("a\nb", 2, (2, 1)),
        ("a\r\nb", 3, (2, 1)),
        ("a\r\nb", 2, (1, 3)),  # between CR and LF: still line 1
        ("a\rb", 2, (2, 1)),
        ("a\r\rb", 3, (3, 1)),
        ("x\n\r\ny", 4, (3, 1)),
        ("città\nperché", 12, (2, 7)),  # columns count code points
        ("🇮🇹 a", 3, (1, 4)),  # a flag is two code points
    ],
)
def test_positions(text, offset, expected):
    assert LineIndex(text).position(offset) == Position(*expected)


def test_line_text_and_offsets_round_trip():
    text = "uno\r\ndue\rtre\nquattro"
    index = LineIndex(text)
    assert index.line_count == 4
    assert [index.line_text(n) for n in range(1, 5)] == ["uno", "due", "tre", "quattro"]
    for offset in range(len(text) + 1):
        pos = index.position(offset)
        assert index.offset(pos.line, pos.column) == offset


def test_position_outside_text_is_an_error():
    with pytest.raises(ValueError):
        LineIndex("abc").position(4)


@given(st.lists(st.sampled_from(["a", "è", "🇮🇹", " ", "\n", "\r", "\r\n", "\u2028", ","]), max_size=60))
def test_positions_agree_with_splitting(parts):
    text = "".join(parts)
    index = LineIndex(text)
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = normalised.split("\n")
    assert index.line_count == len(lines)
    for offset in range(len(text) + 1):
        pos = index.position(offset)
        assert 1 <= pos.line <= len(lines)
        assert 1 <= pos.column <= len(index.line_text(pos.line)) + 2  # +1 past the end, +1 inside CRLF


def test_prose_maps_pieces_back_to_source():
    source = "# T\n\nuno &amp; due **tre**"
    b = ProseBuilder()
    b.begin_block("heading")
    b.add_source(2, "T")
    b.end_block()
    b.add_separator(3)
    b.begin_block()
    b.add_source(5, "uno ")
    b.add_mapped(9, 5, "&")
    b.add_source(14, " due ")
    b.add_source(21, "tre")
    prose = b.build()
    assert prose.text == "T\n\nuno & due tre"
    amp = prose.text.index("&")
    assert prose.to_source(amp) == 9
    assert prose.end_to_source(amp + 1) == 14  # the whole entity
    tre = prose.text.index("tre")
    assert source[prose.to_source(tre) : prose.end_to_source(tre + 3)] == "tre"
    assert prose.is_verbatim(tre, tre + 3)
    assert not prose.is_verbatim(amp - 1, amp + 2)
    assert [b.kind for b in prose.blocks] == ["heading", "paragraph"]


def test_verbatim_prose_is_the_source_itself():
    source = "testo"
    prose = Prose.verbatim(source)
    assert prose.text is source
    assert prose.to_source(3) == 3 and prose.end_to_source(5) == 5
