"""Which LanguageTool rules earn a warning: each rule's matches on the realmt development set (right
or false) and on the clean corpora of ``../shared/data`` (all false), with the severity refuso's
mapping gives them (lint/checks/languagetool/mapping.py).

This script MEASURES and prints; it never asserts. LanguageTool's answers are cached in refuso's
cache folder, so a second run (after changing the mapping) asks the server nothing. The clean
sentences are sent forty at a time, as paragraphs of one text (their rules look within a sentence;
one request per sentence would take an hour), and a match that straddles two sentences is not
counted. Scoring as in ``realmt.py`` (a match is right when it overlaps an annotated defect) and
``false_alarms.py`` (a match on a sentence the data marks as wrong is not a false alarm)::

    .venv/bin/python benchmarks/languagetool_rules.py                 # totals and the loud rules
    .venv/bin/python benchmarks/languagetool_rules.py --all-rules     # every rule, infos too
    .venv/bin/python benchmarks/languagetool_rules.py --json > lt.json
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import false_alarms  # noqa: E402
import realmt  # noqa: E402

from lint.cache import Cache, default_directory  # noqa: E402
from lint.checks.languagetool.mapping import is_speller, severity_of  # noqa: E402
from lint.languagetool import LanguageToolSettings  # noqa: E402
from lint.languagetool.service import LanguageToolService  # noqa: E402

BATCH = 40
CLEAN = {
    "ud": (false_alarms.load_ud, "it"),
    "itacola": (false_alarms.load_itacola, "it"),
    "english": (false_alarms.load_english, "en"),
}


def verdict(match: Any, word: str) -> str:
    """``loud``, ``info`` or ``dropped``: what the LT rule makes of a match (before the knowledge
    base's names and refuso's own findings on the same span, which only drop more)."""
    if is_speller(match.rule_id) and word[:1].isupper():
        return "dropped"
    return "info" if severity_of(match.rule_id) else "loud"


def rule_of(match: Any) -> str:
    return match.rule_id + (f"[{match.sub_id}]" if match.sub_id else "")


def dev_set(service: LanguageToolService, counts: dict[str, Counter[str]]) -> None:
    for article in realmt.load_dev_set():
        for m in service.check(article.text, article.language):
            right = any(d.overlaps(m.start, m.end) for d in article.defects)
            counts[rule_of(m)][
                f"dev {verdict(m, article.text[m.start : m.end])} {'right' if right else 'false'}"
            ] += 1


def clean(service: LanguageToolService, name: str, counts: dict[str, Counter[str]]) -> int:
    load, language = CLEAN[name]
    rows = load()
    units = list(false_alarms.units(rows))
    for i in range(0, len(units), BATCH):
        text, spans = "", []
        for unit_text, unit_spans, _ in units[i : i + BATCH]:
            spans.extend((len(text) + s, len(text) + e, known) for s, e, known in unit_spans)
            text += unit_text + "\n\n"
        for m in service.check(text, language):
            sentence = next((s for s in spans if s[0] <= m.start < s[1]), None)
            if sentence is None or m.end > sentence[1] or sentence[2]:
                continue  # straddling two sentences, or on a sentence the data marks as wrong
            counts[rule_of(m)][f"{name} {verdict(m, text[m.start : m.end])}"] += 1
    return len(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8010", help="the LanguageTool server")
    parser.add_argument("--data", nargs="*", choices=sorted(CLEAN), default=sorted(CLEAN))
    parser.add_argument("--all-rules", action="store_true", help="list every rule, not only the loud ones")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    settings = LanguageToolSettings.from_mapping({"enabled": True, "url": args.url, "autostart": False})
    service = LanguageToolService(settings, Cache(default_directory()))
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    dev_set(service, counts)
    sentences = {name: clean(service, name, counts) for name in args.data}
    total: Counter[str] = Counter()
    for c in counts.values():
        total.update(c)
    right, false = total["dev loud right"], total["dev loud false"]
    summary = {
        "dev_set": {
            "loud_right": right,
            "loud_false": false,
            "loud_precision": round(100 * right / (right + false), 1) if right + false else None,
            "info_right": total["dev info right"],
            "info_false": total["dev info false"],
            "dropped_right": total["dev dropped right"],
            "dropped_false": total["dev dropped false"],
        },
        "clean": {
            name: {
                "sentences": n,
                "loud_per_1000": round(1000 * total[f"{name} loud"] / n, 2),
                "info_per_1000": round(1000 * total[f"{name} info"] / n, 2),
            }
            for name, n in sentences.items()
        },
        "rules": {rule: dict(c) for rule, c in sorted(counts.items())},
    }
    if args.json:
        print(json.dumps(summary, indent=2))
        return 0
    d = summary["dev_set"]
    print(
        f"development set, loud: {d['loud_right']} right, {d['loud_false']} false ({d['loud_precision']}% precise)"
    )
    print(f"development set, infos: {d['info_right']} right, {d['info_false']} false")
    print(f"development set, dropped: {d['dropped_right']} right, {d['dropped_false']} false")
    for name, c in summary["clean"].items():
        print(
            f"{name}: {c['sentences']} sentences, {c['loud_per_1000']} loud and {c['info_per_1000']} infos per 1,000"
        )
    print(
        "\n| rule | severity | dev right | dev false | " + " | ".join(f"{n} false" for n in sentences) + " |"
    )
    print("|---|---|---|---|" + "---|" * len(sentences))
    for rule, c in sorted(counts.items(), key=lambda kv: -sum(kv[1].values())):
        levels = {key.split()[1] for key in c}
        if not args.all_rules and "loud" not in levels:
            continue
        level = "/".join(sorted(levels))
        dev_right = sum(v for k, v in c.items() if k.startswith("dev") and k.endswith("right"))
        dev_false = sum(v for k, v in c.items() if k.startswith("dev") and k.endswith("false"))
        per_data = [str(sum(v for k, v in c.items() if k.startswith(name + " "))) for name in sentences]
        print(f"| {rule} | {level} | {dev_right} | {dev_false} | " + " | ".join(per_data) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
