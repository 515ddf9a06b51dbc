"""MTP044: English abbreviated titles left before a name in Italian copy: "Dr. Mandy Cohen",
"Sen. Chuck Schumer", "Brig. Gen. Pat Ryder"."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import in_quotes, vocabulary
from lint.checks.mt.words import words
from lint.document import Document
from lint.rules import Match

# Abbreviations that also belong to names ("Dr. House", "Dr. Martens") or to Italian abbreviations
# ("Rep. Ceca", "Sec. XV"): titles only before a first name and a surname.
_NEEDS_FULL_NAME = frozenset({"Dr.", "Rep.", "Sec."})


@functools.cache
def _pattern() -> Any:
    import regex

    titles = "|".join(
        sorted(map(regex.escape, words("it")["english_title_abbreviations"]), key=len, reverse=True)
    )
    name = r"\p{Lu}[\p{L}'’-]+"
    return regex.compile(
        rf"(?<![\p{{L}}.])(?P<title>{titles})[ \u00a0]+(?P<name>{name}(?:[ \u00a0]+{name})*)"
    )


@functools.cache
def _abbreviation_words(titles: tuple[str, ...]) -> frozenset[str]:
    """The abbreviations as the document's word list holds them: "Brig. Gen." gives "brig" and "gen"."""
    return frozenset(part.rstrip(".").casefold() for title in titles for part in title.split())


class EnglishTitleAbbreviation:
    meta = rule_meta(
        code="MTP044",
        name="english-title-abbreviation",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» è l'abbreviazione inglese di un titolo: in italiano si scrive per esteso, «{suggestion}»",
            "en": "“{match}” is an English abbreviated title: Italian spells it out, “{suggestion}”",
        },
        description={
            "it": (
                "Segnala i titoli abbreviati all'inglese rimasti davanti a un nome in un testo italiano: «Dr. "
                "Mandy Cohen», «Sen. Chuck Schumer», «Gov. Ron DeSantis», «Brig. Gen. Pat Ryder». In italiano "
                "il titolo si scrive per esteso e in minuscolo: «la dottoressa Mandy Cohen», «il senatore», "
                "«il generale di brigata». «Dr.», «Rep.» e «Sec.» contano solo davanti a nome e cognome, perché "
                "restano in nomi come «Dr. House» e nelle abbreviazioni italiane («Rep. Ceca»); le sigle tra "
                "virgolette restano fuori."
            ),
            "en": (
                'Flags English abbreviated titles before a name in Italian copy ("Dr. Mandy Cohen", "Sen. Chuck '
                'Schumer", "Brig. Gen. Pat Ryder"); Italian spells the title out in small letters ("la '
                'dottoressa", "il senatore", "il generale di brigata"). "Dr." counts only before a first name '
                'and surname, since it stays in names such as "Dr. House".'
            ),
        },
        flagged=[
            ("it", "Lo ha confermato il portavoce, ⟦Brig. Gen.⟧ Pat Ryder, in conferenza stampa."),
            ("it", "Secondo ⟦Dr.⟧ Mandy Cohen il vaccino è sicuro."),
            ("it", "Il leader democratico ⟦Sen.⟧ Chuck Schumer ha risposto."),
        ],
        clean=[
            ("it", "Secondo la dottoressa Mandy Cohen il vaccino è sicuro; il gen. Rossi ha confermato."),
            ("it", "Ha rivisto tutte le puntate di Dr. House e comprato un paio di Dr. Martens."),
            ("it", "La Rep. Ceca ha battuto la Slovacchia."),
        ],
        languages=("it",),
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        table = words("it")["english_title_abbreviations"]
        if not vocabulary(document) & _abbreviation_words(tuple(table)):
            return
        text = document.prose.text
        for m in _pattern().finditer(text):
            title, name = m.group("title"), m.group("name")
            if title in _NEEDS_FULL_NAME and len(name.split()) < 2:
                continue  # "Dr. House", "Rep. Ceca": part of a name, not a title
            if in_quotes(text, m.start()):
                continue
            suggestion = " / ".join(table[title])
            yield Match(m.start("title"), m.end("title"), suggestions=(suggestion,))


RULE = EnglishTitleAbbreviation()
