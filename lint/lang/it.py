"""Italian: the words refuso's rules and language detection need, and the interface in Italian."""

from __future__ import annotations

from lint.data import rules_dir
from lint.lang import Language

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

# The interface in this language: refuso explain's headings, the text report's labels.
LABELS = {
    "quoted": "«{text}»",  # a word quoted in a message
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
    # Il rapporto HTML. "A|B": singolare e plurale; {n} il numero.
    "report_title": "Rapporto di refuso",
    "report_article": "{n} articolo|{n} articoli",
    "report_finding": "{n} segnalazione|{n} segnalazioni",
    "report_problem": "{n} problema|{n} problemi",
    "report_checked": "{n} articolo controllato|{n} articoli controllati",
    "report_with_findings": "{n} con segnalazioni",
    "report_without_findings": "{n} articolo senza segnalazioni|{n} articoli senza segnalazioni",
    "report_in": "{findings} in {articles}",
    "report_error": "{n} errore|{n} errori",
    "report_warning": "{n} avviso|{n} avvisi",
    "report_info": "{n} informazione|{n} informazioni",
    "report_articles": "Articoli",
    "report_no_findings": "Nessuna segnalazione.",
    "report_open_all": "Apri tutti",
    "report_close_all": "Chiudi tutti",
    "report_made_by": "Generato da refuso {version}.",
    "report_problems": "Problemi",
    "report_problems_intro": "Il controllo non è stato completato del tutto: un articolo elencato qui può essere "
    "stato controllato solo in parte, o per niente.",
    "report_show": "Mostra",
    "report_hint": "Il colore indica la categoria, la sottolineatura la gravità: continua per gli errori, "
    "tratteggiata per gli avvisi, punteggiata per le informazioni. Passa sopra un'evidenziazione, o "
    "raggiungila con Tab, per leggerla.",
    "report_categories": "Categorie",
    "report_severities": "Gravità",
    "report_summary": "Riepilogo",
    "report_by_category": "Per categoria",
    "report_by_rule": "Per regola",
    "report_findings": "Segnalazioni",
    "report_rules": "Regole",
    "report_go_to": "Vai a",
    "report_first": "prima occorrenza",
    "report_code": "Codice",
    "report_rule": "Regola",
    "report_count": "Numero",
    "report_where": "Dove",
    "report_places": "{n} punti",
    "report_line": "riga {line}",
    "report_line_column": "riga {line}, colonna {column}",
    "report_findings_in": "Segnalazioni in {path}",
    "report_no_source": "Il testo di questo articolo non è stato conservato per il rapporto.",
    "report_unknown_language": "lingua sconosciuta",
    "report_suggestions": "Suggerimenti",
    "report_delete": "elimina",
    "report_insertion_point": "punto di inserimento",
    "severity_error": "errore",
    "severity_warning": "avviso",
    "severity_info": "informazione",
    "category_punctuation": "punteggiatura",
    "category_duplication": "ripetizioni",
    "category_title": "titoli",
    "category_name": "nomi",
    "category_mt-phrasing": "traduzione automatica",
    "category_grammar": "grammatica",
    "category_spelling": "ortografia",
    "category_typography": "tipografia",
    "category_style": "stile",
    "category_consistency": "coerenza",
}


# -- inflection: what simplemma's lemma dictionary lacks (lint.inflect asks it through ``inflect``) --

# Italian prepositions fused with the article: "da" also matches "dalla", "dagli"...
_ARTICULATED = {
    "a": {"al", "allo", "alla", "ai", "agli", "alle", "all'"},
    "da": {"dal", "dallo", "dalla", "dai", "dagli", "dalle", "dall'"},
    "di": {"del", "dello", "della", "dei", "degli", "delle", "dell'"},
    "in": {"nel", "nello", "nella", "nei", "negli", "nelle", "nell'"},
    "su": {"sul", "sullo", "sulla", "sui", "sugli", "sulle", "sull'"},
    "con": {"col", "coi"},
}

_CLITICS = ("si", "ci", "vi", "lo", "la", "li", "le", "ne", "gli", "mi", "ti", "sene", "glielo", "gliela")


def _italian_regular(word: str) -> set[str]:
    """Forms the dictionary may lack: plurals and feminines of nouns and adjectives, clitic verbs."""
    from lint.inflect import forms

    out = {word}
    if word.endswith(("are", "ere", "ire")):
        stem = word[:-1]  # "sedere" -> "seder"
        out |= {stem + c for c in _CLITICS}
        gerund = word[:-3] + ("ando" if word.endswith("are") else "endo")
        out |= {gerund + c for c in _CLITICS}
        out.add(gerund)
    elif word.endswith(("arsi", "ersi", "irsi")):
        base = word[:-2] + "e"  # "sedersi" -> "sedere"
        out |= _italian_regular(base) | set(forms(base, "it"))
    elif word.endswith(("co", "go")):
        out |= {word[:-1] + "hi", word[:-1] + "i", word[:-1] + "a", word[:-1] + "he"}
    elif word.endswith(("ca", "ga")):
        out |= {word[:-1] + "he"}
    elif word.endswith("io"):
        out |= {word[:-1], word[:-2] + "ia", word[:-2] + "ie"}
    elif word.endswith("o"):
        out |= {word[:-1] + "i", word[:-1] + "a", word[:-1] + "e"}
    elif word.endswith("a"):
        out |= {word[:-1] + "e"}
    elif word.endswith("e"):
        out |= {word[:-1] + "i"}
    return out


def _italian_conjugation(verb: str) -> set[str]:
    """The regular paradigm of an Italian infinitive. The dictionary maps forms that are also nouns to the
    noun ("costa", "paga", "danno"), so a verb's own list lacks them; irregular verbs get a few forms
    that do not exist, which is harmless in a phrase."""
    if not verb.endswith(("are", "ere", "ire")) or verb.endswith(("arre", "orre", "urre")):
        return set()
    stem, kind = verb[:-3], verb[-3]
    hard = stem + "h" if kind == "a" and stem.endswith(("c", "g")) else stem  # pagare -> paghi, pagherò
    soft = stem[:-1] if stem.endswith("i") else stem  # studiare -> studi, not studii
    if kind == "a":
        endings = {
            stem + e
            for e in (
                "o",
                "a",
                "iamo",
                "ate",
                "ano",
                "ava",
                "avano",
                "ato",
                "ata",
                "ati",
                "ate",
                "ando",
                "ò",
                "arono",
                "asse",
                "assero",
            )
        }
        endings |= {hard + e for e in ("i", "ino", "erà", "eranno", "erebbe", "erebbero", "erò")}
        endings |= {soft + e for e in ("i", "ino", "iamo")}
    else:
        vowel = "e" if kind == "e" else "i"
        endings = {
            stem + e
            for e in (
                "o",
                "i",
                "e",
                "iamo",
                "ono",
                "a",
                "ano",
                vowel + "va",
                vowel + "vano",
                "erà",
                "iranno" if kind == "i" else "eranno",
                "endo",
            )
        }
        endings |= {stem + ("ito" if kind == "i" else "uto") + e[1:] for e in ("o", "oa", "oi", "oe")}
    return endings


def inflect(word: str, known: frozenset[str]) -> frozenset[str]:
    """The forms of the base ``word`` the dictionary's ``known`` forms lack: for a verb its clitic
    forms, its regular paradigm and participles in every gender and number; for a word the dictionary
    does not know, the regular endings; articulated prepositions for a preposition."""
    found = {word, *known, *_ARTICULATED.get(word, set())}
    if word.endswith(("are", "ere", "ire", "arsi", "ersi", "irsi")):
        found |= _italian_regular(word)  # clitic forms the dictionary does not list
        found |= _italian_conjugation(word)
        # participles agree with gender and number: the dictionary often lists only "chiesto"
        found |= {f[:-1] + e for f in found if f.endswith(("to", "so")) for e in "aie"}
        found |= {
            f[:-1] + e
            for f in found
            if f.endswith(("ssa", "ssi", "sse", "tta", "tti", "tte"))
            for e in "oaie"
        }
    elif not known:
        found |= _italian_regular(word)  # a word the dictionary does not know: regular endings
    return frozenset(found)


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
    lemma_dictionary="it",
    inflect=inflect,
    not_forms=frozenset(
        [
            *("di", "da", "de", "a", "ad", "in", "con", "su", "per", "tra", "fra", "e", "ed", "o", "od"),
            *("ma", "se", "si", "sa", "so", "ci", "vi", "ne", "mi", "ti", "che", "chi", "non", "fi"),
            *("il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "col", "coi"),
            *("al", "allo", "alla", "ai", "agli", "alle", "dal", "dallo", "dalla", "dai", "dagli", "dalle"),
            *("del", "dello", "della", "dei", "degli", "delle", "nel", "nello", "nella", "nei", "negli"),
            *("nelle", "sul", "sullo", "sulla", "sui", "sugli", "sulle"),
        ]
    ),
    own_forms={"sapere": frozenset({"so", "sa"})},
)
