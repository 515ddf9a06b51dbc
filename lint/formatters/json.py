"""Machine output: one JSON document, versioned (``"version": 1``). docs/usage.md documents the schema."""

from __future__ import annotations

import json
from typing import IO, Any

from lint import __version__
from lint.findings import FileResult, Finding, RunResult
from lint.formatters import OutputContext, Tally, write_through

JSON_VERSION = 1


def finding_to_dict(f: Finding) -> dict[str, Any]:
    out: dict[str, Any] = {
        "rule": f.code,
        "name": f.name,
        "category": f.category.value,
        "severity": str(f.severity),
        "message": f.message,
        "line": f.line,
        "column": f.column,
        "end_line": f.end_position.line,
        "end_column": f.end_position.column,
        "text": f.text,
        "suggestions": list(f.suggestions),
        "fix": None,
    }
    if f.entry is not None:
        out["entry"] = f.entry
    if f.fix is not None:
        out["fix"] = {
            "applicability": f.fix.applicability.value,
            "edits": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.fix.edits],
        }
    return out


def problem_to_dict(p: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"path": p.path, "message": p.message}
    if p.line:
        out["line"] = p.line
    return out


def run_to_dict(run: RunResult) -> dict[str, Any]:
    problems = run.all_problems
    return {
        "version": JSON_VERSION,
        "tool": {"name": "refuso", "version": __version__},
        "files": [
            {
                "path": r.path,
                "language": r.language,
                "findings": [finding_to_dict(f) for f in r.findings],
            }
            for r in run.files
            if r.checked
        ],
        "errors": [problem_to_dict(p) for p in problems if p.kind == "error"],
        "notes": [problem_to_dict(p) for p in problems if p.kind != "error"],
    }


class JsonFormatter:
    name = "json"
    needs_lines = False

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        # Indented for people at a terminal; compact (and encoded by the C encoder, several times
        # faster on large runs) when another program reads it.
        indent = 2 if _isatty(stream) else None
        stream.write(json.dumps(run_to_dict(run), ensure_ascii=False, indent=indent) + "\n")

    def writer(self, stream: IO[str], context: OutputContext) -> _DocumentWriter | _WholeWriter:
        # The compact document is written file by file, so a large run's findings are not all
        # kept until the end; the indented one, for a terminal, is small enough to build whole.
        return _WholeWriter(self, stream, context) if _isatty(stream) else _DocumentWriter(stream)


def _isatty(stream: IO[str]) -> bool:
    return bool(getattr(stream, "isatty", lambda: False)())


class _DocumentWriter:
    """The compact JSON document, the same bytes ``json.dumps`` gives for the whole run, written
    as the files are done: the opening and each file's entry as it comes, the errors and notes at
    the end."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.started = self.entries = False

    def _start(self) -> None:
        # Not before the first file is done: a run stopped by a usage error writes nothing.
        if not self.started:
            head = json.dumps({"version": JSON_VERSION, "tool": {"name": "refuso", "version": __version__}})
            self.stream.write(head[:-1] + ', "files": [')
            self.started = True

    def file(self, result: FileResult) -> None:
        if not result.checked:
            return
        self._start()
        entry = {
            "path": result.path,
            "language": result.language,
            "findings": [finding_to_dict(f) for f in result.findings],
        }
        self.stream.write((", " if self.entries else "") + json.dumps(entry, ensure_ascii=False))
        self.entries = True

    def end(self, tally: Tally) -> None:
        self._start()
        problems = tally.all_problems
        errors = [problem_to_dict(p) for p in problems if p.kind == "error"]
        notes = [problem_to_dict(p) for p in problems if p.kind != "error"]
        tail = json.dumps({"errors": errors, "notes": notes}, ensure_ascii=False)
        self.stream.write("], " + tail[1:] + "\n")


class _WholeWriter:
    """The results kept until the end, then written by the formatter's ``write``."""

    def __init__(self, formatter: JsonFormatter, stream: IO[str], context: OutputContext) -> None:
        self.formatter, self.stream, self.context = formatter, stream, context
        self.files: list[FileResult] = []

    def file(self, result: FileResult) -> None:
        self.files.append(result)

    def end(self, tally: Tally) -> None:
        run = RunResult(tuple(self.files), tally.run_problems)
        self.formatter.write(run, self.stream, self.context)


_POSITION = {"type": "integer", "minimum": 1}
OUTPUT_SCHEMA = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "refuso JSON output, version 1",
    "type": "object",
    "additionalProperties": False,
    "required": ["version", "tool", "files", "errors", "notes"],
    "properties": {
        "version": {"const": JSON_VERSION},
        "tool": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name", "version"],
            "properties": {"name": {"const": "refuso"}, "version": {"type": "string"}},
        },
        "files": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["path", "language", "findings"],
                "properties": {
                    "path": {"type": "string"},
                    "language": {"type": ["string", "null"]},
                    "findings": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "additionalProperties": False,
                            "required": [
                                "rule",
                                "name",
                                "category",
                                "severity",
                                "message",
                                "line",
                                "column",
                                "end_line",
                                "end_column",
                                "text",
                                "suggestions",
                                "fix",
                            ],
                            "properties": {
                                "rule": {"type": "string"},
                                "name": {"type": "string"},
                                "category": {"type": "string"},
                                "severity": {"enum": ["error", "warning", "info"]},
                                "message": {"type": "string"},
                                "line": _POSITION,
                                "column": _POSITION,
                                "end_line": _POSITION,
                                "end_column": _POSITION,
                                "text": {"type": "string"},
                                "suggestions": {"type": "array", "items": {"type": "string"}},
                                "entry": {"type": "string"},
                                "fix": {
                                    "oneOf": [
                                        {"type": "null"},
                                        {
                                            "type": "object",
                                            "additionalProperties": False,
                                            "required": ["applicability", "edits"],
                                            "properties": {
                                                "applicability": {"enum": ["safe", "unsafe"]},
                                                "edits": {
                                                    "type": "array",
                                                    "items": {
                                                        "type": "object",
                                                        "additionalProperties": False,
                                                        "required": ["start", "end", "replacement"],
                                                        "properties": {
                                                            "start": {"type": "integer", "minimum": 0},
                                                            "end": {"type": "integer", "minimum": 0},
                                                            "replacement": {"type": "string"},
                                                        },
                                                    },
                                                },
                                            },
                                        },
                                    ]
                                },
                            },
                        },
                    },
                },
            },
        },
        "errors": {"type": "array", "items": {"$ref": "#/$defs/problem"}},
        "notes": {"type": "array", "items": {"$ref": "#/$defs/problem"}},
    },
    "$defs": {
        "problem": {
            "type": "object",
            "additionalProperties": False,
            "required": ["path", "message"],
            "properties": {"path": {"type": "string"}, "message": {"type": "string"}, "line": _POSITION},
        }
    },
}


class JsonLinesFormatter:
    """One JSON object per line: each finding (``"type": "finding"``), then each error or note.

    For streaming consumers and ``grep``: a line never depends on the lines around it.
    """

    name = "json-lines"
    needs_lines = False

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        write_through(self, run, stream, context)

    def writer(self, stream: IO[str], context: OutputContext) -> _LinesWriter:
        return _LinesWriter(stream)


class _LinesWriter:
    """Each file's findings as the file is done; the errors and notes at the end."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def file(self, result: FileResult) -> None:
        for f in result.findings:
            record = {"type": "finding", "path": f.path, **finding_to_dict(f)}
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    def end(self, tally: Tally) -> None:
        for p in tally.all_problems:
            record = {"type": "error" if p.kind == "error" else "note", **problem_to_dict(p)}
            self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")
