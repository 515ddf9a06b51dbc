"""A local Dask cluster against ``--jobs N`` on the same folder: wall time, CPU and the reports.

Each run is ``refuso check FOLDER --no-languagetool --no-cache --format json`` in a fresh process,
once with ``--jobs N`` and once with ``--dask-scheduler local:N`` (a ``LocalCluster`` of N worker
processes, one thread each, started and stopped by the run), in turns so that both see the same
load. Wall time is the process's; CPU is user + system of the process and every child it waited
for (the workers of either kind). The two JSON reports must be identical: the script says so, or
exits with 1 when they differ.

Build the folder with ``speed.py`` (outside the project)::

    .venv/bin/python benchmarks/speed.py --build-corpus-only --corpus-mb 50 --corpus-dir /tmp/c50
    .venv/bin/python benchmarks/dask_cluster.py /tmp/c50 --workers 2 --runs 3

Needs the ``dask`` extra (``pip install -e '.[dask]'``). Quote medians; the machine is shared.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _run(argv: list[str], output: Path) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.run([*argv, "--output-file", str(output)], capture_output=True, text=True)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode not in (0, 1):
        raise SystemExit(
            f"dask_cluster.py: {' '.join(argv)} exited with {proc.returncode}:\n{proc.stderr[-2000:]}"
        )
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    digest = hashlib.sha256(output.read_bytes()).hexdigest()
    return {"wall": wall, "cpu": cpu, "digest": digest}


def _size(folder: str) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder", help="the folder to check (build it with speed.py --build-corpus-only)")
    p.add_argument("--workers", type=int, default=2, help="worker processes of both kinds (default 2)")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument(
        "--refuso", default=shutil.which("refuso") or str(Path(sys.executable).with_name("refuso"))
    )
    args = p.parse_args()
    common = [args.refuso, "check", args.folder, "--no-languagetool", "--no-cache", "--format", "json"]
    kinds = {
        f"--jobs {args.workers}": [*common, "--jobs", str(args.workers)],
        f"--dask-scheduler local:{args.workers}": [*common, "--dask-scheduler", f"local:{args.workers}"],
    }
    rows: dict[str, list[dict[str, float]]] = {name: [] for name in kinds}
    with tempfile.TemporaryDirectory(prefix="refuso-dask-") as tmp:
        for _ in range(args.runs):
            for name, argv in kinds.items():
                rows[name].append(_run(argv, Path(tmp) / "report.json"))
    mb = _size(args.folder) / 1e6
    load = os.getloadavg()[0]
    print(f"# {args.folder}: {mb:.1f} MB, medians of {args.runs} runs (load at the end {load:.2f})\n")
    print("| run | wall s | MB/s | CPU s (with workers) |")
    print("|---|---|---|---|")
    for name, records in rows.items():
        wall = statistics.median(r["wall"] for r in records)
        cpu = statistics.median(r["cpu"] for r in records)
        print(f"| `{name}` | {wall:.1f} | {mb / wall:.2f} | {cpu:.1f} |")
    digests = {r["digest"] for records in rows.values() for r in records}
    if len(digests) != 1:
        print("\nThe reports DIFFER between runs or kinds.")
        return 1
    print("\nEvery report identical (SHA-256 " + digests.pop()[:16] + "...).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
