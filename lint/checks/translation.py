"""Damage machine translation leaves whatever the words: a phrase said twice in one sentence, English
left untranslated (or Italian in English copy), and English compounds copied literally.

The calques themselves (costruttori militari, via d'uscita dalla caduta) are data:
``rules/it/calques.yaml`` and the other phrase packs.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.prose import document_words, quoted_spans
from lint.rules import Match

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?;:]+[\"”»)]*\s+|\n\s*\n")
# Words no repeated phrase starts or ends on, besides every language's function words.
_STOP = {
    "è",
    "ha",
    "hanno",
    "sono",
    "era",
    "stato",
    "essere",
    "avere",
    "fare",
    "non",
    "si",
    "ci",
    "ne",
    "lo",
    "gli",
    "anche",
    "più",
    "molto",
    "tutto",
    "tutti",
    "sua",
    "suo",
    "loro",
    "the",
    "a",
    "an",
    "of",
    "to",
    "in",
    "is",
}


_COORDINATOR = re.compile(r"(?<![\w'’-])(?:e|ed|o|od|oppure|nonché|and|or)\s+(?=\w)")
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
                "Leonardo discute il prezzo dell'auto con il venditore e il venditore discute il prezzo dell'auto.",
            ),
            ("it", "La decisione del Consiglio modifica ed estende la decisione del Consiglio del 2001."),
            ("en", "If the universe were empty, if the universe were empty, it would look like this."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        # Anchored on the coordinators: the second rendering starts right after one, so only the few
        # words around each "e"/"and" are looked at, not every n-gram of every sentence.
        text = document.prose.text
        stop = options.languages.union("function_words") | _STOP
        reported_until = -1
        for c in _COORDINATOR.finditer(text):
            after = c.end()
            if after < reported_until:
                continue
            head = _WORD.match(text, after)
            if head is None:
                continue
            lo = max(0, c.start() - _LOOK_BACK)
            before = text[lo : c.start()]
            if head.group().casefold() not in before.casefold():
                continue  # the word after "e" is not in the words before it: no repetition
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


@functools.cache
def lexicon(name: str) -> frozenset[str]:
    """A word list shipped in rules/lexicon (one word per line, '#' comments)."""
    from lint.data import rules_dir, word_list

    return word_list(rules_dir() / "lexicon" / name)


# Web addresses, e-mail addresses, domain and file names: "corriere.it", "www.state.gov/briefings".
_ADDRESS_HINT = re.compile(r"\w[.@]\w|://")
_ADDRESS_EDGE = set('"“”«»()[]')
_LANGUAGE_NAME = {"it": {"en": "inglese", "it": "italiano"}, "en": {"en": "English", "it": "Italian"}}


class ForeignFragment:
    meta = rule_meta(
        code="MTP011",
        name="untranslated-fragment",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» sembra {other} non tradotto: {hint}",
            "en": "“{match}” looks like untranslated {other}: {hint}",
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
            ("it", "Nel suo Dictionary of the English Language cita the Lord Chamberlain's Men."),
            ("en", "The pizza and the espresso were fine."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        lang = document.language
        if lang not in _LANGUAGE_NAME or options.language is None:
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
            | {w for w in vocabulary if "-" in w and all(p in foreign for p in w.split("-"))},
            key=len,
            reverse=True,
        )
        if not candidates:
            return
        loans = lexicon(f"{other}-loans-{lang}.txt")
        quotes: list[tuple[int, int]] | None = None
        # A run of foreign words starts on one of the candidates: look only there.
        anchors = re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, candidates))})(?![\w'’-])")
        reported_until = -1
        for hit in anchors.finditer(text):
            if hit.start() < reported_until:
                continue
            first = _WORD.match(text, hit.start())
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
            yield Match(start, end, args={"other": _LANGUAGE_NAME[lang][other], "hint": _hint(lang, other)})

    @staticmethod
    def _foreign(text: str, m: re.Match[str], foreign: frozenset[str]) -> bool:
        word = m.group()
        folded = word.casefold()
        return (
            not word[:1].isupper()
            and (folded in foreign or all(part in foreign for part in folded.split("-")))
            and not _in_address(text, m.start(), m.end())
        )


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


def _hint(language: str | None, other: str) -> str:
    if language == "en":
        return "translate it, or put it in quotation marks if it is a quotation"
    return "traducilo, o mettilo tra virgolette se è una citazione"


_COMPOUND = re.compile(r"(?<![\w-])(?P<word>[^\W\d_]{2,})-(?:(?:a|to|à)-)?(?P=word)(?![\w-])", re.IGNORECASE)


class LiteralCompound:
    meta = rule_meta(
        code="MTP012",
        name="literal-english-compound",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» ricalca un composto inglese (leader-to-leader): in italiano «{suggestion}»",
            "en": "“{match}” copies a compound word for word: write “{suggestion}”",
        },
        description={
            "it": (
                "Segnala i composti inglesi del tipo «X-to-X» ricopiati parola per parola: «dialogo diretto "
                "leader-leader», «incontro faccia-a-faccia» scritto con i trattini. In italiano si dice «tra "
                "leader», «faccia a faccia», «da leader a leader»."
            ),
            "en": (
                'Flags English-style X-to-X compounds copied word for word into Italian ("leader-leader", '
                '"leader-a-leader"): Italian says "tra leader", "faccia a faccia".'
            ),
        },
        flagged=[
            ("it", "Non c'è alternativa al dialogo diretto ⟦leader-leader⟧ con la Russia."),
            ("it", "Un colloquio ⟦leader-a-leader⟧ è previsto."),
        ],
        clean=[
            ("it", "Un colloquio da leader a leader è previsto, faccia a faccia."),
            ("it", "Il treno Milano-Roma parte alle otto."),
        ],
        fix="unsafe",
        languages=("it",),
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        for m in _COMPOUND.finditer(text):
            word = m.group("word")
            suggestion = f"tra {word}" if len(m.group()) == 2 * len(word) + 1 else f"da {word} a {word}"
            yield Match(
                m.start(),
                m.end(),
                args={"suggestion": suggestion},
                suggestions=(suggestion, f"da {word} a {word}"),
            )


RULES = [RepeatedPhrase(), ForeignFragment(), LiteralCompound()]
