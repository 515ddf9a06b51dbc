"""Punctuation that needs more than a pattern: quotation marks and brackets that do not pair up,
quotations closed with the wrong mark, spaces just inside them. The rules work paragraph by paragraph,
so an unclosed mark is caught where it happens; what they share is :mod:`lint.checks.punctuation.marks`.
The punctuation rules a pattern can say (doubled marks, spacing) are data: one-rule YAML packs beside
the Python rules (``pun001_doubled_punctuation.yaml``…).
"""

from lint.checks.punctuation.pun005_unbalanced_quotes import UnbalancedQuotes
from lint.checks.punctuation.pun006_unbalanced_brackets import UnbalancedBrackets
from lint.checks.punctuation.pun009_space_inside_quotes_or_brackets import SpaceInsideQuotesOrBrackets
from lint.checks.punctuation.typ002_mismatched_quotes import MismatchedQuotes

RULES = (UnbalancedQuotes(), MismatchedQuotes(), UnbalancedBrackets(), SpaceInsideQuotesOrBrackets())
