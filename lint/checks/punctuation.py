"""Punctuation checks that need more than a pattern: quotation marks and brackets that do not pair up.

Both work paragraph by paragraph, so an unclosed mark is caught where it happens, not pages later.
The simpler punctuation rules (doubled marks, spacing) are data: ``rules/common/punctuation.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import Match

_QUOTE_OPEN = {"“": "”", "«": "»"}
_QUOTE_CLOSE = {v: k for k, v in _QUOTE_OPEN.items()}
_BRACKET_OPEN = {"(": ")", "[": "]", "{": "}"}
_BRACKET_CLOSE = {v: k for k, v in _BRACKET_OPEN.items()}
_SPACE_OR_OPENING = set(" \t\r\n\u00a0\u202f([{«“‘—–-/'’")
# "a)", "1)", "iv)", "2b)": list enumerators close a bracket that was never opened.
_ENUMERATOR = regex.compile(r"(?<![^\s(;:,.—–-])(?:\p{L}{1,2}|\p{N}{1,3}|[ivxIVX]{1,5})\.?$")
_EMOTICON_EYES = regex.compile(r"[:;=8][-^'o]?$")

_DETAIL = {
    "it": {
        "open": "{mark} è aperta ma non viene chiusa in questo paragrafo (manca {other})",
        "close": "{mark} chiude un segno che non è stato aperto (manca {other})",
        "open_bracket": "la parentesi {mark} non viene chiusa in questo paragrafo (manca {other})",
        "close_bracket": "la parentesi {mark} chiude una parentesi mai aperta (manca {other})",
    },
    "en": {
        "open": "{mark} is opened but not closed in this paragraph (no {other})",
        "close": "{mark} closes a mark that was never opened (no {other} before it)",
        "open_bracket": "bracket {mark} is not closed in this paragraph (no {other})",
        "close_bracket": "bracket {mark} closes a bracket that was never opened (no {other} before it)",
    },
}


def _detail(language: str | None, key: str, mark: str, other: str) -> str:
    table = _DETAIL.get(language or "", _DETAIL["en"])
    return table[key].format(mark=mark, other=other)


_QUOTE_MARKS = regex.compile(r"[“”«»]")
_STRAIGHT_QUOTE = regex.compile(r'"')
_BRACKET_MARKS = regex.compile(r"[()\[\]{}]")


def _pair(
    marks: Iterator[regex.Match[str]],
    opening: Mapping[str, str],
    closing: Mapping[str, str],
    skip: Any = None,
) -> Iterator[tuple[str, int, str]]:
    """Pair opening and closing marks by nesting, and yield the marks left without a partner:
    ("close", offset, mark) for a closer with no opener, ("open", …) for an opener skipped by a later
    closer, and ("end", …) for an opener still open when the marks run out."""
    stack: list[tuple[str, int]] = []
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


def _marks_by_paragraph(
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


class UnbalancedQuotes:
    meta = rule_meta(
        code="PUN005",
        name="unbalanced-quotes",
        category="punctuation",
        severity="error",
        message={"it": "Virgolette non bilanciate: {detail}", "en": "Unbalanced quotation marks: {detail}"},
        description={
            "it": (
                "Segnala, paragrafo per paragrafo, le virgolette aperte e mai chiuse o chiuse senza essere "
                'state aperte: “…”, «…» e le virgolette dritte "…". Una citazione che prosegue nel paragrafo '
                "successivo può restare aperta, se il paragrafo seguente si apre con le stesse virgolette "
                "(la convenzione tipografica). Apostrofi e virgolette semplici non sono controllati, perché ’ "
                'serve anche da apostrofo; i segni di pollice (15") sono ignorati. Nei testi tradotti a '
                "macchina una virgoletta persa è tra i danni più comuni."
            ),
            "en": (
                "Flags, paragraph by paragraph, quotation marks opened and never closed, or closed without being "
                'opened: “…”, «…» and straight "…". A quotation that runs on into the next paragraph may stay '
                "open when that paragraph starts with the same mark (the typographic convention). Apostrophes "
                'and single quotes are not checked, since ’ is also the apostrophe; inch marks (15") are ignored.'
            ),
        },
        flagged=[
            ("it", "Ha detto: ⟦“⟧non ci sono alternative al dialogo."),
            ("it", "Il ministro ha parlato di ⟦«⟧sanzioni dure⟦”⟧ e poi se n’è andato."),
            ("it", "La portavoce ha aggiunto: siamo pronti⟦»⟧."),
            ("en", 'She said ⟦"⟧we are ready to respond.'),
        ],
        clean=[
            ("it", "Ha detto: “non ci sono alternative” e se n’è andato."),
            ("it", "«Siamo pronti», ha detto. «Ma non a tutto.»"),
            ("it", "«Prima parte della citazione,\n\n«seconda parte che la chiude.»"),
            ("en", 'The screen measures 15" across and the "smart" model costs more.'),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        lang = document.language
        paragraphs = document.paragraphs()
        for index, _end, marks in _marks_by_paragraph(document, _QUOTE_MARKS, "quote-marks"):
            continues = _next_paragraph_opens(text, paragraphs, index, "“«")
            for kind, at, mark in _pair(iter(marks), _QUOTE_OPEN, _QUOTE_CLOSE):
                if kind == "end" and continues:
                    continue  # a quotation that runs on into the next paragraph
                if kind == "close":
                    yield self._match(at, lang, "close", mark, _QUOTE_CLOSE[mark])
                else:
                    yield self._match(at, lang, "open", mark, _QUOTE_OPEN[mark])
        for index, end, marks in _marks_by_paragraph(document, _STRAIGHT_QUOTE, "straight-quotes"):
            start = paragraphs[index][0]
            yield from self._straight(
                text, start, end, marks, lang, _next_paragraph_opens(text, paragraphs, index, '"')
            )

    @staticmethod
    def _match(at: int, language: str | None, key: str, mark: str, other: str) -> Match:
        return Match(at, at + 1, args={"detail": _detail(language, key, mark, other), "mark": mark})

    def _straight(
        self,
        text: str,
        start: int,
        end: int,
        marks: list[regex.Match[str]],
        lang: str | None,
        continues: bool,
    ) -> Iterator[Match]:
        open_at: int | None = None
        for m in marks:
            i = m.start()
            before = text[i - 1] if i > start else " "
            after = text[i + 1] if i + 1 < end else " "
            if before.isdigit() and not after.isalnum():
                continue  # an inch mark: 15"
            opens = before in _SPACE_OR_OPENING and not after.isspace()
            closes = not before.isspace() and (after.isspace() or not after.isalnum())
            if open_at is None:
                if closes and not opens:
                    yield self._match(i, lang, "close", '"', '"')
                else:
                    open_at = i
            elif opens and not closes:
                yield self._match(open_at, lang, "open", '"', '"')
                open_at = i
            else:
                open_at = None
        if open_at is not None and not continues:
            yield self._match(open_at, lang, "open", '"', '"')


class UnbalancedBrackets:
    meta = rule_meta(
        code="PUN006",
        name="unbalanced-brackets",
        category="punctuation",
        severity="error",
        # Any language: brackets pair up in every language.
        languages=None,
        message={"it": "Parentesi non bilanciate: {detail}", "en": "Unbalanced brackets: {detail}"},
        description={
            "it": (
                "Segnala, paragrafo per paragrafo, le parentesi tonde, quadre e graffe aperte e mai chiuse, "
                "chiuse senza essere state aperte, o chiuse dal segno sbagliato. Restano puliti gli elenchi "
                "come «a)», «1)», «iv)» e le faccine come «:)»."
            ),
            "en": (
                "Flags, paragraph by paragraph, round, square and curly brackets opened and never closed, "
                'closed without being opened, or closed by the wrong mark. List markers such as "a)", "1)", '
                '"iv)" and emoticons such as ":)" stay clean.'
            ),
        },
        flagged=[
            ("it", "Il vertice ⟦(⟧il terzo dell’anno si terrà a Ginevra."),
            ("it", "Il vertice si terrà a Ginevra, il 10 gennaio⟦)⟧ alla presenza dei ministri."),
            ("en", "The talks ⟦(⟧the third this year will be held in Geneva."),
        ],
        clean=[
            (
                "it",
                "L’Organizzazione per la sicurezza e la cooperazione in Europa (OSCE) discuterà il piano.",
            ),
            ("it", "Le condizioni sono due: a) il ritiro delle truppe; b) la fine delle sanzioni."),
            ("en", "The conditions are: 1) a withdrawal; 2) an end to sanctions [sic]."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        lang = document.language
        paragraphs = document.paragraphs()
        for index, _end, marks in _marks_by_paragraph(document, _BRACKET_MARKS, "bracket-marks"):
            start = paragraphs[index][0]

            def skip(ch: str, i: int, start: int = start) -> bool:
                return ch == "(" and bool(_EMOTICON_EYES.search(text, max(start, i - 3), i))

            for kind, at, mark in _pair(iter(marks), _BRACKET_OPEN, _BRACKET_CLOSE, skip):
                if kind == "close":
                    if mark == ")" and self._list_marker_or_emoticon(text, start, at):
                        continue
                    yield self._match(at, lang, "close_bracket", mark, _BRACKET_CLOSE[mark])
                else:  # "open" or "end": brackets do not run on across paragraphs
                    yield self._match(at, lang, "open_bracket", mark, _BRACKET_OPEN[mark])

    @staticmethod
    def _list_marker_or_emoticon(text: str, start: int, i: int) -> bool:
        window = max(start, i - 6)
        return bool(_ENUMERATOR.search(text, window, i) or _EMOTICON_EYES.search(text, window, i))

    @staticmethod
    def _match(at: int, language: str | None, key: str, mark: str, other: str) -> Match:
        return Match(at, at + 1, args={"detail": _detail(language, key, mark, other), "mark": mark})


RULES = [UnbalancedQuotes(), UnbalancedBrackets()]
