"""Machine output: one JSON document, versioned (``"version": 1``). The README documents the schema."""

from __future__ import annotations

import json
from typing import IO, Any

from lint import __version__
from lint.findings import Finding, RunResult
from lint.formatters import OutputContext

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
    if f.fix is not None:
        out["fix"] = {
            "applicability": f.fix.applicability.value,
            "edits": [
                {"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.fix.edits
            ],
        }
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
        "errors": [{"path": p.path, "message": p.message} for p in problems if p.kind == "error"],
        "notes": [{"path": p.path, "message": p.message} for p in problems if p.kind != "error"],
    }


class JsonFormatter:
    name = "json"

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        json.dump(run_to_dict(run), stream, ensure_ascii=False, indent=2)
        stream.write("\n")
