"""HTTP requests to a LanguageTool server under a deadline.

A socket timeout bounds each read, not the request: a server that sends its headers and then
stalls, or answers one byte a second, would hold a run for as long as it likes. Here the whole
request (connecting, sending, the status line, the headers and every byte of the body) must finish
within ``timeout`` seconds, else :class:`TimeoutError`. Only the standard library is used.
"""

from __future__ import annotations

import http.client
import io
import time
from typing import Any
from urllib.parse import urlsplit

MAX_ANSWER_BYTES = 64 * 1024 * 1024  # a LanguageTool answer for the longest text is a few megabytes


class _DeadlineReader(io.RawIOBase):
    """Reads from a socket, each read waiting only for what is left of the deadline."""

    def __init__(self, sock: Any, deadline: float) -> None:
        super().__init__()
        self._sock = sock
        self._deadline = deadline

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        self._sock.settimeout(_remaining(self._deadline))
        return int(self._sock.recv_into(buffer))


class _DeadlineSocket:
    """A connected socket whose reads and writes all end by the deadline."""

    def __init__(self, sock: Any, deadline: float) -> None:
        self._sock = sock
        self._deadline = deadline

    def makefile(self, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if mode != "rb":
            raise ValueError(f"unsupported mode {mode!r}")
        return io.BufferedReader(_DeadlineReader(self._sock, self._deadline))

    def sendall(self, data: Any) -> None:
        self._sock.settimeout(_remaining(self._deadline))  # for sendall, a total: Python 3.5 and later
        self._sock.sendall(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sock, name)


def _remaining(deadline: float) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise TimeoutError("timed out")
    return left


class _Deadline:
    """Mixed into a connection class: connect within what is left, then wrap the socket."""

    deadline: float
    sock: Any
    timeout: float | None

    def connect(self) -> None:
        self.timeout = _remaining(self.deadline)
        super().connect()  # type: ignore[misc]
        self.sock = _DeadlineSocket(self.sock, self.deadline)


class _HTTPConnection(_Deadline, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Deadline, http.client.HTTPSConnection):
    pass


def request(url: str, path: str, *, timeout: float, data: bytes | None = None) -> tuple[int, bytes]:
    """GET (or POST ``data`` as a form) ``path`` under the server at ``url``; its status and body.

    Raises :class:`TimeoutError` when the whole exchange takes longer than ``timeout`` seconds,
    :class:`OSError` when the server cannot be reached or hangs up, and
    :class:`http.client.HTTPException` when what it sends is not HTTP."""
    deadline = time.monotonic() + timeout
    parts = urlsplit(url)
    connection_class = _HTTPSConnection if parts.scheme == "https" else _HTTPConnection
    connection = connection_class(parts.hostname or "localhost", parts.port, timeout=timeout)
    connection.deadline = deadline
    headers = {"Accept": "application/json"}
    if data is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
    try:
        connection.request(
            "POST" if data is not None else "GET", parts.path.rstrip("/") + path, body=data, headers=headers
        )
        response = connection.getresponse()
        body = response.read(MAX_ANSWER_BYTES + 1)
        if len(body) > MAX_ANSWER_BYTES:
            raise http.client.HTTPException(f"the answer is longer than {MAX_ANSWER_BYTES:,} bytes")
        return response.status, body
    finally:
        connection.close()
