"""NAM003: a name that mixes up two known organisations ("NATO-Russia Organization")."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.document import Document
from lint.kb.index import CompiledKB
from lint.kb.keys import key, tokens
from lint.rules import CheckContext, Match

_HEADS = (
    "Organizzazione|Organization|Organisation|Consiglio|Council|Unione|Union|Comitato|Committee|Agenzia|Agency|"
    "Fondo|Fund|Banca|Bank|Corte|Court|Alleanza|Alliance|Commissione|Commission|Dipartimento|Department|"
    "Istituto|Institute|Programma|Programme|Program|Ufficio|Office|Assemblea|Assembly|Parlamento|Parliament|"
    "Tribunale|Tribunal|Lega|League|Forum|Servizio|Service|Autorità|Authority"
)
# An organisation-like name: an optional acronym ("NATO-Russia Organization"), a head noun, then words (lower-case linking words, capitalised words,
# acronyms joined by hyphens), up to punctuation.
_ORG_PHRASE = re.compile(
    rf"(?<![\w-])(?:[A-Z]{{2,}}(?:-\w+)*[ \u00a0]+)?(?:{_HEADS})(?:[ \u00a0]+(?:[A-ZÀ-Þ][\w'’-]*|[a-zà-ÿ]{{1,12}}['’]?[\w]*|[A-Z]{{2,}}(?:-[\w]+)*)){{1,12}}"
)
# The head nouns alone: literals, which the engine finds fast, where _ORG_PHRASE tried every position.
_HEAD = re.compile(_HEADS)
_WORD_CHAR = re.compile(r"[\w-]")


def _phrase_starts(text: str, head: int, pos: int) -> list[int]:
    """Where in [pos, head] a phrase with its first head noun at ``head`` or after it can start: at the
    head, at the start of the word holding it ("NATO-Consiglio"), or at the start of the word before it
    (an acronym: "NATO Council")."""
    starts = {head}
    i = head
    while i > pos and _WORD_CHAR.match(text, i - 1):
        i -= 1
    starts.add(i)
    j = head
    while j > pos and text[j - 1] in " \u00a0":
        j -= 1
    if j < head:
        i = j
        while i > pos and _WORD_CHAR.match(text, i - 1):
            i -= 1
        starts.add(i)
    return sorted(starts)


def _org_phrases(text: str) -> Iterator[re.Match[str]]:
    """The matches of _ORG_PHRASE.finditer(text), tried only from the head nouns: every phrase holds one,
    and no phrase starts before the first head noun after the last phrase but where _phrase_starts says."""
    pos = 0
    while (head := _HEAD.search(text, pos)) is not None:
        m = next(
            (m for start in _phrase_starts(text, head.start(), pos) if (m := _ORG_PHRASE.match(text, start))),
            None,
        )
        if m is None:
            pos = head.start() + 1
        else:
            yield m
            pos = m.end()


_LINKING = {
    "di",
    "del",
    "della",
    "dello",
    "dei",
    "degli",
    "delle",
    "dell'",
    "per",
    "la",
    "il",
    "lo",
    "le",
    "i",
    "gli",
    "e",
    "ed",
    "in",
    "of",
    "for",
    "the",
    "and",
    "on",
    "to",
    "a",
    "l'",
    "sulla",
    "sul",
    "tra",
    "fra",
    "con",
}


def _content(words: list[str]) -> set[str]:
    return {w for w in words if w not in _LINKING}


_KNOWN: weakref.WeakKeyDictionary[
    CompiledKB, tuple[list[tuple[str, str, set[str]]], dict[str, list[int]]]
] = weakref.WeakKeyDictionary()


def _known(ckb: CompiledKB) -> tuple[list[tuple[str, str, set[str]]], dict[str, list[int]]]:
    """(organisation id, name key, its content words) of every known name, and where each content word
    is found among the names of three content words or more: made once per knowledge base."""
    found = _KNOWN.get(ckb)
    if found is None:
        known = [(org_id, name, _content(name.split())) for name, org_id in ckb.organisation_names.items()]
        by_word: dict[str, list[int]] = {}
        for i, (_, _, content) in enumerate(known):
            if len(content) >= 3:
                for word in content:
                    by_word.setdefault(word, []).append(i)
        found = _KNOWN[ckb] = (known, by_word)
    return found


class GarbledOrganisationName:
    uses_knowledge = True
    meta = rule_meta(
        code="NAM003",
        name="garbled-organisation-name",
        category="name",
        severity="warning",
        message={
            "it": "«{phrase}» non è il nome di un'organizzazione nota: sembra {label} mescolato con {others}",
            "en": "“{phrase}” is not the name of a known organisation: it looks like {label} mixed with {others}",
        },
        description={
            "it": (
                "Segnala il nome di un'organizzazione che contiene quasi per intero quello di un'organizzazione "
                "nota, ma con l'aggiunta del nome o della sigla di un'altra: «Organizzazione NATO-Russia per la "
                "sicurezza e la cooperazione in Europa» mescola il Consiglio NATO-Russia e l'OSCE. È il segno di "
                "una traduzione automatica che ha fuso due nomi. Il suggerimento dà i nomi delle organizzazioni "
                "coinvolte."
            ),
            "en": (
                "Flags an organisation name that contains nearly all of a known organisation's name plus the name "
                'or acronym of another: "NATO-Russia Organization for Security and Co-operation in Europe" mixes '
                "the NATO-Russia Council and the OSCE, the mark of a machine translation that merged two names."
            ),
        },
        flagged=[
            (
                "it",
                "Ne discuterà l'⟦Organizzazione NATO-Russia per la sicurezza e la cooperazione in Europa⟧ a Vienna.",
            ),
            ("en", "The ⟦NATO-Russia Organization for Security and Co-operation in Europe⟧ will meet."),
        ],
        clean=[
            ("it", "Ne discuterà l'Organizzazione per la sicurezza e la cooperazione in Europa a Vienna."),
            ("it", "Il Consiglio NATO-Russia si riunirà il 12 gennaio."),
        ],
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        ckb = options.knowledge_base()
        if ckb is None:
            return
        text = document.prose.text
        lang = document.language
        known, by_word = _known(ckb)
        for m in _org_phrases(text):
            phrase = m.group()
            phrase_key = key(phrase)
            # A known name (maybe followed by more words): the key itself, or the key up to a space.
            if phrase_key in ckb.organisation_names or any(
                phrase_key[:i] in ckb.organisation_names for i, c in enumerate(phrase_key) if c == " "
            ):
                continue
            phrase_words = phrase_key.split()
            content = _content(phrase_words)
            best = None
            # Only names of three content words or more that share one with the phrase, in table order.
            for index in sorted({i for w in content for i in by_word.get(w, ())}):
                org_id, _name, name_content = known[index]
                shared = content & name_content
                if len(shared) / len(name_content) >= 0.75:
                    extra = content - name_content
                    foreign = [w for w in extra if self._other_organisation(ckb, w, org_id)]
                    if foreign and (best is None or len(shared) > best[2]):
                        best = (org_id, foreign, len(shared), name_content)
            if best is None:
                continue
            org_id, foreign, _, name_content = best
            # The name ends at its last word that belongs to one of the organisations, not at the verb after it.
            toks = tokens(phrase, m.start())
            last = max(i for i, t in enumerate(toks) if t[0] in name_content or t[0] in foreign)
            end = toks[last][2]
            phrase = text[m.start() : end]
            org = ckb.kb.organisations[org_id]
            names = org.names_in(lang)
            acronyms = org.acronyms_in(lang)
            label = f"{names[0]} ({acronyms[0]})" if acronyms else names[0]
            others = ", ".join(sorted({self._describe(ckb, w, lang) for w in foreign}))
            args = {"phrase": phrase, "label": label, "others": others}
            yield Match(m.start(), end, args=args, suggestions=(names[0],))

    @staticmethod
    def _organisations_of(ckb: CompiledKB, word: str) -> set[str]:
        found = set()
        for part in [word, *word.split("-")]:
            for acronym, org_id in ckb.organisation_acronyms.items():
                if acronym.casefold() == part:
                    found.add(org_id)
        return found

    def _other_organisation(self, ckb: CompiledKB, word: str, org_id: str) -> bool:
        return bool(self._organisations_of(ckb, word) - {org_id})

    def _describe(self, ckb: CompiledKB, word: str, lang: str | None) -> str:
        # The longest known name containing this acronym-word ("NATO-Russia" -> the NATO-Russia Council).
        for name, org_id in sorted(ckb.organisation_names.items(), key=lambda kv: -len(kv[0])):
            if word in name.split():
                org = ckb.kb.organisations[org_id]
                return org.names_in(lang)[0]
        org_ids = sorted(self._organisations_of(ckb, word))
        org = ckb.kb.organisations[org_ids[0]]
        return org.names_in(lang)[0]


RULE = GarbledOrganisationName()
