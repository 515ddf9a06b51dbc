"""The ``refuso`` command line: argument parsing and exit codes. The work is done by :mod:`lint.api`.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 a usage, configuration
or internal error (an unreadable file, a broken rule pack, a plugin that failed); 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Sequence
from typing import IO, Any

from lint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def _selector_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _language(value: str) -> str:
    from lint.readers import normalise_language

    if value == "auto":
        return value
    code = normalise_language(value)
    if code is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code (it, en, fr-CH) or auto")
    return code


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (automatic) or more")
    return n


class _FormatAction(argparse.Action):
    """``--format NAME``: a new report, written to standard output unless an --output-file follows."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        outputs = list(getattr(namespace, self.dest, None) or [])
        outputs.append([values, None])
        setattr(namespace, self.dest, outputs)


class _OutputFileAction(argparse.Action):
    """``--output-file PATH``: where the report of the last --format goes."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        outputs = list(getattr(namespace, self.dest, None) or [])
        if outputs and outputs[-1][1] is None:
            outputs[-1] = [outputs[-1][0], values]
        else:
            outputs.append([None, values])  # the default format, to this file
        setattr(namespace, self.dest, outputs)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="refuso",
        description="A linter for the text of articles: broken punctuation, duplicated names, wrong titles, "
        "machine-translated phrasing.",
    )
    parser.add_argument("--version", action="version", version=f"refuso {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check files, folders or standard input")
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to check ('-' for standard input; default: .)",
    )
    check.add_argument(
        "--lang",
        type=_language,
        metavar="LANG",
        help="language of the text: it, en, or auto (the default; front matter 'lang:' wins). In another "
        "language only the rules for every language run (punctuation, typography), with a note",
    )
    check.add_argument(
        "--select",
        type=_selector_list,
        action="append",
        metavar="RULES",
        help="run only these rules: codes, code prefixes, names, categories or ALL (comma-separated)",
    )
    check.add_argument(
        "--extend-select",
        type=_selector_list,
        action="append",
        default=[],
        metavar="RULES",
        help="run these rules in addition to the selected ones",
    )
    check.add_argument(
        "--ignore",
        type=_selector_list,
        action="append",
        default=[],
        metavar="RULES",
        help="do not run these rules",
    )
    check.add_argument("--preview", action="store_true", default=None, help="also run preview rules")
    check.add_argument(
        "--format",
        dest="outputs",
        action=_FormatAction,
        metavar="FORMAT",
        help="output format: text (default; github when GITHUB_ACTIONS is set), concise, json, json-lines, "
        "sarif, github, gitlab, junit, html, or one from a plugin. Repeat it, each with its own "
        "--output-file, to write several reports in one run",
    )
    check.add_argument(
        "--output-file",
        "-o",
        dest="outputs",
        action=_OutputFileAction,
        metavar="PATH",
        help="write the report of the --format before it (or of the default format) to PATH instead of "
        "standard output",
    )
    check.add_argument(
        "--fail-level",
        choices=["error", "warning", "info"],
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit with 0 even when there are findings")
    check.add_argument(
        "--config", metavar="FILE", help="use this configuration file instead of searching for one"
    )
    check.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=0,
        metavar="N",
        help="check files in N processes (default 0: automatic)",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name of the file read from standard input (picks the reader and the configuration)",
    )
    check.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="the date of the articles, when they do not say"
    )
    check.add_argument(
        "--encoding", metavar="CODEC", help="read files in this encoding instead of UTF-8 (e.g. cp1252)"
    )
    check.add_argument("--statistics", action="store_true", help="show how many findings each rule produced")
    check.add_argument(
        "--no-source", dest="show_source", action="store_false", help="do not show the source lines"
    )
    check.add_argument(
        "--color", choices=["auto", "always", "never"], default="auto", help="colour the output"
    )
    check.add_argument("--no-cache", action="store_true", help="do not read or write refuso's cache")
    check.add_argument(
        "--fix",
        action="store_true",
        help="apply safe fixes (typography only) to the files; with '-', write the fixed text to standard output",
    )
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply fixes that change words"
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="show the changes --fix would make, as a unified diff, and write nothing",
    )
    check.add_argument(
        "--languagetool",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also run LanguageTool's grammar and spelling rules (languagetool.enabled); "
        "--no-languagetool turns them off",
    )
    check.add_argument(
        "--languagetool-url",
        metavar="URL",
        help="the LanguageTool server to use (languagetool.url; default http://127.0.0.1:8010)",
    )

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument("--format", choices=["text", "json"], default="text")
    rules.add_argument("--lang", choices=["it", "en"], help="show only the rules for this language")
    rules.add_argument("--config", metavar="FILE", help="include the rule packs of this configuration")

    explain = commands.add_parser("explain", help="show a rule's documentation and examples")
    explain.add_argument(
        "rule",
        metavar="CODE",
        help="a rule code or name, e.g. PUN001 or doubled-punctuation; CODE/ENTRY for one entry of a phrase rule",
    )
    explain.add_argument("--lang", choices=["it", "en"], help="language of the documentation")
    explain.add_argument("--config", metavar="FILE", help="include the rule packs of this configuration")

    kb = commands.add_parser(
        "kb", help="check the knowledge base of people and organisations, or look up a name"
    )
    kb_commands = kb.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)
    kb_check = kb_commands.add_parser(
        "check", help="validate the built-in KB, the configured KB files and FILES"
    )
    kb_check.add_argument("files", nargs="*", metavar="FILE")
    kb_check.add_argument("--config", metavar="FILE", help="include the KB files of this configuration")
    kb_find = kb_commands.add_parser("find", help="what the KB knows about a name")
    kb_find.add_argument("name", nargs="+")
    kb_find.add_argument("--config", metavar="FILE")

    languagetool = commands.add_parser(
        "languagetool", help="install, start, stop or inspect the local LanguageTool server"
    )
    lt_commands = languagetool.add_subparsers(dest="lt_command", metavar="LT_COMMAND", required=True)
    lt_install = lt_commands.add_parser(
        "install", help="fetch LanguageTool (Italian and English) from Maven Central; needs Java 17 and Maven"
    )
    lt_install.add_argument("--force", action="store_true", help="fetch again even when installed")
    lt_serve = lt_commands.add_parser("serve", help="run a LanguageTool server on localhost")
    lt_serve.add_argument("--port", type=int, default=None, help="port to listen on (default 8010)")
    lt_serve.add_argument(
        "--detach", action="store_true", help="start it in the background and return once it answers"
    )
    lt_serve.add_argument(
        "--max-text-length", type=int, metavar="N", help="refuse texts longer than N characters"
    )
    lt_serve.add_argument(
        "--no-warm-up",
        action="store_true",
        help="with --detach: return as soon as it answers, before loading the Italian and English rules",
    )
    lt_status = lt_commands.add_parser("status", help="what is installed and whether a server answers")
    lt_status.add_argument("--url", help="the server to ask (default: languagetool.url, or the local one)")
    lt_status.add_argument("--config", metavar="FILE", help="read languagetool.url from this configuration")
    lt_stop = lt_commands.add_parser("stop", help="stop the server `serve --detach` or a run started")
    lt_stop.add_argument("--port", type=int, default=None, help="its port (default 8010)")

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of rule packs, of the configuration, or of the JSON output"
    )
    schema.add_argument("which", choices=["pack", "config", "output", "kb"])
    return parser


def _flatten(lists: Sequence[Sequence[str]] | None) -> tuple[str, ...] | None:
    if lists is None:
        return None
    return tuple(s for chunk in lists for s in chunk)


def _use_color(choice: str, stream: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


def _error(message: str) -> None:
    from lint.paths import printable

    sys.stderr.write(f"refuso: error: {printable(message)}\n")


def _default_doc_language() -> str:
    lang = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "it" if lang.lower().startswith("it") else "en"


def _guard_standard_streams() -> None:
    """A closed standard error becomes a sink (messages are lost, not tracebacks); text that cannot be
    encoded (a lone surrogate of an undecodable file name) is written escaped instead of failing."""
    for fd in (0, 1, 2):
        # A closed descriptor would be reused by the next file opened (a report, an article), and
        # anything writing to it (a child process) would write there: park /dev/null on it.
        try:
            os.fstat(fd)
        except OSError:
            try:
                null = os.open(os.devnull, os.O_RDWR)
                if null != fd:
                    os.dup2(null, fd)
                    os.close(null)
            except OSError:
                pass
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _guard_standard_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    if sys.stdout is None and args.command != "check":
        # ``check`` may still write its reports to files; it says so itself when it cannot.
        _error("standard output is closed, so there is nowhere to write; run refuso with it open")
        return EXIT_ERROR
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "rules":
            return _rules(args)
        if args.command == "explain":
            return _explain(args)
        if args.command == "schema":
            return _schema(args)
        if args.command == "kb":
            from lint.kb.commands import run

            return run(args)
        if args.command == "languagetool":
            from lint.languagetool.commands import run as run_languagetool

            return run_languagetool(args)
    except KeyboardInterrupt as exc:
        from lint.engine.parallel import Interrupted

        if isinstance(exc, Interrupted):
            from lint.formatters import count_of

            sys.stderr.write(
                f"refuso: interrupted after {exc.done} of {count_of(exc.total, 'file')}"
                " had been checked; no report was written and no file was changed\n"
            )
        else:
            sys.stderr.write("refuso: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``refuso check … | head``): stop quietly.
        _silence_stdout()
        return EXIT_OK
    parser.error(f"unknown command {args.command!r}")
    return EXIT_ERROR


def _silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def _make_linter(args: argparse.Namespace, overrides: Any = None, **extra: Any) -> Any:
    from lint.api import Linter
    from lint.cache import Cache, default_directory

    cache = Cache(None) if getattr(args, "no_cache", False) else Cache(default_directory())
    linter = Linter(config_file=getattr(args, "config", None), overrides=overrides, cache=cache, **extra)
    # The rules and the knowledge base live as long as the process: keep the garbage collector from
    # walking their many small objects again on every collection.
    import gc

    gc.freeze()
    return linter


def _check(args: argparse.Namespace) -> int:
    from lint.api import UsageError, read_standard_input
    from lint.config import Overrides
    from lint.findings import Severity
    from lint.formatters import OutputContext, count_of, needs_lines
    from lint.yamlsource import SourceError

    if args.stdin_filename and "-" not in args.paths:
        args.paths = [*args.paths, "-"] if not args.paths else args.paths
    paths = args.paths or ["."]
    overrides = Overrides(
        language=args.lang,
        select=_flatten(args.select),
        extend_select=_flatten(args.extend_select) or (),
        ignore=_flatten(args.ignore) or (),
        preview=args.preview,
        fail_level=Severity.parse(args.fail_level) if args.fail_level else None,
        date=args.date,
        encoding=args.encoding,
        languagetool=args.languagetool,
        languagetool_url=args.languagetool_url,
    )
    try:
        linter = _make_linter(args, overrides, isolated=args.isolated)
        formatters = dict(_formatters(linter))
        default = (
            "github" if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in formatters else "text"
        )
        outputs = [(name or default, path) for name, path in (args.outputs or [[None, None]])]
        for name, _path in outputs:
            if name not in formatters:
                raise UsageError(
                    f"unknown output format {name!r}; available: {', '.join(sorted(formatters))}"
                )
        to_stdout = [name for name, path in outputs if path is None or path == "-"]
        if len(to_stdout) > 1:
            raise UsageError(
                f"{len(to_stdout)} formats ({', '.join(to_stdout)}) would go to standard output; "
                "give all but one an --output-file"
            )
        fixing = args.fix or args.diff
        if sys.stdout is None and (to_stdout or args.diff or (args.fix and "-" in paths)):
            raise UsageError(
                "standard output is closed, so the report cannot be written; "
                "give --output-file FILE, or run refuso with standard output open"
            )
        targets = linter.discover(paths, args.stdin_filename)
        _refuse_outputs_among_inputs(outputs, targets)
        stdin = read_standard_input() if any(t.path == "-" for t in targets) else None
        streams = _open_outputs(outputs)
        keep_sources = fixing or any(getattr(formatters[name], "needs_source", False) for name, _ in outputs)
        keep_lines = any(needs_lines(formatters[name], args.show_source) for name, _ in outputs)
        run = linter.check_paths(
            paths,
            jobs=args.jobs,
            stdin_filename=args.stdin_filename,
            stdin=stdin,
            keep_sources=keep_sources,
            keep_lines=keep_lines,
            targets=targets,
        )
    except (UsageError, SourceError) as exc:
        _error(str(exc))
        return EXIT_ERROR

    if fixing:
        run, fixed = _apply_fixes(linter, run, args)
        if args.diff:
            for one in fixed:
                sys.stdout.write(one.diff())
            _report_problems(run)
            changes = sum(one.applied for one in fixed)
            sys.stderr.write(
                f"{count_of(changes, 'fix', 'fixes')} would change {count_of(len(fixed), 'file')}\n"
                if fixed
                else "nothing to fix\n"
            )
            return EXIT_ERROR if run.has_errors else (EXIT_FINDINGS if fixed else EXIT_OK)
        stdin_fixed = [r for r in run.files if _from_stdin(r, args)]
        if stdin_fixed:
            # Fixing standard input: the fixed text is the output; the findings left go to stderr.
            from lint.fixing import encode_like

            result = stdin_fixed[0]
            if result.source is not None:
                sys.stdout.buffer.write(encode_like(result.source, result.encoding, result.bom))
                sys.stdout.flush()
            outputs = [(name, path) if path else (name, "<stderr>") for name, path in outputs]
            streams = [sys.stderr if s is sys.stdout else s for s in streams]

    from lint.paths import printable

    _report_problems(run)
    if not run.files:
        for path in paths:
            if path != "-" and os.path.isdir(path):
                sys.stderr.write(
                    f"refuso: note: {printable(path)}: no files to check in this folder "
                    "(its include, exclude and .gitignore leave none)\n"
                )
    sys.stderr.flush()
    rules = {m.code: m for m in linter.base_rules.metas()}
    for (name, _path), stream in zip(outputs, streams, strict=True):
        context = OutputContext(
            color=stream is sys.stdout and _use_color(args.color, sys.stdout),
            cwd=os.getcwd(),
            rules=rules,
            show_source=args.show_source,
            statistics=args.statistics,
        )
        try:
            formatters[name].write(run, stream, context)
            stream.flush()
        except BrokenPipeError:
            if stream is not sys.stdout:
                raise
            # The reader went away (``refuso check … | head``): stop writing, keep the exit code.
            _silence_stdout()
        if stream is not sys.stdout:
            stream.close()

    if run.has_errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    for result in run.files:
        level = linter.fail_level_for(result.path)
        if any(f.severity >= level for f in result.findings):
            return EXIT_FINDINGS
    return EXIT_OK


def _from_stdin(result: Any, args: argparse.Namespace) -> bool:
    return "-" in (args.paths or []) and result.path in ("-", args.stdin_filename)


def _report_problems(run: Any) -> None:
    from lint.paths import printable

    for problem in run.all_problems:
        label = "error" if problem.kind == "error" else "note"
        sys.stderr.write(f"refuso: {label}: {printable(problem.where)}: {printable(problem.message)}\n")
    sys.stderr.flush()


def _apply_fixes(linter: Any, run: Any, args: argparse.Namespace) -> tuple[Any, list[Any]]:
    """Fix every file (in memory), check it again, and unless --diff write it back. The run with
    each fixed file's new result, and what was fixed."""
    from dataclasses import replace

    from lint.findings import Applicability, Problem, RunResult
    from lint.fixing import fix_result, remove_stale_temporaries, write_fixed
    from lint.formatters import count_of

    allowed = {Applicability.SAFE, Applicability.UNSAFE} if args.unsafe_fixes else {Applicability.SAFE}
    results, fixed, problems = [], [], []
    if not args.diff:
        written = [r.path for r in run.files if r.checked and not _from_stdin(r, args)]
        for path, removed in remove_stale_temporaries(written).items():
            problems.extend(
                Problem(
                    path, f"removed {name}, a temporary file an interrupted --fix left beside it", kind="note"
                )
                for name in removed
            )
    for result in run.files:
        one = fix_result(result, allowed, linter.recheck) if result.checked else None
        if one is None or not one.changed:
            results.append(result)
            continue
        if args.diff or _from_stdin(result, args):
            results.append(replace(one.result, source=one.after))
            fixed.append(one)
            continue
        problem = write_fixed(result.path, one, result.encoding, result.bom)
        if problem is not None:
            problems.append(problem)
            results.append(result)
            continue
        results.append(one.result)
        fixed.append(one)
    if args.fix and not args.diff:
        count = sum(one.applied for one in fixed)
        if count:
            sys.stderr.write(f"Fixed {count_of(count, 'problem')} in {count_of(len(fixed), 'file')}.\n")
        if not args.unsafe_fixes:
            unsafe = sum(
                1
                for r in results
                for f in r.findings
                if f.fix is not None and f.fix.applicability is Applicability.UNSAFE
            )
            if unsafe:
                sys.stderr.write(f"{unsafe} more can be fixed with --unsafe-fixes (they change words).\n")
    return RunResult(tuple(results), (*run.problems, *problems)), fixed


def _refuse_outputs_among_inputs(outputs: list[tuple[str, str | None]], targets: Sequence[Any]) -> None:
    """A UsageError when a report would be written over one of the files being checked (the same
    path once links are resolved, or the same file under another name: a hard link)."""
    from lint.api import UsageError

    wanted = [path for _name, path in outputs if path is not None and path != "-"]
    if not wanted:
        return
    inputs: dict[str, str] = {}
    inodes: dict[tuple[int, int], str] = {}
    for target in targets:
        if target.path == "-" or target.skipped is not None:
            continue
        inputs[os.path.realpath(target.path)] = target.display
        try:
            st = os.stat(target.path)
        except OSError:
            continue
        inodes[(st.st_dev, st.st_ino)] = target.display
    for path in wanted:
        same = inputs.get(os.path.realpath(path))
        if same is None:
            try:
                st = os.stat(path)
            except OSError:
                continue  # not there yet, so not an input
            same = inodes.get((st.st_dev, st.st_ino))
        if same is not None:
            what = (
                "it is one of the files being checked"
                if same == path
                else f"it is {same}, one of the files being checked"
            )
            raise UsageError(
                f"--output-file {path}: {what}, and the report would replace it; nothing was written. "
                "Write the report to another file (outside the folders being checked, or excluded from them)"
            )


def _open_outputs(outputs: list[tuple[str, str | None]]) -> list[IO[str]]:
    """A stream per report: standard output, or its file (opened now, so a bad path fails before the run)."""
    from lint.api import UsageError

    streams: list[IO[str]] = []
    for _name, path in outputs:
        if path is None or path == "-":
            streams.append(sys.stdout)
            continue
        try:
            streams.append(open(path, "w", encoding="utf-8", errors="backslashreplace", newline=""))  # noqa: SIM115
        except OSError as exc:
            for stream in streams:
                if stream is not sys.stdout:
                    stream.close()
            raise UsageError(f"cannot write the report to {path}: {exc.strerror or exc}") from None
    return streams


def _formatters(linter: Any) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for _plugin, provided in linter.plugins.contributions("refuso_formatters"):
        for name, formatter in (provided or {}).items():
            found.setdefault(name, formatter)
    return found


def _rules(args: argparse.Namespace) -> int:
    import json

    from lint.yamlsource import SourceError

    try:
        linter = _make_linter(args)
    except SourceError as exc:
        _error(str(exc))
        return EXIT_ERROR
    metas = [
        m
        for m in linter.rules_for(linter.finder.for_directory(_cwd())).metas()
        if args.lang is None or m.applies_to(args.lang)
    ]
    if args.format == "json":
        out = [
            {
                "code": m.code,
                "name": m.name,
                "aliases": list(m.aliases),
                "category": m.category.value,
                "severity": str(m.severity),
                "languages": sorted(m.languages) if m.languages else None,
                "fix": m.fix.value if m.fix else None,
                "preview": m.preview,
                "plugin": m.plugin,
                "origin": m.origin,
            }
            for m in metas
        ]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        rows = [("CODE", "NAME", "CATEGORY", "SEVERITY", "LANGUAGES", "FIX", "FROM")]
        for m in metas:
            rows.append(
                (
                    m.code + (" (preview)" if m.preview else ""),
                    m.name,
                    m.category.value,
                    str(m.severity),
                    ",".join(sorted(m.languages)) if m.languages else "all",
                    m.fix.value if m.fix else "-",
                    m.origin if m.plugin == "refuso" and m.origin else m.plugin,
                )
            )
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r in rows:
            sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
    _report_load_problems(linter)
    return EXIT_ERROR if linter.problems or linter.plugins.failures else EXIT_OK


def _report_load_problems(linter: Any) -> None:
    for problem in linter.problems:
        sys.stderr.write(f"refuso: error: {problem.where}: {problem.message}\n")
    for failure in linter.plugins.failures:
        sys.stderr.write(f"refuso: error: {failure.describe()}\n")


def _cwd() -> Any:
    from pathlib import Path

    return Path.cwd()


def _explain(args: argparse.Namespace) -> int:
    from lint.explain import render
    from lint.yamlsource import SourceError

    try:
        linter = _make_linter(args)
    except SourceError as exc:
        _error(str(exc))
        return EXIT_ERROR
    rules = linter.rules_for(linter.finder.for_directory(_cwd()))
    name, _, entry_id = args.rule.partition("/")
    rule = rules.get(name) or rules.get(name.upper())
    if rule is None and ":" in name:
        # A namespace rule's own code (LT:WHITESPACE_RULE): the namespace rule documents it.
        namespace = rules.get(name.split(":", 1)[0].upper())
        if namespace is not None and namespace.meta.namespace:
            print(f"{name} is reported by {namespace.meta.code} ({namespace.meta.name}):\n")
            rule = namespace
    if rule is None:
        import difflib

        candidates = [*rules.codes, *(m.name for m in rules.metas())]
        close = difflib.get_close_matches(args.rule, candidates, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `refuso rules` lists them all"
        _error(f"no rule named {name!r}{hint}")
        return EXIT_ERROR
    language = args.lang or _default_doc_language()
    entries = list(getattr(rule, "documented_entries", ()))
    if entry_id:
        from lint.explain import render_entry

        entry = next((e for e in entries if e["id"] == entry_id), None)
        if entry is None:
            import difflib

            close = difflib.get_close_matches(entry_id, [e["id"] for e in entries], n=3)
            hint = (
                f"; did you mean {', '.join(close)}?"
                if close
                else f"; `refuso explain {rule.meta.code}` lists them"
            )
            _error(f"rule {rule.meta.code} has no entry {entry_id!r}{hint}")
            return EXIT_ERROR
        sys.stdout.write(render_entry(rule.meta, entry, language))
        return EXIT_OK
    sys.stdout.write(render(rule.meta, language, entries))
    return EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    import json

    if args.which == "config":
        from lint.config import assemble_schema
        from lint.plugins import make_plugins

        schema = assemble_schema(make_plugins().contributions("refuso_config_schema"))
    elif args.which == "kb":
        from lint.kb.schema import KB_SCHEMA

        schema = KB_SCHEMA
    elif args.which == "output":
        from lint.formatters.json import OUTPUT_SCHEMA

        schema = OUTPUT_SCHEMA
    else:
        from lint.packs import KINDS
        from lint.packs.schema import PACK_SCHEMA, rule_schema

        schema = dict(PACK_SCHEMA)
        schema["properties"] = dict(schema["properties"])
        schema["properties"]["rules"] = {
            "type": "array",
            "items": {
                "oneOf": [
                    {
                        **rule_schema(cls.PROPERTIES, cls.REQUIRED),
                        "properties": {
                            **rule_schema(cls.PROPERTIES, cls.REQUIRED)["properties"],
                            "kind": {"const": kind},
                        },
                    }
                    for kind, cls in KINDS.items()
                ]
            },
        }
    json.dump(schema, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK
