"""GRM002: «e» and «a» before a word that begins with the same vowel, where Italian writes the euphonic
«ed», «ad» («e erano» -> «ed erano», «a andare» -> «ad andare»)."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.grammar import finditer
from lint.document import Document
from lint.lazyre import LazyRe
from lint.rules import Match

# «e» before e, «a» before a: the word must be a known Italian one in small letters (names keep what the
# writer chose; «a» before an English word is English).
_PAIR = LazyRe(
    r"(?<![\w'’-])(?P<conj>[Ee](?=[ \u00a0]+[eèé])|[Aa](?=[ \u00a0]+[aà]))[ \u00a0]+(?P<word>[^\W\d_]{2,})(?![\w'’-])"
)
TRIGGERS = frozenset({"e", "a"})
_FOLLOW = {"e": frozenset("eèé"), "a": frozenset("aà")}
# Not a word the conjunction or preposition governs: a repeated letter, the verb «è».
_SKIP = frozenset({"e", "ed", "a", "ad", "è"})


# «ex» is a word of its own in Italian («l'ex ministro»), absent from the dictionary.
_KNOWN = frozenset({"ex"})
_CLITIC = LazyRe(r"(\w+?r)(?:si|ci|vi|lo|la|li|le|ne|mi|ti|gli|glielo|gliela)")


@functools.cache
def _is_known(word: str) -> bool:
    """Whether simplemma's dictionary knows ``word``, or the infinitive of a verb with a clitic
    («allenarsi» -> «allenare»), which it lacks."""
    from lint import lemmas

    if word in _KNOWN or lemmas.is_known(word, "it"):
        return True
    clitic = _CLITIC.fullmatch(word)
    return clitic is not None and bool(lemmas.is_known(clitic.group(1) + "e", "it"))


class EuphonicD:
    meta = rule_meta(
        code="GRM002",
        name="euphonic-d",
        category="grammar",
        severity="warning",
        message={
            "it": "«{match}»: davanti alla stessa vocale si scrive «{suggestion}»",
            "en": "“{match}”: before the same vowel Italian writes “{suggestion}”",
        },
        description={
            "it": (
                "Segnala «e» davanti a una parola che comincia per e e «a» davanti a una che comincia per a "
                "(«e erano», «e ex ministro», «a andare»): l'uso moderno vuole la d eufonica proprio, e solo, "
                "davanti alla stessa vocale («ed erano», «ad andare»); davanti a vocali diverse «ed», «ad» "
                "sono una scelta di stile e la regola non le tocca. La traduzione automatica rende «and», "
                "«to» sempre con «e», «a». Restano fuori i nomi propri, dove la scelta è dello scrivente, e le "
                "parole che il dizionario non conosce (Accademia della Crusca, «La d eufonica»; Treccani, "
                "«eufonia»)."
            ),
            "en": (
                "Flags «e» before a word beginning with e and «a» before one beginning with a («e erano», "
                "«a andare»): modern usage writes the euphonic «ed», «ad» exactly there, before the same vowel "
                "(Accademia della Crusca; Treccani). Before other vowels it is a matter of style and left "
                "alone; so are names and words the dictionary does not know."
            ),
        },
        flagged=[
            ("it", "I giocatori si sono riuniti ⟦e erano⟧ d'accordo: tornare ⟦a allenarsi⟧ subito."),
            ("it", "Al processo hanno testimoniato un collega ⟦e ex⟧ socio dell'imputato."),
        ],
        clean=[
            ("it", "I giocatori si sono riuniti ed erano d'accordo: tornare ad allenarsi subito."),
            ("it", "Hanno parlato Anna e Elena, poi è andato a Ancona e in ufficio, e ora a Lione."),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={
            "Al processo hanno testimoniato un collega ⟦e ex⟧ socio dell'imputato.": (
                "Al processo hanno testimoniato un collega ed ex socio dell'imputato."
            )
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        for m in finditer(document, _PAIR, TRIGGERS, follow=_FOLLOW):
            word = m.group("word")
            if not word.islower() or word in _SKIP or not _is_known(word):
                continue
            conj = m.group("conj")
            replacement = conj + "d" + text[m.end("conj") : m.start("word")] + word
            yield Match(m.start(), m.end(), suggestions=(replacement,), replacement=replacement)


RULE = EuphonicD()
