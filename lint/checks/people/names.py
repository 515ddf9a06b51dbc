"""Finding people's names in an article and matching them with the knowledge base: the name runs,
the KB mentions among them, and the tests the name rules share."""

from __future__ import annotations

import bisect
import re
import weakref
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from lint.document import Document
from lint.kb.index import CompiledKB, NameEntry
from lint.kb.keys import head, key
from lint.prose import CAPITAL_CANDIDATE
from lint.rules import CheckContext, Match

# A run of capitalised words, with the lower-case particles names carry before or inside them ("de
# Gaulle", "Ursula von der Leyen", "Luiz Inácio Lula da Silva", "bin Salman") and the Arabic article
# joined by a hyphen ("al-Sisi", "el-Sisi"). A particle before the first capital is part of the run only
# when it is written as a particle, not at the start of a sentence.
_PARTICLES = r"(?:de|di|da|del|della|van|von|der|den|la|le|bin|ibn|al|el|ben|dos|das|do|du|ter|zu|dei|mac)"
_ARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-"
_NAME_WORD = rf"(?:{_ARTICLE})?{CAPITAL_CANDIDATE}[\w'’-]*"
NAME_RUN = (
    rf"(?<![\w'’-])(?:(?:{_PARTICLES}[ \u00a0]+)+(?={_NAME_WORD}))?(?:{_ARTICLE})?{CAPITAL_CANDIDATE}[\w'’.-]*"
    rf"(?:[ \u00a0]+(?:{_PARTICLES}[ \u00a0]+)*{_NAME_WORD}){{0,5}}"
)
# NAME_RUN's runs are found in pieces, because a pattern that starts on a capital lets the engine skip
# ahead at C speed: the runs that start on a capital, then those that start with an Arabic article
# ("al-Sisi", found from its hyphen), then the particles written before either ("de Gaulle").
_RUN_TAIL = rf"[\w'’.-]*(?:[ \u00a0]+(?:{_PARTICLES}[ \u00a0]+)*{_NAME_WORD}){{0,5}}"
# The look-behind comes after the capital (two characters back: the one before it) so that the pattern
# starts with a character class, which the engine looks for without trying the rest at every position.
_CAPITAL_RUN = re.compile(rf"{CAPITAL_CANDIDATE}(?<![\w'’-].){_RUN_TAIL}")
_ARTICLE_RUN = re.compile(rf"(?:{_ARTICLE})?{CAPITAL_CANDIDATE}{_RUN_TAIL}")
_HYPHEN_CAPITAL = re.compile(rf"-(?={CAPITAL_CANDIDATE})")
_ARTICLES = frozenset(_ARTICLE[3:-2].split("|"))
_PARTICLE_WORDS = frozenset(_PARTICLES[3:-1].split("|"))
_LETTERS_BEFORE = re.compile(r"[a-z]+\Z")
# The last two characters of each particle, and any two that end in a space (a second space before the
# capital): what stands right before the space before a capital that particles precede.
_PARTICLE_ENDS = frozenset(
    {w[-2:] for w in _PARTICLE_WORDS}
    | {c + s for c in map(chr, range(0x80)) for s in " \u00a0"}
    | {c + s for c in "\u00a0" for s in " \u00a0"}
)
_WORD_BEFORE = re.compile(r"[\w'’-]")


def _particles_before(text: str, core: int, floor: int) -> int:
    """Where NAME_RUN's run that ends on the core run at ``core`` starts: the first of the particles
    written before it ("de Gaulle", "von der Leyen") that NAME_RUN could start on, not before
    ``floor`` (the end of the run before); ``core`` when there are none."""
    start = core
    at = core
    starts = []
    while True:
        gap = at
        while gap > floor and text[gap - 1] in " \u00a0":
            gap -= 1
        if gap == at:
            break
        # The lower-case letters before the spaces, at most six: a particle has five at most.
        letters = _LETTERS_BEFORE.search(text, max(floor, gap - 6), gap)
        if letters is None or letters.group() not in _PARTICLE_WORDS:
            break
        word = letters.start()
        starts.append(word)
        at = word
    # The earliest start not glued to a word character (what the look-behind asks).
    for candidate in reversed(starts):
        if candidate == 0 or not _WORD_BEFORE.match(text, candidate - 1):
            return candidate
    return start


def _article_starts(text: str) -> list[int]:
    """Where an Arabic article that NAME_RUN could start on begins ("al-" in "al-Sisi"), in order."""
    starts = []
    for hyphen in _HYPHEN_CAPITAL.finditer(text):
        h = hyphen.start()
        for size in (3, 2):
            at = h - size
            if at >= 0 and text[at:h] in _ARTICLES and (at == 0 or not _WORD_BEFORE.match(text, at - 1)):
                starts.append(at)
                break
    return starts


def name_run_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans re.finditer(NAME_RUN, text) finds, found faster."""
    articles = _article_starts(text) if "-" in text else []
    floor = 0
    if not articles:  # nearly always
        for run in _CAPITAL_RUN.finditer(text):
            start, end = run.span()
            # Particles end two characters before the capital, or more spaces stand there.
            if (
                start > floor
                and text[start - 1] in " \u00a0"
                and text[start - 3 : start - 1] in _PARTICLE_ENDS
            ):
                start = _particles_before(text, start, floor)
            yield start, end
            floor = end
        return
    a = 0
    size = len(text)
    search = _CAPITAL_RUN.search
    while True:
        run = search(text, floor)
        capital = run.start() if run is not None else size
        while a < len(articles) and articles[a] < floor:
            a += 1
        if a < len(articles) and articles[a] < capital:
            start = articles[a]
            end = _ARTICLE_RUN.match(text, start).end()  # type: ignore[union-attr]
        elif run is not None:
            start, end = run.span()
        else:
            return
        if start > floor and text[start - 1] in " \u00a0" and text[start - 3 : start - 1] in _PARTICLE_ENDS:
            start = _particles_before(text, start, floor)
        yield start, end
        floor = end


_RunMention = tuple[int, int, tuple[NameEntry, ...], str, str]  # start, end, entries, before, after
_POSSESSIVE = re.compile(r"['’]s$|['’]$")


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted, overlapping ones joined: what :func:`covers` searches."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def covers(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether one of the spans made by :func:`merged` holds ``offset``."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


_NON_SPACE = re.compile(r"\S+")


def _run_words(base: int, group: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words of the name run ``group`` at offset ``base``, without a possessive
    ("Lavrov's") or a final full stop ("Rossi.")."""
    out = []
    if " " not in group and "\u00a0" not in group:
        # One word (most runs: a capital at the start of a sentence).
        found = [(0, group)]
    elif len(group) == sum(map(len, chunks := group.split())) + len(chunks) - 1:
        # One space between the words (nearly always): their offsets follow from their lengths.
        found, at = [], 0
        for chunk in chunks:
            found.append((at, chunk))
            at += len(chunk) + 1
    else:
        found = [(m.start(), m.group()) for m in _NON_SPACE.finditer(group)]
    for offset, word in found:
        if "'" in word[-2:] or "’" in word[-2:]:
            word = _POSSESSIVE.sub("", word)
        if word.endswith(".") and word.count(".") == 1:
            word = word[:-1]
        if word:
            start = base + offset
            out.append((start, start + len(word), word))
    return out


# A run of one word whose last two characters hold no apostrophe (a possessive) and whose last is not a
# full stop: what _run_words() returns as it is.
_PLAIN_WORD = re.compile(r"[^ \u00a0]*[^ \u00a0'’][^ \u00a0'’.]|[^ \u00a0'’.]")


def _runs(document: Document) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Each run of capitalised words in the prose as written, with its words, computed once per document."""

    def compute() -> list[tuple[str, list[tuple[int, int, str]]]]:
        out = []
        text = document.prose.text
        for start, end in name_run_spans(text):
            group = text[start:end]
            if _PLAIN_WORD.fullmatch(group):
                # One word with nothing to take off (most runs): _run_words() would return it as it is.
                out.append((group, [(start, end, group)]))
            else:
                out.append((group, _run_words(start, group)))
        return out

    return document.shared("name-run-texts", compute)


def name_runs(document: Document) -> list[list[tuple[int, int, str]]]:
    """The words of each run of capitalised words in the prose, computed once per document."""
    return document.shared("name-runs", lambda: [words for _, words in _runs(document)])


_SPEECH = re.compile(
    r"\s+(?:ha|aveva|avrebbe|hanno)\s+(?:[a-zà-ù]+mente\s+|poi\s+|anche\s+|già\s+|inoltre\s+)?(?:detto|aggiunto|dichiarato|affermato|spiegato|sottolineato|osservato|"
    r"annunciato|risposto|scritto|riferito|precisato|ribadito|commentato|ricordato|replicato|assicurato|avvertito)\b"
    r"|\s+(?:dice|dichiara|afferma|aggiunge|spiega|sottolinea|osserva|annuncia|risponde|scrive)\b"
    r"|\s+(?:said|added|told|says|stated|noted|wrote|explained|announced|replied|warned|argued)\b"
)


@dataclass
class Mention:
    start: int
    end: int
    text: str
    entries: list[NameEntry]
    before: str = ""  # capitalised words of the same run before the name ("Paolo" in "Paolo Conte")
    after: str = ""  # and after it ("Winterkorn" in "Martin Winterkorn")

    @property
    def surname_only(self) -> bool:
        """A lone surname, or a one-word name ("Francesco" for the pope), which other people share."""
        return " " not in self.text.strip() or not self.kinds() & {"name", "variant", "wrong"}

    def belongs_to(self, ckb: CompiledKB) -> bool:
        """Whether this is really the KB person: a lone surname followed by more capitalised words is
        a first name ("Martin Winterkorn"), and one preceded by another first name is someone else
        ("Paolo Conte")."""
        if not self.surname_only:
            return True
        if self.after:
            return False
        if self.before and len(self.people) == 1:
            return key(self.before) in ckb.first_names.get(self.people[0], set()) or self.before.isupper()
        return not self.before

    @property
    def people(self) -> list[str]:
        return list(dict.fromkeys(e.person for e in self.entries))

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}


def people_named_in_full(mentions: list[Mention]) -> set[str]:
    """The people an article names with their full name (or an accepted full spelling)."""
    return {m.people[0] for m in mentions if len(m.people) == 1 and m.kinds() & {"name", "variant"}}


# The KB names found in a run depend on the run's text alone, and the same runs come back in article
# after article ("Il", "Secondo", "Vladimir Putin"): what each run holds is kept per knowledge base.
_RUN_MENTIONS: weakref.WeakKeyDictionary[CompiledKB, dict[str, tuple[_RunMention, ...]]] = (
    weakref.WeakKeyDictionary()
)
_RUN_CACHE_SIZE = 50_000


_HEAD_SIZES: weakref.WeakKeyDictionary[CompiledKB, dict[str, int]] = weakref.WeakKeyDictionary()


def _head_sizes(ckb: CompiledKB) -> dict[str, int]:
    """The first word of every KB name key -> the most words a name key starting with it has: text of
    more words that starts so names nobody."""
    sizes = _HEAD_SIZES.get(ckb)
    if sizes is None:
        sizes = _HEAD_SIZES[ckb] = {}
        for k in getattr(ckb.names, "raw", ckb.names):
            words = k.split(" ")
            if sizes.get(words[0], 0) < len(words):
                sizes[words[0]] = len(words)
    return sizes


def _run_mentions(
    ckb: CompiledKB, group: str, run: list[tuple[int, int, str]], sizes: dict[str, int] | None = None
) -> tuple[_RunMention, ...]:
    """The longest stretches of the run ``group`` that the KB knows, with offsets in ``group``; ``run``
    holds its words with offsets in ``group``; ``sizes`` is :func:`_head_sizes` of ``ckb``."""
    found: list[_RunMention] = []
    if sizes is None:
        sizes = _head_sizes(ckb)
    i = 0
    while i < len(run):
        hit = None
        top = min(len(run), i + 6)
        if top > i + 1:
            # Every longer stretch starts with the first word of this one, up to the next word
            # (the whitespace there ends it), and has at least a word of key per word: no longer than
            # the longest KB name that starts so (only the word alone when none does).
            first = head(group[run[i][0] : run[i + 1][0]])
            if first is not None:
                top = min(top, i + sizes.get(first, 1))
        # The word alone is a KB name only if its key's first word starts one: most words are not
        # looked up (the key of a word of letters is the word in lower case).
        word = run[i][2]
        alone = word.casefold() if "ʼ" not in word and word.isalpha() else head(word)
        shortest = i + 1 if alone is None or alone in sizes else i + 2
        for j in range(top, shortest - 1, -1):
            start, end = run[i][0], run[j - 1][1]
            entries = ckb.lookup(group[start:end])
            if entries:
                before = " ".join(t[2] for t in run[:i] if t[2][:1].isupper())
                after = " ".join(t[2] for t in run[j:] if t[2][:1].isupper())
                hit = (start, end, tuple(entries), before, after)
                i = j
                break
        if hit is None:
            i += 1
        else:
            found.append(hit)
    return tuple(found)


def find_mentions(document: Document, ckb: CompiledKB) -> list[Mention]:
    """KB names in the prose: the longest run of words in each capitalised run that the KB knows."""

    def compute() -> list[Mention]:
        found: list[Mention] = []
        cache = _RUN_MENTIONS.get(ckb)
        if cache is None:
            cache = _RUN_MENTIONS[ckb] = {}
        sizes = _head_sizes(ckb)
        for group, run in _runs(document):
            if not run:
                continue
            base = run[0][0]
            hits = cache.get(group)
            if hits is None:
                if len(cache) >= _RUN_CACHE_SIZE:
                    cache.clear()  # a long run meets ever new names: keep the memory flat
                relative = [(s - base, e - base, w) for s, e, w in run]
                hits = cache[group] = _run_mentions(ckb, group, relative, sizes)
            for start, end, entries, before, after in hits:
                found.append(
                    Mention(base + start, base + end, group[start:end], list(entries), before, after)
                )
        # A lone surname that only little-known people in the KB carry (a member of Congress called Horn)
        # is someone else unless the article gives one of them in full.
        in_full = people_named_in_full(found)
        minor = ckb.minor_people
        return [
            m for m in found if not m.surname_only or any(p in in_full or p not in minor for p in m.people)
        ]

    return document.shared("kb-mentions", compute)


def house_form(person: Any, language: str | None, entry: NameEntry) -> str:
    """The spelling refuso suggests for the form that matched ``entry``: a full name or a surname."""
    name = person.name_for(language)
    if entry.kind in ("wrong", "name", "variant"):
        return name
    surname = person.surname if person.surname in name else name.split()[-1]
    return surname


FIRST_NAME = re.compile(rf"({CAPITAL_CANDIDATE}[\w'’-]+)[ \u00a0]+$")


_TITLE_BEFORE = re.compile(
    r"\b(?:portavoce|ministro|ministra|presidente|segretario|segretaria|spokesperson|spokesman|"
    r"spokeswoman|minister|president|secretary|premier|cancelliere|chancellor)\s*,?\s*$"
)


def used_as_name(text: str, start: int, end: int) -> bool:
    """Followed by a verb of speech, or preceded by a title-like word."""
    if _SPEECH.match(text, end):
        return True
    return bool(_TITLE_BEFORE.search(text[max(0, start - 30) : start].casefold()))


def common_word(ckb: CompiledKB | None, word: str, language: str | None) -> bool:
    """A frequent word of the language one letter from a KB surname ("Conti" near Conte): written by
    tools/build_kb.py from word frequencies into rules/kb/generated/common-words.yaml."""
    if ckb is None:
        return False
    return word.casefold() in ckb.kb.common_words.get(language or "it", set())


def unless_accepted(matches: Iterable[Match], document: Document, options: CheckContext) -> Iterator[Match]:
    """``matches`` without those on a word or name the project's vocabulary accepts."""
    vocabulary = getattr(options, "vocabulary", None)
    if not vocabulary:
        yield from matches
        return
    text = document.prose.text
    for match in matches:
        if not vocabulary.accepts(text[match.start : match.end]):
            yield match
