"""refuso: a linter for the text of articles.

The package is named ``lint``; the distribution and the command are ``refuso``.
The public Python API lives in :mod:`lint.api`.
"""

__version__ = "0.1.0"
