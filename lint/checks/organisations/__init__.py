"""Organisations: a name that mixes up known organisations, and acronyms not spelled out. The rules read
the organisations of the knowledge base (rules/kb/organisations.yaml); the acronym rules share
:mod:`lint.checks.organisations.acronyms`. One rule per module.
"""

from lint.checks.organisations.nam003_garbled_organisation_name import RULE as GARBLED_ORGANISATION_NAME
from lint.checks.organisations.sty002_acronym_before_expansion import RULE as ACRONYM_BEFORE_EXPANSION
from lint.checks.organisations.sty003_acronym_without_expansion import RULE as ACRONYM_WITHOUT_EXPANSION

RULES = (GARBLED_ORGANISATION_NAME, ACRONYM_BEFORE_EXPANSION, ACRONYM_WITHOUT_EXPANSION)
