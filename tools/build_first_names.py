"""Build rules/lexicon/first-names.txt: first names whose bearers are, by a clear majority, of one gender.

The gender rules (TTL002, MTP043) read it for people the knowledge base does not know. Two public,
permissively licensed sources, each read from a snapshot of a public repository (its git directory,
a clone or a mirror) and recorded in the file's header with its commit:

- Italian usage: the register of Italy's local and regional administrators (Anagrafe degli
  amministratori locali e regionali, Ministero dell'Interno, 1985-2014), public-sector open data
  (open by default under art. 52 of the Codice dell'amministrazione digitale): first names with the
  number of men and women holding an office, as tabulated in ``mrblasco/genderNamesITA`` (which adds
  no licence; only these counts, facts, are used);
- American usage: the US Social Security Administration's national baby names, 1880-2023 (a work of
  the US government, in the public domain), one file a year in ``aramshiva/babies``.

A name is kept when at least SHARE of its bearers are of one gender and it has at least the minimum
count (more for a name only the US data gives that is also a frequent word, by wordfreq); Italian usage decides wherever it has enough bearers (Andrea, Simone, Nicola, Daniele are men's
names in Italy, women's elsewhere), and a name that is ambiguous in Italy is left out even when
American usage is clear.

    python tools/build_first_names.py --italy DIR --ssa DIR [--check]
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import sys
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

from kb_sources import Snapshot

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "rules" / "lexicon" / "first-names.txt"
SHARE = 0.95  # of the bearers of a name, in one gender
MIN_ITALY = 20  # records of office holders in the register (one a person and year)
MIN_SSA = 50  # births
# The US files also list, a few dozen times, words that open place and company names or are words in
# Italian ("China", "America", "Costa", "Via", "Una"): a name only the US data gives that is also a
# frequent word (by wordfreq) needs many births to count as a name ("May", "Rose", "Mark").
WORD_ZIPF_IT = 3.0
WORD_ZIPF_EN = 4.5
MIN_SSA_WORD = 20_000
ITALY = (
    "mrblasco/genderNamesITA",
    "gender_firstnames_ITA.csv",
    "Italian public-sector open data (Ministero dell'Interno; open by default, CAD art. 52); the repository"
    " adds no licence and only the counts per first name are used",
)
SSA = ("aramshiva/babies", "names/yob*.txt", "public domain (US government work, SSA)")
# One name, in letters, with a hyphen or apostrophe inside at most ("Anne-Marie"); the register's
# "NICCOLO'" writes the accent as an apostrophe.
_NAME = re.compile(r"^[^\W\d_]+(?:[-'’][^\W\d_]+)*$")
_APOSTROPHE_ACCENT = {"a": "à", "e": "è", "i": "ì", "o": "ò", "u": "ù"}


def _italian_form(name: str) -> str:
    name = name.strip().casefold()
    if len(name) > 2 and name[-1] in "'’" and name[-2] in _APOSTROPHE_ACCENT:
        name = name[:-2] + _APOSTROPHE_ACCENT[name[-2]]
    return name


def italy_counts(snapshot: Snapshot) -> dict[str, tuple[int, int]]:
    """(men, women) per first name in the register of local administrators."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in csv.DictReader(io.StringIO(snapshot.show(ITALY[1]))):
        name = _italian_form(row["nome"])
        if not _NAME.match(name):
            continue  # compound names ("GIAN LUCA") and initials are no single first name
        counts[name][0] += int(row["male"] or 0)
        counts[name][1] += int(row["female"] or 0)
    return {name: (m, f) for name, (m, f) in counts.items()}


def ssa_counts(snapshot: Snapshot) -> dict[str, tuple[int, int]]:
    """(boys, girls) per first name over every year of the SSA's national files."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    files = snapshot._git("ls-tree", "--name-only", snapshot.head, "names/").split()
    years = [f for f in files if re.fullmatch(r"names/yob\d{4}\.txt", f)]
    if not years:
        raise SystemExit(f"build_first_names.py: {snapshot.git_dir}: no names/yobYYYY.txt files")
    for path in years:
        for line in snapshot.show(path).splitlines():
            name, sex, number = line.strip().split(",")
            counts[name.casefold()][0 if sex == "M" else 1] += int(number)
    return {name: (m, f) for name, (m, f) in counts.items()}


def _judge(men: int, women: int, minimum: int) -> str | None:
    """ "m", "f", "?" (enough bearers, no clear majority), or None (too few to say)."""
    total = men + women
    if total < minimum:
        return None
    if men >= SHARE * total:
        return "m"
    if women >= SHARE * total:
        return "f"
    return "?"


def _frequent_word(name: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(name, "it") >= WORD_ZIPF_IT or zipf_frequency(name, "en") >= WORD_ZIPF_EN


def table(
    italy: dict[str, tuple[int, int]],
    ssa: dict[str, tuple[int, int]],
    frequent_word: Callable[[str], bool] = _frequent_word,
) -> dict[str, str]:
    out: dict[str, str] = {}
    for name in sorted(set(italy) | set(ssa)):
        if len(name) < 3:
            continue
        verdict = _judge(*italy[name], MIN_ITALY) if name in italy else None
        if verdict is None and name in ssa:
            verdict = _judge(*ssa[name], MIN_SSA)
            if verdict in ("m", "f") and sum(ssa[name]) < MIN_SSA_WORD and frequent_word(name):
                verdict = None
        if verdict in ("m", "f"):
            out[name] = verdict
    return out


def render(names: dict[str, str], sources: list[tuple[Snapshot, tuple[str, str, str]]]) -> str:
    header = [
        f"# First names with one gender for at least {SHARE:.0%} of their bearers (name<TAB>m|f), lower case.",
        f"# Italian usage decides where the Italian source has {MIN_ITALY}+ bearers; else American usage, {MIN_SSA}+ births",
        f"# ({MIN_SSA_WORD:,}+ for a name that is also a frequent Italian or English word, by wordfreq).",
    ]
    for snapshot, (repo, path, licence) in sources:
        header.append(f"# Source: {repo} {path} @ {snapshot.head} ({snapshot.date}); licence: {licence}")
    header.append("# Generated by tools/build_first_names.py: do not edit.")
    return "\n".join(header) + "\n" + "".join(f"{n}\t{g}\n" for n, g in sorted(names.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--italy", type=Path, required=True, help="git directory of mrblasco/genderNamesITA")
    parser.add_argument("--ssa", type=Path, required=True, help="git directory of aramshiva/babies")
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed table is out of date")
    args = parser.parse_args()
    italy = Snapshot(args.italy, ITALY[0])
    ssa = Snapshot(args.ssa, SSA[0])
    names = table(italy_counts(italy), ssa_counts(ssa))
    text = render(names, [(italy, ITALY), (ssa, SSA)])
    if args.check:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(f"{OUT.relative_to(ROOT)} is out of date: run tools/build_first_names.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(names)} names", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
