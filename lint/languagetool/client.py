"""Asking a LanguageTool server about a text, through its HTTP API (``POST /v2/check``).

Each request has a deadline, ``languagetool.timeout`` seconds for the whole of it (see
:mod:`lint.languagetool.transport`), and the first request a client makes is the check itself: no
other call (such as the list of languages) comes before it with a timeout of its own.

LanguageTool counts offsets in UTF-16 code units (Java strings); refuso counts code points, so every
offset is converted before it becomes a span. A text longer than the server accepts is sent in
pieces cut between paragraphs.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lint.languagetool import LanguageToolError, LanguageToolSettings

_LIMIT = re.compile(r"exceeds the limit of (\d+) characters")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_LINE_BREAK = re.compile(r"\n")
_SENTENCE_END = re.compile(r"[.!?…][»”\"')\]]*\s+")
MAX_SUGGESTIONS = 5


class ServerGone(LanguageToolError):
    """The server did not answer at all (refused, reset): it is down or unreachable."""


class SlowAnswer(LanguageToolError):
    """The server took longer than ``languagetool.timeout``."""


@dataclass(frozen=True, slots=True)
class LanguageToolMatch:
    """One LanguageTool match, in code-point offsets of the checked text."""

    start: int
    end: int
    rule_id: str
    sub_id: str | None
    category_id: str
    issue_type: str
    message: str
    replacements: tuple[str, ...]
    description: str

    @property
    def code(self) -> str:
        return f"LT:{self.rule_id}" + (f"[{self.sub_id}]" if self.sub_id else "")


def utf16_to_code_points(text: str) -> Any:
    """A function turning UTF-16 offsets in ``text`` into code-point offsets."""
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    if not astral:
        return lambda offset: offset
    # The k-th character outside the Basic Multilingual Plane starts at UTF-16 offset astral[k] + k.
    starts = [p + k for k, p in enumerate(astral)]

    def convert(offset: int) -> int:
        return offset - bisect.bisect_left(starts, offset)

    return convert


def utf16_length(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def pieces(text: str, limit: int) -> Iterator[tuple[int, str]]:
    """(offset, piece) covering ``text`` in pieces of at most ``limit`` UTF-16 units, cut after a
    paragraph, else after a line, else after a sentence, else anywhere."""
    if utf16_length(text) <= limit:
        yield 0, text
        return
    start = 0
    while start < len(text):
        if utf16_length(text[start:]) <= limit:
            yield start, text[start:]
            return
        window = text[start : start + limit]
        while utf16_length(window) > limit:
            window = window[: -max(1, (utf16_length(window) - limit))]
        cut = None
        for pattern in (_PARAGRAPH_BREAK, _LINE_BREAK, _SENTENCE_END):
            ends = [m.end() for m in pattern.finditer(window) if m.end() > len(window) // 4]
            if ends:
                cut = ends[-1]
                break
        if cut is None or cut <= 0:
            cut = len(window)
        yield start, text[start : start + cut]
        start += cut


class Client:
    """One language's connection to a server; ``check`` returns matches in code points."""

    def __init__(self, settings: LanguageToolSettings, variant: str) -> None:
        self.settings = settings
        self.variant = variant
        self.limit = settings.max_text_length
        self.version: str | None = None

    def _params(self, text: str) -> dict[str, str]:
        settings = self.settings
        params = {"language": self.variant, "text": text}
        if settings.disabled_rules:
            params["disabledRules"] = ",".join(settings.disabled_rules)
        if settings.enabled_rules:
            params["enabledRules"] = ",".join(settings.enabled_rules)
        if settings.disabled_categories:
            params["disabledCategories"] = ",".join(settings.disabled_categories)
        if settings.level == "picky":
            params["level"] = "picky"
        return params

    def _query(self, text: str) -> dict[str, Any]:
        import json
        import urllib.parse

        data = urllib.parse.urlencode(self._params(text)).encode("utf-8")
        status, body = _ask(self.settings, "/v2/check", data)
        if status != 200:
            said = body.decode("utf-8", "replace")
            if _LIMIT.search(said):
                raise LanguageToolError(_short(said))
            raise LanguageToolError(
                f"LanguageTool at {self.settings.url} failed: HTTP {status}: {_short(said) or 'no message'}"
            )
        try:
            answer = json.loads(body)
        except ValueError:
            answer = None
        if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
            raise LanguageToolError(f"LanguageTool at {self.settings.url} gave an answer refuso cannot read")
        software = answer.get("software") or {}
        if isinstance(software, dict) and software.get("version"):
            self.version = str(software["version"])
        return answer

    def check(self, text: str) -> list[LanguageToolMatch]:
        found: list[LanguageToolMatch] = []
        queue = list(pieces(text, self.limit))
        while queue:
            base, piece = queue.pop(0)
            try:
                answer = self._query(piece)
            except LanguageToolError as exc:
                m = _LIMIT.search(str(exc))
                if m is None:
                    raise
                # The server accepts less than we sent: remember its limit and send smaller pieces.
                limit = min(int(m.group(1)), utf16_length(piece) - 1)
                if limit < 100:
                    raise
                self.limit = limit
                queue[:0] = [(base + offset, part) for offset, part in pieces(piece, self.limit)]
                continue
            found.extend(_matches(answer, piece, base))
        return found


def _ask(settings: LanguageToolSettings, path: str, data: bytes | None) -> tuple[int, bytes]:
    """One request under ``settings.timeout``; network failures as errors that say what to do."""
    import http.client

    from lint.languagetool.transport import request

    url = settings.url
    try:
        return request(url, path, timeout=settings.timeout, data=data)
    except TimeoutError:
        raise SlowAnswer(
            f"LanguageTool at {url} did not answer within {settings.timeout:g} s (languagetool.timeout); "
            "raise the timeout or check the server's load"
        ) from None
    except (ConnectionError, http.client.RemoteDisconnected) as exc:
        raise ServerGone(f"LanguageTool at {url} stopped answering ({_short(str(exc))})") from None
    except OSError as exc:
        raise ServerGone(f"LanguageTool at {url} cannot be reached ({_short(str(exc))})") from None
    except http.client.HTTPException as exc:
        raise LanguageToolError(
            f"LanguageTool at {url} failed: {_short(str(exc)) or type(exc).__name__}"
        ) from None


def _matches(answer: dict[str, Any], text: str, base: int) -> Iterator[LanguageToolMatch]:
    convert = utf16_to_code_points(text)
    for raw in answer["matches"]:
        rule = raw.get("rule") or {}
        start = convert(int(raw["offset"]))
        end = convert(int(raw["offset"]) + int(raw["length"]))
        replacements = tuple(
            r["value"] for r in raw.get("replacements", ())[:MAX_SUGGESTIONS] if r.get("value")
        )
        yield LanguageToolMatch(
            start=base + start,
            end=base + end,
            rule_id=str(rule.get("id", "UNKNOWN")),
            sub_id=str(rule["subId"]) if rule.get("subId") not in (None, "") else None,
            category_id=str((rule.get("category") or {}).get("id", "")),
            issue_type=str(rule.get("issueType", "")),
            message=str(raw.get("message", "")),
            replacements=replacements,
            description=str(rule.get("description", "")),
        )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= 200 else text[:197] + "..."
