"""PUN005: quotation marks that do not pair up within a paragraph."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.punctuation.marks import quote_events
from lint.document import Document
from lint.rules import CheckContext, Match


class UnbalancedQuotes:
    meta = rule_meta(
        code="PUN005",
        name="unbalanced-quotes",
        category="punctuation",
        severity="error",
        message={
            "it": "Virgolette non bilanciate: {mark} è aperta ma non viene chiusa in questo paragrafo (manca {other})",
            "en": "Unbalanced quotation marks: {mark} is opened but not closed in this paragraph (no {other})",
        },
        messages={
            "close": {
                "it": "Virgolette non bilanciate: {mark} chiude un segno che non è stato aperto (manca {other})",
                "en": "Unbalanced quotation marks: {mark} closes a mark that was never opened (no {other} before it)",
            },
        },
        description={
            "it": (
                "Segnala, paragrafo per paragrafo, le virgolette aperte e mai chiuse o chiuse senza essere "
                'state aperte: “…”, «…», ‹…›, „…“, le virgolette dritte "…" e le caporali rovesciate »…« del '
                "tedesco. Una citazione che prosegue nel paragrafo successivo può restare aperta, se il "
                "paragrafo seguente si riapre con le virgolette (la convenzione delle agenzie) o se è lì che "
                "si chiude. Apostrofi e virgolette semplici non sono controllati, perché ’ serve anche da "
                'apostrofo; i segni di pollice (15") sono ignorati. Una coppia aperta e chiusa da segni '
                "diversi («…”) è di TYP002. Nei testi tradotti a macchina una virgoletta persa è tra i danni "
                "più comuni."
            ),
            "en": (
                "Flags, paragraph by paragraph, quotation marks opened and never closed, or closed without being "
                'opened: “…”, «…», ‹…›, „…“, straight "…" and the reversed »…« of German. A quotation that runs '
                "on into the next paragraph may stay open when that paragraph opens it again (the convention of "
                "news agencies) or closes it. Apostrophes and single quotes are not checked, since ’ is also "
                'the apostrophe; inch marks (15") are ignored. A pair opened and closed by different marks '
                "(“…\") is TYP002's."
            ),
        },
        flagged=[
            ("it", "Ha detto: ⟦“⟧non ci sono alternative al dialogo."),
            ("it", "Il ministro ha parlato di «sanzioni dure» e ⟦«⟧poi se n’è andato."),
            ("it", "La portavoce ha aggiunto: siamo pronti⟦»⟧."),
            ("en", 'She said ⟦"⟧we are ready to respond.'),
            ("en", "The paper called it ⟦»⟧a turning point."),
        ],
        clean=[
            ("it", "Ha detto: “non ci sono alternative” e se n’è andato."),
            ("it", "«Siamo pronti», ha detto. «Ma non a tutto.»"),
            ("it", "«Prima parte della citazione,\n\n«seconda parte che la chiude.»"),
            ("en", 'The screen measures 15" across and the "smart" model costs more.'),
            ("en", "The paper called it »a turning point« and ›quoted‹ the minister."),
            ("en", "»The talks went well,\n\nsaid the envoy.« Then he left."),
        ],
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        for problem in quote_events(document):
            if problem.kind in ("close", "open"):
                template = "close" if problem.kind == "close" else None
                args = {"mark": problem.mark, "other": problem.other}
                yield Match(problem.at, problem.at + 1, args=args, template=template)
