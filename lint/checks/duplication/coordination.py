"""What the duplication rules share: the words around a coordination, parallel sentences and repetitions
for effect, and the distributive prepositions ("tra Stato e Stato")."""

from __future__ import annotations

import regex

WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*")
# "tra Stato e Stato", "between man and man": a distributive phrase, not a lost name.
DISTRIBUTIVE = frozenset({"tra", "fra", "between", "from", "da"})
SENTENCE_END = regex.compile(r"[.!?;:…]\s|[\r\n]{2}")
WINDOW = 4


def words_around(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    """Up to WINDOW words before ``start`` and after ``end``, within the sentence."""
    head = text[max(0, start - 120) : start]
    cut = list(SENTENCE_END.finditer(head))
    if cut:
        head = head[cut[-1].end() :]
    tail = text[end : end + 120]
    stop = SENTENCE_END.search(tail)
    if stop:
        tail = tail[: stop.start()]
    before = [w.casefold() for w in WORD.findall(head)][-WINDOW:]
    after = [w.casefold() for w in WORD.findall(tail)][:WINDOW]
    return before, after


def parallel(before: list[str], after: list[str], repeated: str, function_words: frozenset[str]) -> bool:
    """A parallel or chiastic sentence: a word of three letters or more on both sides of the
    coordination ("Carla saluta Bruno e Bruno saluta Carla"), the repeated words aside."""
    shared = (set(before) & set(after)) - set(repeated.casefold().split()) - function_words
    return any(len(w) >= 3 for w in shared)


def repeated_again(text: str, start: int, end: int, name: str, flags: int = 0) -> bool:
    """The name or word is said a third time right before or after: a repetition for effect ("Dong, Dong, Dong")."""
    after = text[end : end + len(name) + 12]
    before = text[max(0, start - len(name) - 12) : start]
    again = regex.match(rf"\s*,?\s*{regex.escape(name)}(?![\p{{L}}\p{{M}}])", after, flags)
    earlier = regex.search(rf"(?<![\p{{L}}\p{{M}}]){regex.escape(name)}\s*,?\s*$", before, flags)
    return bool(again or earlier)
