"""Output formats. A formatter has a ``name`` and ``write(run, stream, context)``."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from lint.findings import RunResult
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
    Without ``needs_lines`` the lines are kept."""

    name: str

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None: ...


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
