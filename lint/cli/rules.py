"""``refuso rules``, ``refuso explain`` and ``refuso schema``: what refuso knows, printed."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from lint.cli.common import EXIT_ERROR, EXIT_OK, error, make_linter


def _default_doc_language() -> str:
    lang = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "it" if lang.lower().startswith("it") else "en"


def rules(args: argparse.Namespace) -> int:
    from lint.api import format_rows
    from lint.yamlsource import SourceError

    try:
        linter = make_linter(args)
    except SourceError as exc:
        error(str(exc))
        return EXIT_ERROR
    if not _known_language(args, linter):
        return EXIT_ERROR
    sys.stdout.write(format_rows(linter.rules_table(args.lang), args.format))
    _report_load_problems(linter)
    return EXIT_ERROR if linter.problems or linter.plugins.failures else EXIT_OK


def _known_language(args: argparse.Namespace, linter: Any) -> bool:
    """Whether ``--lang`` names a registered language (refuso's or a plugin's); when it does not,
    the command's usage and the choices, as for any option with a fixed set of values."""
    codes = list(linter.plugins.languages)
    if args.lang is None or args.lang in codes:
        return True
    args.command_parser.print_usage(sys.stderr)
    sys.stderr.write(
        f"{args.command_parser.prog}: error: argument --lang: invalid choice: {args.lang!r} "
        f"(choose from {', '.join(map(repr, codes))})\n"
    )
    return False


def _report_load_problems(linter: Any) -> None:
    for problem in linter.problems:
        sys.stderr.write(f"refuso: error: {problem.where}: {problem.message}\n")
    for failure in linter.plugins.failures:
        sys.stderr.write(f"refuso: error: {failure.describe()}\n")


def _cwd() -> Any:
    from pathlib import Path

    return Path.cwd()


def explain(args: argparse.Namespace) -> int:
    from lint.explain import render
    from lint.yamlsource import SourceError

    try:
        linter = make_linter(args)
    except SourceError as exc:
        error(str(exc))
        return EXIT_ERROR
    if not _known_language(args, linter):
        return EXIT_ERROR
    rules = linter.rules_for(linter.finder.for_directory(_cwd()))
    name, _, entry_id = args.rule.partition("/")
    rule = rules.get(name) or rules.get(name.upper())
    if rule is None and ":" in name:
        # A namespace rule's own code (LT:WHITESPACE_RULE): the namespace rule documents it.
        namespace = rules.get(name.split(":", 1)[0].upper())
        if namespace is not None and namespace.meta.namespace:
            print(f"{name} is reported by {namespace.meta.code} ({namespace.meta.name}):\n")
            rule = namespace
    if rule is None:
        import difflib

        candidates = [*rules.codes, *(m.name for m in rules.metas())]
        close = difflib.get_close_matches(args.rule, candidates, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `refuso rules` lists them all"
        error(f"no rule named {name!r}{hint}")
        for failure in linter.plugins.failures:  # the rule may be one a failed plugin did not give
            error(failure.describe())
        return EXIT_ERROR
    language = args.lang or _default_doc_language()
    labels = linter.plugins.languages.labels(language)
    entries = list(getattr(rule, "documented_entries", ()))
    if entry_id:
        from lint.explain import render_entry

        entry = next((e for e in entries if e["id"] == entry_id), None)
        if entry is None:
            import difflib

            close = difflib.get_close_matches(entry_id, [e["id"] for e in entries], n=3)
            hint = (
                f"; did you mean {', '.join(close)}?"
                if close
                else f"; `refuso explain {rule.meta.code}` lists them"
            )
            error(f"rule {rule.meta.code} has no entry {entry_id!r}{hint}")
            return EXIT_ERROR
        sys.stdout.write(render_entry(rule.meta, entry, labels))
        return EXIT_OK
    sys.stdout.write(render(rule.meta, language, labels, entries))
    return EXIT_OK


def schema(args: argparse.Namespace) -> int:
    import json

    from lint.api import schema

    json.dump(schema(args.which), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK
