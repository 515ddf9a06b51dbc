"""Machine-translation damage found without a phrase list: the conventions of the source language left
in the translation (number and date formats, 12-hour times, imperial units, quoting, headline casing,
party-state tags, "Mr." before a surname, the serial comma), tautologies and noun stacks that English
collocations leave behind, names translated as common words, and agreement with the people the
knowledge base knows.

One rule per module (``mtp030_english_number_format.py``…); the words each language needs are the
language modules' ``mt_words`` (:mod:`lint.lang.it.mt`), read through :mod:`lint.checks.mt.words`.
The helpers below are shared by the rules of this family.
"""

from __future__ import annotations

import bisect
from typing import Any

from lint.prose import document_words


def word_set(text: str) -> frozenset[str]:
    """The words of ``text``, written one after another with spaces: how this family's rules write
    their closed word lists."""
    return frozenset(text.split())


def in_quotes(text: str, offset: int) -> bool:
    """Whether ``offset`` lies inside a quotation opened earlier in its paragraph: more «“ opened than
    closed before it, or an odd number of straight double quotes. Looked up where a rule has a finding,
    rather than pairing every mark of the document."""
    start = max(text.rfind("\n\n", 0, offset), text.rfind("\r\n\r\n", 0, offset)) + 1
    before = text[start:offset]
    if before.count("«") > before.count("»") or before.count("“") > before.count("”"):
        return True
    return before.count('"') % 2 == 1


def vocabulary(document: Any) -> frozenset[str]:
    """The document's words in lower case (shared with the phrase packs): most rules of this family
    first ask whether the few words they need occur at all."""
    return document_words(document).vocabulary


def word_spans(document: Any, wanted: Any) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of the lower-case words in ``wanted``, in text order.

    The words present come from the shared word list; their places are found with ``str.find`` in the
    lower-cased text, which costs far less than listing the offsets of every word of the document."""
    words = document_words(document)
    present = words.vocabulary.intersection(wanted)
    if not present:
        return []
    text = document.prose.text
    lowered = document.shared("mt-lowered", lambda: text.lower().replace("’", "'"))
    if len(lowered) != len(text):  # a letter whose lower case is longer ("İ"): use the word list's offsets
        spans = words.spans
        return sorted(spans[i] for word in present for i in words.index[word])
    found = []
    for word in present:
        at = lowered.find(word)
        while at >= 0:
            end = at + len(word)
            if _word_edge(lowered, at - 1, -1) and _word_edge(lowered, end, 1):
                found.append((at, end))
            at = lowered.find(word, at + 1)
    found.sort()
    return found


def _word_edge(text: str, at: int, step: int) -> bool:
    """Whether ``text[at]`` ends a word there, as the shared word list splits words: not a letter or
    digit, and not a hyphen or full stop joining two words ("leader-leader", "corriere.it")."""
    if at < 0 or at >= len(text):
        return True
    char = text[at]
    if char.isalnum() or char == "_":
        return False
    if char in "-.":
        beyond = at + step
        return not (0 <= beyond < len(text) and (text[beyond].isalnum() or text[beyond] == "_"))
    return True


def inside(spans: list[tuple[int, int]], offset: int) -> bool:
    """Whether ``offset`` lies in one of the sorted, non-nested ``spans``."""
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def parse_number(text: str, decimal: str) -> float | None:
    """The value of a number written with ``decimal`` as its decimal mark (the other mark groups
    thousands): ``parse_number("2,4", ",")`` is 2.4, ``parse_number("1,500", ".")`` is 1500."""
    thousands = "." if decimal == "," else ","
    cleaned = text.replace(thousands, "").replace(decimal, ".")
    try:
        return float(cleaned)
    except ValueError:
        return None


def italian_number(value: float, decimals: int | None = None) -> str:
    """``value`` written the Italian way: a full stop between thousands, a comma before decimals
    (4 digits and fewer take no thousands mark in running text, as the style guides allow, but the
    press writes them, and so does this)."""
    if decimals is None:
        decimals = 0 if abs(value - round(value)) < 1e-9 else min(2, _decimals_needed(value))
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def english_number(value: float, decimals: int | None = None) -> str:
    """``value`` written the English way: a comma between thousands, a point before decimals."""
    if decimals is None:
        decimals = 0 if abs(value - round(value)) < 1e-9 else min(2, _decimals_needed(value))
    return f"{value:,.{decimals}f}"


def _decimals_needed(value: float) -> int:
    for places in (1, 2):
        if abs(value * 10**places - round(value * 10**places)) < 1e-6:
            return places
    return 2


# One module per rule, in code order; each defines RULE.
_RULE_MODULES = (
    "mtp030_english_number_format",
    "mtp031_trillion_billion",
    "mtp032_foreign_date_format",
    "mtp033_twelve_hour_time",
    "mtp034_imperial_unit",
    "mtp035_quote_punctuation_order",
    "mtp036_headline_title_case",
    "mtp037_capitalised_month",
    "mtp038_party_state_tag",
    "mtp039_cognate_tautology",
    "mtp040_noun_stacking",
    "mtp041_translated_us_place",
    "mtp042_translated_storm_name",
    "mtp043_person_agreement",
    "mtp044_english_title_abbreviation",
    "mtp045_untranslated_word",
    "mtp046_english_plural_loanword",
    "mtp047_capitalised_nationality",
    "mtp048_mister_calque",
    "mtp049_serial_comma",
    "mtp105_present_perfect_past_time",
    "mtp106_verb_complement_calque",
    "mtp107_speech_verb_inversion",
    "mtp108_italian_clock_time",
)


def _rules() -> list[object]:
    import importlib

    return [importlib.import_module(f"{__name__}.{name}").RULE for name in _RULE_MODULES]


RULES = _rules()
