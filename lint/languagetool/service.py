"""LanguageTool for one run: answers from the disk cache when it has them, else from the server.

Answers are cached by (text, language variant, LanguageTool version, LanguageTool settings), so a
pre-commit run over unchanged files neither calls nor starts a server. The version a server reports
is remembered per URL for a day, which is what lets a cached answer be found before any request.
"""

from __future__ import annotations

import hashlib
import sys
import time
from typing import Any

from lint.cache import Cache
from lint.languagetool import LanguageToolError, LanguageToolSettings
from lint.languagetool.client import Client, LanguageToolMatch, ServerGone
from lint.languagetool.server import ensure_running

ANSWERS = "languagetool"
VERSIONS = "languagetool-version"
VERSION_TTL = 24 * 3600.0  # seconds a server's reported version is trusted without asking again


class LanguageToolService:
    """Checks texts with LanguageTool for one configuration. Safe to fork: clients are made lazily."""

    def __init__(self, settings: LanguageToolSettings, cache: Cache, log: Any = None) -> None:
        self.settings = settings
        self.cache = cache
        self.log = log if log is not None else sys.stderr
        self._clients: dict[str, Client] = {}
        self._failure: str | None = None  # set when the server is gone: later files fail at once
        self._started = False
        self.requests = 0  # texts sent to the server in this process (for tests and benchmarks)

    def _known_version(self) -> str | None:
        found = self.cache.get(VERSIONS, self.settings.url)
        if not found:
            return None
        version, when = found
        return str(version) if time.time() - float(when) < VERSION_TTL else None

    def _remember_version(self, version: str) -> None:
        self.cache.put(VERSIONS, self.settings.url, (version, time.time()))

    def _key(self, version: str, variant: str, text: str) -> tuple[Any, ...]:
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        return (version, variant, self.settings.fingerprint(), digest)

    def _client(self, variant: str) -> Client:
        if variant not in self._clients:
            if not self._started:
                ensure_running(self.settings.url, local=self.settings.is_local, log=self.log)
                self._started = True
            self._clients[variant] = Client(self.settings, variant)
        return self._clients[variant]

    def check(self, text: str, language: str | None) -> list[LanguageToolMatch]:
        variant = self.settings.variant(language)
        version = self._known_version()
        if version is not None:
            cached = self.cache.get(ANSWERS, self._key(version, variant, text))
            if cached is not None:
                return list(cached)
        if self._failure is not None:
            raise LanguageToolError(self._failure)
        try:
            matches, client = self._ask(variant, text)
        except ServerGone as exc:
            if not self.settings.is_local:
                self._failure = f"{exc}; this file and the rest were not checked by LanguageTool"
                raise LanguageToolError(self._failure) from None
            # A local server that died is started again, once.
            self._clients.clear()
            self._started = False
            try:
                matches, client = self._ask(variant, text)
            except LanguageToolError as again:
                self._failure = f"{again}; this file and the rest were not checked by LanguageTool"
                raise LanguageToolError(self._failure) from None
        if client.version:
            if client.version != version:
                self._remember_version(client.version)
            self.cache.put(ANSWERS, self._key(client.version, variant, text), tuple(matches))
        return matches

    def _ask(self, variant: str, text: str) -> tuple[list[LanguageToolMatch], Client]:
        client = self._client(variant)
        self.requests += 1
        return client.check(text), client
