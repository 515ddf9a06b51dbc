"""STY003: an organisation's acronym the article never spells out."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.organisations.acronyms import expansion_label, lesser_known_acronyms
from lint.document import Document
from lint.rules import CheckContext, Match


class AcronymWithoutExpansion:
    uses_knowledge = True
    meta = rule_meta(
        code="STY003",
        name="acronym-without-expansion",
        category="style",
        severity="info",
        message={
            "it": "La sigla «{match}» non è mai sciolta: alla prima occorrenza scrivi «{name} ({match})»",
            "en": "The acronym “{match}” is never spelled out: at first use write “{name} ({match})”",
        },
        description={
            "it": (
                "Segnala la sigla di un'organizzazione che l'articolo non scioglie mai (l'NSC per il Consiglio per "
                "la sicurezza nazionale degli Stati Uniti). Le sigle note a tutti (NATO, UE, ONU, FMI…) non sono "
                "segnalate."
            ),
            "en": (
                "Flags an organisation's acronym that the article never spells out. Acronyms everyone knows "
                "(NATO, EU, UN, IMF…) are not flagged."
            ),
        },
        flagged=[("it", "Lo ha detto un portavoce dell’⟦NSC⟧ martedì.")],
        clean=[
            (
                "it",
                "Lo ha detto un portavoce del Consiglio per la sicurezza nazionale (NSC) martedì. L'NSC tace.",
            )
        ],
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        ckb = options.knowledge_base()
        if ckb is None:
            return
        for org_id, start, end, expansion in lesser_known_acronyms(ckb, document):
            if expansion is None:
                yield Match(start, end, args={"name": expansion_label(ckb, org_id, document.language)})


RULE = AcronymWithoutExpansion()
