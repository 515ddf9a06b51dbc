"""``refuso serve``: LanguageTool's HTTP API on refuso's findings (the server is :mod:`lint.serve`)."""

from __future__ import annotations

import argparse
import sys

from lint.cli.common import EXIT_ERROR, EXIT_OK, error, make_linter


def run(args: argparse.Namespace) -> int:
    from lint.api import UsageError
    from lint.serve import ApiServer, LanguageToolApi, ServeOptions
    from lint.yamlsource import SourceError

    if args.max_bytes < 1 or args.workers < 1 or args.timeout <= 0:
        error("--max-bytes and --workers must be 1 or more, --timeout more than 0")
        return EXIT_ERROR
    options = ServeOptions(args.host, args.port, args.max_bytes, args.workers, args.timeout)
    try:
        api = LanguageToolApi(make_linter(args))
        server = ApiServer(api, options)
    except (UsageError, SourceError) as exc:
        error(str(exc))
        return EXIT_ERROR
    except OSError as exc:
        error(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
        return EXIT_ERROR
    host, port = server.server_address[:2]
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        sys.stderr.write(f"refuso: note: listening on {host}, so other machines can send texts to check\n")
    sys.stderr.write(f"refuso: LanguageTool's API at http://{host}:{port}/v2/ (Ctrl-C stops it)\n")
    sys.stderr.flush()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return EXIT_OK
