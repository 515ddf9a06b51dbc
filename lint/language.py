"""Cheap language identification for ``--lang auto``: Italian or English, from function words.

Function words are the most frequent words of a language and almost never shared between these
two, so counting them in the first few thousand characters is enough for article-length text.
"""

from __future__ import annotations

import re

SUPPORTED = ("it", "en")
_SAMPLE = 2500
_EDGE = '.,;:!?"()[]{}«»“”‘…-–—*_'
_ELISION = re.compile("['’]")

FUNCTION_WORDS = {
    "it": frozenset(
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
    ),
    "en": frozenset(
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
            "after",
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
    ),
}


def detect(text: str) -> str | None:
    """ "it", "en", or None when the sample holds too few function words to tell."""
    counts = dict.fromkeys(SUPPORTED, 0)
    for token in text[:_SAMPLE].lower().split():
        word = token.strip(_EDGE)
        if "'" in word or "’" in word:
            word = _ELISION.split(word, 1)[0]
        for lang, words in FUNCTION_WORDS.items():
            if word in words:
                counts[lang] += 1
    best = max(counts, key=lambda k: counts[k])
    if counts[best] < 2 or counts[best] < 1.5 * min(counts.values()):
        return None
    return best
