"""The public Python API: what the command line, pre-commit and other programs call.

    from lint.api import check_text, check_paths

    result = check_text("Putin e Putin non parteciperanno.", language="it")
    for finding in result.findings:
        print(finding.line, finding.column, finding.code, finding.message)

:class:`Linter` is the long-lived form: it loads plugins and rule packs once, checks many texts and
fixes what a run found (:meth:`Linter.fix`). :func:`rules` is the rules table ``refuso rules`` prints,
:func:`schema` the JSON Schemas ``refuso schema`` prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lint.api.linter import Linter, UsageError, check_paths, check_text, read_standard_input
from lint.config import ConfigError
from lint.yamlsource import SourceError

if TYPE_CHECKING:
    from lint.api.fix import FixReport
    from lint.api.rules_table import RuleRow, format_rows
    from lint.api.schemas import SCHEMAS, schema

# Imported when first asked for: a run that only checks files needs none of them.
_LAZY = {
    "FixReport": "lint.api.fix",
    "RuleRow": "lint.api.rules_table",
    "format_rows": "lint.api.rules_table",
    "SCHEMAS": "lint.api.schemas",
    "schema": "lint.api.schemas",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'lint.api' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def rules(language: str | None = None, **kwargs: Any) -> list[RuleRow]:
    """The rules table: a row per rule (refuso's, the plugins' and the configuration's packs); with
    ``language``, only the rules that run on it. Keyword arguments are those of :class:`Linter`."""
    return Linter(**kwargs).rules_table(language)


__all__ = [
    "SCHEMAS",
    "ConfigError",
    "FixReport",
    "Linter",
    "RuleRow",
    "SourceError",
    "UsageError",
    "check_paths",
    "check_text",
    "format_rows",
    "read_standard_input",
    "rules",
    "schema",
]
