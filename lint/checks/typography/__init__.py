"""Typography: capitals in the wrong place, words glued together, and the quotation marks and spacing a
pattern can say. A lowercase letter after a full stop, a capitalised article after a comma ("…, Lo ha
annunciato") and two words fused by a scraper ("DraghiFoto", "ScholzIl") are what recomposed and
machine-translated copy leaves behind. One rule per module; the rules a pattern can say are one-rule
YAML packs beside them (``typ001_*.yaml``).
"""

from lint.checks.typography.typ004_lowercase_sentence_start import RULE as LOWERCASE_SENTENCE_START
from lint.checks.typography.typ005_capital_after_comma import RULE as CAPITAL_AFTER_COMMA
from lint.checks.typography.typ006_glued_words import RULE as GLUED_WORDS
from lint.checks.typography.typ007_capital_mid_sentence import RULE as CAPITAL_MID_SENTENCE

RULES = (LOWERCASE_SENTENCE_START, CAPITAL_AFTER_COMMA, GLUED_WORDS, CAPITAL_MID_SENTENCE)
