"""Cheap language identification for ``--lang auto``, among the registered languages.

Function words are the most frequent words of a language and almost never shared between two, so
counting them in the first few thousand characters is enough for article-length text. A short text
("Talks between Biden and Biden lasted two hours.") may hold one function word or none: then the
content words are counted too, against the frequent words that set each language apart (for Italian
and English the word lists of rules/lexicon, built from word frequencies by tools/build_lexicon.py,
read only when needed). Every registered language with function words is scored.
"""

from __future__ import annotations

import re
from itertools import filterfalse
from typing import NamedTuple

from lint.lang import Languages

_SAMPLE = 2500
_EDGE = '.,;:!?"()[]{}«»“”‘…-–—*_'
_ELISION = re.compile("['’]")


class Detection(NamedTuple):
    """The language of a text, or None when nothing tells; ``confident`` is False when the evidence is
    thin (a few words) or split between the two languages. ``words``: how many words (with a letter)
    were read."""

    language: str | None
    confident: bool
    words: int = 0


# Function words enough to decide without looking at content words.
_DECISIVE = 8


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
    # Nearly every word is all letters: only the others are looked at character by character.
    others = list(filterfalse(str.isalpha, words))
    return len(words) - len(others) + sum(1 for w in others if any(c.isalpha() for c in w))


def identify(text: str, languages: Languages) -> Detection:
    """The language of ``text`` among ``languages``, from function words, and from content words when
    those are few."""
    scored = [language for language in languages.values() if language.function_words]
    if not scored:
        return Detection(None, False)
    words = _words(text)
    counts = {language.code: sum(map(language.function_words.__contains__, words)) for language in scored}
    best = max(counts, key=lambda k: counts[k])
    if counts[best] >= _DECISIVE and counts[best] >= 3 * min(counts.values()):
        return Detection(best, True, _lettered(words))
    for word in words:
        if not word.isalpha():
            continue
        for language in scored:
            if word not in language.function_words and word in language.distinctive_words():
                counts[language.code] += 1
    best = max(counts, key=lambda k: counts[k])
    low = min(counts.values())
    if counts[best] == low:
        return Detection(None, False, _lettered(words))
    confident = counts[best] >= 3 and counts[best] - low >= 2 and counts[best] >= 2 * low
    return Detection(best, confident, _lettered(words))
