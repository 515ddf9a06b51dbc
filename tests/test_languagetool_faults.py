"""LanguageTool servers that misbehave, and pid files that lie.

The misbehaving servers are real HTTP servers on this machine, run by threads of the test: one sends
its headers and then stalls, one answers a byte a second. Each stops by itself after a bounded time.
The pid-file tests plant the pid of a real, unrelated process and check it is never signalled.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from conftest import ROOT
from lint.languagetool.server import healthy

MOST_SECONDS = 60  # how long a misbehaving server keeps misbehaving before it hangs up


class _Misbehaving(socketserver.BaseRequestHandler):
    """Answers the health check at once (so refuso goes on to ask for a check), and every other
    request in the manner of ``server.mode``: "stall" or "trickle"; "trickle-all" trickles the health
    check too."""

    def handle(self) -> None:
        sock = self.request
        sock.settimeout(MOST_SECONDS)
        try:
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 65536:
                chunk = sock.recv(4096)
                if not chunk:
                    return
                head += chunk
            path = head.split(b" ", 2)[1].decode("ascii", "replace")
            mode = self.server.mode  # type: ignore[attr-defined]
            stop = self.server.stop  # type: ignore[attr-defined]
            if path.endswith("/v2/healthcheck") and mode != "trickle-all":
                sock.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nOK")
                return
            answer = b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"matches": ['
            if mode == "stall":
                sock.sendall(answer)
                stop.wait(MOST_SECONDS)
                return
            for byte in (answer + b" " * 1000)[:MOST_SECONDS]:
                if stop.wait(1.0):
                    return
                sock.sendall(bytes([byte]))
        except OSError:
            return


@pytest.fixture
def misbehaving() -> Iterator[Callable[[str], str]]:
    servers = []

    def start(mode: str) -> str:
        server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Misbehaving)
        server.daemon_threads = True
        server.mode = mode  # type: ignore[attr-defined]
        server.stop = threading.Event()  # type: ignore[attr-defined]
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.stop.set()  # type: ignore[attr-defined]
        server.shutdown()
        server.server_close()


def _check_with(tmp_path: Path, url: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / ".refuso.yaml").write_text(
        f"languagetool:\n  enabled: true\n  url: {url}\n  autostart: false\n  timeout: 3\n", encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("Lo ha detto ad un giornalista.\n", encoding="utf-8")
    env = {**os.environ, "REFUSO_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1"}
    # The time limit only keeps a broken build from hanging the suite; what is checked is the message.
    return subprocess.run(
        [sys.executable, "-m", "lint", "check", "a.txt", "--format", "concise"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=MOST_SECONDS - 10,
    )


# -- item: languagetool.timeout is a deadline for the whole request ------------------------------


@pytest.mark.parametrize("mode", ["stall", "trickle"])
def test_a_server_that_stalls_or_trickles_is_given_up_on_at_the_timeout(tmp_path, misbehaving, mode):
    url = misbehaving(mode)
    done = _check_with(tmp_path, url)
    assert done.returncode == 2
    assert done.stderr == (
        f"refuso: error: a.txt: not checked by LanguageTool: LanguageTool at {url} did not answer within 3 s "
        "(languagetool.timeout); raise the timeout or check the server's load\n"
    )


def test_a_health_check_that_trickles_is_given_up_on_too(tmp_path, misbehaving):
    url = misbehaving("trickle-all")
    assert healthy(url, timeout=2.0) is False
    done = _check_with(tmp_path, url)
    assert done.returncode == 2
    assert done.stderr.startswith(
        f"refuso: error: a.txt: not checked by LanguageTool: no LanguageTool server answers at {url}"
    )


# -- item: `languagetool stop` signals only the server refuso started ---------------------------------


def _lt(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "REFUSO_LANGUAGETOOL_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "lint", "languagetool", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def unrelated() -> Iterator[subprocess.Popen[bytes]]:
    """A real process that has nothing to do with LanguageTool."""
    process = subprocess.Popen(["sleep", "300"])
    yield process
    process.kill()
    process.wait()


@pytest.fixture
def server_port(tmp_path) -> Iterator[int]:
    """A free port for a server the test starts with ``tmp_path`` as its home; whatever the test did,
    a server refuso started there is stopped when it ends, and none may still answer."""
    port = _free_port()
    yield port
    _lt(tmp_path, "stop", "--port", str(port))
    assert not healthy(f"http://127.0.0.1:{port}"), f"a LanguageTool server still answers on port {port}"


def _plant(home: Path, port: int, content: str) -> Path:
    pid_file = home / "run" / f"server-{port}.pid"
    pid_file.parent.mkdir(parents=True, exist_ok=True)
    pid_file.write_text(content, encoding="utf-8")
    return pid_file


def _proc_start(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[-1].split()[19]


@pytest.mark.parametrize(
    "written",
    [
        "old",  # the pid alone, as refuso wrote it before
        "other-start",  # the right command line, but the process started at another time
        "other-command",  # the right start time, but another command line
    ],
)
def test_a_stale_pid_file_naming_an_unrelated_process_is_removed_and_the_process_left_alone(
    tmp_path, unrelated, written
):
    port = _free_port()
    pid = unrelated.pid
    if written == "old":
        content = f"{pid}\n"
    elif written == "other-start":
        content = json.dumps({"pid": pid, "start": "1", "command": ["sleep", "300"]})
    else:
        content = json.dumps({"pid": pid, "start": _proc_start(pid), "command": ["java", "-cp", "x"]})
    pid_file = _plant(tmp_path, port, content)
    done = _lt(tmp_path, "stop", "--port", str(port))
    assert done.returncode == 0
    assert done.stderr == (
        f"refuso: note: {pid_file}: removed a stale pid file: process {pid} is not the LanguageTool server "
        f"refuso started on port {port}; it was left alone\n"
        f"no LanguageTool server started by refuso is running on port {port}\n"
    )
    assert unrelated.poll() is None
    assert not pid_file.exists()


def test_the_process_a_pid_file_describes_is_stopped(tmp_path, unrelated):
    """The check is what lets the right process be stopped: one whose start time and command line
    are those recorded (here a stand-in, recorded as refuso records the server it starts)."""
    port = _free_port()
    pid = unrelated.pid
    record = {"pid": pid, "start": _proc_start(pid), "command": ["sleep", "300"]}
    _plant(tmp_path, port, json.dumps(record))
    done = _lt(tmp_path, "stop", "--port", str(port))
    assert done.returncode == 0 and done.stderr == f"stopped the LanguageTool server on port {port}\n"
    assert unrelated.wait(timeout=30) is not None


def test_stop_without_a_port_stops_every_server_recorded_and_leaves_the_rest(tmp_path, unrelated):
    """Without --port, stop looks at every pid file (a run starts its server on its url's port), and
    still signals only the processes they truly describe."""
    ours = subprocess.Popen(["sleep", "300"])
    try:
        port, other_port = _free_port(), _free_port()
        record = {"pid": ours.pid, "start": _proc_start(ours.pid), "command": ["sleep", "300"]}
        _plant(tmp_path, port, json.dumps(record))
        _plant(
            tmp_path,
            other_port,
            json.dumps({"pid": unrelated.pid, "start": "1", "command": ["sleep", "300"]}),
        )
        done = _lt(tmp_path, "stop")
        assert done.returncode == 0
        assert f"stopped the LanguageTool server on port {port}\n" in done.stderr
        assert (
            f"process {unrelated.pid} is not the LanguageTool server refuso started on port {other_port}"
            in done.stderr
        )
        assert ours.wait(timeout=30) is not None
        assert unrelated.poll() is None
        assert list((tmp_path / "run").glob("*.pid")) == []
    finally:
        ours.kill()
        ours.wait()


def test_a_pid_file_for_a_process_that_is_gone_is_removed(tmp_path):
    gone = subprocess.Popen(["true"])
    gone.wait()
    port = _free_port()
    pid_file = _plant(tmp_path, port, f"{gone.pid}\n")
    done = _lt(tmp_path, "stop", "--port", str(port))
    assert done.returncode == 0 and not pid_file.exists()
    assert "removed a stale pid file" in done.stderr


@pytest.mark.skipif(shutil.which("java") is None, reason="needs Java, as LanguageTool does")
def test_a_failed_start_leaves_no_pid_file(tmp_path, server_port):
    # An installation whose jars hold no server: Java starts and exits at once.
    (tmp_path / "libs").mkdir()
    (tmp_path / "libs" / "empty.jar").write_bytes(b"")
    (tmp_path / "installed.json").write_text(json.dumps({"version": "6.8", "jars": 1}), encoding="utf-8")
    port = server_port
    done = _lt(tmp_path, "serve", "--detach", "--port", str(port))
    assert done.returncode == 2
    assert "refuso: error: the LanguageTool server stopped at start" in done.stderr
    assert not (tmp_path / "run" / f"server-{port}.pid").exists()
