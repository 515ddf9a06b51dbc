"""MTP047: an adjective of nationality or a language capitalised inside an Italian sentence ("il governo
Americano", "parla Inglese"), as English writes them."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import in_quotes, vocabulary, word_set, word_spans
from lint.checks.mt.words import words
from lint.document import Document
from lint.rules import Match

_PREVIOUS = re.compile(r"([^\W\d_]+)[ \u00a0]+\Z")
_COORDINATION = re.compile(r",[ \u00a0]*|[ \u00a0]+(?:e|ed|o|od)[ \u00a0]+")
_NEXT = re.compile(r"[ \u00a0]*([^\W\d_]+|-)")

# After these the capitalised word is a noun: a people ("gli Americani", "degli Europei", "molti
# Russi"), which Italian style guides tolerate with a capital, or a name ("il Russo" for Mr Russo).
_DETERMINERS = word_set(
    """il lo la i gli le l un uno una dei degli delle del dello della ai agli alle al allo alla dai dagli
    dalle dal dallo dalla nei negli nelle nel nello nella sui sugli sulle sul sullo sulla coi col questo
    questa questi queste quel quello quella quei quegli quelle molti molte pochi poche tanti tante alcuni
    alcune diversi diverse numerosi numerose vari varie tutti tutte altri altre due tre quattro cinque
    sei sette otto nove dieci cento mille e ed o od né ma però anche pure come tra fra di da a per con su
    che cui chi non se"""
)
# A person's title or role before a surname that is also an adjective of nationality: "il ministro
# Russo", "l'attaccante Greco", "il premier Albanese".
_ROLES = word_set(
    """presidente vicepresidente premier ministro ministra viceministro sottosegretario sindaco sindaca
    leader segretario segretaria senatore senatrice deputato deputata onorevole giudice magistrato
    procuratore pm avvocato avvocata generale colonnello capitano comandante ammiraglio signor signore
    signora dottor dottore dottoressa professor professore professoressa ingegner ingegnere architetto
    allenatore tecnico mister giocatore giocatrice attaccante difensore centrocampista portiere pilota
    cantante attore attrice regista scrittore scrittrice giornalista collega consigliere consigliera
    assessore assessora governatore governatrice commissario commissaria prefetto questore cardinale
    vescovo papa padre don suor fratello sorella figlio figlia moglie marito zio zia nonno nonna cugino
    cugina compagno compagna amico amica autore autrice artista fotografo chef direttore direttrice"""
)
# Generic geographical nouns whose name goes on with the adjective, capitalised: "l'oceano Indiano",
# "il mar Cinese meridionale", "il mar Baltico", "la penisola Coreana".
_GEOGRAPHY = word_set(
    """mar mare mari oceano penisola golfo stretto canale isola isole arcipelago lago laghi monte monti
    deserto fiume altopiano bassopiano pianura baia capo catena fossa"""
)
# Forms that are names before they are adjectives: a city ("Latina"), a state ("il Vaticano"), first names and surnames ("Giordano").
_NOT_ADJECTIVES = word_set("latina latine vaticano vaticana vaticani vaticane giordano giordana")

_CHAMPIONSHIP = word_set("prossimi scorsi ultimi passati futuri precedenti primi vinto giocato")


def _inflect(base: str) -> set[str]:
    """The four (or two) forms of an Italian adjective of nationality, from its masculine singular."""
    if base.endswith("co"):  # "greco" -> "greci"/"greche", "tedesco" -> "tedeschi"/"tedesche"
        stem = base[:-1]
        return {base, stem + "a", stem + "i", stem + "hi", stem + "he"}
    if base.endswith("o"):
        stem = base[:-1]
        return {base, stem + "a", stem + "i", stem + "e"}
    if base.endswith("a"):  # "saudita", "belga", "cipriota"
        stem = base[:-1]
        return {base, stem + "i", stem + ("he" if stem.endswith(("c", "g")) else "e")}
    if base.endswith("e"):  # "inglese", "statunitense", "etiope"
        return {base, base[:-1] + "i"}
    return {base}  # "burkinabé", "swazi", "hindi"


@functools.lru_cache(maxsize=4)
def _adjectives(knowledge: Any) -> frozenset[str]:
    """Every form, in lower case, of the adjectives of the countries the knowledge base knows and of
    the language module's further nationalities and languages; less the forms that name a country."""
    bases = set(words("it").get("nationality_adjectives", ()))
    names: set[str] = set()
    for country in getattr(getattr(knowledge, "kb", None), "countries", {}).values():
        bases.update(a for a in (country.it_adjective_m, country.it_adjective_f) if " " not in a)
        for other in (country.it_name, *country.it_also):
            if other.isalpha() and other.islower():  # an adjective: "inglese" for the United Kingdom
                bases.add(other)
            elif other[:1].isupper():
                names.add(other.casefold())
    forms: set[str] = set()
    for base in bases:
        forms |= _inflect(base.casefold())
    return frozenset(forms - names - _NOT_ADJECTIVES)


def _knowledge(options: Mapping[str, Any]) -> Any:
    provider = getattr(options, "knowledge_base", None)
    return provider() if callable(provider) else None


@functools.cache
def _first_names() -> frozenset[str]:
    from lint.data import rules_dir

    lines = (rules_dir() / "lexicon" / "first-names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.partition("\t")[0] for line in lines if line and not line.startswith("#"))


class CapitalisedNationality:
    uses_knowledge = True  # the countries' adjectives

    meta = rule_meta(
        code="MTP047",
        name="capitalised-nationality",
        category="style",
        severity="warning",
        message={
            "it": "«{match}» con la maiuscola: in italiano aggettivi di nazionalità e lingue si scrivono in minuscolo («{suggestion}»)",
            "en": "“{match}” is capitalised: Italian writes adjectives of nationality and languages in small letters (“{suggestion}”)",
        },
        description={
            "it": (
                "Segnala un aggettivo di nazionalità o il nome di una lingua con la maiuscola in mezzo a una "
                "frase italiana, dopo una parola minuscola («il governo Americano», «le truppe Russe», «parla "
                "Inglese», «in Francese»): l'inglese li scrive con la maiuscola, l'italiano in minuscolo "
                "(Treccani, «maiuscole, uso delle»). Gli aggettivi vengono dai paesi della base di conoscenza "
                "(rules/kb/countries.yaml) e dalle nazionalità, regioni del mondo e lingue del modulo "
                "della lingua italiana, con le loro forme. Restano fuori l'inizio della frase, i nomi propri "
                "(«Unione Europea», «Banca Centrale Europea»: la parola prima ha la maiuscola), i nomi di "
                "popoli dopo un articolo o una preposizione («gli Americani», «degli Europei»), che lo stile "
                "tollera, i cognomi («il ministro Russo», o un nome che nel testo segue un nome di battesimo), "
                "i nomi geografici («l'oceano Indiano», «il mar Baltico») e le parole tra virgolette."
            ),
            "en": (
                "Flags an adjective of nationality or a language capitalised inside an Italian sentence, "
                'after a lower-case word ("il governo Americano", "le truppe Russe", "parla Inglese", "in '
                'Francese"): English capitalises them, Italian does not (Treccani, "maiuscole, uso delle"). '
                "The adjectives come from the knowledge base's countries (rules/kb/countries.yaml) and the "
                "Italian language module's further nationalities, world regions and languages, with their "
                'forms. Sentence starts, proper names ("Unione Europea": the word before is capitalised), '
                'peoples after an article or a preposition ("gli Americani", which style tolerates), '
                'surnames ("il ministro Russo", or a name that follows a first name in the text), place '
                'names ("l\'oceano Indiano", "il mar Baltico") and quoted words are left alone.'
            ),
        },
        reference="https://www.treccani.it/enciclopedia/maiuscole-uso-delle_(La-grammatica-italiana)/",
        flagged=[
            ("it", "Il governo ⟦Americano⟧ ha chiesto alle truppe ⟦Russe⟧ di ritirarsi."),
            ("it", "Il ministro parla ⟦Inglese⟧ e ha scritto il discorso in ⟦Francese⟧."),
            ("it", "Il sito è tradotto in ⟦Italiano⟧, ⟦Inglese⟧ e ⟦Tedesco⟧."),
            ("it", "I mercati ⟦Europei⟧ hanno aperto in calo dopo i dati ⟦Cinesi⟧."),
        ],
        clean=[
            ("it", "Il governo americano ha chiesto alle truppe russe di ritirarsi; parla inglese."),
            ("it", "La Commissione Europea e la Banca Centrale Europea. Americani e russi trattano."),
            ("it", "Gli Americani votano; il ministro Russo ha parlato con l'avvocato Greco."),
            ("it", "Il libro di Giovanni Tedesco è uscito; lo ha recensito il critico Tedesco."),
            ("it", "Il titolo del film è «Il paziente Inglese»."),
            ("it", "Le navi hanno attraversato l'oceano Indiano e il mar Cinese meridionale."),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={
            "Il governo ⟦Americano⟧ ha chiesto alle truppe ⟦Russe⟧ di ritirarsi.": (
                "Il governo americano ha chiesto alle truppe russe di ritirarsi."
            )
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        adjectives = _adjectives(_knowledge(options))
        present = vocabulary(document) & adjectives
        if not present:
            return
        text = document.prose.text
        present = {w for w in present if w.capitalize() in text}  # most are written in small letters
        if not present:
            return
        spans = [
            (s, e)
            for s, e in word_spans(document, present)
            if text[s].isupper() and text[s + 1 : e].islower()
        ]
        if not spans:
            return
        surnames: set[str] | None = None
        reported = -1  # where the last finding ends: the words coordinated with it are reported too
        for start, end in spans:
            folded = text[start:end].casefold()
            if reported >= 0 and _COORDINATION.fullmatch(text, reported, start):
                reported = end  # "parla Inglese, Francese e Tedesco"
                yield Match(start, end, suggestions=(folded,), replacement=folded)
                continue
            previous = _PREVIOUS.search(text, max(0, start - 40), start)
            if previous is None:
                continue  # the start of a sentence, a line, a bracket, or an elision ("l'Americano")
            word = previous.group(1)
            if not word.islower():
                continue  # after a capital: a name ("Unione Europea") or a title in title case
            if word == "in":
                if not folded.endswith(("o", "e")) or folded.endswith("i"):
                    continue
            elif word in _DETERMINERS or word in _ROLES or word in _GEOGRAPHY:
                continue
            elif folded == "europei" and word in _CHAMPIONSHIP:
                continue  # "i prossimi Europei": the championship
            following = _NEXT.match(text, end)
            if following and (following.group(1) == "-" or following.group(1)[:1].isupper()):
                continue  # a compound ("Russo-Ucraina") or a longer name ("l'agenzia Russa Tass")
            if surnames is None:
                surnames = self._surnames(text, spans)
            if folded in surnames or in_quotes(text, start):
                continue
            reported = end
            yield Match(start, end, suggestions=(folded,), replacement=folded)

    @staticmethod
    def _surnames(text: str, spans: list[tuple[int, int]]) -> set[str]:
        """The candidates the text uses as surnames: right after a first name ("Giovanni Tedesco")."""
        found = set()
        names = None
        for start, end in spans:
            previous = _PREVIOUS.search(text, max(0, start - 40), start)
            if previous is None or not previous.group(1)[:1].isupper():
                continue
            names = names if names is not None else _first_names()
            if previous.group(1).casefold() in names:
                found.add(text[start:end].casefold())
        return found


RULE = CapitalisedNationality()
