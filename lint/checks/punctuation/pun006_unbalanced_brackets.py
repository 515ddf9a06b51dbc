"""PUN006: brackets that do not pair up within a paragraph (or the next)."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.punctuation.marks import (
    BRACKET_CLOSE,
    BRACKET_MARKS,
    BRACKET_OPEN,
    EMOTICON_EYES,
    ENUMERATOR,
    marks_by_paragraph,
    pair,
)
from lint.document import Document
from lint.rules import CheckContext, Match


class UnbalancedBrackets:
    meta = rule_meta(
        code="PUN006",
        name="unbalanced-brackets",
        category="punctuation",
        severity="error",
        # Any language: brackets pair up in every language.
        languages=None,
        message={
            "it": "Parentesi non bilanciate: la parentesi {mark} non viene chiusa in questo paragrafo (manca {other})",
            "en": "Unbalanced brackets: bracket {mark} is not closed in this paragraph (no {other})",
        },
        messages={
            "close": {
                "it": "Parentesi non bilanciate: la parentesi {mark} chiude una parentesi mai aperta (manca {other})",
                "en": "Unbalanced brackets: bracket {mark} closes a bracket that was never opened (no {other} before it)",
            },
        },
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

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        text = document.prose.text
        paragraphs = document.paragraphs()
        carried: list[tuple[str, int]] = []  # brackets left open at the end of the previous paragraph
        previous = -2
        for index, _end, marks in marks_by_paragraph(document, BRACKET_MARKS, "bracket-marks"):
            start = paragraphs[index][0]
            if index != previous + 1:
                for mark, at in carried:
                    yield self._match(at, None, mark, BRACKET_OPEN[mark])
                carried = []
            previous = index

            def skip(ch: str, i: int, start: int = start) -> bool:
                return ch == "(" and bool(EMOTICON_EYES.search(text, max(start, i - 3), i))

            # A bracket may close in the next paragraph: the openers left open here go on there.
            opened_before = {at for _, at in carried}
            left: list[tuple[str, int]] = []
            for kind, at, mark in pair(iter(marks), BRACKET_OPEN, BRACKET_CLOSE, skip, list(carried)):
                if kind == "close":
                    if mark == ")" and self._list_marker_or_emoticon(text, start, at):
                        continue
                    yield self._match(at, "close", mark, BRACKET_CLOSE[mark])
                elif kind == "end" and at not in opened_before:
                    left.append((mark, at))
                else:
                    yield self._match(at, None, mark, BRACKET_OPEN[mark])
            carried = left
        for mark, at in carried:
            yield self._match(at, None, mark, BRACKET_OPEN[mark])

    @staticmethod
    def _list_marker_or_emoticon(text: str, start: int, i: int) -> bool:
        window = max(start, i - 6)
        return bool(ENUMERATOR.search(text, window, i) or EMOTICON_EYES.search(text, window, i))

    @staticmethod
    def _match(at: int, template: str | None, mark: str, other: str) -> Match:
        return Match(at, at + 1, args={"mark": mark, "other": other}, template=template)
