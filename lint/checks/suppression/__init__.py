"""Suppression: a ``refuso: disable`` directive that names no rule (STY001). The directive grammar is
:mod:`lint.suppression`; the engine reads the directives and reports these findings under this rule."""

from lint.checks.suppression.sty001_invalid_suppression import RULE as INVALID_SUPPRESSION

RULES = (INVALID_SUPPRESSION,)
