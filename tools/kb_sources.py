"""Readers of the public repositories tools/build_kb.py builds the larger generated KB files from.

Each reader takes a snapshot of a repository (its git directory, as brought in with a plain clone or a
mirror) and returns people with their dated roles and the source entry that names the repository and
the commit read. Nothing here depends on where the snapshots live: the paths are arguments.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]


class Snapshot:
    """A repository read through git: files at HEAD, or at the commits that changed a file."""

    def __init__(self, git_dir: Path, repo: str) -> None:
        self.git_dir = Path(git_dir)
        self.repo = repo
        self.head = self._git("rev-parse", "HEAD").strip()
        self.date = self._git("log", "-1", "--format=%cs", "HEAD").strip()

    def _git(self, *args: str) -> str:
        out = subprocess.run(
            ["git", f"--git-dir={self.git_dir}", *args], capture_output=True, text=True, check=True
        )
        return out.stdout

    def show(self, path: str, commit: str | None = None) -> str:
        return self._git("show", f"{commit or self.head}:{path}")

    def exists(self, path: str, commit: str | None = None) -> bool:
        proc = subprocess.run(
            ["git", f"--git-dir={self.git_dir}", "cat-file", "-e", f"{commit or self.head}:{path}"],
            capture_output=True,
        )
        return proc.returncode == 0

    def versions(self, path: str) -> list[tuple[str, str]]:
        """(commit, date) of every commit that changed ``path``, oldest first."""
        out = self._git("log", "--format=%H %cs", "--", path)
        return [tuple(line.split()) for line in reversed(out.splitlines()) if line.strip()]  # type: ignore[misc]

    def source(self, title: str, path: str, licence: str) -> dict[str, str]:
        return {"title": title, "repo": self.repo, "path": path, "commit": self.head, "licence": licence}


def slug(name: str) -> str:
    folded = (
        unicodedata.normalize("NFKD", name.replace("'", "").replace("’", ""))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    out = "".join(c.lower() if c.isalnum() else "-" for c in folded.split("(")[0])
    return "-".join(p for p in out.split("-") if p)


def _monthly(versions: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The last version of each month: enough to see every member who served a month or more."""
    by_month: dict[str, tuple[str, str]] = {}
    for commit, date in versions:
        by_month[date[:7]] = (commit, date)
    return [by_month[m] for m in sorted(by_month)]


def _role(office: str, start: str, end: str | None, source: str, ref: str, **extra: Any) -> dict[str, Any]:
    role: dict[str, Any] = {"office": office, "start": start}
    if end:
        role["end"] = end
    role.update({k: v for k, v in extra.items() if v})
    role["source"] = source
    role["ref"] = ref
    return role


# -- US Congress -----------------------------------------------------------------------------------------

CONGRESS_LEADERS = {
    "Speaker of the House": "US.house_speaker",
    "House Majority Leader": "US.house_majority_leader",
    "House Minority Leader": "US.house_minority_leader",
    "House Majority Whip": "US.house_majority_whip",
    "House Minority Whip": "US.house_minority_whip",
    "Senate Majority Leader": "US.senate_majority_leader",
    "Senate Minority Leader": "US.senate_minority_leader",
    "Senate Majority Whip": "US.senate_majority_whip",
    "Senate Minority Whip": "US.senate_minority_whip",
    "President Pro Tempore of the Senate": "US.senate_president_pro_tempore",
}
CONGRESS_SINCE = "2009-01-03"  # the 111th Congress


def _end_after_last_sighting(end: str | None, seen: str, gone: str | None) -> str | None:
    """The end of a term as far as the snapshots tell: the scheduled end when the member was last seen
    before it and had gone by the next snapshot after it; the month of that snapshot when the member
    left early; none while the member is still in the file."""
    if not end or end <= seen:
        return end
    if gone is None:
        return None  # still serving at the last snapshot: the scheduled end is not a fact yet
    return end if end <= gone else gone[:7]


def _days(earlier: str, later: str) -> int:
    """Days from one date (YYYY-MM or YYYY-MM-DD) to another."""

    def day(text: str) -> dt.date:
        parts = [int(p) for p in text.split("-")] + [1, 1]
        return dt.date(parts[0], parts[1], parts[2])

    return (day(later) - day(earlier)).days


def _merge_terms(terms: list[tuple[str, str, str | None]]) -> list[tuple[str, str, str | None]]:
    """Consecutive terms in the same chamber as one role."""
    out: list[list[Any]] = []
    for office, start, end in sorted(terms, key=lambda t: t[1]):
        # A new Congress may be sworn in a few days after the last one ends (2015-01-03, 2015-01-06).
        if out and out[-1][0] == office and out[-1][2] is not None and _days(out[-1][2], start) <= 31:
            out[-1][2] = end if end is None or (out[-1][2] or "") < end else out[-1][2]
            continue
        out.append([office, start, end])
    return [tuple(t) for t in out]  # type: ignore[misc]


def congress(
    snapshot: Snapshot, seen_ids: set[str] | None = None
) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    """Every member of Congress seen in legislators-current.yaml, month by month since the file began
    (2012), whose terms reach into the 111th Congress or later, with their leadership roles. The bioguide
    ids read are added to ``seen_ids``."""
    path = "legislators-current.yaml"
    months = _monthly(snapshot.versions(path))
    latest: dict[str, dict[str, Any]] = {}
    last_seen: dict[str, str] = {}
    next_seen: dict[str, str] = {}
    previous_ids: set[str] = set()
    for commit, date in months:
        ids = set()
        for member in yaml.load(snapshot.show(path, commit), Loader=SafeLoader):
            bioguide = member["id"].get("bioguide") or str(member["id"].get("govtrack") or "")
            if not bioguide:
                continue
            ids.add(bioguide)
            latest[bioguide] = member
            last_seen[bioguide] = date
        for gone in previous_ids - ids:
            next_seen[gone] = date  # the first snapshot after the member's last one so far
        for back in ids:
            next_seen.pop(back, None)
        previous_ids = ids
    if seen_ids is not None:
        seen_ids.update(latest)
    source_id = "congress-legislators"
    people = []
    for bioguide, member in latest.items():
        name = member["name"]
        first = name.get("nickname") or name["first"]
        display = f"{first} {name['last']}"
        gender = {"M": "m", "F": "f"}.get(member.get("bio", {}).get("gender", ""))
        if not gender:
            continue
        seen = last_seen[bioguide]
        gone = next_seen.get(bioguide)
        terms = []
        for term in member.get("terms", ()):
            office = {"rep": "US.representative", "sen": "US.senator"}.get(term["type"])
            end = term.get("end")
            if not office or (end and end < CONGRESS_SINCE):
                continue
            end = _end_after_last_sighting(end, seen, gone)
            terms.append((office, term["start"], end))
        if not terms:
            continue
        roles = []
        ref = f"{path} ({bioguide})"
        for office, start, end in _merge_terms(terms):
            if end and end < start[: len(end)]:
                continue
            roles.append(_role(office, start, end, source_id, ref, last_seen=None if end else seen))
        prominent = False
        for lead in member.get("leadership_roles", ()):
            office = CONGRESS_LEADERS.get(lead["title"])
            end = lead.get("end")
            if not office or (end and end < CONGRESS_SINCE):
                continue
            # A leadership post the file leaves open ends when its holder left Congress.
            end = _end_after_last_sighting(end, seen, gone) if end else (gone[:7] if gone else None)
            if end and end < lead["start"][: len(end)]:
                continue
            prominent = True
            roles.append(_role(office, lead["start"], end, source_id, ref, last_seen=None if end else seen))
        variants = []
        for form in {
            name.get("official_full"),
            f"{name['first']} {name['last']}",
            f"{name['first']} {name['middle']} {name['last']}" if name.get("middle") else None,
        } - {None, display}:
            variants.append({"form": form, "source": source_id})
        person: dict[str, Any] = {"id": slug(display), "name": display, "gender": gender}
        if member["id"].get("wikidata"):
            person["wikidata"] = member["id"]["wikidata"]
        if name["last"] not in display.split()[-1:] or " " in name["last"]:
            person["surname"] = name["last"]
        if variants:
            person["variants"] = sorted(variants, key=lambda v: v["form"])
        if not prominent:
            person["minor"] = True
        person["roles"] = roles
        people.append(person)
    sources = {
        source_id: snapshot.source(
            "Members of the US Congress and their leadership roles (unitedstates/congress-legislators), "
            "read month by month",
            path,
            "CC0-1.0",
        )
    }
    # Presidents and vice presidents.
    executive = yaml.load(snapshot.show("executive.yaml"), Loader=SafeLoader)
    for member in executive:
        name = member["name"]
        display = f"{name.get('nickname') or name['first']} {name['last']}"
        roles = []
        for term in member.get("terms", ()):
            if term.get("end") and term["end"] < "1993-01-20":
                continue
            if term["type"] == "viceprez":
                roles.append(
                    _role("US.vice_president", term["start"], term.get("end"), source_id, "executive.yaml")
                )
        if roles:
            gender = {"M": "m", "F": "f"}.get(member.get("bio", {}).get("gender", ""), "m")
            people.append({"id": slug(display), "name": display, "gender": gender, "roles": roles})
    return people, sources


# The members of the 111th and 112th Congresses who had left before legislators-current.yaml began
# (September 2012): Voteview's member lists per Congress, and their names and gender from the
# legislators-historical.csv the repository publishes (its YAML is too large for the snapshots read here).
CONGRESS_YEARS = {111: ("2009", "2010"), 112: ("2011", "2012")}  # the years each Congress sat


def congress_departed(
    snapshot: Snapshot, house: Snapshot, senate: Snapshot, seen: set[str], taken: set[str]
) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    """Members of the 111th or 112th Congress not in ``seen`` (the bioguide ids read month by month), with
    a term in each chamber given to the year: the lists say in which Congress, not on which days. A
    person whose id is in ``taken`` (other members read) gets the bioguide id added to it."""
    historical = {
        r["bioguide_id"]: r
        for r in csv.DictReader(io.StringIO(snapshot.show("legislators-historical.csv", "gh-pages")))
    }
    lists = [(house, "voteview-house", f"data/H{n}_members.csv", "House", n) for n in CONGRESS_YEARS] + [
        (senate, "voteview-senate", f"S{n}_members.csv", "Senate", n) for n in CONGRESS_YEARS
    ]
    served: dict[tuple[str, str], list[tuple[int, bool, str, str]]] = defaultdict(list)
    died: dict[str, str] = {}
    for source, source_id, path, chamber, number in lists:
        for r in csv.DictReader(io.StringIO(source.show(path))):
            bioguide = r["bioguide_id"]
            if r["chamber"] != chamber or not bioguide or bioguide in seen or bioguide not in historical:
                continue
            office = "US.representative" if chamber == "House" else "US.senator"
            # No roll call voted: gone (or absent) early in that Congress, so its first year only
            # (Hillary Clinton, January 2009; Ted Kennedy, who died in August 2009).
            voted = bool(float(r.get("nominate_number_of_votes") or 0))
            served[(bioguide, office)].append((number, voted, f"{path} ({bioguide})", source_id))
            if r.get("died"):
                died[bioguide] = r["died"][:4]
    people: dict[str, dict[str, Any]] = {}
    for (bioguide, office), congresses in sorted(served.items()):
        h = historical[bioguide]
        gender = {"M": "m", "F": "f"}.get(h["gender"])
        if not gender:
            continue
        display = f"{h['nickname'] or h['first_name']} {h['last_name']}"
        pid = slug(display)
        if pid in taken:  # another person of that name (Donald Payne and his son): keep them apart
            pid = f"{pid}-{bioguide.lower()}"
        person = people.setdefault(
            bioguide, {"id": pid, "name": display, "gender": gender, "minor": True, "roles": []}
        )
        full = h.get("full_name") or f"{h['first_name']} {h['last_name']}"
        if full != display and "variants" not in person:
            person["variants"] = [{"form": full, "source": "congress-legislators-historical"}]
        if " " in h["last_name"]:
            person["surname"] = h["last_name"]
        congresses.sort()
        first, last = congresses[0][0], congresses[-1]
        start, end = CONGRESS_YEARS[first][0], CONGRESS_YEARS[last[0]][1 if last[1] else 0]
        if died.get(bioguide) and died[bioguide] < end:
            end = died[bioguide]
        _, _, ref, source_id = last
        person["roles"].append(_role(office, start, end, source_id, ref))
    title = "Voteview (Lewis, Poole, Rosenthal et al.): members of the {} in the 111th and 112th Congresses"
    sources = {
        "voteview-house": house.source(title.format("House"), "data/H111_members.csv", "see repository"),
        "voteview-senate": senate.source(title.format("Senate"), "S111_members.csv", "see repository"),
        "congress-legislators-historical": {
            "title": "Former members of the US Congress: names and gender (unitedstates/congress-legislators)",
            "repo": snapshot.repo,
            "path": "legislators-historical.csv",
            "commit": snapshot._git("rev-parse", "gh-pages").strip(),
            "licence": "CC0-1.0",
        },
    }
    return list(people.values()), sources


# -- US executive: the cabinet, the Supreme Court, the Fed, governors -------------------------------------

US_POSTS = {
    "supreme-court-justice": ("US.supreme_court_justice", None),
    "fed-chair": ("US.fed_chair", None),
    "fbi-director": ("US.fbi_director", None),
    "joint-chiefs-chair": ("US.joint_chiefs_chair", None),
    "wh-cos-enwiki": ("US.white_house_chief_of_staff", None),
    "un-representative": ("US.un_ambassador", None),
    "omb": ("US.minister", "Director of the Office of Management and Budget"),
    "deputy-attorney-general": ("US.deputy_minister", "Deputy Attorney General"),
    "state-deputy": ("US.deputy_minister", "Deputy Secretary of State"),
    "treasury-deputy": ("US.deputy_minister", "Deputy Secretary of the Treasury"),
    "defence-deputy": ("US.deputy_minister", "Deputy Secretary of Defense"),
    "homeland-deputy": ("US.deputy_minister", "Deputy Secretary of Homeland Security"),
    "navy-secretary": ("US.minister", "Secretary of the Navy"),
    "air-force": ("US.minister", "Secretary of the Air Force"),
    "education-enwiki": ("US.minister", "Secretary of Education"),
    "agriculture-deputy": ("US.deputy_minister", "Deputy Secretary of Agriculture"),
    "commerce-deputy": ("US.deputy_minister", "Deputy Secretary of Commerce"),
    "education-deputy": ("US.deputy_minister", "Deputy Secretary of Education"),
    "energy-deputy": ("US.deputy_minister", "Deputy Secretary of Energy"),
    "health-deputy": ("US.deputy_minister", "Deputy Secretary of Health and Human Services"),
    "hud-deputy": ("US.deputy_minister", "Deputy Secretary of Housing and Urban Development"),
    "interior-deputy": ("US.deputy_minister", "Deputy Secretary of the Interior"),
    "labor-dep": ("US.deputy_minister", "Deputy Secretary of Labor"),
    "transportation-deputy": ("US.deputy_minister", "Deputy Secretary of Transportation"),
    "veterans-deputy": ("US.deputy_minister", "Deputy Secretary of Veterans Affairs"),
    "counsellor": ("US.white_house_official", "Counselor to the President"),
    "economic-advisers-chair": ("US.white_house_official", "Chair of the Council of Economic Advisers"),
    "vp-cos-enwiki": ("US.white_house_official", "Chief of Staff to the Vice President"),
    "wh-cabinet-secretary": ("US.white_house_official", "White House Cabinet Secretary"),
    "wh-communications-director": ("US.white_house_official", "White House Communications Director"),
}
US_CABINET_LABELS = {
    "United States Secretary of State": "US.foreign_minister",
    "United States Secretary of Defense": "US.defence_minister",
    "United States Secretary of the Treasury": "US.finance_minister",
    "United States Attorney General": "US.justice_minister",
    "Vice President of the United States": "US.vice_president",
    "White House Chief of Staff": "US.white_house_chief_of_staff",
    "United States Ambassador to the United Nations": "US.un_ambassador",
}


def _gender_from(code: str | None) -> str | None:
    return {"male": "m", "female": "f", "M": "m", "F": "f"}.get(code or "")


def us_officials(
    cabinet: Snapshot, governors: Snapshot | None, history: Snapshot | None
) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    people: list[dict[str, Any]] = []
    sources = {
        "us-cabinet": cabinet.source(
            "US cabinet, Supreme Court and other federal posts, Wikidata P39 (every-politician-scrapers/us-cabinet)",
            "sources/wpoffice/*/wikidata.csv, wikidata/results/current-cabinet.csv",
            "CC0-1.0 (Wikidata)",
        )
    }
    for folder, (office, title) in US_POSTS.items():
        path = f"sources/wpoffice/{folder}/wikidata.csv"
        if not cabinet.exists(path):
            continue
        for r in csv.DictReader(io.StringIO(cabinet.show(path))):
            end = r.get("endDate") or None
            if not r.get("startDate") or (end and end < "2009-01-01") or r["itemLabel"].startswith("Q"):
                continue
            people.append(
                {
                    "id": slug(r["itemLabel"]),
                    "name": r["itemLabel"],
                    "wikidata": r["item"],
                    "roles": [
                        _role(
                            office,
                            r["startDate"][:10],
                            end[:10] if end else None,
                            "us-cabinet",
                            path,
                            title_en=title,
                            last_seen=None if end else cabinet.date,
                        )
                    ],
                }
            )
    path = "wikidata/results/current-cabinet.csv"
    for commit, date in cabinet.versions(path):
        for r in csv.DictReader(io.StringIO(cabinet.show(path, commit))):
            label = r["positionLabel"]
            office = US_CABINET_LABELS.get(label)
            title = None
            if office is None:
                office, title = "US.minister", label.replace("United States ", "")
            if not r.get("start") or r["itemLabel"].startswith("Q"):
                continue
            people.append(
                {
                    "id": slug(r["itemLabel"]),
                    "name": r["itemLabel"],
                    "wikidata": r["item"],
                    "roles": [
                        _role(
                            office, r["start"][:10], None, "us-cabinet", path, title_en=title, last_seen=date
                        )
                    ],
                }
            )
    if history is not None:
        sources["us-governors-history"] = history.source(
            "Governors of every US state 1775-2020, from the National Governors Association (jacobkap/governors)",
            "data/united_states_governors_1775_2020.csv",
            "ODbL-1.0",
        )
        path = "data/united_states_governors_1775_2020.csv"
        spans: dict[tuple[str, str], list[int]] = defaultdict(list)
        for r in csv.DictReader(io.StringIO(history.show(path))):
            spans[(r["governor"], r["state"])].append(int(r["year"]))
        for (name, state), years in spans.items():
            last = max(years)
            if last < 2009 or not name.strip():
                continue
            people.append(
                {
                    "id": slug(name),
                    "name": name,
                    "roles": [
                        _role(
                            "US.governor",
                            str(min(years)),
                            str(last) if last < 2020 else None,
                            "us-governors-history",
                            f"{path}: {state}",
                            title_en=f"Governor of {state}",
                            last_seen="2020" if last >= 2020 else None,
                        )
                    ],
                }
            )
    if governors is not None:
        sources["us-governors"] = governors.source(
            "Serving US governors with gender, Wikidata and the National Governors Association "
            "(every-politician-scrapers/us-governors)",
            "data/wikidata.csv",
            "CC0-1.0 (Wikidata)",
        )
        path = "data/wikidata.csv"
        for commit, date in governors.versions(path)[-1:]:
            for r in csv.DictReader(io.StringIO(governors.show(path, commit))):
                people.append(
                    {
                        "id": slug(r["name"]),
                        "name": r["name"],
                        "gender": _gender_from(r.get("gender")),
                        "wikidata": r["item"],
                        "roles": [
                            _role(
                                "US.governor",
                                date,
                                None,
                                "us-governors",
                                f"{path}: {r['state']}",
                                title_en=f"Governor of {r['state']}",
                                last_seen=date,
                                note="seen in office on this date; the start is not in this source",
                            )
                        ],
                    }
                )
    for person in people:
        person["minor"] = True
    return people, sources


# -- cabinets of other countries ------------------------------------------------------------------------

CABINET_CATEGORIES = (
    ("deputy prime minister", "deputy_head_of_government"),
    ("vice premier", "deputy_head_of_government"),
    ("prime minister", "head_of_government"),
    ("premier of", "head_of_government"),
    ("chancellor of germany", "head_of_government"),
    ("foreign", "foreign_minister"),
    ("external affairs", "foreign_minister"),
    ("defence", "defence_minister"),
    ("defense", "defence_minister"),
    ("finance", "finance_minister"),
    ("treasurer", "finance_minister"),
    ("interior", "interior_minister"),
    ("internal affairs", "interior_minister"),
    ("home affairs", "interior_minister"),
    ("justice", "justice_minister"),
)


def cabinet_category(label: str) -> str | None:
    lowered = label.casefold()
    if "deputy" in lowered and "prime minister" not in lowered:
        return None
    if (
        "minister" not in lowered
        and "premier" not in lowered
        and "chancellor" not in lowered
        and "treasurer" not in lowered
    ):
        return None
    for words, category in CABINET_CATEGORIES:
        if words in lowered:
            return category
    return "minister"


# The lists of an office's holders some cabinet repositories keep (sources/<folder>/wikidata.csv), by the
# folder's name once its wiki suffix ("-enwiki") and the word "minister" are taken off.
HOLDER_LISTS = {
    "pm": "head_of_government",
    "prime-minister": "head_of_government",
    "president": "head_of_state",
    "foreign": "foreign_minister",
    "defence": "defence_minister",
    "defense": "defence_minister",
    "finance": "finance_minister",
    "interior": "interior_minister",
    "internal": "interior_minister",
    "home-affairs": "interior_minister",
    "justice": "justice_minister",
    "central-bank": "central_bank_governor",
    "central-bank-governor": "central_bank_governor",
    "central-bank-president": "central_bank_governor",
    "bank-governor": "central_bank_governor",
    "national-bank": "central_bank_governor",
}
HOLDERS_SINCE = "2010-01-01"


def holder_list_category(path: str) -> str | None:
    """The office category of a list of holders, from its folder: ``sources/wpoffice/foreign-enwiki``."""
    parts = path.split("/")
    if len(parts) < 3 or parts[0] != "sources" or parts[-1] != "wikidata.csv":
        return None
    stem = re.sub(r"-[a-z]{2,3}wiki$", "", parts[-2].lower())
    return HOLDER_LISTS.get(stem) or HOLDER_LISTS.get(re.sub(r"^minister-|-ministers?$", "", stem))


def _latin(name: str) -> bool:
    """Written in the Latin script (lists read from another language's wiki label people in its script)."""
    return all(unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha())


def office_holders(snapshot: Snapshot, code: str) -> tuple[list[dict[str, Any]], dict[str, str] | None]:
    """The holders since 2010 of a country's head of state or government, main ministries and central
    bank, from the dated lists of holders (Wikidata P39) its cabinet repository keeps beside the current
    cabinet."""
    files = [f for f in snapshot._git("ls-tree", "-r", "--name-only", snapshot.head, "sources").split()]
    lists = [(f, holder_list_category(f)) for f in files]
    lists = [(f, c) for f, c in lists if c]
    if not lists:
        return [], None
    source_id = f"holders-{code.lower()}"
    people: list[dict[str, Any]] = []
    for path, category in lists:
        seen = snapshot.versions(path)[-1][1]
        for r in csv.DictReader(io.StringIO(snapshot.show(path))):
            label, start = r.get("itemLabel") or "", (r.get("startDate") or "")[:10]
            end = (r.get("endDate") or "")[:10] or None
            if not start or not label or re.fullmatch(r"Q\d+", label) or not _latin(label):
                continue
            if (end and (end < HOLDERS_SINCE or end < start)) or len(label.split()) < 2:
                continue
            person: dict[str, Any] = {"id": slug(label), "name": label, "wikidata": r.get("item")}
            # "Joseph Wu (Wu Jaushieh)": the name the press uses, then the one written surname first.
            both = re.fullmatch(r"(.+?)\s*\(([^)]+)\)", label)
            if both:
                person["name"], person["name_order"] = both.group(1), "either"
                person["variants"] = [{"form": both.group(2), "source": source_id}]
            people.append(
                {
                    **person,
                    "roles": [
                        _role(
                            f"{code}.{category}",
                            start,
                            end,
                            source_id,
                            path,
                            last_seen=None if end else (r.get("sourceDate") or seen),
                        )
                    ],
                }
            )
    source = snapshot.source(
        f"Holders of the head of state or government and main ministries of {code}, Wikidata P39 ({snapshot.repo})",
        ", ".join(sorted({f.rsplit("/", 1)[0] for f, _ in lists})) + " (wikidata.csv)",
        "CC0-1.0 (Wikidata)",
    )
    return people, source


def cabinets(
    snapshots: Iterable[tuple[Snapshot, str]],
) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    """Members of each country's cabinet in every version of its current-cabinet table (2021-2022), and
    the holders since 2010 of its main offices where the repository lists them."""
    people: list[dict[str, Any]] = []
    sources: dict[str, dict[str, str]] = {}
    path = "wikidata/results/current-cabinet.csv"
    for snapshot, code in snapshots:
        holders, holders_source = office_holders(snapshot, code)
        if holders_source is not None:
            people.extend(holders)
            sources[f"holders-{code.lower()}"] = holders_source
        if not snapshot.exists(path):
            continue
        source_id = f"cabinet-{code.lower()}"
        sources[source_id] = snapshot.source(
            f"Cabinet of {code}, Wikidata P39, every version of the current cabinet ({snapshot.repo})",
            path,
            "CC0-1.0 (Wikidata)",
        )
        for commit, date in snapshot.versions(path):
            for r in csv.DictReader(io.StringIO(snapshot.show(path, commit))):
                label = r.get("positionLabel") or ""
                category = cabinet_category(label)
                if category is None or not r.get("start") or r["itemLabel"].startswith("Q"):
                    continue
                title = re.sub(r"\s*\([^)]*\)$", "", label) if category == "minister" else None
                people.append(
                    {
                        "id": slug(r["itemLabel"]),
                        "name": r["itemLabel"],
                        "wikidata": r["item"],
                        "minor": category == "minister",
                        "roles": [
                            _role(
                                f"{code}.{category}",
                                r["start"][:10],
                                None,
                                source_id,
                                f"{path}@{commit[:12]}: {label}",
                                title_en=title,
                                last_seen=date,
                            )
                        ],
                    }
                )
    return people, sources


# -- European Commission --------------------------------------------------------------------------------

ECIO_POSITIONS = {
    "President": "EU.commission_president",
    "First Vice-President": "EU.commission_vice_president",
    "Executive Vice President": "EU.commission_vice_president",
    "Vice-President": "EU.commission_vice_president",
    "Vice President": "EU.commission_vice_president",
    "Commissioner": "EU.commissioner",
}
# Misspellings in the source's names, and the names as the Commission writes them.
ECIO_NAMES = {
    "Jean-Claude Junker": "Jean-Claude Juncker",
    "Frederica Mogherini": "Federica Mogherini",
    "Marcoš Šefčovič": "Maroš Šefčovič",
    "Vladimier Špidla": "Vladimír Špidla",
    "Pawel Samecki": "Paweł Samecki",
}
ECIO_COMMISSIONS = {"Junker": "Juncker"}
ECIO_SINCE = "2010-02-09"  # the Barroso II Commission: earlier Commissions only for people known otherwise
ECIO_UNTIL = "2019-11-30"  # the source stops during the von der Leyen Commission (its rows end in 2020)


def eu_commission(
    snapshot: Snapshot, known: dict[str, str]
) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    """The President, Vice-Presidents and Commissioners of the Barroso II and Juncker Commissions, with
    each portfolio and its dates, from the ecio data set; the posts of earlier Commissions for people the
    KB knows from elsewhere (``known``: id -> gender), so that a former Commissioner is one."""
    path = "data-raw/portfolios_raw.csv"
    rows = list(csv.DictReader(io.StringIO(snapshot.show(path))))
    by_id: dict[str, dict[str, Any]] = {}
    recent = set()
    for r in rows:
        name = f"{r['first_name']} {r['last_name']}"
        name = ECIO_NAMES.get(name, name)
        if r["start_date"] >= ECIO_SINCE and r["end_date"] <= ECIO_UNTIL:
            recent.add(slug(name))
    for r in rows:
        office = ECIO_POSITIONS.get(r["position"])
        name = ECIO_NAMES.get(f"{r['first_name']} {r['last_name']}", f"{r['first_name']} {r['last_name']}")
        pid = slug(name)
        if office is None or r["end_date"] > ECIO_UNTIL or (pid not in recent and pid not in known):
            continue
        person = by_id.setdefault(pid, {"id": pid, "name": name, "roles": []})
        if known.get(pid):
            person["gender"] = known[pid]
        if " " in r["last_name"] and name.endswith(r["last_name"]):  # "De Gucht", "Arias Cañete"
            person["surname"] = r["last_name"]
        commission = ECIO_COMMISSIONS.get(r["commission"], r["commission"])
        portfolio = r["portfolio"].replace("Compeition", "Competition")
        ref = f"{path}: {commission} Commission, {r['position']}: {portfolio}"
        person["roles"].append(_role(office, r["start_date"], r["end_date"], "ecio", ref))
    sources = {
        "ecio": snapshot.source(
            "The European Commission Institutional Organization (ecio) data set: Commissioners and their "
            "portfolios, 1958-2021 (jfjelstul/ecio)",
            path,
            "MIT",
        )
    }
    return list(by_id.values()), sources


# -- companies ------------------------------------------------------------------------------------------


def companies(snapshot: Snapshot, top: int = 100) -> tuple[list[dict[str, Any]], dict[str, dict[str, str]]]:
    """The chief executives of the largest US companies by revenue (Fortune 500), as the list gives them."""
    path = "data/fortune500Raw.ts"
    year = "2025"  # the list the file holds (Fortune 500, 2025), in which the chief executives were seen
    text = snapshot.show(path)
    table = text[text.index("`") + 1 : text.rindex("`")]
    people = []
    for r in itertools_islice(csv.DictReader(io.StringIO(table)), top):
        ceo = (r.get("CEO") or "").strip()
        if not ceo or len(ceo.split()) < 2:
            continue
        people.append(
            {
                "id": slug(ceo),
                "name": ceo,
                "minor": True,
                "roles": [
                    _role(
                        "CORP.ceo",
                        year,
                        None,
                        "fortune-500",
                        f"{path}: {r['Rank']}. {r['Company']}",
                        title_en=f"CEO of {r['Company']}",
                        title_it=f"amministratore delegato di {r['Company']}",
                        last_seen=year,
                        note="seen in office in the list's year; the start is not in this source",
                    )
                ],
            }
        )
    sources = {
        "fortune-500": snapshot.source(
            "Fortune 500 companies with their chief executives, 2025 list (riadlem/stablemap)",
            path,
            "see repository",
        )
    }
    return people, sources


def itertools_islice(rows: Iterator[dict[str, str]], n: int) -> Iterator[dict[str, str]]:
    for i, row in enumerate(rows):
        if i >= n:
            return
        yield row


def today() -> str:
    return dt.date.today().isoformat()
