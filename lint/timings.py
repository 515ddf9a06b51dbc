"""``--timings``: what each rule cost over a run, summed from the files' results
(:attr:`lint.findings.FileResult.timings`), as a table for standard error."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple


class RuleTiming(NamedTuple):
    code: str
    seconds: float
    findings: int  # reported by the rule, before suppression comments
    documents: int  # files the rule ran on


def rule_timings(run: Any) -> list[RuleTiming]:
    """Each rule that ran, the costliest first (ties by code)."""
    seconds: dict[str, float] = {}
    findings: dict[str, int] = {}
    documents: dict[str, int] = {}
    for result in run.files:
        for code, (spent, count) in result.timings.items():
            seconds[code] = seconds.get(code, 0.0) + spent
            findings[code] = findings.get(code, 0) + count
            documents[code] = documents.get(code, 0) + 1
    timings = [RuleTiming(code, seconds[code], findings[code], documents[code]) for code in seconds]
    return sorted(timings, key=lambda t: (-t.seconds, t.code))


def table(run: Any, rules: Mapping[str, Any] | None = None) -> str:
    """The rules' times (ms), shares of the total, findings and documents, one rule a line."""
    timings = rule_timings(run)
    if not timings:
        return "timings: no rule ran\n"
    total = sum(t.seconds for t in timings) or 1e-9
    names = {t.code: getattr((rules or {}).get(t.code), "name", "") for t in timings}
    rows = [
        (
            t.code,
            names[t.code],
            f"{t.seconds * 1000:.1f}",
            f"{100 * t.seconds / total:.1f}%",
            str(t.findings),
            str(t.documents),
        )
        for t in timings
    ]
    rows.append(
        (
            "total",
            "",
            f"{total * 1000:.1f}",
            "100.0%",
            str(sum(t.findings for t in timings)),
            str(sum(1 for result in run.files if result.timings)),
        )
    )
    header = ("rule", "name", "time (ms)", "share", "findings", "documents")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    left = {0, 1}

    def line(row: tuple[str, ...]) -> str:
        cells = [
            c.ljust(w) if i in left else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        return "  ".join(cells).rstrip() + "\n"

    return "".join([line(header), *(line(r) for r in rows)])
