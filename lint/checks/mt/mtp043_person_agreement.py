"""MTP043: a participle or predicate adjective whose gender disagrees with a person the knowledge base
knows, further along the clause than TTL002 looks: "Lagarde si è detto convinto", "Jean-Pierre, la
portavoce, è stato chiaro", "Lagarde, che si è dichiarato soddisfatto", "ha detto di essere preoccupato"."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from lint.checks.base import rule_meta
from lint.checks.people.gender import gendered_mentions
from lint.document import Document
from lint.rules import Match

# What may stand between the name and its verb: an apposition between commas, a relative "che", adverbs.
_BRIDGE = r"(?:[ \u00a0]*,[^,.;:!?()«»\"“”\n]{1,90},)?(?:[ \u00a0]*,?[ \u00a0]*che)?(?:[ \u00a0]+(?:non|ieri|oggi|poi|anche|già|subito|infine|ora|sempre|mai))*"
_ESSERE = r"(?:è|era|sarà|sarebbe|fu|sia|fosse|sono)"
# A participle or an adjective that shows gender in the singular: "nominato", "detta", "fiducioso".
_AGREEING = r"[a-zà-ù]{1,}(?:at|ut|it|ett|ess|olt|ort|ost|unt|int|as|es|is|us|ott|att|uos|os|iv)[oa]"


class _Patterns(NamedTuple):
    agreement: tuple[re.Pattern[str], ...]
    subject_before: re.Pattern[str]
    relative: re.Pattern[str]
    preposition_before: re.Pattern[str]
    essere_next: re.Pattern[str]


# Compiled on first use: the rule is Italian only, and needs a person of known gender, so many runs
# never use them, and compiling them at import was a noticeable share of every start.
@functools.cache
def _compiled() -> _Patterns:
    patterns = (
        # "si è detta fiduciosa", "si è dimesso": the participle, and the adjective after it
        re.compile(
            rf"{_BRIDGE}[ \u00a0]+si[ \u00a0]+{_ESSERE}[ \u00a0]+(?P<w1>{_AGREEING})\b"
            rf"(?:[ \u00a0]+(?:molto[ \u00a0]+|più[ \u00a0]+|ancora[ \u00a0]+)?(?P<w2>[a-zà-ù]{{2,}}[oa])\b)?"
        ),
        # "è stato nominato", "è preoccupata"
        re.compile(
            rf"{_BRIDGE}[ \u00a0]+{_ESSERE}[ \u00a0]+(?:(?P<w1>stat[oa])[ \u00a0]+)?(?:molto[ \u00a0]+|più[ \u00a0]+)?(?P<w2>{_AGREEING})\b"
        ),
        # "ha detto di essere preoccupato", "ha detto che era preoccupato"
        re.compile(
            rf"{_BRIDGE}[ \u00a0]+(?:ha|aveva)[ \u00a0]+(?:detto|dichiarato|affermato|spiegato|aggiunto|ammesso|riferito|"
            rf"confessato|assicurato)[ \u00a0]+(?:di[ \u00a0]+(?:essere|sentirsi|esser(?:si)?)|che[ \u00a0]+(?:era|è|fosse|"
            rf"sarebbe|sarà|si[ \u00a0]+sentiva|si[ \u00a0]+sente))[ \u00a0]+(?:molto[ \u00a0]+|più[ \u00a0]+|ancora[ \u00a0]+)?"
            rf"(?P<w2>{_AGREEING})\b"
        ),
    )
    # What may come before a name that is the subject of its clause: the start of a sentence or clause, or
    # an article opening the noun phrase the name ends ("la portavoce della Casa Bianca Karine Jean-Pierre").
    subject_before = re.compile(
        r"(?:^|[.;:!?«“\"(\n]|,|\b(?:e|ed|ma|poi|quando|mentre|se|perché|però|anche|ieri|oggi|che|secondo cui))"
        r"[ \u00a0]*(?:(?:[Ii]l|[Ll]a|[Ll]o|[Ll]['’]|[Ii]|[Gg]li|[Ll]e)[ \u00a0]*[^.;:!?,\n]{0,80})?\Z"
    )
    relative = re.compile(r"[ \u00a0]*,?[ \u00a0]*che\b")
    preposition_before = re.compile(
        r"\b(?:di|a|da|con|su|per|tra|fra|del|della|dello|al|alla|dal|dalla|col|sul|sulla|nel|nella|verso)[ \u00a0]*\Z",
        re.IGNORECASE,
    )

    essere_next = re.compile(r"[ \u00a0]+" + _ESSERE + r"\b")
    return _Patterns(patterns, subject_before, relative, preposition_before, essere_next)


def _agreement(compiled: _Patterns, text: str, end: int) -> tuple[int, re.Match[str]] | None:
    """The first of the agreement patterns that matches at ``end``, and its match."""
    for i, pattern in enumerate(compiled.agreement):
        m = pattern.match(text, end)
        if m is not None:
            return i, m
    return None


class PersonAgreement:
    uses_knowledge = True
    meta = rule_meta(
        code="MTP043",
        name="person-agreement",
        category="grammar",
        severity="warning",
        message={
            "it": "«{match}» non concorda con {name}, che la base di conoscenza dà come {gender}: «{suggestion}»",
            "en": "“{match}” does not agree with {name}, whom the knowledge base records as {gender}: “{suggestion}”",
        },
        messages={
            "first-name": {
                "it": "«{match}» non concorda con {name}, che ha un nome di {gender}: «{suggestion}»",
                "en": "“{match}” does not agree with {name}, whose first name is a {gender}'s: “{suggestion}”",
            },
        },
        description={
            "it": (
                "Segnala un participio o un aggettivo predicativo che non concorda nel genere con la persona "
                "della base di conoscenza che è il soggetto della frase, anche quando tra il nome e il verbo "
                "c'è un'apposizione o un «che»: «Lagarde si è detto convinto», «Jean-Pierre, la portavoce "
                "della Casa Bianca, è stato chiara», «Lagarde, che si è dichiarato soddisfatto», «ha detto di "
                "essere preoccupato». Nelle traduzioni dall'inglese, che non ha generi, è un errore frequente. "
                "Il genere è quello della base di conoscenza (dato da una fonte) o, per chi non vi è, quello del "
                "nome proprio quando una tabella di nomi lo dà univoco (Giulia sì, Kim no) e il nome completo "
                "è nell'articolo; il nome deve essere il soggetto "
                "(all'inizio della proposizione, non dopo una preposizione). La correzione cambia una parola: "
                "non è sicura."
            ),
            "en": (
                "Flags a participle or predicate adjective whose gender disagrees with the knowledge-base person "
                'who is the subject of the clause, also past an apposition or a relative "che": "Lagarde si è '
                'detto convinto", "Lagarde, che si è dichiarato soddisfatto", "ha detto di essere preoccupato". '
                "English has no gender, so translations get this wrong. The gender is the knowledge base's, or "
                "for people it does not know the first name's when a name table gives it one gender (Giulia, "
                "not Kim) and the article gives the full name. The fix changes a word: unsafe."
            ),
        },
        flagged=[
            ("it", "Christine Lagarde si è ⟦detto⟧ ⟦convinto⟧ che l'inflazione scenderà."),
            ("it", "Lagarde, che si è ⟦dichiarato⟧ ⟦soddisfatto⟧, ha lasciato la sala."),
            ("it", "«Non è finita», ha detto Lagarde, che si è ⟦detto⟧ ⟦sicuro⟧ della ripresa."),
            ("it", "La presidente della Bce Christine Lagarde ha detto di essere ⟦preoccupato⟧."),
            ("it", "«I dati sono chiari», ha detto Giulia Ferri, che si è ⟦detto⟧ ⟦fiducioso⟧."),
        ],
        clean=[
            ("it", "Christine Lagarde si è detta convinta che l'inflazione scenderà."),
            ("it", "Il piano di Lagarde è stato approvato; con Lagarde è arrivato il ministro."),
            ("it", "Secondo Lagarde il governo è preoccupato."),
            ("it", "«I dati sono chiari», ha detto Andrea Neri, che si è detto fiducioso."),
        ],
        languages=("it",),
        fix="unsafe",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        ckb = options.knowledge_base()
        text = document.prose.text
        compiled = _compiled()
        function_words = frozenset(options.languages["it"].function_words)
        for mention in gendered_mentions(document, ckb, function_words):
            # The verb after the name first: most names have none of these after them, and then what
            # comes before the name need not be read.
            found = _agreement(compiled, text, mention.end)
            if found is None:
                continue
            i, m = found
            before = text[max(0, mention.start - 120) : mention.start]
            # A relative "che" right after the name refers to it, whatever the name's role: "ha detto
            # Lagarde, che si è detta". Otherwise the name must be the subject.
            relative = compiled.relative.match(text, mention.end) is not None
            if not relative and (
                compiled.preposition_before.search(before) or not compiled.subject_before.search(before)
            ):
                continue  # not the subject: "con Lagarde è arrivato", "il piano di Lagarde"
            if i == 1 and compiled.essere_next.match(text, mention.end, mention.end + 12):
                continue  # "Frederiksen è stato rieletto", right after the name: TTL002's case
            for group in ("w1", "w2"):
                word = m.group(group) if group in m.re.groupindex else None
                if not word or word in options.languages["it"].function_words:
                    continue
                gender = "m" if word.endswith("o") else "f"
                person_gender = mention.gender  # looked up only now: the name table is read lazily
                if person_gender is None or gender == person_gender:
                    continue
                right = word[:-1] + ("a" if person_gender == "f" else "o")
                yield Match(
                    m.start(group),
                    m.end(group),
                    args={"name": mention.name, "gender": "donna" if person_gender == "f" else "uomo"},
                    template=None if mention.in_kb else "first-name",
                    suggestions=(right,),
                    replacement=right,
                )


RULE = PersonAgreement()
