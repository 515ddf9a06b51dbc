"""MTP045: a single English word left untranslated inside an Italian clause ("i backbenchers
conservatori", "la cloture"), or an English verb given an Italian ending ("ha endorsato")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import in_quotes, vocabulary, word_set, word_spans
from lint.document import Document
from lint.prose import WordMemo
from lint.rules import Match

# Shorter English words are too often Italian words, abbreviations or parts of names.
_MIN_LETTERS = 5


# Words that govern a noun in an Italian clause: articles, articulated prepositions, determiners.
# A bare English noun right after one of them is used as an Italian noun, not quoted from English.
_GOVERNORS = word_set(
    """il lo la i gli le un uno una del dello della dei degli delle al allo alla ai agli alle dal dallo
    dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle col coi
    questo questa questi queste quel quello quella quei quegli quelle diversi diverse alcuni alcune
    molti molte pochi poche numerosi numerose vari varie nessun nessuno nessuna ogni"""
)

# Auxiliaries and clitics before a participle or an infinitive: "ha endorsato", "hanno twittato".
_VERB_CONTEXT = word_set(
    """ha hanno ho hai abbiamo avete aveva avevano avrebbe avrebbero avrà avranno è sono era erano
    stato stata stati state essere avere viene vengono venne può possono potrebbe potrebbero deve
    devono dovrebbe dovrebbero vuole vogliono sta stanno stava stavano per di da lo la li le gli si ne"""
)

# Italian verb endings an English stem takes in machine translation: "endorsare", "endorsato",
# "endorsando", "endorsa", "endorsano", "endorsò"; an infinitive with a clitic ("endorsarla") is a verb
# wherever it stands.
_VERB_ENDING = re.compile(
    r"^(?P<stem>[a-z]{4,}?)(?:are|ato|ata|ati|ate|ando|ano|a|ava|avano|ò|erà|eranno|(?P<clitic>ar(?:lo|la|li|le|ne|si|ci|gli)))$"
)

_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \u00a0]+\Z")
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")


@functools.cache
def _english() -> frozenset[str]:
    """English words Italian text never uses (rules/lexicon), less the loans Italian has adopted: a word
    merely rarer in Italian ("shutdown", "briefing") is often an accepted loan."""
    from lint.checks.translation.lexicon import lexicon

    return frozenset(lexicon("en-unused-it.txt") - lexicon("en-loans-it.txt"))


@functools.cache
def _any_english() -> frozenset[str]:
    """Every word that makes a neighbour English: a run of them is MTP011's, or an unmarked quotation."""
    from lint.checks.translation.lexicon import lexicon

    return _english() | lexicon("en-not-it.txt")


@functools.cache
def _known_italian(word: str) -> bool:
    from lint import lemmas

    return bool(lemmas.is_known(word, "it"))


def _italianised_verbs(new: set[str] | frozenset[str]) -> Iterator[str]:
    """The Italianised English verbs («endorsato») among ``new``, judged on their letters and the
    English list."""
    english = _english()
    for w in new:
        if len(w) >= 7 and w not in english:
            m = _VERB_ENDING.match(w)
            if m is not None and _english_verb(m["stem"], english) is not None:
                yield w


_VERB_FORMS = WordMemo(_italianised_verbs)  # each word judged once per process


def _english_verb(stem: str, english: frozenset[str]) -> str | None:
    """The English verb an Italianised form is built on ("endors" -> "endorse", "bann" -> "ban"): a base
    in the English list whose past or -ing form is there too, so that it is a verb, not a noun."""
    bases = [stem, stem + "e"]
    if len(stem) > 4 and stem[-1] == stem[-2]:
        bases.append(stem[:-1])
    for base in bases:
        if base not in english:
            continue
        root = base[:-1] if base.endswith("e") else base
        if {base + "d", base + "ed", root + "ing", base + stem[-1] + "ed"} & english:
            return base
    return None


class UntranslatedWord:
    meta = rule_meta(
        code="MTP045",
        name="untranslated-word",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» sembra una parola inglese non tradotta: usa la parola italiana",
            "en": "“{match}” looks like an English word left untranslated: use the Italian word",
        },
        description={
            "it": (
                "Segnala una parola inglese sola, in minuscolo, usata come parola italiana: dopo un articolo, "
                "una preposizione articolata o un determinante («i backbenchers conservatori», «la "
                "cloture»), e un verbo inglese con la desinenza italiana («ha endorsato», «lo endorsa»). "
                "Conta come inglese una parola che l'italiano non usa mai secondo le frequenze di wordfreq "
                "(rules/lexicon/en-unused-it.txt), che non sia un prestito entrato nell'uso (rules/lexicon/"
                "en-loans-it.txt: «filibuster», «hawkish») né una parola che il dizionario italiano di "
                "simplemma conosce; servono almeno cinque lettere. Restano fuori le parole tra virgolette, "
                "quelle in una sequenza di parole inglesi (le segnala MTP011), le parole con la maiuscola "
                "(nomi e titoli) e i prestiti più frequenti come «shutdown» o «staff»."
            ),
            "en": (
                "Flags a single lowercase English word used as an Italian word: after an article, an "
                'articulated preposition or a determiner ("i backbenchers conservatori", "la cloture"), '
                'and an English verb with an Italian ending ("ha endorsato", "lo endorsa"). A word counts as '
                "English when Italian text never uses it, by wordfreq's frequencies (rules/lexicon/"
                "en-unused-it.txt), it is not an accepted loan (rules/lexicon/en-loans-it.txt: "
                '"filibuster", "hawkish") and simplemma\'s Italian dictionary does not know it, with at '
                "least five letters. Quoted words, words in a run of English (MTP011's), capitalised words "
                '(names, titles) and the commoner loans ("shutdown", "staff") are left alone.'
            ),
        },
        flagged=[
            ("it", "La senatrice ha ⟦endorsato⟧ il governatore e lo ⟦endorsa⟧ ancora oggi."),
            ("it", "Alcuni ⟦backbenchers⟧ laburisti hanno votato contro il governo."),
            ("it", "Dopo due settimane il Senato ha votato la ⟦cloture⟧ sul disegno di legge."),
        ],
        clean=[
            ("it", "La senatrice ha sostenuto il governatore e lo appoggia ancora oggi."),
            ("it", "Il leader ha evitato lo shutdown e ha riunito lo staff prima del summit."),
            (
                "it",
                "Al Senato i repubblicani minacciano il filibuster; gli analisti parlano di toni hawkish.",
            ),
            ("it", "Ha citato «i backbenchers» e la frase the backbenchers revolt di un editorialista."),
            ("it", "Il ministro ha presentato il documento: nessuna parola inglese, solo italiano."),
        ],
        languages=("it",),
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        english = _english()
        words = vocabulary(document)
        nouns = {w for w in words & english if len(w) >= _MIN_LETTERS}
        verbs = words & _VERB_FORMS(words)
        if not nouns and not verbs:
            return
        text = document.prose.text
        # The dictionary, slow to load, only for a document where a candidate stands where the rule
        # could report it: this pass asks what the one below asks, less the dictionary.
        if not any(self._placed(text, start, end) for start, end in word_spans(document, nouns | verbs)):
            return
        nouns = {w for w in nouns if not _known_italian(w)}
        verbs = {
            w
            for w in verbs
            if not _known_italian(w) and not _known_italian(_VERB_ENDING.match(w)["stem"] + "are")
        }
        if not nouns and not verbs:
            return
        for start, end in word_spans(document, nouns | verbs):
            if not self._placed(text, start, end):
                continue
            before = _WORD_BEFORE.search(text, max(0, start - 40), start)
            previous = before.group(1) if before else ""
            folded = text[start:end].casefold()
            if folded in verbs:
                if previous.casefold() not in _VERB_CONTEXT and not _VERB_ENDING.match(folded)["clitic"]:
                    continue
            elif previous.casefold() not in _GOVERNORS:
                continue
            if in_quotes(text, start):
                continue
            yield Match(start, end)

    @staticmethod
    def _placed(text: str, start: int, end: int) -> bool:
        """Whether the word at ``start`` stands where an untranslated word is reported, whichever of a
        noun or a verb it turns out to be: in lower case, alone, after a governor or a verb's context."""
        word = text[start:end]
        if not word.islower():
            return False
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        after = _WORD_AFTER.match(text, end)
        previous = before.group(1) if before else ""
        following = after.group(1) if after else ""
        if _english_neighbour(previous) or _english_neighbour(following):
            return False  # a run of English: MTP011's, or a quotation left unmarked
        if (start > 0 and text[start - 1] in "-'’") or text[end : end + 1] in ("-", "'", "’"):
            return False  # part of a compound or an elision
        previous = previous.casefold()
        return (
            previous in _GOVERNORS
            or previous in _VERB_CONTEXT
            or bool((m := _VERB_ENDING.match(word.casefold())) and m["clitic"])
        )


def _english_neighbour(word: str) -> bool:
    return bool(word) and word.islower() and word in _any_english()


RULE = UntranslatedWord()
