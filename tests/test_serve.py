"""``refuso serve``: LanguageTool's HTTP API, driven by a real LanguageTool client (language-tool-python
in its remote mode) and by plain HTTP requests for the limits and errors."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SEED
from lint.api import Linter

MAX_BYTES = 20_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def _post(url: str, fields: dict[str, str]) -> tuple[int, bytes]:
    data = urllib.parse.urlencode(fields).encode("utf-8")
    try:
        with urllib.request.urlopen(urllib.request.Request(url, data=data), timeout=60) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``refuso serve`` on a free port, in a folder with no configuration; its base URL."""
    folder = tmp_path_factory.mktemp("serve")
    port = _free_port()
    env = {**os.environ, "REFUSO_CACHE_DIR": str(tmp_path_factory.mktemp("serve-cache")), "NO_COLOR": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "lint", "serve", "--port", str(port), "--max-bytes", str(MAX_BYTES)],
        cwd=folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if _get(f"{url}/v2/languages")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, f"refuso serve exited: {process.stderr.read()}"  # type: ignore[union-attr]
            assert time.monotonic() < deadline, "refuso serve did not answer"
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)


def test_language_tool_python_gets_refusos_findings_at_their_offsets(server: str) -> None:
    import language_tool_python

    # An emoji (two UTF-16 code units) before every finding: offsets must be in UTF-16 units on the
    # wire, which the client turns back into code points.
    text = "😀 " + SEED.read_text(encoding="utf-8")
    expected = Linter(isolated=True).check_text(text, path="<text>", language="it").findings
    assert {"DUP003", "NAM001", "TTL001", "PUN001"} <= {f.code for f in expected}

    tool = language_tool_python.LanguageTool("it", remote_server=server)
    try:
        matches = tool.check(text)
    finally:
        tool.close()
    got = [
        (m.rule_id, m.offset, text[m.offset : m.offset + m.error_length], m.message, m.replacements)
        for m in matches
    ]
    assert got == [
        (f.code, f.start, f.text, unicodedata.normalize("NFKC", f.message), list(f.suggestions))
        for f in expected
    ]
    categories = {m.rule_id: m.category for m in matches}
    assert categories["DUP003"] == "DUPLICATION" and categories["TTL001"] == "TITLE"


def test_info_languages_limits_and_errors(server: str) -> None:
    status, body = _get(f"{server}/v2/info")
    assert status == 200 and json.loads(body)["software"]["name"] == "refuso"
    status, body = _get(f"{server}/v2/languages")
    assert {"code": "it", "longCode": "it-IT", "name": "Italian"} in json.loads(body)

    status, body = _post(f"{server}/v2/check", {"text": "Il vertice,, ieri. " * 2000, "language": "it"})
    assert status == 413 and f"over {MAX_BYTES} bytes" in body.decode()
    status, body = _post(f"{server}/v2/check", {"text": "Bonjour.", "language": "fr-FR"})
    assert status == 400 and "language 'fr-FR' is not supported" in body.decode()
    status, body = _post(f"{server}/v2/check", {"language": "it"})
    assert status == 400 and "missing 'text' or 'data'" in body.decode()
    status, body = _get(f"{server}/v2/words")
    assert status == 404

    # LanguageTool's annotated text: markup is not checked, offsets are those of the whole document.
    data = {"annotation": [{"markup": "<p>"}, {"text": "Putin e Putin non verranno."}, {"markup": "</p>"}]}
    status, body = _post(f"{server}/v2/check", {"data": json.dumps(data), "language": "it-IT"})
    assert status == 200
    answer = json.loads(body)
    assert answer["language"]["code"] == "it-IT"
    assert [(m["rule"]["id"], m["offset"], m["length"]) for m in answer["matches"]] == [("DUP003", 3, 13)]


def test_serve_refuses_bad_limits(tmp_path: Path, run_cli) -> None:
    done = run_cli("serve", "--workers", "0", cwd=tmp_path)
    assert done.code == 2 and "--workers must be 1 or more" in done.err
