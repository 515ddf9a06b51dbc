"""MTP033: 12-hour times ("alle 8:15 pm", "10 a.m.") and US time zones ("10:00 ET") left in Italian copy."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from lint.checks.base import rule_meta
from lint.checks.mt import vocabulary
from lint.checks.mt.words import words
from lint.document import Document
from lint.lazyre import LazyRe
from lint.rules import Match

# A time: "8", "8:15", "8.15"; then a.m./p.m. and/or a US zone. Without minutes or a dotted marker, the
# word before ("alle", "ore") must say it is a time: "3 PM" may be three public prosecutors.
_TIME_WORDS = r"(?:alle|dalle|le|ore|entro le|verso le|fino alle|tra le|dopo le|prima delle)"


@cache
def _pattern() -> re.Pattern[str]:
    zones = "|".join(sorted(words("it")["time_zones"], key=len, reverse=True))
    # Digit first, so the scan is fast; a time only with am/pm or a zone after it.
    return re.compile(
        r"(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?"
        rf"(?:[ \u00a0]*(?P<half>[ap]\.[ \u00a0]?m\.|[ap]m(?![\w])|[AP]M(?![\w]))(?:[ \u00a0]+(?P<zone1>{zones})(?![\w]))?"
        rf"|[ \u00a0]+(?P<zone2>{zones})(?![\w]))"
    )


_LEAD = LazyRe(rf"(?<![\w]){_TIME_WORDS}[ \u00a0]+\Z")


@cache
def _markers(zones: tuple[str, ...]) -> frozenset[str]:
    """The words a 12-hour time or a US zone leaves in the document's word list ("pm", "p.m", "edt")."""
    return frozenset({"am", "pm", "a.m", "p.m", *(zone.casefold() for zone in zones)})


class TwelveHourTime:
    meta = rule_meta(
        code="MTP033",
        name="twelve-hour-time",
        category="mt-phrasing",
        severity="warning",
        message={
            "it": "«{match}» è un orario all'americana: in italiano «{suggestion}» ({zone})",
            "en": "“{match}” is an American-style time: Italian copy writes “{suggestion}” ({zone})",
        },
        description={
            "it": (
                "Segnala gli orari rimasti all'americana: le 12 ore con am e pm («alle 8:15 pm», «10 a.m.») e "
                "i fusi orari statunitensi in sigla («10:00 ET», «7:45 am EDT»). Il messaggio propone l'ora da "
                "0 a 24 e il nome del fuso in italiano («ora della costa orientale degli Stati Uniti»); «ora "
                "del Pacifico» scritto per esteso va bene. Senza minuti né punti («3 PM») l'orario conta solo "
                "dopo «alle», «ore» e simili, perché «PM» è anche il pubblico ministero. La correzione "
                "cambia le parole: non è sicura."
            ),
            "en": (
                'Flags American times left in Italian copy: 12-hour times with am and pm ("alle 8:15 pm", "10 '
                'a.m.") and US time-zone abbreviations ("10:00 ET", "7:45 am EDT"), with the 24-hour time and '
                'the zone\'s Italian name in the message. A bare "3 PM" counts only after "alle", "ore": PM is '
                "also the Italian public prosecutor. The fix changes words: it is unsafe."
            ),
        },
        flagged=[
            ("it", "Il voto è arrivato ⟦alle 8:15 pm⟧ di martedì."),
            ("it", "La conferenza inizia ⟦alle 10 a.m.⟧ e finisce presto."),
            ("it", "Il discorso è previsto ⟦alle 21:00 ET⟧ dalla Casa Bianca."),
            ("it", "Il comizio si è chiuso ⟦alle 11pm⟧ di sabato."),
        ],
        clean=[
            ("it", "Il voto è arrivato alle 20.15 di martedì, le 2.15 in Italia."),
            ("it", "Il discorso è previsto alle 21 ora della costa orientale, le 18 ora del Pacifico."),
            ("it", "Ha citato 3 PM della procura di Milano e il film ET."),
        ],
        languages=("it",),
        fix="unsafe",
        fixed={"Il voto è arrivato ⟦alle 8:15 pm⟧ di martedì.": "Il voto è arrivato alle 20.15 di martedì."},
    )

    def check(self, document: Document, options: Mapping[str, Any]) -> Iterator[Match]:
        zones = words("it")["time_zones"]
        text = document.prose.text
        if vocabulary(document).isdisjoint(_markers(tuple(zones))) and "pm" not in text and "PM" not in text:
            return  # no "pm", "p.m.", "ET", nor a glued "8pm"
        for m in _pattern().finditer(text):
            start = m.start()
            if start and (text[start - 1].isalnum() or text[start - 1] in ".:,"):
                continue  # inside a longer number or word
            half, zone = m.group("half"), m.group("zone1") or m.group("zone2")
            hour, minute = int(m.group("hour")), m.group("minute")
            lead = _LEAD.search(text, max(0, start - 20), start)
            if not (lead or minute or (half and "." in half)):
                continue
            if hour > 23 or (half and not 1 <= hour <= 12):
                continue
            if half:
                pm = half[0] in "pP"
                hour = hour % 12 + (12 if pm else 0)
            suggestion = f"{hour}.{minute}" if minute and minute != "00" else str(hour)
            if lead:
                suggestion = lead.group() + suggestion
                start = lead.start()
            zone_name = zones[zone] if zone else "ora locale"
            yield Match(
                start,
                m.end(),
                args={"zone": zone_name},
                suggestions=(suggestion,),
                replacement=suggestion if not zone else None,
            )


RULE = TwelveHourTime()
