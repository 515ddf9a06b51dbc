"""The words the machine-translation detectors need, from the language modules (``Language.mt_words``
of :mod:`lint.lang.it` and :mod:`lint.lang.en`): the detectors are written for Italian copy translated
from English, and read both languages' words by code."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lint.lang.it.mt import STORM_NAMES

__all__ = ["STORM_NAMES", "words"]


def words(language: str | None) -> Mapping[str, Any]:
    """The word block of refuso's ``language`` (``"it"`` or ``"en"``), or an empty one."""
    from lint.lang import en, it

    found = {"it": it.LANGUAGE, "en": en.LANGUAGE}.get(language or "")
    return found.mt_words if found is not None else {}
