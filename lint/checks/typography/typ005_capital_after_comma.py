"""TYP005: a function word capitalised after a comma or a semicolon ("…, Lo ha annunciato")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import CheckContext, Match

# A comma or semicolon, spaces on the same line, a capitalised word and a word in lower case after it.
_CAPITAL_AFTER_COMMA = re.compile(r"[,;][ \t\u00a0]+([^\W\d_][^\W\d_]*)(?=[ \t\u00a0]+[^\W\d_])")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’-]*)")


class CapitalAfterComma:
    meta = rule_meta(
        code="TYP005",
        name="capital-after-comma",
        category="typography",
        severity="warning",
        message={
            "it": "«{word}» con la maiuscola dopo la virgola: nel mezzo della frase va minuscolo",
            "en": "“{word}” is capitalised after a comma: in mid-sentence it takes lower case",
        },
        messages={
            "semicolon": {
                "it": "«{word}» con la maiuscola dopo il punto e virgola: nel mezzo della frase va minuscolo",
                "en": "“{word}” is capitalised after a semicolon: in mid-sentence it takes lower case",
            },
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

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        text = document.prose.text
        language = options.language or options.languages.get("it")
        words = language.comma_lowercase_words if language is not None else frozenset()
        for m in _CAPITAL_AFTER_COMMA.finditer(text):
            word = m.group(1)
            if len(word) < 2 or not word[0].isupper() or not word[1:].islower() or word.lower() not in words:
                continue
            following = _NEXT_WORD.match(text, m.end(1))
            if following is None or not following.group(1)[0].islower():
                continue  # "…, La Russa", "…, The Hague": part of a name or title
            template = None if text[m.start()] == "," else "semicolon"
            yield Match(m.start(1), m.end(1), args={"word": word}, template=template)


RULE = CapitalAfterComma()
