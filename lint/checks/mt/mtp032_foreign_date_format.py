"""MTP032: dates in the other language's order ("10/13/2024", "3 ottobre, 2024", "ottobre 3" in Italian;
"the 12 February" in English)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import word_spans
from lint.checks.mt.words import words
from lint.document import Document
from lint.findings import Severity
from lint.lazyre import LazyRe
from lint.rules import Match

_PREVIOUS_WORD = LazyRe(r"([\w']+)[ \u00a0]+\Z")
_DAY_BEFORE = re.compile(r"(?<![\w])(\d{1,2})[ \u00a0]+\Z")
_ROMAN_OR_DAY = re.compile(r"\d{1,2}|[IVXL]+")
_NUMERIC = LazyRe(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/]|[.,]\d)")
# What may follow "ottobre 3" for the number to be a day: punctuation, the end, a year, a time.
_AFTER_DAY = r"(?=[ \u00a0]*(?:[,.;:)!?]|$|\n|e[ \u00a0]|alle[ \u00a0]|al[ \u00a0]|dalle[ \u00a0]))"
_AFTER_DAY_EN = (
    r"(?=[ \u00a0]*(?:[,.;:)!?]|$|\n|\d{4}|(?:and|to|until|at|in|on|for|with|when|after|before)[ \u00a0]))"
)


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], ...]:
    if language == "it":
        # Each is matched at a month the document's word index found, not scanned for.
        comma_year = re.compile(r",([ \u00a0]+\d{4})(?!\d)")
        month_day = re.compile(
            rf"[ \u00a0]+([1-9]|[12]\d|3[01])(?:,[ \u00a0]+(\d{{4}}))?(?![\w.,:/]\d|\d){_AFTER_DAY}",
            re.MULTILINE,
        )
        return comma_year, month_day
    article_day = re.compile(
        r"(?:(?<![\w])[Tt]he[ \u00a0]+(\d{1,2})|(?<![\w\d])(\d{1,2})[ \u00a0]+of)[ \u00a0]+\Z"
    )
    after = re.compile(rf"(?!\w){_AFTER_DAY_EN}", re.MULTILINE)
    return article_day, after


class ForeignDateFormat:
    meta = rule_meta(
        code="MTP032",
        name="foreign-date-format",
        category="mt-phrasing",
        severity="error",
        message={
            "it": "«{match}» è una data all'americana: in italiano si scrive «{suggestion}»",
            "en": "“{match}” is a date in Italian order: in English write “{suggestion}”",
        },
        description={
            "it": (
                "Segnala le date rimaste nell'ordine inglese: «10/13/2024», dove il mese viene prima del giorno "
                "(un errore certo quando il secondo numero supera 12; quando entrambi possono essere un mese la "
                "data non è giudicata), «3 ottobre, 2024» con la virgola prima dell'anno, «ottobre 3» con il "
                "mese prima del giorno. Nei testi inglesi tradotti dall'italiano segnala «the 12 February» e «12 "
                "of February». Restano fuori le date italiane, gli indirizzi («via XX Settembre») e i numeri "
                "che seguono il mese senza essere un giorno («a ottobre 3 milioni di persone»)."
            ),
            "en": (
                'Flags dates left in the source language\'s order: in Italian copy "10/13/2024" (month first: an '
                'error when the second number is over 12; ambiguous dates are not judged), "3 ottobre, 2024" and '
                '"ottobre 3"; in English copy translated from Italian "the 12 February" and "12 of February". '
                "The fix changes words: it is unsafe."
            ),
        },
        flagged=[
            ("it", "L'udienza è fissata per il ⟦10/13/2024⟧ a Washington."),
            ("it", "Il vertice si è aperto il ⟦3 ottobre, 2024⟧ a Bruxelles."),
            ("it", "La decisione è attesa per ⟦ottobre 3⟧."),
            ("en", "The strike was called from ⟦the 12 February⟧."),
        ],
        clean=[
            ("it", "L'udienza è fissata per il 13/10/2024 e il vertice si è aperto il 3 ottobre 2024."),
            ("it", "A ottobre 3 milioni di persone hanno votato; la sede è in via XX Settembre 12."),
            ("it", "La legge 104/1992 vale dal 5/3/2024."),
            ("en", "The strike was called from 12 February; the 12 February deadline stands."),
        ],
        fix="unsafe",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        lang = document.language
        if lang not in ("it", "en"):
            return
        text = document.prose.text
        months = word_spans(document, {m.casefold() for m in words(lang)["months"]})
        if lang == "it":
            if "/" in text:
                yield from self._numeric(text)
            comma_year, month_day = _patterns("it")
            street = words("it")["street_words"]
            for start, end in months:
                month = text[start:end]
                day = _DAY_BEFORE.search(text, max(0, start - 4), start)
                found = comma_year.match(text, end) if day else None
                if found:
                    fixed = f"{day.group(1)} {month}{found.group(1)}"
                    yield Match(
                        day.start(1),
                        found.end(),
                        suggestions=(fixed,),
                        replacement=fixed,
                        severity=Severity.WARNING,
                    )
                    continue
                m = month_day.match(text, end)
                if m is None:
                    continue
                previous = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
                if previous and (
                    previous.group(1).casefold() in street or _ROMAN_OR_DAY.fullmatch(previous.group(1))
                ):
                    continue  # "via XX Settembre 12", "il 3 ottobre 12 persone"
                day_number, year = m.group(1), m.group(2)
                fixed = f"{day_number} {month.lower()}" + (f" {year}" if year else "")
                yield Match(
                    start, m.end(), suggestions=(fixed,), replacement=fixed, severity=Severity.WARNING
                )
        else:
            article_day, after = _patterns("en")
            for start, end in months:
                m = article_day.search(text, max(0, start - 12), start)
                if m is None or not after.match(text, end):
                    continue
                month = text[start:end]
                fixed = f"{m.group(1) or m.group(2)} {month}"
                yield Match(
                    m.start(), end, suggestions=(fixed,), replacement=fixed, severity=Severity.WARNING
                )

    @staticmethod
    def _numeric(text: str) -> Iterator[Match]:
        slash = text.find("/")
        while slash >= 0:
            at = slash - 2 if slash >= 2 and text[slash - 2].isdigit() else slash - 1
            m = _NUMERIC.match(text, max(0, at))
            slash = text.find("/", slash + 1)
            if m is None:
                continue
            slash = text.find("/", m.end())
            if m.start() and (text[m.start() - 1].isdigit() or text[m.start() - 1] in "/.,-"):
                continue
            first, second = int(m.group(1)), int(m.group(2))
            if 1 <= first <= 12 and 12 < second <= 31:
                fixed = f"{m.group(2)}/{m.group(1)}/{m.group(3)}"
                yield Match(m.start(), m.end(), suggestions=(fixed,), replacement=fixed)


RULE = ForeignDateFormat()
