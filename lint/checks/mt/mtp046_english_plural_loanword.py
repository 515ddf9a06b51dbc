"""MTP046: an English loanword given its English plural in Italian ("i computers", "le startups"):
Italian keeps loans invariable ("i computer", "le startup")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import in_quotes, vocabulary, word_set, word_spans
from lint.document import Document
from lint.rules import Match

# Words that make the noun after them plural: plural articles and articulated prepositions,
# demonstratives, possessives, quantifiers and numerals.
_PLURAL = word_set(
    """i gli le dei degli delle ai agli alle dai dagli dalle nei negli nelle sui sugli sulle coi cogli
    colle pei questi queste quei quegli quelle codesti alcuni alcune molti molte pochi poche tanti tante
    troppi troppe diversi diverse numerosi numerose vari varie parecchi parecchie certi certe altri
    altre entrambi entrambe miei mie tuoi tue suoi sue nostri nostre vostri vostre loro tali
    due tre quattro cinque sei sette otto nove dieci undici dodici quindici venti trenta cinquanta
    cento mille"""
)
# Nouns of quantity that make the noun after "di" plural: "milioni di smartphones".
_QUANTITIES = word_set(
    "milioni migliaia centinaia decine dozzine miliardi mila milione miliardo serie paio decina dozzina "
    "centinaio migliaio numero gruppo"
)
# Plural articles before which one Italian adjective may stand: "i nuovi smartphones".
_ARTICLES = word_set("i gli le dei degli delle ai agli alle dai dagli dalle nei negli nelle sui sugli sulle")

_WORD_BEFORE = re.compile(r"([^\W_]+)[ \u00a0]+\Z")
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")


@functools.cache
def _plurals() -> dict[str, str]:
    """English plural -> singular, for the English words Italian text uses (rules/lexicon/en-plurals-it.txt)."""
    from lint.data import rules_dir

    pairs: dict[str, str] = {}
    for line in (rules_dir() / "lexicon" / "en-plurals-it.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            plural, _, singular = line.partition(" ")
            pairs[plural] = singular
    return pairs


@functools.cache
def _singulars() -> frozenset[str]:
    """The English words Italian text uses whose plural the list knows: "hedge", "social", "computer"."""
    return frozenset(_plurals().values())


@functools.cache
def _untranslated() -> frozenset[str]:
    """The English words Italian never uses: MTP045 reports them, and they make a neighbour English."""
    from lint.checks.translation.lexicon import lexicon

    return frozenset(lexicon("en-unused-it.txt") - lexicon("en-loans-it.txt"))


@functools.cache
def _english_neighbour(word: str) -> bool:
    from lint.checks.translation.lexicon import lexicon

    return word in _untranslated() or (word in lexicon("en-not-it.txt") and not _known_italian(word))


@functools.cache
def _known_italian(word: str) -> bool:
    from lint import lemmas

    return bool(lemmas.is_known(word, "it"))


def _italian_word(word: str, singular: str) -> bool:
    """Whether simplemma's Italian dictionary has ``word`` as a word of its own ("logos"), rather than
    as the plural of the English loan, as Italian web text also writes it ("computers" -> "computer")."""
    from lint import lemmas

    return _known_italian(word) and lemmas.lemmatize(word, "it") != singular


class EnglishPluralLoanword:
    meta = rule_meta(
        code="MTP046",
        name="english-plural-loanword",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}»: in italiano i prestiti inglesi restano invariati al plurale («{suggestion}»)",
            "en": "“{match}”: Italian keeps English loanwords invariable in the plural (“{suggestion}”)",
        },
        description={
            "it": (
                "Segnala un prestito inglese con la -s del plurale inglese dopo un articolo, una preposizione "
                "articolata, un dimostrativo, un possessivo, un quantificatore o un numerale plurale («i "
                "computers», «le startups», «dei tweets», «tre smartphones»), anche dopo un aggettivo o il primo "
                "elemento di un composto inglese («i nuovi computers», «gli hedge funds»): in italiano i forestierismi "
                "non adattati sono invariabili («i computer», «le startup»), come prescrivono le grammatiche "
                "(Accademia della Crusca, «Plurale dei forestierismi non adattati»). Conta come plurale inglese una parola che "
                "rules/lexicon/en-plurals-it.txt accoppia al suo singolare e che il dizionario italiano di "
                "simplemma non conosce come parola a sé («logos»): una parola inglese che l'italiano usa, secondo le frequenze di wordfreq, "
                "con il plurale riconosciuto dal dizionario inglese di simplemma (così «news», «series», "
                "«jeans» o «bus» non sono plurali), meno i plurali che l'italiano ha preso tali e quali («i marines», "
                "«gli shorts»). Restano fuori i nomi con la maiuscola, le parole tra "
                "virgolette, quelle in una sequenza di parole inglesi e quelle che l'italiano non usa affatto "
                "(le segnala MTP045)."
            ),
            "en": (
                "Flags an English loanword with the English plural -s after an Italian plural article, "
                'articulated preposition, demonstrative, possessive, quantifier or numeral ("i computers", '
                '"le startups", "dei tweets", "tre smartphones"), also across an adjective or the first '
                'word of an English compound ("i nuovi computers", "gli hedge funds"): Italian keeps unadapted '
                "loans invariable "
                '("i computer", "le startup"), as the grammars say (Accademia della Crusca, "Plurale dei forestierismi non adattati"). '
                "A word counts as an English plural when rules/lexicon/en-plurals-it.txt pairs it with its "
                'singular and simplemma\'s Italian dictionary does not know it as a word of its own ("logos"): an English word Italian text '
                "uses, by wordfreq's frequencies, whose plural simplemma's English dictionary recognises (so "
                '"news", "series", "jeans" or "bus" are not plurals), less the plurals Italian has taken as they '
                'are ("i marines", "gli shorts"). Capitalised names, quoted words, words '
                "in a run of English and words Italian never uses (MTP045's) are left alone."
            ),
        },
        reference="https://accademiadellacrusca.it/it/consulenza/plurale-dei-forestierismi-non-adattati/8",
        flagged=[
            ("it", "L'azienda ha venduto tre milioni di ⟦smartphones⟧ e aperto due ⟦stores⟧ a Milano."),
            ("it", "Il ministero finanzia le ⟦startups⟧ e i nuovi ⟦computers⟧ delle scuole."),
            ("it", "La cantante ha ringraziato i suoi ⟦fans⟧ con una serie di ⟦tweets⟧."),
        ],
        clean=[
            ("it", "Il ministero finanzia le startup e i computer delle scuole; i fan hanno letto i tweet."),
            ("it", "Le news del giorno, le serie tv e i bus notturni: i jeans restano di moda."),
            ("it", "Ha ascoltato i Rolling Stones e i Beatles; il titolo era «I computers del futuro»."),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={
            "Il ministero finanzia le ⟦startups⟧ e i nuovi ⟦computers⟧ delle scuole.": (
                "Il ministero finanzia le startup e i nuovi computer delle scuole."
            )
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        plurals = _plurals()
        candidates = vocabulary(document) & plurals.keys()
        if not candidates:
            return
        text = document.prose.text
        for start, end in word_spans(document, candidates):
            word = text[start:end]
            if not word.islower():
                continue  # a name ("i Rolling Stones") or a title
            if (start > 0 and text[start - 1] in "-'’") or text[end : end + 1] in ("-", "'", "’"):
                continue  # part of a compound or an elision
            if not self._after_plural(text, start):
                continue
            after = _WORD_AFTER.match(text, end)
            if after and after.group(1).islower() and _english_neighbour(after.group(1)):
                continue  # a run of English: a quotation left unmarked, or MTP011's
            singular = plurals[word]
            if word in _untranslated() or _italian_word(word, singular):
                continue
            if in_quotes(text, start):
                continue
            yield Match(start, end, suggestions=(singular,), replacement=singular)

    @staticmethod
    def _after_plural(text: str, start: int) -> bool:
        """Whether a plural determiner, numeral or quantifier governs the word at ``start``, directly or
        across one Italian adjective ("i nuovi computers") or the first word of an English compound ("i
        social networks")."""
        before = _WORD_BEFORE.search(text, max(0, start - 40), start)
        if before is None:
            return False
        previous = before.group(1)
        folded = previous.casefold()
        if folded in _PLURAL or previous.isdigit():
            return True
        earlier = _WORD_BEFORE.search(text, max(0, before.start() - 40), before.start())
        if folded == "di":
            return bool(earlier and earlier.group(1).casefold() in _QUANTITIES)
        if not (
            previous.islower() and len(previous) > 3 and earlier and earlier.group(1).casefold() in _ARTICLES
        ):
            return False
        if previous in _singulars():  # the first word of an English compound: "gli hedge funds"
            return True
        return previous.endswith(("i", "e")) and _known_italian(previous)


RULE = EnglishPluralLoanword()
