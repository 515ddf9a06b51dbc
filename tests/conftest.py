"""Shared fixtures: an isolated linter, and a runner for the real command line."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from lint.api import Linter
from lint.cache import Cache

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_c6597b0d87ed5ff2.txt"
SHARED = ROOT.parent / "shared"

# LanguageTool runs by default where it is installed (languagetool.enabled: auto). The suite leaves it
# off unless a test turns it on (--languagetool, enabled: true or auto), so that refuso's own rules are
# tested on their own and the LanguageTool tests say what they need.
os.environ.setdefault("REFUSO_LANGUAGETOOL", "off")


@pytest.fixture(scope="session")
def linter() -> Linter:
    """refuso's own rules, no installed plugins, no configuration files, no cache; preview rules on."""
    from lint.config import Overrides

    return Linter(
        load_entry_points=False, isolated=True, cache=Cache(None), overrides=Overrides(preview=True)
    )


@dataclass
class Completed:
    code: int
    out: str
    err: str


@pytest.fixture(scope="session")
def cli_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One refuso cache for the command-line tests, as a user's machine has: the phrase packs' word forms
    are expanded once, not in every test. Tests about the cache itself use their own folder."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def run_cli(cli_cache: Path):
    """Run ``python -m lint`` in a subprocess, as a user would."""
    cache = cli_cache

    def run(
        *args: str,
        cwd: Path | None = None,
        stdin: str | bytes | None = None,
        env: dict[str, str] | None = None,
    ) -> Completed:
        full_env = {**os.environ, "REFUSO_CACHE_DIR": str(cache), "NO_COLOR": "1"}
        full_env.pop("GITHUB_ACTIONS", None)
        full_env.update(env or {})
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        proc = subprocess.run(
            [sys.executable, "-m", "lint", *args],
            input=data,
            capture_output=True,
            cwd=cwd or ROOT,
            env=full_env,
            timeout=300,
        )
        return Completed(proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8"))

    return run
