"""LT: LanguageTool's grammar, spelling and style checks as refuso findings.

Each LanguageTool rule becomes a code of its own, ``LT:RULE_ID`` (``LT:RULE_ID[n]`` for a rule inside
a rule group), mapped onto refuso's categories, so ``--select``, ``--ignore`` and suppression comments
work on it like on any rule. Off unless ``languagetool.enabled`` or ``--languagetool``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.document import Document
from lint.findings import Applicability, Category, Severity
from lint.rules import Example, Match, RuleMeta

# LanguageTool's category ids, then its issue types, onto refuso's categories.
_CATEGORIES = {
    "TYPOS": Category.SPELLING,
    "CASING": Category.SPELLING,
    "COMPOUNDING": Category.SPELLING,
    "GRAMMAR": Category.GRAMMAR,
    "CONFUSED_WORDS": Category.GRAMMAR,
    "PUNCTUATION": Category.PUNCTUATION,
    "TYPOGRAPHY": Category.TYPOGRAPHY,
    "STYLE": Category.STYLE,
    "REDUNDANCY": Category.STYLE,
    "COLLOCATIONS": Category.STYLE,
    "SEMANTICS": Category.STYLE,
    "PLAIN_ENGLISH": Category.STYLE,
    "WIKIPEDIA": Category.STYLE,
    "GENDER_NEUTRALITY": Category.STYLE,
    "REPETITIONS": Category.DUPLICATION,
    "REPETITIONS_STYLE": Category.STYLE,
}
_ISSUE_TYPES = {
    "misspelling": Category.SPELLING,
    "grammar": Category.GRAMMAR,
    "typographical": Category.TYPOGRAPHY,
    "whitespace": Category.TYPOGRAPHY,
    "duplication": Category.DUPLICATION,
    "style": Category.STYLE,
    "register": Category.STYLE,
    "locale-violation": Category.STYLE,
    "inconsistency": Category.CONSISTENCY,
}
# Issue types that are a matter of taste, not of correctness: reported as info.
_INFO_ISSUE_TYPES = {"style", "register", "locale-violation", "whitespace", "typographical"}
_NAME_KINDS = {"name", "variant", "surname", "variant-surname"}
_WORD = re.compile(r"\w[\w'’-]*")


def category_of(category_id: str, issue_type: str, rule_id: str) -> Category:
    if issue_type == "duplication" or "WORD_REPEAT" in rule_id:
        return Category.DUPLICATION
    if category_id in _CATEGORIES:
        return _CATEGORIES[category_id]
    return _ISSUE_TYPES.get(issue_type, Category.GRAMMAR)


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
                "code (LT selects them all). Spelling and grammar are warnings; style, register and "
                "typography are infos, and so is a spelling match on a capitalised word (most are names). "
                "A name the knowledge base knows is not reported as a misspelling, and where refuso's "
                "own rule reports the same span for the same reason (punctuation, repeated words, a "
                "misspelled name) LanguageTool's finding is dropped. Off by default: turn it on with "
                "`languagetool: {enabled: true}` or --languagetool."
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
        origin="lint/checks/languagetool.py",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        service = getattr(options, "languagetool", None)
        text = document.prose.text
        if service is None or not text.strip():
            return
        known_names = _known_names(options)
        for m in service.check(text, document.language):
            if not (0 <= m.start <= m.end <= len(text)):
                continue
            category = category_of(m.category_id, m.issue_type, m.rule_id)
            severity = Severity.INFO if m.issue_type in _INFO_ISSUE_TYPES else None
            if category is Category.SPELLING and text[m.start : m.start + 1].isupper():
                if known_names is not None and _is_known_name(known_names, text[m.start : m.end]):
                    continue  # a name the knowledge base knows: the name rules judge it
                severity = Severity.INFO
            word = text[m.start : m.end]
            message = m.message
            if word and word not in message and len(word) <= 40:
                message = (f"“{word}”: " if document.language == "en" else f"«{word}»: ") + message
            yield Match(
                m.start,
                m.end,
                message=message,
                suggestions=m.replacements,
                replacement=m.replacements[0] if m.replacements else None,
                severity=severity,
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


RULES = [LanguageToolRule()]
