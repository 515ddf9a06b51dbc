"""What the acronym rules share: the acronyms of known organisations in a document, and where their
full names are."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.document import Document
from lint.kb.index import CompiledKB

ACRONYM = re.compile(r"(?<![\w-])[A-Z][A-Za-z]{1,7}(?![\w-])")


def acronym_uses(ckb: CompiledKB, document: Document) -> dict[str, list[tuple[int, int, str]]]:
    """Each organisation's acronyms in the prose, as written (case-sensitive, whole words); computed
    once per document for the rules that need them."""

    def compute() -> dict[str, list[tuple[int, int, str]]]:
        found: dict[str, list[tuple[int, int, str]]] = {}
        by_acronym = {a: o for a, o in ckb.organisation_acronyms.items() if len(a) >= 2}
        if not by_acronym:
            return found
        for m in ACRONYM.finditer(document.prose.text):
            org_id = by_acronym.get(m.group())
            if org_id is not None:
                found.setdefault(org_id, []).append((m.start(), m.end(), m.group()))
        return found

    return document.shared("acronym-uses", compute)


def first_expansion(ckb: CompiledKB, org_id: str, text: str) -> int | None:
    org = ckb.kb.organisations[org_id]
    positions = []
    for name in (*org.names_it, *org.names_en):
        m = re.search(rf"(?<![\w]){re.escape(name)}(?![\w])", text, re.IGNORECASE)
        if m:
            positions.append(m.start())
    return min(positions) if positions else None


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
