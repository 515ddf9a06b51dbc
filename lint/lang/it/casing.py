"""Italian words whose capitals the typography rules read: TYP005 after a comma, TYP007 after a word."""

from __future__ import annotations

# Finite forms of "essere", "avere" and "venire", and conjunctions and linking adverbs, that no name or
# sentence-case title puts in mid-sentence with a capital (TYP007): "Santos Fu espulso", "il seggio
# Perché siamo". Left out: the words that start titles of shows and books ("Non è l'Arena", "Che tempo
# che fa", "Come un romanzo", "Dove osano le aquile"), articles and prepositions (in surnames: "Della
# Valle", "Del Piero", "La Russa").
MIDSENTENCE_LOWERCASE_WORDS = frozenset(
    {
        *("è", "fu", "furono", "era", "erano", "sono", "siamo", "sarà", "saranno", "sarebbe", "sarebbero"),
        *("ha", "hanno", "ho", "abbiamo", "aveva", "avevano", "avrà", "avrebbe", "avrebbero"),
        *("viene", "vengono", "venne", "vennero"),
        *("perché", "poiché", "mentre", "sebbene", "benché", "affinché", "tuttavia", "inoltre", "quindi"),
        *("però", "infatti", "invece", "oppure", "ovvero", "dunque", "pertanto", "ecco"),
    }
)
# Nouns and prepositions after which a capitalised word starts the title of a work, written in sentence
# case ("il film Perché no", "la cantante di Ecco l'amore", "ospite a Che tempo che fa"): TYP007 leaves
# the word alone. No finite verb follows a bare preposition in a sentence anyway.
TITLE_LEAD_WORDS = frozenset(
    {
        *("film", "libro", "romanzo", "racconto", "saggio", "poesia", "canzone", "brano", "singolo", "album"),
        *(
            "disco",
            "programma",
            "trasmissione",
            "serie",
            "spettacolo",
            "commedia",
            "opera",
            "rubrica",
            "show",
        ),
        *("titolo", "podcast", "documentario", "mostra", "fiction", "sceneggiato", "format"),
        *("di", "a", "da", "in", "con", "su", "per", "tra", "fra"),
    }
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
