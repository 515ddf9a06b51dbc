"""HTML, read with the standard library's tolerant ``html.parser``.

Prose is the text of the ``<body>`` (or of the whole file when it has none): paragraphs, headings, list
items, table cells, quotations. Left out: ``<head>``, scripts, styles, ``<pre>``, ``<code>`` and other
non-prose elements, and tag markup itself. Entities map as a unit to their source.
"""

from __future__ import annotations

import html
from array import array
from html.parser import HTMLParser

from lint.document import Directive, Document, LineIndex, ProseBuilder
from lint.readers import directive_at, make_document, read_front_matter
from lint.readers.front_prose import add_front_matter_prose

# Elements whose content is not prose. Inline ones become U+FFFC in the prose, so the words on either
# side never run together; the others end the paragraph.
SKIP_INLINE = frozenset(["code", "kbd", "samp", "var", "svg", "math", "object", "iframe"])
SKIP = (
    frozenset(["head", "script", "style", "pre", "noscript", "template", "textarea", "select", "option"])
    | SKIP_INLINE
)
VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
BLOCK_KIND = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "li": "list",
    "dt": "list",
    "dd": "list",
    "td": "table",
    "th": "table",
    "caption": "table",
    "blockquote": "blockquote",
}
BLOCKS = frozenset(
    [
        "p",
        "div",
        "section",
        "article",
        "header",
        "footer",
        "main",
        "aside",
        "nav",
        "figure",
        "figcaption",
        "address",
        "details",
        "summary",
        "ul",
        "ol",
        "dl",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "hr",
        "form",
        "fieldset",
        "legend",
        "body",
        "html",
    ]
) | frozenset(BLOCK_KIND)
PLACEHOLDER = "\ufffc"


class _Parser(HTMLParser):
    def __init__(self, source: str, lines: LineIndex, start: int) -> None:
        super().__init__(convert_charrefs=False)
        self.source = source
        self.lines = lines
        self.base = start
        # HTMLParser counts lines by "\n" only; keep our own index of those to get absolute offsets.
        starts = array("q", [0])
        text = source[start:]
        i = text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        self.nl_starts = starts
        self.builder = ProseBuilder()
        self.directives: list[Directive] = []
        self.skip_stack: list[str] = []
        self.skip_start: int | None = None  # where a skipped inline element began
        self.kinds: list[str] = []
        self.in_block = False
        self.previous_end: int | None = None

    def source_offset(self) -> int:
        line, col = self.getpos()
        return self.base + self.nl_starts[min(line, len(self.nl_starts)) - 1] + col

    def kind(self) -> str:
        for wanted in ("heading", "table", "blockquote", "list"):
            if wanted in self.kinds:
                return wanted
        return "paragraph"

    def break_block(self) -> None:
        if self.in_block:
            self.builder.end_block()
            self.in_block = False

    def ensure_block(self, at: int) -> None:
        if not self.in_block:
            if self.previous_end is not None:
                self.builder.add_separator(self.previous_end)
            self.builder.begin_block(self.kind())
            self.in_block = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP:
            if not self.skip_stack:
                if tag in SKIP_INLINE and self.in_block:
                    self.skip_start = self.source_offset()
                else:
                    self.skip_start = None
                    self.break_block()
            self.skip_stack.append(tag)
            return
        if self.skip_stack:
            return
        if tag in BLOCKS or tag == "br":
            if tag == "br" and self.in_block:
                at = self.source_offset()
                raw = self.get_starttag_text() or ""
                self.builder.add_mapped(at, len(raw), "\n")
                self.previous_end = at + len(raw)
                return
            self.break_block()
            if tag in BLOCK_KIND:
                self.kinds.append(BLOCK_KIND[tag])
        elif tag == "img" and self.in_block:
            at = self.source_offset()
            raw = self.get_starttag_text() or ""
            self.builder.add_mapped(at, len(raw), PLACEHOLDER)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIP or self.skip_stack:
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.skip_stack:
            if tag in self.skip_stack:
                while self.skip_stack and self.skip_stack.pop() != tag:
                    pass
                if not self.skip_stack and self.skip_start is not None:
                    end = self.source_offset() + len(f"</{tag}>")
                    end_tag = self.source.find(">", self.source_offset())
                    if end_tag >= 0:
                        end = end_tag + 1
                    self.builder.add_mapped(self.skip_start, end - self.skip_start, PLACEHOLDER)
                    self.previous_end = end
                    self.skip_start = None
            return
        if tag in BLOCKS:
            self.break_block()
            if tag in BLOCK_KIND and BLOCK_KIND[tag] in self.kinds:
                self.kinds.remove(BLOCK_KIND[tag])

    def handle_data(self, data: str) -> None:
        if self.skip_stack or not data:
            return
        at = self.source_offset()
        if not self.in_block and not data.strip():
            return
        self.ensure_block(at)
        if self.source.startswith(data, at):
            self.builder.add_source(at, data)
        else:
            self.builder.add_mapped(at, 0, data)
        self.previous_end = at + len(data)

    def _reference(self, raw: str, text: str) -> None:
        if self.skip_stack:
            return
        at = self.source_offset()
        length = len(raw) if self.source.startswith(raw, at) else len(raw) - 1
        self.ensure_block(at)
        self.builder.add_mapped(at, length, text)
        self.previous_end = at + length

    def handle_entityref(self, name: str) -> None:
        self._reference(f"&{name};", html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._reference(f"&#{name};", html.unescape(f"&#{name};"))

    def handle_comment(self, data: str) -> None:
        at = self.source_offset()
        if self.in_block and not self.skip_stack:
            self.builder.add_mapped(at, len(data) + 7, PLACEHOLDER)
            self.previous_end = at + len(data) + 7
        directive = directive_at(data, at, at + len(data) + 7, self.lines)
        if directive is not None:
            self.directives.append(directive)


class HtmlReader:
    name = "html"

    def read(self, path: str, source: str) -> Document:
        front = read_front_matter(path, source)
        start = front.end if front else 0
        lines = LineIndex(source)
        parser = _Parser(source, lines, start)
        if front:
            parser.previous_end = add_front_matter_prose(parser.builder, source, front.data, front.end)
        parser.feed(source[start:])
        parser.close()
        parser.break_block()
        return make_document(
            path,
            source,
            parser.builder.build(),
            reader=self.name,
            front_matter=front,
            directives=tuple(parser.directives),
            lines=lines,
        )
