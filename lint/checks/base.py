"""Helpers for writing rules in Python: build a :class:`RuleMeta` from plain values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import EllipsisType
from typing import Any

from lint.findings import Applicability, Category, Severity
from lint.rules import Example, RuleMeta

ExampleSpec = str | tuple[str, str]  # text, or (language, text)


def _examples(items: Iterable[ExampleSpec], flagged: bool, default: str | None) -> list[Example]:
    out = []
    for item in items:
        lang, text = item if isinstance(item, tuple) else (default, item)
        out.append(Example(text, flagged, lang))
    return out


def rule_meta(
    *,
    code: str,
    name: str,
    category: str,
    severity: str,
    message: Mapping[str, str],
    description: Mapping[str, str],
    flagged: Iterable[ExampleSpec],
    clean: Iterable[ExampleSpec],
    languages: Iterable[str] | EllipsisType | None = ...,
    fix: str | None = None,
    reference: str = "",
    scope: tuple[str, ...] = ("text",),
    preview: bool = False,
    options: Mapping[str, Any] | None = None,
    origin: str = "",
    fixed: Mapping[str, str] | None = None,
    messages: Mapping[str, Mapping[str, str]] | None = None,
    example_config: Mapping[str, Any] | None = None,  # the configuration every example runs under
) -> RuleMeta:
    if languages is ...:
        # By default a rule is for refuso's own languages (lint.lang); None: for every language.
        from lint.lang import builtin_languages

        languages = tuple(builtin_languages())
    ordered = list(languages) if languages is not None else None
    langs = frozenset(ordered) if ordered is not None else None
    default = ordered[0] if ordered else None
    examples = [*_examples(flagged, True, default), *_examples(clean, False, default)]
    if fixed:
        from dataclasses import replace

        examples = [replace(e, fixed=fixed.get(e.text)) if e.text in fixed else e for e in examples]
    if example_config:
        from dataclasses import replace

        examples = [replace(e, config=dict(example_config)) for e in examples]
    return RuleMeta(
        code=code,
        name=name,
        category=Category(category),
        severity=Severity.parse(severity),
        message=dict(message),
        description=dict(description),
        examples=tuple(examples),
        languages=langs,
        scope=scope,
        preview=preview,
        fix=Applicability(fix) if fix else None,
        reference=reference,
        options=dict(options or {}),
        origin=origin,
        messages={name: dict(texts) for name, texts in (messages or {}).items()},
    )
