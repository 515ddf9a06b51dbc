"""People: wrong titles, misspelled names, and one person written two ways, checked against the
knowledge base (rules/kb/README.md).

Names are found as runs of capitalised words and looked up in the KB by whole name or surname
(:mod:`lint.checks.people.names`). A title is the phrase right before a name ("il ministro degli Esteri
russo Sergej Lavrov", "US Secretary of State Antony Blinken") or in apposition after it ("Blinken,
segretario di Stato,"), read by :mod:`lint.checks.people.titles`; it is judged against the roles the
person held at the article's date (front matter `date:`, `--date` or the configuration), or at any
date when the article has none. One rule per module.
"""

from lint.checks.people.con001_inconsistent_name import InconsistentName
from lint.checks.people.nam001_misspelled_name import MisspelledName
from lint.checks.people.nam002_possible_misspelled_name import PossibleMisspelledName
from lint.checks.people.ttl001_wrong_title import WrongTitle
from lint.checks.people.ttl002_title_gender_mismatch import GenderMismatch

RULES = (WrongTitle(), MisspelledName(), PossibleMisspelledName(), InconsistentName(), GenderMismatch())
