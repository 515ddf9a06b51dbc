"""Fixes: applying the edits findings carry to a text in memory (:mod:`lint.fixing.apply`), and
``--fix`` writing the fixed text back to its file safely (:mod:`lint.fixing.write`)."""
