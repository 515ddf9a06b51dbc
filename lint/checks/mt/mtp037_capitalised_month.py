"""MTP037: a month or weekday capitalised inside an Italian sentence ("il 4 Luglio", "entro Lunedì"),
as English writes them."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import in_quotes, word_spans
from lint.checks.mt.words import words
from lint.document import Document
from lint.lazyre import LazyRe
from lint.rules import Match

_PREVIOUS = LazyRe(r"([\w'’°]+)[ \u00a0]+\Z")
_NEXT = re.compile(r"[ \u00a0]+([\w'’]+)")


@functools.cache
def _names() -> frozenset[str]:
    data = words("it")
    return frozenset((*data["months"], *data["weekdays"]))


_CAPITALISED = re.compile(r"\w+")


class CapitalisedMonth:
    meta = rule_meta(
        code="MTP037",
        name="capitalised-month",
        category="style",
        severity="warning",
        message={
            "it": "«{match}» con la maiuscola: in italiano mesi e giorni della settimana si scrivono in minuscolo («{suggestion}»)",
            "en": "“{match}” is capitalised: Italian writes months and weekdays in small letters (“{suggestion}”)",
        },
        description={
            "it": (
                "Segnala i mesi e i giorni della settimana con la maiuscola in mezzo a una frase italiana («il 4 "
                "Luglio», «entro Lunedì»), come li scrive l'inglese. Restano fuori l'inizio della frase, le "
                "date che sono nomi di feste o di eventi («il 25 Aprile», «l'11 Settembre»), gli indirizzi («via "
                "XX Settembre», «piazza 4 Novembre»), i nomi («Venerdì Santo», «Ottobre Rosso») e le parole "
                "tra virgolette."
            ),
            "en": (
                'Flags months and weekdays capitalised inside an Italian sentence ("il 4 Luglio", "entro '
                'Lunedì"), English style. Sentence starts, dates that name a holiday or event ("il 25 Aprile"), '
                'addresses ("via XX Settembre"), names ("Venerdì Santo") and quoted words are left alone.'
            ),
        },
        flagged=[
            ("it", "Le elezioni si terranno il 4 ⟦Luglio⟧, ha annunciato il premier."),
            ("it", "Il vertice è stato rinviato a ⟦Martedì⟧ prossimo."),
        ],
        clean=[
            ("it", "Le elezioni si terranno il 4 luglio. Martedì il premier parlerà."),
            ("it", "Il corteo del 25 Aprile parte da piazza 4 Novembre e arriva in via XX Settembre."),
            (
                "it",
                "Il Venerdì Santo cade ad aprile, come la Domenica delle Palme; ha letto «Ottobre» di Rossi.",
            ),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={
            "Il vertice è stato rinviato a ⟦Martedì⟧ prossimo.": "Il vertice è stato rinviato a martedì prossimo."
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        data = words("it")
        streets, named = data["street_words"], data["named_dates"]
        for start, end in word_spans(document, _names()):
            if not text[start].isupper():
                continue
            m = _CAPITALISED.match(text, start, end)
            if m is None:
                continue
            previous = _PREVIOUS.search(text, max(0, m.start() - 40), m.start())
            if previous is None:
                continue  # the start of a sentence, a line or a bracket
            word = previous.group(1)
            if not (word.islower() or word.isdigit() or word.rstrip("°").isdigit()):
                continue  # after a capital: a name ("Via Venti Settembre", "Primo Maggio")
            if word.isdigit() or word.rstrip("°").isdigit():
                if f"{word.rstrip('°')}-{m.group().casefold()}" in named:
                    continue
                before = _PREVIOUS.search(text, max(0, previous.start() - 40), previous.start())
                if before and before.group(1).casefold() in streets:
                    continue
            elif word.casefold() in streets:
                continue
            following = _NEXT.match(text, m.end())
            if following and following.group(1)[:1].isupper():
                continue  # "Venerdì Santo", "Settembre Nero"
            if following and following.group(1) in ("delle", "della", "del", "di"):
                after = _NEXT.match(text, following.end())
                if after and after.group(1)[:1].isupper():
                    continue  # "Domenica delle Palme"
            if in_quotes(text, m.start()):
                continue
            lower = m.group().lower()
            yield Match(m.start(), m.end(), suggestions=(lower,), replacement=lower)


RULE = CapitalisedMonth()
