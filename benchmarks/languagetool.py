"""What LanguageTool costs: server start-up, first and warm checks, and a corpus cold and warm.

This script MEASURES and reports; it never asserts. It prints a Markdown summary and writes it, with
the raw figures, to ``benchmarks/results/languagetool-<UTC timestamp>.json`` and ``.md`` (git-ignored).

Sections:

* **server start**: wall time of ``refuso languagetool serve --detach`` until the server answers its
  health check, ``--starts`` times (median), on a free port of its own.
* **first and warm check**: right after a start, one check of the seed article (Italian) straight
  through refuso's client (the first check of a language loads its rules), then
  ``--warm-checks`` more (median).
* **per article** (hyperfine, one run): ``refuso check --no-cache SEED`` with and without
  ``--languagetool``: what LanguageTool adds to a run when nothing is cached.
* **corpus**: ``--articles`` article-sized files (3-5 KB) built by ``speed.py`` from
  ``../shared/data`` in a temporary folder. ``refuso check --languagetool`` on them once with
  LanguageTool's answers not cached (refuso's own pack cache already warm: a run without LanguageTool
  fills it first), then ``--warm-runs`` times with the answers cached, next to the same command
  without LanguageTool, in one hyperfine run. Goal: the warm run under 10% of the cold one.

Needs refuso installed in ``.venv`` with LanguageTool installed (``refuso languagetool install``),
``hyperfine``, and the shared data next to the project::

    .venv/bin/python benchmarks/languagetool.py            # about 5 minutes
    .venv/bin/python benchmarks/languagetool.py --help
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c6597b0d87ed5ff2.txt"
RESULTS = ROOT / "benchmarks" / "results"


def say(message: str) -> None:
    print(f"[languagetool.py] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def refuso(args: argparse.Namespace) -> list[str]:
    return [args.python, "-m", "lint"]


def start_server(args: argparse.Namespace, port: int, env: dict[str, str]) -> float:
    began = time.perf_counter()
    done = subprocess.run(
        [*refuso(args), "languagetool", "serve", "--detach", "--no-warm-up", "--port", str(port)],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    took = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"languagetool.py: the server did not start:\n{done.stderr}")
    return took


def stop_server(args: argparse.Namespace, port: int, env: dict[str, str]) -> None:
    subprocess.run(
        [*refuso(args), "languagetool", "stop", "--port", str(port)], env=env, cwd=ROOT, capture_output=True
    )


def timed_checks(url: str, text: str, count: int) -> list[float]:
    sys.path.insert(0, str(ROOT))
    from lint.languagetool import LanguageToolSettings
    from lint.languagetool.client import Client

    client = Client(LanguageToolSettings(url=url, timeout=300), "it-IT")
    times = []
    for _ in range(count):
        began = time.perf_counter()
        client.check(text)
        times.append(time.perf_counter() - began)
    return times


def hyperfine(
    args, commands: list[tuple[str, str]], runs: int, env: dict[str, str], work: Path
) -> list[dict]:
    export = work / f"hf-{len(list(work.glob('hf-*')))}.json"
    cmd = [args.hyperfine, "-N", "-i", "--runs", str(runs), "--output", "null", "--style", "basic"]
    cmd += ["--export-json", str(export)]
    for name, line in commands:
        cmd += ["--command-name", name, line]
    subprocess.run(cmd, env=env, cwd=ROOT, stdout=sys.stderr, check=True)
    results = json.loads(export.read_text())["results"]
    return [
        {
            "name": name,
            "median_s": round(r["median"], 3),
            "min_s": round(r["min"], 3),
            "max_s": round(r["max"], 3),
            "runs": len(r["times"]),
            "exit_codes": sorted(set(r.get("exit_codes") or [])),
        }
        for (name, _), r in zip(commands, results, strict=True)
    ]


def build_corpus(args: argparse.Namespace, folder: Path, env: dict[str, str]) -> dict[str, Any]:
    # Articles of 3-5 KB: build a little more than needed, then keep exactly --articles of them.
    megabytes = args.articles * 5_000 / 1_000_000
    subprocess.run(
        [
            args.python,
            str(ROOT / "benchmarks" / "speed.py"),
            "--build-corpus-only",
            "--corpus-dir",
            str(folder),
            "--corpus-mb",
            f"{megabytes:.3f}",
            "--min-file-kb",
            "3",
            "--max-file-kb",
            "5",
        ],
        env=env,
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    for extra in files[args.articles :]:
        extra.unlink()
    files = files[: args.articles]
    return {"files": len(files), "bytes": sum(p.stat().st_size for p in files)}


def run(args: argparse.Namespace) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="refuso-lt-bench-"))
    env = {**os.environ, "REFUSO_CACHE_DIR": str(work / "cache"), "NO_COLOR": "1"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    report: dict[str, Any] = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "url": url}
    try:
        seed = SEED.read_text(encoding="utf-8")
        starts = []
        for i in range(args.starts):
            say(f"server start {i + 1}/{args.starts}")
            starts.append(start_server(args, port, env))
            if i == 0:
                first = timed_checks(url, seed, 1)[0]
                warm = timed_checks(url, seed, args.warm_checks)
                report["seed_check"] = {
                    "first_s": round(first, 3),
                    "warm_median_s": round(statistics.median(warm), 3),
                    "warm_runs": len(warm),
                }
            if i < args.starts - 1:
                stop_server(args, port, env)
        report["server_start"] = {
            "median_s": round(statistics.median(starts), 2),
            "runs_s": [round(s, 2) for s in starts],
        }
        timed_checks(url, "Ciao. She go home.", 1)  # load English too before the corpus

        say("per article: refuso check --no-cache SEED, with and without LanguageTool")
        py = args.python
        report["per_article"] = hyperfine(
            args,
            [
                ("refuso", f"{py} -m lint check --no-cache --no-languagetool {SEED}"),
                (
                    "refuso --languagetool",
                    f"{py} -m lint check --no-cache --languagetool --languagetool-url {url} {SEED}",
                ),
            ],
            args.article_runs,
            env,
            work,
        )

        corpus = work / "corpus"
        say(f"building a corpus of about {args.articles} articles")
        report["corpus"] = build_corpus(args, corpus, env)
        base = f"{py} -m lint check --format json --jobs {args.jobs} --no-languagetool {corpus}"
        lt = f"{py} -m lint check --format json --jobs {args.jobs} --languagetool --languagetool-url {url} {corpus}"
        subprocess.run(
            base.split(), env=env, cwd=ROOT, stdout=subprocess.DEVNULL
        )  # fills refuso's pack cache
        say("corpus with LanguageTool, nothing cached")
        cold = hyperfine(args, [("cold", lt)], 1, env, work)[0]
        say("corpus with LanguageTool's answers cached, and without LanguageTool")
        warm = hyperfine(args, [("warm", lt), ("without LanguageTool", base)], args.warm_runs, env, work)
        report["corpus_runs"] = [cold, *warm]
        report["warm_over_cold"] = round(warm[0]["median_s"] / cold["median_s"], 3)
    finally:
        stop_server(args, port, env)
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return report


def markdown(r: dict[str, Any]) -> str:
    lines = [f"# LanguageTool benchmark, {r['date']}", ""]
    s = r["server_start"]
    lines.append(
        f"- server start (until it answers): median {s['median_s']} s of {len(s['runs_s'])} ({s['runs_s']})"
    )
    c = r["seed_check"]
    lines.append(
        f"- seed, first check after start: {c['first_s']} s; warm: median {c['warm_median_s']} s of {c['warm_runs']}"
    )
    for row in r["per_article"]:
        lines.append(
            f"- `{row['name']}` on the seed, no cache: median {row['median_s']} s ({row['runs']} runs)"
        )
    k = r["corpus"]
    lines.append(f"- corpus: {k['files']} articles, {k['bytes']:,} bytes")
    for row in r["corpus_runs"]:
        lines.append(f"  - {row['name']}: median {row['median_s']} s ({row['runs']} runs)")
    lines.append(f"- warm / cold: {r['warm_over_cold'] * 100:.1f}% (goal: under 10%)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument(
        "--python", default=str(ROOT / ".venv" / "bin" / "python"), help="the interpreter with refuso"
    )
    p.add_argument("--hyperfine", default=shutil.which("hyperfine") or "hyperfine")
    p.add_argument("--starts", type=int, default=3, help="server starts to time")
    p.add_argument("--warm-checks", type=int, default=10, help="warm checks of the seed to time")
    p.add_argument("--article-runs", type=int, default=5, help="hyperfine runs per seed command")
    p.add_argument("--articles", type=int, default=200, help="articles in the corpus (about 4 KB each)")
    p.add_argument("--warm-runs", type=int, default=5, help="hyperfine runs of the warm corpus")
    p.add_argument("--jobs", type=int, default=0, help="refuso --jobs for the corpus (0: automatic)")
    p.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = p.parse_args(argv)
    if not shutil.which(args.hyperfine):
        raise SystemExit("languagetool.py: needs hyperfine (apt-get install hyperfine)")
    report = run(args)
    text = markdown(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"languagetool-{stamp}.json").write_text(json.dumps(report, indent=2) + "\n")
    (RESULTS / f"languagetool-{stamp}.md").write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
