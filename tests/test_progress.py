"""The progress line of ``refuso check``: drawn on a terminal's standard error and erased at the end,
absent from pipes, from CI and with --no-progress, and never in the report on standard output."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

pty = pytest.importorskip("pty")

ROOT = Path(__file__).resolve().parent.parent
FILES = 12


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("articles")
    for i in range(FILES):
        (where / f"a{i:02d}.txt").write_text(
            f"Il sindaco ha parlato ieri sera sera in piazza,, davanti a {i} persone.\n"
            "La giunta si riunirà lunedì per discutere il bilancio.\n",
            encoding="utf-8",
        )
    return where


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "GITHUB_ACTIONS", "NO_COLOR")}
    env.update(
        REFUSO_CACHE_DIR=str(tmp_path / "cache"),
        REFUSO_PROGRESS_DELAY="0",  # draw from the first file, however fast the run
        TERM="xterm",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def _command(folder: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "lint", "check", str(folder), "--isolated", "--format", "json", *options]


def _on_terminal(
    command: list[str], env: dict[str, str], cwd: Path, *, stdout_too: bool = False
) -> tuple[int, bytes, bytes]:
    """Run with standard error on a pseudo-terminal (standard output too with ``stdout_too``, else on a
    pipe): the exit code, standard output and what the terminal received."""
    master, slave = os.openpty()
    read: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:  # EIO once the last writer has closed its end
                return
            if not chunk:
                return
            read.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        proc = subprocess.Popen(
            command,
            stdout=slave if stdout_too else subprocess.PIPE,
            stderr=slave,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=cwd,
        )
        os.close(slave)
        out, _ = proc.communicate(timeout=300)
        reader.join(timeout=30)
    finally:
        os.close(master)
    return proc.returncode, out or b"", b"".join(read)


def _run_on_terminal(folder: Path, env: dict[str, str], *options: str) -> tuple[int, bytes, bytes]:
    return _on_terminal(_command(folder, *options), env, folder)


def _run_on_pipes(folder: Path, env: dict[str, str], *options: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        _command(folder, *options), capture_output=True, env=env, cwd=folder, timeout=300, check=False
    )


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_drawn_and_erased_on_a_terminal(folder: Path, tmp_path: Path, jobs: str) -> None:
    env = _env(tmp_path)
    code, out, err = _run_on_terminal(folder, env, "--jobs", jobs)
    text = err.decode("utf-8")
    assert code == 1, text
    # The first file is always drawn (no delay); later ones as often as ten times a second allows.
    assert f"refuso: 1/{FILES} files" in text
    assert "MB/s" in text and " left" in text
    # Erased: after the last drawing comes a carriage return, blanks over it and another return.
    last = text.rindex("refuso: ")
    tail = text[last:]
    drawn = tail[: tail.index("\r")]
    assert tail.endswith("\r" + " " * len(drawn) + "\r"), repr(tail)
    # The report on standard output is the same as in a run with no terminal at all.
    plain = _run_on_pipes(folder, env, "--jobs", jobs)
    assert plain.returncode == code
    assert out == plain.stdout
    assert b"MB/s" not in out and b"\r" not in out
    assert plain.stderr == b""


def test_no_progress_on_a_pipe(folder: Path, tmp_path: Path) -> None:
    plain = _run_on_pipes(folder, _env(tmp_path))
    assert plain.returncode == 1
    assert b"\r" not in plain.stderr and b"MB/s" not in plain.stderr


@pytest.mark.parametrize(
    ("extra", "options"),
    [({"CI": "true"}, ()), ({}, ("--no-progress",)), ({"TERM": "dumb"}, ())],
    ids=["ci", "no-progress", "dumb-terminal"],
)
def test_no_progress_on_a_terminal_when_told(
    folder: Path, tmp_path: Path, extra: dict[str, str], options: tuple[str, ...]
) -> None:
    code, out, err = _run_on_terminal(folder, _env(tmp_path, **extra), *options)
    assert code == 1
    assert b"MB/s" not in err and b"\r" not in err, err
    assert out == _run_on_pipes(folder, _env(tmp_path)).stdout


def test_progress_forced_on_a_pipe(folder: Path, tmp_path: Path) -> None:
    forced = _run_on_pipes(folder, _env(tmp_path, CI="true"), "--progress")
    assert f"refuso: 1/{FILES} files".encode() in forced.stderr
    assert forced.stdout == _run_on_pipes(folder, _env(tmp_path)).stdout


def _screen(raw: str) -> list[str]:
    """What a terminal shows for ``raw``: each line as left by carriage returns writing over it."""
    shown = []
    for line in raw.split("\n"):
        cells: list[str] = []
        at = 0
        for char in line:
            if char == "\r":
                at = 0
                continue
            if at < len(cells):
                cells[at] = char
            else:
                cells.append(char)
            at += 1
        shown.append("".join(cells).rstrip())
    return shown


def test_report_on_the_same_terminal_is_not_mixed_with_the_line(folder: Path, tmp_path: Path) -> None:
    plain_command = [
        sys.executable,
        "-m",
        "lint",
        "check",
        str(folder),
        "--isolated",
        "--color",
        "never",
        "--jobs",
        "1",
    ]
    _, _, received = _on_terminal(plain_command, _env(tmp_path), folder, stdout_too=True)
    raw = received.decode("utf-8")
    drawn = list(re.finditer(r"refuso: \d+/\d+ files[^\r\n]*\r", raw))
    assert drawn
    # Every drawing is erased (a carriage return and blanks) before anything else is written.
    for match in drawn:
        assert raw.startswith("\r" + " " * len(match.group().rstrip("\r").rstrip()), match.end()), raw
    shown = _screen(raw)
    assert not [line for line in shown if "MB/s" in line], shown
    plain = subprocess.run(
        plain_command,
        capture_output=True,
        env=_env(tmp_path),
        cwd=folder,
        timeout=300,
        check=False,
    ).stdout.decode("utf-8")
    assert [line for line in shown if line] == [line.rstrip() for line in plain.splitlines() if line.strip()]
