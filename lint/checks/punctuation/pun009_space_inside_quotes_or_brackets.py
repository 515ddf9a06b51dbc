"""PUN009: a space just inside quotation marks or brackets."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from lint.checks.base import rule_meta
from lint.checks.punctuation.marks import (
    BRACKET_CLOSE,
    EMOTICON_EYES,
    quote_events,
)
from lint.document import Document
from lint.rules import CheckContext, Match

_INNER_SPACE = " \t\u00a0\u2009\u202f"
_QUOTE_CHARACTERS = set("'‘’\"“”«»‹›„")
_BRACKETS = re.compile(r"[()\[\]{}]")


def _bracket_inner_spaces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the spaces after an opening bracket, or before a closing one, inside a pair of
    brackets with words in it: "( testo )". An empty pair ("[ ]", a check box), emoticons (":-( ok") and
    marks that pair with nothing ("]]>") are left alone."""
    stack: list[int] = []
    for m in _BRACKETS.finditer(text):
        i = m.start()
        if text[i] in "([{":
            if not (text[i] == "(" and EMOTICON_EYES.search(text, max(0, i - 3), i)):
                stack.append(i)
            continue
        if not stack or text[stack[-1]] != BRACKET_CLOSE[text[i]]:
            continue
        opening = stack.pop()
        inside = text[opening + 1 : i]
        if "\n" in inside or "\r" in inside or not inside.strip(_INNER_SPACE):
            continue
        lead = len(inside) - len(inside.lstrip(_INNER_SPACE))
        trail = len(inside) - len(inside.rstrip(_INNER_SPACE))
        if lead:
            yield opening + 1, opening + 1 + lead
        if trail:
            yield i - trail, i


class SpaceInsideQuotesOrBrackets:
    meta = rule_meta(
        code="PUN009",
        name="space-inside-quotes-or-brackets",
        category="punctuation",
        severity="error",
        message={
            "it": "Spazio dentro {kind}: le virgolette e le parentesi si attaccano alle parole che racchiudono",
            "en": "Space inside {kind}: quotation marks and brackets attach to the words they enclose",
        },
        description={
            "it": (
                "Uno spazio dopo le virgolette o la parentesi che si aprono, o prima di quelle che si chiudono: "
                '«ha detto " basta" ieri», «( testo )», «“ pace ”». In italiano e in inglese i segni si '
                "attaccano alle parole che racchiudono; lo spazio viene da testi ricomposti o tokenizzati. Le "
                "virgolette sono accoppiate come per PUN005 (i segni di pollice non contano); una coppia vuota "
                "(«[ ]», una casella da spuntare) non è segnalata. La correzione (sicura) toglie lo spazio."
            ),
            "en": (
                "A space after an opening quotation mark or bracket, or before a closing one: 'he said \" "
                'enough" today\', "( text )", "“ peace ”". In English and Italian the marks attach to the '
                "words they enclose; the space comes from recomposed or tokenised copy. Quotation marks are "
                'paired as for PUN005 (inch marks do not count); an empty pair ("[ ]", a check box) is not '
                "flagged. The fix (safe) removes the space."
            ),
        },
        flagged=[
            ("it", 'Il ministro ha detto "⟦ ⟧basta" e se n’è andato.'),
            ("it", "La riunione (⟦ ⟧la terza dell’anno⟦ ⟧) si è chiusa tardi."),
            ("en", "The envoy called it “a good start⟦ ⟧” and left."),
        ],
        clean=[
            ("it", 'Il ministro ha detto "basta" (e non altro) e se n’è andato, con un 15" e un 17" .'),
            ("en", "- [ ] A box to tick, and “a good start”."),
        ],
        fix="safe",
        fixed={
            'Il ministro ha detto "⟦ ⟧basta" e se n’è andato.': 'Il ministro ha detto "basta" e se n’è andato.',
            "La riunione (⟦ ⟧la terza dell’anno⟦ ⟧) si è chiusa tardi.": "La riunione (la terza dell’anno) si è chiusa tardi.",
            "The envoy called it “a good start⟦ ⟧” and left.": "The envoy called it “a good start” and left.",
        },
    )

    _KIND: ClassVar[dict[str, tuple[str, str]]] = {
        "it": ("le virgolette", "la parentesi"),
        "en": ("quotation marks", "brackets"),
    }

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        text = document.prose.text
        quotes, brackets = self._KIND.get(document.language or "", self._KIND["en"])
        found: list[Match] = []
        for event in quote_events(document):
            if event.kind != "pair" or "\n" in text[event.at : event.end]:
                continue
            inside = text[event.at + 1 : event.end]
            if not inside.strip(_INNER_SPACE):
                continue
            lead = len(inside) - len(inside.lstrip(_INNER_SPACE))
            trail = len(inside) - len(inside.rstrip(_INNER_SPACE))
            # Between two quotation marks a space keeps nested quotes apart: "… 'non posso' ".
            if lead and inside[lead] in _QUOTE_CHARACTERS:
                lead = 0
            if trail and inside[-trail - 1] in _QUOTE_CHARACTERS:
                trail = 0
            if lead:
                found.append(self._match(event.at + 1, event.at + 1 + lead, quotes))
            if trail:
                found.append(self._match(event.end - trail, event.end, quotes))
        for start, end in _bracket_inner_spaces(text):
            found.append(self._match(start, end, brackets))
        yield from sorted(found, key=lambda m: m.start)

    @staticmethod
    def _match(start: int, end: int, kind: str) -> Match:
        return Match(start, end, args={"kind": kind}, replacement="")
