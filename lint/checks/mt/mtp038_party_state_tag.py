"""MTP038: English party-state tags left in Italian copy: "(R-Texas)", "(D-N.Y.)", "Rick Scott, R-Fla.,"."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt.words import words
from lint.document import Document
from lint.rules import Match


@functools.cache
def _pattern() -> Any:
    import regex

    states = "|".join(sorted(map(regex.escape, words("it")["us_states"]), key=len, reverse=True))
    # "(R-Texas)", "(D-N.Y.)", "(R-Texas-12)", or between commas after a name: ", R-Fla.,".
    return regex.compile(
        rf"\((?P<party>[RDI])[-–](?P<state>{states})(?:[-–]\d{{1,2}})?\)"
        rf"|(?<=\p{{L}},[ \u00a0])(?P<party2>[RDI])[-–](?P<state2>{states})(?:[-–]\d{{1,2}})?(?=,)"
    )


_TAG_START = re.compile(r"[(,] ?[RDI][-–]")


class PartyStateTag:
    uses_knowledge = True
    meta = rule_meta(
        code="MTP038",
        name="party-state-tag",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» è la sigla inglese di partito e Stato: in italiano «{suggestion}»",
            "en": "“{match}” is the English party-state tag: Italian copy writes “{suggestion}”",
        },
        description={
            "it": (
                "Segnala le sigle con cui la stampa americana indica partito e Stato di un parlamentare, "
                "lasciate non tradotte: «(R-Texas)», «(D-N.Y.)», «Rick Scott, R-Fla.,». Il messaggio propone la "
                "forma italiana con il nome dello Stato («repubblicano del Texas», «democratica dello Stato di "
                "New York»), al femminile quando la base di conoscenza sa che la persona nominata subito prima "
                "è una donna. La correzione cambia le parole: non è sicura."
            ),
            "en": (
                'Flags the US press\'s party-state tags left untranslated in Italian copy ("(R-Texas)", '
                '"(D-N.Y.)", "Rick Scott, R-Fla.,") and gives the Italian form with the state\'s Italian name '
                '("repubblicano del Texas"), feminine when the knowledge base knows the person named just before '
                "is a woman. The fix changes words: it is unsafe."
            ),
        },
        flagged=[
            ("it", "Il deputato Matt Gaetz ⟦(R-Fla.)⟧ ha presentato la mozione."),
            ("it", "Ne ha parlato il senatore John Cornyn ⟦(R-Texas)⟧ in aula."),
            ("it", "Chuck Schumer, ⟦D-N.Y.⟧, ha risposto."),
        ],
        clean=[
            ("it", "Il deputato Matt Gaetz (repubblicano della Florida) ha presentato la mozione."),
            ("it", "Il modello (R-2) è in vendita; la sigla R-Texas non compare."),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={
            "Il deputato Matt Gaetz ⟦(R-Fla.)⟧ ha presentato la mozione.": (
                "Il deputato Matt Gaetz (repubblicano della Florida) ha presentato la mozione."
            ),
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        if _TAG_START.search(text) is None:
            return
        data = words("it")
        states, parties = data["us_states"], data["parties"]
        for m in _pattern().finditer(text):
            party = m.group("party") or m.group("party2")
            state = m.group("state") or m.group("state2")
            masculine, feminine = parties[party]
            adjective = feminine if self._woman_before(document, options, m.start()) else masculine
            italian = f"{adjective} {states[state]}"
            suggestion = f"({italian})" if m.group("party") else italian
            yield Match(m.start(), m.end(), suggestions=(suggestion,), replacement=suggestion)

    @staticmethod
    def _woman_before(document: Document, options: Mapping[str, Any], at: int) -> bool:
        """Whether a person the knowledge base knows as a woman is named right before ``at``."""
        ckb = options.knowledge_base()
        if ckb is None:
            return False
        from lint.checks.people.names import find_mentions

        text = document.prose.text
        for mention in find_mentions(document, ckb):
            if 0 <= at - mention.end <= 2 and text[mention.end : at].strip(" ,\u00a0") == "":
                people = mention.people
                if len(people) == 1:
                    person = ckb.kb.people[people[0]]
                    return person.gender == "f" and not person.gender_inferred
        return False


RULE = PartyStateTag()
