"""DUP003 and DUP004 through the configuration: the options that extend their exceptions."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from lint.api import Linter
from lint.cache import Cache
from lint.checks.duplication.dup005_repeated_word_sequence import _SEQUENCE, _flat, _matches
from lint.config import Overrides
from lint.document import Document, Prose

TEXT = "Il dialogo tra Distretto e Distretto è difficile. Lo hanno definito penoso e penoso, a ondate e ondate.\n"


def _codes(tmp_path, config: str | None) -> list[str]:
    if config is not None:
        (tmp_path / ".refuso.yaml").write_text(config, encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    linter = Linter(load_entry_points=False, cache=Cache(None), overrides=Overrides(select=("DUP",)))
    return [f.text for f in linter.check_paths([str(article)]).findings]


def test_an_unknown_capitalised_word_after_tra_is_a_name_until_configured(tmp_path):
    assert _codes(tmp_path, None) == ["Distretto e Distretto", "penoso e penoso", "ondate e ondate"]


def test_options_make_common_nouns_and_iterations(tmp_path):
    config = (
        "language: it\n"
        "rules:\n"
        "  DUP003:\n    options: {common_nouns: [Distretto]}\n"
        "  DUP004:\n    options: {allow: [ondate]}\n"
    )
    assert _codes(tmp_path, config) == ["penoso e penoso"]


_SEQUENCE_PIECES = [
    *("il", "voto", "Il", "VOTO", "l’", "l'", "ordinanza", "dell'", "altro", "a", "poco", "the", "bill"),
    *(" ", " ", "  ", "\t", "\n", "\n\n", ", ", ". ", "-", "3", "İ"),
]


# A sequence of four words that the shared word list splits into five ("dell'" "altro").
_UNIT = ["il", " ", "voto", " ", "dell'", "altro", " ", "a"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_SEQUENCE_PIECES), max_size=24))
@example([*_UNIT, "\n", *_UNIT])
@example(["l’", "ordinanza", " ", "poco", "\t", "l'", "ordinanza", " ", "poco", ". ", "the", " ", "bill"])
def test_repeated_sequences_are_tried_only_where_a_pair_comes_back_and_nothing_is_lost(pieces):
    text = "".join(pieces)
    document = Document(path="x.txt", source=text, prose=Prose.verbatim(text), language="it")
    flat = _flat(text)
    assert [m.span() for m in _matches(document, flat)] == [m.span() for m in _SEQUENCE.finditer(flat)]


# Words joined by a full stop are one word of the shared list ("x.il", "voto.com") and two for the
# pattern: a sequence can start or end inside one.
_JOINED_PIECES = ["il", "voto", "Il", "x", "com", "1", "l'", "altro", ".", ".", " ", " ", "\t", "\n", "-"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_JOINED_PIECES), max_size=20))
@example(["Lo", " ", "il", " ", "voto", " ", "il", " ", "voto", ".", "com"])
@example(["x", ".", "il", " ", "voto", " ", "il", " ", "voto"])
@example(["x", ".", "il", " ", "voto", " ", "il", " ", "voto", ".", "com"])
@example(["1", ".", "400", " ", "l'", "altro", " ", "l'", "altro", ".", "x"])
def test_repeated_sequences_next_to_words_joined_by_a_full_stop_are_found(pieces):
    text = "".join(pieces)
    document = Document(path="x.txt", source=text, prose=Prose.verbatim(text), language="it")
    flat = _flat(text)
    assert [m.span() for m in _matches(document, flat)] == [m.span() for m in _SEQUENCE.finditer(flat)]
