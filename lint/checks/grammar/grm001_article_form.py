"""GRM001: an article or articulated preposition whose form does not fit the sound of the next word
(«un stratega», «il sciopero», «i studenti», «dello giorno», «degli stati») or its gender as the
word's ending shows it («un'altro», «un azienda»), or the sound of a number in digits («del 8%»)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.grammar import IL_SOUND, LO_SOUND, VOWEL, finditer
from lint.document import Document
from lint.lazyre import LazyRe
from lint.rules import Match

# The masculine forms, by the sound they go with; «uno», «lo» and «gli» alone are left out: they are
# also pronouns («uno dei», «lo disse», «gli disse»).
_IL_TO_LO = {
    "il": "lo",
    "del": "dello",
    "al": "allo",
    "nel": "nello",
    "sul": "sullo",
    "dal": "dallo",
    "un": "uno",
}
_LO_TO_IL = {lo: il for il, lo in _IL_TO_LO.items() if il not in ("il", "un")}
_I_TO_GLI = {"i": "gli", "dei": "degli", "ai": "agli", "nei": "negli", "sui": "sugli", "dai": "dagli"}
_GLI_TO_I = {gli: i for i, gli in _I_TO_GLI.items() if i != "i"}
_ELIDED = {"il": "l'", "del": "dell'", "al": "all'", "nel": "nell'", "sul": "sull'", "dal": "dall'"}

_DETERMINER = re.compile(
    r"(?<![\w'’-])(?P<det>"
    + "|".join(sorted({*_IL_TO_LO, *_LO_TO_IL, *_I_TO_GLI, *_GLI_TO_I}, key=len, reverse=True))
    + r")(?P<gap>[ \u00a0]+)(?P<word>[^\W\d_]{2,})(?![\w'’-])",
    re.IGNORECASE,
)
# The words the patterns begin with (lower case), and, for each determiner, how a next word it can be
# wrong before begins: a vowel or the sound of «lo» (LO_SOUND) after the «il» and «i» forms, a sound of
# «il» (IL_SOUND) after the «lo» and «gli» forms (see _article), in any case. Most words after «il»,
# «del», «dello» are right, and are passed by without trying the pattern.
_DETERMINERS = frozenset({*_IL_TO_LO, *_LO_TO_IL, *_I_TO_GLI, *_GLI_TO_I})


def _any_case(*beginnings: str) -> frozenset[str]:
    return frozenset(
        "".join(letters) for b in beginnings for letters in itertools.product(*({c, c.upper()} for c in b))
    )


_BEFORE_LO = _any_case(
    *"aeiouàèéìòùz", *(f"s{c}" for c in "bcdfgklmnpqrstvwz"), "gn", "ps", *(f"x{v}" for v in "aeiou")
)
_BEFORE_IL = _any_case(*"bcdfglmnpqrtv", *(f"s{v}" for v in "aeiouàèéìòù"))
_FOLLOW = {det: (_BEFORE_IL if det in _LO_TO_IL or det in _GLI_TO_I else _BEFORE_LO) for det in _DETERMINERS}
_UN = frozenset({"un'"})
# A number after an article is read aloud: «l'8%», «dell'11», «gli 80 deputati», «dell'1,5%», «lo 0,5%».
_NUMBER = re.compile(
    r"(?<![\w'’-])(?P<det>il|del|al|nel|sul|dal|i|dei|ai|nei|sui|dai)(?P<gap>[ \u00a0]+)"
    r"(?P<word>(?P<whole>\d{1,3}(?:\.\d{3})+|\d+)(?P<decimal>,\d+)?)(?![\w'’°º]|[.,]\d)",
    re.IGNORECASE,
)
_NUMBER_DETERMINERS = frozenset(
    {"il", "del", "al", "nel", "sul", "dal", "i", "dei", "ai", "nei", "sui", "dai"}
)
_NUMBER_TRIGGERS = frozenset({*_NUMBER_DETERMINERS, *(d.capitalize() for d in _NUMBER_DETERMINERS)})
_NUMBER_FOLLOW = dict.fromkeys(_NUMBER_TRIGGERS, frozenset("018"))
TRIGGERS = _DETERMINERS | _UN
_UN_ELIDED = re.compile(r"(?<![\w'’-])(?P<det>[Uu]n['’])(?P<word>[^\W\d_]{2,})(?![\w'’-])")
_SENTENCE_START = LazyRe(r"(?:\A|[.!?:;«“\"(\n])[ \u00a0]*\Z")
_ROMAN = LazyRe(r"[ivxlcdm]+", re.IGNORECASE)
_INFINITIVE = re.compile(r"\w+(?:are|ere|ire)", re.IGNORECASE)
# Words after which an article is not one: conjunctions and the words a pronoun «un», «i» goes with.
_NOT_A_NOUN = frozenset(
    {"e", "ed", "o", "od", "a", "ad", "in", "è", "ha", "al", "ai", "altro", "altri", "uno", "una"}
)

# Feminine nouns ending in -o (Treccani, «genere»): «un'auto», «un'eco» are right.
_FEMININE_IN_O = frozenset(
    {"auto", "radio", "foto", "moto", "eco", "dinamo", "biro", "virago", "euro", "info", "idro"}
)
# Endings that make a noun or an adjective feminine in the singular: «un azione» wants «un'azione».
_FEMININE_ENDING = re.compile(
    r"\w+(?:zione|sione|gione|tà|trice|tudine|ezza|anza|enza|ura|ata|ia)", re.IGNORECASE
)
# Masculine nouns with those endings, and nouns that are both («un'/un acrobata»).
_MASCULINE_EXCEPTIONS = frozenset(
    {"acrobata", "automata", "idrata", "ultrà", "abbonata", "avvocata", "ultima", "alleata", "oncia"}
)


@functools.cache
def _lemma(word: str) -> str:
    from lint import lemmas

    return str(lemmas.lemmatize(word, "it"))


@functools.cache
def _is_known(word: str) -> bool:
    from lint import lemmas

    return bool(lemmas.is_known(word, "it"))


def _same_case(model: str, word: str) -> str:
    """``word`` written with the capitals of ``model`` («Il» -> «Lo», «IL» -> «LO»)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


class ArticleForm:
    meta = rule_meta(
        code="GRM001",
        name="article-form",
        category="grammar",
        severity="warning",
        message={
            "it": "«{match}»: l'articolo non si accorda con «{word}», si scrive «{suggestion}»",
            "en": "“{match}”: the article does not fit “{word}”; Italian writes “{suggestion}”",
        },
        description={
            "it": (
                "Segnala l'articolo o la preposizione articolata che non si accorda con il suono della parola "
                "che segue: «uno», «lo», «gli» davanti a s seguita da consonante, z, gn, ps e x («un stratega», "
                "«il sciopero», «i studenti», «nel zaino»), «il» e «i» davanti alle altre consonanti («dello "
                "giorno», «degli stati»), «l'» davanti a vocale («il anno»). Segnala anche «un'» davanti a una "
                "parola maschile in -o o in -ore («un'altro», «un'errore») e «un» davanti a una parola che la desinenza dice femminile "
                "(«un azione», «un attività», «un altra»), e l'articolo davanti a un numero scritto in cifre che si legge "
                "con una vocale o con z («del 8%» per «dell'8%», «il 11 settembre», «i 80 deputati», «del 1,5%», "
                "«il 0,5%» per «lo 0,5%»). «Una» davanti a vocale resta fuori: "
                "l'elisione è la norma ma non è obbligatoria («una antica famiglia»). La traduzione automatica sceglie l'articolo "
                "prima della parola e sbaglia spesso. Restano fuori «lo», «gli» e «uno» da soli (sono anche "
                "pronomi), le parole straniere che cominciano per h, j, k, w, y, «pn» («il/lo pneumatico»), le "
                "sigle, i numeri romani e le parole che il dizionario non conosce (Treccani, «articolo»)."
            ),
            "en": (
                "Flags an Italian article or articulated preposition whose form does not fit the sound of the "
                "next word: «uno», «lo», «gli» before s + consonant, z, gn, ps, x («un stratega», «i studenti»), "
                "«il», «i» before other consonants («dello giorno»), «l'» before a vowel («il anno»); «un'» "
                "before a masculine word in -o («un'altro») and «un» before a word whose ending makes it "
                "feminine («un azione»); and an article before digits read with a vowel or a z («del 8%» for «dell'8%», "
                "«i 80 deputati», «il 0,5%» for «lo 0,5%»); «una» before a vowel is left alone (its elision is usual, not required). Lone «lo», «gli», "
                "«uno» (pronouns too), foreign initials h, j, k, w, y, «pn», acronyms, Roman numerals and "
                "words the dictionary does not know are left alone."
            ),
        },
        flagged=[
            ("it", "Il partito ha assunto ⟦un stratega⟧ esperto per la campagna."),
            ("it", "⟦I studenti⟧ hanno occupato l'aula durante ⟦il sciopero⟧."),
            ("it", "Il pacco è stato trovato ⟦nello giardino⟧ ⟦degli vicini⟧."),
            ("it", "La polizia ha fermato ⟦un'altro⟧ sospetto dopo ⟦un ispezione⟧ durata ore."),
            ("it", "Le azioni sono scese ⟦del 1,5⟧% e ⟦i 80⟧ deputati hanno votato ⟦il 11⟧ settembre."),
        ],
        clean=[
            ("it", "Il partito ha assunto uno stratega e lo ha presentato agli studenti."),
            (
                "it",
                "Gli dei dell'Olimpo, il whisky, lo yogurt e il pneumatico: un'auto nello zaino degli zii.",
            ),
            ("it", "Uno dei sindacati ha detto che lo sciopero era giusto; gli disse di no."),
            ("it", "Un'altra indagine riguarda un accordo firmato al XIX congresso."),
            (
                "it",
                "Il 1° maggio le azioni sono salite dell'8%, lo 0,5% in più del 18 aprile, nel 1980 e nel 2024.",
            ),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={
            "Il partito ha assunto ⟦un stratega⟧ esperto per la campagna.": "Il partito ha assunto uno stratega esperto per la campagna."
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        function_words = options.languages["it"].function_words
        for m in finditer(document, _DETERMINER, _DETERMINERS, follow=_FOLLOW):
            det, word = m.group("det"), m.group("word")
            lower_det, lower_word = det.lower(), word.lower()
            if lower_word in function_words or lower_word in _NOT_A_NOUN:
                continue
            # the form first: the dictionary, slow to load, is asked only about a suspect pair
            right = self._article(lower_det, word, text, m.start())
            if right is None or not self._judged(det, word, text, m.start()):
                continue
            joined = right if right.endswith("'") else right + m.group("gap")
            replacement = _same_case(det, joined) + word
            yield Match(
                m.start("det"),
                m.end("word"),
                args={"word": word},
                suggestions=(replacement,),
                replacement=replacement,
            )
        for m in finditer(document, _NUMBER, _NUMBER_TRIGGERS, follow=_NUMBER_FOLLOW):
            det = m.group("det")
            if det.isupper() and len(det) > 1:
                continue  # a headline in capitals
            after = text[m.end() : m.end() + 1]
            right = self._number_article(det.lower(), m.group("whole"), m.group("decimal"), after)
            if right is None:
                continue
            joined = right if right.endswith("'") else right + m.group("gap")
            replacement = _same_case(det, joined) + m.group("word")
            yield Match(
                m.start("det"),
                m.end("word"),
                args={"word": m.group("word")},
                suggestions=(replacement,),
                replacement=replacement,
            )
        for m in finditer(document, _UN_ELIDED, _UN):
            word = m.group("word")
            lower_word = word.lower()
            masculine = lower_word.endswith("o") or (
                lower_word.endswith("ore") and not lower_word.endswith("iore")
            )
            if not word.islower() or not masculine or lower_word in _FEMININE_IN_O:
                continue  # «un'altro», «un'errore»; «un'ulteriore» is both
            if not _is_known(lower_word):
                continue
            replacement = m.group("det")[:2] + " " + word
            yield Match(
                m.start("det"),
                m.end("word"),
                args={"word": word},
                suggestions=(replacement,),
                replacement=replacement,
            )

    @staticmethod
    def _number_article(det: str, whole: str, decimal: str | None, after: str) -> str | None:
        """The right form of ``det`` before a number written in digits, from how the number is read:
        a vowel for 8, 80-89, 800-899, 8.000, 11, 11.000 and 1 with decimals or a percent sign
        («l'8%», «l'11 settembre», «dell'1,5%»), the sound of «lo» for 0 («lo 0,5%»); None when
        ``det`` is right or the reading cannot be told («il 1° maggio», «il 1 per cento»)."""
        digits = whole.replace(".", "")
        lead = digits[: len(digits) % 3 or 3]  # the group read first: «11» of 11.000, «8» of 8000
        plural = det in _I_TO_GLI
        if digits == "0" or (digits.startswith("0") and decimal):
            return None if plural else _IL_TO_LO[det]
        if lead.startswith("8") or lead == "11" or (digits == "1" and (decimal or after == "%")):
            if plural:
                return None if digits == "1" else _I_TO_GLI[det]
            return _ELIDED[det]
        return None

    @staticmethod
    def _judged(det: str, word: str, text: str, start: int) -> bool:
        """Whether the pair is Italian prose the rule can judge: not an acronym, a Roman numeral, a word
        the dictionary does not know, nor a capital «I» inside a sentence (a Roman numeral)."""
        if word.isupper() or _ROMAN.fullmatch(word):
            return False
        if det == "I" and not _SENTENCE_START.search(text, max(0, start - 4), start):
            return False
        if det.isupper() and len(det) > 1:
            return False  # a headline in capitals
        return word[-1] in "àèéìòù" or _is_known(word.lower())  # the dictionary lacks «attività»

    @staticmethod
    def _article(det: str, word: str, text: str, start: int) -> str | None:
        """The right form of ``det`` before ``word``; None when ``det`` is right or the rule cannot tell."""
        capital, word = word[0].isupper(), word.lower()
        if word.startswith("pn") or (word[0] in "iI" and word[1:2] in VOWEL):
            return None  # «il/lo pneumatico»; «ieri», «iato»: the i before a vowel is a glide
        lo_sound = LO_SOUND.match(word) is not None
        il_sound = not lo_sound and IL_SOUND.match(word) is not None
        vowel = word[0] in VOWEL
        if det in _IL_TO_LO:
            if lo_sound and not (det != "un" and _INFINITIVE.fullmatch(word)):
                return _IL_TO_LO[det]
            if vowel and det == "un":
                if word in _MASCULINE_EXCEPTIONS:
                    return None
                if _FEMININE_ENDING.fullmatch(word) or (
                    word.endswith("a") and _lemma(word) == word[:-1] + "o"
                ):
                    return "un'"  # «un azione», and the feminine of an adjective in -o: «un altra»
                return None
            if vowel and not capital:
                return _ELIDED[det]  # a name keeps its article as it comes («del Este»)
            return None
        if det in _LO_TO_IL:
            return _LO_TO_IL[det] if il_sound else None
        if det in _I_TO_GLI:
            if det == "dei" and re.search(
                r"\b(?:gli|degli|agli|negli|sugli|dagli)[ \u00a0]+\Z",
                text[max(0, start - 12) : start],
                re.IGNORECASE,
            ):
                return None  # «gli dei», the gods
            return _I_TO_GLI[det] if lo_sound or vowel else None
        if det in _GLI_TO_I:
            return _GLI_TO_I[det] if il_sound and word != "dei" else None
        return None


RULE = ArticleForm()
