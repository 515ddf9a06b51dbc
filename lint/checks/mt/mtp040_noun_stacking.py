"""MTP040: English noun stacking left in Italian: an organisation or place directly before the office
it should follow ("il Pentagono portavoce John Kirby", "la Casa Bianca consigliere")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import document_quotes, inside
from lint.document import Document
from lint.language import FUNCTION_WORDS
from lint.rules import Match
from lint.text import CAPITAL_CANDIDATE

# An article (or the start of a sentence), one to three capitalised words, a lower-case word, and
# what follows it; the lower-case word is judged against the knowledge base's office nouns.
_STACK = re.compile(
    rf"(?:(?<![\w'’])(?P<article>[Ii]l|[Ll]a|[Ll]o|[Ll]['’])[ \u00a0]*|(?:^|(?<=[.!?:]\s)))"
    rf"(?P<org>(?:{CAPITAL_CANDIDATE}[\w'’-]*[ \u00a0]+){{0,2}}{CAPITAL_CANDIDATE}[\w'’-]*)"
    r"[ \u00a0]+(?P<head>[a-zà-ù]{3,}|CEO|COO|CFO)(?P<tail>[ \u00a0]+[\w'’]+)?",
    re.MULTILINE,
)
_COMPLEMENT = frozenset(["di", "del", "della", "dello", "dei", "degli", "delle", "dell", "d"])


def _office_heads(ckb: Any) -> frozenset[str]:
    """The head nouns of the offices the knowledge base knows ("portavoce", "segretario", "consigliere"),
    without the words that describe rather than name an office ("falco", "leader")."""
    heads = set()
    for title in ckb.titles:
        head = title.split()[0]
        if head.isalpha() and ckb.descriptors.get(head) != () and head not in ckb.descriptors:
            heads.add(head)
    return frozenset(heads)


class NounStacking:
    uses_knowledge = True
    meta = rule_meta(
        code="MTP040",
        name="noun-stacking",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» segue l'ordine inglese (nome + carica): in italiano la carica viene prima, «{suggestion}»",
            "en": "“{match}” keeps the English order (name + office): Italian puts the office first, “{suggestion}”",
        },
        description={
            "it": (
                "Segnala l'ordine delle parole inglese rimasto nella traduzione, con il nome di un'istituzione o "
                "di un luogo subito prima della carica che dovrebbe seguirlo: «il Pentagono portavoce John "
                "Kirby» (the Pentagon spokesman), «la Casa Bianca consigliere per la sicurezza», «Microsoft CEO "
                "Satya Nadella». In italiano: «il portavoce del Pentagono». Le cariche sono i nomi degli "
                "incarichi della base di conoscenza («portavoce», «segretario», «consigliere»), non un elenco "
                "di frasi. Restano fuori le apposizioni con un complemento («l'Italia presidente di turno del "
                "G7») e l'ordine italiano («il presidente Biden»)."
            ),
            "en": (
                "Flags English noun stacking left in Italian: an institution or place directly before the office "
                'it should follow ("il Pentagono portavoce John Kirby", "la Casa Bianca consigliere", "Microsoft '
                'CEO Satya Nadella"); Italian says "il portavoce del Pentagono". Offices are the head nouns of '
                "the knowledge base's titles. Appositions with a complement (\"l'Italia presidente di turno del "
                'G7") and the Italian order ("il presidente Biden") are left alone.'
            ),
        },
        flagged=[
            ("it", "Lo ha detto ⟦il Pentagono portavoce⟧ John Kirby ai giornalisti."),
            ("it", "Ne ha parlato ⟦la Casa Bianca consigliere⟧ per la sicurezza nazionale."),
        ],
        clean=[
            ("it", "Lo ha detto il portavoce del Pentagono John Kirby ai giornalisti."),
            ("it", "L'Italia presidente di turno del G7 ha ospitato il presidente Biden."),
            ("it", "Il Pentagono ha smentito; la Casa Bianca portavoce di sé stessa, dicono i critici."),
        ],
        languages=("it",),
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        provider = getattr(options, "knowledge", None)
        ckb = provider() if callable(provider) else None
        if ckb is None:
            return
        text = document.prose.text
        heads = document.shared("mt-office-heads", lambda: _office_heads(ckb))
        quotes: list[tuple[int, int]] | None = None
        for m in _STACK.finditer(text):
            head, tail, org = m.group("head"), m.group("tail"), m.group("org")
            if head.casefold() not in heads:
                continue
            following = tail.strip() if tail else ""
            if following.casefold().rstrip("'’") in _COMPLEMENT:
                continue  # an apposition with its complement: "l'Italia presidente di turno del G7"
            if not m.group("article") and not following[:1].isupper():
                continue  # without an article, only before a name: "Microsoft CEO Satya Nadella"
            if following and following[:1].islower() and following.casefold() not in ("per", "alla", "al"):
                continue  # "la Casa Bianca portavoce di sé stessa": a complement, not an office's name
            if org.split()[0].casefold().rstrip("'’") in FUNCTION_WORDS["it"]:
                continue  # a capitalised article at a sentence start: "Il presidente Chirac"
            if ckb.lookup(org) or any(w.casefold() in heads for w in org.split()):
                continue  # a person, or an office itself ("il Presidente portavoce")
            if quotes is None:
                quotes = document_quotes(document)
            if inside(quotes, m.start()):
                continue
            start = m.start("article") if m.group("article") else m.start("org")
            article = "il" if head[:1].lower() not in "aeiouàèéìòù" else "l'"
            suggestion = f"{article}{'' if article.endswith(chr(39)) else ' '}{head} di {org}"
            yield Match(start, m.end("head"), suggestions=(suggestion,))


RULE = NounStacking()
