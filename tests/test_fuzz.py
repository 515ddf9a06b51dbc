"""Fuzzing the whole pipeline through the public API: mixed Italian and English copy with every kind
of punctuation, quote, line end, combining mark, emoji, right-to-left and control character.

Profiles: ``REFUSO_FUZZ_PROFILE=nightly`` runs 100,000+ cases of the main property; the default is
sized for the normal test run. The budgets are applied per test (never with ``load_profile``), so the
other test files keep hypothesis's own defaults.
"""

from __future__ import annotations

import os
import re
import tempfile
from bisect import bisect_right
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lint.api import Linter
from lint.cache import Cache
from lint.config import Overrides
from lint.engine import EngineOptions
from lint.findings import Position

# -- profiles ----------------------------------------------------------------------------------------

settings.register_profile(
    "refuso-fuzz-default",
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "refuso-fuzz-nightly",
    deadline=None,
    derandomize=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PROFILE = os.environ.get("REFUSO_FUZZ_PROFILE", "default")
if PROFILE not in ("default", "nightly"):
    raise ValueError(f"REFUSO_FUZZ_PROFILE={PROFILE!r}: use default or nightly")
BASE = settings.get_profile(f"refuso-fuzz-{PROFILE}")
# Cases per test. The default keeps this file near a minute on a 2-core machine.
BUDGETS = {
    "default": {"main": 1500, "deterministic": 300, "markdown": 400, "jobs": 10, "windows": 300},
    "nightly": {"main": 100_000, "deterministic": 5000, "markdown": 20_000, "jobs": 60, "windows": 10_000},
}[PROFILE]
# Nightly texts are shorter so 100,000 cases fit in about half an hour.
MAX_PIECES = {"default": 60, "nightly": 30}[PROFILE]


def budget(name: str) -> settings:
    return settings(BASE, max_examples=BUDGETS[name])


LINTER = Linter(load_entry_points=False, isolated=True, cache=Cache(None), overrides=Overrides(preview=True))

# -- generated text ----------------------------------------------------------------------------------

WORDS = [
    "il",
    "la",
    "lo",
    "gli",
    "della",
    "delle",
    "di",
    "e",
    "è",
    "che",
    "non",
    "per",
    "un",
    "una",
    "Putin",
    "Biden",
    "Meloni",
    "Zelensky",
    "presidente",
    "ministro",
    "ministra",
    "governo",
    "l’invito",
    "l'invito",
    "dell’Ue",
    "Stati Uniti",
    "Casa Bianca",
    "NATO",
    "UE",
    "ONU",
    "perché",
    "città",
    "più",
    "così",
    "ha",
    "detto",
    "the",
    "said",
    "and",
    "of",
    "a",
    "is",
    "President",
    "Minister",
    "White House",
    "United States",
    "it's",
    "don’t",
    "S.p.A.",
    "3,5",
    "1.000",
    "10%",
    "2024",
    "ieri",
    "oggi",
    "Mosca",
    "Kiev",
    "Washington",
    "scrive",
    "reported",
]
PUNCTUATION = [
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "...",
    "(",
    ")",
    "[",
    "]",
    "«",
    "»",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "-",
    "–",
    "—",
    ",,",
    "..",
    " ,",
    " .",
    "!!",
    "?!",
    "« ",
    " »",
    "( ",
    " )",
]
EXOTIC = [
    "e\u0301",
    "a\u0300",
    "\u0301",
    "n\u0303o",  # combining marks
    "😀",
    "👍🏽",
    "🇮🇹",
    "🇺🇸",
    "🏳️‍🌈",
    "👨‍👩‍👧",
    "𝔘",
    "\U0001f600\u0301",  # outside the BMP
    "\u0645\u0631\u062d\u0628\u0627",
    "\u05e9\u05dc\u05d5\u05dd",
    "\u200f",
    "\u200e",
    "\u202b",
    "\u202c",
    "\x01",
    "\x02",
    "\x07",
    "\x08",
    "\x0b",
    "\x0c",
    "\x1b",
    "\x7f",
    "\u2028",
    "\u2029",
    "\u0085",
    "\u200b",
    "\u00a0",
    "\u202f",
    "\ufeff",
    "\ufffc",
    "\ufffd",
    "\t",
]
LINE_ENDS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", "\n\r", " \n", "\r\n\n"]
MARKUP = [
    "# ",
    "## ",
    "> ",
    "- ",
    "* ",
    "1. ",
    "**",
    "*",
    "_",
    "`",
    "```",
    "~~",
    "---",
    "| a | b |",
    "[x](http://a.b/c,,d)",
    "<b>",
    "</b>",
    "<p>",
    "</p>",
    "<!-- c -->",
    "&amp;",
    "&eacute;",
    "&#8217;",
    "\\*",
    "<!-- refuso: disable PUN001 -->",
    "refuso: disable-next-line DUP001",
    "<script>x,,y</script>",
    "https://example.org/x,,y",
    "a@b.it",
    "<",
    ">",
    "&",
]

# Every character we want in random runs; NUL is left out (it makes a file binary and unchecked).
ALPHABET = st.characters(codec="utf-8", exclude_characters="\x00", exclude_categories=("Cs",))
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(EXOTIC),
    st.sampled_from(LINE_ENDS),
    st.sampled_from(MARKUP),
    st.text(ALPHABET, min_size=1, max_size=4),
)
separators = st.sampled_from([" ", " ", " ", "", "  ", "\n", "\r\n", "\r", "\t"])


@st.composite
def texts(draw: st.DrawFn, max_pieces: int = MAX_PIECES) -> str:
    parts = draw(st.lists(pieces, max_size=max_pieces))
    out: list[str] = []
    for part in parts:
        out.append(part)
        out.append(draw(separators))
    return "".join(out)


paths = st.sampled_from(["x.txt", "x.md", "x.html"])
languages = st.sampled_from(["it", "en", None])

# -- what a finding must satisfy ---------------------------------------------------------------------

_BREAK = re.compile(r"\r\n|\r|\n")


def expected_position(text: str, offset: int) -> Position:
    """Line and column of ``offset``, computed afresh: lines end at CRLF, CR or LF; columns are code points."""
    starts = [0, *(m.end() for m in _BREAK.finditer(text))]
    line = bisect_right(starts, offset) - 1
    return Position(line + 1, offset - starts[line] + 1)


def allowed_problem(text: str, path: str, problem) -> bool:
    """Bad front matter (text and Markdown readers read it) is the writer's mistake, reported on purpose;
    so is a note that the language of a text with little to go by was guessed."""
    guessed = problem.kind == "note" and "low confidence" in problem.message
    return guessed or (text.startswith("---") and "front matter" in problem.message)


def decoded(text: str) -> str:
    """The text as refuso reads it: ``check_text`` encodes to UTF-8, and a leading U+FEFF is then a
    byte-order mark, which is not part of the document."""
    return text[1:] if text.startswith("\ufeff") else text


def check_findings(text: str, result) -> None:
    text = decoded(text)
    for f in result.findings:
        assert 0 <= f.start <= f.end <= len(text), f
        assert f.text == text[f.start : f.end], f
        assert f.start_position == expected_position(text, f.start), f
        assert f.end_position == expected_position(text, f.end), f
        if f.fix is not None:
            for edit in f.fix.edits:
                assert 0 <= edit.start <= edit.end <= len(text), f


# -- 1 and 2: never raises, no problems, spans and positions ----------------------------------------


@budget("main")
@given(texts(), paths, languages)
@example("Putin e Putin,, ieri.\r\nIl il cane\rdorme .", "x.txt", "it")
@example("# Titolo\r\n\r\n- uno,, `x,,y` [a](b,,c)\r> «ciao »", "x.md", None)
@example("<p>Il il &amp;&amp; cane,,</p>\r<p>e\u0301 👍🏽 \u200f", "x.html", "en")
@example("\x0b\u2028\x1b\u0085,,\r\n", "x.md", "it")
def test_never_raises_and_findings_lie_in_the_document(text, path, language):
    result = LINTER.check_text(text, path=path, language=language)
    assert result.checked
    unexpected = [p for p in result.problems if not allowed_problem(text, path, p)]
    assert not unexpected, unexpected
    check_findings(text, result)


# -- 2b: large files, checked a window at a time ------------------------------------------------------

_WINDOWED_ENGINES: dict = {}


def windowed_engine(language, window):
    """An engine of LINTER's configuration that checks every file in windows (as files over 8 MB are)."""
    if language not in _WINDOWED_ENGINES:
        from dataclasses import replace

        base = LINTER.finder.for_directory(Path.cwd())
        _WINDOWED_ENGINES[language] = replace(base, language=language) if language else replace(base)
    options = EngineOptions(large_file_bytes=0, window_chars=window)
    return LINTER.engine_for(_WINDOWED_ENGINES[language], options)


@budget("windows")
@given(texts(), st.sampled_from(["x.txt", "x.md"]), languages, st.integers(4, 120))
@example("Putin,, ieri.\r\n\r\nIl il cane\r\rdorme ,, .\n\nFine,,", "x.txt", "it", 8)
@example("# T\r\n\r\n```\n,,\n\n,,\n```\n\n- a,,\n\n  b,,\n\nc,,", "x.md", "it", 6)
def test_windowed_findings_lie_in_the_document(text, path, language, window):
    engine = windowed_engine(language, window)
    result = engine.check_path(path, text.encode("utf-8"), display=path)
    assert result.checked
    unexpected = [p for p in result.problems if not allowed_problem(text, path, p)]
    assert not unexpected, unexpected
    check_findings(text, result)
    lines = decoded(text)
    for f in result.findings:
        line_start = f.start - (f.start_position.column - 1)
        assert result.lines[f.line] == re.split(r"\r\n|\r|\n", lines[line_start:], maxsplit=1)[0], f


# -- 3: determinism ------------------------------------------------------------------------------


@budget("deterministic")
@given(texts(), paths, languages)
def test_checking_twice_gives_identical_findings(text, path, language):
    first = LINTER.check_text(text, path=path, language=language)
    second = LINTER.check_text(text, path=path, language=language)
    assert first.findings == second.findings
    assert first.problems == second.problems
    assert first.language == second.language


# -- 4: --jobs 1 and --jobs 2 ----------------------------------------------------------------------


@budget("jobs")
@given(st.lists(st.tuples(texts(), paths), min_size=2, max_size=6))
def test_one_or_two_jobs_give_identical_results(files):
    with tempfile.TemporaryDirectory() as folder:
        names = []
        for i, (text, path) in enumerate(files):
            name = Path(folder) / f"f{i:02d}{Path(path).suffix}"
            name.write_bytes(text.encode("utf-8"))
            names.append(str(name))
        one = LINTER.check_paths(names, jobs=1)
        two = LINTER.check_paths(names, jobs=2)
    assert [r.path for r in one.files] == names
    assert one == two


# -- 5: Markdown maps back to the original bytes -------------------------------------------------

# Each piece of Markdown is (source, kind); "code" and "target" pieces hold text that rules would flag
# in prose and must never be reported.
FLAGGED = "Putin,, il il ( ciao ."
# No brackets: a stray "]" in a link's text makes it plain text, destination and all.
inline_prose = st.lists(
    st.sampled_from(WORDS + [p for p in PUNCTUATION if p not in "[]"] + EXOTIC[:16]), min_size=1, max_size=8
).map(" ".join)
code_body = st.sampled_from([FLAGGED, "x,,y", "il il", "a  b", "« »", "e\u0301,,🇮🇹"])


@st.composite
def inline(draw: st.DrawFn) -> list[tuple[str, str]]:
    """A line of inline Markdown as (text, kind) pieces; kind is prose, markup, code or target."""
    out: list[tuple[str, str]] = []
    for _ in range(draw(st.integers(1, 5))):
        choice = draw(st.integers(0, 6))
        if choice == 0:
            out.append((draw(inline_prose), "prose"))
        elif choice == 1:
            mark = draw(st.sampled_from(["*", "**", "_", "~~"]))
            out += [(mark, "markup"), (draw(inline_prose), "prose"), (mark, "markup")]
        elif choice == 2:
            out.append(("`" + draw(code_body) + "`", "code"))  # backticks and all: a unit
        elif choice == 3:
            out += [("[", "markup"), (draw(inline_prose), "prose"), ("](", "markup")]
            out += [
                (draw(st.sampled_from(["http://a.it/x,,y", "b,,c", "/il/il"])), "target"),
                (")", "markup"),
            ]
        elif choice == 4:
            out += [("<", "markup"), ("https://esempio.it/a,,b", "target"), (">", "markup")]
        elif choice == 5:
            out.append((FLAGGED, "prose"))
        else:
            out.append((draw(st.sampled_from(["&amp;", "\\*", "&#8220;"])), "markup"))
        out.append((" ", "prose"))
    return out


@st.composite
def markdown_documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    """A Markdown document and the source ranges no finding may touch."""
    eol = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    pieces: list[tuple[str, str]] = []
    if draw(st.booleans()):
        # Front matter other than title and description is not prose.
        pieces.append((f"---{eol}slug: {FLAGGED}{eol}lang: it{eol}---{eol}{eol}", "front"))
    for _ in range(draw(st.integers(1, 6))):
        block = draw(st.integers(0, 5))
        if block == 0:
            pieces.append((draw(st.sampled_from(["# ", "## ", "### "])), "markup"))
        elif block == 1:
            pieces.append((draw(st.sampled_from(["- ", "* ", "1. "])), "markup"))
        elif block == 2:
            pieces.append(("> ", "markup"))
        elif block == 3:
            fence = draw(st.sampled_from(["```", "~~~"]))
            pieces.append(
                (f"{fence}{eol}{draw(code_body)}{eol}{draw(code_body)}{eol}{fence}{eol}{eol}", "code")
            )
            continue
        pieces += draw(inline())
        pieces.append((eol + eol, "markup"))
    source = ""
    forbidden: list[tuple[int, int]] = []
    for text, kind in pieces:
        if kind in ("code", "target", "front"):
            forbidden.append((len(source), len(source) + len(text)))
        source += text
    return source, forbidden


@budget("markdown")
@given(markdown_documents(), languages)
@example(("- Putin,, `il il` [x](b,,c)\r\n\r\n", [(10, 17), (22, 26)]), "it")
def test_markdown_findings_map_to_the_original_bytes(document, language):
    source, forbidden = document
    data = source.encode("utf-8")
    result = LINTER.check_text(source, path="x.md", language=language)
    unexpected = [p for p in result.problems if not allowed_problem(source, "x.md", p)]
    assert not unexpected, unexpected
    check_findings(source, result)
    for f in result.findings:
        first = len(source[: f.start].encode("utf-8"))
        last = first + len(f.text.encode("utf-8"))
        assert data[first:last].decode("utf-8") == f.text
        for start, end in forbidden:
            # A finding may span a link whose text and following word repeat ("[il](…) il"), but
            # it never starts, ends or lies inside code, a link target or the front matter.
            assert not start < f.start < end, (f, source[start:end])
            assert not start < f.end < end, (f, source[start:end])
            assert not (start <= f.start < f.end <= end), (f, source[start:end])
    # The planted mistake is found where it is, whatever markup surrounds it.
    if FLAGGED in source:
        where = [m.start() + len("Putin") for m in re.finditer(re.escape(FLAGGED), source)]
        outside = [w for w in where if not any(s <= w < e for s, e in forbidden)]
        hits = {f.start for f in result.findings if f.text == ",,"}
        assert set(outside) <= hits, (outside, hits)


def test_front_matter_with_lone_cr_line_ends_is_not_prose():
    source = "---\rslug: Putin,, il il ( ciao .\rlang: it\r---\r\r# il \r\r"
    result = LINTER.check_text(source, path="x.md", language="it")
    assert [f for f in result.findings if f.start < 47] == []
    # The title is prose, found on its line after a lone CR.
    titled = LINTER.check_text(source.replace("slug:", "title:"), path="x.md", language="it")
    assert [(f.line, f.column, f.code) for f in titled.findings if f.start < 48][:1] == [(2, 13, "PUN001")]


def test_check_text_reuses_one_engine_per_language():
    # A long-lived linter called again and again (as the fuzzing does) must not build an engine per call.
    linter = Linter(load_entry_points=False, isolated=True, cache=Cache(None))
    for _ in range(20):
        for language in ("it", "en"):
            linter.check_text("Il il cane.", language=language)
    assert len(linter._engines) == 2
