"""The people of an article whose gender is known, for the agreement rules: the knowledge base's people
whose source gives it, and people the KB does not know, named in full with a first name whose gender
a name table gives unambiguously (then by their surname alone further on)."""

from __future__ import annotations

import bisect
import calendar
import functools
import re
from collections.abc import Iterator
from typing import NamedTuple

from lint.document import Document
from lint.kb.index import CompiledKB
from lint.kb.keys import key
from lint.lazyre import LazyRe
from lint.prose import quoted_spans

from .names import covers, find_mentions, merged, name_runs, people_named_in_full

# Words before a first name that belong to the name run but are not names: titles in their English
# abbreviated form, left by a translation ("Dr. Mandy Cohen").
_HONORIFICS = {
    "dr", "dott", "prof", "mr", "mrs", "ms", "sen", "rep", "gov", "gen", "sr", "jr", "st", "dottor",
}  # fmt: skip
# First names that mostly open the names of places and institutions in Italian.
_PLACE_WORDS = {
    "santa", "santo", "san", "marina", "villa", "porta", "regina", "italia", "costa", "valle", "monte",
}  # fmt: skip
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


def _common_word(document: Document, word: str, function_words: frozenset[str]) -> bool:
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
            if n - i == 3 and _common_word(document, word, function_words):
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


# "Lui ha detto", "Egli ha detto": a subject pronoun opening a sentence or a clause.
_PRONOUN_IT = LazyRe(r"(?:(?<=^)|(?<=[.;:!?][ \u00a0])|(?<=[.;:!?][ \u00a0]{2})|(?<=\n))(Lui|Egli)\b")
# "him" is left out: as an object it is seldom the subject's ("Ferri thanked him").
_PRONOUN_EN = LazyRe(r"\b(he|his|himself)\b", re.IGNORECASE)
# The same pronouns found by their words, what comes before them tested after: a pattern opening with
# look-behinds is tried at every position of the text, one opening with a word only where it is.
_PRONOUN_WORDS = {
    "it": (
        re.compile(r"(Lui|Egli)\b"),
        LazyRe(r"(?:(?<=^)|(?<=[.;:!?][ \u00a0])|(?<=[.;:!?][ \u00a0]{2})|(?<=\n))"),
    ),
    "en": (LazyRe(r"(h(?:e|is|imself))\b", re.IGNORECASE), LazyRe(r"(?<!\w)")),
}


def pronouns(text: str, lang: str) -> Iterator[re.Match[str]]:
    """The matches of ``_PRONOUN_IT`` (``_PRONOUN_EN`` for English) in ``text``, found faster."""
    if lang == "it" and "Lui" not in text and "Egli" not in text:
        return  # most Italian articles: a search for the words themselves is quicker than the pattern's
    word, before = _PRONOUN_WORDS["it" if lang == "it" else "en"]
    for m in word.finditer(text):
        if before.match(text, m.start()):
            yield m


# A name is the subject of its clause when it opens it, alone or after a title ("La ricercatrice Giulia
# Ferri ha", "Danish Prime Minister Mette Frederiksen said"), and no verb comes before it ("La polizia ha
# fermato Giulia Ferri"): a pronoun in the next sentence then most likely continues the subject.
_CLAUSE_OPENING = LazyRe(
    r"(?:^|[.;:!?«“\"(\n,]|\b(?:e|ed|ma|poi|quando|mentre|se|perché|però|anche|ieri|oggi|and|but|while|when|then)\b)"
    r"[ \u00a0]*(?P<title>(?:[\w'’.-]+[ \u00a0]+){0,6}?)\Z"
)
_VERB_LIKE = LazyRe(
    r"\b(?:ha|hanno|ho|è|sono|era|erano|sarà|aveva|has|have|had|is|are|was|were|will|would|said|told|met|"
    r"[a-zà-ù]+(?:ato|ata|ito|ita|uto|uta|ando|endo|ed|ing))\b"
)


def _subject(text: str, sentence: int, mention: GenderedMention) -> int | None:
    """Where the name's clause starts, its title included, when the name is the subject; else None."""
    begin = max(sentence, mention.start - 100)
    m = _CLAUSE_OPENING.search(text[begin : mention.start])
    if m is None or _VERB_LIKE.search(m.group("title")):
        return None
    return begin + m.start("title")


_MASCULINE_OBJECT = re.compile(r"\b(?:him|he|his|himself|lui|egli)\b", re.IGNORECASE)
# Singular nouns for men or for anyone (il giudice, the governor) that a masculine pronoun may refer to:
# when one stands between the woman's name and the pronoun, the pronoun may be theirs.
_PERSON_NOUNS_IT = LazyRe(
    r"\b(?:uomo|ragazzo|marito|figlio|padre|fratello|nonno|zio|compagno|giudice|presidente|avvocato|"
    r"portavoce|leader|capo|collega|imputato|sospettato|agente|medico|paziente|candidato|re|principe|papa|"
    r"pontefice|premier|ministro|sindaco|segretario|direttore|procuratore|governatore|senatore|deputato|"
    r"ambasciatore|consigliere|amministratore|responsabile|funzionario|dirigente|esperto|autore|cliente|"
    r"testimone|vittima|utente|rappresentante|attore|giocatore|allenatore|pilota|sacerdote|vescovo)\b"
    # and any masculine article before a noun of agent or office: il rettore, un giornalista, il tecnico
    r"|\b(?:il|lo|l['’]|un|del|dello|dell['’]|al|allo|all['’]|dal|dallo|dall['’]|col)[ \u00a0]*"
    r"[a-zà-ù]+(?:tore|sore|iere|ista|ante|ente|ario|aio|ico|ologo|ere)\b",
    re.IGNORECASE,
)
_PERSON_NOUNS_EN = LazyRe(
    r"\b(?:man|boy|husband|son|father|brother|grandfather|uncle|nephew|partner|judge|president|lawyer|"
    r"attorney|spokesman|spokesperson|leader|chief|colleague|defendant|suspect|officer|agent|doctor|patient|"
    r"candidate|king|prince|pope|premier|minister|mayor|secretary|director|prosecutor|governor|senator|"
    r"congressman|representative|ambassador|adviser|advisor|official|executive|expert|author|client|"
    r"witness|victim|user|actor|player|coach|manager|driver|pilot|priest|bishop|boss|founder|chairman|"
    r"someone|anyone|everyone|nobody|somebody|who|whoever|friend|guy|gentleman|mr)\b"
    # and a noun of agent or office after an article: the rector, a journalist, the chairman
    r"|\b(?:the|a|an)[ \u00a0]+(?:[a-z'’]+[ \u00a0]+)?[a-z]+(?:or|ist|man|ian)\b",
    re.IGNORECASE,
)


def masculine_pronouns_for_women(
    document: Document, text: str, lang: str, mentions: list[GenderedMention], function_words: frozenset[str]
) -> Iterator[tuple[int, int, GenderedMention, str]]:
    """A masculine pronoun ("Lui ha detto", "she said he") whose only possible antecedent is a woman:
    the one person named in its sentence before it, or in the sentence before, with no other person,
    named or not, in between."""
    if not mentions:
        return
    pattern, nouns = (_PRONOUN_IT, _PERSON_NOUNS_IT) if lang == "it" else (_PRONOUN_EN, _PERSON_NOUNS_EN)
    starts = [m.start for m in mentions]
    runs: list[tuple[int, int]] | None = None
    run_starts: list[int] = []
    quoted: list[tuple[int, int]] | None = None
    # The cheap tests first: most pronouns have no woman before them, and then the quotations (a scan
    # of every character) are never needed.
    for pronoun in pronouns(text, lang):
        at = pronoun.start(1)
        here = sentence_start(document, at)
        window = sentence_start(document, here - 1) if here > 0 else here
        i = bisect.bisect_left(starts, at) - 1
        if i < 0 or mentions[i].start < window or mentions[i].end > at:
            continue
        antecedent = mentions[i]
        if antecedent.gender != "f":
            continue
        if quoted is None:
            quoted = quotes(document)
        if covers(quoted, at):
            continue
        # From the start of her sentence: what came before it is no longer in play.
        window = sentence_start(document, antecedent.start)
        clause = _subject(text, window, antecedent)
        if clause is None:
            continue
        # Everyone named in the window must be this woman: no other name, no noun for a person, no
        # other pronoun of hers or theirs between her name and this one.
        if runs is None:
            runs = [(r[0][0], r[-1][1]) for r in name_runs(document)]
            run_starts = [r[0] for r in runs]
        nearby = mentions[bisect.bisect_left(starts, window) : i + 1]
        stretch = runs[bisect.bisect_left(run_starts, window) : bisect.bisect_left(run_starts, at)]
        if any(
            not _same_person(start, end, nearby, antecedent)
            and not _sentence_word(document, start, end, function_words)
            for start, end in stretch
        ):
            continue
        between = text[antecedent.end : at]
        if nouns.search(between) or re.search(r"\b(?:she|her|hers|herself|lei|essa)\b", between, re.I):
            continue
        # (her own title, "Prime Minister Giorgia Meloni", is no other person)
        if nouns.search(text[window:clause]):
            continue
        # A masculine pronoun earlier in the window already refers to a man ("he divorced the actress
        # Anna Rossi. He starred…"): the one judged may be his too.
        if pattern.search(text, window, at) or _MASCULINE_OBJECT.search(text, window, at):
            continue
        word = pronoun.group(1)
        right = {
            "lui": "lei",
            "egli": "lei",
            "he": "she",
            "him": "her",
            "his": "her",
            "himself": "herself",
        }[word.casefold()]
        if word[:1].isupper():
            right = right.capitalize()
        yield at, pronoun.end(1), antecedent, right


def _same_person(start: int, end: int, mentions: list[GenderedMention], person: GenderedMention) -> bool:
    return any(m.name == person.name and m.start < end and start < m.end for m in mentions)


def _sentence_word(document: Document, start: int, end: int, function_words: frozenset[str]) -> bool:
    """A capitalised word that is no name: a sentence's first word ("Il", "Secondo", "The")."""
    word = document.prose.text[start:end]
    return " " not in word and not word.isupper() and _common_word(document, word, function_words)
