"""GRM004: a possessive before one's own part of the body or garment, after a reflexive verb or a verb
whose subject moves it («si è rotto la sua caviglia», «ha alzato la sua mano», «ha perso la sua vita»),
where Italian uses the article alone."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.grammar import LO_SOUND, VOWEL
from lint.checks.mt import vocabulary, word_spans
from lint.document import Document
from lint.rules import Match

_POSSESSIVES = "suo|sua|suoi|sue|mio|mia|miei|mie|tuo|tua|tuoi|tue|nostro|nostra|nostri|nostre|vostro|vostra|vostri|vostre|loro"
_POSSESSIVE_WORDS = frozenset(_POSSESSIVES.split("|"))
_POSSESSIVE_ENDINGS = tuple(_POSSESSIVE_WORDS)
# The verb, the article and the possessive right before the noun, read backwards from the noun: the
# window ends where the noun begins.
_BEFORE = re.compile(
    rf"(?P<verb>[^\W\d_]+)[ \u00a0]+(?P<possessive>(?P<article>il|lo|la|i|gli|le)[ \u00a0]+"
    rf"(?P<own>{_POSSESSIVES})[ \u00a0]+)\Z",
    re.IGNORECASE,
)
# A reflexive or dative clitic before the verb, with an auxiliary between: «si è rotto», «mi sono
# slogato», «si lava», «gli ha stretto».
_CLITIC_BEFORE = re.compile(
    r"(?<![\w'’])(?P<clitic>mi|ti|si|ci|vi|gli|le)[ \u00a0]+"
    r"(?P<auxiliary>(?:è|e'|sono|sei|siamo|siete|era|erano|ero|eri|sarebbe|sarebbero|sarà|saranno|fosse|"
    r"fossero|sia|siano|essersi|essere|stata|stato|ha|hanno|ho|hai|abbiamo|avete|aveva|avevano|avrebbe|"
    r"avrebbero)[ \u00a0]+)?\Z",
    re.IGNORECASE,
)
# Verbs that take one's own body part with a bare «si» in the present («si lava le mani», «si tocca
# la fronte»); with others a bare «si» is impersonal («si vede la sua mano»: his hand is seen).
_GROOMING_VERBS = frozenset(
    {
        "lavare", "asciugare", "tagliare", "pettinare", "grattare", "toccare", "coprire", "togliere",
        "mettere", "sfregare", "massaggiare", "stropicciare", "mordere", "bruciare", "tenere", "tingere",
        "radere", "truccare", "stringere", "tappare", "sporcare", "asciugarsi",
    }
)  # fmt: skip
# Verbs whose object is the subject's own body part even without a clitic (Serianni, Grammatica
# italiana): «alzare la mano», «aprire gli occhi», «scuotere la testa», «perdere la vita».
_OWN_VERBS = frozenset(
    {
        "alzare", "abbassare", "sollevare", "aprire", "chiudere", "muovere", "scuotere", "girare", "voltare",
        "incrociare", "allungare", "piegare", "inclinare", "agitare", "tendere", "rompere", "slogare",
        "ferire", "fratturare", "perdere", "storcere", "chinare", "strizzare", "sgranare",
    }
)  # fmt: skip
# Participles and forms of those verbs that the dictionary lemmatises as adjectives.
_OWN_FORMS = frozenset(
    {
        "perso", "persa", "persi", "perse", "perduto", "perduta", "aperto", "aperta", "aperti", "aperte",
        "scosso", "scossa", "agitato", "agitata", "teso", "tesa", "tesi", "mosso", "mossa", "chiuso",
        "chiusa", "chiusi", "chiuse", "rotto", "rotta", "rotti", "rotte", "rompendosi",
    }
)  # fmt: skip
# Words before the possessive that are not the verb governing the noun.
_NOT_VERBS = frozenset(
    {"che", "e", "o", "ma", "con", "per", "di", "a", "da", "in", "su", "tra", "fra", "non"}
)
_INFINITIVE_CLITIC = re.compile(r"[^\W\d_]{2,}(?:[aei]r|ndo)(?:si|mi|ti|ci|vi)", re.IGNORECASE)
_WINDOW = 60


@functools.cache
def _body_parts() -> frozenset[str]:
    from lint.checks.translation.lexicon import lexicon

    return lexicon("body-parts-it.txt")


@functools.cache
def _nouns() -> frozenset[str]:
    return _body_parts() | {"vita"}


@functools.cache
def _moves_own(verb: str) -> bool:
    """Whether ``verb`` is a form of a verb whose object is the subject's own body part."""
    if verb in _OWN_FORMS:
        return True
    from lint import lemmas

    if lemmas.lemmatize(verb, "it") in _OWN_VERBS:
        return True
    stem = re.fullmatch(r"([^\W\d_]+)(?:ato|ata|ati|ate|ava|avano|ò|ando)", verb)
    return stem is not None and stem.group(1) + "are" in _OWN_VERBS


class PossessiveBodyPart:
    meta = rule_meta(
        code="GRM004",
        name="possessive-body-part",
        category="grammar",
        severity="warning",
        message={
            "it": "«{match}»: con le parti del corpo del soggetto l'italiano usa l'articolo, «{suggestion}»",
            "en": "“{match}”: for the subject's own body part Italian uses the article, “{suggestion}”",
        },
        description={
            "it": (
                "Segnala il possessivo davanti a una parte del corpo (o a un capo d'abbigliamento) del "
                "soggetto dopo un verbo riflessivo o un verbo che la muove: «si è rotto la sua caviglia», «ha "
                "alzato la sua mano», «ha chiuso i suoi occhi», e «ha perso la sua vita». L'italiano qui usa "
                "l'articolo solo («si è rotto la caviglia», «ha alzato la mano», «ha perso la vita»); il "
                "possessivo è il calco dell'inglese «his», «her», che lo vuole sempre (Serianni, Grammatica "
                "italiana, «possessivi»; Treccani, Enciclopedia dell'italiano, «possessivi»). I verbi che prendono "
                "la parte del corpo di un altro («stringere la sua mano») restano fuori."
            ),
            "en": (
                "Flags a possessive before the subject's own body part or garment after a reflexive verb or a "
                "verb that moves it («si è rotto la sua caviglia», «ha alzato la sua mano», «ha perso la sua "
                "vita»): Italian uses the article alone there, while machine translation copies the English "
                '"his", "her" (Serianni, Grammatica italiana, «possessivi»; Treccani, «possessivi»).'
            ),
        },
        flagged=[
            ("it", "In allenamento il difensore si è rotto ⟦la sua⟧ caviglia."),
            ("it", "Il ministro ha alzato ⟦la sua⟧ mano e ha chiesto la parola."),
            ("it", "Tre soldati hanno perso ⟦la loro⟧ vita nell'attacco."),
        ],
        clean=[
            ("it", "In allenamento il difensore si è rotto la caviglia e ha alzato la mano."),
            ("it", "Il presidente ha stretto la sua mano; ha dedicato la sua vita alla ricerca."),
            ("it", "Ha guardato la sua mano ferita e ha perso la sua borsa."),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={
            "Il ministro ha alzato ⟦la sua⟧ mano e ha chiesto la parola.": (
                "Il ministro ha alzato la mano e ha chiesto la parola."
            )
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        if not vocabulary(document) & _POSSESSIVE_WORDS:
            return
        spans = word_spans(document, _nouns())
        text = document.prose.text
        for start, end in spans:
            if not text[max(0, start - 8) : start].rstrip().lower().endswith(_POSSESSIVE_ENDINGS):
                continue  # no possessive right before the noun: most places, ruled out without a regex
            noun = text[start:end].lower()
            before = _BEFORE.search(text, max(0, start - _WINDOW), start)
            if before is None:
                continue
            verb = before.group("verb").lower()
            if verb in _NOT_VERBS:
                continue
            clitic = _CLITIC_BEFORE.search(text, max(0, before.start() - _WINDOW), before.start())
            if noun == "vita":
                owned = _moves_own(verb) and verb.startswith("per")
            else:
                owned = (
                    _moves_own(verb) or bool(_INFINITIVE_CLITIC.fullmatch(verb)) or _reflexive(clitic, verb)
                )
            if not owned:
                continue
            article = _article_for(before.group("article"), noun)
            if article.endswith("'"):
                # «la sua anca» -> «l'anca»: the article elides before the noun
                yield Match(
                    before.start("possessive"), start, suggestions=(article + noun,), replacement=article
                )
            else:
                yield Match(
                    before.start("possessive"),
                    before.end("own"),
                    suggestions=(article + " " + noun,),
                    replacement=article,
                )


def _reflexive(clitic: re.Match[str] | None, verb: str) -> bool:
    """Whether ``clitic`` before ``verb`` makes the subject (or the dative) own the body part: any verb
    after an auxiliary or a clitic of the first or second person, a grooming verb after a bare «si»."""
    if clitic is None:
        return False
    if clitic.group("auxiliary") or clitic.group("clitic").lower() != "si":
        return True
    from lint import lemmas

    return lemmas.lemmatize(verb, "it") in _GROOMING_VERBS


def _article_for(article: str, noun: str) -> str:
    """The definite article ``noun`` takes, of the gender and number of ``article`` (the one before the
    possessive): «i suoi occhi» -> «gli», «il suo orecchio» -> «l'»."""
    lower = article.lower()
    vowel = noun[:1] in VOWEL
    if lower in ("il", "lo"):
        new = "l'" if vowel else "lo" if LO_SOUND.match(noun) else "il"
    elif lower == "la":
        new = "l'" if vowel else "la"
    elif lower in ("i", "gli"):
        new = "gli" if vowel or LO_SOUND.match(noun) else "i"
    else:
        new = lower
    return new.capitalize() if article[:1].isupper() else new


RULE = PossessiveBodyPart()
