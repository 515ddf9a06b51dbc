"""Reading knowledge-base files: parse and validate each, merge the entries about one person, and
resolve references into a :class:`~lint.kb.model.KnowledgeBase`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from lint.kb.model import (
    CATEGORIES,
    Country,
    KnowledgeBase,
    Office,
    Organisation,
    Person,
    Role,
    Spelling,
    Titles,
)
from lint.kb.reading import KBError, read_file
from lint.kb.translit import is_cyrillic
from lint.yamlsource import Located, SourceError, quote, quote_key


def _date_bounds(value: Any) -> tuple[dt.date, dt.date, bool]:
    """(earliest day, latest day, exact) of a date given as YYYY, YYYY-MM or YYYY-MM-DD."""
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return day, day, True
    if len(parts) == 2:
        year, month = parts
        first = dt.date(year, month, 1)
        following = dt.date(year + (month == 12), month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1), False
    return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), False


def _is_date(value: Any) -> bool:
    try:
        _date_bounds(value)
    except ValueError:
        return False
    return True


def fold_name(text: str) -> str:
    import unicodedata

    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _surname(name: str, order: str = "given-first") -> str:
    return name.split()[0] if order == "surname-first" else name.split()[-1]


def _written_forms(
    spec: Mapping[str, Any], surname: str, order: str
) -> tuple[tuple[Spelling, ...], tuple[Spelling, ...]]:
    """The accepted spellings of a person's name (variants) and of the surname alone (short forms): the
    ones the file lists, the other word order where the press uses both, and the spellings the standard
    transliterations give from the name in its own script (see :mod:`lint.kb.translit`)."""
    from lint.kb.translit import arabic_surname_variants, variants_by_language

    listed = _spellings(spec["variants"])
    variants: dict[Spelling, None] = dict.fromkeys(listed)
    short: dict[Spelling, None] = dict.fromkeys(_spellings(spec.get("short_forms", ())))
    name = spec["name"]
    if order == "either" and surname in name and not name.startswith(surname):
        given = name[: name.index(surname)].strip()
        variants[Spelling(f"{surname} {given}")] = None  # Orbán Viktor, Ishiba Shigeru
    native = spec.get("native") or {}
    if native:
        lang, native_name = native["lang"], native.get("name")
        count = len(name.split())
        for form, form_lang in variants_by_language(lang, native_name, name):
            target = variants if len(form.split()) >= min(count, 2) else short
            target.setdefault(Spelling(form, form_lang), None)
        if lang == "ar":
            for form in sorted(arabic_surname_variants(surname)):  # a set: sorted, so builds are alike
                short.setdefault(Spelling(form), None)
    return tuple(variants), tuple(s for s in short if s.form != surname)


def _spellings(items: Iterable[Mapping[str, Any]]) -> tuple[Spelling, ...]:
    return tuple(Spelling(i["form"], i.get("lang")) for i in items)


def _titles(spec: Mapping[str, Any] | None) -> Titles:
    spec = spec or {}
    it = spec.get("it") or {}
    wrong = spec.get("wrong") or {}
    return Titles(
        it_m=tuple(it.get("m", ())),
        it_f=tuple(it.get("f", it.get("m", ()))),
        en=tuple(spec.get("en", ())),
        wrong_it=tuple(wrong.get("it", ())),
        wrong_en=tuple(wrong.get("en", ())),
    )


def _merge_titles(base: Titles, override: Titles) -> Titles:
    return Titles(
        it_m=override.it_m or base.it_m,
        it_f=override.it_f or base.it_f,
        en=override.en or base.en,
        wrong_it=tuple(dict.fromkeys(base.wrong_it + override.wrong_it)),
        wrong_en=tuple(dict.fromkeys(base.wrong_en + override.wrong_en)),
    )


class _Builder:
    """Collects the content of several files, then resolves and checks references."""

    def __init__(self) -> None:
        self.kb = KnowledgeBase()
        self.errors: list[KBError] = []
        self.defaults: dict[str, Titles] = {}
        self.country_offices: dict[str, Titles] = {}
        self.raw_people: dict[str, dict[str, Any]] = {}
        self.by_wikidata: dict[str, str] = {}
        self.references: list[tuple[Located, tuple[Any, ...], str, str]] = []  # (file, path, kind, id)

    def add(self, located: Located) -> None:
        data = located.data
        for sid, spec in (data.get("sources") or {}).items():
            self.kb.sources[sid] = spec
        for lang, common in (data.get("common_words") or {}).items():
            self.kb.common_words.setdefault(lang, set()).update(w.casefold() for w in common)
        descriptors = data.get("descriptors") or {}
        for lang in ("it", "en"):
            for form in descriptors.get(lang, ()):
                self.kb.descriptors.setdefault(form, ())
        for function in descriptors.get("functions", ()):
            for lang in ("it", "en"):
                for form in function.get(lang, ()):
                    known = self.kb.descriptors.get(form, ())
                    self.kb.descriptors[form] = tuple(dict.fromkeys((*known, *function["means"])))
        for category, spec in (data.get("defaults") or {}).items():
            self.defaults[category] = _titles(spec)
        for code, spec in (data.get("countries") or {}).items():
            en, it = spec["en"], spec["it"]
            self.kb.countries[code] = Country(
                code=code,
                en_name=en["name"],
                en_adjective=en["adjective"],
                it_name=it["name"],
                it_of=it["of"],
                it_adjective_m=it["adjective"]["m"],
                it_adjective_f=it["adjective"]["f"],
                en_also=tuple(en.get("also", ())),
                it_also=tuple(it.get("also", ())),
            )
            for category, titles in (spec.get("offices") or {}).items():
                self.country_offices[f"{code}.{category}"] = _titles(titles)
        for office_id, spec in (data.get("offices") or {}).items():
            self.kb.offices[office_id] = Office(
                id=office_id,
                category=spec["category"],
                titles=_titles(spec),
                country=spec.get("country"),
                organisation=spec.get("organisation"),
            )
            if spec.get("organisation"):
                self.references.append(
                    (located, ("offices", office_id), "organisation", spec["organisation"])
                )
        for i, spec in enumerate(data.get("organisations") or ()):
            names, acronyms = spec.get("names") or {}, spec.get("acronyms") or {}
            self.kb.organisations[spec["id"]] = Organisation(
                id=spec["id"],
                names_it=tuple(names.get("it", ())),
                names_en=tuple(names.get("en", ())),
                acronyms_it=tuple(acronyms.get("it", ())),
                acronyms_en=tuple(acronyms.get("en", ())),
                well_known=bool(spec.get("well_known", False)),
                country=spec.get("country"),
            )
            if "source" in spec:
                self.references.append((located, ("organisations", i), "source", spec["source"]))
        for i, spec in enumerate(data.get("people") or ()):
            self._add_person(located, i, spec)

    def _add_person(self, located: Located, index: int, spec: Mapping[str, Any]) -> None:
        key = spec["id"]
        same_item = self.by_wikidata.get(spec.get("wikidata") or "")
        if same_item is not None and same_item != key:
            # Merged by Wikidata item only when the names agree too: a wrong item id in one source must
            # not fuse two people.
            other = self.raw_people[same_item]
            if fold_name(other.get("surname") or other["name"].split()[-1]) == fold_name(
                spec.get("surname") or spec["name"].split()[-1]
            ):
                key = same_item
        existing = self.raw_people.get(key)
        if existing is None:
            self.raw_people[key] = {
                **spec,
                "roles": list(spec.get("roles", ())),
                "variants": list(spec.get("variants", ())),
                "wrong": list(spec.get("wrong", ())),
                "short_forms": list(spec.get("short_forms", ())),
            }
            if spec.get("wikidata"):
                self.by_wikidata[spec["wikidata"]] = key
        else:
            # The same person in another file: keep the first name given, add spellings and roles.
            existing["minor"] = bool(existing.get("minor")) and bool(spec.get("minor"))
            if existing.get("gender_inferred") and not spec.get("gender_inferred"):
                existing["gender"], existing["gender_inferred"] = spec["gender"], False
            for field_name in ("name_it", "name_en", "surname", "wikidata", "name_order", "native"):
                if spec.get(field_name) and not existing.get(field_name):
                    existing[field_name] = spec[field_name]
            existing["roles"].extend(spec.get("roles", ()))
            existing["variants"].extend(spec.get("variants", ()))
            existing["wrong"].extend(spec.get("wrong", ()))
            existing["short_forms"].extend(spec.get("short_forms", ()))
        for j, role in enumerate(spec.get("roles", ())):
            where = ("people", index, "roles", j)
            self.references.append((located, where, "source", role["source"]))
            self.references.append((located, where, "office", role["office"]))
            bad_date = next(
                (
                    f
                    for f in ("start", "end", "last_seen")
                    if role.get(f) is not None and not _is_date(role[f])
                ),
                None,
            )
            if bad_date is not None:
                self.errors.append(
                    KBError(
                        located.file,
                        located.line_of((*where, bad_date)),
                        f"people[{index}].roles[{j}].{bad_date}: {quote(role[bad_date])} is not a real date",
                    )
                )
                merged = self.raw_people[key]["roles"]
                merged[:] = [r for r in merged if r is not role]
                continue
            start = _date_bounds(role["start"])[0]
            if role.get("end") is not None and _date_bounds(role["end"])[1] < start:
                self.errors.append(
                    KBError(
                        located.file,
                        located.line_of(where),
                        f"people[{index}].roles[{j}]: ends before it starts",
                    )
                )
        native = spec.get("native") or {}
        if native.get("lang") in ("ru", "uk") and not is_cyrillic(native.get("name") or ""):
            self.errors.append(
                KBError(
                    located.file,
                    located.line_of(("people", index, "native")),
                    f"people[{index}].native: a {native['lang']!r} name needs its Cyrillic spelling under 'name'",
                )
            )
            self.raw_people[key].pop("native", None)
        for kind in ("variants", "wrong", "short_forms"):
            for j, item in enumerate(spec.get(kind, ())):
                if "source" in item:
                    self.references.append((located, ("people", index, kind, j), "source", item["source"]))

    def office_for(self, office_id: str) -> Office | None:
        if office_id in self.kb.offices:
            return self.kb.offices[office_id]
        code, _, category = office_id.partition(".")
        if code not in self.kb.countries or category not in CATEGORIES:
            return None
        titles = _merge_titles(
            self.defaults.get(category, Titles()), self.country_offices.get(office_id, Titles())
        )
        office = Office(id=office_id, category=category, titles=titles, country=code)
        self.kb.offices[office_id] = office
        return office

    def finish(self) -> KnowledgeBase:
        for office_id in list(self.country_offices):
            self.office_for(office_id)
        for located, where, kind, ref in self.references:
            line = located.line_of(where)
            label = ".".join(str(p) for p in where)
            if kind == "source" and ref not in self.kb.sources:
                self.errors.append(
                    KBError(
                        located.file,
                        line,
                        f"{label}: unknown source {quote_key(ref)}; define it under 'sources:'",
                    )
                )
            elif kind == "office" and self.office_for(ref) is None:
                self.errors.append(
                    KBError(
                        located.file,
                        line,
                        f"{label}: unknown office {quote_key(ref)}; use <country>.<category> for a country in countries.yaml "
                        f"(categories: {', '.join(CATEGORIES)}) or an office defined under 'offices:'",
                    )
                )
            elif kind == "organisation" and ref not in self.kb.organisations:
                self.errors.append(
                    KBError(located.file, line, f"{label}: unknown organisation {quote_key(ref)}")
                )
        for key, spec in self.raw_people.items():
            roles = []
            for role in spec["roles"]:
                start, _, start_exact = _date_bounds(role["start"])
                end = end_exact = None
                if role.get("end") is not None:
                    _, end, end_exact = _date_bounds(role["end"])
                roles.append(
                    Role(
                        office=role["office"],
                        start=start,
                        end=end,
                        start_exact=start_exact,
                        end_exact=bool(end_exact),
                        title_it=role.get("title_it"),
                        title_it_f=role.get("title_it_f"),
                        title_en=role.get("title_en"),
                        acting=bool(role.get("acting", False)),
                        sources=(role["source"],),
                        last_seen=_date_bounds(role["last_seen"])[1] if role.get("last_seen") else None,
                    )
                )
            roles = _reconcile(roles)
            order = spec.get("name_order") or "given-first"
            surname = spec.get("surname") or _surname(spec["name"], order)
            variants, short_forms = _written_forms(spec, surname, order)
            self.kb.people[key] = Person(  # type: ignore[index]
                id=key,
                name=spec["name"],
                gender=spec["gender"],
                surname=surname,
                name_it=spec.get("name_it"),
                name_en=spec.get("name_en"),
                wikidata=spec.get("wikidata"),
                variants=variants,
                wrong=_spellings(spec["wrong"]),
                roles=tuple(sorted(roles, key=lambda r: (r.start, r.office))),
                name_order=order,
                short_forms=short_forms,
                minor=bool(spec.get("minor", False)),
                gender_inferred=bool(spec.get("gender_inferred", False)),
            )
        return self.kb


def _precise(role: Role) -> bool:
    return role.start_exact and (role.end_exact or (role.end is None and role.last_seen is None))


def _reconcile(roles: list[Role]) -> list[Role]:
    """Drop repeated roles, and coarse records of a role that another source gives precisely.

    A table with years only ("2021–2022"), or a snapshot that saw a role held but not its end, would
    otherwise stretch the role over the whole year, or keep it open for ever.
    """
    unique: dict[tuple[Any, ...], Role] = {}
    for role in roles:
        unique.setdefault(
            (role.office, role.start, role.end, role.last_seen, role.title_it, role.title_en), role
        )
    far = dt.date.max
    kept = []
    for role in unique.values():
        if not _precise(role):
            role_end = role.end or role.last_seen or far
            covered = any(
                other is not role
                and other.office == role.office
                and _precise(other)
                and other.start <= role_end
                and (other.end or far) >= role.start
                for other in unique.values()
            )
            if covered:
                continue
        else:
            # Two sources dating one stint a few days apart (an end on the 19th or the 20th): one
            # record, the one that names its title.
            twin = next((i for i, other in enumerate(kept) if _same_stint(other, role)), None)
            if twin is not None:
                if (role.title_it or role.title_en) and not (kept[twin].title_it or kept[twin].title_en):
                    kept[twin] = role
                continue
        kept.append(role)
    return kept


def _same_stint(a: Role, b: Role) -> bool:
    """Precise records of the same office whose starts and ends are at most a week apart."""
    if a.office != b.office or not _precise(a) or abs((a.start - b.start).days) > 7:
        return False
    if a.end is None or b.end is None:
        return a.end is None and b.end is None
    return abs((a.end - b.end).days) <= 7


def kb_files(paths: Iterable[str | Path]) -> list[Path]:
    """The KB files under each path. Within a folder, generated files come last, so that when the same
    person is in both, the hand-written entry gives the id and the name."""
    files: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            found = [*path.rglob("*.yaml"), *path.rglob("*.json")]
            files.extend(sorted(found, key=lambda f: ("generated" in f.relative_to(path).parts, str(f))))
        else:
            files.append(path)
    return files


def build(
    files: Iterable[tuple[Path, str]], validate: bool | None = None
) -> tuple[KnowledgeBase, list[KBError]]:
    """The KB of these files. ``validate``: check every file against the schema (None: all but the
    built-in generated ones, which are checked when written)."""
    builder = _Builder()
    for path, display in files:
        try:
            builder.add(read_file(path, display, validate))
        except SourceError as exc:
            builder.errors.append(
                exc if isinstance(exc, KBError) else KBError(exc.file, exc.line, exc.message)
            )
    kb = builder.finish()
    return kb, builder.errors
