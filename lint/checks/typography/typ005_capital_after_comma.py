"""TYP005: a function word capitalised after a comma or a semicolon ("…, Lo ha annunciato")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import Match

# A comma or semicolon, spaces on the same line, a capitalised word and a word in lower case after it.
_CAPITAL_AFTER_COMMA = re.compile(r"[,;][ \t\u00a0]+([^\W\d_][^\W\d_]*)(?=[ \t\u00a0]+[^\W\d_])")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’-]*)")


# Function words that have no business being capitalised after a comma. Left out: the Italian forms of
# courtesy ("La ringrazio", "Lei", "Suo"), single letters (labels: "A e B"), and "I".
_COMMA_FUNCTION_WORDS = {
    "it": frozenset(
        {
            *("il", "lo", "gli", "un", "uno", "una", "di", "da", "in", "con", "su", "per", "tra", "fra"),
            *("del", "della", "dei", "degli", "delle", "dello", "al", "alla", "ai", "agli", "alle", "allo"),
            *(
                "dal",
                "dalla",
                "dai",
                "dagli",
                "dalle",
                "nel",
                "nella",
                "nei",
                "negli",
                "nelle",
                "sul",
                "sulla",
            ),
            *("sui", "sugli", "sulle", "che", "non", "si", "ci", "mi", "ti", "ne", "se", "ma", "ed", "anche"),
            *(
                "come",
                "quando",
                "dove",
                "mentre",
                "perché",
                "però",
                "quindi",
                "poi",
                "cui",
                "questo",
                "questa",
            ),
            *("questi", "queste", "quello", "quella", "quelli", "quelle", "lui", "noi", "ha", "hanno", "ho"),
            *("è", "sono", "era", "erano", "sarà", "già", "ancora", "molto", "più", "tutto", "tutti"),
        }
    ),
    "en": frozenset(
        {
            *("the", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "but"),
            *("that", "this", "these", "those", "it", "he", "she", "they", "we", "you", "his", "her", "its"),
            *("their", "our", "is", "are", "was", "were", "has", "have", "had", "which", "who", "when"),
            *("where", "while", "if", "as", "so", "not", "then", "there"),
        }
    ),
}


class CapitalAfterComma:
    meta = rule_meta(
        code="TYP005",
        name="capital-after-comma",
        category="typography",
        severity="warning",
        message={
            "it": "«{word}» con la maiuscola dopo {mark}: nel mezzo della frase va minuscolo",
            "en": "“{word}” is capitalised after {mark}: in mid-sentence it takes lower case",
        },
        description={
            "it": (
                "Un articolo, una preposizione, una congiunzione, un pronome o un ausiliare con la maiuscola "
                "subito dopo una virgola o un punto e virgola («…, Lo ha annunciato il ministro»): di solito "
                "una frase ricomposta da due pezzi, o una traduzione automatica che ha ricominciato la frase. "
                "Solo le parole grammaticali sono segnalate, e solo se la parola che segue è minuscola: nomi, "
                "sigle, testate e titoli («…, La Russa ha detto», «…, Il Sole 24 Ore», «…, The Guardian») e "
                "le maiuscole di cortesia («…, La ringrazio», «Lei») restano puliti."
            ),
            "en": (
                "An article, preposition, conjunction, pronoun or auxiliary capitalised right after a comma or "
                'semicolon ("…, The minister said"): usually a sentence put together from two pieces, or a machine '
                "translation that started the sentence over. Only function words are flagged, and only when the "
                'word after them is in lower case: names, acronyms, titles and newspapers ("…, The Hague", "…, '
                'La Russa said", "…, The Guardian reported") stay clean.'
            ),
        },
        flagged=[
            ("it", "Il decreto è pronto, ⟦Lo⟧ ha annunciato il ministro."),
            ("en", "Talks resumed on Monday, ⟦The⟧ envoy said."),
        ],
        clean=[
            ("it", "Il decreto è pronto, La Russa ha detto; lo riporta Il Sole 24 Ore, e il Paese attende."),
            ("it", "Gentile signora, La ringrazio; Lei ha ragione."),
            ("en", "Talks resumed on Monday, The Guardian reported; options A and B remain, I think."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        words = _COMMA_FUNCTION_WORDS.get(document.language or "", _COMMA_FUNCTION_WORDS["it"])
        for m in _CAPITAL_AFTER_COMMA.finditer(text):
            word = m.group(1)
            if len(word) < 2 or not word[0].isupper() or not word[1:].islower() or word.lower() not in words:
                continue
            following = _NEXT_WORD.match(text, m.end(1))
            if following is None or not following.group(1)[0].islower():
                continue  # "…, La Russa", "…, The Hague": part of a name or title
            yield Match(
                m.start(1), m.end(1), args={"word": word, "mark": _mark(text[m.start()], document.language)}
            )


def _mark(mark: str, language: str | None) -> str:
    if language == "en":
        return "a comma" if mark == "," else "a semicolon"
    return "la virgola" if mark == "," else "il punto e virgola"


# A lowercase run of two letters or more followed by a capital inside one word ("DraghiFoto",


RULE = CapitalAfterComma()
