"""quoted_spans() visits only the quotation marks: it pairs exactly what a walk over every character
pairs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.prose import _OPENERS, _PAIR_OF_CLOSER, paragraph_spans, quoted_spans


def _plain_quoted_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraph_spans(text):
        stack: list[tuple[str, int]] = []
        straight: int | None = None
        for i in range(p_start, p_end):
            ch = text[i]
            if ch == "“" and stack and stack[-1][0] == "„":
                spans.append((stack.pop()[1], i + 1))
            elif ch in _OPENERS:
                stack.append((ch, i))
            elif ch in _PAIR_OF_CLOSER:
                opener = _PAIR_OF_CLOSER[ch]
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == opener:
                        spans.append((stack[k][1], i + 1))
                        del stack[k:]
                        break
            elif ch == '"':
                if straight is None:
                    straight = i
                else:
                    spans.append((straight, i + 1))
                    straight = None
    spans.sort()
    return spans


PIECES = ["“", "”", "«", "»", "„", '"', "'", "’", "a", "parola", " ", "\n", "\n\n", "\r\n\r\n", "\n \n", "."]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=24))
def test_quoted_spans_pair_what_the_walk_over_every_character_pairs(pieces):
    text = "".join(pieces)
    assert quoted_spans(text) == _plain_quoted_spans(text)


def test_quoted_spans_on_written_quotations():
    text = (
        'Ha detto «non è così» e poi “basta”. Il giornale ha scritto „Nein“ e "stop".\n\n'
        "«Un paragrafo con «citazioni «annidate» e „tedesche“ e un “apice\n\nche non chiude»."
    )
    assert quoted_spans(text) == _plain_quoted_spans(text)
    assert (text.index("«non"), text.index("così»") + 5) in quoted_spans(text)
