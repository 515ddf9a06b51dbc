"""MTP049: the English serial (Oxford) comma before the «e» or «o» that closes a list in Italian copy
(«Francia, Germania, e Italia», «il pane, il latte, e le uova»)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import in_quotes, word_set
from lint.document import Document
from lint.rules import Match

# ", e" / ", o" / ", ed" / ", od" before the last item.
_CLOSING = re.compile(r",(?P<space>[ \u00a0]+)(?P<conj>e|ed|o|od)[ \u00a0]+")
# Where the list can begin: the end of the sentence or the clause before it.
_BOUNDARY = re.compile(r"[.;:!?()\[\]«»“”\"\n]")
_ARTICLES = frozenset({"il", "lo", "la", "i", "gli", "le", "un", "uno", "una"})
# What begins a noun item: an article, or a preposition joined to one, by the preposition it holds (the
# items of a list share it: «sull'amore, e sulla morte»).
_ARTICLE_KINDS = {
    **dict.fromkeys(_ARTICLES, ""),
    **{p + a: p for p in ("del", "al", "dal", "nel", "sul") for a in ("", "la", "lo", "le")},
    "col": "con", "coi": "con",
}  # fmt: skip
_ELIDED = re.compile(r"(?P<head>l|un|dell|all|dall|nell|sull)['’]", re.IGNORECASE)
_ARTICLE_KINDS.update(
    {"dei": "del", "degli": "del", "ai": "al", "agli": "al", "dai": "dal", "dagli": "dal", "nei": "nel",
     "negli": "nel", "sui": "sul", "sugli": "sul"}
)  # fmt: skip
_ELIDED_KINDS = {"l": "", "un": "", "dell": "del", "all": "al", "dall": "dal", "nell": "nel", "sull": "sul"}
# «il più forte»: a comparative inside a noun item.
_DEGREE = frozenset({"più", "meno"})
_NUMBER = re.compile(r"\d{1,4}")
# Singular verbs after the last item: it is the subject of a clause of its own («…, e il governo ha
# risposto»); a list that is a subject takes a plural verb («Francia, Germania, e Italia hanno firmato»).
_SINGULAR_VERBS = word_set(
    """ha è era aveva sarà avrà fu ebbe può deve vuole sta resta rimane viene potrà dovrà potrebbe
    dovrebbe sarebbe avrebbe"""
)
_COORDINATED = re.compile(r"[ \u00a0](?:e|ed|o|od)[ \u00a0]")
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
_NOT_ITEMS = word_set(
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
    """The words of ``segment``, or None when it holds anything but words, numbers of up to four digits
    and spaces (a decimal, a dash, a symbol)."""
    parts = segment.split()
    if not parts or not all(_WORD.fullmatch(part) or _NUMBER.fullmatch(part) for part in parts):
        return None
    return parts


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _name_words(words: list[str]) -> bool:
    """One to three capitalised words, particles between them."""
    if not 1 <= len(words) <= _MAX_ITEM_WORDS or not _capitalised(words[0]) or not _capitalised(words[-1]):
        return False
    return all(_capitalised(w) or w in _PARTICLES for w in words) and not words[0].isupper()


def _noun_kind(words: list[str]) -> str | None:
    """The kind of noun item ``words`` is (what its article holds, "" for a bare article), or None when it
    is none: an article or articulated preposition and one to three words in small letters, none of them
    a function word: «il latte», «le uova fresche», «l'olio», «sull'amore», «il più forte»."""
    if not words:
        return None
    head = words[0].lower()
    elided = _ELIDED.match(head)
    if elided:
        kind = _ELIDED_KINDS.get(elided.group("head").lower())
        rest = [head[elided.end() :], *words[1:]]
    else:
        kind = _ARTICLE_KINDS.get(head)
        rest = words[1:]
    if kind is None or not 1 <= len(rest) <= _MAX_ITEM_WORDS:
        return None
    if rest[0] in _DEGREE and len(rest) > 1:
        rest = rest[1:]
    if all(w.islower() and w not in _NOT_ITEMS and _known(w) for w in rest):
        return kind
    return None


def _plain_word(words: list[str]) -> bool:
    """A single word in small letters that is not a function word or an adverb in -mente."""
    if len(words) != 1:
        return False
    word = words[0]
    return word.islower() and word not in _NOT_ITEMS and not word.endswith("mente") and _known(word)


def _shape(item: list[str]) -> str | None:
    if _name_words(item):
        return "name"
    kind = _noun_kind(item)
    if kind is not None:
        return "noun:" + kind
    if _plain_word(item):
        return "word"
    if len(item) == 1 and _NUMBER.fullmatch(item[0]):
        return "number"
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
    if shape.startswith("noun:"):
        kind = shape[5:]
        return any(_noun_kind(words[k:]) == kind for k in range(max(0, len(words) - 4), len(words)))
    if shape == "number":
        return bool(_NUMBER.fullmatch(words[-1]))
    return _plain_word(words[-1:]) and (len(words) < 2 or words[-2].lower() not in _ARTICLE_KINDS)


def _head_has_shape(words: list[str], shape: str) -> bool:
    """Whether the last item of the list, the start of ``words`` (the text after «e»), has ``shape``."""
    if shape == "name":
        return (
            bool(words) and _capitalised(words[0]) and not words[0].isupper() and words[0] not in ("E", "O")
        )
    if shape.startswith("noun:"):
        return any(_noun_kind(words[:k]) == shape[5:] for k in (2, 3, 4))
    if shape == "number":
        return bool(words) and bool(_NUMBER.fullmatch(words[0]))
    return 0 < len(words) <= _MAX_ITEM_WORDS + 1 and _plain_word(words[:1])


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
                "brevi della stessa forma (nomi propri, nomi con l'articolo o la stessa preposizione articolata, aggettivi, numeri): «Francia, Germania, e "
                "Italia», «il pane, il latte, e le uova». È la virgola seriale (Oxford comma) dell'inglese, che "
                "la traduzione automatica copia; in italiano l'ultimo elemento si lega con la congiunzione "
                "senza virgola (Serianni, Grammatica italiana, la punteggiatura; Treccani, «virgola»). Restano fuori la "
                "«e» che unisce due frasi («…, e poi se ne andò»), gli incisi, l'ultimo elemento che contiene a "
                "sua volta una «e» (la virgola ne segna l'inizio) e le citazioni, dove il ritmo è dell'autore."
            ),
            "en": (
                "Flags the comma before the «e» or «o» that closes a list of three or more short items of one "
                "shape (names, nouns with their article or articulated preposition, adjectives, numbers): «Francia, Germania, e Italia». It is the "
                "English serial (Oxford) comma, which Italian does not write (Serianni, Grammatica italiana; "
                "Treccani, «virgola»). An «e» that joins two clauses, a last item that holds its own «e», and "
                "quotations are left alone."
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
            if any(word in _SINGULAR_VERBS for word in last[1:5]):
                continue  # «…, e il governo ha risposto»: «e» joins a clause with its own subject
            if _COORDINATED.search(rest):
                continue  # the last item holds its own «e»: the comma marks where it begins
            if in_quotes(text, comma):
                continue  # a quotation keeps its author's rhythm: a matter of style there
            conj = m.group("conj")
            yield Match(comma, m.end("conj"), args={"conj": conj}, replacement=" " + conj)


RULE = SerialComma()
