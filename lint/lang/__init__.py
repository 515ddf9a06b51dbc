"""Languages: one module per language (:mod:`lint.lang.it`, :mod:`lint.lang.en`) holding what refuso's
rules, language detection and interface need to know about it, registered through the
``refuso_languages`` hook (refuso's own languages exactly as an outside plugin's).

A :class:`Language` is data; :class:`Languages` is the registry one run reads: detection scores every
registered language that has function words, and rules that know words of every language (the words
that make a title past or future) read them from all of them.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

# refuso's own languages, one module each: what its built-in plugin registers through
# ``refuso_languages``, and what is known before any plugin is loaded (a rule's default languages).
BUILTIN_MODULES = ("lint.lang.it", "lint.lang.en")


@dataclass(frozen=True)
class Language:
    """Everything language-specific refuso knows about one language; every field but the code and
    name is optional, and a rule that needs what a language lacks finds nothing in it."""

    code: str  # "it"
    name: str  # "Italian", for messages
    function_words: frozenset[str] = frozenset()  # detection counts these
    contrast: str | None = None  # the language its copy is told apart from, and most often translated from
    # Frequent words of this language that are rare in ``contrast`` (one per line): detection of short texts.
    distinctive_words_file: Path | None = None
    past_words: frozenset[str] = frozenset()  # "ex", "former": a title for a past role
    future_words: frozenset[str] = frozenset()  # "neo", "incoming": a title for a role about to begin
    title_blockers: frozenset[str] = frozenset()  # "vice", "deputy": another office, not judged
    title_articles: frozenset[str] = frozenset()  # "il", "the": may stand before those words
    determiners: frozenset[str] = frozenset()  # a phrase pack's [det]
    months: tuple[str, ...] = ()  # January first, as written in a date
    labels: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))  # interface text
    # Inflection, for phrase rules written with base forms: the lemma dictionary simplemma has for this
    # language (its code), and the language's own morphology, ``inflect(word, known)``: the forms of a
    # lower-case base ``word`` that the dictionary's ``known`` forms lack (regular endings, clitics).
    lemma_dictionary: str | None = None
    inflect: Callable[[str, frozenset[str]], frozenset[str]] | None = None
    # Words never read as a form of another word in a phrase (articles, prepositions, clitics that a
    # paradigm or the lemma dictionary files under a verb), and the few that really are forms of one.
    not_forms: frozenset[str] = frozenset()
    own_forms: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    comma_lowercase_words: frozenset[str] = frozenset()  # "il", "the": never capitalised after a comma
    # Verb forms and conjunctions never capitalised in mid-sentence, even after a name (TYP007: "Santos
    # Fu espulso"), and the nouns and prepositions after which a work's title may start with one ("il film
    # Perché no", "la cantante di Ecco l'amore").
    midsentence_lowercase_words: frozenset[str] = frozenset()
    title_lead_words: frozenset[str] = frozenset()
    # Words no repeated phrase (MTP010) starts or ends on, besides the function words: auxiliaries,
    # clitics, quantifiers, possessives.
    phrase_edge_words: frozenset[str] = frozenset()
    # Words and phrasings that fill rules' message templates: {"former": "ex", "title_with_country":
    # "{title} {country.it_of}"}; a rule that needs one this language lacks writes its text without it.
    words: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    # The closed word classes the machine-translation detectors read (lint.checks.mt): months, units,
    # speech verbs, time zones… by name.
    mt_words: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    # The names of languages in this one, by code, for messages: {"en": "inglese"}.
    language_names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def distinctive_words(self) -> frozenset[str]:
        if self.distinctive_words_file is None:
            return frozenset()
        from lint.data import word_list

        return word_list(self.distinctive_words_file)

    def label(self, key: str, fallback: Mapping[str, str] | None = None) -> str:
        """An interface label in this language (``fallback``'s when this language has none)."""
        if key in self.labels:
            return self.labels[key]
        return (fallback or {}).get(key, key)


class Languages(Mapping[str, Language]):
    """The registered languages by code, in the order they were registered (refuso's own first)."""

    def __init__(self, languages: Iterable[Language]) -> None:
        self._by_code: dict[str, Language] = {}
        for language in languages:
            self._by_code.setdefault(language.code, language)
        self._unions: dict[str, frozenset[str]] = {}

    def __getitem__(self, code: str) -> Language:
        return self._by_code[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_code)

    def __len__(self) -> int:
        return len(self._by_code)

    def union(self, attribute: str) -> frozenset[str]:
        """One word set of every language together: ``union("past_words")``. Rules ask for it on every
        document, and the languages (frozen) never change: each set is made once."""
        found = self._unions.get(attribute)
        if found is None:
            found = self._unions[attribute] = frozenset(
                word for language in self._by_code.values() for word in getattr(language, attribute)
            )
        return found

    def labels(self, code: str | None, fallback: str = "en") -> Mapping[str, str]:
        """The interface labels of a language, falling back to ``fallback``'s for what it lacks."""
        base = dict(self[fallback].labels) if fallback in self else {}
        if code in self._by_code and code != fallback:
            base.update(self._by_code[code].labels)
        return base


@functools.cache
def builtin_languages() -> Languages:
    """refuso's own languages (:data:`BUILTIN_MODULES`), without a plugin manager: what is true before
    plugins load. A run's registry (``Plugins.languages``) also holds the plugins' languages."""
    import importlib

    return Languages(importlib.import_module(name).LANGUAGE for name in BUILTIN_MODULES)
