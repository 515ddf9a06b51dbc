"""TTL002: a title, article, participle or pronoun of the wrong gender for a person in the knowledge base."""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Iterator

from lint.checks.base import rule_meta
from lint.checks.people.gender import GenderedMention, gendered_mentions, sentence_start
from lint.checks.people.pronouns import masculine_pronouns_for_women
from lint.checks.people.titles import TitleReader, TitleUse
from lint.document import Document
from lint.findings import Severity
from lint.kb.index import CompiledKB
from lint.kb.keys import tokens
from lint.lang import Languages
from lint.lazyre import LazyRe
from lint.rules import CheckContext, Match

# Title words whose form shows a gender; the ones not listed (presidente, premier, portavoce, leader) do not.
_MASCULINE_TITLES = {
    "ministro", "primo", "segretario", "sottosegretario", "viceministro", "ambasciatore", "senatore",
    "deputato", "governatore", "sindaco", "cancelliere", "procuratore", "direttore", "consigliere",
    "amministratore", "presidente-padrone", "vicesegretario", "portavoce-capo", "ex-ministro", "ispettore",
    "rettore", "coordinatore", "fondatore", "cofondatore", "vicedirettore", "commissario", "assessore",
}  # fmt: skip
_FEMININE_TITLES = {
    "ministra", "prima", "segretaria", "sottosegretaria", "viceministra", "ambasciatrice", "senatrice",
    "deputata", "governatrice", "sindaca", "cancelliera", "procuratrice", "direttrice", "consigliera",
    "amministratrice", "presidentessa", "vicesegretaria", "regina", "principessa", "sovrana", "ispettrice",
    "rettrice", "coordinatrice", "fondatrice", "cofondatrice", "vicedirettrice", "commissaria", "assessora",
}  # fmt: skip
# Masculine titles many Italian newsrooms keep for a woman (il ministro, il sindaco, il presidente), against
# the feminine the Accademia della Crusca recommends (C. Robustelli, "Linee guida per l'uso del genere nel
# linguaggio amministrativo", 2012): a house choice, reported as info. The others have a feminine that no
# style guide avoids (direttrice, procuratrice, senatrice, ambasciatrice, governatrice): their
# masculine for a woman is the translation's default, a warning.
HOUSE_MASCULINE_TITLES = (
    "ministro", "viceministro", "sottosegretario", "primo", "sindaco", "presidente", "premier", "segretario",
    "vicesegretario", "amministratore", "consigliere", "assessore", "commissario", "ex-ministro", "cancelliere",
    "presidente-padrone", "portavoce-capo", "capo", "leader", "portavoce",
)  # fmt: skip
_MASCULINE_ARTICLES = {
    "il", "lo", "un", "del", "dello", "al", "allo", "dal", "dallo", "nel", "sul", "col", "quel", "questo",
}  # fmt: skip
_FEMININE_ARTICLES = {"la", "una", "della", "alla", "dalla", "nella", "sulla", "quella", "questa"}
# "Frederiksen è stato rieletto": the participle or adjective right after the name's verb agrees with it.
_AGREEMENT_IT = re.compile(
    r"[ \u00a0]+(?:è|era|sarà|sarebbe|fu|sia|fosse)[ \u00a0]+(?:(stat[oa])\b|([a-zà-ù]{2,}(?:at|ut|it|ett|ess|olt|ort|ast|unt|int)([oa]))\b)"
)
# What may come right before a name that is the subject of its clause.
_CLAUSE_START = LazyRe(
    r"(?:^|[.,;:!?«“\"(]|\b(?:che|e|ed|ma|poi|quando|mentre|se|perché|anche|però|ieri|oggi)\b)[ \u00a0]*\Z"
)
_AGREEMENT_EN = LazyRe(
    r"[ \u00a0]+(?:said|says|told reporters|added|insisted|argued|warned|claimed|stressed|noted)[ \u00a0]+(?:that[ \u00a0]+)?(he|she|his|her)\b",
    re.IGNORECASE,
)

# A title before a name the KB has no title for: an article, the title's head noun, then what may stand
# between it and the name: adjectives ("distrettuale", "tecnico"), complements ("del CDC", "della
# società"), an acronym ("FEMA"), an abbreviated honorific left by a translation ("Dr.").
_ADJECTIVE = r"[a-zà-ù]{3,}(?:o|ale|ile|are|ario|ente|ante)"
_COMPLEMENT = (
    r"(?:del|dello|della|dei|degli|delle|di|per|dell['’])[ \u00a0]*(?:[A-ZÀ-Ú][\w.&-]*|[a-zà-ù]{3,})"
)
_TITLE_BEFORE = re.compile(
    rf"(?<![\w'’])(?P<article>(?i:il|lo|l['’]|un|del|dello|al|allo|dal|dallo|nel|sul|col|la|una|della|alla|dalla|nella|sulla))"
    rf"[ \u00a0]*(?P<title>[a-zà-ù-]{{4,}})(?:[ \u00a0]+(?:{_ADJECTIVE}|{_COMPLEMENT}|[A-Z]{{2,}}|[A-Z][a-z]+)){{0,4}}"
    r"(?:[ \u00a0]+(?:Dr|Dott|dott|dottor|Prof|prof|Mr|Mrs|Ms)\.?)?[ \u00a0]*,?[ \u00a0]*\Z"
)
# A title in apposition after the name, closed by a comma that no "e" follows (which would make a list):
# "Mira Rossi, il direttore tecnico della società, è stata nominata".
_TITLE_AFTER = re.compile(
    r"[ \u00a0]*,[ \u00a0]*(?P<article>il|lo|l['’]|la)[ \u00a0]*(?P<title>[a-zà-ù-]{4,})\b"
    r"(?=[^,.;:!?()«»\"“”\n]{0,80},(?![ \u00a0]*(?:e|ed|o)\b))"
)
_FEMININE_ARTICLE_OF = {
    "il": "la", "lo": "la", "l": "la", "un": "una", "del": "della", "dello": "della", "dell": "della",
    "al": "alla", "allo": "alla", "all": "alla", "dal": "dalla", "dallo": "dalla", "dall": "dalla", "nel": "nella",
    "nell": "nella", "sul": "sulla", "sull": "sulla", "col": "con la",
}  # fmt: skip
_TRAILING_ADJECTIVES = LazyRe(r"[ \u00a0]+([a-zà-ù]{3,}(?:ic|iv|at|al|ur|ar|ari|ut|ol)o)\b")


# A character no title phrase holds: the last one before a name is as far back as a title may start.
# (Phrases hold letters, digits, spaces, apostrophes, full stops, "&" and hyphens, and a comma only
# between them and the name.)
_LAST_BREAK = re.compile(r".*[^\w \u00a0'’.&-]", re.DOTALL)


def _title_before(text: str, end: int, sentence: Callable[[], int]) -> re.Match[str] | None:
    """``_TITLE_BEFORE`` searched from the start of the sentence (``sentence()``), 90 characters back
    at most, up to ``end``. Searched first from 90 characters back, or from the last character no title
    holds: when no title stands there (most names), the start of the sentence is not needed; a match
    found there is the one searched for if it starts in the sentence, else the search starts again from
    the sentence."""
    lo = max(0, end - 90)
    core = text[lo:end].rstrip(" \u00a0")
    if core.endswith(","):
        core = core[:-1].rstrip(" \u00a0")
    stop = _LAST_BREAK.match(core)
    if stop is not None:
        lo += stop.end()
    m = _TITLE_BEFORE.search(text, lo, end)
    if m is None:
        return None
    begin = max(sentence(), end - 90)
    return m if m.start() >= begin else _TITLE_BEFORE.search(text, max(begin, lo), end)


def _feminine_article(article: str, word: str) -> str:
    """The feminine of an article, elided before a vowel: il -> "la ", l' -> "l'", un -> "un'"."""
    feminine = _FEMININE_ARTICLE_OF.get(article.casefold(), article.casefold())
    if word[:1] in "aeiouàèéìòù" and feminine.endswith(("la", "una")):
        return feminine[:-1] + "'"
    return feminine + " "


def _feminine_title(word: str) -> str:
    """The feminine of an Italian title: direttore -> direttrice, consigliere -> consigliera, ministro -> ministra."""
    for masculine, feminine in (("tore", "trice"), ("iere", "iera"), ("o", "a")):
        if word.endswith(masculine):
            return word[: -len(masculine)] + feminine
    return word


# A title reader holds only what it derives from the KB and the languages: one serves every article.
_READERS: weakref.WeakKeyDictionary[CompiledKB, tuple[Languages, TitleReader]] = weakref.WeakKeyDictionary()


def _title_reader(ckb: CompiledKB, languages: Languages) -> TitleReader:
    cached = _READERS.get(ckb)
    if cached is None or cached[0] is not languages:
        cached = _READERS[ckb] = (languages, TitleReader(ckb, languages))
    return cached[1]


class GenderMismatch:
    uses_knowledge = True
    meta = rule_meta(
        code="TTL002",
        name="title-gender-mismatch",
        category="title",
        severity="warning",
        # The default: a feminine title for a man. The agreement checks are Italian's (participles) and
        # English's (pronouns); each template names the person's gender ("-f" for a woman).
        message={
            "it": "«{match}» è al femminile, ma {name} è un uomo",
            "en": "“{match}” is feminine, but {name} is a man",
        },
        messages={
            "masculine-title": {
                "it": "«{match}» è al maschile per {name}: molte redazioni usano il femminile (la ministra, la presidente)",
                "en": "“{match}” is masculine for {name}: many newsrooms use the feminine (la ministra, la presidente)",
            },
            "masculine-title-warn": {
                "it": "«{match}» è al maschile, ma {name} è una donna: «{suggestion}»",
                "en": "“{match}” is masculine, but {name} is a woman: “{suggestion}”",
            },
            "masculine-title-name": {
                "it": "«{match}» è al maschile, ma {name} ha un nome di donna: molte redazioni usano il femminile (la ministra, la presidente)",
                "en": "“{match}” is masculine, but {name} has a woman's first name: many newsrooms use the feminine (la ministra, la presidente)",
            },
            "masculine-title-warn-name": {
                "it": "«{match}» è al maschile, ma {name} ha un nome di donna: «{suggestion}»",
                "en": "“{match}” is masculine, but {name} has a woman's first name: “{suggestion}”",
            },
            "agreement-f-name": {
                "it": "«{match}» non concorda con {name}, che ha un nome di donna: «{suggestion}»",
                "en": "“{match}” does not agree with {name}, whose first name is a woman's: “{suggestion}”",
            },
            "agreement-m-name": {
                "it": "«{match}» non concorda con {name}, che ha un nome di uomo: «{suggestion}»",
                "en": "“{match}” does not agree with {name}, whose first name is a man's: “{suggestion}”",
            },
            "agreement-f": {
                "it": "«{match}» non concorda con {name}: è una donna",
                "en": "“{match}” does not agree with {name}, who is a woman",
            },
            "agreement-m": {
                "it": "«{match}» non concorda con {name}: è un uomo",
                "en": "“{match}” does not agree with {name}, who is a man",
            },
        },
        description={
            "it": (
                "Segnala un titolo, un articolo, un participio o un pronome del genere sbagliato per una persona: "
                "«la ministra Antonio Tajani», «Mette Frederiksen è stato rieletto», «il direttore del museo "
                "Giulia Ferri», «Giulia Ferri, il direttore tecnico, è stata nominata», «Ferri ha parlato. Lui ha "
                "aggiunto…», «Prime Minister Mette Frederiksen said he…». Le traduzioni automatiche dall'inglese "
                "mettono il maschile per difetto. Il genere è quello della base di conoscenza (dato da una "
                "fonte) o, per chi non vi è, quello del nome proprio quando la tabella dei nomi di refuso "
                "(statistiche italiane e statunitensi) lo dà per almeno il 95% di chi lo porta, con l'uso "
                "italiano prima (Andrea è un nome maschile), e solo se il nome completo è nell'articolo; un titolo "
                "femminile davanti a un nome che solo la tabella dà per maschile non è segnalato. Un pronome è giudicato solo quando l'unica persona nominata nella sua frase o in quella prima è "
                "quella donna, senza altri nomi o sostantivi di persona in mezzo. Un titolo maschile per una "
                "donna che molte redazioni conservano («il ministro», «il sindaco», «il presidente», "
                "«l'amministratore delegato»; l'opzione `house_masculine_titles`) è solo un'informazione, che "
                "`masculine_for_women: false` spegne; gli altri («il direttore», «il procuratore», «il "
                "senatore», «l'ambasciatore», «il governatore») hanno un femminile che "
                "nessuna guida evita e sono un avviso (Accademia della Crusca; C. Robustelli, «Linee guida per "
                "l'uso del genere nel linguaggio amministrativo», 2012)."
            ),
            "en": (
                'Flags a title, article, participle or pronoun of the wrong gender for a person: "la ministra '
                'Antonio Tajani", "Mette Frederiksen è stato rieletto", "il direttore del museo Giulia Ferri", '
                '"Giulia Ferri presented the study and thanked his team". Machine translation from English '
                'defaults to the masculine, and from Italian it renders "suo" as "his". The gender is the '
                "knowledge base's (given by a source) or, for people it does not know, the first name's when "
                "refuso's name table (Italian and US statistics) gives it for at least 95% of its bearers, "
                "Italian usage first (Andrea is a man's name), and only when the article gives the full name; a "
                "feminine title before a name only the table calls a man's is not reported. A pronoun is judged only when the one person named "
                "in its sentence or the one before is that woman, with no other name or noun for a person in "
                'between. A masculine Italian title many newsrooms keep for a woman ("il ministro", "il '
                'sindaco", "il presidente"; the option `house_masculine_titles`) is info only, which '
                '`masculine_for_women: false` turns off; the others ("il direttore", "il procuratore", '
                '"il senatore") have a feminine no style guide avoids and are warnings (Accademia della Crusca; '
                'C. Robustelli, "Linee guida per l\'uso del genere nel linguaggio amministrativo", 2012).'
            ),
        },
        flagged=[
            (
                "it",
                "---\ndate: 2023-05-01\n---\nMette Frederiksen è ⟦stato⟧ rieletta alla guida del governo danese.",
            ),
            ("it", "---\ndate: 2023-05-01\n---\n⟦La ministra⟧ degli Esteri Antonio Tajani ha parlato."),
            ("it", "⟦Il direttore⟧ del museo civico Giulia Ferri ha presentato la mostra."),
            ("it", "Giulia Ferri ha presentato la mostra. ⟦Lui⟧ ha detto che resterà aperta fino a maggio."),
            (
                "en",
                "---\ndate: 2023-05-01\n---\nDanish Prime Minister Mette Frederiksen said ⟦he⟧ would stay.",
            ),
            ("en", "Giulia Ferri presented the exhibition and thanked ⟦his⟧ staff."),
        ],
        clean=[
            ("it", "---\ndate: 2023-05-01\n---\nLa premier danese Mette Frederiksen è stata rieletta."),
            ("it", "---\ndate: 2023-05-01\n---\nIl ministro degli Esteri Antonio Tajani è arrivato."),
            ("it", "La direttrice del museo civico Giulia Ferri ha presentato la mostra."),
            ("it", "Giulia Ferri ha incontrato il sindaco. Lui ha detto che la mostra resterà aperta."),
            (
                "en",
                "---\ndate: 2023-05-01\n---\nDanish Prime Minister Mette Frederiksen said she would stay.",
            ),
            ("en", "Giulia Ferri met the mayor, and he thanked her staff."),
        ],
        options={"masculine_for_women": True, "house_masculine_titles": list(HOUSE_MASCULINE_TITLES)},
    )

    def check(self, document: Document, options: CheckContext) -> Iterator[Match]:
        ckb = options.knowledge_base()
        text = document.prose.text
        lang = document.language
        if lang not in ("it", "en"):
            return
        reader = _title_reader(ckb, options.languages) if ckb is not None else None
        masculine_for_women = options.get("masculine_for_women", True)
        house = set(options.get("house_masculine_titles", HOUSE_MASCULINE_TITLES))
        function_words = frozenset(
            options.languages[lang].function_words if lang in options.languages else ()
        )
        mentions = gendered_mentions(document, ckb, function_words)
        seen: set[tuple[int, int]] = set()
        for mention in mentions:
            if lang == "it":
                found = self._italian_agreement(document, reader, mention, masculine_for_women, house)
            else:
                found = self._english_agreement(text, mention)
            for match in found:
                if (match.start, match.end) not in seen:
                    seen.add((match.start, match.end))
                    yield match
        yield from self._pronouns(document, text, lang, mentions, seen, function_words)

    def _italian_agreement(
        self,
        document: Document,
        reader: TitleReader | None,
        mention: GenderedMention,
        masculine_for_women: bool,
        house: set[str],
    ) -> Iterator[Match]:
        """The title's gender, then a participle after the name ("Mette Frederiksen è stato")."""
        text = document.prose.text
        use = reader.before(text, mention) if reader is not None and mention.in_kb else None
        gender = None
        found = self._title_gender(text, use) if use is not None else self._generic_title(document, mention)
        if found is not None:
            gender = mention.gender
            if gender is None:
                return
            start, end, title_gender, head = found
            if use is not None and gender == "f" and self._kb_title_for_women(reader, mention, use.title):
                house = house | {head}  # the KB lists this masculine form for a woman in the office
            reported = title_gender == "f" or masculine_for_women or head not in house
            # A feminine title before a name only the table calls a man's: translation would put the masculine.
            chosen = use is None and title_gender == "f" and not mention.in_kb
            if title_gender != gender and reported and not chosen:
                yield self._title_finding(text, start, end, mention, head, house)
        apposition = _TITLE_AFTER.match(text, mention.end)
        if apposition and apposition.group("title") in _MASCULINE_TITLES | _FEMININE_TITLES:
            head = apposition.group("title")
            title_gender = "f" if head in _FEMININE_TITLES else "m"
            gender = gender or mention.gender
            reported = title_gender == "f" or masculine_for_women or head not in house
            if gender is not None and title_gender != gender and reported:
                start, end = apposition.start("article"), apposition.end("title")
                yield self._title_finding(text, start, end, mention, head, house)
        # The participle agrees with the name only when the name is the subject: not after a
        # noun ("il governo Meloni è stato") nor after a title that sets its own gender.
        m = _AGREEMENT_IT.match(text, mention.end) if use is None and found is None else None
        if m and _CLAUSE_START.search(text[max(0, mention.start - 40) : mention.start]) is None:
            m = None
        if m:
            gender = gender or mention.gender
            group = 1 if m.group(1) else 2
            word = m.group(group)
            word_gender = "m" if word.endswith("o") else "f"
            if gender is not None and word_gender != gender:
                right = word[:-1] + ("a" if gender == "f" else "o")
                yield self._agreement_finding(m.start(group), m.end(group), mention, right)

    def _english_agreement(self, text: str, mention: GenderedMention) -> Iterator[Match]:
        """A pronoun right after the name ("Mette Frederiksen said he")."""
        m = _AGREEMENT_EN.match(text, mention.end)
        if m and mention.gender is not None:
            pronoun = m.group(1)
            gender = "m" if pronoun.casefold() in ("he", "his") else "f"
            if gender != mention.gender:
                right = {"he": "she", "his": "her", "she": "he", "her": "his"}[pronoun.casefold()]
                yield self._agreement_finding(m.start(1), m.end(1), mention, right)

    def _pronouns(
        self,
        document: Document,
        text: str,
        lang: str,
        mentions: list[GenderedMention],
        seen: set[tuple[int, int]],
        function_words: frozenset[str],
    ) -> Iterator[Match]:
        found = masculine_pronouns_for_women(document, text, lang, mentions, function_words)
        for start, end, antecedent, right in found:
            if (start, end) not in seen:
                seen.add((start, end))
                yield self._agreement_finding(start, end, antecedent, right)

    def _generic_title(
        self, document: Document, mention: GenderedMention
    ) -> tuple[int, int, str, str] | None:
        """(start, end, gender, head) of a title before a name the KB has none for."""
        if mention.surname_only:
            return None
        text = document.prose.text
        m = _title_before(text, mention.start, lambda: sentence_start(document, mention.start))
        if m is None:
            return None
        head = m.group("title")
        article = m.group("article").casefold()
        if head in _FEMININE_TITLES:
            return m.start("article"), m.end("title"), "f", head
        if head in _MASCULINE_TITLES:
            return m.start("article"), m.end("title"), "m", head
        if head in ("presidente", "premier", "portavoce", "leader", "capo", "vicepresidente"):
            if article in _FEMININE_ARTICLES:
                return m.start("article"), m.end("title"), "f", head
            if article in _MASCULINE_ARTICLES:
                return m.start("article"), m.end("title"), "m", head
        return None

    @staticmethod
    def _kb_title_for_women(reader: TitleReader | None, mention: GenderedMention, title: str) -> bool:
        """Whether the KB gives ``title`` among the titles of a woman in one of the person's offices."""
        if reader is None or mention.person is None:
            return False
        person = reader.ckb.kb.people[mention.person]
        return any(title in reader.ckb.allowed_titles(person, role)[0] for role in person.roles)

    @staticmethod
    def _agreement_finding(start: int, end: int, mention: GenderedMention, right: str) -> Match:
        template = "agreement-" + (mention.gender or "m") + ("" if mention.in_kb else "-name")
        return Match(
            start,
            end,
            args={"name": mention.name},
            template=template,
            suggestions=(right,),
            replacement=right,
        )

    @staticmethod
    def _title_gender(text: str, use: TitleUse) -> tuple[int, int, str, str] | None:
        """(start, end, gender, head) of the word that gives the title a gender: its head noun when that
        shows one, else the article before it."""
        toks = tokens(text[use.start : use.end], use.start)
        if not toks:
            return None
        head = toks[0]
        before = tokens(text[max(0, use.start - 12) : use.start], max(0, use.start - 12))
        article = before[-1] if before and text[before[-1][2] : use.start].strip() == "" else None
        if head[0] in _FEMININE_TITLES:
            start = article[1] if article and article[0] in _FEMININE_ARTICLES | {"l'"} else head[1]
            return start, head[2], "f", head[0]
        if head[0] in _MASCULINE_TITLES:
            start = article[1] if article and article[0] in _MASCULINE_ARTICLES | {"l'"} else head[1]
            return start, head[2], "m", head[0]
        if article is None:
            return None
        if article[0] in _FEMININE_ARTICLES:
            return article[1], head[2], "f", head[0]
        if article[0] in _MASCULINE_ARTICLES:
            return article[1], head[2], "m", head[0]
        return None

    @staticmethod
    def _title_finding(
        text: str, start: int, end: int, mention: GenderedMention, head: str, house: set[str]
    ) -> Match:
        args = {"name": mention.name}
        if mention.gender != "f":
            return Match(start, end, args=args)
        # The feminine: the article, the head noun, and the adjectives in -o right after it
        # ("il direttore tecnico" -> "la direttrice tecnica").
        elided = re.match(r"(?i)(l|un|dell|all|dall|nell|sull)['’]|(\w+)[ \u00a0]+", text[start:end])
        article = (elided.group(1) or elided.group(2)) if elided else ""
        title = text[start + elided.end() : end] if elided else text[start:end]
        feminine = _feminine_title(title.casefold()) if title.casefold() == head else title
        for adjective in _TRAILING_ADJECTIVES.finditer(text, end):
            if adjective.start() != end or adjective.group(1) in ("capo", "aggiunto"):
                break
            end = adjective.end()
            feminine += adjective.group()[:-1] + "a"
        right = (_feminine_article(article, feminine) if article else "") + feminine
        if article[:1].isupper():
            right = right[:1].upper() + right[1:]
        template = "masculine-title" if head in house else "masculine-title-warn"
        if not mention.in_kb:
            template += "-name"
        severity = Severity.INFO if head in house else Severity.WARNING
        return Match(
            start,
            end,
            args=args,
            template=template,
            severity=severity,
            suggestions=(right,),
            replacement=right,
        )
