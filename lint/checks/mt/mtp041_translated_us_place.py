"""MTP041: a US (or Canadian) town named after a foreign city, given that city's Italian name:
"Parigi, Texas" for Paris, Texas."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import vocabulary, word_spans
from lint.checks.mt.words import words
from lint.document import Document
from lint.rules import Match


@functools.cache
def _pattern() -> Any:
    import regex

    data = words("it")
    cities = "|".join(sorted(map(regex.escape, data["exonyms"]), key=len, reverse=True))
    states = "|".join(sorted(map(regex.escape, data["us_state_names"]), key=len, reverse=True))
    # The state right after the town, after a comma or in brackets, is the signal.
    return regex.compile(
        rf"(?<![\p{{L}}'’])(?P<city>{cities}),?[ \u00a0]+\(?(?P<state>{states})\)?(?![\p{{L}}])"
        rf"|(?<![\p{{L}}'’])(?P<city2>{cities})[ \u00a0]+\((?P<state2>{states})\)"
    )


@functools.cache
def _first_words(names: Any) -> frozenset[str]:
    return frozenset(name.split()[0].casefold() for name in names)


@functools.cache
def _translated_last_words() -> frozenset[str]:
    """The last word of each exonym that differs from the English name ("parigi", "cairo")."""
    return frozenset(it.split()[-1].casefold() for it, en in words("it")["exonyms"].items() if it != en)


class TranslatedUsPlace:
    meta = rule_meta(
        code="MTP041",
        name="translated-us-place",
        category="name",
        severity="warning",
        message={
            "it": "«{match}» è una città americana che porta il nome di una città straniera: il suo nome non si traduce, «{suggestion}»",
            "en": "“{match}” is an American town named after a foreign city: its name is not translated, “{suggestion}”",
        },
        description={
            "it": (
                "Segnala le città degli Stati Uniti (e del Canada) che portano il nome di una città straniera, "
                "tradotte con il nome italiano di quella: «Parigi, Texas» per Paris, Texas, «Atene, Georgia» per "
                "Athens, «Mosca, Idaho» per Moscow, «Menfi, Tennessee» per Memphis. Il segnale è il nome di uno "
                "Stato americano (o canadese) subito dopo, con la virgola o tra parentesi. La correzione cambia "
                "le parole: non è sicura."
            ),
            "en": (
                "Flags US (and Canadian) towns named after foreign cities, rendered with the Italian name of the "
                'city: "Parigi, Texas" for Paris, Texas, "Mosca, Idaho" for Moscow, "Menfi, Tennessee" for '
                "Memphis. The state's name right after the town is the signal. The fix changes words: unsafe."
            ),
        },
        flagged=[
            ("it", "L'incidente è avvenuto a ⟦Parigi, Texas⟧, una cittadina di 25.000 abitanti."),
            ("it", "L'università di ⟦Mosca, Idaho⟧ ha sospeso le lezioni."),
            ("it", "È nato ad ⟦Atene, Georgia⟧, nel 1960."),
            ("it", "Il concerto si terrà a ⟦Menfi (Tennessee)⟧ a giugno."),
        ],
        clean=[
            ("it", "L'incidente è avvenuto a Paris, Texas, una cittadina di 25.000 abitanti."),
            ("it", "Da Parigi il presidente è volato in Texas; da Mosca, Washington ha ricevuto una nota."),
        ],
        languages=("it",),
        fix="unsafe",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        data = words("it")
        present = vocabulary(document)
        if not present.intersection(_first_words(data["us_state_names"])) or not present.intersection(
            _first_words(tuple(data["exonyms"]))
        ):
            return
        text = document.prose.text
        exonyms = data["exonyms"]
        for start, _end in word_spans(document, _translated_last_words()):
            # "Il Cairo", "San Pietroburgo": the exonym may start a word earlier
            previous = text.rfind(" ", 0, max(0, start - 1)) + 1
            m = _pattern().match(text, start) or (
                _pattern().match(text, previous) if start - previous < 8 else None
            )
            if m is None:
                continue
            city = m.group("city") or m.group("city2")
            state = m.group("state") or m.group("state2")
            english = exonyms[city]
            if english == city:
                continue  # the same name in both languages: nothing translated
            # Also a capital and a country: "da Mosca, Washington ha risposto". Only a state when the
            # phrase closes there: "a Mosca, Washington, dove…".
            closed = m.group().endswith(")") or re.match(r"[,.;:)]", text[m.end() : m.end() + 1])
            if state in ("Washington", "Georgia") and not closed:
                continue
            fixed = m.group().replace(city, english, 1)
            yield Match(m.start(), m.end(), suggestions=(fixed,), replacement=fixed)


RULE = TranslatedUsPlace()
