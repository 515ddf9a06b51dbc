"""TYP004: a sentence that starts in lower case after a full stop."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.lazyre import LazyRe
from lint.prose import NAME_PARTICLES, NAME_PREFIXES
from lint.rules import Match

# A full stop after two lowercase letters (not an initial, an ellipsis or a number), spaces with at
# most one line break, and a word that starts in lower case.
_LOWER_AFTER_STOP = LazyRe(
    r"(?<!\w)([^\W\d_]+)\.([ \t\u00a0]+(?:\r\n|\r|\n)?[ \t]*|(?:\r\n|\r|\n)[ \t]*)([^\W\d_][\w'’-]*)"
)
_LOWER_AFTER_STOP_HINT = re.compile(
    r"\.(?:[ \t\u00a0]+(?:\r\n|\r|\n)?[ \t]*|(?:\r\n|\r|\n)[ \t]*)[a-zß-öø-ÿ]"
)
_NEXT_WORD = LazyRe(r"[ \t\u00a0]+([^\W\d_][\w'’-]*)")


class LowercaseSentenceStart:
    meta = rule_meta(
        code="TYP004",
        name="lowercase-sentence-start",
        category="typography",
        severity="warning",
        message={
            "it": "La frase comincia con la minuscola dopo il punto: «{word}»",
            "en": "The sentence starts in lower case after a full stop: “{word}”",
        },
        description={
            "it": (
                "Una parola minuscola subito dopo un punto fermo («ha spiegato. aggiunto che…»): o la frase "
                "nuova va con la maiuscola, o il punto è di troppo (una frase spezzata da una traduzione "
                "automatica o da un taglio). Non sono segnalati il testo dopo un’abbreviazione («ecc.», "
                "«pag.», «Inc.»: l’elenco è rules.TYP004.options.abbreviations), dopo sigle puntate («U.S.», "
                "«a.C.»), iniziali, numeri e puntini di sospensione, né i nomi che si scrivono con la minuscola "
                "(«iPhone», «eBay», «de Gaulle»). Gli indirizzi web e i nomi di file non contengono spazi dopo "
                "il punto, e restano puliti."
            ),
            "en": (
                'A lowercase word right after a full stop ("he explained. added that…"): either the new sentence '
                "needs its capital, or the full stop does not belong (a sentence broken by machine translation "
                'or a cut). Text after an abbreviation ("etc.", "Inc.", "Wash.": the list is '
                'rules.TYP004.options.abbreviations), dotted initials ("U.S.", "a.m."), initials, numbers and '
                'ellipses is not flagged, nor are names written in lower case ("iPhone", "eBay", "de Gaulle"). '
                "Web addresses and file names have no space after their dots, and stay clean."
            ),
        },
        flagged=[
            ("it", "Il portavoce ha spiegato. ⟦aggiunto⟧ che i colloqui riprenderanno."),
            ("en", "The envoy left early. ⟦talks⟧ will resume on Monday."),
        ],
        clean=[
            (
                "it",
                "Ha citato Francia, Germania ecc. e poi gli U.S.A. in generale. Aspettava... poi niente. "
                "Ha comprato un iPhone. eBay lo vende.",
            ),
            (
                "en",
                "Acme Inc. said on Tuesday that prices rose 3 p.m. yesterday; see corriere.it and main.py.",
            ),
        ],
        options={
            "abbreviations": (
                *("ecc", "etc", "es", "pag", "pagg", "pp", "sig", "sigg", "dott", "prof", "ing", "avv", "on"),
                *("sen", "gen", "col", "cap", "art", "artt", "cfr", "ca", "cca", "vol", "voll", "nn", "ss"),
                *("segg", "sgg", "cit", "op", "ibid", "ed", "eds", "al", "min", "max", "tel", "fig", "tab"),
                *("sez", "lett", "par", "mod", "rif", "pres", "dir", "geom", "rag", "arch", "mons", "card"),
                *("mln", "mld", "mrd", "tot", "cd", "trad", "dott.ssa", "sig.ra", "spett", "egr", "gent"),
                *("Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr", "St", "Ave", "Rd", "Blvd", "Mt", "Ft"),
                *("Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Hon", "Gen", "Col", "Lt", "Maj"),
                *("Capt", "Cmdr", "Adm", "Sgt", "Gov", "Sen", "Rep", "Pres", "Dept", "Univ", "No", "Nos"),
                *("approx", "est", "vs", "cf", "viz", "ch", "seq", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul"),
                *("Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn"),
                *("Del", "Fla", "Ill", "Ind", "Kan", "Mass", "Mich", "Minn", "Miss", "Mont", "Neb", "Nev"),
                *("Okla", "Ore", "Penn", "Tenn", "Tex", "Wash", "Wis", "Wyo"),
                *("ft", "lb", "lbs", "oz", "yd", "mi", "hr", "hrs", "sec", "sq", "mph", "gg", "sett", "ott"),
            ),
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        if ". " not in text and ".\n" not in text and ".\r" not in text and ".\t" not in text:
            return
        abbreviations = set(options.get("abbreviations", ()))
        for m in self._candidates(text):
            before, word = m.group(1), m.group(3)
            if not word[0].islower() or len(before) < 2 or not before[-2:].islower():
                continue  # a capital, an initial ("J. smith"), or an acronym before the stop
            if before in abbreviations or before.casefold() in abbreviations:
                continue
            if m.start(1) > 0 and text[m.start(1) - 1] in ".@/\\_":
                continue  # dotted initials ("e.g. the"), an address or a path
            if any(c.isupper() for c in word[1:]) or _name_particle(text, m.end(3), word):
                continue  # "iPhone", "eBay"; "de Gaulle", "al-Sisi"
            yield Match(m.start(3), m.end(3), args={"word": word})

    @staticmethod
    def _candidates(text: str) -> Iterator[re.Match[str]]:
        """Each word before a full stop that a lowercase word follows, found from the rarer full stop."""
        for hint in _LOWER_AFTER_STOP_HINT.finditer(text):
            start = hint.start()
            while start > 0 and (text[start - 1].isalpha()):
                start -= 1
            m = _LOWER_AFTER_STOP.match(text, start)
            if m is not None:
                yield m


def _name_particle(text: str, end: int, word: str) -> bool:
    """A lowercase particle that starts a name: "de Gaulle", "van der Bellen", "al-Sisi"."""
    if word.startswith(NAME_PREFIXES) and any(c.isupper() for c in word):
        return True
    if word not in NAME_PARTICLES:
        return False
    following = _NEXT_WORD.match(text, end)
    while following and following.group(1) in NAME_PARTICLES:
        following = _NEXT_WORD.match(text, following.end())
    return bool(following) and following.group(1)[0].isupper()


RULE = LowercaseSentenceStart()
