"""TTL002: a title, article, participle or pronoun of the wrong gender for a person in the knowledge base."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.people.names import (
    find_mentions,
)
from lint.checks.people.titles import TitleReader, TitleUse
from lint.document import Document
from lint.findings import Severity
from lint.kb.keys import tokens
from lint.rules import CheckContext, Match

# Title words whose form shows a gender; the ones not listed (presidente, premier, portavoce, leader) do not.
_MASCULINE_TITLES = {
    "ministro", "primo", "segretario", "sottosegretario", "viceministro", "ambasciatore", "senatore",
    "deputato", "governatore", "sindaco", "cancelliere", "procuratore", "direttore", "consigliere",
    "amministratore", "presidente-padrone", "vicesegretario", "portavoce-capo", "ex-ministro",
}  # fmt: skip
_FEMININE_TITLES = {
    "ministra", "prima", "segretaria", "sottosegretaria", "viceministra", "ambasciatrice", "senatrice",
    "deputata", "governatrice", "sindaca", "cancelliera", "procuratrice", "direttrice", "consigliera",
    "amministratrice", "presidentessa", "vicesegretaria", "regina", "principessa", "sovrana",
}  # fmt: skip
_MASCULINE_ARTICLES = {
    "il",
    "lo",
    "un",
    "del",
    "dello",
    "al",
    "allo",
    "dal",
    "dallo",
    "nel",
    "sul",
    "col",
    "quel",
    "questo",
}
_FEMININE_ARTICLES = {"la", "una", "della", "alla", "dalla", "nella", "sulla", "quella", "questa"}
# "Frederiksen è stato rieletto": the participle or adjective right after the name's verb agrees with it.
_AGREEMENT_IT = re.compile(
    r"[ \u00a0]+(?:è|era|sarà|sarebbe|fu|sia|fosse)[ \u00a0]+(?:(stat[oa])\b|([a-zà-ù]{2,}(?:at|ut|it|ett|ess|olt|ort|ast|unt|int)([oa]))\b)"
)
# What may come right before a name that is the subject of its clause.
_CLAUSE_START = re.compile(
    r"(?:^|[.,;:!?«“\"(]|\b(?:che|e|ed|ma|poi|quando|mentre|se|perché|anche|però|ieri|oggi)\b)[ \u00a0]*\Z"
)
_AGREEMENT_EN = re.compile(
    r"[ \u00a0]+(?:said|says|told reporters|added|insisted|argued|warned|claimed|stressed|noted)[ \u00a0]+(?:that[ \u00a0]+)?(he|she|his|her)\b",
    re.IGNORECASE,
)


class GenderMismatch:
    uses_knowledge = True
    meta = rule_meta(
        code="TTL002",
        name="title-gender-mismatch",
        category="title",
        severity="warning",
        preview=True,
        # The default: a feminine title for a man. The agreement checks are Italian's (participles) and
        # English's (pronouns); each template names the person's gender ("-f" for a woman).
        message={
            "it": "«{match}» è al femminile, ma {name} è un uomo",
            "en": "“{match}” is feminine, but {name} is a man",
        },
        messages={
            "masculine-title": {
                "it": "«{match}» è al maschile per {name}: molte redazioni usano il femminile (la ministra, la presidente)",
                "en": "“{match}” is masculine for {name}: many newsrooms use the feminine (la ministra, la presidente)",
            },
            "agreement-f": {
                "it": "«{match}» non concorda con {name}: è una donna",
                "en": "“{match}” does not agree with {name}, who is a woman",
            },
            "agreement-m": {
                "it": "«{match}» non concorda con {name}: è un uomo",
                "en": "“{match}” does not agree with {name}, who is a man",
            },
        },
        description={
            "it": (
                "Segnala un titolo, un articolo, un participio o un pronome del genere sbagliato per una persona "
                "della base di conoscenza: «la ministra Antonio Tajani», «Mette Frederiksen è stato rieletto», "
                "«Prime Minister Mette Frederiksen said he…». Un titolo maschile per una donna («il ministro "
                "Anna Bernini») è una scelta di stile che molte redazioni fanno: è segnalato solo come "
                "informazione, e l'opzione `masculine_for_women: false` lo spegne. Il genere giudicato è solo "
                "quello dato da una fonte, non quello dedotto dal nome."
            ),
            "en": (
                "Flags a title, article, participle or pronoun of the wrong gender for a person in the knowledge "
                'base: "la ministra Antonio Tajani", "Mette Frederiksen è stato rieletto", "Prime Minister '
                'Mette Frederiksen said he…". A masculine Italian title for a woman ("il ministro Anna '
                'Bernini") is a house style many newsrooms follow: it is reported as info only, and the option '
                "`masculine_for_women: false` turns it off. Only genders given by a source are judged, not those "
                "inferred from a first name."
            ),
        },
        flagged=[
            (
                "it",
                "---\ndate: 2023-05-01\n---\nMette Frederiksen è ⟦stato⟧ rieletta alla guida del governo danese.",
            ),
            ("it", "---\ndate: 2023-05-01\n---\n⟦La ministra⟧ degli Esteri Antonio Tajani ha parlato."),
            (
                "en",
                "---\ndate: 2023-05-01\n---\nDanish Prime Minister Mette Frederiksen said ⟦he⟧ would stay.",
            ),
        ],
        clean=[
            ("it", "---\ndate: 2023-05-01\n---\nLa premier danese Mette Frederiksen è stata rieletta."),
            ("it", "---\ndate: 2023-05-01\n---\nIl ministro degli Esteri Antonio Tajani è arrivato."),
            (
                "en",
                "---\ndate: 2023-05-01\n---\nDanish Prime Minister Mette Frederiksen said she would stay.",
            ),
        ],
        options={"masculine_for_women": True},
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        ckb = options.knowledge_base()
        if ckb is None:
            return
        text = document.prose.text
        lang = document.language
        reader = TitleReader(ckb, options.languages)
        masculine_for_women = options.get("masculine_for_women", True)
        for mention in find_mentions(document, ckb):
            if len(mention.people) != 1 or not mention.belongs_to(ckb):
                continue
            person = ckb.kb.people[mention.people[0]]
            if person.gender_inferred or (person.minor and mention.surname_only):
                continue
            name = person.name_for(lang)
            agreement = {"it": self._italian_agreement, "en": self._english_agreement}.get(lang or "")
            if agreement is not None:
                yield from agreement(reader, text, mention, person, name, masculine_for_women)

    def _italian_agreement(
        self, reader: TitleReader, text: str, mention: Any, person: Any, name: str, masculine_for_women: bool
    ) -> Iterator[Match]:
        """The title's gender, then a participle after the name ("Mette Frederiksen è stato")."""
        use = reader.before(text, mention)
        if use is not None:
            found = self._title_gender(text, use)
            if found is not None:
                start, end, gender = found
                if gender != person.gender and (gender == "f" or masculine_for_women):
                    yield self._title_finding(start, end, person, name)
        # The participle agrees with the name only when the name is the subject: not after a
        # noun ("il governo Meloni è stato") nor after a title that sets its own gender.
        m = _AGREEMENT_IT.match(text, mention.end) if use is None else None
        if m and _CLAUSE_START.search(text[max(0, mention.start - 40) : mention.start]) is None:
            m = None
        if m:
            group = 1 if m.group(1) else 2
            word = m.group(group)
            gender = "m" if word.endswith("o") else "f"
            if gender != person.gender:
                right = word[:-1] + ("a" if person.gender == "f" else "o")
                yield self._agreement_finding(m.start(group), m.end(group), person, name, right)

    def _english_agreement(
        self, reader: TitleReader, text: str, mention: Any, person: Any, name: str, masculine_for_women: bool
    ) -> Iterator[Match]:
        """A pronoun right after the name ("Mette Frederiksen said he")."""
        m = _AGREEMENT_EN.match(text, mention.end)
        if m:
            pronoun = m.group(1)
            gender = "m" if pronoun.casefold() in ("he", "his") else "f"
            if gender != person.gender:
                right = {"he": "she", "his": "her", "she": "he", "her": "his"}[pronoun.casefold()]
                yield self._agreement_finding(m.start(1), m.end(1), person, name, right)

    @staticmethod
    def _agreement_finding(start: int, end: int, person: Any, name: str, right: str) -> Match:
        template = "agreement-f" if person.gender == "f" else "agreement-m"
        return Match(
            start, end, args={"name": name}, template=template, suggestions=(right,), replacement=right
        )

    @staticmethod
    def _title_gender(text: str, use: TitleUse) -> tuple[int, int, str] | None:
        """(start, end, gender) of the word that gives the title a gender: its head noun when that shows
        one, else the article before it."""
        toks = tokens(text[use.start : use.end], use.start)
        if not toks:
            return None
        head = toks[0]
        before = tokens(text[max(0, use.start - 12) : use.start], max(0, use.start - 12))
        article = before[-1] if before and text[before[-1][2] : use.start].strip() == "" else None
        if head[0] in _FEMININE_TITLES:
            start = article[1] if article and article[0] in _FEMININE_ARTICLES | {"l'"} else head[1]
            return start, head[2], "f"
        if head[0] in _MASCULINE_TITLES:
            start = article[1] if article and article[0] in _MASCULINE_ARTICLES | {"l'"} else head[1]
            return start, head[2], "m"
        if article is None:
            return None
        if article[0] in _FEMININE_ARTICLES:
            return article[1], head[2], "f"
        if article[0] in _MASCULINE_ARTICLES:
            return article[1], head[2], "m"
        return None

    @staticmethod
    def _title_finding(start: int, end: int, person: Any, name: str) -> Match:
        if person.gender == "f":
            return Match(start, end, args={"name": name}, template="masculine-title", severity=Severity.INFO)
        return Match(start, end, args={"name": name})
