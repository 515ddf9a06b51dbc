"""``refuso lsp``: the language server for editors (the server is :mod:`lint.lsp`, on pygls)."""

from __future__ import annotations

import argparse

from lint.cli.common import EXIT_ERROR, EXIT_OK, error


def run(args: argparse.Namespace) -> int:
    try:
        from lint.lsp import serve
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise
        error("`refuso lsp` needs pygls: install refuso with its lsp extra (pip install 'refuso[lsp]')")
        return EXIT_ERROR
    serve(config_file=args.config)
    return EXIT_OK
