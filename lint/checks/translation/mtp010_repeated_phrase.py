"""MTP010: a phrase said twice in one sentence, two renderings of one source phrase."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import Match

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?;:]+[\"”»)]*\s+|\n\s*\n")


# What the plain pattern below finds. A pattern that starts with a character class (the first letter)
# is searched for at C speed, without entering the pattern at each character; the lookbehind then
# looks two characters back (the one before the letter), and each branch checks the letter it follows.
COORDINATOR_PLAIN = r"(?<![\w'’-])(?:e|ed|o|od|oppure|nonché|and|or)\s+(?=\w)"
_COORDINATOR = re.compile(
    r"[eoan](?<![\w'’-].)(?:(?<=e)d?|(?<=o)(?:ppure|d|r)?|(?<=n)onché|(?<=a)nd)\s+(?=\w)"
)
MAX_GAP = 6  # words between the two renderings, the coordinator included
_LOOK_BACK = 160  # characters before the coordinator where the first rendering can be
_SPACES = re.compile(r"[ \t\n\u00a0]+")
_PREVIOUS = re.compile(
    r"([^\W\d_][\w'’-]*)[ \t\n\u00a0]+\Z"
)  # the word right before a position, spaces only between


class RepeatedPhrase:
    meta = rule_meta(
        code="MTP010",
        name="repeated-phrase",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» è ripetuto nella stessa frase: la traduzione ha probabilmente reso due volte la stessa espressione",
            "en": "“{match}” is repeated in the same sentence: the translation probably rendered one expression twice",
        },
        description={
            "it": (
                "Segnala una sequenza di almeno tre parole, di cui almeno due piene, che torna identica nella "
                "stessa frase, coordinata alla prima da «e» o «o» a poche parole di distanza: «mettere sul "
                "tavolo le sue preoccupazioni e mettere sul tavolo le preoccupazioni della Russia». Nei testi "
                "tradotti a macchina è il segno di un'espressione resa due volte. La seconda occorrenza è "
                "segnalata. Le ripetizioni lontane o non coordinate (il linguaggio giuridico, le costruzioni "
                "parallele) restano fuori."
            ),
            "en": (
                "Flags a sequence of three or more words, at least two of them content words, repeated word for "
                'word in the same sentence and coordinated with the first a few words later ("… and take into '
                'account …") — in machine-translated copy, the mark of one expression rendered twice. The '
                "second occurrence is flagged; distant or uncoordinated repetitions (legal wording, parallel "
                "constructions) are not."
            ),
        },
        flagged=[
            (
                "it",
                "La Russia può mettere sul tavolo le sue preoccupazioni e ⟦mettere sul tavolo⟧ le preoccupazioni della Russia.",
            ),
            ("en", "We will take into account their views and ⟦take into account⟧ our own views."),
        ],
        clean=[
            (
                "it",
                "La Russia può mettere sul tavolo le sue preoccupazioni. Noi metteremo sul tavolo le nostre.",
            ),
            ("it", "Da una parte il governo, dall'altra parte l'opposizione."),
            (
                "it",
                "Marco tratta il prezzo della barca con il cantiere e il cantiere tratta il prezzo della barca.",
            ),
            (
                "it",
                "Il regolamento della Commissione abroga e sostituisce il regolamento della Commissione del 1998.",
            ),
            ("en", "If the river ran dry, if the river ran dry, the mill would stop."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        # Anchored on the coordinators: the second rendering starts right after one, so only the few
        # words around each "e"/"and" are looked at, not every n-gram of every sentence.
        text = document.prose.text
        stop = self._stop_words(options.languages)
        # Casefolded once for the whole text, when that keeps every offset (casefolding maps a character
        # to one or more: an unchanged length means one each, so a slice of it is the slice casefolded).
        folded = text.casefold()
        if len(folded) != len(text):
            folded = None
        reported_until = -1
        for c in _COORDINATOR.finditer(text):
            after = c.end()
            if after < reported_until:
                continue
            head = _WORD.match(text, after)
            if head is None:
                continue
            lo = max(0, c.start() - _LOOK_BACK)
            if folded is not None:
                if not self._all_before(text, folded, head, lo, c.start(), after):
                    continue  # one of the three words after "e" is not before it: no repetition
                before = text[lo : c.start()]
            else:
                before = text[lo : c.start()]
                if head.group().casefold() not in before.casefold():
                    continue
            cut = list(_SENTENCE_END.finditer(before))
            if cut:
                lo, before = lo + cut[-1].end(), before[cut[-1].end() :]
            previous = [m.group().casefold() for m in _WORD.finditer(before)]
            following = []
            for m in _WORD.finditer(text, after, min(len(text), after + _LOOK_BACK)):
                if _SENTENCE_END.search(text, following[-1][2] if following else after, m.start()):
                    break
                following.append((m.group().casefold(), m.start(), m.end()))
                if len(following) == 6:
                    break
            found = self._repeat(previous, [w for w, _, _ in following], stop)
            if found:
                reported_until = following[found - 1][2]
                yield Match(following[0][1], reported_until)

    @staticmethod
    def _all_before(text: str, folded: str, head: re.Match[str], lo: int, hi: int, after: int) -> bool:
        """Whether the word after the coordinator and the two after it each occur in ``folded[lo:hi]``:
        a repeated phrase has at least three words, all of them among the words before."""
        limit = min(len(text), after + _LOOK_BACK)
        word: re.Match[str] | None = head
        for n in range(3):
            if word is None or folded.find(word.group().casefold(), lo, hi) < 0:
                return False
            if n < 2:
                word = _WORD.search(text, word.end(), limit)
        return True

    def _stop_words(self, languages: Any) -> frozenset[str]:
        """Every language's function words and phrase-edge words, worked out once for the run's languages."""
        cached = self.__dict__.get("_stop")
        if cached is None or cached[0] is not languages:
            stop = languages.union("function_words") | languages.union("phrase_edge_words")
            cached = self._stop = (languages, stop)
        return cached[1]

    @staticmethod
    def _repeat(previous: list[str], following: list[str], stop: frozenset[str]) -> int:
        """The length of the longest phrase (3-6 words, two of them content words, not starting or ending
        on a function word) that ``following`` starts with and that ends in ``previous`` at most
        MAX_GAP - 1 words before its end (the coordinator is the last word of the gap)."""
        best = 0
        for j in range(max(0, len(previous) - MAX_GAP - 6 + 1), len(previous)):
            n = 0
            while n < 6 and j + n < len(previous) and n < len(following) and previous[j + n] == following[n]:
                n += 1
            gap = len(previous) - (j + n) + 1
            if n < 3 or not 0 < gap <= MAX_GAP:
                continue
            while n >= 3 and following[n - 1] in stop:
                n -= 1
            gram = following[:n]
            content = [w for w in gram if w not in stop and len(w) > 2]
            if n >= 3 and len(content) >= 2 and gram[0] not in stop:
                best = max(best, n)
        return best


RULE = RepeatedPhrase()
