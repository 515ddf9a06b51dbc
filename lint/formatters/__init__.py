"""Output formats. A formatter has a ``name`` and ``write(run, stream, context)``."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Any, Protocol, runtime_checkable

if TYPE_CHECKING:
    from lint.findings import FileResult, Problem, RunResult, Severity
    from lint.lang import Languages
    from lint.rules import RuleMeta


@dataclass(frozen=True)
class OutputContext:
    """What a formatter may need besides the results."""

    color: bool = False
    cwd: str = ""
    sources: dict[str, str] = field(default_factory=dict)  # path -> decoded text, for source excerpts
    rules: dict[str, RuleMeta] = field(default_factory=dict)  # code -> metadata, for reports that list rules
    show_source: bool = True
    statistics: bool = False
    languages: Languages | None = None  # the registered languages, for labels in the article's language

    def labels(self, language: str | None) -> Mapping[str, str]:
        """The interface labels for an article in ``language`` (empty without registered languages)."""
        return self.languages.labels(language) if self.languages is not None else {}


@runtime_checkable
class Formatter(Protocol):
    """Optional attributes: ``needs_source`` (True: each file's whole text is kept in
    ``FileResult.source``) and ``needs_lines`` (False: ``FileResult.lines``, the text of the lines
    findings are on, is not needed; or a function of ``show_source`` saying whether it is).
    Without ``needs_lines`` the lines are kept.

    A formatter that can write each file's findings as soon as the file is done also has
    ``writer(stream, context)``, returning a :class:`ReportWriter`: a run then keeps only a
    :class:`Tally` of what is written, not every finding, until the end."""

    name: str

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None: ...


class ReportWriter(Protocol):
    """Writes one report as the run goes: each file's result in the run's order, then the end."""

    def file(self, result: FileResult) -> None: ...

    def end(self, tally: Tally) -> None: ...


class Tally:
    """What the end of a report needs of a run (counts, files with findings, rules and how often
    they were reported, the problems), gathered file by file without keeping any finding."""

    def __init__(self) -> None:
        self.files = 0
        self.checked = 0
        self.findings = 0
        self.severities: Counter[Severity] = Counter()
        self.paths_with_findings: set[str] = set()
        self.rules: Counter[tuple[str, str]] = Counter()  # (code, name) -> findings
        self.fixable: set[str] = set()  # codes with a finding that has a fix
        self.file_problems: list[Problem] = []
        self.run_problems: tuple[Problem, ...] = ()  # the problems not tied to one file, known at the end

    @classmethod
    def of(cls, run: RunResult) -> Tally:
        tally = cls()
        for result in run.files:
            tally.add(result)
        tally.run_problems = tuple(run.problems)
        return tally

    def add(self, result: FileResult) -> None:
        self.files += 1
        self.checked += result.checked
        self.file_problems.extend(result.problems)
        for f in result.findings:
            self.findings += 1
            self.severities[f.severity] += 1
            self.paths_with_findings.add(f.path)
            self.rules[(f.code, f.name)] += 1
            if f.fix is not None:
                self.fixable.add(f.code)

    @property
    def all_problems(self) -> list[Problem]:
        return [*self.run_problems, *self.file_problems]

    @property
    def has_errors(self) -> bool:
        return any(p.kind == "error" for p in self.all_problems)


def write_through(formatter: Any, run: RunResult, stream: IO[str], context: OutputContext) -> None:
    """Write a whole run with a formatter's :class:`ReportWriter`: what its ``write`` does, so a
    report is the same whether it was written as the files were done or at the end."""
    writer = formatter.writer(stream, context)
    for result in run.files:
        writer.file(result)
    writer.end(Tally.of(run))


def meta_for_code(code: str, rules: dict[str, RuleMeta]) -> RuleMeta | None:
    """The metadata of the rule behind ``code``: its own, or its namespace's (``LT:X`` → ``LT``)."""
    meta = rules.get(code)
    if meta is None and ":" in code:
        namespace = rules.get(code.split(":", 1)[0])
        if namespace is not None and namespace.namespace:
            meta = namespace
    return meta


def needs_lines(formatter: object, show_source: bool) -> bool:
    """Whether a formatter reads ``FileResult.lines`` (see :class:`Formatter`)."""
    wanted = getattr(formatter, "needs_lines", True)
    return bool(wanted(show_source)) if callable(wanted) else bool(wanted)


def count_of(n: int, word: str, many: str | None = None) -> str:
    """``"1 file"``, ``"3 files"``: ``n`` and ``word``, in the plural unless ``n`` is 1 (``many``,
    else ``word`` with an s)."""
    return f"{n} {word if n == 1 else many or word + 's'}"
