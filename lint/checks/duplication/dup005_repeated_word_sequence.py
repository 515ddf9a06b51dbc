"""DUP005: a sequence of two to four words written twice in a row ("il voto il voto")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.prose import document_words
from lint.rules import Match

_WORD = r"[^\W\d_]+(?:['’][^\W\d_]+)*"
# Two to four words, then the same words again (whatever their case). It runs on the text with its
# line breaks read as spaces (the offsets stay the same), so a wrapped paragraph is one line; a match
# across a blank line is dropped after.
_SEQUENCE = re.compile(
    rf"(?<![\w'’-])((?:{_WORD}[ \t]+){{1,3}}{_WORD})[ \t]+\1(?![\w'’-])",
    re.IGNORECASE,
)
_WORDS = re.compile(_WORD)
# A full stop that joins two words, a letter on one side ("x.il", "voto.com", not "1.400" nor a
# sentence's end). It starts with the stop, which the engine finds at C speed.
_LETTER_BY_A_STOP = re.compile(r"\.(?:(?<=[^\W\d_]\.)(?=\w)|(?<=\w\.)(?=[^\W\d_]))")
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n")
# Coordinations that say "more and more" and its kind ("faster and faster and", "e poi e poi"): a
# sequence that starts or ends on a conjunction is an iteration, not a slip.
_CONJUNCTIONS = frozenset({"e", "ed", "o", "od", "né", "and", "or", "nor", "but", "ma"})
# Italian gradual and distributive phrases built as "a X a X": "a poco a poco", "a due a due", "a mano a
# mano", "a goccia a goccia".
_GRADUAL = frozenset({"a", "ad"})


class RepeatedWordSequence:
    meta = rule_meta(
        code="DUP005",
        name="repeated-word-sequence",
        category="duplication",
        severity="warning",
        message={
            "it": "«{words}» è scritto due volte di seguito",
            "en": "“{words}” is written twice in a row",
        },
        description={
            "it": (
                "Segnala una sequenza di due, tre o quattro parole ripetuta subito dopo se stessa: «il voto il "
                "voto», «ha detto che ha detto che», «the vote the vote». È un errore tipico della traduzione "
                "automatica neurale, che a volte ripete un pezzo di frase, e dei tagli e incolla in redazione; "
                "la ripetizione di una sola parola è di DUP001 e DUP002. Restano pulite le locuzioni graduali e "
                "distributive («a poco a poco», «a due a due», «a mano a mano»), le iterazioni con una "
                "congiunzione («più e più»), le sequenze di sole parole funzionali e quelle tutte in maiuscolo "
                "iniziale (nomi e titoli). Corregge togliendo la copia."
            ),
            "en": (
                'Flags a sequence of two, three or four words repeated right after itself: "the vote the vote", '
                '"he said that he said that", "il voto il voto". Neural machine translation sometimes repeats a '
                "piece of a sentence, and so do cut-and-paste edits; a single repeated word is DUP001's and "
                'DUP002\'s. Gradual and distributive phrases ("a poco a poco", "a due a due"), iterations with a '
                'conjunction ("faster and faster and"), runs of function words and runs of capitalised words '
                "(names and titles) stay clean. The fix removes the copy."
            ),
        },
        flagged=[
            ("it", "⟦Il voto il voto⟧ è stato rinviato a martedì."),
            ("it", "Il governo ⟦ha deciso di ha deciso di⟧ ritirare il decreto."),
            ("en", "The senators said ⟦the bill the bill⟧ would pass."),
        ],
        clean=[
            ("it", "A poco a poco la folla si è dispersa, a due a due."),
            ("it", "I prezzi salgono sempre più e più in fretta."),
            ("en", "The car went faster and faster and then stopped."),
            ("en", "She sang New York, New York at the gala."),
        ],
        fix="unsafe",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        flat = _flat(text)
        function_words = options.languages.union("function_words")
        for m in _matches(document, flat):
            first = m.group(1)
            if _BLANK_LINE.search(text, m.start(), m.end()):
                continue  # two paragraphs
            gap = text[m.end(1) : m.end() - len(first)]
            if ("\n" in gap or "\r" in gap) and _starts_line(text, m.start()):
                continue  # a heading and the sentence under it
            words = [w.casefold() for w in _WORDS.findall(first)]
            if len(words) < 2 or words[-1] in _CONJUNCTIONS or words[0] in _CONJUNCTIONS:
                continue  # "faster and faster and", "e poi e poi": iterations
            if words[0] in _GRADUAL and len(words) == 2:
                continue  # "a poco a poco"
            if all(w in function_words for w in words):
                continue  # "e poi e poi", "di più di più"
            second = flat[m.end() - len(first) : m.end()]
            if all(w[:1].isupper() for w in _WORDS.findall(text, m.start(), m.end())):
                continue  # a name or a title said twice on purpose
            yield Match(
                m.start(),
                m.end(),
                args={"words": second},
                replacement=text[m.start() : m.end(1)],
            )


# The most words (as the document's word list splits them: "l'" and "ordinanza" are two) a repeated
# sequence of four words can hold.
_MOST_TOKENS = 12


def _matches(document: Document, flat: str) -> Iterator[re.Match[str]]:
    """What ``_SEQUENCE.finditer(flat)`` finds, tried only where a pair of words comes back within a few
    words: a sequence said twice starts with a pair said twice. Trying the pattern at every word costs
    more than all the rest of the rule."""
    words = document_words(document)
    tokens = words.words
    last: dict[tuple[str, str], int] = {}
    starts: list[int] = []
    for j, pair in enumerate(itertools.pairwise(tokens)):
        before = last.get(pair)
        if before is not None and j - before <= _MOST_TOKENS and (not starts or starts[-1] != before):
            starts.append(before)
        last[pair] = j
    joined = _joined_by_a_stop(words.vocabulary) if _LETTER_BY_A_STOP.search(flat) else frozenset()
    if not starts and not joined:
        return
    spans = words.spans
    places = {spans[i][0] for i in starts}
    if joined:
        places.update(_starts_near_joined_words(flat, tokens, spans, joined))
    end = 0
    for start in sorted(places):
        if start < end:
            continue
        m = _SEQUENCE.match(flat, start)
        if m is not None:
            end = m.end()
            yield m


def _joined_by_a_stop(vocabulary: frozenset[str]) -> frozenset[str]:
    """The words of the shared list that join two by a full stop next to a letter ("x.il", "voto.com",
    not "1.400"): the pattern reads a word of the sequence in them, the list one word with another."""
    return frozenset(w for w in vocabulary if "." in w and _LETTER_BY_A_STOP.search(w))


def _starts_near_joined_words(
    flat: str, tokens: list[str], spans: list[tuple[int, int]], joined: frozenset[str]
) -> set[int]:
    """Where a repeated sequence can start that the pairs of the word list miss because a word joined
    by a full stop holds its first word ("x.il voto il voto": after a stop) or its last ("il voto il
    voto.com": a sequence that starts at most two lengths of a sequence before it, and whose first copy
    ends on the part before the stop)."""
    places: set[int] = set()
    for t in itertools.compress(itertools.count(), map(joined.__contains__, tokens)):
        start, end = spans[t]
        places.update(at + 1 for at in range(start, end) if flat[at] == ".")
        head = tokens[t].partition(".")[0]
        if head in tokens[max(0, t - 2 * _MOST_TOKENS) : t]:
            places.update(spans[i][0] for i in range(max(0, t - 2 * _MOST_TOKENS), t))
    return places


def _flat(text: str) -> str:
    """The text with its line breaks as spaces, offsets unchanged (``str.replace`` runs in C, unlike a
    translation table)."""
    return text.replace("\n", " ").replace("\r", " ")


def _starts_line(text: str, offset: int) -> bool:
    line_start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    return not text[line_start:offset].strip()


RULE = RepeatedWordSequence()
