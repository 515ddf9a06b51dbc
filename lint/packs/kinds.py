"""The rule kinds a YAML pack can use.

=============  ==================================================================================
kind           flags
=============  ==================================================================================
existence      every occurrence of a word list (``tokens``) or a regex (``pattern``)
substitution   a wrong form, with the right one to use instead (``swap: {wrong: right}``)
repetition     a word written twice in a row (``il il``), except legitimate reduplications
consistency    two variants of one thing used in the same document (``either: {a: b}``)
occurrence     a pattern that occurs more than ``max`` (or fewer than ``min``) times ``per`` unit
=============  ==================================================================================

Patterns are compiled once, with the ``regex`` module, and matched with a timeout.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import regex

from lint.lazyre import LazyPattern
from lint.prose import WORD_OPENERS, either_case_initial, match_case, sentence_spans, whole_word
from lint.rules import Match, RuleMeta

if TYPE_CHECKING:
    from lint.document import Document

# Compiles a pattern found at ``path`` inside the rule spec, or raises PackError naming its line.
Compiler = Callable[[str, int, tuple[Any, ...]], "regex.Pattern[str]"]

DEFAULT_TIMEOUT = 2.0
EXCEPTION_WINDOW = 120


def timeout_of(options: Mapping[str, Any]) -> float:
    return float(getattr(options, "timeout", DEFAULT_TIMEOUT))


class PackRule:
    """A rule defined by data. Subclasses add their kind's fields and matching."""

    KIND: ClassVar[str] = ""
    PROPERTIES: ClassVar[dict[str, Any]] = {}
    REQUIRED: ClassVar[list[str]] = []
    PLACEHOLDERS: ClassVar[frozenset[str]] = frozenset({"match", "suggestion", "suggestions"})

    def __init__(self, meta: RuleMeta, spec: Mapping[str, Any], compile: Compiler) -> None:
        self.meta = meta
        self.flags = regex.V1 | (regex.IGNORECASE if spec.get("ignorecase") else 0)
        self.suggestions = tuple(spec.get("suggestions", ()))
        self.exceptions = [
            compile(p, self.flags, ("exceptions", i)) for i, p in enumerate(spec.get("exceptions", ()))
        ]

    def placeholders(self) -> frozenset[str]:
        """The placeholders this rule's messages may use."""
        return self.PLACEHOLDERS

    def prepare(self) -> None:
        """Compile every pattern now (before worker processes are forked, so they share them)."""
        for value in vars(self).values():
            for item in value if isinstance(value, list) else [value]:
                for pattern in item if isinstance(item, tuple) else [item]:
                    if isinstance(pattern, LazyPattern):
                        pattern.compiled()

    def excepted(self, text: str, start: int, end: int, timeout: float) -> bool:
        """True when an exception pattern matches a stretch of text that covers [start, end)."""
        lo, hi = max(0, start - EXCEPTION_WINDOW), min(len(text), end + EXCEPTION_WINDOW)
        for pattern in self.exceptions:
            for m in pattern.finditer(text, lo, hi, overlapped=True, timeout=timeout):
                if m.start() > start:
                    break  # matches come in order of their start: none further on can cover the span
                if m.end() >= end:
                    return True
        return False

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        timeout = timeout_of(options)
        # All matches first: a pattern's timeout counts from its first match, so the time spent on
        # each match afterwards (exceptions, the engine's work) must not run on its clock.
        found = list(self.find(document, options, timeout))
        if not self.exceptions:
            yield from found
            return
        if len(found) * 2 * EXCEPTION_WINDOW > len(text):
            # So many matches that their windows overlap: find the exceptions in one pass instead.
            covered = _Exceptions(self.exceptions, text, timeout)
            yield from (m for m in found if not covered.cover(m.start, m.end))
            return
        for match in found:
            if not self.excepted(text, match.start, match.end, timeout):
                yield match

    def find(self, document: Document, options: Mapping[str, Any], timeout: float) -> Iterable[Match]:
        raise NotImplementedError


class _Exceptions:
    """Every match of a rule's exception patterns in a text, found in one pass; answers what
    :meth:`PackRule.excepted` answers, for texts where a rule matches densely."""

    def __init__(self, patterns: list[Any], text: str, timeout: float) -> None:
        spans = sorted(
            m.span() for pattern in patterns for m in pattern.finditer(text, overlapped=True, timeout=timeout)
        )
        self.starts = [s for s, _ in spans]
        self.spans = spans

    def cover(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, start - EXCEPTION_WINDOW)
        j = bisect_right(self.starts, start)
        return any(end <= e <= end + EXCEPTION_WINDOW for _, e in self.spans[i:j])


def _span(m: regex.Match[str]) -> tuple[int, int]:
    if "span" in m.re.groupindex and m.start("span") >= 0:
        return m.span("span")
    return m.span()


class Existence(PackRule):
    KIND = "existence"
    PROPERTIES: ClassVar[dict[str, Any]] = {
        "tokens": {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}},
        "pattern": {"type": "string", "minLength": 1},
        "replacement": {"type": "string"},
    }

    def __init__(self, meta: RuleMeta, spec: Mapping[str, Any], compile: Compiler) -> None:
        super().__init__(meta, spec, compile)
        if ("tokens" in spec) == ("pattern" in spec):
            raise ValueError("an existence rule needs exactly one of 'tokens' or 'pattern'")
        if "pattern" in spec:
            self.pattern = compile(spec["pattern"], self.flags, ("pattern",))
        else:
            words = sorted(spec["tokens"], key=len, reverse=True)
            escaped = (regex.escape(w) for w in words)
            if not spec.get("ignorecase"):
                escaped = (either_case_initial(w) for w in escaped)
            body = whole_word("|".join(escaped))
            self.pattern = compile(body, self.flags, ("tokens",))
        self.replacement = spec.get("replacement")
        if self.replacement is not None and "fix" not in spec:
            raise ValueError("a rule with a 'replacement' must say whether its fix is safe or unsafe ('fix')")

    def placeholders(self) -> frozenset[str]:
        return self.PLACEHOLDERS | frozenset(self.pattern.groupindex)

    def find(self, document: Document, options: Mapping[str, Any], timeout: float) -> Iterator[Match]:
        text = document.prose.text
        for m in self.pattern.finditer(text, timeout=timeout):
            start, end = _span(m)
            if start == end:
                continue
            args = {k: (v or "") for k, v in m.groupdict().items()}
            replacement = m.expand(self.replacement) if self.replacement is not None else None
            suggestions = self.suggestions or ((replacement,) if replacement is not None else ())
            yield Match(start, end, args=args, suggestions=suggestions, replacement=replacement)


class Substitution(PackRule):
    KIND = "substitution"
    PROPERTIES: ClassVar[dict[str, Any]] = {
        "swap": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {"type": "string", "minLength": 1},
        },
        "nonword": {"type": "boolean"},
    }
    REQUIRED: ClassVar[list[str]] = ["swap"]

    def __init__(self, meta: RuleMeta, spec: Mapping[str, Any], compile: Compiler) -> None:
        super().__init__(meta, spec, compile)
        self.swaps: list[tuple[str, tuple[str, ...]]] = []
        parts = []
        for i, (wrong, right) in enumerate(spec["swap"].items()):
            compile(wrong, self.flags, ("swap", wrong))  # located error for a bad key
            # A lowercase key also matches its capitalised form, as at the start of a sentence.
            key = wrong if spec.get("ignorecase") else either_case_initial(wrong)
            body = key if spec.get("nonword") else whole_word(key)
            parts.append(f"(?P<s{i}>{body})")
            self.swaps.append((wrong, tuple(a.strip() for a in right.split("|") if a.strip())))
        self.pattern = compile("|".join(parts), self.flags, ("swap",))
        self.fixable = "fix" in spec

    def find(self, document: Document, options: Mapping[str, Any], timeout: float) -> Iterator[Match]:
        text = document.prose.text
        for m in self.pattern.finditer(text, timeout=timeout):
            name = m.lastgroup
            if not name:
                continue
            start, end = m.span(name)
            found = m.group(name)
            _, alternatives = self.swaps[int(name[1:])]
            suggestions = tuple(match_case(a, found) for a in alternatives)
            replacement = suggestions[0] if self.fixable and len(suggestions) == 1 else None
            yield Match(
                start,
                end,
                args={"match": found, "suggestion": suggestions[0] if suggestions else ""},
                suggestions=suggestions,
                replacement=replacement,
            )


_WORD_LIST = {"type": "array", "minItems": 1, "items": {"type": "string", "minLength": 1}}
_WORDS_BY_LANGUAGE = {
    "description": "a list of words, or a mapping from language code to a list of words",
    "anyOf": [
        _WORD_LIST,
        {"type": "object", "propertyNames": {"pattern": "^[a-z]{2,3}$"}, "additionalProperties": _WORD_LIST},
    ],
}


def _by_language(value: Any) -> dict[str | None, list[str]]:
    """A word list, or a mapping of language -> word list, as a mapping (None: every language)."""
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return {lang: list(words) for lang, words in value.items()}
    return {None: list(value)}


# A word written twice in a row, across at most one line break. The standard library's engine is
# several times faster than ``regex`` for this backreference scan; the pattern is fixed, not user input.
# A word, then spaces with at most one line break (checked after), then the same word.
# The scan starts at a space or an opening mark (not at "^|…", which would defeat the engine's fast
# skipping); a word at the very start of the text is tried on its own.
# Possessive quantifiers (*+, ++) stop the engine from retrying every shorter prefix of each word.
_REPEATED_WORD = re.compile(rf"{WORD_OPENERS}([^\W\d_]\w*+)(\s++)\1(?!\w)", re.IGNORECASE)
_REPEATED_AT_START = re.compile(r"([^\W\d_]\w*+)(\s++)\1(?!\w)", re.IGNORECASE)
_JOINERS = "'’-"


def repeated_words(document: Document) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word written twice in a row in the prose (across at most one line
    break), computed once per document for every repetition rule.

    The standard library's ``re`` runs this scan several times faster than ``regex``; the pattern is
    refuso's own, not user input, so it needs no timeout.
    """
    text = document.prose.text

    def scan() -> list[tuple[int, int, str]]:
        found = []
        first = _REPEATED_AT_START.match(text)
        for m in ([first] if first else []) + list(_REPEATED_WORD.finditer(text)):
            start, end = m.start(1), m.end()
            gap = m.group(2)
            if gap.count("\n") + gap.count("\r") - gap.count("\r\n") > 1:
                continue  # a paragraph break between the two
            if end + 1 < len(text) and text[end] in _JOINERS and text[end + 1].isalpha():
                continue  # "il il-lustre": part of a longer word
            found.append((start, end, m.group(1)))
        return found

    return document.shared("repeated-words", scan)


class Repetition(PackRule):
    KIND = "repetition"
    PROPERTIES: ClassVar[dict[str, Any]] = {
        "tokens": _WORDS_BY_LANGUAGE,
        "allow": {"type": "array", "items": {"type": "string", "minLength": 1}},
        "skip": _WORDS_BY_LANGUAGE,
    }
    PLACEHOLDERS = PackRule.PLACEHOLDERS | {"word"}

    def __init__(self, meta: RuleMeta, spec: Mapping[str, Any], compile: Compiler) -> None:
        super().__init__(meta, spec, compile)

        def folded(value: Any) -> dict[str | None, frozenset[str]]:
            return {
                lang: frozenset(w.casefold() for w in words) for lang, words in _by_language(value).items()
            }

        self.tokens = folded(spec.get("tokens"))  # empty: every word
        self.skip = folded(spec.get("skip"))

    def find(self, document: Document, options: Mapping[str, Any], timeout: float) -> Iterator[Match]:
        lang = document.language
        if self.tokens:
            only = self.tokens.get(lang, self.tokens.get(None))
            if only is None:
                return  # no word list for this language
        else:
            only = None
        allow = frozenset(w.casefold() for w in options.get("allow", ()))
        skip = self.skip.get(lang, frozenset()) | self.skip.get(None, frozenset())
        text = document.prose.text
        for start, end, word in repeated_words(document):
            folded = word.casefold()
            if (only is not None and folded not in only) or folded in allow or folded in skip:
                continue
            yield Match(
                start,
                end,
                args={"word": word, "match": text[start:end], "suggestion": word},
                suggestions=(word,),
                replacement=word,
            )


class Consistency(PackRule):
    KIND = "consistency"
    PROPERTIES: ClassVar[dict[str, Any]] = {
        "either": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {"type": "string", "minLength": 1},
        },
    }
    REQUIRED: ClassVar[list[str]] = ["either"]
    PLACEHOLDERS = PackRule.PLACEHOLDERS | {"other"}

    def __init__(self, meta: RuleMeta, spec: Mapping[str, Any], compile: Compiler) -> None:
        super().__init__(meta, spec, compile)
        self.pairs = [
            (
                compile(whole_word(a), self.flags, ("either", a)),
                compile(whole_word(b), self.flags, ("either", a)),
            )
            for a, b in spec["either"].items()
        ]

    def find(self, document: Document, options: Mapping[str, Any], timeout: float) -> Iterator[Match]:
        text = document.prose.text
        for first, second in self.pairs:
            a = list(first.finditer(text, timeout=timeout))
            b = list(second.finditer(text, timeout=timeout))
            if not a or not b:
                continue
            # Flag the variant used less; on a tie, the one that appears second.
            if len(a) > len(b) or (len(a) == len(b) and a[0].start() < b[0].start()):
                keep, flag = a, b
            else:
                keep, flag = b, a
            other = keep[0].group(0)
            for m in flag:
                yield Match(
                    m.start(),
                    m.end(),
                    args={"match": m.group(0), "other": other, "suggestion": other},
                    suggestions=(match_case(other, m.group(0)),),
                )


class Occurrence(PackRule):
    KIND = "occurrence"
    PROPERTIES: ClassVar[dict[str, Any]] = {
        "token": {"type": "string", "minLength": 1},
        "max": {"type": "integer", "minimum": 0},
        "min": {"type": "integer", "minimum": 1},
        "per": {"enum": ["sentence", "paragraph", "document"]},
    }
    REQUIRED: ClassVar[list[str]] = ["token"]
    PLACEHOLDERS = PackRule.PLACEHOLDERS | {"count", "max", "min"}

    def __init__(self, meta: RuleMeta, spec: Mapping[str, Any], compile: Compiler) -> None:
        super().__init__(meta, spec, compile)
        if "max" not in spec and "min" not in spec:
            raise ValueError("an occurrence rule needs 'max' or 'min'")
        self.pattern = compile(spec["token"], self.flags, ("token",))
        self.max = spec.get("max")
        self.min = spec.get("min")
        self.per = spec.get("per", "sentence")

    def _units(self, document: Document) -> Iterator[tuple[int, int]]:
        text = document.prose.text
        if self.per == "document":
            yield 0, len(text)
            return
        for start, end in document.iter_paragraphs():
            if self.per == "paragraph":
                yield start, end
            else:
                yield from sentence_spans(text, start, end, document.language)

    def find(self, document: Document, options: Mapping[str, Any], timeout: float) -> Iterator[Match]:
        text = document.prose.text
        for start, end in self._units(document):
            found = list(self.pattern.finditer(text, start, end, timeout=timeout))
            args = {"count": len(found), "max": self.max, "min": self.min}
            if self.max is not None and len(found) > self.max:
                for m in found[self.max :]:
                    yield Match(m.start(), m.end(), args={**args, "match": m.group(0)})
            if self.min is not None and len(found) < self.min and end > start:
                yield Match(start, end, args={**args, "match": text[start:end]})


BASIC_KINDS: dict[str, type[PackRule]] = {
    cls.KIND: cls for cls in (Existence, Substitution, Repetition, Consistency, Occurrence)
}


def template_fields(template: str) -> set[str]:
    """The placeholder names used in a message template."""
    fields = set()
    for _, field_name, _, _ in string.Formatter().parse(template):
        if field_name is not None:
            fields.add(field_name.split(".")[0].split("[")[0])
    return fields
