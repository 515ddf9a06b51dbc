"""LT: LanguageTool's grammar, spelling and style checks as refuso findings.

Each LanguageTool rule becomes a code of its own, ``LT:RULE_ID`` (``LT:RULE_ID[n]`` for a rule inside
a rule group), mapped onto refuso's categories, so ``--select``, ``--ignore`` and suppression comments
work on it like on any rule. It runs where LanguageTool is available (``languagetool.enabled: auto``,
the default), always with ``enabled: true`` or ``--languagetool``, never with ``false``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.languagetool.mapping import category_of, is_speller, severity_of
from lint.document import Document
from lint.findings import Applicability, Category, Severity
from lint.rules import Example, Match, RuleMeta

_NAME_KINDS = {"name", "variant", "surname", "variant-surname"}
_WORD = re.compile(r"\w[\w'’-]*")
_QUOTED = {"quoted": "“{text}”"}  # a language module without the "quoted" label


def finding_name(rule_id: str, sub_id: str | None) -> str:
    """A kebab-case name for a LanguageTool rule: ``ST_03_001`` -> ``lt-st-03-001``."""
    base = re.sub(r"[^a-z0-9]+", "-", rule_id.lower()).strip("-") or "rule"
    return f"lt-{base}" + (f"-{sub_id}" if sub_id else "")


class LanguageToolRule:
    uses_knowledge = True  # known names are not misspellings
    meta = RuleMeta(
        code="LT",
        name="languagetool",
        category=Category.GRAMMAR,
        severity=Severity.WARNING,
        namespace=True,
        languages=frozenset({"it", "en"}),
        message={"*": "{match}"},
        description={
            "en": (
                "LanguageTool's grammar, spelling and style rules, run by a LanguageTool server (local or "
                "the newsroom's own). Each LanguageTool rule reports under its own code, LT:RULE_ID, or "
                "LT:RULE_ID[n] for one rule of a rule group; select, ignore and suppress them like any "
                "code (LT selects them all). Only the rules measured as precise on machine-translated news "
                "and silent on clean edited prose are warnings (EN_A_VS_AN, CD_DOZENS_OF, ASK_TO); every "
                'other match is an info, which `rules: {"LT:ID": {severity: warning}}` can raise. A misspelling of a '
                "capitalised word (nearly always a name) or of a name the knowledge base knows is not "
                "reported, nor is a word the configuration's `vocabulary.accept` lists, and where refuso's own rule reports the same span for the same reason "
                "(punctuation, repeated words, a misspelled name) LanguageTool's finding is dropped. "
                "Runs where LanguageTool is installed or a server answers (`languagetool: {enabled: "
                "auto}`, the default); `enabled: true` or --languagetool requires it, `false` turns it off."
            ),
        },
        examples=(
            Example("Lo ha detto ⟦ad un⟧ giornalista.", True, "it"),
            Example("Lo ha detto a un giornalista.", False, "it"),
            Example("She ⟦go⟧ to school every day.", True, "en"),
            Example("She goes to school every day.", False, "en"),
        ),
        fix=Applicability.UNSAFE,
        reference="https://languagetool.org",
        origin="lint/checks/languagetool/lt_languagetool.py",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        service = getattr(options, "languagetool", None)
        text = document.prose.text
        if service is None or not text.strip():
            return
        known_names = _known_names(options)
        vocabulary = getattr(options, "vocabulary", None)
        language = getattr(options, "language", None)
        quoted = language.label("quoted", _QUOTED) if language is not None else _QUOTED["quoted"]
        for m in service.check(text, document.language):
            if not (0 <= m.start <= m.end <= len(text)):
                continue
            word = text[m.start : m.end]
            category = category_of(m.category_id, m.issue_type, m.rule_id)
            if is_speller(m.rule_id):
                if word[:1].isupper():
                    continue  # a capitalised word: in news nearly always a name; the name rules judge those
                if known_names is not None and _is_known_name(known_names, word):
                    continue  # a name the knowledge base knows, written in lower case ("von der Leyen")
                if vocabulary and vocabulary.accepts(word):
                    continue  # a word the project's vocabulary accepts
            message = m.message
            if word and word not in message and len(word) <= 40:
                message = quoted.format(text=word) + ": " + message
            yield Match(
                m.start,
                m.end,
                message=message,
                suggestions=m.replacements,
                replacement=m.replacements[0] if m.replacements else None,
                severity=severity_of(m.rule_id),
                code=m.code,
                name=finding_name(m.rule_id, m.sub_id),
                category=category,
            )


def _known_names(options: Mapping[str, Any]) -> Any:
    provider = getattr(options, "knowledge", None)
    return provider() if callable(provider) else None


def _is_known_name(ckb: Any, word: str) -> bool:
    parts = _WORD.findall(word)
    return bool(parts) and all(any(entry.kind in _NAME_KINDS for entry in ckb.lookup(part)) for part in parts)
