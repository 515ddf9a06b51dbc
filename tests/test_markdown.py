"""Markdown nested deeper than the parser reads is still checked, and a note says how."""

from __future__ import annotations

import json

import pytest

QUOTES = "> " * 25 + "Il vertice,, ieri.\n\nFuori  dalle citazioni.\n"
LISTS = "".join("  " * i + "- voce\n" for i in range(12)) + "  " * 12 + "- Il vertice,, ieri.\n"


@pytest.mark.parametrize(
    ("text", "found", "note"),
    [
        (
            QUOTES,
            [(1, 61, "PUN001"), (3, 6, "TYP001")],
            "line 1 is nested deeper than the Markdown parser reads (20 block quotes or 10 lists inside one "
            "another): checked as plain text, without Markdown (code and link addresses in it are checked as words)",
        ),
        (
            LISTS,
            [(13, 37, "PUN001")],
            "lines 10-13 are nested deeper than the Markdown parser reads (20 block quotes or 10 lists inside one "
            "another): checked as plain text, without Markdown (code and link addresses in them are checked as words)",
        ),
    ],
    ids=["block-quotes", "lists"],
)
def test_text_nested_past_the_parsers_limit_is_checked_with_a_note(run_cli, tmp_path, text, found, note):
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    result = run_cli("check", "a.md", "--format", "json", cwd=tmp_path)
    report = json.loads(result.out)
    (file,) = report["files"]
    # Every finding, and only these: list items stay apart (no word "repeated" across two items).
    assert [(f["line"], f["column"], f["rule"]) for f in file["findings"]] == found
    assert report["notes"] == [{"path": "a.md", "line": int(note.split()[1].split("-")[0]), "message": note}]
    assert result.code == 1


def test_deep_nesting_within_the_limit_needs_no_note(run_cli, tmp_path):
    (tmp_path / "a.md").write_text("> " * 10 + "Il vertice,, ieri.\n", encoding="utf-8")
    result = run_cli("check", "a.md", "--format", "concise", cwd=tmp_path)
    assert result.err == ""
    assert result.out.startswith("a.md:1:31: error PUN001")


# -- front matter: title and description are prose ----------------------------------------------------

FRONT_MATTER = (
    "---\n"
    'title: "Il ministro degli Esteri Antony Blinken: \\"basta\\" a Kiev"\n'
    "date: 2021-12-10\n"
    "slug: il-vertice,,-di-ieri\n"
    "description: >\n"
    "  Putin e Putin non parteciperanno al vertice,,\n"
    "\n"
    "  dice la nota.\n"
    'tags: ["Putin e Putin", esteri]\n'
    "---\n"
    "\n"
    "Il vertice,, ieri.\n"
)
# The title's calque of a title, the description's duplicated name and doubled comma, the body's comma;
# nothing from the slug or the tags, which are not prose.
FRONT_MATTER_FINDINGS = [(2, 12, "TTL001"), (6, 3, "DUP003"), (6, 46, "PUN001"), (12, 11, "PUN001")]


@pytest.mark.parametrize("suffix", [".md", ".txt", ".html"])
def test_front_matter_title_and_description_are_checked_in_place(suffix):
    from lint.api import Linter

    linter = Linter(isolated=True)
    result = linter.check_text(FRONT_MATTER, path=f"articolo{suffix}", language="it")
    assert [(f.line, f.column, f.code) for f in result.findings] == FRONT_MATTER_FINDINGS
    assert [f.text for f in result.findings] == ["ministro degli Esteri", "Putin e Putin", ",,", ",,"]


@pytest.mark.parametrize(
    ("value", "prose"),
    [
        ("Un titolo semplice  # un commento", "Un titolo semplice"),
        ("'L''inviato a Kiev'", "L'inviato a Kiev"),
        ('"Il \\"vertice\\" di ieri"', 'Il "vertice" di ieri'),
        ("Un titolo\n  che continua\n  su tre righe", "Un titolo\nche continua\nsu tre righe"),
        ("|\n  Prima riga\n  seconda riga\n", "Prima riga\nseconda riga"),
        ('"Un escape \\u00e8 non letto"', None),  # an escape not mapped: left out, never misplaced
        ("[una, lista]", None),
        ('"Non chiuso\n  sulla riga"', None),
    ],
)
def test_front_matter_values_map_back_to_their_source(value, prose):
    from lint.readers import read_front_matter
    from lint.readers.markdown import MarkdownReader

    source = f"---\ntitle: {value}\n---\n\nCorpo.\n"
    document = MarkdownReader().read("a.md", source)
    assert read_front_matter("a.md", source).problems == ()
    if prose is None:
        assert document.prose.text == "Corpo."
        return
    assert document.prose.text == prose + "\n\nCorpo."
    # Each character of the title comes from where the source has it (an escape from its backslash).
    for offset, character in enumerate(prose):
        at = document.prose.to_source(offset)
        assert source[at] == character or source[at] in "\\'\n", (offset, character, source[at:])
