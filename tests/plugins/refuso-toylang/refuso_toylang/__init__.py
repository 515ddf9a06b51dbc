"""A toy language, Xx, added from outside refuso: its function words (so detection knows it), its
months and interface labels, and a family of two rules written for it."""

from __future__ import annotations

import re

from lint.plugin import Language, Match, hookimpl, rule_meta

XX = Language(
    code="xx",
    name="Xx",
    function_words=frozenset({"za", "ze", "zi", "zo", "zu", "ka", "ke", "ko"}),
    months=("una", "dua", "tria", "kwara", "penta", "hexa", "hepta", "okta", "nona", "deka", "unda", "duda"),
    labels={"suggestion": "provo", "remove": "forigu", "entry_label": "ero"},
)

_WORD = re.compile(r"\w+")


class DoubledFunctionWord:
    """A function word of the document's language written twice in a row."""

    meta = rule_meta(
        code="XXR001",
        name="xx-doubled-function-word",
        category="duplication",
        severity="error",
        languages=["xx"],
        message={"xx": "Vorto «{match}» duoble", "en": "“{match}” written twice"},
        description={"xx": "Funkcia vorto skribita duoble.", "en": "A function word of Xx written twice in a row."},
        flagged=[("xx", "Za domo ⟦ke ke⟧ granda zo.")],
        clean=[("xx", "Za domo ke granda zo.")],
        fix="unsafe",
    )

    def check(self, document, options):
        words = options.language.function_words if options.language is not None else frozenset()
        found = list(_WORD.finditer(document.prose.text))
        for first, second in zip(found, found[1:]):
            word = first.group().casefold()
            if word in words and word == second.group().casefold():
                yield Match(first.start(), second.end(), suggestions=(first.group(),), replacement=first.group())


class MonthInCapitals:
    """A month of the document's language written with a capital inside a sentence."""

    meta = rule_meta(
        code="XXR002",
        name="xx-capitalised-month",
        category="typography",
        severity="warning",
        languages=["xx"],
        message={"xx": "Monato «{match}» kun majusklo", "en": "Month “{match}” capitalised"},
        description={"xx": "Monatoj skribiĝas minuskle.", "en": "Months of Xx are written in lower case."},
        flagged=[("xx", "Za festo zo en ⟦Tria⟧ ka.")],
        clean=[("xx", "Za festo zo en tria ka.")],
    )

    def check(self, document, options):
        months = {m.capitalize() for m in options.language.months} if options.language is not None else set()
        for m in _WORD.finditer(document.prose.text):
            if m.group() in months and m.start() > 0 and document.prose.text[m.start() - 2] != ".":
                yield Match(m.start(), m.end())


@hookimpl
def refuso_languages():
    return [XX]


@hookimpl
def refuso_rules():
    return [DoubledFunctionWord(), MonthInCapitals()]
