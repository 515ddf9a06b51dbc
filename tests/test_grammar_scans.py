"""The grammar rules and MTP045 try their patterns only where the shared word list says they can begin,
and ask the dictionary last: they find exactly what the plain scans over the whole text find."""

from __future__ import annotations

import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lint.checks.grammar import finditer
from lint.checks.grammar import grm001_article_form as grm001
from lint.checks.grammar import grm002_euphonic_d as grm002
from lint.checks.grammar import grm003_gender_agreement as grm003
from lint.checks.mt import mtp045_untranslated_word as mtp045
from lint.document import Document, Prose

# Each pattern with the triggers, endings and following letters its rule passes.
SCANS = {
    "determiner": (grm001._DETERMINER, grm001._DETERMINERS, (), grm001._FOLLOW),
    "un'": (grm001._UN_ELIDED, grm001._UN, (), None),
    "e/a": (grm002._PAIR, grm002.TRIGGERS, (), grm002._FOLLOW),
    "noun-adjective": (grm003._NOUN_ADJECTIVE, frozenset(), grm003.ENDINGS, None),
    "one of": (grm003._ONE_OF, grm003._ONE, (), None),
    "determiner-noun": (grm003._DETERMINER_NOUN, grm003._ARTICLES, (), None),
}

# Words that begin the patterns, and what can follow them: a match that takes in the next trigger
# («dal agli stati»), full stops joining words («x.il»), capitals, apostrophes, and the letters re's
# case folding pairs with ASCII ones or the [à-ù] ranges take for letters («ı», «ſ», «÷»).
PIECES = [
    "il", "Il", "IL", "i", "I", "lo", "dello", "del", "dal", "agli", "degli", "dei", "un", "Un", "un'",
    "un’", "uno", "Uno", "una", "Una", "la", "La", "della", "nella", "questa", "e", "E", "a", "A", "ed",
    "ex", "erano", "andare", "alto", "stato", "sciopero", "zaino", "gnomo", "psicologo", "studio",
    "giorno", "anno", "azione", "altra", "altro", "situazione", "economico", "economica", "movimento",
    "politica", "politici", "elezioni", "sistema", "nuova", "programma", "delle", "più", "grandi",
    "organizzazioni", "movimenti", "x.il", "x.", "x", "ıl", "ſul", "÷zione", "abc÷zione", "-", ".", "'",
    "presidente", "Sciopero", "STUDIO", "sTato", "governo", "xilofono", "Xeno", "pneumatico", "ieri", "Èra",
    "sindaco", "Stati", "GNOMO", "pSicologo", "zona", "Psiche",
    "«", "»", "3", "İ",
]  # fmt: skip
GAPS = [" ", " ", " ", "  ", "\u00a0", "", "\n", "-", ".", "/"]


def _document(text: str) -> Document:
    return Document(path="x.txt", source=text, prose=Prose.verbatim(text))


def _same(text: str) -> None:
    document = _document(text)
    for name, (pattern, triggers, endings, follow) in SCANS.items():
        fast = [m.span() for m in finditer(document, pattern, triggers, endings, follow)]
        plain = [m.span() for m in pattern.finditer(text)]
        if follow is None:
            assert fast == plain, (name, text)
        else:
            # skipped matches are only those the rule drops: compare the matches it can report
            assert set(fast) <= set(plain), (name, text)
            for span in set(plain) - set(fast):
                m = pattern.match(text, span[0])
                det = m.group(1)
                word = text[m.end(1) :].lstrip(" \u00a0")
                assert re.match(r"\S+[ \u00a0]\S", m.group()), (name, text)
                if name == "determiner":
                    # the rule itself: the article is right before the word, or the rule cannot tell
                    right = grm001.ArticleForm._article(det.lower(), m.group("word"), text, span[0])
                    assert right is None, (name, text, m.group())
                else:
                    assert word[:1] not in follow[det.lower()], (name, text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(GAPS)), max_size=16))
def test_the_grammar_scans_find_what_the_patterns_find(pieces):
    _same("".join(word + gap for word, gap in pieces))


def test_the_grammar_scans_in_running_text():
    text = (
        "Il treno dal agli stati è arrivato, un stratega con la situazione economico. x.il sciopero "
        "e erano «a andare»; uno dei più grandi organizzazioni, della nuova sistema e dello giorno."
    )
    _same(text)
    found = [m.group() for m in finditer(_document(text), *SCANS["determiner"])]
    assert found == ["dal agli", "un stratega", "il sciopero", "dello giorno"]  # not «dei più»: right
    noun_adjective = [m.group() for m in finditer(_document(text), *SCANS["noun-adjective"])]
    assert noun_adjective == ["situazione economico"]


def test_the_grammar_scans_over_generated_pairs():
    rng = random.Random(11)
    for _ in range(300):
        text = "".join(rng.choice(PIECES) + rng.choice(GAPS) for _ in range(rng.randint(1, 40)))
        _same(text)


def _plain_mtp045(document: Document) -> list[tuple[int, int]]:
    """MTP045 as it was written first: the dictionary asked about every candidate of the document."""
    english = mtp045._english()
    words = mtp045.vocabulary(document)
    nouns = {w for w in words & english if len(w) >= mtp045._MIN_LETTERS}
    verbs = {w for w in words if len(w) >= 7 and mtp045._VERB_ENDING.match(w) and w not in english}
    nouns = {w for w in nouns if not mtp045._known_italian(w)}
    verbs = {
        w
        for w in verbs
        if mtp045._english_verb(mtp045._VERB_ENDING.match(w)["stem"], english) is not None
        and not mtp045._known_italian(w)
        and not mtp045._known_italian(mtp045._VERB_ENDING.match(w)["stem"] + "are")
    }
    text = document.prose.text
    found = []
    for start, end in mtp045.word_spans(document, nouns | verbs):
        word = text[start:end]
        if not word.islower():
            continue
        before = mtp045._WORD_BEFORE.search(text, max(0, start - 40), start)
        after = mtp045._WORD_AFTER.match(text, end)
        previous = before.group(1) if before else ""
        following = after.group(1) if after else ""
        if mtp045._english_neighbour(previous) or mtp045._english_neighbour(following):
            continue
        if (start > 0 and text[start - 1] in "-'’") or text[end : end + 1] in ("-", "'", "’"):
            continue
        folded = word.casefold()
        if folded in verbs:
            if (
                previous.casefold() not in mtp045._VERB_CONTEXT
                and not mtp045._VERB_ENDING.match(folded)["clitic"]
            ):
                continue
        elif previous.casefold() not in mtp045._GOVERNORS:
            continue
        if mtp045.in_quotes(text, start):
            continue
        found.append((start, end))
    return found


MTP045_PIECES = [
    "la", "il", "ha", "lo", "Il", "the", "ieri", "cloture", "backbenchers", "endorsato", "endorsa",
    "endorsarla", "bannato", "twittato", "scrubbing", "shutdown", "staff", "filibuster", "conservatori",
    "governo", "revolt", "Cloture", "«", "»", '"', "-", "'", ".", "ß", "straße", "İ",
]  # fmt: skip


def test_mtp045_finds_what_the_plain_way_finds():
    rng = random.Random(5)
    for _ in range(400):
        text = "".join(
            rng.choice(MTP045_PIECES) + rng.choice([" ", " ", "  ", "", "\n\n", "-"])
            for _ in range(rng.randint(1, 24))
        )
        document = _document(text)
        assert [(m.start, m.end) for m in mtp045.RULE.check(document, {})] == _plain_mtp045(
            _document(text)
        ), text


def test_the_word_memos_forget_and_answer_the_same(monkeypatch):
    import lint.checks.grammar as grammar

    text = "Il governo dal agli stati, la situazione economico e ha endorsato la cloture; e erano."
    monkeypatch.setattr(grammar._ENDINGS_SEEN, "most", 0)
    monkeypatch.setattr(mtp045._VERB_FORMS, "most", 0)
    for _ in range(2):
        _same(text)
        assert [(m.start, m.end) for m in mtp045.RULE.check(_document(text), {})] == _plain_mtp045(
            _document(text)
        )
    assert grammar._ENDINGS_SEEN.seen and mtp045._VERB_FORMS.seen


def test_mtp036_hint_finds_what_the_plain_alternatives_find():
    from lint.checks.mt import mtp036_headline_title_case as mtp036
    from lint.checks.mt.words import words
    from lint.prose import CAPITAL_CANDIDATE

    data = words("it")
    hints = data["title_case_function_words"] | {p for p in data["surname_particles"] if p.isalpha()}
    alternatives = "|".join(sorted((w.capitalize() for w in hints), key=len, reverse=True))
    plain = re.compile(rf" (?:{alternatives})[ \u00a0]+{CAPITAL_CANDIDATE}")
    pieces = [
        *(w.capitalize() for w in sorted(hints)), *sorted(hints), "Kevin", "Rimosso", "Camera", "la",
        "Élite", "Ħal", "Di", "DI", "dI", "2024", "«", "'", "\u00a0", "",
    ]  # fmt: skip
    rng = random.Random(36)
    for _ in range(500):
        text = "".join(rng.choice(pieces) + rng.choice([" ", " ", "  ", "\u00a0", ""]) for _ in range(30))
        assert [m.span() for m in mtp036._hint(hints).finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text


def _rule_spans(rule, text: str) -> list[tuple[int, int, tuple[str, ...]]]:
    from types import SimpleNamespace

    from lint.lang import builtin_languages

    options = SimpleNamespace(languages=builtin_languages())
    return [(m.start, m.end, tuple(m.suggestions)) for m in rule.check(_document(text), options)]


def test_grm001_and_grm003_find_what_they_find_with_plain_scans(monkeypatch):
    rng = random.Random(3)
    texts = [
        "".join(rng.choice(PIECES) + rng.choice(GAPS) for _ in range(rng.randint(1, 40))) for _ in range(300)
    ]
    fast = [(_rule_spans(grm001.RULE, t), _rule_spans(grm003.RULE, t)) for t in texts]
    assert any(found for pair in fast for found in pair)

    def plain(document, pattern, *args, **kwargs):
        return pattern.finditer(document.prose.text)

    monkeypatch.setattr(grm001, "finditer", plain)
    monkeypatch.setattr(grm003, "finditer", plain)
    for text, found in zip(texts, fast, strict=True):
        assert found == (_rule_spans(grm001.RULE, text), _rule_spans(grm003.RULE, text)), text
