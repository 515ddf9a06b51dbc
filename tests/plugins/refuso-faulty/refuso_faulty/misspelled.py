"""A plugin with a typo in its hook name: refuso must say so instead of silently ignoring it."""

from lint.hookspecs import hookimpl


@hookimpl
def refuso_rule():
    return []
