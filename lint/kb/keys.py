"""Normalised keys and name similarity: how the knowledge base looks words and names up.

Names, titles and qualifiers are looked up by normalised word sequences (lower case, one space
between words, apostrophes split off); spellings are compared without diacritics, by a rough
transliteration key, and by edit distance.
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
# A word, with an elided article keeping its apostrophe ("dell'", "l'") and "ex-" split off a title.
_TOKEN = re.compile(r"ex-(?=\w)|\w+(?:[-.]\w+)*'?", re.IGNORECASE)


def tokens(text: str, base: int = 0) -> list[tuple[str, int, int]]:
    """(key, start, end) of each word of ``text``: lower case, apostrophes unified."""
    normal = text.translate(_APOSTROPHES)
    return [(m.group().casefold(), base + m.start(), base + m.end()) for m in _TOKEN.finditer(normal)]


def words(text: str) -> list[str]:
    """Lower-case words of ``text``: "dell'Ucraina" -> ["dell'", "ucraina"]."""
    return [t[0] for t in tokens(text)]


def key(text: str) -> str:
    if "ʼ" not in text and all(word.isalpha() for word in text.split(" ")):
        return text.casefold()  # words of letters one space apart (most names): no need to split them
    return " ".join(words(text))


def head(text: str) -> str | None:
    """The first word of :func:`key` of ``text``, or None when it has no word."""
    m = _TOKEN.search(text.translate(_APOSTROPHES))
    return m.group().casefold() if m else None


def fold(text: str) -> str:
    """Lower case without diacritics: "Erdoğan" -> "erdogan"."""
    if text.isascii():
        return text.lower()  # nothing to decompose: most names
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


_TRANSLITERATION = [
    ("sch", "s"),
    ("tsch", "c"),
    ("zh", "z"),
    ("kh", "h"),
    ("sh", "s"),
    ("ch", "c"),
    ("ck", "k"),
    ("ph", "f"),
    ("w", "v"),
    ("y", "i"),
    ("j", "i"),
    ("ks", "x"),
    ("ts", "z"),
    ("'", ""),
    ("’", ""),
    ("-", ""),
]


def sound_key(name: str) -> str:
    """A rough key under which transliterations of one name meet: Zelenskyy, Zelens'kyj, Zelenskij."""
    return folded_sound_key(fold(name))


_REPEATED = re.compile(r"(.)\1+", re.DOTALL)


def folded_sound_key(text: str) -> str:
    """:func:`sound_key` of a name already made by :func:`fold`."""
    for a, b in _TRANSLITERATION:
        text = text.replace(a, b)
    return _REPEATED.sub(r"\1", text)  # a doubled letter counts once


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count one), capped at ``limit``."""
    if abs(len(a) - len(b)) >= limit:
        return limit
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) >= limit:
            return limit
        previous2, previous = previous, current
    return min(previous[-1], limit)


def within_one_edit(a: str, b: str) -> bool:
    """``edit_distance(a, b) <= 1`` without the table: equal, or one letter changed, added, removed, or
    swapped with its neighbour."""
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i, n = 0, len(a)
    while i < n and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    if i == n or a[i + 1 :] == b[i + 1 :]:
        return True
    return a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]


def within_two_edits(a: str, b: str) -> bool:
    """``edit_distance(a, b) <= 2``, the table made only when the two are not one edit apart."""
    return within_one_edit(a, b) or edit_distance(a, b, 3) <= 2


def one_letter_deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1 :] for i in range(len(word))}
