"""Everything a plugin author needs, in one import: ``from lint.plugin import hookimpl, rule_meta, Match``.

The hooks themselves are documented in :mod:`lint.hookspecs`; a rule's ``check(document, options)``
receives a :class:`Document` and a :class:`CheckContext` and returns :class:`Match` objects.
"""

from lint.checks.base import rule_meta
from lint.document import Document
from lint.hookspecs import hookimpl
from lint.rules import CheckContext, Match, RuleMeta

__all__ = ["CheckContext", "Document", "Match", "RuleMeta", "hookimpl", "rule_meta"]
