"""tools/build_kb.py's readers of repository snapshots, on a small repository made by the test."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

TOOLS = Path(__file__).resolve().parent.parent / "tools"
sys.path.insert(0, str(TOOLS))

import kb_sources  # noqa: E402

MEMBER = """\
- id: {{bioguide: {id}, wikidata: Q{n}}}
  name: {{first: {first}, last: {last}}}
  bio: {{gender: {gender}}}
  terms:
  - {{type: rep, start: '2019-01-03', end: '2021-01-03', state: OH}}
  - {{type: rep, start: '2021-01-03', end: '2023-01-03', state: OH}}
"""
LEADER = """\
  leadership_roles:
  - {title: Speaker of the House, chamber: house, start: '2021-06-01'}
"""


def git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
    }
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{date}T12:00:00"
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def congress_repo(tmp_path: Path) -> Path:
    repo = tmp_path / "congress"
    repo.mkdir()
    git(repo, "init", "-q")
    (repo / "executive.yaml").write_text("[]\n")
    ada = MEMBER.format(id="A1", n=1, first="Ada", last="Rossi", gender="F") + LEADER
    bob = MEMBER.format(id="B1", n=2, first="Bob", last="Bianchi", gender="M")
    whip = "  leadership_roles:\n  - {title: House Majority Whip, chamber: house, start: '2021-01-03'}\n"
    cy = MEMBER.format(id="C1", n=3, first="Cy", last="Verdi", gender="M") + whip
    # All serve in 2021; Bob and Cy are gone by 2022, before their terms were due to end.
    for date, text in (("2021-07-01", ada + bob + cy), ("2022-03-01", ada)):
        (repo / "legislators-current.yaml").write_text(textwrap.dedent(text))
        git(repo, "add", "-A")
        git(repo, "commit", "-q", "-m", "data", date=date)
    return repo / ".git"


def test_congress_members_get_terms_leadership_and_prominence(congress_repo: Path):
    people, sources = kb_sources.congress(kb_sources.Snapshot(congress_repo, "example/congress"))
    by_id = {p["id"]: p for p in people}
    ada, bob = by_id["ada-rossi"], by_id["bob-bianchi"]
    assert ada["gender"] == "f" and "minor" not in ada  # a Speaker is named by surname alone
    assert bob["minor"] is True
    offices = [(r["office"], r["start"], r.get("end"), r.get("last_seen")) for r in ada["roles"]]
    # Consecutive terms make one role, still held at the last snapshot (no scheduled end as a fact).
    assert ("US.representative", "2019-01-03", None, "2022-03-01") in offices
    assert ("US.house_speaker", "2021-06-01", None, "2022-03-01") in offices
    # Bob left between the snapshots: his role ends in the month of the first one without him.
    assert [(r["start"], r.get("end")) for r in bob["roles"]] == [("2019-01-03", "2022-03")]
    # A leadership post the file leaves open ends when its holder has left Congress.
    whip = [r for r in by_id["cy-verdi"]["roles"] if r["office"] == "US.house_majority_whip"]
    assert [(r["start"], r.get("end"), r.get("last_seen")) for r in whip] == [("2021-01-03", "2022-03", None)]
    assert sources["congress-legislators"]["repo"] == "example/congress"
    assert len(sources["congress-legislators"]["commit"]) == 40


@pytest.mark.parametrize(
    ("end", "seen", "gone", "expected"),
    [
        ("2021-01-03", "2022-01-01", None, "2021-01-03"),  # ended before the last sighting
        ("2023-01-03", "2022-01-01", None, None),  # still serving
        ("2023-01-03", "2022-01-01", "2022-02-01", "2022-02"),  # left early
        ("2023-01-03", "2022-12-20", "2023-01-10", "2023-01-03"),  # left when the term ended
    ],
)
def test_the_end_of_a_term_is_what_the_snapshots_show(end, seen, gone, expected):
    assert kb_sources._end_after_last_sighting(end, seen, gone) == expected


@pytest.mark.parametrize(
    ("label", "category"),
    [
        ("Minister of Foreign Affairs", "foreign_minister"),
        ("Deputy Prime Minister of Spain", "deputy_head_of_government"),
        ("Prime Minister of Japan", "head_of_government"),
        ("Minister of Culture (France)", "minister"),
        ("Deputy Minister of Finance", None),
        ("Attorney General", None),
    ],
)
def test_cabinet_posts_get_office_categories(label, category):
    assert kb_sources.cabinet_category(label) == category


@pytest.mark.parametrize(
    ("path", "category"),
    [
        ("sources/wpoffice/foreign-enwiki/wikidata.csv", "foreign_minister"),
        ("sources/pm-enwiki/wikidata.csv", "head_of_government"),
        ("sources/wpoffice/prime-minister-enwiki/wikidata.csv", "head_of_government"),
        ("sources/minister-defence/wikidata.csv", "defence_minister"),
        ("sources/wpoffice/interior-minister/wikidata.csv", "interior_minister"),
        ("sources/wpoffice/bank-governor/wikidata.csv", "central_bank_governor"),
        ("sources/central-bank-eswiki/wikidata.csv", "central_bank_governor"),
        ("sources/chief-justice/wikidata.csv", None),
        ("sources/assembly-president/wikidata.csv", None),
        ("sources/official/wikidata.csv", None),
    ],
)
def test_lists_of_holders_get_office_categories(path, category):
    assert kb_sources.holder_list_category(path) == category


def test_holders_since_2010_are_read_from_the_lists_beside_a_cabinet(tmp_path: Path):
    repo = tmp_path / "ministers"
    folder = repo / "sources" / "wpoffice" / "foreign-enwiki"
    folder.mkdir(parents=True)
    git(repo, "init", "-q")
    (folder / "wikidata.csv").write_text(
        "item,itemLabel,startDate,endDate,psid\n"
        "Q1,Ada Rossi,2001-05-01,2008-02-01,x\n"  # before 2010: left out
        "Q2,Bice Verdi,2009-03-01,2014-06-30,x\n"
        "Q3,Чеслав Новак,2014-07-01,2016-01-01,x\n"  # not in the Latin script: left out
        "Q4,Carla Neri,2016-01-02,,x\n"
        "Q5,Dino Wu (Wu Dino),2018-01-01,2019-01-01,x\n"
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "data", date="2022-05-01")
    people, source = kb_sources.office_holders(kb_sources.Snapshot(repo / ".git", "example/ministers"), "XX")
    roles = {p["name"]: p["roles"][0] for p in people}
    assert sorted(roles) == ["Bice Verdi", "Carla Neri", "Dino Wu"]
    # A name given with its surname-first form in brackets is both.
    dino = next(p for p in people if p["name"] == "Dino Wu")
    assert dino["name_order"] == "either" and dino["variants"][0]["form"] == "Wu Dino"
    assert (roles["Bice Verdi"]["office"], roles["Bice Verdi"]["end"]) == (
        "XX.foreign_minister",
        "2014-06-30",
    )
    assert roles["Carla Neri"].get("end") is None and roles["Carla Neri"]["last_seen"] == "2022-05-01"
    assert roles["Carla Neri"]["source"] == "holders-xx"
    assert source is not None and source["repo"] == "example/ministers" and len(source["commit"]) == 40


def test_a_first_name_with_accents_gets_the_gender_of_its_plain_spelling():
    import build_kb

    guesser = build_kb.GenderGuesser({}, [])
    assert guesser.guess("Leïla Jaffel") == "f"
    assert guesser.guess("Évariste Ndayishimiye") == "m"


def test_commissioners_since_barroso_ii_and_earlier_posts_of_known_people(tmp_path: Path):
    repo = tmp_path / "ecio"
    (repo / "data-raw").mkdir(parents=True)
    git(repo, "init", "-q")
    head = "first_name,last_name,commission,position,portfolio,start_date,end_date\n"
    (repo / "data-raw" / "portfolios_raw.csv").write_text(
        head + "Ada,Rossi,Prodi,Commissioner,Trade,1999-09-16,2004-11-21\n"  # earlier, known: kept
        "Bob,Bianchi,Prodi,Commissioner,Fisheries,1999-09-16,2004-11-21\n"  # earlier, unknown: left out
        "Jean-Claude,Junker,Junker,President,President,2014-11-01,2019-11-30\n"  # the source's misspelling
        "Karel,De Gucht,Barroso II,Commissioner,Trade,2010-02-09,2014-10-31\n"
        "Cy,Verdi,Junker,Vice-President,Energy Union,2014-11-01,2019-11-30\n"
        "Dana,Neri,von der Leyen,Commissioner,Energy,2019-12-01,2020-12-31\n"  # past the source's reach
    )
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "data", date="2021-09-15")
    snapshot = kb_sources.Snapshot(repo / ".git", "example/ecio")
    people, sources = kb_sources.eu_commission(snapshot, {"ada-rossi": "f"})
    by_id = {p["id"]: p for p in people}
    assert sorted(by_id) == ["ada-rossi", "cy-verdi", "jean-claude-juncker", "karel-de-gucht"]
    assert (
        by_id["ada-rossi"]["gender"] == "f" and by_id["ada-rossi"]["roles"][0]["office"] == "EU.commissioner"
    )
    assert by_id["jean-claude-juncker"]["name"] == "Jean-Claude Juncker"
    assert by_id["jean-claude-juncker"]["roles"][0]["office"] == "EU.commission_president"
    assert by_id["karel-de-gucht"]["surname"] == "De Gucht"
    cy = by_id["cy-verdi"]["roles"][0]
    assert (cy["office"], cy["start"], cy["end"]) == (
        "EU.commission_vice_president",
        "2014-11-01",
        "2019-11-30",
    )
    assert "Juncker Commission" in cy["ref"] and "Energy Union" in cy["ref"]
    assert sources["ecio"]["repo"] == "example/ecio" and len(sources["ecio"]["commit"]) == 40


def _repo_with(path: Path, files: dict[str, str], branch: str | None = None) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    if branch:
        git(path, "checkout", "-q", "-b", branch)
    for name, text in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_text(text)
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "data", date="2024-01-01")
    return path / ".git"


def test_members_who_left_before_the_monthly_snapshots_come_from_the_lists_per_congress(tmp_path: Path):
    head = "congress,chamber,bioname,bioguide_id,died,nominate_number_of_votes\n"
    house = _repo_with(
        tmp_path / "house",
        {
            "data/H111_members.csv": head + '111,House,"ROSSI, Ada",R1,,900\n111,House,"SEEN, Sam",S1,,900\n'
            '111,President,"BOSS, Bo",P1,,10\n111,House,"BIANCHI, Bob",B1,,900\n',
            "data/H112_members.csv": head
            + '112,House,"ROSSI, Ada",R1,,400\n112,House,"BIANCHI, Bob",B1,2011,5\n',
        },
    )
    senate = _repo_with(
        tmp_path / "senate",
        {
            "S111_members.csv": head + '111,Senate,"VERDI, Cy",V1,,\n111,Senate,"ROSSI, Ada",R1,,\n',
            "S112_members.csv": head,
        },
    )
    names = "last_name,first_name,nickname,full_name,gender,bioguide_id\n"
    congress = _repo_with(
        tmp_path / "congress",
        {
            "legislators-historical.csv": names + "Rossi,Adalgisa,Ada,,F,R1\nBianchi,Roberto,Bob,,M,B1\n"
            "Verdi,Ciro,,,M,V1\nSeen,Sam,,,M,S1\n"
        },
        branch="gh-pages",
    )
    snapshot = kb_sources.Snapshot(congress, "example/congress")
    people, sources = kb_sources.congress_departed(
        snapshot,
        kb_sources.Snapshot(house, "example/house"),
        kb_sources.Snapshot(senate, "example/senate"),
        seen={"S1"},  # read month by month already
        taken={"bob-bianchi"},  # another member of that name
    )
    by_name = {p["id"]: p for p in people}
    assert sorted(by_name) == ["ada-rossi", "bob-bianchi-b1", "ciro-verdi"]
    ada = {r["office"]: (r["start"], r.get("end")) for r in by_name["ada-rossi"]["roles"]}
    # Two Congresses in the House; one in the Senate without a roll call: its first year only.
    assert ada == {"US.representative": ("2009", "2012"), "US.senator": ("2009", "2009")}
    assert by_name["ada-rossi"]["gender"] == "f" and by_name["ada-rossi"]["minor"] is True
    assert by_name["ada-rossi"]["variants"][0]["form"] == "Adalgisa Rossi"
    assert by_name["bob-bianchi-b1"]["roles"][0]["end"] == "2011"  # died in 2011
    assert by_name["ciro-verdi"]["roles"][0]["source"] == "voteview-senate"
    assert (
        sources["congress-legislators-historical"]["commit"] == snapshot._git("rev-parse", "gh-pages").strip()
    )
