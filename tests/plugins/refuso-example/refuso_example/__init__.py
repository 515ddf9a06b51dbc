"""An example refuso plugin, used by refuso's tests: one rule in Python, one YAML pack, one format."""

from __future__ import annotations

import re
from pathlib import Path

from lint.checks.base import rule_meta
from lint.hookspecs import hookimpl
from lint.rules import Match


class NoLoremIpsum:
    """Placeholder text left in an article."""

    meta = rule_meta(
        code="acme.LOREM",
        name="acme-lorem-ipsum",
        category="style",
        severity="error",
        languages=None,
        message={"*": "Placeholder text «{match}» left in the article"},
        description={"*": "Flags 'lorem ipsum' placeholder text, which must never be published."},
        flagged=["Testo ⟦lorem ipsum⟧ qui."],
        clean=["Testo vero qui."],
    )
    _pattern = re.compile(r"\blorem ipsum\b", re.I)

    def check(self, document, options):
        for m in self._pattern.finditer(document.prose.text):
            yield Match(m.start(), m.end())


class CountFormatter:
    name = "acme-count"

    def write(self, run, stream, context):
        stream.write(f"{len(run.findings)} findings\n")


@hookimpl
def refuso_rules():
    return [NoLoremIpsum()]


@hookimpl
def refuso_rule_packs():
    return [str(Path(__file__).parent / "rules")]


@hookimpl
def refuso_formatters():
    return {"acme-count": CountFormatter()}
