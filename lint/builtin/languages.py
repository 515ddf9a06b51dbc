"""refuso's languages: Italian and English (:mod:`lint.lang.it`, :mod:`lint.lang.en`)."""

from __future__ import annotations

from lint.hookspecs import hookimpl
from lint.lang import Language


@hookimpl
def refuso_languages() -> list[Language]:
    from lint.lang import en, it

    return [it.LANGUAGE, en.LANGUAGE]
