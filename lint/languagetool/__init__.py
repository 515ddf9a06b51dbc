"""LanguageTool as a rule provider: its settings, where its jars live, and its local server.

refuso talks to a LanguageTool server through its HTTP API, each request under a deadline. The
server is either a newsroom's own (``languagetool.url``) or a local one that ``refuso languagetool
install`` fetches from Maven Central and ``refuso languagetool serve`` (or the first run that needs
it) starts.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from lint.config.schema import SECONDS

LANGUAGETOOL_VERSION = "6.8"
DEFAULT_PORT = 8010
DEFAULT_URL = f"http://127.0.0.1:{DEFAULT_PORT}"
HOME_ENV = "REFUSO_LANGUAGETOOL_HOME"
MODE_ENV = "REFUSO_LANGUAGETOOL"  # the default of languagetool.enabled where no configuration sets it
MODES = {"auto": "auto", "on": "on", "true": "on", "off": "off", "false": "off"}
DEFAULT_VARIANTS: Mapping[str, str] = MappingProxyType({"it": "it-IT", "en": "en-US"})
LEVELS = ("default", "picky")

# The ``languagetool:`` section of the configuration (JSON Schema, contributed through refuso_config_schema).
_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
CONFIG_SCHEMA: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "enabled": {
            "description": "true, false, or auto (the default): LanguageTool where it is installed",
            "enum": [True, False, "auto"],
        },
        "url": {"type": "string", "pattern": "^https?://"},
        "language_variant": {
            "description": "LanguageTool language code per article language, or one code such as en-GB",
            "oneOf": [
                {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},
                {
                    "type": "object",
                    "additionalProperties": {"type": "string", "pattern": "^[a-z]{2,3}(-[A-Za-z0-9]+)*$"},
                },
            ],
        },
        "enabled_rules": _STRINGS,
        "disabled_rules": _STRINGS,
        "disabled_categories": _STRINGS,
        "level": {"enum": list(LEVELS)},
        "autostart": {"type": "boolean"},
        "timeout": SECONDS,
        "max_text_length": {"type": "integer", "minimum": 100},
    },
}


class LanguageToolError(Exception):
    """Something about LanguageTool that the user must fix; the message says what to do."""


@dataclass(frozen=True)
class LanguageToolSettings:
    """The ``languagetool:`` table. ``mode`` is ``on``, ``off`` or ``auto`` (``enabled: true``,
    ``false``, ``auto``): auto uses LanguageTool where it is installed or a server is set or answers."""

    mode: str = "auto"
    url: str = DEFAULT_URL
    language_variant: Mapping[str, str] = field(default_factory=lambda: DEFAULT_VARIANTS)
    enabled_rules: tuple[str, ...] = ()
    disabled_rules: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()
    level: str = "default"
    timeout: float = 60.0  # seconds for one request
    max_text_length: int = 40_000  # longer texts are sent in pieces, split between paragraphs
    autostart: bool = True  # start a local server when none answers at a url on this machine

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any] | None) -> LanguageToolSettings:
        data = data or {}
        variants = dict(DEFAULT_VARIANTS)
        given = data.get("language_variant")
        if isinstance(given, str):
            variants[given.split("-")[0]] = given
        elif isinstance(given, Mapping):
            variants.update(given)
        return cls(
            mode=_mode(data["enabled"]) if "enabled" in data else default_mode(),
            url=str(data.get("url", DEFAULT_URL)).rstrip("/"),
            language_variant=MappingProxyType(variants),
            enabled_rules=tuple(data.get("enabled_rules", ())),
            disabled_rules=tuple(data.get("disabled_rules", ())),
            disabled_categories=tuple(data.get("disabled_categories", ())),
            level=str(data.get("level", "default")),
            timeout=float(data.get("timeout", 60.0)),
            max_text_length=int(data.get("max_text_length", 40_000)),
            autostart=bool(data.get("autostart", True)),
        )

    @property
    def enabled(self) -> bool:
        """Whether LanguageTool may run at all (``on`` or ``auto``)."""
        return self.mode != "off"

    def variant(self, language: str | None) -> str:
        return self.language_variant.get(language or "it", language or "it")

    def fingerprint(self) -> tuple[Any, ...]:
        """What changes LanguageTool's answers (the URL, timeout and size limit do not)."""
        return (
            tuple(sorted(self.language_variant.items())),
            tuple(sorted(self.enabled_rules)),
            tuple(sorted(self.disabled_rules)),
            tuple(sorted(self.disabled_categories)),
            self.level,
        )

    @property
    def is_local(self) -> bool:
        """Whether refuso may start the server itself: ``url`` is on this machine and ``autostart``."""
        from urllib.parse import urlsplit

        host = urlsplit(self.url).hostname or ""
        return self.autostart and host in ("127.0.0.1", "localhost", "::1")


def _mode(value: Any) -> str:
    return "on" if value is True else "off" if value is False else MODES[str(value).lower()]


def default_mode() -> str:
    """``$REFUSO_LANGUAGETOOL`` (on, off, auto), else auto."""
    given = os.environ.get(MODE_ENV, "").strip().lower()
    if not given:
        return "auto"
    if given not in MODES:
        raise LanguageToolError(
            f"${MODE_ENV} is {given!r}: set it to auto, on or off (the default of languagetool.enabled)"
        )
    return MODES[given]


def home() -> Path:
    """Where ``refuso languagetool install`` puts the jars, and where a started server keeps its log:
    ``$REFUSO_LANGUAGETOOL_HOME``, else a folder per LanguageTool version in the user's data folder
    (``$XDG_DATA_HOME/refuso``, ``~/.local/share/refuso``). Not in the cache folder: clearing the
    cache should not uninstall LanguageTool."""
    if os.environ.get(HOME_ENV):
        return Path(os.environ[HOME_ENV])
    base = os.environ.get("XDG_DATA_HOME") or os.path.join(os.path.expanduser("~"), ".local", "share")
    return Path(base) / "refuso" / "languagetool" / LANGUAGETOOL_VERSION
