"""NAM002: a name close to a knowledge-base name without being an accepted spelling of it."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.people.names import (
    FIRST_NAME,
    Mention,
    common_word,
    find_mentions,
    house_form,
    merged,
    name_runs,
    people_named_in_full,
    unless_accepted,
    used_as_name,
)
from lint.document import Document
from lint.kb.index import CompiledKB
from lint.kb.keys import edit_distance, key, sound_key
from lint.rules import CheckContext, Match


class PossibleMisspelledName:
    uses_knowledge = True
    meta = rule_meta(
        code="NAM002",
        name="possible-misspelled-name",
        category="name",
        severity="warning",
        # A word one letter from a known surname; "other-language": the house spelling of another
        # language; "first-name": a wrong first name before a known surname.
        message={
            "it": "«{match}»: forse «{right}» ({name})?",
            "en": "“{match}”: did you mean “{right}” ({name})?",
        },
        messages={
            "other-language": {
                "it": "«{match}» è la grafia di un'altra lingua: in italiano si scrive «{right}»",
                "en": "“{match}” is the spelling used in another language: in English write “{right}”",
            },
            "first-name": {
                "it": "«{match}»: il nome di battesimo è scritto diversamente; forse «{right}»?",
                "en": "“{match}”: the first name is spelled differently; did you mean “{right}”?",
            },
        },
        description={
            "it": (
                "Segnala un nome che somiglia a quello di una persona della base di conoscenza senza esserne una "
                "grafia accettata: un nome di battesimo sbagliato accanto a un cognome noto («Anthony Blinken»), "
                "un cognome a una lettera di distanza o traslitterato diversamente («Zhelensky», «Horn» per "
                "Horne), o una grafia che la casa usa in un'altra lingua («Zelenskyy» in un articolo italiano). "
                "Un cognome da solo è segnalato solo se è usato come nome di persona (è seguito da «ha detto», "
                "preceduto da un titolo…), se l'articolo parla del paese o dell'organizzazione di quella persona "
                "e se non è una parola comune. È un avviso: può essere un'altra persona."
            ),
            "en": (
                "Flags a name close to that of a person in the knowledge base without being an accepted spelling: "
                'a wrong first name next to a known surname ("Anthony Blinken"), a surname one letter off or '
                'transliterated differently ("Zhelensky", "Horn" for Horne), or a spelling the house uses in '
                "another language. A lone surname is flagged only when it is used as a person's name, the article "
                "mentions that person's country or organisation, and it is not a common word. A warning: it may "
                "be someone else."
            ),
        },
        flagged=[
            (
                "it",
                "Il portavoce del Consiglio per la sicurezza nazionale, Emily Horne, ha parlato. ⟦Horn⟧ ha aggiunto che la Casa Bianca è pronta.",
            ),
            ("it", "Il presidente ucraino Volodymyr ⟦Zhelenskyi⟧ ha parlato."),
        ],
        clean=[
            ("it", "Il presidente ucraino Volodymyr Zelensky ha parlato."),
            ("it", "Il corno, in tedesco Horn, è uno strumento."),
        ],
        fix="unsafe",
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        return unless_accepted(self._matches(document, options), document, options)

    def _matches(self, document: Document, options: CheckContext) -> Iterator[Match]:
        ckb = options.knowledge_base()
        if ckb is None:
            return
        text = document.prose.text
        lang = document.language
        mentions = find_mentions(document, ckb)
        covered = merged((m.start, m.end) for m in mentions)
        function_words = options.languages.union("function_words")
        for mention in mentions:
            yield from self._other_language_variant(ckb, mention, lang)
            yield from self._wrong_first_name(ckb, text, mention, lang, function_words)
        named_in_full = people_named_in_full(mentions)
        near = _near_surnames(ckb)
        reported: set[tuple[int, int]] = set()
        k = 0  # the first KB mention not before the word: the words come in order
        for run in name_runs(document):
            for start, end, word in run:
                if len(word) < 4 or not word[0].isupper():
                    continue  # what _near_surname() turns down first, without the call
                while k < len(covered) and covered[k][1] <= start:
                    k += 1
                if (k < len(covered) and covered[k][0] <= start) or (start, end) in reported:
                    continue
                found = self._near_surname(ckb, document, text, start, end, lang, named_in_full, near)
                if found is not None:
                    reported.add((start, end))
                    yield found

    @staticmethod
    def _other_language_variant(ckb: CompiledKB, mention: Mention, lang: str | None) -> Iterator[Match]:
        if mention.kinds() & {"name", "surname", "wrong", "wrong-surname"} or not mention.belongs_to(ckb):
            return  # also a right spelling, or part of another name ("Monte Carlo" is not King Carlo)
        entries = [e for e in mention.entries if e.kind in ("variant", "variant-surname")]
        if not entries or any(e.lang in (None, lang) for e in entries):
            return
        person = ckb.kb.people[entries[0].person]
        right = house_form(person, lang, entries[0])
        yield Match(
            mention.start,
            mention.end,
            args={"match": mention.text, "right": right},
            template="other-language",
            suggestions=(right,),
            replacement=right,
        )

    @staticmethod
    def _wrong_first_name(
        ckb: CompiledKB, text: str, mention: Mention, lang: str | None, function_words: frozenset[str]
    ) -> Iterator[Match]:
        if not mention.kinds() & {"surname", "variant-surname"} or len(mention.people) != 1:
            return
        m = FIRST_NAME.search(text, max(0, mention.start - 40), mention.start)
        if not m:
            return
        first = m.group(1)
        person = ckb.kb.people[mention.people[0]]
        known = ckb.first_names.get(person.id, set())
        first_key = key(first)
        if not known or first_key in known or len(first_key) < 4 or first_key in function_words:
            return
        if any(sound_key(first_key) == sound_key(k) for k in known):
            return  # another transliteration of the same name: Andrij, Andrii, Andriy
        allowed = 1 if len(first_key) < 6 else 2
        if min(edit_distance(first_key, k) for k in known) > allowed:
            return  # a different first name: probably another person with the same surname
        right = person.name_for(lang)
        args = {"match": f"{first} {mention.text}", "right": right}
        yield Match(
            m.start(1), mention.end, args=args, template="first-name", suggestions=(right,), replacement=right
        )

    def _near_surname(
        self,
        ckb: CompiledKB,
        document: Document,
        text: str,
        start: int,
        end: int,
        lang: str | None,
        named_in_full: set[str],
        near: _NearSurnames,
    ) -> Match | None:
        word = text[start:end]
        if len(word) < 4 or not word[0].isupper():
            return None
        candidates = near.known(word)
        if candidates is not None and not candidates:
            return None
        # FIRST_NAME ends in spaces at the end of the text before the word (or before a final newline).
        first = (
            FIRST_NAME.search(text[max(0, start - 40) : start]) if text[start - 1 : start] in _GAP else None
        )
        if first is None and not used_as_name(text, start, end):
            if candidates is None:
                near.met.add(word)
            return None  # without a first name before it, only a word used as a name is judged
        if candidates is None:
            candidates = near.look(word)
            if not candidates:
                return None
        first_key = key(first.group(1)) if first else None
        people = sorted({pid for s in candidates for pid in ckb.surname_people.get(s, ())})
        evidence_person = None
        minor = ckb.minor_people
        for pid in people:
            # The tests that need no more than the person's id come first: most candidates fail one, and
            # the person (their roles) is then never unpacked from the KB.
            if first and first_key in ckb.first_names.get(pid, set()):
                # "Volodymyr Zhelenskyi": the first name is right. Not enough for a little-known person
                # with a common first name ("John Hall" is not John Hill), nor for an ordinary word.
                if not ((pid not in minor or pid in named_in_full) and not _common_anywhere(ckb, word)):
                    continue
            elif first:
                continue  # another first name: someone else
            # The person named in full elsewhere in the article ("Emily Horne ... Horn said"), or the
            # article about their country or organisation and the word not an ordinary one.
            elif not (
                pid in named_in_full
                or (
                    pid not in minor
                    and self._in_context(ckb, document, pid)
                    and not common_word(ckb, word, lang)
                )
            ):
                continue
            person = ckb.kb.people[pid]
            if document.date is not None and not ckb.roles_on(person, document.date, "past"):
                continue
            evidence_person = person
            break
        if evidence_person is None:
            return None
        right = (
            evidence_person.surname
            if evidence_person.surname in evidence_person.name_for(lang)
            else evidence_person.name_for(lang).split()[-1]
        )
        args = {"match": word, "right": right, "name": evidence_person.name_for(lang)}
        return Match(start, end, args=args, suggestions=(right,), replacement=right)

    @staticmethod
    def _in_context(ckb: CompiledKB, document: Document, person_id: str) -> bool:
        terms = ckb.context_terms.get(person_id, set())
        text = document.prose.text
        return any(
            term in text and re.search(rf"(?<![\w]){re.escape(term)}(?![\w])", text)
            for term in terms
            if len(term) >= 2
        )


_GAP = frozenset(" \u00a0\n")


class _NearSurnames:
    """The KB surnames near each word (:meth:`CompiledKB.near`), looked for once the word is used as a
    name or comes back: most capitalised words are neither, and a word's first test is the cheaper one."""

    def __init__(self, ckb: CompiledKB) -> None:
        self.ckb = ckb
        self.found: dict[str, list[str]] = {}
        self.met: set[str] = set()  # words met once, not used as names

    def known(self, word: str) -> list[str] | None:
        found = self.found.get(word)
        if found is None and word in self.met:
            found = self.look(word)
        return found

    def look(self, word: str) -> list[str]:
        if len(self.found) >= 50_000:
            self.found.clear()  # a long run meets ever new words: keep the memory flat
            self.met.clear()
        found = self.found[word] = self.ckb.near(word)
        return found


_NEAR: weakref.WeakKeyDictionary[CompiledKB, _NearSurnames] = weakref.WeakKeyDictionary()


def _near_surnames(ckb: CompiledKB) -> _NearSurnames:
    near = _NEAR.get(ckb)
    if near is None:
        near = _NEAR[ckb] = _NearSurnames(ckb)
    return near


def _common_anywhere(ckb: CompiledKB, word: str) -> bool:
    """A frequent word in any language the KB lists ("Hall", "Long"): names in one are words in another."""
    folded = word.casefold()
    return any(folded in words for words in ckb.kb.common_words.values())
