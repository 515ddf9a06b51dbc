"""The word lists shipped in rules/lexicon, read once."""

from __future__ import annotations

import functools


@functools.cache
def lexicon(name: str) -> frozenset[str]:
    """A word list shipped in rules/lexicon (one word per line, '#' comments)."""
    from lint.data import rules_dir, word_list

    return word_list(rules_dir() / "lexicon" / name)
