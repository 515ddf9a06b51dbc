"""Reading the title next to a name: "il ministro degli Esteri russo Sergej Lavrov", "US Secretary of
State Antony Blinken", "Blinken, segretario di Stato,", and the words a title is judged with."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from lint.checks.people.names import Mention
from lint.kb.index import MAX_TITLE_WORDS, CompiledKB, Qualifier
from lint.kb.keys import tokens
from lint.lang import Language, Languages


def date_text(day: dt.date, language: Language) -> str:
    """A date as the language writes it in running text: "5 gennaio 2022", "5 January 2022"."""
    return f"{day.day} {language.months[day.month - 1]} {day.year}"


def span_text(role: Any, language: Language) -> str:
    """The years a role lasted: "2021–2025", or "dal 2021" for one still held."""
    start, end = role.start.year, (role.end.year if role.end else None)
    return f"{start}–{end}" if end else language.label("since_year").format(year=start)


def sentence_start(text: str, at: int) -> int:
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


class TitleReader:
    """Finds the title phrase right before a name, or in apposition after it."""

    def __init__(self, ckb: CompiledKB, languages: Languages) -> None:
        self.ckb = ckb
        # Titles in copy mix languages ("il Secretary of State"): the words of every language count.
        self.past = languages.union("past_words")
        self.future = languages.union("future_words")
        self.blockers = languages.union("title_blockers")
        self.articles = languages.union("title_articles")
        self.modifiers = self.past | self.future | {"ex-"}

    def _tense(self, before: list[str]) -> str | None:
        """The tense the words before a title give it; None when they make it another office."""
        for w in reversed(before[-3:]):
            if w in self.blockers or w.endswith("-ombra"):
                return None
            if w in self.past or w == "ex-":
                return "past"
            if w in self.future:
                return "future"
            if w not in self.articles:
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
        begin = sentence_start(text, mention.start)
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
        while lead < len(keys) and (keys[lead] in self.articles or keys[lead] in self.modifiers):
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
