"""How LanguageTool's matches become refuso findings: its categories onto refuso's, and which of its
rules are loud (warnings) and which are infos.

LanguageTool reports far more than a copy editor circles: most of its spelling matches in news are
names and loan words, and many of its grammar and style rules flag usage that edited prose allows.
Only rules measured as precise on the realmt development set and silent on clean edited text
(docs/languagetool.md has the figures) are warnings; the rest are infos.
"""

from __future__ import annotations

import re

from lint.findings import Category, Severity

# LanguageTool's category ids, then its issue types, onto refuso's categories.
CATEGORIES = {
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
ISSUE_TYPES = {
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

# The spell checkers (MORFOLOGIK_RULE_IT_IT, HUNSPELL_RULE, ..._SPELLER_RULE): in news most of what
# they report is a name or a loan word, so a capitalised word is not reported at all.
_SPELLER = re.compile(r"MORFOLOGIK|HUNSPELL|SPELLER")
# The only LanguageTool rules (rule ids: every rule of the group) that are warnings: right on the
# realmt development set and silent on 15,784 clean sentences (benchmarks/languagetool_rules.py;
# docs/languagetool.md has the figures). Every other match is an info: on clean edited prose even
# LanguageTool's Italian grammar rules raise dozens of alarms per 1,000 sentences ("ad un", which
# edited Italian writes freely, 20 per 1,000 in UD). ``rules: {"LT:ID": {severity: warning}}`` makes
# another rule loud.
LOUD_RULES = frozenset({"EN_A_VS_AN", "CD_DOZENS_OF", "ASK_TO"})


def category_of(category_id: str, issue_type: str, rule_id: str) -> Category:
    if issue_type == "duplication" or "WORD_REPEAT" in rule_id:
        return Category.DUPLICATION
    if category_id in CATEGORIES:
        return CATEGORIES[category_id]
    return ISSUE_TYPES.get(issue_type, Category.GRAMMAR)


def is_speller(rule_id: str) -> bool:
    return _SPELLER.search(rule_id) is not None


def severity_of(rule_id: str) -> Severity | None:
    """None (the rule's own severity, a warning) for a rule measured as precise, else INFO."""
    return None if rule_id in LOUD_RULES else Severity.INFO
