"""Several reports in one run (--format/--output-file pairs), and the CI examples in examples/:
valid against the GitHub workflow and GitLab CI schemas, and their refuso commands really work."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SEED

EXAMPLES = ROOT / "examples"
CHECK_JSONSCHEMA = str(Path(sys.executable).with_name("check-jsonschema"))


def _articles(tmp_path: Path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(SEED, articles / "seed.txt")
    return tmp_path


def test_one_run_writes_several_reports(run_cli, tmp_path):
    cwd = _articles(tmp_path)
    done = run_cli(
        "check",
        "articles",
        "--format",
        "json",
        "--output-file",
        "report.json",
        "--format",
        "concise",
        "--format",
        "json-lines",
        "-o",
        "report.jsonl",
        cwd=cwd,
    )
    assert done.code == 1, done.err
    report = json.loads((cwd / "report.json").read_text(encoding="utf-8"))
    findings = report["files"][0]["findings"]
    concise = [line for line in done.out.splitlines() if line.startswith("articles/seed.txt:")]
    assert len(concise) == len(findings) > 10
    lines = (cwd / "report.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["rule"] for line in lines] == [f["rule"] for f in findings]


def test_an_output_file_alone_takes_the_default_format(run_cli, tmp_path):
    cwd = _articles(tmp_path)
    done = run_cli("check", "articles", "--output-file", "report.txt", cwd=cwd)
    assert done.code == 1
    assert done.out == ""
    assert "DUP003" in (cwd / "report.txt").read_text(encoding="utf-8")


def test_two_reports_on_standard_output_is_a_usage_error(run_cli, tmp_path):
    cwd = _articles(tmp_path)
    done = run_cli("check", "articles", "--format", "json", "--format", "text", cwd=cwd)
    assert done.code == 2
    assert "2 formats (json, text) would go to standard output; give all but one an --output-file" in done.err


def test_an_unwritable_report_fails_before_the_run(run_cli, tmp_path):
    cwd = _articles(tmp_path)
    done = run_cli("check", "articles", "--format", "json", "-o", "missing/dir/report.json", cwd=cwd)
    assert done.code == 2
    assert "cannot write the report to missing/dir/report.json: No such file or directory" in done.err


@pytest.mark.parametrize(
    ("example", "schema"),
    [("github-workflow.yml", "vendor.github-workflows"), ("gitlab-ci.yml", "vendor.gitlab-ci")],
)
def test_ci_examples_are_valid(example, schema, tmp_path):
    ok = subprocess.run(
        [CHECK_JSONSCHEMA, "--builtin-schema", schema, str(EXAMPLES / example)],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    # The same check refuses a broken copy: the validation is real.
    data = yaml.safe_load((EXAMPLES / example).read_text(encoding="utf-8"))
    if "jobs" in data:
        del data["jobs"]["lint-articles"]["runs-on"]
    else:
        data["refuso"]["artifacts"]["when"] = "sometimes"
    broken = tmp_path / example
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    bad = subprocess.run(
        [CHECK_JSONSCHEMA, "--builtin-schema", schema, str(broken)], capture_output=True, text=True
    )
    assert bad.returncode != 0


def _refuso_commands(example: str) -> list[list[str]]:
    data = yaml.safe_load((EXAMPLES / example).read_text(encoding="utf-8"))
    if "jobs" in data:
        lines = [step.get("run", "") for step in data["jobs"]["lint-articles"]["steps"]]
    else:
        lines = data["refuso"]["script"]
    return [shlex.split(line)[1:] for line in lines if line.startswith("refuso ")]


@pytest.mark.parametrize("example", ["github-workflow.yml", "gitlab-ci.yml"])
def test_the_examples_refuso_commands_work(example, run_cli, tmp_path):
    cwd = _articles(tmp_path)
    commands = _refuso_commands(example)
    assert commands, example
    for argv in commands:
        done = run_cli(*argv, cwd=cwd)
        assert done.code == 1, done.err  # the seed has error-level findings
        assert "seed.txt" in done.out
        outputs = [argv[i + 1] for i, a in enumerate(argv) if a in ("--output-file", "-o")]
        for name in outputs:
            assert (cwd / name).stat().st_size > 0, name


# -- install and hook instructions -------------------------------------------------------------------

_RELEASE_TEXTS = ("README.md", "docs/reports.md", "examples/github-workflow.yml", "examples/gitlab-ci.yml")


def test_install_and_hook_instructions_name_the_current_release():
    """refuso is not on PyPI: every install line installs from git by the tag of the current version,
    every hook example uses that tag, and the changelog has that version's section."""
    import re

    from lint import __version__

    tag = f"v{__version__}"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    source = re.search(r'^Source = "([^"]+)"', pyproject, re.MULTILINE).group(1)
    revs, installs = [], []
    for name in _RELEASE_TEXTS:
        text = (ROOT / name).read_text(encoding="utf-8")
        assert not re.search(r"pip install refuso\b(?! @)", text), f"{name} installs refuso from PyPI"
        revs += re.findall(r"^\s*rev: (\S+)", text, re.MULTILINE)
        installs += re.findall(r'pip install "refuso @ git\+(\S+)@([^"]+)"', text)
    assert revs and set(revs) == {tag}
    assert installs and set(installs) == {(source, tag)}
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d{{2}}-\d{{2}}$", changelog, re.MULTILINE)
    assert f"[{__version__}]: {source}/releases/tag/{tag}" in changelog
