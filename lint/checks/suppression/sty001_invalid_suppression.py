"""STY001: a suppression directive that names no rule.

The engine, which reads the directives, reports these findings under this rule; the rule itself
only carries the documentation, severity and selection like any other.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import Match


class InvalidSuppression:
    meta = rule_meta(
        code="STY001",
        name="invalid-suppression",
        category="style",
        severity="warning",
        languages=None,
        message={
            "it": "«{match}» nella direttiva refuso non indica alcuna regola: il commento non sopprime nulla",
            "en": "“{match}” in the refuso directive names no rule, so the comment suppresses nothing",
            "*": "“{match}” in the refuso directive names no rule, so the comment suppresses nothing",
        },
        description={
            "it": (
                "Segnala i codici, i nomi o le categorie sconosciuti in una direttiva di soppressione "
                "(<!-- refuso: disable CODICE -->): un refuso nel codice lascerebbe attiva la regola che si "
                "voleva spegnere, senza che nessuno se ne accorga."
            ),
            "en": (
                "Flags unknown codes, names or categories in a suppression directive "
                "(<!-- refuso: disable CODE -->): a typo in the code would leave the rule on, unnoticed."
            ),
        },
        flagged=[("it", "refuso: disable ⟦PUN999⟧\nTesto.")],
        clean=[("it", "refuso: disable PUN001\nTesto, , con la regola spenta.")],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        return iter(())


RULE = InvalidSuppression()
