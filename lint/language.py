"""Cheap language identification for ``--lang auto``: Italian or English.

Function words are the most frequent words of a language and almost never shared between these
two, so counting them in the first few thousand characters is enough for article-length text. A short
text ("Talks between Biden and Biden lasted two hours.") may hold one function word or none: then the
content words are counted too, against the frequent words that set each language apart (the word lists
of rules/lexicon, built from word frequencies by tools/build_lexicon.py, read only when needed).
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

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


class Detection(NamedTuple):
    """The language of a text, or None when nothing tells; ``confident`` is False when the evidence is
    thin (a few words) or split between the two languages. ``words``: how many words (with a letter)
    were read."""

    language: str | None
    confident: bool
    words: int = 0


# Function words enough to decide without looking at content words.
_DECISIVE = 8


@functools.cache
def _distinctive_words(language: str) -> frozenset[str]:
    """Frequent words of ``language`` that are rare in the other one (rules/lexicon)."""
    from lint.data import rules_dir, word_list

    other = "en" if language == "it" else "it"
    return word_list(rules_dir() / "lexicon" / f"{language}-not-{other}.txt")


def _words(text: str) -> list[str]:
    """The sample's words in lower case; an elided article or preposition stands for itself
    ("dell'Italia" -> "dell"), English contractions stay whole ("don't")."""
    out = []
    for token in text[:_SAMPLE].lower().split():
        word = token.strip(_EDGE)
        if "'" in word or "’" in word:
            head = _ELISION.split(word, 1)[0]
            if len(head) <= 4 and not word.endswith(("'s", "’s", "n't", "n’t")):
                word = head
        if word:
            out.append(word)
    return out


def _lettered(words: list[str]) -> int:
    return sum(1 for w in words if any(c.isalpha() for c in w))


def identify(text: str) -> Detection:
    """Italian or English, from function words, and from content words when those are few."""
    words = _words(text)
    counts = dict.fromkeys(SUPPORTED, 0)
    for word in words:
        for lang, function_words in FUNCTION_WORDS.items():
            if word in function_words:
                counts[lang] += 1
    best = max(counts, key=lambda k: counts[k])
    if counts[best] >= _DECISIVE and counts[best] >= 3 * min(counts.values()):
        return Detection(best, True, _lettered(words))
    for word in words:
        if not word.isalpha():
            continue
        for lang in SUPPORTED:
            if word not in FUNCTION_WORDS[lang] and word in _distinctive_words(lang):
                counts[lang] += 1
    best = max(counts, key=lambda k: counts[k])
    low = min(counts.values())
    if counts[best] == low:
        return Detection(None, False, _lettered(words))
    confident = counts[best] >= 3 and counts[best] - low >= 2 and counts[best] >= 2 * low
    return Detection(best, confident, _lettered(words))


def detect(text: str) -> str | None:
    """ "it", "en", or None when nothing in the sample tells them apart."""
    return identify(text).language
