"""The ``phrases`` rule kind: many entries, each a phrase written with base forms.

An entry's ``phrase`` is a sequence of slots (the syntax is in :mod:`lint.packs.phrase_slots`).
``when`` lists phrases one of which must be in the same sentence for the entry to apply; ``unless``
phrases that make it right; either may instead be ``{within: N, phrases: [...]}``, N words either side of
the match (across sentence ends, never across a paragraph break). ``confidence: low`` reports the entry
one severity lower (warning becomes info).

Documents are matched without walking the entries: each pack keeps an index from every form an entry's
first required word can take to the entries, cached with the pack; only the entries whose first word
is in the text, and whose other words are too, are tried where that word stands. Where two matches
overlap, the longer wins (then the one with more fixed words, then the one with context): one finding
per stretch of text. Across packs the engine applies the same rule to the findings.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from lint.findings import Severity
from lint.packs.kinds import PackRule
from lint.packs.phrase_index import WINDOW, EntryError, prepare
from lint.packs.phrase_slots import KIND, Matcher
from lint.prose import Words, document_words
from lint.rules import Match, RuleMeta

if TYPE_CHECKING:
    from lint.document import Document

_SENTENCE_END = re.compile(r"[.!?;]+[\"”»)]*\s+|\n\s*\n")
_PARAGRAPH_END = re.compile(r"\n\s*\n")
__all__ = ["EntryError", "Phrases", "prepare"]
MAX_WITHIN = 60

_PHRASES = {"type": "array", "items": {"type": "string", "minLength": 1}}
_CONTEXT = {
    "description": "phrases looked for in the sentence, or {within: N, phrases: [...]}: N words either side",
    "anyOf": [
        _PHRASES,
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["within", "phrases"],
            "properties": {
                "within": {"type": "integer", "minimum": 1, "maximum": MAX_WITHIN},
                "phrases": {**_PHRASES, "minItems": 1},
            },
        },
    ],
}
_ENTRY = {
    "type": "object",
    "additionalProperties": False,
    "required": ["id", "phrase", "english", "use", "source", "examples"],
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
        "phrase": {
            "anyOf": [
                {"type": "string", "minLength": 1},
                {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
            ]
        },
        "english": {"type": "string", "minLength": 1},
        "use": {"type": "string", "minLength": 1},
        "confidence": {"enum": ["high", "low"]},
        "when": _CONTEXT,
        "unless": _CONTEXT,
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
class Entry:
    id: str
    english: str
    use: tuple[str, ...]
    low: bool
    when: tuple[Sequence[tuple[Any, ...]], ...]  # phrases, as tuples of slots
    unless: tuple[Sequence[tuple[Any, ...]], ...]
    when_within: int  # 0: the sentence
    unless_within: int


def _specificity(slots: Sequence[tuple[Any, ...]]) -> int:
    """How narrow a phrase is: its fixed words count most, its open slots count against it."""
    return sum(2 if s[KIND] in ("word", "case", "num", "group") else -1 for s in slots)


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
        self._spec = spec
        self._raw = spec["entries"]
        # A rule of refuso's shipped packs names its tables (lint.prebuilt.phrase_tables): they are read
        # on its first document, so a run reads only those of the languages it checks.
        self._shipped: str | None = derived if isinstance(derived, str) else None
        if self._shipped is None:
            self._use(derived)
        self._entries: dict[int, Entry] = {}
        self._rest: dict[int, tuple[frozenset[str], ...]] | None = (
            None  # the words an alternative needs after its anchor
        )
        self._registered: object = None  # _PROCESS once its anchors are in _ANCHORS

    def _use(self, derived: Mapping[str, Any]) -> None:
        # Slots stay the plain tuples of the cache: nothing is rebuilt at start-up.
        self.alternatives: list[list[tuple[Any, ...]]] = [e["alternatives"] for e in derived["entries"]]
        self.needs: list[list[tuple[frozenset[str], ...]]] = [e["needs"] for e in derived["entries"]]
        self.offsets: list[list[tuple[int, int]]] = [e["offsets"] for e in derived["entries"]]
        self.index: dict[str, list[int]] = derived["index"]  # form -> entry * 64 + alternative
        self.unanchored: list[int] = derived["unanchored"]
        self.anchors: frozenset[str] = derived["anchors"]
        self._derived_entries = derived["entries"]

    def __getattr__(self, name: str) -> Any:
        # Only reached for an attribute not set yet: the tables of a shipped rule before its first use.
        if name in _TABLES and self.__dict__.get("_shipped") is not None:
            from lint import prebuilt

            derived = prebuilt.phrase_tables(self._shipped, self.language)
            self._use(derived if derived is not None else prepare(self._spec, self.language))
            self._shipped = None
            return getattr(self, name)
        raise AttributeError(name)

    def prepare(self) -> None:
        self.anchors  # noqa: B018 - reads the tables now, before worker processes are forked
        super().prepare()

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
                when_within=compiled.get("when_within", 0),
                unless_within=compiled.get("unless_within", 0),
            )
        return found

    def candidates(self, vocabulary: frozenset[str], present: frozenset[str] | None = None) -> set[int]:
        """The alternatives (entry * 64 + alternative) every word of which is in the vocabulary.
        ``present``, when given, is a part of the vocabulary that holds every anchor of this pack in it
        (:func:`_present_anchors`): a smaller set to intersect with the pack's anchors."""
        index, found = self.index, set(self.unanchored)
        # A C-level intersection: no loop over either side.
        for word in (vocabulary if present is None else present) & self.anchors:
            found.update(index[word])
        rest = self._rest
        if rest is None:
            rest = self._rest = {
                e * 64 + a: tuple(needs[1:])
                for e, alternatives in enumerate(self.needs)
                for a, needs in enumerate(alternatives)
            }
        kept = set()
        for c in found:
            for words in rest[c]:
                if words.isdisjoint(vocabulary):
                    break
            else:
                kept.add(c)
        return kept

    def find(self, document: Document, options: Mapping[str, Any], timeout: float) -> Iterator[Match]:
        tokens = document_words(document)
        if self._registered is not _PROCESS:
            # A pack unpickled in another process (a Dask worker) registers there again.
            _register_anchors(self.anchors)
            self._registered = _PROCESS
        active = self.candidates(tokens.vocabulary, _present_anchors(tokens))
        if not active:
            return
        index, vocabulary = tokens.index, tokens.vocabulary
        positions = _positions(tokens)  # many entries, in every pack, share a word's forms

        def where(words: frozenset[str]) -> list[int]:
            found = positions.get(words)
            if found is None:
                found = positions[words] = sorted(i for form in words & vocabulary for i in index[form])
            return found

        places: dict[int, list[tuple[int, int]]] = {}
        for c in sorted(active):  # in entry order: of two matches alike, the first entry wins
            e, a = c >> 6, c & 63
            entry_needs = self.needs[e][a]
            starts = where(entry_needs[0]) if entry_needs else list(range(len(tokens.words)))
            if len(entry_needs) > 1 and len(starts) > 4:
                # A common first word ("è", "ha"): keep the places where the alternative's rarest other
                # word follows closely enough for the phrase to fit, looked up from the rare word's side.
                rare = min((where(words) for words in entry_needs[1:]), key=len)
                kept: set[int] = set()
                for r in rare:
                    kept.update(
                        starts[bisect.bisect_left(starts, r - WINDOW) : bisect.bisect_left(starts, r)]
                    )
                starts = sorted(kept)
            fewest, most = self.offsets[e][a]
            for start in {s for i in starts for s in range(max(0, i - most), i - fewest + 1)}:
                places.setdefault(start, []).append((e, a))
        skip = set(options.get("skip", ()))
        language = options.languages.get(self.language)
        determiners = language.determiners if language is not None else frozenset()
        yield from resolve(self._matches(document, tokens, places, skip, determiners))

    def _matches(
        self,
        document: Document,
        tokens: Words,
        places: dict[int, list[tuple[int, int]]],
        skip: set[str],
        determiners: frozenset[str],
    ) -> Iterator[tuple[Match, int, int]]:
        text = document.prose.text
        spans = tokens.spans
        matcher = Matcher(
            tokens.words,
            lambda j: text[spans[j][0] : spans[j][1]].replace("’", "'"),
            determiners,
            self.language,
        )
        total = len(tokens.words)
        for i in sorted(places):
            for e, a in places[i]:
                entry = self.entry(e)
                if entry.id in skip:
                    continue
                slots = self.alternatives[e][a]
                found_at = matcher.match(slots, i, min(total, i + WINDOW))
                if not found_at or found_at[0] == i or found_at[2] == found_at[1]:
                    continue
                stop, first, last = found_at
                if stop - i > 1 and _SENTENCE_END.search(text, spans[i][1], spans[stop - 1][0]):
                    continue  # a phrase is read inside one sentence: "più colpiti. La quota" is two
                if entry.when and not self._context(
                    matcher, text, tokens, entry.when, entry.when_within, first, last
                ):
                    continue
                if entry.unless and self._context(
                    matcher, text, tokens, entry.unless, entry.unless_within, first, last
                ):
                    continue
                start, end = spans[first][0], spans[last - 1][1]
                match = Match(
                    start,
                    end,
                    args={
                        "english": entry.english,
                        "use": " / ".join(entry.use),
                        "entry": entry.id,
                        "match": text[start:end],
                    },
                    suggestions=entry.use,
                    severity=Severity.INFO if entry.low else None,
                    entry=entry.id,
                )
                yield match, _specificity(slots), 1 if entry.when else 0

    @staticmethod
    def _context(
        matcher: Matcher, text: str, tokens: Words, phrases: Sequence[Any], within: int, first: int, last: int
    ) -> bool:
        """Whether one of ``phrases`` is in the sentence of words ``first:last`` (or within ``within``
        words of them, inside the paragraph)."""
        spans = tokens.spans
        start, end = spans[first][0], spans[last - 1][1]
        if within:
            lo, hi = max(0, first - within), min(len(spans), last + within)
            before = list(_PARAGRAPH_END.finditer(text, spans[lo][0], start))
            after = _PARAGRAPH_END.search(text, end, spans[hi - 1][1])
            lo_char = before[-1].end() if before else spans[lo][0]
            hi_char = after.start() if after else spans[hi - 1][1]
        else:
            head = max(0, start - 400)
            cuts = list(_SENTENCE_END.finditer(text, head, start))
            lo_char = cuts[-1].end() if cuts else head
            after = _SENTENCE_END.search(text, end, min(len(text), end + 400))
            hi_char = after.start() if after else min(len(text), end + 400)
        starts = _starts(tokens)
        lo = bisect.bisect_left(starts, lo_char)
        hi = bisect.bisect_left(starts, hi_char)
        return any(matcher.contains(p, lo, hi) for p in phrases)


_TABLES = frozenset(
    {"alternatives", "needs", "offsets", "index", "unanchored", "anchors", "_derived_entries"}
)

# The anchors of every phrase pack that has checked a document in this process, and how many times
# new ones were added: a document's words are intersected with them once, and each pack intersects its
# own anchors with that much smaller set.
_ANCHORS: set[str] = set()
_ANCHORS_VERSION = [0]
_PROCESS = object()  # what a pack registered in this process holds; unpickled elsewhere it is another object


def _register_anchors(anchors: frozenset[str]) -> None:
    if not anchors <= _ANCHORS:
        _ANCHORS.update(anchors)
        _ANCHORS_VERSION[0] += 1


def _present_anchors(tokens: Words) -> frozenset[str]:
    """The document's words that are an anchor of some pack, shared by every phrase pack."""
    version = _ANCHORS_VERSION[0]  # read first: anchors added meanwhile make the set stale, not wrong
    found = getattr(tokens, "_phrase_anchors", None)
    if found is None or found[0] != version:
        found = tokens._phrase_anchors = (version, tokens.vocabulary & _ANCHORS)  # type: ignore[attr-defined]
    return found[1]


def _positions(tokens: Words) -> dict[frozenset[str], list[int]]:
    """Where the forms of a word stand in a document, shared by every phrase pack that checks it."""
    found = getattr(tokens, "_phrase_positions", None)
    if found is None:
        found = tokens._phrase_positions = {}  # type: ignore[attr-defined]
    return found


def _starts(tokens: Words) -> list[int]:
    found = getattr(tokens, "_phrase_starts", None)
    if found is None:
        found = [s for s, _ in tokens.spans]
        tokens._phrase_starts = found  # type: ignore[attr-defined]
    return found


def resolve(found: Iterator[tuple[Match, int, int]]) -> Iterator[Match]:
    """One match per stretch of text: where matches overlap, the longest wins, then the most specific
    phrase, then the one that needed context; the winners come out in text order."""
    ranked = sorted(found, key=lambda m: (-(m[0].end - m[0].start), -m[1], -m[2], m[0].start))
    kept: list[Match] = []
    for match, _, _ in ranked:
        if not any(match.start < k.end and k.start < match.end for k in kept):
            kept.append(match)
    yield from sorted(kept, key=lambda m: (m.start, m.end))
