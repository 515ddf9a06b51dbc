"""The knowledge base's data: people and their roles, offices, countries and organisations (rules/kb/README.md)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, NamedTuple

CATEGORIES = (
    "head_of_state",
    "head_of_government",
    "deputy_head_of_government",
    "foreign_minister",
    "defence_minister",
    "finance_minister",
    "interior_minister",
    "justice_minister",
    "minister",
    "spokesperson",
    "ambassador",
    "central_bank_governor",
    "io_leader",
    "legislator",
    "legislative_leader",
    "governor",
    "judge",
    "prosecutor",
    "mayor",
    "executive",
    "other",
)
# Categories whose holders news copy names by surname alone ("Lavrov", "Scholz"): the checks of a lone
# surname trust the article's country or organisation for them. Holders of other offices (a member of
# parliament, an ambassador) count as mentioned only when the article also gives their full name.
PROMINENT = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "deputy_head_of_government",
        "foreign_minister",
        "defence_minister",
        "finance_minister",
        "interior_minister",
        "justice_minister",
        "spokesperson",
        "central_bank_governor",
        "io_leader",
        "legislative_leader",
    }
)
NAME_ORDERS = ("given-first", "surname-first", "either")


class Role(NamedTuple):
    office: str
    start: dt.date  # first day the role may have begun
    end: dt.date | None  # last day it may have lasted; None: still held
    start_exact: bool  # the start is known to the day
    end_exact: bool
    title_it: str | None = None
    title_it_f: str | None = None
    title_en: str | None = None
    acting: bool = False
    sources: tuple[str, ...] = ()
    # When the end is not recorded: the last day the source saw the role held. After it, the role may
    # or may not still be held, and the checks judge nothing on it.
    last_seen: dt.date | None = None

    def active_on(self, day: dt.date, tolerance: int = 0) -> bool:
        """Certainly held on ``day`` (give or take ``tolerance`` days at the edges)."""
        margin = dt.timedelta(days=tolerance)
        if day < self.start - margin:
            return False
        if self.end is None:
            return self.last_seen is None or day <= self.last_seen + margin
        return day <= self.end + margin

    def portfolio_titles(self, feminine: bool) -> list[str]:
        """The role's own titles and their short forms (:func:`portfolio_forms`)."""
        titles = (self.title_it, self.title_en, self.title_it_f if feminine else None)
        return [form for title in titles if title for form in portfolio_forms(title)]

    def maybe_active_on(self, day: dt.date, tolerance: int = 0) -> bool:
        """Possibly held on ``day``: certainly, or after the last sighting of a role whose end is unknown."""
        if self.active_on(day, tolerance):
            return True
        return self.end is None and self.last_seen is not None and day > self.last_seen

    def began_before(self, day: dt.date) -> bool:
        return self.start <= day


_FIRST_PART = re.compile(r",| e | ed | and | & ")
_MINISTER_OF = re.compile(r"(Minister) (?:of|for) (?:the )?([\w' -]+)")


def portfolio_forms(title: str) -> list[str]:
    """A portfolio's title and the short forms the press uses for it: its first part ("ministro
    dell'Istruzione" for "ministro dell'Istruzione e del Merito", "Minister of the Environment" and
    "Environment Minister" for "Minister of the Environment and Energy Security")."""
    forms = [title]
    cut = _FIRST_PART.search(title)
    if cut is not None and len(title[: cut.start()].split()) >= 2:
        forms.append(title[: cut.start()])
    for form in list(forms):
        m = _MINISTER_OF.fullmatch(form)
        if m and " of " not in m[2] and " for " not in m[2]:
            forms.append(f"{m[2]} {m[1]}")
    return forms


def handed_over(roles: tuple[Role, ...], role: Role, day: dt.date, gap_days: int = 3) -> bool:
    """Whether ``day``, near an edge of ``role``, is on the far side of a move between this role and
    another office, dated to the day on both sides by a common source (the foreign secretary made home
    secretary): the old title is wrong from the next day, the new one wrong the day before."""
    gap = dt.timedelta(days=gap_days)
    for other in roles:
        if other.office == role.office or not set(role.sources) & set(other.sources):
            continue
        if day > role.start:  # after the role's end: did the person move to the other office then?
            edges = (role.end, role.end_exact, other.start, other.start_exact)
        else:  # before its start: did the person come from the other office?
            edges = (role.start, role.start_exact, other.end, other.end_exact)
        mine, mine_exact, theirs, theirs_exact = edges
        if mine and theirs and mine_exact and theirs_exact and abs(theirs - mine) <= gap:
            return True
    return False


class Spelling(NamedTuple):
    form: str
    lang: str | None = None  # None: every language


class Person(NamedTuple):
    id: str
    name: str
    gender: str
    surname: str
    name_it: str | None = None
    name_en: str | None = None
    wikidata: str | None = None
    variants: tuple[Spelling, ...] = ()
    wrong: tuple[Spelling, ...] = ()
    roles: tuple[Role, ...] = ()
    # "surname-first": the name is written surname first (Xi Jinping, Kim Jong Un); "either": written
    # given name first but also the other way round in the press (Viktor Orbán / Orbán Viktor).
    name_order: str = "given-first"
    short_forms: tuple[Spelling, ...] = ()  # accepted spellings of the surname alone
    minor: bool = False  # named by surname alone only after the full name: see PROMINENT
    gender_inferred: bool = False  # from the first name, not from a source: not judged by the gender check

    def name_for(self, language: str | None) -> str:
        """The name as ``language`` writes it, when the KB records one, else the name."""
        return {"it": self.name_it, "en": self.name_en}.get(language or "") or self.name


class Titles(NamedTuple):
    it_m: tuple[str, ...] = ()
    it_f: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    wrong_it: tuple[str, ...] = ()
    wrong_en: tuple[str, ...] = ()


class Office(NamedTuple):
    id: str
    category: str
    titles: Titles
    country: str | None = None
    organisation: str | None = None


class Country(NamedTuple):
    code: str
    en_name: str
    en_adjective: str
    it_name: str
    it_of: str
    it_adjective_m: str
    it_adjective_f: str
    en_also: tuple[str, ...] = ()
    it_also: tuple[str, ...] = ()


class Organisation(NamedTuple):
    id: str
    names_it: tuple[str, ...] = ()
    names_en: tuple[str, ...] = ()
    acronyms_it: tuple[str, ...] = ()
    acronyms_en: tuple[str, ...] = ()
    well_known: bool = False
    country: str | None = None

    def names_in(self, language: str | None) -> tuple[str, ...]:
        """The full names in ``language`` (Italian for a language the KB does not record), else any."""
        by_language = {"en": self.names_en}.get(language or "", self.names_it)
        return by_language or self.names_en or self.names_it

    def acronyms_in(self, language: str | None) -> tuple[str, ...]:
        """The acronyms in ``language`` (Italian for a language the KB does not record), else the English."""
        return {"en": self.acronyms_en}.get(language or "", self.acronyms_it) or self.acronyms_en


class KnowledgeBase:
    """Everything the KB files say, resolved: people by id, offices, countries, organisations."""

    def __init__(
        self,
        people: Mapping[str, Person] | None = None,
        offices: dict[str, Office] | None = None,
        countries: dict[str, Country] | None = None,
        organisations: dict[str, Organisation] | None = None,
        sources: dict[str, Mapping[str, Any]] | None = None,
        common_words: dict[str, set[str]] | None = None,
        descriptors: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self.people: Mapping[str, Person] = people if people is not None else {}
        self.offices = offices if offices is not None else {}
        self.countries = countries if countries is not None else {}
        self.organisations = organisations if organisations is not None else {}
        self.sources = sources if sources is not None else {}
        self.common_words = common_words if common_words is not None else {}  # language -> words
        # A descriptor as written -> the office categories it names (none: it names no office).
        self.descriptors = descriptors if descriptors is not None else {}

    def office(self, office_id: str) -> Office | None:
        return self.offices.get(office_id)
