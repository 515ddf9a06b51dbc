"""Checking many files at once: ``--jobs N`` processes, each checking whole files.

Workers are forked from the main process after the rules are loaded, so they start with everything
compiled and share it copy-on-write. Where ``fork`` is not available, files are checked one by one.
Results come back in the order of the targets, so the output does not depend on ``--jobs``.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING

from lint.findings import FileResult

if TYPE_CHECKING:
    from lint.engine import Engine
    from lint.walk import Target

AUTO_PARALLEL_BYTES = 1_000_000  # below this, starting workers costs more than it saves

# Set in the parent just before the workers are forked, and read by them; never changed while they run.
_work_state: tuple[Sequence[Target], Sequence[Engine], bytes | None] | None = None


def _check(index: int) -> FileResult:
    assert _work_state is not None
    targets, engines, stdin = _work_state
    target = targets[index]
    data = stdin if target.path == "-" else None
    return engines[index].check_path(target.path, data, display=target.display)


def _check_indexed(index: int) -> tuple[int, FileResult]:
    return index, _check(index)


def _size(target: Target) -> int:
    try:
        return os.stat(target.path).st_size if target.path != "-" else 0
    except OSError:
        return 0


def _auto_jobs(targets: Sequence[Target]) -> int:
    total = 0
    for t in targets:
        total += _size(t)  # a vanished file counts 0 here and is reported when it is read
        if total >= AUTO_PARALLEL_BYTES:
            return os.cpu_count() or 1
    return 1


def run_targets(
    targets: Sequence[Target], engines: Sequence[Engine], *, jobs: int = 0, stdin: bytes | None = None
) -> list[FileResult]:
    global _work_state
    if jobs <= 0:
        jobs = _auto_jobs(targets)
    jobs = min(jobs, len(targets))
    _work_state = (targets, engines, stdin)
    try:
        if jobs <= 1:
            return [_check(i) for i in range(len(targets))]
        import multiprocessing  # only when it is used: it costs start-up time

        if "fork" not in multiprocessing.get_all_start_methods():
            return [_check(i) for i in range(len(targets))]
        context = multiprocessing.get_context("fork")
        for engine in {id(e): e for e in engines}.values():
            engine.prepare()
        # Largest files first, one at a time: the workers finish together instead of one of them
        # being left with a big file at the end. Results are put back in the targets' order.
        order = sorted(range(len(targets)), key=lambda i: -_size(targets[i]))
        results: list[FileResult | None] = [None] * len(targets)
        with context.Pool(jobs) as pool:
            for index, result in pool.imap_unordered(_check_indexed, order, chunksize=1):
                results[index] = result
        return [r for r in results if r is not None]
    finally:
        _work_state = None
