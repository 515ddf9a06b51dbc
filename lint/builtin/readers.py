"""refuso's readers: plain text, Markdown and HTML, chosen by the file's suffix."""

from __future__ import annotations

import functools

from lint.hookspecs import hookimpl

_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mkdn", ".mdwn")
_HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@functools.cache
def _reader(kind: str) -> object:
    # Readers hold no per-file state; one of each serves a whole run (the Markdown parser is costly to build).
    if kind == "markdown":
        from lint.readers.markdown import MarkdownReader

        return MarkdownReader()
    if kind == "html":
        from lint.readers.html import HtmlReader

        return HtmlReader()
    from lint.readers.plain import TextReader

    return TextReader()


@hookimpl(trylast=True)
def refuso_reader(path: str) -> object:
    lower = path.lower()
    if lower.endswith(_MARKDOWN_SUFFIXES):
        return _reader("markdown")
    if lower.endswith(_HTML_SUFFIXES):
        return _reader("html")
    return _reader("text")
