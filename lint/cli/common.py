"""What the commands share: exit codes, error messages, building the linter."""

from __future__ import annotations

import argparse
import os
import sys
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
    # walking their many small objects again on every collection.
    import gc

    gc.freeze()
    return linter
