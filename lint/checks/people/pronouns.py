"""Masculine pronouns for a woman the article names: «Lui», «Egli» opening a sentence or a clause in
Italian, "he/his/himself" in English, found by their words and tested against the people
:mod:`lint.checks.people.gender` knows the gender of (TTL002)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from lint.document import Document
from lint.lazyre import LazyRe

from .gender import GenderedMention, common_word, quotes, sentence_start
from .names import covers, name_runs

# "Lui ha detto", "Egli ha detto": a subject pronoun opening a sentence or a clause.
_PRONOUN_IT = LazyRe(r"(?:(?<=^)|(?<=[.;:!?][ \u00a0])|(?<=[.;:!?][ \u00a0]{2})|(?<=\n))(Lui|Egli)\b")
# "him" is left out: as an object it is seldom the subject's ("Ferri thanked him").
_PRONOUN_EN = LazyRe(r"\b(he|his|himself)\b", re.IGNORECASE)
# The same pronouns found by their words, what comes before them tested after: a pattern opening with
# look-behinds is tried at every position of the text, one opening with a word only where it is.
_PRONOUN_WORDS = {
    "it": (
        re.compile(r"(Lui|Egli)\b"),
        LazyRe(r"(?:(?<=^)|(?<=[.;:!?][ \u00a0])|(?<=[.;:!?][ \u00a0]{2})|(?<=\n))"),
    ),
    "en": (LazyRe(r"(h(?:e|is|imself))\b", re.IGNORECASE), LazyRe(r"(?<!\w)")),
}


def pronouns(text: str, lang: str) -> Iterator[re.Match[str]]:
    """The matches of ``_PRONOUN_IT`` (``_PRONOUN_EN`` for English) in ``text``, found faster."""
    if lang == "it" and "Lui" not in text and "Egli" not in text:
        return  # most Italian articles: a search for the words themselves is quicker than the pattern's
    word, before = _PRONOUN_WORDS["it" if lang == "it" else "en"]
    for m in word.finditer(text):
        if before.match(text, m.start()):
            yield m


# A name is the subject of its clause when it opens it, alone or after a title ("La ricercatrice Giulia
# Ferri ha", "Danish Prime Minister Mette Frederiksen said"), and no verb comes before it ("La polizia ha
# fermato Giulia Ferri"): a pronoun in the next sentence then most likely continues the subject.
_CLAUSE_OPENING = LazyRe(
    r"(?:^|[.;:!?«“\"(\n,]|\b(?:e|ed|ma|poi|quando|mentre|se|perché|però|anche|ieri|oggi|and|but|while|when|then)\b)"
    r"[ \u00a0]*(?P<title>(?:[\w'’.-]+[ \u00a0]+){0,6}?)\Z"
)
_VERB_LIKE = LazyRe(
    r"\b(?:ha|hanno|ho|è|sono|era|erano|sarà|aveva|has|have|had|is|are|was|were|will|would|said|told|met|"
    r"[a-zà-ù]+(?:ato|ata|ito|ita|uto|uta|ando|endo|ed|ing))\b"
)


def _subject(text: str, sentence: int, mention: GenderedMention) -> int | None:
    """Where the name's clause starts, its title included, when the name is the subject; else None."""
    begin = max(sentence, mention.start - 100)
    m = _CLAUSE_OPENING.search(text[begin : mention.start])
    if m is None or _VERB_LIKE.search(m.group("title")):
        return None
    return begin + m.start("title")


# "he said", "he added": the pronoun as the subject of a speech verb, right after a closing quotation mark.
_SPEECH_TAG = re.compile(
    r"[ \u00a0]+(?:said|says|added|adds|explained|noted|told|continued|insisted|argued|warned|stressed|recalled)\b"
)
_AFTER_QUOTE = re.compile(r"[,.!?]?[\"”’»][ \u00a0]*\Z")
_MASCULINE_OBJECT = re.compile(r"\b(?:him|he|his|himself|lui|egli)\b", re.IGNORECASE)
# Singular nouns for men or for anyone (il giudice, the governor) that a masculine pronoun may refer to:
# when one stands between the woman's name and the pronoun, the pronoun may be theirs.
_PERSON_NOUNS_IT = LazyRe(
    r"\b(?:uomo|ragazzo|marito|figlio|padre|fratello|nonno|zio|compagno|giudice|presidente|avvocato|"
    r"portavoce|leader|capo|collega|imputato|sospettato|agente|medico|paziente|candidato|re|principe|papa|"
    r"pontefice|premier|ministro|sindaco|segretario|direttore|procuratore|governatore|senatore|deputato|"
    r"ambasciatore|consigliere|amministratore|responsabile|funzionario|dirigente|esperto|autore|cliente|"
    r"testimone|vittima|utente|rappresentante|attore|giocatore|allenatore|pilota|sacerdote|vescovo)\b"
    # and any masculine article before a noun of agent or office: il rettore, un giornalista, il tecnico
    r"|\b(?:il|lo|l['’]|un|del|dello|dell['’]|al|allo|all['’]|dal|dallo|dall['’]|col)[ \u00a0]*"
    r"[a-zà-ù]+(?:tore|sore|iere|ista|ante|ente|ario|aio|ico|ologo|ere)\b",
    re.IGNORECASE,
)
_PERSON_NOUNS_EN = LazyRe(
    r"\b(?:man|boy|husband|son|father|brother|grandfather|uncle|nephew|partner|judge|president|lawyer|"
    r"attorney|spokesman|spokesperson|leader|chief|colleague|defendant|suspect|officer|agent|doctor|patient|"
    r"candidate|king|prince|pope|premier|minister|mayor|secretary|director|prosecutor|governor|senator|"
    r"congressman|representative|ambassador|adviser|advisor|official|executive|expert|author|client|"
    r"witness|victim|user|actor|player|coach|manager|driver|pilot|priest|bishop|boss|founder|chairman|"
    r"someone|anyone|everyone|nobody|somebody|who|whoever|friend|guy|gentleman|mr)\b"
    # and a noun of agent or office after an article: the rector, a journalist, the chairman
    r"|\b(?:the|a|an)[ \u00a0]+(?:[a-z'’]+[ \u00a0]+)?[a-z]+(?:or|ist|man|ian)\b",
    re.IGNORECASE,
)


def masculine_pronouns_for_women(
    document: Document, text: str, lang: str, mentions: list[GenderedMention], function_words: frozenset[str]
) -> Iterator[tuple[int, int, GenderedMention, str]]:
    """A masculine pronoun ("Lui ha detto", "she said he") whose only possible antecedent is a woman:
    the one person named in its sentence before it, or in the sentence before, with no other person,
    named or not, in between."""
    if not mentions:
        return
    pattern, nouns = (_PRONOUN_IT, _PERSON_NOUNS_IT) if lang == "it" else (_PRONOUN_EN, _PERSON_NOUNS_EN)
    starts = [m.start for m in mentions]
    runs: list[tuple[int, int]] | None = None
    run_starts: list[int] = []
    quoted: list[tuple[int, int]] | None = None
    # The cheap tests first: most pronouns have no woman before them, and then the quotations (a scan
    # of every character) are never needed.
    for pronoun in pronouns(text, lang):
        at = pronoun.start(1)
        here = sentence_start(document, at)
        window = sentence_start(document, here - 1) if here > 0 else here
        i = bisect.bisect_left(starts, at) - 1
        # A speech tag after a quotation ('..." he said') names the speaker, not someone the quotation
        # mentions: the names and nouns inside it are no other antecedent.
        tag = bool(
            lang == "en"
            and _SPEECH_TAG.match(text, pronoun.end(1))
            and _AFTER_QUOTE.search(text, max(0, at - 6), at)
        )
        if tag:
            if quoted is None:
                quoted = quotes(document)
            while i >= 0 and mentions[i].start >= window and covers(quoted, mentions[i].start):
                i -= 1
        if i < 0 or mentions[i].start < window or mentions[i].end > at:
            continue
        antecedent = mentions[i]
        if antecedent.gender != "f":
            continue
        if quoted is None:
            quoted = quotes(document)
        if covers(quoted, at):
            continue
        # From the start of her sentence: what came before it is no longer in play.
        window = sentence_start(document, antecedent.start)
        clause = _subject(text, window, antecedent)
        if clause is None:
            continue
        # Everyone named in the window must be this woman: no other name, no noun for a person, no
        # other pronoun of hers or theirs between her name and this one.
        if runs is None:
            runs = [(r[0][0], r[-1][1]) for r in name_runs(document)]
            run_starts = [r[0] for r in runs]
        nearby = mentions[bisect.bisect_left(starts, window) : i + 1]
        stretch = runs[bisect.bisect_left(run_starts, window) : bisect.bisect_left(run_starts, at)]
        if tag:
            # Only people count here: a place or a body in her apposition ("professor at the University
            # of Turin") is no antecedent, and nothing inside the quotation is.
            stretch = [(m.start, m.end) for m in nearby if not covers(quoted, m.start) and m.start >= window]
        if any(
            not _same_person(start, end, nearby, antecedent)
            and not _sentence_word(document, start, end, function_words)
            and not _institution(text, start, end)
            for start, end in stretch
        ):
            continue
        between = text[antecedent.end : at]
        if tag:
            between = "".join(
                c if not covers(quoted, antecedent.end + k) else " " for k, c in enumerate(between)
            )
        if nouns.search(between) or re.search(r"\b(?:she|her|hers|herself|lei|essa)\b", between, re.I):
            continue
        # (her own title, "Prime Minister Giorgia Meloni", is no other person)
        if nouns.search(text[window:clause]):
            continue
        # A masculine pronoun earlier in the window already refers to a man ("he divorced the actress
        # Anna Rossi. He starred…"): the one judged may be his too.
        if pattern.search(text, window, at) or _MASCULINE_OBJECT.search(text, window, at):
            continue
        word = pronoun.group(1)
        right = {
            "lui": "lei",
            "egli": "lei",
            "he": "she",
            "him": "her",
            "his": "her",
            "himself": "herself",
        }[word.casefold()]
        if word[:1].isupper():
            right = right.capitalize()
        yield at, pronoun.end(1), antecedent, right


# The head noun of a body's name ("the Antimafia Commission", "la Commissione Antimafia"): a name run
# that starts or ends with one names no person a pronoun could refer to.
_INSTITUTION_HEADS = {
    "commission", "committee", "council", "court", "ministry", "department", "agency", "office",
    "parliament", "senate", "assembly", "party", "union", "university", "bank", "police", "directorate",
    "authority", "board", "tribunal", "commissione", "comitato", "consiglio", "corte", "ministero",
    "dipartimento", "agenzia", "ufficio", "parlamento", "senato", "camera", "assemblea", "partito",
    "università", "banca", "polizia", "procura", "direzione", "autorità", "tribunale",
}  # fmt: skip


def _institution(text: str, start: int, end: int) -> bool:
    words = text[start:end].casefold().split()
    return len(words) > 1 and (words[0] in _INSTITUTION_HEADS or words[-1] in _INSTITUTION_HEADS)


def _same_person(start: int, end: int, mentions: list[GenderedMention], person: GenderedMention) -> bool:
    return any(m.name == person.name and m.start < end and start < m.end for m in mentions)


def _sentence_word(document: Document, start: int, end: int, function_words: frozenset[str]) -> bool:
    """A capitalised word that is no name: a sentence's first word ("Il", "Secondo", "The")."""
    word = document.prose.text[start:end]
    return " " not in word and not word.isupper() and common_word(document, word, function_words)
