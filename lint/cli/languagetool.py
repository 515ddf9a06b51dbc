"""``refuso languagetool install|serve|status|stop``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from lint.languagetool import DEFAULT_PORT, LANGUAGETOOL_VERSION, home
from lint.languagetool import server as lt

EXIT_OK, EXIT_ERROR = 0, 2


def run(args: argparse.Namespace) -> int:
    try:
        if args.lt_command == "install":
            from lint.languagetool.install import install

            install(force=args.force)
            return EXIT_OK
        if args.lt_command == "serve":
            port = args.port or DEFAULT_PORT
            if args.detach:
                lt.start(port, max_text_length=args.max_text_length, warm=not args.no_warm_up)
                return EXIT_OK
            return lt.serve(port, max_text_length=args.max_text_length)
        if args.lt_command == "status":
            return _status(args)
        if args.lt_command == "stop":
            return _stop(args.port)
    except lt.LanguageToolError as exc:
        sys.stderr.write(f"refuso: error: {exc}\n")
        return EXIT_ERROR
    raise AssertionError(args.lt_command)


def _stop(port: int | None) -> int:
    """Stop the server refuso started on ``port``; without one, every server refuso started (one a
    run started by itself listens on the port of its languagetool.url, not always the default)."""
    ports = [port] if port else lt.recorded_ports()
    stopped = [p for p in ports if lt.stop(p)]
    for p in stopped:
        print(f"stopped the LanguageTool server on port {p}", file=sys.stderr)
    if not stopped:
        where = f"on port {port}" if port else f"(none is recorded in {home() / 'run'})"
        print(f"no LanguageTool server started by refuso is running {where}", file=sys.stderr)
    return EXIT_OK


def _configured_url(args: argparse.Namespace) -> str:
    if args.url:
        return str(args.url).rstrip("/")
    from lint.cache import Cache, default_directory
    from lint.config import ConfigFinder
    from lint.config.schema import assemble_schema
    from lint.languagetool import LanguageToolSettings
    from lint.plugins import make_plugins

    cache = Cache(default_directory())
    schema = assemble_schema(make_plugins(cache=cache).contributions("refuso_config_schema"))
    finder = ConfigFinder(cache, Path(args.config) if args.config else None, schema=schema)
    section = finder.for_directory(Path.cwd()).sections.get("languagetool")
    return LanguageToolSettings.from_mapping(section).url


def _status(args: argparse.Namespace) -> int:
    """Exit 0 when a server answers at the URL, 1 when none does (so scripts can wait on it)."""
    from lint.languagetool.install import installation

    found = installation()
    if found is None:
        print(
            f"installed:  no (refuso languagetool install puts LanguageTool {LANGUAGETOOL_VERSION} in {home()})"
        )
    else:
        print(f"installed:  LanguageTool {found.version}, {found.jars} jars in {found.folder}")
    url = _configured_url(args)
    if lt.healthy(url):
        version = lt.server_version(url)
        pid = (
            lt.running_pid(lt.port_of(url))
            if url.startswith(("http://127.0.0.1", "http://localhost"))
            else None
        )
        started = f", started by refuso (process {pid})" if pid else ""
        print(f"server:     {url} answers (LanguageTool {version or '?'}{started})")
        return EXIT_OK
    print(f"server:     nothing answers at {url}")
    return 1
