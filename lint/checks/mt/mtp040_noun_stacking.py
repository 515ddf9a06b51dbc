"""MTP040: English noun stacking left in Italian: an organisation or place directly before the office
it should follow ("il Pentagono portavoce John Kirby", "la Casa Bianca consigliere")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import in_quotes, word_spans
from lint.document import Document
from lint.prose import CAPITAL_CANDIDATE
from lint.rules import Match

# Read backwards from an office noun the document's word index found: an article (or the start of a
# sentence) and one to three capitalised words right before it; then the word after it.
_BEFORE_HEAD = re.compile(
    rf"(?:(?<![\w'’])(?P<article>[Ii]l|[Ll]a|[Ll]o|[Ll]['’])[ \u00a0]*|(?:^|(?<=[.!?:]\s)))"
    rf"(?P<org>(?:{CAPITAL_CANDIDATE}[\w'’-]*[ \u00a0]+){{0,2}}{CAPITAL_CANDIDATE}[\w'’-]*)[ \u00a0]+\Z",
    re.MULTILINE,
)
_TAIL = re.compile(r"[ \u00a0]+([\w'’]+)")
_ACRONYM_HEADS = frozenset({"ceo", "coo", "cfo"})
_COMPLEMENT = frozenset(["di", "del", "della", "dello", "dei", "degli", "delle", "dell", "d"])


@functools.cache
def _office_heads(ckb: Any) -> frozenset[str]:
    """The head nouns of the offices the knowledge base knows ("portavoce", "segretario", "consigliere"),
    without the words that describe rather than name an office ("falco", "leader")."""
    heads = set()
    for title in ckb.titles:
        head = title.split()[0]
        # Short heads ("re", "pm") are left out: as substrings they are everywhere, as offices rare here.
        if len(head) > 3 and head.isalpha() and head not in ckb.descriptors:
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
        heads = _office_heads(ckb) | _ACRONYM_HEADS
        for head_start, head_end in word_spans(document, heads):
            head = text[head_start:head_end]
            if not (head.islower() or head in ("CEO", "COO", "CFO")):
                continue
            # The word before must end a capitalised name: "il Pentagono portavoce", not "il portavoce".
            space = text.rfind(" ", 0, head_start - 1)
            if not text[space + 1 : space + 2].isupper():
                continue
            m = _BEFORE_HEAD.search(text, max(0, head_start - 80), head_start)
            if m is None:
                continue
            org = m.group("org")
            tail = _TAIL.match(text, head_end)
            following = tail.group(1) if tail else ""
            if following.casefold().rstrip("'’") in _COMPLEMENT:
                continue  # an apposition with its complement: "l'Italia presidente di turno del G7"
            if not m.group("article") and not following[:1].isupper():
                continue  # without an article, only before a name: "Microsoft CEO Satya Nadella"
            if following and following[:1].islower() and following.casefold() not in ("per", "alla", "al"):
                continue  # "la Casa Bianca portavoce di sé stessa": a complement, not an office's name
            if org.split()[0].casefold().rstrip("'’") in options.languages["it"].function_words:
                continue  # a capitalised article at a sentence start: "Il presidente Chirac"
            if ckb.lookup(org) or any(w.casefold() in heads for w in org.split()):
                continue  # a person, or an office itself ("il Presidente portavoce")
            if in_quotes(text, m.start()):
                continue
            start = m.start("article") if m.group("article") else m.start("org")
            article = "il" if head[:1].lower() not in "aeiouàèéìòù" else "l'"
            suggestion = f"{article}{'' if article.endswith(chr(39)) else ' '}{head} di {org}"
            yield Match(start, head_end, suggestions=(suggestion,))


RULE = NounStacking()
