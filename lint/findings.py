"""What a rule reports: findings, their severity and category, and the fixes they carry.

Everything here is immutable, so results can cross process boundaries and be compared in tests.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """How sure a rule is. ``error``: certainly wrong; ``warning``: probably wrong; ``info``: worth a look."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r}: use error, warning or info") from None

    def __str__(self) -> str:
        return self.name.lower()


class Category(enum.Enum):
    """The fixed vocabulary of categories every rule belongs to."""

    PUNCTUATION = "punctuation"
    DUPLICATION = "duplication"
    TITLE = "title"
    NAME = "name"
    MT_PHRASING = "mt-phrasing"
    GRAMMAR = "grammar"
    SPELLING = "spelling"
    TYPOGRAPHY = "typography"
    STYLE = "style"
    CONSISTENCY = "consistency"

    def __str__(self) -> str:
        return self.value


CATEGORY_NAMES: tuple[str, ...] = tuple(c.value for c in Category)


class Applicability(enum.Enum):
    """Whether a fix may be applied without a human reading it."""

    SAFE = "safe"  # mechanical typography: the words do not change
    UNSAFE = "unsafe"  # changes words: a person should review it

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``source[start:end]`` (code-point offsets into the decoded file) with ``replacement``."""

    start: int
    end: int
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    edits: tuple[Edit, ...]
    applicability: Applicability
    description: str = ""


@dataclass(frozen=True, slots=True)
class Position:
    """1-based line and column; columns count Unicode code points."""

    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem in one file.

    ``start``/``end`` are code-point offsets into the decoded source; ``end`` is exclusive and the
    end position points just past the span, as in SARIF.
    """

    path: str
    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    start: int
    end: int
    start_position: Position
    end_position: Position
    text: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    source: str = "refuso"  # the plugin that contributed the rule
    entry: str | None = None  # the entry of a phrase pack that matched, for rules.<CODE>.options.skip

    @property
    def line(self) -> int:
        return self.start_position.line

    @property
    def column(self) -> int:
        return self.start_position.column

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.code, self.message)


@dataclass(frozen=True, slots=True)
class Problem:
    """Something that stopped part of a run: an unreadable file, a failing rule or plugin, a bad config.

    Problems are not findings about the text; any problem makes the exit code 2.
    """

    path: str
    message: str
    kind: str = "error"  # "error" makes the run fail; "note" is informational (a skipped binary file)
    origin: str = ""  # the rule code or plugin name involved, when there is one
    line: int | None = None  # the line of ``path`` the problem is on, when known

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True, slots=True)
class FileResult:
    path: str
    language: str | None
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()
    checked: bool = True  # False when the file was skipped (binary) or could not be read
    lines: Mapping[int, str] = field(default_factory=dict)  # text of the lines findings are on
    source: str | None = None  # the whole decoded text, when a formatter asked for it (the HTML report)
    encoding: str | None = None  # how the file was decoded, so fixes are written back the same way
    bom: bool = False
    # With --timings: rule code -> (seconds its check took, findings it reported) on this file.
    timings: Mapping[str, tuple[float, int]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RunResult:
    files: tuple[FileResult, ...] = ()
    problems: tuple[Problem, ...] = field(default_factory=tuple)  # not tied to one file

    @property
    def findings(self) -> list[Finding]:
        return [f for result in self.files for f in result.findings]

    @property
    def all_problems(self) -> list[Problem]:
        return [*self.problems, *(p for result in self.files for p in result.problems)]

    @property
    def has_errors(self) -> bool:
        return any(p.kind == "error" for p in self.all_problems)
