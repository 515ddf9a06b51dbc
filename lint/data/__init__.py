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


def pack_display(path: Path, plugin: str) -> str:
    """How a run names a pack or KB file: refuso's own as in a checkout (``rules/…``, a family's one-rule
    pack ``lint/checks/…``) wherever refuso is installed, others relative to the current folder."""
    if plugin == "refuso":
        try:
            return "rules/" + path.relative_to(rules_dir()).as_posix()
        except ValueError:
            pass
        try:
            return "lint/" + path.resolve().relative_to(Path(__file__).resolve().parents[1]).as_posix()
        except ValueError:
            pass
    import os

    from lint.paths import display_path

    return display_path(path, os.getcwd())


@functools.cache
def word_list(path: Path) -> frozenset[str]:
    """A word list (one word per line, '#' comments heading the file), such as those of rules/lexicon."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = next((i for i, line in enumerate(lines) if not line.startswith("#")), len(lines))
    words = frozenset(lines[header:])
    return words - {""} if "" in words else words
