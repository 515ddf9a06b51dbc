"""Where refuso's own data lives: the rule packs, the knowledge base and the word lists of ``rules/``."""

from __future__ import annotations

import functools
from pathlib import Path


@functools.cache
def rules_dir() -> Path:
    """The packaged ``rules`` folder: ``lint/data/rules`` when installed, ``rules/`` beside ``lint/`` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "rules", here.parent.parent / "rules"):
        if (candidate / "kb").is_dir():
            return candidate
    raise FileNotFoundError("refuso's rule packs are missing from the installation")


@functools.cache
def word_list(path: Path) -> frozenset[str]:
    """A word list (one word per line, '#' comments heading the file), such as those of rules/lexicon."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    words = frozenset(lines[header:])
    return words - {""} if "" in words else words
