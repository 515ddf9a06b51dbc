"""MTP042: a hurricane or storm whose name was translated: "l'uragano Firenze" for Hurricane Florence."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import vocabulary, word_spans
from lint.checks.mt.words import STORM_NAMES, words
from lint.document import Document
from lint.rules import Match


@functools.cache
def _pattern() -> Any:
    import regex

    data = words("it")
    storm = "|".join(sorted(data["storm_words"], key=len, reverse=True))
    names = "|".join(sorted(data["storm_translations"], key=len, reverse=True))
    return regex.compile(
        rf"(?<![\p{{L}}])(?i:{storm})(?:[ \u00a0]+(?i:tropicale|tropicali))?[ \u00a0]+(?P<name>{names})(?![\p{{L}}'’])"
    )


class TranslatedStormName:
    meta = rule_meta(
        code="MTP042",
        name="translated-storm-name",
        category="name",
        severity="warning",
        message={
            "it": "«{name}» traduce il nome della tempesta: i nomi delle liste dell'Organizzazione meteorologica mondiale restano come sono, «{suggestion}»",
            "en": "“{name}” translates the storm's name: names from the World Meteorological Organization's lists stay as they are, “{suggestion}”",
        },
        description={
            "it": (
                "Segnala gli uragani e le tempeste tropicali con il nome tradotto: «l'uragano Firenze» per "
                "Florence, «la tempesta tropicale Grazia» per Grace, «l'uragano Michele» per Michael. I nomi "
                "vengono dalle liste a rotazione dell'Organizzazione meteorologica mondiale (Atlantico e "
                "Pacifico nord-orientale, con i nomi ritirati che la cronaca cita ancora) e non si traducono; "
                "«l'uragano Ian» va bene. La correzione cambia le parole: non è sicura."
            ),
            "en": (
                'Flags hurricanes and tropical storms whose name was translated ("l\'uragano Firenze" for '
                'Florence, "la tempesta tropicale Grazia" for Grace): names from the World Meteorological '
                "Organization's rotating lists (Atlantic and eastern North Pacific, with retired names) are not "
                "translated. The fix changes words: unsafe."
            ),
        },
        flagged=[
            ("it", "L'uragano ⟦Firenze⟧ ha toccato terra in Carolina del Nord."),
            ("it", "La tempesta tropicale ⟦Grazia⟧ si è rafforzata nella notte."),
        ],
        clean=[
            ("it", "L'uragano Florence ha toccato terra; l'uragano Ian e la tempesta Grace sono passati."),
            ("it", "Dopo l'uragano, Firenze ha inviato aiuti."),
        ],
        languages=("it",),
        fix="unsafe",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        if not vocabulary(document) & words("it")["storm_words"]:
            return
        text = document.prose.text
        translations = words("it")["storm_translations"]
        for start, _end in word_spans(document, words("it")["storm_words"]):
            m = _pattern().match(text, start)
            if m is None:
                continue
            name = m.group("name")
            english = translations[name]
            if english not in STORM_NAMES:
                continue
            yield Match(
                m.start("name"),
                m.end("name"),
                args={"name": name},
                suggestions=(english,),
                replacement=english,
            )


RULE = TranslatedStormName()
