"""Duplication: a word written twice ("il il") and a name or a word coordinated with itself ("Putin e
Putin", "inutile e inutile"). Machine translation loses one of two coordinated names (or words) and
repeats the other; the result reads as a grammatical sentence, so spell and grammar checkers pass it.

One rule per module; the plain repetitions are one-rule YAML packs beside them (``dup001_*.yaml``);
what the Python rules share is :mod:`lint.checks.duplication.coordination`.
"""

from lint.checks.duplication.dup003_name_coordinated_with_itself import RULE as NAME_COORDINATED_WITH_ITSELF
from lint.checks.duplication.dup004_word_coordinated_with_itself import RULE as WORD_COORDINATED_WITH_ITSELF
from lint.checks.duplication.dup005_repeated_word_sequence import RULE as REPEATED_WORD_SEQUENCE

RULES = (NAME_COORDINATED_WITH_ITSELF, WORD_COORDINATED_WITH_ITSELF, REPEATED_WORD_SEQUENCE)
