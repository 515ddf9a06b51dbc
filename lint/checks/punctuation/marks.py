"""What the punctuation rules share: finding marks paragraph by paragraph, pairing openers with
closers, and pairing quotation marks the way the press uses them (computed once per document)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

import regex

from lint.document import Document
from lint.lazyre import LazyPattern

QUOTE_OPENERS = {"“": "”", "„": "“”", "«": "»", "‹": "›"}
REVERSED_OPENERS = {"“": "”", "„": "“”", "»": "«", "›": "‹"}
_GUILLEMETS = "«»‹›"
BRACKET_OPEN = {"(": ")", "[": "]", "{": "}"}
BRACKET_CLOSE = {v: k for k, v in BRACKET_OPEN.items()}
_SPACE_OR_OPENING = set(" \t\r\n\u00a0\u202f([{«“‘—–-/'’")
# "a)", "1)", "iv)", "2b)": list enumerators close a bracket that was never opened.
ENUMERATOR = LazyPattern(r"(?<![^\s(;:,.—–-])(?:\p{L}{1,2}|\p{N}{1,3}\p{L}?|[ivxIVX]{1,5})\.?$")
EMOTICON_EYES = regex.compile(r"[:;=8][-^'o]?$")

_QUOTE_MARKS = regex.compile(r'[“”«»‹›„"]')
BRACKET_MARKS = regex.compile(r"[()\[\]{}]")


def pair(
    marks: Iterator[regex.Match[str]],
    opening: Mapping[str, str],
    closing: Mapping[str, str],
    skip: Any = None,
    stack: list[tuple[str, int]] | None = None,
) -> Iterator[tuple[str, int, str]]:
    """Pair opening and closing marks by nesting, and yield the marks left without a partner:
    ("close", offset, mark) for a closer with no opener, ("open", …) for an opener skipped by a later
    closer, and ("end", …) for an opener still open when the marks run out. ``stack`` holds openers
    still open from before (mark, offset)."""
    stack = stack if stack is not None else []
    for m in marks:
        ch, i = m.group(), m.start()
        if skip is not None and skip(ch, i):
            continue
        if ch in opening:
            stack.append((ch, i))
            continue
        opener = closing[ch]
        depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener), None)
        if depth is None:
            yield "close", i, ch
            continue
        for mark, pos in stack[depth + 1 :]:
            yield "open", pos, mark
        del stack[depth:]
    for mark, pos in stack:
        yield "end", pos, mark


def marks_by_paragraph(
    document: Document, pattern: regex.Pattern[str], key: str
) -> list[tuple[int, int, list[regex.Match[str]]]]:
    """The paragraphs holding at least one mark, each with its marks: one scan of the whole text."""

    def compute() -> list[tuple[int, int, list[regex.Match[str]]]]:
        from bisect import bisect_right

        paragraphs = document.paragraphs()
        starts = [p[0] for p in paragraphs]
        grouped: dict[int, list[regex.Match[str]]] = {}
        for m in pattern.finditer(document.prose.text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < paragraphs[i][1]:
                grouped.setdefault(i, []).append(m)
        return [(i, paragraphs[i][1], grouped[i]) for i in sorted(grouped)]

    return document.shared(key, compute)


def _next_paragraph_opens(text: str, paragraphs: list[tuple[int, int]], index: int, marks: str) -> bool:
    """True when the paragraph after ``index`` starts with one of ``marks`` (a quotation that goes on)."""
    if index + 1 >= len(paragraphs):
        return False
    start, end = paragraphs[index + 1]
    head = text[start:end].lstrip(" \t\u00a0-–—*>")
    return bool(head) and head[0] in marks


class QuoteEvent(NamedTuple):
    """What pairing found about a quotation mark: a mark without a partner ("open", "close"), a pair
    whose marks do not match ("mismatch": ``mark`` should be ``other``), or a pair ("pair", from ``at``
    to ``end``)."""

    kind: str
    at: int
    mark: str
    other: str
    opening: str = ""
    closing: str = ""
    end: int = -1


class _Open(NamedTuple):
    mark: str
    at: int
    carried: bool = False  # left open at the end of the previous paragraph


def _opening_shape(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return before in _SPACE_OR_OPENING and not after.isspace()


def _reversed_guillemets(text: str, start: int, end: int, marks: list[regex.Match[str]]) -> bool:
    """Whether the paragraph quotes with »…« (German, Nordic): its first guillemet is » or › in the
    place of an opening mark."""
    first = next((m for m in marks if m.group() in _GUILLEMETS), None)
    return first is not None and first.group() in "»›" and _opening_shape(text, first.start(), start, end)


def _straight_closer_ahead(text: str, marks: list[regex.Match[str]], k: int, start: int, end: int) -> bool:
    """A later straight quote in the paragraph that can only close (not after a digit, where it may be
    an inch mark): the quotation open now ends there, not at an inch mark before it."""
    for m in marks[k + 1 :]:
        if m.group() != '"':
            continue
        i = m.start()
        before = text[i - 1]
        after = text[i + 1] if i + 1 < end else " "
        if before.isdigit():
            continue
        if not before.isspace() and (after.isspace() or not after.isalnum()):
            return True
    return False


def quote_events(document: Document) -> list[QuoteEvent]:
    """The quotation marks of the document that do not pair up, and the pairs, paragraph by paragraph,
    computed once for the rules that use them (PUN005, PUN009, TYP002).

    A quotation may run on into the next paragraph when that paragraph opens with a quotation mark
    again (the convention of the press), or when the next paragraph closes it."""

    def compute() -> list[QuoteEvent]:
        text = document.prose.text
        paragraphs = document.paragraphs()
        problems: list[QuoteEvent] = []
        carried: list[_Open] = []
        previous = -2
        for index, end, marks in marks_by_paragraph(document, _QUOTE_MARKS, "quote-marks"):
            start = paragraphs[index][0]
            if index != previous + 1:
                problems.extend(_unclosed(carried))
                carried = []
            previous = index
            stack = [o._replace(carried=True) for o in carried]
            left = _pair_quotes(text, start, end, marks, stack, problems)
            if _next_paragraph_opens(text, paragraphs, index, '“«„"»‹›'):
                carried = []  # the quotation goes on in the next paragraph, which opens it again
                problems.extend(_unclosed([o for o in left if o.carried]))
            else:
                problems.extend(_unclosed([o for o in left if o.carried]))
                carried = [o for o in left if not o.carried]
        problems.extend(_unclosed(carried))
        problems.sort(key=lambda p: p.at)
        return problems

    return document.shared("quote-events", compute)


def _paired(opener: _Open, at: int, mark: str) -> QuoteEvent:
    return QuoteEvent("pair", opener.at, opener.mark, mark, end=at)


def _unclosed(openers: list[_Open]) -> list[QuoteEvent]:
    out = []
    for o in openers:
        other = '"' if o.mark == '"' else {**QUOTE_OPENERS, **REVERSED_OPENERS}[o.mark][0]
        out.append(QuoteEvent("open", o.at, o.mark, other))
    return out


def _pair_quotes(
    text: str,
    start: int,
    end: int,
    marks: list[regex.Match[str]],
    stack: list[_Open],
    problems: list[QuoteEvent],
) -> list[_Open]:
    """Pair the quotation marks of one paragraph by nesting; add the problems found to ``problems`` and
    return the marks still open at its end."""
    carried = next((o.mark for o in stack if o.mark in _GUILLEMETS), None)
    reverse = carried in ("»", "›") if carried else _reversed_guillemets(text, start, end, marks)
    openers = REVERSED_OPENERS if reverse else QUOTE_OPENERS
    closers: dict[str, list[str]] = {}
    for opener, closing in openers.items():
        for c in closing:
            closers.setdefault(c, []).append(opener)
    for k, m in enumerate(marks):
        ch, i = m.group(), m.start()
        top = stack[-1] if stack else None
        if ch == '"':
            _straight(text, start, end, marks, k, stack, problems)
        elif ch == "“" and top is not None and top.mark == "„":
            stack.pop()  # „…“
            problems.append(_paired(top, i, ch))
        elif ch in openers:
            stack.append(_Open(ch, i))
        elif ch in closers:
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].mark in closers[ch]), None)
            if depth is not None:
                problems.extend(_unclosed(stack[depth + 1 :]))
                problems.append(_paired(stack[depth], i, ch))
                del stack[depth:]
            elif top is not None and top.mark == '"':
                stack.pop()  # "…”: the opening mark is the wrong one
                right = closers[ch][0]
                problems.append(QuoteEvent("mismatch", top.at, '"', right, '"', ch))
                problems.append(_paired(top, i, ch))
            elif top is not None:
                stack.pop()  # “…»: the closing mark is the wrong one
                right = openers[top.mark][0]
                problems.append(QuoteEvent("mismatch", i, ch, right, top.mark, ch))
                problems.append(_paired(top, i, ch))
            else:
                problems.append(QuoteEvent("close", i, ch, closers[ch][0]))
    return stack


def _straight(
    text: str,
    start: int,
    end: int,
    marks: list[regex.Match[str]],
    k: int,
    stack: list[_Open],
    problems: list[QuoteEvent],
) -> None:
    i = marks[k].start()
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    top = stack[-1] if stack else None
    # An inch mark (15"), unless it closes a quotation open before it: "02", "size 10".
    inch = before.isdigit() and not after.isalnum()
    if inch and (top is None or top.mark != '"' or _straight_closer_ahead(text, marks, k, start, end)):
        return
    opens = before in _SPACE_OR_OPENING and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if top is not None and top.mark == '"':
        if opens and not closes:
            problems.append(QuoteEvent("open", top.at, '"', '"'))
            stack[-1] = _Open('"', i)
        else:
            stack.pop()
            problems.append(_paired(top, i, '"'))
    elif closes and not opens:
        if top is not None:
            stack.pop()  # “…": the closing mark is the wrong one
            right = {**QUOTE_OPENERS, **REVERSED_OPENERS}[top.mark][0]
            problems.append(QuoteEvent("mismatch", i, '"', right, top.mark, '"'))
            problems.append(_paired(top, i, '"'))
        else:
            problems.append(QuoteEvent("close", i, '"', '"'))
    else:
        stack.append(_Open('"', i))
