"""Grammar: the mistakes of a few recurring classes that machine translation makes in Italian and that
the sound, the ending or the shape of the next word shows without a parser: the form of an article or an
articulated preposition («un stratega», «i studenti», «dello giorno», «un'altro»), the euphonic «d» before
the same vowel («e ex»), the gender of an adjective beside a noun whose ending fixes it («la situazione
economico»), the English possessive calque «sua propria» and the possessive before one's own body part
(«si è rotto la sua caviglia»). One rule per module.
"""

from __future__ import annotations

import functools
import importlib
import operator
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.prose import WordMemo, document_words

# The sound that takes «lo», «gli», «uno»: s before a consonant, z, gn, ps, x (Treccani, «articolo»).
# «pn» is left out: «il pneumatico» and «lo pneumatico» are both in use; so is y (lo yogurt, il yacht).
LO_SOUND = re.compile(r"(?:s[bcdfgklmnpqrstvwz]|z|gn|ps|x[aeiou])", re.IGNORECASE)
# The consonants that take «il» and «i» in native words: h, j, k, w and y begin foreign words, whose
# article varies («il whisky», «lo yogurt»), so they are judged by neither side.
IL_SOUND = re.compile(r"(?:[bcdfglmnpqrtv]|s[aeiouàèéìòù])", re.IGNORECASE)
VOWEL = "aeiouàèéìòùAEIOUÀÈÉÌÒÙ"

# Letters that re's case-insensitive matching pairs with ASCII ones («ı», «ſ», the Kelvin sign, «İ»,
# which also lowers to two characters), and «÷», which the rules' [à-ù] ranges take for a letter though
# it ends a word of the shared list: a text with one of them is scanned the plain way.
_ODD = ("ı", "ſ", "\u212a", "İ", "÷")


class Starts:
    """Where the grammar rules' patterns can begin, from the document's shared word list, in one pass
    for the three rules: each rule declares the words its patterns begin with (``TRIGGERS``) and the
    endings of the words they can begin with (``ENDINGS``)."""

    def __init__(self, document: Any) -> None:
        words = document_words(document)
        triggers = _wanted()[0]
        vocabulary = words.vocabulary
        wanted = vocabulary & _ENDINGS_SEEN(vocabulary) | vocabulary & triggers
        # the places of the wanted words, in text order: the word index is built once per document and
        # the phrase packs read it too
        index = words.index
        at = {token: index[token] for token in wanted}
        self._words = words
        self._at = at

    def starts(self, triggers: frozenset[str], endings: tuple[str, ...] = ()) -> list[tuple[int, str]]:
        """(offset, word) of every place a word of ``triggers`` begins as a word of its own or after a
        full stop, and of every word ending in one of ``endings`` (after its last full stop), in text
        order."""
        found: list[tuple[int, str]] = []
        spans = None
        for token, indices in self._at.items():
            tail = token.rpartition(".")[2]
            if tail not in triggers and not (endings and token.endswith(endings)):
                continue
            if spans is None:
                spans = self._words.spans
            back = len(tail)
            found.extend((spans[i][1] - back, tail) for i in indices)
        found.sort()
        return found


# The words ending in one of the rules' endings among every word seen so far (a word joined to the one
# before by a full stop, «x.il», is one word of the list).
_ENDINGS_SEEN = WordMemo(lambda new: filter(operator.methodcaller("endswith", _wanted()[1]), new))


@functools.cache
def _wanted() -> tuple[frozenset[str], tuple[str, ...]]:
    modules = [importlib.import_module(f"{__name__}.{name}") for name in _RULE_MODULES]
    triggers = frozenset().union(*(getattr(m, "TRIGGERS", ()) for m in modules))
    endings = {e for m in modules for e in getattr(m, "ENDINGS", ())}
    # the endings of the words a pattern can begin in, and of the triggers after a full stop
    return triggers, tuple(sorted(endings | {"." + t for t in triggers}))


def finditer(
    document: Any,
    pattern: re.Pattern[str],
    triggers: frozenset[str],
    endings: tuple[str, ...] = (),
    follow: Mapping[str, frozenset[str]] | None = None,
) -> Iterator[re.Match[str]]:
    """What ``pattern.finditer(document.prose.text)`` finds, for a pattern that can begin only where
    :meth:`Starts.starts` says: the pattern is tried there alone (matching at every offset of the text
    costs more than the rest of a rule). ``follow`` skips a trigger word followed by one space and a
    word whose first letter, or first two letters, are none of ``follow[word]``, where a match would be
    dropped by the rule, unless another trigger word begins after that space: a match of the first
    would take it in."""
    text = document.prose.text
    if not text.isascii() and any(odd in text for odd in _ODD):
        yield from pattern.finditer(text)
        return
    end = 0
    size = len(text)
    starts = document.shared("grammar-starts", lambda: Starts(document)).starts(triggers, endings)
    for k, (start, word) in enumerate(starts):
        if start < end:
            continue
        if follow is not None:
            after = start + len(word)
            if (
                after + 1 < size
                and text[after] in " \u00a0"
                and text[after + 1] not in " \u00a0"
                and text[after + 1] not in follow[word]
                and text[after + 1 : after + 3] not in follow[word]
                and (k + 1 == len(starts) or starts[k + 1][0] != after + 1)
            ):
                continue
        m = pattern.match(text, start)
        if m is not None:
            end = m.end()
            yield m


# One module per rule, in code order; each defines RULE.
_RULE_MODULES = (
    "grm001_article_form",
    "grm002_euphonic_d",
    "grm003_gender_agreement",
    "grm004_possessive_body_part",
)


def _rules() -> list[object]:
    return [importlib.import_module(f"{__name__}.{name}").RULE for name in _RULE_MODULES]


RULES = _rules()
