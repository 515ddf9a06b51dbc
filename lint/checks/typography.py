"""Typography that needs more than a pattern: capitals in the wrong place, and words glued together.

A lowercase letter after a full stop, a capitalised article after a comma ("…, Lo ha annunciato") and
two words fused by a scraper ("DraghiFoto", "ScholzIl") are what recomposed and machine-translated copy
leaves behind. Spacing rules that a pattern can say are data: ``rules/common/punctuation.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.prose import NAME_PARTICLES, NAME_PREFIXES
from lint.rules import CheckContext, Match

# A full stop after two lowercase letters (not an initial, an ellipsis or a number), spaces with at
# most one line break, and a word that starts in lower case.
_LOWER_AFTER_STOP = re.compile(
    r"(?<!\w)([^\W\d_]+)\.([ \t\u00a0]+(?:\r\n|\r|\n)?[ \t]*|(?:\r\n|\r|\n)[ \t]*)([^\W\d_][\w'’-]*)"
)
_LOWER_AFTER_STOP_HINT = re.compile(
    r"\.(?:[ \t\u00a0]+(?:\r\n|\r|\n)?[ \t]*|(?:\r\n|\r|\n)[ \t]*)[a-zß-öø-ÿ]"
)
# A comma or semicolon, spaces on the same line, a capitalised word and a word in lower case after it.
_CAPITAL_AFTER_COMMA = re.compile(r"[,;][ \t\u00a0]+([^\W\d_][^\W\d_]*)(?=[ \t\u00a0]+[^\W\d_])")
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’-]*)")


class LowercaseSentenceStart:
    meta = rule_meta(
        code="TYP004",
        name="lowercase-sentence-start",
        category="typography",
        severity="warning",
        message={
            "it": "La frase comincia con la minuscola dopo il punto: «{word}»",
            "en": "The sentence starts in lower case after a full stop: “{word}”",
        },
        description={
            "it": (
                "Una parola minuscola subito dopo un punto fermo («ha spiegato. aggiunto che…»): o la frase "
                "nuova va con la maiuscola, o il punto è di troppo (una frase spezzata da una traduzione "
                "automatica o da un taglio). Non sono segnalati il testo dopo un’abbreviazione («ecc.», "
                "«pag.», «Inc.»: l’elenco è rules.TYP004.options.abbreviations), dopo sigle puntate («U.S.», "
                "«a.C.»), iniziali, numeri e puntini di sospensione, né i nomi che si scrivono con la minuscola "
                "(«iPhone», «eBay», «de Gaulle»). Gli indirizzi web e i nomi di file non contengono spazi dopo "
                "il punto, e restano puliti."
            ),
            "en": (
                'A lowercase word right after a full stop ("he explained. added that…"): either the new sentence '
                "needs its capital, or the full stop does not belong (a sentence broken by machine translation "
                'or a cut). Text after an abbreviation ("etc.", "Inc.", "Wash.": the list is '
                'rules.TYP004.options.abbreviations), dotted initials ("U.S.", "a.m."), initials, numbers and '
                'ellipses is not flagged, nor are names written in lower case ("iPhone", "eBay", "de Gaulle"). '
                "Web addresses and file names have no space after their dots, and stay clean."
            ),
        },
        flagged=[
            ("it", "Il portavoce ha spiegato. ⟦aggiunto⟧ che i colloqui riprenderanno."),
            ("en", "The envoy left early. ⟦talks⟧ will resume on Monday."),
        ],
        clean=[
            (
                "it",
                "Ha citato Francia, Germania ecc. e poi gli U.S.A. in generale. Aspettava... poi niente. "
                "Ha comprato un iPhone. eBay lo vende.",
            ),
            (
                "en",
                "Acme Inc. said on Tuesday that prices rose 3 p.m. yesterday; see corriere.it and main.py.",
            ),
        ],
        options={
            "abbreviations": (
                *("ecc", "etc", "es", "pag", "pagg", "pp", "sig", "sigg", "dott", "prof", "ing", "avv", "on"),
                *("sen", "gen", "col", "cap", "art", "artt", "cfr", "ca", "cca", "vol", "voll", "nn", "ss"),
                *("segg", "sgg", "cit", "op", "ibid", "ed", "eds", "al", "min", "max", "tel", "fig", "tab"),
                *("sez", "lett", "par", "mod", "rif", "pres", "dir", "geom", "rag", "arch", "mons", "card"),
                *("mln", "mld", "mrd", "tot", "cd", "trad", "dott.ssa", "sig.ra", "spett", "egr", "gent"),
                *("Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr", "St", "Ave", "Rd", "Blvd", "Mt", "Ft"),
                *("Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Hon", "Gen", "Col", "Lt", "Maj"),
                *("Capt", "Cmdr", "Adm", "Sgt", "Gov", "Sen", "Rep", "Pres", "Dept", "Univ", "No", "Nos"),
                *("approx", "est", "vs", "cf", "viz", "ch", "seq", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul"),
                *("Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn"),
                *("Del", "Fla", "Ill", "Ind", "Kan", "Mass", "Mich", "Minn", "Miss", "Mont", "Neb", "Nev"),
                *("Okla", "Ore", "Penn", "Tenn", "Tex", "Wash", "Wis", "Wyo"),
                *("ft", "lb", "lbs", "oz", "yd", "mi", "hr", "hrs", "sec", "sq", "mph", "gg", "sett", "ott"),
            ),
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        if ". " not in text and ".\n" not in text and ".\r" not in text and ".\t" not in text:
            return
        abbreviations = set(options.get("abbreviations", ()))
        for m in self._candidates(text):
            before, word = m.group(1), m.group(3)
            if not word[0].islower() or len(before) < 2 or not before[-2:].islower():
                continue  # a capital, an initial ("J. smith"), or an acronym before the stop
            if before in abbreviations or before.casefold() in abbreviations:
                continue
            if m.start(1) > 0 and text[m.start(1) - 1] in ".@/\\_":
                continue  # dotted initials ("e.g. the"), an address or a path
            if any(c.isupper() for c in word[1:]) or _name_particle(text, m.end(3), word):
                continue  # "iPhone", "eBay"; "de Gaulle", "al-Sisi"
            yield Match(m.start(3), m.end(3), args={"word": word})

    @staticmethod
    def _candidates(text: str) -> Iterator[re.Match[str]]:
        """Each word before a full stop that a lowercase word follows, found from the rarer full stop."""
        for hint in _LOWER_AFTER_STOP_HINT.finditer(text):
            start = hint.start()
            while start > 0 and (text[start - 1].isalpha()):
                start -= 1
            m = _LOWER_AFTER_STOP.match(text, start)
            if m is not None:
                yield m


def _name_particle(text: str, end: int, word: str) -> bool:
    """A lowercase particle that starts a name: "de Gaulle", "van der Bellen", "al-Sisi"."""
    if word.startswith(NAME_PREFIXES) and any(c.isupper() for c in word):
        return True
    if word not in NAME_PARTICLES:
        return False
    following = _NEXT_WORD.match(text, end)
    while following and following.group(1) in NAME_PARTICLES:
        following = _NEXT_WORD.match(text, following.end())
    return bool(following) and following.group(1)[0].isupper()


# Function words that have no business being capitalised after a comma. Left out: the Italian forms of
# courtesy ("La ringrazio", "Lei", "Suo"), single letters (labels: "A e B"), and "I".
_COMMA_FUNCTION_WORDS = {
    "it": frozenset(
        {
            *("il", "lo", "gli", "un", "uno", "una", "di", "da", "in", "con", "su", "per", "tra", "fra"),
            *("del", "della", "dei", "degli", "delle", "dello", "al", "alla", "ai", "agli", "alle", "allo"),
            *(
                "dal",
                "dalla",
                "dai",
                "dagli",
                "dalle",
                "nel",
                "nella",
                "nei",
                "negli",
                "nelle",
                "sul",
                "sulla",
            ),
            *("sui", "sugli", "sulle", "che", "non", "si", "ci", "mi", "ti", "ne", "se", "ma", "ed", "anche"),
            *(
                "come",
                "quando",
                "dove",
                "mentre",
                "perché",
                "però",
                "quindi",
                "poi",
                "cui",
                "questo",
                "questa",
            ),
            *("questi", "queste", "quello", "quella", "quelli", "quelle", "lui", "noi", "ha", "hanno", "ho"),
            *("è", "sono", "era", "erano", "sarà", "già", "ancora", "molto", "più", "tutto", "tutti"),
        }
    ),
    "en": frozenset(
        {
            *("the", "an", "of", "to", "in", "on", "at", "for", "with", "by", "from", "and", "or", "but"),
            *("that", "this", "these", "those", "it", "he", "she", "they", "we", "you", "his", "her", "its"),
            *("their", "our", "is", "are", "was", "were", "has", "have", "had", "which", "who", "when"),
            *("where", "while", "if", "as", "so", "not", "then", "there"),
        }
    ),
}


class CapitalAfterComma:
    meta = rule_meta(
        code="TYP005",
        name="capital-after-comma",
        category="typography",
        severity="warning",
        message={
            "it": "«{word}» con la maiuscola dopo {mark}: nel mezzo della frase va minuscolo",
            "en": "“{word}” is capitalised after {mark}: in mid-sentence it takes lower case",
        },
        description={
            "it": (
                "Un articolo, una preposizione, una congiunzione, un pronome o un ausiliare con la maiuscola "
                "subito dopo una virgola o un punto e virgola («…, Lo ha annunciato il ministro»): di solito "
                "una frase ricomposta da due pezzi, o una traduzione automatica che ha ricominciato la frase. "
                "Solo le parole grammaticali sono segnalate, e solo se la parola che segue è minuscola: nomi, "
                "sigle, testate e titoli («…, La Russa ha detto», «…, Il Sole 24 Ore», «…, The Guardian») e "
                "le maiuscole di cortesia («…, La ringrazio», «Lei») restano puliti."
            ),
            "en": (
                "An article, preposition, conjunction, pronoun or auxiliary capitalised right after a comma or "
                'semicolon ("…, The minister said"): usually a sentence put together from two pieces, or a machine '
                "translation that started the sentence over. Only function words are flagged, and only when the "
                'word after them is in lower case: names, acronyms, titles and newspapers ("…, The Hague", "…, '
                'La Russa said", "…, The Guardian reported") stay clean.'
            ),
        },
        flagged=[
            ("it", "Il decreto è pronto, ⟦Lo⟧ ha annunciato il ministro."),
            ("en", "Talks resumed on Monday, ⟦The⟧ envoy said."),
        ],
        clean=[
            ("it", "Il decreto è pronto, La Russa ha detto; lo riporta Il Sole 24 Ore, e il Paese attende."),
            ("it", "Gentile signora, La ringrazio; Lei ha ragione."),
            ("en", "Talks resumed on Monday, The Guardian reported; options A and B remain, I think."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        words = _COMMA_FUNCTION_WORDS.get(document.language or "", _COMMA_FUNCTION_WORDS["it"])
        for m in _CAPITAL_AFTER_COMMA.finditer(text):
            word = m.group(1)
            if len(word) < 2 or not word[0].isupper() or not word[1:].islower() or word.lower() not in words:
                continue
            following = _NEXT_WORD.match(text, m.end(1))
            if following is None or not following.group(1)[0].islower():
                continue  # "…, La Russa", "…, The Hague": part of a name or title
            yield Match(
                m.start(1), m.end(1), args={"word": word, "mark": _mark(text[m.start()], document.language)}
            )


def _mark(mark: str, language: str | None) -> str:
    if language == "en":
        return "a comma" if mark == "," else "a semicolon"
    return "la virgola" if mark == "," else "il punto e virgola"


# A lowercase run of two letters or more followed by a capital inside one word ("DraghiFoto",
# "ScholzIl", "accordoIl"); and a word followed by one or two digits ("Katrina4", "ieri2").
_CASE_JOIN = re.compile(r"(?<![\w@#.&/-])([^\W\d_]*[^\W\d_A-Z]{2,})([A-ZÀ-ÖØ-Þ][^\W\d_]*)(?![\w@.&/-])")
_DIGIT_JOIN = re.compile(
    r"(?<![\w@#.&/-])((?:[A-ZÀ-ÖØ-Þ]|[^\W\d_A-ZÀ-ÖØ-Þ])[^\W\d_A-ZÀ-ÖØ-Þ]{3,})(\d{1,2})(?![\w@/%°-]|[.,]\d)"
)
# Where such a word may be: a lowercase letter before a capital or a digit. Found fast by a scan for
# two characters; the full patterns run only on the words around.
_HINT = re.compile(r"[a-zß-öø-ÿ][A-ZÀ-ÖØ-Þ0-9]")


def _hinted_words(text: str) -> Iterator[int]:
    """Where each word with a lowercase letter before a capital or a digit starts."""
    done = -1
    for h in _HINT.finditer(text):
        start = h.start()
        if start < done:
            continue
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
            start -= 1
        done = h.end()
        while done < len(text) and (text[done].isalnum() or text[done] == "_"):
            done += 1
        yield start


# Words a scraper glues to the end of a sentence: photo credits and captions.
_CAPTION_WORDS = frozenset(
    {
        "foto",
        "video",
        "photo",
        "image",
        "credit",
        "credits",
        "getty",
        "ansa",
        "reuters",
        "afp",
        "leggi",
        "read",
        "fonte",
    }
)
_SCOTTISH_AND_IRISH = ("Mac", "Fitz")


class GluedWords:
    meta = rule_meta(
        code="TYP006",
        name="glued-words",
        category="typography",
        severity="warning",
        message={
            "it": "«{match}» sembra fatto di due parole attaccate: manca uno spazio (o un a capo)?",
            "en": "“{match}” looks like two words glued together: is a space (or a line break) missing?",
        },
        description={
            "it": (
                "Due parole fuse in una da un’estrazione automatica o da una traduzione: una didascalia "
                "attaccata al nome («DraghiFoto»), la frase dopo senza spazio («ScholzIl governo…», «accordoIl»), "
                "un rimando a nota («Katrina4»). È segnalata una maiuscola dentro una parola minuscola quando una "
                "delle due parti è una parola grammaticale o di didascalia, un nome della base di conoscenza o "
                "una parola che il testo usa da sola, e una parola seguita da una o due cifre. Marchi e nomi "
                "che si scrivono così («iPhone», «YouTube», «McDonald», «eBay», «PlayStation», «JPMorgan», "
                "«BlackRock»: l’elenco è rules.TYP006.options.allow), formule e unità («CO2», «kWh»), sigle e "
                "modelli («G20», «5G», «COVID-19», «A320») restano puliti. La correzione (da rivedere) separa "
                "le due parole con uno spazio."
            ),
            "en": (
                'Two words fused by a scraper or a translation: a caption glued to a name ("DraghiFoto"), the '
                'next sentence with no space ("ScholzThe government…"), a footnote number ("Katrina4"). A capital '
                "inside a lowercase word is flagged when one of the two parts is a function or caption word, a "
                "name of the knowledge base or a word the text uses on its own; so is a word followed by one or "
                'two digits. Brands and names written that way ("iPhone", "YouTube", "McDonald", "eBay", '
                '"PlayStation", "JPMorgan", "BlackRock": the list is rules.TYP006.options.allow), formulas and '
                'units ("CO2", "kWh"), acronyms and models ("G20", "5G", "COVID-19", "A320") stay clean. The fix '
                "(unsafe: review it) puts a space between the two words."
            ),
        },
        flagged=[
            ("it", "Il premier ha parlato a lungo con ⟦DraghiFoto⟧ Ansa."),
            ("it", "Si è chiuso il vertice con Scholz. Poi ⟦ScholzIl⟧ governo ha taciuto."),
            ("en", "The storm was stronger than ⟦Katrina4⟧ and cost more."),
        ],
        clean=[
            ("it", "Ha comprato un iPhone su eBay e guarda YouTube; da McDonald paga con PayPal."),
            (
                "en",
                "JPMorgan and BlackRock sold PlayStation shares; CO2 costs 5G kWh at the G20 on COVID-19 A320s.",
            ),
        ],
        fix="unsafe",
        options={
            "allow": (
                *("iPhone", "iPad", "iPod", "iOS", "iMac", "iCloud", "iTunes", "eBay", "eBook", "eCommerce"),
                *(
                    "YouTube",
                    "PlayStation",
                    "JPMorgan",
                    "BlackRock",
                    "PayPal",
                    "LinkedIn",
                    "WhatsApp",
                    "TikTok",
                ),
                *("OpenAI", "ChatGPT", "DeepMind", "DeepSeek", "SpaceX", "GitHub", "PowerPoint", "FedEx"),
                *("HarperCollins", "WikiLeaks", "AstraZeneca", "GlaxoSmithKline", "BioNTech", "SoftBank"),
                *("ExxonMobil", "ArcelorMittal", "ThyssenKrupp", "MasterCard", "MasterChef", "CasaPound"),
                *("PostePay", "BancoPosta", "RaiPlay", "RaiNews", "TgCom", "MediaWorld", "UniCredit"),
                *("FinecoBank", "EasyJet", "CityLife", "AdnKronos", "NextGenerationEU", "RePowerEU"),
                *("InvestEU", "BusinessEurope", "CartaBianca", "DiMartedì", "SkyTg", "TgLa", "MotoGP"),
                *("WeChat", "WeWork", "AirBnb", "DoorDash", "JetBlue", "StubHub", "SharePoint", "OneDrive"),
                *("YouGov", "SurveyMonkey", "GoFundMe", "IndieGoGo", "MySpace", "SoundCloud", "DropBox"),
                *("Covid19", "Web3", "Windows10", "Windows11", "Office365", "Formula1", "Xbox360"),
            ),
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        allow = set(options.get("allow", ()))
        knowledge = None
        starts = list(_hinted_words(text))
        for m in filter(None, (_CASE_JOIN.match(text, start) for start in starts)):
            word, left, right = m.group(), m.group(1), m.group(2)
            if word in allow or left in _SCOTTISH_AND_IRISH:
                continue
            if len(right) < 2 or (right.isupper() and len(right) < 4):
                continue  # "SpaceX", "RePowerEU", "FdI": a letter or an acronym at the end
            if knowledge is None:
                knowledge = _knowledge(options)
            if self._two_words(text, left, right, options, knowledge):
                yield Match(
                    m.start(), m.end(), suggestions=(f"{left} {right}",), replacement=f"{left} {right}"
                )
        for m in filter(None, (_DIGIT_JOIN.match(text, start) for start in starts)):
            if m.group() in allow:
                continue
            yield Match(m.start(), m.end(), suggestions=(m.group(1),))

    @staticmethod
    def _two_words(text: str, left: str, right: str, options: CheckContext, knowledge: Any) -> bool:
        """Evidence that ``left`` and ``right`` are two words: one is a function or caption word, a
        name the knowledge base knows, or a word the document also writes on its own."""
        language = options.language or options.languages.get("it")
        english = options.languages.get("en")
        own = language.function_words if language is not None else frozenset()
        small = own | (english.function_words if english is not None else frozenset()) | _CAPTION_WORDS
        if right.casefold() in small or (left.islower() and left in own):
            return True
        for part in (left, right):
            if knowledge is not None and part[0].isupper() and knowledge.lookup(part):
                return True
            if len(part) >= 3 and re.search(rf"(?<![\w'’-]){re.escape(part)}(?![\w'’-])", text):
                return True
        return False


def _knowledge(options: Mapping[str, Any]) -> Any:
    provider = getattr(options, "knowledge", None)
    return provider() if callable(provider) else None


RULES = [LowercaseSentenceStart(), CapitalAfterComma(), GluedWords()]
