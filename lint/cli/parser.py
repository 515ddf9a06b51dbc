"""The ``refuso`` command line's arguments: one parser, a subcommand per command."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from typing import Any

from lint import __version__


def _selector_list(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in the form YYYY-MM-DD") from None


def _language(value: str) -> str:
    from lint.readers import normalise_language

    if value == "auto":
        return value
    code = normalise_language(value)
    if code is None:
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code (it, en, fr-CH) or auto")
    return code


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 (automatic) or more")
    return n


class _FormatAction(argparse.Action):
    """``--format NAME``: a new report, written to standard output unless an --output-file follows."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        outputs = list(getattr(namespace, self.dest, None) or [])
        outputs.append([values, None])
        setattr(namespace, self.dest, outputs)


class _OutputFileAction(argparse.Action):
    """``--output-file PATH``: where the report of the last --format goes."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        outputs = list(getattr(namespace, self.dest, None) or [])
        if outputs and outputs[-1][1] is None:
            outputs[-1] = [outputs[-1][0], values]
        else:
            outputs.append([None, values])  # the default format, to this file
        setattr(namespace, self.dest, outputs)


def _close(word: str, candidates: list[str]) -> list[str]:
    import difflib

    return difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)


def _did_you_mean(close: list[str]) -> str:
    return f" (did you mean {' or '.join(close)}?)" if close else ""


class Parser(argparse.ArgumentParser):
    """argparse with "did you mean" for a mistyped option or command (Python 3.11's argparse has none)."""

    def parse_args(self, args=None, namespace=None):  # type: ignore[no-untyped-def, override]
        namespace, extras = self.parse_known_args(args, namespace)
        if extras:
            # An unknown option is reported by the top parser, which does not know the subcommand's
            # options: look for close ones in the parsers the command line went through.
            options = [o for parser in self._chosen(namespace) for o in _option_strings(parser)]
            described = []
            for extra in extras:
                name = extra.split("=", 1)[0]
                close = _close(name, options) if name.startswith("-") else []
                described.append(extra + _did_you_mean(close))
            self.error(f"unrecognized arguments: {' '.join(described)}")
        return namespace

    def _chosen(self, namespace: argparse.Namespace) -> list[argparse.ArgumentParser]:
        chosen, parser = [self], self
        while (sub := _subparsers(parser)) is not None:
            name = getattr(namespace, sub.dest, None)
            if name not in sub.choices:
                break
            parser = sub.choices[name]
            chosen.append(parser)
        return chosen

    def error(self, message: str):  # type: ignore[no-untyped-def]
        wrong = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)$", message)
        if wrong is not None:
            message += _did_you_mean(_close(wrong.group(1), re.findall(r"'([^']*)'", wrong.group(2))))
        super().error(message)


def _subparsers(parser: argparse.ArgumentParser) -> Any:
    return next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)


def _option_strings(parser: argparse.ArgumentParser) -> list[str]:
    return [o for action in parser._actions for o in action.option_strings if o.startswith("--")]


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="refuso",
        description="A linter for the text of articles: broken punctuation, duplicated names, wrong titles, "
        "machine-translated phrasing.",
    )
    parser.add_argument("--version", action="version", version=f"refuso {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="check files, folders or standard input")
    check.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="files or folders to check ('-' for standard input; default: .)",
    )
    check.add_argument(
        "--lang",
        type=_language,
        metavar="LANG",
        help="language of the text: it, en, or auto (the default; front matter 'lang:' wins). In another "
        "language only the rules for every language run (punctuation, typography), with a note",
    )
    check.add_argument(
        "--select",
        type=_selector_list,
        action="append",
        metavar="RULES",
        help="run only these rules: codes, code prefixes, names, categories or ALL (comma-separated)",
    )
    check.add_argument(
        "--extend-select",
        type=_selector_list,
        action="append",
        default=[],
        metavar="RULES",
        help="run these rules in addition to the selected ones",
    )
    check.add_argument(
        "--ignore",
        type=_selector_list,
        action="append",
        default=[],
        metavar="RULES",
        help="do not run these rules",
    )
    check.add_argument("--preview", action="store_true", default=None, help="also run preview rules")
    check.add_argument(
        "--format",
        dest="outputs",
        action=_FormatAction,
        metavar="FORMAT",
        help="output format: text (default; github when GITHUB_ACTIONS is set), concise, json, json-lines, "
        "sarif, github, gitlab, junit, html, or one from a plugin. Repeat it, each with its own "
        "--output-file, to write several reports in one run",
    )
    check.add_argument(
        "--output-file",
        "-o",
        dest="outputs",
        action=_OutputFileAction,
        metavar="PATH",
        help="write the report of the --format before it (or of the default format) to PATH instead of "
        "standard output",
    )
    check.add_argument(
        "--fail-level",
        choices=["error", "warning", "info"],
        help="lowest severity that makes the exit code 1 (default: error)",
    )
    check.add_argument("--exit-zero", action="store_true", help="exit with 0 even when there are findings")
    check.add_argument(
        "--config", metavar="FILE", help="use this configuration file instead of searching for one"
    )
    check.add_argument("--isolated", action="store_true", help="ignore all configuration files")
    check.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=0,
        metavar="N",
        help="check files in N processes (default 0: automatic)",
    )
    check.add_argument(
        "--dask-scheduler",
        metavar="ADDRESS",
        help="check the files on a Dask cluster: a scheduler's address (tcp://host:8786), or local:N "
        "for a local cluster of N worker processes (needs the dask extra; see docs/dask.md)",
    )
    check.add_argument(
        "--stdin-filename",
        metavar="NAME",
        help="the name of the file read from standard input (picks the reader and the configuration)",
    )
    check.add_argument(
        "--date", type=_date, metavar="YYYY-MM-DD", help="the date of the articles, when they do not say"
    )
    check.add_argument(
        "--encoding", metavar="CODEC", help="read files in this encoding instead of UTF-8 (e.g. cp1252)"
    )
    check.add_argument("--statistics", action="store_true", help="show how many findings each rule produced")
    check.add_argument(
        "--show-settings",
        metavar="FILE",
        help="print the settings that apply to FILE (configuration, per-file entries, rules) and exit",
    )
    check.add_argument(
        "--show-files",
        action="store_true",
        help="list the files a check would read, after include, exclude and .gitignore, and exit",
    )
    check.add_argument(
        "--timings",
        action="store_true",
        help="write a table of the time each rule took, its findings and documents to standard error",
    )
    check.add_argument(
        "--no-source", dest="show_source", action="store_false", help="do not show the source lines"
    )
    check.add_argument(
        "--color", choices=["auto", "always", "never"], default="auto", help="colour the output"
    )
    check.add_argument("--no-cache", action="store_true", help="do not read or write refuso's cache")
    check.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show files done, MB/s and the time left on standard error during long runs "
        "(default: on a terminal, outside CI)",
    )
    check.add_argument(
        "--fix",
        action="store_true",
        help="apply safe fixes (typography only) to the files; with '-', write the fixed text to standard output",
    )
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply fixes that change words"
    )
    check.add_argument(
        "--diff",
        action="store_true",
        help="show the changes --fix would make, as a unified diff, and write nothing",
    )
    check.add_argument(
        "--languagetool",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="run LanguageTool's grammar and spelling rules, or fail (languagetool.enabled: true); "
        "--no-languagetool turns them off; by default they run where LanguageTool is installed",
    )
    check.add_argument(
        "--languagetool-url",
        metavar="URL",
        help="the LanguageTool server to use (languagetool.url; default http://127.0.0.1:8010)",
    )

    rules = commands.add_parser("rules", help="list every rule")
    rules.add_argument(
        "--format",
        choices=["text", "json", "markdown"],
        default="text",
        help="text (default), json, or markdown (the table of docs/rules.md)",
    )
    rules.add_argument(
        "--lang", metavar="LANG", help="show only the rules for this language (it, en, or one a plugin adds)"
    )
    rules.set_defaults(command_parser=rules)
    rules.add_argument("--config", metavar="FILE", help="include the rule packs of this configuration")

    explain = commands.add_parser("explain", help="show a rule's documentation and examples")
    explain.add_argument(
        "rule",
        metavar="CODE",
        help="a rule code or name, e.g. PUN001 or doubled-punctuation; CODE/ENTRY for one entry of a phrase rule",
    )
    explain.add_argument(
        "--lang", metavar="LANG", help="language of the documentation (it, en, or one a plugin adds)"
    )
    explain.set_defaults(command_parser=explain)
    explain.add_argument("--config", metavar="FILE", help="include the rule packs of this configuration")

    kb = commands.add_parser(
        "kb", help="check the knowledge base of people and organisations, or look up a name"
    )
    kb_commands = kb.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)
    kb_check = kb_commands.add_parser(
        "check", help="validate the built-in KB, the configured KB files and FILES"
    )
    kb_check.add_argument("files", nargs="*", metavar="FILE")
    kb_check.add_argument("--config", metavar="FILE", help="include the KB files of this configuration")
    kb_find = kb_commands.add_parser("find", help="what the KB knows about a name")
    kb_find.add_argument("name", nargs="+")
    kb_find.add_argument("--config", metavar="FILE")

    cache = commands.add_parser("cache", help="show where refuso's cache is, or empty it")
    cache_commands = cache.add_subparsers(dest="cache_command", metavar="CACHE_COMMAND", required=True)
    cache_commands.add_parser("dir", help="print the cache folder ($REFUSO_CACHE_DIR, or ~/.cache/refuso)")
    cache_commands.add_parser(
        "clean", help="remove every cached entry (results, packs, configuration, LanguageTool's answers)"
    )

    languagetool = commands.add_parser(
        "languagetool", help="install, start, stop or inspect the local LanguageTool server"
    )
    lt_commands = languagetool.add_subparsers(dest="lt_command", metavar="LT_COMMAND", required=True)
    lt_install = lt_commands.add_parser(
        "install", help="fetch LanguageTool (Italian and English) from Maven Central; needs Java 17 and Maven"
    )
    lt_install.add_argument("--force", action="store_true", help="fetch again even when installed")
    lt_serve = lt_commands.add_parser("serve", help="run a LanguageTool server on localhost")
    lt_serve.add_argument("--port", type=int, default=None, help="port to listen on (default 8010)")
    lt_serve.add_argument(
        "--detach", action="store_true", help="start it in the background and return once it answers"
    )
    lt_serve.add_argument(
        "--max-text-length", type=int, metavar="N", help="refuse texts longer than N characters"
    )
    lt_serve.add_argument(
        "--no-warm-up",
        action="store_true",
        help="with --detach: return as soon as it answers, before loading the Italian and English rules",
    )
    lt_status = lt_commands.add_parser("status", help="what is installed and whether a server answers")
    lt_status.add_argument("--url", help="the server to ask (default: languagetool.url, or the local one)")
    lt_status.add_argument("--config", metavar="FILE", help="read languagetool.url from this configuration")
    lt_stop = lt_commands.add_parser("stop", help="stop the servers `serve --detach` or a run started")
    lt_stop.add_argument(
        "--port", type=int, default=None, help="stop only the one on this port (default: every one, any port)"
    )

    serve = commands.add_parser(
        "serve",
        help="answer LanguageTool's HTTP API (/v2/check) with refuso's findings, for LanguageTool clients",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)"
    )
    serve.add_argument(
        "--port", type=int, default=8081, help="port to listen on (default 8081, LanguageTool's)"
    )
    serve.add_argument(
        "--max-bytes", type=int, default=1_000_000, metavar="N", help="refuse requests over N bytes"
    )
    serve.add_argument(
        "--workers", type=int, default=4, metavar="N", help="answer at most N requests at once"
    )
    serve.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="the longest a request may wait or take",
    )
    serve.add_argument(
        "--config", metavar="FILE", help="use this configuration file instead of searching for one"
    )

    lsp = commands.add_parser(
        "lsp", help="run the language server for editors, on standard input and output (needs the lsp extra)"
    )
    lsp.add_argument("--stdio", action="store_true", help="talk over standard input and output (the default)")
    lsp.add_argument(
        "--config", metavar="FILE", help="use this configuration file for every document instead of searching"
    )

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of rule packs, of the configuration, or of the JSON output"
    )
    schema.add_argument("which", choices=["pack", "config", "output", "kb"])
    return parser
