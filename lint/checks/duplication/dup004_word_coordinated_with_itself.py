"""DUP004: a common word coordinated with itself ("inutile e inutile", "increase or increase")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lint.checks.base import rule_meta
from lint.checks.duplication.coordination import DISTRIBUTIVE, parallel, repeated_again, words_around
from lint.document import Document
from lint.lazyre import LazyRe
from lint.prose import (
    INLINE_SPACE,
)
from lint.rules import Match

# A word, a conjunction and the same word: "inutile e inutile", "increase or increase". The standard
# library's engine, case-insensitive; the conjunction is captured to tell "and" from "or".
# Found from the conjunction, which is rarer than words: the word after it, then the same word before.
_CONJUNCTION = re.compile(
    r"[ \t\r\n](e|ed|o|od|oppure|né|and|or|nor)(?:[ \t]+(?:\r\n|\r|\n)?[ \t]*|(?:\r\n|\r|\n)[ \t]*)(?=[^\W\d_])"
)
_WORD_AFTER = re.compile(r"[^\W\d_]{2,}+(?![\w'’-])")
_WORD_PAIR = re.compile(
    rf"(?<![\w'’-])([^\W\d_]{{2,}}+){INLINE_SPACE}(e|ed|o|od|oppure|né|and|or|nor){INLINE_SPACE}\1(?![\w'’-])",
    re.IGNORECASE,
)
_ITERATIVE_CONJUNCTIONS = frozenset({"e", "ed", "and"})
# "C’è giornalista e giornalista", "ci sono costi e costi": not all of them are alike.
_DISTINCTION = LazyRe(
    r"(?<![\w'’])(?:c['’]\s*(?:è|era|erano|sono)|ci\s+sono|esistono|there\s+(?:is|are|was|were))\s+$",
    re.IGNORECASE,
)
_IRREGULAR_COMPARATIVES = frozenset({"more", "less", "fewer", "better", "worse", "further", "farther"})


class WordCoordinatedWithItself:
    meta = rule_meta(
        code="DUP004",
        name="word-coordinated-with-itself",
        category="duplication",
        severity="warning",
        message={
            "it": "«{word}» è coordinato con se stesso: forse manca l’altro termine",
            "en": "“{word}” is coordinated with itself: the other term is probably missing",
        },
        description={
            "it": (
                "Segnala una parola comune coordinata con se stessa: «una spesa inutile e inutile», «aumenti o "
                "aumenti», «increase and increase». Come per i nomi (DUP003), di solito una traduzione automatica "
                "ha perso il secondo termine («utile e inutile», «aumenti o tagli»). Restano pulite le iterazioni "
                "dell’italiano e dell’inglese («ancora e ancora», «più e più volte», «ore e ore», «again and "
                "again», «more and more», «over and over», «bigger and bigger», «waited and waited»), le formule "
                "distributive («tra uomo e uomo», «between man and man») e le frasi parallele. È un avviso: "
                "altre iterazioni si aggiungono con rules.DUP004.options.allow."
            ),
            "en": (
                'Flags a common word coordinated with itself: "a pointless and pointless cost", "increase or '
                'increase", "inutile e inutile". As with names (DUP003), a machine translation has usually lost '
                'the other term ("gains and losses", "raise or cut"). Iterations stay clean ("again and again", '
                '"more and more", "over and over", "hours and hours", "bigger and bigger", "waited and waited", '
                '"ancora e ancora", "più e più"), as do distributive phrases ("between man and man") and parallel '
                "sentences. A warning: more iterations go in rules.DUP004.options.allow."
            ),
        },
        flagged=[
            ("it", "Il ministro ha definito la spesa ⟦inutile e inutile⟧."),
            ("it", "Non sono previsti ⟦aumenti o aumenti⟧ delle tasse."),
            ("en", "Analysts expect prices to ⟦increase and increase⟧ next year."),
            ("en", "The board may ⟦approve or approve⟧ the merger."),
        ],
        clean=[
            ("it", "Lo ha ripetuto ancora e ancora, più e più volte, per ore e ore."),
            ("it", "Il dialogo tra uomo e uomo è la base della pace."),
            ("en", "Again and again, more and more people waited and waited, over and over."),
            ("en", "The queues grew longer and longer, and the crowd got bigger and bigger."),
            ("en", "Tom trusts Anna and Anna trusts Tom."),
        ],
        options={
            # Words that Italian and English coordinate with themselves to say "again", "a lot" or "on":
            # adverbs of iteration and direction, and plural nouns of time and quantity ("ore e ore").
            "allow": (
                *("ancora", "più", "sempre", "mai", "via", "avanti", "indietro", "giù", "sopra", "sotto"),
                *("dentro", "fuori", "piano", "poco", "tanto", "molto", "meno", "bene", "male", "passo"),
                *("ore", "giorni", "notti", "anni", "mesi", "settimane", "secoli", "minuti", "chilometri"),
                *("metri", "miglia", "pagine", "file", "migliaia", "centinaia", "decine", "milioni"),
                *("miliardi", "tonnellate", "litri", "strati", "volte"),
                *("again", "more", "less", "fewer", "over", "on", "round", "around", "through", "by"),
                *("up", "down", "out", "in", "back", "forth", "much", "far", "better", "worse"),
                *("further", "farther", "hours", "days", "years", "months", "weeks", "centuries"),
                *("minutes", "nights", "miles", "pages", "rows", "thousands", "hundreds", "millions"),
                *("billions", "tons", "lots", "layers", "times", "ages", "yards", "acres", "reams"),
            ),
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        allow: set[str] | None = None  # worked out at the first pair: most articles have none
        function_words: frozenset[str] = frozenset()
        for m in self._pairs(text):
            first, conjunction = m.group(1), m.group(2).casefold()
            second = text[m.end() - len(first) : m.end()]
            if not second[0].islower():
                continue  # two capitals: a name, which is DUP003's
            if allow is None:
                language = options.language or options.languages.get("it")
                own = language.function_words if language is not None else frozenset()
                allow = {a.casefold() for a in options.get("allow", ())} | own
                function_words = options.languages.union("function_words")
            word = first.casefold()
            if word in allow or self._iterative(word, conjunction):
                continue
            start, end = m.start(1), m.end()
            before, after = words_around(text, start, end)
            if before and before[-1] in DISTRIBUTIVE:
                continue  # "tra uomo e uomo", "between man and man"
            if conjunction in _ITERATIVE_CONJUNCTIONS and _DISTINCTION.search(
                text, max(0, start - 24), start
            ):
                continue  # "c’è modo e modo"
            if parallel(before, after, word, function_words) or repeated_again(
                text, start, end, first, regex.IGNORECASE
            ):
                continue
            yield Match(start, end, args={"word": second})

    @staticmethod
    def _pairs(text: str) -> Iterator[re.Match[str]]:
        """Each word coordinated with itself, found from the conjunction: the word after it, and the
        same word (whatever its case) right before it."""
        for conjunction in _CONJUNCTION.finditer(text):
            after = _WORD_AFTER.match(text, conjunction.end())
            if after is None:
                continue
            end = conjunction.start()  # the space before the conjunction
            while end > 0 and text[end - 1] in " \t\r\n":
                end -= 1
            start = end - len(after.group())
            if start < 0 or text[start:end].casefold() != after.group().casefold():
                continue
            pair = _WORD_PAIR.match(text, start)
            if pair is not None and pair.end() == after.end():
                yield pair

    @staticmethod
    def _iterative(word: str, conjunction: str) -> bool:
        """English iterations with "and": comparatives ("bigger and bigger"), verbs in -ed and -ing
        ("waited and waited", "talking and talking") and plural nouns ("piles and piles")."""
        if conjunction != "and":
            return False
        if word in _IRREGULAR_COMPARATIVES:
            return True
        plural = word.endswith("s") and not word.endswith(("ss", "us", "is"))
        return len(word) > 3 and (plural or word.endswith(("er", "ed", "ing")))


RULE = WordCoordinatedWithItself()
