"""refuso's knowledge base of people, offices, countries and organisations (``rules/kb``)."""

from __future__ import annotations

from lint.data import rules_dir
from lint.hookspecs import hookimpl


@hookimpl
def refuso_kb_files() -> list[str]:
    return [str(rules_dir() / "kb")]
