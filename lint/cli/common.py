"""What the commands share: exit codes, error messages, building the linter."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Mapping
from typing import Any

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


def error(message: str) -> None:
    from lint.paths import printable

    sys.stderr.write(f"refuso: error: {printable(message)}\n")


def silence_stdout() -> None:
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def make_linter(args: argparse.Namespace, overrides: Any = None, **extra: Any) -> Any:
    from lint.api import Linter
    from lint.cache import Cache, default_directory

    cache = Cache(None) if getattr(args, "no_cache", False) else Cache(default_directory())
    linter = Linter(config_file=getattr(args, "config", None), overrides=overrides, cache=cache, **extra)
    # The rules and the knowledge base live as long as the process: keep the garbage collector from
    # walking their many small objects again on every collection (the rules are loaded only when a
    # file is checked rather than served from the results cache).
    import gc

    gc.freeze()
    linter.after_loading_rules = gc.freeze
    return linter


class RuleMetas(Mapping[str, Any]):
    """The linter's rules by code, loaded the first time a report reads them: most formats never
    do, and a run whose results all come from the cache loads no rule."""

    def __init__(self, linter: Any) -> None:
        self._linter = linter
        self._metas: dict[str, Any] | None = None

    def _loaded(self) -> dict[str, Any]:
        if self._metas is None:
            self._metas = {m.code: m for m in self._linter.base_rules.metas()}
        return self._metas

    def __getitem__(self, code: str) -> Any:
        return self._loaded()[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())
