"""Build refuso's generated knowledge-base files from the public reference tables.

Reads the tables in ``../shared/kb/people/`` (see ``../shared/kb/README.md`` for their sources and
licences) in place, and writes ``rules/kb/generated/*.json``: people and their dated roles, each fact
citing the table, repository and commit it comes from. Only countries listed in
``rules/kb/countries.yaml`` and roles from 2015 on are kept. Run it again to rebuild; hand-written
facts live in ``rules/kb/people/`` and are merged with these by ``id`` when the KB loads.

    python tools/build_kb.py [--shared ../shared] [--check]
        [--congress DIR] [--us-cabinet DIR] [--us-governors DIR] [--governors-history DIR]
        [--fortune DIR] [--world DIR] [--cabinet CODE=DIR ...]

Each DIR is the git directory of a snapshot of a public repository (a clone or a mirror): the US
Congress (unitedstates/congress-legislators), US federal posts (every-politician-scrapers/us-cabinet),
governors (every-politician-scrapers/us-governors, jacobkap/governors), the largest companies
(riadlem/stablemap), people's gender by Wikidata item (every-politician-scrapers/world) and the cabinets
of other countries (every-politician-scrapers/<country>-ministers, given as ISO code = DIR). Each file
written names the repository and the commit it read; a file whose snapshot is not given is left as it
is. People whose source gives no gender get the one their Wikidata item or their first name gives
(the first names of the people whose sources do give it, then gender-guesser), marked
``gender_inferred``; people with a first name neither knows are left out.

``--check`` rebuilds in memory and exits 1 if the committed files differ (for CI or review).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "rules" / "kb"
OUT = KB / "generated"
SINCE = "2015-01-01"
UK_SINCE = "2010-01-01"  # every UK minister since 2010
US_SINCE = "2009-01-01"  # US ambassadors and State Department principals since 2009

SOURCES: dict[str, dict[str, str]] = {
    "wd-hos-hog-2024": {
        "title": "Heads of state and government, Wikidata P39 (every-politician-scrapers/world-leaders-2021), start and end years",
        "repo": "every-politician-scrapers/world-leaders-2021",
        "path": "data/wikidata.csv",
        "commit": "85a38819b0b80b36a3469e16afef46c80a7a7a79",
        "licence": "CC0-1.0 (Wikidata)",
    },
    "wd-fm-2022": {
        "title": "Serving foreign ministers, Wikidata P39, December 2022 (every-politician-scrapers/world)",
        "repo": "every-politician-scrapers/world",
        "path": "sources/foreign/wikidata.csv",
        "commit": "4a3b394d9a35d26d138cded8718d0805b7ce9336",
        "licence": "CC0-1.0 (Wikidata)",
    },
    "pocom": {
        "title": "US Department of State, Office of the Historian: Principal Officers and Chiefs of Mission",
        "repo": "HistoryAtState/pocom",
        "path": "positions-principals/*.xml, missions-countries/*.xml",
        "commit": "44d2226df6b26f8f5807215ec40e3a6c4d706bbb",
        "licence": "CC0-1.0",
    },
    "ifg": {
        "title": "Institute for Government: ministers database (UK)",
        "repo": "instituteforgov/ifg-ministers-database-public",
        "path": "data/{person,post,appointment,organisation}.csv",
        "commit": "92e227025645607913912d9d8312b7421a437bd3",
        "licence": "CC-BY-4.0",
    },
    "wd-io-2023": {
        "title": "International organisations' office holders, Wikidata (every-politician-scrapers/world html/holders21.csv)",
        "repo": "every-politician-scrapers/world",
        "path": "html/holders21.csv",
        "commit": "4a3b394d9a35d26d138cded8718d0805b7ce9336",
        "licence": "CC0-1.0 (Wikidata)",
    },
    "leaders-2026": {
        "title": "World leaders, current holders as at 2026-08-22 (open-data-archive/world-leaders-current)",
        "repo": "open-data-archive/world-leaders-current",
        "path": "data/countries/*/current.json",
        "commit": "b06a1440a6eda040a90166cb3f84d9634d1779b2",
        "licence": "CC-BY-SA-4.0",
    },
    "cabinets-2022": {
        "title": "Cabinets in 2022, official-site names with Wikidata labels (every-politician-scrapers)",
        "repo": "every-politician-scrapers/{italy-ministers,russia-cabinet,ukraine-cabinet,turkey-ministers,israel-ministers,iran-ministers}",
        "path": "data/wikidata.csv",
        "licence": "CC0-1.0 (Wikidata) plus official-site names",
    },
}

# Country labels in the tables that differ from countries.yaml's English names.
COUNTRY_ALIASES = {
    "People's Republic of China": "CN",
    "United States of America": "US",
    "Kingdom of the Netherlands": "NL",
    "Czech Republic": "CZ",
    "Czechia": "CZ",
    "Republic of Ireland": "IE",
    "South Korea": "KR",
    "Republic of Korea": "KR",
    "Turkey": "TR",
    "Türkiye": "TR",
    "Russia": "RU",
    "Russian Federation": "RU",
    "Vatican City": "VA",
    "Holy See": "VA",
    "State of Palestine": "PS",
    "Ivory Coast": "CI",
    "Côte d'Ivoire": "CI",
    "Democratic Republic of the Congo": "CD",
    "Vietnam": "VN",
    "Viet Nam": "VN",
    "United Kingdom": "GB",
    "North Macedonia": "MK",
    "Kingdom of Denmark": "DK",
    "Bahamas": "BS",
    "Gambia": "GM",
    "Timor-Leste": "TL",
    "Micronesia": "FM",
    "Myanmar (Burma)": "MM",
    "Republic of Congo": "CG",
    "Swaziland": "SZ",
}
HOS_WORDS = (
    "president",
    "monarch",
    "king",
    "queen",
    "emperor",
    "pope",
    "captain regent",
    "co-prince",
    "sultan",
    "emir",
    "yang di-pertuan",
)
HOG_WORDS = (
    "prime minister",
    "premier",
    "chancellor",
    "taoiseach",
    "president of the government",
    "chairman of the council of ministers",
)
IFG_POSTS = {
    "Prime Minister": "head_of_government",
    "Foreign Secretary": "foreign_minister",
    "Secretary of State for Foreign and Commonwealth Affairs": "foreign_minister",
    "Secretary of State for Foreign, Commonwealth and Development Affairs": "foreign_minister",
    "Secretary of State for Defence": "defence_minister",
    "Chancellor of the Exchequer": "finance_minister",
    "Home Secretary": "interior_minister",
    "Secretary of State for the Home Department": "interior_minister",
    "Deputy Prime Minister": "deputy_head_of_government",
    "Secretary of State for Justice and Lord Chancellor": "justice_minister",
    "Lord Chancellor and Secretary of State for Justice": "justice_minister",
}
POCOM_POSTS = {"secretary": "US.foreign_minister"}
IO_POSTS = {
    "Secretary-General of the United Nations": "UN.secretary_general",
    "Deputy Secretary-General of the United Nations": "UN.deputy_secretary_general",
}
MINISTRY_CATEGORY = {
    "foreign": "foreign_minister",
    "defence": "defence_minister",
    "defense": "defence_minister",
    "finance": "finance_minister",
    "economy and finance": "finance_minister",
    "interior": "interior_minister",
    "internal affairs": "interior_minister",
    "justice": "justice_minister",
}


def slug(name: str) -> str:
    folded = (
        unicodedata.normalize("NFKD", name.replace("'", "").replace("’", ""))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    out = "".join(c.lower() if c.isalnum() else "-" for c in folded.split("(")[0])
    return "-".join(p for p in out.split("-") if p)


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode("ascii")


def curated_index() -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(folded surname, office) -> [(id, name)] of the hand-written people, so a table row about someone
    already written by hand joins that entry ("Michael Pompeo" in the State Department's table is the
    hand-written "Mike Pompeo")."""
    index: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for file in sorted((KB / "people").glob("*.yaml")):
        for person in yaml.safe_load(file.read_text(encoding="utf-8")).get("people") or ():
            surname = person.get("surname") or person["name"].split()[-1]
            for role in person.get("roles") or ():
                entry = (person["id"], person["name"])
                if entry not in index[(fold(surname), role["office"])]:
                    index[(fold(surname), role["office"])].append(entry)
    return index


def _same_person(candidates: list[tuple[str, str]], name: str) -> tuple[str, str] | None:
    """The one hand-written person whose first name starts like ``name``'s (Michael / Mike)."""
    initial = fold(name)[:1]
    matching = [c for c in candidates if fold(c[1])[:1] == initial]
    return matching[0] if len(matching) == 1 else None


class People:
    """People by id, with their roles, spellings and the sources they come from."""

    def __init__(self) -> None:
        self.people: dict[str, dict[str, Any]] = {}
        self.curated = curated_index()

    def person(
        self, name: str, gender: str | None = None, wikidata: str | None = None, office: str | None = None
    ) -> dict[str, Any]:
        key = slug(name)
        known = _same_person(self.curated.get((fold(name.split()[-1]), office), []), name) if office else None
        if known is not None:
            key, name = known
        entry = self.people.setdefault(
            key, {"id": key, "name": name, "gender": gender, "roles": [], "variants": []}
        )
        if gender:
            entry["gender"] = gender
        if wikidata and wikidata.startswith("Q") and "wikidata" not in entry:
            entry["wikidata"] = wikidata
        return entry

    def role(
        self,
        entry: dict[str, Any],
        office: str,
        start: str,
        end: str | None,
        source: str,
        ref: str,
        seen: str | None = None,
        title_en: str | None = None,
        since: str = SINCE,
    ) -> None:
        if not start or (end and (end < since or end < start)):
            return  # too old, or two people of the same name mixed up by the table
        role: dict[str, Any] = {"office": office}
        if title_en:
            role["title_en"] = title_en
        role["start"] = start
        if end:
            role["end"] = end
        role["source"] = source
        role["ref"] = ref
        if seen and not end:
            role["last_seen"] = seen  # in office when the source was captured; a later end is not recorded
        if role not in entry["roles"]:
            entry["roles"].append(role)


def country_codes() -> dict[str, str]:
    data = yaml.safe_load((KB / "countries.yaml").read_text(encoding="utf-8"))
    # PyYAML reads the key NO (Norway) as a boolean.
    codes = {spec["en"]["name"]: "NO" if code is False else code for code, spec in data["countries"].items()}
    codes.update({k: v for k, v in COUNTRY_ALIASES.items() if v in data["countries"]})
    return codes


def hos_hog(position: str) -> str | None:
    label = position.lower()
    if any(w in label for w in HOG_WORDS):
        return "head_of_government"
    if any(w in label for w in HOS_WORDS):
        return "head_of_state"
    return None


def build(shared: Path) -> dict[str, dict[str, Any]]:
    tables = shared / "kb" / "people"
    codes = country_codes()
    people = People()

    for file, seen in (
        ("world_hos_hog_wikidata_2024-10-23.csv", "2024-10-23"),
        # A later version of the same table, date not recorded: rows that began in 2025 or 2026.
        ("world_hos_hog_wikidata_rows_started_2025_2026.csv", "2026"),
    ):
        for r in csv.DictReader((tables / file).open(encoding="utf-8")):
            code = codes.get(r["country"])
            category = hos_hog(r["positionLabel"])
            label = r["officeholderLabel"]
            if not code or not category or not label or label.startswith("Q"):
                continue  # outside the KB's countries, an unknown post, or an unresolved Wikidata item
            start, end = r["start_year"], r["end_year"] or None
            entry = people.person(label, wikidata=r["officeholder"], office=f"{code}.{category}")
            people.role(
                entry,
                f"{code}.{category}",
                start,
                end,
                "wd-hos-hog-2024",
                f"{file}: {r['positionLabel']}",
                seen=seen,
            )

    for r in csv.DictReader((tables / "world_foreign_ministers_wikidata_2022-12.csv").open(encoding="utf-8")):
        code = codes.get(r["countryLabel"])
        if not code or not r["name"] or not r["start"]:
            continue
        entry = people.person(r["name"], wikidata=r["person"], office=f"{code}.foreign_minister")
        people.role(
            entry,
            f"{code}.foreign_minister",
            r["start"],
            None,
            "wd-fm-2022",
            f"world_foreign_ministers_wikidata_2022-12.csv: {r['positionLabel']}",
            seen="2022-12",
        )

    for r in csv.DictReader((tables / "uk_ifg_ministerial_appointments.csv").open(encoding="utf-8")):
        category = IFG_POSTS.get(r["post"])
        if r["end_date"] and r["end_date"] < UK_SINCE:
            continue
        if not category and r["end_date"] and r["end_date"] < UK_SINCE:
            continue
        # The name as a person is known, not a peerage title taken later ("Lord Cameron of Chipping Norton").
        names = [
            n
            for n in r["all_names"].split("|")
            if n and not n.startswith(("Lord ", "Baroness ", "Sir ", "Dame "))
        ]
        entry = people.person(
            names[0] if names else r["name_at_start"],
            gender={"F": "f", "M": "m"}.get(r["gender"]),
            office=f"GB.{category}",
        )
        for other in r["all_names"].split("|"):
            if other != entry["name"] and other and {"form": other, "source": "ifg"} not in entry["variants"]:
                entry["variants"].append({"form": other, "source": "ifg"})
        if category:
            people.role(
                entry,
                f"GB.{category}",
                r["start_date"],
                r["end_date"] or None,
                "ifg",
                f"uk_ifg_ministerial_appointments.csv: {r['post']}",
                seen="2026-06-12",
                since=UK_SINCE,
            )
        else:
            # Any other post, cabinet or junior: a minister whose portfolio the role names.
            people.role(
                entry,
                "GB.minister",
                r["start_date"],
                r["end_date"] or None,
                "ifg",
                f"uk_ifg_ministerial_appointments.csv: {r['post']}",
                seen="2026-06-12",
                title_en=r["post"],
                since=UK_SINCE,
            )
        if r["rank_equivalence"] in ("PM", "SoS") or category:
            entry["prominent"] = True

    for r in csv.DictReader((tables / "us_pocom_principal_officers.csv").open(encoding="utf-8")):
        office = POCOM_POSTS.get(r["position_id"])
        if r["position_id"] == "deputy-secretary" and (r["ended"] or "9") >= US_SINCE:
            entry = people.person(f"{r['forename'].split()[0]} {r['surname']}")
            people.role(
                entry,
                "US.deputy_minister",
                r["started"] or r["appointed"],
                r["ended"] or None,
                "pocom",
                "positions-principals/deputy-secretary.xml",
                title_en="Deputy Secretary of State",
                since=US_SINCE,
            )
            entry["roles"][-1]["title_it"] = "vicesegretario di Stato"
            continue
        if not office:
            # The State Department's other principal officers (under and assistant secretaries…).
            end = r["ended"] or None
            start = r["started"] or r["appointed"]
            if not start or (end and end < US_SINCE) or "ad interim" in r["position_title"]:
                continue
            entry = people.person(f"{r['forename'].split()[0]} {r['surname']}")
            entry["minor"] = True
            people.role(
                entry,
                "US.state_department_official",
                start,
                end,
                "pocom",
                f"positions-principals/{r['position_id']}.xml",
                title_en=" ".join(r["position_title"].split()),
                since=US_SINCE,
            )
            continue
        name = f"{r['forename'].split()[0]} {r['surname']}"
        entry = people.person(name, office=office)
        full = f"{r['forename']} {r['surname']}"
        if full != name and {"form": full, "source": "pocom"} not in entry["variants"]:
            entry["variants"].append({"form": full, "source": "pocom"})
        people.role(
            entry,
            office,
            r["started"] or r["appointed"],
            r["ended"] or None,
            "pocom",
            f"positions-principals/{r['position_id']}.xml",
        )

    for r in csv.DictReader((tables / "us_pocom_chiefs_of_mission.csv").open(encoding="utf-8")):
        end = r["ended"] or None
        start = r["started"] or r["appointed"]
        if not start or (end and end < US_SINCE) or not r["forename"]:
            continue
        entry = people.person(f"{r['forename'].split()[0]} {r['surname']}")
        entry["minor"] = True
        place = r["territory_id"].replace("-", " ").title()
        people.role(
            entry,
            "US.ambassador",
            start,
            end,
            "pocom",
            f"missions-countries/{r['territory_id']}.xml",
            title_en=f"Ambassador to {place}",
            since=US_SINCE,
        )

    for r in csv.DictReader((tables / "intl_org_officeholders_wikidata_2023-01.csv").open(encoding="utf-8")):
        office = IO_POSTS.get(r["position"])
        if not office:
            continue
        entry = people.person(r["person"], wikidata=r["personID"], office=office)
        people.role(
            entry, office, r["start"], r["end"] or None, "wd-io-2023", f"holders21.csv: {r['position']}"
        )

    for line in (tables / "world_leaders_current_2026.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        code = r["country_iso"]
        if (
            code not in codes.values()
            or r["position"] not in ("head_of_state", "head_of_government")
            or not r["holder_en"]
        ):
            continue
        entry = people.person(r["holder_en"], wikidata=r["wikidata_id"], office=f"{code}.{r['position']}")
        if r.get("holder_local") and r["holder_local"] != r["holder_en"]:
            variant = {"form": r["holder_local"], "source": "leaders-2026"}
            if variant not in entry["variants"]:
                entry["variants"].append(variant)
        people.role(
            entry,
            f"{code}.{r['position']}",
            r["since"],
            None,
            "leaders-2026",
            f"data/countries/{code}/current.json: {r['title_en']}",
            seen=r["snapshot_date"],
        )

    for r in csv.DictReader((tables / "cabinets_2022_snapshots_wikidata.csv").open(encoding="utf-8")):
        code = {
            "italy": "IT",
            "russia": "RU",
            "ukraine": "UA",
            "turkey": "TR",
            "israel": "IL",
            "iran": "IR",
        }.get(r["country"])
        if not code or code not in codes.values():
            continue
        position = r["position"]
        lowered = position.lower()
        category = next(
            (
                c
                for key, c in MINISTRY_CATEGORY.items()
                if f"minister of {key}" in lowered or f"minister for {key}" in lowered
            ),
            None,
        )
        if "prime minister" in lowered and "deputy" not in lowered:
            category = "head_of_government"
        if not category and not lowered.startswith("minister"):
            continue
        office = f"{code}.{category or 'minister'}"
        entry = people.person(
            r["wikidata_label"],
            gender={"female": "f", "male": "m"}.get(r["gender"]),
            wikidata=r["wikidata_id"],
            office=office,
        )
        if r["name_official_source"] and r["name_official_source"] != r["wikidata_label"]:
            variant = {"form": r["name_official_source"], "source": "cabinets-2022"}
            if variant not in entry["variants"]:
                entry["variants"].append(variant)
        role_ref = f"{r['repo']}@{r['repo_commit']} data/wikidata.csv: {position}"
        if category:
            people.role(
                entry, office, r["start"], None, "cabinets-2022", role_ref, seen=r["source_date"] or "2022"
            )
        else:
            if r["start"]:
                entry["roles"].append(
                    {
                        "office": office,
                        "title_en": position,
                        "start": r["start"],
                        "source": "cabinets-2022",
                        "ref": role_ref,
                        "last_seen": r["source_date"] or "2022",
                    }
                )
    return people.people


SURNAME_FIRST = {"CN", "TW", "HK", "MO", "KR", "KP", "VN", "KH"}  # names written surname first
EITHER_ORDER = {"JP", "HU"}  # written given name first in the press, surname first at home
SHORT_GIVEN_NAME = {"VN"}  # the press names a Vietnamese leader by the last word, the given name
KEY_ORDER = ("id", "name", "name_it", "name_en", "surname", "gender", "gender_inferred", "name_order")


def office_categories() -> dict[str, str]:
    """Office id -> category, for the offices defined in offices.yaml."""
    data = yaml.safe_load((KB / "offices.yaml").read_text(encoding="utf-8"))
    return {office: spec["category"] for office, spec in (data.get("offices") or {}).items()}


def finish_people(people: Iterable[dict[str, Any]], genders: GenderGuesser) -> list[dict[str, Any]]:
    """Merge the entries of each id, give each person a gender, a name order and whether news copy names
    them by surname alone, and drop people without a dated role or a gender."""
    sys.path.insert(0, str(ROOT))
    from lint.kb import PROMINENT

    categories = office_categories()
    merged: dict[str, dict[str, Any]] = {}
    for entry in people:
        if not entry.get("roles"):
            continue
        current = merged.get(entry["id"])
        if current is None:
            merged[entry["id"]] = current = {k: v for k, v in entry.items() if v not in (None, [], {})}
            current["roles"] = []
            current["variants"] = []
        for field, value in entry.items():
            if field not in current and value not in (None, [], {}):
                current[field] = value
        if entry.get("minor") is False or entry.get("prominent"):
            current["prominent"] = True
        for role in entry.get("roles", ()):
            # The same role seen in several versions of a table: keep the last sighting.
            same = next(
                (
                    r
                    for r in current["roles"]
                    if all(r.get(k) == role.get(k) for k in ("office", "start", "end", "title_en", "source"))
                ),
                None,
            )
            if same is None:
                current["roles"].append(dict(role))
            elif role.get("last_seen") and str(role["last_seen"]) > str(same.get("last_seen", "")):
                same["last_seen"], same["ref"] = role["last_seen"], role["ref"]
        for variant in entry.get("variants", ()):
            if variant not in current["variants"] and variant["form"] != current["name"]:
                current["variants"].append(variant)
    out = []
    for person in merged.values():
        if not person.get("gender"):
            guessed = genders.guess(person["name"], person.get("wikidata"))
            if guessed is None:
                continue
            person["gender"], person["gender_inferred"] = guessed, True
        countries = {r["office"].split(".")[0] for r in person["roles"]}
        if len(person["name"].split()) > 1 and "name_order" not in person:
            if countries & SURNAME_FIRST:
                person["name_order"] = "surname-first"
                if countries & SHORT_GIVEN_NAME:
                    person["short_forms"] = [{"form": person["name"].split()[-1]}]
            elif countries & EITHER_ORDER:
                person["name_order"] = "either"
        role_categories = {categories.get(r["office"], r["office"].split(".")[-1]) for r in person["roles"]}
        person.pop("minor", None)
        if not (role_categories & PROMINENT) and not person.pop("prominent", False):
            person["minor"] = True
        person.pop("prominent", None)
        person["roles"].sort(key=lambda r: (str(r["start"]), r["office"]))
        if not person["variants"]:
            del person["variants"]
        ordered = {k: person[k] for k in KEY_ORDER if k in person}
        ordered.update({k: v for k, v in person.items() if k not in ordered and k != "roles"})
        ordered["roles"] = person["roles"]
        out.append(ordered)
    return sorted(out, key=lambda p: p["id"])


def render(people: list[dict[str, Any]], sources: dict[str, Any], what: str) -> str:
    """The document as JSON, one person a line: it is read at start-up when the cache is cold, and JSON
    is read a hundred times faster than YAML. It is checked against the KB schema before it is written."""
    sys.path.insert(0, str(ROOT))
    from jsonschema import Draft202012Validator

    from lint.kb.schema import KB_SCHEMA

    document = {
        "description": f"Generated by tools/build_kb.py from {what}. Do not edit: add or correct facts in "
        "rules/kb/people/, which are merged with these by id.",
        "sources": sources,
        "people": people,
    }
    document = json.loads(json.dumps(document, default=str))
    errors = list(Draft202012Validator(KB_SCHEMA).iter_errors(document))
    if errors:
        raise SystemExit(f"build_kb.py: {what}: {errors[0].json_path}: {errors[0].message}")
    body = ",\n".join(json.dumps(p, ensure_ascii=False, separators=(",", ":")) for p in document["people"])
    head = json.dumps(
        {"description": document["description"], "sources": document["sources"]}, ensure_ascii=False, indent=1
    )
    return head[:-2] + ',\n "people": [\n' + body + "\n ]\n}\n"


class GenderGuesser:
    """A person's gender when the source does not give it: their Wikidata item's, else the gender of
    the people with the same first name whose sources give it, else gender-guesser's dictionary."""

    def __init__(self, by_item: dict[str, str], people: Iterable[dict[str, Any]]) -> None:
        self.by_item = by_item
        counts: dict[str, dict[str, int]] = defaultdict(lambda: {"m": 0, "f": 0})
        for person in people:
            if person.get("gender") in ("m", "f") and not person.get("gender_inferred"):
                counts[fold(person["name"].split()[0])][person["gender"]] += 1
        self.by_first_name = {
            name: ("m" if c["m"] > c["f"] else "f")
            for name, c in counts.items()
            if c["m"] + c["f"] >= 2 and min(c["m"], c["f"]) == 0
        }
        import gender_guesser.detector

        self.detector = gender_guesser.detector.Detector(case_sensitive=False)

    def guess(self, name: str, item: str | None = None) -> str | None:
        if item and item in self.by_item:
            return self.by_item[item]
        first = name.split()[0].strip(".")
        if len(first) < 2:
            return None
        if fold(first) in self.by_first_name:
            return self.by_first_name[fold(first)]
        answer = self.detector.get_gender(first.split("-")[0])
        if answer in ("unknown", "andy"):
            answer = self.detector.get_gender(fold(first.split("-")[0]))  # Leïla as Leila
        return {"male": "m", "female": "f"}.get(answer)


COMMON_ZIPF = 3.3  # about twice per million words


def common_words(top: int = 80_000) -> dict[str, list[str]]:
    """Frequent Italian and English words one edit from a surname in the KB: "Conti" is near Conte but is
    a word (and a common surname), so a lone "Conti" is not reported as a misspelling of Conte."""
    sys.path.insert(0, str(ROOT))
    from wordfreq import top_n_list, zipf_frequency

    from lint.kb import build, fold_name, kb_files

    kb, _ = build([(p, str(p)) for p in kb_files([KB])])
    surnames: set[str] = set()
    for person in kb.people.values():
        for form in (person.surname, *(v.form for v in person.variants if " " not in v.form)):
            folded = fold_name(form)
            if len(folded) >= 4:
                surnames.add(folded)
    deletions: dict[str, set[str]] = defaultdict(set)
    for surname in surnames:
        for variant in {surname} | {surname[:i] + surname[i + 1 :] for i in range(len(surname))}:
            deletions[variant].add(surname)
    out: dict[str, list[str]] = {}
    for lang in ("it", "en"):
        found = set()
        for word in top_n_list(lang, top):
            if len(word) < 4 or zipf_frequency(word, lang) < COMMON_ZIPF:
                continue
            folded = fold_name(word)
            near = set()
            for variant in {folded} | {folded[:i] + folded[i + 1 :] for i in range(len(folded))}:
                near |= deletions.get(variant, set())
            if near - {folded}:
                found.add(word)
        out[lang] = sorted(found)
    return out


def render_common(words: dict[str, list[str]]) -> str:
    document = {
        "description": "Generated by tools/build_kb.py from word frequencies (wordfreq): frequent words one letter "
        f"from a surname in the KB (Zipf frequency {COMMON_ZIPF} or more). Do not edit.",
        "common_words": words,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def _snapshot(path: Path | None, repo: str) -> Any:
    from kb_sources import Snapshot

    if path is None:
        return None
    if not path.exists():
        raise SystemExit(
            f"build_kb.py: {path}: no such snapshot of {repo}; give the git directory of a clone"
        )
    return Snapshot(path, repo)


def _sourced_genders(files: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """One entry per person whose gender a source gives: the hand-written KB and the generated files
    (the same person counted once, so that rebuilding one file or all of them gives the same counts)."""
    people: list[dict[str, Any]] = []
    for file in sorted((KB / "people").glob("*.yaml")):
        people.extend(yaml.safe_load(file.read_text(encoding="utf-8")).get("people") or ())
    for _file, entries in sorted(files.items()):
        people.extend(entries)
    unique: dict[str, dict[str, Any]] = {}
    for person in people:
        if person.get("gender") in ("m", "f") and not person.get("gender_inferred"):
            unique.setdefault(person["id"], person)
    return list(unique.values())


def _committed(name: str) -> list[dict[str, Any]]:
    path = OUT / name
    if not path.exists():
        return []
    return json.loads(path.read_text(encoding="utf-8"))["people"]


def _known_genders() -> dict[str, str]:
    """id -> gender of every person in the KB's other files (hand-written and generated)."""
    sys.path.insert(0, str(ROOT))
    from lint.kb import build, kb_files

    files = [(p, str(p)) for p in kb_files([KB]) if p.name != "eu-commission.json"]
    kb, _ = build(files, validate=False)
    return {p.id: p.gender for p in kb.people.values()}


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder holding kb/people"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if a generated file is out of date")
    parser.add_argument("--congress", type=Path, help="snapshot of unitedstates/congress-legislators")
    parser.add_argument(
        "--congress-house", type=Path, help="snapshot of human-vc/CongressGAT (Voteview House lists)"
    )
    parser.add_argument(
        "--congress-senate",
        type=Path,
        help="snapshot of smatveev17/IS417-Final-Project (Voteview Senate lists)",
    )
    parser.add_argument("--us-cabinet", type=Path, help="snapshot of every-politician-scrapers/us-cabinet")
    parser.add_argument(
        "--us-governors", type=Path, help="snapshot of every-politician-scrapers/us-governors"
    )
    parser.add_argument("--governors-history", type=Path, help="snapshot of jacobkap/governors")
    parser.add_argument("--fortune", type=Path, help="snapshot of riadlem/stablemap (Fortune 500)")
    parser.add_argument("--eu-commission", type=Path, help="snapshot of jfjelstul/ecio (Commissioners)")
    parser.add_argument(
        "--world", type=Path, help="snapshot of every-politician-scrapers/world (gender by item)"
    )
    parser.add_argument(
        "--cabinet",
        action="append",
        default=[],
        metavar="CODE=DIR[=REPO]",
        help="a country's cabinet: ISO code, snapshot of every-politician-scrapers/<country>-ministers (repeat)",
    )
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import kb_sources

    # Raw people of each file; a file whose snapshot is missing keeps its committed content.
    raw: dict[str, list[dict[str, Any]]] = {}
    sources: dict[str, dict[str, Any]] = {}
    descriptions: dict[str, str] = {}
    shared_people = build(args.shared)
    raw["people.json"] = list(shared_people.values())
    sources["people.json"] = SOURCES
    descriptions["people.json"] = "the public tables in ../shared/kb/people"
    congress = _snapshot(args.congress, "unitedstates/congress-legislators")
    if congress is not None:
        seen_ids: set[str] = set()
        raw["us-congress.json"], sources["us-congress.json"] = kb_sources.congress(congress, seen_ids)
        descriptions["us-congress.json"] = "a snapshot of unitedstates/congress-legislators"
        house = _snapshot(args.congress_house, "human-vc/CongressGAT")
        senate = _snapshot(args.congress_senate, "smatveev17/IS417-Final-Project")
        if house is not None and senate is not None:
            # Another member of that name is someone else; a minister of that name is the same person.
            taken = {p["id"] for p in raw["us-congress.json"]}
            departed, more = kb_sources.congress_departed(congress, house, senate, seen_ids, taken)
            raw["us-congress.json"] += departed
            sources["us-congress.json"] = {**sources["us-congress.json"], **more}
            descriptions["us-congress.json"] += " and Voteview's lists of the 111th and 112th Congresses"
    cabinet = _snapshot(args.us_cabinet, "every-politician-scrapers/us-cabinet")
    if cabinet is not None:
        raw["us-officials.json"], sources["us-officials.json"] = kb_sources.us_officials(
            cabinet,
            _snapshot(args.us_governors, "every-politician-scrapers/us-governors"),
            _snapshot(args.governors_history, "jacobkap/governors"),
        )
        descriptions["us-officials.json"] = (
            "snapshots of every-politician-scrapers/us-cabinet and us-governors, and jacobkap/governors"
        )
    if args.cabinet:
        snapshots = []
        for spec in args.cabinet:
            code, _, rest = spec.partition("=")
            path, _, repo = rest.partition("=")
            snapshots.append(
                (_snapshot(Path(path), repo or f"every-politician-scrapers/{Path(path).name}"), code)
            )
        raw["cabinets.json"], sources["cabinets.json"] = kb_sources.cabinets(snapshots)
        descriptions["cabinets.json"] = "snapshots of every-politician-scrapers' cabinet repositories"
    fortune = _snapshot(args.fortune, "riadlem/stablemap")
    if fortune is not None:
        raw["companies.json"], sources["companies.json"] = kb_sources.companies(fortune)
        descriptions["companies.json"] = "a snapshot of riadlem/stablemap (the Fortune 500 list)"
    ecio = _snapshot(args.eu_commission, "jfjelstul/ecio")
    if ecio is not None:
        raw["eu-commission.json"], sources["eu-commission.json"] = kb_sources.eu_commission(
            ecio, _known_genders()
        )
        descriptions["eu-commission.json"] = "a snapshot of jfjelstul/ecio (the European Commission)"

    # Genders: only what sources say feeds the first-name statistics; files not rebuilt count as committed.
    known = dict(raw)
    for name in (
        "us-congress.json",
        "us-officials.json",
        "cabinets.json",
        "companies.json",
        "eu-commission.json",
    ):
        known.setdefault(name, _committed(name))
    by_item: dict[str, str] = {}
    world = _snapshot(args.world, "every-politician-scrapers/world")
    if world is not None:
        for r in csv.DictReader(io.StringIO(world.show("html/bio.csv"))):
            gender = {"male": "m", "female": "f"}.get(r["gender"])
            if gender:
                by_item[r["id"]] = gender
    guesser = GenderGuesser(by_item, _sourced_genders(known))
    # people.yaml is rebuilt from the shared tables alone, so that --check can rebuild it anywhere.
    texts = {}
    for name, entries in raw.items():
        guess = guesser if name != "people.json" else GenderGuesser({}, _sourced_genders(known))
        texts[name] = render(finish_people(entries, guess), sources[name], descriptions[name])
    failed = False
    for name, text in texts.items():
        target = OUT / name
        if args.check:
            current = target.read_text(encoding="utf-8") if target.exists() else ""
            if current != text:
                print(
                    f"{target.relative_to(ROOT)} is out of date: run python tools/build_kb.py",
                    file=sys.stderr,
                )
                failed = True
            continue
        OUT.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        count = text.count('\n{"id":')
        print(f"wrote {target.relative_to(ROOT)}: {count} people")
    if args.check:
        return 1 if failed else 0
    words = common_words()
    (OUT / "common-words.json").write_text(render_common(words), encoding="utf-8")
    print(f"wrote rules/kb/generated/common-words.json: {sum(map(len, words.values()))} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
