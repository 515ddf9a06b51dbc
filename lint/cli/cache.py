"""``refuso cache dir`` and ``refuso cache clean``: where refuso keeps what it can compute again, and
emptying it."""

from __future__ import annotations

import argparse
import sys

from lint.cache import Cache, default_directory
from lint.cli.common import EXIT_OK
from lint.paths import printable


def run(args: argparse.Namespace) -> int:
    folder = default_directory()
    if args.cache_command == "dir":
        sys.stdout.write(f"{printable(str(folder))}\n")
        return EXIT_OK
    removed = Cache(folder).clean()
    sys.stderr.write(
        f"removed {removed} cache {'entry' if removed == 1 else 'entries'} from {printable(str(folder))}\n"
    )
    return EXIT_OK
