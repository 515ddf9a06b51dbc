"""The rules reference, docs/rules.md, generated from the rules' own metadata (the single source).

``python -m lint.docs`` prints it; ``python -m lint.docs docs/rules.md`` writes it; ``refuso rules
--format markdown`` prints the same table (both through :mod:`lint.api.rules_table`). A test fails
when the committed file is not what this prints.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from lint.api.rules_table import MARKDOWN_HEADER as HEADER
from lint.api.rules_table import markdown, rows_of
from lint.rules import Rule


def rules_markdown(rules: Iterable[Rule]) -> str:
    """The rules reference for these rules, ordered by code."""
    return markdown(rows_of(rules))


def main(argv: list[str] | None = None) -> int:
    from lint.api import Linter
    from lint.cache import Cache

    args = sys.argv[1:] if argv is None else argv
    linter = Linter(load_entry_points=False, isolated=True, cache=Cache(None))
    text = rules_markdown(linter.base_rules)
    if args:
        Path(args[0]).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


__all__ = ["HEADER", "main", "rules_markdown"]

if __name__ == "__main__":
    sys.exit(main())
