"""Bad input and faults: each one gets a message naming the file and what to do, and the documented
exit code (0 clean, 1 findings, 2 error, 130 interrupted). The README's reliability table lists them with the
tests that cover them, here and elsewhere."""

from __future__ import annotations

import codecs
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time

import pytest

from lint.api import Linter
from lint.cache import Cache
from lint.checks.base import rule_meta
from lint.hookspecs import hookimpl
from lint.rules import Match

SENTENCE = "Il governo ha approvato ieri la legge sul bilancio, che entrerà in vigore a gennaio. "


def _concise(run_cli, *args, cwd):
    return run_cli("check", *args, "--format", "concise", "--no-source", cwd=cwd)


# -- files -------------------------------------------------------------------------------------------


def test_an_empty_file_is_checked_and_clean(run_cli, tmp_path):
    (tmp_path / "vuoto.txt").write_bytes(b"")
    result = run_cli("check", "vuoto.txt", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "All checks passed! (1 file checked)\n", "")


def test_a_binary_file_alone_is_skipped_with_a_note_and_exit_0(run_cli, tmp_path):
    (tmp_path / "logo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run_cli("check", "logo.txt", cwd=tmp_path)
    assert result.code == 0
    assert result.err == "refuso: note: logo.txt: skipped: contains NUL bytes, so it looks binary\n"
    assert result.out == "All checks passed! (0 files checked)\n"


def test_cp1252_bytes_get_a_cp1252_hint_and_the_option_works(run_cli, tmp_path):
    # Curly quotes (0x93, 0x94) only exist in cp1252: the hint must name it.
    (tmp_path / "win.txt").write_bytes("Disse \u201cs\u00ec\u201d,, poi.\n".encode("cp1252"))
    refused = _concise(run_cli, "win.txt", cwd=tmp_path)
    assert refused.code == 2
    assert refused.err == (
        "refuso: error: win.txt: not valid UTF-8 (byte 0x93 at line 1, byte column 7); "
        "save it as UTF-8, or pass --encoding cp1252 if that is what it was written in\n"
    )
    forced = _concise(run_cli, "win.txt", "--encoding", "cp1252", cwd=tmp_path)
    assert forced.code == 1 and forced.err == ""
    assert forced.out.startswith("win.txt:1:11: error PUN001")


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("bom8.txt", codecs.BOM_UTF8 + "Città,, qui.\nPoi,, là.\n".encode()),
        ("le16.txt", codecs.BOM_UTF16_LE + "Città,, qui.\nPoi,, là.\n".encode("utf-16-le")),
        ("be16.txt", codecs.BOM_UTF16_BE + "Città,, qui.\nPoi,, là.\n".encode("utf-16-be")),
        ("cr.txt", "Città,, qui.\rPoi,, là.\r".encode()),
        ("crlf.txt", "Città,, qui.\r\nPoi,, là.\r\n".encode()),
    ],
)
def test_boms_utf16_and_line_ends_give_true_positions(run_cli, tmp_path, name, data):
    (tmp_path / name).write_bytes(data)
    result = _concise(run_cli, name, "--select", "PUN001", cwd=tmp_path)
    assert result.code == 1 and result.err == ""
    assert [line.split(" ")[0] for line in result.out.splitlines()[:-1]] == [f"{name}:1:6:", f"{name}:2:4:"]


def test_a_5_mb_file_is_checked_whole(run_cli, tmp_path):
    # The 100 MB measurement (memory) is in the README's reliability section; here only that nothing is lost.
    lines = [SENTENCE.replace(", che", ",, che") if i % 50 == 7 else SENTENCE for i in range(60_000)]
    (tmp_path / "grande.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert (tmp_path / "grande.txt").stat().st_size > 5_000_000
    result = _concise(run_cli, "grande.txt", "--select", "PUN001", cwd=tmp_path)
    assert result.code == 1 and result.err == ""
    found = [line.split(":")[1] for line in result.out.splitlines()[:-1]]
    assert found == [str(i + 1) for i in range(60_000) if i % 50 == 7]


def test_a_2_mb_single_line_is_checked_whole_within_the_timeout(run_cli, tmp_path):
    pieces = [SENTENCE.replace(", che", ",, che") if i % 5000 == 1 else SENTENCE for i in range(24_000)]
    text = "".join(pieces)
    assert len(text.encode()) > 2_000_000 and "\n" not in text
    (tmp_path / "riga.txt").write_text(text, encoding="utf-8")
    result = run_cli("check", "riga.txt", "--format", "json", cwd=tmp_path)
    assert result.err == ""  # no rule timed out
    report = json.loads(result.out)
    columns = [f["column"] for f in report["files"][0]["findings"] if f["rule"] == "PUN001"]
    expected = [m.start() + 1 for m in re.finditer(",,", text)]
    assert columns == expected and len(expected) == 5


def _without_read_privilege() -> list[str]:
    """A command prefix under which chmod 000 stops reading: nothing for a normal user; for root
    (who reads anything), setpriv dropping the two capabilities that let root bypass permissions."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root, where chmod 000 does not stop reading, and setpriv is not installed")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}"]


def test_an_unreadable_file_is_an_error_naming_it(cli_cache, tmp_path):
    prefix = _without_read_privilege()
    (tmp_path / "chiuso.txt").write_text("Uno,, due.\n", encoding="utf-8")
    (tmp_path / "aperto.txt").write_text("Tre,, quattro.\n", encoding="utf-8")
    (tmp_path / "chiuso.txt").chmod(0)
    env = {**os.environ, "REFUSO_CACHE_DIR": str(cli_cache), "NO_COLOR": "1"}
    proc = subprocess.run(
        [*prefix, sys.executable, "-m", "lint", "check", "chiuso.txt", "aperto.txt", "--format", "concise"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    assert proc.returncode == 2
    assert "refuso: error: chiuso.txt: cannot be read: permission denied\n" in proc.stderr
    assert proc.stdout.startswith("aperto.txt:1:4: error PUN001")  # the other file is still checked


def test_folders_where_files_are_expected(run_cli, tmp_path):
    (tmp_path / "cartella.yaml").mkdir()
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    config = run_cli("check", "a.txt", "--config", "cartella.yaml", cwd=tmp_path)
    assert config.code == 2
    assert "refuso: error: cartella.yaml: cannot read the configuration: Is a directory" in config.err
    report = run_cli("check", "a.txt", "-o", "cartella.yaml", cwd=tmp_path)
    assert report.code == 2
    assert "refuso: error: cannot write the report to cartella.yaml: Is a directory" in report.err
    (tmp_path / "vuota").mkdir()
    empty = run_cli("check", "vuota", cwd=tmp_path)
    assert empty.code == 0
    assert "refuso: note: vuota: no files to check in this folder" in empty.err


def test_a_symlink_loop_given_as_a_file_is_an_error(run_cli, tmp_path):
    os.symlink("b.txt", tmp_path / "a.txt")
    os.symlink("a.txt", tmp_path / "b.txt")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.code == 2
    assert (
        "refuso: error: a.txt: cannot be read: it is a loop of symbolic links; fix or remove the link\n"
        in result.err
    )
    assert "All checks passed" not in result.out


def test_a_folder_symlink_loop_does_not_trap_the_walk(run_cli, tmp_path):
    (tmp_path / "art" / "sub").mkdir(parents=True)
    (tmp_path / "art" / "sub" / "x.txt").write_text("Uno,, due.\n", encoding="utf-8")
    os.symlink("..", tmp_path / "art" / "sub" / "su")
    os.symlink(tmp_path / "art", tmp_path / "art" / "giro")
    result = _concise(run_cli, "art", cwd=tmp_path)
    assert result.code == 1 and result.err == ""
    assert result.out.splitlines()[0].startswith("art/sub/x.txt:1:4: error PUN001")
    assert result.out.count("PUN001") == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_file_that_vanishes_between_listing_and_reading(tmp_path, jobs):
    from lint.engine.parallel import run_targets
    from lint.walk import discover

    linter = Linter(load_entry_points=False, isolated=True, cache=Cache(None))
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Tre,, quattro.\n", encoding="utf-8")
    targets = discover([str(tmp_path)], linter.finder)
    engines = [linter.engine_for(t.settings) for t in targets]
    (tmp_path / "b.txt").unlink()
    first, second = run_targets(targets, engines, jobs=jobs)
    assert [f.code for f in first.findings] == ["PUN001"]
    assert not second.checked
    assert [p.message for p in second.problems] == [
        "does not exist (it may have been moved or deleted while refuso ran)"
    ]


# -- rules and configuration -------------------------------------------------------------------------


def test_malformed_configuration_and_unknown_rule_exit_2_naming_file_and_line(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    (tmp_path / ".refuso.yaml").write_text("select: [PUN\nignore: x\n", encoding="utf-8")
    broken = run_cli("check", "a.txt", cwd=tmp_path)
    assert broken.code == 2 and broken.out == ""
    assert re.search(r"refuso: error: .*\.refuso\.yaml:2: invalid YAML", broken.err)
    (tmp_path / ".refuso.yaml").write_text("rules:\n  PUN0001: {severity: warning}\n", encoding="utf-8")
    unknown = run_cli("check", "a.txt", cwd=tmp_path)
    assert unknown.code == 2 and unknown.out == ""
    assert ".refuso.yaml:2: rules: unknown rule 'PUN0001' (did you mean PUN001?)" in unknown.err


SLOW_PACK = """\
language: it
rules:
  - code: TST002
    name: catastrophic
    kind: existence
    category: style
    severity: warning
    pattern: '(a|aa)+b'
    message: "lento"
    description: "Un'espressione con backtracking esponenziale."
    examples:
      flagged: ["⟦aab⟧"]
      clean: ["niente"]
"""


def test_a_catastrophic_regex_from_a_pack_exits_2_and_the_other_rules_finish(run_cli, tmp_path):
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "lento.yaml").write_text(SLOW_PACK, encoding="utf-8")
    (tmp_path / ".refuso.yaml").write_text("rule-packs: [packs]\nregex-timeout: 0.5\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Uno,, due " + "a" * 80 + ".\n", encoding="utf-8")
    started = time.monotonic()
    result = _concise(run_cli, "a.txt", cwd=tmp_path)
    assert time.monotonic() - started < 60
    assert result.code == 2
    assert (
        "refuso: error: a.txt: rule TST002 (catastrophic) from plugin 'configuration' took longer than "
        "0.5 s and was stopped; its findings for this file may be incomplete\n"
    ) in result.err
    assert result.out.startswith("a.txt:1:4: error PUN001")


def _slow_meta():
    return rule_meta(
        code="slow.SLEEPY",
        name="slow-sleepy",
        category="style",
        severity="warning",
        languages=None,
        message={"*": "slow rule finding"},
        description={"*": "A rule that takes its time, for refuso's tests."},
        flagged=["⟦x⟧"],
        clean=["y"],
    )


class _SlowRule:
    meta = _slow_meta()

    def check(self, document, options):
        time.sleep(1.0)
        yield Match(0, 3)


class _SlowPlugin:
    @staticmethod
    @hookimpl
    def refuso_rules():
        return [_SlowRule()]


def test_a_slow_plugin_rule_finishes_and_its_time_is_reported_as_a_note(tmp_path):
    (tmp_path / ".refuso.yaml").write_text("regex-timeout: 0.2\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Uno,, due.\n", encoding="utf-8")
    linter = Linter(
        load_entry_points=False,
        config_file=tmp_path / ".refuso.yaml",
        cache=Cache(None),
        extra_plugins=[("slow", _SlowPlugin)],
    )
    run = linter.check_paths([str(tmp_path / "a.txt")])
    assert sorted(f.code for f in run.findings) == ["PUN001", "slow.SLEEPY"]
    (note,) = run.all_problems
    assert note.kind == "note" and not run.has_errors
    assert re.fullmatch(
        r"rule slow\.SLEEPY \(slow-sleepy\) from plugin 'slow' took 1\.\d s, longer than the 0\.2 s "
        r"a rule may take \(regex-timeout\); it was not stopped",
        note.message,
    )


# -- interruption and pipes --------------------------------------------------------------------------


# A plugin whose reader holds refuso on one file: it says it got there (a file appears), then waits.
HOLDING_PLUGIN = """\
import os
import time

from lint.hookspecs import hookimpl
from lint.readers.plain import TextReader


class HoldingReader(TextReader):
    def read(self, path, source):
        with open(os.environ["REFUSO_TEST_HELD"], "w", encoding="utf-8"):
            pass
        time.sleep(300)
        return super().read(path, source)


@hookimpl
def refuso_reader(path):
    return HoldingReader() if os.path.basename(path) == "a30.txt" else None
"""


def _holding_plugin(folder) -> str:
    """Install the holding reader where Python finds it (a distribution with an entry point in the
    ``refuso`` group, on PYTHONPATH); the folder to add to PYTHONPATH."""
    folder.mkdir()
    (folder / "holding_reader.py").write_text(HOLDING_PLUGIN, encoding="utf-8")
    info = folder / "holding_reader-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: holding-reader\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text("[refuso]\nholding = holding_reader\n", encoding="utf-8")
    return str(folder)


@pytest.mark.parametrize(("jobs", "done"), [("1", "30"), ("2", "[1-5]?[0-9]")])
def test_ctrl_c_says_how_far_the_run_got_and_exits_130(run_cli, cli_cache, tmp_path, jobs, done):
    # The signal must land while files are being checked. A plugin's reader holds refuso on the 31st
    # of 60 files and says so by creating a file, which the test waits for. With --jobs 1 the files
    # before it (by name) are done; with --jobs 2 how many results the parent has taken in varies.
    articles = tmp_path / "articoli"
    articles.mkdir()
    article = (SENTENCE.replace(", che", ",, che") + "\n") * 100
    for i in range(60):
        (articles / f"a{i:02d}.txt").write_text(article, encoding="utf-8")
    held = tmp_path / "held"
    env = {
        **os.environ,
        "REFUSO_CACHE_DIR": str(cli_cache),
        "NO_COLOR": "1",
        "REFUSO_TEST_HELD": str(held),
        "PYTHONPATH": os.pathsep.join(
            filter(None, [_holding_plugin(tmp_path / "plugin"), os.environ.get("PYTHONPATH")])
        ),
    }
    report = (tmp_path / "report.txt").open("w+", encoding="utf-8")  # a file: a full pipe would hold refuso
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", ".", "--jobs", jobs, "--format", "concise"],
        cwd=articles,
        env=env,
        stdout=report,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group, as a terminal's foreground job
        # A shell started in the background ignores SIGINT, and children inherit that.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        deadline = time.monotonic() + 240
        while not held.exists() and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert held.exists(), "refuso never reached the held file"
        os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole group, workers too
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
        report.close()
    assert proc.returncode == 130, err
    # The report was written file by file, in order: it stops before the held file, with no summary.
    out = (tmp_path / "report.txt").read_text(encoding="utf-8")
    files = {line.split(":", 1)[0] for line in out.splitlines()}
    assert files <= {f"a{i:02d}.txt" for i in range(30)}
    if jobs == "1":
        assert files == {f"a{i:02d}.txt" for i in range(30)}
    assert "Found" not in out
    assert re.fullmatch(
        rf"refuso: interrupted after {done} of 60 files had been checked; the report stops at the last file "
        r"checked and no file was changed\n",
        err,
    ), err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_closed_pipe_stops_quietly_with_the_exit_code_of_the_findings(cli_cache, tmp_path, jobs):
    (tmp_path / "big.txt").write_text("Uno,, due.\n" * 3000, encoding="utf-8")
    env = {**os.environ, "REFUSO_CACHE_DIR": str(cli_cache)}
    proc = subprocess.run(
        [
            "bash",
            "-c",
            f'"{sys.executable}" -m lint check big.txt --jobs {jobs} | head -n 1; '
            'echo "exit=${PIPESTATUS[0]}" >&2',
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert proc.stdout == "big.txt:1:4: error PUN001 Punteggiatura doppia «,,»: basta un solo «,»\n"
    assert proc.stderr == "exit=1\n"


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as fh:
            return [int(p) for p in fh.read().split()]
    except OSError:
        return []


@pytest.mark.skipif(
    not os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children"), reason="needs /proc"
)
def test_ctrl_c_while_the_windows_of_one_large_file_are_checked_in_parallel(cli_cache, tmp_path):
    # A single 9 MB text from standard input is checked a window at a time by two workers; the
    # signal is sent once both workers exist, so it lands while windows are being checked.
    data = ((SENTENCE.replace(", che", ",, che") + "\n\n") * 110_000).encode("utf-8")
    assert len(data) > 9_000_000
    env = {**os.environ, "REFUSO_CACHE_DIR": str(cli_cache), "NO_COLOR": "1"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "lint", "check", "-", "--jobs", "2"],
        cwd=tmp_path,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        proc.stdin.write(data)
        proc.stdin.close()
        deadline = time.monotonic() + 120
        while len(_children(proc.pid)) < 2 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(_children(proc.pid)) >= 2, "the workers never started"
        os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=120)  # what it writes is a line: the pipes cannot fill
        out, err = proc.stdout.read(), proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 130, err
    assert out == b""
    assert err.decode() == (
        "refuso: interrupted after 0 of 1 file had been checked; the report stops at the last file checked "
        "and no file was changed\n"
    )
