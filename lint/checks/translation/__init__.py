"""Damage machine translation leaves whatever the words: a phrase said twice in one sentence, English
left untranslated (or Italian in English copy), and English compounds copied literally. One rule per
module; the word lists of rules/lexicon are read by :mod:`lint.checks.translation.lexicon`.

The calques themselves (costruttori militari, via d'uscita dalla caduta) are data:
``rules/it/calques.yaml`` and the other phrase packs.
"""

from lint.checks.translation.mtp010_repeated_phrase import RULE as REPEATED_PHRASE
from lint.checks.translation.mtp011_untranslated_fragment import RULE as UNTRANSLATED_FRAGMENT
from lint.checks.translation.mtp012_literal_english_compound import RULE as LITERAL_ENGLISH_COMPOUND

RULES = (REPEATED_PHRASE, UNTRANSLATED_FRAGMENT, LITERAL_ENGLISH_COMPOUND)
