"""MTP108: "from the 8.30 to the 16", "at the 10", "from 8.30 to 16": times of day written the Italian
way («dalle 8.30 alle 16», «alle 10») in English, where a time takes no article and a bare 16 is no
time at all."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.mt import vocabulary
from lint.document import Document
from lint.rules import CheckContext, Match

_CLOCK = r"(?:[01]?\d|2[0-4])(?:[.:][0-5]\d)?"
# What may follow a time of day: the end of a clause, or a word that goes on with a time, never a noun
# ("from the 10 to the 12 finalists", "at the 18 hole" stay quiet).
_AFTER = (
    r"(?=[ \u00a0]*(?:[,.;:!?)\]]|\Z|\n|(?:on|in|at|every|each|and|or|daily|from|except|with|for|"
    r"o['’]clock|sharp|hours)(?![\w'’-])))"
)
_RANGE_TO = r"(?:to|until|till|and)"


def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # «dalle 8.30 alle 16»: the article before both times
    with_article = re.compile(
        rf"(?<![\w'’-])(?:from|between)[ \u00a0]+the[ \u00a0]+(?P<a>{_CLOCK})[ \u00a0]+{_RANGE_TO}[ \u00a0]+"
        rf"the[ \u00a0]+(?P<b>{_CLOCK})(?![\w.:,]\d|[\w'’-]){_AFTER}",
        re.IGNORECASE,
    )
    # «alle 10», «entro le 18»: one time with the article
    single = re.compile(
        rf"(?<![\w'’-])(?:at|until|till|by|after|before|from)[ \u00a0]+the[ \u00a0]+(?P<a>{_CLOCK})"
        rf"(?![\w.:,]\d|[\w'’-]){_AFTER}",
        re.IGNORECASE,
    )
    # «dalle 8.30 alle 16», «dalle 18.30 alle 22.00» without the article: a range ending past noon on the
    # 24-hour clock
    bare = re.compile(
        rf"(?<![\w'’-])(?:from|between)[ \u00a0]+(?P<a>{_CLOCK})[ \u00a0]+{_RANGE_TO}[ \u00a0]+"
        rf"(?P<b>{_CLOCK})(?![\w.:,]\d|[\w'’-]){_AFTER}",
        re.IGNORECASE,
    )
    return with_article, single, bare


_compiled = functools.cache(_patterns)
_TRIGGERS = frozenset({"the", "from", "between"})
# A digit after a space: the literal first character lets the scan skip ahead, as a lookbehind would not.
_NUMBER = re.compile(r" [0-9]")
_NUMBER_NBSP = re.compile(r"[ \u00a0][0-9]")
_LEAD_WORDS = frozenset({"from", "between", "at", "until", "till", "by", "after", "before", "the"})
_LEAD = re.compile(
    r"(?<![\w'’-])(?:from|between|at|until|till|by|after|before)[ \u00a0]+(?:the[ \u00a0]+)?\Z", re.IGNORECASE
)
# "rose from 8.30 to 16 euros", "fell from 18.30 to 22.00": numbers that move are not hours
_MOVE = re.compile(
    r"(?:rose|risen|rises|rising|fell|fallen|falls|falling|increased|decreased|dropped|climbed|grew|grown|"
    r"jumped|slipped|slid|went|gone|up|down|cut|raised|lowered|reduced|widened|narrowed|%|percent|cent|"
    r"range|ranges|ranged|ranging|vary|varies|varied|varying|costs?|prices?|fees?|rates?|"
    r"traded|trading|trades|stood|stands|hovered|hovering|fluctuated|fluctuating|oscillated|moved|moving|"
    r"euros?|dollars?|pounds?|points?|degrees?)\W*\Z",
    re.IGNORECASE,
)


# A bare hour is a time only near a word of the clock or the calendar: "prices range from 7.50 to 15"
# is money.
_TIME_CONTEXT = re.compile(
    r"(?<![\w'’-])(?:opens?|opening|open|closes?|closed|closing|hours|morning|afternoon|evening|night|daily|"
    r"weekdays?|weekends?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|tomorrow|"
    r"yesterday|timetable|schedule|shifts?|starts?|starting|begins?|ends?|kicks?\s+off|departs?|arrives?|"
    r"deadline|polls|noon|midnight)(?![\w'’-])",
    re.IGNORECASE,
)


def _timely(text: str, start: int, end: int) -> bool:
    paragraph_start = text.rfind("\n\n", 0, start) + 1
    paragraph_end = text.find("\n\n", end)
    paragraph_end = len(text) if paragraph_end < 0 else paragraph_end
    return (
        _TIME_CONTEXT.search(text, max(paragraph_start, start - 120), min(paragraph_end, end + 80))
        is not None
    )


def _hour(text: str) -> tuple[int, int]:
    hour, _, minute = text.replace(":", ".").partition(".")
    return int(hour), int(minute or 0)


def english_time(text: str) -> str:
    """«16» → 4pm, «8.30» → 8.30am, «12» → noon: the 12-hour time of British news."""
    hour, minute = _hour(text)
    if minute == 0 and hour == 12:
        return "noon"
    if minute == 0 and hour in (0, 24):
        return "midnight"
    half = "am" if hour % 24 < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}.{minute:02d}{half}" if minute else f"{shown}{half}"


class ItalianClockTime:
    meta = rule_meta(
        code="MTP108",
        name="italian-clock-time",
        category="mt-phrasing",
        severity="warning",
        message={
            "en": "“{match}” writes a time of day the Italian way: in English write “{suggestion}”",
            "it": "«{match}» è un orario all'italiana in un testo inglese: si scrive «{suggestion}»",
        },
        description={
            "en": (
                "Flags times of day left in the Italian form in English: the article before the time "
                '("from the 8.30 to the 16", "at the 10", for dalle 8.30 alle 16, alle 10) and a range '
                'that ends on a 24-hour time past noon ("from 8.30 to 16", "from 18.30 to 22.00"). The message gives the 12-hour time '
                "(from 8.30am to 4pm). A time is only counted where a clause ends or a time word follows "
                'it, so "from the 10 to the 12 finalists" and figures that rise "from 8.30 to 16 euros" '
                "are left alone."
            ),
            "it": (
                "Segnala in inglese gli orari scritti all'italiana: l'articolo davanti all'ora («from the "
                "8.30 to the 16», «at the 10») e un intervallo che finisce con un'ora da 0 a 24 senza minuti "
                "(«from 8.30 to 16»); il messaggio propone l'ora da 12 con am e pm."
            ),
        },
        reference="https://commission.europa.eu/system/files/2023-05/styleguide_english_dgt_en.pdf",
        flagged=[
            ("en", "The museum is open ⟦from the 9.30 to the 18⟧, except on Mondays."),
            ("en", "The vote closes ⟦at the 10⟧ on Sunday, and counting starts ⟦from 8.30 to 15⟧."),
            ("en", "The clinics will stay open ⟦from 18.30 to 22.00⟧ on weekdays."),
        ],
        clean=[
            ("en", "The museum is open from 9.30am to 6pm, except on Mondays."),
            ("en", "The number of finalists fell from the 10 to the 12 finalists of last year."),
            ("en", "The price rose from 8.30 to 16 euros, and the score at the 18 hole was par."),
            ("en", "Children aged from 8 to 12 attend the camp between 9 and 12."),
            ("en", "Tickets for the concert cost from 7.50 to 15, and the runner finished at the 10."),
        ],
        languages=("en",),
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        if vocabulary(document).isdisjoint(_TRIGGERS):
            return
        text = document.prose.text
        patterns = _compiled()
        reported = -1
        # The numbers are found first and the patterns tried only after a lead word ("from the", "at"):
        # scanning the whole text with each pattern costs far more than the few numbers of an article.
        numbers = _NUMBER_NBSP if "\u00a0" in text else _NUMBER
        for number in numbers.finditer(text):
            at = number.start() + 1
            if at < reported:
                continue
            before = text[max(0, at - 16) : at].lower().split()
            if not before or before[-1] not in _LEAD_WORDS:
                continue  # most numbers: a word check costs less than the lead pattern
            if before[-1] == "the" and (len(before) < 2 or before[-2] not in _LEAD_WORDS):
                continue
            lead = _LEAD.search(text, max(0, at - 16), at)
            if lead is None:
                continue
            for pattern in patterns:
                m = pattern.match(text, lead.start())
                if m is None or not self._plausible(text, m, pattern is patterns[2], pattern is patterns[1]):
                    continue
                reported = m.end()
                a, b = m.group("a"), m.groupdict().get("b")
                words = m.group().split()
                if b is None:
                    suggestion = f"{words[0]} {english_time(a)}"
                else:
                    link = "and" if words[0].lower() == "between" else "to"
                    suggestion = f"{words[0]} {english_time(a)} {link} {english_time(b)}"
                yield Match(m.start(), m.end(), args={"suggestion": suggestion})
                break

    @staticmethod
    def _plausible(text: str, m: re.Match[str], is_bare: bool, is_single: bool) -> bool:
        if _MOVE.search(text, max(0, m.start() - 24), m.start()):
            return False
        a, b = m.group("a"), m.groupdict().get("b")
        if is_bare and not _bare_range(a, b):
            return False
        if is_bare or (is_single and not any(sep in a for sep in ".:")):
            return _timely(text, m.start(), m.end())
        return True


def _bare_range(a: str, b: str | None) -> bool:
    """Whether a range without the article reads as 24-hour clock times: the start has minutes, the end
    is past noon (no 12-hour time says «16» or «22.00»), and time moves on."""
    if b is None or not any(sep in a for sep in ".:"):
        return False
    start, end = _hour(a), _hour(b)
    return 13 <= end[0] <= 24 and start < end


RULE = ItalianClockTime()
