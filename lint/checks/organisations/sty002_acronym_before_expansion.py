"""STY002: an organisation's acronym used before its full name, which comes only later."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.organisations.acronyms import expansion_label, lesser_known_acronyms
from lint.document import Document
from lint.rules import CheckContext, Match


class AcronymBeforeExpansion:
    uses_knowledge = True
    meta = rule_meta(
        code="STY002",
        name="acronym-before-expansion",
        category="style",
        severity="info",
        message={
            "it": "La sigla «{match}» compare prima del nome per esteso ({name}), che arriva solo più avanti: sciogli la sigla alla prima occorrenza",
            "en": "The acronym “{match}” comes before the full name ({name}), which appears only later: spell it out at first use",
        },
        description={
            "it": (
                "Segnala la sigla di un'organizzazione usata prima del suo nome per esteso, che l'articolo dà "
                "solo più avanti. Le sigle note a tutti (NATO, UE, ONU, FMI…) non sono segnalate."
            ),
            "en": (
                "Flags an organisation's acronym used before its full name, which the article gives only later. "
                "Acronyms everyone knows (NATO, EU, UN, IMF…) are not flagged."
            ),
        },
        flagged=[
            (
                "it",
                "L'⟦OSCE⟧ si riunirà. L'Organizzazione per la sicurezza e la cooperazione in Europa ha sede a Vienna.",
            )
        ],
        clean=[
            (
                "it",
                "L'Organizzazione per la sicurezza e la cooperazione in Europa (OSCE) si riunirà. L'OSCE ha sede a Vienna.",
            )
        ],
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        ckb = options.knowledge_base()
        if ckb is None:
            return
        for org_id, start, end, expansion in lesser_known_acronyms(ckb, document):
            if expansion is not None and start < expansion:
                yield Match(start, end, args={"name": expansion_label(ckb, org_id, document.language)})


RULE = AcronymBeforeExpansion()
