"""Grammar: the mistakes of a few recurring classes that machine translation makes in Italian and that
the sound, the ending or the shape of the next word shows without a parser: the form of an article or an
articulated preposition («un stratega», «i studenti», «dello giorno», «un'altro»), the euphonic «d» before
the same vowel («e ex»), the gender of an adjective beside a noun whose ending fixes it («la situazione
economico») and the English possessive calque «sua propria». One rule per module.
"""

from __future__ import annotations

import importlib
import re

# The sound that takes «lo», «gli», «uno»: s before a consonant, z, gn, ps, x (Treccani, «articolo»).
# «pn» is left out: «il pneumatico» and «lo pneumatico» are both in use; so is y (lo yogurt, il yacht).
LO_SOUND = re.compile(r"(?:s[bcdfgklmnpqrstvwz]|z|gn|ps|x[aeiou])", re.IGNORECASE)
# The consonants that take «il» and «i» in native words: h, j, k, w and y begin foreign words, whose
# article varies («il whisky», «lo yogurt»), so they are judged by neither side.
IL_SOUND = re.compile(r"(?:[bcdfglmnpqrtv]|s[aeiouàèéìòù])", re.IGNORECASE)
VOWEL = "aeiouàèéìòùAEIOUÀÈÉÌÒÙ"

# One module per rule, in code order; each defines RULE.
_RULE_MODULES = ("grm001_article_form", "grm002_euphonic_d", "grm003_gender_agreement")


def _rules() -> list[object]:
    return [importlib.import_module(f"{__name__}.{name}").RULE for name in _RULE_MODULES]


RULES = _rules()
