"""Checking archives on Dask (``dask.distributed``): the files are read and checked on the workers,
each worker loading refuso's plugins, rules, configuration and knowledge base once and keeping them
for every later file with the same options.

    from distributed import Client
    from lint.api.dask import check_bag, write_json_lines

    client = Client("tcp://scheduler:8786")
    bag = check_bag(["archive/"])                 # a dask.bag.Bag of per-file result dicts
    write_json_lines(bag, "findings.jsonl")       # computed on the client's cluster, in path order

Dask is imported only here, and this module only when it is used: ``refuso check`` without
``--dask-scheduler`` starts as before. The files must be readable by the workers at the same paths
(a shared file system); the paths are sent made absolute.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import IO, Any

from lint.findings import FileResult, Problem

#: Files sent to a worker in one task: enough to make the scheduler's cost per file small, few
#: enough that the results of a large archive come back steadily.
FILES_PER_TASK = 8


@dataclass(frozen=True)
class WorkerOptions:
    """What a worker needs to build the same :class:`lint.api.Linter` as the client's, and how to
    check: the key of the worker's cache."""

    config_file: str | None = None
    overrides: Any = None  # lint.config.Overrides
    isolated: bool = False
    load_entry_points: bool = True
    cache_dir: str | None = ""  # "" refuso's usual cache folder; None no cache
    keep_sources: bool = False
    keep_lines: bool = True
    timings: bool = False

    @classmethod
    def make(cls, config_file: str | os.PathLike[str] | None = None, **options: Any) -> WorkerOptions:
        config = os.path.abspath(config_file) if config_file else None
        return cls(config_file=config, **options)


# One linter per options, per worker process: built by the first task that needs it.
_linters: dict[bytes, Any] = {}


def _worker_linter(options: WorkerOptions) -> Any:
    key = pickle.dumps(
        (
            options.config_file,
            options.overrides,
            options.isolated,
            options.load_entry_points,
            options.cache_dir,
        )
    )
    linter = _linters.get(key)
    if linter is None:
        from lint.api.linter import Linter
        from lint.cache import Cache, default_directory

        cache = Cache(None) if options.cache_dir is None else Cache(options.cache_dir or default_directory())
        linter = Linter(
            config_file=options.config_file,
            overrides=options.overrides,
            isolated=options.isolated,
            load_entry_points=options.load_entry_points,
            cache=cache,
        )
        _linters[key] = linter
    return linter


# An item of work: (path to open, name in reports, why it is skipped or None).
Item = tuple[str, str, Problem | None]


def check_item(item: Item | str, options: WorkerOptions) -> FileResult:
    """Check one file on this process, with the linter ``options`` describe (built once)."""
    if isinstance(item, str):
        item = (item, item, None)
    path, display, skipped = item
    if skipped is not None:
        return FileResult(display, None, problems=(skipped,), checked=False)
    from lint.engine.options import EngineOptions

    linter = _worker_linter(options)
    engine_options = EngineOptions(
        keep_sources=options.keep_sources, keep_lines=options.keep_lines, timings=options.timings
    )
    engine = linter.engine_for(linter.finder.for_file(path), engine_options)
    return engine.check_path(path, display=display)


def _check_items(items: list[Item], options: WorkerOptions) -> list[FileResult]:
    return [check_item(item, options) for item in items]


def result_to_dict(result: FileResult) -> dict[str, Any]:
    """One file's result as in ``refuso check --format json`` (an entry of ``files``), with the
    file's own errors and notes."""
    from lint.formatters.json import finding_to_dict, problem_to_dict

    return {
        "path": result.path,
        "language": result.language,
        "findings": [finding_to_dict(f) for f in result.findings],
        "errors": [problem_to_dict(p) for p in result.problems if p.kind == "error"],
        "notes": [problem_to_dict(p) for p in result.problems if p.kind != "error"],
    }


def _items(targets: Iterable[Any]) -> list[Item]:
    items: list[Item] = []
    for t in targets:
        if t.path == "-":
            raise ValueError("standard input cannot be checked on a Dask cluster; name the files")
        items.append((os.path.abspath(t.path), t.display, t.skipped))
    return items


def check_bag(
    paths_or_bag: Sequence[str] | Any,
    *,
    npartitions: int | None = None,
    keep_lines: bool = False,
    **linter_options: Any,
) -> Any:
    """A ``dask.bag.Bag`` of per-file result dicts (:func:`result_to_dict`), lazy until computed.

    ``paths_or_bag``: files and folders, walked here as ``refuso check`` walks them (include,
    exclude, ``.gitignore``), in the same order; or a bag of file paths, checked as they are.
    ``linter_options`` are those of :class:`lint.api.Linter` (``config_file``, ``overrides``,
    ``isolated``, ``load_entry_points``); each worker builds that linter once."""
    import dask.bag as db

    options = WorkerOptions.make(keep_lines=keep_lines, **linter_options)
    if isinstance(paths_or_bag, db.Bag):
        bag = paths_or_bag
    else:
        from lint.api.linter import Linter

        targets = Linter(**linter_options).discover(list(paths_or_bag))
        items = _items(targets)
        parts = npartitions or max(1, -(-len(items) // FILES_PER_TASK))
        bag = db.from_sequence(items, npartitions=min(parts, max(1, len(items))))
    return bag.map(check_item, options).map(result_to_dict)


def write_json_lines(bag: Any, out: str | os.PathLike[str] | IO[str]) -> int:
    """Compute ``bag`` (of :func:`check_bag`) and write one JSON object per file, in the bag's order,
    to a path or an open text stream. The number of files written."""
    import json

    def write(stream: IO[str]) -> int:
        count = 0
        for record in bag.compute():
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
        return count

    if isinstance(out, (str, os.PathLike)):
        with open(out, "w", encoding="utf-8") as stream:
            return write(stream)
    return write(out)


def connect(address: str) -> tuple[Any, Any]:
    """A client for ``address`` (a scheduler's, e.g. ``tcp://10.0.0.5:8786``), or for a new local
    cluster of N worker processes with ``local:N``. The client and the cluster (None when the
    scheduler was named); close both when done."""
    from distributed import Client, LocalCluster

    if address.startswith("local:"):
        try:
            workers = int(address.removeprefix("local:"))
        except ValueError:
            workers = 0
        if workers < 1:
            raise ValueError(
                f"--dask-scheduler {address}: give local:N with N a number of workers, 1 or more"
            )
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster
    return Client(address, timeout="20s"), None


def iter_on_cluster(
    linter: Any,
    targets: Sequence[Any],
    client: Any,
    *,
    keep_sources: bool = False,
    keep_lines: bool = True,
    timings: bool = False,
    load_entry_points: bool = True,
) -> Iterator[FileResult]:
    """What :meth:`lint.api.Linter.iter_paths` yields, checked on ``client``'s cluster: each
    target's result, in the targets' order, with the same linter as ``linter`` on every worker."""
    options = WorkerOptions(
        config_file=os.path.abspath(linter.finder.explicit) if linter.finder.explicit else None,
        overrides=linter.finder.overrides,
        isolated=linter.finder.isolated,
        load_entry_points=load_entry_points,
        cache_dir=None if linter.cache.directory is None else os.fspath(linter.cache.directory),
        keep_sources=keep_sources,
        keep_lines=keep_lines,
        timings=timings,
    )
    # What Linter.iter_paths keeps of a run, for fail_level_for and from_stdin to answer.
    linter.remember_targets(targets)
    items = _items(targets)
    batches = [items[i : i + FILES_PER_TASK] for i in range(0, len(items), FILES_PER_TASK)]
    futures = client.map(_check_items, batches, options=options, pure=False)
    try:
        for future in futures:
            yield from future.result()
    finally:
        client.cancel(futures)


__all__ = [
    "WorkerOptions",
    "check_bag",
    "check_item",
    "connect",
    "iter_on_cluster",
    "result_to_dict",
    "write_json_lines",
]
