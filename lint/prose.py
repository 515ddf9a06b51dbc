"""Prose utilities the rules share: word and name patterns, sentence, paragraph, quotation and address
spans, casing, a document's words."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import regex

from lint.lazyre import LazyPattern

# What may not touch a word on either side for it to count as whole.
WORD_CHAR = r"[\p{L}\p{M}\p{N}_]"
# Whitespace inside one paragraph: spaces and at most one line break.
INLINE_SPACE = r"(?:[^\S\r\n]+(?:\r\n|\r|\n)?[^\S\r\n]*|(?:\r\n|\r|\n)[^\S\r\n]*)"


# What may stand right before a word that starts a scan: spaces and opening marks. Scans start there,
# not at every character, because the standard library's engine then skips ahead at C speed.
WORD_OPENERS = r"[\s“«\"(\[{—–/]"
# Capital letters for patterns run by the ``re`` module, which has no \p{Lu}: Latin, Greek and
# Cyrillic capitals, plus the mixed-case Latin Extended blocks. A superset, for finding candidates
# that an exact \p{Lu} pattern then confirms.
CAPITAL_CANDIDATE = "[A-ZÀ-ÖØ-ÞĀ-ɏΆ-ΫЀ-Я]"


# Lowercase particles that belong to a surname and stand before it as words ("de Gaulle", "van der
# Bellen", "bin Salman", "di Maio", "Lula da Silva"), and prefixes glued to it ("al-Sisi", "d’Alema").
NAME_PARTICLES = frozenset(
    {
        *("de", "di", "da", "du", "des", "del", "della", "la", "le", "lo"),
        *("van", "von", "der", "den", "ter", "ten", "te", "het", "zu", "zum", "zur"),
        *("bin", "ibn", "ben", "bint", "abu", "al", "el", "dos", "das", "do", "af", "av"),
    }
)
NAME_PREFIXES = (
    "al-",
    "el-",
    "as-",
    "ash-",
    "ad-",
    "ar-",
    "at-",
    "az-",
    "an-",
    "ul-",
    "ud-",
    "d'",
    "d’",
    "dell'",
    "dell’",
)
# A capitalised name word, for the ``regex`` module: "Putin", "D’Alema", "Jean-Luc", "Jr.".
NAME_WORD = r"\p{Lu}[\p{L}\p{M}]*(?:['’-]\p{L}[\p{L}\p{M}]*)*\.?"


def is_name_particle(word: str) -> bool:
    """True for a lowercase particle of a surname ("van", "bin") or a glued prefix ("al-", "d’")."""
    return word in NAME_PARTICLES or word in NAME_PREFIXES


def name_pattern(max_words: int = 4, particles: frozenset[str] = NAME_PARTICLES) -> str:
    """A ``regex`` pattern for a personal name of up to ``max_words`` capitalised words, each of which
    may follow lowercase particles or carry a glued prefix: "Putin", "Joe Biden", "de Gaulle",
    "Ursula von der Leyen", "al-Sisi". It ends on a capitalised word, never on a particle."""
    space = r"[^\S\r\n]+"
    particle = "|".join(sorted(map(re.escape, particles), key=len, reverse=True))
    prefix = "|".join(sorted(map(re.escape, NAME_PREFIXES), key=len, reverse=True))
    word = rf"(?:(?:{prefix})(?=\p{{Lu}}))?{NAME_WORD}"
    run = rf"(?:(?:{particle}){space})*"
    return rf"{run}{word}(?:{space}{run}{word}){{0,{max_words - 1}}}"


def either_case_initial(word: str) -> str:
    """A regex for a lowercase word list entry that also matches it capitalised, as at a sentence start."""
    if word and word[0].islower() and word[0].isalpha():
        return f"[{word[0]}{word[0].upper()}]" + word[1:]
    return word


def whole_word(pattern: str) -> str:
    """Wrap a regex so it only matches whole words."""
    return rf"(?<!{WORD_CHAR})(?:{pattern})(?!{WORD_CHAR})"


def match_case(replacement: str, original: str) -> str:
    """Give ``replacement`` the capitalisation of ``original`` (first letter, or all capitals)."""
    if not original or not replacement:
        return replacement
    if original.isupper() and len(original) > 1 and not replacement.isupper():
        return replacement.upper()
    if original[0].isupper() and replacement[0].islower():
        return replacement[0].upper() + replacement[1:]
    return replacement


def sentence_spans(text: str, start: int, end: int, language: str | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences in ``text[start:end]``, found by simplemma's splitter."""
    from simplemma import split_sentences

    lang = language if language in ("it", "en") else None
    cursor = start
    chunk = text[start:end]
    for sentence in split_sentences(chunk, lang=lang):
        i = text.find(sentence, cursor, end)
        if i < 0:
            continue
        cursor = i + len(sentence)
        yield i, cursor


# Web and e-mail addresses: never prose. A trailing full stop or comma belongs to the sentence. Few
# texts have one (address_spans looks first): compiled when one does.
ADDRESS = LazyPattern(
    r"(?:(?:https?|ftp)://|www\.)[^\s<>\"“”«»]+(?<![.,;:!?)\]’'])"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.\p{L}{2,}"
)


def address_spans(text: str) -> list[tuple[int, int]]:
    if "@" not in text and "://" not in text and "www." not in text:
        return []
    return [m.span() for m in ADDRESS.finditer(text)]


_OPENERS = {"“": "”", "«": "»", "„": "“"}
_PAIR_OF_CLOSER = {"”": "“", "»": "«"}
PARAGRAPH_BREAK = regex.compile(r"(?:\r\n|\r|\n)[ \t\f\v]*(?:\r\n|\r|\n)")


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each stretch of ``text`` between blank lines."""
    end = len(text) if end is None else end
    pos = start
    for m in PARAGRAPH_BREAK.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if end > pos:
        yield pos, end


# The characters quoted_spans() acts on: the loop visits only these, not every character.
_QUOTE_MARK = re.compile('[“«„”»"]')


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each stretch between paired quotation marks, marks included.

    Curly quotes and guillemets pair by nesting (German „…“ too); straight double quotes pair in
    order of appearance. Pairs never cross a paragraph break.
    """
    spans: list[tuple[int, int]] = []
    if _QUOTE_MARK.search(text) is None:
        return spans
    for p_start, p_end in paragraph_spans(text):
        stack: list[tuple[str, int]] = []
        straight: int | None = None
        for mark in _QUOTE_MARK.finditer(text, p_start, p_end):
            i = mark.start()
            ch = text[i]
            if ch == "“" and stack and stack[-1][0] == "„":
                spans.append((stack.pop()[1], i + 1))
            elif ch in _OPENERS:
                stack.append((ch, i))
            elif ch in _PAIR_OF_CLOSER:
                opener = _PAIR_OF_CLOSER[ch]
                for k in range(len(stack) - 1, -1, -1):
                    if stack[k][0] == opener:
                        spans.append((stack[k][1], i + 1))
                        del stack[k:]
                        break
            else:  # a straight double quote
                if straight is None:
                    straight = i
                else:
                    spans.append((straight, i + 1))
                    straight = None
    spans.sort()
    return spans


# A word as the word-based rules see it: letters and digits, inner hyphens and dots ("leader-leader",
# "corriere.it"), and a final apostrophe for elided forms ("dell'", "l'").
# Possessive: nothing after a run of word characters can make giving some back succeed, and the engine
# then does not try to.
WORD = re.compile(r"\w++(?:[-.]\w++)*+['’]?", re.UNICODE)


class Words:
    """A document's words in lower case, shared by the rules that look words up (the phrase packs, the
    untranslated-fragment check). The word list and its set come from one C-level pass; where each word
    occurs, and its offsets, only when a rule asks."""

    def __init__(self, text: str) -> None:
        lowered = text.lower().replace("’", "'")
        self._text = lowered if len(lowered) == len(text) else None  # "İ" lowers to two code points
        self._source = text
        self.words: list[str] = (
            WORD.findall(lowered) if self._text is not None else [w.casefold() for w in WORD.findall(text)]
        )
        self.vocabulary = frozenset(self.words)

    @functools.cached_property
    def index(self) -> dict[str, list[int]]:
        index: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            found = index.get(word)
            if found is None:
                index[word] = [i]
            else:
                found.append(i)
        return index

    @functools.cached_property
    def spans(self) -> list[tuple[int, int]]:
        if self._text is None:
            return [m.span() for m in WORD.finditer(self._source.replace("’", "'"))]
        # The words were found in this very text, in order, with only non-word characters between them
        # (a word starts with one): each is the first place its text occurs after the one before.
        spans, at, find = [], 0, self._text.find
        for word in self.words:
            start = find(word, at)
            at = start + len(word)
            spans.append((start, at))
        return spans


class WordMemo:
    """The words that pass ``test`` among every word a process has seen, each word tested once: a rule
    that judges a document's vocabulary word by word asks for the new words only. Past ``most`` words
    seen it starts afresh (a long-running server forgets rather than grow without end); a call under
    way keeps the sets it read."""

    def __init__(
        self, test: Callable[[set[str] | frozenset[str]], Iterable[str]], most: int = 1_000_000
    ) -> None:
        self.test, self.most = test, most
        self.seen: set[str] = set()
        self.passed: set[str] = set()

    def __call__(self, words: frozenset[str]) -> set[str]:
        if len(self.seen) > self.most:
            self.seen, self.passed = set(), set()
        seen, passed = self.seen, self.passed
        new = words - seen
        if new:
            passed.update(self.test(new))
            seen.update(new)  # after: a word seen is one already tested
        return passed


def document_words(document: Any) -> Words:
    """The document's :class:`Words`, computed once per document."""
    text = document.prose.text
    return document.shared("words", lambda: Words(text))
