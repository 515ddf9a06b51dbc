"""LanguageTool: its grammar, spelling and style rules as refuso findings, each under ``LT:RULE_ID``.

The server and client are :mod:`lint.languagetool`; this family turns their matches into findings.
One rule (``lt_languagetool.py``); how LanguageTool's categories and rules map onto refuso's
categories and severities is :mod:`lint.checks.languagetool.mapping`.
"""

from lint.checks.languagetool.lt_languagetool import LanguageToolRule

RULES = (LanguageToolRule(),)
