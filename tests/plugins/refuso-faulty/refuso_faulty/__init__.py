"""A plugin whose rule raises on every document, and one that returns a finding outside the text."""

from lint.checks.base import rule_meta
from lint.hookspecs import hookimpl
from lint.rules import Match


def _meta(code, name):
    return rule_meta(
        code=code, name=name, category="style", severity="error", languages=None,
        message={"*": "never shown"}, description={"*": "A rule that misbehaves, for refuso's tests."},
        flagged=["⟦x⟧"], clean=["y"],
    )


class Raises:
    meta = _meta("faulty.RAISES", "faulty-raises")

    def check(self, document, options):
        raise RuntimeError("boom")


class OutOfBounds:
    meta = _meta("faulty.BOUNDS", "faulty-out-of-bounds")

    def check(self, document, options):
        yield Match(0, len(document.prose.text) + 10)


@hookimpl
def refuso_rules():
    return [Raises(), OutOfBounds()]
