"""What refuso reads and writes: links, pipes and devices, reports that would land on an article,
closed standard streams, and file names that carry control characters."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

import pytest

from lint.paths import printable

ARTICLE = "Uno,, due.\n"
SECRET = "Riga riservata,, fuori dalla cartella.\n"


def _concise(run_cli, *args, cwd):
    return run_cli("check", *args, "--format", "concise", "--no-source", cwd=cwd)


# -- links -------------------------------------------------------------------------------------------


@pytest.fixture
def tree_with_links(tmp_path):
    """r/ holds an article, a link out of r/ to a file with a finding, and a link to the article."""
    (tmp_path / "r").mkdir()
    (tmp_path / "fuori.txt").write_text(SECRET, encoding="utf-8")
    (tmp_path / "r" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.symlink("../fuori.txt", tmp_path / "r" / "l.txt")
    os.symlink("a.txt", tmp_path / "r" / "0.txt")  # sorts first: the article is still checked as a.txt
    return tmp_path


def test_a_link_out_of_a_walked_folder_is_skipped_with_a_note(run_cli, tree_with_links):
    result = run_cli("check", "r", "--format", "json", cwd=tree_with_links)
    report = json.loads(result.out)
    assert [f["path"] for f in report["files"]] == ["r/a.txt"]  # the link to it is not a second file
    assert report["notes"] == [
        {
            "path": "r/l.txt",
            "message": "skipped: it is a symbolic link to ../fuori.txt, outside the folder being checked; "
            "links are not followed out of it (name the file itself to check it)",
        }
    ]
    assert "riservata" not in result.out + result.err  # the target's text is never quoted
    assert result.code == 1


def test_fix_in_a_walked_folder_never_writes_outside_it(run_cli, tree_with_links):
    result = _concise(run_cli, "r", "--fix", cwd=tree_with_links)
    assert result.code == 0, result.err
    assert (tree_with_links / "fuori.txt").read_text(encoding="utf-8") == SECRET
    assert (tree_with_links / "r" / "a.txt").read_text(encoding="utf-8") == "Uno, due.\n"
    assert os.path.islink(tree_with_links / "r" / "l.txt") and os.path.islink(tree_with_links / "r" / "0.txt")
    assert "riservata" not in result.out + result.err


def test_a_link_named_on_the_command_line_is_read_but_never_written(run_cli, tree_with_links):
    read = _concise(run_cli, "r/l.txt", cwd=tree_with_links)
    assert read.code == 1 and read.out.startswith("r/l.txt:1:15: error PUN001")
    fixed = _concise(run_cli, "r/l.txt", "--fix", cwd=tree_with_links)
    assert fixed.code == 1
    assert (
        "refuso: note: r/l.txt: not fixed: it is a symbolic link (to ../fuori.txt), and --fix never writes "
        "through a link; fix the file it points to by its own name\n"
    ) in fixed.err
    assert (tree_with_links / "fuori.txt").read_text(encoding="utf-8") == SECRET
    assert os.path.islink(tree_with_links / "r" / "l.txt")


# -- reports over articles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paths", "output"),
    [
        (["a.txt"], "a.txt"),  # the input itself
        (["a.txt"], "./sub/../a.txt"),  # the same path, written another way
        (["a.txt"], "collegato.txt"),  # a hard link: another name for the same file
        (["a.txt"], "simbolico.txt"),  # a symbolic link to it
        (["."], "sub/b.txt"),  # a file found by walking a folder
    ],
)
def test_an_output_file_that_is_an_input_is_refused_before_anything_is_written(
    run_cli, tmp_path, paths, output
):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub" / "b.txt").write_text(ARTICLE, encoding="utf-8")
    os.link(tmp_path / "a.txt", tmp_path / "collegato.txt")
    os.symlink("a.txt", tmp_path / "simbolico.txt")
    before = {p: p.read_bytes() for p in tmp_path.rglob("*.txt")}
    result = run_cli(
        "check",
        *paths,
        "--format",
        "json",
        "-o",
        "report.json",
        "--format",
        "text",
        "-o",
        output,
        cwd=tmp_path,
    )
    assert result.code == 2
    assert result.out == ""
    assert result.err.startswith(f"refuso: error: --output-file {output}: it is ")
    assert (
        "one of the files being checked, and the report would replace it; nothing was written" in result.err
    )
    assert {p: p.read_bytes() for p in tmp_path.rglob("*.txt")} == before
    assert not (tmp_path / "report.json").exists()  # no report was opened before the check


def test_an_output_file_beside_the_inputs_is_written(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = run_cli("check", "a.txt", "-o", "report.txt", cwd=tmp_path)
    assert result.code == 1 and result.err == ""
    assert (tmp_path / "report.txt").read_text(encoding="utf-8").startswith("a.txt:1:4: error PUN001")
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == ARTICLE


REPORTS = {"report.html": "html", "report.json": "json", "report.sarif": "sarif", "junit.xml": "junit"}


def _write_reports(run_cli, cwd, *paths):
    outputs = [arg for name, fmt in REPORTS.items() for arg in ("--format", fmt, "-o", name)]
    return run_cli("check", *paths, *outputs, cwd=cwd)


def test_a_report_refuso_wrote_is_not_checked_by_the_next_run(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    first = _write_reports(run_cli, tmp_path, ".")
    assert first.code == 1 and first.err == "", first.err
    # Named on the command line, or found in the folder, each report is skipped with a note.
    for paths in ([".", "report.json", "report.sarif", "junit.xml"], ["."]):
        second = run_cli("check", *paths, "--format", "json", "--isolated", cwd=tmp_path)
        assert second.code == 1, second.err
        report = json.loads(second.out)
        assert [f["path"] for f in report["files"]] == ["a.txt"]
        skipped = sorted(n["path"] for n in report["notes"] if "a report refuso wrote" in n["message"])
        assert skipped == (sorted(REPORTS) if len(paths) > 1 else ["report.html"])
    # The same command again: the reports it replaces are left out, not refused and not checked.
    again = _write_reports(run_cli, tmp_path, ".")
    assert again.code == 1, again.err
    assert again.err == "refuso: note: report.html: not checked: this run writes its report there\n"


@pytest.mark.parametrize("before", ["", "junit"], ids=["empty", "an-old-report"])
def test_the_junit_report_of_a_run_does_not_list_itself(run_cli, tmp_path, before):
    from junitparser import JUnitXml

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "esiti.txt").write_text("", encoding="utf-8")
    if before:
        assert run_cli("check", "a.txt", "--format", before, "-o", "esiti.txt", cwd=tmp_path).code == 1
    done = run_cli("check", ".", "--format", "junit", "-o", "esiti.txt", cwd=tmp_path)
    assert done.code == 1
    assert done.err == "refuso: note: esiti.txt: not checked: this run writes its report there\n"
    cases = [case.name for suite in JUnitXml.fromfile(str(tmp_path / "esiti.txt")) for case in suite]
    assert cases == ["a.txt"]


# -- pipes, sockets, devices -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (lambda p: os.mkfifo(p), "a named pipe (FIFO)"),
        (lambda p: socket.socket(socket.AF_UNIX).bind(str(p)), "a socket"),
        (lambda p: os.symlink("/dev/zero", p), "a character device"),
    ],
    ids=["fifo", "socket", "dev-zero"],
)
def test_a_pipe_socket_or_device_named_on_the_command_line_is_an_error_and_never_read(
    run_cli, tmp_path, make, kind
):
    make(tmp_path / "strano.txt")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    result = _concise(run_cli, "strano.txt", "a.txt", cwd=tmp_path)  # a FIFO would hang, /dev/zero never end
    assert result.code == 2
    assert result.err == (
        f"refuso: error: strano.txt: cannot be read: it is {kind}, not a regular file; refuso reads only "
        "regular files (and standard input, given as '-')\n"
    )
    assert result.out.startswith("a.txt:1:4: error PUN001")


def test_dev_zero_named_directly_is_an_error(run_cli, tmp_path):
    result = _concise(run_cli, "/dev/zero", cwd=tmp_path)
    assert result.code == 2
    assert (
        "refuso: error: /dev/zero: cannot be read: it is a character device, not a regular file" in result.err
    )


def test_pipes_sockets_and_links_to_devices_in_a_walked_folder_are_skipped_with_a_note(run_cli, tmp_path):
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(tmp_path / "r" / "coda.txt")
    socket.socket(socket.AF_UNIX).bind(str(tmp_path / "r" / "presa.txt"))
    os.symlink("/dev/zero", tmp_path / "r" / "zeri.txt")
    os.mkfifo(tmp_path / "r" / ".gitignore")  # read by the walk itself: must not hang it either
    result = run_cli("check", "r", "--format", "json", cwd=tmp_path)
    report = json.loads(result.out)
    assert [f["path"] for f in report["files"]] == ["r/a.txt"]
    assert report["notes"] == [
        {"path": "r/coda.txt", "message": "skipped: it is a named pipe (FIFO), not a regular file"},
        {"path": "r/presa.txt", "message": "skipped: it is a socket, not a regular file"},
        {
            "path": "r/zeri.txt",
            "message": "skipped: it is a symbolic link to /dev/zero, which is a character device, not a "
            "regular file",
        },
    ]
    assert result.code == 1


def test_a_file_swapped_for_a_pipe_after_the_walk_is_refused_without_blocking(tmp_path):
    # The walk saw a regular file; by the time it is read it is a named pipe with no writer. Opening it
    # must neither wait for a writer nor read it.
    from lint.api import Linter
    from lint.cache import Cache

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    linter = Linter(load_entry_points=False, isolated=True, cache=Cache(None))
    targets = linter.discover([str(tmp_path)])
    (tmp_path / "a.txt").unlink()
    os.mkfifo(tmp_path / "a.txt")
    (result,) = linter.check_paths([], targets=targets).files
    assert not result.checked
    assert [p.message for p in result.problems] == [
        "cannot be read: it is a named pipe (FIFO), not a regular file; refuso reads only regular files "
        "(and standard input, given as '-')"
    ]


def test_open_regular_checks_again_after_opening(tmp_path, monkeypatch):
    # The race the stat before opening cannot close: the path is a regular file when looked at and a
    # pipe when opened. The descriptor's own fstat catches it, and O_NONBLOCK kept the open from waiting.
    from lint import paths

    os.mkfifo(tmp_path / "coda")
    (tmp_path / "piano").write_text("x", encoding="utf-8")
    real_stat = os.stat
    monkeypatch.setattr(paths.os, "stat", lambda p, *a, **k: real_stat(tmp_path / "piano"))
    with pytest.raises(paths.NotRegularFile, match="named pipe"):
        paths.open_regular(str(tmp_path / "coda"))


# -- closed standard streams -------------------------------------------------------------------------


def _run_with_closed(fd: int, *args: str, cwd, cache) -> subprocess.CompletedProcess:
    env = {**os.environ, "REFUSO_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    redirect = {0: "<&-", 1: ">&-"}[fd]
    command = " ".join([f'"{sys.executable}"', "-m", "lint", *args]) + f" {redirect}"
    return subprocess.run(
        ["bash", "-c", command], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


def test_closed_standard_input_is_a_message_not_a_traceback(cli_cache, tmp_path):
    proc = _run_with_closed(0, "check", "-", cwd=tmp_path, cache=cli_cache)
    assert proc.returncode == 2
    assert proc.stderr == (
        "refuso: error: -: standard input is closed, so there is no text to check; pipe the text in or "
        "name files\n"
    )


def test_closed_standard_output_is_a_message_not_a_traceback(cli_cache, tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    proc = _run_with_closed(1, "check", "a.txt", cwd=tmp_path, cache=cli_cache)
    assert proc.returncode == 2
    assert proc.stderr == (
        "refuso: error: standard output is closed, so the report cannot be written; give --output-file "
        "FILE, or run refuso with standard output open\n"
    )
    to_file = _run_with_closed(1, "check", "a.txt", "-o", "report.txt", cwd=tmp_path, cache=cli_cache)
    assert to_file.returncode == 1 and to_file.stderr == ""
    assert (tmp_path / "report.txt").read_text(encoding="utf-8").startswith("a.txt:1:4: error PUN001")
    rules = _run_with_closed(1, "rules", cwd=tmp_path, cache=cli_cache)
    assert rules.returncode == 2 and "Traceback" not in rules.stderr


# -- file names with control characters --------------------------------------------------------------

HOSTILE = "a\x1b[31mrosso\x1b[0m\n::error::finto.txt"


def test_printable_escapes_controls_and_keeps_text():
    assert printable(HOSTILE) == "a\\x1b[31mrosso\\x1b[0m\\n::error::finto.txt"
    assert printable("Città «già» 😀 naïve.txt") == "Città «già» 😀 naïve.txt"
    assert printable("x\u202ey\udcff\t") == "x\\u202ey\\xff\\t"
    assert printable("a\r\nb\x1b", keep_line_ends=True) == "a\r\nb\\x1b"


@pytest.mark.parametrize("fmt", ["text", "concise", "github"])
def test_a_file_name_with_control_characters_is_escaped_in_every_line(run_cli, tmp_path, fmt):
    (tmp_path / HOSTILE).write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "\x1b]0;titolo\x07.txt").write_bytes(b"\x89PNG\x00")  # skipped: its note names it
    result = run_cli("check", ".", "--format", fmt, cwd=tmp_path)
    assert result.code == 1
    for stream in (result.out, result.err):
        assert "\x1b" not in stream and "\x07" not in stream
    assert not [line for line in result.out.splitlines() if line.startswith("::error::finto")]
    if fmt == "github":  # line ends and colons escaped as GitHub's toolkit does
        assert "::error file=a\\x1b[31mrosso\\x1b[0m%0A%3A%3Aerror%3A%3Afinto.txt,line=1," in result.out
    else:
        assert "a\\x1b[31mrosso\\x1b[0m\\n::error::finto.txt:1:4: error PUN001" in result.out
    note = "\\x1b]0;titolo\\x07.txt"
    assert note in (result.out if fmt == "github" else result.err)
