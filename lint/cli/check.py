"""``refuso check``: check files, fix them when asked, and write the reports."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import IO, Any

from lint.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, error, make_linter, silence_stdout


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


def run(args: argparse.Namespace) -> int:
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
        linter = make_linter(args, overrides, isolated=args.isolated)
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
            timings=args.timings,
        )
    except (UsageError, SourceError) as exc:
        error(str(exc))
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
            from lint.fixing.write import encode_like

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
    rules = {m.code: m for m in linter.base_rules.metas()}
    if args.timings:
        from lint.timings import table

        sys.stderr.write(table(run, rules))
    sys.stderr.flush()
    for (name, _path), stream in zip(outputs, streams, strict=True):
        context = OutputContext(
            color=stream is sys.stdout and _use_color(args.color, sys.stdout),
            cwd=os.getcwd(),
            rules=rules,
            show_source=args.show_source,
            statistics=args.statistics,
            languages=linter.plugins.languages,
        )
        try:
            formatters[name].write(run, stream, context)
            stream.flush()
        except BrokenPipeError:
            if stream is not sys.stdout:
                raise
            # The reader went away (``refuso check … | head``): stop writing, keep the exit code.
            silence_stdout()
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
    from lint.fixing.write import fix_result, remove_stale_temporaries, write_fixed
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
