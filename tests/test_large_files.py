"""Large files are checked a window at a time (lint.engine.windows): the windows put together are the file,
the cuts leave Markdown whole, the streamed decoding says what whole-file decoding says, and every
finding lands where it would if the file were checked whole."""

from __future__ import annotations

import codecs
import itertools
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import SEED
from lint.decoding import BinaryInput, DecodeError, StreamDecoder, decode
from lint.document import LineIndex
from lint.engine import EngineOptions
from lint.engine.windows import windows
from lint.formatters import needs_lines
from lint.formatters.json import JsonFormatter
from lint.formatters.terminal import ConciseFormatter, TextFormatter
from lint.readers.markdown import markdown_breaks
from lint.readers.plain import paragraph_breaks

SEED_TEXT = SEED.read_text(encoding="utf-8")

# -- cutting -------------------------------------------------------------------------------------------

_pieces = st.lists(
    st.sampled_from(
        [
            "Parola",
            " ",
            "\n",
            "\r\n",
            "\r",
            "\n\n",
            "\r\n\r\n",
            "```",
            "~~~",
            "<!--",
            "-->",
            "  ",
            "\t",
            "è",
            "😀",
            "- x",
        ]
    ),
    max_size=300,
)


@settings(max_examples=300, deadline=None)
@given(_pieces, st.integers(1, 40), st.integers(1, 50), st.booleans())
def test_windows_put_together_are_the_text_and_never_split_a_crlf(parts, size, block, markdown):
    text = "".join(parts)
    blocks = [text[i : i + block] for i in range(0, len(text), block)]
    got = list(windows(blocks, markdown_breaks if markdown else paragraph_breaks, size))
    assert "".join(got) == text
    assert all(got) or got == [""]
    for a, b in itertools.pairwise(got):
        assert not (a.endswith("\r") and b.startswith("\n"))
    # Bounded: no window is longer than twice the size, plus what a last window may carry.
    assert all(len(w) <= 3 * size + 1 for w in got)


def test_cuts_prefer_blank_lines_and_keep_markdown_structure_whole():
    md = "Uno.\n\n```\ncodice\n\naltro\n```\n\n- voce\n\n  seguito\n\n<!-- nota\n\nancora -->\n\nFine.\n"
    cuts = [md[i : i + 6] for i in markdown_breaks(md, 0, len(md))]
    # Not inside the fence, not before the list item's second paragraph, not inside the comment.
    assert cuts == ["```\nco", "- voce", "<!-- n", "Fine.\n"]
    assert [md[i : i + 4] for i in paragraph_breaks(md, 0, len(md))] == [
        "```\n",
        "altr",
        "- vo",
        "  se",
        "<!--",
        "anco",
        "Fine",
    ]
    text = ("Frase uno. Frase due.\n\n" * 40).replace("\n\n", "\n", 5)
    got = list(windows([text], paragraph_breaks, 200))
    assert all(w.endswith("\n\n") for w in got[:-1])


# -- decoding a block at a time --------------------------------------------------------------------------


def _whole(data: bytes, encoding: str | None):
    try:
        d = decode(data, encoding)
    except (DecodeError, BinaryInput) as exc:
        return type(exc).__name__, str(exc)
    return d.text, d.encoding, d.bom


def _streamed(data: bytes, encoding: str | None, block: int):
    try:
        decoder = StreamDecoder(iter([data[i : i + block] for i in range(0, len(data), block)]), encoding)
        text = "".join(decoder)
    except (DecodeError, BinaryInput) as exc:
        return type(exc).__name__, str(exc)
    return text, decoder.encoding, decoder.bom


_texts = st.text(st.sampled_from("aè€😀\n\r ,'’\u0301"), max_size=60)


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        _texts.map(lambda t: t.encode("utf-8")),
        _texts.map(lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        _texts.map(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        _texts.map(lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        _texts.map(lambda t: t.encode("utf-8")).map(lambda b: b[: len(b) // 2] + b"\x93" + b[len(b) // 2 :]),
        st.binary(max_size=40),
    ),
    st.sampled_from([None, "cp1252", "latin-1"]),
    st.integers(1, 9),
)
def test_decoding_a_block_at_a_time_says_what_decoding_whole_says(data, encoding, block):
    assert _streamed(data, encoding, block) == _whole(data, encoding)


def test_an_error_past_the_first_block_has_its_true_line_and_byte_column():
    data = ("riga\n" * 1000 + "così ").encode() + b"\xff" + b" fine\n"
    streamed = _streamed(data, None, 7)
    assert streamed == ("DecodeError", _whole(data, None)[1])
    assert "line 1001, byte column 7" in streamed[1]


# -- checking in windows -------------------------------------------------------------------------------


def _windowed(linter, text: str, path: str, window: int | None):
    options = EngineOptions() if window is None else EngineOptions(large_file_bytes=1, window_chars=window)
    engine = linter.engine_for(linter.finder.for_directory(Path.cwd()), options)
    return engine.check_path(path, text.encode("utf-8"), display=path)


def _keys(result):
    return {(f.code, f.start, f.end, f.start_position, f.end_position, f.message) for f in result.findings}


# Rules whose findings depend on what came before in the same document: an acronym's first use.
FIRST_USE_RULES = {"STY003"}


@pytest.mark.parametrize(
    ("name", "transform"),
    [
        ("a.txt", lambda t: t),
        ("a.txt", lambda t: t.replace("\n", "\r\n")),
        ("a.md", lambda t: t.replace("\n", "\r")),
        ("a.md", lambda t: "---\ntitle: Biden e Putin\ndate: 2021-12-07\n---\n" + t),
        ("a.txt", lambda t: t.replace("\n\n", "\n")),
    ],
)
def test_windowed_findings_are_the_whole_files_at_the_same_places(linter, name, transform):
    text = transform("\n\n".join([SEED_TEXT] * 5))
    whole = _windowed(linter, text, name, None)
    windowed = _windowed(linter, text, name, 3000)
    assert whole.findings and not whole.problems and not windowed.problems
    missing, extra = _keys(whole) - _keys(windowed), _keys(windowed) - _keys(whole)
    assert not missing
    assert {k[0] for k in extra} <= FIRST_USE_RULES
    lines = LineIndex(text)
    for f in windowed.findings:
        assert text[f.start : f.end] == f.text
        assert lines.position(f.start) == f.start_position and lines.position(f.end) == f.end_position
        assert windowed.lines[f.line] == lines.line_text(f.line)
        for edit in f.fix.edits if f.fix else ():
            assert 0 <= edit.start <= edit.end <= len(text)
    assert windowed.language == whole.language == "it"


def test_a_window_cut_inside_a_long_line_keeps_columns_and_line_text(linter):
    text = " ".join(["Il governo ha approvato la legge,, che entra in vigore."] * 300)
    windowed = _windowed(linter, text, "riga.txt", 1000)
    found = [f.start_position.column for f in windowed.findings if f.code == "PUN001"]
    assert found == [m.start() + 1 for m in re.finditer(",,", text)]
    assert all(line == text for line in windowed.lines.values())


def test_suppression_comments_reach_across_windows(linter):
    body = "Il governo ha approvato la legge,, che entra in vigore.\n\n"
    text = (
        "refuso: disable PUN001\n\n"
        + body * 200
        + "refuso: enable PUN001\n\n"
        + body * 3
        + "refuso: disable XYZ999\n"
    )
    windowed = _windowed(linter, text, "a.txt", 500)
    pun = [f.line for f in windowed.findings if f.code == "PUN001"]
    assert pun == [405, 407, 409]
    sty = [(f.line, f.column) for f in windowed.findings if f.code == "STY001"]
    assert sty == [(411, 17)]


def _peak_rss_kb(args: list[str], cwd: Path, cache: Path) -> tuple[int, str, str, int]:
    """Run refuso and return (exit code, stdout, stderr, its peak resident memory in kB)."""
    env = {**os.environ, "REFUSO_CACHE_DIR": str(cache), "NO_COLOR": "1"}
    with open(cwd / "out.txt", "wb") as out, open(cwd / "err.txt", "wb") as err:
        proc = subprocess.Popen(
            [sys.executable, "-m", "lint", *args], cwd=cwd, env=env, stdout=out, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    text = (cwd / "out.txt").read_text(encoding="utf-8"), (cwd / "err.txt").read_text(encoding="utf-8")
    return proc.returncode, *text, usage.ru_maxrss


def test_a_file_over_the_limit_is_streamed_in_bounded_memory(cli_cache, tmp_path):
    # 12 MB of plain text, above the 8 MB at which refuso reads a file a window at a time, with one ",,"
    # every 1,000 lines. Its peak memory is compared with that of 1 MB of the same text checked whole:
    # twelve times the text must not take anywhere near twelve times the memory.
    line = "Il governo ha approvato ieri la legge sul bilancio, che entrerà in vigore a gennaio.\n"
    lines = [line.replace(", che", ",, che") if i % 1000 == 7 else line for i in range(140_000)]
    (tmp_path / "archivio.txt").write_text("".join(lines), encoding="utf-8")
    (tmp_path / "finestra.txt").write_text("".join(lines[:12_000]), encoding="utf-8")
    assert (tmp_path / "archivio.txt").stat().st_size > 12_000_000
    peaks = {}
    for name, count in (("finestra.txt", 12_000), ("archivio.txt", len(lines))):
        args = ["check", name, "--select", "PUN001", "--format", "concise", "--no-source"]
        code, out, err, peaks[name] = _peak_rss_kb(args, tmp_path, cli_cache)
        assert code == 1 and err == ""
        found = [int(row.split(":")[1]) for row in out.splitlines()[:-1]]
        assert found == [i + 1 for i in range(count) if i % 1000 == 7]
    assert peaks["archivio.txt"] < 2 * peaks["finestra.txt"], peaks
    # With two jobs, its windows are checked by two workers, with the same findings.
    args = [
        "check",
        "archivio.txt",
        "--select",
        "PUN001",
        "--format",
        "concise",
        "--no-source",
        "--jobs",
        "2",
    ]
    code, two_jobs, err, _ = _peak_rss_kb(args, tmp_path, cli_cache)
    assert (code, err) == (1, "")
    assert two_jobs == out


def test_line_texts_are_kept_only_for_reports_that_show_them(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text("Il governo,, ha detto.\n", encoding="utf-8")
    shown = run_cli("check", "a.txt", "--format", "text", cwd=tmp_path)
    assert "1 | Il governo,, ha detto." in shown.out
    sarif = run_cli("check", "a.txt", "--format", "sarif", cwd=tmp_path)
    assert '"text": "Il governo,, ha detto."' in sarif.out
    assert needs_lines(TextFormatter(), True) and not needs_lines(TextFormatter(), False)
    assert not needs_lines(ConciseFormatter(), True) and not needs_lines(JsonFormatter(), True)
    assert needs_lines(object(), False)  # a plugin's formatter that does not say gets them


def test_fixing_a_file_over_the_limit_changes_only_the_fixed_spans(run_cli, tmp_path):
    line = "Il governo ha approvato ieri la legge sul bilancio, che entrerà in vigore a gennaio.\r\n"
    lines = [line.replace(", che", ",, che") if i % 1000 == 7 else line for i in range(110_000)]
    original = "".join(lines).encode("utf-8")
    assert len(original) > 9_000_000
    (tmp_path / "a.txt").write_bytes(original)
    result = run_cli("check", "a.txt", "--select", "PUN001", "--fix", "--format", "concise", cwd=tmp_path)
    assert result.code == 0, result.err
    assert result.out == "All checks passed! (1 file checked)\n"
    assert "Fixed 110 problems in 1 file." in result.err
    assert (tmp_path / "a.txt").read_bytes() == original.replace(b",, che", b", che")


def test_each_window_of_an_archive_gets_its_own_language_unless_the_front_matter_says(linter):
    italian = "Il governo ha approvato ieri la legge sul bilancio,, che entrerà in vigore a gennaio.\n\n"
    english = "The government approved the budget law yesterday,, and it comes into force in January.\n\n"
    said_it = "Punteggiatura doppia «,,»: basta un solo «,»"
    said_en = "Doubled punctuation “,,”: one “,” is enough"
    text = italian * 40 + english * 40
    windowed = _windowed(linter, text, "a.txt", 1500)
    messages = [f.message for f in windowed.findings if f.code == "PUN001"]
    assert len(messages) == 80 and set(messages) == {said_it, said_en}
    # Windows of only one language get its messages (the window that straddles the two gets one).
    assert messages[:30] == [said_it] * 30 and messages[-30:] == [said_en] * 30
    fixed = _windowed(linter, "---\nlang: it\n---\n" + text, "a.md", 1500)
    assert fixed.language == "it"
    assert [f.message for f in fixed.findings if f.code == "PUN001"] == [said_it] * 80


def test_windows_checked_in_parallel_give_what_one_process_gives(linter, tmp_path):
    from lint.engine.parallel import run_targets
    from lint.walk import Target

    text = "---\nlang: it\n---\n" + "\n\n".join([SEED_TEXT] * 6) + "\nrefuso: disable PUN001\n"
    (tmp_path / "a.md").write_text(text, encoding="utf-8")
    settings = linter.finder.for_directory(Path.cwd())
    engine = linter.engine_for(settings, EngineOptions(large_file_bytes=1, window_chars=2500))
    one = engine.check_path(str(tmp_path / "a.md"), display="a.md")
    two = run_targets([Target(str(tmp_path / "a.md"), "a.md", settings)], [engine], jobs=2)
    assert one.findings and len(two) == 1
    assert two[0] == one
