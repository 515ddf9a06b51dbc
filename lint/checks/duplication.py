"""A name coordinated with itself: "Putin e Putin", "Biden, Biden e…", "Putin and Putin".

Machine translation loses one of two coordinated names and repeats the other; the result reads as
a grammatical sentence, so spell and grammar checkers pass it. Plain repeated words ("il il") are data:
``rules/common/duplication.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import Match
from lint.text import CAPITAL_CANDIDATE, INLINE_SPACE, WORD_OPENERS

_NAME_WORD = r"\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*\.?"
_CONJUNCTIONS = ("e", "ed", "o", "od", "né", "oppure", "and", "or", "nor", "&")
_LINK = rf"(?:[^\S\r\n]*,|[^\S\r\n]+(?:{'|'.join(_CONJUNCTIONS)})){INLINE_SPACE}"
# Candidates, found fast by the standard library's engine: a capitalised name of up to four words,
# a comma or conjunction, and the same name again. Each one is confirmed by _EXACT.
# Possessive quantifiers (*+, ++) keep the engine from retrying shorter prefixes of each word.
_CANDIDATE_BODY = (
    rf"({CAPITAL_CANDIDATE}\w*+(?:[ \t]++{CAPITAL_CANDIDATE}\w*+){{0,3}})"
    rf"(?:[ \t]*+,|[ \t]++(?:{'|'.join(_CONJUNCTIONS)}))\s++\1(?!\w)"
)
_CANDIDATE = re.compile(WORD_OPENERS + _CANDIDATE_BODY)
_CANDIDATE_AT_START = re.compile(_CANDIDATE_BODY)
_EXACT = regex.compile(
    rf"(?P<name>{_NAME_WORD}(?:[^\S\r\n]+{_NAME_WORD}){{0,3}}){_LINK}(?P=name)(?![\p{{L}}\p{{M}}\p{{N}}_-])",
    regex.V0,
)
_WORD_CHAR = regex.compile(r"[\p{L}\p{M}\p{N}_'’-]")
_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
# "tra Stato e Stato", "between state and state": a distributive idiom, not a lost name.
_DISTRIBUTIVE = frozenset({"tra", "fra", "between", "from", "da"})
_SENTENCE_END = regex.compile(r"[.!?;:…]\s|[\r\n]{2}")
WINDOW = 4


def _words_around(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Up to WINDOW words before ``start`` and after ``end``, within the sentence."""
    head = text[max(0, start - 120) : start]
    cut = list(_SENTENCE_END.finditer(head))
    if cut:
        head = head[cut[-1].end() :]
    tail = text[end : end + 120]
    stop = _SENTENCE_END.search(tail)
    if stop:
        tail = tail[: stop.start()]
    before = [w.casefold() for w in _WORD.findall(head)][-WINDOW:]
    after = [w.casefold() for w in _WORD.findall(tail)][:WINDOW]
    return before, after


class NameCoordinatedWithItself:
    meta = rule_meta(
        code="DUP003",
        name="name-coordinated-with-itself",
        category="duplication",
        severity="error",
        # Any language: a name, a comma and the same name again is damage in every language (the
        # conjunctions it knows besides the comma are Italian and English).
        languages=None,
        message={
            "it": "«{name}» è coordinato con se stesso: probabilmente manca l’altro nome",
            "en": "“{name}” is coordinated with itself: the other name is probably missing",
        },
        description={
            "it": (
                "Segnala un nome proprio coordinato con se stesso — «Putin e Putin», «Macron ed Macron», "
                "«Biden, Biden e…» — anche a cavallo di un a capo. È il segno tipico di una traduzione "
                "automatica che ha perso uno dei due nomi («Biden e Putin»). Non segnala le strutture "
                "parallele o a chiasmo, in cui lo stesso nome chiude una frase e apre la successiva "
                "(«Mattia bacia Sofia e Sofia bacia Mattia»), né le formule distributive («tra Stato e Stato»)."
            ),
            "en": (
                'Flags a proper name coordinated with itself ("Putin and Putin", "Biden, Biden and…"), also '
                "across a line break: the mark of a machine translation that lost one of two names. Parallel and "
                'chiastic structures, where the name ends one clause and starts the next ("Anna met Tom and Tom '
                'met Anna"), and distributive phrases ("between State and State") stay clean.'
            ),
        },
        flagged=[
            ("it", "Il funzionario ha detto che ⟦Putin e Putin⟧ non parteciperanno ai colloqui."),
            ("it", "Si sono incontrati ⟦Macron ed Macron⟧ all’Eliseo."),
            ("it", "Hanno firmato ⟦Biden, Biden⟧ e Scholz."),
            ("it", "Ne hanno parlato ⟦Joe Biden e\nJoe Biden⟧ al telefono."),
            ("en", "Officials said ⟦Putin and Putin⟧ will not attend."),
        ],
        clean=[
            ("it", "Il funzionario ha detto che Biden e Putin non parteciperanno ai colloqui."),
            ("it", "Mattia bacia Sofia e Sofia bacia Mattia."),
            ("it", "Maria detesta fortemente Riccardo e Riccardo detesta fortemente Maria."),
            ("it", "La collaborazione tra Stato e Stato è prevista dai trattati."),
            ("en", "Anna met Tom and Tom thanked Anna."),
            ("en", "It sounds like, Ding, Ding, Ding."),
        ],
        options={"allow": ("New York",)},
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        allow = {a.casefold() for a in options.get("allow", ())}
        timeout = getattr(options, "timeout", 2.0)
        first = _CANDIDATE_AT_START.match(text)
        for candidate in ([first] if first else []) + list(_CANDIDATE.finditer(text)):
            start = candidate.start(1)
            if start and _WORD_CHAR.match(text, start - 1):
                continue
            m = _EXACT.match(text, start, timeout=timeout)
            if m is None:
                continue
            end = m.end()
            found = m.group("name")
            if found.casefold() in allow or self._repeated_again(text, start, end, found):
                continue  # allowed, or "Ding, Ding, Ding": a repetition for effect
            before, after = _words_around(text, start, end)
            if before and before[-1] in _DISTRIBUTIVE:
                continue
            shared = (set(before) & set(after)) - set(found.casefold().split())
            if any(len(w) >= 3 for w in shared):
                continue  # a parallel or chiastic sentence: the name ends one clause and starts the next
            yield Match(start, end, args={"name": found})

    @staticmethod
    def _repeated_again(text: str, start: int, end: int, name: str) -> bool:
        after = text[end : end + len(name) + 12]
        before = text[max(0, start - len(name) - 12) : start]
        again = regex.match(rf"\s*,?\s*{regex.escape(name)}(?![\p{{L}}\p{{M}}])", after)
        earlier = regex.search(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(name)}\s*,?\s*$", before)
        return bool(again or earlier)


RULES = [NameCoordinatedWithItself()]
