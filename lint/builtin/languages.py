"""refuso's languages: Italian and English (:mod:`lint.lang.it`, :mod:`lint.lang.en`)."""

from __future__ import annotations

from lint.hookspecs import hookimpl
from lint.lang import Language, builtin_languages


@hookimpl
def refuso_languages() -> list[Language]:
    return list(builtin_languages().values())
