"""Inline suppression: the directive grammar in plain text, Markdown and HTML."""

from __future__ import annotations

import pytest

from lint.suppression import parse_body


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (" refuso: disable PUN001 ", ("disable", ("PUN001",))),
        ("refuso: disable PUN001, DUP003", ("disable", ("PUN001", "DUP003"))),
        ("refuso:enable", ("enable", ())),
        (
            "refuso: disable-next-line doubled-punctuation punctuation",
            ("disable-next-line", ("doubled-punctuation", "punctuation")),
        ),
        ("refuso: disabled PUN001", None),
        ("nota: disable PUN001", None),
    ],
)
def test_grammar(body, expected):
    assert parse_body(body) == expected


def codes(linter, text, path="t.txt"):
    return [(f.code, f.line) for f in linter.check_text(text, path=path, language="it").findings]


def test_plain_text_directives(linter):
    text = (
        "Uno,, due.\n"
        "refuso: disable PUN001\n"
        "Tre,, quattro e il il cane.\n"
        "refuso: enable PUN001\n"
        "Cinque,, sei.\n"
        "refuso: disable-next-line DUP001\n"
        "Il il gatto,, qui.\n"
    )
    assert codes(linter, text) == [("PUN001", 1), ("DUP001", 3), ("PUN001", 5), ("PUN001", 7)]


def test_directive_lines_are_not_prose(linter):
    assert codes(linter, "refuso: disable PUN003 , ,\nTesto.\n") == []


def test_disable_all_then_enable_one(linter):
    text = "refuso: disable\nUno,, e il il.\nrefuso: enable DUP001\nDue,, e il il.\n"
    assert codes(linter, text) == [("DUP001", 4)]


def test_markdown_and_html_comments(linter):
    md = "Uno,, due.\n\n<!-- refuso: disable-next-line PUN001 -->\nTre,, quattro.\n\nCinque <!-- refuso: disable punctuation --> sei,, sette.\n"
    assert codes(linter, md, "a.md") == [("PUN001", 1)]
    html = "<p>Uno,, due.</p>\n<!-- refuso: disable-next-line PUN001 -->\n<p>Tre,, quattro.</p>\n"
    assert codes(linter, html, "a.html") == [("PUN001", 1)]


def test_a_directive_inside_code_is_not_a_directive(linter):
    md = "```\n<!-- refuso: disable -->\n```\n\nUno,, due.\n"
    assert codes(linter, md, "a.md") == [("PUN001", 5)]


def test_unknown_code_in_a_directive_is_reported_where_it_is(linter):
    result = linter.check_text(
        "Testo.\n<!-- refuso: disable PUN999, PUN001 -->\nUno,, due.\n", path="a.md", language="it"
    )
    (finding,) = result.findings
    assert (finding.code, finding.line, finding.column, finding.text) == ("STY001", 2, 22, "PUN999")
    assert "PUN999" in finding.message
