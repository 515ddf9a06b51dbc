"""--select / --ignore semantics, as a table."""

from __future__ import annotations

import pytest

from lint.checks.base import rule_meta
from lint.selection import resolve, unknown_selectors


def _meta(code, name, category, preview=False):
    return rule_meta(
        code=code,
        name=name,
        category=category,
        severity="error",
        message={"it": "m"},
        description={"it": "d"},
        flagged=["⟦x⟧"],
        clean=["y"],
        preview=preview,
    )


METAS = [
    _meta("PUN001", "doubled-punctuation", "punctuation"),
    _meta("PUN002", "conflicting-punctuation", "punctuation"),
    _meta("PUN010", "new-thing", "punctuation", preview=True),
    _meta("DUP001", "repeated-function-word", "duplication"),
    _meta("TYP001", "doubled-space", "typography"),
]


@pytest.mark.parametrize(
    ("select", "ignore", "extend", "preview", "expected"),
    [
        (None, (), (), False, {"PUN001", "PUN002", "DUP001", "TYP001"}),
        (None, (), (), True, {"PUN001", "PUN002", "PUN010", "DUP001", "TYP001"}),
        (["PUN"], (), (), False, {"PUN001", "PUN002"}),
        (["PUN"], ["PUN002"], (), False, {"PUN001"}),
        (["PUN002"], ["PUN"], (), False, {"PUN002"}),  # the more specific selector wins
        (["punctuation"], ["PUN00"], (), False, set()),
        (["punctuation"], (), ["DUP001"], False, {"PUN001", "PUN002", "DUP001"}),
        (["doubled-punctuation"], (), (), False, {"PUN001"}),
        (["PUN010"], (), (), False, {"PUN010"}),  # a preview rule selected by its exact code runs
        (["ALL"], ["typography", "duplication"], (), False, {"PUN001", "PUN002"}),
        (["PUN001"], ["PUN001"], (), False, set()),  # a tie ignores
        ([], (), (), False, set()),
    ],
)
def test_resolve(select, ignore, extend, preview, expected):
    assert resolve(METAS, select=select, ignore=ignore, extend_select=extend, preview=preview) == expected


def test_unknown_selectors():
    assert unknown_selectors(["PUN", "ALL", "style", "doubled-punctuation", "XYZ", "PUN9"], METAS) == [
        "XYZ",
        "PUN9",
    ]
