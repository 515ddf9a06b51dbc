"""Checking many files at once: ``--jobs N`` processes, each checking whole files.

Workers are forked from the main process after the rules are loaded, so they start with everything
compiled and share it copy-on-write. Where ``fork`` is not available, files are checked one by one.
Files go to the workers in batches of about the same size (a large file alone), in the targets'
order, with a bounded number of batches in flight; results are handed on in the targets' order as
soon as their turn comes (:func:`iter_targets`), so the output does not depend on ``--jobs`` and
what the parent holds does not grow with the number of files. Workers die with the parent (Linux:
``PR_SET_PDEATHSIG``) and an interrupted parent ends and waits for them, so none outlives a run.
A single file large enough to be checked in windows (:mod:`lint.engine.windowed`) has its windows
checked in parallel instead, with at most two per worker read ahead, so memory stays bounded.
An interrupted run (Ctrl-C) raises :class:`Interrupted`, which says how many files were checked.
"""

from __future__ import annotations

import os
import signal
import sys
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


BATCH_BYTES = 256_000  # at most this much text in one batch of small files
BATCH_FILES = 64
BATCHES_PER_WORKER = 8  # smaller batches than that for a small run, so the workers finish together
IN_FLIGHT_PER_WORKER = 4  # batches handed out ahead of the one whose results are awaited
POLL_SECONDS = 0.5  # how long the parent waits for a result before it looks at the workers again
PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _worker_start(parent: int) -> None:
    # Ctrl-C reaches the whole process group: the parent handles it and stops the pool, so the
    # workers must not each die with a traceback of their own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent(parent)


def _die_with_parent(parent: int) -> None:
    """Have the kernel kill this worker when the process that forked it ends, however it ends: a
    worker left behind would hold the parent's standard output open (and its caller waiting)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent ended before the request above was made
        os._exit(1)


def _pool(jobs: int) -> Any:
    import multiprocessing

    return multiprocessing.get_context("fork").Pool(jobs, initializer=_worker_start, initargs=(os.getpid(),))


def _end_workers(pool: Any) -> None:
    """Stop the pool's workers now and wait for them (Ctrl-C, or an error in the parent)."""
    import multiprocessing

    pool.terminate()
    for child in multiprocessing.active_children():
        child.terminate()
    for child in multiprocessing.active_children():
        child.join(5)
        if child.is_alive():
            child.kill()
            child.join(5)


def _wait(result: Any) -> Any:
    """The value of a pool's result, waited for in short steps so that Ctrl-C is seen at once."""
    while not result.ready():
        result.wait(POLL_SECONDS)
    return result.get()


def _check(index: int) -> FileResult:
    assert _work_state is not None
    targets, engines, stdin = _work_state
    target = targets[index]
    if target.skipped is not None:
        return FileResult(target.display, None, problems=(target.skipped,), checked=False)
    data = stdin if target.path == "-" else None
    return engines[index].check_path(target.path, data, display=target.display)


def _check_batch(indices: list[int]) -> list[FileResult]:
    return [_check(index) for index in indices]


def _batches(sizes: Sequence[int], jobs: int) -> list[list[int]]:
    """The targets' indices cut, in order, into batches of about the same number of bytes: enough
    batches for each worker to get several (so that they finish together), each one task and one
    message back, and a file larger than a batch alone."""
    budget = max(1, min(BATCH_BYTES, sum(sizes) // (jobs * BATCHES_PER_WORKER)))
    batches: list[list[int]] = []
    current: list[int] = []
    filled = 0
    for index, size in enumerate(sizes):
        if current and (filled + size > budget or len(current) >= BATCH_FILES):
            batches.append(current)
            current, filled = [], 0
        current.append(index)
        filled += size
    if current:
        batches.append(current)
    return batches


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
            yield done, _wait(result)
    while pending:
        done, result = pending.popleft()
        yield done, _wait(result)


def _check_windows_in_pool(
    target: Target, engine: Engine, picked: Any, data: bytes | None, jobs: int
) -> FileResult:
    """Check one large file with its windows spread over ``jobs`` worker processes."""
    from lint.engine.windowed import check_file

    global _window_state
    engine.prepare()
    _window_state = (engine, picked, target.display)
    pool = _pool(jobs)
    try:
        result = check_file(
            engine,
            target.path,
            data,
            target.display,
            picked,
            checked=lambda tasks: _windows_in_pool(pool, jobs, tasks),
        )
        pool.close()
        pool.join()
        return result
    finally:
        _end_workers(pool)  # nothing left to end after a run that finished
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
    """Every target's result, in the targets' order."""
    return collect(iter_targets(targets, engines, jobs=jobs, stdin=stdin), len(targets))


def collect(found: Iterator[FileResult], total: int) -> list[FileResult]:
    """Every result ``found`` yields; Ctrl-C between two results ends the workers and says how far it got."""
    results: list[FileResult] = []
    try:
        results.extend(found)
    except Interrupted:
        raise
    except KeyboardInterrupt:
        # Ctrl-C between two results: the workers are ended as the generator closes.
        found.close()  # type: ignore[attr-defined]
        raise Interrupted(len(results), total) from None
    return results


def iter_targets(
    targets: Sequence[Target], engines: Sequence[Engine], *, jobs: int = 0, stdin: bytes | None = None
) -> Iterator[FileResult]:
    """Each target's result, in the targets' order, as soon as it and those before it are done."""
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
                result = _check_windows_in_pool(target, engines[0], picked, data, jobs)
            except KeyboardInterrupt:
                raise Interrupted(0, 1) from None
            yield result
            return
    jobs = min(jobs, len(targets))
    done = 0
    _work_state = (targets, engines, stdin)
    try:
        if jobs <= 1:
            for i in range(len(targets)):
                result = _check(i)
                done += 1
                yield result
            return
        for engine in {id(e): e for e in engines}.values():
            engine.prepare()
        batches = _batches([_size(t) for t in targets], jobs)
        pool = _pool(jobs)
        try:
            pending: deque = deque()
            queued = iter(batches)
            while True:
                while len(pending) < jobs * IN_FLIGHT_PER_WORKER:
                    batch = next(queued, None)
                    if batch is None:
                        break
                    pending.append(pool.apply_async(_check_batch, (batch,)))
                if not pending:
                    break
                for result in _wait(pending.popleft()):
                    done += 1
                    yield result
            pool.close()
            pool.join()
        finally:
            _end_workers(pool)  # on Ctrl-C, an error, or a caller that stopped reading
    except KeyboardInterrupt:
        raise Interrupted(done, len(targets)) from None
    finally:
        _work_state = None
