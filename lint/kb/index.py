"""The compiled knowledge base: the lookup tables the checks use, built once and cached.

Names, titles and qualifiers are looked up by normalised word sequences (lower case, one space
between words, apostrophes split off), so finding them in text costs dictionary lookups rather than
a huge regular expression.
"""

from __future__ import annotations

import datetime as dt
import functools
import marshal
from collections import defaultdict
from typing import TYPE_CHECKING, Any, NamedTuple

from lint.kb.keys import fold, folded_sound_key, key, one_letter_deletions, sound_key, within_two_edits
from lint.kb.model import Country, KnowledgeBase, Office, Organisation, Person, Role, Titles, handed_over
from lint.kb.packing import LazyPeople, Packed, person_row

if TYPE_CHECKING:
    from lint.lang import Language

TOLERANCE_DAYS = 7  # titles are not judged this close to a role's edges (but a reshuffle's: one day)
MAX_TITLE_WORDS = 9
MAX_NAME_WORDS = 5


class NameEntry(NamedTuple):
    person: str
    kind: str  # "name" (canonical), "variant", "wrong", "surname", "wrong-surname", "variant-surname"
    form: str  # as written in the KB
    lang: str | None = None


class Qualifier(NamedTuple):
    kind: str  # "country" or "organisation"
    id: str


GENERIC_MINISTER_WORDS = {
    "ministro",
    "ministra",
    "sottosegretario",
    "sottosegretaria",
    "viceministro",
    "viceministra",
    "segretario",
    "segretaria",
    "minister",
    "secretary",
}
ITALIAN_OF = ("di ", "del ", "della ", "dello ", "dell' ", "dei ", "degli ", "delle ")


class CompiledKB:
    """Lookup tables over a :class:`KnowledgeBase`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.names: dict[str, list[NameEntry]] = defaultdict(list)
        self.surnames_by_sound: dict[str, set[str]] = defaultdict(set)
        self.first_names: dict[str, set[str]] = defaultdict(set)  # person -> first-name keys
        self.titles: set[str] = set()
        self.title_heads: set[str] = set()
        self.descriptors: dict[str, tuple[str, ...]] = {}  # key -> office categories it names
        self.qualifiers: dict[str, Qualifier] = {}
        self.organisation_names: dict[str, str] = {}  # key of a full name -> organisation id
        self.organisation_acronyms: dict[str, str] = {}  # acronym as written -> organisation id
        self.context_terms: dict[str, set[str]] = defaultdict(set)  # person -> keys that suggest them
        self.near_surnames: dict[str, set[str]] = defaultdict(set)  # one-deletion keys -> folded surnames
        self.surname_people: dict[str, set[str]] = defaultdict(set)  # folded surname -> people
        # The little-known people (Person.minor): asked of many lone surnames, and kept apart so that
        # a KB loaded from rows need not unpack a person to answer.
        self.minor_people: frozenset[str] = frozenset(pid for pid, p in kb.people.items() if p.minor)
        self.folded_surnames: dict[str, str] = {pid: fold(p.surname) for pid, p in kb.people.items()}
        self._build_names()
        self._build_titles()
        self._build_qualifiers()
        self._build_organisations()
        self._build_near_surnames()
        self.names = {k: tuple(v) for k, v in self.names.items()}
        self._near_cache: dict[str, list[str]] = {}

    _PACKED = ("surnames_by_sound", "first_names", "context_terms", "near_surnames", "surname_people")

    def __getstate__(self) -> dict[str, Any]:
        """Few, large objects, which load fast: a bytes row (plain data in marshal's format) per person, a
        string per table key."""
        state = {k: v for k, v in self.__dict__.items() if k not in ("name_heads", "_lookup_cache")}
        kb = self.kb
        state["kb"] = None
        state["_near_cache"] = {}
        state["people_rows"] = {pid: marshal.dumps(person_row(kb.people[pid]), 4) for pid in kb.people}
        state["kb_rest"] = (
            kb.offices,
            kb.countries,
            kb.organisations,
            kb.sources,
            kb.common_words,
            kb.descriptors,
        )
        state["names"] = Packed.pack(self.names, fields=True)
        state["qualifiers"] = {k: tuple(q) for k, q in self.qualifiers.items()}
        for name in self._PACKED:
            table = getattr(self, name)
            state[name] = table.raw if isinstance(table, Packed) else Packed.pack(table)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        rows = state.pop("people_rows")
        offices, countries, organisations, sources, common, descriptors = state.pop("kb_rest")
        self.__dict__.update(state)
        self.names = Packed(state["names"], fields=True)  # type: ignore[assignment]
        for name in self._PACKED:
            setattr(self, name, Packed(state[name]))
        self.kb = KnowledgeBase(
            LazyPeople(rows), offices, countries, organisations, sources, common, descriptors
        )  # type: ignore[arg-type]

    def plain_state(self) -> dict[str, Any]:
        """The state as plain data only (what :mod:`lint.prebuilt` ships): no named tuples."""
        state = self.__getstate__()
        offices, countries, organisations, *rest = state["kb_rest"]
        state["kb_rest"] = (
            {k: (o.id, o.category, tuple(o.titles), o.country, o.organisation) for k, o in offices.items()},
            {k: tuple(c) for k, c in countries.items()},
            {k: tuple(o) for k, o in organisations.items()},
            *rest,
        )
        return state

    @classmethod
    def from_plain_state(cls, state: dict[str, Any]) -> CompiledKB:
        state = dict(state)
        offices, countries, organisations, *rest = state["kb_rest"]
        state["kb_rest"] = (
            {k: Office(i, c, Titles(*t), country, org) for k, (i, c, t, country, org) in offices.items()},
            {k: Country(*c) for k, c in countries.items()},
            {k: Organisation(*o) for k, o in organisations.items()},
            *rest,
        )
        compiled = cls.__new__(cls)
        compiled.__setstate__(state)
        return compiled

    # -- names --------------------------------------------------------------------------------------

    def _add_name(self, text: str, entry: NameEntry) -> None:
        k = key(text)
        if k and entry not in self.names[k]:
            self.names[k].append(entry)

    def _build_names(self) -> None:
        for person in self.kb.people.values():
            canonical = {person.name, person.name_it or person.name, person.name_en or person.name}
            for form in canonical:
                self._add_name(form, NameEntry(person.id, "name", form))
            surnames = {person.surname}
            for form in canonical:
                if person.surname not in form and len(form.split()) > 1:
                    surnames.add(form.split()[-1])  # "Zelensky" from name_it "Volodymyr Zelensky"
            for surname in surnames:
                self._add_name(surname, NameEntry(person.id, "surname", surname))
                self.surnames_by_sound[sound_key(surname)].add(person.id)
            for short in person.short_forms:
                self._add_name(short.form, NameEntry(person.id, "variant-surname", short.form, short.lang))
            for variant in person.variants:
                single = len(variant.form.split()) == 1
                self._add_name(
                    variant.form,
                    NameEntry(
                        person.id, "variant-surname" if single else "variant", variant.form, variant.lang
                    ),
                )
                if single:
                    self.surnames_by_sound[sound_key(variant.form)].add(person.id)
            for wrong in person.wrong:
                single = len(wrong.form.split()) == 1
                self._add_name(
                    wrong.form,
                    NameEntry(person.id, "wrong-surname" if single else "wrong", wrong.form, wrong.lang),
                )
            for form in [*canonical, *(v.form for v in person.variants)]:
                parts = form.split()
                if len(parts) > 1 and person.surname in form:
                    first = form[: form.index(person.surname)].strip()
                    if first:
                        self.first_names[person.id].add(key(first))

    def surname_in(self, person: Person, text: str) -> str:
        """The part of a mention of ``person`` that is the surname: "Xi" in "Xi Jinping", "Orbán" in
        "Orbán Viktor" and in "Viktor Orbán", "Zelenskyy" in "Volodymyr Zelenskyy"."""
        parts = text.split()
        if len(parts) == 1:
            return text
        known = {fold(s) for s in (person.surname, *(s.form for s in person.short_forms))}
        known |= {fold(v.form) for v in person.variants if " " not in v.form}
        size = len(person.surname.split())
        for n in (size, 1) if size > 1 else (1,):
            for i in range(len(parts) - n + 1):
                piece = " ".join(parts[i : i + n])
                if fold(piece) in known:
                    return piece
        if person.name_order == "surname-first":
            return " ".join(parts[:size])
        return " ".join(parts[-size:])

    def _build_near_surnames(self) -> None:
        """Every surname under each of its one-letter deletions, so a word one edit away from a
        surname finds it with a few dictionary lookups (the symmetric-delete method)."""
        for person in self.kb.people.values():
            forms = {person.surname, *(v.form for v in person.variants if " " not in v.form)}
            for form in forms:
                folded = fold(form)
                if len(folded) < 4:
                    continue
                self.surname_people[folded].add(person.id)
                for variant in one_letter_deletions(folded):
                    self.near_surnames[variant].add(folded)
        self.near_surnames = dict(self.near_surnames)
        self.surname_people = dict(self.surname_people)

    def near(self, word: str) -> list[str]:
        """Folded KB surnames one edit (insertion, deletion, substitution) from ``word``, or spelled
        the same way under another transliteration."""
        found = self._near_cache.get(word)
        if found is None:
            found = self._near_cache[word] = self._near(word)
        return found

    def _near(self, word: str) -> list[str]:
        folded = fold(word)
        found: set[str] = set()
        for variant in one_letter_deletions(folded):
            found.update(self.near_surnames.get(variant, ()))
        sound = folded_sound_key(folded)
        found |= {self.folded_surnames[pid] for pid in self.surnames_by_sound.get(sound, ())}
        return sorted(s for s in found if s != folded and within_two_edits(s, folded))

    def lookup(self, text: str) -> list[NameEntry]:
        cache = self.__dict__.setdefault("_lookup_cache", {})
        if text not in cache:
            if len(cache) >= 50_000:
                cache.clear()  # a long run meets ever new strings: keep the memory flat
            cache[text] = tuple(NameEntry(*e) for e in self.names.get(key(text), ()))
        return list(cache[text])

    @functools.cached_property
    def name_heads(self) -> frozenset[str]:
        """The first word of every name key: words whose first is not among them name nobody."""
        return frozenset(k.split(" ", 1)[0] for k in getattr(self.names, "raw", self.names))

    # -- titles -------------------------------------------------------------------------------------

    def _office_titles(self, office: Office) -> list[str]:
        t = office.titles
        return [*t.it_m, *t.it_f, *t.en, *t.wrong_it, *t.wrong_en]

    def _build_titles(self) -> None:
        forms: list[str] = []
        for office in self.kb.offices.values():
            forms.extend(self._office_titles(office))
        for person in self.kb.people.values():
            for role in person.roles:
                forms.extend(f for f in (role.title_it, role.title_it_f, role.title_en) if f)
        for form in forms:
            k = key(form)
            if k:
                self.titles.add(k)
                self.title_heads.add(k.split()[0])
        # Descriptors are read where titles are ("il leader turco"), and then left unjudged or judged by
        # the function they name.
        for form, categories in self.kb.descriptors.items():
            k = key(form)
            if k:
                self.titles.add(k)
                self.descriptors[k] = categories

    def allowed_titles(self, person: Person, role: Role) -> tuple[set[str], set[str]]:
        """(title keys, head-noun keys) that name ``role`` for ``person``."""
        office = self.kb.offices.get(role.office)
        forms: list[str] = []
        if office is not None:
            t = office.titles
            forms.extend(t.it_m)
            if person.gender == "f":
                forms.extend(t.it_f)
            forms.extend(t.en)
        forms.extend(role.portfolio_titles(feminine=person.gender == "f"))
        keys = {key(f) for f in forms}
        return keys, {k.split()[0] for k in keys if k}

    # -- qualifiers ---------------------------------------------------------------------------------

    def _build_qualifiers(self) -> None:
        for code, c in self.kb.countries.items():
            q = Qualifier("country", code)
            forms = [
                c.it_adjective_m,
                c.it_adjective_f,
                c.it_of,
                c.en_adjective,
                f"of {c.en_name}",
                f"of the {c.en_name}",
                c.en_name,
                *c.it_also,
                *c.en_also,
            ]
            for adjective in (c.it_adjective_m, c.it_adjective_f):
                if adjective.endswith("o"):
                    forms.append(adjective[:-1] + "i")
                elif adjective.endswith("a"):
                    forms.append(adjective[:-1] + "e")
            for form in forms:
                k = key(form)
                if k:
                    self.qualifiers.setdefault(k, q)

    def qualifier(self, text_key: str) -> Qualifier | None:
        found = self.qualifiers.get(text_key)
        return Qualifier(*found) if found is not None else None

    # -- organisations --------------------------------------------------------------------------------

    def _build_organisations(self) -> None:
        for org in self.kb.organisations.values():
            q = Qualifier("organisation", org.id)
            for name in (*org.names_it, *org.names_en):
                k = key(name)
                self.organisation_names[k] = org.id
                for prefix in ITALIAN_OF:
                    self.qualifiers.setdefault(key(prefix + name), q)
                self.qualifiers.setdefault(key("of the " + name), q)
                self.qualifiers.setdefault(k, q)
            for acronym in (*org.acronyms_it, *org.acronyms_en):
                self.organisation_acronyms[acronym] = org.id
                for prefix in ITALIAN_OF:
                    self.qualifiers.setdefault(key(prefix + acronym), q)
                self.qualifiers.setdefault(key("of " + acronym), q)
                self.qualifiers.setdefault(key("of the " + acronym), q)
                self.qualifiers.setdefault(key(acronym), q)
        for person in self.kb.people.values():
            for role in person.roles:
                office = self.kb.offices.get(role.office)
                if office is None:
                    continue
                if office.organisation and office.organisation in self.kb.organisations:
                    org = self.kb.organisations[office.organisation]
                    for term in (*org.names_it, *org.names_en, *org.acronyms_it, *org.acronyms_en):
                        self.context_terms[person.id].add(term)
                if office.country and office.country in self.kb.countries:
                    c = self.kb.countries[office.country]
                    for term in (c.it_name, c.en_name, c.it_adjective_m, c.it_adjective_f, c.en_adjective):
                        self.context_terms[person.id].add(term)
        self.context_terms = dict(self.context_terms)

    # -- roles ----------------------------------------------------------------------------------------

    def roles_on(self, person: Person, day: dt.date | None, tense: str = "now") -> list[Role]:
        """The roles a title may refer to: held on ``day``; before it ("ex", "former"); soon after it
        ("incoming", "designato"). With no date, every role."""
        if day is None:
            return list(person.roles)
        tolerance = dt.timedelta(days=TOLERANCE_DAYS)
        if tense == "past":
            return [r for r in person.roles if r.start <= day + tolerance]
        if tense == "future":
            return [r for r in person.roles if day - tolerance <= r.start <= day + dt.timedelta(days=400)]
        near = [r for r in person.roles if r.maybe_active_on(day, TOLERANCE_DAYS)]
        return [r for r in near if r.maybe_active_on(day, 1) or not handed_over(person.roles, r, day)]

    def title_matches(
        self, person: Person, roles: list[Role], title_key: str, qualifier: Qualifier | None
    ) -> bool:
        functions = self.descriptors.get(title_key)
        for role in roles:
            if functions is not None:
                office = self.kb.offices.get(role.office)
                if office is None or office.category not in functions:
                    continue
            else:
                keys, heads = self.allowed_titles(person, role)
                if (
                    title_key not in keys
                    and not (" " not in title_key and title_key in heads)
                    and not self._any_portfolio(role, title_key)
                ):
                    continue
            if qualifier is None:
                return True
            office = self.kb.offices.get(role.office)
            if office is None:
                return True
            if qualifier.kind == "country" and qualifier.id == office.country:
                return True
            if qualifier.kind == "organisation":
                if qualifier.id == office.organisation:
                    return True
                org = self.kb.organisations.get(qualifier.id)
                if org is not None and org.country and org.country == office.country:
                    return True
        return False

    def _any_portfolio(self, role: Role, title_key: str) -> bool:
        """A minister whose portfolio the KB gives only in English ("Secretary of State for Health and
        Social Care"): any minister's title is taken as right, since its translations are not known."""
        office = self.kb.offices.get(role.office)
        if office is None or office.category != "minister" or role.title_it:
            return False
        return bool(set(title_key.split()) & GENERIC_MINISTER_WORDS)

    def preferred_title(self, person: Person, role: Role, language: str | None) -> str:
        """The title the KB gives a role in ``language`` (Italian, in the person's gender, unless English)."""
        english = {"en": self._english_title}.get(language or "")
        return english(role) if english else self._italian_title(person, role)

    def _english_title(self, role: Role) -> str:
        office = self.kb.offices.get(role.office)
        return role.title_en or (office.titles.en[0] if office and office.titles.en else role.office)

    def _italian_title(self, person: Person, role: Role) -> str:
        office = self.kb.offices.get(role.office)
        if person.gender == "f" and role.title_it_f:
            return role.title_it_f
        if role.title_it:
            return role.title_it
        if office is None:
            return role.office
        forms = office.titles.it_f if person.gender == "f" and office.titles.it_f else office.titles.it_m
        return forms[0] if forms else (office.titles.en[0] if office.titles.en else role.office)

    def qualified_title(self, person: Person, role: Role, language: Language) -> str:
        """The title with its country or organisation, "segretario di Stato degli Stati Uniti", phrased
        as the language's ``title_with_organisation`` and ``title_with_country`` words say."""
        title = self.preferred_title(person, role, language.code)
        office = self.kb.offices.get(role.office)
        if office is None:
            return title
        if office.organisation and office.organisation in self.kb.organisations:
            org = self.kb.organisations[office.organisation]
            # The KB records organisations in Italian and English; any other language reads the Italian.
            acronyms = {"en": org.acronyms_en}.get(language.code, org.acronyms_it)
            names = {"en": org.names_en}.get(language.code, org.names_it)
            label = (acronyms or names or (org.id,))[0]
            return language.words["title_with_organisation"].format(title=title, organisation=label)
        if office.country and office.country in self.kb.countries:
            country = self.kb.countries[office.country]
            return language.words["title_with_country"].format(title=title, country=country)
        return title
