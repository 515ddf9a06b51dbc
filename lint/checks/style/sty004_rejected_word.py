"""STY004: a word or name the project's vocabulary rejects (``vocabulary.reject`` in the configuration)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import CheckContext, Match


@lru_cache(maxsize=32)
def _pattern(entries: tuple[str, ...]) -> regex.Pattern[str] | None:
    """One pattern for every entry, as whole words: an entry in lower case matches in any case, one
    with capitals only as written. The longest entries come first, so a phrase wins over its words."""
    if not entries:
        return None
    parts = []
    for entry in sorted(entries, key=len, reverse=True):
        body = r"\s+".join(regex.escape(word) for word in entry.split())
        parts.append(f"(?i:{body})" if entry == entry.casefold() else f"(?-i:{body})")
    return regex.compile(r"(?<![\w'’-])(?:" + "|".join(parts) + r")(?![\w-]|['’]\w)")


class RejectedWord:
    meta = rule_meta(
        code="STY004",
        name="rejected-word",
        category="style",
        severity="warning",
        languages=None,  # a list of words: for every language
        message={
            "it": "«{match}» è tra le parole che la redazione evita",
            "en": "“{match}” is on the newsroom's list of words to avoid",
        },
        description={
            "it": (
                "Segnala le parole e i nomi che la configurazione respinge (`vocabulary: {reject: [...]}` o "
                "`reject-file`, una parola per riga): un anglicismo che la casa non usa, una grafia "
                "abbandonata. Parole intere; una voce in minuscolo vale in ogni forma di maiuscole, una con "
                "maiuscole solo com'è scritta. Senza voci la regola non segnala nulla."
            ),
            "en": (
                "Flags the words and names the configuration rejects (`vocabulary: {reject: [...]}` or "
                "`reject-file`, one word a line): an anglicism the house avoids, a spelling it dropped. Whole "
                "words only; an entry in lower case matches in any case, one with capitals only as written. "
                "With no entries the rule reports nothing."
            ),
        },
        flagged=[
            ("it", "Il ministro ha annunciato un nuovo ⟦lockdown⟧ per la regione."),
            ("it", "⟦Lockdown⟧ e coprifuoco: le ⟦fake news⟧ corrono in rete. Parla Volodymyr ⟦Zelenskiy⟧."),
            ("en", "The ⟦lockdown⟧ ended on Monday."),
        ],
        clean=[
            ("it", "Il ministro ha annunciato nuove chiusure per la regione."),
            ("it", "Gli anti-lockdown sono scesi in piazza; i lockdowns del 2020 sono un ricordo."),
            ("en", "The lockdowner left early."),
        ],
        example_config={"vocabulary": {"reject": ["lockdown", "fake news", "Zelenskiy"]}},
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        vocabulary = getattr(options, "vocabulary", None)
        pattern = _pattern(vocabulary.reject) if vocabulary else None
        if pattern is None:
            return
        for m in pattern.finditer(document.prose.text, timeout=options.timeout):
            yield Match(m.start(), m.end())


RULE = RejectedWord()
