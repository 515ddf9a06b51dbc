"""TYP006: two words glued together by a scraper or a translation ("DraghiFoto", "Katrina4")."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any

from lint.checks.base import rule_meta
from lint.document import Document
from lint.lazyre import LazyRe
from lint.rules import CheckContext, Match

# "ScholzIl", "accordoIl"); and a word followed by one or two digits ("Katrina4", "ieri2").
_CASE_JOIN = LazyRe(r"(?<![\w@#.&/-])([^\W\d_]*[^\W\d_A-Z]{2,})([A-ZÀ-ÖØ-Þ][^\W\d_]*)(?![\w@.&/-])")
_DIGIT_JOIN = LazyRe(
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
            if self._two_words(text, word, left, right, options, knowledge):
                yield Match(
                    m.start(), m.end(), suggestions=(f"{left} {right}",), replacement=f"{left} {right}"
                )
        for m in filter(None, (_DIGIT_JOIN.match(text, start) for start in starts)):
            if m.group() in allow:
                continue
            yield Match(m.start(), m.end(), suggestions=(m.group(1),))

    @staticmethod
    def _two_words(
        text: str, word: str, left: str, right: str, options: CheckContext, knowledge: Any
    ) -> bool:
        """Evidence that ``left`` and ``right`` are two words: one is a function or caption word; or,
        for a word the document writes only once, a name the knowledge base knows or a word the
        document also writes on its own. A word written the same way again is a name («CloudLedger»,
        a company's, whose «Cloud» is also a congressman's surname): glue left by a scraper or a
        translation is an accident, not repeated letter for letter."""
        language = options.language or options.languages.get("it")
        english = options.languages.get("en")
        own = language.function_words if language is not None else frozenset()
        small = own | (english.function_words if english is not None else frozenset()) | _CAPTION_WORDS
        if right.casefold() in small or (left.islower() and left in own):
            return True
        if len(re.findall(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text)) > 1:
            return False
        for part in (left, right):
            if knowledge is not None and part[0].isupper() and knowledge.lookup(part):
                return True
            if len(part) >= 3 and re.search(rf"(?<![\w'’-]){re.escape(part)}(?![\w'’-])", text):
                return True
        return False


def _knowledge(options: Mapping[str, Any]) -> Any:
    provider = getattr(options, "knowledge", None)
    return provider() if callable(provider) else None


RULE = GluedWords()
