"""DUP003: a proper name coordinated with itself ("Putin e Putin", "Biden, Biden e…")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from lint.checks.base import rule_meta
from lint.checks.duplication.coordination import DISTRIBUTIVE, parallel, repeated_again, words_around
from lint.document import Document
from lint.lang import Language
from lint.lazyre import LazyPattern
from lint.prose import (
    CAPITAL_CANDIDATE,
    INLINE_SPACE,
    NAME_PARTICLES,
    NAME_PREFIXES,
    WORD_OPENERS,
    is_name_particle,
    name_pattern,
)
from lint.rules import Match

_CONJUNCTIONS = ("e", "ed", "o", "od", "né", "oppure", "and", "or", "nor", "&")
_LINK = rf"(?:[^\S\r\n]*,|[^\S\r\n]+(?:{'|'.join(_CONJUNCTIONS)})){INLINE_SPACE}"
_PARTICLE_ALTERNATIVES = "|".join(sorted(map(re.escape, NAME_PARTICLES), key=len, reverse=True))
_PREFIX_ALTERNATIVES = "|".join(sorted(map(re.escape, NAME_PREFIXES), key=len, reverse=True))
# Candidates, found fast by the standard library's engine: a capitalised name of up to four words (with
# particles inside: "Ursula von der Leyen"), a comma or conjunction, and the same name again. Each one is confirmed by _EXACT. Possessive
# quantifiers (*+, ++) keep the engine from retrying shorter prefixes of each word.
_CANDIDATE_WORD = rf"{CAPITAL_CANDIDATE}\w*+(?:['’-]\w++)*+"
_CANDIDATE_BODY = (
    rf"({_CANDIDATE_WORD}(?:[ \t]++(?:(?:{_PARTICLE_ALTERNATIVES})[ \t]++)*{_CANDIDATE_WORD}){{0,3}})"
    rf"(?:[ \t]*+,|[ \t]++(?:{'|'.join(_CONJUNCTIONS)}))\s++\1(?!\w)"
)
# The opener before the name is looked behind from its capital: a pattern that starts on the capital's
# character class lets the engine skip ahead to the next capital, not stop at every space. (A name's
# last character is never an opener, so the scan resumes where the one that starts on the opener would.)
_CANDIDATE = re.compile(
    rf"({CAPITAL_CANDIDATE}(?<={WORD_OPENERS}.)" + _CANDIDATE_BODY.removeprefix(f"({CAPITAL_CANDIDATE}")
)
_CANDIDATE_AT_START = re.compile(_CANDIDATE_BODY)
# Names that start with a particle ("de Gaulle", "bin Salman", "al-Sisi") are found from the comma or
# conjunction: one followed by a particle, whose name is then looked for right before it.
_AHEAD = rf"(?=(?:(?:{_PARTICLE_ALTERNATIVES})[ \t]+)+{CAPITAL_CANDIDATE}|(?:{_PREFIX_ALTERNATIVES}){CAPITAL_CANDIDATE})"
# Two scans that start on a literal, which the standard library's engine finds fastest.
_COMMA_BEFORE_PARTICLE = re.compile(rf",[ \t]*(?:\r\n|\r|\n)?[ \t]*{_AHEAD}")
_CONJUNCTION_BEFORE_PARTICLE = re.compile(
    rf" (?:{'|'.join(_CONJUNCTIONS)})(?:[ \t]+(?:\r\n|\r|\n)?|\r\n|\r|\n)[ \t]*{_AHEAD}"
)
# Needed only once a candidate is found, which most articles never give: compiled then.
_NAME = LazyPattern(name_pattern(4), regex.V0)
_EXACT = LazyPattern(
    rf"(?P<name>{name_pattern(4)}){_LINK}(?P=name)(?![\p{{L}}\p{{M}}\p{{N}}_-])",
    regex.V0,
)
_WORD_CHAR = LazyPattern(r"[\p{L}\p{M}\p{N}_'’-]")
_SENTENCE_OPENERS = set(".!?:;…«“\"'‘(—–-\n\r")


def _knowledge(options: Mapping[str, Any]) -> Any:
    provider = getattr(options, "knowledge", None)
    return provider() if callable(provider) else None


@functools.lru_cache(maxsize=4)
def _place_names(knowledge: Any) -> frozenset[str]:
    """The names of the countries the knowledge base knows, folded."""
    names: set[str] = set()
    for country in knowledge.kb.countries.values():
        names.update(
            n.casefold() for n in (country.it_name, country.en_name, *country.en_also, *country.it_also)
        )
    return frozenset(names)


def _known_name(knowledge: Any, word: str) -> bool:
    """True when the knowledge base knows ``word`` as a person, an organisation or a country."""
    if knowledge is None:
        return False
    folded = word.casefold()
    return bool(
        knowledge.lookup(word)
        or folded in knowledge.organisation_names
        or word in knowledge.organisation_acronyms
        or folded in _place_names(knowledge)
    )


def _frequent(word: str, language: Language | None) -> bool:
    """A frequent word of the language (its function words, or the frequent words that set it apart)."""
    return language is not None and (word in language.distinctive_words() or word in language.function_words)


def _mid_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and text[i] not in _SENTENCE_OPENERS


def _written_as_common_noun(text: str, word: str, start: int, end: int) -> bool:
    """The document writes ``word`` in lower case elsewhere, and never capitalised in mid-sentence
    outside [start, end): it is a common noun capitalised for emphasis ("tra Generazione e…")."""
    lower = word.casefold()
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}]){regex.escape(lower)}(?![\p{{L}}\p{{M}}])", regex.IGNORECASE
    )
    seen_lower = False
    for m in pattern.finditer(text):
        if start <= m.start() < end:
            continue
        if m.group() == lower:
            seen_lower = True
        elif _mid_sentence(text, m.start()):
            return False
    return seen_lower


class NameCoordinatedWithItself:
    meta = rule_meta(
        code="DUP003",
        name="name-coordinated-with-itself",
        category="duplication",
        severity="error",
        # Any language: a name, a comma and the same name again is damage in every language (the
        # conjunctions it knows besides the comma are Italian and English).
        languages=None,
        message={
            "it": "«{name}» è coordinato con se stesso: probabilmente manca l’altro nome",
            "en": "“{name}” is coordinated with itself: the other name is probably missing",
        },
        description={
            "it": (
                "Segnala un nome proprio coordinato con se stesso — «Putin e Putin», «Macron ed Macron», "
                "«Biden, Biden e…», «de Gaulle e de Gaulle», «i colloqui tra Scholz e Scholz» — anche a cavallo "
                "di un a capo. È il segno tipico di una traduzione automatica che ha perso uno dei due nomi "
                "(«Biden e Putin»). Le particelle minuscole fanno parte del nome («van der Bellen», «bin Salman», "
                "«al-Sisi»). Non segnala le strutture parallele o a chiasmo, in cui lo stesso nome chiude una "
                "frase e apre la successiva («Carla saluta Bruno e Bruno saluta Carla»), né le formule "
                "distributive con un nome comune («tra Stato e Stato», «tra Paese e Paese»): un nome che la base "
                "di conoscenza conosce (persona, organizzazione, Paese) o che non è una parola comune della "
                "lingua resta un nome anche dopo «tra». I nomi comuni che il testo scrive con la maiuscola per "
                "rispetto si aggiungono con rules.DUP003.options.common_nouns."
            ),
            "en": (
                'Flags a proper name coordinated with itself ("Putin and Putin", "Biden, Biden and…", "talks '
                'between Modi and Modi", "bin Salman and bin Salman"), also across a line break: the mark of a '
                "machine translation that lost one of two names. Lowercase particles belong to the name "
                '("van der Bellen", "al-Sisi"). Parallel and chiastic structures, where the name ends one clause '
                'and starts the next ("Anna met Tom and Tom met Anna"), and distributive phrases with a common '
                'noun ("between State and State") stay clean; a name the knowledge base knows (a person, an '
                "organisation, a country), or a word that is not a common word of the language, stays a name "
                'after "between". Common nouns capitalised out of deference are added with '
                "rules.DUP003.options.common_nouns."
            ),
        },
        flagged=[
            ("it", "Il funzionario ha detto che ⟦Putin e Putin⟧ non parteciperanno ai colloqui."),
            ("it", "Si sono incontrati ⟦Macron ed Macron⟧ all’Eliseo."),
            ("it", "Hanno firmato ⟦Biden, Biden⟧ e Scholz."),
            ("it", "Ne hanno parlato ⟦Joe Biden e\nJoe Biden⟧ al telefono."),
            ("it", "I colloqui tra ⟦Scholz e Scholz⟧ sono durati tre ore."),
            ("it", "La telefonata fra ⟦van der Bellen e van der Bellen⟧ è stata cordiale."),
            ("en", "Officials said ⟦Putin and Putin⟧ will not attend."),
            ("en", "Talks between ⟦bin Salman and bin Salman⟧ ended late."),
        ],
        clean=[
            ("it", "Il funzionario ha detto che Biden e Putin non parteciperanno ai colloqui."),
            ("it", "Carla saluta Bruno e Bruno saluta Carla."),
            ("it", "Giulia stima molto Paolo e Paolo stima molto Giulia."),
            ("it", "La collaborazione tra Stato e Stato è prevista dai trattati."),
            ("it", "Le differenze tra Regione e Regione restano ampie."),
            ("en", "Anna met Tom and Tom thanked Anna."),
            ("en", "The bell went, Dong, Dong, Dong."),
        ],
        options={
            "allow": ("New York",),
            # Common nouns that Italian and English capitalise out of deference, and so may stand in a
            # distributive phrase ("tra Stato e Stato", "between Nation and Nation").
            "common_nouns": (
                *("Stato", "Paese", "Comune", "Regione", "Provincia", "Nazione", "Chiesa", "Governo"),
                *("Repubblica", "Città", "Ente", "Ministero", "Parlamento", "Istituto", "Università"),
                *("Ateneo", "Diocesi", "Parrocchia", "Cantone", "Municipio", "Continente", "Regno"),
                *("Impero", "Popolo", "Partito", "Sindacato", "Uomo", "Generazione", "Famiglia", "Scuola"),
                *("Corte", "Tribunale", "Procura", "Camera", "Consiglio", "Assemblea", "Land"),
                *("State", "Nation", "Country", "Church", "Party", "Government", "Province", "Region"),
                *("City", "County", "Man", "Generation", "People", "Court", "Council", "Ministry"),
            ),
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        allow = {a.casefold() for a in options.get("allow", ())}
        timeout = getattr(options, "timeout", 2.0)
        first = _CANDIDATE_AT_START.match(text)
        starts = [c.start(1) for c in ([first] if first else []) + list(_CANDIDATE.finditer(text))]
        starts = sorted({*starts, *self._particle_starts(text)})
        for start in starts:
            if start and _WORD_CHAR.match(text, start - 1):
                continue
            m = _EXACT.match(text, start, timeout=timeout)
            if m is None:
                continue
            end = m.end()
            found = m.group("name")
            if found.casefold() in allow or repeated_again(text, start, end, found):
                continue  # allowed, or "Dong, Dong, Dong": a repetition for effect
            before, after = words_around(text, start, end)
            if (
                before
                and before[-1] in DISTRIBUTIVE
                and self._common_noun(found, text, start, end, document, options)
            ):
                continue
            if parallel(before, after, found, options.languages.union("function_words")):
                continue  # a parallel or chiastic sentence: the name ends one clause and starts the next
            yield Match(start, end, args={"name": found})

    @staticmethod
    def _particle_starts(text: str) -> Iterator[int]:
        """Where a name with particles may start that is written again right after a comma or a
        conjunction ("de Gaulle e de Gaulle")."""
        links = [*_COMMA_BEFORE_PARTICLE.finditer(text), *_CONJUNCTION_BEFORE_PARTICLE.finditer(text)]
        for link in links:
            second = _NAME.match(text, link.end())
            if second is None:
                continue
            end = link.start()  # at the comma, or at the space before the conjunction
            while end > 0 and text[end - 1] in " \t":
                end -= 1
            words = second.group().split()
            names = (" ".join(words[:n]) for n in range(len(words), 0, -1))  # the longest first
            for name in (form for n in names for form in (n, n.rstrip("."))):  # "Jr." or a full stop
                start = end - len(name)
                if start >= 0 and text[start:end] == name:
                    yield start
                    break

    @staticmethod
    def _common_noun(
        name: str, text: str, start: int, end: int, document: Document, options: Mapping[str, Any]
    ) -> bool:
        """Whether ``name``, after "tra"/"between", is a common noun in a distributive phrase ("tra Stato
        e Stato") rather than a name: never a name of several words or with particles, an acronym, or a
        name the knowledge base knows; always a capitalised common noun of the options; otherwise a
        frequent word of the language that the document also writes in lower case."""
        word = name.rstrip(".")
        if not word.isalpha() or word.isupper() or any(is_name_particle(p) for p in word.split()):
            return False
        # The nouns of the list are common nouns even where a person bears them as a surname (Chiesa).
        if word.casefold() in {w.casefold() for w in options.get("common_nouns", ())}:
            return True
        if _known_name(_knowledge(options), word):
            return False
        language = options.language or options.languages.get("it")
        return _frequent(word.casefold(), language) and _written_as_common_noun(text, word, start, end)


RULE = NameCoordinatedWithItself()
