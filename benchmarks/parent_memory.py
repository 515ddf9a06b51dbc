"""The peak memory of the process that writes the report, as a run grows.

Each run is a fresh interpreter that calls refuso's command line in-process (``lint.cli.main``) on a
folder and then prints its own ``getrusage(RUSAGE_SELF)``: the parent's peak resident memory, the
workers of ``--jobs 2`` left out (they have their own). refuso's cache is not used. The report goes to ``/dev/null``. With
``--tree NAME=PATH`` several checkouts of refuso are measured in the same run (``PATH`` goes first on
``PYTHONPATH``), in turns, so their figures can be compared; medians of ``--runs``.

Build the folders with ``speed.py``::

    .venv/bin/python benchmarks/speed.py --build-corpus-only --corpus-mb 1 --corpus-dir /tmp/c1
    .venv/bin/python benchmarks/speed.py --build-corpus-only --corpus-mb 50 --corpus-dir /tmp/c50
    .venv/bin/python benchmarks/parent_memory.py /tmp/c1 /tmp/c50 --tree before=../old --tree after=.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _child(argv: list[str]) -> None:
    import resource

    from lint.cli import main

    started = time.perf_counter()
    code = main(argv)
    wall = time.perf_counter() - started
    usage = resource.getrusage(resource.RUSAGE_SELF)
    import lint

    record = {"code": code, "wall": wall, "maxrss_kib": usage.ru_maxrss, "lint": lint.__file__}
    sys.__stderr__.write("\nPARENT-MEMORY " + json.dumps(record) + "\n")


def _measure(python: str, tree: Path | None, folder: str, jobs: int, fmt: str) -> dict:
    env = {**os.environ, "NO_COLOR": "1"}
    if tree is not None:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tree), env.get("PYTHONPATH", "")]))
    # No cache: every run checks every file, so the trees do the same work whatever ran before.
    argv = ["check", folder, "--no-languagetool", "--no-cache", "--jobs", str(jobs), "--format", fmt]
    argv += ["--output-file", os.devnull]
    proc = subprocess.run(
        [python, str(Path(__file__).resolve()), "--child", json.dumps(argv)],
        capture_output=True,
        text=True,
        cwd="/",  # so that only PYTHONPATH (or the installed package) decides which refuso runs
        env=env,
    )
    for line in proc.stderr.splitlines():
        if line.startswith("PARENT-MEMORY "):
            return json.loads(line.split(" ", 1)[1])
    raise SystemExit(f"parent_memory.py: the run on {folder} failed:\n{proc.stderr[-2000:]}")


def _size(folder: str) -> int:
    return sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument(
        "folders", nargs="*", help="folders to check (build them with speed.py --build-corpus-only)"
    )
    p.add_argument(
        "--tree", action="append", default=[], metavar="NAME=PATH", help="a checkout of refuso to measure"
    )
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--format", default="text", help="comma-separated report formats, each measured")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--python", default=sys.executable)
    p.add_argument("--child", help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.child is not None:
        _child(json.loads(args.child))
        return
    trees = [(name, Path(path).resolve()) for name, path in (t.split("=", 1) for t in args.tree)]
    trees = trees or [("installed", None)]
    rows: dict[tuple[str, str, str], list[dict]] = {}
    for _ in range(args.runs):
        for folder in args.folders:
            for fmt in args.format.split(","):
                for name, tree in trees:
                    record = _measure(args.python, tree, folder, args.jobs, fmt)
                    rows.setdefault((folder, fmt, name), []).append(record)
    print(f"# Parent peak RSS, --jobs {args.jobs}, medians of {args.runs} (load {os.getloadavg()[0]:.2f})\n")
    print("| folder | MB | format | tree | peak RSS MiB | wall s | exit |")
    print("|---|---|---|---|---|---|---|")
    for (folder, fmt, name), records in rows.items():
        rss = statistics.median(r["maxrss_kib"] for r in records) / 1024
        wall = statistics.median(r["wall"] for r in records)
        codes = sorted({r["code"] for r in records})
        mb = _size(folder) / 1e6
        print(f"| {folder} | {mb:.1f} | {fmt} | {name} | {rss:.1f} | {wall:.2f} | {codes} |")
    print("\nrefuso imported from: " + ", ".join(sorted({r["lint"] for v in rows.values() for r in v})))


if __name__ == "__main__":
    main()
