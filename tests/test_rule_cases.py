"""Rule cases as data: tests/cases/*.yaml hold texts, the findings expected on them as a whole list
(code, line, column), and optionally the text after the safe fixes."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
import yaml

from lint.api import Linter
from lint.cache import Cache
from lint.config import Overrides
from lint.findings import Applicability
from lint.fixing.apply import apply_fixes

CASES = Path(__file__).parent / "cases"


def _load():
    for file in sorted(CASES.glob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            yield pytest.param(case, id=f"{file.stem}-{i}-{case['name']}")


@functools.cache
def _linter(select: tuple[str, ...] | None, language: str | None) -> Linter:
    """One linter per selection and language: building one reads every pack and the knowledge base."""
    return Linter(
        load_entry_points=False,
        isolated=True,
        cache=Cache(None),
        overrides=Overrides(select=select, language=language),
    )


@pytest.mark.parametrize("case", list(_load()))
def test_case(case):
    select = tuple(case["select"]) if "select" in case else None
    linter = _linter(select, case.get("language"))
    text = case["text"]
    result = linter.check_text(text, path=case.get("path", "case.txt"), language=case.get("language"))
    assert not [p for p in result.problems if p.kind == "error"], result.problems
    got = [[f.code, f.line, f.column] for f in result.findings]
    assert got == case["findings"], "\n".join(
        f"{f.code} {f.line}:{f.column} {f.text!r} {f.message}" for f in result.findings
    )
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    if "fixed" in case:
        assert apply_fixes(text, result.findings, {Applicability.SAFE}).text == case["fixed"]
