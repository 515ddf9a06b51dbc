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
