"""How fast refuso is: start-up time, throughput on a large corpus, and peak memory.

This script MEASURES and reports; it never asserts and never fails because a number is bad. It
prints a short Markdown summary and writes it, with every raw figure, to ``benchmarks/results/``
(git-ignored) as ``speed-<UTC timestamp>.json`` and ``.md``.

Sections (each can be skipped):

* **cold start** (``hyperfine``): ``refuso check seeds/000_c6597b0d87ed5ff2.txt`` with a warm cache
  (the normal case) and with ``--no-cache`` (nothing read or written: the cold-cache figure),
  next to ``python -c pass`` and ``python -c "import lint.cli"`` in the same hyperfine run, so
  the report can say how much of the time is the interpreter.
* **throughput** (``hyperfine``): a corpus of at least ``--corpus-mb`` MB of Italian and English
  article-sized files (20-50 KB) built from ``../shared/data`` into a temporary folder outside the
  project, checked with ``--jobs 1`` and ``--jobs 2`` (``--format json``, output to /dev/null).
  Reports MB/s (10^6 bytes of corpus per median second) and the speed-up of 2 jobs over 1.
* **memory** (``/usr/bin/time -v``): peak resident set size for the seed and for the corpus.
* **profile** (only with ``--profile``): ``python -X importtime`` on the seed (median of several
  runs, the most expensive imports by cumulative time) and ``cProfile`` of one ``--jobs 1`` run
  over the corpus (top functions by cumulative and by own time).

Start-up is measured the way users run refuso: with bytecode caches. The environment this project
runs in sets ``PYTHONDONTWRITEBYTECODE=1``; the commands here run without it, and with
``PYTHONPYCACHEPREFIX`` pointing to a folder under the temporary directory so that the ``.pyc``
files are written there, not into the source tree (``--in-tree-bytecode`` writes the usual
``__pycache__`` folders instead). Warm-up runs create those caches before anything is timed.
refuso's own cache (validated rule packs, plugin list) goes to a fresh private folder unless
``--cache-dir`` names one; the warm-up runs fill it.

Run it with the project's interpreter, from anywhere::

    .venv/bin/python benchmarks/speed.py            # everything (about 2-4 minutes)
    .venv/bin/python benchmarks/speed.py --help

The machine this runs on is shared and noisy: quote medians, and compare only figures from the
same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import pstats
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
RESULTS = ROOT / "benchmarks" / "results"
SEED = "seeds/000_c6597b0d87ed5ff2.txt"  # relative to ROOT, which is the working directory of every run
COLD_START_GOAL_MS = 150.0
THROUGHPUT_GOAL_MB_S = 2.0
MB = 1_000_000
CORPUS_MANIFEST = ".refuso-bench-corpus.json"


# -- small helpers ------------------------------------------------------------------------------


def say(message: str) -> None:
    print(f"[speed] {message}", file=sys.stderr, flush=True)


def default_bin(name: str) -> str:
    """``name`` next to the running interpreter (the virtual environment's), else on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    return shutil.which(name) or name


def run_text(cmd: list[str], **kw: Any) -> str:
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=60, **kw)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unavailable ({exc})"
    return (out.stdout or out.stderr).strip()


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def loadavg() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


# -- environment ---------------------------------------------------------------------------------


def bench_env(args: argparse.Namespace, cache_dir: Path, pycache: Path | None) -> dict[str, str]:
    """The environment of every timed command: bytecode caches on, refuso's cache in ``cache_dir``."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPYCACHEPREFIX", None)
    if pycache is not None:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["REFUSO_CACHE_DIR"] = str(cache_dir)
    # Output colour and CI-specific formats must not change what is timed.
    for name in ("FORCE_COLOR", "GITHUB_ACTIONS"):
        env.pop(name, None)
    env["NO_COLOR"] = "1"
    env["REFUSO_LANGUAGETOOL"] = "off"  # refuso's own speed: LanguageTool is measured by languagetool.py
    return env


def machine_facts(args: argparse.Namespace, env: dict[str, str]) -> dict[str, Any]:
    cpu = ""
    for line in run_text(["lscpu"]).splitlines():
        if line.startswith("Model name:"):
            cpu = line.split(":", 1)[1].strip()
            break
    git = run_text(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    dirty = run_text(["git", "-C", str(ROOT), "status", "--porcelain", "--", "lint", "rules"])
    return {
        "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "nproc": run_text(["nproc"]),
        "cpu_model": cpu or platform.processor() or "unknown",
        "python": run_text([args.python, "-c", "import sys; print(sys.version.split()[0])"], env=env),
        "python_executable": args.python,
        "refuso_version": run_text([args.refuso, "--version"], env=env, cwd=ROOT),
        "hyperfine": run_text([args.hyperfine, "--version"]) if args.hyperfine else None,
        "platform": platform.platform(),
        "git_commit": git,
        "lint_or_rules_modified": bool(dirty) and not dirty.startswith("unavailable"),
        "loadavg_at_start": loadavg(),
    }


# -- hyperfine -----------------------------------------------------------------------------------


def hyperfine(
    args: argparse.Namespace,
    commands: list[tuple[str, str]],
    *,
    runs: int,
    warmup: int,
    env: dict[str, str],
    workdir: Path,
    label: str,
) -> list[dict[str, Any]]:
    """Time ``commands`` ([(name, command line)]) in one hyperfine run; return its results."""
    export = workdir / f"hyperfine-{label}.json"
    cmd = [
        args.hyperfine,
        "-N",
        "-i",
        "--warmup",
        str(warmup),
        "--runs",
        str(runs),
        "--output",
        "null",
        "--style",
        "basic",
        "--export-json",
        str(export),
    ]
    for name, line in commands:
        cmd += ["--command-name", name, line]
    say(f"hyperfine ({label}): {runs} runs each, {warmup} warm-up, {len(commands)} commands")
    proc = subprocess.run(cmd, env=env, cwd=ROOT, stdout=sys.stderr)
    if proc.returncode != 0 or not export.exists():
        raise SystemExit(
            f"speed.py: hyperfine failed (exit {proc.returncode}); command was:\n  {shlex.join(cmd)}"
        )
    data = json.loads(export.read_text())
    out = []
    for (name, line), r in zip(commands, data["results"], strict=True):
        codes = sorted(set(r.get("exit_codes") or []))
        out.append(
            {
                "name": name,
                "command": line,
                "median_ms": ms(r["median"]),
                "mean_ms": ms(r["mean"]),
                "min_ms": ms(r["min"]),
                "max_ms": ms(r["max"]),
                "stddev_ms": ms(r["stddev"] or 0.0),
                "user_mean_ms": ms(r["user"]),
                "system_mean_ms": ms(r["system"]),
                "runs": len(r["times"]),
                "exit_codes": codes,
                "times_ms": [ms(t) for t in r["times"]],
            }
        )
    return out


def check_runs_ok(name: str, argv: list[str], env: dict[str, str]) -> dict[str, Any]:
    """Run a command once (this also creates bytecode and refuso caches) and make sure it did its work:
    hyperfine's ``-i`` would hide an exit code of 2 (a usage or internal error)."""
    t0 = time.perf_counter()
    proc = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.decode(errors="replace")[-4000:])
        raise SystemExit(
            f"speed.py: {name!r} exited with {proc.returncode} (0 or 1 expected): {shlex.join(argv)}"
        )
    return {"exit_code": proc.returncode, "stdout": proc.stdout, "seconds": elapsed}


# -- corpus --------------------------------------------------------------------------------------


def _jsonl(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load_material(data: Path) -> tuple[list[str], list[str]]:
    """(Italian sentences, English sentences) from the shared data, in file order."""
    italian: list[str] = []
    with (data / "it_clean_ud_sentences.txt").open(encoding="utf-8") as fh:
        italian += [line.strip() for line in fh if line.strip()]
    italian += [r["text"] for r in _jsonl(data / "it_itacola_acceptability.jsonl") if r.get("text")]
    for r in _jsonl(data / "it_mt_postedit_divemt_warmup.jsonl"):
        italian += [r[k] for k in ("mt", "final_it") if r.get(k)]
    english: list[str] = []
    seen: set[str] = set()
    for r in _jsonl(data / "en_mqm_google_wmt21_ted_zhen.jsonl"):
        t = (r.get("target") or "").strip()
        if t and t not in seen:  # the same segment is rated by several raters: keep one copy
            seen.add(t)
            english.append(t)
    return italian, english


def _sentence_stream(sentences: list[str], rng: random.Random, repeat: bool):
    """The sentences in file order, then (if ``repeat``) again and again, each pass shuffled, so
    that no two files are the same."""
    order = list(sentences)
    while True:
        yield from order
        if not repeat:
            return
        rng.shuffle(order)


def _paragraphs(stream, target: int, rng: random.Random) -> tuple[list[str], bool]:
    """Paragraphs of 3-7 sentences from ``stream`` until about ``target`` bytes; and whether the
    stream ran out."""
    paragraphs: list[str] = []
    size = 0
    exhausted = False
    while size < target:
        sentences = []
        for _ in range(rng.randint(3, 7)):
            try:
                sentences.append(next(stream))
            except StopIteration:
                exhausted = True
                break
        if not sentences:
            break
        paragraph = " ".join(sentences)
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8")) + 2
        if exhausted:
            break
    return paragraphs, exhausted


def write_articles(
    folder: Path, prefix: str, sentences: list[str], count: int, total_bytes: int, seed: int
) -> dict[str, Any]:
    """Exactly ``count`` article files ``PREFIX_0001.txt``... of paragraphs of 3-7 sentences, about
    ``total_bytes`` in all: each file aims at the mean of what is left, give or take half, so sizes
    vary as articles do. The sentences come in file order, then again in new shuffled passes if
    they run out. Deterministic for a given ``seed``."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    stream = _sentence_stream(sentences, rng, repeat=True)
    written = 0
    for number in range(1, count + 1):
        mean = max((total_bytes - written) // (count - number + 1), 200)
        target = mean if number == count else rng.randint(mean // 2, mean * 3 // 2)
        paragraphs, _ = _paragraphs(stream, target, rng)
        body = ("\n\n".join(paragraphs) + "\n").encode("utf-8")
        (folder / f"{prefix}_{number:04d}.txt").write_bytes(body)
        written += len(body)
    sizes = sorted(p.stat().st_size for p in folder.glob(f"{prefix}_*.txt"))
    return {
        "folder": str(folder),
        "files": len(sizes),
        "bytes": sum(sizes),
        "file_kb_min_median_max": [
            round(sizes[0] / 1000, 1),
            round(statistics.median(sizes) / 1000, 1),
            round(sizes[-1] / 1000, 1),
        ],
        "material_bytes": sum(len(s.encode("utf-8")) + 1 for s in sentences),
        "seed": seed,
    }


def _write_files(
    folder: Path, prefix: str, stream, budget: int, rng: random.Random, min_kb: int, max_kb: int
) -> tuple[int, int]:
    """Article-sized files of paragraphs of 3-7 sentences until ``budget`` bytes are written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = files = 0
    exhausted = False
    while written < budget and not exhausted:
        target = rng.randint(min_kb * 1000, max_kb * 1000)
        if budget - written - target < min_kb * 1000:  # no room for another file: this one takes the rest
            target = max(budget - written, 1000)
        paragraphs, exhausted = _paragraphs(stream, target, rng)
        if not paragraphs:
            break
        body = ("\n\n".join(paragraphs) + "\n").encode("utf-8")
        if exhausted and files and len(body) < min_kb * 1000:
            # The material ran out: add the short remainder to the last file rather than write a small one.
            with (folder / f"{prefix}_{files:04d}.txt").open("ab") as fh:
                fh.write(b"\n" + body)
            written += len(body) + 1
            break
        files += 1
        (folder / f"{prefix}_{files:04d}.txt").write_bytes(body)
        written += len(body)
    return written, files


def build_corpus(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    """Write the corpus into ``folder`` (created, or emptied if it holds an earlier corpus)."""
    folder = folder.resolve()
    if folder == ROOT or ROOT in folder.parents:
        raise SystemExit(
            f"speed.py: the corpus must be outside the project (got {folder}); the data is "
            "not to be copied into it"
        )
    if folder.exists() and any(folder.iterdir()):
        if not (folder / CORPUS_MANIFEST).exists():
            raise SystemExit(
                f"speed.py: {folder} is not empty and is not a corpus made by this script; "
                "give an empty or new folder"
            )
        for child in ("it", "en"):
            shutil.rmtree(folder / child, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    italian, english = load_material(Path(args.data))
    total = int(args.corpus_mb * MB)
    rng = random.Random(args.seed)
    english_bytes = sum(len(s.encode("utf-8")) + 1 for s in english)
    en_budget = min(english_bytes, int(total * args.english_share))  # English is used at most once
    en_written, en_files = _write_files(
        folder / "en",
        "en",
        _sentence_stream(english, rng, repeat=False),
        en_budget,
        rng,
        args.min_file_kb,
        args.max_file_kb,
    )
    it_written, it_files = _write_files(
        folder / "it",
        "it",
        _sentence_stream(italian, rng, repeat=True),
        total - en_written,
        rng,
        args.min_file_kb,
        args.max_file_kb,
    )
    sizes = [p.stat().st_size for p in folder.rglob("*.txt")]
    info = {
        "folder": str(folder),
        "bytes": sum(sizes),
        "files": len(sizes),
        "italian_files": it_files,
        "italian_bytes": it_written,
        "english_files": en_files,
        "english_bytes": en_written,
        "italian_material_bytes": sum(len(s.encode("utf-8")) + 1 for s in italian),
        "english_material_bytes": english_bytes,
        "file_kb_min_median_max": [
            round(min(sizes) / 1000, 1),
            round(statistics.median(sizes) / 1000, 1),
            round(max(sizes) / 1000, 1),
        ],
        "seed": args.seed,
    }
    (folder / CORPUS_MANIFEST).write_text(json.dumps(info, indent=2))
    return info


# -- sections ------------------------------------------------------------------------------------


def section_cold_start(args, env, workdir) -> dict[str, Any]:
    py, refuso = args.python, args.refuso
    check_runs_ok("refuso check seed", [refuso, "check", SEED], env)
    commands = [
        ("python -c pass", f"{py} -c pass"),
        ("python -c 'import lint.cli'", f"{py} -c 'import lint.cli'"),
        ("refuso check seed (warm cache)", f"{refuso} check {SEED}"),
        ("refuso check --no-cache seed (cold cache)", f"{refuso} check --no-cache {SEED}"),
    ]
    results = hyperfine(
        args, commands, runs=args.runs, warmup=args.warmup, env=env, workdir=workdir, label="cold-start"
    )
    by = {r["name"]: r for r in results}
    interp = by["python -c pass"]["median_ms"]
    imp = by["python -c 'import lint.cli'"]["median_ms"]
    warm = by["refuso check seed (warm cache)"]["median_ms"]
    cold = by["refuso check --no-cache seed (cold cache)"]["median_ms"]
    return {
        "results": results,
        "breakdown_ms": {
            "interpreter (python -c pass)": interp,
            "importing lint.cli beyond the interpreter": round(imp - interp, 1),
            "the rest of `refuso check seed` (imports done in check, rules, config, plugins, checking)": round(
                warm - imp, 1
            ),
            "extra without the cache (--no-cache)": round(cold - warm, 1),
        },
        "interpreter_share_of_warm": round(interp / warm, 3) if warm else None,
        "goal_median_ms": COLD_START_GOAL_MS,
        "warm_median_ms": warm,
        "cold_cache_median_ms": cold,
    }


def corpus_summary(stdout: bytes) -> dict[str, Any]:
    """Files checked, languages detected and findings, from one ``--format json`` run."""
    try:
        doc = json.loads(stdout)
    except ValueError:
        return {"note": "output was not JSON"}
    langs: dict[str, int] = {}
    findings = 0
    for f in doc.get("files", []):
        langs[str(f.get("language"))] = langs.get(str(f.get("language")), 0) + 1
        findings += len(f.get("findings", []))
    return {
        "files_checked": len(doc.get("files", [])),
        "languages": langs,
        "findings": findings,
        "errors": len(doc.get("errors", [])),
        "json_output_bytes": len(stdout),
    }


def section_throughput(
    args, env, workdir, corpus: dict[str, Any], seed_median_ms: float | None
) -> dict[str, Any]:
    refuso, folder = args.refuso, corpus["folder"]
    # --no-cache: the same files again would be read from the results cache, not checked.
    lines = {j: f"{refuso} check --no-cache --format json --jobs {j} {folder}" for j in args.jobs}
    first = check_runs_ok("refuso check corpus", shlex.split(lines[args.jobs[0]]), env)
    summary = corpus_summary(first["stdout"])
    commands = [(f"refuso check --jobs {j} corpus (json)", lines[j]) for j in args.jobs]
    if args.without:
        # The same check without some rules, timed in the same hyperfine run: what those rules cost.
        without = f"{lines[args.jobs[0]]} --ignore {args.without}"
        commands.append(
            (f"refuso check --jobs {args.jobs[0]} corpus (json) --ignore {args.without}", without)
        )
    results = hyperfine(
        args,
        commands,
        runs=args.throughput_runs,
        warmup=args.throughput_warmup,
        env=env,
        workdir=workdir,
        label="throughput",
    )
    size = corpus["bytes"]
    rows = {}
    compared = results.pop() if args.without else None
    for j, r in zip(args.jobs, results, strict=True):
        sec = r["median_ms"] / 1000
        cpu = (r["user_mean_ms"] + r["system_mean_ms"]) / 1000
        # CPU seconds (user + system, all processes) are less disturbed by other load than wall time.
        row = {
            "median_s": round(sec, 3),
            "mb_per_s": round(size / MB / sec, 3),
            "cpu_s_mean": round(cpu, 3),
            "mb_per_cpu_s": round(size / MB / cpu, 3) if cpu else None,
        }
        if seed_median_ms is not None and sec * 1000 > seed_median_ms:
            row["mb_per_s_excluding_startup"] = round(size / MB / (sec - seed_median_ms / 1000), 3)
        rows[str(j)] = row
        r.update(row)
    out: dict[str, Any] = {
        "corpus": corpus,
        "run_summary": summary,
        "results": results,
        "by_jobs": rows,
        "goal_mb_per_s_one_core": THROUGHPUT_GOAL_MB_S,
    }
    if compared is not None:
        full = results[0]
        cpu_full = (full["user_mean_ms"] + full["system_mean_ms"]) / 1000
        cpu_without = (compared["user_mean_ms"] + compared["system_mean_ms"]) / 1000
        out["without_rules"] = {
            "ignored": args.without,
            "jobs": args.jobs[0],
            "cpu_s_mean_with": round(cpu_full, 3),
            "cpu_s_mean_without": round(cpu_without, 3),
            "cost_percent": round(100 * (cpu_full - cpu_without) / cpu_without, 1) if cpu_without else None,
            "median_s_without": round(compared["median_ms"] / 1000, 3),
        }
        sec = compared["median_ms"] / 1000
        compared.update(
            {
                "median_s": round(sec, 3),
                "mb_per_s": round(size / MB / sec, 3),
                "cpu_s_mean": round(cpu_without, 3),
                "mb_per_cpu_s": round(size / MB / cpu_without, 3) if cpu_without else None,
            }
        )
        results.append(compared)
    if "1" in rows and "2" in rows:
        speedup = rows["1"]["median_s"] / rows["2"]["median_s"]
        out["speedup_2_over_1"] = round(speedup, 3)
        out["parallel_efficiency_2"] = round(speedup / 2, 3)
    return out


def peak_rss_kb(args, argv: list[str], env: dict[str, str], runs: int) -> dict[str, Any]:
    values, codes = [], []
    for _ in range(runs):
        proc = subprocess.run(
            [args.time, "-v", *argv],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        m = re.search(r"Maximum resident set size \(kbytes\):\s*(\d+)", proc.stderr)
        if not m:
            return {"error": f"no 'Maximum resident set size' in the output of {args.time} -v"}
        values.append(int(m.group(1)))
        codes.append(proc.returncode)
    return {
        "median_kb": int(statistics.median(values)),
        "median_mb": round(statistics.median(values) / 1024, 1),
        "all_kb": values,
        "exit_codes": sorted(set(codes)),
        "command": shlex.join(argv),
    }


def section_memory(args, env, corpus: dict[str, Any] | None) -> dict[str, Any]:
    out = {
        "python -c pass": peak_rss_kb(args, [args.python, "-c", "pass"], env, args.mem_runs),
        "seed (warm cache)": peak_rss_kb(args, [args.refuso, "check", SEED], env, args.mem_runs),
        "seed (--no-cache)": peak_rss_kb(
            args, [args.refuso, "check", "--no-cache", SEED], env, args.mem_runs
        ),
    }
    if corpus is not None:
        out["corpus --jobs 1 (json)"] = peak_rss_kb(
            args,
            [args.refuso, "check", "--format", "json", "--jobs", "1", corpus["folder"]],
            env,
            args.corpus_mem_runs,
        )
    return out


IMPORT_LINE = re.compile(r"^import time:\s+(\d+)\s*\|\s*(\d+)\s*\|(\s*)(\S.*)$")


def section_importtime(args, env, workdir) -> dict[str, Any]:
    """``-X importtime`` on the seed: median self and cumulative microseconds per module."""
    argv = [args.python, "-X", "importtime", "-m", "lint", "check", SEED]
    subprocess.run(argv, env=env, cwd=ROOT, capture_output=True)  # bytecode caches
    per_module: dict[str, dict[str, Any]] = {}
    for i in range(args.importtime_runs):
        proc = subprocess.run(
            argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        (workdir / f"importtime-{i}.txt").write_text(proc.stderr)
        for line in proc.stderr.splitlines():
            m = IMPORT_LINE.match(line)
            if not m:
                continue
            name = m.group(4).strip()
            entry = per_module.setdefault(
                name, {"self": [], "cumulative": [], "depth": (len(m.group(3)) - 1) // 2}
            )
            entry["self"].append(int(m.group(1)))
            entry["cumulative"].append(int(m.group(2)))
    rows = [
        {
            "module": k,
            "depth": v["depth"],
            "self_ms": round(statistics.median(v["self"]) / 1000, 2),
            "cumulative_ms": round(statistics.median(v["cumulative"]) / 1000, 2),
        }
        for k, v in per_module.items()
    ]
    total = round(sum(r["self_ms"] for r in rows), 1)
    top_level = sorted((r for r in rows if r["depth"] == 0), key=lambda r: -r["cumulative_ms"])
    return {
        "command": "env -u PYTHONDONTWRITEBYTECODE " + shlex.join(argv),
        "runs": args.importtime_runs,
        "modules_imported": len(rows),
        "total_import_ms": total,
        "top_cumulative": sorted(rows, key=lambda r: -r["cumulative_ms"])[: args.top_imports],
        "top_self": sorted(rows, key=lambda r: -r["self_ms"])[: args.top_imports],
        "top_level_cumulative": top_level[: args.top_imports],
        "raw_files": [str(workdir / f"importtime-{i}.txt") for i in range(args.importtime_runs)],
    }


def _short(path: str) -> str:
    for base, label in ((str(ROOT) + "/", ""), ("/site-packages/", "")):
        if base in path:
            return label + path.split(base, 1)[1]
    m = re.search(r"/lib/python3\.\d+/(.*)$", path)
    return m.group(1) if m else path


# Frames that only wrap the run (``-m`` machinery, the import system's inner steps): left out of the
# cumulative list, which would otherwise start with a dozen lines that all say "everything".
_WRAPPERS = re.compile(
    r"^(<frozen runpy>|<string>:1\(<module>\)|<built-in method builtins\.exec>|lint/__main__\.py:"
    r"|<frozen importlib\._bootstrap(_external)?>:\d+\((?!_find_and_load\))\w+\))"
)


def section_cprofile(args, env, workdir, name: str, label: str, check_args: list[str]) -> dict[str, Any]:
    """One ``python -m cProfile -m lint check ...`` run: the top functions by cumulative and own time."""
    out_file = workdir / f"cprofile-{name}.pstats"
    argv = [args.python, "-m", "cProfile", "-o", str(out_file), "-m", "lint", "check", *check_args]
    say(f"cProfile ({label}): {shlex.join(argv)}")
    subprocess.run(argv, env=env, cwd=ROOT, capture_output=True)  # bytecode caches, refuso's cache
    t0 = time.perf_counter()
    subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    st = pstats.Stats(str(out_file))
    entries = []
    for (file, line, func), (cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore[attr-defined]
        where = f"{_short(file)}:{line}({func})" if file != "~" else func
        entries.append(
            {
                "function": where,
                "ncalls": nc if nc == cc else f"{nc}/{cc}",
                "tottime_s": round(tt, 3),
                "cumtime_s": round(ct, 3),
            }
        )
    return {
        "label": label,
        "command": "env -u PYTHONDONTWRITEBYTECODE " + shlex.join(argv),
        "wall_s_with_profiler": round(wall, 2),
        "total_tt_s": round(st.total_tt, 2),  # type: ignore[attr-defined]
        "top_cumtime": sorted(
            (e for e in entries if not _WRAPPERS.match(e["function"])), key=lambda e: -e["cumtime_s"]
        )[: args.top_functions],
        "top_tottime": sorted(entries, key=lambda e: -e["tottime_s"])[: args.top_functions],
        "pstats_file": str(out_file),
    }


# -- report --------------------------------------------------------------------------------------


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    out = [
        f"# refuso speed report ({m['date']})",
        "",
        f"Machine: {m['nproc']} CPUs, {m['cpu_model']}; Python {m['python']}; {m['refuso_version']}; "
        f"git {m['git_commit']}{' (lint/ or rules/ modified)' if m['lint_or_rules_modified'] else ''}; "
        f"load average (1, 5, 15 min) at start {m['loadavg_at_start']}, at end {m.get('loadavg_at_end')}. "
        "Shared, noisy machine: compare figures of one run only.",
        "",
    ]
    if report.get("load_before_section"):
        out += [
            "1-minute load average before each section: "
            + ", ".join(f"{k} {v[0] if v else '?'}" for k, v in report["load_before_section"].items())
            + ".",
            "",
        ]
    cs = report.get("cold_start")
    if cs:
        out += [
            "## Start-up (`refuso check " + SEED + "`)",
            "",
            f"hyperfine, {cs['results'][0]['runs']} runs after {report['settings']['warmup']} warm-up, "
            "bytecode caches present.",
            "",
            "| command | median ms | mean ms | min ms | stddev ms |",
            "|---|---:|---:|---:|---:|",
        ]
        for r in cs["results"]:
            out.append(
                f"| {r['name']} | {r['median_ms']} | {r['mean_ms']} | {r['min_ms']} | {r['stddev_ms']} |"
            )
        warm = cs["warm_median_ms"]
        verdict = "meets" if warm < COLD_START_GOAL_MS else "misses"
        out += [
            "",
            f"Warm-cache median {warm} ms {verdict} the goal of < {COLD_START_GOAL_MS:.0f} ms; "
            f"the interpreter alone is {cs['interpreter_share_of_warm']:.0%} of it. "
            f"Cold cache (`--no-cache`): {cs['cold_cache_median_ms']} ms.",
            "",
            "Where the median goes:",
            "",
        ]
        out += [f"- {k}: {v} ms" for k, v in cs["breakdown_ms"].items()]
        out.append("")
    tp = report.get("throughput")
    if tp:
        c = tp["corpus"]
        s = tp["run_summary"]
        out += [
            "## Throughput",
            "",
            f"Corpus: {c['bytes'] / MB:.2f} MB in {c['files']} files ({c['italian_files']} Italian, "
            f"{c['english_files']} English; {c['file_kb_min_median_max'][0]}/{c['file_kb_min_median_max'][1]}/"
            f"{c['file_kb_min_median_max'][2]} KB min/median/max) in `{c['folder']}`. "
            f"One run checked {s.get('files_checked')} files (languages {s.get('languages')}) and reported "
            f"{s.get('findings')} findings.",
            "",
            f"hyperfine, {tp['results'][0]['runs']} runs after {report['settings']['throughput_warmup']} warm-up, "
            "`--format json` to /dev/null.",
            "",
            "| command | median s | min s | MB/s (median) | MB/s without start-up | CPU s (mean) | MB per CPU s |",
            "|---|---:|---:|---:|---:|---:|---:|",
        ]
        for r in tp["results"]:
            out.append(
                f"| {r['name']} | {r['median_s']} | {r['min_ms'] / 1000:.3f} | {r['mb_per_s']} | "
                f"{r.get('mb_per_s_excluding_startup', '-')} | {r['cpu_s_mean']} | {r['mb_per_cpu_s']} |"
            )
        out.append("")
        if "without_rules" in tp:
            w = tp["without_rules"]
            out += [
                f"Without `{w['ignored']}` (--jobs {w['jobs']}, same hyperfine run): {w['cpu_s_mean_without']} CPU s "
                f"against {w['cpu_s_mean_with']} with them, a cost of {w['cost_percent']}%.",
                "",
            ]
        if "speedup_2_over_1" in tp:
            one = tp["by_jobs"]["1"]["mb_per_s"]
            out.append(
                f"Speed-up of `--jobs 2` over `--jobs 1`: {tp['speedup_2_over_1']}x "
                f"(parallel efficiency {tp['parallel_efficiency_2']:.0%}). One core: {one} MB/s, "
                f"{'meets' if one >= THROUGHPUT_GOAL_MB_S else 'misses'} the goal of >= "
                f"{THROUGHPUT_GOAL_MB_S} MB/s."
            )
            out.append("")
    mem = report.get("memory")
    if mem:
        out += [
            "## Peak memory (`/usr/bin/time -v`, maximum resident set size)",
            "",
            "| run | median MB |",
            "|---|---:|",
        ]
        for k, v in mem.items():
            out.append(f"| {k} | {v.get('median_mb', v.get('error'))} |")
        out.append("")
    imp = report.get("importtime")
    if imp:
        out += [
            f"## Imports at start-up (`-X importtime`, median of {imp['runs']} runs)",
            "",
            f"{imp['modules_imported']} modules, {imp['total_import_ms']} ms of import time in all.",
            "",
            "| module | nesting | cumulative ms | self ms |",
            "|---|---:|---:|---:|",
        ]
        for r in imp["top_cumulative"]:
            out.append(f"| {r['module']} | {r['depth']} | {r['cumulative_ms']} | {r['self_ms']} |")
        out.append("")
    for prof in report.get("cprofile", []):
        out += [
            f"## cProfile: {prof['label']} ({prof['wall_s_with_profiler']} s with the profiler)",
            "",
            f"`{prof['command']}`",
            "",
            "By cumulative time (cumtime; frames of `-m` and of the import machinery left out, "
            "except `_find_and_load`, which is the time spent importing):",
            "",
            "| function | ncalls | tottime s | cumtime s |",
            "|---|---:|---:|---:|",
        ]
        for e in prof["top_cumtime"]:
            out.append(f"| `{e['function']}` | {e['ncalls']} | {e['tottime_s']} | {e['cumtime_s']} |")
        out += [
            "",
            "By own time (tottime):",
            "",
            "| function | ncalls | tottime s | cumtime s |",
            "|---|---:|---:|---:|",
        ]
        for e in prof["top_tottime"]:
            out.append(f"| `{e['function']}` | {e['ncalls']} | {e['tottime_s']} | {e['cumtime_s']} |")
        out.append("")
    return "\n".join(out)


# -- main ----------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter
    )
    p.add_argument("--runs", type=int, default=20, help="hyperfine runs per start-up command")
    p.add_argument("--warmup", type=int, default=3, help="hyperfine warm-up runs per start-up command")
    p.add_argument("--throughput-runs", type=int, default=5, help="hyperfine runs per throughput command")
    p.add_argument(
        "--throughput-warmup",
        type=int,
        default=0,
        help="warm-up runs per throughput command (a checked run before hyperfine already fills the caches)",
    )
    p.add_argument(
        "--jobs",
        type=lambda s: [int(x) for x in s.split(",")],
        default="1,2",
        help="--jobs values to time over the corpus, comma-separated",
    )
    p.add_argument("--corpus-mb", type=float, default=6.0, help="size of the corpus in MB (10^6 bytes)")
    p.add_argument(
        "--without",
        metavar="SELECTORS",
        help="also time the corpus with --ignore SELECTORS (for example MTP03,MTP04) in the same run, "
        "and report the CPU time those rules cost",
    )
    p.add_argument(
        "--corpus-dir",
        help="build the corpus here (outside the project) and keep it "
        "[default: a temporary folder, removed at the end]",
    )
    p.add_argument("--keep-corpus", action="store_true", help="do not remove the temporary corpus")
    p.add_argument(
        "--build-corpus-only",
        action="store_true",
        help="only build the corpus (into --corpus-dir, which is then required) and exit",
    )
    p.add_argument(
        "--english-share",
        type=float,
        default=0.25,
        help="at most this share of the corpus is English (the English data is used once)",
    )
    p.add_argument("--min-file-kb", type=int, default=20, help="smallest corpus file, in KB")
    p.add_argument("--max-file-kb", type=int, default=50, help="largest corpus file, in KB (about)")
    p.add_argument("--seed", type=int, default=1, help="random seed for building the corpus")
    p.add_argument("--data", default=str(DEFAULT_DATA), help="folder of the shared data")
    p.add_argument("--mem-runs", type=int, default=3, help="runs per peak-memory figure of the seed (median)")
    p.add_argument("--corpus-mem-runs", type=int, default=1, help="runs per peak-memory figure of the corpus")
    p.add_argument("--skip-coldstart", action="store_true", help="do not time start-up")
    p.add_argument("--skip-throughput", action="store_true", help="do not build or time the corpus")
    p.add_argument("--skip-memory", action="store_true", help="do not measure peak memory")
    p.add_argument(
        "--profile",
        action="store_true",
        help="also run -X importtime on the seed, and cProfile on the seed and on one corpus run",
    )
    p.add_argument("--importtime-runs", type=int, default=5, help="-X importtime runs (median per module)")
    p.add_argument("--top-imports", type=int, default=15, help="imports listed in the report")
    p.add_argument("--top-functions", type=int, default=20, help="functions listed per cProfile table")
    p.add_argument(
        "--cache-dir",
        help="refuso's cache folder (REFUSO_CACHE_DIR) for warm-cache runs "
        "[default: a fresh temporary folder that the warm-up runs fill]",
    )
    p.add_argument(
        "--in-tree-bytecode",
        action="store_true",
        help="write .pyc files into __pycache__ folders next to the sources instead of "
        "under a temporary PYTHONPYCACHEPREFIX",
    )
    p.add_argument("--python", default=default_bin("python"), help="the interpreter refuso is installed in")
    p.add_argument("--refuso", default=default_bin("refuso"), help="the refuso console script")
    p.add_argument("--hyperfine", default=shutil.which("hyperfine"), help="path to hyperfine")
    p.add_argument("--time", default="/usr/bin/time", help="path to GNU time (for -v)")
    p.add_argument("--results-dir", default=str(RESULTS), help="where to write the JSON and Markdown")
    p.add_argument("--no-save", action="store_true", help="print the report only")
    args = p.parse_args(argv)
    args.python = os.path.abspath(args.python) if os.sep in args.python else args.python
    args.refuso = os.path.abspath(args.refuso) if os.sep in args.refuso else args.refuso
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    needs_hyperfine = not (args.skip_coldstart and args.skip_throughput) and not args.build_corpus_only
    if needs_hyperfine and not (args.hyperfine and shutil.which(args.hyperfine)):
        sys.stderr.write(
            "speed.py: hyperfine is not installed (it times the start-up and throughput runs).\n"
            "  Install it: `apt-get install hyperfine` (Debian/Ubuntu) or `cargo install hyperfine`,\n"
            "  or pass --hyperfine PATH, or run only the memory section with\n"
            "  --skip-coldstart --skip-throughput.\n"
        )
        return 2
    if args.build_corpus_only:
        if not args.corpus_dir:
            sys.stderr.write("speed.py: --build-corpus-only needs --corpus-dir\n")
            return 2
        info = build_corpus(args, Path(args.corpus_dir))
        print(json.dumps(info, indent=2))
        return 0
    for exe in (args.python, args.refuso):
        if not shutil.which(exe):
            sys.stderr.write(f"speed.py: {exe} not found; pass --python / --refuso\n")
            return 2
    if not args.skip_memory and not os.access(args.time, os.X_OK):
        say(f"{args.time} not found: skipping the memory section (apt-get install time)")
        args.skip_memory = True

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    scratch = Path(tempfile.mkdtemp(prefix="refuso-bench-"))  # cache and corpus; removed at the end
    # Raw hyperfine exports, importtime logs and pstats files: kept next to the report.
    workdir = scratch / "raw" if args.no_save else Path(args.results_dir) / f"speed-{stamp}-raw"
    workdir.mkdir(parents=True, exist_ok=True)
    cache_dir = Path(args.cache_dir).expanduser() if args.cache_dir else scratch / "refuso-cache"
    pycache = None if args.in_tree_bytecode else Path(tempfile.gettempdir()) / "refuso-bench-pycache"
    env = bench_env(args, cache_dir, pycache)
    say(
        f"raw files in {workdir}; refuso cache {cache_dir}; bytecode "
        f"{'next to the sources' if pycache is None else f'under {pycache}'}"
    )

    report: dict[str, Any] = {
        "machine": machine_facts(args, env),
        "settings": {k: v for k, v in vars(args).items()},
        "environment": {
            "PYTHONPYCACHEPREFIX": env.get("PYTHONPYCACHEPREFIX"),
            "REFUSO_CACHE_DIR": str(cache_dir),
            "PYTHONDONTWRITEBYTECODE": None,
            "cwd": str(ROOT),
        },
    }
    corpus_dir = Path(args.corpus_dir) if args.corpus_dir else scratch / "corpus"
    corpus = None
    load = report["load_before_section"] = {}
    try:
        if not args.skip_coldstart:
            load["cold_start"] = loadavg()
            report["cold_start"] = section_cold_start(args, env, workdir)
        if not args.skip_throughput or args.profile:
            say(f"building a {args.corpus_mb} MB corpus in {corpus_dir}")
            corpus = build_corpus(args, corpus_dir)
            say(f"corpus: {corpus['bytes'] / MB:.2f} MB, {corpus['files']} files")
        if not args.skip_throughput:
            seed_ms = report.get("cold_start", {}).get("warm_median_ms")
            load["throughput"] = loadavg()
            report["throughput"] = section_throughput(args, env, workdir, corpus, seed_ms)
        if not args.skip_memory:
            say("peak memory with /usr/bin/time -v")
            load["memory"] = loadavg()
            report["memory"] = section_memory(args, env, corpus if not args.skip_throughput else None)
        if args.profile:
            say("-X importtime on the seed")
            load["profile"] = loadavg()
            report["importtime"] = section_importtime(args, env, workdir)
            report["cprofile"] = [
                section_cprofile(
                    args, env, workdir, "seed", "start-up, refuso check seed (warm cache)", [SEED]
                ),
                section_cprofile(
                    args,
                    env,
                    workdir,
                    "corpus",
                    "throughput, refuso check --jobs 1 corpus",
                    ["--jobs", "1", corpus["folder"]],
                ),
            ]
    finally:
        if args.keep_corpus and not args.corpus_dir and corpus is not None:
            shutil.rmtree(cache_dir, ignore_errors=True)
            say(f"corpus kept in {corpus_dir}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    report["machine"]["loadavg_at_end"] = loadavg()
    report["raw_files"] = None if args.no_save else str(workdir)

    text = markdown(report)
    if not args.no_save:
        results = Path(args.results_dir)
        results.mkdir(parents=True, exist_ok=True)
        (results / f"speed-{stamp}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
        (results / f"speed-{stamp}.md").write_text(text + "\n")
        say(
            f"wrote {results / f'speed-{stamp}.json'} and .md (raw hyperfine/importtime/pstats files in {workdir})"
        )
        print(f"(report saved as {results / f'speed-{stamp}.md'} and .json)\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
