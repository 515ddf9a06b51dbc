"""JUnit XML, for CI test-report viewers: each file is a test case that fails when it has findings."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import IO

from lint.findings import Finding, Problem, RunResult, Severity
from lint.formatters import OutputContext, count_of
from lint.formatters.marker import GENERATOR

SUITE_NAME = "refuso"

# Characters XML 1.0 cannot carry even escaped (most C0 controls, surrogates, U+FFFE/U+FFFF).
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(text: str) -> str:
    """``text`` with the characters XML cannot hold shown as ``\\xNN`` escapes, so the report parses."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def finding_line(f: Finding) -> str:
    return f"{f.line}:{f.column}: {f.severity} {f.code} {f.message}"


def _summary(findings: tuple[Finding, ...]) -> str:
    by = Counter(f.severity for f in findings)
    parts = [count_of(by[s], str(s)) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by[s]]
    return f"{count_of(len(findings), 'finding')} ({', '.join(parts)})"


# A failing file carries one <failure> listing every finding: viewers (GitLab, Jenkins, Azure) show only
# the first failure of a test case, so one failure per finding would hide all but one.
def _testcase(name: str, findings: tuple[Finding, ...], problems: list[Problem]) -> ET.Element:
    case = ET.Element("testcase", {"classname": SUITE_NAME, "name": xml_text(name), "file": xml_text(name)})
    errors = [p for p in problems if p.kind == "error"]
    if errors:
        error = ET.SubElement(case, "error", {"message": xml_text(errors[0].message), "type": "error"})
        error.text = xml_text("\n".join(f"{p.where}: {p.message}" for p in errors))
    if findings:
        worst = max(f.severity for f in findings)
        failure = ET.SubElement(case, "failure", {"message": _summary(findings), "type": str(worst)})
        failure.text = xml_text("\n".join(finding_line(f) for f in findings))
    notes = [p for p in problems if p.kind != "error"]
    if notes and not findings and not errors:
        # A skipped file (a binary one) was not checked: neither a pass nor a failure.
        ET.SubElement(case, "skipped", {"message": xml_text("; ".join(p.message for p in notes))})
    return case


def run_to_junit(run: RunResult) -> ET.Element:
    cases: list[ET.Element] = []
    for result in run.files:
        cases.append(_testcase(result.path, result.findings, list(result.problems)))
    for problem in run.problems:
        # A problem not tied to a file (a plugin that failed to load) is a test case of its own.
        cases.append(_testcase(problem.where or SUITE_NAME, (), [problem]))
    counts = {
        "tests": len(cases),
        "failures": sum(1 for c in cases if c.find("failure") is not None),
        "errors": sum(1 for c in cases if c.find("error") is not None),
        "skipped": sum(1 for c in cases if c.find("skipped") is not None),
    }
    attributes = {key: str(value) for key, value in counts.items()}
    root = ET.Element("testsuites", {"name": SUITE_NAME, **attributes})
    suite = ET.SubElement(root, "testsuite", {"name": SUITE_NAME, **attributes})
    # The marker by which refuso knows its own report (and never checks it as an article).
    properties = ET.SubElement(suite, "properties")
    ET.SubElement(properties, "property", {"name": "generator", "value": GENERATOR})
    suite.extend(cases)
    return root


class JunitFormatter:
    name = "junit"
    needs_lines = False

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        root = run_to_junit(run)
        ET.indent(root)
        stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        stream.write(ET.tostring(root, encoding="unicode") + "\n")
