"""Recall and precision on real-looking machine-translated news: the realmt development set and DivEMT.

The development set (``benchmarks/realmt/``) holds news articles written for this benchmark in the
manner of real auto-translated pages: Italian machine translation of English news, English machine
translation of Italian news, and clean human-style controls. Each article ``NAME.txt`` has a sidecar
``NAME.yaml`` with its date, its kind (``mt`` or ``clean``) and two lists of spans, each located by its
exact text and occurrence (1 for the first time that text appears in the article):

* ``defects``: what a copy editor would circle, each with a category from a closed vocabulary
  (:data:`CATEGORIES`), for MT phrasing a subtype (:data:`SUBTYPES`), and where known the wording in the
  source language it came from (``original``) and the fix;
* ``traps``: correct spans that look suspicious (a title right at the date, a legitimate repetition, a
  loan word, a quoted English title, a correct number format).

Every article is checked through the Python API (``lint.api.Linter``, isolated, no cache), with its
date and language, once without LanguageTool and once with it (a server at ``--languagetool-url``).
Scoring, with *loud* meaning a finding at warning or error level:

* a defect is **found** when a loud finding overlaps its span (at least one code point in common);
  recall is also given counting infos;
* a loud finding is **right** when it overlaps a defect, and a **false alarm** otherwise (on a trap,
  on correct text, or anywhere in a clean control); precision is right / (right + false alarms);
* **traps hit**: traps that a loud finding overlaps;
* **clean controls**: loud findings per clean article (every one is a false alarm).

DivEMT (``../shared/data/it_mt_postedit_divemt_warmup.jsonl``, English news and wiki sentences
machine-translated into Italian, each next to a professional post-edit): every MT segment is checked;
a loud finding is **confirmed** when the post-editor changed at least one of the words it covers (a
word diff between ``mt`` and ``final_it``, case-insensitive), so confirmed findings mark real MT damage.
Reported: segments flagged, segments with a confirmed finding, the share of edited segments flagged,
and the loud findings per 1,000 segments on the clean Italian of the same file (the post-edits and the
from-scratch human translations, distinct texts only), where every loud finding is a false alarm.

This script measures and prints; it never asserts::

    .venv/bin/python benchmarks/realmt.py                      # both runs, table and DivEMT
    .venv/bin/python benchmarks/realmt.py --no-languagetool --show-misses
    .venv/bin/python benchmarks/realmt.py --lang en --category mt-phrasing --show-false
    .venv/bin/python benchmarks/realmt.py --json > after.json  # machine-readable, to compare runs
"""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SET_DIR = ROOT / "benchmarks" / "realmt"
DIVEMT = ROOT.parent / "shared" / "data" / "it_mt_postedit_divemt_warmup.jsonl"
DEFAULT_LANGUAGETOOL_URL = "http://127.0.0.1:8010"

# What a copy editor circles in MT news, one category per defect.
CATEGORIES = {
    "mt-phrasing": "calques, false friends, wrong sense of a polysemous word, literal idioms, noun stacking",
    "title": "a wrong office for the person at the article's date",
    "name": "a misspelled, garbled or miscased name, or a name translated as a common word",
    "gender": "a woman given masculine agreement, pronoun or title (or the reverse)",
    "locale": "English number formats, trillion/billion, US dates and 12-hour times, unconverted units",
    "quoting": "English quoting conventions (comma inside the quote, capital after the speech verb)",
    "casing": "Title Case carried over, capitals where the language wants small letters, or the reverse",
    "untranslated": "English (or Italian) fragments, party-state tags such as (R-Texas), abbreviations",
    "punctuation": "doubled, conflicting or missing punctuation, glued words",
    "duplication": "a word, phrase or name rendered twice",
    "grammar": "agreement, articles, prepositions, tense, broken coordination",
    "spelling": "misspelled common words",
    "consistency": "one person or thing written two ways in one article",
    "typography": "spaces, stray markup",
}
SUBTYPES = {"calque", "false-friend", "wrong-sense", "literal-idiom", "noun-stack", "tautology", "office"}
KINDS = {"mt", "clean"}
LANGUAGES = {"it", "en"}
DEFECT_KEYS = {"category", "subtype", "text", "occurrence", "note", "original", "fix"}
TRAP_KEYS = {"text", "occurrence", "note"}
ARTICLE_KEYS = {"id", "language", "kind", "source_language", "domain", "date", "defects", "traps"}


class DevSetError(Exception):
    """A development-set file that cannot be used; the message names the file and what to fix."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str
    occurrence: int
    category: str | None = None  # None for a trap
    subtype: str | None = None
    note: str | None = None
    original: str | None = None
    fix: str | None = None

    def overlaps(self, start: int, end: int) -> bool:
        return start < self.end and self.start < end


@dataclass
class Article:
    id: str
    path: Path
    language: str
    kind: str
    source_language: str | None
    domain: str
    date: dt.date
    text: str
    defects: list[Span] = field(default_factory=list)
    traps: list[Span] = field(default_factory=list)


def locate(text: str, needle: str, occurrence: int) -> int | None:
    """Start of the ``occurrence``-th (1-based) appearance of ``needle`` in ``text``, or None."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start


def _span(entry: Any, text: str, where: str, is_defect: bool) -> Span:
    if not isinstance(entry, dict):
        raise DevSetError(f"{where}: each entry must be a mapping, got {entry!r}")
    allowed = DEFECT_KEYS if is_defect else TRAP_KEYS
    unknown = set(entry) - allowed
    if unknown:
        raise DevSetError(f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(allowed)}")
    needle, occurrence = entry.get("text"), entry.get("occurrence", 1)
    if not isinstance(needle, str) or not needle.strip():
        raise DevSetError(f"{where}: 'text' must be a non-empty string")
    if not isinstance(occurrence, int) or occurrence < 1:
        raise DevSetError(f"{where}: 'occurrence' must be a whole number from 1 ({needle!r})")
    start = locate(text, needle, occurrence)
    if start is None:
        raise DevSetError(
            f"{where}: {needle!r} occurs {text.count(needle)} time(s) in the article, not {occurrence}; "
            "copy the span exactly from the article or fix 'occurrence'"
        )
    category = subtype = None
    if is_defect:
        category, subtype = entry.get("category"), entry.get("subtype")
        if category not in CATEGORIES:
            raise DevSetError(f"{where}: category {category!r} is not one of {sorted(CATEGORIES)}")
        if subtype is not None and (category != "mt-phrasing" or subtype not in SUBTYPES):
            raise DevSetError(
                f"{where}: subtype {subtype!r} is allowed only on mt-phrasing, one of {sorted(SUBTYPES)}"
            )
    for key in ("note", "original", "fix"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            raise DevSetError(f"{where}: {key!r} must be a string")
    return Span(
        start,
        start + len(needle),
        needle,
        occurrence,
        category,
        subtype,
        entry.get("note"),
        entry.get("original"),
        entry.get("fix"),
    )


def load_article(annotation: Path) -> Article:
    """Read and validate one article and its sidecar; :class:`DevSetError` names what is wrong."""
    import yaml

    text_path = annotation.with_suffix(".txt")
    if not text_path.is_file():
        raise DevSetError(f"{annotation}: no article {text_path.name} next to it")
    try:
        data = yaml.safe_load(annotation.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise DevSetError(f"{annotation}: not valid YAML: {error}") from None
    if not isinstance(data, dict):
        raise DevSetError(f"{annotation}: must be a mapping with the keys {sorted(ARTICLE_KEYS)}")
    unknown = set(data) - ARTICLE_KEYS
    missing = {"id", "language", "kind", "domain", "date"} - set(data)
    if unknown or missing:
        raise DevSetError(f"{annotation}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    if data["id"] != annotation.stem:
        raise DevSetError(f"{annotation}: id {data['id']!r} must equal the file name {annotation.stem!r}")
    if data["language"] not in LANGUAGES or data["kind"] not in KINDS:
        raise DevSetError(
            f"{annotation}: language must be one of {sorted(LANGUAGES)}, kind one of {sorted(KINDS)}"
        )
    source = data.get("source_language")
    if data["kind"] == "mt" and (source not in LANGUAGES or source == data["language"]):
        raise DevSetError(f"{annotation}: an mt article needs a source_language other than its language")
    if data["kind"] == "clean" and (source is not None or data.get("defects")):
        raise DevSetError(f"{annotation}: a clean control has no source_language and no defects")
    date = data["date"]
    if not isinstance(date, dt.date):
        raise DevSetError(f"{annotation}: date must be YYYY-MM-DD, got {date!r}")
    text = text_path.read_text(encoding="utf-8")
    defects = [
        _span(entry, text, f"{annotation}: defects[{i}]", True)
        for i, entry in enumerate(data.get("defects") or [])
    ]
    traps = [
        _span(entry, text, f"{annotation}: traps[{i}]", False)
        for i, entry in enumerate(data.get("traps") or [])
    ]
    for defect in defects:
        for trap in traps:
            if trap.overlaps(defect.start, defect.end):
                raise DevSetError(f"{annotation}: trap {trap.text!r} overlaps defect {defect.text!r}")
    if data["kind"] == "mt" and not defects:
        raise DevSetError(f"{annotation}: an mt article must list its defects")
    if not traps:
        raise DevSetError(f"{annotation}: every article has traps; list at least one")
    return Article(
        str(data["id"]),
        text_path,
        data["language"],
        data["kind"],
        source,
        str(data["domain"]),
        date,
        text,
        defects,
        traps,
    )


def load_dev_set(directory: Path = SET_DIR) -> list[Article]:
    annotations = sorted(directory.glob("*.yaml"))
    if not annotations:
        raise DevSetError(f"{directory}: no *.yaml annotations found")
    orphans = sorted(p.name for p in directory.glob("*.txt") if not p.with_suffix(".yaml").is_file())
    if orphans:
        raise DevSetError(f"{directory}: articles without an annotation: {', '.join(orphans)}")
    return [load_article(p) for p in annotations]


# -- running refuso ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One finding, reduced to what scoring needs."""

    code: str
    severity: int
    start: int
    end: int
    text: str
    entry: str | None

    @property
    def loud(self) -> bool:
        return self.severity >= 2  # warning or error


class Runner:
    """One linter, with a settings object (and so one engine) per language, date and LanguageTool mode."""

    def __init__(self, languagetool: bool, url: str, preview: bool) -> None:
        from lint.api import Linter
        from lint.cache import Cache
        from lint.config import Overrides

        self.linter = Linter(
            overrides=Overrides(preview=preview), load_entry_points=False, isolated=True, cache=Cache(None)
        )
        base = self.linter.finder.for_directory(ROOT)
        section = {
            **base.sections.get("languagetool", {}),
            "enabled": languagetool,
            "url": url.rstrip("/"),
            "autostart": False,
        }
        self.base = replace(base, sections={**base.sections, "languagetool": section})
        self._settings: dict[tuple[str, dt.date | None], Any] = {}

    def check(self, text: str, language: str, date: dt.date | None, name: str) -> list[Hit]:
        key = (language, date)
        if key not in self._settings:
            self._settings[key] = replace(self.base, language=language, date=date)
        result = self.linter.check_text(text, path=f"{name}.txt", settings=self._settings[key])
        return [Hit(f.code, int(f.severity), f.start, f.end, f.text, f.entry) for f in result.findings]

    def problems(self) -> list[str]:
        return [f"{p.path}: {p.message}" for p in self.linter.problems]


# -- scoring the development set -----------------------------------------------------------------------


def ratio(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def score_dev_set(
    articles: Sequence[Article], hits: dict[str, list[Hit]], categories: set[str] | None
) -> dict[str, Any]:
    per_category: dict[str, Counter[str]] = defaultdict(Counter)
    per_group: dict[str, Counter[str]] = defaultdict(Counter)
    per_rule: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[dict[str, Any]] = []
    false_alarms: list[dict[str, Any]] = []
    clean_loud: dict[str, int] = {}
    traps_total = traps_hit = right = false = 0
    for article in articles:
        found = hits[article.id]
        loud = [h for h in found if h.loud]
        group = f"{article.language}-{article.kind}"
        for defect in article.defects:
            if categories and defect.category not in categories:
                continue
            by_loud = [h.code for h in loud if defect.overlaps(h.start, h.end)]
            by_any = [h.code for h in found if defect.overlaps(h.start, h.end)]
            for counter in (per_category[defect.category], per_category["all"], per_group[group]):
                counter["defects"] += 1
                counter["found"] += bool(by_loud)
                counter["found_with_infos"] += bool(by_any)
            if not by_loud:
                misses.append(
                    {
                        "article": article.id,
                        "category": defect.category,
                        "subtype": defect.subtype,
                        "text": defect.text,
                        "original": defect.original,
                        "info_by": sorted(set(by_any)),
                    }
                )
        for trap in article.traps:
            traps_total += 1
            traps_hit += any(trap.overlaps(h.start, h.end) for h in loud)
        for h in loud:
            if any(d.overlaps(h.start, h.end) for d in article.defects):
                right += 1
                per_rule[h.code]["right"] += 1
            else:
                false += 1
                per_rule[h.code]["false"] += 1
                on_trap = next((t.text for t in article.traps if t.overlaps(h.start, h.end)), None)
                false_alarms.append(
                    {"article": article.id, "rule": h.code, "entry": h.entry, "text": h.text, "trap": on_trap}
                )
        if article.kind == "clean":
            clean_loud[article.id] = len(loud)

    def recall_table(counters: dict[str, Counter[str]]) -> dict[str, dict[str, Any]]:
        return {
            name: {
                "defects": c["defects"],
                "found": c["found"],
                "recall": ratio(c["found"], c["defects"]),
                "found_with_infos": c["found_with_infos"],
                "recall_with_infos": ratio(c["found_with_infos"], c["defects"]),
            }
            for name, c in sorted(counters.items(), key=lambda kv: (kv[0] == "all", -kv[1]["defects"], kv[0]))
        }

    return {
        "articles": len(articles),
        "recall": recall_table(per_category),
        "recall_by_group": recall_table(per_group),
        "loud_findings": right + false,
        "right": right,
        "false_alarms": false,
        "precision": ratio(right, right + false),
        "traps": traps_total,
        "traps_hit": traps_hit,
        "clean_controls": len(clean_loud),
        "clean_loud_findings": sum(clean_loud.values()),
        "clean_loud_per_control": round(sum(clean_loud.values()) / len(clean_loud), 2)
        if clean_loud
        else None,
        "clean_loud_max": max(clean_loud.values(), default=0),
        "rules": {code: dict(c) for code, c in sorted(per_rule.items())},
        "misses": misses,
        "false_alarm_list": false_alarms,
    }


# -- DivEMT -------------------------------------------------------------------------------------------

TOKEN = re.compile(r"\w+|[^\w\s]")


def changed_spans(mt: str, post_edit: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Character spans of MT words the post-editor replaced or deleted, and points where words went in."""
    mt_tokens = [(m.start(), m.end(), m.group().lower()) for m in TOKEN.finditer(mt)]
    pe_tokens = [m.group().lower() for m in TOKEN.finditer(post_edit)]
    matcher = difflib.SequenceMatcher(None, [t[2] for t in mt_tokens], pe_tokens, autojunk=False)
    spans, points = [], []
    for op, i1, i2, _, _ in matcher.get_opcodes():
        if op in ("replace", "delete"):
            spans.extend((s, e) for s, e, _ in mt_tokens[i1:i2])
        elif op == "insert":
            points.append(mt_tokens[i1][0] if i1 < len(mt_tokens) else len(mt))
    return spans, points


def confirmed(hit: Hit, spans: Iterable[tuple[int, int]], points: Iterable[int]) -> bool:
    return any(hit.start < e and s < hit.end for s, e in spans) or any(
        hit.start < p < hit.end for p in points
    )


def score_divemt(runner: Runner, path: Path = DIVEMT) -> dict[str, Any] | None:
    if not path.is_file():
        return None
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    cache: dict[str, list[Hit]] = {}

    def loud_hits(text: str) -> list[Hit]:
        if text not in cache:
            cache[text] = [h for h in runner.check(text, "it", None, "divemt") if h.loud]
        return cache[text]

    segments = flagged = with_confirmed = edited = edited_flagged = findings = findings_confirmed = 0
    confirmed_by_rule: Counter[str] = Counter()
    unconfirmed_by_rule: Counter[str] = Counter()
    for row in rows:
        if not row.get("mt"):
            continue
        segments += 1
        hits = loud_hits(row["mt"])
        spans, points = changed_spans(row["mt"], row["final_it"])
        was_edited = bool(spans or points)
        edited += was_edited
        flagged += bool(hits)
        edited_flagged += bool(hits) and was_edited
        good = [h for h in hits if confirmed(h, spans, points)]
        with_confirmed += bool(good)
        findings += len(hits)
        findings_confirmed += len(good)
        for h in hits:
            (confirmed_by_rule if h in good else unconfirmed_by_rule)[h.code] += 1
    clean_texts = sorted({row["final_it"] for row in rows if row.get("final_it")})
    alarms: Counter[str] = Counter()
    for text in clean_texts:
        for h in loud_hits(text):
            alarms[h.code] += 1
    return {
        "mt_segments": segments,
        "distinct_mt_texts": len({row["mt"] for row in rows if row.get("mt")}),
        "segments_flagged": flagged,
        "segments_with_confirmed_finding": with_confirmed,
        "edited_segments": edited,
        "edited_segments_flagged": edited_flagged,
        "edited_flagged_percent": ratio(edited_flagged, edited),
        "mt_loud_findings": findings,
        "mt_loud_findings_confirmed": findings_confirmed,
        "confirmed_percent": ratio(findings_confirmed, findings),
        "confirmed_by_rule": dict(confirmed_by_rule.most_common()),
        "unconfirmed_by_rule": dict(unconfirmed_by_rule.most_common()),
        "clean_segments": len(clean_texts),
        "clean_loud_findings": sum(alarms.values()),
        "clean_loud_per_1000": round(1000 * sum(alarms.values()) / len(clean_texts), 1)
        if clean_texts
        else None,
        "clean_alarms_by_rule": dict(alarms.most_common()),
    }


# -- one run and the report ------------------------------------------------------------------------------


def run(
    articles: Sequence[Article],
    languagetool: bool,
    url: str,
    preview: bool,
    categories: set[str] | None,
    divemt: bool,
) -> dict[str, Any]:
    runner = Runner(languagetool, url, preview)
    hits = {a.id: runner.check(a.text, a.language, a.date, a.id) for a in articles}
    report = {"languagetool": languagetool, "dev_set": score_dev_set(articles, hits, categories)}
    if divemt:
        report["divemt"] = score_divemt(runner)
    problems = runner.problems()
    if languagetool and not any(h.code.startswith("LT:") for found in hits.values() for h in found):
        problems.append(f"LanguageTool at {url} reported nothing on any article: is the server running?")
    report["problems"] = problems
    return report


def fmt(value: Any, percent: bool = True) -> str:
    if value is None:
        return "–"
    return f"{value}%" if percent else str(value)


def print_report(
    reports: Sequence[dict[str, Any]], show_misses: bool, show_false: bool, out=sys.stdout
) -> None:
    labels = ["without LanguageTool" if not r["languagetool"] else "with LanguageTool" for r in reports]
    head = "| | " + " | ".join(labels) + " |\n|---|" + "---|" * len(reports)
    dev = [r["dev_set"] for r in reports]
    print(f"## Development set ({dev[0]['articles']} articles)\n", file=out)
    print("Recall: defects found by a warning or error (in brackets: counting infos too).\n", file=out)
    print(head, file=out)
    for name in dev[0]["recall"]:
        cells = []
        for d in dev:
            r = d["recall"][name]
            cells.append(f"{r['found']}/{r['defects']} = {fmt(r['recall'])} ({fmt(r['recall_with_infos'])})")
        print(f"| {'**all**' if name == 'all' else name} | " + " | ".join(cells) + " |", file=out)
    for name in dev[0]["recall_by_group"]:
        cells = []
        for d in dev:
            r = d["recall_by_group"][name]
            cells.append(f"{r['found']}/{r['defects']} = {fmt(r['recall'])} ({fmt(r['recall_with_infos'])})")
        print(f"| articles {name} | " + " | ".join(cells) + " |", file=out)
    print("\n" + head, file=out)
    rows = [
        (
            "precision of warnings and errors",
            lambda d: f"{d['right']}/{d['loud_findings']} = {fmt(d['precision'])}",
        ),
        ("false alarms", lambda d: str(d["false_alarms"])),
        ("traps hit", lambda d: f"{d['traps_hit']}/{d['traps']}"),
        (
            "warnings and errors per clean control",
            lambda d: (
                f"{fmt(d['clean_loud_per_control'], False)} (max {d['clean_loud_max']}, {d['clean_controls']} controls)"
            ),
        ),
    ]
    for label, cell in rows:
        print(f"| {label} | " + " | ".join(cell(d) for d in dev) + " |", file=out)
    div = [r.get("divemt") for r in reports]
    if all(div):
        print("\n## DivEMT (Italian MT next to professional post-edits)\n", file=out)
        print(head, file=out)
        divrows = [
            (
                "MT segments flagged",
                lambda v: (
                    f"{v['segments_flagged']}/{v['mt_segments']} ({v['distinct_mt_texts']} distinct MT texts)"
                ),
            ),
            (
                "with a finding on words the post-editor changed",
                lambda v: f"{v['segments_with_confirmed_finding']}/{v['mt_segments']}",
            ),
            (
                "edited segments flagged",
                lambda v: (
                    f"{v['edited_segments_flagged']}/{v['edited_segments']} = {fmt(v['edited_flagged_percent'])}"
                ),
            ),
            (
                "findings on changed words",
                lambda v: (
                    f"{v['mt_loud_findings_confirmed']}/{v['mt_loud_findings']} = {fmt(v['confirmed_percent'])}"
                ),
            ),
            (
                "alarms per 1,000 clean segments",
                lambda v: (
                    f"{fmt(v['clean_loud_per_1000'], False)} ({v['clean_loud_findings']} in {v['clean_segments']})"
                ),
            ),
        ]
        for label, cell in divrows:
            print(f"| {label} | " + " | ".join(cell(v) for v in div) + " |", file=out)
    for label, report in zip(labels, reports, strict=True):
        d = report["dev_set"]
        if d["rules"]:
            rules = ", ".join(
                f"{code} {c.get('right', 0)}/{c.get('false', 0)}" for code, c in d["rules"].items()
            )
            print(f"\nRules {label} (right/false): {rules}", file=out)
        for problem in report["problems"]:
            print(f"problem ({label}): {problem}", file=sys.stderr)
        if show_misses:
            print(f"\n### Missed defects ({label}): {len(d['misses'])}\n", file=out)
            for m in d["misses"]:
                info = f"  [info: {', '.join(m['info_by'])}]" if m["info_by"] else ""
                print(f"- {m['article']} · {m['category']}: «{m['text']}»{info}", file=out)
        if show_false:
            print(f"\n### False alarms ({label}): {len(d['false_alarm_list'])}\n", file=out)
            for f in d["false_alarm_list"]:
                entry = f" [{f['entry']}]" if f["entry"] else ""
                trap = f" (trap «{f['trap']}»)" if f["trap"] else ""
                print(f"- {f['article']} · {f['rule']}{entry}: «{f['text']}»{trap}", file=out)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    lt = parser.add_mutually_exclusive_group()
    lt.add_argument("--languagetool", action="store_true", help="only the run with LanguageTool")
    lt.add_argument("--no-languagetool", action="store_true", help="only the run without LanguageTool")
    parser.add_argument(
        "--languagetool-url", default=DEFAULT_LANGUAGETOOL_URL, help="the LanguageTool server"
    )
    parser.add_argument("--show-misses", action="store_true", help="list each missed defect")
    parser.add_argument("--show-false", action="store_true", help="list each false alarm")
    parser.add_argument("--json", action="store_true", help="print the results as JSON instead of tables")
    parser.add_argument("--category", help="score recall only on these categories (comma-separated)")
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help="only the articles in this language")
    parser.add_argument("--preview", action="store_true", help="also run the rules still in preview")
    parser.add_argument("--no-divemt", action="store_true", help="skip DivEMT")
    parser.add_argument(
        "--set-dir", type=Path, default=SET_DIR, help="the development set (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    categories = set(args.category.split(",")) if args.category else None
    if categories and categories - set(CATEGORIES):
        parser.error(f"unknown category {sorted(categories - set(CATEGORIES))}; use {', '.join(CATEGORIES)}")
    sys.path.insert(0, str(ROOT))
    try:
        articles = load_dev_set(args.set_dir)
    except DevSetError as error:
        print(f"realmt: {error}", file=sys.stderr)
        return 2
    if args.lang:
        articles = [a for a in articles if a.language == args.lang]
    modes = [False, True]
    if args.languagetool:
        modes = [True]
    elif args.no_languagetool:
        modes = [False]
    divemt = not args.no_divemt and args.lang != "en"
    reports = [run(articles, mode, args.languagetool_url, args.preview, categories, divemt) for mode in modes]
    if args.json:
        print(json.dumps(reports, indent=2, ensure_ascii=False))
    else:
        print_report(reports, args.show_misses, args.show_false)
    return 0


if __name__ == "__main__":
    sys.exit(main())
