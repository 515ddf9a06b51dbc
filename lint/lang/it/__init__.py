"""Italian: the words refuso's rules and language detection need, and the interface in Italian."""

from __future__ import annotations

from types import MappingProxyType

from lint.data import rules_dir
from lint.lang import Language
from lint.lang.it.mt import MT_WORDS

# The most frequent words, almost never shared with other languages: what detection counts.
FUNCTION_WORDS = frozenset(
    [
        "il",
        "lo",
        "la",
        "gli",
        "le",
        "un",
        "una",
        "uno",
        "di",
        "del",
        "della",
        "dei",
        "degli",
        "delle",
        "dello",
        "al",
        "alla",
        "ai",
        "agli",
        "alle",
        "allo",
        "da",
        "dal",
        "dalla",
        "dai",
        "dagli",
        "dalle",
        "nel",
        "nella",
        "nei",
        "negli",
        "nelle",
        "sul",
        "sulla",
        "sui",
        "sugli",
        "sulle",
        "per",
        "con",
        "tra",
        "fra",
        "che",
        "non",
        "è",
        "sono",
        "ha",
        "hanno",
        "era",
        "stato",
        "stata",
        "essere",
        "anche",
        "più",
        "come",
        "questo",
        "questa",
        "questi",
        "queste",
        "quello",
        "quella",
        "ma",
        "se",
        "perché",
        "già",
        "ancora",
        "dopo",
        "molto",
        "ci",
        "si",
        "ne",
        "sua",
        "suo",
        "suoi",
        "sue",
        "loro",
        "però",
        "quando",
        "dove",
        "cui",
        "mentre",
        "oppure",
        "nell",
        "dell",
        "all",
        "dall",
        "sull",
        "l",
        "un'",
    ]
)

# Words before a title that make it a past role (ex ministro, former minister).
PAST_WORDS = frozenset(
    ["allora", "compianto", "defunto", "ex", "già", "l'allora", "l'ex", "precedente", "predecessore"]
)

# Words before a title that make it a role about to begin (neo, incoming).
FUTURE_WORDS = frozenset(
    [
        "designata",
        "designato",
        "eletta",
        "eletto",
        "entrante",
        "futura",
        "futuro",
        "neo",
        "nuova",
        "nuovo",
        "prossima",
        "prossimo",
    ]
)

# Words before a title that make it another office, or none: not judged.
TITLE_BLOCKERS = frozenset(
    [
        "aggiunta",
        "aggiunto",
        "aspirante",
        "candidata",
        "candidato",
        "ombra",
        "possibile",
        "sotto",
        "sottosegretario",
        "vice",
        "viceministro",
        "vicepresidente",
    ]
)

# Articles and prepositions that may stand between those words and a title.
TITLE_ARTICLES = frozenset(
    [
        "al",
        "alla",
        "col",
        "con",
        "da",
        "dal",
        "dalla",
        "del",
        "dell'",
        "della",
        "dello",
        "di",
        "e",
        "fra",
        "gli",
        "i",
        "il",
        "l'",
        "la",
        "le",
        "lo",
        "per",
        "su",
        "sul",
        "sulla",
        "tra",
        "un",
        "un'",
        "una",
        "uno",
    ]
)

# What a phrase pack's [det] slot matches: articles, possessives, demonstratives.
DETERMINERS = frozenset(
    [
        "gli",
        "i",
        "il",
        "l'",
        "la",
        "le",
        "lo",
        "loro",
        "mia",
        "mie",
        "miei",
        "mio",
        "nostra",
        "nostre",
        "nostri",
        "nostro",
        "ogni",
        "quegli",
        "quei",
        "quel",
        "quella",
        "quelle",
        "quello",
        "questa",
        "queste",
        "questi",
        "questo",
        "sua",
        "sue",
        "suo",
        "suoi",
        "tale",
        "tali",
        "tua",
        "tuo",
        "un",
        "un'",
        "una",
        "uno",
        "vostra",
        "vostro",
    ]
)

MONTHS = (
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
)

# Function words that have no business being capitalised after a comma (TYP005). Left out: the forms of
# courtesy ("La ringrazio", "Lei", "Suo") and single letters (labels: "A e B").
COMMA_LOWERCASE_WORDS = frozenset(
    {
        *("il", "lo", "gli", "un", "uno", "una", "di", "da", "in", "con", "su", "per", "tra", "fra"),
        *("del", "della", "dei", "degli", "delle", "dello", "al", "alla", "ai", "agli", "alle", "allo"),
        *(
            "dal",
            "dalla",
            "dai",
            "dagli",
            "dalle",
            "nel",
            "nella",
            "nei",
            "negli",
            "nelle",
            "sul",
            "sulla",
        ),
        *("sui", "sugli", "sulle", "che", "non", "si", "ci", "mi", "ti", "ne", "se", "ma", "ed", "anche"),
        *(
            "come",
            "quando",
            "dove",
            "mentre",
            "perché",
            "però",
            "quindi",
            "poi",
            "cui",
            "questo",
            "questa",
        ),
        *("questi", "queste", "quello", "quella", "quelli", "quelle", "lui", "noi", "ha", "hanno", "ho"),
        *("è", "sono", "era", "erano", "sarà", "già", "ancora", "molto", "più", "tutto", "tutti"),
    }
)

# Words and phrasings that fill the rules' message templates.
WORDS = MappingProxyType(
    {
        "former": "ex",  # before a title held in the past: "ex ministro"
        "title_with_organisation": "{title} ({organisation})",  # "segretario generale (NATO)"
        "title_with_country": "{title} {country.it_of}",  # "segretario di Stato degli Stati Uniti"
    }
)

# The interface in this language: refuso explain's headings, the text report's labels.
LABELS = {
    "since_year": "dal {year}",
    "category": "Categoria",
    "severity": "Gravità",
    "languages": "Lingue",
    "fix": "Correzione",
    "none": "nessuna",
    "all": "tutte",
    "defined": "Definita in",
    "flagged": "Segnalato",
    "clean": "Corretto",
    "fixed": "dopo la correzione",
    "options": "Opzioni",
    "preview": "anteprima (spenta di default)",
    "aliases": "Altri nomi",
    "reference": "Riferimento",
    "entries": "Voci",
    "entry_hint": "«refuso explain {code}/VOCE» mostra una voce con i suoi esempi.",
    "entry": "Voce",
    "phrase": "Frase",
    "english": "Dall'inglese",
    "use": "Scrivere",
    "confidence": "Confidenza",
    "low": "bassa (segnalata come informazione)",
    "high": "alta",
    "when": "Solo se nella frase c'è",
    "unless": "Non se nella frase c'è",
    "note": "Nota",
    "source": "Fonte",
    "suggestion": "suggerimento",
    "remove": "eliminare",
    "entry_label": "voce",
}

LANGUAGE = Language(
    code="it",
    name="Italian",
    function_words=FUNCTION_WORDS,
    contrast="en",
    distinctive_words_file=rules_dir() / "lexicon" / "it-not-en.txt",
    past_words=PAST_WORDS,
    future_words=FUTURE_WORDS,
    title_blockers=TITLE_BLOCKERS,
    title_articles=TITLE_ARTICLES,
    determiners=DETERMINERS,
    months=MONTHS,
    labels=LABELS,
    comma_lowercase_words=COMMA_LOWERCASE_WORDS,
    words=WORDS,
    mt_words=MT_WORDS,
    language_names=MappingProxyType({"en": "inglese", "it": "italiano"}),
)
