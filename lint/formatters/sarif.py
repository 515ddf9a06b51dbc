"""SARIF 2.1.0 output, for GitHub code scanning and other static-analysis viewers.

Columns are Unicode code points (``columnKind: unicodeCodePoints``), the same numbers as the JSON output.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from typing import IO, Any
from urllib.parse import quote

from lint import __version__
from lint.document import LineIndex
from lint.findings import Edit, FileResult, Finding, Problem, RunResult, Severity
from lint.formatters import OutputContext, meta_for_code
from lint.rules import RuleMeta

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
INFORMATION_URI = "https://github.com/refuso/refuso"
# The key of partialFingerprints; bump the version if the fingerprint's recipe ever changes.
FINGERPRINT_KEY = "refuso/v1"

LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# A finding's line is its context region, whole up to this length; past it, this much either side.
CONTEXT_LINE_LIMIT = 2_000
CONTEXT_CHARACTERS = 200


def fingerprints(findings: Sequence[Finding]) -> list[str]:
    """A fingerprint per finding, stable across runs and unique within a report.

    Made of the path, the code, the flagged text and which occurrence of that text it is, not of
    line numbers: an edit elsewhere in the article moves a finding without making it a new one.
    """
    order = sorted(range(len(findings)), key=lambda i: (findings[i].path, findings[i].sort_key()))
    seen: Counter[tuple[str, str, str]] = Counter()
    out = [""] * len(findings)
    for i in order:
        f = findings[i]
        key = (f.path, f.code, f.text)
        raw = "\0".join((*key, str(seen[key])))
        seen[key] += 1
        out[i] = hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()
    return out


def artifact_uri(path: str) -> str:
    """A relative URI reference for a reported path: slashes kept, spaces and the like escaped."""
    return quote(path.replace("\\", "/"), safe="/")


def _humanize(name: str) -> str:
    words = name.replace("-", " ").strip()
    return words[:1].upper() + words[1:]


def _descriptor(code: str, example: Finding, meta: RuleMeta | None) -> dict[str, Any]:
    if meta is not None and meta.namespace and code != meta.code:
        # A LanguageTool code: the namespace rule documents them all, the finding names the one rule.
        short = f"{meta.name} rule {code.split(':', 1)[1]}"
    else:
        short = _humanize(example.name)
    description = meta.description_for("en") if meta is not None else ""
    reference = meta.reference if meta is not None else ""
    severity = meta.severity if meta is not None and not meta.namespace else example.severity
    category = example.category.value
    descriptor: dict[str, Any] = {
        "id": code,
        "name": example.name,
        "shortDescription": {"text": short},
    }
    if description:
        descriptor["fullDescription"] = {"text": description}
    help_text = description or short
    help_markdown = help_text
    if reference:
        help_text += f"\n\nReference: {reference}"
        link = f"<{reference}>" if reference.startswith(("http://", "https://")) else reference
        help_markdown += f"\n\nReference: {link}"
        if reference.startswith(("http://", "https://")):
            descriptor["helpUri"] = reference
    descriptor["help"] = {"text": help_text, "markdown": help_markdown}
    descriptor["defaultConfiguration"] = {"level": LEVELS[severity]}
    properties: dict[str, Any] = {"category": category, "tags": ["refuso", category]}
    if meta is not None and meta.fix is not None:
        properties["fix"] = meta.fix.value
    descriptor["properties"] = properties
    return descriptor


def _region_of(edit: Edit, f: Finding, source_index: LineIndex | None) -> dict[str, Any]:
    """The region an edit replaces, in lines and columns when they can be worked out (from the
    file's line index, when its text was kept), else in offsets."""
    if source_index is not None:
        start, end = source_index.position(edit.start), source_index.position(edit.end)
    elif f.start <= edit.start <= edit.end <= f.end:
        # Inside the flagged span: count from the finding's own start position through its text.
        index = LineIndex(f.text)

        def absolute(offset: int) -> tuple[int, int]:
            pos = index.position(offset - f.start)
            column = pos.column + (f.column - 1 if pos.line == 1 else 0)
            return f.line + pos.line - 1, column

        (start_line, start_column), (end_line, end_column) = absolute(edit.start), absolute(edit.end)
        return {
            "startLine": start_line,
            "startColumn": start_column,
            "endLine": end_line,
            "endColumn": end_column,
        }
    else:
        return {"charOffset": edit.start, "charLength": edit.end - edit.start}
    return {
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    }


def _location(path: str, region: dict[str, Any] | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(path), "uriBaseId": "%SRCROOT%"}}
    if region:
        physical["region"] = region
    return {"physicalLocation": physical}


def context_region(f: Finding, line_text: str) -> dict[str, Any]:
    """The finding's line as its context; on a line longer than ``CONTEXT_LINE_LIMIT`` only
    ``CONTEXT_CHARACTERS`` either side of the span, so that a long line with many findings is not
    copied once per finding (a report as large as the line times its findings)."""
    if len(line_text) <= CONTEXT_LINE_LIMIT:
        return {"startLine": f.line, "endLine": f.line, "snippet": {"text": line_text}}
    start = max(0, f.column - 1 - CONTEXT_CHARACTERS)
    end = min(len(line_text), f.end_position.column - 1 + CONTEXT_CHARACTERS)
    return {
        "startLine": f.line,
        "startColumn": start + 1,
        "endLine": f.line,
        "endColumn": end + 1,
        "snippet": {"text": line_text[start:end]},
    }


def _result(
    f: Finding, rule_index: int, fingerprint: str, file: FileResult, index: LineIndex | None = None
) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": f.line,
        "startColumn": f.column,
        "endLine": f.end_position.line,
        "endColumn": f.end_position.column,
        "snippet": {"text": f.text},
    }
    location = _location(f.path, region)
    line_text = file.lines.get(f.line)
    if line_text is not None and f.end_position.line == f.line:
        location["physicalLocation"]["contextRegion"] = context_region(f, line_text)
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": rule_index,
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [location],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint},
    }
    if f.fix is not None:
        applicability = f.fix.applicability.value
        description = f.fix.description or _describe_edits(f.fix.edits)
        result["fixes"] = [
            {
                "description": {"text": f"{description} ({applicability})"},
                "artifactChanges": [
                    {
                        "artifactLocation": {"uri": artifact_uri(f.path), "uriBaseId": "%SRCROOT%"},
                        "replacements": [
                            {
                                "deletedRegion": _region_of(edit, f, index),
                                "insertedContent": {"text": edit.replacement},
                            }
                            for edit in f.fix.edits
                        ],
                    }
                ],
                "properties": {"applicability": applicability},
            }
        ]
    properties: dict[str, Any] = {"category": f.category.value}
    if f.suggestions:
        properties["suggestions"] = list(f.suggestions)
    if f.entry is not None:
        properties["entry"] = f.entry
    result["properties"] = properties
    return result


def _describe_edits(edits: Sequence[Edit]) -> str:
    if len(edits) != 1:
        return "Apply the fix"
    replacement = edits[0].replacement
    return f"Replace with “{replacement}”" if replacement else "Delete the text"


def _notification(p: Problem) -> dict[str, Any]:
    notification: dict[str, Any] = {
        "level": "error" if p.kind == "error" else "note",
        "message": {"text": p.message},
    }
    if p.path:
        notification["locations"] = [_location(p.path, {"startLine": p.line} if p.line else None)]
    if p.origin:
        notification["properties"] = {"origin": p.origin}
    return notification


def run_to_sarif(run: RunResult, context: OutputContext) -> dict[str, Any]:
    findings = run.findings
    # One descriptor per code that has results, in code order so the output does not depend on the
    # order the files were checked in.
    examples: dict[str, Finding] = {}
    for f in findings:
        examples.setdefault(f.code, f)
    codes = sorted(examples)
    rule_index = {code: i for i, code in enumerate(codes)}
    descriptors = [_descriptor(code, examples[code], meta_for_code(code, context.rules)) for code in codes]

    prints = iter(fingerprints(findings))
    results = []
    for file in run.files:
        # One line index per file, not one per fix: building it reads the whole text.
        index = LineIndex(file.source) if file.source is not None and file.findings else None
        results.extend(_result(f, rule_index[f.code], next(prints), file, index) for f in file.findings)
    problems = run.all_problems
    invocation: dict[str, Any] = {
        "executionSuccessful": not any(p.kind == "error" for p in problems),
        "toolExecutionNotifications": [_notification(p) for p in problems],
    }
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "refuso",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": descriptors,
                    }
                },
                "invocations": [invocation],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


class SarifFormatter:
    name = "sarif"
    needs_lines = True  # the line is each result's context region

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        stream.write(json.dumps(run_to_sarif(run, context), ensure_ascii=False, indent=2) + "\n")
