"""MTP031: "trilioni" and "bilioni" for the English trillion and billion, which Italian counts in
miliardi."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import italian_number, parse_number, vocabulary
from lint.document import Document
from lint.lazyre import LazyRe
from lint.rules import Match

_AMOUNT = LazyRe(
    r"(?<![\w.,])(?:(?P<currency>[$€£][ \u00a0]?)?(?P<number>\d+(?:[.,]\d+)*|un|uno|una)[ \u00a0]+)?"
    r"(?P<word>[Tt]rilion[ei]|[Bb]ilion[ei])(?![\w])"
)


_WORDS = frozenset({"trilione", "trilioni", "bilione", "bilioni"})


class TrillionBillion:
    meta = rule_meta(
        code="MTP031",
        name="trillion-billion",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": (
                "«{match}» ricalca l'inglese «{english}»: in italiano «{suggestion}». In italiano un trilione "
                "è un miliardo di miliardi e «bilione» è ambiguo (mille miliardi o un miliardo): le cifre "
                "della finanza si scrivono in miliardi"
            ),
            "en": "“{match}” copies the English “{english}”: Italian writes “{suggestion}”",
        },
        description={
            "it": (
                "Segnala «trilioni» e «bilioni» usati per l'inglese *trillion* (mille miliardi) e *billion* "
                "(un miliardo), e propone la cifra convertita: «2,4 trilioni» → «2.400 miliardi», «un "
                "trilione» → «mille miliardi», «100 bilioni» → «100 miliardi». In italiano un trilione è un "
                "miliardo di miliardi (10¹⁸) e «bilione» vale mille miliardi o, nell'uso antico, un miliardo: "
                "nelle notizie la cifra giusta si dà in miliardi. La correzione cambia le parole: non è sicura."
            ),
            "en": (
                'Flags "trilioni" and "bilioni" in Italian copy used for the English *trillion* and *billion*, '
                'with the amount converted: "2,4 trilioni" becomes "2.400 miliardi", "un trilione" "mille '
                'miliardi", "100 bilioni" "100 miliardi". An Italian trilione is 10^18 and "bilione" is '
                "ambiguous; news Italian counts in miliardi. The fix changes words: it is unsafe."
            ),
        },
        flagged=[
            ("it", "Il debito federale ha superato i ⟦31,4 trilioni⟧ di dollari."),
            ("it", "La società vale ormai ⟦$2 trilioni⟧ in Borsa."),
            ("it", "Il piano da ⟦100 bilioni⟧ di dollari è stato approvato."),
            ("it", "Il valore supera ⟦un trilione⟧ di dollari."),
        ],
        clean=[
            ("it", "Il debito federale ha superato i 31.400 miliardi di dollari."),
            ("it", "Il piano da 100 miliardi di dollari è stato approvato: mille miliardi in dieci anni."),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={
            "Il debito federale ha superato i ⟦31,4 trilioni⟧ di dollari.": (
                "Il debito federale ha superato i 31.400 miliardi di dollari."
            ),
            "Il valore supera ⟦un trilione⟧ di dollari.": "Il valore supera mille miliardi di dollari.",
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        if not vocabulary(document) & _WORDS:
            return
        text = document.prose.text
        for m in _AMOUNT.finditer(text):
            word = m.group("word")
            trillion = word[0] in "Tt"
            number = m.group("number")
            english = "trillion" if trillion else "billion"
            if number is None:
                suggestion = "migliaia di miliardi" if trillion else "miliardi"
                start = m.start("word")
            else:
                start = m.start()
                value = self._value(number)
                if value is None:
                    continue
                if trillion:
                    value *= 1000
                if value == 1000:
                    amount = "mille"
                elif value == 1:
                    amount = "un"
                else:
                    amount = italian_number(value)
                unit = "miliardo" if value == 1 else "miliardi"
                suggestion = f"{m.group('currency') or ''}{amount} {unit}"
            if word[0].isupper():
                suggestion = suggestion[0].upper() + suggestion[1:]
            yield Match(
                start,
                m.end(),
                args={"english": english},
                suggestions=(suggestion,),
                replacement=suggestion,
            )

    @staticmethod
    def _value(number: str) -> float | None:
        if number.casefold() in ("un", "uno", "una"):
            return 1.0
        if "," in number:
            return parse_number(number, ",")
        # "2.4 trilioni": the English decimal point came along with the word
        tail = number.partition(".")[2]
        if tail and len(tail) <= 2:
            return parse_number(number, ".")
        return parse_number(number, ",")


RULE = TrillionBillion()
