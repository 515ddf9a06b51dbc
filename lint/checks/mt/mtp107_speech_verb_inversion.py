"""MTP107: «"…", underlined the minister»: after a quotation, a reporting verb English does not invert, put
before its subject as Italian puts it («ha sottolineato il ministro»)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.mt import vocabulary, word_set
from lint.document import Document
from lint.rules import CheckContext, Match

# Verbs that English news puts after their subject ("the minister stressed"), but Italian inverts («ha
# sottolineato il ministro»). "Said", "added", "asked", "wrote", "explained" invert in English too, and
# "confirmed", "announced", "admitted", "observed", "commented", "recalled" now and then: they are left
# out.
_VERBS = word_set(
    """underlined underlines specified specifies highlighted highlights denounced denounces declared declares
    reiterated reiterates assured assures reassured reassures stressed stresses emphasised emphasises
    emphasized emphasizes  affirmed affirms reaffirmed reaffirms
    clarified clarifies"""
)
# A quotation's end (a closing mark with a comma, full stop, question or exclamation mark on either side),
# then the verb, then its subject: an article or a capitalised name.
_INVERSION = re.compile(
    r"(?:[,.!?…][ \u00a0]*[”\"»]|[”\"»][ \u00a0]*,)[ \u00a0]*,?[ \u00a0]+"
    r"(?P<verb>[a-z]+)[ \u00a0]+(?P<subject>the|a|an|[A-Z][\w'’-]+)(?![\w'’-])"
)


class SpeechVerbInversion:
    meta = rule_meta(
        code="MTP107",
        name="speech-verb-inversion",
        category="mt-phrasing",
        severity="warning",
        message={
            "en": "“{match}” after a quotation is the Italian order («ha {italian} il …»); English writes the "
            "subject first: “the minister {verb}”, or “said the minister”",
            "it": "«{match}» dopo una citazione è l'ordine italiano; in inglese il soggetto viene prima: "
            "«the minister {verb}», o «said the minister»",
        },
        description={
            "en": (
                "Flags a reporting verb put before its subject after a quotation, as Italian news does («ha "
                "sottolineato il ministro», «ha dichiarato il sindaco») and machine translation keeps: "
                '"…," underlined the minister; "…," declared the mayor; "…", reiterated the secretary. '
                "English inverts said and a few kin (added, asked, wrote, explained, confirmed, commented, "
                "recalled), which are left alone; with stressed, underlined, declared, reiterated the subject "
                "comes first: "
                '"…," the minister stressed.'
            ),
            "it": (
                "Segnala in inglese un verbo dichiarativo messo prima del soggetto dopo una citazione "
                '(«"…", underlined the minister»), come in italiano («ha sottolineato il ministro»); '
                "l'inglese inverte solo said e pochi altri."
            ),
        },
        reference="https://www.apstylebook.com/",
        flagged=[
            ("en", '"We will hire ten thousand nurses," ⟦stressed the⟧ minister.'),
            ("en", '"They are only announcements", ⟦declared the⟧ secretary of the union.'),
        ],
        clean=[
            ("en", '"We will hire ten thousand nurses," said the minister.'),
            ("en", '"We will hire ten thousand nurses," the minister stressed.'),
            ("en", 'The word "crisis" confirmed the fears of the markets.'),
        ],
        languages=("en",),
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        if not vocabulary(document) & _VERBS:
            return
        for found in _INVERSION.finditer(document.prose.text):
            verb = found.group("verb")
            if verb not in _VERBS:
                continue
            yield Match(
                found.start("verb"),
                found.end("subject"),
                args={"verb": verb, "italian": _ITALIAN.get(_stem(verb), "detto")},
            )


def _stem(verb: str) -> str:
    """ "stressed", "stresses" -> "stress"; "specified", "specifies" -> "specifi"."""
    if verb.endswith(("ed", "es")):
        return verb[:-2]
    return verb[:-1] if verb.endswith("s") else verb


# The Italian participle each verb renders, for the message.
_ITALIAN = {
    "underlin": "sottolineato", "specifi": "specificato", "highlight": "evidenziato",
    "denounc": "denunciato", "declar": "dichiarato", "reiterat": "ribadito", "assur": "assicurato",
    "reassur": "rassicurato", "stress": "sottolineato", "emphasis": "sottolineato", "emphasiz": "sottolineato",
    "affirm": "affermato",
    "reaffirm": "ribadito", "clarifi": "chiarito",
}  # fmt: skip


RULE = SpeechVerbInversion()
