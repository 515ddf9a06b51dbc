"""Which parts of a document a rule's ``scope`` covers: block kinds, quotations, web addresses."""

from __future__ import annotations

from lint.document import Document
from lint.prose import address_spans, quoted_spans
from lint.rules import Match


class ScopeIndex:
    """Answers whether a match lies in the parts of a document a rule's scope covers."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._quotes: list[tuple[int, int]] | None = None
        self._addresses: list[tuple[int, int]] | None = None

    def _in_address(self, match: Match) -> bool:
        if self._addresses is None:
            self._addresses = address_spans(self.document.prose.text)
        end = max(match.end, match.start + 1)
        return any(s < end and match.start < e for s, e in self._addresses)

    def _in_quote(self, offset: int) -> bool:
        if self._quotes is None:
            self._quotes = quoted_spans(self.document.prose.text)
        return any(s <= offset < e for s, e in self._quotes)

    def _has(self, scope: str, offset: int) -> bool:
        if scope == "text":
            return True
        if scope == "quote":
            return self._in_quote(offset)
        if scope == "address":
            return True
        block = self.document.prose.block_at(offset)
        return block is not None and block.kind == scope

    def allows(self, scope: tuple[str, ...], match: Match) -> bool:
        # Web and e-mail addresses are not prose: no rule looks inside them unless it asks to.
        if "address" not in scope and self._in_address(match):
            return False
        if scope == ("text",):
            return True
        include = [s for s in scope if not s.startswith("~")]
        exclude = [s[1:] for s in scope if s.startswith("~")]
        if include and not any(self._has(s, match.start) for s in include):
            return False
        return not any(self._has(s, match.start) for s in exclude)
