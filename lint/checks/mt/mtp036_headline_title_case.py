"""MTP036: English headline casing (Title Case) carried into Italian: "Kevin McCarthy Rimosso Come
Oratore Della Camera"."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import in_quotes, inside
from lint.checks.mt.words import words
from lint.document import Document
from lint.lazyre import LazyRe
from lint.prose import CAPITAL_CANDIDATE
from lint.rules import Match

# A run of three or more capitalised words (numbers may stand between them: "Nel 2024").
_RUN = LazyRe(
    rf"(?<![\w'’-]){CAPITAL_CANDIDATE}[\w'’-]*(?:[ \u00a0]+(?:{CAPITAL_CANDIDATE}[\w'’-]*|\d+)){{2,}}(?![\w'’-])"
)
_TOKEN = re.compile(r"[^ \u00a0]+")

# An office written in English Title Case after an article ("L'Amministratore Delegato di Ryanair", "il
# Vice Presidente Esecutivo della Commissione"): Italian writes offices in small letters. Only titles
# of two words whose second is a qualifier (chief executive, chief financial officer, executive
# vice-president), and only when the office is of a body ("di", "della") or closed by a comma: before a
# name the capital can be a deferential title.
_OFFICE = LazyRe(
    r"(?<![\w'’])(?:[Ii]l|[Ll]a|[Ll]['’]|[Uu]n|[Uu]na|[Uu]n['’]|[Dd]el|[Dd]ella|[Dd]ell['’]|[Aa]l|[Aa]lla"
    r"|[Aa]ll['’]|[Dd]al|[Dd]alla|[Dd]all['’]|[Nn]el|[Nn]ella|[Nn]ell['’]|[Ss]ul|[Ss]ulla|[Ss]ull['’])[ \u00a0]?"
    r"(?:Amministrat(?:ore|rice)|Diret(?:tore|trice)|Vice[ \u00a0-]?[Pp]residente|Presidente)[ \u00a0]+"
    r"(?:Delegat[oa]|Finanziari[oa]|Esecutiv[oa]|Operativ[oa]|Tecnic[oa]|Commerciale)"
    r"(?:[ \u00a0]+(?:Esecutiv[oa]|Delegat[oa]))?"
    r"(?=[ \u00a0]*,|[ \u00a0]+(?:di|del|della|dello|dei|degli|delle|dell['’])\b)"
)


@functools.cache
def _hint(function_words: frozenset[str]) -> re.Pattern[str]:
    """A capitalised word, then a capitalised function word, then a capital: "Vince Le Primarie"."""
    forms = sorted((w.capitalize() for w in function_words), key=len, reverse=True)
    # their first letters, looked at before the alternatives: most spaces are followed by none of them
    first = f"(?=[{re.escape(''.join(sorted({w[0] for w in forms})))}])" if forms and all(forms) else ""
    return re.compile(rf" {first}(?:{'|'.join(forms)})[ \u00a0]+{CAPITAL_CANDIDATE}")


def _common_word(word: str) -> bool:
    """A word Italian writes in small letters: a frequent Italian word (rules/lexicon), not an acronym."""
    if word.isupper() or not word.isalpha():
        return False
    from lint.checks.translation.lexicon import lexicon

    return word.casefold() in lexicon("it-not-en.txt")


class HeadlineTitleCase:
    uses_knowledge = True
    meta = rule_meta(
        code="MTP036",
        name="headline-title-case",
        category="style",
        severity="warning",
        message={
            "it": "«{match}» ha le maiuscole dei titoli inglesi (Title Case): in italiano la maiuscola va solo alla prima parola e ai nomi propri",
            "en": "“{match}” keeps English headline capitals (Title Case): Italian capitalises only the first word and proper names",
        },
        description={
            "it": (
                "Segnala una sequenza di parole tutte con la maiuscola, come nei titoli inglesi, dentro un testo "
                "italiano o in un titolo: «Kevin McCarthy Rimosso Come Oratore Della Camera». Serve almeno un "
                "articolo, una preposizione o una congiunzione con la maiuscola in mezzo alla sequenza («Come», "
                "«Il», «Per», «E») e almeno una parola comune (una parola italiana frequente dell'elenco di "
                "rules/lexicon, non un nome della base di conoscenza). Restano fuori i nomi di persona con le particelle («Luigi Di Maio», "
                "«Leonardo Da Vinci»), ma dopo un titolo («Principessa», «Ministro», «Duca») la particella è una "
                "preposizione: «La Principessa Di Galles» è segnalata; le sigle, i titoli inglesi («The Lord of the Rings»), le sequenze tra "
                "virgolette e i nomi che finiscono con una lettera («Serie A»). Segnala anche una carica di due parole "
                "scritta con le maiuscole inglesi dopo un articolo, quando è la carica di un ente o la segue una "
                "virgola: «L'Amministratore Delegato di Ryanair», «il Vice Presidente Esecutivo della "
                "Commissione»; in italiano le cariche vanno in minuscolo."
            ),
            "en": (
                "Flags a run of capitalised words, English headline style, in Italian copy or an Italian "
                'headline ("Kevin McCarthy Rimosso Come Oratore Della Camera"). The run needs a capitalised '
                'article, preposition or conjunction inside it ("Come", "Il", "Per", "E") and a common word '
                "(a frequent Italian word of rules/lexicon, not a name the knowledge base knows). Names with "
                'particles ("Luigi Di Maio") are left alone, but after a title (an office of the knowledge '
                'base or a rank: "Principessa", "Ministro", "Duca") the particle is a preposition, so "La '
                'Principessa Di Galles" is flagged; acronyms, English titles, quoted runs and names ending in a '
                'letter ("Serie A") are left alone. It also flags a two-word office in English capitals after an '
                "article, when it is the office of a body or a comma follows: \"L'Amministratore Delegato di "
                'Ryanair", "il Vice Presidente Esecutivo della Commissione"; Italian writes offices in small '
                "letters."
            ),
        },
        flagged=[
            (
                "it",
                "⟦Il Governo Approva La Riforma Delle Pensioni Dopo Un Lungo Dibattito⟧\n\nIl testo passa ora al Senato.",
            ),
            (
                "it",
                "Ultime notizie: ⟦La Banca Mondiale Taglia Le Stime Sulla Crescita⟧",
            ),
            ("it", "Alla cerimonia ⟦La Duchessa Di Kent⟧ ha premiato la vincitrice."),
            ("it", "Secondo ⟦l'Amministratore Delegato⟧ della compagnia, i voli riprenderanno domani."),
            ("it", "⟦Il Vice Presidente Esecutivo⟧ della Commissione ha presentato il piano."),
            ("it", "Ne ha parlato ⟦il Direttore Finanziario⟧, che lascerà a giugno."),
        ],
        clean=[
            ("it", "Il governo approva la riforma delle pensioni dopo un lungo dibattito."),
            ("it", "Luigi Di Maio ha incontrato Leonardo Da Vinci Rossi e la Banca Centrale Europea."),
            ("it", "Ha citato «Il Nome Della Rosa» e il film The Lord of the Rings nella Lega Serie A."),
            ("it", "Secondo l'amministratore delegato della compagnia, i voli riprenderanno domani."),
            ("it", "Il vicepresidente esecutivo della Commissione ha presentato il piano."),
        ],
        languages=("it",),
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        data = words("it")
        function_words = data["title_case_function_words"]
        # English function words make the run an English name or title ("The Lord of the Rings").
        english = words("en")["title_case_function_words"]
        for office in _OFFICE.finditer(text):
            if not in_quotes(text, office.start()):
                yield Match(office.start(), office.end())
        names: list[tuple[int, int]] | None = None
        # Surname particles are hints too: after a title they are prepositions ("Principessa Di Galles").
        hints = function_words | {p for p in data["surname_particles"] if p.isalpha()}
        for run in self._runs(text, hints):
            tokens = [(m.start() + run.start(), m.group()) for m in _TOKEN.finditer(run.group())]
            folded = [t.casefold().strip("'’") for _, t in tokens]
            if any(w in english for w in folded):
                continue
            # A capitalised function word inside the run (not its first word, not its last: "Serie A").
            inner = [i for i in range(1, len(tokens) - 1) if folded[i] in function_words]
            # "Di", "Della"... start surnames ("Luigi Di Maio"), but never after a title: "La Principessa
            # Di Galles" is headline casing.
            particles = [
                i
                for i in range(2, len(tokens) - 1)
                if folded[i] in data["surname_particles"] and folded[i - 1] not in function_words
            ]
            if particles:
                titles = self._title_nouns(options, data["rank_titles"])
                particles = [i for i in particles if folded[i - 1] in titles]
            if particles:
                # ... unless the particle starts a name the knowledge base knows: "Il Ministro Di Maio".
                if names is None:
                    names = self._names(document, options)
                inner = sorted({*inner, *(i for i in particles if not inside(names, tokens[i][0]))})
            if not inner:
                continue
            if in_quotes(text, run.start()):
                continue
            if names is None:
                names = self._names(document, options)
            common = [
                i
                for i in range(1, len(tokens))
                if i not in inner
                and folded[i] not in function_words
                and _common_word(tokens[i][1])
                and not inside(names, tokens[i][0])
            ]
            if not common:
                continue
            yield Match(run.start(), run.end())

    @staticmethod
    def _runs(text: str, function_words: frozenset[str]) -> Iterator[re.Match[str]]:
        """The runs of capitalised words around each capitalised function word that follows a capitalised
        word: a scan for that rare sign first, the runs only where it is."""
        done = -1
        for hint in _hint(function_words).finditer(text):
            if hint.start() < done or not text[hint.start() - 1 : hint.start()].isalpha():
                continue
            lo = text.rfind("\n", 0, hint.start()) + 1
            for run in _RUN.finditer(text, max(lo, hint.start() - 200), hint.end() + 200):
                if run.start() <= hint.start() < run.end() and run.end() > done:
                    done = run.end()
                    yield run
                    break

    @staticmethod
    def _title_nouns(options: Mapping[str, Any], rank_titles: frozenset[str]) -> frozenset[str]:
        """The first words of the Italian titles the knowledge base's offices hold ("ministro",
        "segretaria", "principe"), and titles of rank."""
        ckb = options.knowledge_base()
        if ckb is None:
            return rank_titles
        return rank_titles | _office_title_heads(ckb)

    @staticmethod
    def _names(document: Document, options: Mapping[str, Any]) -> list[tuple[int, int]]:
        ckb = options.knowledge_base()
        if ckb is None:
            return []
        from lint.checks.people.names import find_mentions

        return sorted((m.start, m.end) for m in find_mentions(document, ckb))


# First words of office titles that are adjectives or first names as well ("Alto rappresentante",
# "Santo Padre", "Santo Di ..."): not titles on their own.
_NOT_TITLE_NOUNS = frozenset({"alta", "alto", "prima", "primo", "santo", "sommo", "numero", "vice", "guida"})


def _office_title_heads(ckb: Any) -> frozenset[str]:
    """Read when a capitalised particle follows a capitalised word, which is rare: no cache needed."""
    forms = (f for office in ckb.kb.offices.values() for f in (*office.titles.it_m, *office.titles.it_f))
    return frozenset(f.split()[0].casefold() for f in forms if f.strip()) - _NOT_TITLE_NOUNS


RULE = HeadlineTitleCase()
