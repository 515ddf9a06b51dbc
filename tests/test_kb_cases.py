"""Title and name cases as articles: tests/cases/kb/*.md, with the expected findings marked in the text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lint.api import Linter
from lint.cache import Cache
from lint.config import Overrides
from lint.document import LineIndex

CASES = Path(__file__).parent / "cases" / "kb"
GENDER_CASES = Path(__file__).parent / "cases" / "kb-gender"
SELECT = ("TTL001", "NAM001", "NAM002", "NAM003", "CON001")
MARK = re.compile(r"⟦(?P<span>.*?)⟧\^(?P<code>[A-Z]{3}\d{3})", re.S)

LINTER = Linter(load_entry_points=False, isolated=True, cache=Cache(None), overrides=Overrides(select=SELECT))
# The gender check is in preview: its cases select it alone.
GENDER_LINTER = Linter(
    load_entry_points=False,
    isolated=True,
    cache=Cache(None),
    overrides=Overrides(select=("TTL002",), preview=True),
)


def parse(marked: str) -> tuple[str, list[tuple[str, int, int, str]]]:
    """The plain article, and the expected (code, line, column, text) in it."""
    plain, expected, last = [], [], 0
    length = 0
    for m in MARK.finditer(marked):
        plain.append(marked[last : m.start()])
        length += m.start() - last
        expected.append((m.group("code"), length, m.group("span")))
        plain.append(m.group("span"))
        length += len(m.group("span"))
        last = m.end()
    plain.append(marked[last:])
    text = "".join(plain)
    index = LineIndex(text)
    out = []
    for code, start, span in expected:
        position = index.position(start)
        out.append((code, position.line, position.column, span))
    return text, out


def _cases(folder: Path = CASES):
    for path in sorted(folder.glob("*.md")):
        if path.name != "README.md":
            yield pytest.param(path, id=path.stem)


def test_the_case_set_covers_sixty_titles_and_thirty_people():
    """Counted by refuso itself: names of KB people with a title next to them, right or wrong."""
    from lint.checks.people.names import find_mentions
    from lint.checks.people.titles import TitleReader

    knowledge = LINTER.knowledge_for(LINTER.finder.for_directory(CASES))()
    reader = TitleReader(knowledge, LINTER.plugins.languages)
    titled, people, wrong = 0, set(), 0
    for path in CASES.glob("*.md"):
        text, expected = parse(path.read_text(encoding="utf-8"))
        document = LINTER.engine_for(LINTER.finder.for_directory(CASES)).read(path.name, text.encode())
        for mention in find_mentions(document, knowledge):
            if reader.before(document.prose.text, mention) or reader.after(document.prose.text, mention):
                titled += 1
                people.update(mention.people)
        wrong += sum(1 for e in expected if e[0] == "TTL001")
    assert titled >= 60, titled
    assert len(people) >= 30, len(people)
    assert wrong >= 15, wrong


@pytest.mark.parametrize("path", list(_cases()))
def test_article(path: Path):
    text, expected = parse(path.read_text(encoding="utf-8"))
    result = LINTER.check_text(text, path=path.name)
    assert not [p for p in result.problems if p.kind == "error"], result.problems
    got = [(f.code, f.line, f.column, f.text) for f in result.findings]
    assert got == expected, "\n".join(
        f"{f.code} {f.line}:{f.column} {f.text!r}: {f.message}" for f in result.findings
    )


@pytest.mark.parametrize("path", list(_cases(GENDER_CASES)))
def test_gender_article(path: Path):
    text, expected = parse(path.read_text(encoding="utf-8"))
    result = GENDER_LINTER.check_text(text, path=path.name)
    assert not [p for p in result.problems if p.kind == "error"], result.problems
    got = [(f.code, f.line, f.column, f.text) for f in result.findings]
    assert got == expected, "\n".join(
        f"{f.code} {f.line}:{f.column} {f.text!r}: {f.message}" for f in result.findings
    )
