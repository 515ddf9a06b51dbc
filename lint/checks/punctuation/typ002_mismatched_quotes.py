"""TYP002: a quotation opened with one kind of mark and closed with another."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.punctuation.marks import (
    quote_events,
)
from lint.document import Document
from lint.rules import CheckContext, Match


class MismatchedQuotes:
    meta = rule_meta(
        code="TYP002",
        name="mismatched-quotes",
        category="typography",
        severity="warning",
        message={
            "it": "Virgolette che non si corrispondono: aperte con {opening} e chiuse con {closing}; va usato {suggestion}",
            "en": "Mismatched quotation marks: opened with {opening} and closed with {closing}; use {suggestion}",
        },
        description={
            "it": (
                'Una citazione aperta con un tipo di virgolette e chiusa con un altro: “…", «…”, "…». Capita '
                "quando un testo passa per più sistemi, o quando una traduzione automatica converte solo una "
                "delle due virgolette. La citazione c’è ed è delimitata: è un difetto tipografico, non una "
                "virgoletta persa (PUN005). La correzione (sicura) sostituisce il segno sbagliato con quello "
                "che corrisponde all’altro."
            ),
            "en": (
                'A quotation opened with one kind of mark and closed with another: “…", «…”, "…». It happens '
                "when copy passes through several systems, or when machine translation converts only one of "
                "the two marks. The quotation is there and delimited: a typographic flaw, not a lost mark "
                "(PUN005). The fix (safe) replaces the wrong mark with the one that matches the other."
            ),
        },
        flagged=[
            ("it", 'Il ministro ha detto “basta⟦"⟧ e se n’è andato.'),
            ("it", "La portavoce ha parlato di «tregua⟦”⟧ senza dare date."),
            ("en", 'The envoy called it ⟦"⟧a good start” and left.'),
        ],
        clean=[
            ("it", 'Il ministro ha detto “basta” e se n’è andato, poi «tregua» e "pace".'),
            ("en", "The envoy called it “a good start” and „ein guter Anfang“ in German."),
        ],
        fix="safe",
        fixed={
            'Il ministro ha detto “basta⟦"⟧ e se n’è andato.': "Il ministro ha detto “basta” e se n’è andato.",
            "La portavoce ha parlato di «tregua⟦”⟧ senza dare date.": "La portavoce ha parlato di «tregua» senza dare date.",
            'The envoy called it ⟦"⟧a good start” and left.': "The envoy called it “a good start” and left.",
        },
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        for problem in quote_events(document):
            if problem.kind == "mismatch":
                yield Match(
                    problem.at,
                    problem.at + 1,
                    args={
                        "opening": problem.opening,
                        "closing": problem.closing,
                        "suggestion": problem.other,
                    },
                    suggestions=(problem.other,),
                    replacement=problem.other,
                )
