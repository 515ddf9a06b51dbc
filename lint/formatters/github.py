"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding.

Picked automatically when ``GITHUB_ACTIONS=true`` and no --format is given.
"""

from __future__ import annotations

from typing import IO

from lint.findings import FileResult, Finding, Problem, RunResult, Severity
from lint.formatters import OutputContext, Tally, write_through
from lint.paths import printable

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message, as @actions/core's ``escapeData`` does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value, as @actions/core's ``escapeProperty`` does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    # Line ends are escaped as the toolkit does (%0A), so a file name or a message never starts a
    # command of its own; other control characters (ESC) are written as \x1b, never sent to the log.
    props = ",".join(
        f"{key}={escape_property(printable(str(value), keep_line_ends=True))}"
        for key, value in properties.items()
    )
    text = escape_data(printable(message, keep_line_ends=True))
    return f"::{name} {props}::{text}" if props else f"::{name}::{text}"


def finding_command(f: Finding) -> str:
    properties: dict[str, object] = {
        "file": f.path,
        "line": f.line,
        "col": f.column,
        "endLine": f.end_position.line,
        "endColumn": f.end_position.column,
        "title": f"refuso {f.code} ({f.name})",
    }
    return command(COMMANDS[f.severity], properties, f.message)


def problem_command(p: Problem) -> str:
    properties: dict[str, object] = {}
    if p.path:
        properties["file"] = p.path
    if p.line:
        properties["line"] = p.line
    return command("error" if p.kind == "error" else "notice", properties, p.message)


class GithubFormatter:
    name = "github"
    needs_lines = False

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        write_through(self, run, stream, context)

    def writer(self, stream: IO[str], context: OutputContext) -> _Writer:
        return _Writer(stream)


class _Writer:
    """Each file's annotations as the file is done; the problems at the end."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            self.stream.write(finding_command(f) + "\n")

    def end(self, tally: Tally) -> None:
        for p in tally.all_problems:
            self.stream.write(problem_command(p) + "\n")
