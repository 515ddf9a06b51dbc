"""Every rule's documented examples run as tests: flagged spans exactly as marked, clean ones clean,
and the text after the fix where the example gives it. The marks are read as in the case files
(lint.testing): a bare ⟦span⟧ is the rule's own finding."""

from __future__ import annotations

import functools

import pytest

from lint.api import Linter
from lint.cache import Cache
from lint.config import Overrides
from lint.findings import Applicability
from lint.fixing.apply import apply_fixes
from lint.testing import parse_marks, settings_with

_LINTER = Linter(load_entry_points=False, isolated=True, cache=Cache(None), overrides=Overrides(preview=True))
RULES = list(_LINTER.base_rules)


def _cases():
    for rule in RULES:
        for i, example in enumerate(rule.meta.examples):
            kind = "flagged" if example.flagged else "clean"
            label = f"{example.label}-" if example.label else ""
            yield pytest.param(rule, example, id=f"{rule.meta.code}-{label}{kind}-{i}")


@functools.cache
def _linter_for(code: str) -> Linter:
    # A namespace rule (LanguageTool) runs only when turned on; it talks to the real local server.
    namespace = _LINTER.base_rules.get(code).meta.namespace
    return Linter(
        load_entry_points=False,
        isolated=True,
        cache=Cache(None),
        overrides=Overrides(select=(code,), preview=True, languagetool=True if namespace else None),
    )


def _reported_by(finding, code: str) -> bool:
    return finding.code == code or finding.code.startswith(code + ":")


def test_every_rule_has_flagged_and_clean_examples():
    for rule in RULES:
        kinds = {e.flagged for e in rule.meta.examples}
        assert kinds == {True, False}, f"{rule.meta.code} needs flagged and clean examples"


def test_every_rule_is_documented_in_each_of_its_languages():
    for rule in RULES:
        meta = rule.meta
        for lang in meta.languages or ("it", "en"):
            assert meta.message_for(lang), meta.code
            assert len(meta.description_for(lang)) > 40, meta.code


@pytest.mark.parametrize(("rule", "example"), list(_cases()))
def test_example(rule, example):
    code = rule.meta.code
    marked = parse_marks(example.text)
    linter = _linter_for(code)
    settings = settings_with(linter, example.config, code) if example.config else None
    result = linter.check_text(marked.text, path="example.txt", language=example.language, settings=settings)
    found = [(f.start, f.end) for f in result.findings if _reported_by(f, code)]
    expected = [(m.start, m.end) for m in marked.marks if m.code in (None, code)]
    assert not result.problems, result.problems
    if example.flagged:
        assert found == expected, (example.text, [f.text for f in result.findings])
    else:
        assert found == [], (example.text, [f.message for f in result.findings])
    if example.fixed is not None:
        fixed = apply_fixes(marked.text, result.findings, {Applicability.SAFE, Applicability.UNSAFE})
        assert fixed.text == example.fixed
