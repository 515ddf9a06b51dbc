"""refuso next to its peers: Vale, proselint, textlint and write-good, timed side by side.

This script MEASURES and reports; it never asserts and never fails because a number is bad. It

1. builds two corpora from ``../shared/data`` (deterministic, ``--seed``), outside the project:
   **IT200**, 200 article files of clean, edited Italian (Universal Dependencies sentences and the
   acceptable ItaCoLA sentences), 1.2 MB in all, and **EN200**, 200 files of the English MQM
   segments (each distinct segment once per pass, passes reshuffled), 1.2 MB; a corpus already
   built with the same settings is reused;
2. installs the peers into ``--tools`` (default ``~/.cache/refuso-peers``), idempotently:
   proselint from PyPI in its own virtual environment, textlint with general rules, its
   write-good rule and write-good from the npm registry (``peers/package.json`` pins them), Vale 3
   built with Go from the module proxy (``peers/vale-build/`` pins it and every dependency);
3. runs Vale with ``peers/vale/``, a style that mirrors refuso's punctuation, repetition and
   substitution rules as far as Vale's rule kinds can (the README says which);
4. times every command of a corpus in ONE hyperfine run (wall time), then measures CPU time and
   peak memory (``/usr/bin/time``) over single runs taken in turns, and takes medians; and the
   start-up on the seed article next to the interpreter floor;
5. prints Markdown tables with the medians, the ratios to refuso, and the versions of every tool
   (``--output FILE`` writes them to a file too; the raw figures go to ``--export-dir``).

Every command is run once before it is timed, to check it did its work (its exit code, its
report) and to fill the caches a normal run has (bytecode, refuso's cache), except for refuso's
"first run", which starts each time from an empty cache, as on a fresh CI machine.

Run it with the project's interpreter, from anywhere::

    .venv/bin/python benchmarks/peers.py                       # install, both corpora, about 20 minutes
    .venv/bin/python benchmarks/peers.py --corpus it200 --only refuso,vale --runs 3
    .venv/bin/python benchmarks/peers.py --help

The machine this runs on is shared and noisy: quote medians, and compare only figures from the
same run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from speed import (  # speed.py sits next to this script
    DEFAULT_DATA,
    MB,
    RESULTS,
    ROOT,
    SEED,
    bench_env,
    default_bin,
    load_material,
    loadavg,
    run_text,
    write_articles,
)

PEERS = ROOT / "benchmarks" / "peers"
VALE_CONFIG = PEERS / "vale" / ".vale.ini"
TEXTLINT_CONFIGS = {
    "textlint": PEERS / "textlint" / "general.json",
    "textlint-write-good": PEERS / "textlint" / "write-good.json",
}
DEFAULT_TOOLS = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "refuso-peers"
PROSELINT_VERSION = "0.16.0"
VALE_VERSION = "3.26.0"
VALE_PACKAGE = "github.com/vale-cli/vale/v3/cmd/vale"

TOOLS = ("refuso", "vale", "proselint", "textlint", "textlint-write-good", "write-good")
# Their rules are English word lists and phrasings: on Italian text they look for what cannot be
# there, so their time on IT200 says nothing about the same work done in Italian.
ENGLISH_ONLY = frozenset({"proselint", "textlint-write-good", "write-good"})


@dataclass(frozen=True)
class CorpusSpec:
    name: str
    language: str
    files: int
    total_bytes: int


CORPORA = {
    "it200": CorpusSpec("IT200", "it", 200, 1_200_000),
    "en200": CorpusSpec("EN200", "en", 200, 1_200_000),
}
CORPUS_BUILDER = 1  # bump when the way a corpus is built changes, so old ones are rebuilt
MANIFEST = ".manifest.json"


def say(message: str) -> None:
    print(f"[peers] {message}", file=sys.stderr, flush=True)


# -- corpora -------------------------------------------------------------------------------------


def clean_italian(data: Path) -> list[str]:
    """Edited Italian: the Universal Dependencies sentences, then the ItaCoLA sentences its
    authors judged acceptable (the clean material of ``false_alarms.py``)."""
    with (data / "it_clean_ud_sentences.txt").open(encoding="utf-8") as fh:
        sentences = [line.strip() for line in fh if line.strip()]
    with (data / "it_itacola_acceptability.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if row.get("acceptable") == 1 and row.get("text"):
                    sentences.append(row["text"].strip())
    return sentences


def corpus_material(spec: CorpusSpec, data: Path) -> list[str]:
    if spec.language == "it":
        return clean_italian(data)
    return load_material(data)[1]


def build_corpus(spec: CorpusSpec, parent: Path, data: Path, seed: int) -> dict[str, Any]:
    """The corpus in ``parent/NAME-seedSEED``: reused if built with the same settings, else built."""
    folder = (parent / f"{spec.name.lower()}-seed{seed}").resolve()
    if folder == ROOT or ROOT in folder.parents:
        raise SystemExit(
            f"peers.py: corpora must be outside the project (got {folder}); the data is not to be "
            "copied into it: pass --tools or --corpora elsewhere"
        )
    sources = ["it_clean_ud_sentences.txt", "it_itacola_acceptability.jsonl"]
    if spec.language == "en":
        sources = ["en_mqm_google_wmt21_ted_zhen.jsonl"]
    wanted = {
        "builder": CORPUS_BUILDER,
        "corpus": spec.name,
        "files": spec.files,
        "total_bytes": spec.total_bytes,
        "seed": seed,
        "sources": {name: (data / name).stat().st_size for name in sources},
    }
    # Beside the folder, not in it: every file in it is checked by some tool.
    manifest = folder.with_name(folder.name + MANIFEST)
    if manifest.exists():
        built = json.loads(manifest.read_text(encoding="utf-8"))
        if built.get("settings") == wanted:
            return built["info"]
    if folder.exists() and any(folder.iterdir()) and not manifest.exists():
        raise SystemExit(
            f"peers.py: {folder} is not empty and is not a corpus made by this script; remove it "
            "or pass another --corpora folder"
        )
    shutil.rmtree(folder, ignore_errors=True)
    say(f"building {spec.name} in {folder}")
    info = write_articles(
        folder, spec.language, corpus_material(spec, data), spec.files, spec.total_bytes, seed
    )
    info["corpus"] = spec.name
    manifest.write_text(json.dumps({"settings": wanted, "info": info}, indent=2), encoding="utf-8")
    return info


# -- installing the peers ------------------------------------------------------------------------


def stamp_of(*parts: bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def up_to_date(folder: Path, stamp: str, *outputs: Path) -> bool:
    marker = folder / ".refuso-peers-stamp"
    return marker.exists() and marker.read_text().strip() == stamp and all(p.exists() for p in outputs)


def mark_done(folder: Path, stamp: str) -> None:
    (folder / ".refuso-peers-stamp").write_text(stamp + "\n")


def run_step(what: str, argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> bool:
    say(f"{what}: {shlex.join(argv)}")
    t0 = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        say(f"{what} failed (exit {proc.returncode}):\n{(proc.stdout + proc.stderr)[-3000:]}")
        return False
    say(f"{what}: done in {time.perf_counter() - t0:.0f} s")
    return True


def install_proselint(tools: Path) -> str | None:
    folder = tools / "proselint"
    exe = folder / "bin" / "proselint"
    stamp = stamp_of(PROSELINT_VERSION.encode(), sys.version.encode())
    if up_to_date(folder, stamp, exe):
        return None
    shutil.rmtree(folder, ignore_errors=True)
    if not run_step("proselint: virtual environment", [sys.executable, "-m", "venv", str(folder)], tools):
        return "could not create its virtual environment"
    pip = [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    if not run_step("proselint: pip install", [*pip, f"proselint=={PROSELINT_VERSION}"], tools):
        return f"pip could not install proselint=={PROSELINT_VERSION}"
    mark_done(folder, stamp)
    return None


def install_node(tools: Path) -> str | None:
    npm = shutil.which("npm")
    if not npm or not shutil.which("node"):
        return "Node.js and npm are not installed (apt-get install nodejs npm)"
    folder = tools / "node"
    folder.mkdir(parents=True, exist_ok=True)
    manifest = (PEERS / "package.json").read_bytes()
    stamp = stamp_of(manifest)
    if up_to_date(folder, stamp, folder / "node_modules" / ".bin" / "textlint"):
        return None
    (folder / "package.json").write_bytes(manifest)
    argv = [npm, "install", "--no-audit", "--no-fund", "--loglevel=error"]
    if not run_step("textlint and write-good: npm install", argv, folder):
        return "npm install failed"
    mark_done(folder, stamp)
    return None


def install_vale(tools: Path) -> str | None:
    go = shutil.which("go")
    if not go:
        return "Go is not installed (it builds Vale from the module proxy)"
    folder = tools / "vale-build"
    folder.mkdir(parents=True, exist_ok=True)
    exe = tools / "bin" / "vale"
    sources = [(PEERS / "vale-build" / name).read_bytes() for name in ("go.mod", "go.sum")]
    stamp = stamp_of(*sources, VALE_VERSION.encode())
    if up_to_date(folder, stamp, exe):
        return None
    for name, content in zip(("go.mod", "go.sum"), sources, strict=True):
        (folder / name).write_bytes(content)
    # Vale's version is set at link time by its release builds; without it Vale says "master".
    exe.parent.mkdir(parents=True, exist_ok=True)
    argv = [go, "build", "-ldflags", f"-X main.version={VALE_VERSION}", "-o", str(exe), VALE_PACKAGE]
    say("Vale: building with Go (a few minutes: it compiles tree-sitter grammars in C)")
    if not run_step("Vale: go build", argv, folder):
        return "go build failed"
    mark_done(folder, stamp)
    return None


def ensure_debian_tool(name: str, package: str, path: str | None) -> str | None:
    """``path`` or ``name`` on PATH; installed with apt-get when missing and we are root."""
    if (path and os.access(path, os.X_OK)) or shutil.which(name):
        return None
    if os.geteuid() == 0 and shutil.which("apt-get"):
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        if run_step(f"{name}: apt-get install", ["apt-get", "install", "-y", "-q", package], ROOT, env):
            return None
    return f"{name} is missing: apt-get install {package}"


def install_peers(args: argparse.Namespace) -> dict[str, str]:
    """Install what ``--only`` asks for; returns {tool: why it is unavailable}."""
    tools = args.tools
    tools.mkdir(parents=True, exist_ok=True)
    problems: dict[str, str] = {}
    wanted = set(args.only)
    steps = [
        ({"proselint"}, install_proselint),
        ({"textlint", "textlint-write-good", "write-good"}, install_node),
        ({"vale"}, install_vale),
    ]
    for names, step in steps:
        if names & wanted:
            problem = step(tools)
            if problem:
                problems.update({n: problem for n in names & wanted})
    return problems


@dataclass
class Paths:
    refuso: str
    python: str
    vale: Path
    proselint: Path
    textlint: Path
    write_good: Path
    node_modules: Path


def tool_paths(args: argparse.Namespace) -> Paths:
    node = args.tools / "node" / "node_modules"
    return Paths(
        refuso=args.refuso,
        python=args.python,
        vale=args.tools / "bin" / "vale",
        proselint=args.tools / "proselint" / "bin" / "proselint",
        textlint=node / ".bin" / "textlint",
        write_good=node / ".bin" / "write-good",
        node_modules=node,
    )


def available(tool: str, paths: Paths) -> bool:
    exe = {
        "refuso": Path(shutil.which(paths.refuso) or paths.refuso),
        "vale": paths.vale,
        "proselint": paths.proselint,
        "textlint": paths.textlint,
        "textlint-write-good": paths.textlint,
        "write-good": paths.write_good,
    }[tool]
    return exe.exists()


def node_package_version(paths: Paths, package: str) -> str:
    try:
        return json.loads((paths.node_modules / package / "package.json").read_text())["version"]
    except (OSError, ValueError, KeyError):
        return "not installed"


def versions(args: argparse.Namespace, paths: Paths, env: dict[str, str]) -> dict[str, str]:
    out = {
        "refuso": run_text([paths.refuso, "--version"], env=env, cwd=ROOT),
        "python (refuso's)": run_text([paths.python, "-c", "import sys; print(sys.version.split()[0])"]),
        "hyperfine": run_text([args.hyperfine, "--version"]) if args.hyperfine else "not installed",
    }
    if paths.vale.exists():
        out["Vale"] = run_text([str(paths.vale), "--version"])
        built = run_text(["go", "version", "-m", str(paths.vale)])
        deps = [line.split() for line in built.splitlines()]
        out["Vale built with"] = "; ".join(
            [built.splitlines()[0].split(":", 1)[-1].strip()]
            + [
                f"{d[1]} {d[2]}"
                for d in deps
                if len(d) >= 3 and d[0] in ("mod", "=>") and ("vale" in d[1] or "cascadia" in d[1])
            ]
        )
    if paths.proselint.exists():
        out["proselint"] = run_text([str(paths.proselint), "version"])
    if paths.textlint.exists():
        out["Node.js"] = run_text(["node", "--version"])
        manifest = json.loads((PEERS / "package.json").read_text())
        for package in manifest["dependencies"]:
            out[package] = node_package_version(paths, package)
    return out


# -- commands ------------------------------------------------------------------------------------


@dataclass
class Command:
    name: str
    tool: str
    argv: list[str]
    # The run that checks the command works: the same argv, with refuso's report to a file.
    check_argv: list[str] = field(default_factory=list)
    report: Path | None = None
    ok_codes: frozenset[int] | None = frozenset({0, 1})  # None: any code, when stderr is quiet

    @property
    def line(self) -> str:
        return shlex.join(self.argv)


def refuso_commands(paths: Paths, target: str, scratch: Path, label: str) -> list[Command]:
    base = [paths.refuso, "check", target, "--no-languagetool", "--format", "concise", "-o"]
    report = scratch / f"report-{label}.txt"
    commands = []
    for jobs in ("1", "2") if label != "seed" else ("1",):
        # A corpus run again would read every file's result from the results cache: check them.
        argv = [*base, "/dev/null", "--jobs", jobs, *(["--no-cache"] if label != "seed" else [])]
        name = f"refuso --jobs {jobs}" if label != "seed" else "refuso, warm"
        commands.append(Command(name, "refuso", argv, [*base, str(report), "--jobs", jobs], report))
    # A first run: refuso's cache empty (a new one for every run), bytecode caches present.
    first = shlex.join([*base, "/dev/null", "--jobs", "1"])
    fresh = f'REFUSO_CACHE_DIR="$(mktemp -d -p {shlex.quote(str(scratch / "first-run"))})"'
    argv = ["sh", "-c", f"{fresh} exec {first}"]
    check = ["sh", "-c", f"{fresh} exec {shlex.join([*base, str(report), '--jobs', '1'])}"]
    name = "refuso --jobs 1, first run" if label != "seed" else "refuso, first run"
    commands.append(Command(name, "refuso", argv, check, report))
    return commands


def peer_commands(paths: Paths, target: Path, files: list[Path]) -> list[Command]:
    textlint = [
        str(paths.textlint),
        "--rules-base-directory",
        str(paths.node_modules),
        "--format",
        "compact",
    ]
    commands = [
        Command(
            "Vale", "vale", [str(paths.vale), "--config", str(VALE_CONFIG), "--output", "line", str(target)]
        ),
        Command(
            "proselint",
            "proselint",
            [str(paths.proselint), "--output-format", "compact", "check", str(target)],
        ),
        Command(
            "textlint, general rules",
            "textlint",
            [*textlint, "--config", str(TEXTLINT_CONFIGS["textlint"]), str(target)],
        ),
        Command(
            "textlint, write-good rule",
            "textlint-write-good",
            [*textlint, "--config", str(TEXTLINT_CONFIGS["textlint-write-good"]), str(target)],
        ),
        # write-good's exit code is its number of suggestions; it reads files, not folders.
        Command(
            "write-good", "write-good", [str(paths.write_good), "--parse", *map(str, files)], ok_codes=None
        ),
    ]
    for command in commands:
        command.check_argv = command.argv
    return commands


def startup_commands(paths: Paths, scratch: Path, tools: set[str]) -> list[Command]:
    seed = ROOT / SEED
    commands = [
        Command("python -c pass", "floor", [paths.python, "-c", "pass"]),
        Command(
            "python -c 'import yaml, regex, pluggy'",
            "floor",
            [paths.python, "-c", "import yaml, regex, pluggy"],
        ),
    ]
    commands[0].check_argv, commands[1].check_argv = commands[0].argv, commands[1].argv
    if "refuso" in tools:
        commands += refuso_commands(paths, SEED, scratch, "seed")
    commands += [c for c in peer_commands(paths, seed, [seed]) if c.tool in tools]
    return commands


# -- measuring -----------------------------------------------------------------------------------


def check_command(command: Command, env: dict[str, str]) -> dict[str, Any]:
    """Run once: fills the caches, and shows the command works (hyperfine's ``-i`` would hide a
    crash). Returns the exit code and how many report lines it wrote."""
    proc = subprocess.run(command.check_argv, env=env, cwd=ROOT, capture_output=True)
    code = proc.returncode
    stderr = proc.stderr.decode(errors="replace")
    failed = code not in command.ok_codes if command.ok_codes is not None else bool(stderr.strip())
    if failed:
        raise SystemExit(
            f"peers.py: {command.name!r} failed (exit {code}): {shlex.join(command.check_argv)}\n"
            f"{stderr[-3000:]}"
        )
    output = command.report.read_bytes() if command.report else proc.stdout
    return {"exit_code": code, "report_lines": output.count(b"\n")}


def hyperfine(
    args: argparse.Namespace,
    commands: list[Command],
    env: dict[str, str],
    export: Path,
    runs: int,
    warmup: int,
) -> list[dict[str, Any]]:
    argv = [
        args.hyperfine,
        "-N",
        "-i",
        "--style",
        "basic",
        "--output",
        "null",
        "--runs",
        str(runs),
        "--warmup",
        str(warmup),
        "--export-json",
        str(export),
    ]
    for command in commands:
        argv += ["--command-name", command.name, command.line]
    say(f"hyperfine: {len(commands)} commands, {runs} runs each after {warmup} warm-up")
    proc = subprocess.run(argv, env=env, cwd=ROOT, stdout=sys.stderr)
    if proc.returncode != 0 or not export.exists():
        raise SystemExit(f"peers.py: hyperfine failed (exit {proc.returncode})")
    return json.loads(export.read_text())["results"]


def usage(
    args: argparse.Namespace, commands: list[Command], env: dict[str, str], scratch: Path
) -> list[dict]:
    """CPU seconds (user + system, children included) and peak resident memory of single runs under
    GNU time, ``--usage-runs`` each, taken in turns so that a burst of load hits every command."""
    samples: list[dict[str, list[float]]] = [{"wall": [], "cpu": [], "rss_mib": []} for _ in commands]
    out = scratch / "time.txt"
    for _ in range(args.usage_runs):
        for command, sample in zip(commands, samples, strict=True):
            argv = [args.time, "-f", "%e %U %S %M", "-o", str(out), *command.argv]
            subprocess.run(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                wall, user, system, rss_kb = out.read_text().split()[-4:]
            except ValueError:
                continue
            sample["wall"].append(float(wall))
            sample["cpu"].append(float(user) + float(system))
            sample["rss_mib"].append(int(rss_kb) / 1024)
    return [
        {k: (statistics.median(v) if v else None) for k, v in s.items()} | {"samples": s} for s in samples
    ]


def measure(
    args: argparse.Namespace,
    label: str,
    commands: list[Command],
    env: dict[str, str],
    scratch: Path,
    runs: int,
    warmup: int,
) -> dict[str, Any]:
    say(f"{label}: checking {len(commands)} commands once")
    checks = [check_command(c, env) for c in commands]
    load_before = loadavg()
    timed = hyperfine(args, commands, env, args.export_dir / f"hyperfine-{label}.json", runs, warmup)
    used = usage(args, commands, env, scratch) if args.time_ok else [{} for _ in commands]
    rows = []
    for command, check, result, use in zip(commands, checks, timed, used, strict=True):
        rows.append(
            {
                "name": command.name,
                "tool": command.tool,
                "command": command.line,
                "median_s": result["median"],
                "min_s": result["min"],
                "stddev_s": result.get("stddev") or 0.0,
                "runs": len(result["times"]),
                "exit_codes": sorted(set(result.get("exit_codes") or [])),
                "cpu_s": use.get("cpu"),
                "rss_mib": use.get("rss_mib"),
                "usage_samples": use.get("samples"),
                **check,
            }
        )
    return {"label": label, "rows": rows, "load_before": load_before, "load_after": loadavg()}


# -- report --------------------------------------------------------------------------------------


def fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def ratio(reference: float | None, value: float | None) -> str:
    if not reference or not value:
        return "–"
    return f"{reference / value:.2f}"


def table(section: dict[str, Any], reference: str, corpus_bytes: int | None, unit: str = "s") -> list[str]:
    rows = section["rows"]
    ref = next((r for r in rows if r["name"] == reference), None)
    scale, digits = (1000, 0) if unit == "ms" else (1, 2)
    head = f"| command | wall median {unit} | wall min {unit} |"
    rule = "|---|---:|---:|"
    if corpus_bytes:
        head += " MB/s |"
        rule += "---:|"
    head += f" CPU {unit} | peak RSS MiB | report lines | {reference} ÷ this, wall | ÷ this, CPU |"
    rule += "---:|---:|---:|---:|---:|"
    out = [head, rule]
    for r in rows:
        line = f"| {r['name']} | {fmt(r['median_s'] * scale, digits)} | {fmt(r['min_s'] * scale, digits)} |"
        if corpus_bytes:
            line += f" {fmt(corpus_bytes / MB / r['median_s'])} |"
        cpu = r["cpu_s"] * scale if r["cpu_s"] is not None else None
        line += (
            f" {fmt(cpu, digits)} | {fmt(r['rss_mib'], 0)} | {r['report_lines']} |"
            f" {ratio(ref and ref['median_s'], r['median_s'])} |"
            f" {ratio(ref and ref['cpu_s'], r['cpu_s'])} |"
        )
        out.append(line)
    return out


def markdown(report: dict[str, Any]) -> str:
    m = report["machine"]
    s = report["settings"]
    out = [
        "# refuso and its peers",
        "",
        f"{m['date']}, {m['nproc']} cores ({m['cpu_model']}), commit {m['git_commit']}; "
        f"load average (1, 5, 15 min) {m['loadavg_at_start']} at the start, {m.get('loadavg_at_end')} at the end. "
        "A shared, noisy machine: quote medians, and compare figures of this run only.",
        "",
        f"Wall time: hyperfine, {s['runs']} runs of each command after {s['warmup']} warm-up, all the "
        f"commands of a table in one hyperfine run. CPU (user + system, worker processes included) and "
        f"peak RSS (of the largest process): GNU time, median of {s['usage_runs']} single runs taken in "
        "turns. Ratios above 1: refuso is slower than that command; below 1, faster. Report lines: "
        "lines of findings the command wrote in its checked run (refuso's concise report ends with a "
        "summary line).",
        "",
    ]
    for key in ("it200", "en200"):
        section = report.get(key)
        if not section:
            continue
        c = section["corpus"]
        kb = c["file_kb_min_median_max"]
        out += [
            f"## {c['corpus']}: {c['files']} files, {c['bytes'] / MB:.2f} MB ({kb[0]}/{kb[1]}/{kb[2]} KB "
            "min/median/max)",
            "",
            f"`{c['folder']}`; 1-minute load {section['load_before'][0] if section['load_before'] else '?'} "
            f"before hyperfine, {section['load_after'][0] if section['load_after'] else '?'} after the CPU runs.",
            "",
            *table(section, "refuso --jobs 1", c["bytes"]),
            "",
        ]
        if section.get("note"):
            out += [section["note"], ""]
    startup = report.get("startup")
    if startup:
        out += [
            f"## Start-up: one article (`{SEED}`, {report['seed_bytes'] / 1000:.1f} KB)",
            "",
            f"{startup['rows'][0]['runs']} runs after {s['startup_warmup']} warm-up.",
            "",
            *table(startup, "refuso, warm", None, unit="ms"),
            "",
        ]
    out += ["## Commands", ""]
    for key in ("it200", "en200", "startup"):
        for r in (report.get(key) or {}).get("rows", []):
            out.append(
                f"- {key}, {r['name']}: `{r['command'] if len(r['command']) < 400 else r['command'][:400] + ' …'}`"
            )
    out += ["", "## Versions", "", "| tool | version |", "|---|---|"]
    out += [f"| {k} | {v} |" for k, v in report["versions"].items()]
    if report.get("unavailable"):
        out += ["", "Not run: " + "; ".join(f"{k} ({v})" for k, v in report["unavailable"].items()) + "."]
    return "\n".join(out) + "\n"


# -- main ----------------------------------------------------------------------------------------


def parse_only(value: str) -> list[str]:
    names = [n.strip() for n in value.split(",") if n.strip()]
    unknown = [n for n in names if n not in TOOLS]
    if unknown or not names:
        raise argparse.ArgumentTypeError(
            f"unknown tool {', '.join(unknown) or '(none)'}; choose from {', '.join(TOOLS)}"
        )
    return names


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter
    )
    p.add_argument("--corpus", choices=("it200", "en200", "all"), default="all", help="which corpus to time")
    p.add_argument("--runs", type=int, default=5, help="hyperfine runs of each command on a corpus")
    p.add_argument(
        "--warmup",
        type=int,
        default=0,
        help="hyperfine warm-up runs of each command on a corpus (a checked run already fills the caches)",
    )
    p.add_argument("--startup-runs", type=int, default=10, help="hyperfine runs of each start-up command")
    p.add_argument(
        "--startup-warmup", type=int, default=2, help="hyperfine warm-up runs of each start-up command"
    )
    p.add_argument("--usage-runs", type=int, default=3, help="runs under GNU time per command (CPU, memory)")
    p.add_argument("--skip-startup", action="store_true", help="do not time the start-up on the seed")
    p.add_argument(
        "--only",
        type=parse_only,
        default=list(TOOLS),
        help="comma-separated tools to install and time: " + ",".join(TOOLS),
    )
    p.add_argument(
        "--english-peers-on-italian",
        action="store_true",
        help="also time " + ", ".join(sorted(ENGLISH_ONLY)) + " on IT200 (English rules on Italian text)",
    )
    p.add_argument("--tools", type=Path, default=DEFAULT_TOOLS, help="where the peers are installed")
    p.add_argument("--skip-install", action="store_true", help="use the peers already in --tools")
    p.add_argument("--corpora", type=Path, help="where the corpora are built [default: TOOLS/corpora]")
    p.add_argument("--seed", type=int, default=1, help="random seed of the corpora")
    p.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of the shared data")
    p.add_argument(
        "--build-corpora-only", action="store_true", help="build (or find) the corpora, print them, stop"
    )
    p.add_argument("--output", type=Path, help="also write the Markdown report to this file")
    p.add_argument(
        "--export-dir",
        type=Path,
        help="hyperfine's JSON exports and every figure as JSON [default: benchmarks/results/peers-TIME]",
    )
    p.add_argument("--python", default=default_bin("python"), help="the interpreter refuso is installed in")
    p.add_argument("--refuso", default=default_bin("refuso"), help="the refuso console script")
    p.add_argument("--hyperfine", default=shutil.which("hyperfine"), help="path to hyperfine")
    p.add_argument("--time", default="/usr/bin/time", help="path to GNU time")
    args = p.parse_args(argv)
    args.tools = args.tools.expanduser().resolve()
    args.corpora = (args.corpora.expanduser() if args.corpora else args.tools / "corpora").resolve()
    for name in ("python", "refuso"):
        value = getattr(args, name)
        setattr(args, name, os.path.abspath(value) if os.sep in value else value)
    if args.tools == ROOT or ROOT in args.tools.parents:
        p.error(f"--tools must be outside the project (got {args.tools})")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    keys = ["it200", "en200"] if args.corpus == "all" else [args.corpus]
    if args.build_corpora_only:
        for key in keys:
            print(json.dumps(build_corpus(CORPORA[key], args.corpora, args.data, args.seed), indent=2))
        return 0

    problem = ensure_debian_tool("hyperfine", "hyperfine", args.hyperfine)
    if problem:
        sys.stderr.write(f"peers.py: {problem} (it times every command)\n")
        return 2
    args.hyperfine = args.hyperfine or shutil.which("hyperfine")
    args.time_ok = ensure_debian_tool("time", "time", args.time) is None and os.access(args.time, os.X_OK)
    if not args.time_ok:
        say(f"{args.time} is missing (apt-get install time): no CPU or memory figures")

    unavailable = {} if args.skip_install else install_peers(args)
    paths = tool_paths(args)
    for tool in args.only:
        if tool not in unavailable and not available(tool, paths):
            unavailable[tool] = f"not installed in {args.tools}" if tool != "refuso" else "refuso not found"
    tools = {t for t in args.only if t not in unavailable}
    for tool, why in unavailable.items():
        say(f"skipping {tool}: {why}")

    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    args.export_dir = (args.export_dir or RESULTS / f"peers-{stamp}").resolve()
    args.export_dir.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix="refuso-peers-"))
    (scratch / "first-run").mkdir()
    pycache = Path(tempfile.gettempdir()) / "refuso-bench-pycache"
    env = bench_env(args, scratch / "refuso-cache", pycache)

    report: dict[str, Any] = {
        "machine": {
            "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "nproc": run_text(["nproc"]),
            "cpu_model": next(
                (
                    line.split(":", 1)[1].strip()
                    for line in run_text(["lscpu"]).splitlines()
                    if line.startswith("Model name:")
                ),
                "unknown",
            ),
            "git_commit": run_text(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
            "loadavg_at_start": loadavg(),
        },
        "settings": {
            k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items() if k != "time_ok"
        },
        "versions": versions(args, paths, env),
        "unavailable": unavailable,
        "seed_bytes": (ROOT / SEED).stat().st_size,
    }
    t0 = time.perf_counter()
    try:
        for key in keys:
            spec = CORPORA[key]
            corpus = build_corpus(spec, args.corpora, args.data, args.seed)
            folder = Path(corpus["folder"])
            files = sorted(folder.glob("*.txt"))
            commands: list[Command] = []
            if "refuso" in tools:
                commands += refuso_commands(paths, str(folder), scratch, key)
            skipped = set()
            for command in peer_commands(paths, folder, files):
                if command.tool not in tools:
                    continue
                if (
                    spec.language == "it"
                    and command.tool in ENGLISH_ONLY
                    and not args.english_peers_on_italian
                ):
                    skipped.add(command.tool)
                    continue
                commands.append(command)
            if not commands:
                continue
            section = measure(args, key, commands, env, scratch, args.runs, args.warmup)
            section["corpus"] = corpus
            if skipped:
                section["note"] = (
                    f"Not timed on {spec.name}: {', '.join(sorted(skipped))}, whose rules are English word lists "
                    "and phrasings (`--english-peers-on-italian` times them anyway)."
                )
            report[key] = section
        if not args.skip_startup:
            commands = startup_commands(paths, scratch, tools)
            report["startup"] = measure(
                args, "startup", commands, env, scratch, args.startup_runs, args.startup_warmup
            )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report["machine"]["loadavg_at_end"] = loadavg()
    report["machine"]["minutes"] = round((time.perf_counter() - t0) / 60, 1)
    text = markdown(report)
    (args.export_dir / "peers.json").write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    (args.export_dir / "peers.md").write_text(text)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    say(f"measured in {report['machine']['minutes']} minutes; raw figures in {args.export_dir}")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
