"""MTP039: a verb with its own noun, from English collocations: "ha annunciato in un annuncio",
"ha dichiarato in una dichiarazione"."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt.words import words
from lint.document import Document
from lint.rules import Match


@functools.cache
def _pattern() -> re.Pattern[str]:
    data = words("it")
    prepositions = "|".join(sorted(data["tautology_prepositions"]))
    articles = "|".join(sorted((a for a in data["articles"] if not a.endswith("'")), key=len, reverse=True))
    # Anchored on the preposition and article, the rarer part: the verb is read backwards from there.
    # Then the noun (or an adjective and the noun).
    return re.compile(
        rf" (?:{prepositions})[ \u00a0]+(?:(?:{articles})[ \u00a0]+|(?:l|un|dell|nell)['’])"
        r"(?P<first>[^\W\d_]+)(?![\w'’])(?:[ \u00a0]+(?P<second>[^\W\d_]{4,})(?![\w'’]))?",
    )


_VERB_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_]{4,})\Z")


# The verb is read in the compound tense news copy uses: "ha annunciato in un annuncio".
_REGULAR_ENDINGS = ("ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute")
_PARTICIPLE_ENDINGS = (*_REGULAR_ENDINGS, "tto", "tta", "sso", "ssa", "sto", "sta")


def _stem(participle: str) -> str:
    """The stem a participle shares with its nouns: "annunciato" -> "annunci", "scritto" -> "scritt"."""
    folded = participle.casefold()
    return folded[:-3] if folded.endswith(_REGULAR_ENDINGS) else folded[:-1]


class CognateTautology:
    meta = rule_meta(
        code="MTP039",
        name="cognate-tautology",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}»: il verbo e il nome dicono la stessa cosa (calco di un'espressione inglese come «announced in an announcement»); basta «{suggestion}»",
            "en": "“{match}”: the verb and the noun say the same thing; “{suggestion}” is enough",
        },
        description={
            "it": (
                "Segnala un verbo seguito da un complemento con il suo stesso nome: «ha annunciato in un "
                "annuncio», «ha dichiarato in una dichiarazione», «ha spiegato in una breve spiegazione». È il "
                "calco di collocazioni inglesi («said in a statement» tradotto con il verbo e il nome della "
                "stessa radice), con il verbo al participio dei tempi composti. Il verbo e il nome si riconoscono "
                "dalla morfologia (il nome comincia con la radice del participio, di almeno cinque lettere), non "
                "da un elenco di frasi. La correzione "
                "toglie il complemento: non è sicura."
            ),
            "en": (
                'Flags a verb followed by a phrase with its own noun ("ha annunciato in un annuncio", "ha '
                'dichiarato in una dichiarazione"): an English collocation ("said in a statement") translated '
                "with a verb and a noun of the same root. Verb and noun are matched by morphology (the noun starts "
                "with the participle's stem, five letters or more), not from a list of phrases. The fix drops the phrase: unsafe."
            ),
        },
        flagged=[
            ("it", "Il ministro ha ⟦annunciato in un annuncio⟧ le nuove regole."),
            ("it", "La società ha ⟦dichiarato in una breve dichiarazione⟧ di non avere colpe."),
            ("it", "Il sindaco ha ⟦avvertito con un avvertimento⟧ che le scuole resteranno chiuse."),
            ("it", "L'azienda ha ⟦comunicato in un comunicato⟧ i risultati."),
        ],
        clean=[
            ("it", "Il ministro ha annunciato in una nota le nuove regole."),
            ("it", "La società ha dichiarato in un comunicato di non avere colpe."),
            ("it", "Ha lavorato in un laboratorio e ha spiegato in una lettera la sua scelta."),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={
            "Il ministro ha ⟦annunciato in un annuncio⟧ le nuove regole.": "Il ministro ha annunciato le nuove regole."
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        for m in _pattern().finditer(text):
            found = _VERB_BEFORE.search(text, max(0, m.start() - 30), m.start())
            if found is None or not found.group(1).casefold().endswith(_PARTICIPLE_ENDINGS):
                continue
            verb = found.group(1)
            stem = _stem(verb)
            if len(stem) < 5:
                continue  # "votato", "usato": too short a stem to tell a cognate from a neighbour
            for group in ("first", "second"):
                noun = m.group(group)
                if noun is not None and noun.casefold().startswith(stem):
                    yield Match(found.start(1), m.end(group), suggestions=(verb,), replacement=verb)
                    break


RULE = CognateTautology()
