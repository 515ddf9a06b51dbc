"""Whether ``languagetool.enabled: auto`` uses LanguageTool in this run, decided before any file is
checked and without starting anything: a server that answers, or an installation here."""

from __future__ import annotations

import os
import socket
from urllib.parse import urlsplit

from lint.languagetool import LanguageToolSettings, home


def _listening(url: str) -> bool:
    """Whether anything accepts a connection at ``url``: refused on this machine, that costs well
    under a millisecond; the health check (HTTP) is asked only of something that listens."""
    parts = urlsplit(url)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 80), timeout=0.5):
            return True
    except OSError:
        return False


def unavailable(settings: LanguageToolSettings) -> str | None:
    """With ``enabled: auto``, why LanguageTool is left out of this run (a note for the user), or None
    when it is used: a server answers at ``url``, or LanguageTool is installed here and a local server
    may be started on demand (never in CI, where nothing would stop it: there ``serve --detach`` runs
    first). Costs a refused connection and a look at the install folder when there is no LanguageTool."""
    if _listening(settings.url):
        from lint.languagetool.server import healthy  # the HTTP client, only when something listens

        if healthy(settings.url):
            return None
    without = "so this run checked without LanguageTool"
    silence = "languagetool.enabled: false (or $REFUSO_LANGUAGETOOL=off) silences this note"
    if not settings.is_local:
        return f"no LanguageTool server answers at {settings.url}, {without}; {silence}"
    if not _installed():
        return (
            f"LanguageTool is not installed, {without}: `refuso languagetool install` adds its grammar "
            f"and spelling rules (it needs Java 17 and Maven); {silence}"
        )
    if os.environ.get("CI"):
        return (
            f"no LanguageTool server answers at {settings.url}, and in CI refuso starts none it could not "
            f"stop, {without}: run `refuso languagetool serve --detach` first; {silence}"
        )
    return None


def _installed() -> bool:
    """Whether ``refuso languagetool install`` has run here; without its manifest, nothing more to
    import or read."""
    if not (home() / "installed.json").is_file():
        return False
    from lint.languagetool.install import installation

    return installation() is not None
