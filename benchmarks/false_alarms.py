"""False alarms per 1,000 sentences of clean, edited Italian (and English), per rule.

Reads the public data in ``../shared/data`` in place (it is never copied into the project):

* ``it_clean_ud_sentences.jsonl``: 4,837 sentences of edited Italian (UD treebanks).
* ``it_itacola_acceptability.jsonl``: the 8,212 sentences marked acceptable (short, deliberately
  repetitive: a stress test).
* ``en_mqm_google_wmt21_ted_zhen.jsonl``: the English segments in which professional raters found no
  error at all (checked as English).

Where the data marks documents (UD PUD and ParlaMint), each document is checked whole, its sentences
joined by spaces as in running text; elsewhere (UD ISDT and ParTUT, ItaCoLA) each sentence is checked
on its own, since neighbouring rows there are unrelated sentences. Rules that pair marks across a
paragraph (quotation marks, brackets: PUN005, PUN006) are scored only on the sentences that come with
their document, because a quotation cut by the sentence splitter is an artifact of the data, not an
error (the data's README explains why); their rate is per 1,000 of those sentences. Findings that
straddle two sentences exist only because of the joining and are not counted.

A finding is a *hit*, not a false alarm, when the data says the sentence really is wrong: the UD
sentences the data flags as tokenised (``space_before_punct``: spaces before every mark, which a
linter is right to flag), the one known ``tecnologia,,`` error, the two ItaCoLA rows the data's
README lists as mislabelled repetitions, and the few sentences listed in ``KNOWN_ERRORS`` whose
typography anyone can check is broken (spaces inside brackets and quotation marks, ``it is..``), in
UD and in the English segments the raters passed, and the few UD sentences in ``KNOWN_ERRORS_BY_RULE``
with an error a dictionary or a style guide settles (a capitalised month, "un studio", a comma inside
the closing quotation mark, "il signor" before a surname, a serial comma, "i fans"), for the rule that
reports it. Everything else a rule reports on this data is
counted as a false alarm. Run ``python benchmarks/false_alarms.py --show`` to read them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(ROOT))

from lint.api import Linter  # noqa: E402
from lint.cache import Cache  # noqa: E402
from lint.findings import Severity  # noqa: E402

# Sentences the data's README names as genuinely wrong (by a fragment of their text).
KNOWN_ERRORS = {
    # "tecnologia,," is named by the data's README; the ParTUT licence sentence has three commas with
    # no space after them ("possibile,l'Uniform Resource Identifier,che"), which anyone can verify.
    # The others have spaces inside brackets or quotation marks that anyone can see ("( ore 9,32 )"),
    # or two words glued together ("diShakespeare").
    "it_clean_ud_sentences": [
        "tecnologia,,",
        "possibile,l'Uniform Resource Identifier,che",
        "( 29 ) È nell'interesse",
        '" Illusions Perdues "',
        'osserva Robb, " gli sembravano',
        '"l\'unico padre "',
        "( ore 9,32 )",
        "il leitmotiv )",
        "«5- quater »",
        "tragedie diShakespeare",
    ],
    "it_itacola_acceptability": ["l'ora di di tornare", "diverte diverte"],
    # Segments the raters passed whose typography anyone can verify is broken: spaces inside quotation
    # marks (" black holes "), a space before a full stop, a doubled full stop, a missing space.
    "en_mqm_google_wmt21_ted_zhen": [
        '" black holes "',
        '" Oh, who would believe',
        '" I have some nectar',
        "\" Wouldn't it be good",
        '" American Dream',
        "from 40 to 400 .",
        "clever it is..",
        "looks like this..",
        "Thank you.Thank",
        "South Africa.They",
    ],
}
# Sentences of the clean data with an error a dictionary or a grammar settles, counted as hits for the
# rule named: Italian writes the months in small letters (Treccani, «maiuscola»), "studio" takes "uno"
# (s + consonant), and Italian puts the comma after the closing quotation mark. These are in UD's
# translated PUD part, from English.
KNOWN_ERRORS_BY_RULE = {
    "it_clean_ud_sentences": {
        "MTP037": [
            "Decisione del Consiglio del 17 Dicembre 2001",
            "Corte di Cassazione il 12 Ottobre",
            "fino a Dicembre.",
        ],
        "GRM001": ["Secondo un studio recente"],
        # The English order, comma inside the closing quotation mark before the speech verb.
        "MTP035": ['contro di noi," ha affermato'],
        # Sentences translated from English keeping its conventions: "Mr Winterkorn" as «il signor
        # Winterkorn», the serial comma before the last item of a list, an English plural left on a
        # loanword Italian keeps invariable (Accademia della Crusca, plurale dei forestierismi).
        "MTP048": ["concentrandosi sul signor Winterkorn"],
        "MTP049": ["(nel 1875, 1877, 1902, e 1913)", "William Faulkner, e Charles Dickens"],
        "MTP046": ["per molti fans di Moretti"],
    },
}
TOKENISED_RULES = {
    *("PUN001", "PUN002", "PUN003", "PUN004", "PUN005", "PUN006", "PUN008", "PUN009"),
    *("TYP001", "TYP004", "TYP006"),
}


def load_ud() -> list[tuple[str | None, str, bool]]:
    """(group, text, known_error) for each UD sentence, in file order."""
    rows = []
    for line in (DATA / "it_clean_ud_sentences.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        group = r["doc_id"]
        known = "space_before_punct" in r["heuristic_flags"] or any(
            k in r["text"] for k in KNOWN_ERRORS["it_clean_ud_sentences"]
        )
        rows.append((group, r["text"], known))
    return rows


def load_itacola() -> list[tuple[str | None, str, bool]]:
    rows = []
    for line in (DATA / "it_itacola_acceptability.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["acceptable"] != 1:
            continue
        known = any(k in r["text"] for k in KNOWN_ERRORS["it_itacola_acceptability"])
        rows.append((None, r["text"], known))
    return rows


PAIRING_RULES = {"PUN005", "PUN006"}


def load_english() -> list[tuple[str | None, str, bool]]:
    rows, seen = [], set()
    for line in (DATA / "en_mqm_google_wmt21_ted_zhen.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["errors"] or r["target"] in seen:
            continue
        seen.add(r["target"])
        known = any(k in r["target"] for k in KNOWN_ERRORS["en_mqm_google_wmt21_ted_zhen"])
        rows.append((None, r["target"], known))
    return rows


def units(rows: list[tuple[str | None, str, bool]]):
    """Texts to check: whole documents where known, single sentences elsewhere.

    Yields (text, [(start, end, known_error)] for each sentence in it, has_document).
    """
    i = 0
    while i < len(rows):
        doc = rows[i][0]
        j = i + 1
        if doc is not None:
            while j < len(rows) and rows[j][0] == doc:
                j += 1
        parts, spans, pos = [], [], 0
        for _, text, known in rows[i:j]:
            spans.append((pos, pos + len(text), known))
            parts.append(text)
            pos += len(text) + 1
        yield " ".join(parts), spans, doc is not None
        i = j


def measure(name: str, rows, linter: Linter, show: bool, language: str = "it") -> dict:
    hits: Counter[str] = Counter()
    alarms: Counter[str] = Counter()
    loud: Counter[str] = Counter()  # false alarms at warning or error level
    by_entry: dict[str, Counter[str]] = defaultdict(Counter)
    severity: dict[str, Severity] = {}
    examples: dict[str, list[str]] = defaultdict(list)
    with_documents = sum(1 for r in rows if r[0] is not None)
    for text, spans, has_document in units(rows):
        result = linter.check_text(text, path="sentence.txt", language=language)
        for f in result.findings:
            if f.code in PAIRING_RULES and not has_document:
                continue
            sentence = next(((s, e, k) for s, e, k in spans if s <= f.start < e), None)
            if sentence is None or f.end > sentence[1]:
                continue  # on the joining space, or straddling two sentences
            s, e, known = sentence
            severity[f.code] = max(f.severity, severity.get(f.code, f.severity))
            if known and (f.code in TOKENISED_RULES or f.code.startswith("DUP")):
                hits[f.code] += 1
                continue
            if any(k in text[s:e] for k in KNOWN_ERRORS_BY_RULE.get(name, {}).get(f.code, ())):
                hits[f.code] += 1
                continue
            alarms[f.code] += 1
            if f.severity >= Severity.WARNING:
                loud[f.code] += 1
            if f.entry:
                by_entry[f.code][f.entry] += 1
            entry = f" [{f.entry}]" if f.entry else ""
            examples[f.code].append(f"{f.severity}{entry}: {text[s:e]}  <<{f.text}>>")
    n = len(rows)
    report = {"data": name, "sentences": n, "sentences_with_documents": with_documents, "rules": {}}
    error_rate = 0.0
    families: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for code in sorted(set(hits) | set(alarms)):
        base = with_documents if code in PAIRING_RULES else n
        rate = 1000 * alarms[code] / base if base else 0.0
        loud_rate = 1000 * loud[code] / base if base else 0.0
        report["rules"][code] = {
            "severity": str(severity[code]),
            "false_alarms": alarms[code],
            "hits": hits[code],
            "scored_sentences": base,
            "false_alarms_per_1000": round(rate, 2),
            "warning_or_error_per_1000": round(loud_rate, 2),
        }
        if by_entry[code]:
            report["rules"][code]["entries"] = dict(by_entry[code].most_common())
        if severity[code] == Severity.ERROR:
            error_rate += rate
        family = families[code[:-1] + "x"]  # MTP00x: the Italian phrase packs; MTP01x: the detectors
        family[0] += loud[code]
        family[1] += alarms[code] - loud[code]
    report["error_level_false_alarms_per_1000"] = round(error_rate, 2)
    report["families"] = {
        prefix: {
            "warning_or_error_per_1000": round(1000 * loud_count / n, 2) if n else 0.0,
            "info_per_1000": round(1000 * info_count / n, 2) if n else 0.0,
        }
        for prefix, (loud_count, info_count) in sorted(families.items())
    }
    if show:
        for code in sorted(examples):
            print(f"--- {code}: {len(examples[code])} false alarms", file=sys.stderr)
            for ex in examples[code][:60]:
                print("   ", ex, file=sys.stderr)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--select", default="ALL", help="rules to measure (default: ALL)")
    parser.add_argument("--show", action="store_true", help="print the false alarms")
    parser.add_argument("--data", choices=["ud", "itacola", "english", "all"], default="all")
    parser.add_argument(
        "--languagetool",
        metavar="URL",
        nargs="?",
        const="http://127.0.0.1:8010",
        help="also run LanguageTool (a server at URL, default %(const)s); its answers are cached in "
        "refuso's cache folder, so a second run asks only for what changed",
    )
    args = parser.parse_args()
    from lint.cache import default_directory
    from lint.config import Overrides

    linter = Linter(
        overrides=Overrides(
            select=tuple(args.select.split(",")),
            preview=True,
            languagetool=bool(args.languagetool),
            languagetool_url=args.languagetool,
        ),
        load_entry_points=False,
        isolated=True,
        cache=Cache(default_directory() if args.languagetool else None),
    )
    reports = []
    if args.data in ("ud", "all"):
        reports.append(measure("it_clean_ud_sentences", load_ud(), linter, args.show))
    if args.data in ("itacola", "all"):
        reports.append(measure("it_itacola_acceptability (acceptable)", load_itacola(), linter, args.show))
    if args.data in ("english", "all"):
        reports.append(
            measure("en_mqm_google_wmt21_ted_zhen (no errors)", load_english(), linter, args.show, "en")
        )
    print(json.dumps(reports, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
