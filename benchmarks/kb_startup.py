"""What the knowledge base costs at start-up: `refuso check` on the seed with and without the rules
that read it, in one hyperfine run (medians), with a warm cache (the compiled KB is unpickled) and
with `--no-cache` (the KB files are parsed, validated and compiled).

    .venv/bin/python benchmarks/kb_startup.py [--runs 20]

Measures and prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/000_c6597b0d87ed5ff2.txt"
KB_RULES = "title,name,consistency,STY002,STY003"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    hyperfine = shutil.which("hyperfine")
    if not hyperfine:
        print("hyperfine is needed: apt-get install hyperfine", file=sys.stderr)
        return 2
    refuso = str(Path(sys.executable).with_name("refuso"))
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as tmp:
        env["REFUSO_CACHE_DIR"] = str(Path(tmp) / "cache")
        env["REFUSO_LANGUAGETOOL"] = "off"  # what the knowledge base costs, not LanguageTool
        export = Path(tmp) / "result.json"
        commands = {
            "with KB, warm cache": f"{refuso} check {SEED}",
            "without KB rules, warm cache": f"{refuso} check {SEED} --ignore {KB_RULES}",
            "with KB, --no-cache": f"{refuso} check --no-cache {SEED}",
            "without KB rules, --no-cache": f"{refuso} check --no-cache {SEED} --ignore {KB_RULES}",
        }
        argv = [
            hyperfine,
            "-N",
            "-i",
            "--warmup",
            "3",
            "--runs",
            str(args.runs),
            "--style",
            "none",
            "--export-json",
            str(export),
        ]
        for name, command in commands.items():
            argv += ["--command-name", name, command]
        subprocess.run(argv, cwd=ROOT, env=env, check=True)
        results = json.loads(export.read_text())["results"]
    print("| command | median ms | mean ms |")
    print("|---|---:|---:|")
    medians = {}
    for r in results:
        medians[r["command"]] = r["median"] * 1000
        print(f"| {r['command']} | {r['median'] * 1000:.1f} | {r['mean'] * 1000:.1f} |")
    warm = medians["with KB, warm cache"] - medians["without KB rules, warm cache"]
    cold = medians["with KB, --no-cache"] - medians["without KB rules, --no-cache"]
    print(f"\nThe KB and its rules add {warm:.0f} ms with a warm cache, {cold:.0f} ms without one.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
