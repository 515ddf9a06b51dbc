"""Generated documents: every reader maps prose back to the original text, and every finding lies
inside the document with line and column agreeing with its offsets."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lint.api import Linter
from lint.cache import Cache
from lint.config import Overrides
from lint.document import LineIndex

PIECES = [
    "Putin",
    "e",
    "Biden",
    "il",
    "città",
    "perché",
    "the",
    "and",
    ",",
    ",,",
    ".",
    ". .",
    ";",
    ":",
    "!",
    "?",
    "“",
    "”",
    "«",
    "»",
    '"',
    "(",
    ")",
    "[",
    "]",
    "’",
    "'",
    "…",
    "...",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "🇮🇹",
    "e\u0301",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u200b",
    "\x0b",
    "&amp;",
    "&eacute;",
    "\\*",
    "*",
    "**",
    "_",
    "`",
    "``",
    "# ",
    "> ",
    "- ",
    "1. ",
    "[x](http://a.b/c,,d)",
    "<b>",
    "</b>",
    "<!-- c -->",
    "<!-- refuso: disable PUN001 -->",
    "refuso: disable-next-line DUP001",
    "| a | b |",
    "---",
    "```",
    "https://example.org/x,,y",
    "a@b.it",
    "3,5",
    "S.p.A.",
]

LINTER = Linter(load_entry_points=False, isolated=True, cache=Cache(None), overrides=Overrides(preview=True))


documents = st.lists(st.sampled_from(PIECES), max_size=80).map(
    lambda parts: " ".join(parts) if len(parts) % 3 == 0 else "".join(parts)
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents, st.sampled_from(["a.txt", "a.md", "a.html"]), st.sampled_from(["it", "en"]))
def test_findings_lie_in_the_document_and_positions_agree(text, path, language):
    result = LINTER.check_text(text, path=path, language=language)
    assert not [p for p in result.problems if p.kind == "error"], result.problems
    index = LineIndex(text)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert index.position(f.start) == f.start_position
        assert index.position(f.end) == f.end_position
        if f.fix is not None:
            for edit in f.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(documents, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_prose_copied_verbatim_maps_to_the_same_characters(text, path):
    picked = LINTER.plugins.first_result("refuso_reader", path=path)
    assert picked is not None
    document = picked[1].read(path, text)
    prose = document.prose
    for i, ch in enumerate(prose.text):
        if prose.is_verbatim(i, i + 1):
            assert text[prose.to_source(i)] == ch
        start, end = prose.to_source(i), prose.end_to_source(i + 1)
        assert 0 <= start <= end <= len(text)


def test_deterministic_output():
    text = "Putin e Putin,, (UE) e « ciao.\n\nIl il cane  dorme ."
    first = LINTER.check_text(text, path="a.txt", language="it")
    for _ in range(3):
        assert LINTER.check_text(text, path="a.txt", language="it") == first
