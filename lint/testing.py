"""Testing rules: the marked-text notation of rule examples and case files, and a case runner.

A marked text says inside itself what a rule must report: ``⟦span⟧`` for the rule the example or
case file is about, ``⟦span⟧^CODE`` for a named rule (``^{code}`` for a code with punctuation in
it, ``acme.house`` or ``LT:EN_A_VS_AN``), ``⟦⟧`` for an empty span (a finding that points between
two characters or at the end of the file). Marks nest: ``⟦a ⟦b⟧^DUP001⟧^PUN001``.

refuso's own tests use these helpers and so can a plugin's: ``load_cases`` reads a case file
(``tests/cases/<family>/<CODE>.yaml``), ``run_case`` checks its text, and the caller compares
``result.expected`` with ``result.got`` (docs/writing-rules.md, "Test cases").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lint.rules import CODE_PATTERN, MARK_CLOSE, MARK_OPEN

if TYPE_CHECKING:
    from lint.api import Linter
    from lint.findings import FileResult

# After a closing mark: "^PUN001", or "^{...}" for any other code.
_CODE = re.compile(r"\^(?:(?P<short>[A-Z]{2,4}\d{3})|\{(?P<long>[^{}\s]+)\})")
CASE_KEYS = frozenset({"name", "text", "language", "path", "date", "select", "fixed", "config"})


class MarkError(ValueError):
    """A marked text that cannot be read: an unmatched mark, or a bare mark where no rule is implied."""


@dataclass(frozen=True, slots=True)
class Mark:
    """An expected finding: its span in the plain text, and its code (None: the implied rule)."""

    start: int
    end: int
    code: str | None = None


@dataclass(frozen=True, slots=True)
class Marked:
    """A marked text read: the plain text the rules see, and the marks in order of their start."""

    text: str
    marks: tuple[Mark, ...]

    @property
    def spans(self) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in self.marks]


def parse_marks(marked: str) -> Marked:
    """Strip the marks from ``marked``; raise :class:`MarkError` on an unmatched one."""
    plain: list[str] = []
    length = 0
    opened: list[int] = []
    marks: list[Mark] = []
    i = 0
    while i < len(marked):
        ch = marked[i]
        if ch == MARK_OPEN:
            opened.append(length)
            i += 1
        elif ch == MARK_CLOSE:
            if not opened:
                raise MarkError(f"{MARK_CLOSE} without {MARK_OPEN} at character {i + 1}")
            code = None
            m = _CODE.match(marked, i + 1)
            if m:
                code = m.group("short") or m.group("long")
                i = m.end()
            else:
                i += 1
            marks.append(Mark(opened.pop(), length, code))
        else:
            plain.append(ch)
            length += 1
            i += 1
    if opened:
        raise MarkError(f"{MARK_OPEN} never closed ({len(opened)} left open)")
    marks.sort(key=lambda m: (m.start, m.end))
    return Marked("".join(plain), tuple(marks))


def position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset``: lines end at LF, CR LF or a lone CR; a column counts
    code points. Written apart from the engine's own index, so a case checks it."""
    before = text[:offset]
    line_start = max(before.rfind("\n"), before.rfind("\r")) + 1
    line = 1 + len(re.findall(r"\r\n|\r|\n", before))
    return line, offset - line_start + 1


@dataclass(frozen=True)
class Case:
    """One case of a case file: a marked text, how to check it, and the text after the safe fixes."""

    file: Path
    name: str
    text: str  # marked
    code: str | None = None  # the file's rule (the file is named after it), None for mixed/readers files
    language: str | None = None
    path: str = "case.txt"
    date: dt.date | None = None
    select: tuple[str, ...] | None = None
    fixed: str | None = None
    config: Mapping[str, Any] | None = None  # a configuration (as in .refuso.yaml) the case runs under

    @property
    def id(self) -> str:
        return f"{self.file.parent.name}/{self.file.name}::{self.name}"

    def expected(self) -> Marked:
        marked = parse_marks(self.text)
        if self.code is None and any(m.code is None for m in marked.marks):
            raise MarkError(
                f"{self.id}: a bare {MARK_OPEN}…{MARK_CLOSE} needs ^CODE in a file not named after a rule"
            )
        return marked


def rule_of(file: Path) -> str | None:
    """The rule a case file is about: its name (``PUN005.yaml``), or None (``mixed.yaml``)."""
    return file.stem if CODE_PATTERN.match(file.stem) else None


def load_cases(file: Path) -> list[Case]:
    """The cases of one case file; a file that does not follow the format raises ValueError naming it."""
    import yaml

    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("cases"), list):
        raise ValueError(f"{file}: expected a mapping with a list under 'cases:'")
    code = rule_of(file)
    cases, names = [], set()
    for i, item in enumerate(data["cases"], 1):
        if not isinstance(item, dict) or not {"name", "text"} <= item.keys():
            raise ValueError(f"{file}: case {i} needs a name and a text")
        if unknown := item.keys() - CASE_KEYS:
            raise ValueError(f"{file}: case {item['name']!r} has unknown keys {sorted(unknown)}")
        if item["name"] in names:
            raise ValueError(f"{file}: two cases are named {item['name']!r}")
        names.add(item["name"])
        select, date = item.get("select"), item.get("date")
        if not isinstance(item["text"], str) or not isinstance(item.get("fixed", ""), str):
            raise ValueError(f"{file}: case {item['name']!r}: text and fixed are strings")
        if select is not None and not (isinstance(select, list) and all(isinstance(c, str) for c in select)):
            raise ValueError(f"{file}: case {item['name']!r}: select is a list of codes")
        if date is not None and not isinstance(date, dt.date):
            raise ValueError(f"{file}: case {item['name']!r}: date is YYYY-MM-DD")
        if not isinstance(item.get("config", {}), dict):
            raise ValueError(f"{file}: case {item['name']!r}: config is a mapping, as in .refuso.yaml")
        cases.append(
            Case(
                file=file,
                name=str(item["name"]),
                text=item["text"],
                code=code,
                language=item.get("language"),
                path=item.get("path", "case.txt"),
                date=date,
                select=tuple(select) if select is not None else None,
                fixed=item.get("fixed"),
                config=item.get("config"),
            )
        )
    return cases


def iter_cases(folder: Path) -> Iterator[Case]:
    """Every case under ``folder``, file by file in sorted order."""
    for file in sorted(folder.rglob("*.yaml")):
        yield from load_cases(file)


@dataclass(frozen=True)
class CaseResult:
    """What a case expects and what refuso found, as comparable rows (line, column, code, text)."""

    result: FileResult
    expected: list[tuple[int, int, str, str]]
    got: list[tuple[int, int, str, str]]
    fixed: str | None  # the plain text after the safe fixes, when the case gives one

    def report(self) -> str:
        """The findings, one a line, to show when a case fails."""
        return "\n".join(f"{f.code} {f.line}:{f.column} {f.text!r} {f.message}" for f in self.result.findings)


def case_linter(case: Case, **options: Any) -> Linter:
    """A linter for the case's selection, language and date. By default it is isolated: no installed
    plugins, no configuration files, no cache; a plugin's tests pass ``load_entry_points=True`` (or any
    other :class:`lint.api.Linter` argument). Building one reads every pack: share it between cases
    that agree."""
    from lint.api import Linter
    from lint.cache import Cache
    from lint.config import Overrides

    options = {"load_entry_points": False, "isolated": True, "cache": Cache(None), **options}
    overrides = Overrides(select=case.select, language=case.language, date=case.date)
    return Linter(overrides=overrides, **options)


def run_case(case: Case, linter: Linter) -> CaseResult:
    """Check the case's plain text as the file ``case.path`` with ``linter``."""
    from lint.findings import Applicability
    from lint.fixing.apply import apply_fixes

    marked = case.expected()
    plain = marked.text
    settings = settings_with(linter, case.config, str(case.file)) if case.config else None
    result = linter.check_text(plain, path=case.path, language=case.language, settings=settings)
    expected = sorted(
        (*position(plain, m.start), m.code or case.code or "", plain[m.start : m.end]) for m in marked.marks
    )
    got = sorted((f.line, f.column, f.code, plain[f.start : f.end]) for f in result.findings)
    fixed = None
    if case.fixed is not None:
        fixed = apply_fixes(plain, result.findings, {Applicability.SAFE}).text
    return CaseResult(result, expected, got, fixed)


def settings_with(linter: Linter, config: Mapping[str, Any], where: str) -> Any:
    """The settings of a configuration given as a mapping (validated as a file would be, ``where`` naming
    it), with ``linter``'s command-line overrides: how a case or an example runs under a configuration."""
    from lint.config import settings_from, validate_config
    from lint.yamlsource import Located

    located = Located(dict(config), where)
    validate_config(located, linter.config_schema)
    return linter.finder.overrides.apply(settings_from(located))
