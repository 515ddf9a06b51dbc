"""Inline suppression: the directive grammar, and which findings it silences.

Grammar (one directive per comment or line)::

    directive  := "refuso:" action [selectors]
    action     := "disable" | "enable" | "disable-next-line"
    selectors  := selector ("," selector)*      -- codes, code prefixes, names or categories;
                                                   none means every rule
    In Markdown and HTML:   <!-- refuso: disable PUN001, DUP003 -->
    In plain text:          a line holding only   refuso: disable PUN001

``disable`` silences from its line to a matching ``enable`` (or the end of the file);
``disable-next-line`` silences the line after the directive. A selector that names no rule is
reported as STY001 at the directive.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lint.document import Directive
from lint.findings import Finding
from lint.rules import RuleMeta
from lint.selection import specificity

ACTIONS = ("disable-next-line", "disable", "enable")
_BODY = re.compile(
    r"^\s*refuso:\s*(?P<action>disable-next-line|disable|enable)\b(?P<rest>[^\n]*?)\s*$",
)
COMMENT = re.compile(r"<!--(?P<body>.*?)-->", re.S)
TEXT_LINE = re.compile(
    r"(?:\A|(?<=[\r\n]))[ \t]*refuso:[ \t]*(?:disable-next-line|disable|enable)\b[^\r\n]*(?=[\r\n]|\Z)"
)


def parse_body(body: str) -> tuple[str, tuple[str, ...]] | None:
    """(action, selectors) of a directive body such as ``refuso: disable PUN001``; None if not one."""
    m = _BODY.match(body)
    if not m:
        return None
    selectors = tuple(s for s in re.split(r"[\s,]+", m.group("rest").strip()) if s)
    return m.group("action"), selectors


def unknown_selectors(directive: Directive, metas: Sequence[RuleMeta]) -> list[str]:
    namespaces = tuple(m.code + ":" for m in metas if m.namespace)
    return [
        s
        for s in directive.selectors
        if not s.startswith(namespaces) and not any(specificity(s, m) is not None for m in metas)
    ]


class Suppressions:
    """Decides whether a finding falls under a directive.

    ``disable``/``enable`` directives are read in order up to the finding's line; the last one that
    names the finding's rule (or names no rule at all) decides. So ``disable`` then ``enable PUN001``
    turns PUN001 back on and leaves every other rule off.
    """

    def __init__(self, directives: Iterable[Directive]) -> None:
        ordered = sorted(directives, key=lambda d: d.start)
        self.toggles = [d for d in ordered if d.action != "disable-next-line"]
        self.next_line = [d for d in ordered if d.action == "disable-next-line"]

    @staticmethod
    def _names(directive: Directive, finding: Finding, meta: RuleMeta | None) -> bool:
        if not directive.selectors:
            return True
        if meta is not None:
            return any(specificity(s, meta) is not None for s in directive.selectors)
        return finding.code in directive.selectors

    def suppresses(self, finding: Finding, meta: RuleMeta | None) -> bool:
        line = finding.line
        for d in self.next_line:
            if d.end_line + 1 == line and self._names(d, finding, meta):
                return True
        off = False
        for d in self.toggles:
            if d.line > line:
                break
            if self._names(d, finding, meta):
                off = d.action == "disable"
        return off
