"""The compiled knowledge base in the cache: people as rows of plain data (marshal) and tables as packed strings,
unpacked only when looked up, so that a large KB loads fast."""

from __future__ import annotations

import datetime as dt
import marshal
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from lint.kb.model import Person, Role, Spelling


def person_row(p: Person) -> tuple[Any, ...]:
    roles = tuple(
        (
            r.office,
            r.start.toordinal(),
            r.end.toordinal() if r.end else 0,
            r.start_exact,
            r.end_exact,
            r.title_it,
            r.title_it_f,
            r.title_en,
            r.acting,
            r.sources,
            r.last_seen.toordinal() if r.last_seen else 0,
        )
        for r in p.roles
    )
    return (
        p.id,
        p.name,
        p.gender,
        p.surname,
        p.name_it,
        p.name_en,
        p.wikidata,
        tuple((s.form, s.lang) for s in p.variants),
        tuple((s.form, s.lang) for s in p.wrong),
        roles,
        p.name_order,
        tuple((s.form, s.lang) for s in p.short_forms),
        p.minor,
        p.gender_inferred,
    )


def person_from_row(row: tuple[Any, ...]) -> Person:
    (
        pid,
        name,
        gender,
        surname,
        name_it,
        name_en,
        wikidata,
        variants,
        wrong,
        roles,
        order,
        short,
        minor,
        inferred,
    ) = row
    date = dt.date.fromordinal
    return Person(
        id=pid,
        name=name,
        gender=gender,
        surname=surname,
        name_it=name_it,
        name_en=name_en,
        wikidata=wikidata,
        variants=tuple(Spelling(*s) for s in variants),
        wrong=tuple(Spelling(*s) for s in wrong),
        roles=tuple(
            Role(
                office=o,
                start=date(s),
                end=date(e) if e else None,
                start_exact=se,
                end_exact=ee,
                title_it=ti,
                title_it_f=tf,
                title_en=te,
                acting=a,
                sources=src,
                last_seen=date(ls) if ls else None,
            )
            for o, s, e, se, ee, ti, tf, te, a, src, ls in roles
        ),
        name_order=order,
        short_forms=tuple(Spelling(*s) for s in short),
        minor=minor,
        gender_inferred=inferred,
    )


class LazyPeople(Mapping[str, Person]):
    """People kept as rows of plain data in marshal's format, one bytes object each, and turned into :class:`Person` objects only
    when looked up: loading the KB then costs one small object per person, whatever their roles."""

    def __init__(self, rows: dict[str, bytes]) -> None:
        self.rows = rows
        self._made: dict[str, Person] = {}

    def __getitem__(self, pid: str) -> Person:
        person = self._made.get(pid)
        if person is None:
            person = self._made[pid] = person_from_row(marshal.loads(self.rows[pid]))
        return person

    def __iter__(self) -> Iterator[str]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


_ITEM = "\x1f"  # between the items of a packed value
_FIELD = "\x1e"  # between the fields of a packed name entry


class Packed(Mapping[str, tuple[Any, ...]]):
    """A table of string keys to tuples kept, once loaded from the cache, as one string per key and
    split only when a key is looked up: unpickling tens of thousands of small tuples is what made a
    large KB slow to load."""

    def __init__(self, raw: dict[str, str], fields: bool = False) -> None:
        self.raw = raw
        self.fields = fields
        self._made: dict[str, tuple[Any, ...]] = {}

    @classmethod
    def pack(cls, table: Mapping[str, Iterable[Any]], fields: bool = False) -> dict[str, str]:
        def item(value: Any) -> str:
            if not fields:
                return str(value)
            return _FIELD.join("" if v is None else str(v) for v in value)

        return {k: _ITEM.join(sorted(item(v) for v in values)) for k, values in table.items()}

    def __getitem__(self, k: str) -> tuple[Any, ...]:
        made = self._made.get(k)
        if made is None:
            items = self.raw[k].split(_ITEM)
            if self.fields:
                made = tuple(tuple(None if f == "" else f for f in i.split(_FIELD)) for i in items)
            else:
                made = tuple(items)
            self._made[k] = made
        return made

    def __contains__(self, k: object) -> bool:
        return k in self.raw

    def get(self, k: str, default: Any = None) -> Any:
        # Mapping.get goes through a KeyError for every miss, and most look-ups miss.
        if k not in self.raw:
            return default
        return self[k]

    def __iter__(self) -> Iterator[str]:
        return iter(self.raw)

    def __len__(self) -> int:
        return len(self.raw)
