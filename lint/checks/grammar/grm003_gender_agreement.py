"""GRM003: an adjective or a determiner whose gender disagrees with a noun whose gender is certain: the
adjective right after a noun with a feminine or masculine ending («la situazione economico», «le elezioni
politici», «il cambiamento climatica») and a feminine determiner before a masculine noun in -ma («una
nuova sistema», «della programma»)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.grammar import LO_SOUND, VOWEL, finditer
from lint.document import Document
from lint.lazyre import LazyRe
from lint.rules import Match

_WORD = r"[^\W\d_]+"
_SPACE = r"[ \u00a0]+"

# Endings that fix a noun's gender and number (Treccani, «genere»: -zione, -sione, -trice, -ezza are
# feminine; -mento, -ismo, -tore, -aggio masculine). Words of both genders (-ista, -ante, -ente) are out.
_FEMININE_SINGULAR = r"(?:zione|sione|gione|trice|tudine|ezza|anza|enza)"
_FEMININE_PLURAL = r"(?:zioni|sioni|gioni|trici|tudini|ezze|anze|enze)"
_MASCULINE_SINGULAR = r"(?:mento|ismo|tore|sore|aggio)"
_MASCULINE_PLURAL = r"(?:menti|ismi|tori|sori|aggi)"
_NOUN_ADJECTIVE = re.compile(
    rf"(?<![\w'’-])(?P<noun>[a-zà-ù]{{2,}}(?:(?P<fs>{_FEMININE_SINGULAR})|(?P<fp>{_FEMININE_PLURAL})"
    rf"|(?P<ms>{_MASCULINE_SINGULAR})|(?P<mp>{_MASCULINE_PLURAL})))"
    rf"{_SPACE}(?P<adj>[a-zà-ù]{{3,}})(?![\w'’-])"
)
# The endings a noun of _NOUN_ADJECTIVE can end in; the words _ONE_OF and _DETERMINER_NOUN begin with.
ENDINGS = tuple(
    e
    for group in (_FEMININE_SINGULAR, _FEMININE_PLURAL, _MASCULINE_SINGULAR, _MASCULINE_PLURAL)
    for e in group[3:-1].split("|")
)
# The adjective ending that disagrees with each kind of noun, and the one that agrees.
# A bare preposition before the noun makes it a complement: the adjective may agree with the head before
# it («un'agenzia di spionaggio britannica», «il livello di sicurezza minimo»).
_BARE_PREPOSITION = LazyRe(
    r"(?:\b(?:di|da|a|in|per|con|su|tra|fra|senza)|\bd['’])[ \u00a0]*\Z", re.IGNORECASE
)
_WRONG = {"fs": ("o", "a"), "fp": ("i", "e"), "ms": ("a", "o"), "mp": ("e", "i")}

# Masculine nouns in -ma from Greek, which machine translation makes feminine («la nuova sistema»).
_MASCULINE_IN_MA = frozenset(
    {
        "sistema", "problema", "programma", "tema", "schema", "dramma", "clima", "diploma", "dilemma",
        "enigma", "panorama", "poema", "teorema", "trauma", "stemma", "dogma", "emblema", "fantasma",
        "paradigma", "sisma", "carisma", "idioma", "ecosistema", "telegramma", "diagramma", "organigramma",
    }
)  # fmt: skip
# Feminine determiners that are never a pronoun («la sistema» may be «lo/la sistema», a clitic and a verb).
_DETERMINER_NOUN = re.compile(
    r"(?<![\w'’-])(?P<article>una|della|alla|dalla|nella|sulla|questa|quella|nessuna|alcuna|ciascuna|la)"
    rf"(?:{_SPACE}(?P<adj>[a-zà-ù]{{2,}}a))?(?={_SPACE}(?P<noun>{_WORD})(?![\w'’-]))",
    re.IGNORECASE,
)
_FEMININE_ARTICLE = {
    "una": "un",
    "della": "del",
    "alla": "al",
    "dalla": "dal",
    "nella": "nel",
    "sulla": "sul",
    "questa": "questo",
    "quella": "quel",
    "nessuna": "nessun",
    "alcuna": "alcun",
    "ciascuna": "ciascun",
    "la": "il",
}

# «uno dei», «una delle» before a plural noun of the other gender, perhaps past «più» and an adjective:
# «one of the» has no gender («uno dei più grandi organizzazioni» -> «una delle più grandi organizzazioni»).
_ONE_OF = re.compile(
    rf"(?<![\w'’-])(?P<det>[Uu]no{_SPACE}(?:dei|degli)|[Uu]na{_SPACE}delle)"
    rf"(?P<middle>{_SPACE}(?:(?:più|meno){_SPACE})?(?:(?P<adj>[a-zà-ù]+[ie]){_SPACE})?)"
    rf"(?P<noun>[a-zà-ù]{{2,}})(?![\w'’-])"
)
_FEMININE_PLURAL_WORD = LazyRe(rf"[a-zà-ù]{{2,}}(?:{_FEMININE_PLURAL}|tà|tù)")
_MASCULINE_PLURAL_WORD = re.compile(rf"[a-zà-ù]{{2,}}{_MASCULINE_PLURAL}")
# Plurals in -i whose ending does not tell the gender: the common ones of news copy.
_FEMININE_IN_I = frozenset(
    {
        "frodi", "leggi", "navi", "fonti", "sedi", "reti", "classi", "notti", "chiavi", "voci", "croci", "torri",
        "parti", "arti", "stragi", "madri", "mogli", "valli", "menti", "crisi", "analisi", "tesi", "ipotesi",
        "basi", "diagnosi", "sintesi", "metropoli",
    }
)  # fmt: skip
_MASCULINE_IN_I = frozenset(
    {
        "paesi", "nomi", "mesi", "fiumi", "ponti", "monti", "mari", "padri", "esami", "caratteri", "poteri",
        "cuori", "piedi", "ospedali", "giornali", "canali", "tribunali", "segnali", "animali",
    }
)  # fmt: skip


_ONE = frozenset({"uno", "una"})
_ARTICLES = frozenset(_FEMININE_ARTICLE)
TRIGGERS = _ONE | _ARTICLES


def _plural_gender(noun: str) -> str | None:
    """«f» or «m» for a plural noun whose gender is certain, else None."""
    if noun in _FEMININE_IN_I or _FEMININE_PLURAL_WORD.fullmatch(noun):
        return "f"
    if noun in _MASCULINE_IN_I or _MASCULINE_PLURAL_WORD.fullmatch(noun):
        return "m"
    if noun.endswith("mi") and noun[:-1] + "a" in _MASCULINE_IN_MA:
        return "m"  # problemi, sistemi
    return None


# Adjectives that are also adverbs or prepositions after a noun («la decisione solo dopo», «la riunione
# secondo fonti»), pronouns and quantities.
_NOT_AN_ADJECTIVE = frozenset(
    {
        "molto", "molti", "molta", "molte", "tanto", "poco", "troppo", "quanto", "solo", "secondo", "proprio",
        "certo", "chiaro", "piano", "primo", "tutto", "tutti", "tutte", "altro", "altri", "altra", "altre",
        "giusto", "presto", "subito", "medio", "pieno", "stessi", "ognuno", "ciascuno", "nessuno", "alcuni",
        "vari", "varie", "diversi", "diverse", "pochi", "poche", "tanti", "tante", "quanti", "quante", "doppio",
        "lungo", "alto", "basso", "forte", "caro", "tipo", "mezzo", "sotto", "sopra", "dentro", "fuori", "oltre",
        "verso", "entro", "dopo", "contro", "attraverso", "fino", "circa", "ora", "presso", "quadro", "zero",
        "modello", "simbolo", "capo", "record", "lampo", "ombra", "pilota", "fantasma", "abbastanza",
    }
)  # fmt: skip


@functools.cache
def _lemma(word: str) -> str:
    from lint import lemmas

    return str(lemmas.lemmatize(word, "it"))


def _masculine_singular(adjective: str) -> str:
    """The dictionary form of an adjective in -o, -a, -i, -e («politiche» -> «politico», «finanziari» ->
    «finanziario»)."""
    stem = adjective[:-1]
    if adjective.endswith(("chi", "ghi", "che", "ghe")):
        stem = adjective[:-2]
    elif adjective.endswith("i") and _lemma(adjective) == stem + "io":
        return stem + "io"
    return stem + "o"


@functools.cache
def _inflects_for_gender(adjective: str, other_ending: str) -> bool:
    """Whether ``adjective`` is an adjective in -o/-a: its masculine singular is a dictionary form of its
    own, the adjective reads as that form or as its feminine («politiche» -> «politica»), and the form with
    ``other_ending`` exists. Verbs («approva»: «approvare») and participles, which the dictionary reads as
    verbs, fail."""
    from lint import lemmas

    masculine = _masculine_singular(adjective)
    if _lemma(masculine) != masculine:
        return False
    if _lemma(adjective) not in (masculine, _with_ending(masculine, "a")):
        return False
    return bool(lemmas.is_known(_with_ending(adjective, other_ending), "it"))


def _with_ending(adjective: str, ending: str) -> str:
    """``adjective`` with ``ending`` instead of its own: the feminine plural of -co, -go is always -che,
    -ghe; the masculine plural is -chi, -ghi where the dictionary has it («tedeschi»), else -ci, -gi."""
    from lint import lemmas

    stem = _masculine_singular(adjective)[:-1]
    if stem.endswith(("c", "g")):
        if ending == "e":
            return stem + "he"
        if ending == "i":
            hard = stem + "hi"
            return hard if lemmas.is_known(hard, "it") else stem + "i"
        return stem + ending
    if stem.endswith("i") and ending == "i":
        return stem  # finanziario -> finanziari
    return stem + ending


class GenderAgreement:
    meta = rule_meta(
        code="GRM003",
        name="gender-agreement",
        category="grammar",
        severity="warning",
        message={
            "it": "«{match}»: «{noun}» è {gender}, si scrive «{suggestion}»",
            "en": "“{match}”: “{noun}” is {gender}; Italian writes “{suggestion}”",
        },
        description={
            "it": (
                "Segnala un aggettivo che non concorda nel genere con il nome che lo precede, quando la "
                "desinenza del nome ne fissa il genere (-zione, -sione, -trice, -ezza, -anza, -enza femminili; "
                "-mento, -ismo, -tore, -aggio maschili): «la situazione economico», «le elezioni politici», «il "
                "cambiamento climatica». Segnala anche un determinante femminile davanti ai nomi maschili in -ma "
                "di origine greca («una nuova sistema», «della programma») e «uno dei», «una delle» davanti a un "
                "plurale dell'altro genere («uno dei più grandi organizzazioni»). L'inglese non ha genere e la "
                "traduzione automatica sbaglia l'accordo. Solo aggettivi che il dizionario conosce al maschile "
                "e al femminile e che seguono subito il nome; i participi e le parole che sono anche avverbi "
                "(«solo», «secondo», «molto») restano fuori (Treccani, «genere»)."
            ),
            "en": (
                "Flags an adjective whose gender disagrees with the noun before it when the noun's ending fixes "
                "its gender (-zione, -sione, -trice, -ezza, -anza, -enza feminine; -mento, -ismo, -tore, -aggio "
                "masculine), a feminine determiner before a masculine Greek noun in -ma («una nuova "
                "sistema») and «uno dei», «una delle» before a plural of the other gender. Only adjectives the dictionary knows in both genders, right after the noun; "
                "participles and words that are also adverbs are left alone."
            ),
        },
        flagged=[
            ("it", "Il governo teme che la ⟦situazione economico⟧ peggiori prima delle ⟦elezioni politici⟧."),
            ("it", "Il ministro ha presentato ⟦una nuova sistema⟧ di controllo ⟦della programma⟧ spaziale."),
            ("it", "I sindacati criticano il ⟦cambiamento climatica⟧ e il ⟦movimenti politiche⟧."),
            ("it", "È ⟦uno dei più grandi organizzazioni⟧ del paese e ⟦una delle nuove movimenti⟧."),
        ],
        clean=[
            ("it", "Il governo teme che la situazione economica peggiori prima delle elezioni politiche."),
            (
                "it",
                "Il piano di ristrutturazione presentato ieri e il rapporto della commissione pubblicato oggi.",
            ),
            (
                "it",
                "La decisione secondo fonti vicine arriverà; la sistema lei. Il movimento pacifista è nato.",
            ),
        ],
        languages=("it",),
        fix="unsafe",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        function_words = options.languages["it"].function_words
        for m in finditer(document, _NOUN_ADJECTIVE, frozenset(), ENDINGS):
            adjective, noun = m.group("adj"), m.group("noun")
            kind = next(k for k in ("fs", "fp", "ms", "mp") if m.group(k))
            wrong, right = _WRONG[kind]
            if not adjective.endswith(wrong) or adjective in _NOT_AN_ADJECTIVE or adjective in function_words:
                continue
            if text[m.end() : m.end() + 1] == "/" or _BARE_PREPOSITION.search(
                text, max(0, m.start() - 8), m.start()
            ):
                continue
            # the dictionary last: it is slow to load
            if noun in _NOT_AN_ADJECTIVE or _lemma(noun).endswith(("are", "ere", "ire")):
                continue  # «abbastanza», «apprezza»: not a noun
            if not _inflects_for_gender(adjective, right):
                continue
            replacement = text[m.start() : m.start("adj")] + _with_ending(adjective, right)
            yield Match(
                m.start(),
                m.end(),
                args={"noun": m.group("noun"), "gender": "femminile" if kind[0] == "f" else "maschile"},
                suggestions=(replacement,),
                replacement=replacement,
            )
        for m in finditer(document, _ONE_OF, _ONE):
            det, noun, adjective = m.group("det"), m.group("noun"), m.group("adj")
            middle, end = m.group("middle"), m.end()
            gender = _plural_gender(noun)
            if gender is None and adjective is not None and _plural_gender(adjective) is not None:
                # «una delle paesi europei»: the word read as an adjective is the noun
                gender, noun = _plural_gender(adjective), adjective
                middle, end, adjective = middle[: middle.index(adjective)], m.end("adj"), None
            feminine_det = det[:3].lower() == "una"
            if gender is None or feminine_det == (gender == "f"):
                continue  # «una delle organizzazioni», «uno dei movimenti»
            if feminine_det:
                first = "Uno" if det[0].isupper() else "uno"
                after = middle.lstrip(" \u00a0") or noun
                right_det = f"{first} {'degli' if LO_SOUND.match(after) or after[0] in VOWEL else 'dei'}"
            else:
                right_det = ("Una" if det[0].isupper() else "una") + " delle"
            if adjective is not None:
                ending = "e" if not feminine_det else "i"
                if adjective.endswith("i" if not feminine_det else "e") and _inflects_for_gender(
                    adjective, ending
                ):
                    middle = middle.replace(adjective, _with_ending(adjective, ending))
            replacement = right_det + middle + noun
            yield Match(
                m.start(),
                end,
                args={"noun": noun, "gender": "maschile" if feminine_det else "femminile"},
                suggestions=(replacement,),
                replacement=replacement,
            )
        for m in finditer(document, _DETERMINER_NOUN, _ARTICLES):
            article, adjective, noun = m.group("article"), m.group("adj"), m.group("noun")
            noun_start, noun_end = m.start("noun"), m.end("noun")
            if adjective is not None and adjective.lower() in _MASCULINE_IN_MA:
                # «della programma spaziale»: the word read as an adjective is the noun
                noun, adjective, noun_start, noun_end = adjective, None, m.start("adj"), m.end("adj")
            if noun.lower() not in _MASCULINE_IN_MA:
                continue
            if article.lower() == "la" and adjective is None:
                continue  # «la sistema» may be a pronoun and a verb: «lui la sistema»
            if adjective is not None and not _inflects_for_gender(adjective, "o"):
                continue
            masculine = _FEMININE_ARTICLE[article.lower()]
            if article[:1].isupper():
                masculine = masculine.capitalize()
            if adjective is None:
                replacement = masculine + text[m.end("article") : noun_start] + noun
            else:
                replacement = (
                    masculine
                    + text[m.end("article") : m.start("adj")]
                    + _with_ending(adjective, "o")
                    + text[m.end("adj") : noun_start]
                    + noun
                )
            yield Match(
                m.start(),
                noun_end,
                args={"noun": noun, "gender": "maschile"},
                suggestions=(replacement,),
                replacement=replacement,
            )


RULE = GenderAgreement()
