"""Plain text: everything is prose except lines holding a ``refuso:`` directive and the front matter
(but for its ``title:`` and ``description:``)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from lint.document import Document, LineIndex, Prose, ProseBuilder
from lint.readers import directive_at, make_document, read_front_matter
from lint.readers.front_prose import add_front_matter_prose
from lint.suppression import TEXT_LINE

# Just past one or more blank lines: where the next non-blank line starts.
_AFTER_BLANK = re.compile(r"(?:\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))+(?=[^\r\n])")


def paragraph_breaks(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets in ``text[start:end]`` where a line follows one or more blank lines."""
    for m in _AFTER_BLANK.finditer(text, start, end):
        yield m.end()


class TextReader:
    name = "text"
    # A large file is checked in windows cut at blank lines (lint.engine.windows).
    safe_breaks = staticmethod(paragraph_breaks)

    def read(self, path: str, source: str) -> Document:
        front = read_front_matter(path, source)
        body_start = front.end if front else 0
        lines = LineIndex(source)
        builder = ProseBuilder()
        directives = []
        pos = body_start
        if front and (last := add_front_matter_prose(builder, source, front.data, front.end)) is not None:
            builder.add_separator(last)
            builder.begin_block()  # the body, after the title and description
        if "refuso:" in source:
            for m in TEXT_LINE.finditer(source, body_start):
                directive = directive_at(m.group(0).strip(), m.start(), m.end(), lines)
                if directive is None:
                    continue
                directives.append(directive)
                builder.add_source(pos, source[pos : m.start()])
                pos = m.end()
        if pos == 0:
            prose = Prose.verbatim(source)
        else:
            builder.add_source(pos, source[pos:])
            prose = builder.build()
        return make_document(
            path,
            source,
            prose,
            reader=self.name,
            front_matter=front,
            directives=tuple(directives),
            lines=lines,
        )
