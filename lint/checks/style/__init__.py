"""Style: the house's own choices of words. A word or name the configuration's vocabulary rejects is
reported wherever it appears (STY004). One rule per module."""

from lint.checks.style.sty004_rejected_word import RULE as REJECTED_WORD

RULES = (REJECTED_WORD,)
