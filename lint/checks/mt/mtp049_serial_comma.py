"""MTP049: the English serial (Oxford) comma before the «e» or «o» that closes a list in Italian copy
(«Francia, Germania, e Italia», «il pane, il latte, e le uova»)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import Match

# ", e" / ", o" / ", ed" / ", od" before the last item.
_CLOSING = re.compile(r",(?P<space>[ \u00a0]+)(?P<conj>e|ed|o|od)[ \u00a0]+")
# Where the list can begin: the end of the sentence or the clause before it.
_BOUNDARY = re.compile(r"[.;:!?()\[\]«»“”\"\n]")
_ARTICLES = frozenset({"il", "lo", "la", "i", "gli", "le", "un", "uno", "una"})
_ELIDED = re.compile(r"(?:l|un|dell|all|dall|nell|sull)['’]", re.IGNORECASE)
# Particles inside a name ("Ursula von der Leyen", "Luigi Di Maio").
_PARTICLES = frozenset(
    {"de", "di", "da", "del", "della", "van", "von", "der", "den", "la", "le", "du", "bin"}
)
# Prepositions that make the capitalised word before the list a complement («il ministro degli Esteri,
# Tajani, e …»): the comma after it may close an apposition.
_COMPLEMENT = frozenset(
    {"di", "del", "dello", "della", "dei", "degli", "delle", "d", "a", "al", "alla", "ai", "agli", "alle"}
)


# Words that are not items of a list of adjectives or nouns: clitics, adverbs, conjunctions, forms of
# «essere» and «avere»; an item beginning with one makes «e» join clauses.
def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NOT_ITEMS = _word_set(
    """che chi cui non si ci vi ne mi ti lo gli le poi quindi dunque però perciò anche ancora già infatti
    inoltre invece tuttavia pure cioè ovvero oppure allora così sempre mai solo soltanto forse ormai ecco
    comunque insomma intanto magari proprio addirittura persino almeno subito spesso bene male molto poco
    troppo tanto più meno quando mentre se come dove perché anzi nonché né sia è era erano sono fu furono
    sarà ha hanno aveva avevano avrà stato stata stati state essere avere fa fanno può possono deve devono
    qui lì là oggi ieri domani ora adesso dopo prima sopra sotto dentro fuori insieme tutto tutti tutte
    questo questa questi queste quello quella quelli quelle altro altri altra altre"""
)
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*")
_MAX_ITEM_WORDS = 3


@functools.cache
def _known(word: str) -> bool:
    from lint import lemmas

    return bool(lemmas.is_known(word, "it"))


def _words(segment: str) -> list[str] | None:
    """The words of ``segment``, or None when it holds anything but words and spaces (digits, dashes)."""
    parts = segment.split()
    if not parts or not all(_WORD.fullmatch(part) for part in parts):
        return None
    return parts


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _name_words(words: list[str]) -> bool:
    """One to three capitalised words, particles between them."""
    if not 1 <= len(words) <= _MAX_ITEM_WORDS or not _capitalised(words[0]) or not _capitalised(words[-1]):
        return False
    return all(_capitalised(w) or w in _PARTICLES for w in words) and not words[0].isupper()


def _noun_phrase(words: list[str]) -> bool:
    """An article and one or two words in small letters, none of them a function word: «il latte»,
    «le uova fresche», «l'olio»."""
    if not words:
        return False
    head = words[0].lower()
    elided = _ELIDED.match(head)
    if elided:
        rest = [head[elided.end() :], *words[1:]]
    elif head in _ARTICLES:
        rest = words[1:]
    else:
        return False
    return 1 <= len(rest) <= 2 and all(w.islower() and w not in _NOT_ITEMS and _known(w) for w in rest)


def _plain_word(words: list[str]) -> bool:
    """A single word in small letters that is not a function word or an adverb in -mente."""
    if len(words) != 1:
        return False
    word = words[0]
    return word.islower() and word not in _NOT_ITEMS and not word.endswith("mente") and _known(word)


def _shape(item: list[str]) -> str | None:
    if _name_words(item):
        return "name"
    if _noun_phrase(item):
        return "noun"
    if _plain_word(item):
        return "word"
    return None


def _tail_has_shape(words: list[str], shape: str) -> bool:
    """Whether the first item of the list, the end of ``words`` (the text before the first comma), has
    ``shape``."""
    if shape == "name":
        k = len(words)
        while k > 0 and (_capitalised(words[k - 1]) or (k < len(words) and words[k - 1] in _PARTICLES)):
            k -= 1
        name = words[k:]
        if not name or len(name) > _MAX_ITEM_WORDS or not _name_words(name):
            return False
        return k == 0 or words[k - 1].lower() not in _COMPLEMENT
    if shape == "noun":
        return any(_noun_phrase(words[k:]) for k in range(max(0, len(words) - 3), len(words)))
    return _plain_word(words[-1:]) and (len(words) < 2 or words[-2].lower() not in _ARTICLES)


def _head_has_shape(words: list[str], shape: str) -> bool:
    """Whether the last item of the list, the start of ``words`` (the text after «e»), has ``shape``."""
    if shape == "name":
        return (
            bool(words) and _capitalised(words[0]) and not words[0].isupper() and words[0] not in ("E", "O")
        )
    if shape == "noun":
        return any(_noun_phrase(words[:k]) for k in (2, 3))
    return bool(words) and len(words) <= 2 and _plain_word(words[:1])


class SerialComma:
    meta = rule_meta(
        code="MTP049",
        name="serial-comma",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}»: in italiano non si mette la virgola prima della «{conj}» che chiude un elenco",
            "en": "“{match}”: Italian puts no comma before the «{conj}» that closes a list",
        },
        description={
            "it": (
                "Segnala la virgola prima della «e» o della «o» che chiude un elenco di almeno tre elementi "
                "brevi della stessa forma (nomi propri, nomi con l'articolo, aggettivi): «Francia, Germania, e "
                "Italia», «il pane, il latte, e le uova». È la virgola seriale (Oxford comma) dell'inglese, che "
                "la traduzione automatica copia; in italiano l'ultimo elemento si lega con la congiunzione "
                "senza virgola (Serianni, Grammatica italiana, XIV.31; Treccani, «virgola»). Restano fuori la "
                "«e» che unisce due frasi («…, e poi se ne andò») e gli incisi."
            ),
            "en": (
                "Flags the comma before the «e» or «o» that closes a list of three or more short items of one "
                "shape (names, nouns with their article, adjectives): «Francia, Germania, e Italia». It is the "
                "English serial (Oxford) comma, which Italian does not write (Serianni, XIV.31; Treccani, "
                "«virgola»). An «e» that joins two clauses is left alone."
            ),
        },
        flagged=[
            ("it", "Al vertice erano presenti Francia, Germania⟦, e⟧ Italia."),
            ("it", "Nel carrello c'erano il pane, il latte⟦, e⟧ le uova."),
            ("it", "La bandiera è verde, bianca⟦, e⟧ rossa."),
        ],
        clean=[
            ("it", "Al vertice erano presenti Francia, Germania e Italia."),
            ("it", "Ha parlato a lungo, commosso, e poi se ne è andato."),
            ("it", "Il ministro degli Esteri, Tajani, e Salvini si sono incontrati."),
            ("it", "Il governo ha approvato il decreto, il Senato lo ha votato, e il governo ha risposto."),
        ],
        languages=("it",),
        fix="safe",
        fixed={
            "Al vertice erano presenti Francia, Germania⟦, e⟧ Italia.": (
                "Al vertice erano presenti Francia, Germania e Italia."
            )
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        if ", e" not in text and ", o" not in text:
            return
        for m in _CLOSING.finditer(text):
            comma = m.start()
            floor = max(0, comma - 200)
            starts = [b.end() for b in _BOUNDARY.finditer(text, floor, comma)]
            segment = text[starts[-1] if starts else floor : comma]
            parts = segment.split(",")
            if len(parts) < 2:
                continue
            middle = _words(parts[-1])
            if middle is None:
                continue
            shape = _shape(middle)
            if shape is None:
                continue
            first = _words(parts[-2])
            if first is None or not _tail_has_shape(first, shape):
                continue
            after = _BOUNDARY.search(text, m.end(), m.end() + 200)
            rest = text[m.end() : after.start() if after else m.end() + 200].split(",")[0]
            last = _words(rest)
            if last is None or not _head_has_shape(last, shape):
                continue
            conj = m.group("conj")
            yield Match(comma, m.end("conj"), args={"conj": conj}, replacement=" " + conj)


RULE = SerialComma()
