"""``refuso serve``: LanguageTool's HTTP API (``/v2/check``, ``/v2/languages``, ``/v2/info``) answered
with refuso's findings, so that any LanguageTool client (LibreOffice's extension, browser add-ons with a
custom server, ``language-tool-python``) shows them. When LanguageTool is on in the configuration, its
matches come too (as ``LT:`` rules), since they are part of refuso's findings.

Offsets and lengths are in UTF-16 code units, as LanguageTool sends them. The server binds to localhost
unless told otherwise, refuses a body over ``max_bytes``, answers at most ``workers`` requests at once
(others wait up to ``timeout`` seconds, then get 503), and gives each check ``timeout`` seconds (504).
"""

from __future__ import annotations

import json
import threading
import urllib.parse
from bisect import bisect_left
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from lint import __version__
from lint.findings import Finding

# refuso's categories as LanguageTool's category ids and issue types (the ITS 2.0 names it uses).
ISSUE_TYPES = {
    "punctuation": "typographical",
    "typography": "typographical",
    "duplication": "duplication",
    "title": "terminology",
    "name": "misspelling",
    "mt-phrasing": "mistranslation",
    "grammar": "grammar",
    "spelling": "misspelling",
    "style": "style",
    "consistency": "inconsistency",
}
LONG_CODES = {"it": "it-IT", "en": "en-US"}
CONTEXT_CHARACTERS = 40  # either side of a match, as LanguageTool's context


@dataclass(frozen=True)
class ServeOptions:
    host: str = "127.0.0.1"
    port: int = 8081
    max_bytes: int = 1_000_000
    workers: int = 4
    timeout: float = 60.0


class RequestError(Exception):
    def __init__(self, status: HTTPStatus, message: str) -> None:
        super().__init__(message)
        self.status = status


class Utf16Offsets:
    """Code-point offsets of a text as UTF-16 code units: each character outside the Basic
    Multilingual Plane (an emoji) before an offset counts twice."""

    def __init__(self, text: str) -> None:
        self.astral = [i for i, c in enumerate(text) if ord(c) > 0xFFFF]

    def __call__(self, offset: int) -> int:
        return offset + bisect_left(self.astral, offset)


class LanguageToolApi:
    """The answers to the API's requests, from a :class:`lint.api.Linter`. The server runs checks in
    one thread (they hold the interpreter's lock anyway), so the linter is never used by two at once."""

    def __init__(self, linter: Any) -> None:
        self.linter = linter
        self.languages = linter.plugins.languages

    def languages_answer(self) -> list[dict[str, str]]:
        return [
            {"name": language.name, "code": code, "longCode": LONG_CODES.get(code, code)}
            for code, language in self.languages.items()
        ]

    def info_answer(self) -> dict[str, Any]:
        return {"software": _software()}

    def check_answer(self, params: dict[str, str]) -> dict[str, Any]:
        text = _text_of(params)
        code = self._language(params.get("language", "auto"))
        result = self.linter.check_text(text, path="<text>", language=code)
        language = result.language or code or "it"
        wanted = {r for r in params.get("enabledRules", "").split(",") if r}
        unwanted = {r for r in params.get("disabledRules", "").split(",") if r}
        findings = [
            f
            for f in result.findings
            if f.code not in unwanted and (f.code in wanted or params.get("enabledOnly") != "true")
        ]
        utf16 = Utf16Offsets(text)
        name = self.languages[language].name if language in self.languages else language
        long_code = LONG_CODES.get(language, language)
        return {
            "software": _software(),
            "language": {
                "name": name,
                "code": long_code,
                "detectedLanguage": {"name": name, "code": long_code, "confidence": 1.0},
            },
            "matches": [_match(f, text, utf16) for f in findings],
        }

    def _language(self, value: str) -> str | None:
        if value in ("", "auto"):
            return None
        code = value.split("-", 1)[0].lower()
        if code not in self.languages:
            known = ", ".join(sorted(self.languages))
            raise RequestError(
                HTTPStatus.BAD_REQUEST, f"language {value!r} is not supported; refuso knows {known}"
            )
        return code


def _software() -> dict[str, Any]:
    return {"name": "refuso", "version": __version__, "buildDate": None, "apiVersion": 1, "premium": False}


def _text_of(params: dict[str, str]) -> str:
    """The text to check: ``text``, or the text parts of ``data`` (markup parts become spaces of
    their length, so offsets stay those of the whole document, as LanguageTool does)."""
    if "text" in params:
        return params["text"]
    if "data" not in params:
        raise RequestError(HTTPStatus.BAD_REQUEST, "missing 'text' or 'data'")
    try:
        parts = json.loads(params["data"])["annotation"]
        return "".join(
            part["text"]
            if "text" in part
            else part.get("interpretAs", "")[: len(part["markup"])].ljust(len(part["markup"]))
            for part in parts
        )
    except (ValueError, KeyError, TypeError):
        raise RequestError(HTTPStatus.BAD_REQUEST, "'data' is not LanguageTool's annotation JSON") from None


def _match(f: Finding, text: str, utf16: Utf16Offsets) -> dict[str, Any]:
    start, end = utf16(f.start), utf16(f.end)
    left = max(0, f.start - CONTEXT_CHARACTERS)
    context = text[left : f.end + CONTEXT_CHARACTERS]
    category = f.category.value
    return {
        "message": f.message,
        "shortMessage": "",
        "replacements": [{"value": s} for s in f.suggestions],
        "offset": start,
        "length": end - start,
        "context": {"text": context, "offset": utf16(f.start) - utf16(left), "length": end - start},
        "sentence": "",
        "type": {"typeName": "Other"},
        "rule": {
            "id": f.code,
            "description": f.name,
            "issueType": ISSUE_TYPES.get(category, "uncategorized"),
            "category": {"id": category.upper().replace("-", "_"), "name": category},
        },
        "ignoreForIncompleteSentence": False,
        "contextForSureMatch": 0,
    }


class _Handler(BaseHTTPRequestHandler):
    server: ApiServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        self.timeout = self.server.options.timeout  # a client that stops sending is dropped
        super().setup()

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        self._answer(path, dict(urllib.parse.parse_qsl(query, keep_blank_values=True)))

    def do_POST(self) -> None:
        path = self.path.partition("?")[0]
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if length < 0 or length > self.server.options.max_bytes:
            self.close_connection = True
            self._send(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"the request is over {self.server.options.max_bytes} bytes; send a shorter text",
            )
            return
        body = self.rfile.read(length).decode("utf-8", errors="replace")
        self._answer(path, dict(urllib.parse.parse_qsl(body, keep_blank_values=True)))

    def _answer(self, path: str, params: dict[str, str]) -> None:
        api, options = self.server.api, self.server.options
        if not self.server.slots.acquire(timeout=options.timeout):
            self._send(HTTPStatus.SERVICE_UNAVAILABLE, "refuso is busy; try again")
            return
        try:
            if path == "/v2/languages":
                self._send(HTTPStatus.OK, api.languages_answer())
            elif path == "/v2/info":
                self._send(HTTPStatus.OK, api.info_answer())
            elif path == "/v2/check":
                future = self.server.pool.submit(api.check_answer, params)
                self._send(HTTPStatus.OK, future.result(timeout=options.timeout))
            else:
                self._send(
                    HTTPStatus.NOT_FOUND,
                    f"no such endpoint: {path}; refuso answers /v2/check, /v2/languages, /v2/info",
                )
        except RequestError as exc:
            self._send(exc.status, str(exc))
        except FutureTimeout:
            self._send(HTTPStatus.GATEWAY_TIMEOUT, f"the check took more than {options.timeout:g} seconds")
        finally:
            self.server.slots.release()

    def _send(self, status: HTTPStatus, answer: Any) -> None:
        is_text = isinstance(answer, str)
        body = (answer + "\n" if is_text else json.dumps(answer, ensure_ascii=False)).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8" if is_text else "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # one line per request would drown the messages that matter


class ApiServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, api: LanguageToolApi, options: ServeOptions) -> None:
        self.api = api
        self.options = options
        self.slots = threading.BoundedSemaphore(options.workers)
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="refuso-check")
        super().__init__((options.host, options.port), _Handler)

    def server_close(self) -> None:
        super().server_close()
        self.pool.shutdown(wait=False, cancel_futures=True)
