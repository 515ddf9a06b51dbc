"""Build refuso's generated knowledge-base files from the public reference tables.

Reads the tables in ``../shared/kb/people/`` (see ``../shared/kb/README.md`` for their sources and
licences) in place, and writes ``rules/kb/generated/*.yaml``: people and their dated roles, each fact
citing the table, repository and commit it comes from. Only countries listed in
``rules/kb/countries.yaml`` and roles from 2015 on are kept. Run it again to rebuild; hand-written
facts live in ``rules/kb/people/`` and are merged with these by ``id`` when the KB loads.

    python tools/build_kb.py [--shared ../shared] [--check]

``--check`` rebuilds in memory and exits 1 if the committed files differ (for CI or review).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
KB = ROOT / "rules" / "kb"
OUT = KB / "generated"
SINCE = "2015-01-01"

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
            key, {"id": key, "name": name, "gender": gender or "m", "roles": [], "variants": []}
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
    ) -> None:
        if not start or (end and end < SINCE):
            return
        role: dict[str, Any] = {"office": office, "start": start}
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
    codes = {spec["en"]["name"]: code for code, spec in data["countries"].items()}
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
        if not category or (r["end_date"] and r["end_date"] < SINCE):
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
        people.role(
            entry,
            f"GB.{category}",
            r["start_date"],
            r["end_date"] or None,
            "ifg",
            f"uk_ifg_ministerial_appointments.csv: {r['post']}",
            seen="2026-06-12",
        )

    for r in csv.DictReader((tables / "us_pocom_principal_officers.csv").open(encoding="utf-8")):
        office = POCOM_POSTS.get(r["position_id"])
        if not office:
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


def render(people: dict[str, dict[str, Any]]) -> str:
    kept = sorted((p for p in people.values() if p["roles"]), key=lambda p: p["id"])
    for p in kept:
        if not p["variants"]:
            del p["variants"]
        p["roles"].sort(key=lambda r: (str(r["start"]), r["office"]))
    document = {
        "description": "Generated by tools/build_kb.py from the public tables in ../shared/kb/people. Do not edit: "
        "add or correct facts in rules/kb/people/, which are merged with these by id.",
        "sources": SOURCES,
        "people": kept,
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)


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
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=ROOT.parent / "shared", help="the shared folder holding kb/people"
    )
    parser.add_argument("--check", action="store_true", help="exit 1 if the generated file is out of date")
    args = parser.parse_args()
    text = render(build(args.shared))
    target = OUT / "people.yaml"
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print(f"{target.relative_to(ROOT)} is out of date: run python tools/build_kb.py", file=sys.stderr)
            return 1
        return 0
    OUT.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}: {text.count(chr(10) + '- id: ')} people")
    words = common_words()
    (OUT / "common-words.yaml").write_text(render_common(words), encoding="utf-8")
    print(f"wrote rules/kb/generated/common-words.yaml: {sum(map(len, words.values()))} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
