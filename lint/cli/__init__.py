"""The ``refuso`` command line: argument parsing and exit codes. The work is done by :mod:`lint.api`.

Exit codes: 0 nothing at or above the fail level; 1 findings at or above it; 2 a usage, configuration
or internal error (an unreadable file, a broken rule pack, a plugin that failed); 130 interrupted.
Each command lives in a module of its own: :mod:`lint.cli.check`, :mod:`lint.cli.rules` (``rules``,
``explain``, ``schema``), :mod:`lint.cli.kb`, :mod:`lint.cli.cache`, :mod:`lint.cli.languagetool`, :mod:`lint.cli.serve`,
:mod:`lint.cli.lsp`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Sequence

from lint.cli.common import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_OK, error, silence_stdout
from lint.cli.parser import build_parser

__all__ = ["build_parser", "main"]


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
        error("standard output is closed, so there is nowhere to write; run refuso with it open")
        return EXIT_ERROR
    try:
        if args.command == "check":
            from lint.cli import check

            return check.run(args)
        if args.command in ("rules", "explain", "schema"):
            from lint.cli import rules

            return getattr(rules, args.command)(args)
        if args.command == "kb":
            from lint.cli import kb

            return kb.run(args)
        if args.command == "cache":
            from lint.cli import cache

            return cache.run(args)
        if args.command == "serve":
            from lint.cli import serve

            return serve.run(args)
        if args.command == "lsp":
            from lint.cli import lsp

            return lsp.run(args)
        if args.command == "languagetool":
            from lint.cli import languagetool

            return languagetool.run(args)
    except KeyboardInterrupt as exc:
        from lint.engine.parallel import Interrupted

        if isinstance(exc, Interrupted):
            from lint.formatters import count_of

            sys.stderr.write(
                f"refuso: interrupted after {exc.done} of {count_of(exc.total, 'file')}"
                " had been checked; the report stops at the last file checked and no file was changed\n"
            )
        else:
            sys.stderr.write("refuso: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``refuso check … | head``): stop quietly.
        silence_stdout()
        return EXIT_OK
    parser.error(f"unknown command {args.command!r}")
    return EXIT_ERROR
