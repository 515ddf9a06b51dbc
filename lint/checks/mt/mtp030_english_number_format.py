"""MTP030: a number written with the other language's decimal and thousands marks ("3.5%" in Italian,
"3,5 per cent" in English)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import english_number, italian_number, parse_number
from lint.checks.mt.words import words
from lint.document import Document
from lint.findings import Severity
from lint.lazyre import LazyRe
from lint.rules import Match

# A number with a decimal or thousands mark, as either language may write it; which mark is which is
# decided afterwards. The pattern starts with a digit so that the scan is fast; what may not touch the
# number on either side (a version's "v", a date's slash, an address) is checked for each candidate.
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")
_MARKED_DIGIT = re.compile(r"\d[.,]\d")
_BAD_BEFORE = frozenset("./,:-_")
_BAD_AFTER = frozenset("/:-_")
_CURRENCY_BEFORE = LazyRe(r"[$€£¥][ \u00a0]?\Z")
_NEXT_WORD = re.compile(r"[ \u00a0]*(%|[^\W\d_]+(?:[ \u00a0]+[^\W\d_]+)?)")
_ENGLISH_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_ITALIAN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


class EnglishNumberFormat:
    meta = rule_meta(
        code="MTP030",
        name="english-number-format",
        category="mt-phrasing",
        severity="error",
        message={
            "it": "«{match}» ha i separatori all'inglese (punto per i decimali, virgola per le migliaia): in italiano si scrive «{suggestion}»",
            "en": "“{match}” has Italian separators (a comma for decimals, a full stop for thousands): in English write “{suggestion}”",
        },
        description={
            "it": (
                "Segnala i numeri con le convenzioni inglesi rimaste nella traduzione: il punto decimale davanti "
                "a una percentuale, a milioni o miliardi o accanto a una valuta («3.5%», «12.5 milioni», «$ "
                "12.40») e la virgola delle migliaia («1,500 persone», «2,000,000»). È un errore certo quando "
                "il numero ha entrambi i segni all'inglese («$1,224.40») o più gruppi di migliaia; negli altri "
                "casi è un avviso. Restano fuori gli orari («10.30»), le versioni, gli indirizzi IP, le date, i "
                "punteggi, i numeri di legge («104/1992») e le misure che in italiano hanno tre decimali "
                "(«1,500 chilometri»). Nei testi inglesi tradotti dall'italiano segnala il contrario: «3,5 per "
                "cent», «1.500 people». La correzione cambia il testo di un numero: non è sicura."
            ),
            "en": (
                "Flags numbers written with the source language's marks: in Italian copy a decimal point before "
                'a percentage, a scale word or next to a currency ("3.5%", "12.5 milioni", "$ 12.40") and a '
                'thousands comma ("1,500 persone"); in English copy translated from Italian a decimal comma '
                '("3,5 per cent") and a thousands full stop ("1.500 people"). An error when the number has '
                "both marks the wrong way round or several thousands groups, a warning otherwise. Times, "
                "versions, IP addresses, dates, scores, law numbers and measures that take three decimals are "
                "left alone. The fix changes a number's text: it is unsafe."
            ),
        },
        flagged=[
            ("it", "L'inflazione è salita al ⟦3.5⟧% a marzo."),
            ("it", "Le azioni hanno chiuso a ⟦$1,224.40⟧ dopo l'annuncio."),
            ("it", "All'evento erano presenti ⟦1,500⟧ persone."),
            ("it", "Il fondo vale ⟦12.5⟧ milioni di euro."),
            ("en", "Unemployment fell to ⟦7,2⟧ per cent in March."),
            ("en", "About ⟦2.300⟧ people were evacuated."),
            ("en", "The clan demanded up to ⟦3.000⟧ euros a month from each shop."),
        ],
        clean=[
            ("it", "L'inflazione è salita al 3,5% e la riunione inizia alle 10.30."),
            ("it", "Il server 192.168.1.10 aggiorna Python 3.12 secondo la legge 104/1992."),
            ("it", "Ha vinto 6-4, 7-5; la maratona misura 42,195 chilometri e i presenti erano 1.500."),
            ("it", "Il 10.3.2024 il fondo valeva 12,5 milioni di euro, cioè 1.224,40 euro a quota."),
            ("en", "Unemployment fell to 7.2 per cent; about 2,300 people left at 10.30."),
            ("en", "Diesel cost 1.759 euros a litre, and the race covered 1.500 kilometres."),
        ],
        fix="unsafe",
        fixed={
            "L'inflazione è salita al ⟦3.5⟧% a marzo.": "L'inflazione è salita al 3,5% a marzo.",
            "Le azioni hanno chiuso a ⟦$1,224.40⟧ dopo l'annuncio.": "Le azioni hanno chiuso a $1.224,40 dopo l'annuncio.",
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        lang = document.language
        if lang not in ("it", "en"):
            return
        text = document.prose.text
        if "." not in text and "," not in text:
            return
        data = words(lang)
        scale, measures = data["scale_words"], data["measures"]
        # The marks that are wrong in this language: English marks in Italian, Italian ones in English.
        point, comma = (".", ",") if lang == "it" else (",", ".")
        done = -1
        for hint in _MARKED_DIGIT.finditer(text):
            if hint.start() < done:
                continue
            left = hint.start()
            while left and (text[left - 1].isdigit() or text[left - 1] in ".,") and hint.start() - left < 20:
                left -= 1
            while left < hint.start() and not text[left].isdigit():
                left += 1
            m = _NUMBER.match(text, left)
            if m is None:
                continue
            done = m.end()
            number = m.group()
            start, end = m.span()
            if start and (text[start - 1] in _BAD_BEFORE or text[start - 1].isalpha()):
                continue
            if end < len(text) and (text[end] in _BAD_AFTER or text[end].isalpha()):
                continue
            before = text[max(0, start - 3) : start]
            currency = _CURRENCY_BEFORE.search(before) is not None
            nxt = _NEXT_WORD.match(text, end)
            follower = nxt.group(1).casefold() if nxt else ""
            first_word = follower.split()[0] if follower else ""
            scaled = follower == "%" or first_word in scale or follower in scale
            if first_word in data["currencies"]:
                measures = measures | {first_word}  # a price per unit may take three decimals
            found = self._judge(number, point, comma, currency, scaled, first_word, measures)
            measures = data["measures"]
            if found is None:
                continue
            value, severity, decimals = found
            write = italian_number if lang == "it" else english_number
            suggestion = write(value, decimals)
            span_start = start - 1 if currency and text[start - 1] in "$€£¥" else start
            replacement = text[span_start:start] + suggestion
            yield Match(
                span_start,
                end,
                suggestions=(replacement,),
                replacement=replacement,
                severity=severity,
            )

    @staticmethod
    def _judge(
        number: str,
        point: str,
        comma: str,
        currency: bool,
        scaled: bool,
        follower: str,
        measures: frozenset[str],
    ) -> tuple[float, Severity | None, int] | None:
        """(value, severity, decimals) when ``number`` is written the wrong way, else None. ``point`` is the
        wrong decimal mark, ``comma`` the wrong thousands mark."""
        groups = re.split(r"[.,]", number)
        marks = re.findall(r"[.,]", number)
        thousands_ok = re.fullmatch(r"\d{1,3}(?:" + re.escape(comma) + r"\d{3})+", number)
        if len(marks) >= 2:
            # Both marks, the wrong way round: "1,224.40" in Italian, "1.224,40" in English.
            mixed = re.fullmatch(
                r"\d{1,3}(?:" + re.escape(comma) + r"\d{3})+" + re.escape(point) + r"\d+", number
            )
            if mixed:
                value = parse_number(number, point)
                decimals = len(number.rsplit(point, 1)[1])
                return (value, None, decimals) if value is not None else None
            if thousands_ok and marks.count(comma) >= 2 and not _looks_like_address(groups):
                value = parse_number(number, point)
                return (value, None, 0) if value is not None else None
            return None
        mark = marks[0]
        head, tail = groups
        if mark == point:
            # A decimal point where the language wants a comma: only before a share, a scale word or
            # with a currency, where nothing else (a time, a version) fits.
            if len(tail) > 2 or not (scaled or currency):
                return None
            value = parse_number(number, point)
            return (value, Severity.WARNING, len(tail)) if value is not None else None
        # A thousands mark the language does not use: "1,500 persone", "1.500 people". A measure or a
        # price may take three decimals ("1,500 chilometri", "1.759 euros a litre"), but not three zeros:
        # nobody writes "3.000 euros" for three euros.
        measure = follower in measures and tail != "000"
        if len(tail) != 3 or head == "0" or measure or not (follower or currency):
            return None  # with a currency sign the figure may end its clause: "a $404,500, in rialzo"
        if not (currency or (follower.isalpha() and follower != "%")):
            return None
        value = parse_number(number, point)
        return (value, Severity.WARNING, 0) if value is not None else None


def _looks_like_address(groups: list[str]) -> bool:
    """Four dotted groups of at most three digits, each up to 255: an IP address."""
    return len(groups) == 4 and all(g.isdigit() and int(g) <= 255 for g in groups)


RULE = EnglishNumberFormat()
