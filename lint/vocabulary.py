"""A project's vocabulary: words and names it accepts (never reported by the name checks nor by
LanguageTool's spelling), as Vale's ``Vocab`` and LanguageTool's ``spelling.txt`` do.

An entry written in lower case matches whatever the case of the text; one with capitals matches only as
written. A span is accepted when it is an entry, or when every word in it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

_WORD = re.compile(r"\w[\w'’-]*")


@dataclass(frozen=True)
class Vocabulary:
    accept: tuple[str, ...] = ()
    reject: tuple[str, ...] = ()  # reported wherever they appear (STY004)
    _exact: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)
    _folded: frozenset[str] = field(default=frozenset(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        exact = {w for w in self.accept if w != w.casefold()}
        object.__setattr__(self, "_exact", frozenset(exact))
        object.__setattr__(self, "_folded", frozenset(w.casefold() for w in self.accept if w not in exact))

    def __bool__(self) -> bool:
        return bool(self.accept or self.reject)

    def _is_entry(self, text: str) -> bool:
        return text in self._exact or text.casefold() in self._folded

    def accepts(self, text: str) -> bool:
        """Whether ``text`` (a word or a name as found) is accepted."""
        if not self.accept or not text.strip():
            return False
        text = " ".join(text.split())
        if self._is_entry(text):
            return True
        words = _WORD.findall(text)
        return bool(words) and all(self._is_entry(w) for w in words)


def read_word_file(path: Path) -> list[str]:
    """One word or name a line; blank lines and lines starting with ``#`` are skipped."""
    text = path.read_text(encoding="utf-8-sig")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def vocabulary_from(located: Any, root: str, error: Any) -> Vocabulary:
    """The ``vocabulary`` section of a validated configuration; ``accept-file`` is relative to ``root``.
    ``error(file, line, message)`` makes the exception for a word file that cannot be read."""
    section = located.data.get("vocabulary") or {}
    lists = {}
    for kind in ("accept", "reject"):
        words = list(section.get(kind, ()))
        for name in section.get(f"{kind}-file", ()):
            path = Path(root) / name
            try:
                words += read_word_file(path)
            except (OSError, UnicodeDecodeError) as exc:
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
                raise error(
                    located.file,
                    located.line_of(("vocabulary", f"{kind}-file")),
                    f"vocabulary.{kind}-file: cannot read {path}: {reason}; give a UTF-8 file, one word a line",
                ) from None
        lists[kind] = tuple(dict.fromkeys(" ".join(w.split()) for w in words if w.strip()))
    return Vocabulary(lists["accept"], lists["reject"])
