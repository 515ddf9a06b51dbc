"""The slot language of phrase entries: compiling a phrase into slots, and matching slots on words.

A phrase is a sequence of slots separated by spaces:

==================  ============================================================================
``word``            the word in any inflected form ("costruttore" matches "costruttori")
``word:part``       only the forms of that kind: ``part`` past participles, ``ger`` gerunds, ``inf``
                    infinitives (with clitics), ``fin`` the other verb forms (Italian verbs)
``a|b``             either word, each in any form
``=word``           exactly this form (any case)
``^Word``           exactly this form and case ("^Camera" is the chamber, not a room)
``#``               a number written in digits ("12", "1.400"); number words are listed as words
``(a b|c)``         alternatives of several words each; every word follows the rules above
``slot?``           an optional slot: ``word?``, ``a|b?``, ``(a b|c)?``, ``#?``
``[det]``           up to two articles, possessives or demonstratives ("le sue", "il", none)
``*`` / ``*3``      any one word / up to three words
``{...}``           the part to report, when it is not the whole phrase: ``"{invito} di * a"``
==================  ============================================================================

A slot is a plain tuple, ``(kind, forms, most, marked, optional)``, so that compiled phrases pickle
small and load fast with a cached pack. ``kind`` is ``word`` (``forms`` in lower case), ``case``
(``forms`` as written), ``num``, ``det`` (up to ``most`` determiners), ``any`` (up to ``most`` words)
or ``group`` (``forms`` is a tuple of alternatives, each a tuple of slots).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from lint.prose import WORD

Slot = tuple[Any, ...]
KIND, FORMS, MOST, MARKED, OPTIONAL = range(5)

_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")

# What a ``word:filter`` keeps of an Italian verb's forms, by ending.
_PARTICIPLE = re.compile(r".*(?:[st][oaie]|[st]o[ln][oaie]|ss[oaie])$")
_GERUND = re.compile(r".*[ae]ndo(?:si|ci|vi|lo|la|li|le|ne|gli|mi|ti)?$")
_INFINITIVE = re.compile(r".*(?:[aei]re|[aei]r(?:si|ci|vi|lo|la|li|le|ne|gli|mi|ti|sene|glielo|gliela)|rre)$")
FILTERS = ("part", "ger", "inf", "fin")


class PhraseError(ValueError):
    """A phrase the slot language cannot read; the message says what to write instead."""


def words_of(text: str) -> list[str]:
    return [m.group().casefold() for m in WORD.finditer(text.replace("’", "'"))]


def _filtered(found: set[str], which: str, word: str, language: str) -> set[str]:
    if language != "it" or not word.endswith(("are", "ere", "ire", "rre", "arsi", "ersi", "irsi")):
        raise PhraseError(
            f"«{word}:{which}»: a form filter applies to an Italian verb written as its infinitive"
        )
    part = {f for f in found if _PARTICIPLE.match(f)}
    ger = {f for f in found if _GERUND.match(f)}
    inf = {f for f in found if _INFINITIVE.match(f)}
    chosen = {"part": part, "ger": ger, "inf": inf, "fin": found - part - ger - inf}[which]
    return chosen


def _split_top(text: str, sep: str | None) -> list[str]:
    """Split on ``sep`` (whitespace when None) outside parentheses."""
    out, depth, current = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth < 0:
                raise PhraseError("a «)» closes no «(»")
        if depth == 0 and (ch.isspace() if sep is None else ch == sep):
            out.append(current)
            current = ""
            continue
        current += ch
    if depth:
        raise PhraseError("a «(» is never closed")
    out.append(current)
    return [c for c in out if c] if sep is None else out


def _word_slots(
    chunk: str, language: str, forms_of: Callable[[str, str], Any], marked: bool, optional: bool
) -> list[Slot]:
    options = chunk.split("|")
    if any(not o for o in options):
        raise PhraseError(f"«{chunk}»: an empty alternative")
    pieces = [words_of(o.lstrip("=^").split(":")[0]) for o in options]
    if any(not p for p in pieces):
        empty = next(o for o, p in zip(options, pieces, strict=True) if not p)
        raise PhraseError(f"«{chunk}»: «{empty}» is not a word (a phrase matches words, never symbols alone)")
    if len(options) > 1 and any(len(p) != 1 for p in pieces):
        several = next(o for o, p in zip(options, pieces, strict=True) if len(p) != 1)
        raise PhraseError(
            f"«{chunk}»: the alternative «{several}» is not one word; alternatives of several words go in "
            "parentheses, each written in full: «(a b|c)»"
        )
    if len(options) == 1 and len(pieces[0]) > 1:
        # "d'accordo", "sull'assunzione": one written chunk, several words in a row
        option = options[0]
        prefix = option[0] if option[0] in "=^" else ""
        if ":" in option:
            raise PhraseError(f"«{chunk}»: a form filter applies to one word")
        rest = option.lstrip("=^")
        words = [m.group() for m in WORD.finditer(rest.replace("’", "'"))]
        return [s for w in words for s in _word_slots(prefix + w, language, forms_of, marked, optional)]
    case = [o for o in options if o.startswith("^")]
    if case and len(case) != len(options):
        raise PhraseError(f"«{chunk}»: either every alternative is case-sensitive (^) or none is")
    if case:
        return [("case", frozenset(o[1:].replace("’", "'") for o in options), 1, marked, optional)]
    found: set[str] = set()
    for option, piece in zip(options, pieces, strict=True):
        word = piece[0]
        which = option.lstrip("=").partition(":")[2]
        if which and which not in FILTERS:
            raise PhraseError(f"«{option}»: unknown form filter «:{which}»; use one of {', '.join(FILTERS)}")
        if option.startswith("="):
            if which:
                raise PhraseError(f"«{option}»: an exact form (=) takes no form filter")
            found.add(word)
        elif word.endswith("'"):
            found.add(word)
        else:
            inflected = set(forms_of(word, language))
            found |= _filtered(inflected, which, word, language) if which else inflected
    return [("word", frozenset(found), 1, marked, optional)]


def compile_phrase(
    phrase: str, language: str, forms_of: Callable[[str, str], Any], nested: bool = False
) -> tuple[Slot, ...]:
    """A phrase as a tuple of slots; :class:`PhraseError` says what is wrong with a phrase."""
    slots: list[Slot] = []
    inside = False
    for chunk in _split_top(phrase, None):
        opens, closes = chunk.startswith("{"), chunk.endswith("}")
        if nested and (opens or closes):
            raise PhraseError(f"«{chunk}»: the part to report ({{…}}) goes outside parentheses")
        chunk = chunk.removeprefix("{").removesuffix("}") if opens or closes else chunk
        marked = inside or opens
        inside = (inside or opens) and not closes
        optional = chunk.endswith("?") and len(chunk) > 1
        chunk = chunk[:-1] if optional else chunk
        if chunk == "[det]":
            slots.append(("det", frozenset(), 2, marked, False))
        elif re.fullmatch(r"\*\d?", chunk):
            slots.append(("any", frozenset(), int(chunk[1:] or 1), marked, False))
        elif chunk == "#":
            slots.append(("num", frozenset(), 1, marked, optional))
        elif chunk.startswith("(") and chunk.endswith(")"):
            alternatives = tuple(
                compile_phrase(a.strip(), language, forms_of, nested=True)
                for a in _split_top(chunk[1:-1], "|")
            )
            if any(not a for a in alternatives):
                raise PhraseError(f"«{chunk}»: an empty alternative")
            slots.append(("group", alternatives, 1, marked, optional))
        elif "(" in chunk or ")" in chunk or chunk.startswith(("?", "[")) or "{" in chunk or "}" in chunk:
            raise PhraseError(
                f"«{chunk}»: cannot read this slot (see the phrase syntax in docs/writing-rules.md)"
            )
        else:
            slots.extend(_word_slots(chunk, language, forms_of, marked, optional))
    if inside:
        raise PhraseError("a «{» is never closed")
    if not nested and not any(s[KIND] != "any" and not (s[OPTIONAL] or s[KIND] == "det") for s in slots):
        raise PhraseError("the phrase needs at least one word that is not optional")
    return tuple(slots)


def needs(slots: Sequence[Slot]) -> tuple[frozenset[str], ...]:
    """For each required slot that is a word, the forms one of which a text must contain, in order."""
    out: list[frozenset[str]] = []
    for slot in slots:
        if slot[OPTIONAL]:
            continue
        if slot[KIND] == "word":
            out.append(slot[FORMS])
        elif slot[KIND] == "case":
            out.append(frozenset(f.casefold() for f in slot[FORMS]))
        elif slot[KIND] == "group":
            firsts = [needs(a) for a in slot[FORMS]]
            if all(firsts):
                out.append(frozenset().union(*(f[0] for f in firsts)))
    return tuple(out)


def width(slot: Slot) -> tuple[int, int]:
    """The fewest and the most words a slot covers."""
    kind = slot[KIND]
    if kind == "group":
        widths = [(sum(width(s)[0] for s in a), sum(width(s)[1] for s in a)) for a in slot[FORMS]]
        low, high = min(w[0] for w in widths), max(w[1] for w in widths)
    elif kind in ("det", "any"):
        low, high = 0, slot[MOST]
    else:
        low, high = 1, 1
    return (0 if slot[OPTIONAL] else low), high


def anchor(slots: Sequence[Slot], common: frozenset[str]) -> tuple[tuple[frozenset[str], ...], int, int]:
    """The words a phrase needs, the one to look up first leading, and how many words (fewest, most)
    can stand before that one. The first required word is the anchor unless it is a common word
    ("in", "the", "le") and a later one is not: a rare anchor leaves few places to try."""
    required = [
        (k, s[FORMS] if s[KIND] == "word" else frozenset(f.casefold() for f in s[FORMS]))
        for k, s in enumerate(slots)
        if s[KIND] in ("word", "case") and not s[OPTIONAL]
    ]
    wanted = needs(slots)
    if not required or not wanted:
        return wanted, 0, lead(slots)
    k, forms = next(((k, f) for k, f in required if not f & common), required[0])
    before = [width(s) for s in slots[:k]]
    rest = tuple(w for w in wanted if w is not forms)
    return (forms, *rest), sum(b[0] for b in before), sum(b[1] for b in before)


def lead(slots: Sequence[Slot]) -> int:
    """How many words can stand before the first required word of a phrase (where matching starts
    looking back from)."""
    total = 0
    for slot in slots:
        kind = slot[KIND]
        if kind in ("word", "case") and not slot[OPTIONAL]:
            return total
        if kind == "group":
            inner = max(lead(a) for a in slot[FORMS])
            if not slot[OPTIONAL]:
                return total + inner
            total += max(span(a) for a in slot[FORMS])
        else:
            total += slot[MOST]
    return total


def span(slots: Sequence[Slot]) -> int:
    """The most words a phrase can cover."""
    return sum(max(span(a) for a in s[FORMS]) if s[KIND] == "group" else s[MOST] for s in slots)


def is_number(word: str) -> bool:
    return bool(_DIGITS.fullmatch(word))


class Matcher:
    """Matches slots on a run of words: ``words`` in lower case, ``original(i)`` the word as written
    (for case-sensitive slots), ``determiners`` what a [det] slot takes."""

    def __init__(
        self, words: Sequence[str], original: Callable[[int], str], determiners: frozenset[str], language: str
    ) -> None:
        self.words = words
        self.original = original
        self.determiners = determiners
        self.language = language

    def match(self, slots: Sequence[Slot], i: int, stop: int) -> tuple[int, int, int] | None:
        """Where the slots match from ``words[i]`` without passing ``stop``: (end, first and last+1
        marked word), or None. Without marked slots the whole match is marked."""
        marks: list[tuple[int, int]] = []
        end = self._go(slots, 0, i, stop, marks)
        if end is None:
            return None
        if not marks:
            return end, i, end
        return end, min(m[0] for m in marks), max(m[1] for m in marks)

    def _go(
        self, slots: Sequence[Slot], s: int, j: int, stop: int, marks: list[tuple[int, int]]
    ) -> int | None:
        if s == len(slots):
            return j
        slot = slots[s]
        kind = slot[KIND]
        tries: list[int]
        if kind == "word":
            tries = [j + 1] if j < stop and self.words[j] in slot[FORMS] else []
        elif kind == "case":
            tries = [j + 1] if j < stop and self.original(j) in slot[FORMS] else []
        elif kind == "num":
            tries = [j + 1] if j < stop and is_number(self.words[j]) else []
        elif kind == "det":
            n = 0
            while n < slot[MOST] and j + n < stop and self.words[j + n] in self.determiners:
                n += 1
            tries = list(range(j + n, j - 1, -1))
        elif kind == "any":
            tries = list(range(j, min(stop, j + slot[MOST]) + 1))
        else:
            tries = []
            for alternative in slot[FORMS]:
                inner: list[tuple[int, int]] = []
                got = self._go(alternative, 0, j, stop, inner)
                if got is not None and got not in tries:
                    tries.append(got)
            tries.sort(reverse=True)
        if slot[OPTIONAL] and j not in tries:
            tries.append(j)
        for k in tries:
            end = self._go(slots, s + 1, k, stop, marks)
            if end is not None:
                if slot[MARKED] and k > j:
                    marks.append((j, k))
                return end
        return None

    def contains(self, slots: Sequence[Slot], lo: int, hi: int) -> bool:
        """Whether the slots match anywhere in ``words[lo:hi]``."""
        first = next((s for s in slots if s[KIND] in ("word", "case", "group") and not s[OPTIONAL]), None)
        if first is not None and first[KIND] != "word":
            first = None  # no cheap test of where it can start: try everywhere
        back = lead(slots)
        for i in range(lo, hi):
            if first is not None and self.words[i] not in first[FORMS]:
                continue
            for start in range(max(lo, i - back), i + 1) if first is not None else (i,):
                if self._go(slots, 0, start, hi, []) is not None:
                    return True
        return False
