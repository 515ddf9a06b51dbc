"""The shortcuts the name and organisation rules take give what the long way gives: one-edit tests,
keys of plain words, folding, and the organisation phrases found from their head nouns."""

from __future__ import annotations

import itertools
import random
import re
import unicodedata

from lint.checks.organisations.acronyms import ACRONYM, acronym_uses
from lint.checks.organisations.nam003_garbled_organisation_name import _ORG_PHRASE, _org_phrases
from lint.document import Document, Prose
from lint.kb.keys import edit_distance, fold, key, sound_key, within_one_edit, within_two_edits, words


def _strings(alphabet: str, longest: int) -> list[str]:
    return ["".join(p) for n in range(longest + 1) for p in itertools.product(alphabet, repeat=n)]


def test_within_one_and_two_edits_agree_with_the_distance_table():
    strings = _strings("abc", 4)
    for a in strings:
        for b in strings:
            assert within_one_edit(a, b) == (edit_distance(a, b, 2) <= 1), (a, b)
            if abs(len(a) - len(b)) <= 2:
                assert within_two_edits(a, b) == (edit_distance(a, b, 3) <= 2), (a, b)


def test_the_key_of_plain_words_is_the_tokenizer_s():
    pieces = ["Putin", "putin", "Zelens'kyj", "Zelensʼkyj", "dell'Ucraina", "ex-premier", "Xi", "Erdoğan"]
    pieces += ["Ὀδυσσεύς", "ǅ", "İstanbul", "Straße", "G7", "A.B.", "", " ", "  ", "\u00a0", "\t", "-", "’"]
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(
            rng.choice(pieces) + rng.choice(["", " ", "  ", "\u00a0"]) for _ in range(rng.randint(1, 4))
        )
        assert key(text) == " ".join(words(text)), text


def test_folding_plain_letters_is_lower_case():
    def long_way(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.casefold())
        return "".join(c for c in decomposed if not unicodedata.combining(c))

    for text in ["Blinken", "O'Brien", "ABC-def 12", "Erdoğan", "Zelenskyy", "Ŝ", "ﬁ", ""]:
        assert fold(text) == long_way(text)
    assert sound_key("Zelenskyy") == sound_key("Zelenskij") == sound_key("Selenskyj".replace("S", "Z"))


def test_organisation_phrases_found_from_head_nouns_are_the_pattern_s():
    pieces = [
        "NATO",
        "NATO-Russia",
        "Consiglio",
        "Council",
        "of",
        "the",
        "Europe",
        "xConsiglio",
        "UE",
        "Union",
    ]
    pieces += ["Unione", "europea", "Fondo", "Fund-Bank", "OSCE", ",", "Organization", "for", "Security", "e"]
    pieces += ["AB-Consiglio", "ab", "Autorità", "Office", "Officer", "L'", "ÀB", "-"]
    rng = random.Random(11)
    for _ in range(5000):
        text = "".join(
            rng.choice(pieces) + rng.choice([" ", "", "  ", "-", "\u00a0", "\n"])
            for _ in range(rng.randint(1, 14))
        )
        assert [m.span() for m in _org_phrases(text)] == [m.span() for m in _ORG_PHRASE.finditer(text)], text


def test_kb_acronyms_found_by_one_pattern_are_the_capitalised_words_that_are_kb_acronyms(linter, tmp_path):
    ckb = linter.knowledge_for(linter.finder.for_directory(tmp_path))()
    acronyms = sorted(ckb.organisation_acronyms)
    pieces = [
        *acronyms,
        "Nato",
        "NATOx",
        "xNATO",
        "NATO-Russia",
        "UE2",
        "la",
        "Consiglio",
        "l'",
        "“",
        "-",
        "(",
    ]
    rng = random.Random(5)
    for _ in range(300):
        text = "".join(
            rng.choice(pieces) + rng.choice([" ", "", ", ", "-", "\n"]) for _ in range(rng.randint(1, 30))
        )
        expected: dict[str, list[tuple[int, int, str]]] = {}
        for m in ACRONYM.finditer(text):
            if len(m.group()) >= 2 and m.group() in ckb.organisation_acronyms:
                expected.setdefault(ckb.organisation_acronyms[m.group()], []).append(
                    (m.start(), m.end(), m.group())
                )
        assert (
            acronym_uses(ckb, Document(path="x.txt", source=text, prose=Prose.verbatim(text))) == expected
        ), text


def test_a_plain_one_word_run_is_what_its_words_say():
    from lint.checks.people.names import _PLAIN_WORD, NAME_RUN, _run_words

    _NAME_RUN = re.compile(NAME_RUN)

    pieces = [
        "Rossi",
        "Rossi.",
        "A.",
        "A.B.",
        "Lavrov's",
        "Lavrov’s",
        "Paesi'",
        "D'Alema",
        "O’Neill",
        "de",
        "al-Sisi",
    ]
    pieces += ["U.S.", "X", "Xi’", "Ab.c", "L'", "Ma'", "Sa’", "Aa.", "Ém", "Ā", "Earth."]
    rng = random.Random(3)
    plain = 0
    for _ in range(3000):
        text = "".join(
            rng.choice(pieces) + rng.choice([" ", "  ", "\u00a0", ", ", ". ", ""]) for _ in range(6)
        )
        for run in _NAME_RUN.finditer(text):
            if _PLAIN_WORD.fullmatch(run.group()):
                plain += 1
                assert _run_words(run.start(), run.group()) == [(run.start(), run.end(), run.group())], (
                    run.group()
                )
    assert plain > 500


NAME_PIECES = [
    "de",
    "De",
    "della",
    "del",
    "van",
    "der",
    "von",
    "al",
    "bin",
    "la",
    "el",
    "mac",
    "al-Sisi",
    "el-",
    "ash-Sharaa",
    "xal-Sisi",
    "as-",
    "ul-Haq",
    "h-",
    "Gaulle",
    "Leyen",
    "Rossi",
    "Rossi.",
    "D'Alema",
    "O’Neill",
    "Lavrov's",
    "A.",
    "x",
    "xde",
    "à",
    "ha",
    "detto",
    "Ém",
    "Ā",
    "'",
    "’",
    "-",
    "1",
    "_",
]
SEPARATORS = [" ", "  ", "\u00a0", " \u00a0", ", ", ". ", "", "\n", "-", "'"]


def test_name_runs_are_the_runs_of_the_one_pattern():
    """name_run_spans() searches from the capital and puts the particles back: it must find exactly the
    runs the single pattern finds, particles, look-behind and all."""
    from lint.checks.people.names import NAME_RUN, name_run_spans

    _NAME_RUN = re.compile(NAME_RUN)

    rng = random.Random(5)
    with_particles = 0
    for _ in range(20000):
        text = "".join(rng.choice(NAME_PIECES) + rng.choice(SEPARATORS) for _ in range(rng.randrange(1, 9)))
        expected = [m.span() for m in _NAME_RUN.finditer(text)]
        assert list(name_run_spans(text)) == expected, text
        with_particles += any(
            text[s].islower() and text[s : s + 3] not in ("al-", "el-") for s, _ in expected
        )
    assert with_particles > 1000


def test_name_runs_on_names_written_with_particles():
    from lint.checks.people.names import NAME_RUN, name_run_spans

    _NAME_RUN = re.compile(NAME_RUN)

    for text in [
        "Il generale de Gaulle e Ursula von der Leyen, poi Lula da Silva e bin Salman.",
        "de Gaulle ha detto",
        "ha visto de  de\u00a0Gaulle",
        "l'de Gaulle, àde Gaulle, xde Gaulle, -de Gaulle, 'de Gaulle",
        "Rossi de Gaulle; Rossi. de Gaulle; Rossi de la Cruz",
        "Mohammed bin Salman e al-Sisi, el-Sisi, de al-Sisi",
    ]:
        assert list(name_run_spans(text)) == [m.span() for m in _NAME_RUN.finditer(text)], text


def test_dup003_candidates_are_those_the_scan_from_the_opener_finds():
    """DUP003 looks behind from a name's capital for the opener before it: the same candidates as the
    scan that starts on the opener."""
    from lint.checks.duplication.dup003_name_coordinated_with_itself import _CANDIDATE, _CANDIDATE_BODY
    from lint.prose import WORD_OPENERS

    from_opener = re.compile(WORD_OPENERS + _CANDIDATE_BODY)
    pieces = [
        "Rossi e Rossi",
        "Rossi, Rossi",
        "Ma Ma",
        "Rossi",
        "de",
        "von der",
        "Leyen",
        "Ma",
        "e",
        "o",
        "and",
        ",",
        "«",
        "(",
        "—",
        "x",
        "Ém",
        "'",
        "-",
    ]
    rng = random.Random(11)
    found = 0
    for _ in range(20000):
        text = "".join(
            rng.choice(pieces) + rng.choice([" ", "  ", "\n", "", "\t"]) for _ in range(rng.randrange(1, 10))
        )
        expected = [m.start(1) for m in from_opener.finditer(text)]
        assert [m.start(1) for m in _CANDIDATE.finditer(text)] == expected, text
        found += len(expected)
    assert found > 500


def _kb_mentions_plainly(ckb, group, run):
    # Every stretch of up to six words, longest first, from each word on: what _run_mentions finds.
    found, i = [], 0
    while i < len(run):
        for j in range(min(len(run), i + 6), i, -1):
            start, end = run[i][0], run[j - 1][1]
            entries = ckb.lookup(group[start:end])
            if entries:
                before = " ".join(t[2] for t in run[:i] if t[2][:1].isupper())
                after = " ".join(t[2] for t in run[j:] if t[2][:1].isupper())
                found.append((start, end, tuple(entries), before, after))
                i = j
                break
        else:
            i += 1
    return tuple(found)


def test_kb_names_in_a_run_are_those_every_stretch_looked_up_finds(linter, tmp_path):
    from lint.checks.people.names import _run_mentions, _run_words

    ckb = linter.knowledge_for(linter.finder.for_directory(tmp_path))()
    people = sorted(ckb.kb.people.values(), key=lambda p: p.id)
    rng = random.Random(11)
    pieces = [
        "Il",
        "Secondo",
        "Lavrov's",
        "Lavrov’s",
        "D'Alema",
        "O’Neill",
        "Aʼa",
        "ex-",
        "de",
        "Jr.",
        "U.S.",
    ]
    pieces += ["Rossi.", "al-Sisi", "von", "der", "Mario", "Xi", "Ém"]
    for person in rng.sample(people, 400):
        pieces += [person.name_for("it"), person.name_for("en"), person.surname]
    for _ in range(3000):
        group = rng.choice([" ", "  ", "\u00a0"]).join(rng.choice(pieces) for _ in range(rng.randint(1, 4)))
        run = _run_words(0, group)
        assert _run_mentions(ckb, group, run) == _kb_mentions_plainly(ckb, group, run), group
