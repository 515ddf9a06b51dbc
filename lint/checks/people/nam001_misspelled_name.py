"""NAM001: a known wrong spelling of a name in the knowledge base."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.people.names import (
    find_mentions,
    house_form,
    unless_accepted,
)
from lint.document import Document
from lint.lazyre import LazyRe
from lint.rules import CheckContext, Match

# Particles a name writes in lower case inside a sentence ("Ursula von der Leyen", "Luiz Inácio Lula da
# Silva"), where the KB writes them so. Alone, a Dutch or Spanish surname capitalises its particle ("Van
# Rompuy", "De Guindos"): a lone surname is judged only for the German particles, which never do.
_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "di", "da", "du", "del", "della", "ter", "zu", "dos", "das"}
)
_ALONE_TOO = frozenset({"von", "zu"})
_SENTENCE_END = LazyRe(r"(?:^|[.!?:;\n«“\"(\[—–-])\s*$")


def _particle_case(text: str, mention: Any) -> str | None:
    """The KB's spelling of a name whose particle the text capitalises inside a sentence ("Ursula Von der
    Leyen", "ha detto Von der Leyen"), or None."""
    written = mention.text.split()
    if mention.text.isupper():
        return None
    for entry in mention.entries:
        if entry.kind not in ("name", "surname"):
            continue
        kb = entry.form.split()
        if len(kb) != len(written) or mention.text == entry.form:
            continue
        at_start = bool(_SENTENCE_END.search(text[max(0, mention.start - 40) : mention.start]))
        fixed, changed = [], False
        for i, (w, k) in enumerate(zip(written, kb, strict=True)):
            particle = k in _PARTICLES and w == k.capitalize()
            if particle and (i > 0 or not at_start) and (entry.kind == "name" or k in _ALONE_TOO):
                fixed.append(k)
                changed = True
            elif w.casefold() == k.casefold():
                fixed.append(w)
            else:
                break
        else:
            if changed:
                return " ".join(fixed)
    return None


class MisspelledName:
    uses_knowledge = True
    meta = rule_meta(
        code="NAM001",
        name="misspelled-name",
        category="name",
        severity="error",
        # "with-name": the house spelling differs from the name the KB gives the person in this language.
        message={
            "it": "«{match}» è una grafia sbagliata: si scrive «{right}»",
            "en": "“{match}” is misspelled: write “{right}”",
        },
        messages={
            "with-name": {
                "it": "«{match}» è una grafia sbagliata: si scrive «{right}» ({name})",
                "en": "“{match}” is misspelled: write “{right}” ({name})",
            },
        },
        description={
            "it": (
                "Segnala le grafie sbagliate note dei nomi della base di conoscenza («Anthony Blinken» per Antony "
                "Blinken, «Zhelensky» per Zelensky), e propone la grafia della casa nella lingua dell'articolo. "
                "Le grafie sbagliate sono solo quelle documentate nella base di conoscenza, con la loro fonte: "
                "per le altre c'è NAM002."
            ),
            "en": (
                'Flags known wrong spellings of names in the knowledge base ("Anthony Blinken" for Antony '
                'Blinken, "Zhelensky" for Zelensky) and suggests the house spelling in the article\'s language. '
                "Only wrong spellings documented in the knowledge base, with their source; NAM002 covers others."
            ),
        },
        flagged=[
            ("it", "Il segretario di Stato ⟦Anthony Blinken⟧ è arrivato a Roma."),
            ("en", "Secretary of State ⟦Anthony Blinken⟧ arrived in Rome."),
        ],
        clean=[
            ("it", "Il segretario di Stato Antony Blinken è arrivato a Roma."),
            ("it", "L'attore Anthony Hopkins è arrivato a Roma."),
        ],
        fix="unsafe",
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        return unless_accepted(self._matches(document, options), document, options)

    def _matches(self, document: Document, options: CheckContext) -> Iterator[Match]:
        ckb = options.knowledge_base()
        if ckb is None:
            return
        lang = document.language
        text = document.prose.text
        for mention in find_mentions(document, ckb):
            kinds = mention.kinds()
            if kinds & {"name", "variant", "surname", "variant-surname"}:
                right = _particle_case(text, mention)
                if right is not None:
                    yield Match(mention.start, mention.end, args={"right": right}, replacement=right)
                continue  # also a correct spelling of someone
            wrong = [
                e for e in mention.entries if e.kind in ("wrong", "wrong-surname") and e.lang in (None, lang)
            ]
            if not wrong:
                continue
            person = ckb.kb.people[wrong[0].person]
            right = house_form(person, lang, wrong[0])
            label = person.name_for(lang)
            yield Match(
                mention.start,
                mention.end,
                args={"right": right, "name": label},
                template="with-name" if right != label else None,
                suggestions=(right,),
                replacement=right,
            )
