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
from pathlib import Path
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.language import FUNCTION_WORDS
from lint.rules import Match
from lint.text import quoted_spans

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?;:]+[\"”»)]*\s+|\n\s*\n")
_STOP = {w for words in FUNCTION_WORDS.values() for w in words} | {
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


_COORDINATORS = {"e", "ed", "o", "od", "oppure", "nonché", "and", "or"}
MAX_GAP = 6  # words between the two renderings, the coordinator included


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if m.start() > pos:
            yield pos, m.start()
        pos = m.end()
    if end > pos:
        yield pos, end


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
                "word in the same sentence and coordinated with the first a few words later (\"… and take into "
                "account …\") — in machine-translated copy, the mark of one expression rendered twice. The "
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
            ("it", "Leonardo discute il prezzo dell'auto con il venditore e il venditore discute il prezzo dell'auto."),
            ("it", "La decisione del Consiglio modifica ed estende la decisione del Consiglio del 2001."),
            ("en", "If the universe were empty, if the universe were empty, it would look like this."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        for p_start, p_end in document.paragraphs():
            for s_start, s_end in _sentences(text, p_start, p_end):
                words = [
                    (m.group().casefold(), m.start(), m.end()) for m in _WORD.finditer(text, s_start, s_end)
                ]
                if len(words) < 7:
                    continue
                yield from self._repeats(text, words)

    @staticmethod
    def _repeats(text: str, words: list[tuple[str, int, int]]) -> Iterator[Match]:
        seen: dict[tuple[str, ...], int] = {}
        reported_until = -1
        keys = [w for w, _, _ in words]
        for n in (6, 5, 4, 3):
            for i in range(len(keys) - n + 1):
                gram = tuple(keys[i : i + n])
                content = [w for w in gram if w not in _STOP and len(w) > 2]
                if len(content) < 2 or gram[0] in _STOP or gram[-1] in _STOP:
                    continue
                first = seen.setdefault(gram, i)
                if first == i or i < reported_until:
                    continue
                # "mettere sul tavolo le sue preoccupazioni e mettere sul tavolo …": the second rendering
                # is coordinated with the first, a few words after it. A phrase repeated farther away, or
                # not right after "e"/"and", is a parallel construction or legal wording, not a double.
                gap = i - (first + n)
                if not 0 < gap <= MAX_GAP or keys[i - 1] not in _COORDINATORS:
                    continue
                reported_until = i + n
                yield Match(words[i][1], words[i + n - 1][2])


@functools.cache
def lexicon(name: str) -> frozenset[str]:
    """A word list shipped in rules/lexicon (one word per line, '#' comments)."""
    from lint.builtin import builtin_rules_dir

    path = Path(builtin_rules_dir()) / "lexicon" / name
    lines = frozenset(path.read_text(encoding="utf-8").splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


_OTHER = {"it": "en", "en": "it"}
# Web addresses, e-mail addresses, domain and file names: "corriere.it", "www.state.gov/briefings".
_ADDRESS = re.compile(r"[^\s\"“”«»()\[\]]*(?:\w[.@]\w|://)[^\s\"“”«»()\[\]]*")
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
        if lang not in _OTHER:
            return
        other = _OTHER[lang]
        foreign = lexicon(f"{other}-not-{lang}.txt")
        loans = lexicon(f"{other}-loans-{lang}.txt")
        function_words = FUNCTION_WORDS[other]
        text = document.prose.text
        quotes = quoted_spans(text)
        addresses = [(m.start(), m.end()) for m in _ADDRESS.finditer(text)]
        words = list(_WORD.finditer(text))

        def capital_touching(k: int, lo: int, hi: int) -> bool:
            """Whether words[k] is capitalised and only spaces separate it from text[lo:hi]."""
            if not 0 <= k < len(words) or not words[k].group()[:1].isupper():
                return False
            gap = text[words[k].end() : lo] if words[k].end() <= lo else text[hi : words[k].start()]
            return gap.strip() == ""

        i = 0
        while i < len(words):
            if not self._foreign(words[i], foreign, addresses):
                i += 1
                continue
            j = i + 1  # extend the run over English words separated by spaces only
            while (
                j < len(words)
                and text[words[j - 1].end() : words[j].start()].strip() == ""
                and self._foreign(words[j], foreign, addresses)
            ):
                j += 1
            run = [m.group().casefold() for m in words[i:j]]
            phrase = " ".join(run).replace("-", " ")
            start, end = words[i].start(), words[j - 1].end()
            content = [w for w in run if w not in function_words]
            before, after = capital_touching(i - 1, start, end), capital_touching(j, start, end)
            # inside a name or a title: "London School of Economics", "the Lord Chamberlain's Men"
            named = (before and after) or (not content and (before or after))
            if (
                (len(run) >= 2 or "-" in run[0])
                and phrase not in loans
                and not named
                and not _inside(quotes, start)
            ):
                yield Match(
                    start, end, args={"other": _LANGUAGE_NAME[lang][other], "hint": _hint(lang, other)}
                )
            i = j

    @staticmethod
    def _foreign(m: re.Match[str], foreign: frozenset[str], addresses: list[tuple[int, int]]) -> bool:
        word = m.group()
        folded = word.casefold()
        return (
            not word[:1].isupper()
            and (folded in foreign or all(part in foreign for part in folded.split("-")))
            and not _inside(addresses, m.start())
        )


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
