"""TTL001: a title next to a person's name that the person did not hold at the article's date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.people.names import (
    find_mentions,
    people_named_in_full,
)
from lint.checks.people.titles import TitleReader, TitleUse, date_text, span_text
from lint.document import Document
from lint.kb.index import CompiledKB
from lint.lang import Language
from lint.rules import CheckContext, Match


class WrongTitle:
    uses_knowledge = True
    meta = rule_meta(
        code="TTL001",
        name="wrong-title",
        category="title",
        severity="warning",
        # At the article's date: the roles then. "former": none then, the roles before; "undated": the
        # article has no date, every role. Italian agrees the participle with the person ("-f" for a woman).
        message={
            "it": "«{title}» non è il titolo di {name} al {date}: era {roles}",
            "en": "“{title}” is not a title {name} held on {date}: {surname} was {roles}",
        },
        messages={
            "no-role": {
                "it": "«{title}» non è il titolo di {name} al {date}: nessun incarico registrato in quel periodo",
                "en": "“{title}” is not a title {name} held on {date}: no role is recorded then",
            },
            "former-m": {
                "it": "«{title}» non è il titolo di {name} al {date}: a quella data non era più in carica (era stato {roles})",
                "en": "“{title}” is not a title {name} held on {date}: by then {surname} had left office (was {roles})",
            },
            "former-f": {
                "it": "«{title}» non è il titolo di {name} al {date}: a quella data non era più in carica (era stata {roles})",
                "en": "“{title}” is not a title {name} held on {date}: by then {surname} had left office (was {roles})",
            },
            "former-no-role": {
                "it": "«{title}» non è il titolo di {name} al {date}: nessun incarico registrato",
                "en": "“{title}” is not a title {name} held on {date}: no role is recorded",
            },
            "undated-m": {
                "it": "«{title}» non è un titolo che {name} abbia mai avuto secondo la base di conoscenza di refuso: è stato {roles}",
                "en": "“{title}” is not a title {name} has held, according to refuso's knowledge base: {surname} has been {roles}",
            },
            "undated-f": {
                "it": "«{title}» non è un titolo che {name} abbia mai avuto secondo la base di conoscenza di refuso: è stata {roles}",
                "en": "“{title}” is not a title {name} has held, according to refuso's knowledge base: {surname} has been {roles}",
            },
            "undated-no-role": {
                "it": "«{title}» non è un titolo che {name} abbia mai avuto secondo la base di conoscenza di refuso: nessun incarico registrato in quel periodo",
                "en": "“{title}” is not a title {name} has held, according to refuso's knowledge base: no role is recorded then",
            },
        },
        description={
            "it": (
                "Segnala un titolo accanto al nome di una persona della base di conoscenza («il ministro degli "
                "Esteri Anthony Blinken», «Lavrov, ministro della Difesa russo») che non corrisponde a nessuno "
                "dei ruoli che la persona ricopriva alla data dell'articolo (il `date:` del front matter, "
                "`--date` o la configurazione), o in nessun momento se la data non c'è. Il messaggio dice che "
                "ruoli aveva allora e il suggerimento dà il titolo giusto. «Ex», «l'allora», «già» rendono "
                "corretto un ruolo passato; «neo», «designato», «eletto» uno imminente. Vicino all'inizio e "
                "alla fine di un incarico (una settimana) il titolo non è giudicato, perché le fonti divergono. "
                "È un avviso: la base di conoscenza può non sapere tutto."
            ),
            "en": (
                'Flags a title next to the name of a person in the knowledge base ("Foreign Minister Antony '
                'Blinken", "Lavrov, the Russian defence minister") that matches none of the roles the person '
                "held on the article's date (front matter `date:`, `--date` or the configuration), or at any "
                "date when the article has none. The message names the roles held then and the suggestion gives "
                'the right title. "Former", "ex", "then" make a past role correct; "incoming", "-elect" '
                "one about to begin. Within a week of a role's start or end the title is not judged. A warning: "
                "the knowledge base may not know everything."
            ),
        },
        flagged=[
            (
                "it",
                "---\ndate: 2022-01-05\n---\nIl ⟦ministro degli Esteri⟧ Antony Blinken ha parlato con Kiev.",
            ),
            ("it", "---\ndate: 2023-03-01\n---\nIl ⟦presidente russo⟧ Sergej Lavrov ha risposto."),
            ("en", "---\ndate: 2022-01-05\n---\n⟦Foreign Minister⟧ Antony Blinken spoke to Kyiv."),
        ],
        clean=[
            ("it", "---\ndate: 2022-01-05\n---\nIl segretario di Stato Antony Blinken ha parlato con Kiev."),
            ("it", "---\ndate: 2026-02-01\n---\nL'ex segretario di Stato Antony Blinken ha commentato."),
            ("en", "---\ndate: 2022-01-05\n---\nUS Secretary of State Antony Blinken spoke to Kyiv."),
        ],
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        ckb = options.knowledge_base()
        if ckb is None:
            return
        text = document.prose.text
        lang = document.language
        reader = TitleReader(ckb, options.languages)
        mentions = find_mentions(document, ckb)
        named_in_full = people_named_in_full(mentions)
        for mention in mentions:
            people = mention.people
            if len(people) != 1:
                continue  # an ambiguous surname: judge no one
            if not mention.belongs_to(ckb) and not self._capitalised_title_before(reader, text, mention):
                continue  # someone else with that surname ("Paolo Conte"): judge no one
            person = ckb.kb.people[people[0]]
            if not person.roles:
                continue
            if person.minor and mention.surname_only and person.id not in named_in_full:
                continue  # a lone surname is this little-known person only if the article names them in full
            for use in (reader.before(text, mention), reader.after(text, mention)):
                if use is None or ckb.descriptors.get(use.title) == ():
                    continue  # no title, or a word that describes without naming an office ("il leader")
                roles = ckb.roles_on(person, document.date, use.tense)
                if ckb.title_matches(person, roles, use.title, use.qualifier):
                    continue
                if person.minor and not ckb.roles_on(person, document.date, "now"):
                    continue  # the KB knows only part of a little-known person's career: no role then, no judgement
                yield self._finding(ckb, person, use, document.date, lang, options.language)

    @staticmethod
    def _capitalised_title_before(reader: TitleReader, text: str, mention: Any) -> bool:
        """A lone surname after capitalised words that end a title ("the Minister of Economic Development
        Urso", as English capitalises titles): those words are the title, not the person's first name."""
        if not mention.surname_only or mention.after or not mention.before:
            return False
        use = reader.before(text, mention)
        return use is not None and use.text.casefold().endswith(mention.before.casefold())

    def _finding(
        self,
        ckb: CompiledKB,
        person: Any,
        use: TitleUse,
        day: dt.date | None,
        lang: str | None,
        language: Language,
    ) -> Match:
        held = ckb.roles_on(person, day, "now") if day else list(person.roles)
        former = False
        if not held and day is not None:
            held = [r for r in person.roles if r.start <= day]  # nothing then: what they had been
            former = True
        held = sorted(held, key=lambda r: r.start, reverse=True)[:3]
        described = ", ".join(
            dict.fromkeys(
                f"{ckb.qualified_title(person, r, language)} ({span_text(r, language)})" for r in held
            )
        )
        suggestions = tuple(dict.fromkeys(ckb.preferred_title(person, r, lang) for r in held))
        if former:
            suggestions = tuple(f"{language.words['former']} {s}" for s in suggestions)
        gender = "-m" if person.gender == "m" else "-f"
        if day is None:
            template = "undated" + (gender if held else "-no-role")
        elif former:
            template = "former" + (gender if held else "-no-role")
        else:
            template = None if held else "no-role"
        args = {
            "title": use.text,
            "name": person.name_for(lang),
            "surname": person.surname,
            "date": date_text(day, language) if day is not None else "",
            "roles": described,
        }
        replacement = suggestions[0] if len(suggestions) == 1 and use.qualifier is None else None
        return Match(
            use.start, use.end, args=args, template=template, suggestions=suggestions, replacement=replacement
        )
