"""Fixing a run's files: what ``refuso check --fix``, ``--unsafe-fixes`` and ``--diff`` do.

Each file is fixed in memory, pass after pass, and checked again (:func:`lint.fixing.write.fix_result`);
with ``write=True`` the fixed text is written back safely (:func:`lint.fixing.write.write_fixed`: never
through a link, never over a read-only file or one that changed since it was read). Text read from
standard input is never written: its fixed text is in the report, for the caller to print.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lint.findings import Applicability, FileResult, Problem, RunResult

if TYPE_CHECKING:
    from lint.fixing.write import Fixed  # imported when fixing: checking alone never needs it


@dataclass(frozen=True)
class FixReport:
    """What fixing a run did.

    ``run`` is the run with each fixed file's new result (its findings are those left after fixing;
    a file fixed but not written keeps its fixed text as ``source``); its problems include the files
    that could not be written. ``fixed`` holds, per changed file, the text before and after, the
    number of fixes and a unified diff (:meth:`Fixed.diff`); ``written`` says whether they were
    written to their files."""

    run: RunResult
    fixed: tuple[Fixed, ...]
    written: bool
    unsafe_left: int  # fixes left that only ``unsafe=True`` applies

    @property
    def applied(self) -> int:
        """How many fixes were applied, over every file."""
        return sum(one.applied for one in self.fixed)

    def diff(self) -> str:
        """The unified diff of every changed file, in the run's order."""
        return "".join(one.diff() for one in self.fixed)


def fix_run(
    run: RunResult,
    recheck: Callable[[str, bytes], FileResult],
    *,
    unsafe: bool = False,
    write: bool = True,
    from_stdin: Collection[str] = (),
) -> FixReport:
    """Fix every checked file of ``run``; ``recheck(path, data)`` checks fixed bytes as that file
    again. Results whose path is in ``from_stdin`` are fixed in memory only."""
    from lint.fixing.write import fix_result, remove_stale_temporaries, write_fixed

    allowed = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    results: list[FileResult] = []
    fixed: list[Fixed] = []
    problems: list[Problem] = []
    if write:
        written = [r.path for r in run.files if r.checked and r.path not in from_stdin]
        for path, removed in remove_stale_temporaries(written).items():
            problems.extend(
                Problem(
                    path, f"removed {name}, a temporary file an interrupted --fix left beside it", kind="note"
                )
                for name in removed
            )
    for result in run.files:
        one = fix_result(result, allowed, recheck) if result.checked else None
        if one is None or not one.changed:
            results.append(result)
            continue
        if not write or result.path in from_stdin:
            results.append(replace(one.result, source=one.after))
            fixed.append(one)
            continue
        problem = write_fixed(result.path, one, result.encoding, result.bom)
        if problem is not None:
            problems.append(problem)
            results.append(result)
            continue
        results.append(one.result)
        fixed.append(one)
    unsafe_left = (
        0
        if unsafe
        else sum(
            1
            for r in results
            for f in r.findings
            if f.fix is not None and f.fix.applicability is Applicability.UNSAFE
        )
    )
    return FixReport(RunResult(tuple(results), (*run.problems, *problems)), tuple(fixed), write, unsafe_left)
