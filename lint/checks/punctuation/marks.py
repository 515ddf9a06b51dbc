"""Punctuation checks that need more than a pattern: quotation marks and brackets that do not pair up.

Both work paragraph by paragraph, so an unclosed mark is caught where it happens, not pages later.
The simpler punctuation rules (doubled marks, spacing) are data: ``rules/common/punctuation.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, NamedTuple

import regex

from lint.checks.base import rule_meta
from lint.document import Document
from lint.rules import Match

# Quotation marks that open, with the marks that close them: curly quotes, guillemets (Italian and
# French «…», ‹…›), German and Polish „…“ „…”. Reversed guillemets (»…«, ›…‹: German, Nordic) are
# told apart per paragraph by the shape of the first one.
_QUOTE_OPENERS = {"“": "”", "„": "“”", "«": "»", "‹": "›"}
_REVERSED_OPENERS = {"“": "”", "„": "“”", "»": "«", "›": "‹"}
_GUILLEMETS = "«»‹›"
_BRACKET_OPEN = {"(": ")", "[": "]", "{": "}"}
_BRACKET_CLOSE = {v: k for k, v in _BRACKET_OPEN.items()}
_SPACE_OR_OPENING = set(" \t\r\n\u00a0\u202f([{«“‘—–-/'’")
# "a)", "1)", "iv)", "2b)": list enumerators close a bracket that was never opened.
_ENUMERATOR = regex.compile(r"(?<![^\s(;:,.—–-])(?:\p{L}{1,2}|\p{N}{1,3}\p{L}?|[ivxIVX]{1,5})\.?$")
_EMOTICON_EYES = regex.compile(r"[:;=8][-^'o]?$")

_DETAIL = {
    "it": {
        "open": "{mark} è aperta ma non viene chiusa in questo paragrafo (manca {other})",
        "close": "{mark} chiude un segno che non è stato aperto (manca {other})",
        "open_bracket": "la parentesi {mark} non viene chiusa in questo paragrafo (manca {other})",
        "close_bracket": "la parentesi {mark} chiude una parentesi mai aperta (manca {other})",
    },
    "en": {
        "open": "{mark} is opened but not closed in this paragraph (no {other})",
        "close": "{mark} closes a mark that was never opened (no {other} before it)",
        "open_bracket": "bracket {mark} is not closed in this paragraph (no {other})",
        "close_bracket": "bracket {mark} closes a bracket that was never opened (no {other} before it)",
    },
}


def _detail(language: str | None, key: str, mark: str, other: str) -> str:
    table = _DETAIL.get(language or "", _DETAIL["en"])
    return table[key].format(mark=mark, other=other)


_QUOTE_MARKS = regex.compile(r'[“”«»‹›„"]')
_BRACKET_MARKS = regex.compile(r"[()\[\]{}]")


def _pair(
    marks: Iterator[regex.Match[str]],
    opening: Mapping[str, str],
    closing: Mapping[str, str],
    skip: Any = None,
    stack: list[tuple[str, int]] | None = None,
) -> Iterator[tuple[str, int, str]]:
    """Pair opening and closing marks by nesting, and yield the marks left without a partner:
    ("close", offset, mark) for a closer with no opener, ("open", …) for an opener skipped by a later
    closer, and ("end", …) for an opener still open when the marks run out. ``stack`` holds openers
    still open from before (mark, offset)."""
    stack = stack if stack is not None else []
    for m in marks:
        ch, i = m.group(), m.start()
        if skip is not None and skip(ch, i):
            continue
        if ch in opening:
            stack.append((ch, i))
            continue
        opener = closing[ch]
        depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener), None)
        if depth is None:
            yield "close", i, ch
            continue
        for mark, pos in stack[depth + 1 :]:
            yield "open", pos, mark
        del stack[depth:]
    for mark, pos in stack:
        yield "end", pos, mark


def _marks_by_paragraph(
    document: Document, pattern: regex.Pattern[str], key: str
) -> list[tuple[int, int, list[regex.Match[str]]]]:
    """The paragraphs holding at least one mark, each with its marks: one scan of the whole text."""

    def compute() -> list[tuple[int, int, list[regex.Match[str]]]]:
        from bisect import bisect_right

        paragraphs = document.paragraphs()
        starts = [p[0] for p in paragraphs]
        grouped: dict[int, list[regex.Match[str]]] = {}
        for m in pattern.finditer(document.prose.text):
            i = bisect_right(starts, m.start()) - 1
            if i >= 0 and m.start() < paragraphs[i][1]:
                grouped.setdefault(i, []).append(m)
        return [(i, paragraphs[i][1], grouped[i]) for i in sorted(grouped)]

    return document.shared(key, compute)


def _next_paragraph_opens(text: str, paragraphs: list[tuple[int, int]], index: int, marks: str) -> bool:
    """True when the paragraph after ``index`` starts with one of ``marks`` (a quotation that goes on)."""
    if index + 1 >= len(paragraphs):
        return False
    start, end = paragraphs[index + 1]
    head = text[start:end].lstrip(" \t\u00a0-–—*>")
    return bool(head) and head[0] in marks


class QuoteEvent(NamedTuple):
    """What pairing found about a quotation mark: a mark without a partner ("open", "close"), a pair
    whose marks do not match ("mismatch": ``mark`` should be ``other``), or a pair ("pair", from ``at``
    to ``end``)."""

    kind: str
    at: int
    mark: str
    other: str
    opening: str = ""
    closing: str = ""
    end: int = -1


class _Open(NamedTuple):
    mark: str
    at: int
    carried: bool = False  # left open at the end of the previous paragraph


def _opening_shape(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return before in _SPACE_OR_OPENING and not after.isspace()


def _reversed_guillemets(text: str, start: int, end: int, marks: list[regex.Match[str]]) -> bool:
    """Whether the paragraph quotes with »…« (German, Nordic): its first guillemet is » or › in the
    place of an opening mark."""
    first = next((m for m in marks if m.group() in _GUILLEMETS), None)
    return first is not None and first.group() in "»›" and _opening_shape(text, first.start(), start, end)


def _straight_closer_ahead(text: str, marks: list[regex.Match[str]], k: int, start: int, end: int) -> bool:
    """A later straight quote in the paragraph that can only close (not after a digit, where it may be
    an inch mark): the quotation open now ends there, not at an inch mark before it."""
    for m in marks[k + 1 :]:
        if m.group() != '"':
            continue
        i = m.start()
        before = text[i - 1]
        after = text[i + 1] if i + 1 < end else " "
        if before.isdigit():
            continue
        if not before.isspace() and (after.isspace() or not after.isalnum()):
            return True
    return False


def quote_events(document: Document) -> list[QuoteEvent]:
    """The quotation marks of the document that do not pair up, and the pairs, paragraph by paragraph,
    computed once for the rules that use them (PUN005, PUN009, TYP002).

    A quotation may run on into the next paragraph when that paragraph opens with a quotation mark
    again (the convention of the press), or when the next paragraph closes it."""

    def compute() -> list[QuoteEvent]:
        text = document.prose.text
        paragraphs = document.paragraphs()
        problems: list[QuoteEvent] = []
        carried: list[_Open] = []
        previous = -2
        for index, end, marks in _marks_by_paragraph(document, _QUOTE_MARKS, "quote-marks"):
            start = paragraphs[index][0]
            if index != previous + 1:
                problems.extend(_unclosed(carried))
                carried = []
            previous = index
            stack = [o._replace(carried=True) for o in carried]
            left = _pair_quotes(text, start, end, marks, stack, problems)
            if _next_paragraph_opens(text, paragraphs, index, '“«„"»‹›'):
                carried = []  # the quotation goes on in the next paragraph, which opens it again
                problems.extend(_unclosed([o for o in left if o.carried]))
            else:
                problems.extend(_unclosed([o for o in left if o.carried]))
                carried = [o for o in left if not o.carried]
        problems.extend(_unclosed(carried))
        problems.sort(key=lambda p: p.at)
        return problems

    return document.shared("quote-events", compute)


def _paired(opener: _Open, at: int, mark: str) -> QuoteEvent:
    return QuoteEvent("pair", opener.at, opener.mark, mark, end=at)


def _unclosed(openers: list[_Open]) -> list[QuoteEvent]:
    out = []
    for o in openers:
        other = '"' if o.mark == '"' else {**_QUOTE_OPENERS, **_REVERSED_OPENERS}[o.mark][0]
        out.append(QuoteEvent("open", o.at, o.mark, other))
    return out


def _pair_quotes(
    text: str,
    start: int,
    end: int,
    marks: list[regex.Match[str]],
    stack: list[_Open],
    problems: list[QuoteEvent],
) -> list[_Open]:
    """Pair the quotation marks of one paragraph by nesting; add the problems found to ``problems`` and
    return the marks still open at its end."""
    carried = next((o.mark for o in stack if o.mark in _GUILLEMETS), None)
    reverse = carried in ("»", "›") if carried else _reversed_guillemets(text, start, end, marks)
    openers = _REVERSED_OPENERS if reverse else _QUOTE_OPENERS
    closers: dict[str, list[str]] = {}
    for opener, closing in openers.items():
        for c in closing:
            closers.setdefault(c, []).append(opener)
    for k, m in enumerate(marks):
        ch, i = m.group(), m.start()
        top = stack[-1] if stack else None
        if ch == '"':
            _straight(text, start, end, marks, k, stack, problems)
        elif ch == "“" and top is not None and top.mark == "„":
            stack.pop()  # „…“
            problems.append(_paired(top, i, ch))
        elif ch in openers:
            stack.append(_Open(ch, i))
        elif ch in closers:
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d].mark in closers[ch]), None)
            if depth is not None:
                problems.extend(_unclosed(stack[depth + 1 :]))
                problems.append(_paired(stack[depth], i, ch))
                del stack[depth:]
            elif top is not None and top.mark == '"':
                stack.pop()  # "…”: the opening mark is the wrong one
                right = closers[ch][0]
                problems.append(QuoteEvent("mismatch", top.at, '"', right, '"', ch))
                problems.append(_paired(top, i, ch))
            elif top is not None:
                stack.pop()  # “…»: the closing mark is the wrong one
                right = openers[top.mark][0]
                problems.append(QuoteEvent("mismatch", i, ch, right, top.mark, ch))
                problems.append(_paired(top, i, ch))
            else:
                problems.append(QuoteEvent("close", i, ch, closers[ch][0]))
    return stack


def _straight(
    text: str,
    start: int,
    end: int,
    marks: list[regex.Match[str]],
    k: int,
    stack: list[_Open],
    problems: list[QuoteEvent],
) -> None:
    i = marks[k].start()
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    top = stack[-1] if stack else None
    # An inch mark (15"), unless it closes a quotation open before it: "02", "size 10".
    inch = before.isdigit() and not after.isalnum()
    if inch and (top is None or top.mark != '"' or _straight_closer_ahead(text, marks, k, start, end)):
        return
    opens = before in _SPACE_OR_OPENING and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if top is not None and top.mark == '"':
        if opens and not closes:
            problems.append(QuoteEvent("open", top.at, '"', '"'))
            stack[-1] = _Open('"', i)
        else:
            stack.pop()
            problems.append(_paired(top, i, '"'))
    elif closes and not opens:
        if top is not None:
            stack.pop()  # “…": the closing mark is the wrong one
            right = {**_QUOTE_OPENERS, **_REVERSED_OPENERS}[top.mark][0]
            problems.append(QuoteEvent("mismatch", i, '"', right, top.mark, '"'))
            problems.append(_paired(top, i, '"'))
        else:
            problems.append(QuoteEvent("close", i, '"', '"'))
    else:
        stack.append(_Open('"', i))


class UnbalancedQuotes:
    meta = rule_meta(
        code="PUN005",
        name="unbalanced-quotes",
        category="punctuation",
        severity="error",
        message={"it": "Virgolette non bilanciate: {detail}", "en": "Unbalanced quotation marks: {detail}"},
        description={
            "it": (
                "Segnala, paragrafo per paragrafo, le virgolette aperte e mai chiuse o chiuse senza essere "
                'state aperte: “…”, «…», ‹…›, „…“, le virgolette dritte "…" e le caporali rovesciate »…« del '
                "tedesco. Una citazione che prosegue nel paragrafo successivo può restare aperta, se il "
                "paragrafo seguente si riapre con le virgolette (la convenzione delle agenzie) o se è lì che "
                "si chiude. Apostrofi e virgolette semplici non sono controllati, perché ’ serve anche da "
                'apostrofo; i segni di pollice (15") sono ignorati. Una coppia aperta e chiusa da segni '
                "diversi («…”) è di TYP002. Nei testi tradotti a macchina una virgoletta persa è tra i danni "
                "più comuni."
            ),
            "en": (
                "Flags, paragraph by paragraph, quotation marks opened and never closed, or closed without being "
                'opened: “…”, «…», ‹…›, „…“, straight "…" and the reversed »…« of German. A quotation that runs '
                "on into the next paragraph may stay open when that paragraph opens it again (the convention of "
                "news agencies) or closes it. Apostrophes and single quotes are not checked, since ’ is also "
                'the apostrophe; inch marks (15") are ignored. A pair opened and closed by different marks '
                "(“…\") is TYP002's."
            ),
        },
        flagged=[
            ("it", "Ha detto: ⟦“⟧non ci sono alternative al dialogo."),
            ("it", "Il ministro ha parlato di «sanzioni dure» e ⟦«⟧poi se n’è andato."),
            ("it", "La portavoce ha aggiunto: siamo pronti⟦»⟧."),
            ("en", 'She said ⟦"⟧we are ready to respond.'),
            ("en", "The paper called it ⟦»⟧a turning point."),
        ],
        clean=[
            ("it", "Ha detto: “non ci sono alternative” e se n’è andato."),
            ("it", "«Siamo pronti», ha detto. «Ma non a tutto.»"),
            ("it", "«Prima parte della citazione,\n\n«seconda parte che la chiude.»"),
            ("en", 'The screen measures 15" across and the "smart" model costs more.'),
            ("en", "The paper called it »a turning point« and ›quoted‹ the minister."),
            ("en", "»The talks went well,\n\nsaid the envoy.« Then he left."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        lang = document.language
        for problem in quote_events(document):
            if problem.kind == "close":
                yield self._match(problem.at, lang, "close", problem.mark, problem.other)
            elif problem.kind == "open":
                yield self._match(problem.at, lang, "open", problem.mark, problem.other)

    @staticmethod
    def _match(at: int, language: str | None, key: str, mark: str, other: str) -> Match:
        return Match(at, at + 1, args={"detail": _detail(language, key, mark, other), "mark": mark})


class MismatchedQuotes:
    meta = rule_meta(
        code="TYP002",
        name="mismatched-quotes",
        category="typography",
        severity="warning",
        message={
            "it": "Virgolette che non si corrispondono: aperte con {opening} e chiuse con {closing}; va usato {suggestion}",
            "en": "Mismatched quotation marks: opened with {opening} and closed with {closing}; use {suggestion}",
        },
        description={
            "it": (
                'Una citazione aperta con un tipo di virgolette e chiusa con un altro: “…", «…”, "…». Capita '
                "quando un testo passa per più sistemi, o quando una traduzione automatica converte solo una "
                "delle due virgolette. La citazione c’è ed è delimitata: è un difetto tipografico, non una "
                "virgoletta persa (PUN005). La correzione (sicura) sostituisce il segno sbagliato con quello "
                "che corrisponde all’altro."
            ),
            "en": (
                'A quotation opened with one kind of mark and closed with another: “…", «…”, "…». It happens '
                "when copy passes through several systems, or when machine translation converts only one of "
                "the two marks. The quotation is there and delimited: a typographic flaw, not a lost mark "
                "(PUN005). The fix (safe) replaces the wrong mark with the one that matches the other."
            ),
        },
        flagged=[
            ("it", 'Il ministro ha detto “basta⟦"⟧ e se n’è andato.'),
            ("it", "La portavoce ha parlato di «tregua⟦”⟧ senza dare date."),
            ("en", 'The envoy called it ⟦"⟧a good start” and left.'),
        ],
        clean=[
            ("it", 'Il ministro ha detto “basta” e se n’è andato, poi «tregua» e "pace".'),
            ("en", "The envoy called it “a good start” and „ein guter Anfang“ in German."),
        ],
        fix="safe",
        fixed={
            'Il ministro ha detto “basta⟦"⟧ e se n’è andato.': "Il ministro ha detto “basta” e se n’è andato.",
            "La portavoce ha parlato di «tregua⟦”⟧ senza dare date.": "La portavoce ha parlato di «tregua» senza dare date.",
            'The envoy called it ⟦"⟧a good start” and left.': "The envoy called it “a good start” and left.",
        },
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        for problem in quote_events(document):
            if problem.kind == "mismatch":
                yield Match(
                    problem.at,
                    problem.at + 1,
                    args={
                        "opening": problem.opening,
                        "closing": problem.closing,
                        "suggestion": problem.other,
                    },
                    suggestions=(problem.other,),
                    replacement=problem.other,
                )


_INNER_SPACE = " \t\u00a0\u2009\u202f"
_QUOTE_CHARACTERS = set("'‘’\"“”«»‹›„")
_BRACKETS = re.compile(r"[()\[\]{}]")


def _bracket_inner_spaces(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the spaces after an opening bracket, or before a closing one, inside a pair of
    brackets with words in it: "( testo )". An empty pair ("[ ]", a check box), emoticons (":-( ok") and
    marks that pair with nothing ("]]>") are left alone."""
    stack: list[int] = []
    for m in _BRACKETS.finditer(text):
        i = m.start()
        if text[i] in "([{":
            if not (text[i] == "(" and _EMOTICON_EYES.search(text, max(0, i - 3), i)):
                stack.append(i)
            continue
        if not stack or text[stack[-1]] != _BRACKET_CLOSE[text[i]]:
            continue
        opening = stack.pop()
        inside = text[opening + 1 : i]
        if "\n" in inside or "\r" in inside or not inside.strip(_INNER_SPACE):
            continue
        lead = len(inside) - len(inside.lstrip(_INNER_SPACE))
        trail = len(inside) - len(inside.rstrip(_INNER_SPACE))
        if lead:
            yield opening + 1, opening + 1 + lead
        if trail:
            yield i - trail, i


class SpaceInsideQuotesOrBrackets:
    meta = rule_meta(
        code="PUN009",
        name="space-inside-quotes-or-brackets",
        category="punctuation",
        severity="error",
        message={
            "it": "Spazio dentro {kind}: le virgolette e le parentesi si attaccano alle parole che racchiudono",
            "en": "Space inside {kind}: quotation marks and brackets attach to the words they enclose",
        },
        description={
            "it": (
                "Uno spazio dopo le virgolette o la parentesi che si aprono, o prima di quelle che si chiudono: "
                '«ha detto " basta" ieri», «( testo )», «“ pace ”». In italiano e in inglese i segni si '
                "attaccano alle parole che racchiudono; lo spazio viene da testi ricomposti o tokenizzati. Le "
                "virgolette sono accoppiate come per PUN005 (i segni di pollice non contano); una coppia vuota "
                "(«[ ]», una casella da spuntare) non è segnalata. La correzione (sicura) toglie lo spazio."
            ),
            "en": (
                "A space after an opening quotation mark or bracket, or before a closing one: 'he said \" "
                'enough" today\', "( text )", "“ peace ”". In English and Italian the marks attach to the '
                "words they enclose; the space comes from recomposed or tokenised copy. Quotation marks are "
                'paired as for PUN005 (inch marks do not count); an empty pair ("[ ]", a check box) is not '
                "flagged. The fix (safe) removes the space."
            ),
        },
        flagged=[
            ("it", 'Il ministro ha detto "⟦ ⟧basta" e se n’è andato.'),
            ("it", "La riunione (⟦ ⟧la terza dell’anno⟦ ⟧) si è chiusa tardi."),
            ("en", "The envoy called it “a good start⟦ ⟧” and left."),
        ],
        clean=[
            ("it", 'Il ministro ha detto "basta" (e non altro) e se n’è andato, con un 15" e un 17" .'),
            ("en", "- [ ] A box to tick, and “a good start”."),
        ],
        fix="safe",
        fixed={
            'Il ministro ha detto "⟦ ⟧basta" e se n’è andato.': 'Il ministro ha detto "basta" e se n’è andato.',
            "La riunione (⟦ ⟧la terza dell’anno⟦ ⟧) si è chiusa tardi.": "La riunione (la terza dell’anno) si è chiusa tardi.",
            "The envoy called it “a good start⟦ ⟧” and left.": "The envoy called it “a good start” and left.",
        },
    )

    _KIND: ClassVar[dict[str, tuple[str, str]]] = {
        "it": ("le virgolette", "la parentesi"),
        "en": ("quotation marks", "brackets"),
    }

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        quotes, brackets = self._KIND.get(document.language or "", self._KIND["en"])
        found: list[Match] = []
        for event in quote_events(document):
            if event.kind != "pair" or "\n" in text[event.at : event.end]:
                continue
            inside = text[event.at + 1 : event.end]
            if not inside.strip(_INNER_SPACE):
                continue
            lead = len(inside) - len(inside.lstrip(_INNER_SPACE))
            trail = len(inside) - len(inside.rstrip(_INNER_SPACE))
            # Between two quotation marks a space keeps nested quotes apart: "… 'non posso' ".
            if lead and inside[lead] in _QUOTE_CHARACTERS:
                lead = 0
            if trail and inside[-trail - 1] in _QUOTE_CHARACTERS:
                trail = 0
            if lead:
                found.append(self._match(event.at + 1, event.at + 1 + lead, quotes))
            if trail:
                found.append(self._match(event.end - trail, event.end, quotes))
        for start, end in _bracket_inner_spaces(text):
            found.append(self._match(start, end, brackets))
        yield from sorted(found, key=lambda m: m.start)

    @staticmethod
    def _match(start: int, end: int, kind: str) -> Match:
        return Match(start, end, args={"kind": kind}, replacement="")


class UnbalancedBrackets:
    meta = rule_meta(
        code="PUN006",
        name="unbalanced-brackets",
        category="punctuation",
        severity="error",
        # Any language: brackets pair up in every language.
        languages=None,
        message={"it": "Parentesi non bilanciate: {detail}", "en": "Unbalanced brackets: {detail}"},
        description={
            "it": (
                "Segnala, paragrafo per paragrafo, le parentesi tonde, quadre e graffe aperte e mai chiuse, "
                "chiuse senza essere state aperte, o chiuse dal segno sbagliato. Restano puliti gli elenchi "
                "come «a)», «1)», «iv)» e le faccine come «:)»."
            ),
            "en": (
                "Flags, paragraph by paragraph, round, square and curly brackets opened and never closed, "
                'closed without being opened, or closed by the wrong mark. List markers such as "a)", "1)", '
                '"iv)" and emoticons such as ":)" stay clean.'
            ),
        },
        flagged=[
            ("it", "Il vertice ⟦(⟧il terzo dell’anno si terrà a Ginevra."),
            ("it", "Il vertice si terrà a Ginevra, il 10 gennaio⟦)⟧ alla presenza dei ministri."),
            ("en", "The talks ⟦(⟧the third this year will be held in Geneva."),
        ],
        clean=[
            (
                "it",
                "L’Organizzazione per la sicurezza e la cooperazione in Europa (OSCE) discuterà il piano.",
            ),
            ("it", "Le condizioni sono due: a) il ritiro delle truppe; b) la fine delle sanzioni."),
            ("en", "The conditions are: 1) a withdrawal; 2) an end to sanctions [sic]."),
        ],
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        text = document.prose.text
        lang = document.language
        paragraphs = document.paragraphs()
        carried: list[tuple[str, int]] = []  # brackets left open at the end of the previous paragraph
        previous = -2
        for index, _end, marks in _marks_by_paragraph(document, _BRACKET_MARKS, "bracket-marks"):
            start = paragraphs[index][0]
            if index != previous + 1:
                for mark, at in carried:
                    yield self._match(at, lang, "open_bracket", mark, _BRACKET_OPEN[mark])
                carried = []
            previous = index

            def skip(ch: str, i: int, start: int = start) -> bool:
                return ch == "(" and bool(_EMOTICON_EYES.search(text, max(start, i - 3), i))

            # A bracket may close in the next paragraph: the openers left open here go on there.
            opened_before = {at for _, at in carried}
            left: list[tuple[str, int]] = []
            for kind, at, mark in _pair(iter(marks), _BRACKET_OPEN, _BRACKET_CLOSE, skip, list(carried)):
                if kind == "close":
                    if mark == ")" and self._list_marker_or_emoticon(text, start, at):
                        continue
                    yield self._match(at, lang, "close_bracket", mark, _BRACKET_CLOSE[mark])
                elif kind == "end" and at not in opened_before:
                    left.append((mark, at))
                else:
                    yield self._match(at, lang, "open_bracket", mark, _BRACKET_OPEN[mark])
            carried = left
        for mark, at in carried:
            yield self._match(at, lang, "open_bracket", mark, _BRACKET_OPEN[mark])

    @staticmethod
    def _list_marker_or_emoticon(text: str, start: int, i: int) -> bool:
        window = max(start, i - 6)
        return bool(_ENUMERATOR.search(text, window, i) or _EMOTICON_EYES.search(text, window, i))

    @staticmethod
    def _match(at: int, language: str | None, key: str, mark: str, other: str) -> Match:
        return Match(at, at + 1, args={"detail": _detail(language, key, mark, other), "mark": mark})


RULES = [UnbalancedQuotes(), MismatchedQuotes(), UnbalancedBrackets(), SpaceInsideQuotesOrBrackets()]
