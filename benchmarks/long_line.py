"""Time and memory of each report format on one very long line with a finding every other word.

A report that shows a finding's line (``text``, ``sarif``) must not cost the line's length per
finding. This script builds a one-line file of 120,000 words in a temporary folder outside the
project, alternating a word with ``,,`` and a clean one (60,000 findings), checks it with
``/usr/bin/time -v python -m lint check FILE --format F -o OUT`` for each format, and prints the
wall time, the peak resident memory and the size of the report. ``--words`` scales the file; the
``it`` text has accented letters, so excerpts cannot take the all-ASCII path. It MEASURES and
reports; it never asserts.

    .venv/bin/python benchmarks/long_line.py
    .venv/bin/python benchmarks/long_line.py --words 12000 --formats text concise
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import ROOT

PAIRS = {"ascii": ("Uno,,", "due"), "it": ("Città,,", "perché")}


def measure(path: Path, fmt: str, out: Path, env: dict[str, str]) -> tuple[str, str, str]:
    command = [
        "/usr/bin/time",
        "-v",
        sys.executable,
        "-m",
        "lint",
        "check",
        str(path),
        "--format",
        fmt,
        "-o",
        str(out),
    ]
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", proc.stderr)
    peak = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", proc.stderr)
    size = out.stat().st_size if out.exists() else 0
    return (
        wall.group(1) if wall else "?",
        f"{int(peak.group(1)) // 1024} MB" if peak else "?",
        f"{size / 1_000_000:.1f} MB (exit {proc.returncode})",
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--words", type=int, default=120_000)
    parser.add_argument("--texts", nargs="+", choices=sorted(PAIRS), default=["ascii", "it"])
    parser.add_argument("--formats", nargs="+", default=["concise", "text", "sarif", "html"])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="refuso-long-line-") as folder:
        env = {**os.environ, "REFUSO_CACHE_DIR": str(Path(folder) / "cache"), "NO_COLOR": "1"}
        env.pop("GITHUB_ACTIONS", None)
        print("| text | format | wall time | peak RSS | report |")
        print("|---|---|---|---|---|")
        for name in args.texts:
            flagged, clean = PAIRS[name]
            path = Path(folder) / f"{name}.txt"
            path.write_text(" ".join([flagged, clean] * (args.words // 2)) + "\n", encoding="utf-8")
            measure(path, "concise", Path(folder) / "warm-up", env)  # fills refuso's cache; not reported
            for fmt in args.formats:
                wall, peak, size = measure(path, fmt, Path(folder) / f"report.{fmt}", env)
                print(f"| {name} | {fmt} | {wall} | {peak} | {size} |", flush=True)


if __name__ == "__main__":
    main()
