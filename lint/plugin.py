"""Everything a plugin author needs, in one import: ``from lint.plugin import hookimpl, rule_meta, Match``.

The hooks themselves are documented in :mod:`lint.hookspecs`; a rule's ``check(document, options)``
receives a :class:`Document` and a :class:`CheckContext` and returns :class:`Match` objects; a
:class:`Language` registered through ``refuso_languages`` adds a language.
"""

from lint.checks.base import rule_meta
from lint.document import Document
from lint.hookspecs import hookimpl
from lint.lang import Language
from lint.rules import CheckContext, Match, RuleMeta

__all__ = ["CheckContext", "Document", "Language", "Match", "RuleMeta", "hookimpl", "rule_meta"]
