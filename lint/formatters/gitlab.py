"""GitLab Code Quality report: a JSON array of Code Climate issues, one per finding."""

from __future__ import annotations

import json
from typing import IO, Any

from lint.findings import Category, FileResult, Finding, RunResult, Severity
from lint.formatters import OutputContext, Tally, write_through
from lint.formatters.sarif import fingerprints

SEVERITIES = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}

# Code Climate's fixed category list: a wrong name or title is a factual error, hence "Bug Risk".
CATEGORIES = {
    Category.PUNCTUATION: "Style",
    Category.TYPOGRAPHY: "Style",
    Category.STYLE: "Style",
    Category.DUPLICATION: "Duplication",
    Category.NAME: "Bug Risk",
    Category.TITLE: "Bug Risk",
    Category.MT_PHRASING: "Clarity",
    Category.GRAMMAR: "Clarity",
    Category.SPELLING: "Clarity",
    Category.CONSISTENCY: "Clarity",
}


def finding_to_issue(f: Finding, fingerprint: str) -> dict[str, Any]:
    return {
        "type": "issue",
        "engine_name": "refuso",
        "check_name": f.code,
        "description": f.message,
        "categories": [CATEGORIES.get(f.category, "Style")],
        "severity": SEVERITIES[f.severity],
        "fingerprint": fingerprint,
        "location": {
            "path": f.path,
            "positions": {
                "begin": {"line": f.line, "column": f.column},
                "end": {"line": f.end_position.line, "column": f.end_position.column},
            },
        },
    }


class GitlabFormatter:
    """Problems (unreadable files, failing rules) have no place in the format: they reach the job
    through standard error and the exit code."""

    name = "gitlab"
    needs_lines = False

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        write_through(self, run, stream, context)

    def writer(self, stream: IO[str], context: OutputContext) -> _Writer:
        return _Writer(stream)


class _Writer:
    """The array written issue by issue as each file is done, laid out as ``json.dumps(issues,
    indent=2)`` lays it out. A fingerprint depends only on the findings of its own file."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.started = False

    def file(self, result: FileResult) -> None:
        findings = result.findings
        for f, fingerprint in zip(findings, fingerprints(findings), strict=True):
            issue = json.dumps(finding_to_issue(f, fingerprint), ensure_ascii=False, indent=2)
            self.stream.write(("," if self.started else "[") + "\n  " + issue.replace("\n", "\n  "))
            self.started = True

    def end(self, tally: Tally) -> None:
        self.stream.write("\n]\n" if self.started else "[]\n")
