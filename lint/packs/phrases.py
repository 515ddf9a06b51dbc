"""The ``phrases`` rule kind: many entries, each a phrase written with base forms.

An entry's ``phrase`` is a sequence of slots separated by spaces:

==============  ================================================================================
``word``        the word in any inflected form ("costruttore" matches "costruttori")
``a|b``         either word, each in any form
``=word``       exactly this form
``[det]``       up to two articles, possessives or demonstratives ("le sue", "il", none)
``*`` / ``*3``  any one word / up to three words
``{...}``       the part to report, when it is not the whole phrase: ``"{invito} di * a"``
==============  ================================================================================

``when`` lists phrases one of which must be in the same sentence for the entry to apply; ``unless``
phrases that make it right. ``confidence: low`` reports the entry one severity lower (warning becomes
info). Documents are matched without tokenising all of them: the set of words in the text is
intersected with each entry's possible first words, and only the rare candidates are looked at.
"""

from __future__ import annotations

import bisect
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from lint.findings import Severity
from lint.packs.kinds import PackRule
from lint.prose import WORD as _WORD
from lint.prose import Words, document_words
from lint.rules import Match, RuleMeta

if TYPE_CHECKING:
    from lint.document import Document

_SENTENCE_END = re.compile(r"[.!?;]+[\"”»)]*\s+|\n\s*\n")
WINDOW = 40  # words a phrase can span

_ENTRY = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "phrase", "english", "use", "source", "examples"],
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "phrase": {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "minItems": 1, "items": {"type": "string"}},
            ]
        },
        "english": {"type": "string", "minLength": 1},
        "use": {"type": "string", "minLength": 1},
        "confidence": {"enum": ["high", "low"]},
        "when": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "unless": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "note": {"type": "string"},
        "source": {"type": "string", "minLength": 1},
        "examples": {
            "type": "object",
            "additionalProperties": False,
            "required": ["flagged", "clean"],
            "properties": {
                "flagged": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
                "clean": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
            },
        },
    },
}


class Slot(NamedTuple):
    kind: str  # "word" (one of forms), "det" (0-2 determiners), "any" (0..n words)
    forms: frozenset[str] = frozenset()
    most: int = 1
    marked: bool = False  # part of the span to report


@dataclass(frozen=True)
class Entry:
    id: str
    english: str
    use: tuple[str, ...]
    low: bool
    when: tuple[Sequence[tuple[Any, ...]], ...]  # phrases, as lists of slots
    unless: tuple[Sequence[tuple[Any, ...]], ...]


def _words(text: str) -> list[str]:
    return [m.group().casefold().replace("’", "'") for m in _WORD.finditer(text)]


def compile_phrase(phrase: str, language: str, forms_of: Any) -> tuple[Slot, ...]:
    slots: list[Slot] = []
    inside = False
    for chunk in phrase.split():
        opens, closes = chunk.startswith("{"), chunk.endswith("}")
        chunk = chunk.strip("{}")
        marked = inside or opens
        inside = (inside or opens) and not closes
        if chunk == "[det]":
            slots.append(Slot("det", most=2, marked=marked))
        elif re.fullmatch(r"\*\d?", chunk):
            slots.append(Slot("any", most=int(chunk[1:] or 1), marked=marked))
        else:
            for word_chunk in re.findall(r"=?[^\s'|]+'?(?:\|=?[^\s'|]+'?)*", chunk.replace("’", "'")):
                found: set[str] = set()
                for option in word_chunk.split("|"):
                    exact = option.startswith("=")
                    for piece in _words(option.lstrip("=")):
                        found |= {piece} if exact or piece.endswith("'") else set(forms_of(piece, language))
                slots.append(Slot("word", frozenset(found), marked=marked))
    return tuple(slots)


def _match_at(
    slots: Sequence[tuple[Any, ...]], words: list[str], i: int, determiners: frozenset[str]
) -> tuple[int, int, int] | None:
    """Where the slots match starting at ``words[i]``: (words matched, first and last+1 marked word), or
    None. Without marked slots the whole match is marked. ``determiners``: what a [det] slot takes."""
    taken: list[tuple[int, int]] = [(0, 0)] * len(slots)

    def go(s: int, j: int) -> int | None:
        if s == len(slots):
            return j
        slot = slots[s]
        kind = slot[0]
        if kind == "word":
            if j < len(words) and words[j] in slot[1]:
                found = go(s + 1, j + 1)
                if found is not None:
                    taken[s] = (j, j + 1)
                return found
            return None
        if kind == "det":
            for n in range(slot[2], -1, -1):
                if all(j + k < len(words) and words[j + k] in determiners for k in range(n)):
                    found = go(s + 1, j + n)
                    if found is not None:
                        taken[s] = (j, j + n)
                        return found
            return None
        for n in range(0, slot[2] + 1):
            if j + n <= len(words):
                found = go(s + 1, j + n)
                if found is not None:
                    taken[s] = (j, j + n)
                    return found
        return None

    end = go(0, i)
    if end is None:
        return None
    marked = [taken[k] for k, slot in enumerate(slots) if slot[3] and taken[k][1] > taken[k][0]]
    if not marked:
        return end - i, 0, end - i
    return end - i, marked[0][0] - i, marked[-1][1] - i


def _contains(slots: Sequence[tuple[Any, ...]], words: list[str], determiners: frozenset[str]) -> bool:
    head = slots[0] if slots else None
    if head is not None and head[0] == "word":  # try only where the first word is
        forms = head[1]
        return any(
            w in forms and _match_at(slots, words, i, determiners) is not None for i, w in enumerate(words)
        )
    return any(_match_at(slots, words, i, determiners) is not None for i in range(len(words)))


def _followed(positions: list[int], i: int) -> bool:
    """Whether a position in the sorted ``positions`` lies after ``i`` within a phrase's reach."""
    k = bisect.bisect_right(positions, i)
    return k < len(positions) and positions[k] <= i + WINDOW


class Phrases(PackRule):
    KIND = "phrases"
    PROPERTIES: ClassVar[dict[str, Any]] = {"entries": {"type": "array", "minItems": 1, "items": _ENTRY}}
    REQUIRED: ClassVar[list[str]] = ["entries"]
    PLACEHOLDERS = PackRule.PLACEHOLDERS | {"english", "use"}
    OPTIONS: ClassVar[tuple[str, ...]] = ("skip",)

    def __init__(self, meta: RuleMeta, spec: Mapping[str, Any], compile: Any) -> None:
        super().__init__(meta, spec, compile)
        language = sorted(meta.languages)[0] if meta.languages else "it"
        self.language = language
        derived = spec.get("_derived")
        if derived is None:
            derived = prepare(spec, language)
            if isinstance(spec, dict):
                spec["_derived"] = derived  # cached with the pack, so later runs skip the dictionary
        self.documented_entries: list[Mapping[str, Any]] = list(spec["entries"])  # for `refuso explain`
        # Slots stay the plain tuples of the cache: nothing is rebuilt at start-up.
        self.alternatives: list[list[tuple[Any, ...]]] = [e["alternatives"] for e in derived["entries"]]
        self.needs: list[list[tuple[frozenset[str], ...]]] = [e["needs"] for e in derived["entries"]]
        self._raw = spec["entries"]
        self._derived_entries = derived["entries"]
        self._entries: dict[int, Entry] = {}

    def entry(self, index: int) -> Entry:
        found = self._entries.get(index)
        if found is None:
            raw, compiled = self._raw[index], self._derived_entries[index]
            found = self._entries[index] = Entry(
                id=raw["id"],
                english=raw["english"],
                use=tuple(u.strip() for u in raw["use"].split(";") if u.strip()),
                low=raw.get("confidence") == "low",
                when=tuple(compiled["when"]),
                unless=tuple(compiled["unless"]),
            )
        return found

    def find(self, document: Document, options: Mapping[str, Any], timeout: float) -> Iterator[Match]:
        text = document.prose.text
        tokens = document_words(document)
        vocabulary = tokens.vocabulary
        # An alternative can match only if every one of its words is somewhere in the document: most
        # entries drop out here, before a single position is looked at.
        active = [
            (e, a, needs)
            for e, entry_needs in enumerate(self.needs)
            for a, needs in enumerate(entry_needs)
            if needs and all(not words.isdisjoint(vocabulary) for words in needs)
        ]
        if not active:
            return
        index = tokens.index
        places: dict[int, list[tuple[int, int]]] = {}
        for e, a, needs in active:
            starts = sorted(i for form in needs[0] & vocabulary for i in index[form])
            if len(needs) > 1 and len(starts) > 4:
                # A common first word ("è", "ha"): keep the places where the alternative's rarest other
                # word follows closely enough for the phrase to fit.
                rare = min(
                    (sorted(i for form in words & vocabulary for i in index[form]) for words in needs[1:]),
                    key=len,
                )
                starts = [i for i in starts if _followed(rare, i)]
            for i in starts:
                places.setdefault(i, []).append((e, a))
        skip = set(options.get("skip", ()))
        language = options.languages.get(self.language)
        determiners = language.determiners if language is not None else frozenset()
        seen: set[tuple[int, int]] = set()
        for i in sorted(places):
            yield from self._at(text, tokens, i, places[i], skip, seen, determiners)

    def _at(
        self,
        text: str,
        tokens: Words,
        i: int,
        places: list[tuple[int, int]],
        skip: set[str],
        seen: set[tuple[int, int]],
        determiners: frozenset[str],
    ) -> Iterator[Match]:
        words = tokens.words[i : i + WINDOW]
        for e, a in places:
            entry = self.entry(e)
            if entry.id in skip:
                continue
            found_at = _match_at(self.alternatives[e][a], words, 0, determiners)
            if not found_at or not found_at[0]:
                continue
            _, first, last = found_at
            span = (tokens.spans[i + first][0], tokens.spans[i + last - 1][1])
            if span in seen:
                continue
            sentence = self._sentence(text, span[0], span[1])
            if entry.when and not any(_contains(p, sentence, determiners) for p in entry.when):
                continue
            if any(_contains(p, sentence, determiners) for p in entry.unless):
                continue
            seen.add(span)
            found = text[span[0] : span[1]]
            yield Match(
                span[0],
                span[1],
                args={
                    "english": entry.english,
                    "use": " / ".join(entry.use),
                    "entry": entry.id,
                    "match": found,
                },
                suggestions=entry.use,
                severity=Severity.INFO if entry.low else None,
                entry=entry.id,
            )

    @staticmethod
    def _sentence(text: str, start: int, end: int) -> list[str]:
        lo = max(0, start - 400)
        before = text[lo:start]
        cuts = list(_SENTENCE_END.finditer(before))
        s = lo + cuts[-1].end() if cuts else lo
        after = _SENTENCE_END.search(text, end, min(len(text), end + 400))
        e = after.start() if after else min(len(text), end + 400)
        return _words(text[s:e])


def prepare(spec: Mapping[str, Any], language: str) -> dict[str, Any]:
    """Expand every entry's phrases into word forms: slow (it reads the lemma dictionary), so it runs when
    the pack is validated and the result is cached with it, with the index the matcher starts from."""
    from lint.inflect import forms

    # Identical form sets and strings are shared, so the pickled cache stores each once and loads fast.
    shared: dict[frozenset[str], frozenset[str]] = {}

    def share(words: frozenset[str]) -> frozenset[str]:
        return shared.setdefault(words, frozenset(sys.intern(w) for w in words))

    def compiled(phrase: str) -> list[tuple[Any, ...]]:
        return [(s.kind, share(s.forms), s.most, s.marked) for s in compile_phrase(phrase, language, forms)]

    out = []
    for entry in spec["entries"]:
        phrases = entry["phrase"] if isinstance(entry["phrase"], list) else [entry["phrase"]]
        alternatives = [compiled(p) for p in phrases]
        out.append(
            {
                "alternatives": alternatives,
                # the words each alternative needs, its first word first: the same objects as the slots'
                # sets, so the cache stores them once
                "needs": [
                    tuple(slot[1] for slot in alternative if slot[0] == "word")
                    for alternative in alternatives
                ],
                "when": [compiled(p) for p in entry.get("when", ())],
                "unless": [compiled(p) for p in entry.get("unless", ())],
            }
        )
    return {"entries": out}
