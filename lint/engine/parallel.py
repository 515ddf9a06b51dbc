"""Checking many files at once: ``--jobs N`` processes, each checking whole files.

Workers are forked from the main process after the rules are loaded, so they start with everything
compiled and share it copy-on-write. Where ``fork`` is not available, files are checked one by one.
Results come back in the order of the targets, so the output does not depend on ``--jobs``.
A single file large enough to be checked in windows (:mod:`lint.engine.windowed`) has its windows
checked in parallel instead, with at most two per worker read ahead, so memory stays bounded.
An interrupted run (Ctrl-C) raises :class:`Interrupted`, which says how many files were checked.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from lint.findings import FileResult
from lint.paths import file_size

if TYPE_CHECKING:
    from lint.engine import Engine
    from lint.engine.windowed import WindowResult, WindowTask
    from lint.walk import Target

AUTO_PARALLEL_BYTES = 1_000_000  # below this, starting workers costs more than it saves

# Set in the parent just before the workers are forked, and read by them; never changed while they run.
_work_state: tuple[Sequence[Target], Sequence[Engine], bytes | None] | None = None


class Interrupted(KeyboardInterrupt):
    """Ctrl-C (SIGINT) during a run: ``done`` of ``total`` files were checked."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__(f"interrupted after {done} of {total} files")
        self.done = done
        self.total = total


def _ignore_interrupts() -> None:
    # Ctrl-C reaches the whole process group: the parent handles it and stops the pool, so the
    # workers must not each die with a traceback of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _check(index: int) -> FileResult:
    assert _work_state is not None
    targets, engines, stdin = _work_state
    target = targets[index]
    if target.skipped is not None:
        return FileResult(target.display, None, problems=(target.skipped,), checked=False)
    data = stdin if target.path == "-" else None
    return engines[index].check_path(target.path, data, display=target.display)


def _check_indexed(index: int) -> tuple[int, FileResult]:
    return index, _check(index)


# Set in the parent before the workers of one file's windows are forked: (engine, reader, display).
_window_state: tuple[Engine, Any, str] | None = None


def _check_window(task: WindowTask) -> WindowResult:
    from lint.engine.windowed import check_window

    assert _window_state is not None
    engine, picked, display = _window_state
    return check_window(engine, task, picked, display)


def _windows_in_pool(
    pool: Any, jobs: int, tasks: Iterator[WindowTask]
) -> Iterator[tuple[WindowTask, WindowResult]]:
    """Each window with its result, in order, checked by the pool's workers; at most two windows
    per worker are read ahead, so memory stays bounded."""
    pending: deque = deque()
    for task in tasks:
        pending.append((task, pool.apply_async(_check_window, (task,))))
        while len(pending) > 2 * jobs:
            done, result = pending.popleft()
            yield done, result.get()
    while pending:
        done, result = pending.popleft()
        yield done, result.get()


def _check_windows_in_pool(
    target: Target, engine: Engine, picked: Any, data: bytes | None, jobs: int
) -> FileResult:
    """Check one large file with its windows spread over ``jobs`` worker processes."""
    import multiprocessing

    from lint.engine.windowed import check_file

    global _window_state
    engine.prepare()
    _window_state = (engine, picked, target.display)
    try:
        with multiprocessing.get_context("fork").Pool(jobs, initializer=_ignore_interrupts) as pool:
            return check_file(
                engine,
                target.path,
                data,
                target.display,
                picked,
                checked=lambda tasks: _windows_in_pool(pool, jobs, tasks),
            )
    finally:
        _window_state = None


def _size(target: Target) -> int:
    # Standard input is read later; a vanished file counts 0 here and is reported when it is read.
    return file_size(target.path) if target.path != "-" and target.skipped is None else 0


def _auto_jobs(targets: Sequence[Target]) -> int:
    total = 0
    for t in targets:
        total += _size(t)
        if total >= AUTO_PARALLEL_BYTES:
            return os.cpu_count() or 1
    return 1


def run_targets(
    targets: Sequence[Target], engines: Sequence[Engine], *, jobs: int = 0, stdin: bytes | None = None
) -> list[FileResult]:
    global _work_state
    if jobs <= 0:
        jobs = _auto_jobs(targets)
    if jobs > 1:
        import multiprocessing  # only when it is used: it costs start-up time

        if "fork" not in multiprocessing.get_all_start_methods():
            jobs = 1
    if jobs > 1 and len(targets) == 1 and targets[0].skipped is None:
        # One file: if it is large enough to be checked in windows, the workers share its windows.
        target = targets[0]
        data = stdin if target.path == "-" else None
        picked = engines[0].large_file_reader(target.path, data, target.display)
        if picked is not None and not isinstance(picked, FileResult):
            try:
                return [_check_windows_in_pool(target, engines[0], picked, data, jobs)]
            except KeyboardInterrupt:
                raise Interrupted(0, 1) from None
    jobs = min(jobs, len(targets))
    results: list[FileResult | None] = [None] * len(targets)
    _work_state = (targets, engines, stdin)
    try:
        if jobs <= 1:
            for i in range(len(targets)):
                results[i] = _check(i)
            return [r for r in results if r is not None]
        context = multiprocessing.get_context("fork")
        for engine in {id(e): e for e in engines}.values():
            engine.prepare()
        # Largest files first, one at a time: the workers finish together instead of one of them
        # being left with a big file at the end. Results are put back in the targets' order.
        order = sorted(range(len(targets)), key=lambda i: -_size(targets[i]))
        with context.Pool(jobs, initializer=_ignore_interrupts) as pool:
            for index, result in pool.imap_unordered(_check_indexed, order, chunksize=1):
                results[index] = result
        return [r for r in results if r is not None]
    except KeyboardInterrupt:
        raise Interrupted(sum(r is not None for r in results), len(targets)) from None
    finally:
        _work_state = None
