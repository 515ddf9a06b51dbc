"""A name coordinated with itself: "Putin e Putin", "Biden, Biden e…", "Putin and Putin".

Machine translation loses one of two coordinated names and repeats the other; the result reads as
a grammatical sentence, so spell and grammar checkers pass it. Plain repeated words ("il il") are data:
``rules/common/duplication.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import Match
from lint.text import INLINE_SPACE

_NAME_WORD = r"\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*\.?"
_CONJUNCTIONS = r"e|ed|o|od|né|oppure|and|or|nor|&"
_PATTERN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\p{{N}}_'’-])(?P<name>{_NAME_WORD}(?:[^\S\r\n]+{_NAME_WORD}){{0,3}})"
    rf"(?P<link>[^\S\r\n]*,{INLINE_SPACE}|{INLINE_SPACE}(?:{_CONJUNCTIONS}){INLINE_SPACE})"
    rf"(?P=name)(?![\p{{L}}\p{{M}}\p{{N}}_-])",
    regex.V1,
)
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
        for m in _PATTERN.finditer(text, overlapped=True, timeout=timeout):
            name = m.group("name")
            if name.casefold() in allow:
                continue
            if self._repeated_again(text, m):
                continue  # "Ding, Ding, Ding": a repetition for effect, not two coordinated names
            before, after = _words_around(text, m.start(), m.end())
            if before and before[-1] in _DISTRIBUTIVE:
                continue
            folded_name = set(name.casefold().split())
            shared = (set(before) & set(after)) - folded_name
            if any(len(w) >= 3 for w in shared):
                continue  # a parallel or chiastic sentence: the name ends one clause and starts the next
            yield Match(m.start(), m.end(), args={"name": name})

    @staticmethod
    def _repeated_again(text: str, m: regex.Match[str]) -> bool:
        name = m.group("name")
        after = text[m.end() : m.end() + len(name) + 12]
        before = text[max(0, m.start() - len(name) - 12) : m.start()]
        again = regex.match(rf"\s*,?\s*{regex.escape(name)}(?![\p{{L}}\p{{M}}])", after)
        earlier = regex.search(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(name)}\s*,?\s*$", before)
        return bool(again or earlier)


RULES = [NameCoordinatedWithItself()]
