"""Markdown, parsed with markdown-it-py (CommonMark, plus tables and strikethrough).

Prose is the text of paragraphs, headings, list items, block quotes and table cells, and the front
matter's ``title:`` and ``description:``. Left out: the rest of the front matter, fenced and indented code, inline code, HTML blocks, link destinations and autolinks, images.
markdown-it gives block tokens line ranges but no positions inside a line, so each inline token's text
is aligned with the source lines it came from; escapes and entities map as a unit to their source.
Inline code and images become U+FFFC in the prose, so words on either side never run together.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from lint.document import Directive, Document, LineIndex, ProseBuilder
from lint.findings import Problem
from lint.readers import directive_at, make_document, read_front_matter
from lint.readers.front_prose import add_front_matter_prose
from lint.suppression import COMMENT

PLACEHOLDER = "\ufffc"
_BLOCK_KINDS = {"heading_open": "heading", "blockquote_open": "blockquote"}
# The block-quote and list markers at the start of a line nested too deep for the parser.
_CONTAINER_MARKS = re.compile(r"(?:[ \t]*(?:>|[-+*](?=[ \t]|$)|[0-9]{1,9}[.)](?=[ \t]|$)))*[ \t]*")
_LIST_MARK = re.compile(r"[-+*]|[0-9][.)]")


def _parser() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
    md.core.ruler.disable("text_join")  # keep escapes and entities as their own tokens
    return md


_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")


def markdown_breaks(text: str, start: int, end: int) -> Iterator[int]:
    """Paragraph breaks that leave Markdown's structure whole: not inside a fenced code block or
    an HTML comment, and not before an indented line (a list item's next paragraph, indented code)."""
    fence: tuple[str, int] | None = None
    comment = False
    blank_before = False
    for m in _LINE.finditer(text, start, end):
        line = m.group().rstrip("\r\n")
        blank = not line.strip()
        if (
            blank_before
            and not blank
            and fence is None
            and not comment
            and m.start() > start
            and line[0] not in " \t"
        ):
            yield m.start()
        if fence is not None:
            f = _FENCE.match(line)
            if (
                f
                and f.group(1)[0] == fence[0]
                and len(f.group(1)) >= fence[1]
                and not line[f.end() :].strip()
            ):
                fence = None
        else:
            f = _FENCE.match(line)
            if f and not (f.group(1)[0] == "`" and "`" in line[f.end() :]):
                fence = (f.group(1)[0], len(f.group(1)))
            elif comment:
                if "-->" in line:
                    comment = line.rfind("<!--") > line.rfind("-->")
            elif "<!--" in line:
                comment = line.rfind("<!--") > line.rfind("-->")
        blank_before = blank


class _Aligner:
    """Maps offsets in an inline token's content to offsets in the source."""

    def __init__(
        self,
        content: str,
        first_line: int,
        lines: LineIndex,
        cell_from: int | None = None,
        last_line: int | None = None,
    ) -> None:
        self.content_starts: list[int] = []
        self.source_starts: list[int] = []
        pos = 0
        line_no = first_line + 1  # 1-based; the source line the next content line should come from
        last = min(last_line if last_line is not None else lines.line_count, lines.line_count)
        for piece in content.split("\n"):
            line_no = min(line_no, lines.line_count)
            # markdown-it strips whitespace-only lines (a lone vertical tab, say) from the start of a
            # paragraph: if the piece is not on the expected line, it is on a following one.
            candidate = line_no
            while candidate < last and piece and piece not in lines.line_text(candidate):
                candidate += 1
            if piece and piece in lines.line_text(candidate):
                line_no = candidate
            text = lines.line_text(line_no)
            if cell_from is not None:
                k = text.find(piece, cell_from)
            else:
                k = text.rfind(piece) if piece else len(text)
            if k < 0:
                k = max(0, len(text) - len(piece))
            self.content_starts.append(pos)
            self.source_starts.append(lines.line_start(line_no) + k)
            pos += len(piece) + 1
            line_no += 1

    def __call__(self, offset: int) -> int:
        i = bisect_right(self.content_starts, offset) - 1
        return self.source_starts[i] + (offset - self.content_starts[i])


def _skip_link_tail(content: str, c: int) -> int:
    """Offset just past ``](destination "title")`` or ``][label]`` starting at a link's ``]``."""
    if c >= len(content) or content[c] != "]":
        j = content.find("]", c)
        if j < 0:
            return c
        c = j
    c += 1
    if c < len(content) and content[c] == "(":
        depth, i = 0, c
        while i < len(content):
            ch = content[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
            i += 1
        return c
    if c < len(content) and content[c] == "[":
        j = content.find("]", c)
        return j + 1 if j >= 0 else c
    return c


class MarkdownReader:
    name = "markdown"
    # A large file is checked in windows cut at blank lines that leave its structure whole (lint.engine.windows).
    safe_breaks = staticmethod(markdown_breaks)

    def __init__(self) -> None:
        self._md: Any = None

    def read(self, path: str, source: str) -> Document:
        front = read_front_matter(path, source)
        lines = LineIndex(source)
        parse_source = source
        if front:
            # Blank the front matter but keep its lines, so token line numbers match the file.
            head = source[: front.end]
            parse_source = re.sub(r"[^\r\n]", "", head) + source[front.end :]
        if self._md is None:
            self._md = _parser()
        tokens = self._md.parse(parse_source)
        state = _Walk(source, lines, self._md.options["maxNesting"])
        if front:
            state.previous_end = add_front_matter_prose(state.builder, source, front.data, front.end)
        state.walk(tokens)
        limits = f"{state.max_nesting} block quotes or {state.max_nesting // 2} lists"
        problems = tuple(
            Problem(
                path,
                (f"lines {first}-{last} are" if last > first else f"line {first} is")
                + f" nested deeper than the Markdown parser reads ({limits} inside one another): "
                "checked as plain text, without Markdown (code and link addresses in "
                + ("them" if last > first else "it")
                + " are checked as words)",
                kind="note",
                line=first,
            )
            for first, last in state.too_deep
        )
        return make_document(
            path,
            source,
            state.builder.build(),
            reader=self.name,
            front_matter=front,
            directives=tuple(state.directives),
            lines=lines,
            problems=problems,
        )


class _Walk:
    def __init__(self, source: str, lines: LineIndex, max_nesting: int) -> None:
        self.source = source
        self.lines = lines
        self.max_nesting = max_nesting
        self.too_deep: list[tuple[int, int]] = []  # (first, last) lines read as plain text
        self.builder = ProseBuilder()
        self.directives: list[Directive] = []
        self.kinds: list[str] = []
        self.row_line: int | None = None
        self.cell_cursor = 0
        self.previous_end: int | None = None

    def kind(self) -> str:
        for wanted in ("heading", "table", "blockquote", "list"):
            if wanted in self.kinds:
                return wanted
        return "paragraph"

    def walk(self, tokens: list[Any]) -> None:
        for index, token in enumerate(tokens):
            t = token.type
            if t in _BLOCK_KINDS:
                self.kinds.append(_BLOCK_KINDS[t])
            elif t == "list_item_open":
                self.kinds.append("list")
            elif t == "table_open":
                self.kinds.append("table")
            elif t in ("heading_close", "blockquote_close", "list_item_close", "table_close"):
                if self.kinds:
                    self.kinds.pop()
            elif t == "tr_open":
                self.row_line = token.map[0] if token.map else None
                self.cell_cursor = 0
            elif t == "inline":
                self.inline(token)
            elif t == "html_block" and token.map:
                self.html_block(token)
            if (
                token.nesting == 1
                and token.map
                and token.level + 1 >= self.max_nesting
                and index + 1 < len(tokens)
                and tokens[index + 1].nesting == -1
            ):
                # A container at the parser's nesting limit: markdown-it drops what is inside it.
                self.plain_lines(token.map[0] + 1, token.map[1])

    def plain_lines(self, first: int, last: int) -> None:
        """Lines ``first`` to ``last`` (1-based) as plain text, their block-quote and list markers
        left out: what the parser dropped because they are nested past its limit."""
        last = min(last, self.lines.line_count)
        b = self.builder
        in_block = False
        found = False
        for number in range(first, last + 1):
            text = self.lines.line_text(number)
            start = self.lines.line_start(number)
            skip = _CONTAINER_MARKS.match(text).end()  # type: ignore[union-attr]
            body = text[skip:]
            if in_block and (not body.strip() or _LIST_MARK.search(text, 0, skip)):
                b.end_block()  # a blank line ends a paragraph, a list marker starts an item
                in_block = False
            if not body.strip():
                continue
            if not in_block:
                if self.previous_end is not None:
                    b.add_separator(self.previous_end)
                b.begin_block(self.kind())
                in_block = True
            elif self.previous_end is not None:
                brk = self.source[self.previous_end : self.previous_end + 2]
                brk = "\r\n" if brk == "\r\n" else brk[:1]
                b.add_source(self.previous_end, brk if brk in ("\n", "\r", "\r\n") else "\n")
            b.add_source(start + skip, body)
            self.previous_end = start + len(text)
            found = True
        if in_block:
            b.end_block()
        if found:
            self.too_deep.append((first, last))

    def html_block(self, token: Any) -> None:
        start = self.lines.line_start(token.map[0] + 1)
        end_line = min(token.map[1], self.lines.line_count)
        end = self.lines.line_start(end_line) + len(self.lines.line_text(end_line))
        for m in COMMENT.finditer(self.source, start, end):
            self.add_directive(m.group("body"), m.start(), m.end())

    def add_directive(self, body: str, start: int, end: int) -> None:
        directive = directive_at(body, start, end, self.lines)
        if directive is not None:
            self.directives.append(directive)

    def inline(self, token: Any) -> None:
        content = token.content
        line = token.map[0] if token.map else self.row_line
        if line is None:
            return
        in_cell = token.map is None or "table" in self.kinds
        if in_cell and self.row_line is not None:
            line = self.row_line
        last_line = token.map[1] if token.map else None
        to_src = _Aligner(content, line, self.lines, self.cell_cursor if in_cell else None, last_line)
        b = self.builder
        if self.previous_end is not None:
            b.add_separator(self.previous_end)
        b.begin_block(self.kind())
        source = self.source
        c = 0
        skipping = False  # inside an autolink, whose text is a URL
        for child in token.children or ():
            t = child.type
            if skipping:
                if t == "link_close":
                    skipping = False
                continue
            if t == "text":
                text = child.content
                j = content.find(text, c)
                if j < 0:
                    b.add_mapped(to_src(c), 0, text)
                    continue
                s = to_src(j)
                if source.startswith(text, s):
                    b.add_source(s, text)
                else:
                    b.add_mapped(s, to_src(j + len(text)) - s, text)
                c = j + len(text)
            elif t == "text_special":
                j = content.find(child.markup, c)
                if j < 0:
                    b.add_mapped(to_src(c), 0, child.content)
                    continue
                s = to_src(j)
                b.add_mapped(s, to_src(j + len(child.markup)) - s, child.content)
                c = j + len(child.markup)
            elif t in ("softbreak", "hardbreak"):
                j = content.find("\n", c)
                if j < 0:
                    continue
                s = to_src(j)
                brk = source[s : s + 2]
                brk = "\r\n" if brk == "\r\n" else brk[:1]
                b.add_source(s, brk if brk in ("\n", "\r", "\r\n") else "\n")
                c = j + 1
            elif t == "code_inline":
                run = child.markup
                m = re.compile(rf"(?<!`){re.escape(run)}(?!`)").search(content, c)
                if not m:
                    continue
                close = re.compile(rf"(?<!`){re.escape(run)}(?!`)").search(content, m.end())
                end = close.end() if close else m.end()
                s = to_src(m.start())
                b.add_mapped(s, to_src(end) - s, PLACEHOLDER)
                c = end
            elif t == "image":
                j = content.find("![", c)
                if j < 0:
                    continue
                end = _skip_link_tail(content, self._close_bracket(content, j + 2))
                s = to_src(j)
                b.add_mapped(s, to_src(end) - s, PLACEHOLDER)
                c = end
            elif t == "link_open":
                if child.markup == "autolink":
                    j = content.find("<", c)
                    end = content.find(">", j) + 1 if j >= 0 else 0
                    if j >= 0 and end > j:
                        s = to_src(j)
                        b.add_mapped(s, to_src(end) - s, PLACEHOLDER)
                        c = end
                    skipping = True
                else:
                    j = content.find("[", c)
                    if j >= 0:
                        c = j + 1
            elif t == "link_close":
                c = _skip_link_tail(content, c)
            elif t == "html_inline":
                j = content.find(child.content, c)
                if j < 0:
                    continue
                c = j + len(child.content)
                m = COMMENT.fullmatch(child.content)
                if m:
                    # A comment stands in the sentence like inline code: words around it stay apart.
                    s = to_src(j)
                    b.add_mapped(s, to_src(c) - s, PLACEHOLDER)
                    self.add_directive(m.group("body"), s, s + len(child.content))
            elif child.markup and t.endswith(("_open", "_close")):
                j = content.find(child.markup, c)
                if j >= 0:
                    c = j + len(child.markup)
        b.end_block()
        self.previous_end = to_src(len(content))
        if in_cell:
            self.cell_cursor = to_src(len(content)) - self.lines.line_start(line + 1)

    @staticmethod
    def _close_bracket(content: str, i: int) -> int:
        depth = 1
        while i < len(content):
            ch = content[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "[":
                depth += 1
            elif ch == "]":
                depth -= 1
                if depth == 0:
                    return i
            i += 1
        return len(content)
