"""Compiling a phrase pack for the matcher: every entry's phrases as slots, the words each needs, and
an index from the forms of each phrase's anchor word to the entries. Slow (it reads the lemma
dictionary), so it runs when the pack is validated, and the result is cached with the pack."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from typing import Any

from lint.packs.phrase_slots import FORMS, KIND, PhraseError, anchor, compile_phrase, span

WINDOW = 40  # words a phrase can span

# Words too frequent to start looking from when a phrase has a rarer one.
COMMON_WORDS = {
    "it": frozenset(
        [
            "il",
            "lo",
            "la",
            "i",
            "gli",
            "le",
            "l'",
            "un",
            "uno",
            "una",
            "un'",
            "di",
            "a",
            "da",
            "in",
            "con",
            "su",
            "per",
            "tra",
            "fra",
            "e",
            "o",
            "ma",
            "che",
            "non",
            "si",
            "ci",
            "ne",
            "è",
            "ha",
            "del",
            "della",
            "dei",
            "delle",
            "degli",
            "dello",
            "dell'",
            "al",
            "alla",
            "ai",
            "alle",
            "agli",
            "allo",
            "all'",
            "dal",
            "dalla",
            "dai",
            "dalle",
            "nel",
            "nella",
            "nei",
            "nelle",
            "sul",
            "sulla",
            "sui",
            "sulle",
            "mi",
            "ti",
            "gli",
            "li",
            "più",
            "come",
            "anche",
        ]
    ),
    "en": frozenset(
        [
            "the",
            "a",
            "an",
            "of",
            "to",
            "in",
            "on",
            "at",
            "by",
            "for",
            "with",
            "from",
            "and",
            "or",
            "but",
            "is",
            "are",
            "was",
            "were",
            "be",
            "has",
            "have",
            "had",
            "it",
            "its",
            "that",
            "this",
            "as",
            "not",
            "he",
            "she",
            "they",
            "we",
            "i",
            "you",
        ]
    ),
}


class EntryError(ValueError):
    """A phrase of an entry that cannot be compiled; ``path`` locates it inside the rule."""

    def __init__(self, message: str, path: tuple[Any, ...]) -> None:
        super().__init__(message)
        self.path = path


def prepare(spec: Mapping[str, Any], language: str) -> dict[str, Any]:
    """Expand every entry's phrases into word forms: slow (it reads the lemma dictionary), so it runs when
    the pack is validated and the result is cached with it, with the index the matcher starts from.
    Raises :class:`EntryError` for a phrase the slot language cannot read."""
    from lint.inflect import forms

    # Identical form sets and strings are shared, so the pickled cache stores each once and loads fast.
    shared: dict[frozenset[str], frozenset[str]] = {}

    def share(slot: tuple[Any, ...]) -> tuple[Any, ...]:
        if slot[KIND] == "group":
            return (slot[0], tuple(tuple(share(s) for s in alt) for alt in slot[FORMS]), *slot[2:])
        words = shared.setdefault(slot[FORMS], frozenset(sys.intern(w) for w in slot[FORMS]))
        return (slot[0], words, *slot[2:])

    def compiled(phrase: str, path: tuple[Any, ...]) -> list[tuple[Any, ...]]:
        try:
            slots = compile_phrase(phrase, language, forms)
        except PhraseError as exc:
            raise EntryError(f"phrase «{phrase}»: {exc}", path) from None
        if span(slots) > WINDOW:
            raise EntryError(
                f"phrase «{phrase}» can cover more than {WINDOW} words; narrow its * slots", path
            )
        return [share(s) for s in slots]

    def context(value: Any, path: tuple[Any, ...]) -> tuple[list[Any], int]:
        if isinstance(value, Mapping):
            return [compiled(p, (*path, "phrases", k)) for k, p in enumerate(value["phrases"])], value[
                "within"
            ]
        return [compiled(p, (*path, k)) for k, p in enumerate(value or ())], 0

    out = []
    common = COMMON_WORDS.get(language, frozenset())
    index: dict[str, list[int]] = {}
    unanchored: list[int] = []
    for e, entry in enumerate(spec["entries"]):
        where = ("entries", e)
        many = isinstance(entry["phrase"], list)
        phrases = entry["phrase"] if many else [entry["phrase"]]
        if len(phrases) > 64:
            raise EntryError("at most 64 phrases per entry", (*where, "phrase"))
        alternatives = [
            compiled(p, (*where, "phrase", k) if many else (*where, "phrase")) for k, p in enumerate(phrases)
        ]
        anchored = [anchor(alternative, common) for alternative in alternatives]
        alternative_needs = [a[0] for a in anchored]
        for a, first in enumerate(alternative_needs):
            if not first:
                unanchored.append(e * 64 + a)
                continue
            for form in first[0]:
                index.setdefault(sys.intern(form), []).append(e * 64 + a)
        when, when_within = context(entry.get("when"), (*where, "when"))
        unless, unless_within = context(entry.get("unless"), (*where, "unless"))
        out.append(
            {
                "alternatives": alternatives,
                # the words each alternative needs, its first word first: the same objects as the slots'
                # sets, so the cache stores them once
                "needs": alternative_needs,
                "offsets": [(a[1], a[2]) for a in anchored],
                "when": when,
                "unless": unless,
                "when_within": when_within,
                "unless_within": unless_within,
            }
        )
    return {"entries": out, "index": index, "anchors": frozenset(index), "unanchored": unanchored}
