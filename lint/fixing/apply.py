"""Applying the fixes findings carry to a text.

Edits are applied from the end of the text backwards, so earlier offsets stay valid. An edit that
overlaps one already accepted is skipped (it will be reconsidered on the next run), so two fixes can
never mangle each other.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from lint.findings import Applicability, Edit, Finding


@dataclass(frozen=True, slots=True)
class FixResult:
    text: str
    applied: tuple[Finding, ...]
    skipped: tuple[Finding, ...]  # fixable, but overlapping another fix


def apply_fixes(text: str, findings: Iterable[Finding], allowed: Collection[Applicability]) -> FixResult:
    candidates = [f for f in findings if f.fix is not None and f.fix.applicability in allowed]
    candidates.sort(key=lambda f: (min(e.start for e in f.fix.edits), f.code))  # type: ignore[union-attr]
    accepted: list[tuple[Finding, tuple[Edit, ...]]] = []
    skipped: list[Finding] = []
    taken: list[tuple[int, int]] = []
    for finding in candidates:
        edits = finding.fix.edits  # type: ignore[union-attr]
        if any(_overlaps(e, taken) for e in edits):
            skipped.append(finding)
            continue
        accepted.append((finding, edits))
        taken.extend((e.start, e.end) for e in edits)
    all_edits = sorted(
        (e for _, edits in accepted for e in edits), key=lambda e: (e.start, e.end), reverse=True
    )
    out = text
    for e in all_edits:
        out = out[: e.start] + e.replacement + out[e.end :]
    return FixResult(out, tuple(f for f, _ in accepted), tuple(skipped))


def _overlaps(edit: Edit, taken: list[tuple[int, int]]) -> bool:
    for start, end in taken:
        if edit.start < end and start < edit.end:
            return True
        # Two insertions at one point, or an insertion at the edge of a replacement, touch: keep one.
        if edit.start == edit.end == start or (start == end and edit.start <= start <= edit.end):
            return True
    return False
