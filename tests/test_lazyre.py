"""Patterns compiled on first use (lint.lazyre) behave as the compiled patterns they stand for, and
every one that a module of the rules holds compiles: a lazy pattern would otherwise hide a bad one
until the first document that reaches it."""

from __future__ import annotations

import importlib
import pickle
import pkgutil
import re

import pytest
import regex

import lint.checks
from lint.lazyre import LazyPattern, LazyRe

TEXTS = ["Lui ha detto. Egli rispose; lui no.", "He said his piece himself.", "", "a\nb\r\nc «d» 12/3/2024"]
PATTERNS = [
    (r"(?:(?<=^)|(?<=[.;:!?][ \u00a0])|(?<=\n))(Lui|Egli)\b", 0),
    (r"\b(?P<who>he|his|himself)\b", re.IGNORECASE),
    (r"(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})", 0),
    (r"^\w", re.MULTILINE),
]


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_lazy_re_answers_as_the_compiled_pattern(source, flags):
    lazy, plain = LazyRe(source, flags), re.compile(source, flags)
    assert (lazy.pattern, lazy.flags, lazy.groups, lazy.groupindex) == (
        plain.pattern,
        plain.flags,
        plain.groups,
        plain.groupindex,
    )
    for text in TEXTS:
        for _ in range(2):  # the second time through the kept attributes
            assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in plain.finditer(text)]
            assert lazy.findall(text) == plain.findall(text)
            assert lazy.sub("#", text) == plain.sub("#", text)
            assert bool(lazy.search(text, 1)) == bool(plain.search(text, 1))
    copy = pickle.loads(pickle.dumps(LazyRe(source, flags)))
    assert copy.pattern == plain.pattern and copy.flags == plain.flags


def test_lazy_re_raises_on_a_missing_attribute():
    with pytest.raises(AttributeError):
        LazyRe("a").no_such_method  # noqa: B018


def _lazy_patterns(value, where):
    if isinstance(value, LazyRe | LazyPattern):
        yield where, value
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from _lazy_patterns(item, f"{where}[{i}]")
    elif isinstance(value, dict):
        for k, item in value.items():
            yield from _lazy_patterns(item, f"{where}[{k!r}]")


def _every_lazy_pattern():
    for info in pkgutil.walk_packages(lint.checks.__path__, "lint.checks."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            yield from _lazy_patterns(value, f"{info.name}.{name}")


def test_every_lazy_pattern_of_the_rules_compiles():
    found = list(_every_lazy_pattern())
    assert len(found) > 30
    for where, pattern in found:
        if isinstance(pattern, LazyRe):
            assert pattern.pattern == re.compile(pattern._source, pattern._flags).pattern, where
        else:
            assert pattern.compiled().pattern == regex.compile(pattern.pattern, pattern.flags).pattern, where
