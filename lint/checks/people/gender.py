"""The people of an article whose gender is known, for the agreement rules: the knowledge base's people
whose source gives it, and people the KB does not know, named in full with a first name whose gender
a name table gives unambiguously (then by their surname alone further on)."""

from __future__ import annotations

import bisect
import calendar
import functools
import re
from typing import NamedTuple

from lint.document import Document
from lint.kb.index import CompiledKB
from lint.kb.keys import key
from lint.prose import quoted_spans

from .names import covers, find_mentions, merged, name_runs, people_named_in_full

# Words before a first name that belong to the name run but are not names: titles in their English
# abbreviated form, left by a translation ("Dr. Mandy Cohen").
_HONORIFICS = {
    "dr",
    "dott",
    "prof",
    "mr",
    "mrs",
    "ms",
    "sen",
    "rep",
    "gov",
    "gen",
    "sr",
    "jr",
    "st",
    "dottor",
}
# First names that mostly open the names of places and institutions in Italian.
_PLACE_WORDS = {
    "santa",
    "santo",
    "san",
    "marina",
    "villa",
    "porta",
    "regina",
    "italia",
    "costa",
    "valle",
    "monte",
}
# English writes days and months with a capital: they are no one's names.
_CALENDAR_WORDS = frozenset(w.casefold() for w in (*calendar.day_name, *calendar.month_name) if w)
_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+(?:[-'’][A-ZÀ-ÖØ-Þ]?[a-zà-öø-ÿ]+)*$")
# An end of sentence: a full stop (not of a one-letter initial or an honorific), a question or
# exclamation mark, a closing quote after one, then a capital or an opening quote; or a paragraph break.
# The mark comes first and the look-behinds after it (one character further back): a pattern that
# opens with a set of characters is searched for by that set, one opening with look-behinds is tried
# at every position of the text.
_SENTENCE_END = re.compile(
    r"[.!?…\n](?:(?<=[.!?…])(?<!\b[A-Z].)(?<!\b(?:Dr|Mr|Ms|St|Jr|Sr).)(?<!\bMrs.)(?<!\bDott.)(?<!\bProf.)"
    r"[\"»”’]?[ \u00a0]+(?=[\"«“]?[A-ZÀ-ÖØ-Þ])|(?<=\n)[ \t]*\n)"
)


class GenderedMention(NamedTuple):
    """A person named in the article, with the gender the KB gives, or the one their first name gives,
    looked up only when a rule asks (the name table is read only then). A named tuple: an article
    names hundreds of people, and a frozen dataclass takes several times longer to make."""

    start: int
    end: int
    name: str  # the name to show in a message: the KB's, or the full name as written
    known_gender: str | None  # the KB's
    surname_only: bool
    in_kb: bool
    first_names: tuple[str, ...] = ()  # the first names of everyone the article names with this surname
    language: str | None = None
    person: str | None = None  # the KB's id

    @property
    def gender(self) -> str | None:
        if self.in_kb:
            return self.known_gender
        genders = {first_name_gender(first, self.language) for first in self.first_names}
        return genders.pop() if len(genders) == 1 else None


@functools.cache
def _name_table() -> list[str]:
    """The lines of rules/lexicon/first-names.txt ("name<TAB>m|f", sorted), read on first use: only
    an article naming someone the KB does not know needs it."""
    from lint.data import rules_dir

    return _table_lines((rules_dir() / "lexicon" / "first-names.txt").read_text(encoding="utf-8"))


def _table_lines(text: str) -> list[str]:
    """The lines of ``text`` that are neither empty nor comments. The table's comments all head it: the
    lines after them are taken at once, without testing each of 46,000; a comment or an empty line
    further down (counted in C) falls back to testing each."""
    lines = text.splitlines()
    body = 0
    while body < len(lines) and lines[body].startswith("#"):
        body += 1
    table = lines[body:]
    if text.count("\n#") == max(body - 1, 0) and "" not in table:
        return table
    return [line for line in lines if line and not line.startswith("#")]


def _table_gender(name: str) -> str | None:
    lines = _name_table()
    needle = name + "\t"
    at = bisect.bisect_left(lines, needle)
    if at < len(lines) and lines[at].startswith(needle):
        return lines[at][len(needle) :]
    return None


@functools.cache
def first_name_gender(word: str, language: str | None) -> str | None:
    """ "m" or "f" when the name table gives the first name one gender (Italian usage first: Andrea is a
    man's name in Italy), else None: names shared by men and women are not in it."""
    if not _WORD.match(word) or len(word) < 3:
        return None
    folded = word.casefold()
    found = _table_gender(folded)
    if found is None and ("-" in folded or "'" in folded or "’" in folded):
        found = _table_gender(re.sub(r"[-'’]", "", folded))  # Anne-Marie as Annemarie
    return found


def common_word(document: Document, word: str, function_words: frozenset[str]) -> bool:
    """A capitalised word that is an ordinary word: a function word, or one the article also writes in
    lower case ("Secondo", "Parlando" opening a sentence)."""
    folded = word.casefold()
    if folded in function_words or folded in _CALENDAR_WORDS:
        return True
    return _written_in_lower_case(document.prose.text, folded)


_LOWER_LETTERS = re.compile(r"[a-zà-öø-ÿ]+")
_WORD_CHARACTER = re.compile(r"[\w'’-]")


def _written_in_lower_case(text: str, folded: str) -> bool:
    """Whether ``folded`` stands in ``text`` as a word of its own, lower-case letters between characters
    that are no word's: looked for by the word itself, the few times a rule asks, rather than by
    collecting every lower-case word of the text."""
    if not _LOWER_LETTERS.fullmatch(folded):
        return False
    at = text.find(folded)
    while at >= 0:
        end = at + len(folded)
        if (at == 0 or not _WORD_CHARACTER.match(text, at - 1)) and not _WORD_CHARACTER.match(text, end):
            return True
        at = text.find(folded, at + 1)
    return False


def gendered_mentions(
    document: Document, ckb: CompiledKB | None, function_words: frozenset[str] = frozenset()
) -> list[GenderedMention]:
    """Every mention of a person of known gender, in the order of the text (computed once per document)."""

    def compute() -> list[GenderedMention]:
        text = document.prose.text
        language = document.language
        kb_mentions = (
            [m for m in find_mentions(document, ckb) if m.belongs_to(ckb)] if ckb is not None else []
        )
        # Every KB name keeps its words from being read as an unknown person; a lone surname only when
        # the article names no one else with it ("Mandy Cohen ... ha detto Cohen" is not the KB's Cohen).
        taken = merged((m.start, m.end) for m in kb_mentions if not m.surname_only)
        unknown = _unknown_people(document, text, language, taken, function_words)
        theirs = {(m.start, m.end) for m in unknown if m.surname_only}
        in_full: set[str] | None = None  # needed only for a surname an unknown person also has
        found: list[GenderedMention] = []
        for mention in kb_mentions:
            if mention.surname_only and (mention.start, mention.end) in theirs:
                if in_full is None:
                    in_full = people_named_in_full(kb_mentions)
                if not any(p in in_full for p in mention.people):
                    continue
                unknown = [m for m in unknown if (m.start, m.end) != (mention.start, mention.end)]
            if len(mention.people) != 1:
                continue
            person = ckb.kb.people[mention.people[0]]  # type: ignore[union-attr]
            if person.gender not in ("m", "f") or person.gender_inferred:
                continue
            if person.minor and mention.surname_only:
                continue
            name = person.name_for(language)
            found.append(
                GenderedMention(
                    mention.start,
                    mention.end,
                    name,
                    person.gender,
                    mention.surname_only,
                    True,
                    person=person.id,
                )
            )
        found.extend(unknown)
        found.sort(key=lambda m: m.start)
        return found

    return document.shared("gendered-mentions", compute)


def _unknown_people(
    document: Document,
    text: str,
    language: str | None,
    taken: list[tuple[int, int]],
    function_words: frozenset[str],
) -> list[GenderedMention]:
    """People the KB does not know: a first name followed by a surname, then that surname alone after
    the full name. Their gender is looked up later, and only if one first name gives it."""
    full: list[tuple[int, int, str, str]] = []  # start, end, first name, surname's key
    runs = name_runs(document)
    for run in runs:
        n = len(run)
        if n < 2:
            continue
        if taken and any(covers(taken, w[0]) or covers(taken, w[1] - 1) for w in run):
            continue
        # A run may cross the end of a sentence ("in May. Marco Galli"): the name starts after it.
        first = 0
        if text.find(".", run[0][1], run[-1][0]) >= 0:
            for k, (_, end, word) in enumerate(run[:-1]):
                if text.startswith(".", end) and len(word) > 1 and word.casefold() not in _HONORIFICS:
                    first = k + 1
        for i in range(max(first, n - 3), n - 1):
            word = run[i][2]
            folded = word.casefold()
            if folded in _HONORIFICS or word.isupper():
                continue
            if not _all_name_words(run, i):
                continue  # "L'amministratore Laura Conti": the name starts further on
            if n - i == 3 and common_word(document, word, function_words):
                continue  # "Secondo Mandy Cohen" at the start of a sentence
            if folded in _PLACE_WORDS:
                break  # "Santa Croce", "Marina di Pisa": a place, not a woman
            full.append((run[i][0], run[-1][1], word, _word_key(run[-1][2])))
            break
    if not full:
        return []
    # the runs of one word, a surname alone perhaps: read only when someone is named in full
    singles = [run[0] for run in runs if len(run) == 1]
    first_names: dict[str, set[str]] = {}
    for _, _, first_name, surname in full:
        first_names.setdefault(surname, set()).add(first_name)
    sorted_names = {surname: tuple(sorted(names)) for surname, names in first_names.items()}
    out = [
        GenderedMention(s, e, text[s:e], None, False, False, sorted_names[surname], language)
        for s, e, _, surname in full
    ]
    first_seen: dict[str, tuple[int, str]] = {}
    for s, e, _, surname in full:
        first_seen.setdefault(surname, (s, text[s:e]))
    full_spans = merged((s, e) for s, e, *_ in full)
    # A surname alone counts only after its full name: the words before the first full name are passed by.
    earliest = min(seen[0] for seen in first_seen.values())
    get = first_seen.get
    for start, end, word in singles[bisect.bisect_left(singles, (earliest,)) :]:
        surname = _word_key(word)
        seen = get(surname)
        if seen is None or start < seen[0] or covers(full_spans, start) or covers(taken, start):
            continue
        out.append(GenderedMention(start, end, seen[1], None, True, False, sorted_names[surname], language))
    return out


def _word_key(word: str) -> str:
    """:func:`key` of ``word``, the usual word of letters without a call: the one-word case of its own
    test ("ʼ" aside, words of letters are only casefolded)."""
    if "ʼ" not in word and word.isalpha():
        return word.casefold()
    return key(word)


# The same capitalised words come back in every article ("Il", "La", "Secondo"): whether they are
# written as names is kept.


@functools.lru_cache(maxsize=1 << 15)
def _name_word(word: str) -> bool:
    return _WORD.match(word) is not None


def _all_name_words(run: list[tuple[int, int, str]], i: int) -> bool:
    return all(_name_word(word[2]) for word in run[i:])


def sentence_start(document: Document, pos: int) -> int:
    """Where the sentence holding ``pos`` starts (the sentence ends are found once per document)."""
    text = document.prose.text
    ends = document.shared("gender-sentence-ends", lambda: [m.end() for m in _SENTENCE_END.finditer(text)])
    i = bisect.bisect_right(ends, pos) - 1
    return ends[i] if i >= 0 else 0


def quotes(document: Document) -> list[tuple[int, int]]:
    """The quoted stretches of the prose, merged (computed once per document)."""
    return document.shared("quoted-merged", lambda: merged(quoted_spans(document.prose.text)))
