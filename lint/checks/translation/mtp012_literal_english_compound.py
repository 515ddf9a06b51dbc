"""MTP012: an English compound copied literally ("leader-to-leader" as «leader-a-leader»)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import Match

_COMPOUND = re.compile(r"(?<![\w-])(?P<word>[^\W\d_]{2,})-(?:(?:a|to|à)-)?(?P=word)(?![\w-])", re.IGNORECASE)
_LETTER = re.compile(r"[^\W\d_]", re.IGNORECASE)  # a character of _COMPOUND's word


def compounds(text: str) -> Iterator[re.Match[str]]:
    """What ``_COMPOUND.finditer(text)`` finds, tried only where it can start: the run of letters right
    before a hyphen (the lookbehind allows no word character before the word, and a hyphen follows it)."""
    letter, find, match = _LETTER.match, text.find, _COMPOUND.match
    until = 0  # where the last match ended: the next starts there or later
    hyphen = find("-")
    while hyphen >= 0:
        start = hyphen
        while start > until and letter(text, start - 1):
            start -= 1
        if hyphen - start >= 2 and (start == 0 or not letter(text, start - 1)):
            m = match(text, start)
            if m is not None:
                yield m
                until = m.end()
        hyphen = find("-", max(hyphen + 1, until))


class LiteralCompound:
    meta = rule_meta(
        code="MTP012",
        name="literal-english-compound",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» ricalca un composto inglese (leader-to-leader): in italiano «{suggestion}»",
            "en": "“{match}” copies a compound word for word: write “{suggestion}”",
        },
        description={
            "it": (
                "Segnala i composti inglesi del tipo «X-to-X» ricopiati parola per parola: «dialogo diretto "
                "leader-leader», «incontro faccia-a-faccia» scritto con i trattini. In italiano si dice «tra "
                "leader», «faccia a faccia», «da leader a leader»."
            ),
            "en": (
                'Flags English-style X-to-X compounds copied word for word into Italian ("leader-leader", '
                '"leader-a-leader"): Italian says "tra leader", "faccia a faccia".'
            ),
        },
        flagged=[
            ("it", "Non c'è alternativa al dialogo diretto ⟦leader-leader⟧ con la Russia."),
            ("it", "Un colloquio ⟦leader-a-leader⟧ è previsto."),
        ],
        clean=[
            ("it", "Un colloquio da leader a leader è previsto, faccia a faccia."),
            ("it", "Il treno Milano-Roma parte alle otto."),
        ],
        fix="unsafe",
        languages=("it",),
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        for m in compounds(text):
            word = m.group("word")
            suggestion = f"tra {word}" if len(m.group()) == 2 * len(word) + 1 else f"da {word} a {word}"
            yield Match(
                m.start(),
                m.end(),
                args={"suggestion": suggestion},
                suggestions=(suggestion, f"da {word} a {word}"),
            )


RULE = LiteralCompound()
