"""Peak memory and time on one very large file: does memory stay bounded as the file grows?

Files over 8 MB are checked a window at a time (``lint/engine/windows.py``). This script builds single
plain-text files of several sizes in a temporary folder outside the project, checks each with
``/usr/bin/time -v python -m lint check FILE --jobs N --format concise --no-source -o OUT`` (with
``--jobs 2`` two workers check the windows), and reports wall time, peak resident memory (of the
largest process) and the number of findings. It MEASURES and reports; it never asserts.

Two kinds of file:

* ``archive``: an archive of articles, paragraphs of 3-7 sentences of edited Italian from
  ``../shared/data`` with the seed article (a machine translation full of errors) after every
  200 KB: findings at the density of real copy.
* ``dense``: the seed article over and over, with ``,,`` in every 7th paragraph and a doubled
  space in every 11th, the worst case: about 5,700 findings per MB, all kept until the report.

Memory has two parts: the window being checked (bounded) and the findings kept for the report
(about 1 KB each). The ``archive`` rows show the first; the ``dense`` rows the second.

    .venv/bin/python benchmarks/large_file.py                      # both kinds, 10 and 100 MB, jobs 1 and 2
    .venv/bin/python benchmarks/large_file.py --kinds archive --sizes 10 50

Results go to ``benchmarks/results/large-file-<UTC timestamp>.json`` and ``.md`` (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import DEFAULT_DATA, MB, RESULTS, ROOT, SEED, bench_env, load_material


def say(message: str) -> None:
    print(f"[large-file] {message}", file=sys.stderr, flush=True)


def build_archive(path: Path, size: int, data: Path, rng: random.Random) -> None:
    italian, _ = load_material(data)
    seed = (ROOT / SEED).read_text(encoding="utf-8").strip() + "\n\n"
    written = since_seed = 0
    order = list(italian)
    with path.open("w", encoding="utf-8") as fh:
        while written < size:
            rng.shuffle(order)
            i = 0
            while i < len(order) and written < size:
                n = rng.randint(3, 7)
                paragraph = " ".join(order[i : i + n]) + "\n\n"
                i += n
                fh.write(paragraph)
                written += len(paragraph.encode("utf-8"))
                since_seed += len(paragraph)
                if since_seed >= 200_000:
                    fh.write(seed)
                    written += len(seed.encode("utf-8"))
                    since_seed = 0


def build_dense(path: Path, size: int) -> None:
    paragraphs = [p for p in (ROOT / SEED).read_text(encoding="utf-8").split("\n") if p.strip()]
    written = k = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < size:
            for p in paragraphs:
                k += 1
                if k % 7 == 0:
                    p = p.replace(", ", ",, ", 1)
                if k % 11 == 0:
                    p = p.replace(" ", "  ", 1)
                line = p + "\n\n"
                fh.write(line)
                written += len(line.encode("utf-8"))


def measure(args: argparse.Namespace, env: dict[str, str], path: Path, jobs: int) -> dict[str, Any]:
    out = path.with_suffix(".out")
    argv = [
        sys.executable,
        "-m",
        "lint",
        "check",
        str(path),
        "--jobs",
        str(jobs),
        "--format",
        "concise",
        "--no-source",
        "-o",
        str(out),
    ]
    started = time.perf_counter()
    proc = subprocess.run([args.time, "-v", *argv], env=env, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", proc.stderr)
    findings = max(0, sum(1 for _ in out.open(encoding="utf-8")) - 1) if out.exists() else None
    problems = [
        line for line in proc.stderr.splitlines() if line.startswith("refuso:")
    ]  # errors and notes refuso printed (a rule that timed out would be here)
    out.unlink(missing_ok=True)
    return {
        "file_bytes": path.stat().st_size,
        "wall_s": round(wall, 1),
        "peak_rss_kb": int(m.group(1)) if m else None,
        "exit_code": proc.returncode,
        "findings": findings,
        "refuso_messages": problems[:10],
        "command": shlex.join([*argv[:1], "-m", "lint", "check", path.name, *argv[5:-2]]),
    }


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "# refuso: one very large file",
        "",
        f"{report['when']} · {report['machine']} · refuso {report['commit']}",
        "",
        "| kind | size | jobs | wall time | peak RSS | findings | exit |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in report["rows"]:
        rss = row["peak_rss_kb"]
        lines.append(
            f"| {row['kind']} | {row['file_bytes'] / MB:,.1f} MB | {row['jobs']} | {row['wall_s']:,.1f} s | "
            f"{rss / 1024:,.0f} MB | {row['findings']:,} | {row['exit_code']} |"
            if rss is not None and row["findings"] is not None
            else f"| {row['kind']} | {row['file_bytes'] / MB:,.1f} MB | {row['jobs']} | {row['wall_s']} s | ? | ? | "
            f"{row['exit_code']} |"
        )
    lines += [
        "",
        f"Command: `{report['rows'][0]['command']}` under `/usr/bin/time -v`." if report["rows"] else "",
    ]
    messages = sorted({m for row in report["rows"] for m in row["refuso_messages"]})
    if messages:
        lines += ["", "refuso said:", *[f"- {m}" for m in messages]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--sizes", type=float, nargs="+", default=[10, 100], help="file sizes in MB (10^6 bytes)")
    p.add_argument("--kinds", nargs="+", choices=["archive", "dense"], default=["archive", "dense"])
    p.add_argument(
        "--jobs",
        type=int,
        nargs="+",
        default=[1, 2],
        help="--jobs values to compare (2: windows in parallel)",
    )
    p.add_argument("--data", default=str(DEFAULT_DATA), help="folder of the shared data")
    p.add_argument("--time", default="/usr/bin/time", help="GNU time, for the peak resident memory")
    p.add_argument("--keep", action="store_true", help="keep the generated files")
    args = p.parse_args(argv)
    if not Path(args.time).exists():
        raise SystemExit(
            f"large_file.py: {args.time} not found; install GNU time (Debian: apt-get install time)"
        )
    workdir = Path(tempfile.mkdtemp(prefix="refuso-large-"))
    cache = workdir / "cache"
    env = bench_env(args, cache, workdir / "pycache")
    rows = []
    try:
        # Warm refuso's cache (rule packs, knowledge base) so that every row measures the check alone.
        subprocess.run([sys.executable, "-m", "lint", "check", SEED], env=env, cwd=ROOT, capture_output=True)
        for kind in args.kinds:
            for size_mb in args.sizes:
                path = workdir / f"{kind}-{size_mb:g}mb.txt"
                say(f"building {path.name}")
                if kind == "archive":
                    build_archive(path, int(size_mb * MB), Path(args.data), random.Random(1))
                else:
                    build_dense(path, int(size_mb * MB))
                for jobs in args.jobs:
                    say(f"checking {path.name} with --jobs {jobs}")
                    row = {"kind": kind, "jobs": jobs, **measure(args, env, path, jobs)}
                    say(json.dumps(row))
                    rows.append(row)
                if not args.keep:
                    path.unlink()
    finally:
        if not args.keep:
            shutil.rmtree(workdir, ignore_errors=True)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    report = {
        "when": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
        "commit": commit.stdout.strip() or "?",
        "rows": rows,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"large-file-{stamp}.json").write_text(json.dumps(report, indent=2))
    text = markdown(report)
    (RESULTS / f"large-file-{stamp}.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
