"""refuso's own plugin: the built-in rule packs, Python checks, readers and formatters.

Registered through the same hooks as any outside plugin (see :mod:`lint.hookspecs`).
"""

from __future__ import annotations

import functools
from pathlib import Path

from lint.hookspecs import hookimpl

_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


def builtin_rules_dir() -> Path:
    """The packaged ``rules`` folder: ``lint/data/rules`` when installed, ``rules/`` beside ``lint/`` in a checkout."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "data" / "rules", here.parent / "rules"):
        if (candidate / "common").is_dir():
            return candidate
    raise FileNotFoundError("refuso's rule packs are missing from the installation")


@hookimpl
def refuso_rule_packs() -> list[str]:
    return [str(builtin_rules_dir())]


@hookimpl
def refuso_rules() -> list[object]:
    from lint.checks import (
        duplication,
        languagetool,
        mt,
        organisations,
        people,
        punctuation,
        suppression,
        translation,
        typography,
    )

    return [
        *punctuation.RULES,
        *duplication.RULES,
        *suppression.RULES,
        *people.RULES,
        *organisations.RULES,
        *translation.RULES,
        *typography.RULES,
        *mt.RULES,
        *languagetool.RULES,
    ]


@hookimpl
def refuso_kb_files() -> list[str]:
    return [str(builtin_rules_dir() / "kb")]


@functools.cache
def _reader(kind: str) -> object:
    # Readers hold no per-file state; one of each serves a whole run (the Markdown parser is costly to build).
    if kind == "markdown":
        from lint.readers.markdown import MarkdownReader

        return MarkdownReader()
    if kind == "html":
        from lint.readers.html import HtmlReader

        return HtmlReader()
    from lint.readers.text import TextReader

    return TextReader()


@hookimpl(trylast=True)
def refuso_reader(path: str) -> object:
    lower = path.lower()
    if lower.endswith(_MARKDOWN_SUFFIXES):
        return _reader("markdown")
    if lower.endswith(_HTML_SUFFIXES):
        return _reader("html")
    return _reader("text")


@hookimpl
def refuso_formatters() -> dict[str, object]:
    from lint.formatters.github import GithubFormatter
    from lint.formatters.gitlab import GitlabFormatter
    from lint.formatters.html import HtmlFormatter
    from lint.formatters.json import JsonFormatter, JsonLinesFormatter
    from lint.formatters.junit import JunitFormatter
    from lint.formatters.sarif import SarifFormatter
    from lint.formatters.text import ConciseFormatter, TextFormatter

    return {
        "text": TextFormatter(),
        "concise": ConciseFormatter(),
        "json": JsonFormatter(),
        "json-lines": JsonLinesFormatter(),
        "sarif": SarifFormatter(),
        "github": GithubFormatter(),
        "gitlab": GitlabFormatter(),
        "junit": JunitFormatter(),
        "html": HtmlFormatter(),
    }
