"""lint.lemmas answers every question exactly as simplemma does, through the shipped block index of
simplemma's Italian dictionary, and falls back to simplemma itself when the index does not fit."""

from __future__ import annotations

import copy
import random
import subprocess
import sys
import unicodedata
from functools import cache

import simplemma
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from lint import lemmas

sys.path.insert(0, str(ROOT / "tools"))
import build_prebuilt


@cache
def _indexed() -> lemmas.Lemmas:
    shipped = lemmas.Lemmas(lemmas.read_index())
    # Without this, every comparison below would compare simplemma with itself.
    assert shipped.indexed == {"it"}, "the shipped index does not fit the installed simplemma"
    return shipped


@cache
def _keys() -> list[str]:
    """simplemma's Italian keys, in the stream's order (its dict keeps it)."""
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    return list(DEFAULT_DICTIONARY_FACTORY.get_dictionary("it"))


def _variants(word: str) -> set[str]:
    return {
        word,
        word.capitalize(),
        word.upper(),
        word.lower(),
        word.swapcase(),
        word[:-1] or "x",
        word + "a",
        "a" + word,
        "l'" + word,
        "L’" + word,
        "dell'" + word.capitalize(),
        word + "-" + word,
        "anti-" + word,
        word.replace("a", "à"),
        unicodedata.normalize("NFD", word.replace("a", "à")),  # simplemma answers for its NFC form
        word + "mente",
        word + "issimo",
        "ri" + word,
    }


def _assert_same(words: set[str], shipped: lemmas.Lemmas) -> None:
    for word in sorted(words):
        assert shipped.is_known(word, "it") == simplemma.is_known(word, lang="it"), word
        assert shipped.lemmatize(word, "it") == simplemma.lemmatize(word, lang="it"), word


def test_the_shipped_index_is_current():
    built = build_prebuilt.build_lemma_index()
    assert build_prebuilt.stale({lemmas.INDEX_FILE: built}) == [], "run python tools/build_prebuilt.py"
    built["languages"]["it"]["offsets"][7] += 1
    assert build_prebuilt.stale({lemmas.INDEX_FILE: built}) == [lemmas.INDEX_FILE]


def test_the_dictionary_answers_for_every_blocks_first_and_last_key_and_what_lies_between():
    from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY

    indexed = _indexed().factory.get_dictionary("it")
    assert isinstance(indexed, lemmas.IndexedStreamMap)
    plain = DEFAULT_DICTIONARY_FACTORY.get_dictionary("it")
    keys = _keys()
    assert len(indexed) == len(plain) == len(keys)
    edges = set()
    for start in range(0, len(keys), lemmas.BLOCK):
        edges.update(keys[start : start + 2])
        edges.update(keys[min(start + lemmas.BLOCK, len(keys)) - 2 : start + lemmas.BLOCK])
    assert len(edges) > 4 * (len(keys) // lemmas.BLOCK) - 4
    for key in edges:
        assert indexed.get(key) == plain[key], key
        # Just before and just after a key: absent unless the dictionary has them.
        for near in (key[:-1], key + "\x00", key + "z", key[:-1] + chr(ord(key[-1]) + 1)):
            assert indexed.get(near) == plain.get(near), near
    assert indexed.get("") == plain.get("") and indexed.get("\U0010ffff") == plain.get("\U0010ffff")
    assert indexed["casa"] == plain["casa"] and "casa" in indexed and "xqzw" not in indexed
    assert list(indexed)[:50] == keys[:50]


def test_random_dictionary_words_and_their_variants_are_answered_as_simplemma_does():
    rng = random.Random(20260)
    words = set()
    for key in rng.sample(_keys(), 1500):
        words |= _variants(key)
    _assert_same(words, _indexed())


def test_unknown_words_go_through_simplemmas_own_strategies():
    """Words simplemma's dictionary lacks: its clitic, hyphen, rule, prefix and affix strategies decide."""
    words = {
        "allenarsi", "dirglielo", "ristrutturazionissima", "antigovernativismo", "euroscetticissime",
        "filibuster", "hawkish", "stakeholder", "Erdoğan", "Biden-Harris", "post-elettorale", "ex-ministro",
        "sottosegretariati", "ultramoderni", "ipersemplificazione", "l'ex", "dell’Ue", "Nato", "NATO",
        "123", "3,5", "½", "e̊", "ﬁnanza", "Cafe\u0301", "citta\u0300", "perche\u0301", "d'", "'", "-", "x",
    }  # fmt: skip
    rng = random.Random(11)
    keys = _keys()
    for _ in range(1500):
        left, right = rng.choice(keys), rng.choice(keys)
        words.add(left[: rng.randint(1, len(left))] + right[rng.randint(0, len(right) - 1) :])
    _assert_same(words, _indexed())


@settings(max_examples=300, deadline=None)
@given(
    word=st.one_of(
        st.text(alphabet="abcdeèéfghiìlmnoòpqrstuùvzAEIOUÈÀ'’-", min_size=1, max_size=16),
        st.sampled_from(
            ["politico", "elezione", "governo", "essere", "andare", "ministro", "Italia"]
        ).flatmap(lambda w: st.sampled_from(sorted(_variants(w)))),
        st.integers(min_value=0, max_value=358_209).map(lambda i: _keys()[i]),
    )
)
def test_any_word_is_answered_as_simplemma_does(word):
    _assert_same({word}, _indexed())


def test_an_index_built_for_another_dictionary_or_simplemma_falls_back_and_answers_right():
    shipped = lemmas.read_index()
    assert shipped is not None
    other_file = copy.deepcopy(shipped)
    size, digest = other_file["languages"]["it"]["source"]
    other_file["languages"]["it"]["source"] = (size, "0" * len(digest))
    other_version = {**shipped, "simplemma": "0.0.1"}
    broken = {**shipped, "languages": {"it": {"source": (size, digest)}}}
    longer = copy.deepcopy(shipped)
    longer["languages"]["it"]["size"] += 1
    words = {"casa", "Politiche", "filibuster", "dell'Europa", "finanziari", "allenarsi", "tedeschi"}
    for index in (other_file, other_version, broken, longer, None):
        fallen_back = lemmas.Lemmas(index)
        assert fallen_back.indexed == frozenset() and fallen_back.factory is None
        _assert_same(words, fallen_back)


def test_an_unreadable_index_is_not_read(tmp_path):
    assert lemmas.read_index(tmp_path) is None
    (tmp_path / lemmas.INDEX_FILE).write_bytes(b"not marshal")
    assert lemmas.read_index(tmp_path) is None
    assert lemmas.read_index() is not None


def test_other_languages_are_simplemmas():
    shipped = _indexed()
    assert "en" not in shipped.indexed
    for word in ("running", "Houses", "went", "filibuster"):
        assert shipped.is_known(word, "en") == simplemma.is_known(word, lang="en")
        assert shipped.lemmatize(word, "en") == simplemma.lemmatize(word, lang="en")


def test_looking_up_never_decodes_the_whole_dictionary_and_importing_costs_nothing():
    code = (
        "import sys\n"
        "from lint import lemmas\n"
        "assert 'simplemma' not in sys.modules\n"
        "from simplemma.strategies.dictionaries.dictionary_factory import DEFAULT_DICTIONARY_FACTORY\n"
        "for word in ('politiche', 'governo', 'filibuster', 'dell’Ue', 'ristrutturazionissima'):\n"
        "    lemmas.is_known(word, 'it'), lemmas.lemmatize(word, 'it')\n"
        "assert lemmas._default().indexed == {'it'}\n"
        "print(DEFAULT_DICTIONARY_FACTORY._get_dictionary.cache_info().currsize)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.strip() == "0"
