"""refuso's rules: the YAML rule packs of ``rules/`` and the rule families of :mod:`lint.checks`."""

from __future__ import annotations

import importlib

from lint.data import rules_dir
from lint.hookspecs import hookimpl

# Each family is a package of lint.checks whose RULES lists its rules; a new family is one line here.
FAMILIES = (
    "lint.checks.punctuation",
    "lint.checks.duplication",
    "lint.checks.suppression",
    "lint.checks.people",
    "lint.checks.organisations",
    "lint.checks.translation",
    "lint.checks.typography",
    "lint.checks.mt",
    "lint.checks.languagetool",
)


@hookimpl
def refuso_rule_packs() -> list[str]:
    return [str(rules_dir())]


@hookimpl
def refuso_rules() -> list[object]:
    return [rule for family in FAMILIES for rule in importlib.import_module(family).RULES]
