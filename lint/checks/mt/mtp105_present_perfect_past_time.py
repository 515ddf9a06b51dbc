"""MTP105: "has approved yesterday", "have been arrested last week": the present perfect with a finished
past time, the Italian passato prossimo («ha approvato ieri») carried into English, where a finished
time takes the simple past."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from lint.checks.base import rule_meta
from lint.checks.mt import vocabulary, word_set, word_spans
from lint.document import Document
from lint.rules import CheckContext, Match

_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_UNITS = "seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|century"
_NUMBER = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|a\s+few|few|many)"


# A finished past time: the expression must end there (no "yesterday's", "last week's figures").
def _compile_past_time() -> re.Pattern[str]:
    return re.compile(
        rf"""(?<![\w'’-])(?:
        (?:the\s+day\s+before\s+)?yesterday(?:\s+(?:morning|afternoon|evening))?
      | last\s+(?:night|week|month|year|weekend|spring|summer|autumn|fall|winter|{_DAYS}|{_MONTHS})
      | {_NUMBER}\s+(?:{_UNITS})\s+ago
      | on\s+(?:{_DAYS})(?:\s+(?:morning|afternoon|evening|night))?
      | on\s+(?:{_MONTHS})\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d)?
      | on\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{_MONTHS})(?:\s+(?:19|20)\d\d)?
      | in\s+(?:(?:{_MONTHS})\s+)?(?:19|20)\d\d
    )(?![\w'’-])(?!\s*[\w]*['’]s\b)""",
        re.IGNORECASE | re.VERBOSE,
    )


_past_time = functools.cache(_compile_past_time)  # compiled on first use: an Italian run never pays
# Words after which a year or a month is still open (the current one): "in 2024 so far".
_STILL_OPEN = re.compile(
    r"\s*,?\s*(?:so\s+far|to\s+date|thus\s+far|until\s+now|up\s+to|alone|as\s+well)\b", re.I
)
_ADVERBS = (
    "also|already|just|now|finally|officially|reportedly|formally|even|only|unanimously|definitively|"
    "publicly|not|never|again|then|since|recently|ever"
)
_IRREGULAR = (
    "been|done|gone|seen|taken|given|made|said|told|found|got|gotten|left|come|become|begun|broken|brought|"
    "bought|built|caught|chosen|cut|dealt|drawn|driven|eaten|fallen|felt|fought|flown|forgotten|frozen|grown|"
    "held|hit|hurt|kept|known|laid|led|lent|let|lost|meant|met|paid|put|quit|risen|run|sent|set|shot|shown|"
    "shut|sold|spent|spoken|stood|stolen|struck|sworn|taught|thought|thrown|understood|won|withdrawn|written|"
    "beaten|blown|bound|fed|fled|forbidden|forgiven|hidden|hung|lit|overseen|overtaken|ridden|sought|shaken|"
    "slain|spread|stuck|sunk|swept|torn|undergone|undertaken|upheld|worn|arisen|borne|foreseen|overcome|"
    "rebuilt|rewritten|withheld|heard|read|sat|slept|won|woken|spun|split|sprung|bid"
)


# has/have, a few adverbs, an optional "been", the participle; what follows it is checked in Python.
def _compile_perfect() -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w'’-])(?P<aux>has|have|hasn['’]t|haven['’]t)(?:\s+(?:{_ADVERBS}))*"
        rf"(?P<been>\s+been(?:\s+(?:{_ADVERBS}))*)?\s+(?P<verb>[a-z]{{2,}}ed|{_IRREGULAR})(?![\w'’-])",
        re.IGNORECASE,
    )


_perfect = functools.cache(_compile_perfect)
_SPACE = re.compile(r"[ \t\u00a0]+")
_WORD = re.compile(r"[$€£]?\d+(?:[.,]\d+)*%?|[\w'’-]+")
_AUXILIARIES = frozenset({"has", "have"})
# The shared word list splits "hasn't" into "hasn'" and "t"; its places are found apart.
_NEGATIVES = frozenset({"hasn'", "haven'"})
_NEGATIVE = re.compile(r"(?<![\w'’-])(?:hasn|haven)['’]t(?![\w'’-])", re.IGNORECASE)
# Before has/have: a modal or "to" makes a perfect infinitive ("would have signed yesterday" is good).
_INFINITIVE_BEFORE = word_set(
    "would could should must might may will shall can cannot to 'd ’d 'll ’ll wouldn't couldn't "
    "shouldn't mustn't won't not never"
)
# A word between the participle and the time that starts another clause or is a finite verb: the time
# may belong to that clause ("has said the man died yesterday"), or a phrase that dates something else
# ("have documented it starting in 2005").
_CLAUSE_WORDS = word_set(
    """that which who whom whose when where while because since until till if as whether and or but nor than
    so although though after before once he she they we i is are was were will would had has have be being
    do does did can could should may might must shall says say according compared starting beginning
    dating ending lasting effective back"""
)
# A preposition right before the time makes it a point of reference ("has risen from last year").
_PREPOSITIONS = word_set(
    "since until till from than of in over during for through throughout past by on to the this"
)
_IRREGULAR_FORMS = frozenset(_IRREGULAR.split("|"))
_PAST = {"been": "was", "done": "did", "gone": "went", "seen": "saw", "taken": "took", "given": "gave",
         "come": "came", "become": "became", "begun": "began", "broken": "broke", "chosen": "chose",
         "drawn": "drew", "driven": "drove", "eaten": "ate", "fallen": "fell", "flown": "flew",
         "forgotten": "forgot", "frozen": "froze", "grown": "grew", "known": "knew", "risen": "rose",
         "run": "ran", "shown": "showed", "spoken": "spoke", "stolen": "stole", "sworn": "swore",
         "thrown": "threw", "withdrawn": "withdrew", "written": "wrote", "beaten": "beat", "blown": "blew",
         "forbidden": "forbade", "forgiven": "forgave", "hidden": "hid", "ridden": "rode", "shaken": "shook",
         "slain": "slew", "sunk": "sank", "torn": "tore", "undergone": "underwent", "undertaken": "undertook",
         "worn": "wore", "arisen": "arose", "borne": "bore", "foreseen": "foresaw", "overcome": "overcame",
         "overseen": "oversaw", "overtaken": "overtook", "rewritten": "rewrote", "gotten": "got",
         "woken": "woke", "sprung": "sprang"}  # fmt: skip
_TRIGGERS = frozenset({"yesterday", "last", "ago", "on", "in"})
_MAX_GAP = 6


# Words in -ed that are no past form ("a hundred", "the seed money"); the -eed verbs stay verbs.
_NOT_VERBS = word_set(
    "hundred kindred sacred naked wicked wretched rugged ragged jagged crooked beloved bed red shed"
)
_EED_VERBS = word_set("agreed freed decreed guaranteed refereed")


def _is_verb_form(word: str) -> bool:
    """Whether ``word`` looks like a past tense or participle: a second verb in the gap."""
    low = word.lower()
    if low in _IRREGULAR_FORMS:
        return True
    if not low.endswith("ed") or len(low) < 4 or low in _NOT_VERBS:
        return False
    return not low.endswith("eed") or low in _EED_VERBS


def _simple_past(aux: str, been: bool, verb: str) -> str | None:
    """The simple past the perfect stands for: "has approved" -> "approved", "have been arrested" ->
    "were arrested"; None for "hasn't approved", whose simple past needs the base form."""
    if been and verb.lower() != "been":
        negative = "n't" in aux or "n’t" in aux
        plural = aux.lower().startswith("have")
        return ("were" if plural else "was") + ("n't " if negative else " ") + verb
    if "n't" in aux or "n’t" in aux:
        return None
    past = _PAST.get(verb.lower(), verb)
    if verb.lower() == "been" and aux.lower().startswith("have"):
        past = "were"
    return past


class PresentPerfectPastTime:
    meta = rule_meta(
        code="MTP105",
        name="present-perfect-past-time",
        category="mt-phrasing",
        severity="warning",
        message={
            "en": "“{match}”: the present perfect does not take a finished past time (“{time}”); "
            "write the simple past, “{suggestion}”",
            "it": "«{match}»: in inglese il present perfect non regge un tempo passato concluso («{time}»); "
            "serve il simple past, «{suggestion}»",
        },
        description={
            "en": (
                "Flags the present perfect (has, have, has been + participle) followed, within a few words "
                "of the same clause, by a finished past time: yesterday, last week, last Monday, two years "
                "ago, on Monday, on 3 May, in 2019. Italian uses the passato prossimo with such times («il "
                'consiglio ha approvato ieri il piano»), and machine translation keeps the tense: "the '
                'council has approved yesterday the plan". English takes the simple past: "the council '
                'approved the plan yesterday". A perfect infinitive (would have, to have), a time that '
                'belongs to another clause ("has said the man died yesterday"), a time used as a point of '
                "reference (since last year, in the last week) and an open period (in 2024 so far) are "
                "left alone."
            ),
            "it": (
                "Segnala in inglese il present perfect seguito, nella stessa proposizione, da un tempo "
                "passato concluso (yesterday, last week, two years ago, on Monday, in 2019): è il passato "
                "prossimo italiano («ha approvato ieri») che la traduzione automatica lascia; l'inglese "
                "vuole il simple past."
            ),
        },
        reference="https://dictionary.cambridge.org/grammar/british-grammar/present-perfect-simple-i-have-worked",
        flagged=[
            ("en", "The regional council ⟦has approved⟧ yesterday a plan to cut waiting lists."),
            ("en", "The suspect ⟦has been arrested⟧ in 2019 for fraud."),
            ("en", "Both unions ⟦have signed⟧ the contract last week."),
        ],
        clean=[
            ("en", "The regional council approved a plan to cut waiting lists yesterday."),
            ("en", "The minister would have signed the decree last week, had the unions agreed."),
            ("en", "Prices have risen since last year, and the bank has said the rally ended yesterday."),
            ("en", "Sales have doubled in 2024 so far, and the firm has grown in the last week."),
        ],
        messages={
            "negative": {
                "en": "“{match}”: the present perfect does not take a finished past time (“{time}”); "
                "write the simple past (did not …)",
                "it": "«{match}»: in inglese il present perfect non regge un tempo passato concluso («{time}»); "
                "serve il simple past (did not …)",
            }
        },
        languages=("en",),
        fix="unsafe",
        fixed={
            "The regional council ⟦has approved⟧ yesterday a plan to cut waiting lists.": (
                "The regional council approved yesterday a plan to cut waiting lists."
            )
        },
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        words = vocabulary(document)
        if not words & _TRIGGERS or not words & (_AUXILIARIES | _NEGATIVES):
            return
        # Walk forward from each has/have, which are rarer than the times' "on" and "in".
        text = document.prose.text
        starts = [start for start, _ in word_spans(document, _AUXILIARIES)]
        if words & _NEGATIVES:
            starts = sorted(starts + [found.start() for found in _NEGATIVE.finditer(text)])
        for start in starts:
            perfect = _perfect().match(text, start)
            if perfect is None or _infinitive(text, start):
                continue
            time = _time_after(text, perfect.end())
            if time is None:
                continue
            suggestion = _simple_past(
                perfect.group("aux"), bool(perfect.group("been")), perfect.group("verb")
            )
            if suggestion is None:
                yield Match(perfect.start(), perfect.end(), args={"time": time.group()}, template="negative")
                continue
            yield Match(
                perfect.start(),
                perfect.end(),
                args={"time": time.group(), "suggestion": suggestion},
                suggestions=(suggestion,),
                replacement=suggestion,
            )


def _time_after(text: str, at: int) -> re.Match[str] | None:
    """The finished past time that follows the participle ending at ``at`` within a few words of the same
    clause: words only, no punctuation, no word that starts another clause or is another verb."""
    last = ""
    for _ in range(_MAX_GAP + 1):
        space = _SPACE.match(text, at)
        if space is None:
            return None
        time = _past_time().match(text, space.end())
        if time is not None:
            if last in _PREPOSITIONS:
                return None  # a point of reference: "has risen from last year"
            if time.group().lower().startswith("in ") and _STILL_OPEN.match(text, time.end()):
                return None  # an open period: "in 2024 so far"
            return time
        token = _WORD.match(text, space.end())
        if token is None:
            return None
        last = token.group().lower()
        if last in _CLAUSE_WORDS or _is_verb_form(last):
            return None
        at = token.end()
    return None


def _infinitive(text: str, start: int) -> bool:
    before = text[max(0, start - 30) : start].split()
    return bool(before) and before[-1].lower() in _INFINITIVE_BEFORE


RULE = PresentPerfectPastTime()
