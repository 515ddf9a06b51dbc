"""English: the words refuso's rules and language detection need, and the interface in English."""

from __future__ import annotations

from types import MappingProxyType

from lint.data import rules_dir
from lint.lang import Language


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _list(words: str) -> list[str]:
    return words.split()


# The most frequent words, almost never shared with other languages: what detection counts.
FUNCTION_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "to",
        "in",
        "is",
        "was",
        "that",
        "for",
        "it",
        "with",
        "as",
        "on",
        "be",
        "by",
        "this",
        "are",
        "from",
        "at",
        "have",
        "has",
        "had",
        "not",
        "but",
        "which",
        "were",
        "been",
        "their",
        "its",
        "they",
        "an",
        "or",
        "will",
        "would",
        "there",
        "can",
        "more",
        "who",
        "what",
        "when",
        "also",
        "than",
        "into",
        "about",
        "after",
        "these",
        "only",
        "other",
        "them",
        "could",
        "should",
        "being",
        "his",
        "her",
        "she",
        "he",
        "we",
        "our",
        "you",
    ]
)

# Words before a title that make it a past role (ex ministro, former minister).
PAST_WORDS = frozenset(
    ["erstwhile", "ex", "ex-", "former", "late", "one-time", "onetime", "previous", "then", "then-"]
)

# Words before a title that make it a role about to begin (neo, incoming).
FUTURE_WORDS = frozenset(
    ["-elect", "designate", "elect", "future", "incoming", "new", "next", "nominee", "president-elect"]
)

# Words before a title that make it another office, or none: not judged.
TITLE_BLOCKERS = frozenset(
    [
        "shadow",
        "deputy",
        "acting",
        "interim",
        "co",
        "assistant",
        "under",
        "junior",
        "pro",
        "virtual",
        "potential",
        "would-be",
    ]
)

# Articles and prepositions that may stand between those words and a title.
TITLE_ARTICLES = frozenset(["the", "a", "an", "by", "with", "of", "to", "from", "and"])

# What a phrase pack's [det] slot matches: articles, possessives, demonstratives.
DETERMINERS = frozenset(
    [
        "a",
        "an",
        "her",
        "his",
        "its",
        "my",
        "our",
        "some",
        "that",
        "the",
        "their",
        "these",
        "this",
        "those",
        "your",
    ]
)

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

# Function words that have no business being capitalised after a comma (TYP005). Left out: single
# letters (labels: "A and B") and "I".
COMMA_LOWERCASE_WORDS = frozenset(
    {
        *("the", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "but"),
        *("that", "this", "these", "those", "it", "he", "she", "they", "we", "you", "his", "her", "its"),
        *("their", "our", "is", "are", "was", "were", "has", "have", "had", "which", "who", "when"),
        *("where", "while", "if", "as", "so", "not", "then", "there"),
    }
)

# Auxiliaries and conjunctions capitalised in mid-sentence after a lower-case word (TYP007: "the bill
# Was passed"). A title in Title Case capitalises the word before too ("All Is Lost"), so it stays clean.
MIDSENTENCE_LOWERCASE_WORDS = frozenset(
    {
        *("was", "were", "is", "are", "has", "have", "had"),
        *("because", "although", "however", "moreover", "therefore", "meanwhile", "whereas"),
    }
)

# Words and phrasings that fill the rules' message templates.
WORDS = MappingProxyType(
    {
        "former": "former",  # before a title held in the past: "former minister"
        "title_with_organisation": "{organisation} {title}",  # "NATO Secretary General"
        "title_with_country": "{country.en_adjective} {title}",  # "US Secretary of State"
    }
)

# The words the machine-translation detectors (lint.checks.mt) need.
MT_WORDS = MappingProxyType(
    {
        "months": _list(
            "January February March April May June July August September October November December"
        ),
        "scale_words": _set(
            "percent thousand million millions billion billions trillion dollars euros pounds"
        )
        | {"per cent", "basis points"},
        "currencies": _set("euro euros dollar dollars pound pounds yen francs"),
        # Measures that legitimately take three decimals ("1.500 kilometres" is one and a half).
        "measures": _set(
            "km kilometres kilometers metres meters m cm mm kg kilograms kilos grams g litres liters l tonnes "
            "seconds hectares degrees points times hours minutes percent per"
        ),
        "speech_verbs": _set(
            "said says added told explained stressed noted warned wrote replied insisted asked argued claimed"
        ),
        "pronouns": _set("he she they it we i"),
        "title_case_function_words": _set("the of and to for with on at by from is are"),
    }
)

# The interface in this language: refuso explain's headings, the text report's labels.
LABELS = {
    "quoted": "“{text}”",  # a word quoted in a message
    "since_year": "since {year}",
    "category": "Category",
    "severity": "Severity",
    "languages": "Languages",
    "fix": "Fix",
    "none": "none",
    "all": "all",
    "defined": "Defined in",
    "flagged": "Flagged",
    "clean": "Clean",
    "fixed": "after the fix",
    "options": "Options",
    "preview": "preview (off by default)",
    "aliases": "Other names",
    "reference": "Reference",
    "entries": "Entries",
    "entry_hint": "`refuso explain {code}/ENTRY` shows one entry with its examples.",
    "entry": "Entry",
    "phrase": "Phrase",
    "english": "Original",
    "use": "Write",
    "confidence": "Confidence",
    "low": "low (reported as info)",
    "high": "high",
    "when": "Only when the sentence has",
    "unless": "Not when the sentence has",
    "note": "Note",
    "source": "Source",
    "suggestion": "suggestion",
    "remove": "remove it",
    "entry_label": "entry",
    # The HTML report. "A|B": singular and plural; {n} the number.
    "report_title": "refuso report",
    "report_article": "{n} article|{n} articles",
    "report_finding": "{n} finding|{n} findings",
    "report_problem": "{n} problem|{n} problems",
    "report_checked": "{n} article checked|{n} articles checked",
    "report_with_findings": "{n} with findings",
    "report_without_findings": "{n} article without findings|{n} articles without findings",
    "report_in": "{findings} in {articles}",
    "report_error": "{n} error|{n} errors",
    "report_warning": "{n} warning|{n} warnings",
    "report_info": "{n} info|{n} info",
    "report_articles": "Articles",
    "report_no_findings": "No findings.",
    "report_open_all": "Open all",
    "report_close_all": "Close all",
    "report_made_by": "Made by refuso {version}.",
    "report_problems": "Problems",
    "report_problems_intro": "Parts of the run did not complete: an article listed here may have been checked only "
    "in part, or not at all.",
    "report_show": "Show",
    "report_hint": "Colour is the category, the underline the severity: solid for errors, dashed for warnings, "
    "dotted for info. Hover over or tab to a highlight to read it.",
    "report_categories": "Categories",
    "report_severities": "Severities",
    "report_summary": "Summary",
    "report_by_category": "By category",
    "report_by_rule": "By rule",
    "report_findings": "Findings",
    "report_rules": "Rules",
    "report_go_to": "Go to",
    "report_first": "first occurrence",
    "report_code": "Code",
    "report_rule": "Rule",
    "report_count": "Count",
    "report_where": "Where",
    "report_places": "{n} places",
    "report_line": "line {line}",
    "report_line_column": "line {line}, column {column}",
    "report_findings_in": "Findings in {path}",
    "report_no_source": "The text of this article was not kept for the report.",
    "report_unknown_language": "unknown language",
    "report_suggestions": "Suggestions",
    "report_delete": "delete",
    "report_insertion_point": "insertion point",
    "severity_error": "error",
    "severity_warning": "warning",
    "severity_info": "info",
    "category_punctuation": "punctuation",
    "category_duplication": "duplication",
    "category_title": "title",
    "category_name": "name",
    "category_mt-phrasing": "MT phrasing",
    "category_grammar": "grammar",
    "category_spelling": "spelling",
    "category_typography": "typography",
    "category_style": "style",
    "category_consistency": "consistency",
}


# -- inflection: regular endings for a word simplemma's lemma dictionary does not know ---------------


def _english_regular(word: str) -> set[str]:
    out = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        out |= {word + "d", word[:-1] + "ing"}
    if word.endswith("y"):
        out |= {word[:-1] + "ies", word[:-1] + "ied"}
    return out


def inflect(word: str, known: frozenset[str]) -> frozenset[str]:
    """The forms of the base ``word`` the dictionary's ``known`` forms lack: for a word it does not
    know, the regular endings."""
    return frozenset() if known else frozenset(_english_regular(word))


LANGUAGE = Language(
    code="en",
    name="English",
    function_words=FUNCTION_WORDS,
    contrast="it",
    distinctive_words_file=rules_dir() / "lexicon" / "en-not-it.txt",
    past_words=PAST_WORDS,
    future_words=FUTURE_WORDS,
    title_blockers=TITLE_BLOCKERS,
    title_articles=TITLE_ARTICLES,
    determiners=DETERMINERS,
    months=MONTHS,
    labels=LABELS,
    lemma_dictionary="en",
    inflect=inflect,
    not_forms=frozenset(["a", "an", "the", "of", "to", "in", "on", "at", "by", "as"]),
    comma_lowercase_words=COMMA_LOWERCASE_WORDS,
    midsentence_lowercase_words=MIDSENTENCE_LOWERCASE_WORDS,
    phrase_edge_words=frozenset(["the", "a", "an", "of", "to", "in", "is"]),
    words=WORDS,
    mt_words=MT_WORDS,
    language_names=MappingProxyType({"en": "English", "it": "Italian"}),
)
