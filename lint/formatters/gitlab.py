"""GitLab Code Quality report: a JSON array of Code Climate issues, one per finding."""

from __future__ import annotations

import json
from typing import IO, Any

from lint.findings import Category, Finding, RunResult, Severity
from lint.formatters import OutputContext
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
        findings = run.findings
        issues = [finding_to_issue(f, p) for f, p in zip(findings, fingerprints(findings), strict=True)]
        stream.write(json.dumps(issues, ensure_ascii=False, indent=2) + "\n")
