"""MTP048: «il signor Biden», «la signora Harris»: the English "Mr.", "Ms." of second reference translated
before the surname of a public figure, where Italian news writes the surname alone."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import in_quotes, vocabulary, word_set, word_spans
from lint.document import Document
from lint.rules import CheckContext, Match

_HONORIFICS = frozenset({"signor", "signora", "signori"})


# Capitalised words before a surname that are no first name: honorifics of other languages, titles.
_NOT_FIRST_NAMES = word_set(
    """signor signora signori sig herr frau mr mrs ms miss mister monsieur madame mme sir lady lord don
    donna dr doctor prof san santa papa re regina principe principessa presidente ministro primo"""
)
# Titles written with a capital after «signor» in a parliament's forms of address («il signor
# Ministro», «il signor Presidente»): not a surname.
_TITLES = word_set(
    """presidente ministro sottosegretario commissario sindaco giudice senatore deputato segretario
    direttore procuratore governatore ambasciatore generale avvocato dottore professore onorevole
    questore prefetto consigliere relatore vicepresidente cancelliere premier contessa duca
    marchese principe principessa capitano colonnello ispettore maresciallo"""
)
# The article or articulated preposition before the honorific, and what stays of it once the honorific
# goes: «del signor Biden» -> «di Biden». A bare honorific is a vocative or a quotation («Signor Biden,»).
_ARTICLE_BEFORE = re.compile(
    r"(?<![\w'’])(?P<article>il|la|i|le|del|della|dei|delle|al|alla|ai|alle|dal|dalla|dai|dalle|nel|nella|"
    r"nei|nelle|sul|sulla|sui|sulle|col|coi|con\s+il|con\s+la|per\s+il|per\s+la|tra\s+il|tra\s+la|fra\s+il|"
    r"fra\s+la)[ \u00a0]+\Z",
    re.IGNORECASE,
)
_PREPOSITION = {
    "del": "di", "della": "di", "dei": "di", "delle": "di", "al": "a", "alla": "a", "ai": "a", "alle": "a",
    "dal": "da", "dalla": "da", "dai": "da", "dalle": "da", "nel": "in", "nella": "in", "nei": "in",
    "nelle": "in", "sul": "su", "sulla": "su", "sui": "su", "sulle": "su", "col": "con", "coi": "con",
}  # fmt: skip


@functools.cache
def _name_after() -> Any:
    """The capitalised name right after the honorific: one to three words, a particle between them."""
    import regex

    word = r"\p{Lu}[\p{L}'’-]+"
    return regex.compile(
        rf"[ \u00a0]+(?P<name>{word}(?:[ \u00a0]+(?:(?:de|di|da|del|van|von|der|la|le)[ \u00a0]+)?{word}){{0,2}})"
        rf"(?![\p{{L}}'’-])"
    )


def _public_figure(document: Document, surname: str) -> bool:
    """Whether the article treats ``surname`` as a public figure's: after a first name somewhere ("Joe
    Biden"), or, for a surname that is no Italian word as well, with a bare feminine article («la
    Clinton») or after another capitalised word inside a sentence ("Martin Winterkorn")."""
    from lint.checks.people.gender import first_name_gender
    from lint.checks.people.names import name_runs

    # the capitalised words of each run that ends in the surname ("di Herr Kessel" -> "Herr Kessel")
    runs = [[w for w in run if w[2][:1].isupper()] for run in name_runs(document) if run[-1][2] == surname]
    runs = [run for run in runs if len(run) > 1 and run[0][2].casefold().rstrip(".") not in _NOT_FIRST_NAMES]
    if any(first_name_gender(run[0][2], "it") is not None for run in runs):
        return True
    text = document.prose.text
    # «la Clinton», «della Merkel»: the press gives a public woman's surname the article
    feminine = rf"(?<![\w'’])(?:la|della|alla|dalla|nella|sulla)[ \u00a0]+{re.escape(surname)}\b"
    # A capitalised word inside a sentence belongs to the name; one that opens a sentence may be any word
    # ("Secondo Biden"): the dictionary decides.
    inside = any(text[max(0, run[0][0] - 3) : run[0][0]].rstrip()[-1:].isalnum() for run in runs)
    if not inside and not runs and re.search(feminine, text) is None:
        return False
    if _common_surname(surname):
        return False
    if inside or re.search(feminine, text) is not None:
        return True
    from lint import lemmas

    return any(not lemmas.is_known(run[0][2].lower(), "it") for run in runs)


class MisterCalque:
    uses_knowledge = True
    meta = rule_meta(
        code="MTP048",
        name="mister-calque",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» davanti al cognome di un personaggio pubblico è il «Mr.», «Ms.» inglese: "
            "i giornali italiani scrivono il cognome solo, «{suggestion}»",
            "en": "“{match}” before a public figure's surname is the English “Mr.”, “Ms.”: Italian news "
            "writes the surname alone, “{suggestion}”",
        },
        description={
            "it": (
                "Segnala «il signor», «la signora», «i signori» davanti al cognome di un personaggio pubblico "
                "(una persona della base di conoscenza, o un cognome che l'articolo dà altrove con il nome di "
                "battesimo o con l'articolo femminile, «la Clinton»): è il «Mr. Biden», «Ms. Harris» con cui i giornali inglesi richiamano una persona "
                "già nominata, che la traduzione automatica rende «il signor Biden», «la signora Meloni». I "
                "giornali italiani scrivono il cognome solo, o il titolo («il presidente»). Restano fuori le "
                "citazioni, il vocativo («Signor Biden, …») e «signor» davanti a un titolo («signor "
                "presidente»)."
            ),
            "en": (
                "Flags «il signor», «la signora» before the surname of a public figure (a knowledge-base person, "
                "or a surname the article gives elsewhere with a first name or a bare feminine article, «la Clinton»): the English second-reference "
                '"Mr. Biden", "Ms. Harris", which Italian news never uses; it writes the surname alone or the '
                "title. Quotations, the vocative and «signor presidente» are left alone."
            ),
        },
        flagged=[
            (
                "it",
                "Kamala Harris ha parlato a Detroit. Secondo ⟦la signora ⟧Harris l'economia è in ripresa.",
            ),
            (
                "it",
                "Il premier Mark Carney è arrivato ieri. Le dichiarazioni ⟦del signor⟧ Carney sono attese domani.",
            ),
        ],
        clean=[
            ("it", "Kamala Harris ha parlato a Detroit. Secondo Harris l'economia è in ripresa."),
            (
                "it",
                "«Signor presidente, la signora Harris la aspetta», ha detto Paolo Rossi al signor presidente.",
            ),
            ("it", "Il negozio del signor Bianchi, in via Roma, ha chiuso."),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={
            "Kamala Harris ha parlato a Detroit. Secondo ⟦la signora ⟧Harris l'economia è in ripresa.": (
                "Kamala Harris ha parlato a Detroit. Secondo Harris l'economia è in ripresa."
            )
        },
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        if not vocabulary(document) & _HONORIFICS:
            return
        text = document.prose.text
        mentions: list[Any] | None = None
        for start, end in word_spans(document, _HONORIFICS):
            after = _name_after().match(text, end)
            if after is None:
                continue
            before = _ARTICLE_BEFORE.search(text, max(0, start - 12), start)
            if before is None:
                continue
            if after.group("name").split()[0].casefold() in _TITLES:
                continue  # «il signor Ministro»: a form of address, not a surname
            name_start = after.start("name")
            surname = after.group("name").split()[-1]
            if mentions is None:
                mentions = _kb_mentions(document, options)
            known = any(m.start <= name_start < m.end for m in mentions) and (
                not _common_surname(after.group("name")) or _named_bare(text, surname)
            )
            if not known and not _public_figure(document, surname):
                continue
            if in_quotes(text, start):
                continue
            article = before.group("article")
            kept = _PREPOSITION.get(article.lower(), "")
            if kept and article[0].isupper():
                kept = kept.capitalize()
            if kept:
                yield Match(
                    before.start("article"), end, suggestions=(kept + " " + surname,), replacement=kept
                )
            else:
                yield Match(before.start("article"), name_start, suggestions=(surname,), replacement="")


def _named_bare(text: str, surname: str) -> bool:
    """Whether the article also gives ``surname`` alone, with no honorific before it ("Meloni ha
    detto"): how it refers to a public figure, not to a shopkeeper it calls «il signor Bianchi»."""
    for found in re.finditer(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])", text):
        before = text[max(0, found.start() - 10) : found.start()].rstrip().casefold()
        if not before.endswith(("signor", "signora", "signori")):
            return True
    return False


@functools.cache
def _common_surname(name: str) -> bool:
    """A lone surname that is also an Italian word ("Bianchi", "Meloni"): many people bear it, so the KB
    person counts only when the article also names them without the honorific or in full."""
    from lint import lemmas

    return " " not in name and bool(lemmas.is_known(name.lower(), "it"))


def _kb_mentions(document: Document, options: CheckContext) -> list[Any]:
    ckb = options.knowledge_base()
    if ckb is None:
        return []
    from lint.checks.people.names import find_mentions

    return [m for m in find_mentions(document, ckb) if m.belongs_to(ckb)]


RULE = MisterCalque()
