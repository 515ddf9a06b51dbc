"""``refuso check``: check files, fix them when asked, and write the reports."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import IO, Any

from lint.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, RuleMetas, error, make_linter, silence_stdout
from lint.cli.report import check_and_report, report_problems, use_color


def _flatten(lists: Sequence[Sequence[str]] | None) -> tuple[str, ...] | None:
    if lists is None:
        return None
    return tuple(s for chunk in lists for s in chunk)


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
                import difflib

                close = difflib.get_close_matches(name, list(formatters), n=1)
                hint = f" (did you mean {close[0]}?)" if close else ""
                raise UsageError(
                    f"unknown output format {name!r}{hint}; available: {', '.join(sorted(formatters))}"
                )
        to_stdout = [name for name, path in outputs if path is None or path == "-"]
        if len(to_stdout) > 1:
            raise UsageError(
                f"{len(to_stdout)} formats ({', '.join(to_stdout)}) would go to standard output; "
                "give all but one an --output-file"
            )
        fixing = args.fix or args.diff
        if args.dask_scheduler and (fixing or "-" in paths):
            raise UsageError(
                "--dask-scheduler checks named files only: leave out --fix, --diff and standard input (-)"
            )
        if sys.stdout is None and (to_stdout or args.diff or (args.fix and "-" in paths)):
            raise UsageError(
                "standard output is closed, so the report cannot be written; "
                "give --output-file FILE, or run refuso with standard output open"
            )
        if args.show_settings:
            from lint.config.perfile import describe_settings

            sys.stdout.write(
                describe_settings(args.show_settings, linter.finder.for_file(args.show_settings))
            )
            return EXIT_OK
        targets = linter.discover(paths, args.stdin_filename)
        targets = _leave_out_outputs(outputs, targets, paths)
        if args.show_files:
            sys.stdout.writelines(f"{t.display}\n" for t in targets if t.skipped is None)
            return EXIT_OK
        stdin = read_standard_input() if any(t.path == "-" for t in targets) else None
        streams = _open_outputs(outputs)
        keep_sources = fixing or any(getattr(formatters[name], "needs_source", False) for name, _ in outputs)
        keep_lines = any(needs_lines(formatters[name], args.show_source) for name, _ in outputs)
        if not fixing:
            # Reports are written as files are done; only what needs the whole run waits for it.
            return check_and_report(
                linter, args, paths, targets, stdin, formatters, outputs, streams, keep_sources, keep_lines
            )
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
            sys.stdout.write("".join(one.diff() for one in fixed))
            report_problems(run)
            changes = sum(one.applied for one in fixed)
            sys.stderr.write(
                f"{count_of(changes, 'fix', 'fixes')} would change {count_of(len(fixed), 'file')}\n"
                if fixed
                else "nothing to fix\n"
            )
            return EXIT_ERROR if run.has_errors else (EXIT_FINDINGS if fixed else EXIT_OK)
        stdin_fixed = [r for r in run.files if linter.from_stdin(r.path)]
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

    report_problems(run)
    if not run.files:
        for path in paths:
            if path != "-" and os.path.isdir(path):
                sys.stderr.write(
                    f"refuso: note: {printable(path)}: no files to check in this folder "
                    "(its include, exclude and .gitignore leave none)\n"
                )
    rules = RuleMetas(linter)
    if args.timings:
        from lint.timings import table

        sys.stderr.write(table(run, rules))
    sys.stderr.flush()
    for (name, _path), stream in zip(outputs, streams, strict=True):
        context = OutputContext(
            color=stream is sys.stdout and use_color(args.color, sys.stdout),
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


def _apply_fixes(linter: Any, run: Any, args: argparse.Namespace) -> tuple[Any, list[Any]]:
    """Fix every file through the API (writing unless --diff) and say what was fixed. The run with
    each fixed file's new result, and what was fixed."""
    from lint.formatters import count_of

    report = linter.fix(run, unsafe=args.unsafe_fixes, write=not args.diff)
    if args.fix and not args.diff:
        if report.applied:
            sys.stderr.write(
                f"Fixed {count_of(report.applied, 'problem')} in {count_of(len(report.fixed), 'file')}.\n"
            )
        if report.unsafe_left:
            sys.stderr.write(
                f"{report.unsafe_left} more can be fixed with --unsafe-fixes (they change words).\n"
            )
    return report.run, list(report.fixed)


def _leave_out_outputs(
    outputs: list[tuple[str, str | None]], targets: Sequence[Any], paths: Sequence[str]
) -> list[Any]:
    """``targets`` without the files this run writes its reports to (the same path once links are
    resolved, or the same file under another name: a hard link). A report refuso wrote before (it
    carries refuso's marker), or an empty file, found in a folder is left out with a note; any other
    such file is an article the report would replace, so that is a UsageError, as is a file named on
    the command line."""
    from lint.api import UsageError
    from lint.paths import printable

    wanted = [path for _name, path in outputs if path is not None and path != "-"]
    if not wanted:
        return list(targets)
    by_real: dict[str, str] = {}
    by_inode: dict[tuple[int, int], str] = {}
    for path in wanted:
        by_real.setdefault(os.path.realpath(path), path)
        try:
            st = os.stat(path)
        except OSError:
            continue  # not there yet, so not among the files found
        by_inode.setdefault((st.st_dev, st.st_ino), path)
    named = set(paths)
    kept = []
    for target in targets:
        output = (
            None
            if target.path == "-" or target.skipped is not None
            else _output_for(target.path, by_real, by_inode)
        )
        if output is None:
            kept.append(target)
            continue
        if target.path in named or not _replaceable(target.path):
            what = (
                "it is one of the files being checked"
                if target.display == output
                else f"it is {target.display}, one of the files being checked"
            )
            raise UsageError(
                f"--output-file {output}: {what}, and the report would replace it; nothing was written. "
                "Write the report to another file (outside the folders being checked, or excluded from them)"
            )
        sys.stderr.write(
            f"refuso: note: {printable(target.display)}: not checked: this run writes its report there\n"
        )
    return kept


def _output_for(path: str, by_real: dict[str, str], by_inode: dict[tuple[int, int], str]) -> str | None:
    """The --output-file that is ``path`` (by its resolved path or its inode), or None."""
    output = by_real.get(os.path.realpath(path))
    if output is not None:
        return output
    try:
        st = os.stat(path)
    except OSError:
        return None
    return by_inode.get((st.st_dev, st.st_ino))


def _replaceable(path: str) -> bool:
    """Whether a report may be written over ``path``: it is empty, or a report refuso wrote."""
    from lint.formatters.marker import HEAD_CHARS, report_format
    from lint.paths import open_regular

    try:
        with open_regular(path) as fh:
            head = fh.read(HEAD_CHARS * 4).decode("utf-8", errors="replace")
    except OSError:
        return False
    return not head or report_format(head) is not None


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
