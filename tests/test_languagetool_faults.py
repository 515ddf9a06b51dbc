"""LanguageTool servers that misbehave.

The misbehaving servers are real HTTP servers on this machine, run by threads of the test: one sends
its headers and then stalls, one answers a byte a second. Each stops by itself after a bounded time.
"""

from __future__ import annotations

import os
import socketserver
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

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
