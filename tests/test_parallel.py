"""--jobs: the output is the same with one process or two; files go out in batches; no worker
outlives its parent."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time

import pytest


def test_jobs_one_and_two_give_identical_output(run_cli, tmp_path):
    texts = [
        "Putin e Putin,, ieri.\n",
        "# Titolo\n\nUno . due  tre.\n",
        "<p>Il il cane (abbaia.</p>\n",
        'He said "yes.\n\nThe the end..\n',
        "Tutto bene.\n",
    ]
    for i in range(12):
        suffix = (".txt", ".md", ".html", ".txt", ".txt")[i % 5]
        (tmp_path / f"a{i:02d}{suffix}").write_text(texts[i % 5] * (i + 1), encoding="utf-8")
    one = run_cli("check", ".", "--jobs", "1", "--format", "json", cwd=tmp_path)
    two = run_cli("check", ".", "--jobs", "2", "--format", "json", cwd=tmp_path)
    assert one.code == two.code == 1
    assert one.out == two.out
    assert one.out.count('"rule"') > 20


def test_batches_keep_the_order_and_put_a_large_file_alone():
    from lint.engine.parallel import BATCH_BYTES, BATCH_FILES, _batches

    sizes = [3_000] * 500 + [5_000_000] + [3_000] * 10
    batches = _batches(sizes, 2)
    assert [i for batch in batches for i in batch] == list(range(len(sizes)))
    assert [500] in batches
    for batch in batches:
        assert len(batch) <= BATCH_FILES
        assert len(batch) == 1 or sum(sizes[i] for i in batch) <= BATCH_BYTES
    # A small run still gives each worker several batches, so that they finish together.
    assert len(_batches([1_000] * 40, 2)) >= 2 * 8
    assert _batches([], 2) == []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_no_worker_outlives_a_parent_that_is_killed(cli_cache, tmp_path):
    """A worker left behind would keep the parent's standard output open: whoever reads it (a
    pipe, a test, an editor) would wait for ever."""
    from test_bad_input import SENTENCE, _holding_plugin

    articles = tmp_path / "articoli"
    articles.mkdir()
    for i in range(60):
        (articles / f"a{i:02d}.txt").write_text(SENTENCE * 50 + "\n", encoding="utf-8")
    held = tmp_path / "held"
    env = {
        **os.environ,
        "REFUSO_CACHE_DIR": str(cli_cache),
        "REFUSO_TEST_HELD": str(held),
        "PYTHONPATH": os.pathsep.join(
            filter(None, [_holding_plugin(tmp_path / "plugin"), os.environ.get("PYTHONPATH")])
        ),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", ".", "--jobs", "2"],
        cwd=articles,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 240
        while not held.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert held.exists(), "refuso never reached the held file"
        os.kill(proc.pid, signal.SIGKILL)  # the parent alone: its workers get no signal from us
        # The held worker sleeps for minutes: the pipes close only if it died with its parent.
        proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)  # whatever is left of the group, if the test failed
    assert proc.returncode == -signal.SIGKILL


def _mixed_folder(folder):
    texts = [
        "Putin e Putin,, ieri.\n",
        "# Titolo\n\nUno . due  tre.\n",
        "<p>Il il cane (abbaia.</p>\n",
        'He said "yes.\n\nThe the end..\n',
        "Tutto bene.\n",
    ]
    for i in range(7):
        suffix = (".txt", ".md", ".html", ".txt", ".txt")[i % 5]
        (folder / f"a{i:02d}{suffix}").write_text(texts[i % 5] * (i + 1), encoding="utf-8")


@pytest.mark.parametrize(
    "name", ["text", "concise", "github", "gitlab", "json-lines", "json", "sarif", "junit", "html"]
)
def test_reports_written_as_files_finish_equal_those_of_the_whole_run(run_cli, tmp_path, monkeypatch, name):
    """The command line writes text, concise, github, gitlab, json-lines and json file by file;
    every report, with one job or two, is the one its formatter writes from the whole run at the end."""
    import io

    from lint.api import Linter
    from lint.builtin.formatters import FORMATS
    from lint.cache import Cache
    from lint.config import Overrides
    from lint.formatters import OutputContext

    _mixed_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    module, cls = FORMATS[name]
    formatter = getattr(__import__(module, fromlist=[cls]), cls)()
    linter = Linter(overrides=Overrides(languagetool=False), cache=Cache(None))
    run = linter.check_paths(["."], keep_sources=name == "html")
    context = OutputContext(
        cwd=str(tmp_path),
        rules={m.code: m for m in linter.base_rules.metas()},
        statistics=True,
        languages=linter.plugins.languages,
    )
    whole = io.StringIO()
    formatter.write(run, whole, context)
    assert len(run.findings) > 10
    for jobs in ("1", "2"):
        done = run_cli(
            "check", ".", "--no-cache", "--statistics", "--jobs", jobs, "--format", name, cwd=tmp_path
        )
        assert done.code == 1, done.err
        assert done.out == whole.getvalue()


def test_the_gitlab_array_written_issue_by_issue_is_the_whole_runs_array(tmp_path, monkeypatch):
    import io
    import json

    from lint.api import Linter
    from lint.cache import Cache
    from lint.config import Overrides
    from lint.findings import RunResult
    from lint.formatters import OutputContext
    from lint.formatters.gitlab import GitlabFormatter, finding_to_issue
    from lint.formatters.sarif import fingerprints

    _mixed_folder(tmp_path)
    monkeypatch.chdir(tmp_path)
    run = Linter(overrides=Overrides(languagetool=False), cache=Cache(None)).check_paths(["."])
    findings = run.findings
    issues = [finding_to_issue(f, p) for f, p in zip(findings, fingerprints(findings), strict=True)]
    streamed = io.StringIO()
    GitlabFormatter().write(run, streamed, OutputContext())
    assert len(issues) > 10
    assert streamed.getvalue() == json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
    empty = io.StringIO()
    GitlabFormatter().write(RunResult(), empty, OutputContext())
    assert empty.getvalue() == "[]\n"


def test_the_json_document_written_file_by_file_is_the_whole_runs_document(tmp_path, monkeypatch):
    import io
    import json

    from lint.api import Linter
    from lint.cache import Cache
    from lint.config import Overrides
    from lint.findings import FileResult, Problem, RunResult
    from lint.formatters import OutputContext, write_through
    from lint.formatters.json import JsonFormatter, run_to_dict

    _mixed_folder(tmp_path)
    (tmp_path / "rotto.txt").write_bytes(b"\xff\xfe\x00caff\xe8 \xe8 \xe8.")
    monkeypatch.chdir(tmp_path)
    run = Linter(overrides=Overrides(languagetool=False), cache=Cache(None)).check_paths(["."])
    skipped = FileResult("non-letto.txt", None, checked=False)
    extra = (Problem("refuso.toml", "una nota «con accenti»", kind="note"),)
    runs = [run, RunResult(), RunResult((skipped, *run.files), (*run.problems, *extra))]
    assert len(run.findings) > 10 and run.all_problems
    for whole_run in runs:
        streamed = io.StringIO()
        write_through(JsonFormatter(), whole_run, streamed, OutputContext())
        assert streamed.getvalue() == json.dumps(run_to_dict(whole_run), ensure_ascii=False) + "\n"
