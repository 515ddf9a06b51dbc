"""MTP011: English left untranslated in Italian copy (or Italian in English copy)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.translation.lexicon import lexicon
from lint.document import Document
from lint.prose import document_words, quoted_spans
from lint.rules import Match

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_SPACES = re.compile(r"[ \t\n\u00a0]+")
_PREVIOUS = re.compile(
    r"([^\W\d_][\w'’-]*)[ \t\n\u00a0]+\Z"
)  # the word right before a position, spaces only between


# Web addresses, e-mail addresses, domain and file names: "corriere.it", "www.state.gov/briefings".
_HYPHEN = re.compile("-")
_ADDRESS_HINT = re.compile(r"\w[.@]\w|://")
_ADDRESS_EDGE = set('"“”«»()[]')


class ForeignFragment:
    meta = rule_meta(
        code="MTP011",
        name="untranslated-fragment",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» sembra {other} non tradotto: traducilo, o mettilo tra virgolette se è una citazione",
            "en": "“{match}” looks like untranslated {other}: translate it, or put it in quotation marks if it is a quotation",
        },
        description={
            "it": (
                "Segnala parole inglesi rimaste in un testo italiano (e parole italiane in un testo inglese): "
                "almeno due di fila («by the way») o un composto con il trattino («off-ramp»). Una parola conta come inglese se è frequente in inglese e rara in italiano, "
                "secondo le frequenze di wordfreq (l'elenco è in rules/lexicon, rigenerato da "
                "tools/build_lexicon.py). Restano fuori i nomi propri, i titoli in maiuscolo, i prestiti "
                "entrati nell'uso («part-time», «think tank»: rules/lexicon/en-loans-it.txt), gli indirizzi web e ciò che "
                "sta tra virgolette."
            ),
            "en": (
                "Flags English words left in Italian copy (and Italian words in English copy): two or more in a "
                'row ("by the way") or a hyphenated compound ("off-ramp"). A word counts as '
                "English when it is frequent in English and rare in Italian, by wordfreq's frequencies (the list "
                "is in rules/lexicon). Names, capitalised titles, established loanwords (rules/lexicon/it-loans-en.txt), web "
                "addresses and quoted text are spared."
            ),
        },
        flagged=[
            ("it", "Biden ha offerto a Mosca un ⟦off-ramp⟧ diplomatico."),
            ("it", "La riunione si è chiusa ⟦by the way⟧ senza accordo."),
            ("en", "The talks ended ⟦senza accordo⟧ after midnight."),
        ],
        clean=[
            ("it", "Il leader del partito ha convocato un summit sul welfare."),
            ("it", "Ha citato il libro «The Art of the Deal» durante il vertice."),
            ("it", "Lo riporta corriere.it, che cita www.state.gov/the-briefing e press@white.house."),
            ("it", "Molti agricoltori lavorano part-time; altri studiano alla London School of Economics."),
            ("it", "Nella sua tesi sul Globe Theatre cita the King's Men e the Admiral's Men."),
            ("en", "The pizza and the espresso were fine."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        lang = document.language
        if options.language is None or options.language.contrast not in options.language.language_names:
            return
        other = options.language.contrast
        if other not in options.languages:
            return
        foreign = options.languages[other].distinctive_words()
        function_words = options.languages[other].function_words
        text = document.prose.text
        # Most articles hold no word of the other language at all: find that out from the document's
        # word set before looking at any position.
        vocabulary = document_words(document).vocabulary
        candidates = sorted(
            {w for w in vocabulary & foreign if w.isalpha()}
            | {w for w in filter(_HYPHEN.search, vocabulary) if all(p in foreign for p in w.split("-"))},
            key=len,
            reverse=True,
        )
        if not candidates:
            return
        loans = lexicon(f"{other}-loans-{lang}.txt")
        quotes: list[tuple[int, int]] | None = None
        # A run of foreign words starts on one of the candidates: look only there.
        reported_until = -1
        for hit in candidate_starts(text, candidates):
            if hit < reported_until:
                continue
            first = _WORD.match(text, hit)
            if first is None or not self._foreign(text, first, foreign):
                continue
            run = [first]
            while True:
                gap = _SPACES.match(text, run[-1].end())
                following = _WORD.match(text, gap.end()) if gap and gap.end() > run[-1].end() else None
                if following is None or not self._foreign(text, following, foreign):
                    break
                run.append(following)
            start, end = run[0].start(), run[-1].end()
            reported_until = end
            words = [m.group().casefold() for m in run]
            if len(words) < 2 and "-" not in words[0]:
                continue
            content = [w for w in words if w not in function_words]
            before = _PREVIOUS.search(text, max(0, start - 80), start)
            after = _WORD.match(text, _SPACES.match(text, end).end()) if _SPACES.match(text, end) else None
            capital_before = before is not None and before.group(1)[:1].isupper()
            capital_after = after is not None and after.start() > end and after.group()[:1].isupper()
            # inside a name or a title: "London School of Economics", "the Lord Chamberlain's Men"
            named = (capital_before and capital_after) or (not content and (capital_before or capital_after))
            if " ".join(words).replace("-", " ") in loans or named:
                continue
            if quotes is None:
                quotes = quoted_spans(text)
            if _inside(quotes, start):
                continue
            yield Match(start, end, args={"other": options.language.language_names[other]})

    @staticmethod
    def _foreign(text: str, m: re.Match[str], foreign: frozenset[str]) -> bool:
        word = m.group()
        folded = word.casefold()
        return (
            not word[:1].isupper()
            and (folded in foreign or all(part in foreign for part in folded.split("-")))
            and not _in_address(text, m.start(), m.end())
        )


_WORD_SIDE = re.compile(r"[\w'’-]")


def candidate_starts(text: str, candidates: list[str]) -> list[int]:
    r"""Where ``re.finditer`` finds the alternation of ``candidates`` (longest first) between
    ``(?<![\w'’-])`` and ``(?![\w'’-])``, found with ``str.find``: compiling a pattern for each
    article's few candidates cost more than the rest of the rule. At one place the longest candidate
    wins, and a place inside the match before is passed over, as the pattern's scan does."""
    side = _WORD_SIDE.match
    found = []
    for word in candidates:
        at = text.find(word)
        while at >= 0:
            end = at + len(word)
            if (at == 0 or side(text, at - 1) is None) and side(text, end) is None:
                found.append((at, -end))
            at = text.find(word, at + 1)
    found.sort()
    starts = []
    reached = 0
    for at, negative_end in found:
        if at >= reached:
            starts.append(at)
            reached = -negative_end
    return starts


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is part of a web or e-mail address, a domain or a file name: the stretch
    without spaces around it has a dot or an at sign between letters, or "://"."""
    lo = start
    while lo > 0 and not text[lo - 1].isspace() and text[lo - 1] not in _ADDRESS_EDGE:
        lo -= 1
    hi = end
    while hi < len(text) and not text[hi].isspace() and text[hi] not in _ADDRESS_EDGE:
        hi += 1
    return _ADDRESS_HINT.search(text, lo, hi) is not None


def _inside(spans: list[tuple[int, int]], offset: int) -> bool:
    i = bisect.bisect_right(spans, (offset, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


RULE = ForeignFragment()
