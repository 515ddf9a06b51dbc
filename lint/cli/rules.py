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
    import json

    from lint.yamlsource import SourceError

    try:
        linter = make_linter(args)
    except SourceError as exc:
        error(str(exc))
        return EXIT_ERROR
    metas = [
        m
        for m in linter.rules_for(linter.finder.for_directory(_cwd())).metas()
        if args.lang is None or m.applies_to(args.lang)
    ]
    if args.format == "json":
        out = [
            {
                "code": m.code,
                "name": m.name,
                "aliases": list(m.aliases),
                "category": m.category.value,
                "severity": str(m.severity),
                "languages": sorted(m.languages) if m.languages else None,
                "fix": m.fix.value if m.fix else None,
                "preview": m.preview,
                "plugin": m.plugin,
                "origin": m.origin,
            }
            for m in metas
        ]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        rows = [("CODE", "NAME", "CATEGORY", "SEVERITY", "LANGUAGES", "FIX", "FROM")]
        for m in metas:
            rows.append(
                (
                    m.code + (" (preview)" if m.preview else ""),
                    m.name,
                    m.category.value,
                    str(m.severity),
                    ",".join(sorted(m.languages)) if m.languages else "all",
                    m.fix.value if m.fix else "-",
                    m.origin if m.plugin == "refuso" and m.origin else m.plugin,
                )
            )
        widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
        for r in rows:
            sys.stdout.write("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() + "\n")
    _report_load_problems(linter)
    return EXIT_ERROR if linter.problems or linter.plugins.failures else EXIT_OK


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

    if args.which == "config":
        from lint.config.schema import assemble_schema
        from lint.plugins import make_plugins

        schema = assemble_schema(make_plugins().contributions("refuso_config_schema"))
    elif args.which == "kb":
        from lint.kb.schema import KB_SCHEMA

        schema = KB_SCHEMA
    elif args.which == "output":
        from lint.formatters.json import OUTPUT_SCHEMA

        schema = OUTPUT_SCHEMA
    else:
        from lint.packs import KINDS
        from lint.packs.schema import PACK_SCHEMA, rule_schema

        schema = dict(PACK_SCHEMA)
        schema["properties"] = dict(schema["properties"])
        schema["properties"]["rules"] = {
            "type": "array",
            "items": {
                "oneOf": [
                    {
                        **rule_schema(cls.PROPERTIES, cls.REQUIRED),
                        "properties": {
                            **rule_schema(cls.PROPERTIES, cls.REQUIRED)["properties"],
                            "kind": {"const": kind},
                        },
                    }
                    for kind, cls in KINDS.items()
                ]
            },
        }
    json.dump(schema, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK
