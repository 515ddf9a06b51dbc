"""What the acronym rules share: the acronyms of known organisations in a document, and where their
full names are."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator

from lint.document import Document
from lint.kb.index import CompiledKB

ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{1,7}(?![\w-])")
_ACRONYM_SHAPE = re.compile(r"[A-Z][A-Za-z]{1,7}")
_WORD_BEFORE = re.compile(r"[\w-]")

# Per knowledge base: its acronyms that ACRONYM can match, and one pattern that finds them all. The
# pattern starts on a capital, which the engine skips to fast; the check before the acronym is made on
# each hit (a hit inside a word hides no other, since every position after its start follows a letter).
_INDEX: weakref.WeakKeyDictionary[CompiledKB, tuple[dict[str, str], re.Pattern[str] | None]] = (
    weakref.WeakKeyDictionary()
)
_EXPANSIONS: weakref.WeakKeyDictionary[CompiledKB, dict[str, re.Pattern[str] | None]] = (
    weakref.WeakKeyDictionary()
)


def _acronym_index(ckb: CompiledKB) -> tuple[dict[str, str], re.Pattern[str] | None]:
    found = _INDEX.get(ckb)
    if found is None:
        by_acronym = {
            a: o for a, o in ckb.organisation_acronyms.items() if len(a) >= 2 and _ACRONYM_SHAPE.fullmatch(a)
        }
        # Grouped by first letter, so that a capital is tried against its own acronyms only.
        groups: dict[str, list[str]] = {}
        for acronym in sorted(by_acronym, key=lambda a: (-len(a), a)):
            groups.setdefault(acronym[0], []).append(re.escape(acronym[1:]))
        alternatives = "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in sorted(groups.items()))
        pattern = re.compile(rf"(?:{alternatives})(?![\w-])") if by_acronym else None
        found = _INDEX[ckb] = (by_acronym, pattern)
    return found


def acronym_uses(ckb: CompiledKB, document: Document) -> dict[str, list[tuple[int, int, str]]]:
    """Each organisation's acronyms in the prose, as written (case-sensitive, whole words); computed
    once per document for the rules that need them."""

    def compute() -> dict[str, list[tuple[int, int, str]]]:
        found: dict[str, list[tuple[int, int, str]]] = {}
        by_acronym, pattern = _acronym_index(ckb)
        if pattern is None:
            return found
        text = document.prose.text
        for m in pattern.finditer(text):
            start = m.start()
            if start and _WORD_BEFORE.match(text, start - 1):
                continue  # inside a word, or after a hyphen
            found.setdefault(by_acronym[m.group()], []).append((start, m.end(), m.group()))
        return found

    return document.shared("acronym-uses", compute)


def _expansion_pattern(ckb: CompiledKB, org_id: str) -> re.Pattern[str] | None:
    """One pattern for all the full names of an organisation, made once per knowledge base."""
    patterns = _EXPANSIONS.get(ckb)
    if patterns is None:
        patterns = _EXPANSIONS[ckb] = {}
    if org_id not in patterns:
        org = ckb.kb.organisations[org_id]
        names = (*org.names_it, *org.names_en)
        alternatives = "|".join(map(re.escape, names))
        patterns[org_id] = (
            re.compile(rf"(?<![\w])(?:{alternatives})(?![\w])", re.IGNORECASE) if names else None
        )
    return patterns[org_id]


def first_expansion(ckb: CompiledKB, org_id: str, text: str) -> int | None:
    """Where the article first spells out the organisation's name (any of its full names), or None."""
    pattern = _expansion_pattern(ckb, org_id)
    m = pattern.search(text) if pattern is not None else None
    return m.start() if m else None


def expansion_label(ckb: CompiledKB, org_id: str, lang: str | None) -> str:
    org = ckb.kb.organisations[org_id]
    names = org.names_in(lang)
    return names[0] if names else org_id


def lesser_known_acronyms(ckb: CompiledKB, document: Document) -> Iterator[tuple[str, int, int, int | None]]:
    """Each acronym of an organisation not everyone knows: the organisation, the span of the acronym's
    first use, and where the article first spells out the name (None when it never does)."""
    text = document.prose.text
    for org_id, uses in acronym_uses(ckb, document).items():
        if ckb.kb.organisations[org_id].well_known:
            continue
        start, end, _ = uses[0]
        yield org_id, start, end, first_expansion(ckb, org_id, text)
