"""MTP035: the comma of a quotation inside the closing quote before the speech verb, in English order
(`"Non mi pento," ha detto`), in Italian copy."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt.words import words
from lint.document import Document
from lint.rules import Match

# A name or two before the verb, in English order ("," Johnson ha detto").
_NAME = r"(?:\p{Lu}[\p{L}'’-]+[ \u00a0]+){0,3}"


@cache
def _pattern() -> object:
    import regex

    data = words("it")
    past = "|".join(sorted(data["speech_verbs"]))
    present = "|".join(sorted(data["speech_present"]))
    aux = "|".join(sorted(data["auxiliaries"]))
    verb = rf"(?:(?i:{aux})[ \u00a0]+(?:\p{{Ll}}+mente[ \u00a0]+|poi[ \u00a0]+|anche[ \u00a0]+)?(?:{past})|(?:{present}))"
    # After a full stop a capital opens a new sentence ("«Basta.» Lo ha detto ieri"): only a verb in
    # small letters continues the quotation's sentence.
    return regex.compile(
        rf"(?:(?P<mark>,)(?P<quote>[\"”»])[ \u00a0]+{_NAME}|(?P<mark2>\.)(?P<quote2>[\"”»])[ \u00a0]+(?=\p{{Ll}})){verb}(?![\p{{L}}])"
    )


_MARKS = re.compile(r'[,.]["”»]')


class QuotePunctuationOrder:
    meta = rule_meta(
        code="MTP035",
        name="quote-punctuation-order",
        category="punctuation",
        severity="warning",
        message={
            "it": "«{match}»: in italiano la virgola va dopo le virgolette di chiusura, prima del verbo che introduce chi parla («{suggestion}»)",
            "en": "“{match}”: Italian puts the comma after the closing quotation mark, before the speech verb (“{suggestion}”)",
        },
        description={
            "it": (
                "Segnala la virgola (o il punto) rimasta dentro le virgolette di chiusura davanti al verbo che "
                'introduce chi parla, secondo l\'uso inglese: «"Non mi pento," ha detto», «"Basta." ha '
                'detto Rossi». In italiano si scrive «"Non mi pento", ha detto». Il punto esclamativo e '
                "interrogativo restano dentro. Nei testi inglesi tradotti dall'italiano segnala il contrario: "
                '«"I will stay", he said», dove l\'inglese vuole la virgola dentro. La correzione sposta '
                "soltanto il segno: è sicura."
            ),
            "en": (
                "Flags the comma (or full stop) left inside the closing quotation mark before the speech verb, "
                'English style, in Italian copy (`"Non mi pento," ha detto`; Italian writes `"Non mi pento", ha '
                "detto`). Question and exclamation marks stay inside. English copy is not judged: a comma "
                "after the quotation mark is British usage. The fix only moves the mark: it is safe."
            ),
        },
        flagged=[
            ("it", '"Non mi pento di nulla⟦,"⟧ ha detto McCarthy ai giornalisti.'),
            ("it", "«La decisione è presa⟦,»⟧ Rossi ha aggiunto poco dopo."),
            ("it", '"Tu non sei il mio re⟦,"⟧ ha gridato la senatrice dalla tribuna.'),
        ],
        clean=[
            ("it", '"Non mi pento di nulla", ha detto McCarthy ai giornalisti.'),
            ("it", "«Basta!» ha detto Rossi. «Lo sapevamo», ha aggiunto."),
            ("it", 'Ha parlato di "pace, giustizia," e ha detto che tornerà.'),
        ],
        languages=("it",),
        fix="safe",
        fixed={
            '"Non mi pento di nulla⟦,"⟧ ha detto McCarthy ai giornalisti.': (
                '"Non mi pento di nulla", ha detto McCarthy ai giornalisti.'
            ),
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        if _MARKS.search(text) is None:
            return
        for m in _pattern().finditer(text):
            quote = m.group("quote") or m.group("quote2")
            start = m.start("mark") if m.group("mark") else m.start("mark2")
            fixed = quote + ","
            yield Match(start, start + 2, suggestions=(fixed,), replacement=fixed)


RULE = QuotePunctuationOrder()
