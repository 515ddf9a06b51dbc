"""refuso's rules: the phrase packs of ``rules/`` and the rule families of :mod:`lint.checks`, whose
rules are Python modules and one-rule YAML packs side by side."""

from __future__ import annotations

import importlib
from pathlib import Path

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
    "lint.checks.style",
    "lint.checks.mt",
    "lint.checks.grammar",
    "lint.checks.languagetool",
)


def family_packs() -> list[Path]:
    """The one-rule YAML packs of every family folder (``lint/checks/punctuation/pun001_….yaml``)."""
    checks = Path(__file__).resolve().parent.parent / "checks"
    return sorted(path for family in FAMILIES for path in (checks / family.rpartition(".")[2]).glob("*.yaml"))


@hookimpl
def refuso_rule_packs() -> list[str]:
    return [str(rules_dir()), *map(str, family_packs())]


@hookimpl
def refuso_rules() -> list[object]:
    return [rule for family in FAMILIES for rule in importlib.import_module(family).RULES]
