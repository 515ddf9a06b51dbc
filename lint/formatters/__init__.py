"""Output formats. A formatter has a ``name`` and ``write(run, stream, context)``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Protocol, runtime_checkable

if TYPE_CHECKING:
    from lint.findings import RunResult
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


@runtime_checkable
class Formatter(Protocol):
    name: str

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None: ...
