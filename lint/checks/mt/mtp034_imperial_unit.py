"""MTP034: imperial units left unconverted in Italian copy (miles, feet, inches, pounds, gallons,
Fahrenheit, mph), with the metric value in the message."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import italian_number, vocabulary, word_spans
from lint.checks.mt.words import words
from lint.document import Document
from lint.lazyre import LazyRe
from lint.rules import Match

_NUMBER = r"(?<![\w.,])(?P<number>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)"
_FAHRENHEIT = LazyRe(
    _NUMBER + r"[ \u00a0]*(?:°[ \u00a0]?F|gradi[ \u00a0]+Fahrenheit|gradi[ \u00a0]+F)(?![\w])"
)
_BARE_DEGREES = LazyRe(_NUMBER + r"[ \u00a0]+gradi(?![\w])(?![ \u00a0]+(?:Celsius|centigradi|C\b|di\b))")
# Screens and wheels are measured in inches in Italian too.
_INCH_CONTEXT = LazyRe(r"schermo|display|monitor|televisor|\btv\b|tablet|smartphone|cerchi|ruote", re.I)


_NUMBER_BEFORE = re.compile(r"(?<![\w.,])\d[\d.,]*[ \u00a0]+\Z")
_CONVERTED = re.compile(r"[ \u00a0]*\([ \u00a0]*(?:circa[ \u00a0]+)?\d")


@cache
def _units() -> re.Pattern[str]:
    units = "|".join(sorted(words("it")["imperial_units"], key=len, reverse=True))
    return re.compile(
        _NUMBER
        + rf"[ \u00a0]+(?P<unit>{units})(?P<speed>[ \u00a0]+(?:orari[eo]|all['’]ora|per ora))?(?![\w])"
    )


def _value(number: str) -> float | None:
    try:
        return float(number.replace(".", "").replace(",", "."))
    except ValueError:
        return None


def _rounded(value: float) -> str:
    if value >= 10:
        return italian_number(round(value), 0)
    return italian_number(round(value, 1))


class ImperialUnit:
    meta = rule_meta(
        code="MTP034",
        name="imperial-unit",
        category="mt-phrasing",
        severity="info",
        message={
            "it": "«{match}»: unità anglosassone non convertita; in italiano circa {suggestion}",
            "en": "“{match}”: an imperial unit left unconverted; Italian copy gives about {suggestion}",
        },
        description={
            "it": (
                "Segnala le misure anglosassoni lasciate nella traduzione (miglia, piedi, pollici, libbre, "
                "galloni, iarde, acri, miglia orarie, gradi Fahrenheit) e dà nel messaggio il valore nel "
                "sistema metrico. Quando l'articolo parla di gradi Fahrenheit, anche i «gradi» senza scala "
                "sopra i 50 sono segnalati. È un'informazione: certe testate lasciano l'unità originale e "
                "aggiungono la conversione. Restano fuori le miglia nautiche e i pollici di schermi e cerchi."
            ),
            "en": (
                "Flags imperial measures left in Italian copy (miles, feet, inches, pounds, gallons, yards, acres, "
                "mph, degrees Fahrenheit) with the metric value in the message; when the article speaks of "
                'Fahrenheit, bare "gradi" over 50 too. Info: some papers keep the unit and add the conversion. '
                "Nautical miles and the inches of screens and wheels are left alone."
            ),
        },
        flagged=[
            ("it", "Il muro d'acqua ha raggiunto ⟦12 piedi⟧ sulla costa."),
            ("it", "Venti fino a ⟦130 miglia orarie⟧ hanno colpito l'isola."),
            ("it", "A Phoenix si sono toccati ⟦115 gradi Fahrenheit⟧ e ieri ⟦110 gradi⟧."),
            ("it", "Ha perso ⟦30 libbre⟧ in sei mesi."),
        ],
        clean=[
            ("it", "Il muro d'acqua ha raggiunto 3,7 metri; la nave era a 12 miglia nautiche."),
            ("it", "Il nuovo telefono ha uno schermo da 6,1 pollici; l'acqua bolle a 100 gradi."),
            ("it", "Ha fatto una svolta a 180 gradi e ha camminato a piedi per 3 chilometri."),
            ("it", "La galleria scende a 100 metri (328 piedi); il bosco copre 2.000 acri (8 km²)."),
        ],
        languages=("it",),
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        table = words("it")["imperial_units"]
        present = vocabulary(document)
        units = present.intersection(table)
        fahrenheit_named = "fahrenheit" in present or "°" in text
        if not units and not fahrenheit_named:
            return
        exceptions = words("it")["unit_exceptions"]
        fahrenheit = False
        for m in _FAHRENHEIT.finditer(text) if fahrenheit_named else ():
            fahrenheit = True
            value = _value(m.group("number"))
            if value is not None:
                yield self._degrees(m, value)
        if fahrenheit:
            for m in _BARE_DEGREES.finditer(text):
                value = _value(m.group("number"))
                if value is not None and value > 50 and not _FAHRENHEIT.match(text, m.start()):
                    yield self._degrees(m, value)
        for unit_start, _unit_end in word_spans(document, units):
            number = _NUMBER_BEFORE.search(text, max(0, unit_start - 20), unit_start)
            m = _units().match(text, number.start()) if number else None
            if m is None:
                continue
            unit = m.group("unit")
            if _CONVERTED.match(text, m.end()) or text[max(0, m.start() - 1) : m.start()] == "(":
                continue  # the conversion is given beside it: "100 metri (328 piedi)"
            after = re.match(r"[ \u00a0]+(\w+)", text[m.end() : m.end() + 20])
            if after and after.group(1).casefold() in exceptions:
                continue
            if unit.startswith("pollic"):
                lo = max(0, text.rfind(".", 0, m.start()))
                if _INCH_CONTEXT.search(text, lo, m.end() + 60):
                    continue
            value = _value(m.group("number"))
            if value is None:
                continue
            factor, metric = table[unit]
            if m.group("speed") or unit == "mph":
                metric = "km/h"
            yield Match(m.start(), m.end(), suggestions=(f"{_rounded(value * factor)} {metric}",))

    @staticmethod
    def _degrees(m: re.Match[str], value: float) -> Match:
        celsius = (value - 32) * 5 / 9
        return Match(m.start(), m.end(), suggestions=(f"{italian_number(round(celsius), 0)} gradi",))


RULE = ImperialUnit()
