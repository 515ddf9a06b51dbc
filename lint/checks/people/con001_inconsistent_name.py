"""CON001: one person written two ways in one article."""

from __future__ import annotations

from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.people.names import (
    Mention,
    common_word,
    find_mentions,
    house_form,
    merged,
    name_runs,
    unless_accepted,
    used_as_name,
)
from lint.document import Document
from lint.kb.index import CompiledKB, NameEntry
from lint.kb.keys import edit_distance, fold, sound_key, within_one_edit
from lint.rules import CheckContext, Match


def _spelling_groups(forms: list[str]) -> list[list[str]]:
    """The forms grouped by the name they spell: the same sound key, or at most two letters apart."""
    groups: list[list[str]] = []
    for form in forms:
        folded, sound = fold(form), sound_key(form)
        for group in groups:
            if any(
                sound == sound_key(other) or edit_distance(folded, fold(other), 3) <= 2 for other in group
            ):
                group.append(form)
                break
        else:
            groups.append([form])
    return groups


class InconsistentName:
    uses_knowledge = True
    meta = rule_meta(
        code="CON001",
        name="inconsistent-name",
        category="consistency",
        severity="warning",
        # A person of the KB written two ways; "free-surname": anyone's surname written two ways.
        message={
            "it": "«{match}» e «{keep}» nello stesso articolo: scrivi {name} in un solo modo",
            "en": "“{match}” and “{keep}” in one article: write {name} one way",
        },
        messages={
            "free-surname": {
                "it": "«{match}» e «{keep}» nello stesso articolo: la stessa persona scritta in due modi?",
                "en": "“{match}” and “{keep}” in one article: the same person written two ways?",
            },
        },
        description={
            "it": (
                "Segnala la stessa persona scritta in due modi nello stesso articolo: due grafie accettate di un "
                "nome della base di conoscenza («Zelensky» e «Zelenskyy»), o, per chiunque, un cognome che "
                "compare per intero in un nome completo e altrove con una lettera diversa («Emily Horne» e "
                "«Horn», «Lavrov» e «Lavrow»). Segnala la grafia meno usata e propone l'altra."
            ),
            "en": (
                "Flags one person written two ways in one article: two accepted spellings of a knowledge-base "
                'name ("Zelensky" and "Zelenskyy"), or, for anyone, a surname that appears in a full name and '
                'elsewhere one letter off ("Emily Horne" and "Horn", "Lavrov" and "Lavrow"). Flags the '
                "less used spelling and suggests the other."
            ),
        },
        flagged=[
            ("it", "Il portavoce Mario Bianchetti ha parlato ieri. ⟦Bianchetto⟧ ha poi aggiunto altro."),
            (
                "it",
                "Volodymyr Zelensky ha parlato. Poi ⟦Zelenskyy⟧ ha lasciato la sala e Zelensky è tornato.",
            ),
        ],
        clean=[
            ("it", "Il portavoce Mario Bianchetti ha parlato ieri. Bianchetti ha poi aggiunto altro."),
            ("it", "Anna Rossi e Marco Rossa hanno parlato."),
        ],
        fix="unsafe",
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        return unless_accepted(self._matches(document, options), document, options)

    def _matches(self, document: Document, options: CheckContext) -> Iterator[Match]:
        ckb = options.knowledge_base()
        text = document.prose.text
        lang = document.language
        mentions = find_mentions(document, ckb) if ckb is not None else []
        yield from self._kb_spellings(ckb, mentions, lang)
        covered = merged((m.start, m.end) for m in mentions)
        yield from self._free_surnames(ckb, text, name_runs(document), covered, lang)

    @staticmethod
    def _kb_spellings(ckb: CompiledKB | None, mentions: list[Mention], lang: str | None) -> Iterator[Match]:
        if ckb is None:
            return
        by_person: dict[str, list[Mention]] = {}
        for m in mentions:
            if len(m.people) != 1 or m.kinds() & {"wrong", "wrong-surname"}:
                continue
            if not any(e.lang in (None, lang) for e in m.entries):
                continue  # another language's spelling: NAM002 reports it
            by_person.setdefault(m.people[0], []).append(m)
        for pid, found in by_person.items():
            person = ckb.kb.people[pid]
            surnames: dict[str, list[Mention]] = {}
            by_case: dict[str, str] = {}  # "di Maio" and "Di Maio" are one spelling: particles vary in case
            for m in found:
                form = ckb.surname_in(person, m.text)
                form = by_case.setdefault(form.casefold(), form)
                surnames.setdefault(form, []).append(m)
            house = house_form(person, lang, NameEntry(pid, "surname", person.surname))
            # Only spellings of the same name are compared: "Zelensky" and "Zelenskyy", not "Phạm" and
            # "Chính" (a Vietnamese family name and the given name the press uses alone).
            for group in _spelling_groups(list(surnames)):
                if len(group) < 2:
                    continue
                counts = {form: len(surnames[form]) for form in group}
                keep = (
                    house
                    if house in counts
                    else max(counts, key=lambda f: (counts[f], -found.index(surnames[f][0])))
                )
                for form in group:
                    if form == keep:
                        continue
                    for m in surnames[form]:
                        start = m.start + m.text.casefold().rindex(form.casefold())
                        yield Match(
                            start,
                            start + len(form),
                            args={"match": form, "keep": keep, "name": person.name_for(lang)},
                            suggestions=(keep,),
                            replacement=keep,
                        )

    @staticmethod
    def _free_surnames(
        ckb: CompiledKB | None,
        text: str,
        runs: list[list[tuple[int, int, str]]],
        covered: list[tuple[int, int]],
        lang: str | None,
    ) -> Iterator[Match]:
        """Surnames seen in a full name ("Emily Horne") and elsewhere one letter off ("Horn")."""
        full_surnames: dict[str, int] = {}
        words_at: dict[str, list[tuple[int, int]]] = {}
        k = 0  # the first KB mention not before the word: the words come in order
        for parts in runs:
            for i, (start, _end, word) in enumerate(parts):
                if len(word) < 4 or not word[0].isupper():
                    continue
                while k < len(covered) and covered[k][1] <= start:
                    k += 1
                if k < len(covered) and covered[k][0] <= start:
                    continue  # part of a KB name
                words_at.setdefault(word, []).append((start, start + len(word)))
                if i > 0 and i == len(parts) - 1 and any(w[:1].isupper() for _s, _e, w in parts[:i]):
                    full_surnames[word] = full_surnames.get(word, 0) + 1
        if not full_surnames:
            return
        # A word one edit from a surname has a length one apart and, both being four letters or more,
        # the same first or the same last letter: only those words are compared.
        by_first: dict[tuple[int, str], list[tuple[str, str]]] = {}
        by_last: dict[tuple[int, str], list[tuple[str, str]]] = {}
        for word in words_at:
            folded = word.casefold()
            by_first.setdefault((len(folded), folded[0]), []).append((word, folded))
            by_last.setdefault((len(folded), folded[-1]), []).append((word, folded))
        for surname in full_surnames:
            folded_surname = surname.casefold()
            size = len(folded_surname)
            near = {
                word
                for n in (size - 1, size, size + 1)
                for table, letter in ((by_first, folded_surname[0]), (by_last, folded_surname[-1]))
                for word, folded in table.get((n, letter), ())
                if within_one_edit(folded_surname, folded)
            }
            for other in sorted(near):
                places = words_at[other]
                if other == surname or other in full_surnames:
                    continue
                if len(places) > len(words_at[surname]) or common_word(ckb, other, lang) or other.isupper():
                    continue
                # Only where the other form is used as a person's name ("Horn said", "il portavoce Horn").
                places = [(s, e) for s, e in places if used_as_name(text, s, e)]
                for start, end in places:
                    yield Match(
                        start,
                        end,
                        args={"match": other, "keep": surname},
                        template="free-surname",
                        suggestions=(surname,),
                        replacement=surname,
                    )
