"""TYP007: a verb form or conjunction capitalised in mid-sentence, after a word ("Santos Fu espulso")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import CheckContext, Match

# A word, spaces on the same line (no punctuation between), a capitalised word, spaces and the next word.
_CAPITAL_MID_SENTENCE = re.compile(
    r"(?<![\w'’-])([^\W\d_][\w'’-]*)[ \t\u00a0]+([^\W\d_][^\W\d_]*)[ \t\u00a0]+([^\W\d_])",
)


class CapitalMidSentence:
    meta = rule_meta(
        code="TYP007",
        name="capital-mid-sentence",
        category="typography",
        severity="warning",
        message={
            "it": "«{word}» con la maiuscola nel mezzo della frase: va minuscolo (o manca un punto prima)",
            "en": "“{word}” is capitalised in mid-sentence: it takes lower case (or a full stop is missing before it)",
        },
        description={
            "it": (
                "Un ausiliare, una forma di «essere», «avere» o «venire», una congiunzione o un avverbio di "
                "collegamento con la maiuscola subito dopo una parola, senza punteggiatura in mezzo («il "
                "deputato Santos Fu espulso», «il seggio Perché siamo»): la traduzione automatica ricompone "
                "così le frasi spezzate da un link o da un a capo, e un punto dimenticato lascia lo stesso "
                "segno. Solo le parole che nessun nome porta sono segnalate, e solo se la parola che segue è "
                "minuscola; i titoli di opere dopo «il film», «il libro», «la canzone»… e le righe in Title "
                "Case restano pulite."
            ),
            "en": (
                "An auxiliary or a conjunction capitalised right after a lower-case word, with no punctuation "
                'between ("the bill Was passed", "the vote Because the House"): machine translation rebuilds '
                "sentences split by a link or a line break this way, and a missing full stop leaves the same "
                'mark. Only when the word after it is in lower case: a title in Title Case ("All Is Lost") '
                "stays clean."
            ),
        },
        flagged=[
            ("it", "Il deputato George Santos ⟦Fu⟧ espulso dalla Camera venerdì."),
            ("it", "Il partito spera di tenere il seggio ⟦Perché⟧ i sondaggi sono buoni."),
            ("en", "The budget bill ⟦Was⟧ approved by the regional council on Tuesday."),
        ],
        clean=[
            (
                "it",
                "Ha ospitato il regista del film Perché no e la cantante di Ecco l'amore; La Russa ha votato.",
            ),
            ("it", "Il Deputato Fu Espulso: così titolava il giornale. Poi Della Valle ha parlato."),
            ("en", "She starred in All Is Lost and wrote It Was a Dark Night; I was there."),
        ],
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        language = options.language or options.languages.get("it")
        if language is None or not language.midsentence_lowercase_words:
            return
        words = language.midsentence_lowercase_words
        title_leads = language.title_lead_words
        # Title Case titles ("All Is Lost") capitalise the word before; in Italian, whose titles are in
        # sentence case, a name before the word is the common case ("Santos Fu espulso").
        previous_lowercase = not title_leads
        text = document.prose.text
        position = 0
        while True:
            m = _CAPITAL_MID_SENTENCE.search(text, position)
            if m is None:
                return
            # The capitalised word may be the previous word of the next candidate: step to it.
            position = m.start(2)
            word = m.group(2)
            if (
                not word[0].isupper()
                or (len(word) > 1 and not word[1:].islower())
                or word.lower() not in words
                or not m.group(3).islower()
            ):
                continue
            before = m.group(1)
            if previous_lowercase and not before[0].islower():
                continue
            if before.lower() in title_leads:
                continue
            yield Match(m.start(2), m.end(2), args={"word": word})


RULE = CapitalMidSentence()
