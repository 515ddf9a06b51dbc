"""Writing a run's reports: each file's findings as soon as the file is done, for the formats
that can (:meth:`lint.formatters.Formatter.writer`), the others from the whole run at the end."""

from __future__ import annotations

import argparse
import os
import sys
from typing import IO, Any

from lint.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, RuleMetas, error, silence_stdout


def use_color(choice: str, stream: IO[str]) -> bool:
    if choice == "always":
        return True
    if choice == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)()) and os.environ.get("TERM") != "dumb"


def _isatty(stream: IO[str] | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):
        return False


def report_problems(run: Any) -> None:
    from lint.paths import printable

    for problem in run.all_problems:
        label = "error" if problem.kind == "error" else "note"
        sys.stderr.write(f"refuso: {label}: {printable(problem.where)}: {printable(problem.message)}\n")
    sys.stderr.flush()


def _context(args: argparse.Namespace, linter: Any, stream: IO[str], rules: dict[str, Any]) -> Any:
    from lint.formatters import OutputContext

    return OutputContext(
        color=stream is sys.stdout and use_color(args.color, sys.stdout),
        cwd=os.getcwd(),
        rules=rules,
        show_source=args.show_source,
        statistics=args.statistics,
        languages=linter.plugins.languages,
    )


class _Output:
    """One report of a run: written file by file when its formatter can (``writer``), otherwise
    from the whole run at the end. A reader that goes away (``refuso check … | head``) stops the
    writing to standard output, not the run, so the exit code is still the run's."""

    def __init__(self, formatter: Any, stream: IO[str], context: Any) -> None:
        self.formatter, self.stream, self.context = formatter, stream, context
        make = getattr(formatter, "writer", None)
        self.writer = make(stream, context) if make is not None else None
        self.gone = False

    def _guarded(self, write: Any, *values: Any) -> None:
        if self.gone:
            return
        try:
            write(*values)
        except BrokenPipeError:
            if self.stream is not sys.stdout:
                raise
            self.gone = True
            silence_stdout()

    def file(self, result: Any) -> None:
        if self.writer is not None:
            self._guarded(self.writer.file, result)

    def end(self, tally: Any, run: Any) -> None:
        if self.writer is not None:
            self._guarded(self.writer.end, tally)
        else:
            self._guarded(self.formatter.write, run, self.stream, self.context)
        self._guarded(self.stream.flush)
        if self.stream is not sys.stdout:
            self.stream.close()


def _on_dask(
    linter: Any, args: argparse.Namespace, targets: list[Any], keep_sources: bool, keep_lines: bool
) -> Any:
    """The results of a run on the Dask cluster ``--dask-scheduler`` names, in the targets' order;
    the client (and a local cluster) closed when the run ends."""
    from lint.api import UsageError

    try:
        from lint.api.dask import connect, iter_on_cluster
    except ImportError as exc:
        raise UsageError(
            f"--dask-scheduler needs Dask ({exc.name} is not installed): pip install 'refuso[dask]'"
        ) from None
    try:
        client, cluster = connect(args.dask_scheduler)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(
            f"--dask-scheduler {args.dask_scheduler}: cannot reach the scheduler: {exc}"
        ) from None
    try:
        yield from iter_on_cluster(
            linter, targets, client, keep_sources=keep_sources, keep_lines=keep_lines, timings=args.timings
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def check_and_report(
    linter: Any,
    args: argparse.Namespace,
    paths: list[str],
    targets: list[Any],
    stdin: bytes | None,
    formatters: dict[str, Any],
    outputs: list[tuple[str, str | None]],
    streams: list[IO[str]],
    keep_sources: bool,
    keep_lines: bool,
) -> int:
    """Check the files and write every report, each file's findings as soon as the file and those
    before it are done: the run keeps only counts (:class:`lint.formatters.Tally`), plus the results
    for the formats that need the whole run (without the lines or texts no such format reads)."""
    from dataclasses import replace
    from types import SimpleNamespace

    from lint.api import UsageError
    from lint.cli.progress import for_run
    from lint.engine.parallel import Interrupted
    from lint.findings import RunResult
    from lint.formatters import Tally, needs_lines
    from lint.paths import printable
    from lint.yamlsource import SourceError

    rules = RuleMetas(linter)
    reports = [
        _Output(formatters[name], stream, _context(args, linter, stream, rules))
        for (name, _path), stream in zip(outputs, streams, strict=True)
    ]
    whole = [r for r in reports if r.writer is None]
    whole_lines = any(needs_lines(r.formatter, args.show_source) for r in whole)
    whole_sources = any(getattr(r.formatter, "needs_source", False) for r in whole)
    kept: list[Any] = []
    timings: list[Any] = []
    tally = Tally()
    failing = False
    progress = for_run(args, targets)
    shares_screen = any(r.stream is sys.stdout and r.writer is not None for r in reports) and _isatty(
        sys.stdout
    )
    try:
        if getattr(args, "dask_scheduler", None):
            found = _on_dask(linter, args, targets, keep_sources, keep_lines)
        else:
            found = linter.iter_paths(
                paths,
                jobs=args.jobs,
                stdin_filename=args.stdin_filename,
                stdin=stdin,
                keep_sources=keep_sources,
                keep_lines=keep_lines,
                targets=targets,
                timings=args.timings,
            )
        try:
            for result in found:
                if shares_screen:
                    progress.close()  # the report's lines go above the progress line, not into it
                tally.add(result)
                if not failing:
                    level = linter.fail_level_for(result.path)
                    failing = any(f.severity >= level for f in result.findings)
                for report in reports:
                    report.file(result)
                progress.file(result)
                if whole:
                    if (result.lines and not whole_lines) or (
                        result.source is not None and not whole_sources
                    ):
                        result = replace(
                            result,
                            lines=result.lines if whole_lines else {},
                            source=result.source if whole_sources else None,
                        )
                    kept.append(result)
                if args.timings:
                    timings.append(SimpleNamespace(timings=result.timings))
        except Interrupted:
            raise
        except KeyboardInterrupt:
            found.close()
            raise Interrupted(tally.files, len(targets)) from None
    except (UsageError, SourceError) as exc:
        error(str(exc))
        return EXIT_ERROR
    finally:
        progress.close()
    tally.run_problems = linter.run_problems()

    report_problems(tally)
    if not tally.files:
        for path in paths:
            if path != "-" and os.path.isdir(path):
                sys.stderr.write(
                    f"refuso: note: {printable(path)}: no files to check in this folder "
                    "(its include, exclude and .gitignore leave none)\n"
                )
    if args.timings:
        from lint.timings import table

        sys.stderr.write(table(SimpleNamespace(files=timings), rules))
    sys.stderr.flush()
    run = RunResult(tuple(kept), tally.run_problems)
    for report in reports:
        report.end(tally, run)

    if tally.has_errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if failing else EXIT_OK
