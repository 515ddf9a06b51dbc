"""Named message templates: a rule declares each variant of its message per language, a match names the
one it needs, and the engine fills it in the document's language."""

from __future__ import annotations

import textwrap

import pytest

from lint.api import Linter
from lint.cache import Cache
from lint.checks.base import rule_meta
from lint.config import Overrides
from lint.hookspecs import hookimpl
from lint.packs import PackErrors, load_pack
from lint.rules import Match


class _TwoVariants:
    meta = rule_meta(
        code="acme.MARK",
        name="acme-mark",
        category="style",
        severity="warning",
        message={"it": "«{match}» va tolto", "en": "“{match}” goes"},
        messages={"kept": {"it": "«{match}» resta, ma {why}", "en": "“{match}” stays, but {why}"}},
        description={"it": "Prova.", "en": "A test."},
        flagged=[("it", "⟦xx⟧")],
        clean=[("it", "niente")],
    )

    def check(self, document, options):
        text = document.prose.text
        for at in range(len(text) - 1):
            if text[at : at + 2] == "xx":
                yield Match(at, at + 2)
            elif text[at : at + 2] == "yy":
                yield Match(at, at + 2, template="kept", args={"why": "…"})
            elif text[at : at + 2] == "zz":
                yield Match(at, at + 2, template="missing")


class _Plugin:
    @staticmethod
    @hookimpl
    def refuso_rules():
        return [_TwoVariants()]


@pytest.fixture(scope="module")
def linter():
    return Linter(
        load_entry_points=False,
        isolated=True,
        cache=Cache(None),
        overrides=Overrides(select=("acme",)),
        extra_plugins=[("acme", _Plugin)],
    )


def test_a_match_names_its_template_and_gets_it_in_the_documents_language(linter):
    it = linter.check_text("xx e yy.", language="it")
    assert [f.message for f in it.findings] == ["«xx» va tolto", "«yy» resta, ma …"]
    en = linter.check_text("xx and yy.", language="en")
    assert [f.message for f in en.findings] == ["“xx” goes", "“yy” stays, but …"]


def test_a_template_the_rule_does_not_declare_is_a_named_problem(linter):
    result = linter.check_text("zz", language="it")
    assert result.findings == ()
    (problem,) = result.problems
    assert "acme.MARK" in problem.message and "no message template 'missing'" in problem.message


PACK = """\
language: [it, en]
rules:
  - code: TST001
    name: no-foobar
    kind: existence
    category: style
    severity: warning
    tokens: [foobar]
    message: "Non scrivere «{match}»"
    messages:
      plural: {it: "Non scrivere «{match}» due volte", en: "Do not write “{match}” twice"}
    description: "Una regola di prova."
    examples:
      flagged: ["un ⟦foobar⟧ qui"]
      clean: ["niente qui"]
"""


def test_a_pack_declares_named_templates_and_their_placeholders_are_checked(tmp_path):
    path = tmp_path / "pack.yaml"
    path.write_text(textwrap.dedent(PACK), encoding="utf-8")
    (rule,) = load_pack(path)
    assert rule.meta.message_for("en", "plural") == "Do not write “{match}” twice"
    assert rule.meta.message_for("it", "default") == "Non scrivere «{match}»"
    path.write_text(PACK.replace("due volte", "{times} volte"), encoding="utf-8")
    with pytest.raises(PackErrors) as info:
        load_pack(path, display="pack.yaml")
    (error,) = (str(e) for e in info.value.errors)
    assert "pack.yaml:11:" in error and "unknown placeholder {times} in message 'plural' (it)" in error
