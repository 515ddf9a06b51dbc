"""People: wrong titles, misspelled names, and one person written two ways, checked against the
knowledge base (rules/kb/README.md).

Names are found as runs of capitalised words and looked up in the KB by whole name or surname. A
title is the phrase right before a name ("il ministro degli Esteri russo Sergej Lavrov", "US Secretary
of State Antony Blinken") or in apposition after it ("Blinken, segretario di Stato,"); it is judged
against the roles the person held at the article's date (front matter `date:`, `--date` or the
configuration), or at any date when the article has none.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.findings import Severity
from lint.kb.index import (
    ARTICLES,
    BLOCKERS,
    FUTURE,
    MAX_TITLE_WORDS,
    PAST,
    CompiledKB,
    NameEntry,
    Qualifier,
)
from lint.kb.keys import edit_distance, fold, key, one_letter_deletions, sound_key, tokens
from lint.language import FUNCTION_WORDS
from lint.rules import Match
from lint.text import CAPITAL_CANDIDATE

# A run of capitalised words, with the lower-case particles names carry before or inside them ("de
# Gaulle", "Ursula von der Leyen", "Luiz Inácio Lula da Silva", "bin Salman") and the Arabic article
# joined by a hyphen ("al-Sisi", "el-Sisi"). A particle before the first capital is part of the run only
# when it is written as a particle, not at the start of a sentence.
_PARTICLES = r"(?:de|di|da|del|della|van|von|der|den|la|le|bin|ibn|al|el|ben|dos|das|do|du|ter|zu|dei|mac)"
_ARTICLE = r"(?:al|el|ad|an|ar|as|ash|at|az|ud|ul)-"
_NAME_WORD = rf"(?:{_ARTICLE})?{CAPITAL_CANDIDATE}[\w'’-]*"
_NAME_RUN = re.compile(
    rf"(?<![\w'’-])(?:(?:{_PARTICLES}[ \u00a0]+)+(?={_NAME_WORD}))?(?:{_ARTICLE})?{CAPITAL_CANDIDATE}[\w'’.-]*"
    rf"(?:[ \u00a0]+(?:{_PARTICLES}[ \u00a0]+)*{_NAME_WORD}){{0,5}}"
)
_POSSESSIVE = re.compile(r"['’]s$|['’]$")


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans sorted, overlapping ones joined: what :func:`_covers` searches."""
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def _covers(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether one of the spans made by :func:`_merged` holds ``offset``."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


_NON_SPACE = re.compile(r"\S+")


def _run_words(run: re.Match[str]) -> list[tuple[int, int, str]]:
    """(start, end, word) of the words of a name run, without a possessive ("Lavrov's") or a final
    full stop ("Rossi.")."""
    out = []
    base = run.start()
    for m in _NON_SPACE.finditer(run.group()):
        word = m.group()
        if "'" in word[-2:] or "’" in word[-2:]:
            word = _POSSESSIVE.sub("", word)
        if word.endswith(".") and word.count(".") == 1:
            word = word[:-1]
        if word:
            start = base + m.start()
            out.append((start, start + len(word), word))
    return out


def name_runs(document: Document) -> list[list[tuple[int, int, str]]]:
    """The words of each run of capitalised words in the prose, computed once per document."""
    text = document.prose.text
    return document.shared("name-runs", lambda: [_run_words(run) for run in _NAME_RUN.finditer(text)])


_SPEECH = re.compile(
    r"\s+(?:ha|aveva|avrebbe|hanno)\s+(?:[a-zà-ù]+mente\s+|poi\s+|anche\s+|già\s+|inoltre\s+)?(?:detto|aggiunto|dichiarato|affermato|spiegato|sottolineato|osservato|"
    r"annunciato|risposto|scritto|riferito|precisato|ribadito|commentato|ricordato|replicato|assicurato|avvertito)\b"
    r"|\s+(?:dice|dichiara|afferma|aggiunge|spiega|sottolinea|osserva|annuncia|risponde|scrive)\b"
    r"|\s+(?:said|added|told|says|stated|noted|wrote|explained|announced|replied|warned|argued)\b"
)
_MONTHS_IT = [
    "gennaio",
    "febbraio",
    "marzo",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "agosto",
    "settembre",
    "ottobre",
    "novembre",
    "dicembre",
]


def _date_text(day: dt.date, language: str | None) -> str:
    if language == "en":
        return day.strftime("%-d %B %Y")
    return f"{day.day} {_MONTHS_IT[day.month - 1]} {day.year}"


def _span_text(role: Any, language: str | None) -> str:
    start, end = role.start.year, (role.end.year if role.end else None)
    if language == "en":
        return f"{start}–{end}" if end else f"since {start}"
    return f"{start}–{end}" if end else f"dal {start}"


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


def _named_in_full(mentions: list[Mention]) -> set[str]:
    """The people an article names with their full name (or an accepted full spelling)."""
    return {m.people[0] for m in mentions if len(m.people) == 1 and m.kinds() & {"name", "variant"}}


def _knowledge(options: Mapping[str, Any]) -> CompiledKB | None:
    provider = getattr(options, "knowledge", None)
    return provider() if callable(provider) else None


def find_mentions(document: Document, ckb: CompiledKB) -> list[Mention]:
    """KB names in the prose: the longest run of words in each capitalised run that the KB knows."""

    def compute() -> list[Mention]:
        text = document.prose.text
        found: list[Mention] = []
        for run in name_runs(document):
            i = 0
            while i < len(run):
                hit = None
                for j in range(min(len(run), i + 6), i, -1):
                    start, end = run[i][0], run[j - 1][1]
                    entries = ckb.lookup(text[start:end])
                    if entries:
                        before = " ".join(t[2] for t in run[:i] if t[2][:1].isupper())
                        after = " ".join(t[2] for t in run[j:] if t[2][:1].isupper())
                        hit = Mention(start, end, text[start:end], entries, before, after)
                        i = j
                        break
                if hit is None:
                    i += 1
                else:
                    found.append(hit)
        # A lone surname that only little-known people in the KB carry (a member of Congress called Horn)
        # is someone else unless the article gives one of them in full.
        in_full = _named_in_full(found)
        return [
            m
            for m in found
            if not m.surname_only or any(p in in_full or not ckb.kb.people[p].minor for p in m.people)
        ]

    return document.shared("kb-mentions", compute)


def _sentence_start(text: str, at: int) -> int:
    lo = max(0, at - 200)
    chunk = text[lo:at]
    cut = max(chunk.rfind(". "), chunk.rfind("! "), chunk.rfind("? "), chunk.rfind("; "), chunk.rfind("\n"))
    return lo + cut + 1 if cut >= 0 else lo


@dataclass
class TitleUse:
    start: int  # offsets in the prose of the title phrase, qualifiers included
    end: int
    title: str  # the title's key
    qualifier: Qualifier | None
    tense: str  # "now", "past" (ex, former) or "future" (designato, incoming)
    text: str


class _TitleReader:
    """Finds the title phrase right before a name, or in apposition after it."""

    MODIFIERS = PAST["it"] | PAST["en"] | FUTURE["it"] | FUTURE["en"] | {"ex-"}

    def __init__(self, ckb: CompiledKB) -> None:
        self.ckb = ckb

    def _tense(self, before: list[str]) -> str | None:
        """The tense the words before a title give it; None when they make it another office."""
        for w in reversed(before[-3:]):
            if w in BLOCKERS or w.endswith("-ombra"):
                return None
            if w in PAST["it"] or w in PAST["en"] or w == "ex-":
                return "past"
            if w in FUTURE["it"] or w in FUTURE["en"]:
                return "future"
            if w not in ARTICLES:
                break
        return "now"

    def _title_ending_at(self, keys: list[str], end: int) -> tuple[int, str, Qualifier | None] | None:
        """The longest title ending at ``end`` in ``keys``: (its first index, its key, an inner qualifier).
        An inner qualifier follows the head noun: "ministro russo degli esteri"."""
        ckb = self.ckb
        for n in range(min(MAX_TITLE_WORDS, end), 0, -1):
            phrase = keys[end - n : end]
            joined = " ".join(phrase)
            if joined in ckb.titles:
                return end - n, joined, None
            for qlen in (1, 2, 3):
                if 1 + qlen < n:
                    q = ckb.qualifier(" ".join(phrase[1 : 1 + qlen]))
                    title = " ".join([phrase[0], *phrase[1 + qlen :]])
                    if q is not None and title in ckb.titles:
                        return end - n, title, q
        return None

    def _qualifier_ending_at(
        self, keys: list[str], end: int, longest: int = 4
    ) -> tuple[int, Qualifier] | None:
        for n in range(min(longest, end), 0, -1):
            q = self.ckb.qualifier(" ".join(keys[end - n : end]))
            if q is not None:
                return end - n, q
        return None

    def before(self, text: str, mention: Mention) -> TitleUse | None:
        begin = _sentence_start(text, mention.start)
        toks = tokens(text[begin : mention.start], begin)
        if not toks or not re.fullmatch(r"[\s,]*", text[toks[-1][2] : mention.start]):
            return None
        keys = [t[0] for t in toks]
        end = len(keys)
        qualifier = None
        # A qualifier between title and name: "il presidente ucraino Zelensky".
        q = self._qualifier_ending_at(keys, end)
        if q is not None and self._title_ending_at(keys, q[0]) is not None:
            end, qualifier = q
        found = self._title_ending_at(keys, end)
        if found is None:
            return None
        first, title, inner = found
        qualifier = qualifier or inner
        # A qualifier before the title: "Russian Foreign Minister", "the US Secretary of State".
        q = self._qualifier_ending_at(keys, first, 3)
        if q is not None:
            first, qualifier = q[0], qualifier or q[1]
        tense = self._tense(keys[:first])
        if tense is None:
            return None
        start, stop = toks[first][1], toks[len(keys) - 1][2]
        return TitleUse(start, stop, title, qualifier, tense, text[start:stop])

    def after(self, text: str, mention: Mention) -> TitleUse | None:
        m = re.match(r"[ \u00a0]*(?:,|\()[ \u00a0]*", text[mention.end : mention.end + 4])
        if not m:
            return None
        begin = mention.end + m.end()
        rest = text[begin : begin + 140]
        stop = re.search(r"[,;:.)\n]|\s(?:ha|è|era|was|is|has|had|said|dal|dalla|since|from)\s", rest)
        if not stop:
            return None
        toks = tokens(rest[: stop.start()], begin)
        keys = [t[0] for t in toks]
        lead = 0
        while lead < len(keys) and (keys[lead] in ARTICLES or keys[lead] in self.MODIFIERS):
            lead += 1
        tense = self._tense(keys[:lead]) if lead else "now"
        if tense is None or lead >= len(keys):
            return None
        qualifier = None
        q_first = self._qualifier_prefix(keys, lead)
        if q_first is not None:  # "Blinken, US Secretary of State,"
            lead, qualifier = q_first
        for n in range(len(keys) - lead, 0, -1):
            title = " ".join(keys[lead : lead + n])
            if title not in self.ckb.titles:
                continue
            remainder = keys[lead + n :]
            if remainder:
                q = self.ckb.qualifier(" ".join(remainder))
                if q is None:
                    continue
                qualifier = qualifier or q
            start, stop_at = toks[0][1], toks[-1][2]
            return TitleUse(start, stop_at, title, qualifier, tense, text[start:stop_at])
        return None

    def _qualifier_prefix(self, keys: list[str], lead: int) -> tuple[int, Qualifier] | None:
        for n in (3, 2, 1):
            if lead + n < len(keys):
                q = self.ckb.qualifier(" ".join(keys[lead : lead + n]))
                if q is not None and " ".join(keys[lead + n :]) in self.ckb.titles:
                    return lead + n, q
        return None


class WrongTitle:
    uses_knowledge = True
    meta = rule_meta(
        code="TTL001",
        name="wrong-title",
        category="title",
        severity="warning",
        message={
            "it": "{detail}",
            "en": "{detail}",
        },
        description={
            "it": (
                "Segnala un titolo accanto al nome di una persona della base di conoscenza («il ministro degli "
                "Esteri Anthony Blinken», «Lavrov, ministro della Difesa russo») che non corrisponde a nessuno "
                "dei ruoli che la persona ricopriva alla data dell'articolo (il `date:` del front matter, "
                "`--date` o la configurazione), o in nessun momento se la data non c'è. Il messaggio dice che "
                "ruoli aveva allora e il suggerimento dà il titolo giusto. «Ex», «l'allora», «già» rendono "
                "corretto un ruolo passato; «neo», «designato», «eletto» uno imminente. Vicino all'inizio e "
                "alla fine di un incarico (una settimana) il titolo non è giudicato, perché le fonti divergono. "
                "È un avviso: la base di conoscenza può non sapere tutto."
            ),
            "en": (
                'Flags a title next to the name of a person in the knowledge base ("Foreign Minister Antony '
                'Blinken", "Lavrov, the Russian defence minister") that matches none of the roles the person '
                "held on the article's date (front matter `date:`, `--date` or the configuration), or at any "
                "date when the article has none. The message names the roles held then and the suggestion gives "
                'the right title. "Former", "ex", "then" make a past role correct; "incoming", "-elect" '
                "one about to begin. Within a week of a role's start or end the title is not judged. A warning: "
                "the knowledge base may not know everything."
            ),
        },
        flagged=[
            (
                "it",
                "---\ndate: 2022-01-05\n---\nIl ⟦ministro degli Esteri⟧ Antony Blinken ha parlato con Kiev.",
            ),
            ("it", "---\ndate: 2023-03-01\n---\nIl ⟦presidente russo⟧ Sergej Lavrov ha risposto."),
            ("en", "---\ndate: 2022-01-05\n---\n⟦Foreign Minister⟧ Antony Blinken spoke to Kyiv."),
        ],
        clean=[
            ("it", "---\ndate: 2022-01-05\n---\nIl segretario di Stato Antony Blinken ha parlato con Kiev."),
            ("it", "---\ndate: 2026-02-01\n---\nL'ex segretario di Stato Antony Blinken ha commentato."),
            ("en", "---\ndate: 2022-01-05\n---\nUS Secretary of State Antony Blinken spoke to Kyiv."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        ckb = _knowledge(options)
        if ckb is None:
            return
        text = document.prose.text
        lang = document.language
        reader = _TitleReader(ckb)
        mentions = find_mentions(document, ckb)
        named_in_full = _named_in_full(mentions)
        for mention in mentions:
            people = mention.people
            if len(people) != 1 or not mention.belongs_to(ckb):
                continue  # an ambiguous surname, or someone else with that surname: judge no one
            person = ckb.kb.people[people[0]]
            if not person.roles:
                continue
            if person.minor and mention.surname_only and person.id not in named_in_full:
                continue  # a lone surname is this little-known person only if the article names them in full
            for use in (reader.before(text, mention), reader.after(text, mention)):
                if use is None or ckb.descriptors.get(use.title) == ():
                    continue  # no title, or a word that describes without naming an office ("il leader")
                roles = ckb.roles_on(person, document.date, use.tense)
                if ckb.title_matches(person, roles, use.title, use.qualifier):
                    continue
                if person.minor and not ckb.roles_on(person, document.date, "now"):
                    continue  # the KB knows only part of a little-known person's career: no role then, no judgement
                yield self._finding(ckb, person, use, document.date, lang)

    def _finding(
        self, ckb: CompiledKB, person: Any, use: TitleUse, day: dt.date | None, lang: str | None
    ) -> Match:
        held = ckb.roles_on(person, day, "now") if day else list(person.roles)
        former = False
        if not held and day is not None:
            held = [r for r in person.roles if r.start <= day]  # nothing then: what they had been
            former = True
        held = sorted(held, key=lambda r: r.start, reverse=True)[:3]
        name = person.name_for(lang)
        described = ", ".join(
            dict.fromkeys(f"{ckb.qualified_title(person, r, lang)} ({_span_text(r, lang)})" for r in held)
        )
        suggestions = tuple(dict.fromkeys(ckb.preferred_title(person, r, lang) for r in held))
        if former:
            suggestions = tuple(("former " if lang == "en" else "ex ") + s for s in suggestions)
        if lang == "en":
            if day is None:
                detail = f"“{use.text}” is not a title {name} has held, according to refuso's knowledge base"
            else:
                detail = f"“{use.text}” is not a title {name} held on {_date_text(day, lang)}"
            if former:
                detail += (
                    f": by then {person.surname} had left office (was {described})"
                    if held
                    else ": no role is recorded"
                )
            else:
                detail += (
                    f": {person.surname} {'was' if day else 'has been'} {described}"
                    if held
                    else ": no role is recorded then"
                )
        else:
            if day is None:
                detail = f"«{use.text}» non è un titolo che {name} abbia mai avuto secondo la base di conoscenza di refuso"
            else:
                detail = f"«{use.text}» non è il titolo di {name} al {_date_text(day, lang)}"
            if former:
                stato = "stato" if person.gender == "m" else "stata"
                detail += (
                    f": a quella data non era più in carica (era {stato} {described})"
                    if held
                    else ": nessun incarico registrato"
                )
            else:
                verb = "era" if day else ("è stato" if person.gender == "m" else "è stata")
                detail += f": {verb} {described}" if held else ": nessun incarico registrato in quel periodo"
        replacement = suggestions[0] if len(suggestions) == 1 and use.qualifier is None else None
        return Match(
            use.start, use.end, args={"detail": detail}, suggestions=suggestions, replacement=replacement
        )


def _house_form(person: Any, language: str | None, entry: NameEntry) -> str:
    """The spelling refuso suggests for the form that matched ``entry``: a full name or a surname."""
    name = person.name_for(language)
    if entry.kind in ("wrong", "name", "variant"):
        return name
    surname = person.surname if person.surname in name else name.split()[-1]
    return surname


class MisspelledName:
    uses_knowledge = True
    meta = rule_meta(
        code="NAM001",
        name="misspelled-name",
        category="name",
        severity="error",
        message={"it": "«{match}» è una grafia sbagliata: {name}", "en": "“{match}” is misspelled: {name}"},
        description={
            "it": (
                "Segnala le grafie sbagliate note dei nomi della base di conoscenza («Anthony Blinken» per Antony "
                "Blinken, «Zhelensky» per Zelensky), e propone la grafia della casa nella lingua dell'articolo. "
                "Le grafie sbagliate sono solo quelle documentate nella base di conoscenza, con la loro fonte: "
                "per le altre c'è NAM002."
            ),
            "en": (
                'Flags known wrong spellings of names in the knowledge base ("Anthony Blinken" for Antony '
                'Blinken, "Zhelensky" for Zelensky) and suggests the house spelling in the article\'s language. '
                "Only wrong spellings documented in the knowledge base, with their source; NAM002 covers others."
            ),
        },
        flagged=[
            ("it", "Il segretario di Stato ⟦Anthony Blinken⟧ è arrivato a Roma."),
            ("en", "Secretary of State ⟦Anthony Blinken⟧ arrived in Rome."),
        ],
        clean=[
            ("it", "Il segretario di Stato Antony Blinken è arrivato a Roma."),
            ("it", "L'attore Anthony Hopkins è arrivato a Roma."),
        ],
        fix="unsafe",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        ckb = _knowledge(options)
        if ckb is None:
            return
        lang = document.language
        for mention in find_mentions(document, ckb):
            kinds = mention.kinds()
            if kinds & {"name", "variant", "surname", "variant-surname"}:
                continue  # also a correct spelling of someone
            wrong = [
                e for e in mention.entries if e.kind in ("wrong", "wrong-surname") and e.lang in (None, lang)
            ]
            if not wrong:
                continue
            person = ckb.kb.people[wrong[0].person]
            right = _house_form(person, lang, wrong[0])
            label = person.name_for(lang)
            if lang == "en":
                detail = f"write “{right}”" + (f" ({label})" if right != label else "")
            else:
                detail = f"si scrive «{right}»" + (f" ({label})" if right != label else "")
            yield Match(
                mention.start, mention.end, args={"name": detail}, suggestions=(right,), replacement=right
            )


_FIRST_NAME = re.compile(rf"({CAPITAL_CANDIDATE}[\w'’-]+)[ \u00a0]+$")
_FUNCTION_WORDS = {w for words in FUNCTION_WORDS.values() for w in words}


class PossibleMisspelledName:
    uses_knowledge = True
    meta = rule_meta(
        code="NAM002",
        name="possible-misspelled-name",
        category="name",
        severity="warning",
        message={"it": "{detail}", "en": "{detail}"},
        description={
            "it": (
                "Segnala un nome che somiglia a quello di una persona della base di conoscenza senza esserne una "
                "grafia accettata: un nome di battesimo sbagliato accanto a un cognome noto («Anthony Blinken»), "
                "un cognome a una lettera di distanza o traslitterato diversamente («Zhelensky», «Horn» per "
                "Horne), o una grafia che la casa usa in un'altra lingua («Zelenskyy» in un articolo italiano). "
                "Un cognome da solo è segnalato solo se è usato come nome di persona (è seguito da «ha detto», "
                "preceduto da un titolo…), se l'articolo parla del paese o dell'organizzazione di quella persona "
                "e se non è una parola comune. È un avviso: può essere un'altra persona."
            ),
            "en": (
                "Flags a name close to that of a person in the knowledge base without being an accepted spelling: "
                'a wrong first name next to a known surname ("Anthony Blinken"), a surname one letter off or '
                'transliterated differently ("Zhelensky", "Horn" for Horne), or a spelling the house uses in '
                "another language. A lone surname is flagged only when it is used as a person's name, the article "
                "mentions that person's country or organisation, and it is not a common word. A warning: it may "
                "be someone else."
            ),
        },
        flagged=[
            (
                "it",
                "Il portavoce del Consiglio per la sicurezza nazionale, Emily Horne, ha parlato. ⟦Horn⟧ ha aggiunto che la Casa Bianca è pronta.",
            ),
            ("it", "Il presidente ucraino Volodymyr ⟦Zhelenskyi⟧ ha parlato."),
        ],
        clean=[
            ("it", "Il presidente ucraino Volodymyr Zelensky ha parlato."),
            ("it", "Il corno, in tedesco Horn, è uno strumento."),
        ],
        fix="unsafe",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        ckb = _knowledge(options)
        if ckb is None:
            return
        text = document.prose.text
        lang = document.language
        mentions = find_mentions(document, ckb)
        covered = _merged((m.start, m.end) for m in mentions)
        for mention in mentions:
            yield from self._other_language_variant(ckb, mention, lang)
            yield from self._wrong_first_name(ckb, text, mention, lang)
        named_in_full = _named_in_full(mentions)
        reported: set[tuple[int, int]] = set()
        for run in name_runs(document):
            for start, end, _word in run:
                if _covers(covered, start) or (start, end) in reported:
                    continue
                found = self._near_surname(ckb, document, text, start, end, lang, named_in_full)
                if found is not None:
                    reported.add((start, end))
                    yield found

    @staticmethod
    def _other_language_variant(ckb: CompiledKB, mention: Mention, lang: str | None) -> Iterator[Match]:
        if mention.kinds() & {"name", "surname", "wrong", "wrong-surname"} or not mention.belongs_to(ckb):
            return  # also a right spelling, or part of another name ("Monte Carlo" is not King Carlo)
        entries = [e for e in mention.entries if e.kind in ("variant", "variant-surname")]
        if not entries or any(e.lang in (None, lang) for e in entries):
            return
        person = ckb.kb.people[entries[0].person]
        right = _house_form(person, lang, entries[0])
        if lang == "en":
            detail = f"“{mention.text}” is the spelling used in another language: in English write “{right}”"
        else:
            detail = f"«{mention.text}» è la grafia di un'altra lingua: in italiano si scrive «{right}»"
        yield Match(
            mention.start, mention.end, args={"detail": detail}, suggestions=(right,), replacement=right
        )

    @staticmethod
    def _wrong_first_name(ckb: CompiledKB, text: str, mention: Mention, lang: str | None) -> Iterator[Match]:
        if not mention.kinds() & {"surname", "variant-surname"} or len(mention.people) != 1:
            return
        m = _FIRST_NAME.search(text, max(0, mention.start - 40), mention.start)
        if not m:
            return
        first = m.group(1)
        person = ckb.kb.people[mention.people[0]]
        known = ckb.first_names.get(person.id, set())
        first_key = key(first)
        if not known or first_key in known or len(first_key) < 4 or first_key in _FUNCTION_WORDS:
            return
        if any(sound_key(first_key) == sound_key(k) for k in known):
            return  # another transliteration of the same name: Andrij, Andrii, Andriy
        allowed = 1 if len(first_key) < 6 else 2
        if min(edit_distance(first_key, k) for k in known) > allowed:
            return  # a different first name: probably another person with the same surname
        right = person.name_for(lang)
        if lang == "en":
            detail = (
                f"“{first} {mention.text}”: the first name is spelled differently; did you mean “{right}”?"
            )
        else:
            detail = (
                f"«{first} {mention.text}»: il nome di battesimo è scritto diversamente; forse «{right}»?"
            )
        yield Match(m.start(1), mention.end, args={"detail": detail}, suggestions=(right,), replacement=right)

    def _near_surname(
        self,
        ckb: CompiledKB,
        document: Document,
        text: str,
        start: int,
        end: int,
        lang: str | None,
        named_in_full: set[str],
    ) -> Match | None:
        word = text[start:end]
        if len(word) < 4 or not word[0].isupper():
            return None
        candidates = ckb.near(word)
        if not candidates:
            return None
        people = sorted({pid for s in candidates for pid in ckb.surname_people.get(s, ())})
        before = text[max(0, start - 40) : start]
        first = _FIRST_NAME.search(before)
        evidence_person = None
        for pid in people:
            person = ckb.kb.people[pid]
            if document.date is not None and not ckb.roles_on(person, document.date, "past"):
                continue
            if first and key(first.group(1)) in ckb.first_names.get(pid, set()):
                # "Volodymyr Zhelenskyi": the first name is right. Not enough for a little-known person
                # with a common first name ("John Hall" is not John Hill), nor for an ordinary word.
                if (not person.minor or pid in named_in_full) and not _common_anywhere(ckb, word):
                    evidence_person = person
                    break
                continue
            if first:
                continue  # another first name: someone else
            if not self._used_as_name(text, start, end):
                continue
            # The person named in full elsewhere in the article ("Emily Horne ... Horn said"), or the
            # article about their country or organisation and the word not an ordinary one.
            if pid in named_in_full or (
                not person.minor and self._in_context(ckb, document, pid) and not _common(ckb, word, lang)
            ):
                evidence_person = person
                break
        if evidence_person is None:
            return None
        right = (
            evidence_person.surname
            if evidence_person.surname in evidence_person.name_for(lang)
            else evidence_person.name_for(lang).split()[-1]
        )
        full = evidence_person.name_for(lang)
        if lang == "en":
            detail = f"“{word}”: did you mean “{right}” ({full})?"
        else:
            detail = f"«{word}»: forse «{right}» ({full})?"
        return Match(start, end, args={"detail": detail}, suggestions=(right,), replacement=right)

    @staticmethod
    def _used_as_name(text: str, start: int, end: int) -> bool:
        """Followed by a verb of speech, or preceded by a title-like word."""
        if _SPEECH.match(text, end):
            return True
        before = text[max(0, start - 30) : start].casefold()
        return bool(
            re.search(
                r"\b(?:portavoce|ministro|ministra|presidente|segretario|segretaria|spokesperson|spokesman|"
                r"spokeswoman|minister|president|secretary|premier|cancelliere|chancellor)\s*,?\s*$",
                before,
            )
        )

    @staticmethod
    def _in_context(ckb: CompiledKB, document: Document, person_id: str) -> bool:
        terms = ckb.context_terms.get(person_id, set())
        text = document.prose.text
        return any(
            term in text and re.search(rf"(?<![\w]){re.escape(term)}(?![\w])", text)
            for term in terms
            if len(term) >= 2
        )


def _common_anywhere(ckb: CompiledKB, word: str) -> bool:
    """A frequent word in any language the KB lists ("Hall", "Long"): names in one are words in another."""
    folded = word.casefold()
    return any(folded in words for words in ckb.kb.common_words.values())


def _spelling_groups(forms: list[str]) -> list[list[str]]:
    """The forms grouped by the name they spell: the same sound key, or at most two letters apart."""
    groups: list[list[str]] = []
    for form in forms:
        folded, sound = fold(form), sound_key(form)
        for group in groups:
            if any(
                sound == sound_key(other) or edit_distance(folded, fold(other), 3) <= 2 for other in group
            ):
                group.append(form)
                break
        else:
            groups.append([form])
    return groups


def _common(ckb: CompiledKB | None, word: str, language: str | None) -> bool:
    """A frequent word of the language one letter from a KB surname ("Conti" near Conte): written by
    tools/build_kb.py from word frequencies into rules/kb/generated/common-words.yaml."""
    if ckb is None:
        return False
    return word.casefold() in ckb.kb.common_words.get(language or "it", set())


class InconsistentName:
    uses_knowledge = True
    meta = rule_meta(
        code="CON001",
        name="inconsistent-name",
        category="consistency",
        severity="warning",
        message={"it": "{detail}", "en": "{detail}"},
        description={
            "it": (
                "Segnala la stessa persona scritta in due modi nello stesso articolo: due grafie accettate di un "
                "nome della base di conoscenza («Zelensky» e «Zelenskyy»), o, per chiunque, un cognome che "
                "compare per intero in un nome completo e altrove con una lettera diversa («Emily Horne» e "
                "«Horn», «Lavrov» e «Lavrow»). Segnala la grafia meno usata e propone l'altra."
            ),
            "en": (
                "Flags one person written two ways in one article: two accepted spellings of a knowledge-base "
                'name ("Zelensky" and "Zelenskyy"), or, for anyone, a surname that appears in a full name and '
                'elsewhere one letter off ("Emily Horne" and "Horn", "Lavrov" and "Lavrow"). Flags the '
                "less used spelling and suggests the other."
            ),
        },
        flagged=[
            ("it", "Il portavoce Mario Bianchetti ha parlato ieri. ⟦Bianchetto⟧ ha poi aggiunto altro."),
            (
                "it",
                "Volodymyr Zelensky ha parlato. Poi ⟦Zelenskyy⟧ ha lasciato la sala e Zelensky è tornato.",
            ),
        ],
        clean=[
            ("it", "Il portavoce Mario Bianchetti ha parlato ieri. Bianchetti ha poi aggiunto altro."),
            ("it", "Anna Rossi e Marco Rossa hanno parlato."),
        ],
        fix="unsafe",
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        ckb = _knowledge(options)
        text = document.prose.text
        lang = document.language
        mentions = find_mentions(document, ckb) if ckb is not None else []
        yield from self._kb_spellings(ckb, mentions, lang)
        covered = _merged((m.start, m.end) for m in mentions)
        yield from self._free_surnames(ckb, text, name_runs(document), covered, lang)

    @staticmethod
    def _kb_spellings(ckb: CompiledKB | None, mentions: list[Mention], lang: str | None) -> Iterator[Match]:
        if ckb is None:
            return
        by_person: dict[str, list[Mention]] = {}
        for m in mentions:
            if len(m.people) != 1 or m.kinds() & {"wrong", "wrong-surname"}:
                continue
            if not any(e.lang in (None, lang) for e in m.entries):
                continue  # another language's spelling: NAM002 reports it
            by_person.setdefault(m.people[0], []).append(m)
        for pid, found in by_person.items():
            person = ckb.kb.people[pid]
            surnames: dict[str, list[Mention]] = {}
            by_case: dict[str, str] = {}  # "di Maio" and "Di Maio" are one spelling: particles vary in case
            for m in found:
                form = ckb.surname_in(person, m.text)
                form = by_case.setdefault(form.casefold(), form)
                surnames.setdefault(form, []).append(m)
            house = _house_form(person, lang, NameEntry(pid, "surname", person.surname))
            # Only spellings of the same name are compared: "Zelensky" and "Zelenskyy", not "Phạm" and
            # "Chính" (a Vietnamese family name and the given name the press uses alone).
            for group in _spelling_groups(list(surnames)):
                if len(group) < 2:
                    continue
                counts = {form: len(surnames[form]) for form in group}
                keep = (
                    house
                    if house in counts
                    else max(counts, key=lambda f: (counts[f], -found.index(surnames[f][0])))
                )
                for form in group:
                    if form == keep:
                        continue
                    for m in surnames[form]:
                        start = m.start + m.text.casefold().rindex(form.casefold())
                        if lang == "en":
                            detail = (
                                f"“{form}” and “{keep}” in one article: write {person.name_for(lang)} one way"
                            )
                        else:
                            detail = f"«{form}» e «{keep}» nello stesso articolo: scrivi {person.name_for(lang)} in un solo modo"
                        yield Match(
                            start,
                            start + len(form),
                            args={"detail": detail},
                            suggestions=(keep,),
                            replacement=keep,
                        )

    @staticmethod
    def _free_surnames(
        ckb: CompiledKB | None,
        text: str,
        runs: list[list[tuple[int, int, str]]],
        covered: list[tuple[int, int]],
        lang: str | None,
    ) -> Iterator[Match]:
        """Surnames seen in a full name ("Emily Horne") and elsewhere one letter off ("Horn")."""
        full_surnames: dict[str, int] = {}
        words_at: dict[str, list[tuple[int, int]]] = {}
        for parts in runs:
            for i, (start, _end, word) in enumerate(parts):
                if len(word) < 4 or not word[0].isupper() or _covers(covered, start):
                    continue
                words_at.setdefault(word, []).append((start, start + len(word)))
                if i > 0 and i == len(parts) - 1 and any(w[:1].isupper() for _s, _e, w in parts[:i]):
                    full_surnames[word] = full_surnames.get(word, 0) + 1
        # Words one edit apart share a form with one letter deleted: index the words by those forms, so
        # each surname is compared with its few neighbours, not with every capitalised word.
        by_deletion: dict[str, set[str]] = {}
        for word in words_at:
            for variant in one_letter_deletions(word.casefold()):
                by_deletion.setdefault(variant, set()).add(word)
        for surname in full_surnames:
            near = {
                w
                for variant in one_letter_deletions(surname.casefold())
                for w in by_deletion.get(variant, ())
            }
            for other in sorted(near):
                places = words_at[other]
                if (
                    other == surname
                    or other in full_surnames
                    or edit_distance(surname.casefold(), other.casefold(), 2) > 1
                ):
                    continue
                if len(places) > len(words_at[surname]) or _common(ckb, other, lang) or other.isupper():
                    continue
                # Only where the other form is used as a person's name ("Horn said", "il portavoce Horn").
                places = [(s, e) for s, e in places if PossibleMisspelledName._used_as_name(text, s, e)]
                for start, end in places:
                    if lang == "en":
                        detail = (
                            f"“{other}” and “{surname}” in one article: the same person written two ways?"
                        )
                    else:
                        detail = f"«{other}» e «{surname}» nello stesso articolo: la stessa persona scritta in due modi?"
                    yield Match(
                        start, end, args={"detail": detail}, suggestions=(surname,), replacement=surname
                    )


# Title words whose form shows a gender; the ones not listed (presidente, premier, portavoce, leader) do not.
_MASCULINE_TITLES = {
    "ministro", "primo", "segretario", "sottosegretario", "viceministro", "ambasciatore", "senatore",
    "deputato", "governatore", "sindaco", "cancelliere", "procuratore", "direttore", "consigliere",
    "amministratore", "presidente-padrone", "vicesegretario", "portavoce-capo", "ex-ministro",
}  # fmt: skip
_FEMININE_TITLES = {
    "ministra", "prima", "segretaria", "sottosegretaria", "viceministra", "ambasciatrice", "senatrice",
    "deputata", "governatrice", "sindaca", "cancelliera", "procuratrice", "direttrice", "consigliera",
    "amministratrice", "presidentessa", "vicesegretaria", "regina", "principessa", "sovrana",
}  # fmt: skip
_MASCULINE_ARTICLES = {
    "il",
    "lo",
    "un",
    "del",
    "dello",
    "al",
    "allo",
    "dal",
    "dallo",
    "nel",
    "sul",
    "col",
    "quel",
    "questo",
}
_FEMININE_ARTICLES = {"la", "una", "della", "alla", "dalla", "nella", "sulla", "quella", "questa"}
# "Frederiksen è stato rieletto": the participle or adjective right after the name's verb agrees with it.
_AGREEMENT_IT = re.compile(
    r"[ \u00a0]+(?:è|era|sarà|sarebbe|fu|sia|fosse)[ \u00a0]+(?:(stat[oa])\b|([a-zà-ù]{2,}(?:at|ut|it|ett|ess|olt|ort|ast|unt|int)([oa]))\b)"
)
# What may come right before a name that is the subject of its clause.
_CLAUSE_START = re.compile(
    r"(?:^|[.,;:!?«“\"(]|\b(?:che|e|ed|ma|poi|quando|mentre|se|perché|anche|però|ieri|oggi)\b)[ \u00a0]*\Z"
)
_AGREEMENT_EN = re.compile(
    r"[ \u00a0]+(?:said|says|told reporters|added|insisted|argued|warned|claimed|stressed|noted)[ \u00a0]+(?:that[ \u00a0]+)?(he|she|his|her)\b",
    re.IGNORECASE,
)


class GenderMismatch:
    uses_knowledge = True
    meta = rule_meta(
        code="TTL002",
        name="title-gender-mismatch",
        category="title",
        severity="warning",
        preview=True,
        message={"it": "{detail}", "en": "{detail}"},
        description={
            "it": (
                "Segnala un titolo, un articolo, un participio o un pronome del genere sbagliato per una persona "
                "della base di conoscenza: «la ministra Antonio Tajani», «Mette Frederiksen è stato rieletto», "
                "«Prime Minister Mette Frederiksen said he…». Un titolo maschile per una donna («il ministro "
                "Anna Bernini») è una scelta di stile che molte redazioni fanno: è segnalato solo come "
                "informazione, e l'opzione `masculine_for_women: false` lo spegne. Il genere giudicato è solo "
                "quello dato da una fonte, non quello dedotto dal nome."
            ),
            "en": (
                "Flags a title, article, participle or pronoun of the wrong gender for a person in the knowledge "
                'base: "la ministra Antonio Tajani", "Mette Frederiksen è stato rieletto", "Prime Minister '
                'Mette Frederiksen said he…". A masculine Italian title for a woman ("il ministro Anna '
                'Bernini") is a house style many newsrooms follow: it is reported as info only, and the option '
                "`masculine_for_women: false` turns it off. Only genders given by a source are judged, not those "
                "inferred from a first name."
            ),
        },
        flagged=[
            (
                "it",
                "---\ndate: 2023-05-01\n---\nMette Frederiksen è ⟦stato⟧ rieletta alla guida del governo danese.",
            ),
            ("it", "---\ndate: 2023-05-01\n---\n⟦La ministra⟧ degli Esteri Antonio Tajani ha parlato."),
            (
                "en",
                "---\ndate: 2023-05-01\n---\nDanish Prime Minister Mette Frederiksen said ⟦he⟧ would stay.",
            ),
        ],
        clean=[
            ("it", "---\ndate: 2023-05-01\n---\nLa premier danese Mette Frederiksen è stata rieletta."),
            ("it", "---\ndate: 2023-05-01\n---\nIl ministro degli Esteri Antonio Tajani è arrivato."),
            (
                "en",
                "---\ndate: 2023-05-01\n---\nDanish Prime Minister Mette Frederiksen said she would stay.",
            ),
        ],
        options={"masculine_for_women": True},
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        ckb = _knowledge(options)
        if ckb is None:
            return
        text = document.prose.text
        lang = document.language
        reader = _TitleReader(ckb)
        masculine_for_women = options.get("masculine_for_women", True)
        for mention in find_mentions(document, ckb):
            if len(mention.people) != 1 or not mention.belongs_to(ckb):
                continue
            person = ckb.kb.people[mention.people[0]]
            if person.gender_inferred or (person.minor and mention.surname_only):
                continue
            name = person.name_for(lang)
            if lang == "it":
                use = reader.before(text, mention)
                if use is not None:
                    found = self._title_gender(text, use)
                    if found is not None:
                        start, end, gender = found
                        if gender != person.gender and (gender == "f" or masculine_for_women):
                            yield self._title_finding(start, end, text[start:end], person, name)
                # The participle agrees with the name only when the name is the subject: not after a
                # noun ("il governo Meloni è stato") nor after a title that sets its own gender.
                m = _AGREEMENT_IT.match(text, mention.end) if use is None else None
                if m and _CLAUSE_START.search(text[max(0, mention.start - 40) : mention.start]) is None:
                    m = None
                if m:
                    group = 1 if m.group(1) else 2
                    word = m.group(group)
                    gender = "m" if word.endswith("o") else "f"
                    if gender != person.gender:
                        detail = f"«{word}» non concorda con {name}: " + (
                            "è una donna" if person.gender == "f" else "è un uomo"
                        )
                        right = word[:-1] + ("a" if person.gender == "f" else "o")
                        yield Match(
                            m.start(group),
                            m.end(group),
                            args={"detail": detail},
                            suggestions=(right,),
                            replacement=right,
                        )
            elif lang == "en":
                m = _AGREEMENT_EN.match(text, mention.end)
                if m:
                    pronoun = m.group(1)
                    gender = "m" if pronoun.casefold() in ("he", "his") else "f"
                    if gender != person.gender:
                        right = {"he": "she", "his": "her", "she": "he", "her": "his"}[pronoun.casefold()]
                        detail = f"“{pronoun}” does not agree with {name}, who is a " + (
                            "woman" if person.gender == "f" else "man"
                        )
                        yield Match(
                            m.start(1),
                            m.end(1),
                            args={"detail": detail},
                            suggestions=(right,),
                            replacement=right,
                        )

    @staticmethod
    def _title_gender(text: str, use: TitleUse) -> tuple[int, int, str] | None:
        """(start, end, gender) of the word that gives the title a gender: its head noun when that shows
        one, else the article before it."""
        toks = tokens(text[use.start : use.end], use.start)
        if not toks:
            return None
        head = toks[0]
        before = tokens(text[max(0, use.start - 12) : use.start], max(0, use.start - 12))
        article = before[-1] if before and text[before[-1][2] : use.start].strip() == "" else None
        if head[0] in _FEMININE_TITLES:
            start = article[1] if article and article[0] in _FEMININE_ARTICLES | {"l'"} else head[1]
            return start, head[2], "f"
        if head[0] in _MASCULINE_TITLES:
            start = article[1] if article and article[0] in _MASCULINE_ARTICLES | {"l'"} else head[1]
            return start, head[2], "m"
        if article is None:
            return None
        if article[0] in _FEMININE_ARTICLES:
            return article[1], head[2], "f"
        if article[0] in _MASCULINE_ARTICLES:
            return article[1], head[2], "m"
        return None

    @staticmethod
    def _title_finding(start: int, end: int, phrase: str, person: Any, name: str) -> Match:
        if person.gender == "f":
            detail = (
                f"«{phrase}» è al maschile per {name}: molte redazioni usano il femminile "
                "(la ministra, la presidente)"
            )
            return Match(start, end, args={"detail": detail}, severity=Severity.INFO)
        detail = f"«{phrase}» è al femminile, ma {name} è un uomo"
        return Match(start, end, args={"detail": detail})


RULES = [WrongTitle(), MisspelledName(), PossibleMisspelledName(), InconsistentName(), GenderMismatch()]
