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

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lint.findings import Severity
from lint.packs.kinds import PackRule
from lint.rules import Match, RuleMeta

if TYPE_CHECKING:
    from lint.document import Document

DETERMINERS = {
    "it": {
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
        "suo",
        "sua",
        "suoi",
        "sue",
        "loro",
        "mio",
        "mia",
        "miei",
        "mie",
        "tuo",
        "tua",
        "nostro",
        "nostra",
        "nostri",
        "nostre",
        "vostro",
        "vostra",
        "questo",
        "questa",
        "questi",
        "queste",
        "quel",
        "quello",
        "quella",
        "quei",
        "quegli",
        "quelle",
        "tale",
        "tali",
        "ogni",
    },
    "en": {
        "the",
        "a",
        "an",
        "its",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "this",
        "that",
        "these",
        "those",
        "some",
    },
}
_WORD = re.compile(r"\w+(?:[-.]\w+)*['’]?", re.UNICODE)
_TO_SPACE = str.maketrans({c: " " for c in ".,;:!?\"“”«»()[]{}…—–/*_\u00a0'’"})
_SENTENCE_END = re.compile(r"[.!?;]+[\"”»)]*\s+|\n\s*\n")
WINDOW = 200

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


@dataclass(frozen=True)
class Slot:
    kind: str  # "word" (one of forms), "det" (0-2 determiners), "any" (0..n words)
    forms: frozenset[str] = frozenset()
    most: int = 1
    marked: bool = False  # part of the span to report


@dataclass(frozen=True)
class Entry:
    id: str
    alternatives: tuple[tuple[Slot, ...], ...]
    english: str
    use: tuple[str, ...]
    low: bool
    when: tuple[tuple[Slot, ...], ...]
    unless: tuple[tuple[Slot, ...], ...]


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
            for word_chunk in re.findall(r"=?[^\s']+'?", chunk.replace("’", "'")):
                exact = word_chunk.startswith("=")
                options = word_chunk.lstrip("=").split("|")
                found: set[str] = set()
                for option in options:
                    for piece in _words(option):
                        found |= {piece} if exact or piece.endswith("'") else set(forms_of(piece, language))
                slots.append(Slot("word", frozenset(found), marked=marked))
    return tuple(slots)


def _match_at(
    slots: tuple[Slot, ...], words: list[str], i: int, language: str
) -> tuple[int, int, int] | None:
    """Where the slots match starting at ``words[i]``: (words matched, first and last+1 marked word), or
    None. Without marked slots the whole match is marked."""
    determiners = DETERMINERS.get(language, set())
    taken: list[tuple[int, int]] = [(0, 0)] * len(slots)

    def go(s: int, j: int) -> int | None:
        if s == len(slots):
            return j
        slot = slots[s]
        if slot.kind == "word":
            if j < len(words) and words[j] in slot.forms:
                found = go(s + 1, j + 1)
                if found is not None:
                    taken[s] = (j, j + 1)
                return found
            return None
        if slot.kind == "det":
            for n in range(slot.most, -1, -1):
                if all(j + k < len(words) and words[j + k] in determiners for k in range(n)):
                    found = go(s + 1, j + n)
                    if found is not None:
                        taken[s] = (j, j + n)
                        return found
            return None
        for n in range(0, slot.most + 1):
            if j + n <= len(words):
                found = go(s + 1, j + n)
                if found is not None:
                    taken[s] = (j, j + n)
                    return found
        return None

    end = go(0, i)
    if end is None:
        return None
    marked = [taken[k] for k, slot in enumerate(slots) if slot.marked and taken[k][1] > taken[k][0]]
    if not marked:
        return end - i, 0, end - i
    return end - i, marked[0][0] - i, marked[-1][1] - i


def _contains(slots: tuple[Slot, ...], words: list[str], language: str) -> bool:
    return any(_match_at(slots, words, i, language) is not None for i in range(len(words)))


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
        self.entries: list[Entry] = []
        self.by_first: dict[str, list[tuple[Entry, tuple[Slot, ...]]]] = {}
        for raw, compiled in zip(spec["entries"], derived["entries"], strict=True):
            entry = Entry(
                id=raw["id"],
                alternatives=tuple(tuple(Slot(*s) for s in alt) for alt in compiled["alternatives"]),
                english=raw["english"],
                use=tuple(u.strip() for u in raw["use"].split(";") if u.strip()),
                low=raw.get("confidence") == "low",
                when=tuple(tuple(Slot(*s) for s in p) for p in compiled["when"]),
                unless=tuple(tuple(Slot(*s) for s in p) for p in compiled["unless"]),
            )
            self.entries.append(entry)
            for alternative in entry.alternatives:
                first = next((s for s in alternative if s.kind == "word"), None)
                for form in first.forms if first else ():
                    self.by_first.setdefault(form, []).append((entry, alternative))

    def find(self, document: Document, options: Mapping[str, Any], timeout: float) -> Iterator[Match]:
        text = document.prose.text
        vocabulary = document.shared("word-set", lambda: set(text.casefold().translate(_TO_SPACE).split()))
        candidates = (
            vocabulary & self.by_first.keys()
            if len(vocabulary) < len(self.by_first)
            else {f for f in self.by_first if f in vocabulary}
        )
        if not candidates:
            return
        skip = set(options.get("skip", ()))
        seen: set[tuple[int, int]] = set()
        for form in sorted(candidates):
            for hit in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text, re.IGNORECASE):
                yield from self._at(document, text, hit.start(), form, skip, seen)

    def _at(
        self, document: Document, text: str, start: int, form: str, skip: set[str], seen: set[tuple[int, int]]
    ) -> Iterator[Match]:
        window = [
            (m.group().casefold().replace("’", "'"), m.start(), m.end())
            for m in _WORD.finditer(text, start, min(len(text), start + WINDOW))
        ]
        words = [w for w, _, _ in window]
        for entry, alternative in self.by_first.get(form, ()):
            if entry.id in skip:
                continue
            found_at = _match_at(alternative, words, 0, self.language)
            if not found_at or not found_at[0]:
                continue
            _, first, last = found_at
            span = (window[first][1], window[last - 1][2])
            if span in seen:
                continue
            sentence = self._sentence(text, span[0], span[1])
            if entry.when and not any(_contains(p, sentence, self.language) for p in entry.when):
                continue
            if any(_contains(p, sentence, self.language) for p in entry.unless):
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
    the pack is validated and the result is cached with it."""
    from lint.inflect import forms

    def compiled(phrase: str) -> list[tuple[Any, ...]]:
        return [(s.kind, s.forms, s.most, s.marked) for s in compile_phrase(phrase, language, forms)]

    out = []
    for entry in spec["entries"]:
        phrases = entry["phrase"] if isinstance(entry["phrase"], list) else [entry["phrase"]]
        out.append(
            {
                "alternatives": [compiled(p) for p in phrases],
                "when": [compiled(p) for p in entry.get("when", ())],
                "unless": [compiled(p) for p in entry.get("unless", ())],
            }
        )
    return {"entries": out}
