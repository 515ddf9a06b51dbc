"""Inflected forms of words, for phrase rules written with base forms.

A phrase rule says "indirizzare preoccupazione"; it must match "indirizzato le preoccupazioni". The
forms come from simplemma's lemma dictionaries, inverted (lemma -> forms) once per process, plus what
each language adds through its ``Language.inflect`` (:mod:`lint.lang.it`: clitic infinitives such as
"sedersi", regular plurals and paradigms; :mod:`lint.lang.en`: regular endings).
This runs when a pack is validated, not on every start: the forms are cached with the pack.
"""

from __future__ import annotations

import functools


@functools.cache
def _lemma_forms(language: str) -> dict[bytes, list[bytes]]:
    """simplemma's form -> lemma dictionary, inverted. Read as the raw bytes simplemma stores when it can:
    decoding a third of a million entries to build the inversion would cost more than reading them."""
    from simplemma.strategies.dictionaries.dictionary_factory import DefaultDictionaryFactory

    dictionary = DefaultDictionaryFactory().get_dictionary(language)
    raw = getattr(dictionary, "_dict", None)
    items = (
        raw.items() if isinstance(raw, dict) else ((f.encode(), m.encode()) for f, m in dictionary.items())
    )
    inverted: dict[bytes, list[bytes]] = {}
    for form, lemma in items:
        forms_of = inverted.get(lemma)
        if forms_of is None:
            inverted[lemma] = [form]
        else:
            forms_of.append(form)
    return inverted


def _known_forms(word: str, language: str) -> set[str]:
    inverted = _lemma_forms(language)
    found: set[str] = set()
    for key in {word, word.capitalize()}:
        found.update(f.decode().casefold() for f in inverted.get(key.encode(), ()))
    return found


@functools.cache
def forms(word: str, language: str) -> frozenset[str]:
    """Every form of ``word`` (a base form) in ``language`` (one of refuso's languages, see
    :func:`lint.lang.builtin_languages`), lower case, ``word`` included."""
    from lint.lang import builtin_languages

    word = word.casefold()
    spoken = builtin_languages().get(language)
    dictionary = spoken.lemma_dictionary if spoken is not None else language
    known = _known_forms(word, dictionary) if dictionary else set()
    found = {word, *known}
    if spoken is not None and spoken.inflect is not None:
        found |= spoken.inflect(word, frozenset(known))
    if spoken is None:
        return frozenset(found)
    # Function words are never read as forms of another word ("di" under dare, "si" under essere),
    # though an article or preposition keeps its own forms ("il" -> "la", "di" -> "della").
    if word in spoken.not_forms:
        return frozenset(found)
    own = {word} | spoken.own_forms.get(word, frozenset())
    found |= own
    return frozenset(f for f in found if f in own or f not in spoken.not_forms)
