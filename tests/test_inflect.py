"""Word forms for phrase rules: simplemma's lemma dictionary, shared, and each language's own
morphology, which the language module provides through ``Language.inflect``."""

from __future__ import annotations

import ast
import inspect

import lint.inflect
from lint.inflect import forms
from lint.lang import Language, builtin_languages
from lint.lang import en as english
from lint.lang import it as italian


def test_italian_forms_come_from_the_dictionary_and_the_italian_module():
    paid = forms("pagare", "it")
    assert {"pagato", "pagata", "pagando", "pagarlo", "pagherai"} <= paid
    assert {"dalla", "dagli", "dall'"} <= forms("da", "it")  # articulated prepositions
    assert {"sedendosi", "sedersi"} <= forms("sedersi", "it")  # a clitic infinitive
    # What the module adds on its own, without the dictionary's forms.
    assert {"pagherà", "pagarlo", "pagando"} <= italian.inflect("pagare", frozenset())
    assert "dalla" in italian.LANGUAGE.inflect("da", frozenset())


def test_english_adds_regular_endings_only_to_words_the_dictionary_lacks():
    assert forms("zzblorp", "en") == {"zzblorp", "zzblorps", "zzblorpes", "zzblorped", "zzblorping"}
    assert english.inflect("zzblorp", frozenset()) == {
        "zzblorp",
        "zzblorps",
        "zzblorpes",
        "zzblorped",
        "zzblorping",
    }
    assert english.inflect("walk", frozenset({"walked"})) == frozenset()
    assert {"walked", "walking"} <= forms("walk", "en")


def test_every_builtin_language_inflects_through_its_language_object():
    for language in builtin_languages().values():
        assert isinstance(language, Language)
        assert language.lemma_dictionary == language.code and language.inflect is not None


def test_the_shared_part_names_no_language():
    """The morphology lives in lint/lang/: the shared module compares no language code."""
    tree = ast.parse(inspect.getsource(lint.inflect))
    codes = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and node.value in set(builtin_languages())
    }
    assert codes == set()
