"""What a rule is: its metadata (the single source of its documentation), what it returns, and the rule set.

Rules come from YAML packs (:mod:`lint.packs`), Python checks (:mod:`lint.checks`) and plugins; all of
them are objects with a :class:`RuleMeta` and a ``check`` method returning :class:`Match` objects in
prose offsets. The engine turns matches into findings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from lint.findings import Applicability, Category, Severity

if TYPE_CHECKING:
    from lint.document import Document
    from lint.lang import Language, Languages

CODE_PATTERN = re.compile(r"^(?:[A-Z]{2,4}\d{3}|[A-Za-z][A-Za-z0-9_-]*[.:][A-Za-z0-9_.:-]+)$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")

# Expected spans in a flagged example are written between these marks: "il ⟦il il⟧ cane".
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"

# The name of a rule's own ``message`` among its templates.
DEFAULT_TEMPLATE = "default"

SCOPES = ("text", "heading", "paragraph", "list", "blockquote", "table", "quote", "address")


@dataclass(frozen=True, slots=True)
class Example:
    """A flagged or clean example from a rule's documentation; the tests run every one."""

    text: str  # with ⟦ ⟧ marks around expected spans (flagged examples)
    flagged: bool
    language: str | None = None
    fixed: str | None = None  # the text after applying the rule's fixes, when it has one
    label: str | None = None  # which part of the rule it illustrates (a phrase pack's entry id)
    config: Mapping[str, Any] | None = None  # the configuration it runs under, for a rule that needs one

    @property
    def plain(self) -> str:
        return self.text.replace(MARK_OPEN, "").replace(MARK_CLOSE, "")

    @property
    def spans(self) -> list[tuple[int, int]]:
        """Expected (start, end) offsets in :attr:`plain`."""
        spans, out_len, start = [], 0, None
        for ch in self.text:
            if ch == MARK_OPEN:
                start = out_len
            elif ch == MARK_CLOSE:
                if start is not None:
                    spans.append((start, out_len))
                start = None
            else:
                out_len += 1
        return spans


@dataclass(frozen=True)
class RuleMeta:
    """Everything a rule says about itself. ``refuso explain``, the docs and SARIF render this."""

    code: str
    name: str
    category: Category
    severity: Severity
    message: Mapping[str, str]  # language -> template; key "*" for any language: the "default" template
    description: Mapping[str, str]
    examples: tuple[Example, ...]
    languages: frozenset[str] | None = None  # None: every language
    scope: tuple[str, ...] = ("text",)
    preview: bool = False
    aliases: tuple[str, ...] = ()
    fix: Applicability | None = None
    reference: str = ""
    options: Mapping[str, Any] = field(default_factory=dict)  # option -> default value
    origin: str = ""  # where the rule is defined: "rules/it/x.yaml:12" or a module
    plugin: str = "refuso"
    # A namespace rule reports findings under codes of its own, "<code>:<id>" (LanguageTool's
    # "LT:WHITESPACE_RULE"): each match names its code, name and category.
    namespace: bool = False
    # Named templates besides the default one, each per language: {"past-role": {"it": …, "en": …}}.
    # A match names the one it needs (Match.template); the engine fills it in the document's language.
    messages: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def message_for(self, language: str | None, template: str | None = None) -> str:
        """The template ``template`` (the rule's ``message`` when None or "default") in ``language``."""
        if template is None or template == DEFAULT_TEMPLATE:
            return _pick(self.message, language)
        if template not in self.messages:
            raise KeyError(f"rule {self.code} has no message template {template!r}")
        return _pick(self.messages[template], language)

    def description_for(self, language: str | None) -> str:
        return _pick(self.description, language)

    def applies_to(self, language: str | None) -> bool:
        return self.languages is None or language in self.languages

    @property
    def all_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


def _pick(texts: Mapping[str, str], language: str | None) -> str:
    if language in texts:
        return texts[language]  # type: ignore[index]
    if "*" in texts:
        return texts["*"]
    if "en" in texts:
        return texts["en"]
    return next(iter(texts.values()), "")


@dataclass(frozen=True, slots=True)
class Match:
    """What a rule found, in offsets of ``document.prose.text``.

    ``args`` fill the placeholders of the rule's message, or of the named ``template`` among the rule's
    ``messages``, in the document's language; ``message`` (a finished sentence, for plugins that bring
    their own text) replaces it outright.
    ``replacement`` is what the span should become, when the rule can fix it.
    """

    start: int
    end: int
    args: Mapping[str, Any] = field(default_factory=dict)
    message: str | None = None
    template: str | None = None  # a name in the rule's ``messages``; None: its ``message``
    suggestions: tuple[str, ...] = ()
    replacement: str | None = None
    severity: Severity | None = None  # lower than the rule's for this match (a low-confidence entry)
    entry: str | None = None  # which entry of a many-entry rule matched (a phrase pack's entry id)
    # For namespace rules only: the finding's own code ("LT:ST_03_001[1]"), name and category.
    code: str | None = None
    name: str | None = None
    category: Category | None = None


class CheckContext(Mapping[str, Any]):
    """What a rule's ``check`` receives besides the document: the rule's resolved options, as a
    read-only mapping (``options.get("allow")``), and the run's services as attributes.

    ``timeout``: the seconds the rule's patterns may take on this document; ``knowledge``: a callable
    returning the compiled knowledge base (loaded on first call), or None; ``languagetool``: the run's
    LanguageTool service, for the LT rule; ``language``: the document's :class:`lint.lang.Language`
    (None for a language no plugin registers); ``languages``: every registered language;
    ``vocabulary``: the project's accepted words (:class:`lint.vocabulary.Vocabulary`), or None.
    """

    __slots__ = ("_options", "knowledge", "language", "languages", "languagetool", "timeout", "vocabulary")

    def __init__(
        self,
        options: Mapping[str, Any] | None = None,
        *,
        timeout: float = 2.0,
        knowledge: Any = None,
        languagetool: Any = None,
        language: Language | None = None,
        languages: Languages | None = None,
        vocabulary: Any = None,
    ) -> None:
        from lint.lang import Languages

        set_slot = object.__setattr__
        set_slot(self, "_options", dict(options or {}))
        set_slot(self, "language", language)
        set_slot(self, "languages", languages if languages is not None else Languages(()))
        set_slot(self, "timeout", timeout)
        set_slot(self, "knowledge", knowledge)
        set_slot(self, "languagetool", languagetool)
        set_slot(self, "vocabulary", vocabulary)

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"a check context is read-only: cannot set {name!r}")

    def __getitem__(self, key: str) -> Any:
        return self._options[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._options)

    def __len__(self) -> int:
        return len(self._options)

    def knowledge_base(self) -> Any:
        """The compiled knowledge base (:class:`lint.kb.index.CompiledKB`), or None when the run has none."""
        return self.knowledge() if callable(self.knowledge) else None


@runtime_checkable
class Rule(Protocol):
    """The interface every rule implements, built-in or from a plugin."""

    meta: RuleMeta

    def check(self, document: Document, options: CheckContext) -> Iterable[Match]:
        """Return the matches in ``document.prose.text``. ``options`` are the rule's resolved options
        and the run's services (:class:`CheckContext`)."""
        ...


class RuleSetError(Exception):
    pass


class RuleSet:
    """An immutable collection of rules, looked up by code, name or alias."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        by_code: dict[str, Rule] = {}
        by_name: dict[str, Rule] = {}
        for rule in rules:
            meta = rule.meta
            if meta.code in by_code:
                other = by_code[meta.code].meta
                raise RuleSetError(
                    f"rule code {meta.code} is defined twice: in {other.origin or other.plugin} "
                    f"and in {meta.origin or meta.plugin}"
                )
            by_code[meta.code] = rule
            for name in meta.all_names:
                if name in by_name and by_name[name] is not rule:
                    other = by_name[name].meta
                    raise RuleSetError(
                        f"rule name {name!r} is used by {other.code} ({other.origin or other.plugin}) "
                        f"and {meta.code} ({meta.origin or meta.plugin})"
                    )
                by_name[name] = rule
        self._by_code = dict(sorted(by_code.items()))
        self._by_name = by_name

    def __iter__(self):
        return iter(self._by_code.values())

    def __len__(self) -> int:
        return len(self._by_code)

    @property
    def codes(self) -> list[str]:
        return list(self._by_code)

    def get(self, key: str) -> Rule | None:
        return self._by_code.get(key) or self._by_name.get(key)

    def metas(self) -> list[RuleMeta]:
        return [rule.meta for rule in self._by_code.values()]
